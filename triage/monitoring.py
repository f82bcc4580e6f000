"""Counting each finished journey's outcome once, and reading the counts back per day."""

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from django.db import IntegrityError, models, transaction
from django.db.models import F, Sum
from django.utils import timezone

from triage import flow
from triage.engine import Outcome
from triage.models import DailyOutcome, DailyRuleCount
from triage.rules import DISPOSITIONS, RULES, Disposition

logger = logging.getLogger("triage.monitoring")

# Marks, in the person's own session, that this result has been counted: a reload or a return to
# the result page is not a second journey. Changing an answer rewrites the session entry, so the
# new result is counted as the journey it is.
_COUNTED: Final = "counted"

DISPOSITION_NAMES: Final = {
    Disposition.EMERGENCY: "Emergency: 999 or A&E now",
    Disposition.URGENT: "Urgent: help today",
    Disposition.GP: "See a GP",
    Disposition.SELF_CARE: "Self-care",
}


def count_once(session: Any, outcome: Outcome) -> None:
    """Count this person's result, once. Counting never stands between a person and their
    result: if the database cannot be reached, the result still shows and the miss is logged."""
    stored = session.get(flow.SESSION_KEY)
    if not isinstance(stored, dict) or stored.get(_COUNTED):
        return
    try:
        record(outcome, timezone.localdate())
    except Exception:  # noqa: BLE001  # a result must render whatever happens to the count
        logger.exception("A checker outcome could not be counted")
        return
    stored[_COUNTED] = True
    session.modified = True


def _increment(model: type[models.Model], **key: object) -> None:
    if model._default_manager.filter(**key).update(journeys=F("journeys") + 1):
        return
    try:
        with transaction.atomic():
            model._default_manager.create(**key, journeys=1)
    except IntegrityError:  # another worker created the day's row first
        model._default_manager.filter(**key).update(journeys=F("journeys") + 1)


@transaction.atomic
def record(outcome: Outcome, day: date) -> None:
    _increment(DailyOutcome, day=day, disposition=outcome.disposition.value)
    for rule in outcome.fired:
        _increment(DailyRuleCount, day=day, rule=rule.id)


@dataclass(frozen=True, slots=True)
class DayRow:
    day: date
    counts: tuple[int, ...]  # in the order of DISPOSITIONS

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class RuleRow:
    rule: str
    reason: str
    disposition: str  # its name, as the page prints it
    kind: str  # its value, for the chart's colour
    journeys: int


@dataclass(frozen=True, slots=True)
class Summary:
    days: tuple[DayRow, ...]  # oldest first, every day in the period, quiet days included
    rules: tuple[RuleRow, ...]  # every rule, in table order
    totals: tuple[int, ...]  # per disposition over the period

    @property
    def journeys(self) -> int:
        return sum(self.totals)


def _days(last: date, count: int) -> list[date]:
    return [last - timedelta(days=offset) for offset in range(count - 1, -1, -1)]


def summarise(
    outcomes: Iterable[tuple[date, str, int]],
    rules: Iterable[tuple[str, int]],
    last_day: date,
    day_count: int,
) -> Summary:
    """Plain rows for the page from (day, disposition, journeys) and (rule, journeys) counts."""
    by_day: dict[date, dict[str, int]] = {day: {} for day in _days(last_day, day_count)}
    for day, disposition, journeys in outcomes:
        if day in by_day:
            by_day[day][disposition] = by_day[day].get(disposition, 0) + journeys
    rows = tuple(
        DayRow(day, tuple(counts.get(d.value, 0) for d in DISPOSITIONS))
        for day, counts in by_day.items()
    )
    fired = dict(rules)
    return Summary(
        days=rows,
        rules=tuple(
            RuleRow(
                rule.id,
                rule.reason,
                DISPOSITION_NAMES[rule.disposition],
                rule.disposition.value,
                fired.get(rule.id, 0),
            )
            for rule in RULES
        ),
        totals=tuple(sum(row.counts[index] for row in rows) for index in range(len(DISPOSITIONS))),
    )


def recent(day_count: int, today: date | None = None) -> Summary:
    last = today or timezone.localdate()
    first = last - timedelta(days=day_count - 1)
    outcomes = DailyOutcome.objects.filter(day__range=(first, last)).values_list(
        "day", "disposition", "journeys"
    )
    rules: Sequence[tuple[str, int]] = list(
        DailyRuleCount.objects.filter(day__range=(first, last))
        .values("rule")
        .annotate(total=Sum("journeys"))
        .values_list("rule", "total")
    )
    return summarise(outcomes, rules, last, day_count)
