"""Safety is proven, not sampled: every emergency-screen combination, and properties over all."""

from dataclasses import replace
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from triage.answers import Answers
from triage.engine import triage
from triage.rules import EMERGENCY_SCREEN, EMERGENCY_SCREEN_IDS, FINDINGS, Disposition

SCREEN = tuple(finding.id for finding in EMERGENCY_SCREEN)
ALL_FINDINGS = tuple(sorted(FINDINGS))


def test_every_combination_of_the_emergency_screen_gives_emergency_when_any_is_present():
    checked = 0
    for size in range(len(SCREEN) + 1):
        for chosen in combinations(SCREEN, size):
            outcome = triage(Answers(findings=frozenset(chosen), age=35, duration_days=3))
            expected = Disposition.EMERGENCY if chosen else Disposition.SELF_CARE
            assert outcome.disposition is expected, chosen
            checked += 1
    assert checked == 2**15


def test_every_emergency_screen_finding_alone_names_itself_as_the_reason():
    for finding in SCREEN:
        outcome = triage(Answers(findings=frozenset({finding})))
        assert [rule.id for rule in outcome.deciding] == ["E1"]


answers_strategy = st.builds(
    Answers,
    findings=st.frozensets(st.sampled_from(ALL_FINDINGS)),
    age=st.none() | st.integers(min_value=0, max_value=120),
    duration_days=st.none() | st.integers(min_value=0, max_value=36500),
    pain_score=st.none() | st.integers(min_value=0, max_value=10),
    pregnant=st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(answers=answers_strategy, finding=st.sampled_from(SCREEN))
def test_any_emergency_finding_gives_emergency(answers, finding):
    with_finding = replace(answers, findings=answers.findings | {finding})
    assert triage(with_finding).disposition is Disposition.EMERGENCY


@settings(max_examples=600, deadline=None)
@given(answers=answers_strategy, finding=st.sampled_from(ALL_FINDINGS))
def test_adding_a_finding_never_lowers_the_disposition(answers, finding):
    before = triage(answers).disposition
    after = triage(replace(answers, findings=answers.findings | {finding})).disposition
    assert after.severity >= before.severity


@settings(max_examples=300, deadline=None)
@given(answers=answers_strategy)
def test_being_pregnant_never_lowers_the_disposition(answers):
    before = triage(replace(answers, pregnant=False)).disposition
    assert triage(replace(answers, pregnant=True)).disposition.severity >= before.severity


@settings(max_examples=300, deadline=None)
@given(answers=answers_strategy)
def test_no_emergency_without_an_emergency_rule(answers):
    outcome = triage(answers)
    assert (outcome.disposition is Disposition.EMERGENCY) == any(
        rule.disposition is Disposition.EMERGENCY for rule in outcome.fired
    )
    if answers.findings & EMERGENCY_SCREEN_IDS:
        assert outcome.disposition is Disposition.EMERGENCY
