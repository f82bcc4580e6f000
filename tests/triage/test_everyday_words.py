"""The everyday words for each finding are data with the rules: complete for every warning sign,
keyed only by real findings, and each warning sign's words lead to a card that lists it."""

import pytest

from content.warningsigns import FINDING_CARDS, named_findings, words
from triage.cards import CARDS
from triage.everyday_words import EVERYDAY_WORDS
from triage.rules import EMERGENCY_SCREEN, FINDINGS, PREGNANCY, URGENT

WARNING_SIGNS = [finding.id for finding in (*EMERGENCY_SCREEN, *PREGNANCY, *URGENT)]


def test_every_key_is_a_finding_of_the_rules():
    assert set(EVERYDAY_WORDS) <= set(FINDINGS)


@pytest.mark.parametrize("finding_id", WARNING_SIGNS)
def test_every_emergency_pregnancy_and_urgent_finding_has_everyday_words(finding_id: str):
    phrases = EVERYDAY_WORDS.get(finding_id, ())

    assert phrases, f"{finding_id} has no everyday words"
    assert all(words(phrase) for phrase in phrases)
    assert len(set(phrases)) == len(phrases), "a phrase listed twice"


@pytest.mark.parametrize("finding_id", WARNING_SIGNS)
def test_every_warning_sign_has_a_card_that_lists_it_on_its_own(finding_id: str):
    card = CARDS[FINDING_CARDS[finding_id]]
    label = FINDINGS[finding_id].label

    assert any(sign.needs_all == (label,) for group in card.groups for sign in group.signs), (
        f"{card.name} does not list {finding_id}"
    )


@pytest.mark.parametrize(
    ("finding_id", "phrase"),
    [(finding_id, phrase) for finding_id, phrases in EVERYDAY_WORDS.items() for phrase in phrases],
)
def test_each_phrase_names_its_finding(finding_id: str, phrase: str):
    assert finding_id in named_findings(phrase)


def test_the_see_a_gp_findings_show_no_card():
    assert not {"sciatica", "not_coping", "recurrent"} & set(FINDING_CARDS)
