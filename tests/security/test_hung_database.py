"""While PostgreSQL hangs, what needs no database keeps answering within a second.

The site runs under gunicorn with the project's configuration, its database reached through a
proxy on loopback that turns into a black hole mid-test. Requests that need the database (the
health check here) are left stuck on it; the emergency advice and cached public pages must not
queue behind them.
"""

import json
import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.production import services
from tests.security.blackhole import BlackholeProxy
from tests.support.checker import walk_checker
from tests.support.html import Page
from tests.support.server import AppServer, Browser, app_server, manage, production_environment

pytestmark = [pytest.mark.faults, pytest.mark.xdist_group("hung-database")]

WITHIN = 1.0  # seconds: what a frightened person on a phone should wait at most
REQUESTS_STUCK_ON_THE_DATABASE = 6
REQUESTS_WAITING_ON_THE_DATABASE = 50


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    if problem := services.postgres_problem():
        pytest.skip(f"needs PostgreSQL on this machine: {problem}")
    name = f"backspasm_hung_{os.getpid()}"
    url = services.create_database(name)
    try:
        yield url
    finally:
        services.drop_databases(name)


@pytest.fixture
def site_behind_a_blackhole(
    database_url: str, tmp_path: Path
) -> Iterator[tuple[AppServer, BlackholeProxy]]:
    parts = urlsplit(database_url)
    env = production_environment(
        DATABASE_URL=database_url,
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_CACHE_DIR=str(tmp_path / "cache"),
    )
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    with BlackholeProxy(parts.port or 5432) as proxy:
        proxied = parts._replace(netloc=f"{parts.username}@127.0.0.1:{proxy.port}")
        env["DATABASE_URL"] = urlunsplit(proxied)
        with app_server(env, tmp_path / "gunicorn.log", name="hung") as server:
            yield server, proxy
            # Before the server stops, so that it need not wait for requests stuck on it.
            proxy.stop()


def timed(browser: Browser, times: list[float]):
    def fetch(method: str, url: str, data: dict[str, list[str]] | None) -> Page:
        started = time.monotonic()
        page = browser.fetch(method, url, data)
        times.append(time.monotonic() - started)
        return page

    return fetch


@dataclass
class Answer:
    status: int  # 0: dropped, which no longer holds a thread either
    retry_after: str | None = None
    html: str = ""


def ask_for_the_database(base_url: str, answers: list[Answer] | None = None, n: int = 0) -> Answer:
    """A page that needs the database: asked with a query string, so no cache answers it."""
    url = f"{base_url}/guidance/when-to-get-help/?n={n}"
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            answer = Answer(response.status, html=response.read().decode())
    except urllib.error.HTTPError as error:
        answer = Answer(error.code, error.headers["Retry-After"], error.read().decode())
    except (urllib.error.URLError, OSError):
        answer = Answer(0)
    if answers is not None:
        answers.append(answer)
    return answer


def health(base_url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(f"{base_url}/healthz", timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_emergency_advice_and_cached_pages_answer_within_a_second_while_the_database_hangs(
    site_behind_a_blackhole,
):
    server, proxy = site_behind_a_blackhole
    base_url = f"http://127.0.0.1:{server.port}"
    browser = Browser(base_url)
    # Warm: the public page is cached and every template compiled, as on a live site.
    for _ in range(2):
        assert browser.get("/about/").status == 200
    assert walk_checker(browser.fetch, {"saddle_numbness": True}).disposition == "emergency"

    proxy.hang()
    stuck = [
        threading.Thread(target=ask_for_the_database, args=(base_url,), daemon=True)
        for _ in range(REQUESTS_STUCK_ON_THE_DATABASE)
    ]
    for request in stuck:
        request.start()
    assert proxy.wait_for_stuck_clients(2, timeout=30), "no request reached the database"

    times: list[float] = []
    someone_new = Browser(base_url)
    result = walk_checker(timed(someone_new, times), {"saddle_numbness": True})
    cached = timed(someone_new, times)("GET", "/about/", None)

    assert result.disposition == "emergency"
    assert 'href="tel:999"' in result.html
    assert cached.status == 200
    assert max(times) < WITHIN, [round(seconds, 2) for seconds in times]


def test_with_fifty_requests_waiting_on_a_hung_database_help_still_answers_and_all_recovers(
    site_behind_a_blackhole,
):
    server, proxy = site_behind_a_blackhole
    base_url = server.base_url
    browser = Browser(base_url)
    for page in ("/", "/about/", "/guidance/when-to-get-help/"):
        assert browser.get(page).status == 200
    assert walk_checker(browser.fetch, {"saddle_numbness": True}).disposition == "emergency"

    proxy.hang()
    answers: list[Answer] = []
    waiting = [
        threading.Thread(target=ask_for_the_database, args=(base_url, answers, n), daemon=True)
        for n in range(REQUESTS_WAITING_ON_THE_DATABASE)
    ]
    for request in waiting:
        request.start()
    assert proxy.wait_for_stuck_clients(2, timeout=30), "no request reached the database"

    someone_new = Browser(base_url)
    result = walk_checker(someone_new.fetch, {"saddle_numbness": True})
    assert result.disposition == "emergency" and 'href="tel:999"' in result.html
    for page in ("/", "/about/", "/guidance/when-to-get-help/"):
        cached = someone_new.get(page)
        assert cached.status == 200, page
        assert 'href="tel:999"' in cached.html
    status, report = health(base_url)
    assert (status, report["checks"]) == (503, {"database": "down", "cache": "ok", "disk": "ok"})

    # Every request that needed the database was answered (the error page, with the emergency
    # card, or the page's last good copy): none is left holding a thread.
    for request in waiting:
        request.join(timeout=120)
    assert len(answers) == REQUESTS_WAITING_ON_THE_DATABASE
    # 503 for those that waited for the database in vain and for those turned away at once, with
    # the emergency advice and when to ask again: the database is down, no page is broken.
    statuses = {answer.status for answer in answers}
    assert 503 in statuses and statuses <= {200, 503}, sorted(statuses)
    assert all('href="tel:999"' in answer.html for answer in answers)
    assert all(str(answer.retry_after).isdigit() for answer in answers if answer.status == 503)

    proxy.thaw()
    # Each worker's breaker tries the database again a few seconds after it last failed.
    deadline = time.monotonic() + 60
    again: list[int] = []
    while again[-8:] != [200] * 8:
        assert time.monotonic() < deadline, f"no recovery after the database did: {again}"
        again.append(ask_for_the_database(base_url, n=len(again)).status)
        if again[-1] != 200:
            threading.Event().wait(0.2)
    assert health(base_url)[0] == 200
    assert (
        walk_checker(
            Browser(base_url).fetch,
            {"age": 42, "duration_days": 20, "pain_score": 5, "sciatica": True},
        ).disposition
        == "gp"
    )
