"""Counting each finished journey's outcome once, and reading the counts back per day."""

import logging
import os
import queue
import threading
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from django.conf import settings
from django.db import IntegrityError, close_old_connections, models, transaction
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


# The outcome this request's person has just seen for the first time, handed from the view to
# the end of the request. A context variable keeps each gunicorn thread's request to itself.
_uncounted: ContextVar[Outcome | None] = ContextVar("uncounted_outcome", default=None)


def count_once(session: Any, outcome: Outcome) -> None:
    """Mark this person's result as counted, once, and leave the count itself until the response
    has been sent: counting never stands between a person and their result, even while the
    database hangs."""
    stored = session.get(flow.SESSION_KEY)
    if not isinstance(stored, dict) or stored.get(_COUNTED):
        return
    stored[_COUNTED] = True
    session.modified = True
    _uncounted.set(outcome)


def forget_uncounted(**_: object) -> None:
    """Every request starts with nothing to count (on `request_started`): a view called outside a
    request (a test's request factory) never leaves its outcome for the next request to count."""
    _uncounted.set(None)


def record_after_response(**_: object) -> None:
    """Hand the count of a result the person has already been sent (on `request_finished`) to this
    process's count writer. A count that cannot be written is lost and logged: the person has
    their result either way."""
    outcome = _uncounted.get()
    if outcome is None:
        return
    _uncounted.set(None)
    day = timezone.localdate()
    if not settings.TRIAGE_COUNTS_IN_BACKGROUND:
        _write(outcome, day)
        return
    try:
        _writer().put_nowait((outcome, day))
    except queue.Full:
        logger.error("A checker outcome was not counted: the count writer is behind")


def _write(outcome: Outcome, day: date) -> None:
    try:
        record(outcome, day)
    except Exception:  # noqa: BLE001  # the response is gone; nothing may reach the server
        logger.exception("A checker outcome could not be counted")


# One writer thread per process, started in the process that first needs it (gunicorn forks its
# workers after loading the site). While the database hangs, only this thread waits: no request
# thread is held after its response, so the emergency advice keeps every thread it needs.
_WRITER_BACKLOG: Final = 1000
_writer_lock = threading.Lock()
_writer_queue: "queue.Queue[tuple[Outcome, date]] | None" = None
_writer_pid = 0


def _writer() -> "queue.Queue[tuple[Outcome, date]]":
    global _writer_queue, _writer_pid
    with _writer_lock:
        if _writer_queue is None or _writer_pid != os.getpid():
            _writer_queue = queue.Queue(maxsize=_WRITER_BACKLOG)
            _writer_pid = os.getpid()
            threading.Thread(
                target=_write_forever, args=(_writer_queue,), name="triage-counts", daemon=True
            ).start()
        return _writer_queue


def _write_forever(counts: "queue.Queue[tuple[Outcome, date]]") -> None:
    while True:
        outcome, day = counts.get()
        close_old_connections()
        _write(outcome, day)


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
