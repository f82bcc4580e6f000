"""The one thing other parts of the site may ask the checker: how did this person's check end?"""

from dataclasses import dataclass

from django.http import HttpRequest

from triage import flow


@dataclass(frozen=True, slots=True)
class CheckerOutcome:
    disposition: str  # "emergency" | "urgent" | "gp" | "self_care"
    age: int | None
    duration_days: int | None
    pain_score: int | None
    pregnant: bool
    findings: frozenset[str]  # ids of the yes/no findings answered yes


def stored_outcome(request: HttpRequest) -> CheckerOutcome | None:
    """The finished checker's outcome for this person, or None if they have not finished it.

    Reads only the signed session cookie, never the database.
    """
    progress = flow.load(request.session)
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
    )
