"""stored_outcome: what other pages may know about a finished check, from the cookie alone."""

from importlib import import_module

from django.conf import settings
from django.http import HttpRequest
from django.test import Client, RequestFactory

from tests.support.checker import complete_checker
from triage import flow
from triage.outcome import CheckerOutcome, stored_outcome

from .conftest import CALM_ANSWERS, store


def request_from(client: Client) -> HttpRequest:
    """A request for another page of the site, carrying the client's session cookie."""
    request = RequestFactory().get("/self-care/plan/")
    engine = import_module(settings.SESSION_ENGINE)
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    request.session = engine.SessionStore(cookie.value if cookie else None)
    return request


def test_no_outcome_before_the_checker_is_finished(client):
    assert stored_outcome(request_from(client)) is None
    store(client, CALM_ANSWERS)
    assert stored_outcome(request_from(client)) is None


def test_the_finished_outcome_carries_the_answers(client):
    complete_checker(client, {"age": 62, "duration_days": 9, "pain_score": 7, "sciatica": True})

    outcome = stored_outcome(request_from(client))

    assert outcome == CheckerOutcome(
        disposition="self_care",
        age=62,
        duration_days=9,
        pain_score=7,
        pregnant=False,
        findings=frozenset({"sciatica"}),
    )


def test_an_emergency_is_an_outcome_at_once(client):
    store(client, {"emergency_signs": [], "emergency_legs": [], "emergency_heart": ["confusion"]})

    outcome = stored_outcome(request_from(client))

    assert outcome is not None and outcome.disposition == "emergency"
    assert outcome.findings == frozenset({"confusion"}) and outcome.age is None


def test_under_16_has_no_outcome(client):
    complete_checker(client, {"age": 12})
    assert stored_outcome(request_from(client)) is None


def test_changing_an_answer_after_finishing_withdraws_the_outcome(client):
    complete_checker(client, {})
    client.post("/check/age/", {"age": "70"})
    assert stored_outcome(request_from(client)) is None


def test_answers_changed_during_a_request_change_the_outcome_it_reads(client):
    complete_checker(client, {})
    request = request_from(client)
    assert stored_outcome(request) is not None

    flow.clear(request.session)

    assert stored_outcome(request) is None
