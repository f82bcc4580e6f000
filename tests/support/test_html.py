from urllib.parse import urljoin

import pytest
from django.test import Client

from tests.support.checker import EVERY_ENDING, START, client_fetch, next_form, walk_checker
from tests.support.html import Page, form_data, parse_form
from triage.flow import STEPS_BY_SLUG

PAGE = """<!DOCTYPE html>
<html><head>
  <link rel="icon" href="/static/img/favicon.abc.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/static/css/main.abc.css">
  <link rel="stylesheet" href="/static/css/print.abc.css" media="print">
  <link rel="canonical" href="https://example.org/">
  <script src="/static/js/htmx.abc.js" defer nonce="n"></script>
  <script src="/static/js/htmx.abc.js" defer></script>
</head><body>
  <img src="logo.svg" alt=""><img src="data:image/png;base64,AAAA" alt="">
  <a href="/check/" class="govuk-button govuk-button--start">Start</a>
  <a href="#main">Skip</a><a href="tel:999">999</a><a href="/guidance/spasm/">Spasm</a>
  <a href="https://example.org/">Elsewhere</a>
  <form action="/check/emergency/" method="post" novalidate>
    <input type="hidden" name="csrfmiddlewaretoken" value="token">
    <input type="checkbox" name="signs" value="saddle_numbness">
    <input type="checkbox" name="signs" value="none">
    <input type="radio" name="pregnant" value="yes"><input type="radio" name="pregnant" value="no">
    <input type="text" name="age" inputmode="numeric" value="">
    <select name="unit"><option value="">Choose</option><option value="days">Days</option></select>
    <button type="submit" class="govuk-button">Continue</button>
  </form>
  <form action="/check/restart/" method="post">
    <input type="hidden" name="csrfmiddlewaretoken" value="t"><button>Start again</button>
  </form>
</body></html>"""


def test_subresources_are_what_a_browser_downloads_once_each_resolved_against_the_page():
    page = Page("http://127.0.0.1:8000/guidance/", 200, PAGE)

    assert page.subresources() == [
        "http://127.0.0.1:8000/static/img/favicon.abc.svg",
        "http://127.0.0.1:8000/static/css/main.abc.css",
        "http://127.0.0.1:8000/static/css/print.abc.css",
        "http://127.0.0.1:8000/static/js/htmx.abc.js",
        "http://127.0.0.1:8000/guidance/logo.svg",
    ]


def test_links_are_this_sites_pages_without_fragments_or_phone_numbers():
    page = Page("http://127.0.0.1:8000/", 200, PAGE)

    assert page.links() == ["/check/", "/guidance/spasm/"]
    assert page.start_link() == "http://127.0.0.1:8000/check/"


def test_a_form_holds_what_a_browser_sends_untouched_and_what_can_be_chosen():
    form = Page("http://127.0.0.1:8000/check/", 200, PAGE).forms()[0]

    assert form.action == "http://127.0.0.1:8000/check/emergency/"
    assert form.method == "post"
    assert form.kinds == {
        "csrfmiddlewaretoken": "hidden",
        "signs": "checkbox",
        "pregnant": "radio",
        "age": "text",
        "unit": "select",
    }
    assert form.choices == {
        "signs": ["saddle_numbness", "none"],
        "pregnant": ["yes", "no"],
        "unit": ["", "days"],
    }
    assert form.defaults() == {
        "csrfmiddlewaretoken": ["token"],
        "signs": [],
        "pregnant": [],
        "age": [""],
        "unit": [""],
    }
    assert form.asks()


def test_a_button_only_form_asks_nothing():
    restart = Page("http://127.0.0.1:8000/check/result/", 200, PAGE).forms()[1]

    assert restart.action == "http://127.0.0.1:8000/check/restart/"
    assert not restart.asks()


def test_form_data_is_what_a_browser_submits_with_text_as_typed():
    html = """<form><textarea name="body">
line one\r\nline two</textarea><input name="q" value="a" disabled>
    <select name="tags" multiple>
    <option value="x" selected>X</option><option value="y" selected>Y</option></select>
    <input type="checkbox" name="live" value="on" checked></form>"""

    assert form_data(html) == {"body": "line one\nline two", "tags": ["x", "y"], "live": "on"}


@pytest.mark.django_db
def test_the_parts_a_journey_reads_are_those_of_the_whole_page(client: Client):
    """Every page on the way to each ending, a question sent unanswered and the first article
    read through `journey_parts` give the same forms, result, error summary and start button as
    the whole page parsed."""
    pages: list[Page] = []
    fetch = client_fetch(client)

    def seen(method: str, url: str, data: dict[str, list[str]] | None) -> Page:
        pages.append(fetch(method, url, data))
        return pages[-1]

    for answers in EVERY_ENDING:
        client.post(f"{START}start-again/")
        walk_checker(seen, answers)
    question = next_form(seen("GET", START + next(iter(STEPS_BY_SLUG)) + "/", None))
    assert question is not None
    seen("POST", question.action, {})
    seen("GET", "/guidance/what-is-a-back-spasm/", None)

    assert any(page.disposition for page in pages)
    assert any(page.soup.select_one(".govuk-error-summary") for page in pages)
    for page in pages:
        whole = page.soup
        assert page.forms() == [parse_form(page.url, form) for form in whole.find_all("form")]
        marked = whole.select_one("[data-disposition]")
        assert page.disposition == (str(marked["data-disposition"]) if marked else None)
        assert (page.journey_parts.select_one(".govuk-error-summary") is None) == (
            whole.select_one(".govuk-error-summary") is None
        ), page.url
        button = whole.select_one("a.govuk-button--start, a.govuk-button[href]")
        assert page.start_link() == (urljoin(page.url, str(button["href"])) if button else None)
