"""What the self-care pages keep in the person's signed session cookie, checked on the way in.

Four keys, each owned here: the day the pain started (when the person has told us), the STarT Back
answers, the pain diary and the person's calendar id (a random value, nothing they told us). The
checker's own answers are read only through ``triage.outcome.stored_outcome``. ``load`` reads all
of it once into a ``SelfCare``, which answers every question the plan, diary and calendar ask; the
``save_`` functions write it back.
"""

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.sessions.backends.base import SessionBase

from selfcare import diary, startback
from selfcare.diary import Diary, Entry
from selfcare.plans import (
    EASED_PAIN_SCORE,
    MAX_DAYS_SINCE_START,
    ExerciseSpec,
    Plan,
    PlanInputs,
    Worsening,
    build_plan,
)
from triage.cards import CARDS, Card
from triage.outcome import CheckerOutcome
from triage.safetynet import SafetyNet, safety_net_for

# The general cards under "Stop and get help if", after (or joined with) the person's own.
GET_HELP_CARDS = ("cauda-equina", "common-call-999", "common-urgent")


def general_get_help_cards() -> tuple[Card, ...]:
    """The cards "Stop and get help if" shows on a page for everyone (the self-care hub)."""
    return tuple(CARDS[name] for name in GET_HELP_CARDS)


ONSET_KEY = "selfcare_onset"
STARTBACK_KEY = "selfcare_startback"
DIARY_KEY = "selfcare_diary"
CALENDAR_KEY = "selfcare_calendar"


@dataclass(frozen=True, slots=True)
class Onset:
    """The day the pain started, and the checker's duration it was worked out from.

    If the person runs the checker again with a different duration, the newer answer wins.
    """

    day: date
    checker_days: int | None


def days_since_start(session: SessionBase, outcome: CheckerOutcome, today: date) -> int:
    stored = session.get(ONSET_KEY)
    if isinstance(stored, Mapping):
        try:
            onset = Onset(date.fromisoformat(stored["day"]), stored.get("checker_days"))
        except (KeyError, TypeError, ValueError):
            onset = None
        if onset is not None and onset.checker_days == outcome.duration_days:
            return min(max((today - onset.day).days, 0), MAX_DAYS_SINCE_START)
    return min(max(outcome.duration_days or 0, 0), MAX_DAYS_SINCE_START)


def save_days_since_start(
    session: SessionBase, outcome: CheckerOutcome, today: date, days: int
) -> None:
    session[ONSET_KEY] = {
        "day": (today - timedelta(days=days)).isoformat(),
        "checker_days": outcome.duration_days,
    }


def remember_onset(session: SessionBase, outcome: CheckerOutcome, today: date) -> None:
    """Pin the start day, so the plan moves on by itself when the person comes back tomorrow."""
    save_days_since_start(session, outcome, today, days_since_start(session, outcome, today))


def calendar_owner(session: SessionBase) -> str:
    """The person's calendar id: random, made on their first download and kept, so the events of
    every later download have the same UIDs and calendar apps update them."""
    stored = session.get(CALENDAR_KEY)
    if isinstance(stored, str) and stored.isalnum() and len(stored) == 16:
        return stored
    session[CALENDAR_KEY] = owner = secrets.token_hex(8)
    return owner


def load_diary(session: SessionBase, today: date) -> Diary:
    return diary.load(session.get(DIARY_KEY), today)


def save_diary(session: SessionBase, entries: Diary) -> None:
    session[DIARY_KEY] = entries.to_session()


def startback_answers(session: SessionBase) -> dict[str, str]:
    stored = session.get(STARTBACK_KEY)
    if not isinstance(stored, Mapping):
        return {}
    return {
        key: value
        for key, value in stored.items()
        if key in startback.ITEM_IDS and isinstance(value, str)
    }


def save_startback(session: SessionBase, answers: Mapping[str, str]) -> None:
    session[STARTBACK_KEY] = {item_id: answers[item_id] for item_id in startback.ITEM_IDS}


@dataclass(frozen=True, slots=True)
class SelfCare:
    """A person's self-care, as their session holds it today."""

    outcome: CheckerOutcome
    today: date
    diary: Diary
    days_since_start: int
    startback_answers: dict[str, str]
    startback: startback.StartBackResult | None

    @property
    def worsening(self) -> Worsening | None:
        return self.diary.worsening(self.outcome.pain_score)

    @property
    def pain_today(self) -> int:
        """The latest score: the diary's, else the checker's."""
        latest = self.diary.latest
        if latest is not None:
            return latest.pain
        if self.outcome.pain_score is not None:
            return self.outcome.pain_score
        # Without any score, assume the pain has not eased: no exercises yet.
        return EASED_PAIN_SCORE + 1

    @property
    def today_entry(self) -> Entry | None:
        return self.diary.entry_for(self.today)

    @property
    def needs_crisis_line(self) -> bool:
        """Struggling to cope, or a STarT Back high-risk score: the crisis line comes first."""
        return "not_coping" in self.outcome.findings or self.high_risk

    @property
    def high_risk(self) -> bool:
        return self.startback is not None and self.startback.risk is startback.Risk.HIGH

    def safety_net(self) -> SafetyNet:
        """The result's own signs to watch for, dated from the start day the plan now uses."""
        return safety_net_for(
            self.outcome,
            self.today - timedelta(days=self.days_since_start),
            duration_days=self.days_since_start,
            pain_score=self.pain_today,
        )

    def plan(self, exercises: Sequence[ExerciseSpec]) -> Plan:
        inputs = PlanInputs(
            today=self.today,
            days_since_start=self.days_since_start,
            pain_today=self.pain_today,
            pregnant=self.outcome.pregnant,
            age=self.outcome.age,
            findings=self.outcome.findings,
            risk=self.startback.risk if self.startback else None,
            days_eased=self.diary.days_eased(self.today),
            worsening=self.worsening,
        )
        return build_plan(inputs, exercises)


def load(session: SessionBase, outcome: CheckerOutcome, today: date) -> SelfCare:
    answers = startback_answers(session)
    return SelfCare(
        outcome=outcome,
        today=today,
        diary=load_diary(session, today),
        days_since_start=days_since_start(session, outcome, today),
        startback_answers=answers,
        startback=startback.score_or_none(answers),
    )
