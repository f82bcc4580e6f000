from typing import Any

from django.http import HttpRequest

from feedback.forms import FeedbackForm
from feedback.views import THANKS


def feedback(request: HttpRequest) -> dict[str, Any]:
    """The "Is this page useful?" form, on public pages only; the same for every visitor, so a
    stored page can be served to anyone."""
    match = request.resolver_match
    if match is None or not getattr(match.func, "is_public_page", False):
        return {}
    return {
        "feedback_page": request.path,
        "feedback_form": FeedbackForm(initial={"page": request.path}),
        "feedback_state": THANKS if request.GET.get("feedback") == THANKS else "",
    }
