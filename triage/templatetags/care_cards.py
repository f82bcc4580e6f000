"""``{% care_card "name" %}``: the one way a page shows warning signs."""

import functools
from pathlib import Path
from typing import Any

from django import template
from django.conf import settings
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.autoreload import file_changed
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


def render_care_card(name: str | Card, heading_level: int = 2, compact: bool = False) -> SafeString:
    card = CARDS[name] if isinstance(name, str) else name
    numbers = (settings.EMERGENCY_NUMBER, settings.URGENT_NUMBER)
    return _rendered(card, heading_level, compact, numbers)


# A card is the same bytes wherever it shows with the same numbers: rendered once per process,
# it no longer costs a personal page (a plan shows several) most of its rendering time.
@functools.lru_cache(maxsize=256)
def _rendered(
    card: Card, heading_level: int, compact: bool, numbers: tuple[str, str]
) -> SafeString:
    return SafeString(render_to_string(TEMPLATE, card_context(card, heading_level, compact)))


@register.simple_tag
def care_card(name: str | Card, heading_level: int = 2, compact: bool = False) -> SafeString:
    """``compact`` tightens the spacing for a card that must fit above the fold on a phone."""
    return render_care_card(name, heading_level, compact)


@receiver(file_changed)
def _forget_rendered_cards(sender: object, file_path: Path, **kwargs: object) -> None:
    """The development server keeps its process when a template changes (Django only resets its
    template loaders), so the cards rendered from the old one are forgotten too."""
    if file_path.suffix == ".html":
        _rendered.cache_clear()
