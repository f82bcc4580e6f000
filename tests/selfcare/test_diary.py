"""The pain diary's rules: bounded, one score a day, and forgiving of whatever the cookie holds."""

import itertools
from datetime import date, timedelta

import pytest

from selfcare.chart import MAX_DATE_LABELS, draw
from selfcare.diary import (
    KEPT_DAYS,
    MAX_ENTRIES,
    UNREADABLE_MESSAGE,
    Diary,
    Entry,
    load,
    record,
)
from selfcare.plans import MAX_PAIN_SCORE, Worsening

TODAY = date(2026, 11, 26)


def days_ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def test_no_diary_yet_is_empty_without_a_message() -> None:
    assert load(None, TODAY) == Diary()


def test_a_valid_diary_loads_in_date_order() -> None:
    diary = load([[days_ago(0), 3, 0], [days_ago(2), 7, 1]], TODAY)
    assert [(entry.pain, entry.new_symptoms) for entry in diary.entries] == [(7, True), (3, False)]
    assert diary.problem == ""


@pytest.mark.parametrize(
    "raw",
    [
        "not a list",
        {"pain": 3},
        [[days_ago(0), 11, 0]],
        [[days_ago(0), -1, 0]],
        [[days_ago(0), True, 0]],
        [[days_ago(0), "3", 0]],
        [[days_ago(0), 3.0, 0]],
        [[days_ago(0), 3, 2]],
        [[days_ago(0), 3]],
        [["2026-13-01", 3, 0]],
        [["yesterday", 3, 0]],
        [[(TODAY + timedelta(days=5)).isoformat(), 3, 0]],
        [[days_ago(0), 3, 0], [days_ago(0), 4, 0]],
        [[days_ago(day), 3, 0] for day in range(MAX_ENTRIES + 1)],
        [[days_ago(0), 3, 0], "x" * 5000],
    ],
)
def test_a_forged_malformed_or_oversized_diary_is_treated_as_empty_with_a_message(
    raw: object,
) -> None:
    diary = load(raw, TODAY)
    assert diary.entries == ()
    assert diary.problem == UNREADABLE_MESSAGE


def test_recording_twice_on_one_day_keeps_the_newer_score() -> None:
    diary = record(record(Diary(), Entry(TODAY, 8)), Entry(TODAY, 5))
    assert diary.entries == (Entry(TODAY, 5),)


def test_recording_drops_scores_older_than_the_days_the_diary_keeps() -> None:
    diary = Diary()
    for day in reversed(range(KEPT_DAYS + 10)):
        diary = record(diary, Entry(TODAY - timedelta(days=day), day % 11))

    assert len(diary.entries) == KEPT_DAYS
    assert diary.entries[-1].day == TODAY
    assert diary.entries[0].day == TODAY - timedelta(days=KEPT_DAYS - 1)
    assert load(diary.to_session(), TODAY) == diary


@pytest.mark.parametrize("age", range(MAX_ENTRIES))
def test_a_stored_score_is_read_only_while_it_is_younger_than_the_days_kept(age: int) -> None:
    diary = load([[days_ago(age), 3, 0]], TODAY)

    assert diary.problem == ""
    assert len(diary.entries) == (1 if age < KEPT_DAYS else 0)


def test_the_oldest_score_is_forgotten_the_days_kept_after_it_was_recorded() -> None:
    diary = load([[days_ago(5), 3, 0], [days_ago(1), 4, 0]], TODAY)

    assert diary.forgotten_on == TODAY + timedelta(days=KEPT_DAYS - 5)
    assert load(diary.to_session(), diary.forgotten_on).entries == (
        Entry(TODAY - timedelta(days=1), 4),
    )
    assert Diary().forgotten_on is None


def expected_worsening(before: int | None, latest: int, new_symptoms: bool) -> Worsening | None:
    """The rule as the plan and diary state it, written out separately from the code."""
    if new_symptoms:
        return Worsening.NEW_SYMPTOMS
    if before is not None and latest >= before + 2:
        return Worsening.PAIN_UP
    return None


def test_worsening_is_something_new_or_a_rise_of_two_for_every_pair_of_scores() -> None:
    scores = range(MAX_PAIN_SCORE + 1)
    for previous, latest, new_symptoms, checker in itertools.product(
        scores, scores, [False, True], [None, *scores]
    ):
        two_days = Diary(
            (Entry(TODAY - timedelta(days=1), previous), Entry(TODAY, latest, new_symptoms))
        )
        first_day = Diary((Entry(TODAY, latest, new_symptoms),))

        # The score before the latest wins over the checker's; with none, the checker's counts.
        assert two_days.worsening(checker) == expected_worsening(previous, latest, new_symptoms)
        assert first_day.worsening(checker) == expected_worsening(checker, latest, new_symptoms)
    assert Diary().worsening(0) is None


def test_something_new_on_an_earlier_day_no_longer_counts_after_a_later_score() -> None:
    diary = Diary((Entry(TODAY - timedelta(days=1), 3, True), Entry(TODAY, 3)))
    assert diary.worsening(3) is None


def test_days_eased_counts_back_over_the_latest_run_of_low_scores() -> None:
    diary = Diary(
        (
            Entry(TODAY - timedelta(days=6), 7),
            Entry(TODAY - timedelta(days=4), 4),
            Entry(TODAY - timedelta(days=2), 3),
            Entry(TODAY, 2),
        )
    )
    assert diary.days_eased(TODAY) == 4
    assert diary.days_eased(TODAY + timedelta(days=1)) == 0
    assert Diary((Entry(TODAY, 6),)).days_eased(TODAY) == 0


def test_the_chart_spreads_days_by_date_and_puts_higher_pain_higher() -> None:
    entries = (
        Entry(TODAY - timedelta(days=3), 8),
        Entry(TODAY - timedelta(days=2), 6),
        Entry(TODAY, 2),
    )
    chart = draw(entries)
    xs = [point.x for point in chart.points]
    assert xs[0] == chart.x_start and xs[-1] == chart.x_end
    assert chart.left < chart.x_start < chart.x_end < chart.right
    assert xs[1] - xs[0] == pytest.approx((xs[2] - xs[0]) / 3)
    assert chart.points[0].y < chart.points[2].y
    assert chart.polyline.count(",") == 3


def test_the_chart_labels_a_few_dates_always_including_the_latest() -> None:
    entries = tuple(Entry(TODAY - timedelta(days=day), 5) for day in reversed(range(MAX_ENTRIES)))
    chart = draw(entries)
    assert len(chart.x_ticks) <= MAX_DATE_LABELS
    assert chart.x_ticks[-1].label == "26 Nov"
    assert draw(()).points == ()
