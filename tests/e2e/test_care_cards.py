"""Care cards in Chromium: accessible at 320 px and on paper, and the emergency signs in view on a
phone without scrolling."""

import re

from playwright.sync_api import Locator, Page, expect

from tests.e2e.audit import (
    PHONE,
    REFLOW_WIDTH,
    assert_none,
    axe_problems,
    overflow_problems,
    set_width,
)
from tests.e2e.crawl import Site

ARTICLE = re.compile(r"^/guidance/[a-z0-9-]+/$")
# Between them these pages show every card: the full lists, the shorter ones and the compact ones.
CARD_PAGES = (
    "/",
    "/guidance/when-to-get-help/",
    "/guidance/symptoms/",
    "/guidance/serious-causes/",
    "/self-care/",
    "/this-page-does-not-exist/",
)


def in_view(locator: Locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_care_cards_pass_axe_at_320_px_and_in_print(page: Page):
    set_width(page, REFLOW_WIDTH)
    problems: list[str] = []
    shown: set[str] = set()
    for url in CARD_PAGES:
        page.goto(url)
        shown |= set(page.locator("[data-care-card]").evaluate_all("cards => cards.map(c => c.id)"))
        problems += axe_problems(page) + overflow_problems(page)
        page.emulate_media(media="print")
        problems += [f"printed: {problem}" for problem in axe_problems(page)]
        page.emulate_media(media="screen")

    assert_none(problems)
    assert len(shown) >= 9


def test_the_emergency_card_is_visible_without_scrolling_on_a_phone_on_the_home_page(page: Page):
    page.set_viewport_size(PHONE)
    page.goto("/")
    card = page.locator("main .app-care-card").first

    expect(card).to_contain_text("Call 999 or go to A&E now")
    assert in_view(card, PHONE["height"])
    assert page.evaluate("() => window.scrollY") == 0


def test_every_article_shows_a_way_to_the_emergency_signs_without_scrolling(page: Page, site: Site):
    page.set_viewport_size(PHONE)
    articles = [site_page.url for site_page in site.pages if ARTICLE.match(site_page.url)]
    assert len(articles) >= 9
    hidden = []
    for url in articles:
        page.goto(url)
        link = page.locator("main .app-emergency-link a")
        if not in_view(link, PHONE["height"]):
            hidden.append(url)
    assert hidden == []

    page.locator("main .app-emergency-link a").click()
    expect(page.locator("#care-card-all-emergencies")).to_be_visible()
    expect(page.locator("#care-card-all-emergencies")).to_contain_text("Call 999 now")
