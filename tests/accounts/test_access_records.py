"""The lockout's records of who signed in from where are kept 90 days, then pruned."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db

MODELS = (AccessLog, AccessAttempt, AccessFailureLog)


def record(model, days_ago: int, username: str) -> None:
    fields: dict[str, object] = {
        "username": username,
        "ip_address": "198.51.100.7",
        "user_agent": "Firefox",
    }
    if model is AccessAttempt:
        fields |= {"get_data": "", "post_data": "", "failures_since_start": 1}
    row = model.objects.create(path_info="/admin/", **fields)
    model.objects.filter(pk=row.pk).update(attempt_time=timezone.now() - timedelta(days=days_ago))


def test_records_older_than_90_days_are_pruned_and_younger_ones_kept():
    for model in MODELS:
        record(model, 91, "old")
        record(model, 89, "recent")

    call_command("pruneaccessrecords")

    for model in MODELS:
        assert list(model.objects.values_list("username", flat=True)) == ["recent"]
