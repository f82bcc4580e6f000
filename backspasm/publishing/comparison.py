"""What two versions of a reviewed object say, side by side as a word-level diff."""

from typing import Any

from django.db import models

from backspasm import registry
from backspasm.publishing import diffs, review


def field_labels(model: type[models.Model]) -> dict[str, str]:
    labels = {
        field.name: str(field.verbose_name).capitalize() for field in review.content_fields(model)
    }
    for relation in review.review_children(model):
        labels[relation] = relation.capitalize()
    return labels


def comparable(
    model: type[models.Model], values: dict[str, Any], children: review.Children
) -> dict[str, Any]:
    """Field values and child rows as the texts a diff compares."""
    flat: dict[str, Any] = {}
    choices = {
        field.name: dict(field.flatchoices)
        for field in review.content_fields(model)
        if field.choices
    }
    for name, value in values.items():
        flat[name] = choices[name].get(value, value) if name in choices else value
    for relation, names in review.review_children(model).items():
        flat[relation] = diffs.rows_as_text(children.get(relation, []), names)
    return flat


def diff_between(
    model: type[models.Model],
    old: tuple[dict[str, Any], review.Children],
    new: tuple[dict[str, Any], review.Children],
) -> diffs.Comparison:
    reviewed = registry.reviewed_for(model)
    return diffs.compare(
        field_labels(model),
        comparable(model, *old),
        comparable(model, *new),
        reviewed.flag_lines if reviewed is not None else None,
        reviewed.flag_label if reviewed is not None else "",
    )


def version_state(
    model: type[models.Model], version: Any, obj: models.Model
) -> tuple[dict[str, Any], review.Children]:
    values = review.json_safe(
        {field.name: getattr(version, field.name) for field in review.content_fields(model)}
    )
    return values, review.children_as_of(obj, version.history_date)
