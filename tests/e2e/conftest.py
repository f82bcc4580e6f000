"""Fixtures for the browser tests: Debian's Chromium, a live server and the pages it serves."""

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.audit import DESKTOP
from tests.e2e.crawl import Site, crawl
from tests.support.database import MIGRATED_ROWS

# Playwright's sync API runs an asyncio event loop in the test's own thread. Django sees that loop
# and refuses ORM calls from the thread (SynchronousOnlyOperation), although they are ordinary
# blocking calls: the test database set-up and the flush between tests. Nothing here touches the
# ORM from inside a coroutine, so the check is switched off for this process. Django reads the
# variable on every ORM call, so setting it while this file is collected, before any test or
# database set-up runs, is early enough.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Debian's headless shell: the same Chromium build's page engine without the desktop browser
# around it. Each new browser context costs it a third of the CPU the full browser spends, and
# contexts are what keeps one test's cookies from the next (docs/adr/0024-browser-tests.md). The
# full browser stays for watching a test with --headed.
HEADLESS_CHROMIUM = "/usr/bin/chromium-headless-shell"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# A busy CI machine can take seconds to render a page; waiting longer costs a passing test nothing.
expect.set_options(timeout=15_000)


# The slowest browser test takes about a minute on an idle machine. Some waits in Playwright
# (an evaluated promise, for one) have no timeout of their own, so a stalled browser would hang
# the whole run: past this limit the test fails and prints where it was stuck.
STALLED_AFTER_SECONDS = 900


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.timeout(STALLED_AFTER_SECONDS))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The checker's journey lengths and page sizes, so the next change can compare (the
    figures travel with each test's report, so this works under xdist too)."""
    lines = [
        str(value)
        for report in terminalreporter.stats.get("passed", [])
        for name, value in getattr(report, "user_properties", ())
        if name == "checker_figures"
    ]
    if lines:
        terminalreporter.write_sep("-", "symptom checker figures")
        for line in sorted(lines):
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def browser_type_launch_args(pytestconfig: pytest.Config) -> dict[str, Any]:
    """Debian's Chromium, never a browser downloaded by Playwright."""
    executable = CHROMIUM if pytestconfig.getoption("headed") else HEADLESS_CHROMIUM
    return {"executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(django_db_setup: None, live_server: Any) -> str:
    """The live server's address. The test database is created first: a server started before
    it would hold on to a connection made before the seeded content existed."""
    return str(live_server.url)


@pytest.fixture(scope="session")
def browser_context_args(base_url: str) -> dict[str, Any]:
    return {"base_url": base_url, "viewport": DESKTOP, "locale": "en-GB"}


@pytest.fixture(scope="session", autouse=True)
def _seeded_rows(
    request: pytest.FixtureRequest, django_db_setup: None, django_db_blocker: Any
) -> str:
    """The rows that migrations seed (guidance articles, exercises), as Django serialised them
    when it created the test database.

    Read here, before Playwright starts: the sync API runs each test in a greenlet with its own
    context variables, so the test sees a fresh database connection object that lacks the
    serialised copy, and pytest-django's own serialised rollback silently restores nothing.
    """
    with django_db_blocker.unblock():
        stored = getattr(connection, "_test_serialized_contents", None)
        rows = stored or connection.creation.serialize_db_to_string()
    request.config.stash[MIGRATED_ROWS] = rows
    return rows


@pytest.fixture(autouse=True)
def _seeded_content(django_db_serialized_rollback: None, _seeded_rows: str) -> None:
    """Each test starts from the freshly migrated database: the test before it that emptied the
    database put the seeded rows back (tests/support/database.py).

    A live server needs a transactional database, which Django empties after every test. Given
    the seeded rows here, where it looks for them, it empties it without the post-migrate
    handlers, whose rows (permissions) would only clash with the seeded ones put back next.
    """
    connection._test_serialized_contents = _seeded_rows  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def _crawled_sites() -> dict[str, Site]:
    return {}


@pytest.fixture
def site(base_url: str, _crawled_sites: dict[str, Site]) -> Site:
    """Every page a visitor can reach from the home page, crawled once per test process."""
    if base_url not in _crawled_sites:
        _crawled_sites[base_url] = crawl(base_url)
    return _crawled_sites[base_url]


@pytest.fixture
def open_page(new_context: Callable[..., BrowserContext]) -> Callable[..., Page]:
    """A fresh page in a fresh browser context: `open_page(javascript=False)` turns scripts off."""

    def _open(*, javascript: bool = True) -> Page:
        return new_context(java_script_enabled=javascript).new_page()

    return _open
