"""The content version: read through the cache for at most ``VERSION_CACHE_SECONDS``, bumped in
the database by the same transaction as the editor's save."""

from collections.abc import Callable
from typing import Any, Final, cast

from django.apps import apps as installed_apps
from django.apps.registry import Apps
from django.core.cache import cache
from django.db import transaction
from django.db.models import F

from backspasm.publishing.models import ContentVersion

VERSION_KEY: Final = "content-version"
# However long a cache keeps a version the database has moved past (a delete lost while Redis was
# down, an old snapshot restored), no cached fragment outlives this by more than a request.
VERSION_CACHE_SECONDS: Final = 30
# Fragments are keyed on the version, so an old one is never read again: this only clears space.
CONTENT_CACHE_SECONDS: Final = 60 * 60 * 24


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = ContentVersion.objects.values_list("number", flat=True).first() or 0
        cache.set(VERSION_KEY, version, VERSION_CACHE_SECONDS)
    return int(version)


def content_changed(**kwargs: Any) -> None:
    """Connected by each app to the signals of the models its editors change."""
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1)
    # Until the commit, other requests still read the old number from the database.
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))


def content_migrated(apps: Apps = installed_apps, **kwargs: Any) -> None:
    """Migrations write through historical models, which send no save signals. (``flush`` sends
    this signal too, without the migrated state.)"""
    try:
        apps.get_model("publishing", "ContentVersion")
    except LookupError:  # migrated back to before the version existed
        return
    content_changed()


def content_key(name: str) -> str:
    """The cache key of ``name`` made from the published content of this version."""
    return f"content:{content_version()}:{name}"


def cached_content[T](name: str, build: Callable[[], T]) -> T:
    """What ``build`` makes from published content, kept until the content version changes."""
    return cast(T, cache.get_or_set(content_key(name), build, CONTENT_CACHE_SECONDS))
