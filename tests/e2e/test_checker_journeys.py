"""People completing the symptom checker in Chromium, with JavaScript on (htmx) and off."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.checker import (
    HTMX_PATH_KEY,
    Walker,
    arrive_at_check_your_answers,
    browser_storage,
    cookies_shared_with,
    disposition_of,
    page_slug,
    question_form,
)
from tests.support.checker import JOURNEYS, START, client_fetch, next_form

OpenPage = Callable[..., Page]
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


def past_the_emergency_screen(walker: Walker) -> None:
    """Answer each page of the emergency screen, arriving at the first question after it."""
    while page_slug(walker.page).startswith("emergency-signs"):
        walker.answer()


@JAVASCRIPT
@pytest.mark.parametrize("disposition", list(JOURNEYS))
def test_answers_lead_to_each_disposition(
    open_page: OpenPage,
    javascript: bool,
    disposition: str,
    record_property: Callable[[str, object], None],
):
    """With JavaScript, the journey also leaves nothing in the browser's storage, and its number
    of pages from the start page to the result is printed at the end of the run."""
    walker = Walker(open_page(javascript=javascript), JOURNEYS[disposition], javascript)

    reached = walker.run()

    assert reached == disposition
    expect(walker.page).to_have_url(f"{walker.page.url.split(START)[0]}{START}result/")
    expect(walker.page.locator("h1")).to_be_visible()
    expect(walker.page.locator("[data-disposition]")).to_be_visible()
    if javascript:
        record_property(
            "checker_figures", f"pages to {disposition}: {walker.pages_seen} after the start page"
        )
        # htmx's history cache is off, so no snapshot of answered pages stays on a shared phone.
        session_keys, local_entries = browser_storage(walker.page)
        assert set(session_keys) <= {HTMX_PATH_KEY}
        assert local_entries == 0


@JAVASCRIPT
def test_an_emergency_answer_ends_the_checker_at_once(open_page: OpenPage, javascript: bool):
    walker = Walker(open_page(javascript=javascript), JOURNEYS["emergency"], javascript)
    walker.start()

    walker.answer()

    assert disposition_of(walker.page) == "emergency"
    assert walker.visited == ["00-start", "01-emergency-signs", "02-result"]


@JAVASCRIPT
def test_the_back_button_returns_to_the_previous_question_with_its_answer(
    open_page: OpenPage, javascript: bool
):
    walker = Walker(open_page(javascript=javascript), {"age": 47}, javascript)
    walker.start()
    past_the_emergency_screen(walker)
    age_url, age_question = walker.page.url, walker.page.locator("h1").inner_text()
    walker.answer()

    walker.page.go_back()

    expect(walker.page).to_have_url(age_url)
    expect(walker.page.locator("h1")).to_have_text(age_question)
    expect(question_form(walker.page).locator("input[name=age]")).to_have_value("47")
    assert walker.finish_over_http() == "self_care"


@JAVASCRIPT
def test_refreshing_a_question_shows_it_again_without_an_error(
    open_page: OpenPage, javascript: bool
):
    walker = Walker(open_page(javascript=javascript), {}, javascript)
    walker.start()
    walker.answer()
    walker.answer()
    url, question = walker.page.url, walker.page.locator("h1").inner_text()

    walker.page.reload()

    expect(walker.page).to_have_url(url)
    expect(walker.page.locator("h1")).to_have_text(question)
    expect(walker.page.locator(".govuk-error-summary")).to_have_count(0)
    assert walker.finish_over_http() == "self_care"


@JAVASCRIPT
def test_a_change_link_on_check_your_answers_changes_the_result(
    open_page: OpenPage, javascript: bool
):
    walker = Walker(open_page(javascript=javascript), {}, javascript)
    arrive_at_check_your_answers(walker.page, walker.findings)
    answers_url = walker.page.url
    change_links = walker.page.locator("main a", has_text="Change")
    hrefs = [str(link.get_attribute("href")) for link in change_links.all()]
    assert hrefs, "check your answers has no Change links"

    # Which link is which, read over HTTP; the browser then follows the one that matters.
    with cookies_shared_with(walker.page) as client:
        fetch = client_fetch(client)
        asked = {href: next_form(fetch("GET", href, None)) for href in hrefs}
    worsening = [
        href
        for href, form in asked.items()
        if form is not None
        and ("worsening" in form.kinds or any("worsening" in c for c in form.choices.values()))
    ]
    assert worsening, "no Change link leads to the question about getting worse"
    walker.page.locator(f"main a[href='{worsening[0]}']").click()
    the_question = walker.page.locator("main input[name=worsening], main input[value=worsening]")
    expect(the_question.first).to_be_attached()
    walker.fill({"worsening": True})
    walker.submit()

    expect(walker.page).to_have_url(answers_url)
    assert walker.finish() == "gp"


@JAVASCRIPT
def test_a_number_that_is_not_a_number_is_asked_again_keeping_what_was_typed(
    open_page: OpenPage, javascript: bool
):
    walker = Walker(open_page(javascript=javascript), {"age": "forty"}, javascript)
    walker.start()
    past_the_emergency_screen(walker)

    walker.fill()
    walker.submit(expect_error=True)

    expect(walker.page.locator(".govuk-error-summary")).to_be_visible()
    expect(walker.page).to_have_title(re.compile(r"^Error: "))
    expect(question_form(walker.page).locator("input[name=age]")).to_have_value("forty")
