"""A journey through the symptom checker, answered from a dictionary of findings.

The walker knows only the checker's published form contract, not its step order or wording:
yes/no questions are radio groups named by finding id (values "yes" and "no"), "which of these"
questions are checkbox groups valued by finding id plus "none", other choices are radio groups
answered by value (``pregnant="not_sure"``, ``duration_unit="days"``), and the numbers are
``age``, ``duration_days`` and ``pain_score``; a result is marked with ``data-disposition``.
So the same journey runs over the Django test client, over HTTP against a running server and in
the bench, through whatever ``fetch`` the caller gives it.
"""

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.test import Client

from tests.support.html import Form, Page

START = "/check/"
# Numbers a person would give when the journey's answers do not say otherwise.
DEFAULT_NUMBERS: Mapping[str, int] = {"age": 35, "duration_days": 3, "pain_score": 4}
MAX_STEPS = 40  # more pages than the checker has means it is going round in circles

# Findings that lead to each disposition, for a 35-year-old with 3 days of pain scoring 4.
JOURNEYS: Mapping[str, Mapping[str, Any]] = {
    "emergency": {"saddle_numbness": True},
    "urgent": {"fever": True},
    "gp": {"worsening": True},
    "self_care": {},
}
# Every page the checker can end on: each result, the under-16 page, and a result for a pregnant
# person, which adds the pregnancy warning signs.
EVERY_ENDING: tuple[Mapping[str, Any], ...] = (
    *JOURNEYS.values(),
    {"age": 15},
    {"pregnant": True, "pregnancy_warning_signs": True},
)

Answers = Mapping[str, Any]
# Requests a page, following redirects, and returns the last one.
Fetch = Callable[[str, str, dict[str, list[str]] | None], Page]


def choose(name: str, kind: str, options: list[str], answers: Answers) -> list[str]:
    """The values a person with these answers gives to one field of a checker question."""
    given = answers.get(name)
    if kind == "checkbox":
        chosen = [option for option in options if answers.get(option) is True]
        return chosen or (["none"] if "none" in options else [])
    if kind == "radio":
        if isinstance(given, str) and given in options:
            return [given]
        if {"yes", "no"} <= set(options):
            return ["yes" if given is True else "no"]
        return [next((option for option in options if answers.get(option) is True), options[0])]
    return [str(answers.get(name, DEFAULT_NUMBERS.get(name, "")))]


def answer(form: Form, answers: Answers) -> dict[str, list[str]]:
    """Fills in a checker question the way a person with these answers would."""
    data = form.defaults()
    for name, kind in form.kinds.items():
        asked = kind in {"radio", "checkbox"} or name in DEFAULT_NUMBERS or name in answers
        if asked and kind != "hidden":
            data[name] = choose(name, kind, form.choices.get(name, []), answers)
    return data


def next_form(page: Page) -> Form | None:
    """The form that moves the journey on: a question, else a confirmation ("Get your advice"),
    never "start again" or "check your symptoms again"."""
    forms = [
        form
        for form in page.forms()
        if form.method == "post"
        and not urlsplit(form.action).path.endswith(("/start-again/", "/check/again/"))
    ]
    return next((form for form in forms if form.asks()), forms[0] if forms else None)


def walk_checker(
    fetch: Fetch, answers: Answers, start: str = START, stop_at: str | None = None
) -> Page:
    """From the start page, every question answered, to the page the journey ends on: a result,
    or the page of a journey that ends early (under 16); or to the page at ``stop_at``."""
    page = fetch("GET", start, None)
    if next_form(page) is None and (link := page.start_link()):
        page = fetch("GET", link, None)
    for _ in range(MAX_STEPS):
        form = next_form(page)
        if page.disposition is not None or form is None or urlsplit(page.url).path == stop_at:
            return page
        data = answer(form, answers)
        page = fetch("POST", form.action, data)
        if page.journey_parts.select_one(".govuk-error-summary") is not None:
            raise AssertionError(f"{form.action} refused {data}: {page.text()[:300]}")
    raise AssertionError(f"the checker asked more than {MAX_STEPS} questions, ending at {page.url}")


def client_fetch(client: Client, on_response: Callable[[Any], None] | None = None) -> Fetch:
    """``fetch`` over Django's test client; ``on_response`` sees each final response."""

    def fetch(method: str, url: str, data: dict[str, list[str]] | None) -> Page:
        call = client.post if method == "POST" else client.get
        response = call(url, data or {}, follow=True)
        if on_response is not None:
            on_response(response)
        final = response.redirect_chain[-1][0] if response.redirect_chain else url
        return Page(final, response.status_code, response.content.decode(errors="replace"))

    return fetch


def complete_checker(client: Client, answers: Answers) -> HttpResponse:
    """A journey from a fresh start, returning the test client's response for its last page.

    It begins at the first question, where the start button leads: the start page, the same for
    everyone, would otherwise sit in the page cache of every test that needs a result."""
    # Imported here: the bench uses this module outside Django, where the app cannot load.
    from triage.flow import STEPS_BY_SLUG

    client.post(f"{START}start-again/")
    last: list[HttpResponse] = []
    first_question = f"{START}{next(iter(STEPS_BY_SLUG))}/"
    walk_checker(client_fetch(client, last.append), answers, start=first_question)
    return last[-1]
