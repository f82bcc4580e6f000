"""A person searches the site in Chromium, with JavaScript on and off."""

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import time_machine
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.e2e.audit import assert_none, axe_problems, screenshot, set_width

OpenPage = Callable[..., Page]
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


def search_for(page: Page, words: str) -> None:
    page.goto("/search/")
    page.get_by_label("Search this site").fill(words)
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#results-heading")).to_be_visible()


def result_links(page: Page) -> list[str]:
    return [
        str(link.get_attribute("href"))
        for link in page.locator("main ul[aria-labelledby=results-heading] h3 a").all()
    ]


@JAVASCRIPT
def test_search_finds_an_exercise_and_other_forms_of_a_word(open_page: OpenPage, javascript: bool):
    page = open_page(javascript=javascript)

    search_for(page, "knee rolls")
    assert result_links(page)[0] == "/self-care/exercises/knee-rolls/"
    search_for(page, "stretching")
    expect(page.locator("main mark").first).to_have_text(re.compile(r"^stretch", re.IGNORECASE))
    page.get_by_role("link", name="Arm raise stretch").click()
    expect(page.locator("h1")).to_have_text("Arm raise stretch")


@JAVASCRIPT
def test_a_misspelling_is_forgiven_with_did_you_mean(open_page: OpenPage, javascript: bool):
    page = open_page(javascript=javascript)

    search_for(page, "ibuprofin")
    expect(page.locator("main")).to_contain_text("Did you mean ibuprofen?")
    expect(page.locator("#results-heading")).to_contain_text("for ‘ibuprofen’")
    assert result_links(page)[0] == "/guidance/medicines/"
    page.get_by_role("link", name="ibuprofen", exact=True).click()
    expect(page.locator("#results-heading")).to_contain_text("for ‘ibuprofen’")
    expect(page.locator("main")).not_to_contain_text("Did you mean")


def test_search_results_pass_axe_and_look_right_on_a_phone_and_a_desktop(open_page: OpenPage):
    page = open_page()
    search_for(page, "ibuprofin")
    for width in (375, 1280):
        set_width(page, width)
        screenshot(page, "search", "did-you-mean")

    assert_none(axe_problems(page))


def test_a_warning_sign_in_everyday_words_shows_its_card_above_the_results(open_page: OpenPage):
    page = open_page()
    search_for(page, "can’t pee")

    card = page.locator("main [data-care-card=cauda-equina]")
    expect(card).to_be_visible()
    expect(card.locator("[data-sign=bladder_dysfunction]")).to_be_visible()
    card_top = card.bounding_box()
    results_top = page.locator("#results-heading").bounding_box()
    assert card_top is not None and results_top is not None
    assert card_top["y"] < results_top["y"]
    assert result_links(page)[0] == "/guidance/when-to-get-help/"
    for width in (375, 1280):
        set_width(page, width)
        screenshot(page, "search", "care-card")

    assert_none(axe_problems(page))


def test_no_results_shows_the_emergency_card_and_the_checker(open_page: OpenPage):
    page = open_page()
    search_for(page, "xylophone")

    expect(page.locator("main [data-care-card=common-emergencies]")).to_be_visible()
    expect(page.get_by_role("button", name="Check your symptoms")).to_have_attribute(
        "href", "/check/"
    )
    for width in (375, 1280):
        set_width(page, width)
        screenshot(page, "search", "no-results")

    assert_none(axe_problems(page))


# The limit counts in windows of a minute; the server's clock (this process's) stands still, so
# the test never straddles two of them.
@time_machine.travel(datetime(2026, 12, 7, 10, 0, 5, tzinfo=UTC), tick=False)
def test_too_many_searches_get_a_plain_page_with_the_emergency_card(open_page: OpenPage):
    page = open_page()
    limit = int(settings.SEARCH_RATE_PER_ADDRESS.split("/")[0])
    # Every request from the browser comes from one address, as from one person. The limit
    # counts in fixed one-minute windows: should one end mid-loop, the count starts again and
    # reaches the limit within the second run of searches.
    for _ in range(2 * limit + 1):
        response = page.request.get("/search/?q=spasm")
        if response.status == 429:
            break
    assert response.status == 429

    limited = page.goto("/search/?q=spasm")
    assert limited is not None and limited.status == 429
    expect(page.locator("h1")).to_have_text("Too many searches: try again in a minute")
    expect(page.locator("main [data-care-card=common-emergencies]")).to_be_visible()
    for width in (375, 1280):
        set_width(page, width)
        screenshot(page, "search", "too-many")

    assert_none(axe_problems(page))
