"""``{% self_care_steps %}``: the self-care steps written once, for the hub, the plan, the result
and the guidance."""

from typing import Any

from django import template

from selfcare.steps import published_exercises

register = template.Library()


@register.inclusion_tag("selfcare/_steps.html")
def self_care_steps() -> dict[str, Any]:
    return {"exercises": published_exercises()}
