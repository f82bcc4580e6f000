"""The editors' writing help in Chromium at desktop widths: the body box fills its column beside
the help, the cards are a table, an unknown card is flagged while typing, the preview has the
public page's look; axe finds nothing."""

from collections.abc import Callable

import pytest
from playwright.sync_api import FloatRect, Page, expect

from backspasm.publishing import review
from backspasm.publishing.editors import EDITORS_GROUP
from backspasm.publishing.reviewers import REVIEWERS_GROUP
from content.models import Article
from tests.e2e.audit import assert_none, axe_problems, screenshot, set_width
from tests.e2e.test_review_admin import log_in, person

pytestmark = pytest.mark.e2e

OpenPage = Callable[..., Page]
WIDTHS = (1280, 1440)


def box(page: Page, selector: str) -> FloatRect:
    found = page.locator(selector).bounding_box()
    assert found is not None, selector
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_the_body_box_fills_its_column_and_an_unknown_card_is_flagged_while_typing(
    open_page: OpenPage, width: int
):
    person("editor", EDITORS_GROUP)
    article = Article.objects.get(slug="what-is-a-back-spasm")
    page = open_page()
    set_width(page, width)
    log_in(page, "editor")
    page.goto(f"/admin/content/article/{article.pk}/change/")

    body = box(page, "#id_body")
    column = box(page, ".field-body")
    help_box = box(page, ".field-writing_help")
    # Full column: the box spans the body's column, and ends before the writing help starts.
    assert body["width"] >= column["width"] - 40
    assert body["x"] + body["width"] <= help_box["x"]
    assert body["width"] >= width * 0.35
    expect(page.locator("table.app-blocks tbody tr").first).to_contain_text("care-card:")
    font = page.locator("table.app-blocks td").first.evaluate(
        "cell => getComputedStyle(cell).fontSize"
    )
    assert font == page.evaluate("() => getComputedStyle(document.body).fontSize")
    bullet = page.locator(".app-writing-help__preview .app-prose > ul > li").first.evaluate(
        "item => getComputedStyle(item).listStyleType"
    )
    assert bullet == "disc"
    assert_none(axe_problems(page))
    screenshot(page, "writing-help", "change-form")
    screenshot(page.locator("fieldset.module"), "writing-help", f"fields-{width}")

    page.locator("#id_body").fill(article.body + "\n\n{{ care-card: cauda-equinaa }}\n")

    warning = page.locator("#writing-help .app-writing-help__warning")
    expect(warning).to_contain_text("No such care card: {{ care-card: cauda-equinaa }}")
    expect(warning).to_contain_text("table of care cards above")
    assert box(page, "table.app-blocks")["y"] < box(page, "#writing-help")["y"]
    assert_none(axe_problems(page))
    screenshot(page, "writing-help", "unknown-card")
    screenshot(warning, "writing-help", f"flag-{width}")


def test_the_review_page_flags_a_changed_care_card_in_words(open_page: OpenPage):
    editor = person("editor", EDITORS_GROUP)
    person("reviewer", REVIEWERS_GROUP)
    article = Article.objects.get(slug="what-is-a-back-spasm")
    body = article.body.replace("{{ care-card: cauda-equina }}", "{{ care-card: a-and-e }}")
    change = review.propose(
        article,
        {**review.values_of(article), "body": body},
        review.children_of(article),
        author=editor,
        reason="Swap",
    )
    assert change is not None
    page = open_page()
    set_width(page, 1280)
    log_in(page, "reviewer")
    page.goto(f"/admin/publishing/pendingchange/{change.pk}/change/")

    flag = page.locator(".app-flag")
    expect(flag.locator(".app-tag--red")).to_have_text("Care card changed")
    expect(flag).to_contain_text("Taken out: {{ care-card: cauda-equina }}")
    expect(flag).to_contain_text("Added: {{ care-card: a-and-e }}")
    assert_none(axe_problems(page))
    screenshot(page, "writing-help", "review-card-changed")


def test_restoring_an_old_version_offers_to_keep_todays_cards(open_page: OpenPage):
    person("editor", EDITORS_GROUP)
    article = Article.objects.get(slug="what-is-a-back-spasm")
    live_body = article.body
    article.body = "A back spasm is a sudden tightening.\n\n- you lose feeling in both legs\n"
    article.save()
    first = article.history.latest()
    article.body = live_body
    article.save()
    page = open_page()
    set_width(page, 1280)
    log_in(page, "editor")
    page.goto(f"/admin/content/article/{article.pk}/history/{first.history_id}/")

    expect(page.locator(".errornote")).to_contain_text(
        "Place {{ care-card: cauda-equina }} instead of typing its signs"
    )
    assert_none(axe_problems(page))
    screenshot(page, "writing-help", "restore")
    page.get_by_label("Why are you making this change?").fill("The first words read better")
    page.get_by_role("button", name="Restore the words, keep today’s cards").click()

    expect(page.locator(".messagelist")).to_contain_text("is waiting for a clinical reviewer")
