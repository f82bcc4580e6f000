"""The start page says how long the checker takes, and that is what reading its pages takes.

The time is measured, not guessed: the main content of every page of the self-care route (the
longest, as every question is asked) from the first question to "check your answers", read at
200 words a minute. The advice at the end is not counted: the page promises the time it takes
to answer the questions.
"""

import math
import re

from bs4 import BeautifulSoup

from tests.support.checker import START, client_fetch, walk_checker
from triage.steps import READING_MINUTES

WORDS_PER_MINUTE = 200


def words_in_main(html: str) -> int:
    main = BeautifulSoup(html, "html.parser").select_one("main")
    assert main is not None
    return len(main.get_text(" ").split())


def test_the_start_page_states_the_measured_reading_time_of_the_self_care_route(
    client, record_property
):
    pages: list[str] = []
    start_page = client.get(START)
    stated = re.search(r"Answering the questions takes about (\d+) minutes", start_page.text)
    walk_checker(
        client_fetch(client, lambda response: pages.append(response.content.decode())),
        {},
        start=START,
    )

    route = pages[1:-1]  # after the start page, before the advice
    assert "Check your answers" in route[-1]
    words = sum(words_in_main(html) for html in route)
    minutes = words / WORDS_PER_MINUTE
    record_property("checker_figures", f"self-care route: {words} words on {len(route)} pages")

    assert stated is not None
    assert int(stated[1]) == READING_MINUTES == math.ceil(minutes), (words, len(route))
