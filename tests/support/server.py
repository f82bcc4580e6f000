"""The real application as production runs it: gunicorn with gunicorn.conf.py and production
settings, in its own process on a loopback port, and a browser without JavaScript to visit it.

For the tests that need a real server (faults, privacy of its logs, several servers on one
database) and for the bench."""

import http.client
import http.cookiejar
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.html import Form, Page

ROOT = Path(__file__).resolve().parents[2]
# Long enough for a cold start on a busy machine; a server that dies answers at once instead.
STARTUP_TIMEOUT = 120
# Generous: the first request to a fresh worker compiles templates on a busy machine.
REQUEST_TIMEOUT = 60
SECRET_KEY = "one-secret-key-shared-by-every-app-server-of-the-site-under-test"
REDIRECTS = frozenset({301, 302, 303, 307, 308})


def production_environment(**settings: str) -> dict[str, str]:
    """Production settings (debug off), minus TLS, which loopback has none of, and none of this
    process's own configuration of Django, its database, cache or server."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_", "PYTEST_"))
        and key not in {"WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS", "BACKSPASM_RELEASE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="backspasm.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE="0",
        PYTHONUNBUFFERED="1",
    )
    env.update(settings)
    return env


def server_environment(static_root: Path, **settings: str) -> dict[str, str]:
    """Production settings serving static files collected once (the `static_root` fixture)."""
    return production_environment(
        **{
            "DJANGO_STATIC_ROOT": str(static_root),
            "DJANGO_CACHE_DIR": str(static_root.parent / "cache"),
            **settings,
        }
    )


def manage(env: Mapping[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stderr}"
    return result.stdout


def prepared_site(workdir: Path, **settings: str) -> dict[str, str]:
    """Production settings on a SQLite file of its own (unless `settings` name a database),
    with static files collected and the guidance migrated."""
    env = production_environment(
        **{
            "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            "DJANGO_CACHE_DIR": str(workdir / "cache"),
            **settings,
        }
    )
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    return env


@dataclass
class AppServer:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def worker_pids(self) -> list[int]:
        """The gunicorn workers: the children of the master process."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return sorted(int(pid) for pid in children.read_text().split())
        except OSError:
            return []

    def wait_until_answering(self) -> None:
        """Blocks until a worker has booted and answered one request (it waits in the queue)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=STARTUP_TIMEOUT)
        try:
            connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            connection.getresponse().read()
        except (OSError, http.client.HTTPException) as error:
            log = self.log_text()
            raise AssertionError(f"{self.name} did not start: {error}\n{log}") from error
        finally:
            connection.close()


@contextmanager
def app_server(
    env: Mapping[str, str],
    log: Path,
    *options: str,
    name: str = "site",
    workers: int | None = 2,
) -> Iterator[AppServer]:
    """gunicorn serving the site until the block ends; `workers=None` leaves the number to
    gunicorn.conf.py, and `options` are more gunicorn command-line options.

    The listening socket is bound here and handed to gunicorn (fd://), so the port is known
    before the server starts and no other process can take it. Requests made while the workers
    boot wait in the socket's queue; if gunicorn dies, the socket closes and requests fail at
    once with its log, so nothing polls or sleeps.
    """
    listener = socket.create_server(("127.0.0.1", 0), backlog=64)
    port = listener.getsockname()[1]
    command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"]
    command += ["--bind", f"fd://{listener.fileno()}", *options]
    if workers is not None:
        command += ["--workers", str(workers)]
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [*command, "backspasm.wsgi"],
            cwd=ROOT,
            env=dict(env),
            pass_fds=(listener.fileno(),),
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    listener.close()
    server = AppServer(name, port, process, log)
    try:
        server.wait_until_answering()
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=STARTUP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """The browser follows redirects itself, so that each hop goes to the next server."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """Cookies kept, forms posted, redirects followed: a browser without JavaScript.

    Given several servers, each request goes to the next in turn, as a load balancer without
    sticky sessions would send it; `served` counts the requests each base URL answered.
    """

    def __init__(self, *base_urls: str) -> None:
        assert base_urls, "a browser needs a site to visit"
        self.base_urls = base_urls
        self.cookies = http.cookiejar.CookieJar()
        self.served: Counter[str] = Counter()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects
        )

    @property
    def base_url(self) -> str:
        return self.base_urls[0]

    def request(
        self,
        method: str,
        url: str,
        data: Mapping[str, str | list[str]] | None,
        headers: Mapping[str, str] | None = None,
    ) -> Page:
        """One request, its redirect not followed; `headers` are sent as well as the usual."""
        base_url = self.base_urls[sum(self.served.values()) % len(self.base_urls)]
        parts = urllib.parse.urlsplit(urllib.parse.urljoin(base_url, url))
        target = urllib.parse.urljoin(
            base_url, parts.path + (f"?{parts.query}" if parts.query else "")
        )
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(
            target, data=body, method=method, headers=dict(headers or {})
        )
        self.served[base_url] += 1
        try:
            with self._opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                status, received, content = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, received, content = error.code, error.headers, error.read()
        return Page(
            target,
            status,
            content.decode(errors="replace"),
            {name.lower(): value for name, value in received.items()},
        )

    def fetch(self, method: str, url: str, data: Mapping[str, str | list[str]] | None) -> Page:
        """The request, and every redirect after it, as a browser follows them."""
        page = self.request(method, url, data)
        while page.status in REDIRECTS:
            page = self.request(
                "GET", urllib.parse.urljoin(page.url, page.headers["location"]), None
            )
        return page

    def get(self, url: str) -> Page:
        return self.fetch("GET", url, None)

    def submit(self, form: Form, changes: Mapping[str, str | list[str]]) -> Page:
        """Posts `form` as a browser would, with `changes` over the values it already holds."""
        return self.fetch(form.method.upper(), form.action, {**form.data(), **changes})
