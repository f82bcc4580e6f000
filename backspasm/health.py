"""What /healthz checks: each dependency answers, or the report says which one does not."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DatabaseError, connection


def database_ok() -> bool:
    """A query on one of the site's own tables, not "SELECT 1": SQLite answers that from a new,
    empty file as happily as from the real one, so a deleted database went unnoticed."""
    try:
        return ContentType.objects.using(connection.alias).exists()
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
