"""The emergency advice survives the loss of the database and of the cache.

Each test runs the real application under gunicorn on a loopback port and breaks what it depends
on while it runs. The checker keeps its answers in a signed cookie, so nothing on the way to the
emergency result should need the database.
"""

import json
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.checker import walk_checker
from tests.support.server import Browser, app_server, server_environment

EMERGENCY = {"saddle_numbness": True}


def checker_is_mounted(browser: Browser) -> bool:
    return browser.get("/check/").status == 200


def assert_emergency_advice_reaches(browser: Browser) -> None:
    page = walk_checker(browser.fetch, EMERGENCY)

    assert page.status == 200, page.url
    assert page.disposition == "emergency"
    assert 'href="tel:999"' in page.html


def delete_directory(directory: Path) -> None:
    """Take the directory away at once, as a failed disk or an operator would. A server thread may
    open the database again while it is being emptied, so it is moved out of reach first."""
    removed = directory.with_name(f"{directory.name}-removed")
    directory.rename(removed)
    shutil.rmtree(removed, ignore_errors=True)


def health(browser: Browser) -> tuple[int, dict[str, object]]:
    page = browser.get("/healthz")
    return page.status, json.loads(page.html)


@pytest.fixture
def site_on_a_database_we_can_delete(tmp_path: Path, static_root: Path, database_copy):
    database = database_copy(tmp_path / "database")
    env = server_environment(static_root, DATABASE_URL=f"sqlite:///{database}")
    with app_server(env, tmp_path / "gunicorn.log", workers=1) as server:
        yield Browser(server.base_url), database.parent


def test_emergency_result_still_shows_after_the_database_is_deleted(
    site_on_a_database_we_can_delete,
):
    browser, database_directory = site_on_a_database_we_can_delete
    if not checker_is_mounted(browser):
        pytest.skip("the symptom checker is not mounted at /check/ yet")
    assert_emergency_advice_reaches(browser)

    delete_directory(database_directory)

    someone_new = Browser(browser.base_url)
    assert_emergency_advice_reaches(someone_new)
    # The person who was already part-way through keeps their way to help as well.
    assert_emergency_advice_reaches(browser)


def test_health_check_reports_the_database_down_with_503(site_on_a_database_we_can_delete):
    browser, database_directory = site_on_a_database_we_can_delete
    assert health(browser) == (
        200,
        {"status": "ok", "checks": {"database": "ok", "cache": "ok", "disk": "ok"}},
    )

    delete_directory(database_directory)

    # The directory the database was written in is gone too.
    assert health(browser) == (
        503,
        {"status": "down", "checks": {"database": "down", "cache": "ok", "disk": "down"}},
    )


def test_health_check_reports_503_when_only_the_database_file_is_deleted(
    site_on_a_database_we_can_delete,
):
    browser, database_directory = site_on_a_database_we_can_delete
    assert health(browser)[0] == 200

    for leftover in database_directory.glob("site.sqlite3*"):
        leftover.unlink()

    # SQLite makes a new, empty file on the next connection; the site's tables are not in it.
    assert health(browser) == (
        503,
        {"status": "down", "checks": {"database": "down", "cache": "ok", "disk": "ok"}},
    )


@pytest.fixture(scope="module")
def site_with_redis_down(
    tmp_path_factory: pytest.TempPathFactory, static_root: Path, database_copy
):
    workdir = tmp_path_factory.mktemp("redis-down")
    database = database_copy(workdir)
    # Nothing listens on a port this test holds without listening on it.
    with socket.socket() as closed_port:
        closed_port.bind(("127.0.0.1", 0))
        env = server_environment(
            static_root,
            DATABASE_URL=f"sqlite:///{database}",
            REDIS_URL=f"redis://127.0.0.1:{closed_port.getsockname()[1]}/0",
        )
        with app_server(env, workdir / "gunicorn.log", workers=1) as server:
            yield Browser(server.base_url)


@pytest.mark.parametrize("url", ["/", "/check/", "/privacy/", "/about/", "/accessibility/"])
def test_pages_are_served_while_redis_is_down(site_with_redis_down, url: str):
    page = site_with_redis_down.get(url)

    assert page.status in {200, 404}, page.url
    assert 'href="tel:999"' in page.html


def test_emergency_result_shows_while_redis_is_down(site_with_redis_down):
    if not checker_is_mounted(site_with_redis_down):
        pytest.skip("the symptom checker is not mounted at /check/ yet")
    assert_emergency_advice_reaches(site_with_redis_down)


def test_health_check_reports_the_cache_down_with_503(site_with_redis_down):
    assert health(site_with_redis_down) == (
        503,
        {"status": "down", "checks": {"database": "ok", "cache": "down", "disk": "ok"}},
    )


PUBLIC_PAGES = ["/", "/about/", "/guidance/when-to-get-help/", "/self-care/"]


@pytest.mark.faults
def test_public_pages_keep_their_last_good_copy_for_when_the_database_is_gone(
    tmp_path: Path, static_root: Path, database_copy
):
    database = database_copy(tmp_path / "database")
    env = server_environment(
        static_root,
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_CACHE_DIR=str(tmp_path / "cache"),
    )
    with app_server(env, tmp_path / "before.log", workers=1) as server:
        browser = Browser(server.base_url)
        good = {url: browser.get(url).html for url in PUBLIC_PAGES}
    delete_directory(database.parent)

    # A server started during the outage has nothing in its memory: only the shared cache.
    with app_server(env, tmp_path / "after.log", workers=1) as server:
        browser = Browser(server.base_url)
        assert walk_checker(browser.fetch, EMERGENCY).disposition == "emergency"
        # With the checker's cookie, as without one.
        for url in PUBLIC_PAGES:
            page = browser.get(url)
            assert page.status == 200, url
            assert page.soup.h1 is not None and page.soup.h1.get_text() in good[url], url


@pytest.mark.faults
def test_the_home_page_needs_no_database(site_on_a_database_we_can_delete):
    browser, database_directory = site_on_a_database_we_can_delete
    delete_directory(database_directory)

    for _ in range(2):
        page = browser.get("/")
        assert page.status == 200
        assert 'href="tel:999"' in page.html and 'href="/check/"' in page.html
        # Not the whole page, so not kept by any cache.
        assert "no-store" in page.headers["cache-control"]


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A small file system of its own for the cache, filled up."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.decode().strip()}")
    try:
        (mount_point / "cache").mkdir()
        with (mount_point / "filler").open("wb") as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
            except OSError:
                pass
        yield mount_point / "cache"
    finally:
        subprocess.run(["umount", "--lazy", str(mount_point)], check=False)


@pytest.mark.faults
def test_a_full_disk_is_a_503_from_the_health_check_and_never_an_error_page(
    tmp_path: Path, static_root: Path, database_copy, full_disk: Path
):
    database = database_copy(tmp_path / "database")
    env = server_environment(
        static_root, DATABASE_URL=f"sqlite:///{database}", DJANGO_CACHE_DIR=str(full_disk)
    )
    with app_server(env, tmp_path / "gunicorn.log", workers=1) as server:
        browser = Browser(server.base_url)
        for url in [*PUBLIC_PAGES, "/check/"]:
            page = browser.get(url)
            assert page.status == 200, url
        assert_emergency_advice_reaches(browser)

        assert health(browser) == (
            503,
            {"status": "down", "checks": {"database": "ok", "cache": "down", "disk": "down"}},
        )
