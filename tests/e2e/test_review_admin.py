"""An editor and a clinical reviewer use the admin in Chromium; axe checks every page they see."""

import re
from collections.abc import Callable

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management.color import no_style
from django.db import connection
from playwright.sync_api import Page, expect

from backspasm.publishing.editors import EDITORS_GROUP
from backspasm.publishing.reviewers import REVIEWERS_GROUP
from content.models import Article
from tests.accounts.signin import authenticator_for, current_code
from tests.e2e.audit import DESKTOP_WIDTH, PHONE_WIDTH, assert_none, axe_problems, screenshot
from tests.e2e.audit import set_width as resize
from tests.e2e.checker import arrive_at_the_result
from tests.support.checker import JOURNEYS

pytestmark = pytest.mark.e2e

OpenPage = Callable[..., Page]
PASSWORD = "correct horse battery staple 42"
NEW_HEADING = "Warm baths help"


@pytest.fixture(autouse=True)
def _sequences_after_the_seeded_rows(_seeded_content: None) -> None:
    """The seeded rows are loaded with their ids, which leaves PostgreSQL's sequences behind
    them; the first new history row of an approval would reuse an id. Move them on."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def person(name: str, *groups: str) -> User:
    user = User.objects.create_user(name, f"{name}@example.org", PASSWORD, is_staff=True)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def log_in(page: Page, name: str) -> None:
    """A password, then the code the person's authenticator app shows."""
    device = authenticator_for(User.objects.get(username=name))
    page.goto("/admin/")
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("6-digit code").fill(current_code(device))
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#user-tools")).to_contain_text(name)


def check_and_capture(page: Page, name: str) -> None:
    """axe finds nothing at either width; a screenshot of each for a person to look at."""
    for width in (PHONE_WIDTH, DESKTOP_WIDTH):
        resize(page, width)
        assert_none(axe_problems(page))
        screenshot(page, "review", name)


def test_an_editor_proposes_and_a_reviewer_approves_with_every_page_accessible(
    open_page: OpenPage, public_max_age_passes: Callable[[], None]
):
    # Without JavaScript the same forms post the same way; tests/content/test_review.py drives
    # them over plain HTTP.
    javascript = True
    person("editor", EDITORS_GROUP)
    person("reviewer", REVIEWERS_GROUP)
    article = Article.objects.get(slug="self-care")
    suffix = "" if javascript else "-no-js"

    # Given the editor on the article's change form
    editor = open_page(javascript=javascript)
    log_in(editor, "editor")
    editor.goto(f"/admin/content/article/{article.pk}/change/")
    expect(editor.locator("#writing-help")).to_contain_text("Reading age")
    check_and_capture(editor, f"change-form{suffix}")

    # When they add a section, the preview beside the body shows it (with JavaScript)
    body = editor.locator("#id_body")
    body.fill(f"## {NEW_HEADING}\n\nA warm bath eases tight muscles.\n\n{article.body}")
    if javascript:
        expect(editor.locator("#writing-help .app-writing-help__preview h2").first).to_have_text(
            NEW_HEADING
        )
    editor.get_by_label("Why are you making this change?").fill("Readers asked about baths")
    editor.locator("input[name=_save]").click()
    expect(editor.locator(".messagelist")).to_contain_text("waiting for a clinical reviewer")

    # Then the public page is unchanged
    visitor = open_page(javascript=javascript)
    visitor.goto("/guidance/self-care/")
    expect(visitor.locator("main")).not_to_contain_text(NEW_HEADING)

    # When the reviewer opens the queue and the change
    reviewer = open_page(javascript=javascript)
    log_in(reviewer, "reviewer")
    reviewer.goto("/admin/publishing/pendingchange/")
    check_and_capture(reviewer, f"queue{suffix}")
    reviewer.get_by_role("link", name=article.title).first.click()
    expect(reviewer.locator(".app-diff ins").first).to_contain_text(NEW_HEADING)
    check_and_capture(reviewer, f"review-diff{suffix}")
    reviewer.get_by_role("button", name="Approve and publish").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("is now live")

    # Then the public sees the change once the page cache's copy is out of date (a new visitor:
    # a browser may keep a page for a minute)
    public_max_age_passes()
    visitor = open_page(javascript=javascript)
    visitor.goto("/guidance/self-care/")
    expect(visitor.locator("main")).to_contain_text(NEW_HEADING)

    # And the history shows who did what
    editor.goto(f"/admin/content/article/{article.pk}/history/")
    expect(editor.locator("#change-history")).to_contain_text(
        "Readers asked about baths (proposed by editor, approved by reviewer)"
    )
    check_and_capture(editor, f"history{suffix}")
    editor.get_by_role("link", name=re.compile("^What changed")).first.click()
    expect(editor.locator(".app-diff ins").first).to_contain_text(NEW_HEADING)
    check_and_capture(editor, f"compare{suffix}")
    editor.goto(f"/admin/content/article/{article.pk}/history/")
    editor.get_by_role("link", name=re.compile("^Open or restore")).last.click()
    check_and_capture(editor, f"restore{suffix}")


def test_the_monitoring_page_counts_a_journey_and_is_accessible(open_page: OpenPage):
    person("officer", REVIEWERS_GROUP)
    patient = open_page()
    assert arrive_at_the_result(patient, JOURNEYS["self_care"]) == "self_care"

    officer = open_page()
    log_in(officer, "officer")
    officer.goto("/admin/triage/dailyoutcome/")

    first_row = officer.locator("#content-main table").first.locator("tbody tr").first
    expect(first_row.locator("td").last).to_have_text("1")
    check_and_capture(officer, "monitoring")
