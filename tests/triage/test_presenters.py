"""The words a result prints, for every disposition."""

from dataclasses import replace
from datetime import date

import pytest

from triage.answers import Answers
from triage.cards import CARDS, Level
from triage.engine import triage
from triage.presenters import Numbers, Result, present_result
from triage.rules import FINDINGS, Disposition

NUMBERS = Numbers(
    emergency="112", urgent="116 117", crisis_line="0800 000", crisis_line_name="Help"
)

EXAMPLES = {
    Disposition.EMERGENCY: Answers(findings=frozenset({"saddle_numbness"})),
    Disposition.URGENT: Answers(findings=frozenset({"fever"})),
    Disposition.GP: Answers(findings=frozenset({"recurrent"})),
    Disposition.SELF_CARE: Answers(age=30, duration_days=2),
}


def present(answers: Answers) -> Result:
    return present_result(triage(answers), answers, NUMBERS, date(2026, 12, 7))


def card_names(result: Result) -> list[str]:
    """Every card a result shows, in order: the person's own, then the general ones."""
    return [card.name for card in result.safety_net.cards] + list(result.cards)


@pytest.mark.parametrize("disposition", list(Disposition))
def test_every_disposition_has_a_heading_reasons_and_worsening_advice(disposition):
    result = present(EXAMPLES[disposition])

    assert result.disposition == disposition.value
    assert result.heading and result.actions and result.worsening
    assert all(reason.text and reason.source for reason in result.reasons)
    assert result.card_variant == disposition.value.replace("_", "-")


@pytest.mark.parametrize(
    ("disposition", "number"),
    [
        (Disposition.EMERGENCY, "112"),
        (Disposition.URGENT, "116 117"),
        (Disposition.GP, ""),
        (Disposition.SELF_CARE, ""),
    ],
)
def test_the_number_to_call_comes_from_configuration(disposition, number):
    assert present(EXAMPLES[disposition]).call_number == number


@pytest.mark.parametrize("disposition", list(Disposition))
def test_self_care_and_gp_results_offer_the_plan(disposition):
    offered = disposition in {Disposition.SELF_CARE, Disposition.GP}
    assert present(EXAMPLES[disposition]).plan_url == ("/self-care/plan/" if offered else "")


@pytest.mark.parametrize(
    ("disposition", "has_signs"),
    [
        (Disposition.EMERGENCY, False),
        (Disposition.URGENT, True),
        (Disposition.GP, True),
        (Disposition.SELF_CARE, True),
    ],
)
def test_cauda_equina_signs_are_listed_except_on_an_emergency(disposition, has_signs):
    assert ("cauda-equina" in present(EXAMPLES[disposition]).cards) is has_signs


def test_an_emergency_with_sciatica_still_lists_the_cauda_equina_signs():
    result = present(Answers(findings=frozenset({"cancer_history", "sciatica"})))
    assert result.cards == ("cauda-equina",)


@pytest.mark.parametrize("disposition", list(Disposition))
def test_every_result_in_pregnancy_lists_the_pregnancy_warning_signs(disposition):
    answers = replace(EXAMPLES[disposition], pregnant=True)
    names = card_names(present(answers))
    assert names.index("watch-999") < names.index("pregnancy-warning-signs")
    assert "pregnancy-warning-signs" not in card_names(present(replace(answers, pregnant=False)))


@pytest.mark.parametrize("disposition", list(Disposition))
def test_a_results_cards_exist_and_come_most_urgent_first(disposition):
    for pregnant in (False, True):
        result = present(replace(EXAMPLES[disposition], pregnant=pregnant))
        own = [list(Level).index(card.level) for card in result.safety_net.cards]
        general = [list(Level).index(CARDS[name].level) for name in result.cards]
        assert own == sorted(own)
        assert general == sorted(general)


def test_an_urgent_result_always_gives_the_crisis_line():
    assert present(EXAMPLES[Disposition.URGENT]).crisis_line
    assert not present(EXAMPLES[Disposition.GP]).crisis_line


@pytest.mark.parametrize(
    ("finding", "heading"),
    [
        ("one_side_weakness", "Call 112 now"),
        ("chest_pain", "Call 112 now"),
        ("major_trauma", "Call 112 now"),
        ("collapse_signs", "Call 112 now"),
        ("confusion", "Call 112 now"),
        ("sepsis_signs", "Call 112 now"),
        ("meningitis_signs", "Call 112 now"),
        ("saddle_numbness", "Go to A&E now"),
        ("bladder_dysfunction", "Go to A&E now"),
        ("limb_weakness", "Go to A&E now"),
        ("jaundice", "Go to A&E now"),
        ("pregnancy_emergency", "Call 112 now"),
    ],
)
def test_the_emergency_says_what_to_do_for_its_reason(finding, heading):
    assert present(Answers(findings=frozenset({finding}))).heading == heading


def test_call_wins_when_an_emergency_has_both_kinds_of_reason():
    result = present(Answers(findings=frozenset({"saddle_numbness", "chest_pain"})))
    assert result.heading == "Call 112 now"


def test_an_aortic_aneurysm_means_calling_an_ambulance():
    result = present(Answers(findings=frozenset({"sudden_severe_pain"}), age=70))
    assert result.heading == "Call 112 now"


def test_only_self_care_and_gp_results_give_self_care_advice():
    assert present(EXAMPLES[Disposition.EMERGENCY]).self_care == ()
    assert present(EXAMPLES[Disposition.URGENT]).self_care == ()
    assert present(EXAMPLES[Disposition.GP]).self_care


def test_reasons_name_the_answers_in_plain_words():
    result = present(Answers(findings=frozenset({"fever", "iv_drug_use"})))
    (reason,) = result.reasons
    assert reason.answers == (
        "A high temperature, or feeling hot and shivery or very cold and shivery",
        "You inject drugs now, or did recently",
    )


def test_urgent_in_pregnancy_sends_them_to_maternity_care():
    result = present(Answers(findings=frozenset({"night_pain"}), pregnant=True))
    assert result.heading == "Contact your maternity unit or midwife now"
    assert result.call_number == "116 117"


def test_an_emergency_lists_what_to_tell_the_staff_once_each():
    answers = Answers(
        findings=frozenset({"saddle_numbness", "colicky_side_pain", "fever"}),
        age=70,
        pregnant=True,
    )
    told = present(answers).tell_them
    assert told[0] == FINDINGS["saddle_numbness"].label
    assert FINDINGS["colicky_side_pain"].label in told and FINDINGS["fever"].label in told
    assert "You are 70" in told and "You are pregnant, or could be" in told
    assert len(told) == len(set(told))


@pytest.mark.parametrize("disposition", [Disposition.URGENT, Disposition.GP, Disposition.SELF_CARE])
def test_only_an_emergency_lists_what_to_tell_the_staff(disposition):
    assert present(EXAMPLES[disposition]).tell_them == ()


@pytest.mark.parametrize(("finding", "says_how"), [("jaundice", True), ("chest_pain", False)])
def test_going_to_a_and_e_says_how_to_find_the_nearest(finding, says_how):
    result = present(Answers(findings=frozenset({finding})))
    assert ("nearest one" in result.find_a_and_e) is says_how


def test_an_emergency_for_someone_not_sure_they_are_pregnant_says_might_be():
    answers = replace(EXAMPLES[Disposition.EMERGENCY], pregnant=True)
    outcome = triage(answers)
    not_sure = present_result(outcome, answers, NUMBERS, date(2026, 12, 7), True)
    assert "Tell them you might be pregnant." in not_sure.actions
    assert not any("maternity notes" in action for action in not_sure.actions)
    assert any("maternity notes" in action for action in present(answers).actions)
