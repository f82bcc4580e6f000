"""One form per journey step, built from the step's definition with the GOV.UK fields."""

from functools import cache

from django import forms

from backspasm.web.forms import CheckboxesField, RadiosField, WholeNumberField, YesNoField
from triage.duration import DURATION_UNIT, DurationForm, duration_fields
from triage.steps import Kind, Section, Step


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


def _duration_form(step: Step) -> type[forms.Form]:
    number, unit = duration_fields(
        label=step.question,
        hint=step.hint,
        limits=step.limits,
        page_heading=True,
        error_messages={
            "required": step.error,
            "invalid": step.error,
            "min_value": step.range_error,
            "max_value": step.range_error,
        },
    )
    attributes = {
        "duration_key": step.key,
        "max_days": step.limits[1],
        "range_error": step.range_error,
        step.key: number,
        DURATION_UNIT: unit,
    }
    return type("DurationForm", (DurationForm,), attributes)


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
