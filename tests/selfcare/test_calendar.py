"""The plan's calendar file, parsed back with the same iCalendar library."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar

from selfcare.calendar import build_calendar
from selfcare.plans import HEAT_MINUTES, PLAN_LENGTH_DAYS, ExerciseSpec, PlanInputs, build_plan

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 11, 26)
STAMP = datetime(2026, 11, 26, 9, tzinfo=UTC)
EXERCISES = (ExerciseSpec("arm-raise", "Arm raise stretch", 10, 5, None, 3),)


def parsed(days: int, pain: int) -> icalendar.Calendar:
    plan = build_plan(PlanInputs(TODAY, days, pain), EXERCISES)
    return icalendar.Calendar.from_ical(build_calendar(plan, LONDON, STAMP))


def by_summary(calendar: icalendar.Calendar, summary: str) -> list[icalendar.Event]:
    return [event for event in calendar.events if str(event["SUMMARY"]) == summary]


def start(event: icalendar.Event) -> datetime:
    moment = event.start
    assert isinstance(moment, datetime), "every session has a time of day"
    return moment


def end(event: icalendar.Event) -> datetime:
    moment = event.end
    assert isinstance(moment, datetime)
    return moment


def test_heat_every_four_hours_while_awake_on_every_day_after_the_cold_days() -> None:
    calendar = parsed(days=3, pain=6)
    heat = by_summary(calendar, "Heat on your back")
    assert len(heat) == 4 * PLAN_LENGTH_DAYS
    assert {start(event).time() for event in heat} == {time(8), time(12), time(16), time(20)}
    assert all(end(event) - start(event) == timedelta(minutes=HEAT_MINUTES) for event in heat)


def test_no_exercise_sessions_until_the_pain_eases() -> None:
    assert by_summary(parsed(days=3, pain=6), "Back exercises") == []


def test_exercise_sessions_three_times_a_day_once_the_pain_has_eased() -> None:
    exercise = by_summary(parsed(days=3, pain=3), "Back exercises")
    assert len(exercise) == 3 * PLAN_LENGTH_DAYS
    assert "Arm raise stretch: 5 times, hold for 5 seconds" in str(exercise[0]["DESCRIPTION"])


def test_first_days_have_no_heat_sessions_until_the_cold_days_are_over() -> None:
    heat = by_summary(parsed(days=0, pain=8), "Heat on your back")
    assert min(start(event).date() for event in heat) == TODAY + timedelta(days=2)


def test_every_event_has_a_display_reminder_and_falls_within_waking_hours() -> None:
    calendar = parsed(days=4, pain=2)
    assert calendar.events
    for event in calendar.events:
        alarms = [part for part in event.subcomponents if isinstance(part, icalendar.Alarm)]
        assert [alarm["ACTION"] for alarm in alarms] == ["DISPLAY"]
        assert -timedelta(minutes=5) == alarms[0].TRIGGER
        assert start(event).tzinfo is not None
        assert time(8) <= start(event).astimezone(LONDON).time()
        assert end(event).astimezone(LONDON).time() <= time(22)


def test_event_ids_are_unique_and_the_time_zone_is_included() -> None:
    calendar = parsed(days=4, pain=2)
    uids = [str(event["UID"]) for event in calendar.events]
    assert len(uids) == len(set(uids))
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/London"]
    assert calendar.get_missing_tzids() == set()
