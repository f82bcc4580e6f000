"""Building the day-by-day plan: phases, risk groups, pregnancy and when to see a GP."""

import itertools
from datetime import date, time, timedelta
from typing import Any

import pytest

from selfcare.plans import (
    EASED_PAIN_SCORE,
    FIRST_DAYS,
    MAX_PAIN_SCORE,
    PLAN_LENGTH_DAYS,
    ExerciseDose,
    ExerciseSpec,
    ItemKind,
    Phase,
    Plan,
    PlanDay,
    PlanInputs,
    Worsening,
    build_plan,
)
from selfcare.startback import Risk

TODAY = date(2026, 11, 26)
EXERCISES = (
    ExerciseSpec("arm-raise", "Arm raise stretch", 10, 5, None, 3),
    ExerciseSpec("walking-knees-high", "Walking", None, None, 10, 3),
)


def plan_for(days: int, pain: int, **kwargs: Any) -> Plan:
    return build_plan(PlanInputs(TODAY, days, pain, **kwargs), EXERCISES)


def kinds(day: PlanDay) -> set[ItemKind]:
    return {item.kind for item in day.items}


@pytest.mark.parametrize(
    ("days", "pain", "phase"),
    [
        (0, 8, Phase.FIRST_DAYS),
        (2, 3, Phase.FIRST_DAYS),
        (3, 6, Phase.SETTLING),
        (7, 5, Phase.SETTLING),
        (5, EASED_PAIN_SCORE, Phase.RECOVERING),
        (20, 1, Phase.RECOVERING),
        (21, 6, Phase.SEE_GP),
        (42, 1, Phase.SEE_GP),
    ],
)
def test_phase_follows_days_and_pain(days: int, pain: int, phase: Phase) -> None:
    assert plan_for(days, pain).phase is phase


def test_the_plan_covers_a_fortnight_from_today() -> None:
    plan = plan_for(1, 6)
    assert len(plan.days) == PLAN_LENGTH_DAYS
    assert plan.days[0].date == TODAY
    assert plan.days[-1].date == TODAY + timedelta(days=PLAN_LENGTH_DAYS - 1)
    assert [day.day_number for day in plan.days] == list(range(1, PLAN_LENGTH_DAYS + 1))


def test_first_days_have_cold_then_heat_and_no_exercises_however_low_the_pain() -> None:
    plan = plan_for(0, 2)
    assert ItemKind.COLD in kinds(plan.days[0]) and ItemKind.HEAT not in kinds(plan.days[0])
    assert ItemKind.COLD in kinds(plan.days[1])
    assert ItemKind.HEAT in kinds(plan.days[2]) and ItemKind.COLD not in kinds(plan.days[2])
    assert all(ItemKind.EXERCISE not in kinds(day) for day in plan.days[:3])
    assert ItemKind.EXERCISE in kinds(plan.days[3])
    assert plan.exercise_start == TODAY + timedelta(days=3)


def test_heat_every_four_hours_while_awake() -> None:
    heat = next(item for item in plan_for(3, 6).days[0].items if item.kind is ItemKind.HEAT)
    assert heat.times == (time(8), time(12), time(16), time(20))


def test_while_the_pain_has_not_eased_the_plan_waits_for_it_with_positions() -> None:
    plan = plan_for(4, EASED_PAIN_SCORE + 1)
    assert plan.exercise_start is None
    for day in plan.days:
        assert ItemKind.EXERCISE not in kinds(day)
        assert {ItemKind.EXERCISE_WHEN_EASED, ItemKind.POSITIONS, ItemKind.HEAT} <= kinds(day)


def test_exercise_repetitions_grow_from_half_to_the_full_amount() -> None:
    plan = plan_for(5, 3)
    arm_raise = [
        next(dose.repetitions or 0 for dose in item.exercises if dose.slug == "arm-raise")
        for day in plan.days
        for item in day.items
        if item.kind is ItemKind.EXERCISE
    ]
    assert arm_raise[0] == 5
    assert arm_raise[-1] == 10
    assert arm_raise == sorted(arm_raise)


def test_days_already_eased_count_towards_the_build_up() -> None:
    fresh = plan_for(10, 3).days[0]
    week_in = plan_for(10, 3, days_eased=7).days[0]
    reps = [
        next(item for item in day.items if item.kind is ItemKind.EXERCISE).exercises[0].repetitions
        for day in (fresh, week_in)
    ]
    assert reps == [5, 10]


def test_exercise_sessions_follow_heat_sessions_three_times_a_day() -> None:
    plan = plan_for(5, 3)
    assert plan.exercise_times == (time(8, 30), time(12, 30), time(16, 30))
    assert all(moment < time(22) for moment in plan.heat_times + plan.exercise_times)


def test_keep_moving_every_day_never_bed_rest() -> None:
    plan = plan_for(0, 9)
    for day in plan.days:
        move = next(item for item in day.items if item.kind is ItemKind.MOVE)
        assert "Do not stay in bed" in move.detail


@pytest.mark.parametrize("risk", [Risk.MEDIUM, Risk.HIGH])
def test_medium_and_high_risk_are_told_to_see_a_physiotherapist(risk: Risk) -> None:
    assert plan_for(3, 6, risk=risk).see_physio


@pytest.mark.parametrize("risk", [Risk.LOW, None])
def test_low_or_unknown_risk_gets_the_self_management_plan(risk: Risk | None) -> None:
    plan = plan_for(3, 6, risk=risk)
    assert not plan.see_physio
    assert plan.phase is Phase.SETTLING


def test_pregnancy_leaves_out_nsaids_and_lying_on_the_back() -> None:
    plan = plan_for(1, 6, pregnant=True)
    advice = " ".join(plan.medicines)
    assert "Do not take ibuprofen, naproxen" in advice
    assert "can help" not in advice
    positions = next(item for item in plan.days[0].items if item.kind is ItemKind.POSITIONS)
    assert "on your side" in positions.detail


def test_without_pregnancy_nsaids_first_and_paracetamol_alone_not_recommended() -> None:
    advice = " ".join(plan_for(1, 6).medicines)
    assert "Ibuprofen is usually the first painkiller to try" in advice
    assert "Ask a pharmacist first" in advice
    assert "with food, at the lowest dose that works, for the shortest time" in advice
    assert "poo is black or you are sick blood" in advice
    assert "Naproxen and muscle relaxants are only on prescription" in advice
    assert "Paracetamol on its own is not recommended" in advice


def test_heat_and_cold_are_never_on_numb_skin() -> None:
    plan = plan_for(1, 6)
    details = {item.kind: item.detail for day in plan.days for item in day.items}
    assert "numb" in details[ItemKind.COLD]
    assert "numb" in details[ItemKind.HEAT]


@pytest.mark.parametrize(
    ("days", "pain", "kwargs", "reason"),
    [
        (14, 6, {"findings": frozenset({"sciatica"})}, "sciatica"),
        (21, 6, {}, "not starting to get better after 3 weeks"),
        (28, 2, {"age": 55}, "after 4 weeks"),
        (28, 2, {"age": 18}, "after 4 weeks"),
        (42, 0, {}, "after 6 weeks"),
        (1, 9, {}, "your pain is 9 or 10 out of 10"),
        (5, 10, {}, "your pain is 9 or 10 out of 10"),
    ],
)
def test_not_better_after_the_gp_rules_duration_means_see_a_gp_now(
    days: int, pain: int, kwargs: dict[str, Any], reason: str
) -> None:
    plan = plan_for(days, pain, **kwargs)
    assert plan.phase is Phase.SEE_GP
    assert reason in plan.see_gp_reason


@pytest.mark.parametrize(
    ("days", "pain", "kwargs"),
    [
        (13, 6, {"findings": frozenset({"sciatica"})}),
        (21, 3, {}),
        (27, 2, {"age": 55}),
        (28, 2, {"age": 35}),
        (41, 2, {}),
        (5, 8, {}),
    ],
)
def test_before_the_gp_rules_duration_the_plan_carries_on(
    days: int, pain: int, kwargs: dict[str, Any]
) -> None:
    assert not plan_for(days, pain, **kwargs).see_gp_now


def test_gp_check_days_are_in_the_schedule_and_dated_from_the_onset() -> None:
    plan = plan_for(10, 6, findings=frozenset({"sciatica"}))
    assert [check.day_number for check in plan.gp_checks] == [14, 21, 42]
    assert plan.gp_checks[0].date == TODAY + timedelta(days=4)
    assert ItemKind.GP_CHECK in kinds(plan.days[4])


def test_ranges_group_identical_days_and_cover_every_day() -> None:
    plan = plan_for(1, 3)
    assert sum(day_range.length for day_range in plan.ranges) == PLAN_LENGTH_DAYS
    assert len(plan.ranges) < PLAN_LENGTH_DAYS


@pytest.mark.parametrize(("days", "pain"), [(-1, 5), (366, 5), (3, -1), (3, 11)])
def test_out_of_range_inputs_are_refused(days: int, pain: int) -> None:
    with pytest.raises(ValueError):
        PlanInputs(TODAY, days, pain)


def exercise_amounts(plan: Plan) -> list[tuple[ExerciseDose, ...]]:
    return [
        item.exercises for day in plan.days for item in day.items if item.kind is ItemKind.EXERCISE
    ]


PAUSE_CASES = list(
    itertools.product(
        [*range(25), 41, 42],  # every day of the first weeks and the GP check days after
        range(MAX_PAIN_SCORE + 1),
        range(0, 9),  # days the pain had already eased
        list(Worsening),
    )
)


def test_a_worsening_diary_puts_the_check_first_and_pauses_the_exercises() -> None:
    """Every combination of day, pain and days eased, for both kinds of worsening."""
    for days, pain, days_eased, worsening in PAUSE_CASES:
        case = (days, pain, days_eased, worsening)
        paused = plan_for(days, pain, days_eased=days_eased, worsening=worsening)
        usual = plan_for(days, pain, days_eased=days_eased)
        amounts = exercise_amounts(paused)
        already_exercising = pain <= EASED_PAIN_SCORE and days_eased > 0 and days >= FIRST_DAYS

        assert paused.phase is Phase.CHECK_AGAIN, case
        # The amount never grows; someone already exercising keeps today's usual amount.
        assert len(set(amounts)) <= 1, case
        if already_exercising:
            assert amounts == [exercise_amounts(usual)[0]] * PLAN_LENGTH_DAYS, case
        else:
            assert amounts == [], case
            assert paused.exercise_start is None, case
        # Nothing else about the plan changes: a GP appointment is still due when it was.
        assert paused.see_gp_reason == usual.see_gp_reason, case
        assert paused.gp_checks == usual.gp_checks, case
        held = [
            item
            for day in paused.days
            for item in day.items
            if item.kind in {ItemKind.EXERCISE_PAUSED, ItemKind.EXERCISE_WHEN_EASED}
        ]
        assert all(item.kind is ItemKind.EXERCISE_PAUSED for item in held), case


def test_without_a_worsening_the_plan_is_never_in_the_check_again_phase() -> None:
    for days, pain, days_eased in itertools.product(range(25), range(11), range(9)):
        assert plan_for(days, pain, days_eased=days_eased).phase is not Phase.CHECK_AGAIN
