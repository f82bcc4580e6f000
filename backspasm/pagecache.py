"""Whole public pages served from the cache to visitors who send no cookie.

Rendering a template is most of what a page costs, so an anonymous visitor's page is stored
once, rendered and compressed, and served as stored until an editor saves something (the
site-wide content version in the key goes up). Every response still carries its own CSP nonce:
the stored body is cut where the nonce was, and each hit puts the request's own nonce between the
pieces, which makes the CSP middleware (outside this one) name that same nonce in the header.

Stored pages live in the shared cache, so a new worker starts warm, and in a small store inside
each worker, so a hit reads only the content version from the shared cache, not the page.

Only requests without any cookie, htmx header or credentials are considered: anything personal
(checker answers, a staff preview) comes with a cookie. Only responses that say
``Cache-Control: public`` are stored, so a page has to opt in.
"""

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import wraps
from typing import Any, Final

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csp import get_nonce
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import parse_http_date_safe, split_header_value

from backspasm.compression import CompressedPieces
from backspasm.content.cache import content_version
from backspasm.workerstore import WorkerStore

# Short enough that a correction reaches people within a minute, long enough to absorb a rush.
PUBLIC_MAX_AGE: Final = 60

# The site has a few dozen public pages; old content versions fall out first.
WORKER_STORE_SIZE: Final = 256
ACCEPTS_GZIP: Final = re.compile(r"\bgzip\b")

# What a hit needs to look like its miss. The CSP header is left out on purpose: the CSP
# middleware writes a fresh one for the fresh nonce.
KEPT_HEADERS: Final = (
    "Content-Type",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Vary",
    "Content-Language",
    "X-Frame-Options",
)
REFUSED_CACHE_CONTROL: Final = frozenset({"private", "no-store", "no-cache"})

type View = Callable[..., HttpResponse]


def public_page(view: View) -> View:
    """Marks a page the same for everyone: shared caches (this one included) may keep it, and a
    browser keeps it for a minute.

    Sent with the session cookie, the page may carry links from that person's session ("Your
    plan"), so it is rendered for them alone and no cache keeps it.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            add_never_cache_headers(response)
        elif response.status_code in {200, 304}:
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response

    wrapper.is_public_page = True  # type: ignore[attr-defined]
    return wrapper


@dataclass(frozen=True, slots=True)
class StoredPage:
    status: int
    pieces: CompressedPieces  # the body, cut where the nonce goes
    headers: tuple[tuple[str, str], ...]


def _shape(*classes: type) -> str:
    """Changes whenever the fields of these dataclasses do."""
    names = [(cls.__qualname__, [field.name for field in fields(cls)]) for cls in classes]
    return hashlib.sha256(repr(names).encode()).hexdigest()[:12]


# A server never unpickles a page stored by a release whose StoredPage had other fields.
KEY_KIND: Final = f"page-{_shape(StoredPage, CompressedPieces)}"

worker_store: WorkerStore[StoredPage] = WorkerStore(WORKER_STORE_SIZE, PUBLIC_MAX_AGE)


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self._respond(request)
        if response.status_code == 304:
            _keep_the_stored_policy(response)
        return response

    def _respond(self, request: HttpRequest) -> HttpResponseBase:
        if not _anonymous_read(request):
            return self.get_response(request)
        version = content_version()
        if version is None:
            return self.get_response(request)
        key = page_key(request, version)
        stored = worker_store.get(key)
        if stored is None:
            shared = cache.get(key)
            if isinstance(shared, StoredPage):
                stored = shared
                worker_store.put(key, stored)
        if stored is not None:
            return _serve(request, stored)
        response = self.get_response(request)
        # A HEAD response may be stored without its body by a server further in; only GET fills.
        if request.method == "GET" and (page := _storable(request, response)) is not None:
            cache.set(key, page)
            worker_store.put(key, page)
        return response


def _anonymous_read(request: HttpRequest) -> bool:
    return (
        request.method in {"GET", "HEAD"}
        # Anyone can invent query strings; storing a page for each would let them fill the cache.
        and not request.META.get("QUERY_STRING")
        and not request.COOKIES
        and not request.META.get("HTTP_COOKIE")
        and "HTTP_HX_REQUEST" not in request.META
        and "HTTP_AUTHORIZATION" not in request.META
    )


def page_key(request: HttpRequest, version: int) -> str:
    # The same for GET and HEAD; the host and scheme are in it because pages may print absolute
    # addresses.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"{KEY_KIND}:{version}:{hashlib.sha256(address.encode()).hexdigest()}"


def _cache_control(response: HttpResponseBase) -> set[str]:
    return {
        directive.split("=", 1)[0].strip().lower()
        for directive in split_header_value(response.get("Cache-Control", ""))
    }


def _storable(request: HttpRequest, response: HttpResponseBase) -> StoredPage | None:
    if (
        response.status_code != 200
        or not isinstance(response, HttpResponse)
        or response.cookies
        or response.has_header("Set-Cookie")
    ):
        return None
    directives = _cache_control(response)
    if "public" not in directives or directives & REFUSED_CACHE_CONTROL:
        return None
    # "Vary: Cookie" is accepted: the page is stored only from, and served only to, requests
    # that send no cookie at all, which is exactly the variant it names. The checker's start page
    # needs it, so that a shared cache never shows its cookie-less version to someone with answers.
    if has_vary_header(response, "*"):
        return None
    nonce = get_nonce(request)
    # The nonce is URL-safe base64 and cannot cut a page anywhere it was not printed.
    pieces = response.content.split(str(nonce).encode()) if nonce else [response.content]
    headers = tuple((name, response[name]) for name in KEPT_HEADERS if response.has_header(name))
    return StoredPage(response.status_code, CompressedPieces.of(pieces), headers)


def _serve(request: HttpRequest, page: StoredPage) -> HttpResponseBase:
    response = HttpResponse(status=page.status)
    for name, value in page.headers:
        response[name] = value
    last_modified = response.get("Last-Modified")
    # A 304 when the visitor's copy is current, since ConditionalGetMiddleware sits further in.
    conditional = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=response,
    )
    if conditional is not None and conditional is not response:
        return conditional
    nonce = str(get_nonce(request)).encode() if len(page.pieces.plain) > 1 else b""
    if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        # What GZipMiddleware, which passes an encoded response by, would have done to it.
        response.content = page.pieces.gzip_body(nonce)
        response["Content-Encoding"] = "gzip"
        patch_vary_headers(response, ("Accept-Encoding",))
        if (etag := response.get("ETag")) and etag.startswith('"'):
            response["ETag"] = "W/" + etag
    else:
        response.content = page.pieces.plain_body(nonce)
    response["Content-Length"] = str(len(response.content))
    return response


def _keep_the_stored_policy(response: HttpResponseBase) -> None:
    """A browser merges a 304's headers into the copy it kept. A fresh nonce in a new policy would
    then block the scripts of that copy, whose tags carry the nonce it was sent with, so a 304
    sends no policy and the stored one stays (what ``csp_override({})`` does for a view)."""
    response._csp_config = {}  # type: ignore[attr-defined]
    response._csp_ro_config = {}  # type: ignore[attr-defined]
