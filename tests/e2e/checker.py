"""Walk the symptom checker in Chromium by its form contract, not its wording.

What to answer comes from the shared walker (tests/support/checker.py), so a journey chooses
the same in Chromium as over HTTP; this module only drives the browser: clicks or keys, with
JavaScript on or off, waiting for each page or htmx swap to settle.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

from django.test import Client
from playwright.sync_api import Locator, Page

from tests.e2e.crawl import SKIPPED_PREFIXES, links_in
from tests.support import html
from tests.support.checker import START, choose, client_fetch, complete_checker, walk_checker

MAX_PAGES = 30  # more pages than the checker has means it is going round in circles
MAX_TABS = 80  # more Tab presses than a page has controls means the target cannot be reached
# The only thing htmx may keep in sessionStorage with historyCacheSize 0: the current address.
HTMX_PATH_KEY = "htmx-current-path-for-history"
SUBMIT = "button[type=submit], button:not([type])"

# Called on every page of the journey: the page, a label such as "03-how-long" or
# "03-how-long-error", and the page's HTML as the server sent it (None when htmx swapped it in).
StepVisitor = Callable[[Page, str, str | None], None]


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "radio", "checkbox" or "text"
    values: tuple[str, ...]
    checked: frozenset[str] = frozenset()  # the values ticked when the page was read

    def answer(self, findings: Mapping[str, Any]) -> list[str]:
        """The values to choose (radios, checkboxes) or the single text to type."""
        return choose(self.name, self.kind, list(self.values), findings)


def question_form(page: Page) -> Locator:
    """The form that answers the page: the first POST form in the main content (a "start again"
    form, when there is one, comes after it)."""
    return page.locator("main form[method=post]").first


def fields_of(form: Locator) -> list[Field]:
    raw = cast(
        list[dict[str, str]],
        form.locator("input[name]:not([type=hidden])").evaluate_all(
            "inputs => inputs.map(i =>"
            " ({name: i.name, kind: i.type, value: i.value, checked: i.checked}))"
        ),
    )
    fields: dict[str, Field] = {}
    for item in raw:
        kind = item["kind"] if item["kind"] in {"radio", "checkbox"} else "text"
        known = fields.get(item["name"])
        values = (*known.values, item["value"]) if known else (item["value"],)
        checked = known.checked if known else frozenset()
        if item["checked"]:
            checked |= {item["value"]}
        fields[item["name"]] = Field(item["name"], kind, values, checked)
    return list(fields.values())


def page_slug(page: Page) -> str:
    return urlsplit(page.url).path.removeprefix(START).strip("/") or "start"


def disposition_of(page: Page) -> str | None:
    card = page.locator("[data-disposition]")
    return card.first.get_attribute("data-disposition") if card.count() else None


def pages_after_the_result(
    get: Callable[[str], html.Page], result_url: str, known: set[str]
) -> list[str]:
    """Pages of this site that only a finished journey opens (the self-care plan, and what it
    links to), found by following links from the result with the journey's cookies."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(result_url))
    queue = [result_url]
    found: list[str] = []
    while queue:
        response = get(queue.pop(0))
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        for href in links_in(response):
            url = urlsplit(urljoin(response.url, href))
            path = url.path + (f"?{url.query}" if url.query else "")
            if f"{url.scheme}://{url.netloc}" != origin or path.startswith(SKIPPED_PREFIXES):
                continue
            if path in known or path in found or path.startswith(START):
                continue
            found.append(path)
            queue.append(origin + path)
    return [path for path in found if not urlsplit(path).path.endswith(".ics")]


def fetched_in(page: Page) -> Callable[[str], html.Page]:
    """A GET with the browser page's cookies, as the server answers it."""

    def get(url: str) -> html.Page:
        response = page.request.get(url)
        return html.Page(response.url, response.status, response.text(), response.headers)

    return get


@contextmanager
def cookies_shared_with(page: Page) -> Iterator[Client]:
    """Django's test client holding this browser's cookies, which go back to the browser after:
    a test about one page of a journey answers the rest in process, not in Chromium, which the
    journey tests do for every result, with and without JavaScript."""
    client = Client()
    for cookie in page.context.cookies():
        client.cookies[cookie["name"]] = cookie["value"]
    yield client
    host = urlsplit(page.url).hostname or ""
    page.context.add_cookies(
        [
            {"name": name, "value": cookie.value, "domain": host, "path": "/"}
            for name, cookie in client.cookies.items()
        ]
    )


def arrive_at_check_your_answers(page: Page, findings: Mapping[str, Any]) -> None:
    """Open Check your answers in this browser, every question answered in its cookies."""
    answers = f"{START}answers/"
    page.goto(START)
    with cookies_shared_with(page) as client:
        walk_checker(client_fetch(client), findings, stop_at=answers)
    page.goto(answers)


def arrive_at_the_result(page: Page, findings: Mapping[str, Any]) -> str:
    """Open the result of a check this person already finished with these answers, in this
    browser."""
    page.goto(START)
    with cookies_shared_with(page) as client:
        complete_checker(client, findings)
    page.goto(f"{START}result/")
    disposition = disposition_of(page)
    assert disposition is not None, page.url
    return disposition


def browser_storage(page: Page) -> tuple[list[str], int]:
    """The sessionStorage keys and the number of localStorage entries the site left behind."""
    keys, local = page.evaluate("() => [Object.keys(sessionStorage), localStorage.length]")
    return sorted(keys), local


@dataclass
class Walker:
    page: Page
    findings: Mapping[str, Any]
    javascript: bool
    on_step: StepVisitor | None = None
    keyboard: bool = False  # answer with Tab, Space, arrow keys and Enter only
    visited: list[str] = field(default_factory=list)
    pages_seen: int = 0

    def start(self) -> None:
        response = self.page.goto(START)
        assert response is not None and response.ok, f"{START} answered {response}"
        self._visit("00-start", response.text())
        if self.keyboard:
            self._navigate(lambda: self._press_on("el => el.matches('main a.govuk-button--start')"))
        else:
            self._navigate(lambda: self.page.locator("main a.govuk-button--start").click())

    def fill(self, findings: Mapping[str, Any] | None = None) -> None:
        form = question_form(self.page)
        for item in fields_of(form):
            chosen = item.answer(self.findings if findings is None else findings)
            if self.keyboard:
                self._fill_by_keyboard(item, chosen)
                continue
            if item.kind == "text":
                form.locator(f"input[name='{item.name}']").fill(chosen[0])
                continue
            # A page reached by a Change link or the back button shows the earlier answers
            # already ticked: each box whose state differs from the answer is clicked.
            # (A radio is only ever chosen: choosing one clears the others.)
            for value in item.values:
                wanted = value in chosen
                if wanted != (value in item.checked) and (wanted or item.kind == "checkbox"):
                    choice = form.locator(f"input[name='{item.name}'][value='{value}']")
                    choice.set_checked(wanted)

    def submit(self, *, expect_error: bool = False) -> None:
        if self.keyboard:
            is_submit = "el => el === document.querySelector('main form[method=post] button')"
            self._navigate(lambda: self._press_on(is_submit), expect_error=expect_error)
        else:
            click = question_form(self.page).locator(SUBMIT).first.click
            self._navigate(click, expect_error=expect_error)

    def submit_empty(self) -> None:
        """Send the question unanswered, as someone who pressed Continue too soon."""
        self.submit(expect_error=True)
        assert self.page.locator(".govuk-error-summary").count() == 1, self.page.url

    def answer(self) -> None:
        self.fill()
        self.submit()

    def finish(self, *, with_errors: bool = False) -> str:
        """Answer every page until the result; with_errors first sends each question empty."""
        for _ in range(MAX_PAGES):
            disposition = disposition_of(self.page)
            if disposition:
                return disposition
            if with_errors and fields_of(question_form(self.page)):
                self.submit_empty()
            self.answer()
        raise AssertionError(f"no result after {MAX_PAGES} pages: {self.visited}")

    def finish_over_http(self) -> str | None:
        """Answer the rest of the journey from this page in process, in this browser's cookies,
        and show the result: for a test whose browser part ends before the result."""
        with cookies_shared_with(self.page) as client:
            end = walk_checker(client_fetch(client), self.findings, start=self.page.url)
        self.page.goto(urlsplit(end.url).path)
        return disposition_of(self.page)

    def run(self, *, with_errors: bool = False) -> str:
        self.start()
        return self.finish(with_errors=with_errors)

    def _tab_to(self, matches: str) -> dict[str, str]:
        """Press Tab until the focused element passes the JavaScript test `matches`."""
        for _ in range(MAX_TABS):
            self.page.keyboard.press("Tab")
            if self.page.evaluate(f"() => ({matches})(document.activeElement)"):
                return self._focused()
        raise AssertionError(f"{self.page.url}: Tab never reached {matches}")

    def _focused(self) -> dict[str, str]:
        return cast(
            dict[str, str],
            self.page.evaluate(
                "() => ({name: document.activeElement.name || '',"
                " value: document.activeElement.value || ''})"
            ),
        )

    def _press_on(self, matches: str) -> None:
        self._tab_to(matches)
        self.page.keyboard.press("Enter")

    def _fill_by_keyboard(self, item: Field, chosen: list[str]) -> None:
        if item.kind == "text":
            self._tab_to(f"el => el.name === '{item.name}'")
            self.page.keyboard.press("ControlOrMeta+A")
            self.page.keyboard.type(chosen[0])
        elif item.kind == "radio":
            # Tab enters a radio group once; the arrow keys move through it, choosing as they go.
            focused = self._tab_to(f"el => el.name === '{item.name}'")
            for _ in item.values:
                if focused["value"] == chosen[0]:
                    break
                self.page.keyboard.press("ArrowRight")
                focused = self._focused()
            self.page.keyboard.press("Space")
        else:
            for value in chosen:
                self._tab_to(f"el => el.name === '{item.name}' && el.value === '{value}'")
                self.page.keyboard.press("Space")

    def _navigate(self, action: Callable[[], None], *, expect_error: bool = False) -> None:
        """Do something that loads a new page or swaps one in, and wait until it has settled."""
        if self.javascript:
            self.page.evaluate(
                "() => document.querySelector('main').firstElementChild"
                ".setAttribute('data-e2e-old', '')"
            )
            action()
            # A step that ends in a redirect to a whole new page (a result) replaces the document:
            # the new one must have loaded as well as the old one gone.
            self.page.wait_for_function(
                """() => document.readyState === 'complete'
                    && document.querySelector('main')
                    && !document.querySelector('[data-e2e-old]')
                    && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"""
            )
            html = None
        else:
            with self.page.expect_navigation() as navigation:
                action()
            html = navigation.value.text() if navigation.value else None
        if not expect_error:
            self.pages_seen += 1
        suffix = "-error" if expect_error else ""
        self._visit(f"{self.pages_seen:02d}-{page_slug(self.page)}{suffix}", html)

    def _visit(self, label: str, html: str | None) -> None:
        self.visited.append(label)
        if self.on_step:
            self.on_step(self.page, label, html)
