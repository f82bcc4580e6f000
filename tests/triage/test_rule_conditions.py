"""Each rule's printed condition is exactly what the engine does: proved by enumeration.

A rule describes itself as ``needs_all``, ``needs_any`` and ``also`` so a page can print it. These
tests pin that data to the clinical contract (copied here, so a change to either shows in review),
then walk every combination of the conditions a rule names, and every boundary of its numbers,
through the engine, and check the rule fires exactly when its description says so.
"""

from collections.abc import Callable
from dataclasses import replace
from itertools import chain, combinations, product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.answers import PREGNANT, Answers
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

SCREEN_IDS = {finding.id for finding in EMERGENCY_SCREEN}
URGENT_FINDING_IDS = {finding.id for finding in URGENT}

# The spec's "Rules that must hold", as (all of, any of): what each rule's data must say.
CONTRACT_CONDITIONS: dict[str, tuple[set[str], set[str]]] = {
    "E1": (set(), SCREEN_IDS),
    "E2": ({"pregnancy_emergency"}, set()),
    "E3": ({"jaundice"}, set()),
    "E4": ({"upper_abdominal_pain", "fever"}, set()),
    "E5": ({"colicky_side_pain"}, {"fever", PREGNANT, "pain_uncontrolled"}),
    "E6": ({"cancer_history"}, {"sciatica", "band_like_pain", "both_legs_longstanding"}),
    "E7": ({"fever"}, {"iv_drug_use", "immunosuppressed", "recent_spinal_procedure"}),
    "E8": ({"sudden_severe_pain"}, set()),
    "U1": (set(), URGENT_FINDING_IDS),
    "U2": ({PREGNANT}, {"fever", "urinary_symptoms", "pregnancy_warning_signs"}),
    "U3": ({"pregnancy_warning_signs"}, set()),
    "G1": ({"sciatica"}, set()),
    "G2": (set(), set()),
    "G3": ({"not_improving"}, set()),
    "G4": ({"worsening"}, set()),
    "G5": ({"morning_stiffness"}, set()),
    "G6": (set(), set()),
    "G7": (set(), set()),
    "G8": (set(), {"daily_activities_stopped", "not_coping", "recurrent"}),
    "G9": (set(), set()),
    "S1": (set(), set()),
}

NumberCondition = Callable[[int | None, int | None, int | None], bool]


def _at_least(value: int | None, threshold: int) -> bool:
    return value is not None and value >= threshold


# The spec's number conditions, read from its table as (age, duration_days, pain_score).
CONTRACT_NUMBERS: dict[str, NumberCondition] = {
    "E8": lambda age, days, pain: _at_least(age, 60),
    "G1": lambda age, days, pain: _at_least(days, 14),
    "G2": lambda age, days, pain: _at_least(days, 42),
    "G3": lambda age, days, pain: _at_least(days, 21),
    "G5": lambda age, days, pain: (
        _at_least(days, 90) and age is not None and days is not None and age - days / 365 < 45
    ),
    "G6": lambda age, days, pain: _at_least(age, 50) and _at_least(days, 28),
    "G7": lambda age, days, pain: age is not None and age < 20 and _at_least(days, 28),
    "G9": lambda age, days, pain: _at_least(pain, 9),
}

AGES = (None, 0, 16, 19, 20, 44, 45, 46, 49, 50, 59, 60, 70, 120)
DAYS = (None, 0, 1, 13, 14, 20, 21, 27, 28, 41, 42, 89, 90, 91, 365, 36500)
PAIN = (None, 0, 8, 9, 10)

# Past this many conditions a rule is a plain "any of" list; all subsets up to pairs prove it.
FULL_ENUMERATION_LIMIT = 10


def _subsets(ids: tuple[str, ...]) -> chain[tuple[str, ...]]:
    sizes = range(len(ids) + 1) if len(ids) <= FULL_ENUMERATION_LIMIT else (0, 1, 2, len(ids))
    return chain.from_iterable(combinations(ids, size) for size in sizes)


def _answers(
    present: tuple[str, ...], age: int | None, days: int | None, pain: int | None
) -> Answers:
    findings = frozenset(item for item in present if item != PREGNANT)
    return Answers(findings, age, days, pain, pregnant=PREGNANT in present)


def _described(
    rule: Rule, present: set[str], age: int | None, days: int | None, pain: int | None
) -> bool:
    """What the rule's printed description says, read independently of the engine."""
    needs_all, needs_any = CONTRACT_CONDITIONS[rule.id]
    number = CONTRACT_NUMBERS.get(rule.id)
    numbers_hold = number is None or number(age, days, pain)
    return needs_all <= present and (not needs_any or bool(needs_any & present)) and numbers_hold


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_data_names_the_contracts_conditions(rule):
    assert (set(rule.needs_all), set(rule.needs_any)) == CONTRACT_CONDITIONS[rule.id]
    assert set(rule.needs_all) | set(rule.needs_any) <= set(CONDITIONS)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_says_its_number_condition_in_words_exactly_when_it_has_one(rule):
    has_numbers = rule.id in CONTRACT_NUMBERS
    assert bool(rule.also) is has_numbers
    assert (rule.number_test is not None) is has_numbers
    assert bool(rule.numbers) is has_numbers
    assert rule.also == rule.also.strip() and not rule.also.endswith(".")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_fires_exactly_when_its_description_holds_for_every_combination(rule):
    named = tuple(dict.fromkeys((*rule.needs_all, *rule.needs_any)))
    grid = product(AGES, DAYS, PAIN) if rule.id in CONTRACT_NUMBERS else [(35, 3, 4)]
    for (age, days, pain), present in product(list(grid), list(_subsets(named))):
        outcome = triage(_answers(present, age, days, pain))
        assert (rule in outcome.fired) is _described(rule, set(present), age, days, pain), (
            present,
            age,
            days,
            pain,
        )


answers_strategy = st.builds(
    Answers,
    findings=st.frozensets(st.sampled_from(sorted(FINDINGS))),
    age=st.none() | st.integers(min_value=0, max_value=120),
    duration_days=st.none() | st.integers(min_value=0, max_value=36500),
    pain_score=st.none() | st.integers(min_value=0, max_value=10),
    pregnant=st.booleans(),
)


@settings(max_examples=500, deadline=None)
@given(answers=answers_strategy, rule=st.sampled_from(RULES))
def test_nothing_outside_a_rules_description_changes_whether_it_fires(answers, rule):
    named = set(rule.needs_all) | set(rule.needs_any)
    only_named = replace(answers, findings=answers.findings & named)
    if PREGNANT not in named:
        only_named = replace(only_named, pregnant=not answers.pregnant)
    assert rule.applies(answers) is rule.applies(only_named)
    expected = _described(
        rule,
        {c for c in CONDITIONS if answers.has(c)},
        answers.age,
        answers.duration_days,
        answers.pain_score,
    )
    assert rule.applies(answers) is expected


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_emergency_rules_say_whether_to_call_or_go_to_a_and_e(rule):
    if rule.disposition is not Disposition.EMERGENCY:
        assert rule.emergency_action is None
    elif rule.id == "E1":
        # Its findings each carry their own action: a stroke calls, cauda equina goes to A&E.
        assert rule.emergency_action is None
        assert all(FINDINGS[id_].action in EmergencyAction for id_ in rule.needs_any)
    else:
        assert rule.emergency_action in EmergencyAction


def test_the_pregnancy_emergency_and_the_aneurysm_rule_call_an_ambulance():
    actions = {rule.id: rule.emergency_action for rule in RULES}
    assert actions["E2"] is actions["E8"] is EmergencyAction.CALL


@pytest.mark.parametrize("finding", FINDINGS.values(), ids=lambda finding: finding.id)
def test_a_hint_only_says_what_does_not_count_never_a_criterion(finding):
    assert finding.label and not finding.label.endswith(".")
    assert finding.hint == "" or finding.hint.startswith("Not ")


@pytest.mark.parametrize(
    ("finding_id", "words"),
    [
        ("chest_pain", "back pain with sweating, feeling sick or short of breath"),
        ("both_legs_symptoms", "started or got worse in the last 2 weeks"),
        ("pregnancy_emergency", "severe tummy pain that is constant"),
        ("pregnancy_warning_signs", "before 37 weeks"),
        ("minor_fall_fragile", "osteoporosis"),
        ("minor_fall_fragile", "ankylosing spondylitis"),
        ("recent_spinal_procedure", "during labour"),
        ("sepsis_signs", "does not fade when you press a glass on it"),
    ],
)
def test_criteria_the_spec_names_are_in_the_visible_label(finding_id, words):
    assert words in FINDINGS[finding_id].label
