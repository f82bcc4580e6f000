"""Care cards: every list of warning signs on the site, built from the rules and nothing else.

A card groups signs by what to do (call the emergency number, go to A&E, get help today, see a
GP). Each sign is a finding's own label, the sentence the checker asks, so the guidance and the
checker cannot word the same sign two ways. Editors choose a card by name; they cannot reword it.

Pure: no request, no template, no settings. The phone numbers are named here (``Number``) and
filled in by the template tag that renders a card.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from triage.rules import (
    CONDITIONS,
    EMERGENCY_SCREEN,
    FINDINGS,
    RULES,
    URGENT,
    Disposition,
    EmergencyAction,
    Finding,
    Rule,
)


class Level(StrEnum):
    """How urgent a card is, declared most urgent first; also the card's CSS modifier."""

    CALL_999 = "call-999"
    A_AND_E = "a-and-e"
    URGENT = "urgent"
    GP = "gp"


class Number(StrEnum):
    """A phone number from the settings, shown as a ``tel:`` link."""

    EMERGENCY = "emergency"
    URGENT = "urgent"


# Words with the phone numbers in their place, so a card prints the configured number.
Words = tuple[str | Number, ...]


@dataclass(frozen=True, slots=True)
class Sign:
    """One warning sign: a finding's label, or a rule's combination of findings.

    Every label in ``needs_all`` must be true, and at least one in ``needs_any`` (when there are
    any); ``also`` is a number condition in plain words, such as "and you are 60 or older".
    """

    key: str  # the finding id or rule id it comes from
    needs_all: tuple[str, ...]
    needs_any: tuple[str, ...] = ()
    also: str = ""
    note: str = ""  # something to tell the people who treat you

    @property
    def is_combination(self) -> bool:
        return len(self.needs_all) + len(self.needs_any) > 1 or bool(self.also)


@dataclass(frozen=True, slots=True)
class Group:
    """Signs that share one thing to do."""

    heading: Words
    signs: tuple[Sign, ...]
    action: Words


@dataclass(frozen=True, slots=True)
class Card:
    name: str  # the block name editors use, stable once published
    level: Level
    heading: Words
    groups: tuple[Group, ...]
    description: str  # for editors: what the card lists


CALL_HEADING: Words = ("Call ", Number.EMERGENCY, " now if you have any of these")
CALL_ACTION: Words = (
    "Call ",
    Number.EMERGENCY,
    " now. After a serious accident or fall, do not move the person unless they are in danger.",
)
CALL_NOW_ACTION: Words = ("Call ", Number.EMERGENCY, " now, or ask someone to call for you.")
A_AND_E_HEADING: Words = ("Go to A&E now if you have any of these",)
A_AND_E_ACTION: Words = (
    "Go to A&E immediately, day or night. Do not drive yourself: ask someone to take you, or call ",
    Number.EMERGENCY,
    ".",
)
URGENT_HEADING: Words = ("Get help today if you have any of these",)
URGENT_ACTION: Words = (
    "Ask your GP surgery for an urgent appointment today, or call ",
    Number.URGENT,
    ". If you are pregnant, contact your maternity unit or midwife now.",
)
MATERNITY_HEADING: Words = ("Contact your maternity unit or midwife now if you have any of these",)
MATERNITY_ACTION: Words = (
    "Contact your maternity unit or midwife now, day or night. If you cannot reach them, call ",
    Number.URGENT,
    ".",
)
GP_HEADING: Words = ("See a GP if you have any of these",)
GP_ACTION: Words = (
    "Book an appointment with a GP or a physiotherapist in the next 1 to 2 weeks. If you are "
    "pregnant, you can see your midwife instead.",
)
CORD_COMPRESSION_NOTE = "Tell them you have cancer and may have spinal cord compression."


def _finding_sign(finding: Finding) -> Sign:
    return Sign(finding.id, (finding.label,))


def _labels(ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(CONDITIONS[condition].label for condition in ids)


def _rule_sign(rule: Rule) -> Sign:
    return Sign(
        rule.id,
        _labels(rule.needs_all),
        _labels(rule.needs_any),
        rule.also,
        CORD_COMPRESSION_NOTE if rule.cord_compression else "",
    )


def _emergency_signs(action: EmergencyAction) -> tuple[Sign, ...]:
    """The emergency-screen findings with this action (rule E1), then the other emergency rules
    with it, in the order of the rules."""
    screen = tuple(_finding_sign(f) for f in EMERGENCY_SCREEN if f.action == action)
    rules = tuple(
        _rule_sign(rule)
        for rule in RULES
        if rule.disposition == Disposition.EMERGENCY and rule.emergency_action == action
    )
    return screen + rules


def _rule_signs(disposition: Disposition, *, maternity: bool = False) -> tuple[Sign, ...]:
    return tuple(
        _rule_sign(rule)
        for rule in RULES
        if rule.disposition == disposition and rule.maternity == maternity
    )


def _picked(signs: tuple[Sign, ...], keys: tuple[str, ...]) -> tuple[Sign, ...]:
    """A shorter list for a page with little room: it picks signs, it never rewords them."""
    by_key = {sign.key: sign for sign in signs}
    return tuple(by_key[key] for key in keys)


CALL_SIGNS = _emergency_signs(EmergencyAction.CALL)
A_AND_E_SIGNS = _emergency_signs(EmergencyAction.GO_TO_A_AND_E)
# The nerve signs of the emergency screen are the ones A&E deals with (cauda equina syndrome and
# other pressure on the nerves); the rest of the A&E signs come from the combination rules.
CAUDA_EQUINA_SIGNS = tuple(
    _finding_sign(f) for f in EMERGENCY_SCREEN if f.action == EmergencyAction.GO_TO_A_AND_E
)


def _emergency_on_its_own(finding: Finding) -> bool:
    return any(
        rule.needs_all == (finding.id,) and not rule.needs_any and not rule.also
        for rule in RULES
        if rule.disposition == Disposition.EMERGENCY
    )


# Rule U1 is "any urgent finding": one sign each reads better than one list inside another. A
# finding that is an emergency on its own (jaundice, rule E3) is listed only where it belongs.
URGENT_SIGNS = tuple(_finding_sign(f) for f in URGENT if not _emergency_on_its_own(f))
MATERNITY_SIGNS = _rule_signs(Disposition.URGENT, maternity=True)
GP_SIGNS = _rule_signs(Disposition.GP)

CARDS: MappingProxyType[str, Card] = MappingProxyType(
    {
        card.name: card
        for card in (
            Card(
                "all-emergencies",
                Level.CALL_999,
                ("Get help now",),
                (
                    Group(CALL_HEADING, CALL_SIGNS, CALL_ACTION),
                    Group(A_AND_E_HEADING, A_AND_E_SIGNS, A_AND_E_ACTION),
                ),
                "Every emergency sign the symptom checker knows: call 999, then go to A&E.",
            ),
            Card(
                "call-999",
                Level.CALL_999,
                CALL_HEADING,
                (Group((), CALL_SIGNS, CALL_ACTION),),
                "The signs that mean call 999 now (heart, stroke, collapse, sepsis, accidents).",
            ),
            Card(
                "a-and-e",
                Level.A_AND_E,
                A_AND_E_HEADING,
                (Group((), A_AND_E_SIGNS, A_AND_E_ACTION),),
                "The signs that mean go to A&E now (nerves, infection, stones, cancer).",
            ),
            Card(
                "cauda-equina",
                Level.A_AND_E,
                A_AND_E_HEADING,
                (Group((), CAUDA_EQUINA_SIGNS, A_AND_E_ACTION),),
                "The signs of cauda equina syndrome and other pressure on the nerves.",
            ),
            Card(
                "common-emergencies",
                Level.CALL_999,
                ("Call ", Number.EMERGENCY, " or go to A&E now if you have back pain and"),
                (
                    Group(
                        ("Go to A&E now",),
                        # Spec v4: every cauda equina sign (genitals, peeing, bowels, both
                        # legs), however short the card.
                        _picked(
                            A_AND_E_SIGNS,
                            (
                                "saddle_numbness",
                                "bladder_dysfunction",
                                "bowel_dysfunction",
                                "both_legs_symptoms",
                            ),
                        ),
                        (),
                    ),
                    Group(
                        ("Call ", Number.EMERGENCY, " now"),
                        _picked(CALL_SIGNS, ("chest_pain",)),
                        (),
                    ),
                ),
                "A few of the most common emergency signs, for a short space.",
            ),
            Card(
                "common-call-999",
                Level.CALL_999,
                CALL_HEADING,
                (
                    Group(
                        (),
                        _picked(CALL_SIGNS, ("chest_pain", "one_side_weakness")),
                        CALL_NOW_ACTION,
                    ),
                ),
                "A few of the most common signs that mean call 999 now, for a short space.",
            ),
            Card(
                "urgent",
                Level.URGENT,
                URGENT_HEADING,
                (Group((), URGENT_SIGNS, URGENT_ACTION),),
                "Every sign that means get help today (urgent GP appointment or 111).",
            ),
            Card(
                "common-urgent",
                Level.URGENT,
                URGENT_HEADING,
                (
                    Group(
                        (),
                        _picked(
                            URGENT_SIGNS,
                            ("fever", "night_pain", "pain_uncontrolled", "unexplained_weight_loss"),
                        ),
                        URGENT_ACTION,
                    ),
                ),
                "A few of the most common signs that mean get help today, for a short space.",
            ),
            Card(
                "pregnancy-warning-signs",
                Level.URGENT,
                MATERNITY_HEADING,
                (Group((), MATERNITY_SIGNS, MATERNITY_ACTION),),
                "The signs that mean a pregnant person contacts the maternity unit or midwife now.",
            ),
            Card(
                "gp",
                Level.GP,
                GP_HEADING,
                (Group((), GP_SIGNS, GP_ACTION),),
                "Every reason the symptom checker gives to see a GP in the next 1 to 2 weeks.",
            ),
        )
    }
)

# The complete cards one finding can be listed in on its own, most urgent first. The shorter
# "common-" cards pick signs and "all-emergencies" joins two cards, so neither is named for one.
CARDS_LISTING_ONE_SIGN: Final = (
    "call-999",
    "cauda-equina",
    "a-and-e",
    "pregnancy-warning-signs",
    "urgent",
)


def sign_wording(finding_id: str) -> str:
    """A finding's words as every card lists it: the checker's own label."""
    return FINDINGS[finding_id].label


def card_listing(finding_id: str) -> str | None:
    """The card that lists this finding as a sign of its own, or None (the "see a GP" findings,
    which no warning card lists)."""
    label = sign_wording(finding_id)
    for name in CARDS_LISTING_ONE_SIGN:
        for group in CARDS[name].groups:
            for sign in group.signs:
                if sign.needs_all == (label,) and not sign.needs_any and not sign.also:
                    return name
    return None
