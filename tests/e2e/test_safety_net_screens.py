"""A person's own safety-netting in Chromium: the crisis line on the first phone screen, and the
result and plan pages with their own cards, screenshotted at 375 px for a person to look at."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.audit import PHONE, assert_none, axe_problems, screenshot
from tests.e2e.checker import arrive_at_the_result

pytestmark = pytest.mark.e2e

OpenPage = Callable[..., Page]
FOLDER = "safety-net"


def result_for(page: Page, findings: dict[str, object], disposition: str) -> Page:
    page.set_viewport_size(PHONE)
    assert arrive_at_the_result(page, findings) == disposition
    return page


def test_struggling_to_cope_puts_the_crisis_line_on_the_first_phone_screen(open_page: OpenPage):
    page = result_for(open_page(), {"not_coping": True}, "gp")
    page.evaluate("() => window.scrollTo(0, 0)")

    crisis = page.locator("main .app-crisis-line")
    box = crisis.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    # Straight after the headline action, before any warning card.
    after_headline = page.locator("main [data-disposition] + .app-crisis-line")
    expect(after_headline).to_have_count(1)
    assert_none(axe_problems(page))
    screenshot(page, FOLDER, "result-not-coping")


def test_an_urgent_cancer_result_shows_the_cord_compression_signs_first(open_page: OpenPage):
    page = result_for(open_page(), {"cancer_history": True, "age": 67}, "urgent")

    cards = page.locator("main [data-care-card]")
    expect(cards.first).to_have_attribute("data-care-card", "watch-999")
    expect(page.locator("[data-care-card=watch-a-and-e]")).to_contain_text(
        "may have spinal cord compression"
    )
    assert_none(axe_problems(page))
    screenshot(page, FOLDER, "result-urgent-cancer")


def test_a_pregnant_persons_plan_shows_the_999_card_above_the_maternity_card(
    open_page: OpenPage,
):
    page = result_for(open_page(), {"pregnant": True}, "self_care")
    page.locator("main a[href='/self-care/plan/']").first.click()
    expect(page).to_have_url(re.compile(r"/self-care/plan/$"))

    names = page.locator("main [data-care-card]").evaluate_all(
        "cards => cards.map(card => card.dataset.careCard)"
    )
    # On the plan the person's own 999 sign leads the one "call 999" card.
    assert names.index("common-call-999") < names.index("pregnancy-warning-signs")
    first_sign = page.locator("[data-care-card=common-call-999] [data-sign]").first
    expect(first_sign).to_have_attribute("data-sign", "pregnancy_emergency")
    expect(page.locator("main .app-labour")).to_contain_text("37 weeks or later")
    assert_none(axe_problems(page))
    screenshot(page, FOLDER, "plan-pregnant-self-care")
