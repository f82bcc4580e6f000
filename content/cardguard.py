"""Care cards survive every change to an article: an edit, a new article or a restored version
that takes away a card the live page has, or types warning signs as a list instead of placing a
card, is refused with the card to place (spec v4, "One voice").

The signs are looked for by the findings' own wording, read from the care cards (which are built
from the rules), so a list typed from the checker's words or close to them is caught.
"""

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from content.markdown import card_names
from content.typed_signs import TypedSign, typed_signs
from triage.cards import CARDS, Card, Level
from triage.everyday_words import EVERYDAY_WORDS

# The levels a typed list must not stand in for: anything that sends a person for help now.
_TYPED_LIST_LEVELS: Final = frozenset({Level.CALL_999, Level.A_AND_E, Level.URGENT})


def _finding_signs(card: Card) -> dict[str, str]:
    """The card's signs that are one finding each, by finding id, in the rules' words."""
    return {
        sign.key: sign.needs_all[0]
        for group in card.groups
        for sign in group.signs
        if not sign.is_combination
    }


def _labels_and_cards() -> tuple[dict[str, str], dict[str, str]]:
    """Each emergency and urgent finding's wording, and the card to place for it: the smallest
    card listing it at its own level (the cauda equina card for its signs). A finding's own
    level is the least urgent any card lists it at, as the all-emergencies card lists the A&E
    signs under "call 999" too."""
    listing: dict[str, list[Card]] = {}
    labels: dict[str, str] = {}
    for card in CARDS.values():
        if card.level not in _TYPED_LIST_LEVELS:
            continue
        for finding, label in _finding_signs(card).items():
            labels[finding] = label
            listing.setdefault(finding, []).append(card)
    order = list(Level)
    cards = {}
    for finding, found in listing.items():
        own_level = max((card.level for card in found), key=order.index)
        cards[finding] = min(
            (card for card in found if card.level == own_level),
            key=lambda card: sum(len(group.signs) for group in card.groups),
        ).name
    return labels, cards


def phrases_for_lists(everyday: Mapping[str, tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
    """The everyday phrases of two words or more: one word ("bum", "numbness", "bladder") finds
    a search, but in a list of advice it is no warning sign on its own."""
    return MappingProxyType(
        {
            finding: tuple(phrase for phrase in phrases if len(phrase.split()) >= 2)
            for finding, phrases in everyday.items()
        }
    )


LABELS, CARD_FOR = _labels_and_cards()
# The meningitis sign is a high temperature *with* a stiff neck, a severe headache or light that
# hurts: a list of a spasm's ordinary symptoms may name a stiff neck alone. Its label, with the
# temperature, is still looked for like every other.
NEEDS_A_TEMPERATURE: Final = frozenset({"meningitis_signs"})
EVERYDAY: Final = phrases_for_lists(
    {f: words for f, words in EVERYDAY_WORDS.items() if f not in NEEDS_A_TEMPERATURE}
)

_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n")


def card_line(name: str) -> str:
    return f"{{{{ care-card: {name} }}}}"


def is_card_line(line: str) -> bool:
    """A line that places a care card, or tries to (a misspelt name is flagged too)."""
    return "care-card" in line


def typed_lists(body: str) -> list[TypedSign]:
    """Typed signs of the findings a card here stands for (everyday words may name others)."""
    return [sign for sign in typed_signs(body, LABELS, EVERYDAY) if sign.finding in CARD_FOR]


def problems(body: str, live_body: str | None) -> list[str]:
    """What stops ``body`` replacing ``live_body`` (None for a new article), in editors' words."""
    found = []
    typed = typed_lists(body)
    for name in dict.fromkeys(CARD_FOR[sign.finding] for sign in typed):
        items = [sign.item for sign in typed if CARD_FOR[sign.finding] == name]
        found.append(
            f"Place {card_line(name)} instead of typing its signs (you typed “{items[0]}”). "
            "Warning signs come from the symptom checker’s rules, so they are never typed."
        )
    if live_body is not None:
        kept = set(card_names(body))
        for name in dict.fromkeys(card_names(live_body)):
            if name not in kept:
                found.append(
                    f"The live page has {card_line(name)}: keep that line where it is. "
                    "Warning signs are never taken off a page that shows them."
                )
    return found


def _paragraphs(text: str) -> list[str]:
    return [part for part in _BLANK_LINE.split(text.replace("\r\n", "\n").strip()) if part]


def keep_todays_cards(old_body: str, live_body: str) -> str:
    """The old words with today's care card lines kept in place: a typed list of warning signs
    in the old words gives way to today's cards, and each card still missing goes after the
    paragraph it follows today (or first, when nothing before it is in the old words)."""
    live = _paragraphs(live_body)
    kept: list[str] = []
    typed_at: int | None = None
    for part in _paragraphs(old_body):
        if typed_lists(part):
            typed_at = len(kept) if typed_at is None else typed_at
            continue
        kept.append(part)
    present = set(card_names("\n\n".join(kept)))
    missing = [part for part in live if card_names(part) and card_names(part)[0] not in present]
    if typed_at is not None:
        kept[typed_at:typed_at] = missing
        return "\n\n".join(kept)
    for part in missing:
        before = live[: live.index(part)]
        anchors = [index for index, old in enumerate(kept) if old in before]
        kept.insert(anchors[-1] + 1 if anchors else 0, part)
    return "\n\n".join(kept)
