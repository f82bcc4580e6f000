"""Reading the pages the tests fetch."""

from bs4 import BeautifulSoup
from django.http import HttpResponse


def soup_of(response: HttpResponse) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(response: HttpResponse) -> str:
    return soup_of(response).get_text(" ", strip=True)
