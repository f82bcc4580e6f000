"""The self-care steps, written once for the hub, the exercise pages and the guidance."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from backspasm.publishing.version import cached_content
from selfcare.models import Exercise


def published_exercises() -> tuple[Exercise, ...]:
    # The same cache entry as the exercise pages: one query per content version.
    return cached_content("exercises", lambda: tuple(Exercise.objects.published()))


def render_self_care_steps() -> SafeString:
    return render_to_string("selfcare/_steps.html", {"exercises": published_exercises()})
