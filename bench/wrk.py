"""Load one URL with wrk and read back throughput, latency percentiles and errors."""

import json
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

REPORT_MARKER = "BENCH-REPORT"

# wrk's Lua hooks: `init` sets the request once (method, body, headers), `done` prints one line
# of name=value pairs with exact percentiles from wrk's own histogram, so nothing depends on the
# layout of wrk's human-readable output.
SCRIPT_TEMPLATE = """
local request_spec = %(spec)s
wrk.method = request_spec.method
wrk.body = request_spec.body
for name, value in pairs(request_spec.headers) do wrk.headers[name] = value end

done = function(summary, latency, requests)
  local e = summary.errors
  local figures = {
    requests = summary.requests, duration_us = summary.duration, bytes = summary.bytes,
    errors = e.connect + e.read + e.write + e.status + e.timeout,
    p50_us = latency:percentile(50), p90_us = latency:percentile(90),
    p99_us = latency:percentile(99), max_us = latency.max,
  }
  local line = "%(marker)s"
  for name, value in pairs(figures) do line = line .. string.format(" %%s=%%d", name, value) end
  io.write(line .. "\\n")
end
"""


@dataclass(frozen=True, slots=True)
class LoadSpec:
    method: str = "GET"
    body: str = ""
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class WrkResult:
    requests: int
    duration_s: float
    bytes: int
    errors: int  # socket errors, timeouts and responses with a status of 400 or more
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "requests_per_second": round(self.requests_per_second, 1)}


def _lua_string(value: str) -> str:
    """A Lua string literal: JSON's is one, for the ASCII of URLs, cookies and form bodies."""
    if not value.isascii():
        raise ValueError(f"wrk requests are ASCII, not {value!r}")
    return json.dumps(value)


def lua_script(spec: LoadSpec) -> str:
    headers = ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in spec.headers)
    table = (
        f"{{method = {_lua_string(spec.method)}, body = "
        f"{_lua_string(spec.body) if spec.body else 'nil'}, headers = {{{headers}}}}}"
    )
    return SCRIPT_TEMPLATE % {"spec": table, "marker": REPORT_MARKER}


def parse_report(output: str) -> WrkResult:
    """The figures from the line the `done` hook printed."""
    for line in output.splitlines():
        if line.startswith(REPORT_MARKER + " "):
            figures = {
                name: int(value)
                for name, value in (pair.split("=", 1) for pair in line.split()[1:])
            }
            return WrkResult(
                requests=figures["requests"],
                duration_s=figures["duration_us"] / 1_000_000,
                bytes=figures["bytes"],
                errors=figures["errors"],
                p50_ms=figures["p50_us"] / 1000,
                p90_ms=figures["p90_us"] / 1000,
                p99_ms=figures["p99_us"] / 1000,
                max_ms=figures["max_us"] / 1000,
            )
    raise ValueError(f"wrk printed no report:\n{output[-2000:]}")


def run_wrk(
    url: str, spec: LoadSpec, *, connections: int, threads: int, duration_s: float
) -> WrkResult:
    executable = shutil.which("wrk")
    if executable is None:
        raise RuntimeError("wrk is not installed: `apt-get install wrk` (make bench does this)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua_script(spec))
    try:
        completed = subprocess.run(
            [
                executable,
                f"--connections={connections}",
                f"--threads={threads}",
                f"--duration={duration_s:g}s",
                "--timeout=10s",
                f"--script={script.name}",
                url,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        Path(script.name).unlink()
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed: {completed.stderr.strip() or completed.stdout[-1000:]}")
    return parse_report(completed.stdout)
