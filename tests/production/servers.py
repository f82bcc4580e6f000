"""App servers as production runs them: gunicorn with gunicorn.conf.py, production settings, each in
its own process on a loopback port, and a visitor that carries its own cookies between them."""

import http.client
import os
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urljoin

from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[2]
# Long enough for a cold start on a busy CI machine; a server that dies answers at once instead.
STARTUP_TIMEOUT = 120
REQUEST_TIMEOUT = 30
Fields = Mapping[str, str | list[str]]
SECRET_KEY = "one-secret-key-shared-by-every-app-server-of-the-site-under-test"


def production_environment(**settings: str) -> dict[str, str]:
    """Production settings (debug off), minus TLS, which loopback has none of."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_", "PYTEST_"))
        and key not in {"WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS", "BACKSPASM_RELEASE"}
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE="0",
        PYTHONUNBUFFERED="1",
    )
    env.update(settings)
    return env


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


def sqlite_site(workdir: Path) -> dict[str, str]:
    """Production settings on a SQLite file of its own, with static files collected and the
    guidance migrated: for checks of the server itself, which need no PostgreSQL."""
    env = production_environment(
        DATABASE_URL=f"sqlite:///{workdir / 'site.sqlite3'}",
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        DJANGO_CACHE_DIR=str(workdir / "cache"),
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

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

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
    name: str, env: Mapping[str, str], log: Path, workers: int = 2
) -> Iterator[AppServer]:
    """gunicorn serving the site until the block ends.

    The test binds the listening socket and hands it to gunicorn (fd://), so the port is known
    before the server starts and no other process can take it. Requests made while the workers
    boot wait in the socket's queue; if gunicorn dies, the socket closes and requests fail at
    once with its log, so nothing polls or sleeps.
    """
    listener = socket.create_server(("127.0.0.1", 0), backlog=64)
    port = listener.getsockname()[1]
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"fd://{listener.fileno()}",
                "--workers",
                str(workers),
                "backspasm.wsgi",
            ],
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


@dataclass(frozen=True)
class Page:
    server: str
    path: str
    status: int
    headers: Mapping[str, str]
    body: str

    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.body, "html.parser")


@dataclass
class Visitor:
    """A browser without JavaScript: cookies kept, forms posted, redirects followed.

    Each request goes to the next server in turn, as a load balancer without sticky sessions
    would send it; `served` counts the requests each server answered.
    """

    servers: list[AppServer]
    cookies: dict[str, str] = field(default_factory=dict)
    served: Counter[str] = field(default_factory=Counter)
    turn: int = 0

    def request(self, method: str, path: str, fields: Fields | None = None) -> Page:
        server = self.servers[self.turn % len(self.servers)]
        self.turn += 1
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            content = response.read().decode()
        except (ConnectionError, http.client.HTTPException) as error:
            log = server.log_text()
            raise AssertionError(f"{server.name} did not answer {path}: {error}\n{log}") from error
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            self._keep(header)
        self.served[server.name] += 1
        headers = {name.lower(): value for name, value in response.getheaders()}
        return Page(server.name, path, response.status, headers, content)

    def _keep(self, header: str) -> None:
        for name, morsel in SimpleCookie(header).items():
            if morsel["max-age"] == "0" or morsel["expires"].startswith("Thu, 01 Jan 1970"):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value

    def get(self, path: str) -> Page:
        return self.follow(self.request("GET", path))

    def submit(self, page: Page, form: Tag, changes: Fields) -> Page:
        """Posts `form` as a browser would, with `changes` over the values it already holds."""
        action = urljoin(page.path, str(form.get("action") or page.path))
        return self.follow(self.request("POST", action, {**form_values(form), **changes}))

    def follow(self, page: Page) -> Page:
        while page.status in {301, 302, 303, 307, 308}:
            page = self.request("GET", urljoin(page.path, page.headers["location"]))
        return page


def form_values(form: Tag) -> dict[str, str | list[str]]:
    """What a browser submits for `form` untouched: ticked boxes, chosen options, typed text."""
    values: dict[str, list[str]] = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        name = str(name)
        if element.name == "textarea":
            values.setdefault(name, []).append(element.text.removeprefix("\n"))
        elif element.name == "select":
            options = element.find_all("option")
            chosen = [o for o in options if o.has_attr("selected")] or options[:1]
            values.setdefault(name, []).extend(str(o.get("value", o.text)) for o in chosen)
        elif element.get("type") in {"checkbox", "radio"}:
            if element.has_attr("checked"):
                values.setdefault(name, []).append(str(element.get("value", "on")))
        elif element.get("type") not in {"submit", "button", "image", "file", "reset"}:
            values.setdefault(name, []).append(str(element.get("value", "")))
    return {name: items[0] if len(items) == 1 else items for name, items in values.items()}
