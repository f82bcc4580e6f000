"""The plan as an iCalendar file, for calendar apps.

By default it is light: one morning event a day saying that day's plan, one daily reminder to
score the pain in the diary, and the day by which to see a GP if the back is no better. On
request it also has every heat and exercise session: each session of the day (heat at 8am,
exercises at 8:30am, ...) is one recurring event over the days the plan has it, so a person who
wants to stop it removes it in one go.

Every event's UID is made from the person's calendar id (a random value kept in their session)
and the plan's start (the day the pain started), never from the day of the download: a calendar
app that honours UIDs updates the events when the file is downloaded again, rather than adding
them twice.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from selfcare.plans import (
    EXERCISE_MINUTES,
    HEAT_MINUTES,
    WAKE_TIME,
    GpCheck,
    ItemKind,
    Plan,
    PlanDay,
    PlanItem,
)

PRODUCT_ID = "-//Back spasm help//Self-care plan//EN"
UID_DOMAIN = "backspasm.help"
REMINDER_BEFORE = timedelta(minutes=5)
SESSION_KINDS = (ItemKind.HEAT, ItemKind.EXERCISE)
SUMMARIES = {ItemKind.HEAT: "Heat on your back", ItemKind.EXERCISE: "Back exercises"}
MINUTES = {ItemKind.HEAT: HEAT_MINUTES, ItemKind.EXERCISE: EXERCISE_MINUTES}
DAY_PLAN_SUMMARY = "Your back plan for today"
DAY_PLAN_MINUTES = 15
DIARY_SUMMARY = "Score your pain in your pain diary"
DIARY_AT = time(21, 0)
DIARY_MINUTES = 5
GP_SUMMARY = "See a GP if your back is no better"
GP_REMINDER_AFTER_MIDNIGHT = timedelta(hours=9)


@dataclass(frozen=True, slots=True)
class Series:
    """One session of the day, repeated daily on consecutive days of the plan."""

    kind: ItemKind
    at: time
    days: tuple[tuple[date, PlanItem], ...]

    @property
    def first(self) -> date:
        return self.days[0][0]


def _series(days: Sequence[PlanDay]) -> list[Series]:
    runs: dict[tuple[ItemKind, time], list[list[tuple[date, PlanItem]]]] = {}
    for day in days:
        for item in day.items:
            if item.kind not in SESSION_KINDS:
                continue
            for at in item.times:
                day_runs = runs.setdefault((item.kind, at), [])
                if day_runs and day_runs[-1][-1][0] == day.date - timedelta(days=1):
                    day_runs[-1].append((day.date, item))
                else:
                    day_runs.append([(day.date, item)])
    return [
        Series(kind, at, tuple(run)) for (kind, at), day_runs in runs.items() for run in day_runs
    ]


def _amounts(item: PlanItem) -> list[str]:
    return [f"{dose.name}: {dose.amount}" for dose in item.exercises]


def _description(series: Series) -> str:
    """What to do; for exercises, each change of amount with the day it starts."""
    first_item = series.days[0][1]
    if series.kind is ItemKind.HEAT:
        return first_item.detail
    lines = [first_item.detail]
    shown: tuple[str, ...] | None = None
    for day, item in series.days:
        amounts = tuple(_amounts(item))
        if amounts == shown:
            continue
        if shown is not None:
            lines.append("")
        lines.append(
            item.title if shown is None else f"From {day:%A} {day.day} {day:%B}: {item.title}"
        )
        lines.extend(amounts)
        shown = amounts
    return "\n".join(lines)


def _alarm(summary: str, trigger: timedelta = -REMINDER_BEFORE) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", trigger)
    return alarm


@dataclass(frozen=True, slots=True)
class Stable:
    """What every event shares: its UID's stem, and the plan's version for calendar apps."""

    owner: str  # the person's calendar id
    plan: Plan
    stamp: datetime

    def uid(self, name: str) -> str:
        return f"{self.owner}-{self.plan.inputs.onset:%Y%m%d}-{name}@{UID_DOMAIN}"

    def event(self, name: str, summary: str) -> Event:
        event = Event()
        event.add("uid", self.uid(name))
        event.add("dtstamp", self.stamp)
        # Each day's download is a newer version of the same events.
        event.add("sequence", self.plan.inputs.days_since_start)
        event.add("summary", summary)
        return event


def _session_event(series: Series, run: int, stable: Stable, zone: ZoneInfo) -> Event:
    summary = SUMMARIES[series.kind]
    start = datetime.combine(series.first, series.at, tzinfo=zone)
    event = stable.event(f"{series.kind}-{series.at:%H%M}-{run}", summary)
    event.add("description", _description(series))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=MINUTES[series.kind]))
    event.add("rrule", {"freq": "daily", "count": len(series.days)})
    # One alarm in a recurring event rings before every occurrence.
    event.add_component(_alarm(summary))
    return event


def _day_plan(day: PlanDay) -> str:
    lines = []
    for item in day.items:
        times = ", ".join(f"{at:%H:%M}" for at in item.times)
        lines.append(f"{item.title}{f' ({times})' if times else ''}: {item.detail}")
    return "\n".join(lines)


def _day_event(day: PlanDay, stable: Stable, zone: ZoneInfo) -> Event:
    start = datetime.combine(day.date, WAKE_TIME, tzinfo=zone)
    event = stable.event(f"day-{day.day_number}", DAY_PLAN_SUMMARY)
    event.add("description", _day_plan(day))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=DAY_PLAN_MINUTES))
    event.add_component(_alarm(DAY_PLAN_SUMMARY, timedelta(0)))
    return event


def _diary_event(plan: Plan, stable: Stable, zone: ZoneInfo) -> Event:
    start = datetime.combine(plan.days[0].date, DIARY_AT, tzinfo=zone)
    event = stable.event("diary", DIARY_SUMMARY)
    event.add(
        "description",
        "Record today's pain score in your pain diary on Back spasm help. Your plan changes "
        "with it.",
    )
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=DIARY_MINUTES))
    event.add("rrule", {"freq": "daily", "count": len(plan.days)})
    event.add_component(_alarm(DIARY_SUMMARY, timedelta(0)))
    return event


def _gp_event(check: GpCheck, stable: Stable) -> Event:
    event = stable.event(f"gp-{check.day_number}", GP_SUMMARY)
    event.add("description", f"Book a GP appointment if {check.reason}.")
    event.add("dtstart", check.date)
    event.add("dtend", check.date + timedelta(days=1))
    event.add_component(_alarm(GP_SUMMARY, GP_REMINDER_AFTER_MIDNIGHT))
    return event


def build_calendar(
    plan: Plan, zone: ZoneInfo, stamp: datetime, owner: str, *, every_session: bool = False
) -> bytes:
    """The day's plan each morning, the diary each evening and the next GP check-by date; with
    ``every_session``, also heat every 4 hours while awake and the exercise sessions."""
    stable = Stable(owner, plan, stamp)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Back spasm self-care plan")
    for day in plan.days:
        calendar.add_component(_day_event(day, stable, zone))
    calendar.add_component(_diary_event(plan, stable, zone))
    for check in plan.gp_checks[:1]:
        calendar.add_component(_gp_event(check, stable))
    if every_session:
        runs: dict[tuple[ItemKind, time], int] = {}
        for series in _series(plan.days):
            run = runs[series.kind, series.at] = runs.get((series.kind, series.at), -1) + 1
            calendar.add_component(_session_event(series, run, stable, zone))
    # Only the transitions the plan's fortnight needs, not the zone's whole history.
    calendar.add_missing_timezones(
        first_date=plan.days[0].date - timedelta(days=366),
        last_date=plan.days[-1].date + timedelta(days=366),
    )
    return bytes(calendar.to_ical())


def filename(today: date) -> str:
    return f"back-spasm-plan-{today.isoformat()}.ics"
