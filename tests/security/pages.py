"""Reads the site as a browser would: forms and links parsed from HTML, and a journey through the
symptom checker that answers each question from a dictionary of findings.

The walker knows only the checker's published form contract (yes/no radios named by finding id,
checkbox groups valued by finding id plus ``none``, the numbers ``age``, ``duration_days`` and
``pain_score``, results marked with ``data-disposition``), not its step order, so the same journey
runs over the Django test client and over real HTTP against a running server.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

# Numbers a person would give when the journey's answers do not say otherwise.
DEFAULT_NUMBERS = {"age": 42, "duration_days": 3, "pain_score": 4}
MAX_STEPS = 40


@dataclass
class Form:
    action: str
    method: str
    # Every field the form can send, with the value a browser sends by default ("" when none).
    fields: dict[str, list[str]] = field(default_factory=dict)
    # The values a person can choose from, for radios and checkboxes.
    choices: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    def asks(self) -> bool:
        """Whether the form asks the person something (a "start again" button asks nothing)."""
        return any(kind != "hidden" for kind in self.kinds.values())

    def defaults(self) -> dict[str, list[str]]:
        return {name: list(values) for name, values in self.fields.items()}


@dataclass(frozen=True)
class Page:
    url: str
    status: int
    html: str

    @property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "html.parser")

    @property
    def disposition(self) -> str | None:
        marked = self.soup.select_one("[data-disposition]")
        return str(marked["data-disposition"]) if isinstance(marked, Tag) else None

    def forms(self) -> list[Form]:
        return [parse_form(self.url, element) for element in self.soup.find_all("form")]

    def links(self) -> list[str]:
        found = []
        for anchor in self.soup.find_all("a", href=True):
            href = urljoin(self.url, str(anchor["href"]))
            parts = urlsplit(href)
            if parts.scheme in {"", "http", "https"} and parts.netloc in {"", "testserver"}:
                found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        return found

    def start_link(self) -> str | None:
        button = self.soup.select_one("a.govuk-button--start, a.govuk-button[href]")
        return urljoin(self.url, str(button["href"])) if button else None


def parse_form(page_url: str, element: Tag) -> Form:
    form = Form(
        action=urljoin(page_url, str(element.get("action") or page_url)),
        method=str(element.get("method") or "get").lower(),
    )
    for control in element.find_all(["input", "select", "textarea"]):
        name = control.get("name")
        if not name:
            continue
        name = str(name)
        kind = str(control.get("type") or control.name).lower()
        form.kinds.setdefault(name, kind)
        values = form.fields.setdefault(name, [])
        if kind in {"radio", "checkbox"}:
            form.choices.setdefault(name, []).append(str(control.get("value", "on")))
            if control.has_attr("checked"):
                values.append(str(control.get("value", "on")))
        elif kind in {"submit", "button", "image"}:
            del form.fields[name]
        elif control.name == "select":
            options = [
                str(option.get("value", option.text)) for option in control.find_all("option")
            ]
            form.choices[name] = options
            selected = control.find("option", selected=True)
            values.append(str(selected.get("value", selected.text)) if selected else "")
        else:
            values.append(str(control.get("value") or control.text or ""))
    return form


def answer(form: Form, answers: Mapping[str, bool | int]) -> dict[str, list[str]]:
    """Fills in a checker question the way a person with these findings would."""
    data = form.defaults()
    for name, kind in form.kinds.items():
        if kind == "hidden":
            continue
        options = form.choices.get(name, [])
        if kind == "radio":
            if {"yes", "no"} <= set(options):
                data[name] = ["yes" if answers.get(name) is True else "no"]
            elif options:
                data[name] = [next((o for o in options if answers.get(o) is True), options[0])]
        elif kind == "checkbox":
            chosen = [option for option in options if answers.get(option) is True]
            data[name] = chosen or (["none"] if "none" in options else [])
        elif name in DEFAULT_NUMBERS or name in answers:
            data[name] = [str(answers.get(name, DEFAULT_NUMBERS.get(name, "")))]
    return data


def next_form(page: Page) -> Form | None:
    """The form that moves the journey on: a question, else a confirmation ("Get your advice"),
    never "start again"."""
    forms = [
        form
        for form in page.forms()
        if form.method == "post" and not form.action.rstrip("/").endswith("start-again")
    ]
    return next((form for form in forms if form.asks()), forms[0] if forms else None)


Fetch = Callable[[str, str, dict[str, list[str]] | None], Page]


def walk_checker(fetch: Fetch, answers: Mapping[str, bool | int], start: str = "/check/") -> Page:
    """Answers every question of the checker until a result (or a page with no question) shows.

    ``fetch(method, url, data)`` requests a page, following redirects, and returns the last one.
    """
    page = fetch("GET", start, None)
    for _ in range(MAX_STEPS):
        if page.disposition is not None:
            return page
        if form := next_form(page):
            page = fetch("POST", form.action, answer(form, answers))
        elif link := page.start_link():
            page = fetch("GET", link, None)
        else:
            return page
    raise AssertionError(f"the checker asked more than {MAX_STEPS} questions, ending at {page.url}")
