"""Pages made for one person: no cache keeps them, they answer only their methods, and the whole
page and its htmx partial, served from one address, are never taken for each other."""

from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.http import HttpResponseBase
from django.test import Client

from tests.selfcare.conftest import finished

# Each personal page, with the methods it answers.
PERSONAL_PAGES = {
    "/check/emergency-signs/": {"GET", "POST"},
    "/check/answers/": {"GET", "POST"},
    "/check/result/": {"GET"},
    "/check/under-16/": {"GET"},
    "/check/start-again/": {"GET", "POST"},
    "/self-care/plan/": {"GET"},
    "/self-care/plan/change/": {"GET", "POST"},
    "/self-care/start-back/": {"GET", "POST"},
    "/self-care/diary/": {"GET", "POST"},
    "/feedback/": {"POST"},
}


@pytest.fixture
def someone(db: None) -> Client:
    """A person with a self-care result, so every page speaks to them."""
    return finished(Client())


def visit(client: Client, path: str) -> HttpResponseBase:
    if "GET" in PERSONAL_PAGES[path]:
        return client.get(path)
    return client.post(
        path, {"page": "/", "useful": "yes"}, headers={"Origin": "http://testserver"}
    )


def directives(response: HttpResponseBase) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("path", PERSONAL_PAGES)
def test_no_cache_may_keep_a_personal_page(someone: Client, path: str) -> None:
    response = visit(someone, path)

    assert response.status_code < 400
    assert {"no-cache", "no-store", "must-revalidate", "private"} <= directives(response)


@pytest.mark.parametrize("path", PERSONAL_PAGES)
def test_a_cache_never_gives_the_htmx_partial_for_the_whole_page(
    someone: Client, path: str
) -> None:
    whole = visit(someone, path)
    someone.defaults["HTTP_HX_REQUEST"] = "true"
    partial = visit(someone, path)

    for response in (whole, partial):
        vary = [header.strip() for header in response["Vary"].split(",")]
        assert vary.count("HX-Request") == 1


@pytest.mark.parametrize("path", PERSONAL_PAGES)
def test_a_personal_page_refuses_other_methods_and_says_which_it_answers(
    someone: Client, path: str
) -> None:
    allowed = PERSONAL_PAGES[path]
    other = (
        "PUT" if "POST" in allowed and "GET" in allowed else "POST" if "GET" in allowed else "GET"
    )

    response = someone.generic(other, path)

    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == allowed | ({"HEAD"} if "GET" in allowed else set())
    assert {"no-store", "private"} <= directives(response)


def title_of(response: Any) -> str:
    assert response.status_code == 200
    found = BeautifulSoup(response.content, "html.parser").title
    assert found is not None
    return found.get_text()


# Under 16 is left out: it sends someone with a self-care result back to that result.
SWAPPED_PAGES = [path for path in PERSONAL_PAGES if path not in {"/check/under-16/", "/feedback/"}]
FORMS = [
    "/check/emergency-signs/",
    "/self-care/plan/change/",
    "/self-care/start-back/",
    "/self-care/diary/",
]


@pytest.mark.parametrize("path", SWAPPED_PAGES)
def test_the_htmx_partial_gives_the_page_its_title(someone: Client, path: str) -> None:
    whole = title_of(someone.get(path))

    partial = title_of(someone.get(path, headers={"HX-Request": "true"}))

    assert partial == whole
    assert whole.endswith(" - Back spasm help") and not whole.startswith("Error: ")


@pytest.mark.parametrize("path", FORMS)
def test_a_form_with_errors_puts_error_first_in_the_title_with_or_without_htmx(
    someone: Client, path: str
) -> None:
    whole = title_of(someone.post(path))

    partial = title_of(someone.post(path, headers={"HX-Request": "true"}))

    assert partial == whole
    assert whole.startswith("Error: ")
