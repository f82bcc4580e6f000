"""What the site holds in its caches, read as stored: privacy tests look through all of it."""

import gzip
import pickle
import zlib
from pathlib import Path

from django.core.cache import caches
from django.http import HttpResponse
from django_redis.cache import RedisCache


def cached_values() -> list[str]:
    """Everything this site holds in its caches, read from the cache server (or files) itself,
    and the pages this process keeps in memory."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        values = [backend.get(key) for key in backend.iter_keys("*")]
    else:
        values = []
        for path in Path(backend._dir).glob("*.djcache"):  # type: ignore[attr-defined]
            with path.open("rb") as stored:
                pickle.load(stored)  # when it expires
                values.append(pickle.loads(zlib.decompress(stored.read())))
    pages = caches["pages"]._cache.values()  # type: ignore[attr-defined]
    return [readable(value) for value in [*values, *map(pickle.loads, pages)]]


def readable(value: object) -> str:
    """A stored page as its headers and text, anything else as its repr."""
    if isinstance(value, HttpResponse):
        body = value.content
        if value.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return f"{dict(value.headers)!r} {body.decode()}"
    return repr(value)
