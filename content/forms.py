from typing import Any

from django import forms

from content.search import MAX_QUERY_LENGTH, normalise_query


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search this site",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": f"Search words must be {MAX_QUERY_LENGTH} characters or fewer",
        },
    )

    def clean_q(self) -> str:
        value: Any = self.cleaned_data.get("q", "")
        return normalise_query(str(value))
