"""What pages show of published content, kept in Django's cache under a content version number.

The version lives in the cache itself (Redis in production, shared by every app server) and goes
up whenever anything editors change is saved or deleted, so every server stops using the old data
at the same moment, without having to find and delete it. What is cached here is page data, so
a page built from it costs no database query; whole anonymous pages are kept by
``backspasm.pagecache``.
"""

import hashlib
import logging
import time
from collections.abc import Callable
from functools import cache as once
from pathlib import Path
from typing import Final, cast

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from backspasm.content.models import Article
from backspasm.content.pages import ArticlePage, Guidance, build_article_page, build_guidance
from backspasm.workerstore import WorkerStore

logger = logging.getLogger("backspasm.content")

VERSION_KEY: Final = "content:version"
# Old versions are never read again, so entries only need to outlive a quiet spell.
PAGE_TIMEOUT: Final = 60 * 60 * 24
# Every article and listing of one version, with room for the version before it.
WORKER_CONTENT_SIZE: Final = 128
WORKER_CONTENT_MAX_AGE: Final = 60

worker_content: WorkerStore[object] = WorkerStore(WORKER_CONTENT_SIZE, WORKER_CONTENT_MAX_AGE)


def content_version() -> int | None:
    """The current version, or None when the cache cannot be reached (then nothing is cached)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        # A clock value, not 1: if the cache lost the key, an old page stored under a small
        # number must never become current again.
        start = time.time_ns()
        version = start if cache.add(VERSION_KEY, start, timeout=None) else cache.get(VERSION_KEY)
    return int(version) if version is not None else None


def bump_content_version() -> None:
    """Mark every cached page stale, now and again once the change is committed.

    Bumping only now would let a request that reads the database before the commit cache the old
    content under the new version; bumping only after the commit would leave the change invisible
    to the editor's own next request inside a long transaction.
    """
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        bumped = cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        return
    # The Redis cache answers 0 instead of failing when Redis cannot be reached; a real version
    # is a clock value, never 0.
    if not bumped:
        logger.error(
            "Could not mark cached pages stale after a change to published content: "
            "save the change again once the cache is back"
        )


def cached_content[T](name: str, build: Callable[[], T]) -> T:
    """What ``build`` makes from published content, kept until the content version changes: in
    this worker first, then in the shared cache, so most requests read neither the database nor
    the shared cache for it."""
    version = content_version()
    if version is None:
        return build()
    key = f"content:{version}:{name}"
    value = worker_content.get(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, timeout=PAGE_TIMEOUT)
        worker_content.put(key, value)
    return cast(T, value)


def published_guidance() -> Guidance:
    return cached_content(
        "guidance",
        lambda: build_guidance(
            Article.objects.published().only("slug", "title", "summary", "section", "order")
        ),
    )


def published_article(slug: str) -> ArticlePage | None:
    """The page of a published article, or None: the slug is checked against the cached listing
    first, so unknown and draft slugs cost no query."""
    section = published_guidance().section_of(slug)
    if section is None:
        return None

    def build() -> ArticlePage | None:
        article = Article.objects.published().prefetch_related("sources").filter(slug=slug).first()
        return build_article_page(article, section) if article else None

    return cached_content(f"article:{slug}", build)


@once
def release_digest() -> str:
    """Changes whenever a deploy changes what a page looks like, so browsers do not keep
    revalidating markup from the previous release against an unchanged content version."""
    digest = hashlib.blake2b(digest_size=8)
    for folder in [settings.BASE_DIR / "templates", *settings.STATICFILES_DIRS]:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and path.suffix in {".html", ".css", ".js", ".svg"}:
                digest.update(path.as_posix().encode())
                digest.update(path.read_bytes())
    for number in (settings.EMERGENCY_NUMBER, settings.URGENT_NUMBER, settings.CRISIS_LINE_NUMBER):
        digest.update(number.encode())
    return digest.hexdigest()


def content_etag(*parts: str) -> str | None:
    version = content_version()
    if version is None:
        return None
    return f'W/"{version}-{release_digest()}{"-" if parts else ""}{"-".join(parts)}"'
