"""Losing the signal in the middle of the checker: pressing Continue says what happened, with the
emergency number, keeps the answers on the page, and works once the signal is back."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.audit import assert_none, axe_problems, screenshot, set_width
from tests.e2e.checker import Walker, page_slug
from triage.steps import EMERGENCY_STEPS

OpenPage = Callable[..., Page]


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_continue_without_a_signal_shows_an_error_with_999_and_works_again_online(
    open_page: OpenPage, width: int
):
    page = open_page()
    set_width(page, width)
    walker = Walker(page, {}, True)
    walker.start()
    first, second = EMERGENCY_STEPS[0], EMERGENCY_STEPS[1]
    none_of_these = page.locator(f"input[name={first.key}][value=none]")
    none_of_these.check()

    page.context.set_offline(True)
    page.locator("main form[method=post] button").first.click()

    summary = page.locator("[data-offline-error]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.locator("a[href='tel:999']")).to_have_text("If you need help now, call 999")
    assert page_slug(page) == first.slug
    expect(none_of_these).to_be_checked()
    assert_none(axe_problems(page, also=("region",)))
    screenshot(page, "offline", "offline-continue")

    page.context.set_offline(False)
    page.locator("main form[method=post] button").first.click()

    expect(page).to_have_url(re.compile(f"/{second.slug}/$"))
    expect(page.locator("[data-section]")).to_contain_text(second.theme)
    expect(page.locator("[data-offline-error]")).to_have_count(0)
