"""Every page of the symptom checker, with and without its error message, checked in Chromium.

The checker's pages are reached by answering them, which a crawl cannot do; so each journey to a
result is walked, and every question is first sent empty to show its error summary too.
"""

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.e2e.audit import (
    DESKTOP_WIDTH,
    PHONE_WIDTH,
    REFLOW_WIDTH,
    assert_none,
    axe_problems,
    broken_look_problems,
    overflow_problems,
    screenshot,
    set_width,
    zoom_text,
)
from tests.e2e.checker import Walker, pages_after_the_result
from tests.e2e.crawl import Site, page_name
from tests.e2e.vnu import html_errors
from tests.support.checker import JOURNEYS

OpenPage = Callable[..., Page]


@pytest.mark.parametrize("disposition", list(JOURNEYS))
def test_every_checker_page_passes_axe_reflows_zooms_and_looks_whole(
    open_page: OpenPage, site: Site, disposition: str
):
    """Screenshots of each step at 375 and 1280 pixels land in screenshots/checker/."""
    problems: list[str] = []

    def audit(page: Page, label: str, html: str | None) -> None:
        name = f"{disposition}-{label}"
        problems.extend(axe_problems(page, also=("region",)) + broken_look_problems(page))
        screenshot(page, "checker", name)
        for width in (PHONE_WIDTH, REFLOW_WIDTH):
            set_width(page, width)
            if width == PHONE_WIDTH:
                screenshot(page, "checker", name)
            problems.extend(overflow_problems(page))
        set_width(page, DESKTOP_WIDTH)
        problems.extend(zoom_text(page) + overflow_problems(page))
        page.evaluate("() => { document.documentElement.style.fontSize = ''; }")

    walker = Walker(open_page(), JOURNEYS[disposition], True, audit)

    assert walker.run(with_errors=True) == disposition
    for url in pages_after_the_result(walker.page, {page.url for page in site.pages}):
        walker.page.goto(url)
        audit(walker.page, f"then-{page_name(url)}", None)
    assert_none(problems)


def test_every_page_is_valid_html(open_page: OpenPage, site: Site, tmp_path: Path):
    """Full pages as the server sends them: the crawled pages, the page-not-found page, and
    every checker page on the way to each result, each question also with its error message."""
    pages = {page.name: page.html for page in site.all_pages}
    for disposition, findings in JOURNEYS.items():

        def keep(page: Page, label: str, html: str | None, prefix: str = disposition) -> None:
            pages[f"check-{prefix}-{label}"] = html or page.content()

        walker = Walker(open_page(javascript=False), findings, False, keep)
        walker.run(with_errors=True)
        for url in pages_after_the_result(walker.page, {page.url for page in site.pages}):
            pages[f"check-{disposition}-then-{page_name(url)}"] = walker.page.request.get(
                url
            ).text()

    assert len(pages) > len(site.all_pages) + 20
    assert_none(html_errors(pages, tmp_path))
