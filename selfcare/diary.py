"""The pain diary: one score a day, kept in the person's signed session cookie.

The cookie holds about 4 KB, so the diary keeps the most recent MAX_ENTRIES days. Whatever comes
back from the session is checked entry by entry: a value that is malformed, out of range or larger
than the diary can hold is treated as an empty diary, and the page says so.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from selfcare.plans import EASED_PAIN_SCORE, MAX_PAIN_SCORE

MAX_ENTRIES = 28
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

    @property
    def pain_rising(self) -> bool:
        latest, previous = self.latest, self.previous
        return latest is not None and previous is not None and latest.pain > previous.pain

    @property
    def check_again(self) -> bool:
        """Pain going up or a new symptom: the person should run the symptom checker again."""
        latest = self.latest
        return self.pain_rising or (latest is not None and latest.new_symptoms)

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


def load(raw: object, today: date) -> Diary:
    """A diary from a session value; None means no diary yet."""
    if raw is None:
        return Diary()
    if not isinstance(raw, list) or len(raw) > MAX_ENTRIES:
        return Diary(problem=UNREADABLE_MESSAGE)
    entries = [_entry(item, today) for item in raw]
    valid = [entry for entry in entries if entry is not None]
    if len(valid) != len(entries) or len({entry.day for entry in valid}) != len(valid):
        return Diary(problem=UNREADABLE_MESSAGE)
    return Diary(tuple(sorted(valid)))


def record(diary: Diary, entry: Entry) -> Diary:
    """Today's score replaces any earlier score for the same day; the oldest days drop off."""
    kept: Sequence[Entry] = [existing for existing in diary.entries if existing.day != entry.day]
    return Diary(tuple(sorted([*kept, entry]))[-MAX_ENTRIES:])
