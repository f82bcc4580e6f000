"""``{% self_care_steps %}``: the self-care steps, written once for the hub and the guidance."""

from typing import Any

from django import template

from backspasm.content.version import cached_content
from selfcare.models import Exercise

register = template.Library()


@register.inclusion_tag("selfcare/_steps.html")
def self_care_steps() -> dict[str, Any]:
    # The same cache entry as the exercise pages: one query per content version.
    return {"exercises": cached_content("exercises", lambda: tuple(Exercise.objects.published()))}
