"""Which pages Django's page cache (and a proxy or CDN in front) may keep, and under what address.

An anonymous public page is the same bytes for everyone, so ``public_page`` lets shared caches keep
it for ``PUBLIC_MAX_AGE`` seconds. A request that carries any cookie (the person's answers, a staff
login), comes from htmx or asks with a query string is rendered fresh and marked never to be
stored, so nothing personal and nothing a stranger can vary at will ever enters a shared cache.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, Final

from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.http.response import HttpResponseBase
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

# How long a page may be older than the database, whatever happens to the cache: an editor's save
# reaches everyone within this, even when the cache missed the save (docs/adr/0010).
PUBLIC_MAX_AGE: Final = 30

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
    if not shared_request(request):
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
