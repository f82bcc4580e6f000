"""One template per page serves both the whole page and, for htmx, only its swappable region.

A page's template wraps the region htmx swaps in ``{% partialdef main inline %}``; a request from
htmx (other than a history restore, which needs the whole page) gets just that partial.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def render_page(
    request: HtmxHttpRequest, template: str, context: dict[str, object]
) -> HttpResponse:
    if request.htmx and not request.htmx.history_restore_request:
        template += "#main"
    return render(request, template, context)
