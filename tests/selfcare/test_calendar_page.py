"""The plan's calendar download, parsed back with icalendar."""

from datetime import time

import icalendar
from django.test import Client
from django.utils import timezone

from tests.selfcare.conftest import as_htmx
from tests.selfcare.test_calendar import occurrences, start


def download(client: Client, query: str = "?sessions=all") -> icalendar.Calendar:
    response = client.get(f"/self-care/plan.ics{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="back-spasm-plan-{today}.ics"'
    assert "no-store" in response["Cache-Control"]
    return icalendar.Calendar.from_ical(response.content)


def test_the_calendar_has_daily_heat_sessions_with_reminders_while_awake(
    self_care_client: Client,
) -> None:
    calendar = download(self_care_client)
    heat = [event for event in calendar.events if str(event["SUMMARY"]) == "Heat on your back"]
    assert len(heat) == 4
    assert [len(occurrences(event)) for event in heat] == [14] * 4
    assert all(event.walk("VALARM") for event in heat)
    assert {start(event).time() for event in heat} == {time(8), time(12), time(16), time(20)}
    assert not [event for event in calendar.events if str(event["SUMMARY"]) == "Back exercises"]


def test_once_the_pain_eases_the_calendar_adds_exercise_sessions(self_care_client: Client) -> None:
    self_care_client.post("/self-care/diary/", {"pain_today": "3", "new_symptoms": "no"})
    calendar = download(as_htmx(self_care_client))
    exercise = [event for event in calendar.events if str(event["SUMMARY"]) == "Back exercises"]
    assert len(exercise) == 3
    assert [len(occurrences(event)) for event in exercise] == [14] * 3
    assert "Knee to chest: 4 times, hold for 10 seconds" in str(exercise[0]["DESCRIPTION"])


def test_the_light_calendar_downloaded_twice_keeps_every_event_id(
    self_care_client: Client,
) -> None:
    first = download(self_care_client, "")
    again = download(self_care_client, "")

    summaries = {str(event["SUMMARY"]) for event in first.events}
    assert summaries == {
        "Your back plan for today",
        "Score your pain in your pain diary",
        "See a GP if your back is no better",
    }
    assert [str(e["UID"]) for e in first.events] == [str(e["UID"]) for e in again.events]
    full = download(self_care_client)
    assert {str(e["UID"]) for e in first.events} <= {str(e["UID"]) for e in full.events}


def test_the_plan_page_says_calendar_reminders_do_not_change_by_themselves(
    self_care_client: Client,
) -> None:
    page = self_care_client.get("/self-care/plan/").text

    assert "do not change by themselves" in page
    assert (
        'href="/self-care/plan.ics"' in page and 'href="/self-care/plan.ics?sessions=all"' in page
    )
