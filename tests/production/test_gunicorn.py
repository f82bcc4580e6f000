"""gunicorn.conf.py: what production runs, checked by running it."""

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.server import (
    ROOT,
    AppServer,
    Browser,
    app_server,
    production_environment,
)

# Every test here shares one prepared site; keep them on one worker.
pytestmark = pytest.mark.xdist_group("gunicorn")

CONFIG = ROOT / "gunicorn.conf.py"


def test_without_a_secret_key_gunicorn_stops_with_one_clear_line():
    env = production_environment()
    del env["DJANGO_SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--config", str(CONFIG), "backspasm.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: DJANGO_SECRET_KEY is not set. Set it to a long random string, "
        "or set DJANGO_DEBUG=1 for local development."
    )


@pytest.fixture(scope="module")
def site_environment(
    tmp_path_factory: pytest.TempPathFactory, site_of_its_own: Callable[..., dict[str, str]]
) -> dict[str, str]:
    """Production settings on a SQLite file of its own: these checks need no PostgreSQL."""
    return site_of_its_own(tmp_path_factory.mktemp("site"))


@pytest.fixture
def server(site_environment: dict[str, str], tmp_path: Path) -> Iterator[AppServer]:
    with app_server(site_environment, tmp_path / "gunicorn.log", workers=1) as running:
        yield running


def test_the_access_log_keeps_no_query_string_form_data_or_address(server: AppServer):
    browser = Browser(server.base_url)
    searched = browser.get("/search/?q=numb+bottom+secretword")
    posted = browser.fetch("POST", "/check/emergency-signs/", {"emergency_signs": "secretword"})
    # Stopping the server flushes its log.
    server.process.terminate()
    server.process.wait(timeout=60)
    log = server.log_text()

    assert searched.status == 200
    assert posted.status == 403  # no CSRF token: refused, and still logged
    assert '"GET /search/" 200' in log
    assert '"POST /check/emergency-signs/" 403' in log
    assert "secretword" not in log
    assert "numb" not in log
    assert "127.0.0.1" not in log


def test_pages_and_hashed_static_files_are_served_under_gunicorn(server: AppServer):
    browser = Browser(server.base_url)
    home = browser.get("/")
    stylesheet = home.soup.select_one("link[rel=stylesheet]")
    assert stylesheet is not None
    css = browser.get(str(stylesheet["href"]))

    assert home.status == 200
    assert css.status == 200
    # A content-hashed name from collectstatic, so browsers may keep it for good.
    assert "immutable" in css.headers["cache-control"]
