"""Every wait on PostgreSQL is bounded, few threads wait at once, and a server that stopped
answering is left alone for a few seconds (docs/adr/0021).

A frozen server, or a network that swallows packets, never answers and TCP may never report a
problem: the kernel on the far side can go on acknowledging what is sent. The server's own
timeouts cannot fire, since the query never reaches it. So the client bounds its own waits:

- a connection attempt gives up after ``connect_timeout`` (libpq's, in the settings);
- any other wait (a query, a commit, Django's health check before reuse) gives up after
  ``WAIT_SECONDS``, and the connection, in an unknown state, is closed;
- at most ``SEATS`` threads of a process wait on the database at once: another thread that needs
  it waits ``SEAT_WAIT_SECONDS`` for a seat and then fails, so threads are always left for the
  pages that need no database (the checker, the emergency advice, cached pages);
- after ``FAILURES_TO_OPEN`` waits in a row that got no answer, every call fails at once for
  ``SECONDS_OPEN`` seconds (a circuit breaker), then the calls that find a seat free try again
  and the rest fail at once, until one of them is answered.

A failure is a ``psycopg.OperationalError``, which Django turns into its own: the request takes
the path it takes for any database error (a stale page, the error page with the emergency card).
"""

import threading
from time import monotonic
from typing import Any, Final, Self

import psycopg
from circuitbreaker import CircuitBreaker
from django.conf import settings
from psycopg.abc import PQGen

WAIT_SECONDS: Final[float | None] = settings.DATABASE_WAIT_SECONDS
SEATS: Final[int] = settings.DATABASE_WAITING_THREADS
# A seat is held for one round trip, which takes milliseconds on a healthy database, so a seat
# still taken after this long means the database is slow: the threads that would queue for it
# are needed by the pages that need no database (a quarter of a second let 50 such requests hold
# an emergency page back 1.25 s).
SEAT_WAIT_SECONDS: Final = 0.05
FAILURES_TO_OPEN: Final = 2
SECONDS_OPEN: Final = 5


class DatabaseUnavailable(psycopg.OperationalError):
    """Not sent to the server: it stopped answering moments ago, or every seat is taken."""


def unanswered(error_type: type[BaseException], error: BaseException) -> bool:
    """A failure to reach the server: no answer, connection lost. An error the server sent (a
    constraint, a cancelled statement) carries an SQLSTATE and says the server is there."""
    return (
        issubclass(error_type, psycopg.OperationalError)
        and not issubclass(error_type, DatabaseUnavailable)
        and getattr(error, "sqlstate", None) is None
    )


# The `circuitbreaker` package keeps no lock around the call it guards (pybreaker holds one for
# the whole call, which would queue every thread of a process behind a stuck query).
breaker = CircuitBreaker(
    failure_threshold=FAILURES_TO_OPEN,
    recovery_timeout=SECONDS_OPEN,
    expected_exception=unanswered,
    name="postgresql",
)
_seats = threading.BoundedSemaphore(SEATS)
_seated = threading.local()


class _Seat:
    """One of the process's seats for waiting on the database, under the breaker. A thread that
    holds one (opening a connection, which then sets it up) needs no second."""

    def __enter__(self) -> None:
        self.taken = not getattr(_seated, "yes", False)
        if not self.taken:
            return
        if breaker.opened:
            raise DatabaseUnavailable("PostgreSQL did not answer moments ago; not asking it yet")
        # While the breaker tries the server again, the threads in the seats are the trial: the
        # rest fail at once rather than each holding a thread a quarter of a second for nothing.
        seated = (
            _seats.acquire(timeout=SEAT_WAIT_SECONDS)
            if breaker.closed
            else _seats.acquire(blocking=False)
        )
        if not seated:
            raise DatabaseUnavailable("every seat for waiting on PostgreSQL is taken")
        _seated.yes = True

    def __exit__(self, error_type: Any, error: Any, traceback: Any) -> None:
        if not self.taken:
            return
        _seated.yes = False
        _seats.release()
        breaker.__exit__(error_type, error, traceback)


def seat() -> _Seat:
    return _Seat()


class BoundedConnection(psycopg.Connection[Any]):
    @classmethod
    def connect(cls, conninfo: str = "", **kwargs: Any) -> Self:
        with seat():
            return super().connect(conninfo, **kwargs)

    def wait[RV](self, gen: PQGen[RV], interval: float = 0.1, timeout: float | None = None) -> RV:
        started = monotonic()
        with seat():
            try:
                return super().wait(gen, interval, WAIT_SECONDS if timeout is None else timeout)
            except psycopg.OperationalError as error:
                if getattr(error, "sqlstate", None) is None and not self.closed:
                    # Given up mid-conversation: nothing more can be said on this connection.
                    self.pgconn.finish()
                    raise psycopg.OperationalError(
                        f"PostgreSQL did not answer within {monotonic() - started:.1f} s"
                    ) from error
                raise
