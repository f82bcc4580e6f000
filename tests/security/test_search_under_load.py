"""A freshly started server, its workers cold and no search index built yet, answers a burst of
32 requests at once, to every public page and to searches, with no error."""

import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support.server import REQUEST_TIMEOUT, app_server, server_environment

pytestmark = [pytest.mark.faults, pytest.mark.xdist_group("search-under-load")]

AT_ONCE = 32
PUBLIC_PAGES = (
    "/",
    "/check/",
    "/guidance/",
    "/guidance/what-is-a-back-spasm/",
    "/guidance/symptoms/",
    "/guidance/causes/",
    "/guidance/when-to-get-help/",
    "/guidance/nerve-problems/",
    "/guidance/serious-causes/",
    "/guidance/self-care/",
    "/guidance/medicines/",
    "/guidance/exercises/",
    "/self-care/",
    "/self-care/exercises/",
    "/self-care/exercises/knee-rolls/",
    "/self-care/exercises/pelvic-tilt/",
    "/about/",
    "/privacy/",
    "/accessibility/",
    "/search/",
)
# Fewer than one address may make in a minute: every request comes from the loopback address.
SEARCHES = (
    "can't pee",
    "numb bum",
    "pins and needles",
    "sciatia",
    "ibuprofen",
    "stretching",
    "knee rolls",
    "cauda equina",
    "xylophone",
    "wee",
    "legs like jelly",
    "hot water bottle",
)


def status_of(base_url: str, path: str, ready: threading.Barrier) -> int:
    ready.wait()
    try:
        with urllib.request.urlopen(base_url + path, timeout=REQUEST_TIMEOUT) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_a_cold_server_answers_32_requests_at_once_to_every_public_page_and_search_with_no_error(
    tmp_path: Path, static_root: Path, database_copy
):
    database = database_copy(tmp_path)
    env = server_environment(static_root, DATABASE_URL=f"sqlite:///{database}")
    paths = [*PUBLIC_PAGES, *(f"/search/?{urllib.parse.urlencode({'q': q})}" for q in SEARCHES)]
    assert len(paths) == AT_ONCE
    ready = threading.Barrier(AT_ONCE)
    # The project's own number of workers and threads, as production starts them.
    with app_server(env, tmp_path / "gunicorn.log", workers=None) as server:
        with ThreadPoolExecutor(AT_ONCE) as pool:
            statuses = list(pool.map(lambda path: status_of(server.base_url, path, ready), paths))
        log = server.log_text()

    failed = [(path, status) for path, status in zip(paths, statuses, strict=True) if status >= 300]
    assert failed == []
    assert "Traceback" not in log
