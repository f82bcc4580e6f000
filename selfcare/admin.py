from django.contrib import admin

from backspasm.publishing.reviewadmin import ReviewedAdmin
from selfcare.models import Exercise


@admin.register(Exercise)
class ExerciseAdmin(ReviewedAdmin):
    unpublished_values = {"published": False}
    list_display = ("name", "order", "repetitions", "hold_seconds", "times_a_day", "published")
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
