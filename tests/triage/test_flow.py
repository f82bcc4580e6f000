"""The journey walk: what comes next, whatever the session holds."""

from importlib import import_module

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.backends.base import SessionBase
from hypothesis import given, settings
from hypothesis import strategies as st

from triage import flow
from triage.rules import Disposition

from .conftest import CALM_ANSWERS


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
        {"pregnant": "yes"},
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


def test_an_emergency_answer_ends_the_journey_at_once():
    progress = flow.walk({"emergency_signs": ["chest_pain"]})
    assert progress.end is flow.End.EMERGENCY
    assert progress.outcome is not None and progress.outcome.disposition is Disposition.EMERGENCY
    assert not progress.can_show(flow.STEPS_BY_SLUG["age"])
    assert progress.can_show(flow.FIRST_STEP)


def test_an_emergency_rule_ends_the_journey_as_soon_as_its_findings_are_known():
    stored = {**CALM_ANSWERS, "general_signs": ["fever"], "health_history": ["iv_drug_use"]}
    progress = flow.walk(stored)
    assert progress.end is flow.End.EMERGENCY
    assert progress.answered[-1][0].key == "health_history"
    assert progress.outcome is not None
    assert [rule.id for rule in progress.outcome.deciding] == ["E7"]


def test_under_16_ends_the_journey_without_an_outcome():
    progress = flow.walk({"emergency_signs": [], "age": 15})
    assert progress.end is flow.End.UNDER_16
    assert progress.outcome is None


def test_pregnancy_questions_are_asked_only_when_pregnant():
    progress = flow.walk({"emergency_signs": [], "age": 30, "pregnant": True})
    assert progress.next_step is flow.STEPS_BY_SLUG["pregnancy-symptoms"]
    progress = flow.walk({"emergency_signs": [], "age": 30, "pregnant": False})
    assert progress.next_step is flow.STEPS_BY_SLUG["how-long"]


def _session() -> SessionBase:
    session: SessionBase = import_module(django_settings.SESSION_ENGINE).SessionStore()
    return session


def test_saving_forgets_answers_to_questions_that_no_longer_apply():
    session = _session()
    session[flow.SESSION_KEY] = {
        "answers": {
            **CALM_ANSWERS,
            "pregnant": True,
            "pregnancy_signs": ["pregnancy_warning_signs"],
        },
        "finished": True,
    }
    progress = flow.save(session, flow.STEPS_BY_SLUG["pregnancy"], False)
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
    flow.confirm(session)
    assert session[flow.SESSION_KEY]["finished"] is False


def _valid_value(step: flow.Step) -> st.SearchStrategy[object]:
    if step.kind is flow.Kind.CHECKBOXES:
        ids = [finding.id for finding in step.findings]
        return st.lists(st.sampled_from(ids), unique=True)
    if step.kind is flow.Kind.YES_NO:
        return st.booleans()
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
    if outcome.disposition is not Disposition.EMERGENCY:
        asked = [step for step, _ in progress.answered]
        applicable = [step for step in flow.STEPS if step.applies(progress.answers)]
        assert asked == applicable
        assert progress.answers.age is not None and progress.answers.age >= flow.MINIMUM_AGE
