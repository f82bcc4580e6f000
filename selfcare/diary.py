"""The pain diary: one score a day, kept in the person's signed session cookie.

Each score is kept for KEPT_DAYS, as the privacy notice promises: older scores are dropped
whenever the diary is read. Whatever comes back from the session is checked entry by entry: a value
that is malformed, out of range or larger than any diary can be is treated as an empty diary, and
the page says so.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from selfcare.plans import EASED_PAIN_SCORE, MAX_PAIN_SCORE, Worsening

# The session cookie also lasts this long after the person's last change: the privacy notice
# promises both.
KEPT_DAYS = 14
# Scores are forgotten after KEPT_DAYS, but a cookie written before that rule kept up to 28 days;
# anything longer than that was never written by the site.
MAX_ENTRIES = 28
# A rise this big from one score to the next is worth a new symptom check.
PAIN_RISE_TO_CHECK_AGAIN = 2
UNREADABLE_MESSAGE = (
    "We could not read your pain diary, so it has been started again. "
    "Your other answers have not changed."
)


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    day: date
    pain: int
    new_symptoms: bool = False

    def to_session(self) -> list[object]:
        return [self.day.isoformat(), self.pain, int(self.new_symptoms)]


@dataclass(frozen=True, slots=True)
class Diary:
    entries: tuple[Entry, ...] = ()
    problem: str = ""

    @property
    def latest(self) -> Entry | None:
        return self.entries[-1] if self.entries else None

    @property
    def previous(self) -> Entry | None:
        return self.entries[-2] if len(self.entries) > 1 else None

    def entry_for(self, day: date) -> Entry | None:
        return next((entry for entry in self.entries if entry.day == day), None)

    def worsening(self, first_pain: int | None) -> Worsening | None:
        """Why the person should run the symptom checker again, from their latest score: something
        new, or pain up by PAIN_RISE_TO_CHECK_AGAIN or more since the score before it (the
        checker's own score, ``first_pain``, for the first entry)."""
        latest = self.latest
        if latest is None:
            return None
        if latest.new_symptoms:
            return Worsening.NEW_SYMPTOMS
        before = self.previous.pain if self.previous is not None else first_pain
        if before is not None and latest.pain - before >= PAIN_RISE_TO_CHECK_AGAIN:
            return Worsening.PAIN_UP
        return None

    @property
    def forgotten_on(self) -> date | None:
        """The day the oldest score is dropped; each later score goes a day after the one before."""
        return self.entries[0].day + timedelta(days=KEPT_DAYS) if self.entries else None

    def days_eased(self, today: date) -> int:
        """Days the pain has stayed eased, counting back from today's entry over recorded days."""
        latest = self.latest
        if latest is None or latest.day != today or latest.pain > EASED_PAIN_SCORE:
            return 0
        start = latest.day
        for entry in reversed(self.entries):
            if entry.pain > EASED_PAIN_SCORE:
                break
            start = entry.day
        return (today - start).days

    def to_session(self) -> list[list[object]]:
        return [entry.to_session() for entry in self.entries]


def _entry(raw: object, today: date) -> Entry | None:
    if not isinstance(raw, list) or len(raw) != 3:
        return None
    day_text, pain, new_symptoms = raw
    if not isinstance(day_text, str) or len(day_text) != 10:
        return None
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        return None
    # bool is an int in Python: a forged true must not pass as a pain score of 1.
    if type(pain) is not int or not 0 <= pain <= MAX_PAIN_SCORE:
        return None
    if new_symptoms not in (0, 1) or type(new_symptoms) is not int:
        return None
    if day > today + timedelta(days=1):
        return None
    return Entry(day, pain, bool(new_symptoms))


def kept(day: date, today: date) -> bool:
    return (today - day).days < KEPT_DAYS


def load(raw: object, today: date) -> Diary:
    """A diary from a session value, without the scores it no longer keeps; None means no diary
    yet."""
    if raw is None:
        return Diary()
    if not isinstance(raw, list) or len(raw) > MAX_ENTRIES:
        return Diary(problem=UNREADABLE_MESSAGE)
    entries = [_entry(item, today) for item in raw]
    valid = [entry for entry in entries if entry is not None]
    if len(valid) != len(entries) or len({entry.day for entry in valid}) != len(valid):
        return Diary(problem=UNREADABLE_MESSAGE)
    return Diary(tuple(sorted(entry for entry in valid if kept(entry.day, today))))


def record(diary: Diary, entry: Entry) -> Diary:
    """Today's score replaces any earlier score for the same day; scores past KEPT_DAYS drop off."""
    others: Sequence[Entry] = [
        existing
        for existing in diary.entries
        if existing.day != entry.day and kept(existing.day, entry.day)
    ]
    return Diary(tuple(sorted([*others, entry])))
