"""The PostgreSQL and Redis servers of this machine, for the suite and for `.ci/run`.

Imports no Django, so `.ci/run` can call it before any settings exist:

    python -m tests.production.services available      # exit 0 when both answer
    python -m tests.production.services create NAME    # a fresh, empty database
    python -m tests.production.services drop NAME      # NAME and its test_NAME* copies
    python -m tests.production.services flush URL      # empty one Redis database
"""

import os
import re
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis
from psycopg import sql

# The suite uses the servers only when the environment names them (the second pass of .ci/run),
# so a run on SQLite never repeats the tests that pass proves.
NOT_NAMED = "the environment names no {}: set {} to run these tests"

# Database names are interpolated into DROP DATABASE patterns: keep them plain.
SAFE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


def named_postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def postgres_server_url() -> str:
    """The maintenance database of the server that DATABASE_URL points to."""
    url = named_postgres_url()
    if url is None:
        raise LookupError(NOT_NAMED.format("PostgreSQL server", "DATABASE_URL"))
    return database_url("postgres", base=url)


def database_url(name: str, base: str | None = None) -> str:
    """The URL of database `name` on the same server, user and options as `base`."""
    parts = urlsplit(base or postgres_server_url())
    return urlunsplit(parts._replace(path=f"/{name}"))


def redis_url() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        raise LookupError(NOT_NAMED.format("Redis server", "REDIS_URL"))
    return url


def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used, or None when it answers."""
    if named_postgres_url() is None:
        return NOT_NAMED.format("PostgreSQL server", "DATABASE_URL")
    try:
        with psycopg.connect(postgres_server_url(), connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0]
        return f"PostgreSQL does not answer at {redact(postgres_server_url())}: {reason}"
    return None


def redis_problem() -> str | None:
    """Why Redis cannot be used, or None when it answers."""
    if not os.environ.get("REDIS_URL"):
        return NOT_NAMED.format("Redis server", "REDIS_URL")
    client = redis.Redis.from_url(redis_url(), socket_connect_timeout=3, socket_timeout=3)
    try:
        client.ping()
    except redis.RedisError as error:
        return f"Redis does not answer at {redact(redis_url())}: {error}"
    finally:
        client.close()
    return None


def services_problem() -> str | None:
    return postgres_problem() or redis_problem()


def redact(url: str) -> str:
    """The URL without its password, for messages that reach a log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def _checked(name: str) -> str:
    if not SAFE_NAME.match(name):
        raise ValueError(f"not a plain database name: {name!r}")
    return name


def create_database(name: str) -> str:
    """Creates an empty database (dropping a leftover of the same name) and returns its URL."""
    drop_databases(name)
    with psycopg.connect(postgres_server_url(), autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(_checked(name))))
    return database_url(name)


def drop_databases(name: str) -> list[str]:
    """Drops `name` and the test_`name`* databases pytest-django makes from it (one per worker).

    WITH (FORCE) ends any connection a killed server or worker left behind.
    """
    pattern = f"test\\_{_checked(name)}%"
    with psycopg.connect(postgres_server_url(), autocommit=True) as connection:
        rows = connection.execute(
            "SELECT datname FROM pg_database WHERE datname = %s OR datname LIKE %s",
            (name, pattern),
        ).fetchall()
        dropped = [row[0] for row in rows]
        for database in dropped:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
            )
    return dropped


def flush_redis(url: str) -> None:
    client = redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=10)
    try:
        client.flushdb()
    finally:
        client.close()


def main(argv: list[str]) -> int:
    match argv:
        case ["available"]:
            problem = services_problem()
            if problem:
                print(problem)
            return 1 if problem else 0
        case ["create", name]:
            print(create_database(name))
            return 0
        case ["drop", name]:
            for database in drop_databases(name):
                print(f"Dropped database {database}")
            return 0
        case ["flush", url]:
            flush_redis(url)
            return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
