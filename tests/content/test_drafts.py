"""A draft is invisible to the public and visible to editors in a marked preview."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from content.models import Article, Status
from tests.support.html import one

pytestmark = pytest.mark.django_db


def test_a_draft_is_a_404_to_the_public(client: Client, draft: Article):
    assert client.get(f"/guidance/{draft.slug}/").status_code == 404


def test_a_draft_is_not_listed_or_found(client: Client, draft: Article):
    assert draft.title not in client.get("/guidance/").content.decode()
    assert draft.title not in client.get("/").content.decode()
    assert draft.title not in client.get("/search/?q=pillow+between+your+knees").content.decode()


def test_the_preview_needs_a_staff_login(client: Client, draft: Article):
    response = client.get(f"/guidance/preview/{draft.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_editor_previews_a_draft_with_a_banner_and_nothing_cached(
    editor_client: Client, draft: Article
):
    response = editor_client.get(f"/guidance/preview/{draft.pk}/")
    page = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert one(page, ".govuk-notification-banner__title").get_text(strip=True) == "Draft preview"
    assert one(page, "h1").get_text(strip=True) == draft.title
    assert "pillow between your knees" in one(page, ".app-prose").get_text()
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }


def test_publishing_a_draft_puts_it_on_the_site(
    client: Client, draft: Article, public_max_age_passes
):
    client.get("/guidance/")  # the listing is now cached without the draft
    draft.status = Status.PUBLISHED
    draft.save()
    public_max_age_passes()

    assert client.get(f"/guidance/{draft.slug}/").status_code == 200
    assert draft.title in client.get("/guidance/").content.decode()


def test_unpublishing_takes_an_article_off_the_site(client: Client, public_max_age_passes):
    assert client.get("/guidance/exercises/").status_code == 200
    article = Article.objects.get(slug="exercises")
    article.status = Status.DRAFT
    article.save()
    public_max_age_passes()

    assert client.get("/guidance/exercises/").status_code == 404
