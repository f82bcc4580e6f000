"""The plan as an iCalendar file: heat and exercise sessions with reminders, for calendar apps.

Each session of the day (heat at 8am, exercises at 8:30am, ...) is one recurring event over the
days the plan has it, so a person who wants to stop it removes it in one go.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from selfcare.plans import EXERCISE_MINUTES, HEAT_MINUTES, ItemKind, Plan, PlanDay, PlanItem

PRODUCT_ID = "-//Back spasm help//Self-care plan//EN"
UID_DOMAIN = "backspasm.help"
REMINDER_BEFORE = timedelta(minutes=5)
SESSION_KINDS = (ItemKind.HEAT, ItemKind.EXERCISE)
SUMMARIES = {ItemKind.HEAT: "Heat on your back", ItemKind.EXERCISE: "Back exercises"}
MINUTES = {ItemKind.HEAT: HEAT_MINUTES, ItemKind.EXERCISE: EXERCISE_MINUTES}


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


def _alarm(summary: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", -REMINDER_BEFORE)
    return alarm


def _event(series: Series, onset: date, zone: ZoneInfo, stamp: datetime) -> Event:
    summary = SUMMARIES[series.kind]
    start = datetime.combine(series.first, series.at, tzinfo=zone)
    event = Event()
    event.add("uid", f"{onset}-{series.kind}-{series.at:%H%M}-{series.first}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("description", _description(series))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=MINUTES[series.kind]))
    event.add("rrule", {"freq": "daily", "count": len(series.days)})
    # One alarm in a recurring event rings before every occurrence.
    event.add_component(_alarm(summary))
    return event


def build_calendar(plan: Plan, zone: ZoneInfo, stamp: datetime) -> bytes:
    """Heat every 4 hours while awake, and exercise sessions on the days the plan has them."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Back spasm self-care plan")
    for series in _series(plan.days):
        calendar.add_component(_event(series, plan.inputs.onset, zone, stamp))
    # Only the transitions the plan's fortnight needs, not the zone's whole history.
    calendar.add_missing_timezones(
        first_date=plan.days[0].date - timedelta(days=366),
        last_date=plan.days[-1].date + timedelta(days=366),
    )
    return bytes(calendar.to_ical())


def filename(today: date) -> str:
    return f"back-spasm-plan-{today.isoformat()}.ics"
