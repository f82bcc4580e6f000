"""Spec v4 through the web pages: a person who half-meets an emergency rule (E4-E8), or is
pregnant, sees the signs that would make their result an emergency, in the rules' words, with
the rule's action, on the result and, where the result offers them, on the plan and the diary.

Each journey goes through the real checker over HTTP (tests/support/checker.py).
"""

from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup, Tag
from django.test import Client

from tests.support.checker import complete_checker
from triage.rules import FINDINGS
from triage.safetynet import LABOUR

pytestmark = pytest.mark.django_db

CALL = "call-999"
A_AND_E = "a-and-e"


@dataclass(frozen=True)
class Case:
    answers: dict[str, object]
    disposition: str
    watch: dict[str, str]  # finding id -> the level of the card it must be on
    told: str = ""  # words the sign's action must add


CASES = {
    "E4 upper tummy pain": Case(
        {"upper_abdominal_pain": True}, "urgent", {"fever": A_AND_E, "jaundice": A_AND_E}
    ),
    "E5 waves of side pain": Case(
        {"colicky_side_pain": True}, "urgent", {"fever": A_AND_E, "pain_uncontrolled": A_AND_E}
    ),
    "E4 E5 a temperature": Case(
        {"fever": True},
        "urgent",
        {
            "upper_abdominal_pain": A_AND_E,
            "colicky_side_pain": A_AND_E,
            "sepsis_signs": CALL,
            "meningitis_signs": CALL,
        },
    ),
    "E6 cancer": Case(
        {"cancer_history": True},
        "urgent",
        {"sciatica": A_AND_E, "band_like_pain": A_AND_E, "both_legs_symptoms": A_AND_E},
        told="Tell them you have cancer and may have spinal cord compression.",
    ),
    "E7 injects drugs": Case({"iv_drug_use": True}, "urgent", {"fever": A_AND_E}),
    "E7 weak immune system": Case({"immunosuppressed": True}, "urgent", {"fever": A_AND_E}),
    "E7 spinal procedure": Case({"recent_spinal_procedure": True}, "urgent", {"fever": A_AND_E}),
    "E8 aged 65, self-care": Case({"age": 65}, "self_care", {"sudden_severe_pain": CALL}),
    "E8 aged 65, see a GP": Case(
        {"age": 65, "worsening": True}, "gp", {"sudden_severe_pain": CALL}
    ),
    "pregnant, self-care": Case(
        {"pregnant": "yes"},
        "self_care",
        {"pregnancy_emergency": CALL, "colicky_side_pain": A_AND_E},
    ),
    "pregnant, see a GP": Case(
        {"pregnant": "yes", "recurrent": True},
        "gp",
        {"pregnancy_emergency": CALL, "colicky_side_pain": A_AND_E},
    ),
    "pregnant, urgent": Case(
        {"pregnant": "yes", "night_pain": True},
        "urgent",
        {"pregnancy_emergency": CALL, "colicky_side_pain": A_AND_E},
    ),
}


def squashed(text: str) -> str:
    return " ".join(text.split())


def sign_on_page(html: bytes, finding: str) -> tuple[str, str, str]:
    """The first place the page lists this sign: its words, its card's level and its action."""
    page = BeautifulSoup(html, "html.parser")
    sign = page.select_one(f'main [data-sign="{finding}"]')
    assert sign is not None, f"{finding} is not on the page"
    card = sign.find_parent(class_="app-care-card")
    assert isinstance(card, Tag)
    level = next(
        name.removeprefix("app-care-card--")
        for name in card["class"]
        if name.removeprefix("app-care-card--") in {CALL, A_AND_E, "urgent", "gp"}
    )
    signs_list = sign.find_parent("ul", class_="app-care-card__signs")
    assert isinstance(signs_list, Tag)
    action = signs_list.find_next_sibling(class_="app-care-card__action")
    assert isinstance(action, Tag)
    return squashed(sign.get_text(" ")), level, squashed(action.get_text(" "))


def assert_watched(html: bytes, case: Case) -> None:
    for finding, level in case.watch.items():
        words, card_level, action = sign_on_page(html, finding)
        assert words == squashed(FINDINGS[finding].label)
        assert card_level == level, finding
        if level == CALL:
            assert action.startswith("Call 999 now")
        else:
            assert action.startswith("Go to A&E immediately, day or night")
        if case.told and finding in {"sciatica", "band_like_pain", "both_legs_symptoms"}:
            assert case.told in action


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_half_met_rules_show_their_signs_on_the_result_plan_and_diary(case: Case):
    client = Client()
    result = complete_checker(client, case.answers)
    page = BeautifulSoup(result.content, "html.parser")
    disposition = page.select_one("[data-disposition]")
    assert disposition is not None and disposition["data-disposition"] == case.disposition

    assert_watched(result.content, case)
    if case.disposition in {"self_care", "gp"}:
        for path in ("/self-care/plan/", "/self-care/diary/"):
            response = client.get(path)
            assert response.status_code == 200
            assert_watched(response.content, case)


def test_situations_are_never_shown_as_signs_to_watch_for():
    client = Client()
    answers = {
        "cancer_history": True,
        "iv_drug_use": True,
        "immunosuppressed": True,
        "recent_spinal_procedure": True,
        "pregnant": "yes",
    }
    html = complete_checker(client, answers).content
    page = BeautifulSoup(html, "html.parser")
    for situation in answers:
        assert page.select_one(f'main [data-sign="{situation}"]') is None


@pytest.mark.parametrize("path", ["/check/result/", "/self-care/plan/", "/self-care/diary/"])
def test_pregnancy_yes_gets_the_maternity_unit_and_labour_advice(path):
    client = Client()
    complete_checker(client, {"pregnant": "yes"})
    html = client.get(path).content
    text = squashed(BeautifulSoup(html, "html.parser").get_text(" "))
    assert "Contact your maternity unit or midwife now" in text
    assert LABOUR in text
    page = BeautifulSoup(html, "html.parser")
    names = [card["data-care-card"] for card in page.select("main [data-care-card]")]
    emergency = next(
        i
        for i, card in enumerate(page.select("main [data-care-card]"))
        if card.select_one('[data-sign="pregnancy_emergency"]')
    )
    assert emergency < names.index("pregnancy-warning-signs")


@pytest.mark.parametrize("path", ["/check/result/", "/self-care/plan/", "/self-care/diary/"])
def test_not_sure_gets_the_gp_surgery_or_111_and_no_labour_advice(path):
    client = Client()
    complete_checker(client, {"pregnant": "not_sure"})
    html = client.get(path).content
    card = BeautifulSoup(html, "html.parser").select_one(
        "main [data-care-card=pregnancy-warning-signs]"
    )
    assert card is not None
    text = squashed(card.get_text())
    assert "Contact your GP surgery today or call 111, and tell them you might be pregnant" in text
    assert "maternity" not in text
    assert "37 weeks or later" not in squashed(html.decode())


def test_not_sure_with_an_urgent_sign_is_sent_to_the_gp_surgery_not_a_maternity_team():
    response = complete_checker(Client(), {"pregnant": "not_sure", "night_pain": True})
    headline = BeautifulSoup(response.content, "html.parser").select_one("[data-disposition]")
    assert headline is not None
    text = squashed(headline.get_text(" "))
    assert "tell them you might be pregnant" in text
    assert "maternity" not in text


def test_a_self_care_result_dates_this_persons_gp_triggers():
    response = complete_checker(Client(), {"sciatica": True, "duration_days": 3})
    card = BeautifulSoup(response.content, "html.parser").select_one(
        "main [data-care-card=watch-gp]"
    )
    assert card is not None
    text = squashed(card.get_text(" "))
    assert "Your leg pain is still there on" in text
    assert "You still have back pain on" in text
    assert "Your back pain is not starting to get better by" in text
    assert "Your pain is 9 or 10 out of 10" in text
