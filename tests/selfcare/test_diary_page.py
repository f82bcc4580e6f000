"""The pain diary page: today's score, a chart drawn on the server, and a prompt to check again."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from selfcare.diary import MAX_ENTRIES, UNREADABLE_MESSAGE
from tests.selfcare.conftest import as_htmx, finished
from tests.support.html import one, soup_of, text_of
from triage.rules import RULES


def put_in_session(client: Client, key: str, value: object) -> None:
    """Store a value in the signed session cookie, as a person who edits their cookie could."""
    session = client.session
    session[key] = value
    session.save()
    assert session.session_key is not None
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_an_empty_diary_asks_for_todays_score(self_care_client: Client, htmx: bool) -> None:
    client = as_htmx(self_care_client) if htmx else self_care_client
    response = client.get("/self-care/diary/")
    soup = soup_of(response)
    assert one(soup, "h1").get_text(strip=True) == "Pain diary"
    assert soup.select_one("#id_pain_today") is not None
    assert soup.select_one("svg.app-pain-chart") is None
    assert (b"<html" in response.content) is not htmx


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_score_is_saved_and_drawn_with_a_table_as_its_text_alternative(
    self_care_client: Client, htmx: bool
) -> None:
    client = as_htmx(self_care_client) if htmx else self_care_client
    response = client.post("/self-care/diary/", {"pain_today": "5", "new_symptoms": "no"})
    assert response.status_code == 302 and response["Location"] == "/self-care/diary/"
    soup = soup_of(client.get("/self-care/diary/"))
    svg = soup.select_one("svg.app-pain-chart[role=img]")
    assert svg is not None and svg.find("title") is not None
    assert soup.select("svg.app-pain-chart circle")
    assert not soup.select("[style]")
    rows = soup.select("table tbody tr")
    assert len(rows) == 1 and one(rows[0], "td").get_text(strip=True) == "5"


def test_a_second_score_today_replaces_the_first(self_care_client: Client) -> None:
    self_care_client.post("/self-care/diary/", {"pain_today": "7", "new_symptoms": "no"})
    self_care_client.post("/self-care/diary/", {"pain_today": "4", "new_symptoms": "no"})
    assert self_care_client.session["selfcare_diary"] == [[timezone.localdate().isoformat(), 4, 0]]


def test_rising_pain_prompts_to_check_symptoms_again(self_care_client: Client) -> None:
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    put_in_session(self_care_client, "selfcare_diary", [[yesterday, 3, 0]])
    self_care_client.post("/self-care/diary/", {"pain_today": "6", "new_symptoms": "no"})
    soup = soup_of(self_care_client.get("/self-care/diary/"))
    prompt = soup.select_one("#check-again-heading")
    assert prompt is not None and prompt.get_text(strip=True) == "Your pain has gone up"
    form = one(soup, "#check-again-heading ~ form")
    assert form["action"] == "/check/again/" and form["method"] == "post"
    assert one(form, "button").get_text(strip=True) == "Check your symptoms again"


def test_a_rise_of_one_gives_no_prompt(self_care_client: Client) -> None:
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    put_in_session(self_care_client, "selfcare_diary", [[yesterday, 3, 0]])
    self_care_client.post("/self-care/diary/", {"pain_today": "4", "new_symptoms": "no"})
    assert (
        soup_of(self_care_client.get("/self-care/diary/")).select_one("#check-again-heading")
        is None
    )


def test_the_diary_says_when_its_oldest_score_will_be_forgotten(self_care_client: Client) -> None:
    today = timezone.localdate()
    put_in_session(
        self_care_client,
        "selfcare_diary",
        [[(today - timedelta(days=age)).isoformat(), 5, 0] for age in (20, 3, 1)],
    )
    soup = soup_of(self_care_client.get("/self-care/diary/"))
    oldest, forgotten = today - timedelta(days=3), today + timedelta(days=11)

    assert (
        f"We keep each score for 14 days: your oldest score, from {oldest:%A} {oldest.day} "
        f"{oldest:%B}, will be forgotten on {forgotten:%A} {forgotten.day} {forgotten:%B}."
    ) in soup.get_text(" ", strip=True)
    assert len(soup.select("main table tbody tr")) == 2


def test_something_new_prompts_to_check_symptoms_again(self_care_client: Client) -> None:
    self_care_client.post("/self-care/diary/", {"pain_today": "2", "new_symptoms": "yes"})
    text = text_of(self_care_client.get("/self-care/diary/"))
    assert "You told us about something new" in text


def test_steady_pain_gives_no_prompt(self_care_client: Client) -> None:
    self_care_client.post("/self-care/diary/", {"pain_today": "4", "new_symptoms": "no"})
    assert (
        soup_of(self_care_client.get("/self-care/diary/")).select_one("#check-again-heading")
        is None
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"pain_today": "eleven", "new_symptoms": "no"}, "like 5"),
        ({"pain_today": "12", "new_symptoms": "no"}, "Pain must be 10 or less"),
        ({"pain_today": "3"}, "Select yes if you have noticed anything new"),
    ],
)
def test_bad_input_gets_an_error_and_keeps_what_was_typed(
    self_care_client: Client, data: dict[str, str], message: str
) -> None:
    soup = soup_of(self_care_client.post("/self-care/diary/", data))
    assert message in one(soup, ".govuk-error-summary").get_text()
    assert one(soup, "#id_pain_today")["value"] == data["pain_today"]
    assert "selfcare_diary" not in self_care_client.session


@pytest.mark.parametrize(
    "stored",
    [
        "forged",
        [["2026-11-26", 99, 0]],
        [["2026-11-26", 3, 0]] * 2,
        [
            [(timezone.localdate() - timedelta(days=day)).isoformat(), 3, 0]
            for day in range(MAX_ENTRIES + 5)
        ],
    ],
    ids=["not-a-list", "out-of-range", "duplicate-days", "oversized"],
)
def test_a_tampered_diary_is_started_again_with_a_clear_message(
    self_care_client: Client, stored: object
) -> None:
    put_in_session(self_care_client, "selfcare_diary", stored)
    soup = soup_of(self_care_client.get("/self-care/diary/"))
    assert UNREADABLE_MESSAGE in soup.get_text(" ", strip=True)
    assert soup.select("table") == []
    assert "Pain started" in text_of(self_care_client.get("/self-care/plan/"))
    self_care_client.post("/self-care/diary/", {"pain_today": "3", "new_symptoms": "no"})
    assert len(self_care_client.session["selfcare_diary"]) == 1


def test_a_cookie_with_a_forged_signature_is_a_new_visitor_not_an_error(
    self_care_client: Client,
) -> None:
    self_care_client.cookies[settings.SESSION_COOKIE_NAME] = "forged:signature:value"
    response = self_care_client.get("/self-care/diary/")
    assert response.status_code == 200
    assert "We cannot find your plan" in text_of(response)


def test_the_diarys_latest_score_drives_the_plan(self_care_client: Client) -> None:
    self_care_client.post("/self-care/diary/", {"pain_today": "2", "new_symptoms": "no"})
    text = text_of(self_care_client.get("/self-care/plan/"))
    assert "2 out of 10, from today" in text
    assert "Your pain is easing: start the exercises" in text


@pytest.mark.parametrize(("pain", "shown"), [(8, False), (9, True), (10, True)])
def test_a_score_of_9_or_10_gives_the_checkers_see_a_gp_advice(
    self_care_client: Client, pain: int, shown: bool
) -> None:
    rule = next(rule for rule in RULES if rule.id == "G9")
    self_care_client.post("/self-care/diary/", {"pain_today": str(pain), "new_symptoms": "no"})

    diary = soup_of(self_care_client.get("/self-care/diary/"))
    plan = soup_of(self_care_client.get("/self-care/plan/"))

    card = diary.select_one("#very-severe-pain-heading")
    assert (card is not None) is shown
    if shown:
        text = one(diary, "main .app-care-card--gp").get_text(" ", strip=True)
        assert f"a GP in the next week or two, because {rule.also}. {rule.reason}" in text
        assert f"because {rule.also}" in one(plan, "main .app-care-card--gp").get_text()
    else:
        assert rule.also not in plan.get_text()


def test_a_pregnant_person_is_told_a_gp_or_their_midwife(db: None) -> None:
    client = finished(Client(), pregnant=True)
    client.post("/self-care/diary/", {"pain_today": "9", "new_symptoms": "no"})
    text = text_of(client.get("/self-care/diary/"))
    assert "Book an appointment with a GP or your midwife in the next week or two" in text
