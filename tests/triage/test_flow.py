"""The journey walk: what comes next, whatever the session holds."""

from dataclasses import replace
from importlib import import_module

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.backends.base import SessionBase
from hypothesis import given, settings
from hypothesis import strategies as st

from triage import flow
from triage.engine import triage
from triage.rules import EMERGENCY_SCREEN, FINDINGS, Disposition
from triage.steps import EMERGENCY_STEPS

from .conftest import CALM_ANSWERS, EMERGENCY_NONE


def test_an_empty_session_starts_at_the_emergency_screen():
    progress = flow.walk({})
    assert progress.next_step is flow.FIRST_STEP
    assert progress.answered == ()
    assert progress.outcome is None


def test_a_complete_journey_needs_confirming_before_it_has_an_outcome():
    assert flow.walk(CALM_ANSWERS).complete
    assert flow.walk(CALM_ANSWERS).outcome is None
    outcome = flow.walk(CALM_ANSWERS, finished=True).outcome
    assert outcome is not None and outcome.disposition is Disposition.SELF_CARE


@pytest.mark.parametrize(
    "bad",
    [
        {"emergency_signs": ["saddle", "made_up"]},
        {"emergency_signs": "none"},
        {"emergency_signs": None},
        {"emergency_signs": {"saddle_numbness": True}},
        {"age": "abc"},
        {"age": -1},
        {"age": 200},
        {"age": True},
        {"pain_score": 11},
        {"pregnant": True},
        {"pregnant": "maybe"},
        {"duration_days": 36501},
        {"sciatica": 1},
    ],
    ids=repr,
)
def test_a_stale_or_tampered_answer_is_asked_again(bad):
    stored = {**CALM_ANSWERS, **bad}
    progress = flow.walk(stored, finished=True)
    (key,) = bad
    assert progress.next_step is not None and progress.next_step.key == key
    assert progress.outcome is None


def test_later_answers_without_the_emergency_screen_do_not_skip_it():
    stored = {key: value for key, value in CALM_ANSWERS.items() if key != "emergency_signs"}
    progress = flow.walk(stored, finished=True)
    assert progress.next_step is flow.FIRST_STEP
    assert progress.answers.age is None


@pytest.mark.parametrize("finding", EMERGENCY_SCREEN, ids=lambda finding: finding.id)
def test_an_emergency_answer_on_any_screen_page_ends_the_journey_at_once(finding):
    page = next(step for step in EMERGENCY_STEPS if finding in step.findings)
    earlier = EMERGENCY_STEPS[: EMERGENCY_STEPS.index(page)]
    progress = flow.walk({**{step.key: [] for step in earlier}, page.key: [finding.id]})
    assert progress.end is flow.End.EMERGENCY
    assert progress.outcome is not None and progress.outcome.disposition is Disposition.EMERGENCY
    assert progress.answered[-1][0] is page
    assert not progress.can_show(flow.STEPS_BY_SLUG["age"])
    assert progress.can_show(flow.FIRST_STEP)


def test_the_emergency_screen_is_every_screen_finding_on_at_most_four_pages():
    asked = [finding for step in EMERGENCY_STEPS for finding in step.findings]
    assert sorted(f.id for f in asked) == sorted(f.id for f in EMERGENCY_SCREEN)
    assert 1 <= len(EMERGENCY_STEPS) <= 4
    assert flow.STEPS[: len(EMERGENCY_STEPS)] == EMERGENCY_STEPS


def test_each_emergency_page_is_answered_before_the_next_and_before_any_other_question():
    later = {key: value for key, value in CALM_ANSWERS.items() if key not in EMERGENCY_NONE}
    for done, page in enumerate(EMERGENCY_STEPS):
        stored: dict[str, object] = {step.key: [] for step in EMERGENCY_STEPS[:done]}
        assert flow.walk({**later, **stored}, finished=True).next_step is page


def test_an_emergency_rule_ends_the_journey_as_soon_as_its_findings_are_known():
    stored = {**CALM_ANSWERS, "general_signs": ["fever"], "health_history": ["iv_drug_use"]}
    progress = flow.walk(stored)
    assert progress.end is flow.End.EMERGENCY
    assert progress.answered[-1][0].key == "health_history"
    assert progress.outcome is not None
    assert [rule.id for rule in progress.outcome.deciding] == ["E7"]


def test_under_16_ends_the_journey_without_an_outcome():
    progress = flow.walk({**EMERGENCY_NONE, "age": 15})
    assert progress.end is flow.End.UNDER_16
    assert progress.outcome is None


@pytest.mark.parametrize(("answer", "pregnant"), [("yes", True), ("not_sure", True), ("no", False)])
def test_not_sure_counts_as_pregnant_and_asks_the_pregnancy_questions(answer, pregnant):
    progress = flow.walk({**EMERGENCY_NONE, "age": 30, "pregnant": answer})
    assert progress.answers.pregnant is pregnant
    assert progress.pregnancy_not_sure is (answer == "not_sure")
    expected = "pregnancy-symptoms" if pregnant else "how-long"
    assert progress.next_step is flow.STEPS_BY_SLUG[expected]


URGENT_IN_PREGNANCY = {
    **EMERGENCY_NONE,
    "age": 30,
    "pregnant": "yes",
    "pregnancy_signs": ["pregnancy_warning_signs"],
}


def test_once_urgent_the_questions_that_could_make_it_an_emergency_come_first():
    progress = flow.walk(URGENT_IN_PREGNANCY)
    assert progress.next_step is flow.STEPS_BY_SLUG["general-symptoms"]


def test_once_urgent_the_checker_stops_when_no_question_left_could_make_it_an_emergency():
    stored = {
        **URGENT_IN_PREGNANCY,
        "general_signs": [],
        "health_history": [],
        "pain_features": [],
        "tummy_signs": [],
    }
    progress = flow.walk(stored, finished=True)
    assert progress.complete
    asked = {step.key for step, _ in progress.answered}
    assert not asked & {"duration_days", "pain_score", "sciatica", "pain_changes", "daily_life"}
    assert progress.outcome is not None and progress.outcome.disposition is Disposition.URGENT


def test_once_urgent_a_question_that_could_still_make_it_an_emergency_is_asked():
    # With cancer, pain down one leg would mean possible cord compression (E6).
    stored = {
        **URGENT_IN_PREGNANCY,
        "general_signs": [],
        "health_history": ["cancer_history"],
        "pain_features": [],
        "tummy_signs": [],
    }
    assert flow.walk(stored).next_step is flow.STEPS_BY_SLUG["leg-pain"]


def _session() -> SessionBase:
    session: SessionBase = import_module(django_settings.SESSION_ENGINE).SessionStore()
    return session


def test_saving_forgets_answers_to_questions_that_no_longer_apply():
    session = _session()
    session[flow.SESSION_KEY] = {
        "answers": {
            **CALM_ANSWERS,
            "pregnant": "yes",
            "pregnancy_signs": ["pregnancy_warning_signs"],
        },
        "finished": True,
    }
    answered = flow.load(session).answer(flow.STEPS_BY_SLUG["pregnancy"], "no")
    progress = flow.save(session, answered)
    assert "pregnancy_signs" not in session[flow.SESSION_KEY]["answers"]
    assert session[flow.SESSION_KEY]["finished"] is False
    assert progress.complete and progress.outcome is None


def test_clear_forgets_only_the_checkers_answers():
    session = _session()
    session[flow.SESSION_KEY] = {"answers": CALM_ANSWERS, "finished": True}
    session["selfcare"] = {"kept": True}
    flow.clear(session)
    assert flow.SESSION_KEY not in session
    assert session["selfcare"] == {"kept": True}


def test_confirm_does_nothing_until_the_journey_is_complete():
    session = _session()
    session[flow.SESSION_KEY] = {"answers": {"emergency_signs": []}, "finished": False}
    flow.confirm(session, flow.load(session))
    assert session[flow.SESSION_KEY]["finished"] is False


def _valid_value(step: flow.Step) -> st.SearchStrategy[object]:
    if step.kind is flow.Kind.CHECKBOXES:
        ids = [finding.id for finding in step.findings]
        return st.lists(st.sampled_from(ids), unique=True)
    if step.kind is flow.Kind.YES_NO:
        return st.booleans()
    if step.kind is flow.Kind.CHOICE:
        return st.sampled_from([value for value, _ in step.choices])
    low, high = step.limits
    return st.integers(min_value=low, max_value=high)


junk = st.none() | st.text(max_size=5) | st.integers() | st.lists(st.text(max_size=5), max_size=2)
stored_answers = st.fixed_dictionaries(
    {}, optional={step.key: _valid_value(step) | junk for step in flow.STEPS}
)


@settings(max_examples=300, deadline=None)
@given(stored=stored_answers, finished=st.booleans())
def test_no_result_but_an_emergency_without_every_question_answered(stored, finished):
    progress = flow.walk(stored, finished)
    outcome = progress.outcome
    if outcome is None:
        return
    assert progress.answered[0][0] is flow.FIRST_STEP
    if outcome.disposition is Disposition.EMERGENCY:
        return
    asked = [step for step, _ in progress.answered]
    applicable = [step for step in flow.STEPS if step.applies(progress.answers)]
    assert asked[: len(EMERGENCY_STEPS)] == list(EMERGENCY_STEPS)
    assert progress.answers.age is not None and progress.answers.age >= flow.MINIMUM_AGE
    if outcome.disposition is not Disposition.URGENT:
        assert asked == applicable
        return
    # Stopped early: even every finding of every question not asked would not be an emergency.
    unasked = [step for step in flow.STEPS if step not in asked]
    everything = progress.answers.findings | {
        condition for step in unasked for condition in step.conditions
    }
    worst = replace(
        progress.answers,
        findings=frozenset(everything & set(FINDINGS)),
        pregnant=progress.answers.pregnant or any(step.key == "pregnant" for step in unasked),
        age=progress.answers.age,
        duration_days=36500,
        pain_score=10,
    )
    assert triage(worst).disposition is Disposition.URGENT


@settings(max_examples=300, deadline=None)
@given(stored=stored_answers, data=st.data())
def test_an_answer_goes_on_from_its_step_exactly_as_a_walk_from_the_start_would(stored, data):
    progress = flow.walk(stored)
    showable = [step for step, _ in progress.answered]
    if progress.next_step is not None:
        showable.append(progress.next_step)
    if not showable:
        return
    step = data.draw(st.sampled_from(showable))
    value = data.draw(_valid_value(step))

    answered = progress.answer(step, value)

    assert answered.stored[step.key] == value
    assert answered == flow.walk(answered.stored)


def test_a_step_that_cannot_be_shown_yet_cannot_be_answered():
    with pytest.raises(ValueError, match="age"):
        flow.walk({}).answer(flow.STEPS_BY_SLUG["age"], 30)
