"""Fixtures shared by the whole suite."""

import shutil
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from types import CodeType
from typing import Any

import pytest
import time_machine
from django.core.cache import cache, caches
from django.test import Client
from django.utils import timezone

from backspasm.web.caching import PUBLIC_MAX_AGE
from content.search import forget_this_process_index
from tests.support.database import put_back_migrated_rows, remember_migrated_rows
from tests.support.server import manage, server_environment


class HtmxClient(Client):
    """A test client whose requests come from htmx, as a browser with JavaScript sends them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {})["HX-Request"] = "true"
        super().__init__(*args, **kwargs)


# Names whose use means a test starts a process of its own: a server, a management command, a child
# Python. `make test-quick` leaves these out (the `server` marker) to keep the inner loop short.
STARTS_A_PROCESS = frozenset({"app_server", "prepared_site", "manage", "subprocess"})


def starts_a_process(item: pytest.Item) -> bool:
    """Whether the test, its fixtures or the functions they call by name use STARTS_A_PROCESS."""
    functions: list[Any] = [getattr(item, "function", None)]
    fixture_info = getattr(item, "_fixtureinfo", None)
    if fixture_info is not None:
        functions += [d.func for ds in fixture_info.name2fixturedefs.values() for d in ds]
    pending = [(f.__code__, f.__globals__) for f in functions if hasattr(f, "__code__")]
    seen: set[CodeType] = set()
    while pending:
        code, namespace = pending.pop()
        if code in seen:
            continue
        seen.add(code)
        if STARTS_A_PROCESS.intersection(code.co_names):
            return True
        called = [namespace.get(name) for name in code.co_names]
        pending += [(f.__code__, f.__globals__) for f in called if hasattr(f, "__code__")]
        pending += [(inner, namespace) for inner in code.co_consts if isinstance(inner, CodeType)]
    return False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if starts_a_process(item):
            item.add_marker(pytest.mark.server)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    try:
        return (yield)
    finally:
        # After the process's last test the test database is already gone, and no test needs it.
        if nextitem is not None:
            put_back_migrated_rows(item)


@pytest.fixture(autouse=True)
def migrated_rows_kept(request: pytest.FixtureRequest) -> None:
    remember_migrated_rows(request)


@pytest.fixture
def htmx_client() -> HtmxClient:
    return HtmxClient()


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """The database rolls back after each test but the cache does not: start every test cold."""
    forget_this_runs_cache()
    yield
    forget_this_runs_cache()


def forget_this_runs_cache() -> None:
    caches["pages"].clear()
    # Each test rolls the content back, so a content version number comes round again.
    forget_this_process_index()
    # django-redis's clear() empties the whole Redis database, which other runs may share.
    delete_pattern = getattr(cache, "delete_pattern", None)
    if delete_pattern is not None:
        delete_pattern("*")
    else:
        cache.clear()


@pytest.fixture
def clock_held() -> Iterator[None]:
    """The clock stands still: django-ratelimit counts in fixed windows, and a test that ran
    across the end of one would start counting again halfway."""
    with time_machine.travel(timezone.now(), tick=False):
        yield


@pytest.fixture
def public_max_age_passes() -> Iterator[Callable[[], None]]:
    """Moves this process's clock on past the time a stored page may be kept."""
    traveller = time_machine.travel(timedelta(), tick=True)
    clock = traveller.start()
    yield lambda: clock.shift(PUBLIC_MAX_AGE + 1)
    traveller.stop()


@pytest.fixture(scope="session")
def static_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Static files collected once per test process, as a release would, for the servers the
    tests start with production settings."""
    root = tmp_path_factory.mktemp("static")
    manage(server_environment(root), "collectstatic", "--no-input", "--verbosity", "0")
    return root


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory, static_root: Path) -> Path:
    """A SQLite database migrated once; each server gets its own copy to break."""
    database = tmp_path_factory.mktemp("template") / "site.sqlite3"
    env = server_environment(static_root, DATABASE_URL=f"sqlite:///{database}")
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    return database


@pytest.fixture(scope="session")
def database_copy(migrated_database: Path) -> Callable[[Path], Path]:
    def copy_to(directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy(migrated_database, directory / "site.sqlite3"))

    return copy_to


@pytest.fixture(scope="session")
def site_of_its_own(
    static_root: Path, database_copy: Callable[[Path], Path]
) -> Callable[..., dict[str, str]]:
    """Production settings for a server of its own in `workdir`: a copy of the migrated database
    and a cache there, the static files collected once, and any other `settings`."""

    def environment(workdir: Path, **settings: str) -> dict[str, str]:
        return server_environment(
            static_root,
            DATABASE_URL=f"sqlite:///{database_copy(workdir)}",
            DJANGO_CACHE_DIR=str(workdir / "cache"),
            **settings,
        )

    return environment
