"""The plan as an iCalendar file: heat and exercise sessions with reminders, for calendar apps."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from selfcare.plans import EXERCISE_MINUTES, HEAT_MINUTES, ItemKind, Plan, PlanItem

PRODUCT_ID = "-//Back spasm help//Self-care plan//EN"
UID_DOMAIN = "backspasm.help"
REMINDER_BEFORE = timedelta(minutes=5)


def _alarm(summary: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", -REMINDER_BEFORE)
    return alarm


def _event(
    uid: str, summary: str, description: str, start: datetime, minutes: int, stamp: datetime
) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("description", description)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=minutes))
    event.add_component(_alarm(summary))
    return event


def _sessions(item: PlanItem) -> tuple[str, int, str]:
    if item.kind is ItemKind.HEAT:
        return "Heat on your back", HEAT_MINUTES, item.detail
    lines = [item.detail]
    lines.extend(f"{dose.name}: {dose.amount}" for dose in item.exercises)
    return "Back exercises", EXERCISE_MINUTES, "\n".join(lines)


def build_calendar(plan: Plan, zone: ZoneInfo, stamp: datetime) -> bytes:
    """Heat every 4 hours while awake, and exercise sessions on the days the plan has them."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Back spasm self-care plan")
    onset = plan.inputs.onset.isoformat()
    for day in plan.days:
        for item in day.items:
            if item.kind not in {ItemKind.HEAT, ItemKind.EXERCISE}:
                continue
            summary, minutes, description = _sessions(item)
            for session_time in item.times:
                start = datetime.combine(day.date, session_time, tzinfo=zone)
                uid = f"{onset}-{day.date.isoformat()}-{item.kind}-{session_time:%H%M}"
                calendar.add_component(_event(uid, summary, description, start, minutes, stamp))
    # Only the transitions the plan's fortnight needs, not the zone's whole history.
    calendar.add_missing_timezones(
        first_date=plan.days[0].date - timedelta(days=366),
        last_date=plan.days[-1].date + timedelta(days=366),
    )
    return bytes(calendar.to_ical())


def filename(today: date) -> str:
    return f"back-spasm-plan-{today.isoformat()}.ics"
