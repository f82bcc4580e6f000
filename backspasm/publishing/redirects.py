"""Old addresses of renamed pages answer with a permanent redirect to where the page is now."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from backspasm import registry
from backspasm.publishing.models import OldAddress
from backspasm.publishing.version import cached_content


def _current_addresses() -> dict[str, str]:
    """Every old address and where its page is now. Kept with the published content: an
    approval that changes a slug saves an OldAddress, which moves the content version on."""
    return {
        old.path: old.target.get_absolute_url()
        for old in OldAddress.objects.prefetch_related("target")
        if old.target is not None
    }


class OldAddressMiddleware:
    """Looks only at 404s under the addresses pages can be renamed in, and in the cached list, so
    an unknown address costs no query and the checker's pages never wait on the database."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code != 404
            or request.method not in {"GET", "HEAD"}
            or not request.path.startswith(registry.renameable_paths())
        ):
            return response
        new_url = cached_content("old-addresses", _current_addresses).get(request.path)
        if new_url is None:
            return response
        if request.META.get("QUERY_STRING"):
            new_url = f"{new_url}?{request.META['QUERY_STRING']}"
        return HttpResponsePermanentRedirect(new_url)
