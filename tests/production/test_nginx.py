"""The nginx configuration that ships (deploy/nginx/backspasm.conf), in front of the real app
server: static files with long lifetimes, rate limits on search and sign-in, no query string or
client address in any log, and slow clients held by nginx, never by gunicorn."""

import json
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.support.checker import walk_checker
from tests.support.nginx import Proxy, nginx_in_front, nginx_problem
from tests.support.server import Browser, app_server

pytestmark = [pytest.mark.faults, pytest.mark.xdist_group("nginx")]

SLOW_CLIENTS = 200


@pytest.fixture(scope="module")
def proxy(
    tmp_path_factory: pytest.TempPathFactory, site_of_its_own: Callable[..., dict[str, str]]
) -> Iterator[Proxy]:
    if problem := nginx_problem():
        pytest.skip(problem)
    workdir = tmp_path_factory.mktemp("nginx")
    env = site_of_its_own(workdir, DJANGO_BEHIND_PROXY="1")
    with (
        app_server(env, workdir / "gunicorn.log") as server,
        nginx_in_front([server.port], Path(env["DJANGO_STATIC_ROOT"]), workdir / "nginx") as proxy,
    ):
        yield proxy


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_pages_pass_through_and_static_files_are_kept_for_a_year(proxy: Proxy):
    home = Browser(proxy.base_url).get("/")
    assert home.status == 200
    stylesheet = home.soup.select_one("link[rel=stylesheet]")
    assert stylesheet is not None

    request = urllib.request.Request(
        f"{proxy.base_url}{stylesheet['href']}", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Server"].startswith("nginx")


def test_search_and_sign_in_are_rate_limited_per_address(proxy: Proxy):
    search = [status_of(f"{proxy.base_url}/search/?q=pain") for _ in range(20)]
    sign_in = [status_of(f"{proxy.base_url}/admin/account/login/") for _ in range(12)]

    assert search[0] == 200 and 429 in search
    assert sign_in[0] == 200 and 429 in sign_in
    assert status_of(f"{proxy.base_url}/about/") == 200


def test_no_log_holds_a_query_string_or_the_clients_address(proxy: Proxy):
    secret = "numbness-between-the-legs"
    for _ in range(15):
        status_of(f"{proxy.base_url}/search/?q={secret}")
    status_of(f"{proxy.base_url}/no-such-page/?q={secret}")

    logs = proxy.logs()
    assert '"GET /search/" 200' in logs
    assert secret not in logs and "?q=" not in logs
    assert not re.search(r"\b127\.0\.0\.1\b", logs)


def test_the_emergency_result_answers_while_200_slow_clients_hold_connections(proxy: Proxy):
    with ExitStack() as slow_clients:
        for _ in range(SLOW_CLIENTS):
            client = slow_clients.enter_context(
                socket.create_connection(("127.0.0.1", proxy.port), timeout=10)
            )
            client.sendall(b"GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")

        result = walk_checker(Browser(proxy.base_url).fetch, {"saddle_numbness": True})

        assert result.disposition == "emergency"
        assert 'href="tel:999"' in result.html
        health = json.loads(Browser(proxy.base_url).get("/healthz").html)
        assert health["status"] == "ok"
