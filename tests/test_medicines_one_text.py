"""One medicines text (spec v4): the result, the plan, the diary and the medicines guidance print
the same words, and a pregnant person's pages the pregnancy version."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.selfcare.conftest import SELF_CARE_ANSWERS
from tests.support.checker import complete_checker
from triage.medicines import MEDICINES, MEDICINES_IN_PREGNANCY, NOT_RECOMMENDED

pytestmark = pytest.mark.django_db


def medicines_lines(html: bytes | str) -> list[list[str]]:
    """Each medicines block on the page, as its list items' text."""
    page = BeautifulSoup(html, "html.parser")
    return [
        [" ".join(item.get_text(" ").split()) for item in block.select("li")]
        for block in page.select("main [data-medicines]")
    ]


@pytest.mark.parametrize(
    ("pregnant", "lines"), [(False, MEDICINES), (True, MEDICINES_IN_PREGNANCY)]
)
def test_the_result_the_plan_and_the_diary_print_the_one_text(pregnant, lines):
    client = Client()
    result = complete_checker(client, {**SELF_CARE_ANSWERS, "pregnant": pregnant})
    pages = {
        "result": result.content,
        "plan": client.get("/self-care/plan/").content,
        "diary": client.get("/self-care/diary/").content,
    }
    for name, html in pages.items():
        assert medicines_lines(html) == [list(lines)], name


def test_the_medicines_guidance_prints_the_one_text_the_pregnancy_version_and_the_do_nots(
    client: Client,
):
    response = client.get("/guidance/medicines/")
    assert response.status_code == 200
    (block,) = medicines_lines(response.content)
    assert block == [*MEDICINES, *MEDICINES_IN_PREGNANCY, *NOT_RECOMMENDED]
    text = " ".join(block)
    for medicine in ("gabapentin", "epilepsy", "steroid tablets", "diazepam", "opioids"):
        assert medicine in text
