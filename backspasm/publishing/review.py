"""Review before publish: an editor proposes, a clinical reviewer (someone else) approves.

The live object's own fields are the approved content. A proposal is kept as a PendingChange with
the field values and the rows that belong to the object (an article's sources); approval copies
them onto the live object in one transaction, and that save is what the page cache and the
history see. Works for any model whose editable fields are its content, by app label and field
names, so this app need not import the apps that use it.
"""

import copy
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from backspasm.publishing.models import ChangeStatus, OldAddress, PendingChange

Values = dict[str, Any]
Children = dict[str, list[Values]]
User = AbstractBaseUser | AnonymousUser


class ReviewError(Exception):
    """A decision the rules do not allow, with words to show the person who tried it."""


def content_fields(model: type[models.Model]) -> list["models.Field[Any, Any]"]:
    """The fields a person edits: everything editable except the key and automatic timestamps."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and not isinstance(field, models.ForeignKey)
    ]


def review_children(model: type[models.Model]) -> dict[str, tuple[str, ...]]:
    children: dict[str, tuple[str, ...]] = getattr(model, "review_children", {})
    return children


def json_safe(values: Values) -> Values:
    """What the value looks like once stored in a JSONField, so stored and live compare equal."""
    encoder = DjangoJSONEncoder()
    return {
        name: encoder.default(value)
        if not isinstance(value, str | int | float | bool | None)
        else value
        for name, value in values.items()
    }


def values_of(obj: models.Model) -> Values:
    return json_safe(
        {field.name: field.value_from_object(obj) for field in content_fields(type(obj))}
    )


def children_of(obj: models.Model) -> Children:
    return {
        relation: [
            json_safe({name: getattr(row, name) for name in names})
            for row in getattr(obj, relation).all()
        ]
        for relation, names in review_children(type(obj)).items()
    }


def python_values(model: type[models.Model], values: Values) -> Values:
    """Stored values turned back into what each field holds (a date from its ISO string)."""
    fields = {field.name: field for field in content_fields(model)}
    return {name: fields[name].to_python(value) for name, value in values.items() if name in fields}


def proposed_object(change: PendingChange) -> models.Model:
    """The live object with the proposed values on it, unsaved: for previews and diffs."""
    target = change.target
    if not isinstance(target, models.Model):
        raise ReviewError("The page this change was for no longer exists.")
    for name, value in python_values(type(target), change.values).items():
        setattr(target, name, value)
    return target


@transaction.atomic
def propose(
    obj: models.Model,
    values: Values,
    children: Children,
    *,
    author: Any,
    reason: str,
) -> PendingChange | None:
    """Keep a proposed version of ``obj`` for review, replacing any earlier one still waiting.

    Returns None when the proposal is the same as the live content: there is nothing to review.
    """
    values = {
        name: value.replace("\r\n", "\n") if isinstance(value, str) else value
        for name, value in json_safe(values).items()
    }
    children = {relation: [json_safe(row) for row in rows] for relation, rows in children.items()}
    if values == values_of(obj) and children == children_of(obj):
        return None
    PendingChange.objects.pending().for_object(obj).update(
        status=ChangeStatus.SUPERSEDED, decided_at=timezone.now()
    )
    name_field = "title" if "title" in values else "name"
    return PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        name=str(values.get(name_field, obj)),
        values=values,
        children=children,
        reason=reason.strip(),
        author=author,
    )


def can_decide(change: PendingChange, reviewer: Any) -> bool:
    return (
        change.status == ChangeStatus.PENDING
        and reviewer.has_perm("publishing.approve_pendingchange")
        and reviewer.pk != change.author_id
    )


def _check_decision(change: PendingChange, reviewer: Any) -> None:
    if change.status != ChangeStatus.PENDING:
        raise ReviewError("This change has already been decided or replaced by a later one.")
    if reviewer.pk == change.author_id:
        raise ReviewError("You proposed this change, so another clinical reviewer must check it.")
    if not reviewer.has_perm("publishing.approve_pendingchange"):
        raise ReviewError("Only a clinical reviewer can approve or send back a change.")


def _display_name(user: Any) -> str:
    return str(user.get_full_name() or user.get_username())


def approval_reason(change: PendingChange, reviewer: Any) -> str:
    """The history's change reason for an approved change: why, who proposed it, who approved."""
    return (
        f"{change.reason} (proposed by {_display_name(change.author)}, "
        f"approved by {_display_name(reviewer)})"
    )


def _replace_children(obj: models.Model, relation: str, rows: list[Values], reason: str) -> None:
    manager = getattr(obj, relation)
    model = manager.model
    for row in manager.all():
        row._change_reason = reason
        row.delete()
    for row_values in rows:
        row = model(**{manager.field.name: obj, **python_values(model, row_values)})
        row._change_reason = reason
        row.save()


def _keep_old_address(obj: models.Model, old_url: str) -> None:
    new_url = obj.get_absolute_url()  # type: ignore[attr-defined]
    if old_url == new_url:
        return
    content_type = ContentType.objects.get_for_model(obj)
    OldAddress.objects.filter(path=new_url).delete()  # that address is live again
    OldAddress.objects.update_or_create(
        path=old_url, defaults={"content_type": content_type, "object_id": obj.pk}
    )


@transaction.atomic
def approve(change: PendingChange, reviewer: Any, now: datetime | None = None) -> models.Model:
    """Copy the proposal onto the live object, keeping an old address if its slug changed."""
    change = PendingChange.objects.select_for_update().get(pk=change.pk)
    _check_decision(change, reviewer)
    obj = change.target
    if not isinstance(obj, models.Model):
        raise ReviewError("The page this change was for no longer exists.")
    old_url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None
    reason = approval_reason(change, reviewer)
    for name, value in python_values(type(obj), change.values).items():
        setattr(obj, name, value)
    obj.full_clean(validate_unique=True)
    # Rows first, so the object's own history entry is the latest and a look back "as of" it
    # finds the rows it was approved with.
    live_children = children_of(obj)
    for relation, rows in change.children.items():
        if relation in review_children(type(obj)) and rows != live_children.get(relation):
            _replace_children(obj, relation, rows, reason)
    obj._change_reason = reason  # type: ignore[attr-defined]  # read by simple-history
    obj.save()
    if old_url is not None:
        _keep_old_address(obj, old_url)
    change.status = ChangeStatus.APPROVED
    change.reviewer = reviewer
    change.decided_at = now or timezone.now()
    change.save(update_fields=["status", "reviewer", "decided_at"])
    return obj


@transaction.atomic
def reject(change: PendingChange, reviewer: Any, comment: str) -> None:
    """Send the change back to its author with a comment; the live page stays as it is."""
    change = PendingChange.objects.select_for_update().get(pk=change.pk)
    _check_decision(change, reviewer)
    if not comment.strip():
        raise ReviewError("Enter a comment that tells the editor what to change.")
    change.status = ChangeStatus.REJECTED
    change.reviewer = reviewer
    change.review_comment = comment.strip()
    change.decided_at = timezone.now()
    change.save(update_fields=["status", "reviewer", "review_comment", "decided_at"])


def children_as_of(obj: models.Model, when: datetime) -> Children:
    """The rows that belonged to ``obj`` at a moment in its history, from their own history."""
    children: Children = {}
    for relation, names in review_children(type(obj)).items():
        manager = getattr(obj, relation)
        history = manager.model.history
        rows = history.as_of(when).filter(**{manager.field.name: obj.pk})
        children[relation] = [
            json_safe({name: getattr(row, name) for name in names})
            for row in sorted(rows, key=lambda row: (row.order, row.pk))
        ]
    return children


def version_values(obj: models.Model, version: Any) -> Values:
    return {field.name: getattr(version, field.name) for field in content_fields(type(obj))}


def problems_with(obj: models.Model, values: Values) -> list[str]:
    """What the model's own validation says of ``values`` in place of the live ones: a restored
    version is checked as an edit is (an article's care cards, say)."""
    candidate = copy.copy(obj)
    for name, value in python_values(type(obj), json_safe(values)).items():
        setattr(candidate, name, value)
    try:
        candidate.full_clean()
    except ValidationError as error:
        return list(error.messages)
    return []


def propose_restore(
    obj: models.Model, version: Any, *, author: Any, reason: str, values: Values | None = None
) -> PendingChange | None:
    """Propose going back to a historical version, with the rows it had then; ``values`` are the
    version's own unless given (the old words with today's care cards, say)."""
    values = version_values(obj, version) if values is None else values
    return propose(
        obj, values, children_as_of(obj, version.history_date), author=author, reason=reason
    )
