"""A Redis cache that degrades to "no cache" when Redis is unreachable.

Advice must still reach people when the cache server is down, so every cache error is logged
and treated as a miss instead of failing the request. After a failure the cache stays out of the
way for a few seconds, so a Redis that hangs costs one timeout, not one per cache call per page.
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis import ConnectionPool, Redis
from redis.exceptions import RedisError

logger = logging.getLogger("backspasm.cache")

RETRY_AFTER_SECONDS = 5.0


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new redis.Redis around the connection pool for every cache call, which
    took 72 microseconds, more than the round trip to Redis itself (50). A client is safe to
    share, so each pool gets one, built on first use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[ConnectionPool, Redis] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Redis:
        # Django picks the pool (a random replica for reads) in a helper the stubs leave out.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class ForgivingRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._skip_until = 0.0

    def ping(self) -> bool:
        """Raises when Redis cannot be reached: for the health check, which must know."""
        return bool(self._cache.get_client(write=True).ping())

    def _guarded(self, name: str, call: Callable[[], Any], default: Any) -> Any:
        if time.monotonic() < self._skip_until:
            return default
        try:
            return call()
        except RedisError as error:
            self._skip_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning("Cache %s failed, continuing without cache: %s", name, error)
            return default

    def _forgive(self, name: str, default: Any, *args: Any, **kwargs: Any) -> Any:
        return self._guarded(
            name, lambda: getattr(RedisCache, name)(self, *args, **kwargs), default
        )

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._forgive("get", default, key, default, version)

    def set(self, *args: Any, **kwargs: Any) -> None:
        self._forgive("set", None, *args, **kwargs)

    def add(self, *args: Any, **kwargs: Any) -> bool:
        return bool(self._forgive("add", False, *args, **kwargs))

    def delete(self, *args: Any, **kwargs: Any) -> bool:
        return bool(self._forgive("delete", False, *args, **kwargs))

    def touch(self, *args: Any, **kwargs: Any) -> bool:
        return bool(self._forgive("touch", False, *args, **kwargs))

    def has_key(self, *args: Any, **kwargs: Any) -> bool:
        return bool(self._forgive("has_key", False, *args, **kwargs))

    def incr(self, *args: Any, **kwargs: Any) -> int:
        return int(self._forgive("incr", 0, *args, **kwargs))

    def get_many(self, *args: Any, **kwargs: Any) -> dict[Any, Any]:
        return dict(self._forgive("get_many", {}, *args, **kwargs))

    def set_many(self, *args: Any, **kwargs: Any) -> list[Any]:
        return list(self._forgive("set_many", [], *args, **kwargs))

    def delete_many(self, *args: Any, **kwargs: Any) -> None:
        self._forgive("delete_many", None, *args, **kwargs)

    def clear(self) -> None:
        """Deletes this site's keys only. Django's clear() empties the whole Redis database,
        which may be shared with other sites, other releases or other test workers."""
        self._guarded("clear", self._delete_own_keys, None)

    def _delete_own_keys(self) -> None:
        client = self._cache.get_client(write=True)
        pattern = f"{self.key_prefix}:*" if self.key_prefix else "*"
        batch: list[Any] = []
        for key in client.scan_iter(match=pattern, count=500):
            batch.append(key)
            if len(batch) == 500:
                client.delete(*batch)
                batch.clear()
        if batch:
            client.delete(*batch)
