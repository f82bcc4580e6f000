"""One template per page serves both the whole page and, for htmx, only its swappable region.

A page's template wraps the region htmx swaps in ``{% partialdef main inline %}``; a request from
htmx (other than a history restore, which needs the whole page) gets just that partial.
"""

from collections.abc import Callable, Sequence

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def personal_page[View: Callable[..., HttpResponseBase]](
    *, methods: Sequence[str]
) -> Callable[[View], View]:
    """A page made for the one person who asked: it shows their answers, or answers their post.

    No cache may keep it (not the browser's, on what may be a shared device, nor one in front of
    the site); it answers only ``methods``, and HEAD wherever GET; and since the same address
    serves the whole page or, for htmx, its partial, a cache must never give one to a request
    for the other.
    """

    allowed = [*methods, *(["HEAD"] if "GET" in methods and "HEAD" not in methods else [])]

    def decorate(view: View) -> View:
        return never_cache(require_http_methods(allowed)(vary_on_headers("HX-Request")(view)))

    return decorate


def render_page(
    request: HtmxHttpRequest, template: str, context: dict[str, object]
) -> HttpResponse:
    if request.htmx and not request.htmx.history_restore_request:
        template += "#main"
    return render(request, template, context)
