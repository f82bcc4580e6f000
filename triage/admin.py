"""The safety monitoring page for clinical reviewers: counts as charts with tables beside them."""

from typing import Any, Final

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from backspasm.web.admin import ReadOnlyAdmin
from triage import charts, monitoring
from triage.models import DailyOutcome
from triage.rules import DISPOSITIONS

PERIOD_DAYS: Final = 28


@admin.register(DailyOutcome)
class SafetyMonitoringAdmin(ReadOnlyAdmin):
    """Read-only: the counts are written only by finished checker journeys."""

    def get_urls(self) -> list[Any]:
        return [url for url in super().get_urls() if url.name and url.name.endswith("_changelist")]

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        summary = monitoring.recent(PERIOD_DAYS)
        names = [monitoring.DISPOSITION_NAMES[d] for d in DISPOSITIONS]
        return TemplateResponse(
            request,
            "admin/triage/monitoring.html",
            {
                **self.admin_site.each_context(request),
                "title": "Checker safety monitoring",
                "subtitle": None,
                "opts": self.model._meta,
                "period_days": PERIOD_DAYS,
                "summary": summary,
                "legend": list(
                    zip((d.value for d in DISPOSITIONS), names, summary.totals, strict=True)
                ),
                "names": names,
                "days_newest_first": list(reversed(summary.days)),
                "journeys_chart": charts.journeys_by_day(summary.days, names),
                "rules_chart": charts.rules_fired(
                    [(row.rule, row.journeys, row.kind) for row in summary.rules]
                ),
            },
        )
