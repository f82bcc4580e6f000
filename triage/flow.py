"""The checker's journey: which question comes next, and the answers kept in the session.

The journey is walked from the start on every request, so whatever the session holds (stale,
tampered or half-finished) the next page is always the first unanswered step, and the emergency
screen can never be skipped. The walk stops early when the answers so far already reach an
emergency, show the person is under 16, or give an urgent result that no question left could
raise to an emergency.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from triage.answers import PREGNANT, Answers
from triage.engine import Outcome, triage
from triage.rules import Disposition
from triage.steps import EMERGENCY_CONDITIONS, NOT_SURE, PREGNANT_ANSWERS

# The journey's steps, also read through this module by the views, forms and tests.
from triage.steps import FIRST_STEP as FIRST_STEP
from triage.steps import STEPS as STEPS
from triage.steps import STEPS_BY_SLUG as STEPS_BY_SLUG
from triage.steps import Kind as Kind
from triage.steps import Step as Step

SESSION_KEY = "triage"
# The last finished check, kept while the person checks again: their result, plan and diary stay
# until the new check ends.
PREVIOUS_KEY = "triage_previous"
MINIMUM_AGE = 16


class End(StrEnum):
    EMERGENCY = "emergency"
    UNDER_16 = "under_16"


def apply_answer(answers: Answers, step: Step, value: object) -> Answers:
    """The answers with one step's valid answer added."""
    if step.kind is Kind.CHECKBOXES:
        assert isinstance(value, list)
        return replace(answers, findings=answers.findings | frozenset(value))
    if step.kind is Kind.CHOICE:
        return replace(answers, pregnant=value in PREGNANT_ANSWERS)
    if step.kind is Kind.YES_NO:
        if value is True:
            return replace(answers, findings=answers.findings | {step.key})
        return answers
    assert isinstance(value, int)
    if step.key == "age":
        return replace(answers, age=value)
    if step.key == "duration_days":
        return replace(answers, duration_days=value)
    return replace(answers, pain_score=value)


def _worst_case(answers: Answers, asked: set[str]) -> Answers:
    """The answers with every question not yet asked answered in the most worrying way."""
    worst = answers
    for step in STEPS:
        if step.key in asked or not step.applies(worst):
            continue
        if step.kind is Kind.CHECKBOXES:
            worst = apply_answer(worst, step, [finding.id for finding in step.findings])
        elif step.kind is Kind.YES_NO:
            worst = apply_answer(worst, step, True)
        elif step.kind is Kind.CHOICE:
            worst = apply_answer(worst, step, "yes")
        else:
            worst = apply_answer(worst, step, step.limits[1])
    return worst


def next_step(answers: Answers, asked: set[str], disposition: Disposition) -> Step | None:
    """The question to ask next, or None when no question left could change the advice.

    Below an urgent result every question is asked, in order, because each changes the advice.
    Once the result is urgent only an emergency could change it: questions that could still
    raise it come first, and the checker stops when even the most worrying answers to every
    question left would not make it an emergency (the engine is monotone, so that is enough).

    ``disposition`` is the engine's result for ``answers``: the walk has it already, and the
    engine is the costly part of every request that reads the answers.
    """
    remaining = [step for step in STEPS if step.key not in asked and step.applies(answers)]
    if not remaining:
        return None
    if disposition is not Disposition.URGENT:
        return remaining[0]
    if triage(_worst_case(answers, asked)).disposition is not Disposition.EMERGENCY:
        return None
    return next((step for step in remaining if step.conditions & EMERGENCY_CONDITIONS), None)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a person is: the answered steps in order, and what comes next."""

    answered: tuple[tuple[Step, object], ...]  # in journey order, up to the first gap or end
    answers: Answers  # what the answered steps say
    next_step: Step | None  # the first unanswered step, None when ended or complete
    end: End | None  # the journey stopped early
    finished: bool  # the person confirmed their answers
    stored: Mapping[str, object]  # the stored answers walked, kept as they are when saved

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

    @property
    def pregnancy_not_sure(self) -> bool:
        """The person is not sure whether they are pregnant (which counts as pregnant)."""
        return any(step.key == PREGNANT and value == NOT_SURE for step, value in self.answered)

    def answer(self, step: Step, value: object) -> Progress:
        """The progress after a valid answer to a step that can be shown, forgetting answers to
        steps that no longer apply. The walk goes on from this step: the steps before it, their
        answers and so what the walk made of them are all unchanged."""
        position = next(
            (index for index, (done, _) in enumerate(self.answered) if done is step), None
        )
        if position is None:
            if step is not self.next_step:
                raise ValueError(f"{step.slug} cannot be shown yet")
            position = len(self.answered)
        return _walk(_applicable({**self.stored, step.key: value}), self.answered[:position])

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
    return _walk(stored, (), finished)


def _walk(
    stored: Mapping[str, object],
    walked: tuple[tuple[Step, object], ...],
    finished: bool = False,
) -> Progress:
    """Follow the journey on from steps already walked, which neither ended it nor left a gap."""
    answers = Answers()
    for done, value in walked:
        answers = apply_answer(answers, done, value)
    answered = list(walked)
    asked = {done.key for done, _ in walked}
    disposition = triage(answers).disposition
    while (step := next_step(answers, asked, disposition)) is not None:
        value = stored.get(step.key)
        if not step.accepts(value):
            return Progress(tuple(answered), answers, step, None, False, stored)
        answers = apply_answer(answers, step, value)
        answered.append((step, value))
        asked.add(step.key)
        if answers.age is not None and answers.age < MINIMUM_AGE:
            return Progress(tuple(answered), answers, None, End.UNDER_16, False, stored)
        disposition = triage(answers).disposition
        if disposition is Disposition.EMERGENCY:
            return Progress(tuple(answered), answers, None, End.EMERGENCY, True, stored)
    return Progress(tuple(answered), answers, None, None, finished, stored)


def _applicable(stored: Mapping[str, object]) -> dict[str, object]:
    """The stored answers without those to steps that no longer apply, or that are not valid."""
    answers = Answers()
    kept: dict[str, object] = {}
    for step in STEPS:
        if step.applies(answers) and step.accepts(stored.get(step.key)):
            kept[step.key] = stored[step.key]
            answers = apply_answer(answers, step, stored[step.key])
    return kept


def _stored(data: object) -> tuple[dict[str, object], bool]:
    if not isinstance(data, dict):
        return {}, False
    stored = data.get("answers")
    if not isinstance(stored, dict):
        return {}, False
    return dict(stored), data.get("finished") is True


def stored_answers(session: Any) -> tuple[dict[str, object], bool]:
    """A copy of the stored answers, and whether the person confirmed them."""
    return _stored(session.get(SESSION_KEY))


def previous_answers(session: Any) -> tuple[dict[str, object], bool] | None:
    """The answers of the check before this one, while the person is checking again."""
    if PREVIOUS_KEY not in session:
        return None
    return _stored(session[PREVIOUS_KEY])


def load(session: Any) -> Progress:
    """The person's progress from their session (a stale or foreign value counts as no answer)."""
    return walk(*stored_answers(session))


def load_previous(session: Any) -> Progress | None:
    """The check before this one, while the person is checking again, if it had a result."""
    previous = previous_answers(session)
    if previous is None:
        return None
    progress = walk(*previous)
    return progress if progress.outcome is not None else None


def check_again(session: Any) -> None:
    """Start a fresh check with nothing answered, keeping the last result until the new one.

    Pressed again during the fresh check, it starts that afresh and keeps the same last result.
    """
    stored, finished = stored_answers(session)
    if walk(stored, finished).outcome is not None:
        session[PREVIOUS_KEY] = {"answers": stored, "finished": finished}
    session[SESSION_KEY] = {"answers": {}, "finished": False}


def save(session: Any, progress: Progress) -> Progress:
    """Store the answers of a progress just answered, as not yet confirmed."""
    session[SESSION_KEY] = {"answers": dict(progress.stored), "finished": False}
    if progress.end is not None:
        # The new check has ended: its result (or the under-16 page) replaces the last one.
        session.pop(PREVIOUS_KEY, None)
    return progress


def confirm(session: Any, progress: Progress) -> Progress:
    """Mark the answers as checked by the person, which shows the result (and replaces the
    result of any check before it)."""
    if not progress.complete:
        return progress
    session[SESSION_KEY] = {"answers": dict(progress.stored), "finished": True}
    session.pop(PREVIOUS_KEY, None)
    return replace(progress, finished=True)


def clear(session: Any) -> None:
    """Forget the checker's answers and its advice (this check's and the last), and nothing
    else in the session."""
    session.pop(SESSION_KEY, None)
    session.pop(PREVIOUS_KEY, None)
