"""A person comes back to their plan, and their plan listens to their diary, in Chromium with
JavaScript on and off."""

import re
from datetime import datetime

import icalendar
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.audit import DESKTOP, PHONE, screenshot
from tests.selfcare.e2e.test_plan_in_a_browser import (
    JAVASCRIPT,
    OpenPage,
    audit,
    self_care_plan,
    submit,
)

pytestmark = pytest.mark.e2e


def shots(page: Page, name: str) -> None:
    """Look at it on a phone and on a desktop (under screenshots/coming-back/)."""
    original = page.viewport_size
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        screenshot(page, "coming-back", name)
    if original:
        page.set_viewport_size(original)


def reopened(context: BrowserContext) -> Page:
    """The person closed the tab and opens the site again in the same browser."""
    for open_page in context.pages:
        open_page.close()
    return context.new_page()


@JAVASCRIPT
def test_a_returning_visitor_reaches_the_plan_from_the_home_page(
    open_page: OpenPage, javascript: bool
):
    first_visit = self_care_plan(open_page(javascript=javascript), javascript)
    page = reopened(first_visit.context)

    page.goto("/")
    expect(page.locator("#navigation")).to_contain_text("Your plan")
    if javascript:
        shots(page, "home-with-a-result")
        audit(page, javascript)
    page.locator("main .app-your-pages").get_by_role("link", name="Your plan").click()

    expect(page).to_have_url(re.compile(r"/self-care/plan/$"))
    expect(page.locator("h1")).to_have_text("The spasm is settling: keep moving and use heat")


def test_a_new_visitor_sees_no_personal_links_and_a_bookmarked_plan_explains_why(
    open_page: OpenPage,
):
    page = open_page()
    page.goto("/")
    expect(page.locator(".app-your-pages")).to_have_count(0)
    shots(page, "home-without-a-result")

    page.goto("/self-care/plan/")

    expect(page).to_have_url(re.compile(r"/self-care/plan/$"))
    expect(page.locator("h1")).to_have_text("We cannot find your plan")
    expect(page.get_by_role("button", name="Check your symptoms")).to_have_attribute(
        "href", "/check/"
    )
    shots(page, "plan-without-a-result")
    audit(page, True)


@JAVASCRIPT
def test_the_plan_reacts_to_a_diary_entry_with_pain_up(open_page: OpenPage, javascript: bool):
    page = self_care_plan(open_page(javascript=javascript), javascript)
    page.get_by_role("link", name="Record your pain in your pain diary").click()
    page.locator("#id_pain_today").fill("8")
    page.get_by_label("No").check()
    submit(page, "Save today's score", javascript)
    expect(page.locator("#check-again-heading")).to_have_text("Your pain has gone up")
    if javascript:
        shots(page, "diary-pain-up")

    page.set_viewport_size(PHONE)
    page.get_by_role("link", name="Back to your plan").click()

    expect(page.locator("h1")).to_have_text("Your pain has gone up: check your symptoms again")
    check_again = page.locator("main .app-callout").get_by_role(
        "button", name="Check your symptoms again"
    )
    expect(check_again).to_be_in_viewport()
    box = check_again.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], "below the fold"
    expect(page.locator("main")).to_contain_text("On hold until your pain stops going up")
    expect(page.locator(".app-plan__item--exercise")).to_have_count(0)
    audit(page, javascript)
    if javascript:
        shots(page, "plan-pain-up")

    check_again.click()
    expect(page).to_have_url(re.compile(r"/check/emergency-signs/$"))


@JAVASCRIPT
def test_the_calendar_has_one_recurring_event_for_each_session(
    open_page: OpenPage, javascript: bool
):
    page = self_care_plan(open_page(javascript=javascript), javascript)

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Add every heat and exercise session")).click()
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())

    heat = [event for event in calendar.events if str(event["SUMMARY"]) == "Heat on your back"]
    assert len(heat) == 4
    for event in heat:
        assert [rule.to_ical() for rule in event.rrules] == [b"FREQ=DAILY;COUNT=14"]
        assert event.walk("VALARM"), "each session keeps its reminder"
        assert isinstance(event.start, datetime)
