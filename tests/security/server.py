"""The real application in its own process, on a loopback port, for tests that break what it
depends on (the database file, the Redis server) while it runs."""

import http.cookiejar
import os
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.security.pages import Page

ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 30
# Generous: the first request to a fresh worker compiles templates on a busy machine.
REQUEST_TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_environment(static_root: Path, **overrides: str) -> dict[str, str]:
    """Production settings (DEBUG off, real error pages, hashed static files) on plain HTTP."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_", "PYTEST_"))
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="a-fifty-character-secret-used-only-by-the-fault-tests",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE="0",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_CACHE_DIR=str(static_root.parent / "cache"),
    )
    env.update(overrides)
    return env


def manage(env: dict[str, str], *arguments: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *arguments, "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )


@dataclass
class Browser:
    """Cookies kept between requests, redirects followed: enough of a browser for HTTP tests."""

    base_url: str

    def __post_init__(self) -> None:
        self.server_log: list[str] = []
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def fetch(self, method: str, url: str, data: dict[str, list[str]] | None) -> Page:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(
            urllib.parse.urljoin(self.base_url, url), data=body, method=method
        )
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                return Page(response.geturl(), response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Page(error.geturl() or url, error.code, error.read().decode())

    def get(self, url: str) -> Page:
        return self.fetch("GET", url, None)


@contextmanager
def running_site(env: dict[str, str]) -> Iterator[Browser]:
    """gunicorn, with the project's own configuration, serving the site until the block ends."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "info",
            "backspasm.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    browser = Browser(f"http://127.0.0.1:{port}")
    listening = threading.Event()

    def read_output() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            browser.server_log.append(line)
            # Requests made before the worker has booted wait in the socket's backlog, so the
            # master's "Listening at" is the moment the site can be used.
            if "Listening at" in line:
                listening.set()
        listening.set()

    reader = threading.Thread(target=read_output, daemon=True)
    reader.start()
    try:
        listening.wait(timeout=STARTUP_TIMEOUT)
        assert process.poll() is None, "".join(browser.server_log)
        yield browser
    finally:
        process.terminate()
        process.wait(timeout=STARTUP_TIMEOUT)
        reader.join(timeout=STARTUP_TIMEOUT)
        assert process.stdout is not None
        process.stdout.close()
