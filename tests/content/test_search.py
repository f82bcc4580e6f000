"""Site search: hits, no hits, empty and junk queries, on SQLite and PostgreSQL alike."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.content.html import attr, one

pytestmark = pytest.mark.django_db


def results(client: Client, query: str) -> list[str]:
    page = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    return [attr(link, "href") for link in page.select("main h3 a")]


def test_a_search_finds_the_article_that_mentions_the_words(client: Client):
    assert results(client, "ibuprofen")[0] == "/guidance/medicines/"
    assert "/guidance/serious-causes/" in results(client, "kidney stones")


def test_search_ignores_case(client: Client):
    assert results(client, "DIAZEPAM") == results(client, "diazepam") != []


def test_a_title_match_comes_first(client: Client):
    assert results(client, "exercises")[0] == "/guidance/exercises/"


def test_a_search_with_no_hits_says_so_and_suggests_what_to_do(client: Client):
    response = client.get("/search/", {"q": "xylophone"})
    text = response.content.decode()

    assert response.status_code == 200
    assert "0 results for" in text
    assert "There are no matching results." in text
    assert "checking your spelling" in text


def test_an_empty_search_shows_the_form_without_results(client: Client):
    response = client.get("/search/", {"q": "   "})
    page = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert one(page, "input#id_q").get("type") == "search"
    assert page.select("main h3 a") == []
    assert "Enter a word or words to search for" in page.get_text()


def test_a_search_page_title_names_the_search(client: Client):
    page = BeautifulSoup(client.get("/search/", {"q": "heat"}).content, "html.parser")

    assert one(page, "title").get_text() == "heat: search results - Back spasm help"


def test_a_very_long_query_gets_an_error_summary_and_keeps_what_was_typed(client: Client):
    query = "spasm " * 170
    response = client.get("/search/", {"q": query})
    page = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert one(page, "title").get_text().startswith("Error: ")
    summary = one(page, ".govuk-error-summary a")
    assert attr(summary, "href") == "#id_q"
    assert summary.get_text(strip=True) == "Search words must be 200 characters or fewer"
    assert attr(one(page, "input#id_q"), "value") == query
    assert attr(one(page, "input#id_q"), "aria-describedby") == "id_q-error"


@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "spasm\x00; DROP TABLE content_article;--",
        "\u202espasm\u202c",
        "😖🔥 spasm",
        "\ufeff\u200b",
        "' OR 1=1 --",
        '"unbalanced',
        "a & b | !c <-> d",
        "%_%",
        "\\",
        "ß" * 199,
        "x" * 1000,
        "<script>alert(1)</script>",
    ],
)
def test_strange_queries_never_break_the_search(client: Client, query: str):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_an_invalid_utf8_query_still_gets_a_page(client: Client):
    response = client.get("/search/?q=%ED%A0%80%FF%00spasm")

    assert response.status_code == 200


def test_a_search_matches_what_a_person_would_type_with_odd_spacing(client: Client):
    assert "/guidance/medicines/" in results(client, "  muscle\t\trelaxants  ")
