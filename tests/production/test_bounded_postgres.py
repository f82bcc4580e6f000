"""Waits on PostgreSQL are bounded, few threads wait at once, and a server that stopped answering
is left alone for a while (backspasm.postgres.bounded), against the real server reached through a
proxy that turns into a black hole."""

import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import psycopg
import pytest

from backspasm.postgres import bounded
from tests.production import services
from tests.security.blackhole import BlackholeProxy

pytestmark = [pytest.mark.services, pytest.mark.faults]


OPENED: list[psycopg.Connection] = []


@pytest.fixture
def proxy() -> Iterator[BlackholeProxy]:
    if problem := services.postgres_problem():
        pytest.skip(f"needs PostgreSQL on this machine: {problem}")
    bounded.breaker.reset()
    with BlackholeProxy(urlsplit(services.postgres_server_url()).port or 5432) as proxy:
        yield proxy
    while OPENED:
        OPENED.pop().close()
    bounded.breaker.reset()


def connect(proxy: BlackholeProxy) -> psycopg.Connection:
    user = urlsplit(services.postgres_server_url()).username or "postgres"
    connection = bounded.BoundedConnection.connect(
        host="127.0.0.1", port=proxy.port, user=user, dbname="postgres", connect_timeout=3
    )
    OPENED.append(connection)
    return connection


def test_a_query_the_server_never_answers_gives_up_and_closes_the_connection(proxy):
    connection = connect(proxy)
    assert connection.execute("SELECT 1").fetchone() == (1,)

    proxy.hang()

    with pytest.raises(psycopg.OperationalError, match="did not answer") as failure:
        connection.execute("SELECT 2")
    assert not isinstance(failure.value, bounded.DatabaseUnavailable)
    assert connection.closed


def test_after_two_unanswered_waits_nothing_is_sent_until_the_breaker_closes(proxy):
    first, second = connect(proxy), connect(proxy)
    proxy.hang()
    for connection in (first, second):
        with pytest.raises(psycopg.OperationalError):
            connection.execute("SELECT 1")
    opened = proxy.connections

    with pytest.raises(bounded.DatabaseUnavailable, match="moments ago"):
        connect(proxy)
    assert proxy.connections == opened, "the breaker let a connection through"

    proxy.thaw()
    bounded.breaker.reset()  # what SECONDS_OPEN later does
    assert connect(proxy).execute("SELECT 1").fetchone() == (1,)


def test_threads_past_the_seats_are_turned_away_at_once_while_the_seated_ones_wait(proxy):
    connections = [connect(proxy) for _ in range(bounded.SEATS)]
    proxy.hang()
    seated = [
        threading.Thread(target=lambda c=c: pytest.raises(psycopg.Error, c.execute, "SELECT 1"))
        for c in connections
    ]
    for thread in seated:
        thread.start()
    assert proxy.wait_for_stuck_clients(bounded.SEATS, timeout=30)

    with pytest.raises(bounded.DatabaseUnavailable, match="seat"):
        connect(proxy)

    for thread in seated:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in seated)


def test_while_the_breaker_tries_again_a_thread_past_the_seats_does_not_wait_for_one(
    proxy, monkeypatch
):
    # Were it to wait, it would get a seat once the trials fail and then meet the black hole
    # itself, failing as unanswered, not as turned away.
    monkeypatch.setattr(bounded, "SEAT_WAIT_SECONDS", 60)
    connections = [connect(proxy) for _ in range(bounded.FAILURES_TO_OPEN + bounded.SEATS)]
    proxy.hang()
    for connection in connections[: bounded.FAILURES_TO_OPEN]:
        with pytest.raises(psycopg.OperationalError):
            connection.execute("SELECT 1")
    assert bounded.breaker.opened
    bounded.breaker._opened -= bounded.SECONDS_OPEN  # what SECONDS_OPEN later does
    trials = [
        threading.Thread(target=lambda c=c: pytest.raises(psycopg.Error, c.execute, "SELECT 1"))
        for c in connections[bounded.FAILURES_TO_OPEN :]
    ]
    for thread in trials:
        thread.start()
    assert proxy.wait_for_stuck_clients(bounded.FAILURES_TO_OPEN + bounded.SEATS, timeout=30)

    with pytest.raises(bounded.DatabaseUnavailable, match="seat"):
        connect(proxy)

    for thread in trials:
        thread.join(timeout=60)
    assert bounded.breaker.opened


def test_an_error_the_server_sends_does_not_open_the_breaker(proxy):
    connection = connect(proxy)
    for _ in range(bounded.FAILURES_TO_OPEN + 1):
        with pytest.raises(psycopg.errors.UndefinedTable):
            connection.execute("SELECT * FROM no_such_table")
        connection.rollback()

    assert bounded.breaker.closed
    assert connection.execute("SELECT 1").fetchone() == (1,)
