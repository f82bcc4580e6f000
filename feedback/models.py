from django.db import models
from django.utils import timezone

PAGE_MAX_LENGTH = 200
COMMENT_MAX_LENGTH = 1200


class PageFeedback(models.Model):
    """One answer to "Is this page useful?".

    What was said about which page, and on which day: nothing about who said it (no address,
    session, browser or time of day), so a row cannot be linked to a person's visit.
    """

    page = models.CharField(max_length=PAGE_MAX_LENGTH, db_index=True)
    useful = models.BooleanField()
    comment = models.TextField("what was wrong", blank=True, max_length=COMMENT_MAX_LENGTH)
    given_on = models.DateField(default=timezone.localdate, db_index=True)

    class Meta:
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"
        ordering = ("-given_on", "-id")

    def __str__(self) -> str:
        return f"{self.page}: {'useful' if self.useful else 'not useful'}"
