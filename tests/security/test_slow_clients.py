"""A handful of slow clients straight to gunicorn cannot stall the site.

Each slow client opens a connection and sends half a request, then nothing more, as a slow phone
connection or a deliberate "slowloris" attack does. A reverse proxy that buffers requests belongs
in front in production (README); this is what a server exposed directly still withstands.
"""

import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.support.server import app_server

pytestmark = [pytest.mark.faults, pytest.mark.xdist_group("slow-clients")]

SLOW_CLIENTS = 5
WITHIN = 1.0


@pytest.fixture(scope="module")
def site_environment(
    tmp_path_factory: pytest.TempPathFactory, site_of_its_own: Callable[..., dict[str, str]]
) -> dict[str, str]:
    return site_of_its_own(tmp_path_factory.mktemp("slow-clients"))


def half_requests(port: int, stack: ExitStack) -> None:
    for _ in range(SLOW_CLIENTS):
        client = stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=5))
        client.sendall(b"GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")


def seconds_to_answer(port: int) -> float:
    """How long a normal visitor waits for a page; infinity when it does not come in 3 s."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/about/", timeout=3) as response:
            assert response.status == 200
    except (TimeoutError, urllib.error.URLError):
        return float("inf")
    return time.monotonic() - started


def test_the_site_answers_within_a_second_while_slow_clients_hold_connections(
    site_environment: dict[str, str], tmp_path: Path
):
    with app_server(site_environment, tmp_path / "gunicorn.log") as server:
        assert seconds_to_answer(server.port) < WITHIN
        with ExitStack() as slow_clients:
            half_requests(server.port, slow_clients)

            assert seconds_to_answer(server.port) < WITHIN
