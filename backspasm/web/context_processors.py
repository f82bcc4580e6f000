from typing import Any

from django.conf import settings
from django.http import HttpRequest

SERVICE_NAME = "Back spasm help"

NAVIGATION = (
    ("Check your symptoms", "/check/"),
    ("Self-care", "/self-care/"),
    ("Guidance", "/guidance/"),
    ("Search", "/search/"),
)


def site(request: HttpRequest) -> dict[str, Any]:
    """Names, numbers and navigation every page shows, so no template hard-codes them."""
    return {
        "service_name": SERVICE_NAME,
        "emergency_number": settings.EMERGENCY_NUMBER,
        "urgent_number": settings.URGENT_NUMBER,
        "crisis_line_number": settings.CRISIS_LINE_NUMBER,
        "crisis_line_name": settings.CRISIS_LINE_NAME,
        "navigation": [
            {"label": label, "url": url, "current": request.path.startswith(url)}
            for label, url in NAVIGATION
        ],
    }
