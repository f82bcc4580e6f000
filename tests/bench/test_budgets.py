import pytest

from bench import budgets
from bench.lighthouse import median_run
from bench.soak import memory_growth


def failed(checks: list[budgets.Check]) -> list[tuple[str, str]]:
    return [(check.subject, check.measure) for check in checks if not check.passed]


def test_a_personal_page_is_held_to_twice_the_cost_of_the_framework_floor():
    assert failed(budgets.throughput_checks("Plan", "GET", 0.5, 250.0, 0, personal=True)) == []
    assert failed(budgets.throughput_checks("Plan", "GET", 0.49, 250.1, 0, personal=True)) == [
        ("Plan", "throughput ratio to the floor"),
        ("Plan", "p99 ms"),
    ]
    # The same figures on a page the same for everyone fail both budgets by far.
    assert len(failed(budgets.throughput_checks("Hub", "GET", 0.5, 250.0, 0))) == 2


def test_the_floor_is_the_reference_so_only_its_errors_count():
    assert failed(budgets.throughput_checks("Floor", "GET", 0.2, 90.0, 0, floor=True)) == []
    assert failed(budgets.throughput_checks("Floor", "GET", 0.2, 90.0, 3, floor=True)) == [
        ("Floor", "errors under load"),
    ]


def test_slow_tails_and_errors_under_load_fail():
    assert failed(budgets.throughput_checks("Home", "GET", 0.9, 50.1, 1)) == [
        ("Home", "p99 ms"),
        ("Home", "errors under load"),
    ]


def test_a_page_that_could_not_be_measured_fails_rather_than_passing_silently():
    checks = budgets.throughput_checks("Plan", "GET", None, None, 0)

    assert failed(checks) == [("Plan", "throughput ratio to static"), ("Plan", "p99 ms")]
    assert checks[0].as_dict()["value"] is None


def test_soak_memory_growth_is_measured_per_worker_and_a_recycled_worker_is_not_counted():
    growth = memory_growth({1: 100_000, 2: 100_000, 3: 50_000}, {1: 109_000, 2: None, 3: 50_000})

    assert growth == {1: pytest.approx(0.09), 2: None, 3: 0.0}
    assert failed(budgets.soak_checks(0, growth)) == []
    assert failed(budgets.soak_checks(0, {1: 0.11})) == [("soak", "worst worker memory growth")]
    assert failed(budgets.soak_checks(1, {})) == [
        ("soak", "failed requests"),
        ("soak", "worst worker memory growth"),
    ]


def test_lighthouse_reports_the_run_with_the_median_performance_score():
    runs = [
        ({"performance": 100, "seo": 100}, []),
        ({"performance": 82, "seo": 100}, ["performance: Total Blocking Time"]),
        ({"performance": 97, "seo": 100}, ["performance: Largest Contentful Paint"]),
    ]

    assert median_run(runs) == runs[2]
    assert median_run(runs[:2]) == runs[1]  # of two, the lower: never flatter the figures
    assert median_run(runs[:1]) == runs[0]
