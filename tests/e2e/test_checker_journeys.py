"""People completing the symptom checker in Chromium, with JavaScript on (htmx) and off."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.checker import (
    HTMX_PATH_KEY,
    Walker,
    browser_storage,
    disposition_of,
    fields_of,
    page_slug,
    question_form,
)
from tests.support.checker import JOURNEYS, START

OpenPage = Callable[..., Page]
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


def past_the_emergency_screen(walker: Walker) -> None:
    """Answer each page of the emergency screen, arriving at the first question after it."""
    while page_slug(walker.page).startswith("emergency-signs"):
        walker.answer()


@JAVASCRIPT
@pytest.mark.parametrize("disposition", list(JOURNEYS))
def test_answers_lead_to_each_disposition(open_page: OpenPage, javascript: bool, disposition: str):
    walker = Walker(open_page(javascript=javascript), JOURNEYS[disposition], javascript)

    reached = walker.run()

    assert reached == disposition
    expect(walker.page).to_have_url(f"{walker.page.url.split(START)[0]}{START}result/")
    expect(walker.page.locator("h1")).to_be_visible()


@JAVASCRIPT
def test_an_emergency_answer_ends_the_checker_at_once(open_page: OpenPage, javascript: bool):
    walker = Walker(open_page(javascript=javascript), JOURNEYS["emergency"], javascript)
    walker.start()

    walker.answer()

    assert disposition_of(walker.page) == "emergency"
    assert walker.visited == ["00-start", "01-emergency-signs", "02-result"]


def test_a_finished_journey_leaves_nothing_in_browser_storage(open_page: OpenPage):
    """htmx's history cache is off, so no snapshot of answered pages stays on a shared phone."""
    walker = Walker(open_page(), {"worsening": True, "not_coping": True}, javascript=True)

    walker.run()

    session_keys, local_entries = browser_storage(walker.page)
    assert set(session_keys) <= {HTMX_PATH_KEY}
    assert local_entries == 0


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
    assert walker.finish() == "self_care"


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
    assert walker.finish() == "self_care"


@JAVASCRIPT
def test_a_change_link_on_check_your_answers_changes_the_result(
    open_page: OpenPage, javascript: bool
):
    walker = Walker(open_page(javascript=javascript), {}, javascript)
    walker.start()
    while page_slug(walker.page) != "answers":
        walker.answer()
    answers_url = walker.page.url
    change_links = walker.page.locator("main a", has_text="Change")
    hrefs = [str(link.get_attribute("href")) for link in change_links.all()]
    assert hrefs, "check your answers has no Change links"

    for href in hrefs:
        walker.page.goto(href)
        if any(
            item.name == "worsening" or "worsening" in item.values
            for item in fields_of(question_form(walker.page))
        ):
            break
    else:
        raise AssertionError("no Change link leads to the question about getting worse")
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
