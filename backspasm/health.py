"""What /healthz checks: each dependency answers, or the report says which one does not."""

from django.core.cache import cache
from django.db import DatabaseError, connection


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return bool(cursor.fetchone() == (1,))
    except DatabaseError:
        return False


def cache_ok() -> bool:
    ping = getattr(cache, "ping", None)
    try:
        if ping is not None:
            return bool(ping())
        cache.set("healthz", "ok", 5)
        return bool(cache.get("healthz") == "ok")
    except Exception:  # any failure of the cache client means the cache is down
        return False


def report() -> dict[str, str]:
    return {
        "database": "ok" if database_ok() else "down",
        "cache": "ok" if cache_ok() else "down",
    }
