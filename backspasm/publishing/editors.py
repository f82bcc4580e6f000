"""The "Content editors" group: people who change the words on the site and nothing else."""

from typing import Any, Final

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, models

from backspasm import registry

EDITORS_GROUP: Final = "Content editors"
# No delete: an editor withdraws an article by making it a draft, and its history stays.
EDITOR_ACTIONS: Final = ("add", "change", "view")


def with_history(found: tuple[type[models.Model], ...]) -> list[type[models.Model]]:
    """Each model and its history model (history is what lets an editor see and restore earlier
    revisions, and a reviewer compare them)."""
    every: list[type[models.Model]] = []
    for model in found:
        every.append(model)
        history = getattr(model, "history", None)
        if history is not None:
            every.append(history.model)
    return every


def permissions_on(
    found: tuple[type[models.Model], ...], actions: tuple[str, ...], using: str
) -> list[Permission]:
    content_types = ContentType.objects.db_manager(using).get_for_models(
        *with_history(found), for_concrete_models=False
    )
    return [
        permission
        for permission in Permission.objects.db_manager(using).filter(
            content_type__in=content_types.values()
        )
        if permission.codename.split("_", 1)[0] in actions
    ]


def editor_permissions(using: str = DEFAULT_DB_ALIAS) -> list[Permission]:
    """Add, change and view on each model an app registered as reviewed (with its rows and their
    history), and view only on the models registered as editors' reading."""
    return [
        *permissions_on(registry.editor_editable(), EDITOR_ACTIONS, using),
        *permissions_on(registry.editor_viewable(), ("view",), using),
    ]


def sync_editors_group(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """Runs after every app's migrations, so models added later join the group; it sets the
    exact permissions, taking away any added by hand."""
    group, _ = Group.objects.db_manager(using).get_or_create(name=EDITORS_GROUP)
    group.permissions.set(editor_permissions(using))
