"""`python -m bench --only faults`: what a person waits for while something around the site fails.

- PostgreSQL black-holed (a loopback proxy that swallows every byte) while 50 clients keep asking
  for a page that needs it: the emergency journey's and cached pages' latencies, /healthz, how a
  request that needs the database ends, and how long the site takes to recover after the thaw.
  `make bench` runs the chosen settings; `python -m bench.faults` the options docs/adr/0021
  weighs as well.
- 200 slow clients (half a request each, never finished) in front of the app server, straight to
  gunicorn and through deploy/nginx/backspasm.conf: the emergency journey's latencies.

Needs nginx, and PostgreSQL: the server DATABASE_URL names (without one, this part is skipped
and says so).
"""

import contextlib
import json
import os
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bench import budgets
from bench.budgets import Check
from tests.production import services
from tests.security.blackhole import BlackholeProxy
from tests.support.checker import walk_checker
from tests.support.html import Page
from tests.support.nginx import nginx_in_front
from tests.support.server import Browser, app_server, prepared_site

WAITING_ON_THE_DATABASE = 50
SLOW_CLIENTS = 200
JOURNEYS = 8
CACHED_PAGES = ("/", "/about/", "/guidance/when-to-get-help/")

# name, gunicorn options, environment: the chosen settings and the options weighed against them.
VARIANTS: list[tuple[str, list[str], dict[str, str]]] = [
    ("chosen: 4 threads, 2 seats, 3 s wait, breaker", [], {}),
    # The settings read GUNICORN_THREADS for the seats; gunicorn keeps --threads 4.
    ("no seats limit (4 of 4 threads may wait)", [], {"GUNICORN_THREADS": "8"}),
    ("no client wait bound (DATABASE_WAIT_SECONDS=0)", [], {"DATABASE_WAIT_SECONDS": "0"}),
    ("8 threads, 4 seats", ["--threads", "8"], {"GUNICORN_THREADS": "8"}),
]


def p(values: list[float], percent: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def summary(seconds: list[float]) -> dict[str, Any]:
    return {
        "n": len(seconds),
        "p50_ms": round(p(seconds, 50) * 1000, 1),
        "p99_ms": round(p(seconds, 99) * 1000, 1),
        "max_ms": round(max(seconds, default=float("nan")) * 1000, 1),
    }


def timed_fetch(browser: Browser, times: list[float]) -> Callable[..., Page]:
    def fetch(method: str, url: str, data: dict[str, list[str]] | None) -> Page:
        started = time.monotonic()
        page = browser.fetch(method, url, data)
        times.append(time.monotonic() - started)
        return page

    return fetch


def status_and_seconds(url: str, timeout: float = 60) -> tuple[int, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = int(response.status)
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, OSError):
        status = 0
    return status, time.monotonic() - started


def help_under_fault(base_url: str) -> dict[str, Any]:
    journey: list[float] = []
    cached: list[float] = []
    for _ in range(JOURNEYS):
        browser = Browser(base_url)
        result = walk_checker(timed_fetch(browser, journey), {"saddle_numbness": True})
        assert result.disposition == "emergency", result.url
        for page in CACHED_PAGES:
            timed_fetch(Browser(base_url), cached)("GET", page, None)
    return {"emergency_journey": summary(journey), "cached_pages": summary(cached)}


@contextlib.contextmanager
def clients_asking_for_the_database(base_url: str) -> Iterator[list[tuple[int, float]]]:
    """WAITING_ON_THE_DATABASE clients, each asking again as soon as it has its answer."""
    answers: list[tuple[int, float]] = []
    stop = threading.Event()

    def ask(n: int) -> None:
        while not stop.is_set():
            answers.append(status_and_seconds(f"{base_url}/guidance/symptoms/?n={n}"))

    threads = [
        threading.Thread(target=ask, args=(n,), daemon=True) for n in range(WAITING_ON_THE_DATABASE)
    ]
    for thread in threads:
        thread.start()
    try:
        yield answers
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=120)


def hung_database(variant: str, options: list[str], extra: dict[str, str]) -> dict[str, Any]:
    name = f"backspasm_bench_faults_{os.getpid()}"
    url = services.create_database(name)
    try:
        with tempfile.TemporaryDirectory(prefix="backspasm-bench-faults-") as workdir:
            env = prepared_site(Path(workdir), DATABASE_URL=url)
            parts = urlsplit(url)
            with BlackholeProxy(parts.port or 5432, lifetime=600) as proxy:
                env["DATABASE_URL"] = urlunsplit(
                    parts._replace(netloc=f"{parts.username}@127.0.0.1:{proxy.port}")
                )
                env.update(extra)
                log = Path(workdir) / "gunicorn.log"
                with app_server(env, log, *options, name="faults", workers=None) as server:
                    result = measure_hang(server.base_url, proxy)
                    proxy.stop()
            result["variant"] = variant
            return result
    finally:
        services.drop_databases(name)


def measure_hang(base_url: str, proxy: BlackholeProxy) -> dict[str, Any]:
    for _ in range(3):
        help_under_fault(base_url)  # every worker warm, every public page cached
    before = help_under_fault(base_url)
    proxy.hang()
    hung_at = time.monotonic()
    with clients_asking_for_the_database(base_url) as answers:
        proxy.wait_for_stuck_clients(2, timeout=30)
        during = help_under_fault(base_url)
        health = [status_and_seconds(f"{base_url}/healthz") for _ in range(5)]
        needing_database = list(answers)
        proxy.thaw()
        thawed_at = time.monotonic()
        recovered_after = None
        streak = 0
        while time.monotonic() - thawed_at < 60:
            status, _ = status_and_seconds(f"{base_url}/guidance/symptoms/?n=recovery")
            streak = streak + 1 if status == 200 else 0
            if streak == 8:
                recovered_after = round(time.monotonic() - thawed_at, 1)
                break
    statuses: dict[int, int] = {}
    for status, _ in needing_database:
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "before": before,
        "while_hung": during,
        "healthz": {
            "statuses": sorted({status for status, _ in health}),
            **summary([seconds for _, seconds in health]),
        },
        "needing_the_database": {
            "answered": len(needing_database),
            "in_seconds": round(thawed_at - hung_at, 1),
            "statuses": statuses,
            **summary([seconds for _, seconds in needing_database]),
        },
        "recovered_after_thaw_s": recovered_after,
    }


@contextlib.contextmanager
def slow_clients(port: int) -> Iterator[int]:
    """Yields how many got a connection: a server that stops accepting leaves the rest waiting
    in its listen queue, and past the queue a client's connect times out."""
    with contextlib.ExitStack() as stack:
        connected = 0
        for _ in range(SLOW_CLIENTS):
            try:
                client = stack.enter_context(socket.create_connection(("127.0.0.1", port), 2))
                client.sendall(b"GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                connected += 1
            except OSError:
                break
        yield connected


def journey_or_stall(base_url: str) -> dict[str, Any]:
    times: list[float] = []
    try:
        for _ in range(JOURNEYS):
            browser = Browser(base_url)
            walk_checker(timed_fetch(browser, times), {"saddle_numbness": True})
    except (OSError, urllib.error.URLError) as error:
        return {"stalled": f"{type(error).__name__}: {error}", **summary(times)}
    return summary(times)


def slow_clients_in_front() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="backspasm-bench-slow-") as workdir:
        env = prepared_site(Path(workdir), DJANGO_BEHIND_PROXY="1")
        with app_server(env, Path(workdir) / "gunicorn.log", workers=None) as server:
            static_root = Path(env["DJANGO_STATIC_ROOT"])
            with nginx_in_front([server.port], static_root, Path(workdir) / "nginx") as proxy:
                journey_or_stall(proxy.base_url)
                with slow_clients(proxy.port) as connected:
                    through_nginx = {"connected": connected, **journey_or_stall(proxy.base_url)}
                with slow_clients(server.port) as connected:
                    # urllib's own timeout (60 s in Browser) would hide a stall: ask with 10 s.
                    status, seconds = status_and_seconds(f"{server.base_url}/check/", 10)
                    direct = {"connected": connected, "status": status, "seconds": seconds}
            return {"through_nginx": through_nginx, "straight_to_gunicorn": direct}


def fault_checks(results: dict[str, Any]) -> list[Check]:
    """The budgets, held against the chosen settings (the first variant)."""
    checks: list[Check] = []
    if hung := results.get("hung_database"):
        chosen = hung[0]["while_hung"]
        for part in ("emergency_journey", "cached_pages"):
            checks.append(
                Check(
                    f"hung database: {part}",
                    "p99_ms",
                    chosen[part]["p99_ms"],
                    budgets.UNDER_FAULT_P99_MS,
                    True,
                )
            )
        health = hung[0]["healthz"]
        checks.append(
            Check(
                "hung database: /healthz (503)",
                "max_ms",
                health["max_ms"] if health["statuses"] == [503] else None,
                budgets.HEALTHZ_UNDER_FAULT_MS,
                True,
            )
        )
    if slow := results.get("slow_clients"):
        through = slow["through_nginx"]
        checks.append(
            Check(
                "200 slow clients through nginx: emergency journey",
                "p99_ms",
                None if "stalled" in through else through["p99_ms"],
                budgets.UNDER_FAULT_P99_MS,
                True,
            )
        )
    return checks


def run_faults(every_variant: bool = False) -> dict[str, Any]:
    if problem := services.postgres_problem():
        return {"skipped": problem}
    results: dict[str, Any] = {"hung_database": []}
    print("faults: 200 slow clients", flush=True)
    results["slow_clients"] = slow_clients_in_front()
    print(json.dumps(results["slow_clients"]), flush=True)
    for variant, options, extra in VARIANTS if every_variant else VARIANTS[:1]:
        print(f"faults: hung database, {variant}", flush=True)
        results["hung_database"].append(hung_database(variant, options, extra))
        print(json.dumps(results["hung_database"][-1]), flush=True)
    return results


if __name__ == "__main__":
    print(json.dumps(run_faults(every_variant=True), indent=2))
