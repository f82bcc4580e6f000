"""A day-by-day self-care plan for a simple back spasm.

Answers in, plain data out: no request, template or database. The advice follows NICE NG59 and
NHS.UK where they differ from older advice in the seed article: keep moving rather than rest in bed,
anti-inflammatory painkillers (NSAIDs) first if suitable and never in pregnancy, paracetamol alone
is not recommended, and never heat or cold on numb skin.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from math import ceil

from selfcare.startback import Risk
from triage.medicines import medicines
from triage.severe_pain import very_severe_pain

MAX_DAYS_SINCE_START = 365
MAX_PAIN_SCORE = 10
# A score at or under this counts as "the pain has eased": the exercises may start.
EASED_PAIN_SCORE = 4
# Days 0, 1 and 2 are the first days of the spasm: no exercises yet, however low the pain.
FIRST_DAYS = 3
# Cold packs for the first 48 hours, then heat until the spasm subsides.
COLD_DAYS = 2
PLAN_LENGTH_DAYS = 14
HEAT_MINUTES = 15
HEAT_EVERY_HOURS = 4
EXERCISE_MINUTES = 15
WAKE_TIME = time(8, 0)
SLEEP_TIME = time(22, 0)
# Growing the exercises: a gentle start, more after three days, the full amount after a week.
DOSE_STEPS: tuple[tuple[int, float, str], ...] = (
    (0, 0.5, "Start gently"),
    (3, 0.75, "Build up"),
    (7, 1.0, "Full amount"),
)


class Phase(StrEnum):
    CHECK_AGAIN = "check_again"
    FIRST_DAYS = "first_days"
    SETTLING = "settling"
    RECOVERING = "recovering"
    SEE_GP = "see_gp"


class Worsening(StrEnum):
    """What the pain diary recorded that calls for a new symptom check."""

    PAIN_UP = "pain_up"
    NEW_SYMPTOMS = "new_symptoms"


class ItemKind(StrEnum):
    COLD = "cold"
    HEAT = "heat"
    MOVE = "move"
    POSITIONS = "positions"
    RELAX = "relax"
    EXERCISE = "exercise"
    EXERCISE_WHEN_EASED = "exercise_when_eased"
    EXERCISE_PAUSED = "exercise_paused"
    GP_CHECK = "gp_check"


@dataclass(frozen=True, slots=True)
class ExerciseSpec:
    """An exercise as the plan needs it: the full amount a person builds up to."""

    slug: str
    name: str
    repetitions: int | None
    hold_seconds: int | None
    minutes: int | None
    times_a_day: int


@dataclass(frozen=True, slots=True)
class ExerciseDose:
    slug: str
    name: str
    repetitions: int | None
    hold_seconds: int | None
    minutes: int | None

    @property
    def amount(self) -> str:
        """How much to do, in words: "5 times, hold for 10 seconds" or "5 minutes"."""
        parts = [
            f"{self.repetitions} times" if self.repetitions else "",
            f"hold for {self.hold_seconds} seconds" if self.hold_seconds else "",
            f"{self.minutes} minutes" if self.minutes else "",
        ]
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class PlanItem:
    kind: ItemKind
    title: str
    detail: str
    times: tuple[time, ...] = ()
    exercises: tuple[ExerciseDose, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanDay:
    date: date
    offset: int
    day_number: int
    items: tuple[PlanItem, ...]


@dataclass(frozen=True, slots=True)
class DayRange:
    """Consecutive days with the same things to do, so the plan reads (and prints) compactly."""

    first: PlanDay
    last: PlanDay
    items: tuple[PlanItem, ...]

    @property
    def length(self) -> int:
        return self.last.offset - self.first.offset + 1


@dataclass(frozen=True, slots=True)
class GpCheck:
    day_number: int
    date: date
    reason: str


@dataclass(frozen=True, slots=True)
class PlanInputs:
    today: date
    days_since_start: int
    pain_today: int
    pregnant: bool = False
    age: int | None = None
    findings: frozenset[str] = frozenset()
    risk: Risk | None = None
    # How many days the pain has already been at or under EASED_PAIN_SCORE (from the diary).
    days_eased: int = 0
    # Set when the diary says the person should check their symptoms again: until they do (or a
    # later score shows no rise), exercises neither start nor grow.
    worsening: Worsening | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.days_since_start <= MAX_DAYS_SINCE_START:
            raise ValueError(f"days_since_start must be 0-{MAX_DAYS_SINCE_START}")
        if not 0 <= self.pain_today <= MAX_PAIN_SCORE:
            raise ValueError(f"pain_today must be 0-{MAX_PAIN_SCORE}")
        if self.days_eased < 0:
            raise ValueError("days_eased cannot be negative")

    @property
    def eased(self) -> bool:
        return self.pain_today <= EASED_PAIN_SCORE

    @property
    def paused(self) -> bool:
        return self.worsening is not None

    @property
    def onset(self) -> date:
        return self.today - timedelta(days=self.days_since_start)


@dataclass(frozen=True, slots=True)
class Plan:
    inputs: PlanInputs
    phase: Phase
    days: tuple[PlanDay, ...]
    gp_checks: tuple[GpCheck, ...]
    see_gp_reason: str
    see_physio: bool
    medicines: tuple[str, ...]
    heat_times: tuple[time, ...]
    exercise_times: tuple[time, ...]
    exercise_start: date | None = field(default=None)

    @property
    def see_gp_now(self) -> bool:
        return bool(self.see_gp_reason)

    @property
    def ranges(self) -> tuple[DayRange, ...]:
        return group_days(self.days)


def sessions_while_awake(
    every_hours: int, minutes: int, count: int | None = None, first: time = WAKE_TIME
) -> tuple[time, ...]:
    """Start times from ``first``, ``every_hours`` apart, each finished before SLEEP_TIME."""
    start = datetime.combine(date.min, first)
    bedtime = datetime.combine(date.min, SLEEP_TIME)
    times: list[time] = []
    while start + timedelta(minutes=minutes) <= bedtime and (count is None or len(times) < count):
        times.append(start.time())
        start += timedelta(hours=every_hours)
    return tuple(times)


HEAT_TIMES = sessions_while_awake(HEAT_EVERY_HOURS, HEAT_MINUTES)


def exercise_times(times_a_day: int) -> tuple[time, ...]:
    """Exercise straight after a heat session, while the muscle is warm."""
    after_heat = [
        (datetime.combine(date.min, start) + timedelta(minutes=HEAT_MINUTES + 15)).time()
        for start in HEAT_TIMES
    ]
    return tuple(after_heat[:times_a_day])


def gp_checks(inputs: PlanInputs) -> tuple[GpCheck, ...]:
    """The days by which a GP should see the person, from the checker's "see a GP" rules."""
    checks: list[tuple[int, str]] = []
    if "sciatica" in inputs.findings:
        checks.append((14, "the pain down your leg (sciatica) has not gone after 2 weeks"))
    checks.append((21, "your back pain is not starting to get better after 3 weeks"))
    if inputs.age is not None and (inputs.age >= 50 or inputs.age < 20):
        checks.append((28, "you still have back pain after 4 weeks"))
    checks.append((42, "you still have back pain after 6 weeks"))
    return tuple(
        GpCheck(day, inputs.onset + timedelta(days=day), reason) for day, reason in sorted(checks)
    )


def _see_gp_reason(inputs: PlanInputs, checks: Sequence[GpCheck]) -> str:
    severe = very_severe_pain(inputs.pain_today)
    if severe is not None:
        return severe.also
    for check in checks:
        if inputs.days_since_start < check.day_number:
            continue
        # "Not starting to get better" only applies while the pain has not eased.
        if check.day_number == 21 and inputs.eased:
            continue
        return check.reason
    return ""


def _phase(inputs: PlanInputs, see_gp_reason: str) -> Phase:
    # A change that may need more than self-care comes before everything else the plan says.
    if inputs.paused:
        return Phase.CHECK_AGAIN
    if see_gp_reason:
        return Phase.SEE_GP
    if inputs.days_since_start < FIRST_DAYS:
        return Phase.FIRST_DAYS
    if inputs.eased:
        return Phase.RECOVERING
    return Phase.SETTLING


def _dose(spec: ExerciseSpec, fraction: float) -> ExerciseDose:
    def scaled(amount: int | None) -> int | None:
        return None if amount is None else max(1, ceil(amount * fraction))

    return ExerciseDose(
        spec.slug, spec.name, scaled(spec.repetitions), spec.hold_seconds, scaled(spec.minutes)
    )


type DoseSteps = tuple[tuple[int, str, tuple[ExerciseDose, ...]], ...]


def _dose_steps(exercises: Sequence[ExerciseSpec]) -> DoseSteps:
    """Every exercise's amount at each of DOSE_STEPS: worked out once, not for every day."""
    return tuple(
        (first_day, label, tuple(_dose(spec, fraction) for spec in exercises))
        for first_day, fraction, label in DOSE_STEPS
    )


def _exercise_start_offset(inputs: PlanInputs) -> int | None:
    if not inputs.eased:
        return None
    if inputs.paused:
        # Someone already exercising keeps to the amount they reached; nobody starts.
        return 0 if inputs.days_eased and inputs.days_since_start >= FIRST_DAYS else None
    return max(0, FIRST_DAYS - inputs.days_since_start)


def _day_items(
    inputs: PlanInputs,
    offset: int,
    dose_steps: DoseSteps,
    start_offset: int | None,
    sessions: tuple[time, ...],
    checks: Sequence[GpCheck],
) -> tuple[PlanItem, ...]:
    day_number = inputs.days_since_start + offset
    exercising = start_offset is not None and offset >= start_offset
    items: list[PlanItem] = []
    if day_number < COLD_DAYS:
        items.append(
            PlanItem(
                ItemKind.COLD,
                "Cold pack",
                "Hold a cold pack, or frozen peas wrapped in a tea towel, on the sore muscle "
                "for up to 20 minutes, a few times today. Never put ice straight on your skin, "
                "or on skin that feels numb.",
            )
        )
    else:
        items.append(
            PlanItem(
                ItemKind.HEAT,
                "Warmth" if exercising else "Heat every 4 hours",
                (
                    f"A warm, damp towel or a heat pad wrapped in a cloth on the sore muscle for "
                    f"{HEAT_MINUTES} minutes, never straight on your skin or on skin that "
                    "feels numb. "
                    + (
                        "Use it before your exercises if it still helps."
                        if exercising
                        else "Repeat every 4 hours while you are awake until the spasm settles."
                    )
                ),
                HEAT_TIMES,
            )
        )
    items.append(
        PlanItem(
            ItemKind.MOVE,
            "Keep moving",
            "Walk around for a few minutes every hour or two and carry on with your day as much as "
            "you can. Do not stay in bed."
            + ("" if exercising else " Avoid bending and twisting while the spasm is bad."),
        )
    )
    if not exercising:
        items.append(
            PlanItem(
                ItemKind.POSITIONS,
                "Ease the pain when you rest",
                "Lie on your side with a pillow between your knees."
                if inputs.pregnant
                else "Lie on your back with your lower legs resting on a chair or pillows, knees "
                "bent at a right angle. When you sit, rest your feet on a footstool so your knees "
                "are higher than your hips.",
            )
        )
        items.append(
            PlanItem(
                ItemKind.RELAX,
                "Relax and take your mind off the pain",
                "Breathe slowly, read, watch something you enjoy or talk to someone.",
            )
        )
    if exercising and start_offset is not None:
        if inputs.paused:
            exercise_day = inputs.days_eased
        elif start_offset == 0:
            exercise_day = inputs.days_eased + offset
        else:
            exercise_day = offset - start_offset
        label, doses = next(
            (label, doses)
            for first_day, label, doses in reversed(dose_steps)
            if exercise_day >= first_day
        )
        label = label if doses else ""
        items.append(
            PlanItem(
                ItemKind.EXERCISE,
                f"Exercises: {label.lower()}" if label else "Exercises",
                f"{len(sessions)} times a day. "
                + (
                    "Do not do more until you have checked your symptoms again. "
                    if inputs.paused
                    else ""
                )
                + "Stop any exercise that makes the pain much worse.",
                sessions,
                doses,
            )
        )
    elif inputs.paused and day_number >= FIRST_DAYS:
        items.append(
            PlanItem(
                ItemKind.EXERCISE_PAUSED,
                "Exercises on hold",
                "Do not start the exercises until you have checked your symptoms again.",
            )
        )
    elif day_number >= FIRST_DAYS:
        items.append(
            PlanItem(
                ItemKind.EXERCISE_WHEN_EASED,
                "Exercises when the pain eases",
                f"When your pain is {EASED_PAIN_SCORE} out of 10 or less, record it in your pain "
                "diary and your plan will add gentle exercises.",
            )
        )
    items.extend(
        PlanItem(ItemKind.GP_CHECK, "Check with a GP", f"Book a GP appointment if {check.reason}.")
        for check in checks
        if check.day_number == day_number
    )
    return tuple(items)


def build_plan(inputs: PlanInputs, exercises: Sequence[ExerciseSpec]) -> Plan:
    """The plan for today and the next PLAN_LENGTH_DAYS - 1 days."""
    checks = gp_checks(inputs)
    reason = _see_gp_reason(inputs, checks)
    start_offset = _exercise_start_offset(inputs)
    times_a_day = max((spec.times_a_day for spec in exercises), default=3)
    sessions = exercise_times(min(times_a_day, 4))
    dose_steps = _dose_steps(exercises)
    days = tuple(
        PlanDay(
            date=inputs.today + timedelta(days=offset),
            offset=offset,
            day_number=inputs.days_since_start + offset,
            items=_day_items(inputs, offset, dose_steps, start_offset, sessions, checks),
        )
        for offset in range(PLAN_LENGTH_DAYS)
    )
    return Plan(
        inputs=inputs,
        phase=_phase(inputs, reason),
        days=days,
        gp_checks=tuple(check for check in checks if check.day_number > inputs.days_since_start),
        see_gp_reason=reason,
        see_physio=inputs.risk in {Risk.MEDIUM, Risk.HIGH},
        medicines=medicines(inputs.pregnant),
        heat_times=HEAT_TIMES,
        exercise_times=sessions,
        exercise_start=None
        if start_offset is None
        else inputs.today + timedelta(days=start_offset),
    )


def group_days(days: Sequence[PlanDay]) -> tuple[DayRange, ...]:
    ranges: list[DayRange] = []
    for day in days:
        if ranges and ranges[-1].items == day.items:
            ranges[-1] = DayRange(ranges[-1].first, day, day.items)
        else:
            ranges.append(DayRange(day, day, day.items))
    return tuple(ranges)
