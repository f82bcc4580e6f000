"""A Redis cache that degrades to "no cache" when Redis is unreachable.

Advice must still reach people when the cache server is down, so every cache error is logged
and treated as a miss instead of failing the request.
"""

import logging
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("backspasm.cache")


class ForgivingRedisCache(RedisCache):
    def ping(self) -> bool:
        """Raises when Redis cannot be reached: for the health check, which must know."""
        return bool(self._cache.get_client(write=True).ping())

    def _forgive(self, operation: str, default: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except RedisError as error:
            logger.warning("Cache %s failed, continuing without cache: %s", operation, error)
            return default

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
        self._forgive("clear", None)
