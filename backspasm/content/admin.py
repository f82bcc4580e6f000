"""Admin for editors: every save keeps a revision they can see and restore (SimpleHistoryAdmin)."""

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.db.models import Field, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from backspasm.admin import HistoryAdmin
from backspasm.content.markdown import block_help
from backspasm.content.models import Article, ArticleQuerySet, Source, Status


class SourceInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Source
    fields = ("title", "url", "order")
    extra = 1


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(
        self,
        request: HttpRequest,
        model_admin: admin.ModelAdmin,  # type: ignore[type-arg]
    ) -> list[tuple[str, str]]:
        return [("overdue", "Review overdue"), ("current", "Review not yet due")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        articles = cast(ArticleQuerySet, queryset)
        if self.value() == "overdue":
            return articles.review_overdue()
        if self.value() == "current":
            return articles.review_not_yet_due()
        return queryset


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    list_display = ("title", "section", "status", "next_review_due", "review_state", "preview")
    list_filter = ("section", "status", ReviewFilter)
    search_fields = ("title", "slug", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [SourceInline]
    fieldsets = [
        (None, {"fields": ("title", "slug", "summary", "body")}),
        ("Where it appears", {"fields": ("section", "order", "status")}),
        ("Review", {"fields": ("last_reviewed", "next_review_due", "reviewer")}),
    ]
    history_list_display = ("status",)

    def formfield_for_dbfield(
        self, db_field: "Field[Any, Any]", request: HttpRequest, **kwargs: Any
    ) -> Any:
        """Room to read what is being written: the summary is two sentences, the body a page."""
        if db_field.name == "summary":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"})
        elif db_field.name == "body":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 30, "class": "vLargeTextField"})
            kwargs["help_text"] = f"{db_field.help_text} {block_help()}"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="Review")
    def review_state(self, article: Article) -> str:
        return "Overdue" if article.review_is_overdue else "Not yet due"

    @admin.display(description="Preview")
    def preview(self, article: Article) -> str:
        return format_html(
            '<a href="{}">{}<span class="visually-hidden"> {}</span></a>',
            self.view_on_site(article),
            "Preview" if article.status == Status.DRAFT else "View on site",
            article.title,
        )

    def view_on_site(self, article: Article) -> str:
        """A draft has no public page yet, so "View on site" opens its staff-only preview."""
        if article.is_published:
            return article.get_absolute_url()
        return reverse("content:preview", kwargs={"pk": article.pk})


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    """Sources are edited with their article; this list is where their own history lives."""

    list_display = ("title", "article", "url")
    list_filter = ("article__section",)
    search_fields = ("title", "url", "article__title")
    list_select_related = ("article",)
