"""Every page a visitor can reach, checked in Chromium: accessibility, reflow, zoom and looks.

Pages come from crawling the site (see crawl.py), so new pages are covered without editing here.
Each test visits every page and reports all failing pages at once, one readable line each.
"""

from collections.abc import Callable

from playwright.sync_api import ConsoleMessage, Page, Response

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
from tests.e2e.crawl import Page as SitePage
from tests.e2e.crawl import Site


def visit(page: Page, site_page: SitePage) -> None:
    response = page.goto(site_page.url)
    assert response is not None and response.status == site_page.status, site_page.url


def check_every_page(page: Page, site: Site, check: Callable[[Page], list[str]]) -> list[str]:
    problems: list[str] = []
    for site_page in site.all_pages:
        visit(page, site_page)
        problems += check(page)
    return problems


def test_the_crawl_finds_the_public_pages(site: Site):
    urls = {page.url for page in site.pages}

    assert {"/", "/about/", "/privacy/", "/accessibility/"} <= urls
    assert {"/check/", "/self-care/", "/guidance/", "/search/"} <= urls
    assert any(url.startswith("/guidance/") and url != "/guidance/" for url in urls)
    assert any(url.startswith("/search/?") for url in urls)
    assert site.missing is not None and "Page not found" in site.missing.html


def test_every_link_between_pages_leads_somewhere(site: Site):
    assert_none([str(link) for link in site.broken_links])


def test_every_page_passes_axe_wcag_22_aa(page: Page, site: Site):
    assert_none(check_every_page(page, site, axe_problems))


def test_every_page_looks_whole_reflows_and_stays_whole_with_text_zoomed_to_200_percent(
    page: Page, site: Site
):
    """Each page, loaded once: whole at phone and desktop widths (full-page screenshots land in
    screenshots/pages/ for a person to look through), reflowing at 320 pixels without scrolling
    sideways, and whole with its text zoomed to 200% on a desktop."""
    problems: list[str] = []
    for site_page in site.all_pages:
        visit(page, site_page)
        for width in (PHONE_WIDTH, REFLOW_WIDTH, DESKTOP_WIDTH):
            set_width(page, width)
            if width != REFLOW_WIDTH:
                problems += broken_look_problems(page)
                screenshot(page, "pages", site_page.name)
            problems += overflow_problems(page)
        problems += zoom_text(page) + overflow_problems(page)

    assert_none(problems)


def test_every_page_loads_without_script_errors_csp_violations_or_missing_files(
    page: Page, site: Site
):
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(f"{page.url}: console error: {message.text}")

    def on_response(response: Response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{page.url}: {response.url} answered {response.status}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: script error: {error}"))
    page.on("response", on_response)
    for site_page in site.all_pages:
        visit(page, site_page)
        page.wait_for_load_state("load")

    assert_none(problems)
