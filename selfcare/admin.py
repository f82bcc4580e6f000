from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from selfcare.models import Exercise


@admin.register(Exercise)
class ExerciseAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # untyped library
    list_display = ("name", "order", "repetitions", "hold_seconds", "times_a_day", "published")
    list_editable = ("order", "published")
    list_filter = ("published",)
    search_fields = ("name", "summary", "steps")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "summary", "order", "published")}),
        (
            "How to do it",
            {"fields": ("steps", "repetitions", "hold_seconds", "minutes", "times_a_day")},
        ),
        ("Safety", {"fields": ("when_to_start", "when_to_stop", "cautions", "pregnancy_caution")}),
        ("Illustration", {"fields": ("illustration", "illustration_alt")}),
    )

    def get_history_queryset(
        self, request: HttpRequest, history_manager: Any, pk_name: str, object_id: str
    ) -> Any:
        """simple-history 3.13 calls select_related() with no field names here, which Django 6.1
        deprecates; name the one relation the history list shows."""
        return history_manager.filter(**{pk_name: object_id}).select_related("history_user")
