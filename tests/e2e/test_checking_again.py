"""Checking again in Chromium, with JavaScript on and off: the diary's "something new" leads to a
fresh check with nothing ticked, and the old plan and diary outlive a check that ends in self-care
(spec v4, "Checking again")."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.audit import assert_none, axe_problems
from tests.e2e.checker import (
    Walker,
    arrive_at_the_result,
    disposition_of,
    page_slug,
    question_form,
)
from tests.support.checker import JOURNEYS

OpenPage = Callable[..., Page]
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
FIRST_QUESTION = re.compile(r"/check/emergency-signs/$")


def with_a_plan(page: Page, javascript: bool) -> Page:
    assert arrive_at_the_result(page, {**JOURNEYS["self_care"], "pain_score": 5}) == "self_care"
    return page


def record(page: Page, javascript: bool, pain: int, *, something_new: bool) -> None:
    """Save today's score in the pain diary, swapped in by htmx or loaded."""
    page.goto("/self-care/diary/")
    page.locator("#id_pain_today").fill(str(pain))
    page.locator(
        "main input[name=new_symptoms][value=%s]" % ("yes" if something_new else "no")
    ).check()
    save = page.get_by_role("button", name="Save today's score")
    if javascript:
        page.evaluate("() => document.querySelector('main h1').setAttribute('data-e2e-old', '')")
        save.click()
        page.wait_for_function("() => !document.querySelector('h1[data-e2e-old]')")
    else:
        with page.expect_navigation():
            save.click()


def check_again_from(page: Page, where: str) -> None:
    with page.expect_navigation():
        page.locator(where).get_by_role("button", name="Check your symptoms again").click()
    expect(page).to_have_url(FIRST_QUESTION)


@JAVASCRIPT
def test_something_new_in_the_diary_then_a_cauda_equina_sign_gives_the_emergency_result(
    open_page: OpenPage, javascript: bool
):
    page = with_a_plan(open_page(javascript=javascript), javascript)
    record(page, javascript, 9, something_new=True)
    expect(page.locator("#check-again-heading")).to_have_text("You told us about something new")
    # A score of 9 also gives the checker's G9 advice.
    expect(page.locator("#very-severe-pain-heading")).to_have_text("Book a GP appointment")
    if javascript:
        assert_none(axe_problems(page))

    check_again_from(page, "main .app-callout")

    # A fresh check: the emergency screen with nothing ticked, "None of these" included.
    expect(question_form(page).locator("input[value=none]")).not_to_be_checked()
    expect(question_form(page).locator("input:checked")).to_have_count(0)
    if javascript:
        assert_none(axe_problems(page))
    walker = Walker(page, {"saddle_numbness": True}, javascript)
    walker.answer()

    assert disposition_of(page) == "emergency"
    expect(page.locator("h1")).to_be_visible()
    # The new result replaced the last: the header now leads to it, not to a plan (htmx swaps
    # only the main content, so the header is read from a fresh load).
    page.reload()
    expect(page.locator("#navigation")).to_contain_text("Your result")
    expect(page.locator("#navigation")).not_to_contain_text("Your plan")


@JAVASCRIPT
def test_the_plan_and_diary_outlive_a_check_again_that_ends_in_self_care(
    open_page: OpenPage, javascript: bool
):
    page = with_a_plan(open_page(javascript=javascript), javascript)
    record(page, javascript, 6, something_new=False)
    page.goto("/self-care/plan/")
    check_again_from(page, "main .app-plan")

    # Part-way through the new check, the last plan and diary are still there.
    walker = Walker(page, {**JOURNEYS["self_care"], "pain_score": 4}, javascript)
    while page_slug(page).startswith("emergency-signs"):
        walker.answer()
    page.goto("/self-care/diary/")
    expect(page.locator("main table tbody td").first).to_have_text("6")
    page.goto("/self-care/plan/")
    expect(page.locator("h1")).not_to_have_text("We cannot find your plan")
    page.goto("/check/result/")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "This is the advice from your last check"
    )
    with page.expect_navigation():
        page.locator(".govuk-notification-banner__link").click()
    expect(page).to_have_url(re.compile(r"/check/age/$"))

    assert walker.finish_over_http() == "self_care"
    expect(page.locator(".govuk-notification-banner")).to_have_count(0)
    page.goto("/self-care/diary/")
    expect(page.locator("main table tbody td").first).to_have_text("6")
    page.goto("/self-care/plan/")
    expect(page.locator("h1")).not_to_have_text("We cannot find your plan")
    expect(page.locator("#navigation")).to_contain_text("Your pain diary")
