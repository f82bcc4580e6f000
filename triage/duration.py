"""How long the back pain has lasted, as a number and a unit: the checker's question, and the
plan's update form, which asks it the same way (part of the checker's public face)."""

from typing import Any

from django import forms

from backspasm.web.forms import RadiosField, WholeNumberField
from triage.steps import DAYS_PER_UNIT

DURATION_UNIT = "duration_unit"
UNITS = (("days", "Days"), ("weeks", "Weeks"), ("months", "Months"))


class DurationForm(forms.Form):
    """A number and its unit (see ``duration_fields``). The number alone, with no unit sent,
    counts as days.

    Cleans the field named ``duration_key`` to the number of days (a week is 7, a month 30), and
    refuses more than ``max_days`` with ``range_error``.
    """

    duration_key: str
    max_days: int
    range_error: str

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        number = cleaned.get(self.duration_key)
        unit = cleaned.get(DURATION_UNIT) or "days"
        if isinstance(number, int):
            days = number * DAYS_PER_UNIT[unit]
            if days > self.max_days:
                self.add_error(self.duration_key, self.range_error)
            else:
                cleaned[self.duration_key] = days
        return cleaned


def duration_fields(
    *,
    label: str,
    hint: str,
    limits: tuple[int, int],
    error_messages: dict[str, str],
    page_heading: bool = False,
) -> tuple[WholeNumberField, RadiosField]:
    """A duration's number and its unit (days, weeks or months), for a ``DurationForm``: the
    number goes in the field named by its ``duration_key``, the unit in ``duration_unit``."""
    low, high = limits
    number = WholeNumberField(
        label=label,
        page_heading=page_heading,
        help_text=hint,
        input_width=3,
        min_value=low,
        max_value=high,
        error_messages=error_messages,
    )
    unit = RadiosField(
        label="Days, weeks or months",
        choices=UNITS,
        initial="days",
        required=False,
        inline=True,
        error_messages={"invalid_choice": "Select days, weeks or months"},
    )
    return number, unit
