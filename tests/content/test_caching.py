"""Public pages come from the cache, revalidate with an ETag, and change as soon as content does."""

import pytest
from django.test import Client

from backspasm.content.models import Article, Source

pytestmark = pytest.mark.django_db

CACHED_PAGES = {"/": 1, "/guidance/": 1, "/guidance/medicines/": 3}


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


@pytest.mark.parametrize(("url", "queries_when_cold"), CACHED_PAGES.items())
def test_a_cached_page_costs_no_query(
    client: Client, django_assert_num_queries, url: str, queries_when_cold: int
):
    with django_assert_num_queries(queries_when_cold):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_search_costs_one_query_for_its_results(client: Client, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(1):
        client.get("/search/", {"q": "heat"})


def test_an_unknown_article_costs_no_query_once_the_listing_and_old_addresses_are_cached(
    client: Client, django_assert_num_queries
):
    client.get("/guidance/")
    client.get("/guidance/an-unknown-page/")  # reads the old addresses of renamed pages once
    with django_assert_num_queries(0):
        assert client.get("/guidance/no-such-thing/").status_code == 404


@pytest.mark.parametrize("url", [*CACHED_PAGES, "/search/?q=heat"])
def test_public_pages_may_be_kept_by_shared_caches_and_do_not_vary_on_cookies(
    client: Client, url: str
):
    response = client.get(url)

    assert cache_control(response) == {"public", "max-age=60"}
    assert "cookie" not in response.get("Vary", "").lower()
    assert "Set-Cookie" not in response.headers
    assert b"csrfmiddlewaretoken" not in response.content


@pytest.mark.parametrize("url", list(CACHED_PAGES))
def test_a_repeat_request_with_the_etag_gets_304_without_a_query(
    client: Client, django_assert_num_queries, url: str
):
    etag = client.get(url)["ETag"]

    with django_assert_num_queries(0):
        repeat = client.get(url, headers={"If-None-Match": etag})

    assert repeat.status_code == 304
    assert repeat.content == b""
    assert repeat["ETag"] == etag


def test_saving_an_article_changes_the_page_and_its_etag_at_once(client: Client):
    before = client.get("/guidance/medicines/")
    article = Article.objects.get(slug="medicines")
    article.title = "Painkillers for back spasms"
    article.save()

    after = client.get("/guidance/medicines/", headers={"If-None-Match": before["ETag"]})

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "<h1" in after.content.decode()
    assert "Painkillers for back spasms" in after.content.decode()
    assert "Painkillers for back spasms" in client.get("/").content.decode()
    assert "Painkillers for back spasms" in client.get("/guidance/").content.decode()


def test_saving_or_deleting_a_source_changes_the_page(client: Client):
    assert "Ibuprofen for adults - NHS" in client.get("/guidance/medicines/").content.decode()
    source = Source.objects.get(article__slug="medicines", title="Ibuprofen for adults - NHS")
    source.title = "Ibuprofen - NHS medicines"
    source.save()
    assert "Ibuprofen - NHS medicines" in client.get("/guidance/medicines/").content.decode()

    source.delete()
    assert "Ibuprofen - NHS medicines" not in client.get("/guidance/medicines/").content.decode()


def test_deleting_an_article_takes_it_off_every_page(client: Client):
    client.get("/")
    Article.objects.get(slug="exercises").delete()

    assert client.get("/guidance/exercises/").status_code == 404
    assert "/guidance/exercises/" not in client.get("/").content.decode()


def test_each_response_gets_a_fresh_csp_nonce_even_from_the_cache(client: Client):
    first = client.get("/guidance/medicines/")
    second = client.get("/guidance/medicines/")

    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]


def test_the_guidance_still_shows_when_the_cache_server_is_down(client: Client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "backspasm.cache.ForgivingRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
        }
    }

    response = client.get("/guidance/medicines/")

    assert response.status_code == 200
    assert "Medicines for back spasms" in response.content.decode()
    assert client.get("/guidance/no-such-thing/").status_code == 404


def test_a_save_while_the_cache_server_is_down_is_reported_not_lost_silently(
    settings, caplog: pytest.LogCaptureFixture
):
    settings.CACHES = {
        "default": {
            "BACKEND": "backspasm.cache.ForgivingRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
        }
    }
    article = Article.objects.get(slug="medicines")

    with caplog.at_level("ERROR", logger="backspasm.content"):
        article.title = "Painkillers for back spasms"
        article.save()

    assert any("save the change again" in record.message for record in caplog.records)
