"""The service worker and the offline page, over HTTP: what the worker is told to keep."""

import json
import re
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from backspasm.publishing.version import content_changed
from content.models import Article

pytestmark = pytest.mark.django_db

CONFIG = re.compile(r"^self\.OFFLINE_CONFIG = (\{.*\});$", re.MULTILINE)


def worker_config(client: Client) -> dict[str, Any]:
    body = client.get("/service-worker.js").content.decode()
    found = CONFIG.search(body)
    assert found is not None, "the worker starts without its list of what to keep"
    config: dict[str, Any] = json.loads(found.group(1))
    return config


def test_the_worker_is_served_from_the_site_root_so_its_scope_covers_every_page(client: Client):
    response = client.get("/service-worker.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert 'self.addEventListener("fetch"' in response.content.decode()


def test_the_policy_allows_workers_from_this_site_only(client: Client):
    assert "worker-src 'self'" in client.get("/")["Content-Security-Policy"]


def test_the_worker_keeps_home_the_emergency_pages_and_the_offline_page_only(client: Client):
    config = worker_config(client)

    assert config["pages"] == [
        "/",
        "/guidance/when-to-get-help/",
        "/guidance/serious-causes/",
        "/offline/",
    ]
    assert config["offlinePage"] == "/offline/"


@pytest.mark.parametrize("url", ["/", "/guidance/when-to-get-help/", "/offline/"])
def test_every_kept_page_is_public_the_same_for_everyone(client: Client, url: str):
    # The worker fetches kept pages without cookies, so it keeps the copy anyone would be given;
    # the copy for someone with a cookie is never stored, and a cache tells the two apart.
    cookieless = client.get(url)
    client.cookies["sessionid"] = "someone-with-answers"
    with_a_cookie = client.get(url)

    assert cookieless.status_code == 200
    assert "public" in cookieless["Cache-Control"]
    assert "cookie" in cookieless.get("Vary", "").lower()
    assert "no-store" in with_a_cookie["Cache-Control"]


@pytest.mark.parametrize("url", ["/", "/guidance/when-to-get-help/", "/offline/"])
def test_the_worker_keeps_every_file_a_kept_page_needs(client: Client, url: str):
    assets = set(worker_config(client)["assets"])
    page = BeautifulSoup(client.get(url).content, "html.parser")
    needed = {str(tag["src"]) for tag in page.select("script[src], img[src]")} | {
        str(tag["href"]) for tag in page.select("link[rel~=stylesheet], link[rel~=icon]")
    }

    assert needed <= assets


def test_each_kept_file_exists(client: Client):
    for asset in worker_config(client)["assets"]:
        response = client.get(asset)
        response.close()
        assert response.status_code == 200, asset


def test_an_editors_change_gives_the_worker_a_new_cache_and_so_fresh_copies(
    client: Client, django_capture_on_commit_callbacks: Any
):
    before = worker_config(client)["cache"]
    with django_capture_on_commit_callbacks(execute=True):
        content_changed()
    after = worker_config(client)["cache"]

    assert before != after
    assert before.startswith("backspasm-offline-") and after.startswith("backspasm-offline-")


def test_the_offline_page_gives_the_emergency_numbers_and_says_what_cannot_work(client: Client):
    page = BeautifulSoup(client.get("/offline/").content, "html.parser")
    phone_links = {str(link["href"]) for link in page.select("main a[href^='tel:']")}
    text = page.select_one("main")
    assert text is not None

    assert page.select_one("h1") is not None
    assert {"tel:999", "tel:111"} <= phone_links
    assert "cannot show the symptom checker, your self-care plan, your pain diary or search" in (
        " ".join(text.get_text().split())
    )
    assert page.select_one("main a[href='/guidance/when-to-get-help/']") is not None


def test_the_worker_answers_get_and_head_only(client: Client):
    assert client.post("/service-worker.js").status_code == 405


def test_the_worker_keeps_the_articles_editors_mark_whatever_they_are_called(client: Client):
    Article.objects.filter(slug="when-to-get-help").update(slug="get-help-now")
    Article.objects.filter(slug="serious-causes").update(available_offline=False)
    Article.objects.filter(slug="nerve-problems").update(available_offline=True)
    content_changed()

    assert worker_config(client)["pages"] == [
        "/",
        "/guidance/get-help-now/",
        "/guidance/nerve-problems/",
        "/offline/",
    ]


def test_an_unpublished_article_is_not_kept_and_offline_help_does_not_need_it(client: Client):
    Article.objects.filter(available_offline=True).update(status="draft")
    content_changed()

    assert worker_config(client)["pages"] == ["/", "/offline/"]
    page = BeautifulSoup(client.get("/offline/").content, "html.parser")
    # Every emergency sign, from the checker's rules, and the numbers, on the page itself.
    card = page.select_one("main [data-care-card='all-emergencies']")
    assert card is not None
    assert {sign["data-sign"] for sign in card.select("[data-sign]")} >= {
        "saddle_numbness",
        "chest_pain",
    }
    assert {"tel:999", "tel:111"} <= {str(a["href"]) for a in page.select("main a[href^='tel:']")}
    assert page.select("main a[href^='/guidance/']") == []


def test_the_migration_keeps_the_pages_that_show_every_emergency_sign(client: Client):
    kept = Article.objects.filter(available_offline=True)

    assert [article.slug for article in kept] == ["when-to-get-help", "serious-causes"]
    assert all("care-card: all-emergencies" in article.body for article in kept)
