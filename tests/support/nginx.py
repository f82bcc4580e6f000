"""The shipped nginx configuration (deploy/nginx/backspasm.conf) in front of app servers on
loopback: the file as it is, with only the lines it marks "test:" swapped for loopback ones (no
TLS, addresses and paths of the test's own)."""

import http.client
import os
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.server import ROOT, STARTUP_TIMEOUT

SITE_CONFIG = ROOT / "deploy" / "nginx" / "backspasm.conf"
NGINX = "/usr/sbin/nginx"


def nginx_problem() -> str | None:
    if not Path(NGINX).exists():
        return "nginx is not installed (make proxy installs Debian's)"
    return None


def render_site(port: int, upstreams: list[str], static_root: Path, log_dir: Path) -> str:
    """The shipped site file for a loopback run. Each marker must still be in the file: a
    change that moves one fails here rather than testing something else."""
    replacements = {
        "app servers": [f"    server {address};" for address in upstreams],
        "listen": [f"    listen 127.0.0.1:{port};"],
        "certificate": [],
        "certificate key": [],
        "access log": [f"    access_log {log_dir}/access.log backspasm;"],
        "error log": [f"    error_log {log_dir}/error.log crit;"],
        "static files": [f"        alias {static_root}/;"],
    }
    lines = SITE_CONFIG.read_text().splitlines()
    rendered: list[str] = []
    seen: set[str] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        marker = line.strip().removeprefix("# test: ") if "# test: " in line else None
        index += 1
        if marker is None:
            rendered.append(line)
        elif marker == "left out (port 80)":
            while lines[index] != "}":
                index += 1
            index += 1
            seen.add(marker)
        else:
            seen.add(marker)
            rendered += replacements[marker]
            # An upstream lists several servers; everything else is one line.
            index += 1
            while marker == "app servers" and lines[index].strip().startswith("server "):
                index += 1
    missing = {*replacements, "left out (port 80)"} - seen
    assert not missing, f"{SITE_CONFIG} lost its test markers: {sorted(missing)}"
    return "\n".join(rendered) + "\n"


def main_config(workdir: Path, site: Path) -> str:
    temp = workdir / "temp"
    return f"""
daemon off;
master_process on;
worker_processes 1;
user root;
pid {workdir}/nginx.pid;
error_log {workdir}/main-error.log crit;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {site};
}}
"""


@dataclass
class Proxy:
    port: int
    log_dir: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def logs(self) -> str:
        return "".join(path.read_text(errors="replace") for path in self.log_dir.rglob("*.log"))


@contextmanager
def nginx_in_front(upstream_ports: list[int], static_root: Path, workdir: Path) -> Iterator[Proxy]:
    """nginx with the shipped configuration until the block ends. Its listening socket is bound
    here and handed over (nginx takes sockets named in $NGINX, as in a binary upgrade), so
    requests wait in the socket's queue until nginx is up: nothing polls."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "temp").mkdir(exist_ok=True)
    log_dir = workdir / "logs"
    log_dir.mkdir(exist_ok=True)
    listener = socket.create_server(("127.0.0.1", 0), backlog=511)
    port = int(listener.getsockname()[1])
    site = workdir / "backspasm.conf"
    site.write_text(
        render_site(port, [f"127.0.0.1:{p}" for p in upstream_ports], static_root, log_dir)
    )
    config = workdir / "nginx.conf"
    config.write_text(main_config(workdir, site))
    with (workdir / "stderr.log").open("wb") as stderr:
        process = subprocess.Popen(
            [NGINX, "-p", str(workdir), "-c", str(config), "-e", str(log_dir / "startup.log")],
            env={**os.environ, "NGINX": f"{listener.fileno()};"},
            pass_fds=(listener.fileno(),),
            stdout=stderr,
            stderr=subprocess.STDOUT,
        )
    listener.close()
    proxy = Proxy(port, log_dir)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=STARTUP_TIMEOUT)
        try:
            connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            connection.getresponse().read()
        except (OSError, http.client.HTTPException) as error:
            output = (workdir / "stderr.log").read_text(errors="replace") + proxy.logs()
            raise AssertionError(f"nginx did not start: {error}\n{output}") from error
        finally:
            connection.close()
        yield proxy
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
