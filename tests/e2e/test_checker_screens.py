"""The checker's pages on a phone: the emergency screen a page at a time, a question, printing.

Screenshots of the start page, each emergency page, a question and Start again, at 375 and 1280
pixels, land in screenshots/checker-screens/ for a person to look at after a run (each result
is in screenshots/checker/).
"""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from tests.e2e.audit import (
    DESKTOP_WIDTH,
    PHONE,
    PHONE_WIDTH,
    assert_none,
    axe_problems,
    screenshot,
    set_width,
)
from tests.e2e.checker import (
    Walker,
    arrive_at_the_result,
    disposition_of,
    page_slug,
    question_form,
)
from tests.support.checker import JOURNEYS, START
from triage.steps import EMERGENCY_STEPS

OpenPage = Callable[..., Page]
FOLDER = "checker-screens"
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


def question_height(page: Page) -> float:
    """From the top of the section caption to the bottom of Continue, in CSS pixels: the part
    of the page a person needs on screen, once the site's header has scrolled away."""
    return float(
        page.evaluate(
            """() => {
                const form = document.querySelector('main form[method=post]');
                const top = form.querySelector('[data-section]').getBoundingClientRect().top;
                const button = form.querySelector('button[type=submit], button:not([type])');
                return button.getBoundingClientRect().bottom - top;
            }"""
        )
    )


def answer_in_the_browser_up_to(walker: Walker, slug: str) -> None:
    """Answer each page in Chromium, up to and including the question at ``slug``."""
    walker.start()
    while page_slug(walker.page) != slug:
        walker.answer()
    walker.answer()


def both_widths(page: Page, name: str) -> None:
    for width in (PHONE_WIDTH, DESKTOP_WIDTH):
        set_width(page, width)
        screenshot(page, FOLDER, name)
    page.set_viewport_size(PHONE)


@JAVASCRIPT
def test_each_emergency_page_from_its_caption_to_continue_fits_one_phone_screen(
    open_page: OpenPage, javascript: bool, record_property: Callable[[str, object], None]
):
    page = open_page(javascript=javascript)
    page.set_viewport_size(PHONE)
    if javascript:
        page.goto(START)
        both_widths(page, "start")
    walker = Walker(page, {}, javascript)
    walker.start()

    heights: dict[str, float] = {}
    for step in EMERGENCY_STEPS:
        assert page_slug(page) == step.slug
        if javascript:
            both_widths(page, step.slug)
        expect(page.locator(f"input[name={step.key}][value=none]")).to_be_visible()
        heights[step.slug] = question_height(page)
        walker.answer()

    assert page_slug(page) == "age"
    sizes = ", ".join(f"{slug} {height:.0f}" for slug, height in heights.items())
    record_property("checker_figures", f"emergency pages at 375 px, caption to Continue: {sizes}")
    assert all(height <= PHONE["height"] for height in heights.values()), heights


@JAVASCRIPT
def test_an_answer_on_the_last_emergency_page_ends_the_checker_at_once(
    open_page: OpenPage, javascript: bool
):
    last_page_sign = EMERGENCY_STEPS[-1].findings[-1].id
    walker = Walker(open_page(javascript=javascript), {last_page_sign: True}, javascript)

    assert walker.run() == "emergency"
    assert [label.split("-", 1)[1] for label in walker.visited] == [
        "start",
        *(step.slug for step in EMERGENCY_STEPS),
        "result",
    ]


@JAVASCRIPT
def test_not_sure_about_pregnancy_counts_as_pregnant_and_suggests_a_test(
    open_page: OpenPage, javascript: bool
):
    walker = Walker(open_page(javascript=javascript), {"pregnant": "not_sure"}, javascript)
    answer_in_the_browser_up_to(walker, "pregnancy")

    assert walker.finish_over_http() == "self_care"
    expect(walker.page.locator("[data-care-card=pregnancy-warning-signs]")).to_be_visible()
    expect(walker.page.get_by_text("A pregnancy test can tell you")).to_be_visible()


@JAVASCRIPT
def test_how_long_in_weeks_reaches_the_gp_result_for_pain_lasting_6_weeks(
    open_page: OpenPage, javascript: bool
):
    findings = {"duration_days": 6, "duration_unit": "weeks"}
    walker = Walker(open_page(javascript=javascript), findings, javascript)
    answer_in_the_browser_up_to(walker, "how-long")

    assert walker.finish_over_http() == "gp"


def test_a_question_page_looks_right_at_both_widths(open_page: OpenPage):
    walker = Walker(open_page(), {}, True)
    walker.start()
    while page_slug(walker.page) != "how-long":
        walker.answer()

    both_widths(walker.page, "question-how-long")

    expect(question_form(walker.page).locator("input[name=duration_unit]")).to_have_count(3)


A4_AT_96_DPI = ViewportSize(width=794, height=1123)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))


PRINTED_ADDRESSES = """() => [...document.querySelectorAll('a[href]')]
    .map(a => getComputedStyle(a, '::after').content)
    .filter(content => content.includes('/') || content.includes('http'))"""


@pytest.mark.parametrize("disposition", list(JOURNEYS))
def test_each_result_prints_on_at_most_two_a4_pages_without_link_addresses(
    open_page: OpenPage, disposition: str, record_property: Callable[[str, object], None]
):
    page = open_page()
    assert arrive_at_the_result(page, JOURNEYS[disposition]) == disposition

    page.emulate_media(media="print")
    page.set_viewport_size(A4_AT_96_DPI)
    screenshot(page, FOLDER, f"print-{disposition}")
    printed_addresses = page.evaluate(PRINTED_ADDRESSES)
    pages = pdf_pages(page.pdf(format="A4"))

    record_property("checker_figures", f"{disposition} result printed on A4: {pages} pages")
    assert printed_addresses == []
    assert 1 <= pages <= 2


@JAVASCRIPT
def test_start_again_asks_before_clearing_the_answers(open_page: OpenPage, javascript: bool):
    page = open_page(javascript=javascript)
    assert arrive_at_the_result(page, {}) == "self_care"
    result_url = page.url

    page.locator("main a", has_text="Start again").click()
    expect(page.locator("h1")).to_have_text("Do you want to clear your answers and start again?")
    if javascript:  # axe runs as a script in the page
        assert_none(axe_problems(page, also=("region",)))
        both_widths(page, "start-again")
    page.get_by_role("link", name="No, go back").click()
    expect(page).to_have_url(result_url)
    assert disposition_of(page) == "self_care"

    page.locator("main a", has_text="Start again").click()
    page.get_by_role("button", name="Yes, clear my answers").click()
    expect(page).to_have_url(re.compile(r"/check/$"))
    page.goto(result_url)
    expect(page).to_have_url(re.compile(r"/check/emergency-signs/$"))
