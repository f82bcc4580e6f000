"""Safety monitoring: each finished journey is counted once, per day, and nothing else is kept."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.handlers.base import BaseHandler
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.test import Client, RequestFactory
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from backspasm.publishing.editors import EDITORS_GROUP
from backspasm.publishing.reviewers import REVIEWERS_GROUP
from tests.accounts.signin import sign_in_to_admin
from tests.support.checker import DEFAULT_NUMBERS, complete_checker
from tests.support.html import one
from tests.triage.conftest import store
from triage import charts, monitoring
from triage.engine import answers_from_findings, triage
from triage.models import DailyOutcome, DailyRuleCount
from triage.rules import DISPOSITIONS

pytestmark = pytest.mark.django_db

JOURNEYS: list[dict[str, object]] = [
    {},  # self-care
    {},
    {"chest_pain": True},  # emergency
    {"age": 60, "duration_days": 3},
]


def staff(name: str, group: str) -> Client:
    user = User.objects.create_user(name, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    sign_in_to_admin(client, user)
    return client


def expected_counts(answer_sets: list[dict[str, object]]) -> tuple[dict[str, int], dict[str, int]]:
    """What the engine says each journey ends in, counted the way the page should count it."""
    outcomes: dict[str, int] = {}
    rules: dict[str, int] = {}
    for answers in answer_sets:
        outcome = triage(answers_from_findings({**DEFAULT_NUMBERS, **answers}))
        outcomes[outcome.disposition.value] = outcomes.get(outcome.disposition.value, 0) + 1
        for rule in outcome.fired:
            rules[rule.id] = rules.get(rule.id, 0) + 1
    return outcomes, rules


def test_each_finished_journey_is_counted_once_by_its_result_and_rules():
    for answers in JOURNEYS:
        person = Client()
        complete_checker(person, answers)
        person.get("/check/result/")  # a reload is not another journey

    outcomes, rules = expected_counts(JOURNEYS)
    today = timezone.localdate()
    assert dict(DailyOutcome.objects.values_list("disposition", "journeys")) == outcomes
    assert dict(DailyRuleCount.objects.values_list("rule", "journeys")) == rules
    assert set(DailyOutcome.objects.values_list("day", flat=True)) == {today}


def test_a_result_is_sent_before_its_count_is_written(django_assert_num_queries):
    person = Client()
    store(person, {"emergency_signs": ["saddle_numbness"]})
    handler = BaseHandler()
    handler.load_middleware()
    request = RequestFactory().get("/check/result/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = person.cookies[
        settings.SESSION_COOKIE_NAME
    ].value

    with django_assert_num_queries(0):
        response = handler.get_response(request)
    assert response.status_code == 200
    assert not DailyOutcome.objects.exists()

    # What a WSGI server does once the last byte has gone; the test transaction stays open.
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert dict(DailyOutcome.objects.values_list("disposition", "journeys")) == {"emergency": 1}


def test_changing_an_answer_after_the_result_counts_the_new_result():
    person = Client()
    complete_checker(person, {})
    complete_checker(person, {"chest_pain": True})

    assert dict(DailyOutcome.objects.values_list("disposition", "journeys")) == {
        "self_care": 1,
        "emergency": 1,
    }


def test_the_counts_hold_a_day_a_name_and_a_number_and_nothing_else():
    complete_checker(Client(), {"chest_pain": True})

    with connection.cursor() as cursor:
        columns = {
            table: [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            for table in ("triage_dailyoutcome", "triage_dailyrulecount")
        }
    assert columns == {
        "triage_dailyoutcome": ["id", "day", "disposition", "journeys"],
        "triage_dailyrulecount": ["id", "day", "rule", "journeys"],
    }
    assert not [
        table
        for table in connection.introspection.table_names()
        if table.startswith("triage_") and table not in columns
    ]


def test_the_monitoring_page_shows_the_counts_of_the_journeys_run():
    for answers in JOURNEYS:
        complete_checker(Client(), answers)
    outcomes, rules = expected_counts(JOURNEYS)

    response = staff("safety-officer", REVIEWERS_GROUP).get("/admin/triage/dailyoutcome/")
    page = BeautifulSoup(response.text, "html.parser")

    assert response.status_code == 200
    today_row = page.select("#content-main table")[0].select("tbody tr")[0]
    cells = [cell.get_text(strip=True) for cell in today_row.select("td")]
    assert cells == [*(str(outcomes.get(d.value, 0)) for d in DISPOSITIONS), str(len(JOURNEYS))]
    rule_rows = {
        one(row, "th").get_text(strip=True): row.select("td")[-1].get_text(strip=True)
        for row in page.select("#content-main table")[1].select("tbody tr")
    }
    assert {rule: int(count) for rule, count in rule_rows.items() if count != "0"} == rules
    bars = page.select("#content-main svg rect")
    assert len(bars) == len(outcomes) + len(rules)


def test_the_monitoring_page_is_for_clinical_reviewers_only():
    editor = staff("editor", EDITORS_GROUP)

    assert editor.get("/admin/triage/dailyoutcome/").status_code == 403
    assert Client().get("/admin/triage/dailyoutcome/").status_code == 302


def test_the_summary_lists_every_day_of_the_period_including_quiet_ones():
    last = date(2026, 12, 2)
    summary = monitoring.summarise(
        [(last, "emergency", 2), (last - timedelta(days=2), "gp", 1), (date(2020, 1, 1), "gp", 9)],
        [("E1", 2)],
        last,
        3,
    )

    assert [row.day for row in summary.days] == [last - timedelta(days=n) for n in (2, 1, 0)]
    assert [row.total for row in summary.days] == [1, 0, 2]
    assert summary.journeys == 3
    assert {row.rule: row.journeys for row in summary.rules if row.journeys} == {"E1": 2}


@given(st.integers(min_value=0, max_value=10**6))
def test_a_chart_step_is_round_and_fits_the_largest_count_in_a_few_lines(largest: int):
    step = charts.nice_step(largest)

    assert str(step).strip("0") in {"1", "2", "5"}
    assert largest / step <= 5


@given(st.lists(st.lists(st.integers(0, 500), min_size=4, max_size=4), min_size=1, max_size=40))
def test_each_bar_is_as_tall_as_its_count_and_no_bar_leaves_the_chart(days: list[list[int]]):
    rows = [
        monitoring.DayRow(date(2026, 1, 1) + timedelta(days=n), tuple(counts))
        for n, counts in enumerate(days)
    ]
    chart = charts.journeys_by_day(rows, ["a", "b", "c", "d"])

    assert len(chart.bars) == sum(1 for counts in days for count in counts if count)
    heights = [bar.height for bar in chart.bars]
    counts = [count for counts in days for count in counts if count]
    if counts:
        # In proportion to the first bar, within the 0.05 px each height is rounded by.
        h1, c1 = heights[0], counts[0]
        assert all(
            abs(h * c1 - h1 * c) <= 0.05 * (c + c1) + 1e-9
            for h, c in zip(heights, counts, strict=True)
        )
    assert all(bar.y >= charts.TOP - 0.2 for bar in chart.bars)
    assert all(bar.y + bar.height <= charts.HEIGHT - charts.BOTTOM + 0.2 for bar in chart.bars)
