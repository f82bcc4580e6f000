"""The forms of the review workflow: why a change is made, and a reviewer's comment."""

from typing import Any

from django import forms

REASON_REQUIRED = "Enter why you are making this change"


class ReasonField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", "Why are you making this change?")
        kwargs.setdefault(
            "help_text",
            "A clinical reviewer reads this before approving, and it is kept in the history. "
            "For example: “NICE updated its advice on heat packs”.",
        )
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}))
        kwargs.setdefault("error_messages", {"required": REASON_REQUIRED})
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)


class ReviewedForm(forms.ModelForm):  # type: ignore[type-arg]
    change_reason = ReasonField()


class ReasonForm(forms.Form):
    reason = ReasonField()


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label="Comment for the editor",
        required=False,
        help_text="Needed when you send a change back: say what to change.",
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        max_length=2000,
    )
