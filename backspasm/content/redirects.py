"""Old addresses of renamed pages answer with a permanent redirect to where the page is now."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from backspasm.content.models import OldAddress


class OldAddressMiddleware:
    """Looks only at 404s, so a live page never costs a query."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        old = OldAddress.objects.filter(path=request.path).first()
        if old is None or old.target is None:
            return response
        new_url: str = old.target.get_absolute_url()
        if request.META.get("QUERY_STRING"):
            new_url = f"{new_url}?{request.META['QUERY_STRING']}"
        return HttpResponsePermanentRedirect(new_url)
