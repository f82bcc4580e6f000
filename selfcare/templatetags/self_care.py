"""``{% self_care_steps %}`` and ``{% medicines_advice %}``: self-care written once, for the
hub, the plan, the result and the guidance."""

from typing import Any

from django import template

from backspasm.content.version import cached_content
from selfcare.medicines import MEDICINES_IN_PREGNANCY, NOT_RECOMMENDED, medicines
from selfcare.models import Exercise

register = template.Library()


@register.inclusion_tag("selfcare/_steps.html")
def self_care_steps() -> dict[str, Any]:
    # The same cache entry as the exercise pages: one query per content version.
    return {"exercises": cached_content("exercises", lambda: tuple(Exercise.objects.published()))}


@register.inclusion_tag("selfcare/_medicines.html")
def medicines_advice(
    pregnant: bool = False, heading_level: int = 2, guidance: bool = False
) -> dict[str, Any]:
    """The one medicines text (``selfcare.medicines``); ``guidance`` adds the pregnancy version
    and what NICE advises against, for the medicines page."""
    return {
        "lines": medicines(pregnant),
        "pregnancy_lines": MEDICINES_IN_PREGNANCY,
        "not_recommended": NOT_RECOMMENDED,
        "heading_level": heading_level,
        "guidance": guidance,
    }
