"""Whole public pages from Django's page cache for visitors who send no cookie; everyone else,
and every personal page, rendered fresh and never stored."""

import gzip
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client
from django.test.signals import template_rendered

from backspasm.web.caching import PUBLIC_MAX_AGE

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/guidance/", "/guidance/medicines/", "/check/", "/self-care/", "/privacy/"]


@pytest.fixture
def rendered() -> Iterator[list[str]]:
    """The templates rendered while the test runs: none means the page came from the cache."""
    names: list[str] = []

    def record(sender, template, context, **kwargs) -> None:
        names.append(str(template.name))

    template_rendered.connect(record, dispatch_uid="page-cache-test")
    yield names
    template_rendered.disconnect(dispatch_uid="page-cache-test")


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def from_the_cache(response) -> bool:
    # Django's page cache gives what it serves the age of the stored copy.
    return "Age" in response.headers


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_repeat_anonymous_visit_renders_nothing_and_makes_no_query(
    url: str, rendered: list[str], django_assert_num_queries
):
    first = Client().get(url)
    rendered.clear()

    with django_assert_num_queries(0):
        again = Client().get(url)

    assert first.status_code == again.status_code == 200
    assert rendered == []
    assert from_the_cache(again) and not from_the_cache(first)
    assert again.content == first.content


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_public_page_may_be_kept_by_shared_caches_briefly_and_only_for_cookieless_visitors(
    url: str,
):
    response = Client().get(url)

    assert directives(response) == {"public", f"max-age={PUBLIC_MAX_AGE}"}
    assert PUBLIC_MAX_AGE <= 60
    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert {"cookie", "hx-request", "accept-encoding"} <= vary
    assert not response.cookies


@pytest.mark.parametrize(
    "headers",
    [
        {"Cookie": "backspasm_session=theirs"},
        {"Cookie": "csrftoken=anything"},
        {"HX-Request": "true"},
    ],
    ids=["session cookie", "other cookie", "htmx"],
)
def test_a_request_that_may_be_personal_is_rendered_fresh_and_never_stored(
    headers: dict[str, str], rendered: list[str]
):
    Client().get("/guidance/")
    rendered.clear()

    first = Client(headers=headers).get("/guidance/")
    again = Client(headers=headers).get("/guidance/")

    assert first.status_code == again.status_code == 200
    assert not from_the_cache(first) and not from_the_cache(again)
    assert rendered.count("content/index.html") == 2
    assert {"private", "no-store"} <= directives(first)


def test_a_page_with_a_query_string_is_never_stored(rendered: list[str]):
    for _ in range(2):
        response = Client().get("/guidance/", {"anything": "at all"})
        assert not from_the_cache(response)
        assert "no-store" in directives(response)

    assert rendered.count("content/index.html") == 2


def test_every_port_and_spelling_of_accept_encoding_shares_one_stored_page():
    """A probe: 1,500 requests with varied ports added 1,500 cache entries."""
    Client().get("/guidance/", headers={"Host": "testserver:8000", "Accept-Encoding": "gzip"})

    for port in range(8001, 8021):
        variant = Client().get(
            "/guidance/",
            headers={"Host": f"testserver:{port}", "Accept-Encoding": f"br;q={port}, gzip"},
        )
        assert from_the_cache(variant), port


def test_a_matching_etag_gets_304_from_the_cache(rendered: list[str]):
    stored = Client().get("/guidance/medicines/", headers={"Accept-Encoding": "gzip"})
    rendered.clear()

    repeat = Client().get(
        "/guidance/medicines/",
        headers={"Accept-Encoding": "gzip", "If-None-Match": stored["ETag"]},
    )

    assert repeat.status_code == 304
    assert repeat.content == b""
    assert rendered == []


def test_head_is_answered_from_the_stored_page(rendered: list[str]):
    stored = Client().get("/guidance/")
    rendered.clear()

    head = Client().head("/guidance/")

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == stored["ETag"]
    assert rendered == []


def test_a_hit_for_a_browser_that_accepts_gzip_is_the_page_compressed_once():
    plain = Client().get("/guidance/medicines/").content
    hits = [
        Client().get("/guidance/medicines/", headers={"Accept-Encoding": "gzip, br"})
        for _ in range(3)
    ]

    assert all(hit["Content-Encoding"] == "gzip" for hit in hits)
    assert gzip.decompress(hits[0].content) == plain
    # GZipMiddleware pads each compression with random bytes: identical bodies are one stored copy.
    assert hits[1].content == hits[2].content
    assert from_the_cache(hits[2])


def test_a_stored_page_is_rendered_afresh_once_its_max_age_has_passed(
    rendered: list[str], public_max_age_passes
):
    Client().get("/guidance/")
    assert from_the_cache(Client().get("/guidance/"))
    rendered.clear()

    public_max_age_passes()
    later = Client().get("/guidance/")

    assert not from_the_cache(later)
    assert rendered.count("content/index.html") == 1


def test_a_cache_server_that_is_down_costs_nothing_but_the_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": 0.1,
            },
        },
    }

    for url in ["/guidance/medicines/", "/self-care/", "/check/"]:
        assert Client().get(url).status_code == 200
    assert Client().get("/guidance/no-such-thing/").status_code == 404
    assert cache.get("anything") is None
