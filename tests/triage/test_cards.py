"""Care cards say what the checker says: every sign is a rule's own data, at the rule's level."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from triage.answers import Answers
from triage.cards import CARDS, Card, Level, Number, Sign
from triage.engine import triage
from triage.rules import (
    CONDITIONS,
    EMERGENCY_SCREEN,
    FINDINGS,
    RULES,
    URGENT,
    Disposition,
    EmergencyAction,
    Rule,
)
from triage.templatetags.care_cards import render_care_card

RULES_BY_ID = {rule.id: rule for rule in RULES}
DISPOSITION = {
    Level.CALL_999: Disposition.EMERGENCY,
    Level.A_AND_E: Disposition.EMERGENCY,
    Level.URGENT: Disposition.URGENT,
    Level.GP: Disposition.GP,
}
ACTION = {Level.CALL_999: EmergencyAction.CALL, Level.A_AND_E: EmergencyAction.GO_TO_A_AND_E}
GROUP_ACTION: dict[tuple[str | Number, ...], EmergencyAction] = {
    ("Call ",): EmergencyAction.CALL,
    ("Go to A&E now",): EmergencyAction.GO_TO_A_AND_E,
    ("Go to A&E now if you have any of these",): EmergencyAction.GO_TO_A_AND_E,
}
EVERY_SIGN = [
    pytest.param(card, group_index, sign, id=f"{card.name}-{sign.key}")
    for card in CARDS.values()
    for group_index, group in enumerate(card.groups)
    for sign in group.signs
]


def group_action(card: Card, group_index: int) -> EmergencyAction | None:
    """An emergency card's group says by its heading which action its signs need."""
    heading = card.groups[group_index].heading
    if not heading:
        return ACTION.get(card.level)
    return GROUP_ACTION[heading[:1]] if heading[:1] in GROUP_ACTION else GROUP_ACTION[heading]


def signs_of(name: str) -> list[Sign]:
    return [sign for group in CARDS[name].groups for sign in group.signs]


@pytest.mark.parametrize(("card", "group_index", "sign"), EVERY_SIGN)
def test_every_sign_is_a_finding_or_rule_printed_without_rewording(
    card: Card, group_index: int, sign: Sign
):
    if sign.key in FINDINGS:
        assert sign == Sign(sign.key, (FINDINGS[sign.key].label,))
    else:
        rule = RULES_BY_ID[sign.key]
        assert sign.needs_all == tuple(CONDITIONS[c].label for c in rule.needs_all)
        assert sign.needs_any == tuple(CONDITIONS[c].label for c in rule.needs_any)
        assert sign.also == rule.also


@pytest.mark.parametrize(("card", "group_index", "sign"), EVERY_SIGN)
def test_every_sign_sits_in_a_card_of_the_level_the_checker_gives_it(
    card: Card, group_index: int, sign: Sign
):
    action = group_action(card, group_index)
    if sign.key in FINDINGS:
        finding = FINDINGS[sign.key]
        assert triage(Answers(findings=frozenset({finding.id}))).disposition == (
            Disposition.EMERGENCY if action else DISPOSITION[card.level]
        )
        assert finding.action == action
    else:
        rule: Rule = RULES_BY_ID[sign.key]
        assert rule.disposition == (Disposition.EMERGENCY if action else DISPOSITION[card.level])
        assert rule.emergency_action == action


def test_every_emergency_rule_is_on_the_all_emergencies_card():
    keys = {sign.key for sign in signs_of("all-emergencies")}
    e1 = RULES_BY_ID["E1"]
    assert set(e1.needs_any) == {finding.id for finding in EMERGENCY_SCREEN}
    assert set(e1.needs_any) <= keys
    emergency_rules = {rule.id for rule in RULES if rule.disposition == Disposition.EMERGENCY}
    assert emergency_rules - {"E1"} <= keys
    assert {f"E{number}" for number in range(1, 9)} <= emergency_rules


def test_the_urgent_card_names_every_urgent_finding_that_is_not_an_emergency_alone():
    keys = [sign.key for sign in signs_of("urgent")]
    for finding in URGENT:
        alone = triage(Answers(findings=frozenset({finding.id}))).disposition
        assert (finding.id in keys) == (alone == Disposition.URGENT), finding.id


def test_the_gp_card_names_every_gp_rule_and_the_maternity_card_every_maternity_rule():
    assert [s.key for s in signs_of("gp")] == [
        r.id for r in RULES if r.disposition == Disposition.GP
    ]
    assert [s.key for s in signs_of("pregnancy-warning-signs")] == [
        r.id for r in RULES if r.maternity
    ]


def test_the_cauda_equina_card_lists_the_nerve_signs_the_spec_names():
    labels = " ".join(label for sign in signs_of("cauda-equina") for label in sign.needs_all)
    for words in ("when you wipe", "New problems peeing", "problems with your bowels", "sex"):
        assert words in labels
    for words in ("both legs", "like jelly"):
        assert words in labels


@pytest.mark.parametrize("name", list(CARDS))
@override_settings(EMERGENCY_NUMBER="112", URGENT_NUMBER="116 117")
def test_a_card_prints_every_label_and_the_configured_numbers_as_phone_links(name: str):
    html = render_care_card(name)
    page = BeautifulSoup(html, "html.parser")
    text = " ".join(page.get_text(" ").split())
    for sign in signs_of(name):
        for words in (*sign.needs_all, *sign.needs_any, sign.also, sign.note):
            assert " ".join(words.split()) in text
    links = {str(link["href"]) for link in page.select("a[href^='tel:']")}
    assert links <= {"tel:112", "tel:116117"}
    assert "999" not in text
    assert "111" not in text
    assert page.select_one(f".app-care-card--{CARDS[name].level}") is not None


def test_a_card_heading_level_can_follow_the_page_outline():
    page = BeautifulSoup(render_care_card("all-emergencies", heading_level=3), "html.parser")
    assert [heading.name for heading in page.select("h3, h4")] == ["h3", "h4", "h4"]


def test_the_short_emergency_card_has_every_cauda_equina_sign_and_chest_pain():
    """Spec v4: a card that picks findings (home, error and offline pages) keeps these."""
    keys = {sign.key for group in CARDS["common-emergencies"].groups for sign in group.signs}
    cauda_equina = {"saddle_numbness", "bladder_dysfunction", "bowel_dysfunction"}
    assert cauda_equina | {"both_legs_symptoms", "chest_pain"} <= keys
