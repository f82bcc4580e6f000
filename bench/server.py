"""The site under test: gunicorn with production settings, as tests/support/server.py starts it.

Static files are collected into a temporary directory and the database is a temporary SQLite
file (or the PostgreSQL database named by BENCH_DATABASE_URL), so a run never touches the
developer's own database or staticfiles/. BENCH_WEB_CONCURRENCY and BENCH_GUNICORN_CMD_ARGS
reach gunicorn as WEB_CONCURRENCY and GUNICORN_CMD_ARGS; REDIS_URL is passed on as it is.
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.server import AppServer, app_server, prepared_site


def bench_settings() -> dict[str, str]:
    settings = {}
    if os.environ.get("BENCH_DATABASE_URL"):
        settings["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    if os.environ.get("REDIS_URL"):
        settings["REDIS_URL"] = os.environ["REDIS_URL"]
    for name in ("WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"):
        if os.environ.get(f"BENCH_{name}"):
            settings[name] = os.environ[f"BENCH_{name}"]
    return settings


def described(env: dict[str, str]) -> dict[str, str]:
    """The settings a run's figures depend on, with no password."""
    names = ("DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY", "GUNICORN_CMD_ARGS")
    settings = {name: env[name] for name in names if name in env}
    settings["DATABASE_URL"] = settings["DATABASE_URL"].split("@")[-1]
    return settings


@contextmanager
def running_server(*gunicorn_options: str) -> Iterator[tuple[AppServer, dict[str, str]]]:
    """gunicorn with as many workers as gunicorn.conf.py gives this machine, and its settings."""
    with tempfile.TemporaryDirectory(prefix="backspasm-bench-") as workdir:
        env = prepared_site(Path(workdir), **bench_settings())
        log = Path(workdir) / "gunicorn.log"
        with app_server(env, log, *gunicorn_options, name="bench", workers=None) as server:
            yield server, described(env)
