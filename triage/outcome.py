"""The one thing other parts of the site may ask the checker: how did this person's check end?"""

from dataclasses import dataclass
from typing import Final

from django.http import HttpRequest

from triage import flow

# Where a request keeps the outcome it has worked out, with the answers it came from.
_WORKED_OUT: Final = "_checker_outcome"


@dataclass(frozen=True, slots=True)
class CheckerOutcome:
    disposition: str  # "emergency" | "urgent" | "gp" | "self_care"
    age: int | None
    duration_days: int | None
    pain_score: int | None
    pregnant: bool  # "yes" or "not sure": both count as pregnant for all advice
    findings: frozenset[str]  # ids of the yes/no findings answered yes
    pregnancy_not_sure: bool = False

    @property
    def offers_self_care_plan(self) -> bool:
        """Self-care, and a GP result for the days before the appointment."""
        return self.disposition in {"self_care", "gp"}


def stored_outcome(request: HttpRequest) -> CheckerOutcome | None:
    """The finished checker's outcome for this person, or None if they have not finished it.

    While the person checks again, it is the last check's outcome until the new one ends, so
    their plan and diary stay open. Reads only the signed session cookie, never the database.
    A page asks more than once (its view, then the header's links), and walking the journey is
    the costly part, so the outcome is kept on the request for as long as the stored answers stay
    the same.
    """
    stored = (flow.stored_answers(request.session), flow.previous_answers(request.session))
    worked_out: tuple[object, CheckerOutcome | None] | None = getattr(request, _WORKED_OUT, None)
    if worked_out is not None and worked_out[0] == stored:
        return worked_out[1]
    current, previous = stored
    outcome = _outcome(flow.walk(*current))
    if outcome is None and previous is not None:
        outcome = _outcome(flow.walk(*previous))
    setattr(request, _WORKED_OUT, (stored, outcome))
    return outcome


def _outcome(progress: flow.Progress) -> CheckerOutcome | None:
    outcome = progress.outcome
    if outcome is None:
        return None
    answers = progress.answers
    return CheckerOutcome(
        disposition=outcome.disposition.value,
        age=answers.age,
        duration_days=answers.duration_days,
        pain_score=answers.pain_score,
        pregnant=answers.pregnant,
        findings=answers.findings,
        pregnancy_not_sure=progress.pregnancy_not_sure,
    )
