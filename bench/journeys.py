"""Walk the symptom checker through its real forms, as a person aiming for one outcome would.

The walker knows the finding ids of the clinical specification, not the pages: it answers each
form it meets by the names and values of its fields, so it keeps working when questions are
reworded, split or reordered.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.client import Client, Response
from bench.html import Form, Page, parse_page

TARGETS = ("emergency", "urgent", "gp", "self_care")

# One finding that leads to each outcome on its own (triage-spec rules U1 and G8); everything
# else is answered "no" or "None of these", and the emergency outcome ticks the first sign on
# the emergency screen (rule E1).
TARGET_FINDING: Mapping[str, str] = {"urgent": "night_pain", "gp": "recurrent"}
NUMBER_ANSWERS: tuple[tuple[str, str], ...] = (
    ("age", "42"),
    ("duration", "3"),
    ("days", "3"),
    ("pain", "4"),
    ("score", "4"),
)
DEFAULT_NUMBER = "3"
MAX_STEPS = 40

Answers = dict[str, str | list[str]]


def answer_form(form: Form, target: str) -> Answers:
    """What someone aiming for `target` submits on this form."""
    finding = TARGET_FINDING.get(target)
    answers: Answers = {}
    for item in form.fields:
        if item.kind == "hidden":
            answers[item.name] = item.value
        elif item.kind == "checkbox":
            real = [choice for choice in item.choices if choice != "none"]
            if finding is not None and finding in item.choices:
                answers[item.name] = [finding]
            elif target == "emergency" and "none" in item.choices and real:
                answers[item.name] = [real[0]]
            elif "none" in item.choices:
                answers[item.name] = ["none"]
        elif item.kind == "radio":
            answers[item.name] = _radio_answer(item.name, item.choices, finding)
        elif item.kind in {"text", "number", "tel"}:
            answers[item.name] = _number_answer(item.name)
        elif item.kind == "select":
            answers[item.name] = next((choice for choice in item.choices if choice), "")
        elif item.kind == "textarea":
            answers[item.name] = ""
    submit = next((item for item in form.fields if item.kind == "submit"), None)
    if submit is not None:
        answers[submit.name] = submit.choices[0] if submit.choices else submit.value
    return answers


def _radio_answer(name: str, choices: tuple[str, ...], finding: str | None) -> str:
    if finding is not None and finding in choices:
        return finding
    if "yes" in choices and name == finding:
        return "yes"
    if "no" in choices:
        return "no"
    return choices[0] if choices else ""


def _number_answer(name: str) -> str:
    lowered = name.lower()
    return next((value for key, value in NUMBER_ANSWERS if key in lowered), DEFAULT_NUMBER)


def question_form(page: Page, prefix: str) -> Form | None:
    """The form that asks something and posts back into the journey, if the page has one."""
    return next(
        (
            form
            for form in page.forms
            if form.method == "post"
            and urlsplit(form.action).path.startswith(prefix)
            and form.asks_something
        ),
        None,
    )


def confirm_form(page: Page) -> Form | None:
    """A button that posts back to its own page, such as "Check your answers": confirm them.

    A button posting elsewhere ("Start again") is not one: the journey ends there."""
    own_path = urlsplit(page.url).path
    return next(
        (
            form
            for form in page.forms
            if form.method == "post"
            and urlsplit(form.action).path == own_path
            and not form.asks_something
        ),
        None,
    )


def start_action(page: Page, prefix: str) -> tuple[str, str] | None:
    """How to begin from a start page: a button-like link, or a form with nothing to answer."""
    for form in page.forms:
        if urlsplit(form.action).path.startswith(prefix) and not form.asks_something:
            return form.method.upper(), form.action
    for link in page.start_links + page.links:
        if urlsplit(link).path.startswith(prefix) and link.rstrip("/") != page.url.rstrip("/"):
            return "GET", link
    return None


@dataclass(slots=True)
class Journey:
    target: str
    responses: list[Response] = field(default_factory=list)
    end_path: str = ""
    stuck: bool = False
    end_page: Page | None = None


def walk(client: Client, target: str, start: str = "/check/") -> Journey:
    """From the checker's start page to its outcome, one form at a time."""
    journey = Journey(target)
    journey.responses += client.follow("GET", start)
    page = parse_page(journey.responses[-1].url, journey.responses[-1].text())
    form = question_form(page, start)
    if form is None and (begin := start_action(page, start)) is not None:
        method, url = begin
        data = _hidden_fields(page, url) if method == "POST" else None
        journey.responses += client.follow(method, url, data)
        page = parse_page(journey.responses[-1].url, journey.responses[-1].text())
    previous: tuple[str, Answers] | None = None
    for _ in range(MAX_STEPS):
        form = question_form(page, start) or confirm_form(page)
        if form is None or journey.responses[-1].status >= 400:
            break
        answers = answer_form(form, target)
        if previous == (form.action, answers):
            journey.stuck = True  # the same answers were refused: the walker cannot go on
            break
        previous = (form.action, answers)
        journey.responses += client.follow("POST", form.action, answers)
        page = parse_page(journey.responses[-1].url, journey.responses[-1].text())
    journey.end_path = urlsplit(journey.responses[-1].url).path
    journey.end_page = page
    return journey


def _hidden_fields(page: Page, action: str) -> Answers:
    form = next(form for form in page.forms if form.action == action)
    return {item.name: item.value for item in form.fields if item.kind == "hidden"}
