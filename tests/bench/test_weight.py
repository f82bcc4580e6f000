import pytest

from bench.client import Response
from bench.weight import conditional_headers, is_cached_for_repeat_visit, visit_from


def response(status=200, body=b"", **headers: str) -> Response:
    pairs = tuple((name.replace("_", "-"), value) for name, value in headers.items())
    return Response("GET", "http://127.0.0.1/x", status, pairs, body)


@pytest.mark.parametrize(
    ("cache_control", "cached"),
    [
        ("max-age=315360000, public, immutable", True),
        ("public, max-age=31536000", True),
        ("immutable", True),
        ("max-age=60, public", False),
        ("no-cache, max-age=31536000", False),
        ("private, no-store", False),
        ("s-maxage=31536000", False),
        (None, False),
    ],
)
def test_only_far_future_or_immutable_responses_skip_the_network_on_a_repeat_visit(
    cache_control, cached
):
    assert is_cached_for_repeat_visit(cache_control) is cached


def test_a_repeat_request_carries_both_validators_when_the_response_had_them():
    first = response(ETag='"abc"', Last_Modified="Thu, 26 Nov 2026 10:00:00 GMT")

    assert conditional_headers(first) == {
        "If-None-Match": '"abc"',
        "If-Modified-Since": "Thu, 26 Nov 2026 10:00:00 GMT",
    }
    assert conditional_headers(response()) == {}


def test_wire_bytes_count_the_status_line_headers_blank_line_and_compressed_body():
    reply = response(body=b"x" * 100, Content_Encoding="br")

    # "HTTP/1.1 200 XX\r\n" is 17, "Content-Encoding: br\r\n" is 22, the blank line 2.
    assert reply.header_bytes == 17 + 22 + 2
    assert reply.wire_bytes == 141


def test_a_visit_sums_every_fetch_and_counts_each_as_a_request():
    visit = visit_from([response(body=b"a" * 1000), response(304, ETag='"e"')])

    assert visit.requests == 2
    assert visit.bytes == sum(fetch.bytes for fetch in visit.fetches)
    assert [fetch.status for fetch in visit.fetches] == [200, 304]
    assert visit.fetches[0].encoding == "identity"
