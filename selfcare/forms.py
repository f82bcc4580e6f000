"""The questions the self-care pages ask, as GOV.UK form fields."""

from typing import Any

from django import forms

from backspasm.web.forms import RadiosField, WholeNumberField, YesNoField
from selfcare import startback
from selfcare.plans import MAX_DAYS_SINCE_START, MAX_PAIN_SCORE
from triage.duration import DurationForm, duration_fields

PAIN_HINT = "0 means no pain and 10 is the worst pain you can imagine."
# The plan covers a year: 365 days, 52 weeks or 12 months.
PLAN_DURATION_RANGE_ERROR = "Enter a time of up to 1 year, like 52 weeks or 12 months"


def pain_field(**kwargs: Any) -> WholeNumberField:
    return WholeNumberField(
        min_value=0,
        max_value=MAX_PAIN_SCORE,
        help_text=PAIN_HINT,
        suffix="out of 10",
        input_width=2,
        error_messages={
            "required": "Enter your pain today as a number from 0 to 10",
            "invalid": "Enter your pain today as a whole number from 0 to 10, like 5",
            "min_value": "Pain must be 0 or more",
            "max_value": "Pain must be 10 or less",
        },
        **kwargs,
    )


class PlanOptionsForm(DurationForm):
    """When the pain started, in days, weeks or months as the checker asks it, and today's pain."""

    duration_key = "days_since_start"
    max_days = MAX_DAYS_SINCE_START
    range_error = PLAN_DURATION_RANGE_ERROR
    days_since_start, duration_unit = duration_fields(
        label="How long ago did your back pain start?",
        hint="Enter 0 if it started today.",
        limits=(0, MAX_DAYS_SINCE_START),
        error_messages={
            "required": "Enter how long ago your back pain started, like 5",
            "invalid": "Enter how long ago your back pain started as a whole number, like 5",
            "min_value": "Enter a time of 0 or more",
            "max_value": PLAN_DURATION_RANGE_ERROR,
        },
    )
    pain_today = pain_field(label="How bad is your pain today?")


class DiaryForm(forms.Form):
    pain_today = pain_field(label="How bad is your pain today?")
    new_symptoms = YesNoField(
        label="Have you noticed anything new since your last check?",
        help_text="For example, a high temperature, pain spreading down your legs, numbness, "
        "tingling, or problems peeing or pooing.",
        error_messages={
            "required": "Select yes if you have noticed anything new",
            "invalid_choice": "Select yes if you have noticed anything new",
        },
    )


class StartBackForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in startback.ITEMS:
            is_agreement = item.choices == startback.AGREEMENT_CHOICES
            message = (
                f"Select agree or disagree for question {item.number}"
                if is_agreement
                else f"Select how bothersome your back pain has been, for question {item.number}"
            )
            self.fields[item.id] = RadiosField(
                label=f"{item.number}. {item.text}",
                choices=item.choices,
                error_messages={"required": message, "invalid_choice": message},
            )
