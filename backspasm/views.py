from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from backspasm import health
from backspasm.context_processors import SERVICE_NAME


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


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without context processors or the database: it must work when they do not."""
    context = {
        "service_name": SERVICE_NAME,
        "emergency_number": settings.EMERGENCY_NUMBER,
        "urgent_number": settings.URGENT_NUMBER,
    }
    return HttpResponse(loader.get_template("500.html").render(context), status=500)
