"""Coming back: a person whose own session holds a result finds their plan, diary or result from
the header and the home page; nobody else's page shows or stores those links."""

import pickle

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import Client

from tests.caches import readable
from tests.selfcare.conftest import finished
from tests.support.html import one, soup_of

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ("/", "/guidance/", "/self-care/", "/privacy/")


def nav_links(response: object) -> dict[str, str]:
    soup = soup_of(response)
    return {a.get_text(strip=True): str(a["href"]) for a in soup.select("#navigation a")}


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_after_a_self_care_result_the_header_offers_the_plan_and_the_diary(path: str) -> None:
    links = nav_links(finished(Client()).get(path))

    assert links["Your plan"] == "/self-care/plan/"
    assert links["Your pain diary"] == "/self-care/diary/"
    assert "Your result" not in links


def test_the_home_page_offers_the_plan_and_the_diary_near_the_top() -> None:
    soup = soup_of(finished(Client()).get("/"))

    box = one(soup, "main h1 + .app-your-pages")
    assert [(a.get_text(strip=True), a["href"]) for a in box.select("a")] == [
        ("Your plan", "/self-care/plan/"),
        ("Your pain diary", "/self-care/diary/"),
    ]


def test_after_any_other_result_the_header_offers_that_result() -> None:
    # A GP result offers the plan too; only an emergency or urgent result is "Your result".
    links = nav_links(finished(Client(), fever=True).get("/"))

    assert links["Your result"] == "/check/result/"
    assert "Your plan" not in links


def test_on_the_persons_own_pages_the_header_still_marks_one_current_section() -> None:
    soup = soup_of(finished(Client()).get("/self-care/diary/"))

    current = soup.select("#navigation a[aria-current=page]")
    assert [a.get_text(strip=True) for a in current] == ["Self-care"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_with_those_links_are_kept_by_nobody_and_never_reach_anyone_else(path: str) -> None:
    theirs = finished(Client()).get(path)
    anyones = Client().get(path)

    directives = {part.strip() for part in theirs["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert "Your plan" in nav_links(theirs)
    assert "Your plan" not in nav_links(anyones)
    assert "Your plan" not in nav_links(Client().get(path)), "the page cache served their page"
    assert "public" in anyones["Cache-Control"]
    # A cache in front tells the cookieless copy from theirs by the cookie; the only copy stored is
    # the cookieless one.
    assert "cookie" in anyones["Vary"].lower()
    held = [pickle.loads(value) for value in caches["pages"]._cache.values()]  # type: ignore[attr-defined]
    stored = [readable(page) for page in held if isinstance(page, HttpResponse)]
    assert len(stored) == 1
    assert "app-service-navigation__item--yours" not in stored[0]
    assert "app-your-pages" not in stored[0]


def test_a_visitor_part_way_through_the_checker_gets_no_links() -> None:
    client = Client()
    client.get("/check/")
    start = soup_of(client.get("/check/"))
    assert start.select(".app-service-navigation__item--yours") == []
