"""Django's file cache, for one machine without Redis, where a disk that fails is a miss.

A full disk (or a read-only one) made Django's FileBasedCache raise on a write, and a public page
answered 500. Advice must reach people however the cache fares, as with Redis (IGNORE_EXCEPTIONS):
a failed write is logged and forgotten, and a failed read is a miss. /healthz reports the disk.
"""

import logging
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

logger = logging.getLogger("backspasm.cache")


class ForgivingFileBasedCache(FileBasedCache):
    def __init__(self, dir: str, params: dict[str, Any]) -> None:
        try:
            super().__init__(dir, params)
        except OSError as error:  # it makes its directory at once; each write tries again
            logger.warning("File cache directory cannot be made: %s", error.strerror)

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        try:
            return super().get(key, default, version)
        except OSError as error:
            logger.warning("File cache read failed: %s", error.strerror)
            return default

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        try:
            super().set(key, value, timeout, version)
        except OSError as error:
            logger.warning("File cache write failed: %s", error.strerror)

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except OSError as error:
            logger.warning("File cache write failed: %s", error.strerror)
            return False

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        try:
            return super().touch(key, timeout, version)
        except OSError as error:
            logger.warning("File cache write failed: %s", error.strerror)
            return False

    def delete(self, key: Any, version: Any = None) -> bool:
        try:
            return super().delete(key, version)
        except OSError as error:
            logger.warning("File cache delete failed: %s", error.strerror)
            return False
