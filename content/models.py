"""The guidance articles editors write and the sources each one rests on."""

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from content import cardguard
from content.markdown import render_markdown, unknown_blocks


class Section(models.TextChoices):
    """Declared in the order the guidance reads, which is the order every page lists them."""

    ABOUT = "about", "About back spasms"
    GET_HELP = "get-help", "When to get help"
    SELF_CARE = "self-care", "Looking after yourself"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> "ArticleQuerySet":
        return self.filter(status=Status.PUBLISHED)

    def review_overdue(self) -> "ArticleQuerySet":
        return self.filter(next_review_due__lt=timezone.localdate())

    def review_not_yet_due(self) -> "ArticleQuerySet":
        return self.filter(next_review_due__gte=timezone.localdate())


class Article(models.Model):
    title = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="The last part of the page's web address: "
        "lowercase letters, numbers and hyphens.",
        error_messages={
            "unique": "Another article already uses this slug. Choose a different slug, "
            "for example by adding a word to it."
        },
    )
    summary = models.CharField(
        max_length=300,
        help_text="One or two plain sentences. "
        "Shown under the title, in lists and in search results.",
    )
    body = models.TextField(
        help_text="Markdown: ## for headings, - for bullet points, [words](https://...) for links. "
        "HTML is not used: if you paste HTML (from Word or a web page), its tags show on the "
        "page as plain text and nothing in them runs, so check the preview and remove them."
    )
    section = models.CharField(max_length=20, choices=Section.choices)
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Position within the section: lower numbers come first."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    available_offline = models.BooleanField(
        "Keep on phones for offline use",
        default=False,
        help_text="Phones that visit the site keep this page to read without a connection. "
        "For the pages that say what to do in an emergency: keep the list short.",
    )
    last_reviewed = models.DateField()
    next_review_due = models.DateField()
    reviewer = models.CharField(
        max_length=120, help_text="Who checked this article against its sources, and their role."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ArticleQuerySet.as_manager()

    # Rows that belong to an article's content: a change to them is reviewed with the article.
    review_children: ClassVar[dict[str, tuple[str, ...]]] = {"sources": ("title", "url", "order")}

    class Meta:
        ordering = ["section", "order", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(next_review_due__gte=models.F("last_reviewed")),
                name="content_article_review_due_after_last_review",
                violation_error_message="The next review must be on or after the last review.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("content:article", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def review_is_overdue(self) -> bool:
        return self.next_review_due < timezone.localdate()

    def clean(self) -> None:
        super().clean()
        if unknown := unknown_blocks(self.body):
            raise ValidationError(
                {
                    "body": "There is no care card called "
                    + ", ".join(unknown)
                    + ". Check the spelling against the table of care cards in the writing help."
                }
            )
        live = Article.objects.filter(pk=self.pk).values_list("body", flat=True).first()
        if found := cardguard.problems(self.body, live if self.pk else None):
            raise ValidationError({"body": found})

    # What restoring an old version offers besides the old words as they were.
    restore_keeping_label = "Restore the words, keep today’s cards"

    def restored_keeping(self, values: dict[str, Any]) -> dict[str, Any]:
        """An old version's values with the live page's care card lines kept in place."""
        return {**values, "body": cardguard.keep_todays_cards(values["body"], self.body)}

    def body_html(self) -> str:
        return render_markdown(self.body)


class Source(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=200, help_text="The page title as the publisher gives it.")
    url = models.URLField("web address", max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title
