import functools

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from backspasm.postgres.bounded import SECONDS_OPEN
from backspasm.web import health
from backspasm.web.context_processors import SERVICE_NAME


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = health.report()
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "down", "checks": checks}, status=200 if healthy else 503
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


@functools.cache
def _problem_page() -> str:
    """Rendered once per process, without context processors or the database: it must work when
    they do not, and costs nothing when many people meet it at once."""
    context = {
        "service_name": SERVICE_NAME,
        "emergency_number": settings.EMERGENCY_NUMBER,
        "urgent_number": settings.URGENT_NUMBER,
    }
    return loader.get_template("500.html").render(context)


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_problem_page(), status=500)


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """The page needs the database, which is not being asked for a few seconds: the same page
    with the emergency advice, as a 503 a browser or proxy may retry once the breaker lets it."""
    response = HttpResponse(_problem_page(), status=503)
    response["Retry-After"] = str(SECONDS_OPEN)
    return response
