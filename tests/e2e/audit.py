"""Checks run in Chromium on any page: axe-core, reflow, text zoom and "does it look broken"."""

import os
from pathlib import Path
from typing import Any, cast

from playwright.sync_api import Locator, Page, ViewportSize

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = ROOT / "screenshots"
TAKE_SCREENSHOTS = os.environ.get("SCREENSHOTS") == "1"
REFLOW_WIDTH = 320  # WCAG 1.4.10: content reflows at 320 CSS pixels with no scrolling sideways
PHONE_WIDTH = 375
DESKTOP_WIDTH = 1280
# The screens every page is looked at on: a phone (375 x 812) and a laptop.
PHONE = ViewportSize(width=PHONE_WIDTH, height=812)
DESKTOP = ViewportSize(width=DESKTOP_WIDTH, height=800)
# Elements whose words must stay whole when text is zoomed: they carry the page's meaning.
ZOOM_CRITICAL = "h1, h2, h3, .govuk-button, .govuk-label, .govuk-fieldset__legend, .govuk-back-link"


def assert_none(problems: list[str]) -> None:
    """Fail with every problem on its own line, rather than a truncated list."""
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def axe_problems(page: Page, also: tuple[str, ...] = ()) -> list[str]:
    """Every WCAG 2.0, 2.1 and 2.2 A and AA violation axe-core finds, one readable line each,
    and those of the named best-practice rules in ``also`` (such as "region").

    axe is evaluated through the DevTools protocol, which the page's Content Security Policy does
    not govern, so the site's strict policy stays on while it runs (a <script> tag would be
    blocked, and should be).
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    results = cast(
        dict[str, Any],
        page.evaluate(
            # Details of passing rules are not needed, and collecting them doubles the run time.
            "([tags, also]) => axe.run(document, {"
            "runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],"
            "rules: Object.fromEntries(also.map(rule => [rule, {enabled: true}]))})",
            [AXE_TAGS, list(also)],
        ),
    )
    rules_run = {
        rule["id"] for key in ("passes", "violations", "incomplete") for rule in results[key]
    }
    problems = [
        f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in results["violations"]
    ]
    if "color-contrast" not in rules_run:
        problems.append(f"{page.url}: axe did not check colour contrast")
    problems += [f"{page.url}: axe did not run {rule}" for rule in also if rule not in rules_run]
    return problems


def overflow_problems(page: Page) -> list[str]:
    """Horizontal scrolling, and the words of a heading, label or button spilling out of their box
    or off the screen (visually hidden text is meant to be clipped and is left out)."""
    width = page.viewport_size["width"] if page.viewport_size else 0
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    problems = []
    if scroll_width > width:
        problems.append(
            f"{page.url}: scrolls sideways at {width}px (the page is {scroll_width}px wide)"
        )
    spilling = page.evaluate(
        """([selector, width]) => [...document.querySelectorAll(selector)]
            .filter(el => el.getClientRects().length > 0 && !el.closest('.govuk-visually-hidden'))
            .filter(el => {
                const box = el.getBoundingClientRect();
                const range = document.createRange();
                range.selectNodeContents(el);
                const text = range.getBoundingClientRect();
                return text.right > Math.min(box.right, width) + 1 || text.left < box.left - 1;
            })
            .map(el => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`)""",
        [ZOOM_CRITICAL, width],
    )
    problems += [f"{page.url}: at {width}px, {item} does not fit" for item in spilling]
    return problems


def zoom_text(page: Page) -> list[str]:
    """Double the root font size, as a browser's text-size setting does, and say if it failed.

    GOV.UK Frontend sizes type in rem, so text grows with the root font size. The heading's size
    is compared before and after, so a page whose text did not grow cannot pass by accident.
    """
    heading_size = "() => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)"
    before = page.evaluate(heading_size)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    after = page.evaluate(heading_size)
    if after < before * 1.9:
        return [
            f"{page.url}: the main heading did not grow with text zoom ({before}px to {after}px)"
        ]
    return []


def broken_look_problems(page: Page) -> list[str]:
    """Signs a screenshot would show as broken: no styles, missing images, no single heading."""
    found = page.evaluate(
        """() => ({
            styled: [...document.styleSheets].some(
                sheet => (sheet.href || '').endsWith('/main.css') && sheet.cssRules.length > 0),
            systemFont: !getComputedStyle(
                document.querySelector('h1 > *:not(.govuk-visually-hidden)')
                || document.querySelector('h1') || document.body
            ).fontFamily.toLowerCase().includes('times'),
            brokenImages: [...document.images]
                .filter(img => !img.complete || img.naturalWidth === 0).map(img => img.src),
            headings: [...document.querySelectorAll('h1')]
                .filter(h => h.getClientRects().length > 0).length,
            mainText: (document.querySelector('main')?.innerText || '').trim().length,
        })"""
    )
    problems = []
    if not found["styled"] or not found["systemFont"]:
        problems.append(f"{page.url}: the stylesheet did not apply")
    problems += [f"{page.url}: image did not load: {src}" for src in found["brokenImages"]]
    if found["headings"] != 1:
        problems.append(f"{page.url}: shows {found['headings']} main headings, not 1")
    if found["mainText"] < 40:
        problems.append(f"{page.url}: the main content is almost empty")
    return problems


def screenshot(page: Page | Locator, folder: str, name: str) -> None:
    """A full-page PNG (or one of the element a locator finds) under screenshots/, git-ignored,
    for a person to look at after `make screenshots`. The tests' own checks need none, and a
    screenshot costs a third of a page's checks, so other runs take none."""
    if not TAKE_SCREENSHOTS:
        return
    if isinstance(page, Locator):
        page.first.screenshot(path=SCREENSHOTS / folder / f"{name}.png", animations="disabled")
        return
    width = page.viewport_size["width"] if page.viewport_size else 0
    path = SCREENSHOTS / folder / f"{name}-{width}.png"
    page.screenshot(path=path, full_page=True, animations="disabled")


def set_width(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
