"""Which pages Django's page cache (and a proxy or CDN in front) may keep, and under what address.

An anonymous public page is the same bytes for everyone, so ``public_page`` lets shared caches keep
it for ``PUBLIC_MAX_AGE`` seconds. A request that carries any cookie (the person's answers, a staff
login), comes from htmx or asks with a query string is rendered fresh and marked never to be
stored, so nothing personal and nothing a stranger can vary at will ever enters a shared cache.
"""

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any, Final

from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.http.response import HttpResponseBase
from django.middleware.cache import UpdateCacheMiddleware
from django.utils.cache import (
    add_never_cache_headers,
    patch_cache_control,
    patch_vary_headers,
)

from backspasm.postgres.bounded import DatabaseUnavailable, unanswered
from backspasm.web.views import database_unavailable

logger = logging.getLogger("backspasm.web.caching")

# How long a page may be older than the database, whatever happens to the cache: an editor's save
# reaches everyone within this, even when the cache missed the save (docs/adr/0010).
PUBLIC_MAX_AGE: Final = 30
# How long the last good copy of a public page is kept, to serve while the database fails: a day
# covers an outage overnight; the next good render replaces it.
STALE_SECONDS: Final = 24 * 60 * 60

type View = Callable[..., HttpResponse]


def shared_request(request: HttpRequest) -> bool:
    """A request whose page would be the same for anyone who sent it."""
    return (
        request.method in {"GET", "HEAD"}
        and not request.META.get("HTTP_COOKIE")
        and not request.META.get("QUERY_STRING")
        and "HTTP_HX_REQUEST" not in request.META
    )


def mark_public(request: HttpRequest, response: HttpResponseBase) -> None:
    # A view that rendered less than the whole page (its database failed) said no-store itself.
    if not shared_request(request) or "no-store" in response.get("Cache-Control", ""):
        add_never_cache_headers(response)
    elif response.status_code == 200:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        # The stored page is the cookieless one; a cache must never show it to someone with
        # answers, nor the full page to htmx.
        patch_vary_headers(response, ("Cookie", "HX-Request"))


def public_page(view: View) -> View:
    """Marks a page that is the same for every visitor without a cookie."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        mark_public(request, response)
        return response

    # Only pages marked public collect "Is this page useful?" answers (feedback.forms).
    wrapper.is_public_page = True  # type: ignore[attr-defined]
    return wrapper


class CanonicalRequestMiddleware:
    """Django's page cache keys a page on its full address and on the headers it varies on. A
    host is allowed whatever port follows it, and Accept-Encoding is free text, so without this a
    stranger could store one copy of a page per port or per spelling (a probe: 1,500 ports, 18 MB).
    Pages print no absolute address, so the port is dropped, and only whether gzip is accepted is
    kept, which is all GZipMiddleware reads."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method in {"GET", "HEAD"}:
            meta = request.META
            if host := meta.get("HTTP_HOST"):
                domain, _port = split_domain_port(host)
                if domain:
                    meta["HTTP_HOST"] = domain
            if "gzip" in meta.get("HTTP_ACCEPT_ENCODING", "").lower():
                meta["HTTP_ACCEPT_ENCODING"] = "gzip"
            else:
                meta.pop("HTTP_ACCEPT_ENCODING", None)
        return self.get_response(request)


def may_have_a_stale_copy(request: HttpRequest) -> bool:
    """A request the page's last good copy answers while the database fails: its cookieless
    copy holds nothing personal, so someone with a cookie gets it too rather than an error
    (without the links to their own pages). A query string or htmx asks for something else."""
    return (
        request.method in {"GET", "HEAD"}
        and not request.META.get("QUERY_STRING")
        and "HTTP_HX_REQUEST" not in request.META
    )


def without_database[R: HttpResponseBase](response: R) -> R:
    """Marks a page a view rendered without the parts its database failed to give: never stored,
    and replaced by the page's last good copy when there is one."""
    add_never_cache_headers(response)
    response.without_database = True  # type: ignore[attr-defined]
    return response


def stale_key(request: HttpRequest) -> str:
    """The page's address and encoding, as CanonicalRequestMiddleware left them."""
    encoding = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return f"stale-page:{request.get_host()}{request.path}:{encoding}"


class StaleOnErrorCacheMiddleware(UpdateCacheMiddleware):
    """Django's page cache, and beside each page it stores a copy that lasts a day, in the shared
    cache, served when the database fails: a person sees yesterday's page, not an error (the
    fresh copy lives 30 s in each worker's memory, docs/adr/0010)."""

    @property
    def stale_copies(self) -> Any:
        return caches["default"]

    def process_response(self, request: HttpRequest, response: Any) -> Any:
        if getattr(response, "without_database", False) and may_have_a_stale_copy(request):
            return self.last_good_copy(request) or response
        # Rendered now, not served from the fresh copy (Django's own flag for "store this").
        rendered = getattr(request, "_cache_update_cache", False)
        response = super().process_response(request, response)
        if (
            rendered
            and shared_request(request)
            and response.status_code == 200
            and "public" in response.get("Cache-Control", "")
            and not response.streaming
        ):
            self.stale_copies.set(stale_key(request), response, STALE_SECONDS)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> Any:
        if not isinstance(exception, DatabaseError):
            return None
        if may_have_a_stale_copy(request) and (stale := self.last_good_copy(request)):
            return stale
        cause = exception.__cause__
        if isinstance(cause, DatabaseUnavailable):
            # Why was logged, with its traceback, when the database first failed to answer.
            logger.warning("The database is not being asked for now: %s answered 503", request.path)
            return database_unavailable(request)
        if cause is not None and unanswered(type(cause), cause):
            # The database is down, not the page broken: the same page with the emergency advice,
            # as a 503 a browser or proxy may retry, and the reason logged once, here.
            logger.error("PostgreSQL did not answer: %s answered 503", request.path, exc_info=True)
            return database_unavailable(request)
        return None

    def last_good_copy(self, request: HttpRequest) -> HttpResponseBase | None:
        stale: HttpResponseBase | None = self.stale_copies.get(stale_key(request))
        if stale is None:
            return None
        logger.warning("The database failed: served the last good copy of %s", request.path)
        # Not stored again: it would restart the fresh copy's 30 s with an old page.
        request._cache_update_cache = False  # type: ignore[attr-defined]
        return stale
