"""What guidance pages cost, and how soon an editor's change reaches people."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backspasm.publishing.models import ContentVersion
from backspasm.publishing.version import VERSION_CACHE_SECONDS, content_version
from content.models import Article, Source

pytestmark = pytest.mark.django_db

# A rendered page asks the database for what it shows, and the stored copy asks nothing.
QUERIES_WHEN_RENDERED = {"/": 1, "/guidance/": 1, "/guidance/medicines/": 3}


@pytest.mark.parametrize(("url", "queries"), QUERIES_WHEN_RENDERED.items())
def test_a_page_costs_its_queries_once_then_none(url: str, queries: int, django_assert_num_queries):
    with django_assert_num_queries(queries):
        assert Client().get(url).status_code == 200
    with django_assert_num_queries(0):
        assert Client().get(url).status_code == 200


def test_a_search_costs_no_query_once_the_index_is_built_and_never_writes(
    client: Client, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as building:
        client.get("/search/", {"q": "spasm"})
    with django_assert_num_queries(0):
        client.get("/search/", {"q": "heat"})

    assert building.captured_queries, "the first search read the published pages"
    assert all(
        query["sql"].lstrip().upper().startswith("SELECT") for query in building.captured_queries
    )


def test_an_editor_sees_their_save_at_once_and_everyone_else_once_the_stored_copy_expires(
    admin_client: Client, public_max_age_passes
):
    Client().get("/guidance/medicines/")
    article = Article.objects.get(slug="medicines")
    article.title = "Painkillers for back spasms"
    article.save()

    assert "Painkillers for back spasms" in admin_client.get("/guidance/medicines/").text
    assert "Painkillers for back spasms" not in Client().get("/guidance/medicines/").text
    public_max_age_passes()
    for url in ["/guidance/medicines/", "/", "/guidance/"]:
        assert "Painkillers for back spasms" in Client().get(url).text, url


def test_an_unknown_article_costs_only_the_listing_once_old_addresses_are_cached(
    client: Client, django_assert_num_queries
):
    client.get("/guidance/an-unknown-page/")  # reads the old addresses of renamed pages once
    with django_assert_num_queries(1):
        assert client.get("/guidance/no-such-thing/").status_code == 404


def test_saving_or_deleting_a_source_changes_the_page(public_max_age_passes):
    source = Source.objects.get(article__slug="medicines", title="Ibuprofen for adults - NHS")
    source.title = "Ibuprofen - NHS medicines"
    source.save()
    assert "Ibuprofen - NHS medicines" in Client().get("/guidance/medicines/").text

    source.delete()
    public_max_age_passes()
    assert "Ibuprofen - NHS medicines" not in Client().get("/guidance/medicines/").text


def test_deleting_an_article_takes_it_off_every_page():
    Article.objects.get(slug="exercises").delete()

    assert Client().get("/guidance/exercises/").status_code == 404
    assert "/guidance/exercises/" not in Client().get("/").text


@pytest.mark.parametrize("change", ["save", "delete"])
def test_every_change_to_an_article_or_source_moves_the_content_version_on_in_the_database(
    change: str,
):
    before = ContentVersion.objects.get().number
    source = Source.objects.filter(article__slug="medicines").first()
    assert source is not None
    getattr(source, change)()
    Article.objects.get(slug="medicines").save()

    assert ContentVersion.objects.get().number == before + 2


def test_the_version_read_through_the_cache_follows_the_database_once_the_save_commits(
    django_capture_on_commit_callbacks,
):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.get(slug="medicines").save()

    assert content_version() == before + 1


def test_a_version_the_cache_kept_from_before_a_save_lasts_only_a_short_while(
    time_machine, settings
):
    """A cache that missed the save (down, or restored from an old snapshot) still holds the old
    number: it expires by itself, and the database then gives the new one. In this process's
    memory, whose clock the test can move; tests/production/test_two_servers.py proves it on
    Redis."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    time_machine.move_to(timezone.now(), tick=False)
    before = content_version()
    Article.objects.get(slug="medicines").save()  # its on-commit delete never runs here

    assert content_version() == before
    time_machine.shift(VERSION_CACHE_SECONDS + 1)
    assert content_version() == before + 1
