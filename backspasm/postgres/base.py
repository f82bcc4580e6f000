"""Django's PostgreSQL backend on connections whose every wait is bounded (bounded.py)."""

from types import SimpleNamespace

import psycopg
from django.db.backends.postgresql import base

from backspasm.postgres.bounded import BoundedConnection


class DatabaseWrapper(base.DatabaseWrapper):
    # Django opens connections with `Database.connect` and reads psycopg's exception classes from
    # `Database`: the same module, but connecting through the bounded class.
    Database = SimpleNamespace(  # type: ignore[assignment]
        **{**vars(psycopg), "connect": BoundedConnection.connect}
    )
