"""Walk the symptom checker over HTTP the way a person does, for any test suite that needs a result.

    complete_checker(client, {"age": 35, "duration_days": 3, "pain_score": 6})

posts each page the checker asks for, answering from ``answers`` (finding ids as keys with true or
false, plus ``age``, ``duration_days``, ``pain_score``, and ``pregnant`` as true, false or
"not_sure") and "no" or "None of these" for anything not given, then confirms on "check your
answers" and returns the result page. A journey that ends early (an emergency answer, or under
16) returns that page instead.
"""

from collections.abc import Mapping
from typing import Any, cast

from django.http import HttpResponse
from django.test import Client

from triage.flow import STEPS_BY_SLUG, Kind

CHECKER = "/check/"
DEFAULTS = {"age": 35, "duration_days": 3, "pain_score": 4}
MAX_PAGES = 30  # more posts than the journey has pages means the checker is going round in circles


def _form_data(slug: str, answers: Mapping[str, Any]) -> dict[str, Any]:
    step = STEPS_BY_SLUG[slug]
    if step.kind is Kind.CHECKBOXES:
        chosen = [finding.id for finding in step.findings if answers.get(finding.id)]
        return {step.key: chosen or ["none"]}
    if step.kind is Kind.YES_NO:
        return {step.key: "yes" if answers.get(step.key) else "no"}
    if step.kind is Kind.CHOICE:
        given = answers.get(step.key)
        return {step.key: given if isinstance(given, str) else "yes" if given else "no"}
    return {step.key: str(answers.get(step.key, DEFAULTS[step.key]))}


def complete_checker(client: Client, answers: Mapping[str, Any]) -> HttpResponse:
    """Answer every page the checker asks for and return the page the journey ends on."""
    client.post(f"{CHECKER}start-again/")
    path = f"{CHECKER}{next(iter(STEPS_BY_SLUG))}/"
    for _ in range(MAX_PAGES):
        slug = path.removeprefix(CHECKER).strip("/")
        if slug in STEPS_BY_SLUG:
            response = client.post(path, _form_data(slug, answers))
        elif slug == "answers":
            response = client.post(path)
        else:
            return cast(HttpResponse, client.get(path))
        assert response.status_code == 302, f"{path} answered {response.status_code}"
        path = response["Location"]
    raise AssertionError(f"the checker never reached a result (last page {path})")
