"""Keyboard-only use of the symptom checker, and where focus lands after each htmx swap."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.checker import Walker
from tests.support.checker import JOURNEYS

OpenPage = Callable[..., Page]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_checker_can_be_completed_with_the_keyboard_alone(
    open_page: OpenPage, javascript: bool
):
    """Tab, Space, Enter and the arrow keys within a radio group: no mouse, no clicks."""
    findings = {**JOURNEYS["gp"], "age": 52, "duration_days": 10}
    walker = Walker(open_page(javascript=javascript), findings, javascript, keyboard=True)

    assert walker.run() == "gp"


def test_focus_moves_to_the_new_question_or_the_error_summary_after_each_swap(
    open_page: OpenPage,
):
    checked: list[str] = []

    def focus_is_on_the_new_content(page: Page, label: str, html: str | None) -> None:
        if label.endswith("-error"):
            expect(page.locator(".govuk-error-summary")).to_be_focused()
        elif not label.startswith(("00-", "01-")):  # pages after the start link are swapped in
            expect(page.locator("h1")).to_be_focused()
        else:
            return
        checked.append(label)

    walker = Walker(open_page(), JOURNEYS["self_care"], True, focus_is_on_the_new_content)

    walker.run(with_errors=True)

    assert any(label.endswith("-error") for label in checked)
    assert checked[-1].endswith("-result")
    assert len(checked) >= 2 * (walker.pages_seen - 3)
