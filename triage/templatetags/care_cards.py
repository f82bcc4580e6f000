"""``{% care_card "name" %}``: the one way a page shows warning signs."""

from typing import Any

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from triage.cards import CARDS, Card, Number, Words

register = template.Library()

TEMPLATE = "includes/care_card.html"


def _parts(words: Words) -> list[dict[str, str]]:
    numbers = {Number.EMERGENCY: settings.EMERGENCY_NUMBER, Number.URGENT: settings.URGENT_NUMBER}
    return [
        {"text": numbers[part], "tel": numbers[part].replace(" ", "")}
        if isinstance(part, Number)
        else {"text": part}
        for part in words
    ]


def card_context(name: str | Card, heading_level: int = 2, compact: bool = False) -> dict[str, Any]:
    """The card with the configured numbers in place: a named card (``KeyError`` for an unknown
    name), or one worked out for a person (``triage.safetynet``)."""
    card = CARDS[name] if isinstance(name, str) else name
    return {
        "card": card,
        "heading": _parts(card.heading),
        "groups": [
            {"heading": _parts(group.heading), "signs": group.signs, "action": _parts(group.action)}
            for group in card.groups
        ],
        "heading_level": heading_level,
        "group_heading_level": heading_level + 1,
        "compact": compact,
    }


def render_care_card(name: str, heading_level: int = 2) -> SafeString:
    return SafeString(render_to_string(TEMPLATE, card_context(name, heading_level)))


@register.inclusion_tag(TEMPLATE)
def care_card(name: str | Card, heading_level: int = 2, compact: bool = False) -> dict[str, Any]:
    """``compact`` tightens the spacing for a card that must fit above the fold on a phone."""
    return card_context(name, heading_level, compact)
