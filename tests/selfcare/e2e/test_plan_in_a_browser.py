"""A person with a self-care result uses their plan in Chromium, with JavaScript on and off."""

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from playwright.sync_api import Page, expect

from selfcare.diary import KEPT_DAYS
from tests.e2e.audit import assert_none, axe_problems, screenshot
from tests.e2e.checker import arrive_at_the_result
from tests.support.checker import JOURNEYS

pytestmark = pytest.mark.e2e

OpenPage = Callable[..., Page]
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
A4_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


def self_care_plan(page: Page, javascript: bool, **findings: object) -> Page:
    """Given a finished check that ended in self-care, the person opens their plan."""
    findings = {**JOURNEYS["self_care"], "pain_score": 6, **findings}
    assert arrive_at_the_result(page, findings) == "self_care"
    page.locator("main a[href='/self-care/plan/']").first.click()
    expect(page).to_have_url(re.compile(r"/self-care/plan/$"))
    return page


def submit(page: Page, button: str, javascript: bool) -> None:
    """Press a form's button and wait for the page it leads to, swapped in or loaded."""
    if javascript:
        page.evaluate("() => document.querySelector('main h1').setAttribute('data-e2e-old', '')")
        page.get_by_role("button", name=button).click()
        page.wait_for_function("() => !document.querySelector('h1[data-e2e-old]')")
    else:
        with page.expect_navigation():
            page.get_by_role("button", name=button).click()


def audit(page: Page, javascript: bool) -> None:
    """axe needs JavaScript to run; without it the same markup was checked in the other run."""
    if javascript:
        assert_none(axe_problems(page))


def printed_pages(page: Page) -> int:
    return len(A4_PAGE.findall(page.pdf(format="A4")))


@JAVASCRIPT
def test_the_plan_opens_from_the_result_and_passes_axe(open_page: OpenPage, javascript: bool):
    page = self_care_plan(open_page(javascript=javascript), javascript)

    expect(page.locator("h1")).to_have_text("The spasm is settling: keep moving and use heat")
    expect(page.locator("#get-help-heading")).to_have_text("Stop and get help if")
    audit(page, javascript)


def test_the_fullest_plan_prints_on_one_a4_page(open_page: OpenPage):
    page = self_care_plan(open_page(), True, pregnant=True)
    page.goto("/self-care/start-back/")
    # The last answer of each question scores (Agree; Extremely): a high-risk result.
    for group in page.locator("main .govuk-radios").all():
        group.locator("input").last.check()
    submit(page, "Add to my plan", True)
    page.get_by_role("link", name="Change when your pain started or how bad it is today").click()
    expect(page.locator("h1")).to_have_text("Change your plan")
    audit(page, True)
    page.locator("#id_days_since_start").fill("0")
    page.locator("#id_pain_today").fill("3")
    submit(page, "Update my plan", True)
    expect(page).to_have_url(re.compile(r"/self-care/plan/$"))

    expect(page.locator("main")).to_contain_text("High risk.")
    expect(page.locator("main")).to_contain_text("Do not take ibuprofen")
    expect(page.locator("main")).to_contain_text("Exercises in pregnancy")
    expect(page.locator(".app-plan__exercises").first).to_be_visible()
    assert printed_pages(page) == 1


@JAVASCRIPT
def test_a_diary_score_is_saved_charted_and_mistakes_are_explained(
    open_page: OpenPage, javascript: bool
):
    page = self_care_plan(open_page(javascript=javascript), javascript)
    page.get_by_role("link", name="Record your pain in your pain diary").click()
    expect(page.locator("h1")).to_have_text("Pain diary")

    page.locator("#id_pain_today").fill("eleven")
    submit(page, "Save today's score", javascript)
    expect(page.locator(".govuk-error-summary")).to_contain_text("like 5")
    expect(page.locator("#id_pain_today")).to_have_value("eleven")
    expect(page).to_have_title(re.compile(r"^Error: Pain diary"))
    if javascript:
        expect(page.locator(".govuk-error-summary")).to_be_focused()
    audit(page, javascript)

    page.locator("#id_pain_today").fill("7")
    page.get_by_label("No").check()
    submit(page, "Save today's score", javascript)
    expect(page).to_have_url(re.compile(r"/self-care/diary/$"))
    expect(page.locator("main table tbody tr td").first).to_have_text("7")
    expect(page.locator("svg.app-pain-chart circle")).to_have_count(1)
    audit(page, javascript)


@JAVASCRIPT
def test_the_questionnaire_result_appears_on_the_plan(open_page: OpenPage, javascript: bool):
    page = self_care_plan(open_page(javascript=javascript), javascript)
    page.get_by_role("link", name="Answer 9 short questions").click()
    # The last answer of each question scores (Agree; Extremely): a high-risk result.
    for group in page.locator("main .govuk-radios").all():
        group.locator("input").last.check()
    audit(page, javascript)
    submit(page, "Add to my plan", javascript)

    expect(page).to_have_url(re.compile(r"/self-care/plan/$"))
    expect(page.locator("#risk")).to_contain_text("High risk.")


def test_a_full_pain_diary_prints_on_one_a4_page_without_its_form(open_page: OpenPage):
    """Two weeks of scores, one a day (the clock moved on a day at a time in this process, which
    also runs the server), printed: the chart and the table on one sheet, and no form."""
    page = self_care_plan(open_page(), True)
    # The clock only ever moves forward: the session cookie refuses a time before it was written.
    first_day = (datetime.now(tz=UTC) + timedelta(days=1)).replace(hour=10, minute=0)
    for day in range(KEPT_DAYS):
        with time_machine.travel(first_day + timedelta(days=day), tick=True):
            page.goto("/self-care/diary/")
            page.locator("#id_pain_today").fill(str(7 - day // 3))
            page.get_by_role("radio", name="No").check()
            submit(page, "Save today's score", True)
        expect(page.locator("main table tbody tr")).to_have_count(day + 1)

    with time_machine.travel(first_day + timedelta(days=KEPT_DAYS - 1, hours=1), tick=True):
        page.goto("/self-care/diary/")
        page.emulate_media(media="print")
        forms = page.locator("main form[method=post]")
        expect(forms).not_to_have_count(0)
        for form in forms.all():
            expect(form).to_be_hidden()
        expect(page.locator("svg.app-pain-chart")).to_be_visible()
        expect(page.locator("main table tbody tr")).to_have_count(KEPT_DAYS)
        page.set_viewport_size({"width": 794, "height": 1123})
        screenshot(page, "self-care", "print-diary")
        assert printed_pages(page) == 1
