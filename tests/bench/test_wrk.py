import pytest

from bench.wrk import LoadSpec, WrkResult, lua_script, parse_report

REPORT = (
    "Running 5s test @ http://127.0.0.1:8000/\n"
    "  2 threads and 32 connections\n"
    "BENCH-REPORT requests=10000 bytes=71000000 duration_us=5000000 errors=3"
    " p50_us=12500 p90_us=20100 p99_us=48000 max_us=91000\n"
)


def test_the_report_line_gives_throughput_and_latency_in_milliseconds():
    result = parse_report(REPORT)

    assert result == WrkResult(
        requests=10000,
        duration_s=5.0,
        bytes=71000000,
        errors=3,
        p50_ms=12.5,
        p90_ms=20.1,
        p99_ms=48.0,
        max_ms=91.0,
    )
    assert result.requests_per_second == 2000.0
    assert result.as_dict()["requests_per_second"] == 2000.0


def test_output_without_a_report_line_is_an_error_quoting_the_output():
    with pytest.raises(ValueError, match="unable to connect"):
        parse_report("unable to connect to 127.0.0.1:8000 Connection refused\n")


def test_the_lua_script_sets_method_body_and_headers_and_prints_the_report():
    script = lua_script(
        LoadSpec("POST", "csrfmiddlewaretoken=abc&signs=none", (("Cookie", 'a="b c"'),))
    )

    assert 'method = "POST"' in script
    assert 'body = "csrfmiddlewaretoken=abc&signs=none"' in script
    assert '["Cookie"] = "a=\\"b c\\""' in script
    assert "latency:percentile(99)" in script
    assert 'local line = "BENCH-REPORT"' in script


def test_a_get_sends_no_body():
    assert "body = nil" in lua_script(LoadSpec())


def test_non_ascii_cannot_reach_a_lua_string():
    with pytest.raises(ValueError, match="ASCII"):
        lua_script(LoadSpec("GET", "", (("Cookie", "name=é"),)))
