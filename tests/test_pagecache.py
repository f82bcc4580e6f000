"""Whole public pages served from the cache to visitors without cookies, each with its own nonce."""

import gzip
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.test.signals import template_rendered
from django.urls import path

from backspasm.compression import MAX_RANDOM_BYTES
from backspasm.content.cache import content_version
from backspasm.content.models import Article
from backspasm.pagecache import page_key, public_page
from backspasm.urls import urlpatterns as site_urlpatterns
from selfcare.models import Exercise

pytestmark = pytest.mark.django_db

CACHED_PAGES = (
    "/",
    "/guidance/",
    "/guidance/medicines/",
    "/check/",
    "/self-care/",
    "/self-care/exercises/",
    "/self-care/exercises/arm-raise/",
    "/about/",
    "/privacy/",
    "/accessibility/",
)
BODY_NONCE = re.compile(rb'nonce="([^"]+)"')
HEADER_NONCE = re.compile(r"'nonce-([^']+)'")


# Every call of a test view below, so a test can tell a stored page from a fresh one.
calls: list[str] = []


@public_page
def sets_a_cookie(request: HttpRequest) -> HttpResponse:
    calls.append(request.path)
    response = HttpResponse("<p>Hello</p>")
    response.set_cookie("seen", "yes")
    return response


def private(request: HttpRequest) -> HttpResponse:
    calls.append(request.path)
    response = HttpResponse("<p>Yours</p>")
    response["Cache-Control"] = "public, private, max-age=60"
    return response


def no_store(request: HttpRequest) -> HttpResponse:
    calls.append(request.path)
    response = HttpResponse("<p>Gone</p>")
    response["Cache-Control"] = "public, no-store"
    return response


@public_page
def stored(request: HttpRequest) -> HttpResponse:
    calls.append(request.path)
    return HttpResponse("<p>Everyone</p>")


urlpatterns = [
    path("test/cookie/", sets_a_cookie),
    path("test/private/", private),
    path("test/no-store/", no_store),
    path("test/stored/", stored),
    *site_urlpatterns,
]


@pytest.fixture
def rendered() -> Iterator[list[str]]:
    names: list[str] = []

    def record(sender: object, template: object, **kwargs: object) -> None:
        names.append(str(getattr(template, "name", "")))

    template_rendered.connect(record, dispatch_uid="pagecache-test")
    yield names
    template_rendered.disconnect(dispatch_uid="pagecache-test")


def nonces(response: Any) -> tuple[set[bytes], str]:
    header = HEADER_NONCE.search(response["Content-Security-Policy"])
    assert header is not None
    return set(BODY_NONCE.findall(response.content)), header.group(1)


@pytest.mark.parametrize("url", CACHED_PAGES)
def test_a_repeat_anonymous_visit_renders_nothing_and_makes_no_query(
    url: str, django_assert_num_queries, rendered: list[str]
):
    client = Client()
    first = client.get(url)
    assert first.status_code == 200
    assert rendered

    rendered.clear()
    client.cookies.clear()
    with django_assert_num_queries(0):
        second = client.get(url)

    assert second.status_code == 200
    assert rendered == []
    assert second.content.count(b"<h1") == 1


@pytest.mark.parametrize("url", ["/", "/self-care/exercises/arm-raise/"])
def test_each_hit_carries_its_own_nonce_in_body_and_header(url: str):
    client = Client()
    first_body, first_header = nonces(client.get(url))
    second_body, second_header = nonces(client.get(url))

    assert first_body == {first_header.encode()}
    assert second_body == {second_header.encode()}
    assert second_header != first_header


def test_a_request_with_a_cookie_is_never_served_from_the_cache(rendered: list[str]):
    Client().get("/about/")
    rendered.clear()

    client = Client()
    client.cookies["anything"] = "1"
    response = client.get("/about/")

    assert response.status_code == 200
    assert "pages/about.html" in rendered


def test_htmx_requests_bypass_the_cache(rendered: list[str]):
    Client().get("/self-care/")
    rendered.clear()

    response = Client(headers={"HX-Request": "true"}).get("/self-care/")

    assert response.status_code == 200
    assert "selfcare/hub.html" in rendered


def test_a_query_string_is_never_stored(rendered: list[str]):
    client = Client()
    client.get("/about/?utm=1")
    rendered.clear()

    client.get("/about/?utm=1")

    assert "pages/about.html" in rendered


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/test/cookie/", "/test/private/", "/test/no-store/"])
def test_a_response_that_is_personal_or_unstorable_is_never_stored(url: str):
    calls.clear()
    client = Client()
    client.get(url)
    client.cookies.clear()
    client.get(url)

    assert calls == [url, url]


@pytest.mark.urls(__name__)
def test_a_public_response_without_cookies_is_stored():
    calls.clear()
    client = Client()
    first = client.get("/test/stored/")
    second = client.get("/test/stored/")

    assert calls == ["/test/stored/"]
    assert second.content == first.content == b"<p>Everyone</p>"
    assert second["Cache-Control"] == "public, max-age=60"
    assert second["X-Frame-Options"] == first["X-Frame-Options"]


@pytest.mark.parametrize(
    ("model", "slug", "field", "url"),
    [(Article, "medicines", "title", "/guidance/"), (Exercise, "arm-raise", "name", "/self-care/")],
)
def test_an_editors_save_changes_the_next_anonymous_page(
    model: type[Article] | type[Exercise], slug: str, field: str, url: str
):
    client = Client()
    new_text = "Reach for the ceiling, gently"
    assert new_text.encode() not in client.get(url).content

    item = model.objects.get(slug=slug)
    setattr(item, field, new_text)
    item.save()

    assert new_text.encode() in client.get(url).content


def test_a_matching_etag_gets_304_from_the_cache(rendered: list[str], django_assert_num_queries):
    client = Client()
    etag = client.get("/self-care/")["ETag"]
    rendered.clear()

    with django_assert_num_queries(0):
        repeat = client.get("/self-care/", headers={"If-None-Match": etag})

    assert repeat.status_code == 304
    assert repeat.content == b""
    assert repeat["ETag"] == etag
    assert rendered == []
    # The browser keeps the policy it got with its copy, whose script tags carry that nonce.
    assert "Content-Security-Policy" not in repeat.headers


def test_head_is_answered_from_the_stored_page(rendered: list[str]):
    client = Client()
    page = client.get("/privacy/")
    rendered.clear()

    head = client.head("/privacy/")

    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == page["Content-Type"]
    assert int(head["Content-Length"]) == len(page.content)
    assert rendered == []


def test_a_304_from_the_page_itself_also_keeps_the_browsers_policy():
    client = Client()
    client.cookies["csrftoken"] = "x" * 32
    etag = client.get("/guidance/")["ETag"]

    repeat = client.get("/guidance/", headers={"If-None-Match": etag})

    assert repeat.status_code == 304
    assert "Content-Security-Policy" not in repeat.headers


@pytest.mark.parametrize("url", ["/", "/guidance/what-is-a-back-spasm/", "/check/"])
def test_a_hit_for_a_browser_that_accepts_gzip_is_the_page_compressed(url: str):
    plain = Client().get(url)
    client = Client(headers={"Accept-Encoding": "br, gzip"})
    client.get(url)

    hit = client.get(url)

    assert hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in hit["Vary"]
    assert hit["ETag"].startswith('W/"')
    assert int(hit["Content-Length"]) == len(hit.content)
    body = gzip.decompress(hit.content)
    body_nonces = set(BODY_NONCE.findall(body))
    header_nonce = HEADER_NONCE.search(hit["Content-Security-Policy"])
    assert header_nonce is not None
    assert body_nonces == {header_nonce.group(1).encode()}
    first_nonce = next(iter(nonces(plain)[0]))
    assert body.replace(header_nonce.group(1).encode(), first_nonce) == plain.content
    # Compressing between the nonces costs a little against compressing the page whole.
    whole = len(gzip.compress(plain.content, compresslevel=6))
    assert len(hit.content) <= whole * 1.1 + MAX_RANDOM_BYTES


def test_a_hit_is_served_from_the_workers_own_store_when_the_shared_cache_loses_it(
    rendered: list[str],
):
    client = Client()
    first = client.get("/about/")
    version = content_version()
    assert version is not None
    cache.delete(page_key(first.wsgi_request, version))
    rendered.clear()

    again = client.get("/about/")

    assert again.status_code == 200
    assert rendered == []
