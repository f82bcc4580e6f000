"""Turn a plan and a STarT Back result into the words and labels the templates print."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from selfcare.diary import Diary
from selfcare.plans import DayRange, ExerciseDose, Phase, Plan, Worsening
from selfcare.startback import Risk, StartBackResult

CHECK_AGAIN_HEADINGS = {
    Worsening.PAIN_UP: "Your pain has gone up: check your symptoms again",
    Worsening.NEW_SYMPTOMS: "You told us about something new: check your symptoms again",
}
PHASE_HEADINGS = {
    Phase.CHECK_AGAIN: "Check your symptoms again",
    Phase.FIRST_DAYS: "The first days: ease the spasm and keep moving",
    Phase.SETTLING: "The spasm is settling: keep moving and use heat",
    Phase.RECOVERING: "Your pain is easing: start the exercises",
    Phase.SEE_GP: "Book a GP appointment, and keep looking after your back",
}

RISK_HEADINGS = {
    Risk.LOW: "Low risk",
    Risk.MEDIUM: "Medium risk",
    Risk.HIGH: "High risk",
}
RISK_ADVICE = {
    Risk.LOW: "Your back pain is likely to get better by itself with this self-care plan.",
    Risk.MEDIUM: "Follow this plan, and see a physiotherapist as well: they can help you recover "
    "faster. Ask your GP, or see if you can refer yourself to a physiotherapist in your area.",
    Risk.HIGH: "Follow this plan, and see a physiotherapist as well. They can help with the pain "
    "and with the worry and low mood that can come with it. Ask your GP, or see if you can refer "
    "yourself to a physiotherapist in your area.",
}


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def day_label(day: date, today: date) -> str:
    if day == today:
        return "Today"
    if day == today + timedelta(days=1):
        return "Tomorrow"
    return long_date(day)


def range_label(day_range: DayRange, today: date) -> str:
    first = day_label(day_range.first.date, today)
    if day_range.length == 1:
        return first
    return f"{first} to {day_label(day_range.last.date, today)}"


def clock(moment: time) -> str:
    if moment == time(12, 0):
        return "midday"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"


def clock_list(times: Sequence[time]) -> str:
    labels = [clock(moment) for moment in times]
    if len(labels) < 2:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} and {labels[-1]}"


@dataclass(frozen=True, slots=True)
class DoseView:
    name: str
    url: str
    amount: str


@dataclass(frozen=True, slots=True)
class ItemView:
    kind: str
    heading: str  # the title, with the times when there are any
    detail: str
    doses: tuple[DoseView, ...]


@dataclass(frozen=True, slots=True)
class RangeView:
    label: str
    day_numbers: str
    items: tuple[ItemView, ...]


@dataclass(frozen=True, slots=True)
class PlanView:
    plan: Plan
    heading: str
    risk_heading: str
    risk_advice: str
    ranges: tuple[RangeView, ...]
    heat_times: str
    exercise_times: str
    onset: str
    exercise_start: str  # "today", a date, or "" while the exercises have not got a start


def _day_numbers(day_range: DayRange) -> str:
    first, last = day_range.first.day_number + 1, day_range.last.day_number + 1
    return f"Day {first}" if first == last else f"Days {first} to {last}"


def _item_heading(title: str, times: Sequence[time]) -> str:
    return f"{title}: {clock_list(times)}." if times else f"{title}."


def _dose(dose: ExerciseDose, exercise_urls: Mapping[str, str]) -> DoseView:
    return DoseView(dose.name, exercise_urls[dose.slug], dose.amount)


def _ranges(plan: Plan, exercise_urls: Mapping[str, str]) -> tuple[RangeView, ...]:
    """Each piece of advice is written out the first time only, so the plan stays short."""
    seen: set[str] = set()
    ranges = []
    for day_range in plan.ranges:
        items = []
        for item in day_range.items:
            detail = "" if item.detail in seen else item.detail
            seen.add(item.detail)
            items.append(
                ItemView(
                    item.kind,
                    _item_heading(item.title, item.times),
                    detail,
                    tuple(_dose(dose, exercise_urls) for dose in item.exercises),
                )
            )
        ranges.append(
            RangeView(
                range_label(day_range, plan.inputs.today), _day_numbers(day_range), tuple(items)
            )
        )
    return tuple(ranges)


def group_cautions(cautions: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """(name, caution) pairs as (names, caution), one line for each different caution."""
    grouped: dict[str, list[str]] = {}
    for name, caution in cautions:
        grouped.setdefault(caution, []).append(name)
    return [(", ".join(names), caution) for caution, names in grouped.items()]


def pain_source(diary: Diary, today: date) -> str:
    latest = diary.latest
    if latest is None:
        return "your symptom check"
    if latest.day == today:
        return "today"
    return long_date(latest.day)


def _heading(plan: Plan) -> str:
    worsening = plan.inputs.worsening
    if plan.phase is Phase.CHECK_AGAIN and worsening is not None:
        return CHECK_AGAIN_HEADINGS[worsening]
    return PHASE_HEADINGS[plan.phase]


def _exercise_start(plan: Plan) -> str:
    start = plan.exercise_start
    if start is None:
        return ""
    return "today" if start == plan.inputs.today else long_date(start)


def present_plan(
    plan: Plan, risk: StartBackResult | None, exercise_urls: Mapping[str, str]
) -> PlanView:
    """``exercise_urls``: each exercise's page, by slug."""
    return PlanView(
        plan=plan,
        heading=_heading(plan),
        risk_heading=RISK_HEADINGS[risk.risk] if risk else "",
        risk_advice=RISK_ADVICE[risk.risk] if risk else "",
        ranges=_ranges(plan, exercise_urls),
        heat_times=clock_list(plan.heat_times),
        exercise_times=clock_list(plan.exercise_times),
        onset=long_date(plan.inputs.onset),
        exercise_start=_exercise_start(plan),
    )
