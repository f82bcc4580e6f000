"""Reading the pages the tests fetch."""

from typing import Any

from bs4 import BeautifulSoup, Tag


def soup_of(response: Any) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(response: Any) -> str:
    return soup_of(response).get_text(" ", strip=True)


def one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    """The one element the selector finds; the test fails if there is none."""
    found = soup.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found


def title(soup: BeautifulSoup) -> str:
    return one(soup, "title").get_text()
