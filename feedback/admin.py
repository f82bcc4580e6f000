from typing import Any

from django.contrib import admin
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from feedback.models import PageFeedback


class PageFilter(admin.SimpleListFilter):
    """Each page that has feedback, with how many found it useful and how many did not."""

    title = "page"
    parameter_name = "page"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        pages = (
            PageFeedback.objects.values("page")
            .annotate(
                yes=Count("id", filter=Q(useful=True)), no=Count("id", filter=Q(useful=False))
            )
            .order_by("page")
        )
        return [
            (row["page"], f"{row['page']} ({row['yes']} useful, {row['no']} not)") for row in pages
        ]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[PageFeedback]
    ) -> QuerySet[PageFeedback]:
        value = self.value()
        return queryset.filter(page=value) if value else queryset


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: feedback is what visitors said, so editors read it and nobody rewrites it."""

    list_display = ("given_on", "page", "useful", "comment")
    list_filter = (PageFilter, "useful", "given_on")
    search_fields = ("page", "comment")
    date_hierarchy = "given_on"
    list_per_page = 50

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: PageFeedback | None = None) -> bool:
        return False
