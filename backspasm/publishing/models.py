"""The review-before-publish workflow's records: the content version, changes waiting for a
clinical reviewer, and the old addresses of renamed pages.

Their tables were made when they lived in the guidance app, and keep its names (``content_...``)
so a site that has them keeps its rows (docs/adr/0017).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class ContentVersion(models.Model):
    """One number that goes up whenever editors change anything the public sees.

    Cached fragments are keyed on it, and it lives here rather than in the cache so that a cache
    that missed a change (down, flushed, restored from an old snapshot) cannot bring an old
    version back: the database always has the last word (docs/adr/0010).
    """

    number = models.PositiveBigIntegerField(default=1)

    class Meta:
        db_table = "content_contentversion"
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
        db_table = "content_pendingchange"
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
        db_table = "content_oldaddress"
        verbose_name_plural = "old addresses"

    def __str__(self) -> str:
        return self.path
