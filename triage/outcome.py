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
    pregnant: bool  # "yes" or "not sure": both count as pregnant for all advice
    findings: frozenset[str]  # ids of the yes/no findings answered yes
    pregnancy_not_sure: bool = False

    @property
    def offers_self_care_plan(self) -> bool:
        """Self-care, and a GP result for the days before the appointment."""
        return self.disposition in {"self_care", "gp"}


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
        pregnancy_not_sure=progress.pregnancy_not_sure,
    )
