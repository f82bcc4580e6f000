"""Every page of the symptom checker, with and without its error message, checked in Chromium.

The checker's pages are reached by answering them, which a crawl cannot do; so each journey to a
result is walked, and every question is first sent empty to show its error summary too.
"""

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

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
from tests.e2e.checker import StepVisitor, Walker, fetched_in, pages_after_the_result
from tests.e2e.crawl import Site, page_name
from tests.e2e.vnu import html_errors
from tests.support import html
from tests.support.checker import JOURNEYS, next_form, walk_checker
from tests.support.server import Browser

OpenPage = Callable[..., Page]


MAIN_TEXT = "() => document.querySelector('main').textContent.replace(/\\s+/g, ' ').trim()"


def test_every_checker_page_passes_axe_reflows_zooms_and_looks_whole(
    open_page: OpenPage, site: Site
):
    """Every page on the way to each result, each question also with its error message, and
    the pages only a result opens, each checked once: a page with the same address and words
    as one an earlier journey reached is the same page. Screenshots of each at 375 and 1280
    pixels land in screenshots/checker/."""
    problems: list[str] = []
    checked: set[tuple[str, str]] = set()
    known = {page.url for page in site.pages}

    def audit(page: Page, name: str) -> None:
        identity = (urlsplit(page.url).path, str(page.evaluate(MAIN_TEXT)))
        if identity in checked:
            return
        checked.add(identity)
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

    def audit_as(journey: str) -> StepVisitor:
        return lambda page, label, _html: audit(page, f"{journey}-{label}")

    for disposition, findings in JOURNEYS.items():
        walker = Walker(open_page(), findings, True, audit_as(disposition))
        assert walker.run(with_errors=True) == disposition
        for url in pages_after_the_result(fetched_in(walker.page), walker.page.url, known):
            walker.page.goto(url)
            audit(walker.page, f"{disposition}-then-{page_name(url)}")
        walker.page.context.close()

    assert len(checked) > 2 * len(JOURNEYS)
    assert_none(problems)


def journey_with_errors(base_url: str, findings: dict[str, object], known: set[str]) -> list[str]:
    """Every page of a journey over HTTP as the server sends it, each question also sent
    unanswered first (as by someone who pressed Continue too soon), then the pages only the
    result opens."""
    browser = Browser(base_url)
    seen: list[html.Page] = []

    def fetch(method: str, url: str, data: dict[str, list[str]] | None) -> html.Page:
        asked = next_form(seen[-1]) if seen else None
        if method == "POST" and asked is not None and asked.asks():
            given = data or {}
            hidden = {name: given[name] for name in given if asked.kinds[name] == "hidden"}
            error = browser.fetch(method, url, hidden)
            assert error.soup.select_one(".govuk-error-summary") is not None, url
            seen.append(error)
        page = browser.fetch(method, url, data)
        seen.append(page)
        return page

    result = walk_checker(fetch, findings)
    after = pages_after_the_result(browser.get, result.url, known)
    return [page.html for page in seen] + [browser.get(url).html for url in after]


def test_every_page_is_valid_html(base_url: str, site: Site, tmp_path: Path):
    """Full pages as the server sends them: the crawled pages, the page-not-found page, and
    every checker page on the way to each result, each question also with its error message."""
    pages = {page.name: page.html for page in site.all_pages}
    known = {page.url for page in site.pages}
    for disposition, findings in JOURNEYS.items():
        for number, page in enumerate(journey_with_errors(base_url, dict(findings), known)):
            pages[f"check-{disposition}-{number:02d}"] = page

    assert len(pages) > len(site.all_pages) + 20
    assert_none(html_errors(pages, tmp_path))
