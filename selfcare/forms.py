"""The questions the self-care pages ask, as GOV.UK form fields."""

from typing import Any

from django import forms

from backspasm.forms import RadiosField, WholeNumberField, YesNoField
from selfcare import startback
from selfcare.plans import MAX_DAYS_SINCE_START, MAX_PAIN_SCORE

PAIN_HINT = "0 means no pain and 10 is the worst pain you can imagine."


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


class PlanOptionsForm(forms.Form):
    days_since_start = WholeNumberField(
        label="How many days ago did your back pain start?",
        help_text="Enter 0 if it started today.",
        min_value=0,
        max_value=MAX_DAYS_SINCE_START,
        suffix="days",
        input_width=3,
        error_messages={
            "required": "Enter how many days ago your back pain started",
            "invalid": "Enter the number of days as a whole number, like 3",
            "min_value": "The number of days must be 0 or more",
            "max_value": f"The number of days must be {MAX_DAYS_SINCE_START} or less",
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
