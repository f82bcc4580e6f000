"""Emails each clinical reviewer the changes waiting for them and the articles overdue a review.

Run it from cron, once a working day for example:

    0 8 * * 1-5  cd /srv/backspasm && .venv/bin/python manage.py review_reminders

A reviewer with nothing to do gets no email. A change a reviewer proposed is left out of their
own list, because someone else must approve it.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, mailers
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse

from backspasm.publishing.models import PendingChange
from backspasm.publishing.reviewers import REVIEWERS_GROUP
from content.models import Article


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class Command(BaseCommand):
    help = "Email each clinical reviewer the changes waiting for review and the overdue articles."

    def handle(self, *args: Any, **options: Any) -> None:
        reviewers = (
            get_user_model()
            .objects.filter(groups__name=REVIEWERS_GROUP, is_active=True)
            .exclude(email="")
            .order_by("pk")
        )
        pending = list(
            PendingChange.objects.pending().select_related("author").order_by("created_at")
        )
        overdue = list(Article.objects.review_overdue().order_by("next_review_due"))
        messages = []
        for reviewer in reviewers:
            theirs = [change for change in pending if change.author_id != reviewer.pk]
            if not theirs and not overdue:
                continue
            body = render_to_string(
                "content/email/review_reminder.txt",
                {
                    "reviewer": reviewer,
                    "pending": [
                        (
                            change,
                            settings.SITE_URL
                            + reverse("admin:publishing_pendingchange_change", args=[change.pk]),
                        )
                        for change in theirs
                    ],
                    "overdue": [
                        (
                            article,
                            settings.SITE_URL
                            + reverse("admin:content_article_change", args=[article.pk]),
                        )
                        for article in overdue
                    ],
                    "queue_url": settings.SITE_URL
                    + reverse("admin:publishing_pendingchange_changelist"),
                },
            )
            subject = (
                f"{settings.EMAIL_SUBJECT_PREFIX}{_count(len(theirs), 'change')} to review, "
                f"{_count(len(overdue), 'article')} overdue"
            )
            messages.append(EmailMessage(subject, body, to=[reviewer.email]))
        sent = mailers.default.send_messages(messages) if messages else 0
        self.stdout.write(f"Sent {_count(sent, 'reminder')}.")
