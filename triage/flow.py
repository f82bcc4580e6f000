"""The checker's journey: the ordered steps and the answers kept in the person's session.

The journey is walked from the start on every request, so whatever the session holds (stale,
tampered or half-finished) the next page is always the first unanswered step, and the emergency
screen can never be skipped. The walk stops early when the answers so far already reach an
emergency, or show the person is under 16.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from triage.answers import PREGNANT, Answers
from triage.engine import Outcome, triage
from triage.rules import (
    EMERGENCY_SCREEN,
    FINDINGS,
    PREGNANCY,
    Disposition,
    Finding,
)

SESSION_KEY = "triage"
MINIMUM_AGE = 16


class Kind(StrEnum):
    CHECKBOXES = "checkboxes"  # "which of these": a list of finding ids, possibly empty
    YES_NO = "yes_no"  # one finding or the pregnancy answer: a bool
    NUMBER = "number"  # a whole number within limits


class End(StrEnum):
    EMERGENCY = "emergency"
    UNDER_16 = "under_16"


def _always(answers: Answers) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Step:
    slug: str  # the page's address under /check/
    key: str  # the form field's name and the session key of its answer
    kind: Kind
    question: str  # the page's <h1>
    summary: str  # the question's short name on the "check your answers" page
    why: str  # a line saying why we ask
    error: str  # shown when nothing is chosen or the answer is not valid
    range_error: str = ""  # shown when a number is outside its limits
    hint: str = ""
    findings: tuple[Finding, ...] = ()  # the choices of a checkbox step
    limits: tuple[int, int] = (0, 0)  # lowest and highest whole number allowed
    suffix: str = ""
    applies: Callable[[Answers], bool] = _always

    def accepts(self, value: object) -> bool:
        """Whether a stored value is a valid answer to this step (sessions can be stale)."""
        if self.kind is Kind.CHECKBOXES:
            ids = {finding.id for finding in self.findings}
            return isinstance(value, list) and all(item in ids for item in value)
        if self.kind is Kind.YES_NO:
            return isinstance(value, bool)
        low, high = self.limits
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _findings(*ids: str) -> tuple[Finding, ...]:
    return tuple(FINDINGS[finding_id] for finding_id in ids)


SELECT_OR_NONE = "Select the ones that apply to you, or select 'None of these'"

STEPS: tuple[Step, ...] = (
    Step(
        slug="emergency-signs",
        key="emergency_signs",
        kind=Kind.CHECKBOXES,
        question="Do you have any of these?",
        summary="Signs of a serious problem",
        hint="Select all that apply.",
        why="These can be signs of a serious problem that needs help straight away, so we ask "
        "about them first.",
        error=SELECT_OR_NONE,
        findings=EMERGENCY_SCREEN,
    ),
    Step(
        slug="age",
        key="age",
        kind=Kind.NUMBER,
        question="How old are you?",
        summary="Age",
        why="Some causes of back pain are more likely at certain ages.",
        error="Enter your age in years, like 42",
        range_error="Enter your age in years, from 0 to 120",
        limits=(0, 120),
        suffix="years",
    ),
    Step(
        slug="pregnancy",
        key=PREGNANT,
        kind=Kind.YES_NO,
        question="Are you pregnant?",
        summary="Pregnant",
        hint="Select no if you are not pregnant or cannot be pregnant.",
        why="Back pain in pregnancy can need different care, and some medicines are not safe.",
        error="Select yes if you are pregnant",
    ),
    Step(
        slug="pregnancy-symptoms",
        key="pregnancy_signs",
        kind=Kind.CHECKBOXES,
        question="Do you have any of these pregnancy symptoms?",
        summary="Pregnancy symptoms",
        hint="Select all that apply.",
        why="These can mean you or your baby need to be checked by your maternity team.",
        error=SELECT_OR_NONE,
        findings=PREGNANCY,
        applies=lambda a: a.pregnant,
    ),
    Step(
        slug="how-long",
        key="duration_days",
        kind=Kind.NUMBER,
        question="How many days ago did your back pain start?",
        summary="Days since the pain started",
        hint="If it started today, enter 0. If it was 3 weeks ago, enter 21.",
        why="Most back pain gets better within a few weeks. Pain that lasts longer should be "
        "checked.",
        error="Enter the number of days since your back pain started, like 5",
        range_error="Enter a number of days from 0 to 36500",
        limits=(0, 36500),
        suffix="days",
    ),
    Step(
        slug="pain-score",
        key="pain_score",
        kind=Kind.NUMBER,
        question="How bad is your pain right now, from 0 to 10?",
        summary="Pain score",
        hint="0 is no pain and 10 is the worst pain you can imagine.",
        why="It helps us suggest the right pain relief and tell a doctor how you are.",
        error="Enter your pain score as a number, like 6",
        range_error="Enter a pain score from 0 to 10",
        limits=(0, 10),
        suffix="out of 10",
    ),
    Step(
        slug="general-symptoms",
        key="general_signs",
        kind=Kind.CHECKBOXES,
        question="Have you had any of these?",
        summary="Other symptoms",
        hint="Select all that apply.",
        why="Together with back pain, these can be signs of an infection or another illness "
        "that a doctor should check.",
        error=SELECT_OR_NONE,
        findings=_findings("fever", "unexplained_weight_loss", "night_pain", "pain_uncontrolled"),
    ),
    Step(
        slug="health",
        key="health_history",
        kind=Kind.CHECKBOXES,
        question="Do any of these apply to you?",
        summary="Your health",
        hint="Select all that apply.",
        why="Some health conditions and treatments make infections, fractures or other causes "
        "of back pain more likely.",
        error=SELECT_OR_NONE,
        findings=_findings(
            "cancer_history",
            "immunosuppressed",
            "iv_drug_use",
            "recent_spinal_procedure",
            "minor_fall_fragile",
        ),
    ),
    Step(
        slug="type-of-pain",
        key="pain_features",
        kind=Kind.CHECKBOXES,
        question="Is your pain like any of these?",
        summary="Type of pain",
        hint="Select all that apply.",
        why="Where the pain is and how it started can point to a cause that needs checking.",
        error=SELECT_OR_NONE,
        findings=_findings(
            "sudden_severe_pain",
            "upper_back_pain",
            "pain_on_straining",
            "band_like_pain",
            "back_lump_or_deformity",
            "both_legs_longstanding",
        ),
    ),
    Step(
        slug="tummy-and-peeing",
        key="tummy_signs",
        kind=Kind.CHECKBOXES,
        question="Do you have any of these tummy, side or peeing symptoms?",
        summary="Tummy, side or peeing symptoms",
        hint="Select all that apply.",
        why="Kidney, bladder and gallbladder problems can cause pain in the back.",
        error=SELECT_OR_NONE,
        findings=_findings(
            "urinary_symptoms", "colicky_side_pain", "upper_abdominal_pain", "jaundice"
        ),
    ),
    Step(
        slug="leg-pain",
        key="sciatica",
        kind=Kind.YES_NO,
        question="Do you have shooting pain, tingling or numbness going down one leg?",
        summary="Pain going down one leg",
        hint="From your bottom down the back of one leg, often going below the knee.",
        why="This is called sciatica. It usually gets better on its own, but should be checked "
        "if it lasts.",
        error="Select yes if you have pain, tingling or numbness going down one leg",
    ),
    Step(
        slug="how-it-is-changing",
        key="pain_changes",
        kind=Kind.CHECKBOXES,
        question="How is your back pain changing?",
        summary="How the pain is changing",
        hint="Select all that apply.",
        why="Pain that is not getting better, or keeps coming back, is worth checking with a "
        "GP or physiotherapist.",
        error=SELECT_OR_NONE,
        findings=_findings("worsening", "not_improving", "morning_stiffness", "recurrent"),
    ),
    Step(
        slug="daily-life",
        key="daily_life",
        kind=Kind.CHECKBOXES,
        question="How is the pain affecting you?",
        summary="How the pain is affecting you",
        hint="Select all that apply.",
        why="Help is there if the pain is getting in the way of your life or your mood.",
        error=SELECT_OR_NONE,
        findings=_findings("daily_activities_stopped", "not_coping"),
    ),
)

STEPS_BY_SLUG: Mapping[str, Step] = MappingProxyType({step.slug: step for step in STEPS})
FIRST_STEP = STEPS[0]


def apply_answer(answers: Answers, step: Step, value: object) -> Answers:
    """The answers with one step's valid answer added."""
    if step.kind is Kind.CHECKBOXES:
        assert isinstance(value, list)
        return replace(answers, findings=answers.findings | frozenset(value))
    if step.kind is Kind.YES_NO:
        if step.key == PREGNANT:
            return replace(answers, pregnant=value is True)
        if value is True:
            return replace(answers, findings=answers.findings | {step.key})
        return answers
    assert isinstance(value, int)
    if step.key == "age":
        return replace(answers, age=value)
    if step.key == "duration_days":
        return replace(answers, duration_days=value)
    return replace(answers, pain_score=value)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a person is: the answered steps in order, and what comes next."""

    answered: tuple[tuple[Step, object], ...]  # in journey order, up to the first gap or end
    answers: Answers  # what the answered steps say
    next_step: Step | None  # the first unanswered step, None when ended or complete
    end: End | None  # the journey stopped early
    finished: bool  # the person confirmed their answers

    @property
    def complete(self) -> bool:
        return self.next_step is None and self.end is None

    @property
    def outcome(self) -> Outcome | None:
        """The result to show, or None while the checker is not finished."""
        if self.end is End.EMERGENCY or (self.complete and self.finished):
            return triage(self.answers)
        return None

    def can_show(self, step: Step) -> bool:
        """Earlier steps are answered (and did not end the journey), so this step may be shown."""
        return step is self.next_step or any(done is step for done, _ in self.answered)

    def value(self, step: Step) -> object:
        return next((value for done, value in self.answered if done is step), None)

    def previous(self, step: Step) -> Step | None:
        """The step shown before this one, for the back link."""
        earlier = None
        for done, _ in self.answered:
            if done is step:
                break
            earlier = done
        return earlier


def walk(stored: Mapping[str, object], finished: bool = False) -> Progress:
    """Follow the journey through the stored answers, stopping at the first gap."""
    answers = Answers()
    answered: list[tuple[Step, object]] = []
    for step in STEPS:
        if not step.applies(answers):
            continue
        value = stored.get(step.key)
        if not step.accepts(value):
            return Progress(tuple(answered), answers, step, None, False)
        answers = apply_answer(answers, step, value)
        answered.append((step, value))
        if answers.age is not None and answers.age < MINIMUM_AGE:
            return Progress(tuple(answered), answers, None, End.UNDER_16, False)
        if triage(answers).disposition is Disposition.EMERGENCY:
            return Progress(tuple(answered), answers, None, End.EMERGENCY, True)
    return Progress(tuple(answered), answers, None, None, finished)


def _stored(session: Any) -> tuple[dict[str, object], bool]:
    data = session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return {}, False
    stored = data.get("answers")
    if not isinstance(stored, dict):
        return {}, False
    return dict(stored), data.get("finished") is True


def load(session: Any) -> Progress:
    """The person's progress from their session (a stale or foreign value counts as no answer)."""
    stored, finished = _stored(session)
    return walk(stored, finished)


def save(session: Any, step: Step, value: object) -> Progress:
    """Store one answer, forget answers to steps that no longer apply, and unconfirm."""
    stored, _ = _stored(session)
    stored[step.key] = value
    answers = Answers()
    kept: dict[str, object] = {}
    for each in STEPS:
        if each.applies(answers) and each.accepts(stored.get(each.key)):
            kept[each.key] = stored[each.key]
            answers = apply_answer(answers, each, stored[each.key])
    session[SESSION_KEY] = {"answers": kept, "finished": False}
    return walk(kept)


def confirm(session: Any) -> Progress:
    """Mark the answers as checked by the person, which shows the result."""
    stored, _ = _stored(session)
    progress = walk(stored, finished=True)
    if progress.complete:
        session[SESSION_KEY] = {"answers": stored, "finished": True}
    return progress


def clear(session: Any) -> None:
    """Forget the checker's answers, and nothing else in the session."""
    session.pop(SESSION_KEY, None)
