"""In forced colours (Windows high contrast) backgrounds are dropped and borders drawn in the
text colour: every care card and callout keeps a border, and the emergency cards' is the
thickest, so the most urgent advice still looks the strongest."""

from collections.abc import Callable
from typing import Any, cast

import pytest
from playwright.sync_api import Page

from tests.e2e.audit import PHONE_WIDTH, screenshot, set_width
from tests.e2e.checker import arrive_at_the_result
from tests.support.checker import JOURNEYS

OpenPage = Callable[..., Page]
FOLDER = "forced-colours"
EMERGENCY = ".app-care-card--emergency, .app-care-card--call-999, .app-care-card--a-and-e"
BOXES = """(emergency) => [...document.querySelectorAll('.app-care-card, .app-callout')]
    .filter(box => box.getClientRects().length > 0)
    .map(box => {
        const style = getComputedStyle(box);
        const sides = ['top', 'right', 'bottom', 'left'];
        return {
            name: box.className,
            emergency: box.matches(emergency),
            widths: sides.map(side => parseFloat(style.getPropertyValue(`border-${side}-width`))),
            colours: sides.map(side => style.getPropertyValue(`border-${side}-color`)),
        };
    })"""


def boxes(page: Page) -> list[dict[str, Any]]:
    return cast(list[dict[str, Any]], page.evaluate(BOXES, EMERGENCY))


def transparent(colour: str) -> bool:
    """A computed colour with no opacity: ``rgba(r, g, b, 0)`` (rgb() is always opaque)."""
    compact = colour.replace(" ", "")
    return compact == "transparent" or (compact.startswith("rgba(") and compact.endswith(",0)"))


def assert_borders_in_forced_colours(page: Page) -> list[dict[str, Any]]:
    page.emulate_media(forced_colors="active")
    found = boxes(page)
    assert found, f"{page.url} shows no care card or callout"
    for box in found:
        assert all(width > 0 for width in box["widths"]), box
        assert not any(transparent(colour) for colour in box["colours"]), box
    emergency = [min(box["widths"]) for box in found if box["emergency"]]
    others = [max(box["widths"]) for box in found if not box["emergency"]]
    if emergency and others:
        assert min(emergency) > max(others), found
    return found


@pytest.mark.parametrize("disposition", list(JOURNEYS))
def test_every_result_keeps_its_card_borders_in_forced_colours(
    open_page: OpenPage, disposition: str
):
    page = open_page()
    assert arrive_at_the_result(page, JOURNEYS[disposition]) == disposition

    assert_borders_in_forced_colours(page)
    set_width(page, PHONE_WIDTH)
    screenshot(page, FOLDER, f"result-{disposition}")


def test_the_page_of_every_warning_sign_shows_the_emergency_cards_strongest(open_page: OpenPage):
    page = open_page()
    page.goto("/guidance/when-to-get-help/")
    normal = boxes(page)

    found = assert_borders_in_forced_colours(page)
    set_width(page, PHONE_WIDTH)
    screenshot(page, FOLDER, "when-to-get-help")

    assert any(box["emergency"] for box in found) and any(not box["emergency"] for box in found)
    # In normal colours the emergency cards' border is there but transparent: their red is
    # their background.
    for box in normal:
        if box["emergency"]:
            assert all(transparent(colour) for colour in box["colours"]), box
