"""Admin for editors: every save keeps a revision they can see and restore (SimpleHistoryAdmin)."""

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Field, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST

from backspasm.publishing.reviewadmin import ReviewedAdmin
from backspasm.web.admin import HistoryAdmin
from content import cardguard, readability
from content.markdown import block_help, blocks_to_place, render_markdown, unknown_blocks
from content.models import Article, ArticleQuerySet, Source, Status


class SourceInline(admin.StackedInline):  # type: ignore[type-arg]
    """Stacked, so each field has its own label for screen readers (a table row has none)."""

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


def render_writing_help(body: str) -> SafeString:
    """The body as the public page renders it, with its reading age and longest sentences."""
    return render_to_string(
        "admin/content/article/writing_help.html",
        {
            # The sanitiser's output, as on the public page: safe to print as HTML.
            "preview_html": mark_safe(render_markdown(body)),  # noqa: S308
            "measured": readability.measure(body),
            "unknown_blocks": unknown_blocks(body),
            "typed_lists": cardguard.problems(body, None),
            "target_lowest": readability.TARGET_LOWEST,
            "target_highest": readability.TARGET_HIGHEST,
            "long_sentence_words": readability.LONG_SENTENCE_WORDS,
        },
    )


@admin.register(Article)
class ArticleAdmin(ReviewedAdmin):
    unpublished_values = {"status": Status.DRAFT}
    list_display = (
        "title",
        "section",
        "status",
        "reading_age",
        "next_review_due",
        "review_state",
        "preview",
    )
    list_filter = ("section", "status", ReviewFilter)
    search_fields = ("title", "slug", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [SourceInline]
    fieldsets = [
        (None, {"fields": ("title", "slug", "summary", "body", "writing_help")}),
        ("Where it appears", {"fields": ("section", "order", "status", "available_offline")}),
        ("Review", {"fields": ("last_reviewed", "next_review_due", "reviewer")}),
    ]
    readonly_fields = ("writing_help",)

    def get_urls(self) -> list[Any]:
        return [
            path(
                "writing-help/",
                self.admin_site.admin_view(require_POST(self.writing_help_view)),
                name="content_article_writing_help",
            ),
            *super().get_urls(),
        ]

    def writing_help_view(self, request: HttpRequest) -> HttpResponse:
        """What the body being typed looks like on the page, for the preview beside it."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        return HttpResponse(render_writing_help(request.POST.get("body", "")))

    @admin.display(description="Writing help")
    def writing_help(self, article: Article | None) -> SafeString:
        """The table of blocks to place, then the help that follows what is typed."""
        blocks = render_to_string(
            "admin/content/article/blocks_table.html", {"blocks": blocks_to_place()}
        )
        body = article.body if article is not None and article.pk else ""
        return mark_safe(blocks + render_writing_help(body))  # noqa: S308  # both escaped

    class Media:
        # The public page's styles, scoped to the preview.
        css = {"all": ("css/preview.css",)}

    @admin.display(description="Reading age")
    def reading_age(self, article: Article) -> str:
        measured = readability.measure(article.body)
        if measured.reading_age is None:
            return "None"
        flag = "" if measured.on_target else " (above target)"
        return f"{measured.reading_age}{flag}"

    def formfield_for_dbfield(
        self, db_field: "Field[Any, Any]", request: HttpRequest, **kwargs: Any
    ) -> Any:
        """Room to read what is being written: the summary is two sentences, the body a page."""
        if db_field.name == "summary":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"})
        elif db_field.name == "body":
            # Typing pauses send the body to the server, which answers with the preview beside it.
            kwargs["widget"] = forms.Textarea(
                attrs={
                    "rows": 30,
                    "class": "vLargeTextField",
                    "data-hx-post": reverse("admin:content_article_writing_help"),
                    "data-hx-trigger": "input changed delay:600ms",
                    "data-hx-target": "#writing-help",
                    "data-hx-swap": "outerHTML",
                }
            )
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
    """Sources are edited with their article, so a change to one is reviewed with it; this list is
    where their own history lives. Editors hold add and change on sources for the article's
    inline, so this admin itself refuses them."""

    list_display = ("title", "article", "url")
    list_filter = ("article__section",)
    search_fields = ("title", "url", "article__title")
    list_select_related = ("article",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Source | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Source | None = None) -> bool:
        return False
