"""The guidance articles editors write and the sources each one rests on."""

from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from backspasm.content.markdown import render_markdown, unknown_blocks


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
                    + ". Check the spelling against the list of cards under the body."
                }
            )

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


class SearchEntry(models.Model):
    """One public page as PostgreSQL's full-text search reads it: a copy made from the published
    content and the site's pages, never edited. Rows belong to one index ``digest``; when the
    content or a release changes what a page says, a new digest's rows replace them."""

    digest = models.CharField(max_length=64)
    position = models.PositiveIntegerField()
    url = models.CharField(max_length=300)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=60)
    text = models.TextField()

    class Meta:
        # Nobody edits these rows, so no one is given permissions on them.
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["digest", "url"], name="content_searchentry_once")
        ]

    def __str__(self) -> str:
        return self.url


class SearchWord(models.Model):
    """A word the public pages use, for "Did you mean" by trigram similarity (pg_trgm)."""

    digest = models.CharField(max_length=64)
    word = models.CharField(max_length=100)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["digest", "word"], name="content_searchword_once")
        ]

    def __str__(self) -> str:
        return self.word


class ContentVersion(models.Model):
    """One number that goes up whenever editors change anything the public sees.

    Cached fragments are keyed on it, and it lives here rather than in the cache so that a cache
    that missed a change (down, flushed, restored from an old snapshot) cannot bring an old
    version back: the database always has the last word (docs/adr/0010).
    """

    number = models.PositiveBigIntegerField(default=1)

    class Meta:
        # Nobody edits it by hand, so the editors' group gets no permission on it.
        default_permissions = ()

    def __str__(self) -> str:
        return f"Content version {self.number}"


class ChangeStatus(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Sent back"
    SUPERSEDED = "superseded", "Replaced by a later change"


class PendingChangeQuerySet(models.QuerySet["PendingChange"]):
    def pending(self) -> "PendingChangeQuerySet":
        return self.filter(status=ChangeStatus.PENDING)

    def for_object(self, obj: models.Model) -> "PendingChangeQuerySet":
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class PendingChange(models.Model):
    """An editor's proposed version of an article or exercise, waiting for a clinical reviewer.

    The live object keeps the approved content; approval copies these values onto it.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    name = models.CharField(max_length=200, help_text="The title or name it proposes.")
    values = models.JSONField(encoder=DjangoJSONEncoder)
    children = models.JSONField(
        encoder=DjangoJSONEncoder,
        default=dict,
        blank=True,
        help_text="Rows that belong to it, such as an article's sources, by relation name.",
    )
    reason = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposed_changes"
    )
    status = models.CharField(
        max_length=12, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_changes",
    )
    review_comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = PendingChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "change for review"
        verbose_name_plural = "changes for review"
        permissions = [("approve_pendingchange", "Can approve or send back a change")]
        indexes = [models.Index(fields=["content_type", "object_id", "status"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.reason[:60]}"


class OldAddress(models.Model):
    """A public address an article or exercise had before its slug changed.

    It points at the object, not at a newer address, so a page renamed twice still sends every old
    link straight to where it is now.
    """

    path = models.CharField(max_length=200, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "old addresses"

    def __str__(self) -> str:
        return self.path
