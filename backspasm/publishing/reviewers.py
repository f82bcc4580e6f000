"""The "Clinical reviewers" group: people who approve or send back changes to clinical content."""

from typing import Any, Final

from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS

from backspasm import registry
from backspasm.publishing.editors import permissions_on

REVIEWERS_GROUP: Final = "Clinical reviewers"
APPROVE_PERMISSION: Final = "approve_pendingchange"


def reviewer_permissions(using: str = DEFAULT_DB_ALIAS) -> list[Permission]:
    """View everything editors change and what apps registered for reviewers (the checker's
    safety counts), and approve changes.

    No add or change: a reviewer who also writes is put in both groups, and still cannot approve
    their own change.
    """
    return [
        *permissions_on(registry.reviewer_viewable(), ("view",), using),
        *Permission.objects.db_manager(using).filter(
            content_type__app_label="publishing", codename=APPROVE_PERMISSION
        ),
    ]


def sync_reviewers_group(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """Runs after every app's migrations, like the editors' group, and sets exact permissions."""
    group, _ = Group.objects.db_manager(using).get_or_create(name=REVIEWERS_GROUP)
    group.permissions.set(reviewer_permissions(using))
