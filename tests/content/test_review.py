"""Review before publish, driven through the admin by two people: an editor and a reviewer."""

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.test import Client

from backspasm.publishing.models import ChangeStatus, PendingChange
from backspasm.publishing.reviewers import REVIEWERS_GROUP
from content.cardguard import card_line
from content.markdown import card_names
from content.models import Article, Source, Status
from selfcare.models import Exercise
from tests.accounts.signin import authenticator_for, sign_in_fully, sign_in_to_admin
from tests.content.conftest import PASSWORD
from tests.support.html import form_data, one

pytestmark = pytest.mark.django_db

NEW_SENTENCE = "Most back spasms ease within 48 hours."
PUBLIC_URL = "/guidance/self-care/"


@pytest.fixture
def public() -> Client:
    """A visitor with no cookie: served the cached public pages."""
    return Client()


def change_url(article: Article) -> str:
    return f"/admin/content/article/{article.pk}/change/"


def propose_edit(client: Client, article: Article, reason: str = "Clearer opening", **changes):
    data = form_data(client.get(change_url(article)).content, "#article_form")
    data.update(changes)
    data["change_reason"] = reason
    data["_save"] = "Save"
    return client.post(change_url(article), data)


def with_cards(article: Article, words: str) -> str:
    """New words for an article, keeping the care cards it has (no change may take them away)."""
    return "\n\n".join([words, *(card_line(name) for name in card_names(article.body))])


def pending_for(article: Article) -> PendingChange:
    return PendingChange.objects.pending().for_object(article).get()


def decide(client: Client, change: PendingChange, button: str, comment: str = ""):
    return client.post(
        f"/admin/publishing/pendingchange/{change.pk}/change/", {button: "yes", "comment": comment}
    )


def test_an_editors_change_to_a_live_article_is_invisible_until_a_reviewer_approves_it(
    public: Client, editor: User, reviewer_client: Client, public_max_age_passes: Callable[[], None]
):
    article = Article.objects.get(slug="self-care")
    editor_client = Client()
    login = sign_in_fully(editor_client, editor, authenticator_for(editor), PASSWORD)
    assert login.status_code == 302
    assert NEW_SENTENCE not in public.get(PUBLIC_URL).text  # now in the page cache

    saved = propose_edit(editor_client, article, body=f"{NEW_SENTENCE}\n\n{article.body}")

    assert saved.status_code == 302
    assert "waiting for a clinical reviewer" in editor_client.get(saved["Location"]).text
    assert NEW_SENTENCE not in public.get(PUBLIC_URL).text
    article.refresh_from_db()
    assert NEW_SENTENCE not in article.body

    queue = reviewer_client.get("/admin/publishing/pendingchange/")
    assert "Self-care for a back spasm" in queue.text or article.title in queue.text
    review_page = BeautifulSoup(
        reviewer_client.get(
            f"/admin/publishing/pendingchange/{pending_for(article).pk}/change/"
        ).text,
        "html.parser",
    )
    assert NEW_SENTENCE in " ".join(ins.get_text() for ins in review_page.select(".app-diff ins"))

    approved = decide(reviewer_client, pending_for(article), "_approve")

    assert approved.status_code == 302
    public_max_age_passes()
    assert NEW_SENTENCE in public.get(PUBLIC_URL).text
    latest = article.history.latest()
    assert latest.history_change_reason == (
        "Clearer opening (proposed by editor, approved by Rita)"
    )
    assert latest.history_user.username == "reviewer"
    decided = PendingChange.objects.get(object_id=article.pk)
    assert (decided.status, decided.author, decided.reviewer) == (
        ChangeStatus.APPROVED,
        editor,
        User.objects.get(username="reviewer"),
    )
    assert decided.decided_at is not None


def test_nobody_approves_their_own_change_even_in_both_groups(editor: User, reviewer: User):
    editor.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    both = Client()
    sign_in_to_admin(both, editor)
    article = Article.objects.get(slug="self-care")
    propose_edit(both, article, body=f"{NEW_SENTENCE}\n\n{article.body}")
    change = pending_for(article)

    page = both.get(f"/admin/publishing/pendingchange/{change.pk}/change/").text
    refused = decide(both, change, "_approve")

    assert "another clinical reviewer must approve it" in page
    assert "Approve and publish" not in page
    assert refused.status_code == 200
    assert "another clinical reviewer must check it" in refused.text
    article.refresh_from_db()
    assert NEW_SENTENCE not in article.body
    assert pending_for(article).status == ChangeStatus.PENDING


def test_an_editor_cannot_approve_at_all(editor_client: Client, reviewer_client: Client):
    article = Article.objects.get(slug="self-care")
    propose_edit(reviewer_client, article, body=with_cards(article, "Reviewer's own words."))
    # A reviewer has no change permission, so nothing was proposed; the editor proposes instead.
    propose_edit(editor_client, article, body=with_cards(article, "Editor's words."))
    other_editor = User.objects.create_user("second", is_staff=True)
    other_editor.groups.add(*Group.objects.filter(name="Content editors"))
    second = Client()
    sign_in_to_admin(second, other_editor)

    refused = decide(second, pending_for(article), "_approve")

    assert "Only a clinical reviewer" in refused.text
    article.refresh_from_db()
    assert "Editor's words." not in article.body


def test_a_reviewer_sends_a_change_back_with_a_comment_and_the_page_stays_as_it_was(
    public: Client, editor_client: Client, reviewer_client: Client
):
    article = Article.objects.get(slug="self-care")
    propose_edit(editor_client, article, body=f"{NEW_SENTENCE}\n\n{article.body}")
    change = pending_for(article)

    without_comment = decide(reviewer_client, change, "_reject")
    sent_back = decide(reviewer_client, change, "_reject", "Say where the 48 hours comes from.")

    assert "Enter a comment that tells the editor what to change." in without_comment.text
    assert sent_back.status_code == 302
    change.refresh_from_db()
    assert change.status == ChangeStatus.REJECTED
    assert change.review_comment == "Say where the 48 hours comes from."
    assert NEW_SENTENCE not in public.get(PUBLIC_URL).text
    history = editor_client.get(f"/admin/content/article/{article.pk}/history/").text
    assert "Say where the 48 hours comes from." in history


def test_every_change_needs_a_reason(editor_client: Client):
    article = Article.objects.get(slug="self-care")

    response = propose_edit(editor_client, article, reason="", body="New words.")

    assert response.status_code == 200
    assert "Enter why you are making this change" in response.text
    assert not PendingChange.objects.exists()


def test_saving_with_nothing_changed_proposes_nothing(editor_client: Client):
    article = Article.objects.get(slug="self-care")

    response = propose_edit(editor_client, article)

    assert "nothing to review" in editor_client.get(response["Location"]).text
    assert not PendingChange.objects.exists()


def test_a_second_change_replaces_the_one_still_waiting(editor_client: Client):
    article = Article.objects.get(slug="self-care")
    propose_edit(editor_client, article, body=with_cards(article, "First try."))
    propose_edit(editor_client, article, body=with_cards(article, "Second try."))

    statuses = list(PendingChange.objects.order_by("created_at").values_list("status", flat=True))

    assert statuses == [ChangeStatus.SUPERSEDED, ChangeStatus.PENDING]
    assert pending_for(article).values["body"] == with_cards(article, "Second try.")


def test_a_new_article_is_saved_unpublished_and_goes_live_only_through_approval(
    public: Client, editor_client: Client, reviewer_client: Client
):
    data = form_data(editor_client.get("/admin/content/article/add/").content, "#article_form")
    data.update(
        {
            "title": "Sleeping with back pain",
            "slug": "sleeping",
            "summary": "Positions that help.",
            "body": "Lie on your side.",
            "section": "self-care",
            "order": "5",
            "status": "published",
            "last_reviewed": "2026-11-26",
            "next_review_due": "2027-11-26",
            "reviewer": "Clinical content team",
            "sources-0-title": "Back pain - NHS",
            "sources-0-url": "https://www.nhs.uk/conditions/back-pain/",
            "sources-0-order": "0",
            "change_reason": "A page people asked for",
            "_save": "Save",
        }
    )

    assert editor_client.post("/admin/content/article/add/", data).status_code == 302
    article = Article.objects.get(slug="sleeping")
    assert article.status == Status.DRAFT
    assert public.get("/guidance/sleeping/").status_code == 404

    decide(reviewer_client, pending_for(article), "_approve")

    assert public.get("/guidance/sleeping/").status_code == 200
    assert article.history.earliest().history_change_reason == (
        "Added for review: A page people asked for"
    )


def test_restoring_a_version_brings_back_its_sources_after_approval(
    public: Client,
    editor_client: Client,
    reviewer_client: Client,
    public_max_age_passes: Callable[[], None],
):
    article = Article.objects.get(slug="self-care")
    first_version = article.history.latest()
    original_sources = list(article.sources.values_list("title", "url"))
    data = form_data(editor_client.get(change_url(article)).content, "#article_form")
    data.update(
        {
            "body": with_cards(article, NEW_SENTENCE),
            "sources-0-title": "A different source",
            "sources-0-url": "https://example.org/different",
            "change_reason": "Rewrite",
            "_save": "Save",
        }
    )
    editor_client.post(change_url(article), data)
    decide(reviewer_client, pending_for(article), "_approve")
    assert article.sources.filter(title="A different source").exists()

    version_url = f"/admin/content/article/{article.pk}/history/{first_version.history_id}/"
    page = editor_client.get(version_url).text
    restored = editor_client.post(version_url, {"reason": "The rewrite lost the NICE advice"})

    assert "different" in page  # the diff against what is live names the source
    assert restored.status_code == 302
    assert NEW_SENTENCE in public.get(PUBLIC_URL).text  # not live until approved
    decide(reviewer_client, pending_for(article), "_approve")
    article.refresh_from_db()
    assert NEW_SENTENCE not in article.body
    assert list(article.sources.values_list("title", "url")) == original_sources
    public_max_age_passes()
    assert NEW_SENTENCE not in public.get(PUBLIC_URL).text


def test_the_history_compares_any_two_versions_word_by_word_with_sources(
    editor_client: Client, reviewer_client: Client
):
    article = Article.objects.get(slug="self-care")
    # The seed's own editions differ in more than this edit; compare with the one it starts from.
    before = article.history.latest()
    data = form_data(editor_client.get(change_url(article)).content, "#article_form")
    data.update(
        {
            "body": article.body.replace("back", "lower back", 1),
            "sources-0-title": "Low back pain - NICE",
            "change_reason": "More precise",
            "_save": "Save",
        }
    )
    editor_client.post(change_url(article), data)
    decide(reviewer_client, pending_for(article), "_approve")
    newest = article.history.latest()

    history = editor_client.get(f"/admin/content/article/{article.pk}/history/").text
    page = BeautifulSoup(
        editor_client.get(
            f"/admin/content/article/{article.pk}/history/compare/"
            f"?old={before.history_id}&new={newest.history_id}"
        ).text,
        "html.parser",
    )

    assert "More precise (proposed by editor, approved by Rita)" in history
    added = [ins.get_text().strip() for ins in page.select(".app-diff ins")]
    assert "lower" in added
    assert {"Low back", "NICE"} <= set(added)
    labels = [dt.get_text() for dt in page.select(".app-diff dt")]
    assert labels == ["Body", "Sources"]
    assert "[" not in one(page, ".app-diff__text").get_text()[:1]  # words, not "[138 chars]"


def test_a_change_to_an_exercise_is_reviewed_and_its_fields_are_diffed(
    public: Client,
    editor_client: Client,
    reviewer_client: Client,
    public_max_age_passes: Callable[[], None],
):
    exercise = Exercise.objects.order_by("pk").first()
    assert exercise is not None
    url = f"/admin/selfcare/exercise/{exercise.pk}/change/"
    data = form_data(editor_client.get(url).content, "#exercise_form")
    data.update(
        {"when_to_stop": "Stop if the pain spreads down a leg.", "change_reason": "Clearer"}
    )
    data["_save"] = "Save"

    assert editor_client.post(url, data).status_code == 302
    exercise.refresh_from_db()
    assert exercise.when_to_stop != "Stop if the pain spreads down a leg."
    assert "spreads down a leg" not in public.get(exercise.get_absolute_url()).text
    change = pending_for(exercise)  # type: ignore[arg-type]
    page = BeautifulSoup(
        reviewer_client.get(f"/admin/publishing/pendingchange/{change.pk}/change/").text,
        "html.parser",
    )
    assert [dt.get_text() for dt in page.select(".app-diff dt")] == ["When to stop"]

    decide(reviewer_client, change, "_approve")
    public_max_age_passes()
    assert "spreads down a leg" in public.get(exercise.get_absolute_url()).text


def test_a_slug_change_keeps_every_old_address_as_a_permanent_redirect(
    public: Client, editor_client: Client, reviewer_client: Client
):
    article = Article.objects.get(slug="self-care")
    for new_slug in ("looking-after-yourself", "caring-for-yourself"):
        propose_edit(editor_client, article, reason="Plainer address", slug=new_slug)
        decide(reviewer_client, pending_for(article), "_approve")

    first = public.get("/guidance/self-care/?from=leaflet")
    second = public.get("/guidance/looking-after-yourself/")

    assert (first.status_code, first["Location"]) == (
        301,
        "/guidance/caring-for-yourself/?from=leaflet",
    )
    assert (second.status_code, second["Location"]) == (301, "/guidance/caring-for-yourself/")
    assert public.get("/guidance/caring-for-yourself/").status_code == 200
    assert public.get("/guidance/never-existed/").status_code == 404


def test_the_reviewer_previews_the_proposed_page_with_its_sources(
    public: Client, editor_client: Client, reviewer_client: Client
):
    article = Article.objects.get(slug="self-care")
    data = form_data(editor_client.get(change_url(article)).content, "#article_form")
    data.update(
        {
            "body": with_cards(article, NEW_SENTENCE),
            "sources-0-title": "Proposed source",
            "change_reason": "Shorter",
            "_save": "Save",
        }
    )
    editor_client.post(change_url(article), data)
    preview_url = f"/guidance/preview/change/{pending_for(article).pk}/"

    page = BeautifulSoup(reviewer_client.get(preview_url).text, "html.parser")

    assert NEW_SENTENCE in one(page, ".app-prose").get_text()
    assert "Proposed source" in page.get_text()
    assert "waiting for review" in one(page, ".govuk-notification-banner").get_text()
    assert public.get(preview_url).status_code == 302  # to the login page


def test_the_queue_lists_pending_changes_and_overdue_articles(
    editor_client: Client, reviewer_client: Client
):
    overdue = Article.objects.get(slug="causes")
    Article.objects.filter(pk=overdue.pk).update(
        last_reviewed="2024-01-01", next_review_due="2025-01-01"
    )
    article = Article.objects.get(slug="self-care")
    propose_edit(editor_client, article, reason="Fix a typo", body=article.body + " More.")

    page = BeautifulSoup(
        reviewer_client.get("/admin/publishing/pendingchange/").text, "html.parser"
    )
    tables = {
        one(table, "caption").get_text(): table.get_text(" ", strip=True)
        for table in page.select("table")
    }

    assert "Fix a typo" in tables["Waiting for a clinical reviewer (1)"]
    assert overdue.title in tables["Pages whose review date has passed (1)"]


def test_the_reviewers_group_views_content_and_approves_but_cannot_edit():
    codenames = set(
        Group.objects.get(name=REVIEWERS_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )

    assert ("publishing", "approve_pendingchange") in codenames
    assert ("triage", "view_dailyoutcome") in codenames
    assert ("content", "view_article") in codenames
    assert not [c for _, c in codenames if c.split("_")[0] in {"add", "change", "delete"}]


def test_sources_are_not_changed_by_an_unapproved_edit(editor_client: Client):
    article = Article.objects.get(slug="self-care")
    before = list(Source.objects.filter(article=article).values_list("title", flat=True))
    data = form_data(editor_client.get(change_url(article)).content, "#article_form")
    data.update({"sources-0-title": "Changed title", "change_reason": "Rename source"})
    data["_save"] = "Save"

    editor_client.post(change_url(article), data)

    assert list(Source.objects.filter(article=article).values_list("title", flat=True)) == before
