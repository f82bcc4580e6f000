"""Editors in admin: form errors, filters, the slug and the editors' group.

Changing, reviewing and restoring an article are in test_review.py."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from backspasm.publishing.editors import EDITORS_GROUP
from content.models import Article, Source
from tests.support.html import attr, form_data, one

pytestmark = pytest.mark.django_db


def test_a_slug_already_in_use_gets_a_clear_error(editor_client: Client):
    data = form_data(editor_client.get("/admin/content/article/add/").content, "#article_form")
    data.update(
        {
            "title": "Another page about medicines",
            "slug": "medicines",
            "summary": "A summary.",
            "body": "Some words.",
            "section": "self-care",
            "order": "5",
            "status": "draft",
            "last_reviewed": "2026-11-26",
            "next_review_due": "2027-11-26",
            "reviewer": "Clinical content team",
            "_save": "Save",
        }
    )

    response = editor_client.post("/admin/content/article/add/", data)

    assert response.status_code == 200
    assert "Another article already uses this slug." in response.content.decode()
    assert Article.objects.filter(slug="medicines").count() == 1


def test_a_next_review_before_the_last_review_is_refused(editor_client: Client):
    article = Article.objects.get(slug="exercises")
    change_url = f"/admin/content/article/{article.pk}/change/"
    data = form_data(editor_client.get(change_url).content, "#article_form")
    data.update({"next_review_due": "2026-01-01", "_save": "Save"})

    response = editor_client.post(change_url, data)

    assert response.status_code == 200
    assert "The next review must be on or after the last review." in response.content.decode()


def test_the_review_filter_lists_only_overdue_articles(editor_client: Client):
    overdue = Article.objects.get(slug="causes")
    overdue.last_reviewed = timezone.localdate() - timedelta(days=400)
    overdue.next_review_due = timezone.localdate() - timedelta(days=1)
    overdue.save()

    page = BeautifulSoup(
        editor_client.get("/admin/content/article/?review=overdue").content, "html.parser"
    )

    titles = [cell.get_text(strip=True) for cell in page.select("#result_list th.field-title")]
    assert titles == ["Causes and risk factors"]


def test_the_article_list_has_section_status_and_review_filters_and_search(
    editor_client: Client,
):
    page = editor_client.get("/admin/content/article/?q=ibuprofen").content.decode()

    assert "By section" in page
    assert "By status" in page
    assert "By review" in page
    assert "Medicines for back spasms" in page
    assert "Exercises for back spasms" not in page


def test_the_slug_is_filled_in_from_the_title(editor_client: Client):
    page = editor_client.get("/admin/content/article/add/").content.decode()

    fields = one(BeautifulSoup(page, "html.parser"), "#django-admin-prepopulated-fields-constants")
    assert '"#id_slug"' in attr(fields, "data-prepopulated-fields")
    assert '"#id_title"' in attr(fields, "data-prepopulated-fields")


def test_a_draft_in_the_list_links_to_its_preview(editor_client: Client, draft: Article):
    page = editor_client.get("/admin/content/article/?status__exact=draft").content.decode()

    assert f'href="/guidance/preview/{draft.pk}/"' in page


def test_the_editors_group_can_add_change_and_view_content_and_nothing_else():
    codenames = set(
        Group.objects.get(name=EDITORS_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )

    assert {
        ("content", "add_article"),
        ("content", "change_article"),
        ("content", "view_article"),
        ("content", "add_source"),
        ("content", "change_source"),
        ("content", "view_source"),
        ("content", "view_historicalarticle"),
        ("content", "change_historicalarticle"),
    } <= codenames
    assert {app for app, _ in codenames} <= {"content", "selfcare", "feedback", "publishing"}
    assert all(codename.split("_")[0] in {"add", "change", "view"} for _, codename in codenames)
    assert {codename for app, codename in codenames if app == "feedback"} == {"view_pagefeedback"}
    # They see the changes waiting for review, and decide none of them.
    assert {codename for app, codename in codenames if app == "publishing"} == {
        "view_pendingchange"
    }
    assert not [codename for _, codename in codenames if codename.startswith("delete_")]


def test_the_editors_group_is_put_back_to_exactly_its_permissions_after_a_migration(db):
    from django.contrib.auth.models import Permission

    from backspasm.publishing.editors import sync_editors_group

    group = Group.objects.get(name=EDITORS_GROUP)
    expected = set(group.permissions.all())
    group.permissions.add(Permission.objects.get(codename="delete_user"))

    sync_editors_group()

    assert set(group.permissions.all()) == expected


@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/content/article/1/delete/"]
)
def test_an_editor_cannot_reach_users_groups_or_delete_articles(editor_client: Client, url: str):
    assert editor_client.get(url).status_code == 403


def test_a_source_changes_only_through_its_articles_review(editor_client: Client):
    source = Source.objects.filter(article__slug="causes").first()
    assert source is not None

    page = editor_client.get(f"/admin/content/source/{source.pk}/change/")
    refused = editor_client.post(
        f"/admin/content/source/{source.pk}/change/",
        {"article": source.article_id, "title": "Changed", "url": source.url, "order": 0},
    )

    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    assert refused.status_code == 403
    source.refresh_from_db()
    assert source.title != "Changed"
