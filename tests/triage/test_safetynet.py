"""Safety-netting for this person (spec v4), proved by enumeration against the engine itself.

For every combination emergency rule (E4-E8) and every combination of its findings, situations
and ages either side of its age limit, the signs shown for the rule are exactly the signs that,
newly present, would make the engine fire it; never a situation. The engine is the judge: the
expected signs come from running ``triage`` on the answers with each sign added.
"""

from dataclasses import replace
from datetime import date
from itertools import chain, combinations, product

import pytest

from triage.answers import PREGNANT, Answers
from triage.cards import CARDS, Level
from triage.engine import triage
from triage.rules import CONDITIONS, FINDINGS, RULES, SITUATIONS, Disposition, EmergencyAction
from triage.safetynet import (
    LABOUR,
    SafetyNet,
    half_met,
    is_combination,
    safety_net,
    watched_alone,
)

ONSET = date(2026, 12, 1)
COMBINATION_RULES = tuple(
    rule for rule in RULES if rule.disposition is Disposition.EMERGENCY and is_combination(rule)
)
SIGNS = tuple(id_ for id_ in FINDINGS if id_ not in SITUATIONS)
SITUATION_LABELS = {CONDITIONS[id_].label for id_ in SITUATIONS if id_ in CONDITIONS}


def _subsets(ids: tuple[str, ...]) -> chain[tuple[str, ...]]:
    return chain.from_iterable(combinations(ids, size) for size in range(len(ids) + 1))


def _answers(present: tuple[str, ...], age: int | None) -> Answers:
    return Answers(
        findings=frozenset(present) - {PREGNANT},
        pregnant=PREGNANT in present,
        age=age,
        duration_days=3,
        pain_score=4,
    )


def _ages(rule_numbers: tuple[str, ...]) -> tuple[int | None, ...]:
    return (None, 59, 60) if "age" in rule_numbers else (35,)


def _engine_says_all(answers: Answers) -> dict[str, set[str]]:
    """By rule id, the signs that, newly present, make the engine fire a rule not fired yet."""
    fired = {rule.id for rule in triage(answers).fired}
    raised: dict[str, set[str]] = {}
    for sign in SIGNS:
        if answers.has(sign):
            continue
        for rule in triage(replace(answers, findings=answers.findings | {sign})).fired:
            if rule.id not in fired:
                raised.setdefault(rule.id, set()).add(sign)
    return raised


def _engine_says(answers: Answers, rule_id: str) -> set[str]:
    return _engine_says_all(answers).get(rule_id, set())


def _shown_signs(net: SafetyNet) -> list[tuple[str, str]]:
    return [
        (sign.key, label)
        for card in net.cards
        for group in card.groups
        for sign in group.signs
        for label in sign.needs_all
    ]


def test_the_combination_rules_are_e4_to_e8():
    assert [rule.id for rule in COMBINATION_RULES] == ["E4", "E5", "E6", "E7", "E8"]


def test_the_situations_are_the_specs():
    assert {
        "age",
        PREGNANT,
        "cancer_history",
        "iv_drug_use",
        "immunosuppressed",
        "recent_spinal_procedure",
    } == SITUATIONS


@pytest.mark.parametrize("rule", COMBINATION_RULES, ids=lambda rule: rule.id)
def test_a_half_met_rule_shows_exactly_its_still_false_signs(rule):
    checked = 0
    for present in _subsets((*rule.needs_all, *rule.needs_any)):
        for age in _ages(rule.numbers):
            answers = _answers(present, age)
            watches = [w for w in half_met(answers) if w.rule == rule.id]

            assert {w.meets for w in watches} == _engine_says(answers, rule.id), present
            assert not {w.meets for w in watches} & SITUATIONS
            net = safety_net(answers, triage(answers).disposition, ONSET)
            shown = dict(_shown_signs(net))
            for watch in watches:
                # In its own words (or its new form's), on the card of the rule's action.
                assert shown[watch.finding] == FINDINGS[watch.finding].label
                level = {
                    EmergencyAction.CALL: Level.CALL_999,
                    EmergencyAction.GO_TO_A_AND_E: Level.A_AND_E,
                }[rule.emergency_action]
                card = next(
                    card
                    for card in net.cards
                    if any(s.key == watch.finding for g in card.groups for s in g.signs)
                )
                assert card.level is level
            checked += 1
    assert checked >= 4


def test_every_mix_of_the_combination_rules_findings_shows_only_signs_that_would_raise_it():
    """All 2^13 mixes of E4-E8's findings and situations, at 60 so E8 can fire: what is shown
    is what the engine would fire, rule by rule, and never a situation."""
    ids = tuple(
        dict.fromkeys(c for rule in COMBINATION_RULES for c in (*rule.needs_all, *rule.needs_any))
    )
    assert len(ids) == 13
    for mask, age in product(range(2 ** len(ids)), (60,)):
        present = tuple(id_ for bit, id_ in enumerate(ids) if mask >> bit & 1)
        answers = _answers(present, age)
        disposition = triage(answers).disposition
        watches = half_met(answers)
        engine = _engine_says_all(answers)
        for rule in COMBINATION_RULES:
            assert {w.meets for w in watches if w.rule == rule.id} == engine.get(rule.id, set())
        net = safety_net(answers, disposition, ONSET)
        for key, label in _shown_signs(net):
            assert key not in SITUATIONS
            assert label not in SITUATION_LABELS


def test_both_legs_for_weeks_is_watched_for_as_new_leg_symptoms_with_cancer():
    watches = half_met(_answers(("cancer_history",), 40))
    assert {w.finding for w in watches} == {"sciatica", "band_like_pain", "both_legs_symptoms"}
    net = safety_net(_answers(("cancer_history",), 40), Disposition.URGENT, ONSET)
    (card,) = [card for card in net.cards if card.level is Level.A_AND_E]
    (group,) = card.groups
    assert "spinal cord compression" in "".join(str(part) for part in group.action)


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        (("upper_abdominal_pain",), {"jaundice"}),
        (("fever",), {"sepsis_signs", "meningitis_signs"}),
        ((PREGNANT,), {"pregnancy_emergency"}),
        (("colicky_side_pain", "night_pain"), set()),
    ],
)
def test_emergency_signs_on_their_own_are_watched_for_where_the_rules_say(present, expected):
    assert {w.finding for w in watched_alone(_answers(present, 35))} == expected


def test_jaundice_e3_is_shown_with_upper_tummy_pain_on_the_a_and_e_card():
    net = safety_net(_answers(("upper_abdominal_pain",), 35), Disposition.URGENT, ONSET)
    card = next(card for card in net.cards if card.name == "watch-a-and-e")
    keys = [s.key for g in card.groups for s in g.signs]
    assert keys == ["jaundice", "fever"]


def test_a_temperature_gives_the_sepsis_and_meningitis_signs_to_call_999():
    net = safety_net(_answers(("fever",), 35), Disposition.URGENT, ONSET)
    card = net.cards[0]
    assert card.level is Level.CALL_999
    assert {s.key for g in card.groups for s in g.signs} == {"sepsis_signs", "meningitis_signs"}


@pytest.mark.parametrize("not_sure", [False, True])
@pytest.mark.parametrize("disposition", list(Disposition))
def test_pregnancy_the_999_card_comes_above_the_maternity_card(disposition, not_sure):
    net = safety_net(_answers((PREGNANT,), 30), disposition, ONSET, pregnancy_not_sure=not_sure)
    names = [card.name for card in net.cards]
    assert names.index("watch-999") < names.index("pregnancy-warning-signs")
    maternity = net.cards[names.index("pregnancy-warning-signs")]
    action = "".join(str(part) for g in maternity.groups for part in g.action)
    if not_sure:
        assert "GP surgery today" in action and "might be pregnant" in action
        assert "maternity" not in action
        assert net.labour == ""
    else:
        assert "maternity unit" in action
        assert net.labour == LABOUR


def test_the_maternity_card_leaves_out_u3_where_u2_applies():
    net = safety_net(_answers((PREGNANT,), 30), Disposition.SELF_CARE, ONSET)
    maternity = next(card for card in net.cards if card.name == "pregnancy-warning-signs")
    keys = [s.key for g in maternity.groups for s in g.signs]
    assert keys == ["fever", "urinary_symptoms", "pregnancy_warning_signs"]
    # The general card for guidance keeps both rules.
    general = CARDS["pregnancy-warning-signs"]
    assert [s.key for g in general.groups for s in g.signs] == ["U2", "U3"]


def gp_lines(answers: Answers) -> list[tuple[str, str]]:
    net = safety_net(answers, triage(answers).disposition, ONSET)
    card = next((card for card in net.cards if card.name == "watch-gp"), None)
    return [] if card is None else [(s.key, s.needs_all[0]) for g in card.groups for s in g.signs]


def test_a_self_care_result_dates_the_gp_rules_that_count_days():
    answers = Answers(frozenset({"sciatica"}), age=55, duration_days=3, pain_score=4)
    lines = dict(gp_lines(answers))
    # Onset 1 December: sciatica at 14 days, not better at 21, 50 or older at 28.
    assert lines["G1"] == "Your leg pain is still there on Tuesday 15 December"
    assert lines["G3"] == "Your back pain is not starting to get better by Tuesday 22 December"
    assert lines["G6"] == "You still have back pain on Tuesday 29 December"
    assert "G2" not in lines  # the same words, later: the 4-week date says it first
    assert lines["G9"] == "Your pain is 9 or 10 out of 10"
    assert {"worsening", "not_coping", "daily_activities_stopped", "recurrent"} <= set(lines)


def test_gp_rules_that_cannot_apply_are_left_out():
    lines = dict(gp_lines(Answers(frozenset(), age=30, duration_days=3, pain_score=4)))
    assert "G1" not in lines and "G6" not in lines and "G7" not in lines
    assert lines["G2"] == "You still have back pain on Tuesday 12 January"
    young = dict(gp_lines(Answers(frozenset(), age=18, duration_days=3, pain_score=4)))
    assert young["G7"] == "You still have back pain on Tuesday 29 December"


@pytest.mark.parametrize("disposition", [Disposition.URGENT, Disposition.GP])
def test_only_a_self_care_result_lists_gp_rules(disposition):
    net = safety_net(Answers(age=55, duration_days=3), disposition, ONSET)
    assert "watch-gp" not in [card.name for card in net.cards]


def test_on_a_page_with_little_room_a_persons_card_joins_the_general_card_with_its_action():
    net = safety_net(_answers((PREGNANT,), 65), Disposition.SELF_CARE, ONSET)
    general = ("cauda-equina", "common-call-999", "common-urgent")
    cards = net.with_general(general)

    assert [card.name for card in cards] == [
        "common-call-999",
        "cauda-equina",
        "pregnancy-warning-signs",
        "common-urgent",
    ]
    call = [s.key for g in cards[0].groups for s in g.signs]
    assert call[:2] == ["pregnancy_emergency", "sudden_severe_pain"]
    assert set(call[2:]) == {s.key for g in CARDS["common-call-999"].groups for s in g.signs}
    a_and_e = [s.key for g in cards[1].groups for s in g.signs]
    assert a_and_e[0] == "colicky_side_pain"
    assert len(a_and_e) == len(set(a_and_e))


@pytest.mark.parametrize(
    "rule", [rule for rule in RULES if "duration_days" in rule.numbers], ids=lambda rule: rule.id
)
def test_a_rule_that_counts_days_never_stops_applying_on_a_later_day(rule):
    """The GP dates are found by halving the days (``_first_day``), which holds only if, for
    every age and with every sign the rule names, a rule that applies goes on applying."""
    signs = frozenset((*rule.needs_all, *rule.needs_any))
    for age in range(16, 101):
        answers = Answers(findings=signs, age=age, pain_score=5, pregnant=False)
        applying = [rule.applies(replace(answers, duration_days=day)) for day in range(0, 366)]
        assert applying == sorted(applying), (rule.id, age)
