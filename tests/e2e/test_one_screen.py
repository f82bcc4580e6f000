"""The pages a frightened person meets first fit one screen: the start page and each emergency
page end with their button by 700 px on a 375x812 phone (a real phone shows about 630-700 px
below its toolbars) and within a 1280x800 desktop, with every criterion of the page in a
visible label; check your answers has its button on the first screen.

Phones draw text in an Arial-width font, so the pages are measured in Liberation Sans (added by
the test, which is why these contexts bypass the Content Security Policy). At 320 px the pages
must reflow without scrolling sideways, with every criterion still shown.
"""

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, ViewportSize, expect

from tests.e2e.audit import DESKTOP, PHONE, assert_none, axe_problems, overflow_problems, screenshot
from tests.e2e.checker import Walker, arrive_at_check_your_answers, page_slug
from tests.support.checker import START
from triage.steps import EMERGENCY_STEPS

ARIAL_WIDTH = "* { font-family: 'Liberation Sans', Arial, sans-serif !important; }"
NARROW = ViewportSize(width=320, height=812)
# Where the button must end: above a phone's toolbars, and within the desktop window.
BUTTON_ENDS_BY = {375: 700, 1280: 800}
FOLDER = "one-screen"
SUBMIT = "main form[method=post] button"


def arial_width(page: Page) -> None:
    page.add_style_tag(content=ARIAL_WIDTH)
    assert "Liberation Sans" in page.evaluate("getComputedStyle(document.body).fontFamily")


def bottom(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"] + box["height"]


@pytest.fixture
def sized_page(new_context: Callable[..., BrowserContext]) -> Iterator[Callable[..., Page]]:
    def _open(viewport: ViewportSize) -> Page:
        page = new_context(bypass_csp=True).new_page()
        page.set_viewport_size(viewport)
        return page

    yield _open


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_start_page_and_each_emergency_page_end_with_their_button_on_the_first_screen(
    sized_page: Callable[..., Page],
    viewport: ViewportSize,
    record_property: Callable[[str, object], None],
):
    page = sized_page(viewport)
    limit = BUTTON_ENDS_BY[viewport["width"]]
    page.goto(START)
    arial_width(page)
    bottoms = {"start": bottom(page, ".govuk-button--start")}
    screenshot(page, FOLDER, "start")
    walker = Walker(page, {}, True)
    walker.start()

    for step in EMERGENCY_STEPS:
        assert page_slug(page) == step.slug
        arial_width(page)
        screenshot(page, FOLDER, step.slug)
        for finding in step.findings:
            expect(page.locator("main label", has_text=finding.label)).to_be_visible()
        bottoms[step.slug] = bottom(page, SUBMIT)
        assert_none(axe_problems(page, also=("region",)))
        walker.answer()

    figures = ", ".join(f"{name} {value:.0f}" for name, value in bottoms.items())
    record_property("checker_figures", f"buttons end at {viewport['width']} px: {figures}")
    assert all(value <= limit for value in bottoms.values()), bottoms


def test_at_320_px_the_emergency_pages_reflow_with_every_criterion_shown(
    sized_page: Callable[..., Page],
):
    page = sized_page(NARROW)
    walker = Walker(page, {}, True)
    walker.start()

    for step in EMERGENCY_STEPS:
        arial_width(page)
        for finding in step.findings:
            expect(page.locator("main label", has_text=finding.label)).to_be_visible()
        expect(page.locator(SUBMIT)).to_be_visible()
        assert_none(overflow_problems(page))
        walker.answer()


@pytest.mark.parametrize("viewport", [NARROW, PHONE, DESKTOP], ids=["320", "375", "1280"])
def test_check_your_answers_has_its_button_on_the_first_screen(
    sized_page: Callable[..., Page],
    viewport: ViewportSize,
    record_property: Callable[[str, object], None],
):
    page = sized_page(viewport)
    arrive_at_check_your_answers(page, {})
    arial_width(page)
    screenshot(page, FOLDER, "answers")

    button = bottom(page, "main form[method=post] button")

    record_property(
        "checker_figures", f"get your advice ends at {viewport['width']} px: {button:.0f}"
    )
    assert button <= viewport["height"]
    assert page.locator("[data-nothing-found] a", has_text="Change").count() >= 10
    assert_none(axe_problems(page, also=("region",)))
    assert_none(overflow_problems(page))
