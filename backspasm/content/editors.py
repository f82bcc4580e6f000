"""The "Content editors" group: people who change the words on the site and nothing else."""

from typing import Any, Final

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS

EDITORS_GROUP: Final = "Content editors"
# No delete: an editor withdraws an article by making it a draft, and its history stays.
EDITOR_ACTIONS: Final = ("add", "change", "view")


def editor_permissions(using: str = DEFAULT_DB_ALIAS) -> list[Permission]:
    """Add, change and view on every model of the content apps, their history models included
    (history is what lets an editor see and restore earlier revisions), and view only on the apps
    editors read but never change (visitors' feedback)."""
    labels = [*settings.CONTENT_EDITOR_APP_LABELS, *settings.EDITOR_READ_ONLY_APP_LABELS]
    return [
        permission
        for permission in Permission.objects.db_manager(using)
        .filter(content_type__app_label__in=labels)
        .select_related("content_type")
        if permission.codename.split("_", 1)[0]
        in (
            EDITOR_ACTIONS
            if permission.content_type.app_label in settings.CONTENT_EDITOR_APP_LABELS
            else ("view",)
        )
    ]


def sync_editors_group(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """Runs after every app's migrations, so models added later (and by other apps in the list)
    join the group; it sets the exact permissions, taking away any added by hand."""
    group, _ = Group.objects.db_manager(using).get_or_create(name=EDITORS_GROUP)
    group.permissions.set(editor_permissions(using))
