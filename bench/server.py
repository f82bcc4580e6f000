"""The site under test: gunicorn with production settings on a free loopback port.

Static files are collected into a temporary STATIC_ROOT and the database is a temporary SQLite
file (or the PostgreSQL database named by BENCH_DATABASE_URL), so a run never touches the
developer's own database or staticfiles/.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY_TIMEOUT_SECONDS = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True, slots=True)
class Server:
    base_url: str
    process: subprocess.Popen[bytes]
    log: Path
    settings: dict[str, str]

    def worker_pids(self) -> list[int]:
        """The gunicorn workers: the children of the master process."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return sorted(int(pid) for pid in children.read_text().split())
        except OSError:
            return []


def production_environment(workdir: Path, port: int) -> dict[str, str]:
    """Production settings, minus TLS (loopback has none), with throwaway state."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="backspasm.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE="0",
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        DJANGO_CACHE_DIR=str(workdir / "cache"),
        DATABASE_URL=os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.db'}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        PYTHONUNBUFFERED="1",
    )
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    for name in ("WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"):
        if os.environ.get(f"BENCH_{name}"):
            env[name] = os.environ[f"BENCH_{name}"]
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args, "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def _wait_until_ready(server: Server) -> None:
    """Poll the health check until it answers; fail with the server's log if it never does."""
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(server.base_url + "/healthz", timeout=2) as reply:
                if reply.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        # Back off briefly between polls so the probe does not compete with a booting server.
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not become ready:\n{server.log.read_text()[-4000:]}")


@contextmanager
def running_server(*gunicorn_args: str) -> Iterator[Server]:
    workdir = Path(tempfile.mkdtemp(prefix="backspasm-bench-"))
    port = free_port()
    env = production_environment(workdir, port)
    try:
        _manage(env, "collectstatic")
        _manage(env, "migrate")
        log = workdir / "gunicorn.log"
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--config",
                    "gunicorn.conf.py",
                    *gunicorn_args,
                    "backspasm.wsgi",
                ],
                cwd=ROOT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        settings: dict[str, str] = {
            key: env[key]
            for key in ("DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY", "GUNICORN_CMD_ARGS")
            if key in env
        }
        settings["DATABASE_URL"] = settings["DATABASE_URL"].split("@")[-1]
        server = Server(f"http://127.0.0.1:{port}", process, log, settings)
        try:
            _wait_until_ready(server)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
