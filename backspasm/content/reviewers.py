"""The "Clinical reviewers" group: people who approve or send back changes to clinical content."""

from typing import Any, Final

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

REVIEWERS_GROUP: Final = "Clinical reviewers"
APPROVE_PERMISSION: Final = "approve_pendingchange"


def reviewer_permissions(using: str = DEFAULT_DB_ALIAS) -> list[Permission]:
    """View everything editors change and the checker's safety counts, and approve changes.

    No add or change: a reviewer who also writes is put in both groups, and still cannot approve
    their own change.
    """
    return list(
        Permission.objects.db_manager(using).filter(
            Q(
                content_type__app_label__in=settings.CLINICAL_REVIEWER_VIEW_APP_LABELS,
                codename__startswith="view_",
            )
            | Q(content_type__app_label="content", codename=APPROVE_PERMISSION)
        )
    )


def sync_reviewers_group(using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """Runs after every app's migrations, like the editors' group, and sets exact permissions."""
    group, _ = Group.objects.db_manager(using).get_or_create(name=REVIEWERS_GROUP)
    group.permissions.set(reviewer_permissions(using))
