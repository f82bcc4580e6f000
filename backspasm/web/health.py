"""What /healthz checks: that each part the site writes to would take a write now, answered
within ``ANSWER_WITHIN`` seconds whatever hangs (docs/adr/0021).

Each part is checked in a thread of its own, one per part and process, while the request waits at
most ``ANSWER_WITHIN`` seconds for them all: a part that has not answered by then is down. A check
still stuck from an earlier request is not started again, so a hung database holds one thread,
however often a load balancer asks.
"""

import os
import secrets
import tempfile
from collections.abc import Callable
from concurrent import futures
from pathlib import Path
from typing import Final

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import DatabaseError, connection, transaction
from django.db.models import F

ANSWER_WITHIN: Final = 1.5


def database_ok() -> bool:
    """A write, rolled back, to one of the site's own tables: "SELECT 1" passes on a read-only
    replica, and on SQLite on a new, empty file made where a deleted database was."""
    try:
        with transaction.atomic():
            first = ContentType.objects.order_by("pk").values_list("pk", flat=True).first()
            if first is None:
                return False
            # A row only migrations write, so no editor's save ever waits on this lock.
            ContentType.objects.filter(pk=first).update(model=F("model"))
            transaction.set_rollback(True)
    except DatabaseError:
        return False
    finally:
        # This thread outlives requests, which close their connections: a fresh one each time
        # also proves a new connection can be made.
        connection.close()
    return True


def cache_ok() -> bool:
    token = secrets.token_hex(8)
    try:
        cache.set("healthz", token, 10)
        return bool(cache.get("healthz") == token)
    except Exception:  # any failure of the cache client means the cache is down
        return False


def local_directories() -> list[Path]:
    """Where this server writes to its own disk: the file cache, a SQLite database."""
    directories = []
    if isinstance(shared := caches["default"], FileBasedCache):
        directories.append(Path(shared._dir))  # type: ignore[attr-defined]
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():  # type: ignore[attr-defined]
        directories.append(Path(connection.settings_dict["NAME"]).parent)
    return directories


def disk_ok() -> bool:
    """A small file written, flushed to the disk and removed, in each directory the site writes
    to: a full disk fails here before a page tries to."""
    try:
        for directory in local_directories():
            with tempfile.NamedTemporaryFile(dir=directory, prefix=".healthz-") as probe:
                probe.write(os.urandom(4096))
                probe.flush()
                os.fsync(probe.fileno())
    except OSError:
        return False
    return True


CHECKS: Final[dict[str, Callable[[], bool]]] = {
    "database": database_ok,
    "cache": cache_ok,
    "disk": disk_ok,
}
_threads = {name: futures.ThreadPoolExecutor(1, f"healthz-{name}") for name in CHECKS}
_running: dict[str, futures.Future[bool]] = {}


def _start(name: str) -> futures.Future[bool]:
    running = _running.get(name)
    if running is None or running.done():
        running = _running[name] = _threads[name].submit(CHECKS[name])
    return running


def report() -> dict[str, str]:
    started = {name: _start(name) for name in CHECKS if name != "disk" or local_directories()}
    futures.wait(started.values(), timeout=ANSWER_WITHIN)
    return {
        name: "ok" if check.done() and not check.exception() and check.result() else "down"
        for name, check in started.items()
    }
