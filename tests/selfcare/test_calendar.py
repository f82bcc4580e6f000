"""The plan's calendar file, parsed back with the same iCalendar library and its recurrence rules
expanded with dateutil (which icalendar itself uses)."""

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rrulestr

from selfcare.calendar import (
    DAY_PLAN_SUMMARY,
    DIARY_SUMMARY,
    GP_SUMMARY,
    SUMMARIES,
    build_calendar,
)
from selfcare.plans import (
    EXERCISE_MINUTES,
    HEAT_MINUTES,
    MAX_PAIN_SCORE,
    PLAN_LENGTH_DAYS,
    ExerciseSpec,
    ItemKind,
    Plan,
    PlanInputs,
    Worsening,
    build_plan,
)

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 11, 26)
STAMP = datetime(2026, 11, 26, 9, tzinfo=UTC)
EXERCISES = (ExerciseSpec("arm-raise", "Arm raise stretch", 10, 5, None, 3),)
OWNER = "0123456789abcdef"


def plan_for(days: int, pain: int, **inputs: object) -> Plan:
    return build_plan(PlanInputs(TODAY, days, pain, **inputs), EXERCISES)  # type: ignore[arg-type]


def parse(plan: Plan, *, every_session: bool = True) -> icalendar.Calendar:
    body = build_calendar(plan, LONDON, STAMP, OWNER, every_session=every_session)
    return icalendar.Calendar.from_ical(body)


def session_events(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return [event for event in calendar.events if str(event["SUMMARY"]) in SUMMARIES.values()]


def parsed(days: int, pain: int) -> icalendar.Calendar:
    return parse(plan_for(days, pain))


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


def occurrences(event: icalendar.Event) -> list[datetime]:
    """Every start of a recurring event, as a calendar app would show it."""
    [rule] = event.rrules
    return list(rrulestr(rule.to_ical().decode(), dtstart=start(event)))


def sessions_in_file(calendar: icalendar.Calendar) -> set[tuple[str, datetime]]:
    return {
        (str(event["SUMMARY"]), moment)
        for event in session_events(calendar)
        for moment in occurrences(event)
    }


def sessions_in_plan(plan: Plan) -> set[tuple[str, datetime]]:
    return {
        (SUMMARIES[item.kind], datetime.combine(day.date, at, tzinfo=LONDON))
        for day in plan.days
        for item in day.items
        if item.kind in SUMMARIES
        for at in item.times
    }


def test_each_heat_session_of_the_day_is_one_event_repeated_daily() -> None:
    heat = by_summary(parsed(days=3, pain=6), "Heat on your back")

    assert len(heat) == 4
    assert {start(event).time() for event in heat} == {time(8), time(12), time(16), time(20)}
    for event in heat:
        assert [rule["FREQ"] for rule in event.rrules] == [["DAILY"]]
        assert len(occurrences(event)) == PLAN_LENGTH_DAYS
        assert end(event) - start(event) == timedelta(minutes=HEAT_MINUTES)


def test_no_exercise_sessions_until_the_pain_eases() -> None:
    assert by_summary(parsed(days=3, pain=6), "Back exercises") == []


def test_exercise_sessions_are_three_daily_events_that_say_when_the_amount_grows() -> None:
    exercise = by_summary(parsed(days=3, pain=3), "Back exercises")

    assert len(exercise) == 3
    assert all(len(occurrences(event)) == PLAN_LENGTH_DAYS for event in exercise)
    assert all(
        end(event) - start(event) == timedelta(minutes=EXERCISE_MINUTES) for event in exercise
    )
    description = str(exercise[0]["DESCRIPTION"])
    assert "Arm raise stretch: 5 times, hold for 5 seconds" in description
    assert "From Sunday 29 November: Exercises: build up" in description
    assert "From Thursday 3 December: Exercises: full amount" in description


def test_first_days_have_no_heat_sessions_until_the_cold_days_are_over() -> None:
    heat = by_summary(parsed(days=0, pain=8), "Heat on your back")

    assert {start(event).date() for event in heat} == {TODAY + timedelta(days=2)}
    assert all(len(occurrences(event)) == PLAN_LENGTH_DAYS - 2 for event in heat)


def test_the_recurring_events_expand_to_exactly_the_plans_sessions() -> None:
    for days, pain, worsening in itertools.product(
        range(8), range(MAX_PAIN_SCORE + 1), [None, *Worsening]
    ):
        plan = plan_for(days, pain, worsening=worsening, days_eased=1 if pain <= 4 else 0)
        calendar = parse(plan)
        sessions_of_the_day = {
            (item.kind, at)
            for day in plan.days
            for item in day.items
            if item.kind in SUMMARIES
            for at in item.times
        }

        assert sessions_in_file(calendar) == sessions_in_plan(plan), (days, pain, worsening)
        # One event for each session of the day: removing it removes every day of that session.
        assert len(session_events(calendar)) == len(sessions_of_the_day), (days, pain, worsening)


def test_every_session_has_a_display_reminder_and_falls_within_waking_hours() -> None:
    calendar = parsed(days=4, pain=2)
    assert session_events(calendar)
    for event in session_events(calendar):
        alarms = [part for part in event.subcomponents if isinstance(part, icalendar.Alarm)]
        assert [alarm["ACTION"] for alarm in alarms] == ["DISPLAY"]
        assert -timedelta(minutes=5) == alarms[0].TRIGGER
        assert start(event).tzinfo is not None
        assert time(8) <= start(event).astimezone(LONDON).time()
        assert end(event).astimezone(LONDON).time() <= time(22)


def test_a_paused_plan_keeps_its_exercise_amount_on_every_day() -> None:
    plan = plan_for(5, 3, days_eased=2, worsening=Worsening.PAIN_UP)
    exercise = by_summary(parse(plan), "Back exercises")

    assert len(exercise) == 3
    assert "From " not in str(exercise[0]["DESCRIPTION"])
    assert "Do not do more until you have checked your symptoms again" in str(
        exercise[0]["DESCRIPTION"]
    )


def test_event_ids_are_unique_and_the_time_zone_is_included() -> None:
    calendar = parsed(days=4, pain=2)
    uids = [str(event["UID"]) for event in calendar.events]
    assert len(uids) == len(set(uids))
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/London"]
    assert calendar.get_missing_tzids() == set()


def test_the_kinds_in_the_calendar_are_the_timed_sessions() -> None:
    assert set(SUMMARIES) == {ItemKind.HEAT, ItemKind.EXERCISE}


def test_by_default_the_calendar_is_light_a_morning_plan_the_diary_and_the_gp_date() -> None:
    plan = plan_for(3, 6, age=40)
    calendar = parse(plan, every_session=False)

    mornings = by_summary(calendar, DAY_PLAN_SUMMARY)
    [diary] = by_summary(calendar, DIARY_SUMMARY)
    [gp] = by_summary(calendar, GP_SUMMARY)
    assert session_events(calendar) == []
    assert len(calendar.events) == PLAN_LENGTH_DAYS + 2
    assert [start(event).date() for event in mornings] == [day.date for day in plan.days]
    assert {start(event).time() for event in mornings} == {time(8)}
    # Each morning says that day's plan, with the heat session times.
    first_heat = next(day for day in plan.days if any(i.kind is ItemKind.HEAT for i in day.items))
    morning = next(event for event in mornings if start(event).date() == first_heat.date)
    assert "08:00, 12:00, 16:00, 20:00" in str(morning["DESCRIPTION"])
    assert len(occurrences(diary)) == PLAN_LENGTH_DAYS
    assert time(8) <= start(diary).time() <= time(22)
    # The next "see a GP by" day of the plan, as an all-day event with a reminder that morning.
    assert gp.start == plan.gp_checks[0].date
    assert str(gp["DESCRIPTION"]) == f"Book a GP appointment if {plan.gp_checks[0].reason}."
    for event in calendar.events:
        assert [alarm["ACTION"] for alarm in event.walk("VALARM")] == ["DISPLAY"]


def test_event_ids_stay_the_same_across_downloads_and_days() -> None:
    """Downloaded today and again tomorrow (the pain started on the same day), each event that
    is in both files keeps its UID, so calendar apps update it instead of adding it twice."""
    today = plan_for(3, 2, days_eased=1)
    tomorrow = build_plan(PlanInputs(TODAY + timedelta(days=1), 4, 2, days_eased=2), EXERCISES)
    first = icalendar.Calendar.from_ical(
        build_calendar(today, LONDON, STAMP, OWNER, every_session=True)
    )
    again = icalendar.Calendar.from_ical(
        build_calendar(today, LONDON, STAMP + timedelta(hours=3), OWNER, every_session=True)
    )
    next_day = icalendar.Calendar.from_ical(
        build_calendar(tomorrow, LONDON, STAMP + timedelta(days=1), OWNER, every_session=True)
    )

    def uids(calendar: icalendar.Calendar) -> dict[str, str]:
        """Each event's UID, by what it is: the summary and the time or day it is for."""
        named = {}
        for event in calendar.events:
            moment = event.start
            timed = str(event["SUMMARY"]) != DAY_PLAN_SUMMARY
            when = moment.time() if isinstance(moment, datetime) and timed else moment
            named[f"{event['SUMMARY']} {when}"] = str(event["UID"])
        return named

    assert uids(first) == uids(again)
    shared = uids(first).keys() & uids(next_day).keys()
    assert len(shared) >= len(uids(first)) - 1  # all but today's morning plan
    assert all(uids(first)[name] == uids(next_day)[name] for name in shared)
    assert not any(
        TODAY.isoformat() in uid or f"{TODAY:%Y%m%d}" in uid for uid in uids(first).values()
    )
    assert all(str(event["UID"]).startswith(OWNER) for event in first.events)
    # Another person's calendar never shares an id with this one.
    other = icalendar.Calendar.from_ical(build_calendar(today, LONDON, STAMP, "f" * 16))
    assert not {str(e["UID"]) for e in other.events} & {str(e["UID"]) for e in first.events}
