"""The "Is this page useful?" form (which page, yes or no) and, after a no, "What was wrong?"."""

from typing import Any

from django import forms
from django.core import signing
from django.urls import Resolver404, resolve

from feedback.models import COMMENT_MAX_LENGTH, PAGE_MAX_LENGTH

ANSWER_SALT = "feedback.answer"
# Time enough to write a few lines, and short enough that an old link adds nothing.
ANSWER_MAX_AGE_SECONDS = 60 * 60


def is_public_page(path: str) -> bool:
    """Feedback is taken only for the site's public pages, so the table holds nothing else."""
    if not path.startswith("/") or path.startswith("//"):
        return False
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return bool(getattr(match.func, "is_public_page", False))


class FeedbackForm(forms.Form):
    page = forms.CharField(max_length=PAGE_MAX_LENGTH, widget=forms.HiddenInput)
    useful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": "Select yes if this page was useful",
            "invalid_choice": "Select yes if this page was useful",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "feedback-%s")
        super().__init__(*args, **kwargs)

    def clean_page(self) -> str:
        page: str = self.cleaned_data["page"]
        if not is_public_page(page):
            raise forms.ValidationError("This page does not take feedback")
        return page


def answer_token(pk: int) -> str:
    """A signed reference to a "No" just stored, so the comment sent after it joins that row."""
    return signing.dumps(pk, salt=ANSWER_SALT)


def answer_from_token(token: str) -> int | None:
    try:
        pk = signing.loads(token, salt=ANSWER_SALT, max_age=ANSWER_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    return pk if isinstance(pk, int) else None


class WhatWasWrongForm(forms.Form):
    """The question a "No" opens: what was wrong, added to that answer (optional)."""

    answer = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label="What was wrong with this page? (optional)",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": f"What was wrong must be {COMMENT_MAX_LENGTH} characters or fewer",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "feedback-%s")
        super().__init__(*args, **kwargs)

    def clean_answer(self) -> int:
        pk = answer_from_token(self.cleaned_data["answer"])
        if pk is None:
            raise forms.ValidationError(
                "This form has expired. Your answer was saved: there is nothing more to do"
            )
        return pk
