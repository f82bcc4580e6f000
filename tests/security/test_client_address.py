"""Behind proxies that append to X-Forwarded-For, the client is the address a configured number
of trusted proxies from the right, the left-most when the header is shorter: whatever a client
writes in front of it changes nothing, and a stranger behind a corporate proxy locks out only
their own address, never every editor behind the same proxy."""

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings

from backspasm.web.clientaddress import client_address, from_forwarded
from tests.support.html import Page
from tests.support.server import AppServer, Browser, app_server, manage, server_environment

PASSWORD = "a-long-passphrase-for-the-proxy-test"
CLIENT = "198.51.100.7"
ANOTHER_CLIENT = "198.51.100.8"
CORPORATE_PROXY = "10.20.0.1"
SPOOFED = "192.0.2.99"


@pytest.mark.parametrize(
    ("forwarded", "trusted", "client"),
    [
        (["a"], 1, "a"),
        (["a"], 2, "a"),
        (["a"], 3, "a"),
        (["a", "b"], 1, "b"),
        (["a", "b"], 2, "a"),
        (["a", "b"], 3, "a"),
        (["a", "b", "c"], 1, "c"),
        (["a", "b", "c"], 2, "b"),
        (["a", "b", "c"], 3, "a"),
    ],
)
def test_the_client_is_the_address_that_many_trusted_proxies_from_the_right(
    forwarded: list[str], trusted: int, client: str
):
    assert from_forwarded(forwarded, trusted) == client


@override_settings(BEHIND_PROXY=True, TRUSTED_PROXY_COUNT=1)
def test_junk_in_the_header_falls_back_to_the_proxys_address():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="unknown")

    assert client_address(request) == "10.0.0.2"


@override_settings(BEHIND_PROXY=False)
def test_without_a_proxy_the_header_is_ignored():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=CLIENT)

    assert client_address(request) == "10.0.0.2"


@pytest.fixture(scope="module")
def behind_two_proxies(
    static_root: Path, database_copy: Callable[[Path], Path], tmp_path_factory
) -> Iterator[tuple[AppServer, Path]]:
    """The site behind a corporate proxy and ours: DJANGO_TRUSTED_PROXY_COUNT=2."""
    workdir = tmp_path_factory.mktemp("proxies")
    database = database_copy(workdir)
    env = server_environment(
        static_root,
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_BEHIND_PROXY="1",
        DJANGO_TRUSTED_PROXY_COUNT="2",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    manage(env, "createsuperuser", "--no-input", "--username", "editor", "--email", "")
    with app_server(env, workdir / "gunicorn.log", workers=1) as server:
        yield server, database


def wrong_password(server: AppServer, forwarded: str) -> Page:
    browser = Browser(server.base_url)
    page = browser.get("/admin/account/login/")
    form = page.form("#login-form")
    data = {**form.data(), "auth-username": "editor", "auth-password": "a-wrong-guess"}
    return browser.request("POST", form.action, data, {"X-Forwarded-For": forwarded})


def last_counted_address(database: Path) -> str:
    with closing(sqlite3.connect(database)) as connection:
        row = connection.execute(
            "SELECT ip_address FROM axes_accessattempt ORDER BY attempt_time DESC LIMIT 1"
        ).fetchone()
    return str(row[0])


@pytest.mark.parametrize(
    "forwarded",
    [
        pytest.param(CLIENT, id="one address: shorter than two proxies, the left-most"),
        pytest.param(f"{CLIENT}, {CORPORATE_PROXY}", id="two addresses"),
        pytest.param(f"{SPOOFED}, {CLIENT}, {CORPORATE_PROXY}", id="three, the first spoofed"),
    ],
)
def test_behind_two_proxies_the_lockout_counts_the_client(
    behind_two_proxies: tuple[AppServer, Path], forwarded: str
):
    server, database = behind_two_proxies

    assert wrong_password(server, forwarded).status == 200

    assert last_counted_address(database) == CLIENT


def test_a_stranger_behind_the_corporate_proxy_locks_out_only_their_own_address(
    behind_two_proxies: tuple[AppServer, Path],
):
    server, _ = behind_two_proxies
    for attempt in range(5):
        spoofed = f"192.0.2.{attempt}, {ANOTHER_CLIENT}, {CORPORATE_PROXY}"
        response = wrong_password(server, spoofed)
    assert response.status == 429, "each spoofed first entry is ignored: five guesses lock"

    editor = wrong_password(server, f"{CLIENT}, {CORPORATE_PROXY}")

    assert editor.status == 200, "the editor behind the same proxy can still sign in"
