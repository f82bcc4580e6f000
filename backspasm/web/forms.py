"""Form fields that render as GOV.UK Frontend components.

Each field carries its own template, so a page prints ``{{ form.field.as_field_group }}`` and gets
the label or legend, hint, error message and inputs the design system specifies.
"""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError


class GovukFieldMixin:
    """Presentation options shared by every field: is the label the page's <h1>, and hints."""

    def __init__(
        self,
        *args: Any,
        page_heading: bool = False,
        choice_hints: Mapping[str, str] | None = None,
        input_width: int | None = None,
        suffix: str = "",
        inline: bool = False,
        heading_size: str = "l",
        small: bool = False,
        **kwargs: Any,
    ) -> None:
        self.page_heading = page_heading
        self.inline = inline
        self.small = small  # GOV.UK's smaller checkboxes, for a page with many long choices
        self.heading_size = heading_size  # a GOV.UK size: "l", or "m" for a long page
        self.choice_hints = dict(choice_hints or {})
        self.input_width = input_width
        self.suffix = suffix
        super().__init__(*args, **kwargs)


class FixedChoicesField(forms.ChoiceField):
    """Choices set once, when the field is built, and shared by every form made from it.

    Django deep-copies a choice field's choices into each form, so that one form may change its
    own. No form here does: the choices come from the clinical rules or a fixed list. Skipping that
    copy took 3 % off the whole of a checker answer's work in process.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        return forms.Field.__deepcopy__(self, memo)


class RadiosField(GovukFieldMixin, FixedChoicesField):
    widget = forms.RadioSelect

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("template_name", "forms/govuk/radios.html")
        super().__init__(*args, **kwargs)


class YesNoField(RadiosField):
    """A yes/no question answered with radios valued ``yes`` and ``no``; cleans to a bool."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("choices", [("yes", "Yes"), ("no", "No")])
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> Any:
        if value is True or value is False:
            return "yes" if value else "no"
        return super().to_python(value)

    def clean(self, value: Any) -> bool:
        return bool(super().clean(value) == "yes")

    def prepare_value(self, value: Any) -> Any:
        if value is True:
            return "yes"
        if value is False:
            return "no"
        return value


class CheckboxesField(GovukFieldMixin, FixedChoicesField, forms.MultipleChoiceField):
    """A "which of these" question with an exclusive "None of these" answer valued ``none``.

    Without JavaScript nothing stops a person ticking a sign and "None of these" together (say,
    on a page where they had ticked "None of these" before): the sign counts, never an error, so
    a new warning sign is never lost or refused.
    """

    widget = forms.CheckboxSelectMultiple
    NONE = "none"

    def __init__(self, *args: Any, none_label: str = "None of these", **kwargs: Any) -> None:
        kwargs.setdefault("template_name", "forms/govuk/checkboxes.html")
        self.none_label = none_label
        choices = [*kwargs.pop("choices", ()), (self.NONE, none_label)]
        super().__init__(*args, choices=choices, **kwargs)

    def clean(self, value: Any) -> list[str]:
        chosen = super().clean(value)
        return [item for item in chosen if item != self.NONE]


class WholeNumberField(GovukFieldMixin, forms.IntegerField):
    """A number typed into a text input with inputmode=numeric, as GOV.UK recommends."""

    widget = forms.TextInput

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("template_name", "forms/govuk/input.html")
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> int | None:
        if isinstance(value, str):
            value = value.strip().replace(",", "")
            if len(value) > 12:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)
