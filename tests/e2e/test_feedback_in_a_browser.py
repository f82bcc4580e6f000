"""'Is this page useful?' in Chromium, with JavaScript on and off: "No" opens "What was wrong?",
stored without anything about the person, thanked in place, and refused past the rate limit."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from feedback.models import PageFeedback
from tests.e2e.audit import assert_none, axe_problems, screenshot, set_width

# As many answers as one address may send in an hour: "10/h" is 10.
PER_ADDRESS = int(settings.FEEDBACK_RATE_PER_ADDRESS.split("/")[0])
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


def shots(page: Page, name: str) -> None:
    for width in (375, 1280):
        set_width(page, width)
        page.locator("#feedback").scroll_into_view_if_needed()
        screenshot(page, "feedback", name)


def answer(page: Page, button: str, javascript: bool, *, asks_more: bool = False) -> None:
    pressed = page.locator("#feedback").get_by_role("button", name=button, exact=True)
    if javascript:
        pressed.click()
        if asks_more:
            expect(page.locator("#feedback h2")).to_have_text("What was wrong?")
        else:
            expect(page.locator("#feedback form")).to_have_count(0)
    else:
        with page.expect_navigation():
            pressed.click()


@JAVASCRIPT
def test_no_opens_what_was_wrong_and_is_stored_without_personal_data(open_page, javascript: bool):
    page = open_page(javascript=javascript)
    page.goto("/guidance/")
    if javascript:
        shots(page, "form")
        assert_none(axe_problems(page, also=("region",)))

    answer(page, "No", javascript, asks_more=True)

    asking = page.locator("#feedback h2")
    expect(asking).to_have_text("What was wrong?")
    stored = PageFeedback.objects.get()
    assert (stored.useful, stored.comment) == (False, ""), "the No is kept before anything is sent"
    if javascript:
        expect(asking).to_be_focused()
        expect(page).to_have_url(re.compile(r"/guidance/$"))
        assert_none(axe_problems(page, also=("region",)))
        shots(page, "what-was-wrong")
    else:
        expect(page).to_have_url(re.compile(r"/feedback/what-was-wrong/\?answer="))
    page.get_by_label("What was wrong with this page? (optional)").fill(
        "Hard to find the heat advice"
    )
    answer(page, "Send", javascript)

    thanks = page.locator("#feedback h2")
    expect(thanks).to_have_text("Thank you for your feedback")
    if javascript:
        expect(page).to_have_url(re.compile(r"/guidance/$"))
        expect(thanks).to_be_focused()
        assert_none(axe_problems(page))
        shots(page, "thanks")
    else:
        expect(page).to_have_url(re.compile(r"/guidance/\?feedback=thanks#feedback$"))
    stored = PageFeedback.objects.get()
    assert (stored.page, stored.useful, stored.comment) == (
        "/guidance/",
        False,
        "Hard to find the heat advice",
    )
    assert page.context.cookies() == [], "answering set no cookie"


@JAVASCRIPT
def test_feedback_past_the_rate_limit_is_refused(open_page, base_url: str, javascript: bool):
    page = open_page(javascript=javascript)
    for _ in range(PER_ADDRESS):
        sent = page.request.post(
            "/feedback/",
            form={"page": "/about/", "useful": "yes"},
            headers={"Origin": base_url},
            max_redirects=0,
        )
        assert sent.status == 302
    page.goto("/about/")

    answer(page, "Yes", javascript)

    expect(page.locator("#feedback h2")).to_have_text("We could not save your feedback")
    if javascript:
        expect(page.locator("#feedback h2")).to_be_focused()
        shots(page, "refused")
    assert PageFeedback.objects.count() == PER_ADDRESS
