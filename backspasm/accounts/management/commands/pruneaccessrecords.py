"""Delete the lockout's records older than ACCESS_RECORDS_KEPT_DAYS (run daily from cron).

django-axes keeps a row for every staff sign-in (AccessLog), every failure while the lockout
counts (AccessAttempt) and, if enabled, every failure ever (AccessFailureLog): usernames and
addresses, which nobody needs for ever. Its own axes_reset_logs and axes_reset_failure_logs
prune the two logs by age; the stale attempts, long past the cool-off, go here too.
"""

from datetime import timedelta
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete sign-in and lockout records older than ACCESS_RECORDS_KEPT_DAYS days."

    def handle(self, *args: Any, **options: Any) -> None:
        days = int(settings.ACCESS_RECORDS_KEPT_DAYS)
        logs = AxesProxyHandler.reset_logs(age_days=days)
        failures = AxesProxyHandler.reset_failure_logs(age_days=days)
        cutoff = timezone.now() - timedelta(days=days)
        attempts, _ = AccessAttempt.objects.filter(attempt_time__lte=cutoff).delete()
        self.stdout.write(
            f"Deleted {logs} sign-in records, {failures} failure records and {attempts} "
            f"lockout counts older than {days} days."
        )
