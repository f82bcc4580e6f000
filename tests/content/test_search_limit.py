"""Searches are limited per address, with a plain page that still shows the emergency advice."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client

from tests.caches import cached_values
from tests.support.html import attr, one

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock_held")]

LIMIT = int(settings.SEARCH_RATE_PER_ADDRESS.split("/")[0])


def search_from(client: Client, address: str, query: str = "spasm"):
    return client.get("/search/", {"q": query}, REMOTE_ADDR=address)


def test_past_the_limit_a_search_gets_a_plain_429_page_with_the_emergency_card(client: Client):
    statuses = {search_from(client, "192.0.2.1").status_code for _ in range(LIMIT)}
    response = search_from(client, "192.0.2.1")
    page = BeautifulSoup(response.content, "html.parser")

    assert statuses == {200}
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert one(page, "h1").get_text() == "Too many searches: try again in a minute"
    assert one(page, "main [data-care-card]")["data-care-card"] == "common-emergencies"
    assert attr(one(page, "main a[href='/check/']"), "href") == "/check/"
    assert {"no-store", "private"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }


def test_the_limit_is_per_address(client: Client):
    for _ in range(LIMIT + 1):
        search_from(client, "192.0.2.2")

    assert search_from(client, "192.0.2.2").status_code == 429
    assert search_from(client, "192.0.2.3").status_code == 200


def test_the_empty_form_and_blank_searches_are_not_counted(client: Client):
    for _ in range(LIMIT + 1):
        assert client.get("/search/", REMOTE_ADDR="192.0.2.4").status_code == 200
        assert search_from(client, "192.0.2.4", "   ").status_code == 200

    assert search_from(client, "192.0.2.4").status_code == 200


def test_the_count_keeps_neither_the_address_nor_what_was_searched(client: Client):
    for _ in range(LIMIT + 1):
        search_from(client, "198.51.100.77", "numb bum zebrafishes")

    stored = " ".join(cached_values())
    assert "198.51.100.77" not in stored
    assert "zebrafish" not in stored
