"""One form per journey step, built from the step's definition with the GOV.UK fields."""

from functools import cache
from typing import Any

from django import forms

from backspasm.forms import CheckboxesField, RadiosField, WholeNumberField, YesNoField
from triage.steps import DAYS_PER_UNIT, Kind, Section, Step

DURATION_UNIT = "duration_unit"
UNITS = (("days", "Days"), ("weeks", "Weeks"), ("months", "Months"))


def _field(step: Step) -> forms.Field:
    messages = {"required": step.error, "invalid_choice": step.error, "invalid": step.error}
    if step.kind is Kind.CHECKBOXES:
        return CheckboxesField(
            label=step.question,
            page_heading=True,
            help_text=step.hint,
            choices=[(finding.id, finding.label) for finding in step.findings],
            choice_hints={finding.id: finding.hint for finding in step.findings if finding.hint},
            error_messages=messages,
            # The emergency screen's criteria are long, and each page must fit a phone screen.
            heading_size="m" if step.section is Section.EMERGENCY else "l",
            small=step.compact,
        )
    if step.kind is Kind.YES_NO:
        return YesNoField(
            label=step.question, page_heading=True, help_text=step.hint, error_messages=messages
        )
    if step.kind is Kind.CHOICE:
        return RadiosField(
            label=step.question,
            page_heading=True,
            help_text=step.hint,
            choices=step.choices,
            error_messages=messages,
        )
    low, high = step.limits
    return WholeNumberField(
        label=step.question,
        page_heading=True,
        help_text=step.hint,
        suffix=step.suffix,
        input_width=3 if high < 1000 else 5,
        min_value=low,
        max_value=high,
        error_messages={**messages, "min_value": step.range_error, "max_value": step.range_error},
    )


class _DurationForm(forms.Form):
    """A number and its unit. The number alone, with no unit sent, counts as days.

    Cleans ``duration_days`` to the number of days (a week is 7, a month 30).
    """

    step: Step

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        number = cleaned.get(self.step.key)
        unit = cleaned.get(DURATION_UNIT) or "days"
        if isinstance(number, int):
            days = number * DAYS_PER_UNIT[unit]
            if days > self.step.limits[1]:
                self.add_error(self.step.key, self.step.range_error)
            else:
                cleaned[self.step.key] = days
        return cleaned


def _duration_form(step: Step) -> type[forms.Form]:
    low, high = step.limits
    number = WholeNumberField(
        label=step.question,
        page_heading=True,
        help_text=step.hint,
        input_width=3,
        min_value=low,
        max_value=high,
        error_messages={
            "required": step.error,
            "invalid": step.error,
            "min_value": step.range_error,
            "max_value": step.range_error,
        },
    )
    unit = RadiosField(
        label="Days, weeks or months",
        choices=UNITS,
        initial="days",
        required=False,
        inline=True,
        error_messages={"invalid_choice": "Select days, weeks or months"},
    )
    return type(
        "DurationForm", (_DurationForm,), {"step": step, step.key: number, DURATION_UNIT: unit}
    )


@cache
def form_class(step: Step) -> type[forms.Form]:
    """A form named after the step's answer, whose field cleans to the stored value."""
    if step.kind is Kind.DURATION:
        return _duration_form(step)
    return type(f"{step.key.title().replace('_', '')}Form", (forms.Form,), {step.key: _field(step)})


def initial(step: Step, value: object) -> dict[str, object]:
    """The form's initial data from a stored answer; an empty choice shows "None of these"."""
    if value is None:
        return {}
    if step.kind is Kind.CHECKBOXES and value == []:
        return {step.key: [CheckboxesField.NONE]}
    return {step.key: value}
