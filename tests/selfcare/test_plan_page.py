"""The personal plan page: built from the checker's answers, changeable, and safe with bad input."""

import pytest
from django.test import Client

from selfcare.models import Exercise
from selfcare.startback import ITEMS
from tests.selfcare.conftest import as_htmx, finished
from tests.support.html import one, soup_of, text_of, title
from triage.rules import CONDITIONS


def test_the_plan_is_built_from_the_checkers_answers(self_care_client: Client) -> None:
    soup = soup_of(self_care_client.get("/self-care/plan/"))
    assert one(soup, "h1").get_text(strip=True) == (
        "The spasm is settling: keep moving and use heat"
    )
    text = soup.get_text(" ", strip=True)
    assert "today is day 4" in text
    assert "6 out of 10, from your symptom check" in text
    assert "When your pain is 4 out of 10 or less" in text
    assert "Heat every 4 hours: 8am, midday, 4pm and 8pm." in text
    assert "Ibuprofen is usually the first painkiller to try" in text


def test_the_plan_always_says_when_to_stop_and_get_help(self_care_client: Client) -> None:
    soup = soup_of(self_care_client.get("/self-care/plan/"))
    assert one(soup, "#get-help-heading").get_text(strip=True) == "Stop and get help if"
    text = one(soup, ".app-get-help").get_text(" ", strip=True).lower()
    for sign in ("when you wipe", "new problems peeing", "both legs", "like jelly", "day or night"):
        assert sign in text


@pytest.mark.django_db
def test_pregnancy_leaves_out_nsaids_and_adds_exercise_cautions() -> None:
    client = finished(Client(), pregnant=True)
    text = text_of(client.get("/self-care/plan/"))
    assert "Do not take ibuprofen, naproxen or other anti-inflammatory painkillers" in text
    assert "can help if they are suitable" not in text
    assert "Exercises in pregnancy" in text
    assert "Lie on your side with a pillow between your knees" in text


def test_the_page_and_the_htmx_partial_come_from_one_template(self_care_client: Client) -> None:
    page = self_care_client.get("/self-care/plan/")
    partial = as_htmx(self_care_client).get("/self-care/plan/")
    assert b"<html" in page.content and b"<html" not in partial.content
    assert b"<title>Your self-care plan - Back spasm help</title>" in partial.content


def test_the_plans_change_links_open_the_change_page_with_the_plans_own_figures(
    self_care_client: Client,
) -> None:
    plan = soup_of(self_care_client.get("/self-care/plan/"))
    changes = [link["href"] for link in plan.select(".govuk-summary-list__actions a")]
    assert "/self-care/plan/change/" in changes
    assert "/self-care/plan/change/#id_pain_today" in changes
    assert plan.select_one("main form[action='/self-care/plan/change/']") is None

    change = soup_of(self_care_client.get("/self-care/plan/change/"))
    assert title(change).startswith("Change your plan")
    assert one(change, "#id_pain_today")["value"] == "6"
    assert one(change, "main form")["action"] == "/self-care/plan/change/"


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_updating_days_and_pain_redirects_and_moves_the_plan_on(
    self_care_client: Client, htmx: bool
) -> None:
    client = as_htmx(self_care_client) if htmx else self_care_client
    response = client.post("/self-care/plan/change/", {"days_since_start": "6", "pain_today": "3"})
    assert response.status_code == 302 and response["Location"] == "/self-care/plan/"
    text = text_of(client.get("/self-care/plan/"))
    assert "Your pain is easing: start the exercises" in text
    assert "today is day 7" in text
    assert "3 out of 10, from today" in text
    assert "Arm raise stretch : 5 times, hold for 5 seconds" in text


@pytest.mark.parametrize(
    ("days", "pain", "message"),
    [
        ("", "5", "Enter how long ago your back pain started, like 5"),
        ("400", "5", "Enter a time of up to 1 year, like 52 weeks or 12 months"),
        ("-2", "5", "Enter a time of 0 or more"),
        ("three", "5", "Enter how long ago your back pain started as a whole number, like 5"),
        ("3", "11", "Pain must be 10 or less"),
        ("3", "", "Enter your pain today as a number from 0 to 10"),
        ("3", "9" * 40, "Enter your pain today as a whole number from 0 to 10, like 5"),
    ],
)
def test_bad_input_gets_an_error_summary_and_keeps_what_was_typed(
    self_care_client: Client, days: str, pain: str, message: str
) -> None:
    response = self_care_client.post(
        "/self-care/plan/change/", {"days_since_start": days, "pain_today": pain}
    )
    soup = soup_of(response)
    assert title(soup).startswith("Error: ")
    summary = soup.select_one(".govuk-error-summary")
    assert summary is not None and message in summary.get_text()
    assert one(soup, "#id_days_since_start").get("value", "") == days
    assert one(soup, "#id_pain_today").get("value", "") == pain


@pytest.mark.parametrize(
    ("number", "unit", "day"),
    [("10", "days", 11), ("2", "weeks", 15), ("3", "months", 91), ("5", "", 6)],
)
def test_when_the_pain_started_is_given_in_days_weeks_or_months_like_the_checker(
    self_care_client: Client, number: str, unit: str, day: int
) -> None:
    data = {"days_since_start": number, "pain_today": "5"}
    if unit:
        data["duration_unit"] = unit
    response = self_care_client.post("/self-care/plan/change/", data)
    assert response.status_code == 302
    text = text_of(self_care_client.get("/self-care/plan/"))
    assert f"today is day {day}" in text


@pytest.mark.parametrize(
    ("number", "unit", "message"),
    [
        ("13", "months", "Enter a time of up to 1 year"),
        ("53", "weeks", "Enter a time of up to 1 year"),
        ("3", "years", "Select days, weeks or months"),
    ],
)
def test_a_time_over_a_year_or_an_unknown_unit_is_explained(
    self_care_client: Client, number: str, unit: str, message: str
) -> None:
    soup = soup_of(
        self_care_client.post(
            "/self-care/plan/change/",
            {"days_since_start": number, "duration_unit": unit, "pain_today": "5"},
        )
    )
    assert message in one(soup, ".govuk-error-summary").get_text()
    assert one(soup, "#id_days_since_start")["value"] == number


def test_htmx_post_with_errors_returns_only_the_change_page_with_the_summary(
    self_care_htmx_client: Client,
) -> None:
    response = self_care_htmx_client.post("/self-care/plan/change/", {"days_since_start": "x"})
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b"<title>Error: Change your plan" in response.content
    assert b"govuk-error-summary" in response.content


def test_answering_the_questionnaire_shows_the_risk_group_on_the_plan(
    self_care_client: Client,
) -> None:
    high = {item.id: "agree" for item in ITEMS[:8]} | {"bothersome": "extremely"}
    assert self_care_client.post("/self-care/start-back/", high).status_code == 302
    text = text_of(self_care_client.get("/self-care/plan/"))
    assert "High risk." in text
    assert "see a physiotherapist as well" in text
    assert "See a physiotherapist as well, because of your answers" in text
    assert "© Keele University 2007" in text


def test_rerunning_the_checker_with_a_new_duration_wins_over_an_old_change(
    self_care_client: Client,
) -> None:
    self_care_client.post("/self-care/plan/change/", {"days_since_start": "10", "pain_today": "6"})
    finished(self_care_client, duration_days=1)
    assert "today is day 2" in text_of(self_care_client.get("/self-care/plan/"))


@pytest.mark.django_db
def test_not_better_after_three_weeks_says_book_a_gp_appointment() -> None:
    client = finished(Client(), duration_days=20)
    client.post("/self-care/plan/change/", {"days_since_start": "22", "pain_today": "6"})
    text = text_of(client.get("/self-care/plan/"))
    assert "Book a GP appointment" in text
    assert "not starting to get better after 3 weeks" in text


def test_a_repeat_view_of_the_plan_makes_no_query(
    self_care_client: Client, django_assert_num_queries
) -> None:
    self_care_client.get("/self-care/plan/")

    with django_assert_num_queries(0):
        response = self_care_client.get("/self-care/plan/")

    assert response.status_code == 200


def test_an_editors_change_to_an_exercise_shows_on_the_next_plan(
    self_care_client: Client, django_capture_on_commit_callbacks
) -> None:
    exercise = Exercise.objects.get(slug="arm-raise")
    exercise.repetitions = 10
    exercise.save()
    # Pain low enough for exercises to be in the plan.
    self_care_client.post("/self-care/plan/change/", {"days_since_start": 3, "pain_today": 2})
    assert "Arm raise" in text_of(self_care_client.get("/self-care/plan/"))

    exercise.name = "Reach for the ceiling"
    with django_capture_on_commit_callbacks(execute=True):
        exercise.save()

    text = text_of(self_care_client.get("/self-care/plan/"))
    assert "Reach for the ceiling" in text
    assert "Arm raise" not in text


@pytest.mark.parametrize(
    ("diary", "heading"),
    [
        (
            {"pain_today": "8", "new_symptoms": "no"},
            "Your pain has gone up: check your symptoms again",
        ),
        (
            {"pain_today": "5", "new_symptoms": "yes"},
            "You told us about something new: check your symptoms again",
        ),
    ],
    ids=["pain-up-by-two", "something-new"],
)
def test_a_worsening_diary_entry_changes_the_plans_first_screen(
    self_care_client: Client, diary: dict[str, str], heading: str
) -> None:
    self_care_client.post("/self-care/diary/", diary)

    soup = soup_of(self_care_client.get("/self-care/plan/"))

    assert one(soup, "h1").get_text(strip=True) == heading
    check_again = one(soup, "h1 + .app-callout form")
    assert check_again["action"] == "/check/again/" and check_again["method"] == "post"
    assert one(check_again, "button").get_text(strip=True) == "Check your symptoms again"
    assert "On hold until your pain stops going up" in soup.get_text(" ", strip=True)
    assert "The spasm is settling" not in soup.get_text(" ", strip=True)


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["/self-care/plan/", "/self-care/diary/"])
@pytest.mark.parametrize("pregnant", [True, False], ids=["pregnant", "not pregnant"])
def test_stop_and_get_help_adds_the_pregnancy_card_that_the_result_shows(
    page: str, pregnant: bool
) -> None:
    client = finished(Client(), pregnant=pregnant)
    signs = " ".join(CONDITIONS["pregnancy_warning_signs"].label.split())
    result = text_of(client.get("/check/result/"))
    help_box = one(soup_of(client.get(page)), ".app-get-help").get_text(" ", strip=True)
    assert (signs in result) is pregnant
    assert (signs in help_box) is pregnant
