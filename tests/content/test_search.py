"""Site search: hits, no hits, empty and junk queries, on SQLite and PostgreSQL alike.

Every test here runs on whichever engine DATABASE_URL names; .ci/run runs them on both.
"""

import logging
from datetime import date
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from backspasm.publishing.version import content_version
from content.models import Article, Section, Status
from content.search import published_index, search
from tests.caches import cached_values
from tests.support.html import attr, one

pytestmark = pytest.mark.django_db

RESULT_LINKS = "main ul[aria-labelledby=results-heading] h3 a"


def results(client: Client, query: str) -> list[str]:
    page = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    return [attr(link, "href") for link in page.select(RESULT_LINKS)]


def test_a_search_finds_the_article_that_mentions_the_words(client: Client):
    assert results(client, "ibuprofen")[0] == "/guidance/medicines/"
    assert "/guidance/serious-causes/" in results(client, "kidney stones")


def test_search_ignores_case(client: Client):
    assert results(client, "DIAZEPAM") == results(client, "diazepam") != []


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("knee rolls", "/self-care/exercises/knee-rolls/"),
        ("pelvic tilt", "/self-care/exercises/pelvic-tilt/"),
        ("bottom to heels", "/self-care/exercises/bottom-to-heels/"),
        ("frozen peas", "/self-care/"),
        ("diary", "/privacy/"),
        ("accessibility statement", "/accessibility/"),
    ],
)
def test_search_finds_exercises_the_self_care_hub_and_site_pages(
    client: Client, query: str, page: str
):
    assert page in results(client, query)[:2]


@pytest.mark.parametrize("query", ["stretching", "stretches", "stretched", "STRETCH"])
def test_search_matches_other_forms_of_a_word(client: Client, query: str):
    assert "/self-care/exercises/arm-raise/" in results(client, query)


def test_words_only_in_the_repeated_emergency_callout_do_not_match_every_page(client: Client):
    # "genitals" is in the callout on every exercise, and in the guidance itself; the self-care
    # hub's own care cards name it too, so it is rightly found there.
    exercise_page = client.get("/self-care/exercises/knee-rolls/").content.decode()
    found = results(client, "genitals")

    assert "genitals" in exercise_page
    assert "/self-care/exercises/knee-rolls/" in results(client, "knee rolls")
    assert not [url for url in found if url.startswith("/self-care/exercises/")]
    assert "/guidance/when-to-get-help/" in found
    assert "/self-care/" in found


def one_letter_slips(word: str) -> set[str]:
    """Every way to drop, double or swap one letter of ``word``, or change it to a, x or z."""
    slips = set()
    for index in range(len(word)):
        slips.add(word[:index] + word[index + 1 :])
        slips.add(word[:index] + word[index] + word[index:])
        slips.update(word[:index] + letter + word[index + 1 :] for letter in "axz")
        if index + 1 < len(word):
            slips.add(word[:index] + word[index + 1] + word[index] + word[index + 2 :])
    return slips - {word}


def test_every_one_letter_slip_in_ibuprofen_is_forgiven():
    slips = sorted(one_letter_slips("ibuprofen"))
    found = {slip: search(slip) for slip in slips}

    assert len(slips) > 50
    assert [
        slip
        for slip, result in found.items()
        if result.suggestion != "ibuprofen"
        or not result.for_suggestion
        or [hit.url for hit in result.hits[:1]] != ["/guidance/medicines/"]
    ] == []


def test_a_misspelling_offers_did_you_mean_and_shows_the_results_for_it(client: Client):
    page = BeautifulSoup(client.get("/search/", {"q": "ibuprofin"}).content, "html.parser")
    suggestion = one(page, "main p.govuk-body-l")

    assert suggestion.get_text(" ", strip=True) == "Did you mean ibuprofen ?"
    assert attr(one(suggestion, "a"), "href") == "/search/?q=ibuprofen"
    assert one(page, "#results-heading").get_text().endswith("for ‘ibuprofen’")
    assert "There are no results for ‘ibuprofin’" in page.get_text()
    assert [attr(link, "href") for link in page.select(RESULT_LINKS)][0] == "/guidance/medicines/"


def test_a_misspelling_beside_a_correct_word_keeps_the_correct_word(client: Client):
    found = search("muscle relaxnts")

    assert found.suggestion == "muscle relaxants"
    assert "/guidance/medicines/" in [hit.url for hit in found.hits]


def test_a_word_the_site_uses_gets_no_suggestion():
    assert search("spasm").suggestion is None
    assert search("stretching").suggestion is None


def test_each_result_shows_the_matching_text_with_the_words_marked(client: Client):
    page = BeautifulSoup(client.get("/search/", {"q": "knee rolls"}).content, "html.parser")
    first = one(page, "main ul.govuk-list li")
    marked = {mark.get_text().lower() for mark in first.select(".app-search-snippet mark")}

    assert marked & {"knee", "knees"}
    assert marked & {"roll", "rolls"}
    assert "Self-care: exercises" in first.get_text()


def test_a_snippet_never_lets_page_text_become_markup(client: Client):
    response = client.get("/search/", {"q": "<mark>spasm</mark>"})
    page = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert all(mark.get_text().lower().startswith("spasm") for mark in page.select("main mark"))


def test_an_article_an_editor_publishes_is_found_at_once(
    client: Client, django_capture_on_commit_callbacks: Any
):
    assert results(client, "hammock") == []
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.create(
            title="Sleeping in a hammock",
            slug="sleeping-in-a-hammock",
            summary="Whether a hammock helps.",
            body="Plain words.",
            section=Section.SELF_CARE,
            status=Status.PUBLISHED,
            last_reviewed=date(2026, 11, 26),
            next_review_due=date(2027, 11, 26),
            reviewer="A physiotherapist",
        )

    assert results(client, "hammock") == ["/guidance/sleeping-in-a-hammock/"]


def test_a_page_of_results_is_never_kept_by_a_browser_or_shared_cache(client: Client):
    response = client.get("/search/", {"q": "sciatica"})
    directives = {part.strip() for part in response["Cache-Control"].split(",")}

    assert {"private", "no-store"} <= directives
    assert "public" not in directives


def test_the_empty_search_form_is_a_public_page(client: Client):
    response = client.get("/search/")

    assert "public" in response["Cache-Control"]


def test_what_was_searched_for_reaches_no_log_cache_or_table(
    client: Client, caplog: pytest.LogCaptureFixture
):
    query = "zebrafishes cauda"
    with caplog.at_level(logging.DEBUG):
        client.get("/search/", {"q": query})
        client.get("/search/", {"q": "zebrafishes"})

    assert "zebrafish" not in caplog.text
    for entry in cached_values():
        assert "zebrafish" not in entry


def test_storing_the_index_is_not_an_editors_change():
    before = content_version()
    search("spasm")

    assert content_version() == before
    assert published_index().fingerprint


def test_a_title_match_comes_first(client: Client):
    assert results(client, "exercises")[0] == "/guidance/exercises/"


def test_a_search_with_no_hits_shows_the_emergency_card_and_the_checker(client: Client):
    response = client.get("/search/", {"q": "xylophone"})
    page = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert one(page, "#results-heading").get_text() == "0 results for ‘xylophone’"
    assert one(page, "main [data-care-card]")["data-care-card"] == "common-emergencies"
    assert attr(one(page, "main a.govuk-button--start"), "href") == "/check/"


def test_an_empty_search_shows_the_form_without_results(client: Client):
    response = client.get("/search/", {"q": "   "})
    page = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert one(page, "input#id_q").get("type") == "search"
    assert page.select(RESULT_LINKS) == []
    assert "Enter a word or words to search for" in page.get_text()


def test_a_search_page_title_names_the_search(client: Client):
    page = BeautifulSoup(client.get("/search/", {"q": "heat"}).content, "html.parser")

    assert one(page, "title").get_text() == "heat: search results - Back spasm help"
    assert one(page, "label[for=id_q]").get_text() == "Search this site"


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
