"""``{% medicines_advice %}``: the one medicines text (``triage.medicines``) as the result, the
plan, the diary and the medicines guidance all print it."""

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from triage.medicines import MEDICINES_IN_PREGNANCY, NOT_RECOMMENDED, medicines

register = template.Library()

TEMPLATE = "includes/medicines.html"


@register.inclusion_tag(TEMPLATE)
def medicines_advice(
    pregnant: bool = False, heading_level: int = 2, guidance: bool = False
) -> dict[str, Any]:
    """``guidance`` adds the pregnancy version and what NICE advises against, for the medicines
    page."""
    return {
        "lines": medicines(pregnant),
        "pregnancy_lines": MEDICINES_IN_PREGNANCY,
        "not_recommended": NOT_RECOMMENDED,
        "heading_level": heading_level,
        "guidance": guidance,
    }


def render_medicines_advice(**options: Any) -> SafeString:
    return SafeString(render_to_string(TEMPLATE, medicines_advice(**options)))
