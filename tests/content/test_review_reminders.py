"""manage.py review_reminders: one email per reviewer with something to do, none otherwise."""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command

from backspasm.publishing.review import propose, values_of
from backspasm.publishing.reviewers import REVIEWERS_GROUP
from content.models import Article

pytestmark = pytest.mark.django_db


def make_reviewer(name: str, email: str = "") -> User:
    user = User.objects.create_user(name, email or f"{name}@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


def test_nobody_is_emailed_when_nothing_waits(capsys):
    make_reviewer("rita")
    Article.objects.update(next_review_due="2099-01-01")

    call_command("review_reminders")

    assert mail.outbox == []
    assert "Sent 0 reminders." in capsys.readouterr().out


def test_each_reviewer_gets_the_waiting_changes_they_may_approve_and_the_overdue_articles(
    editor,
):
    Article.objects.update(next_review_due="2099-01-01")
    overdue = Article.objects.get(slug="causes")
    Article.objects.filter(pk=overdue.pk).update(
        last_reviewed="2024-01-01", next_review_due="2025-01-01"
    )
    rita = make_reviewer("rita")
    sam = make_reviewer("sam")
    article = Article.objects.get(slug="self-care")
    propose(
        article,
        {**values_of(article), "body": "Shorter."},
        {},
        author=sam,
        reason="Cut the heat section",
    )
    make_reviewer("no-email", email=" ").email = ""
    User.objects.filter(username="no-email").update(email="")

    call_command("review_reminders")

    by_person = {message.to[0]: message for message in mail.outbox}
    assert set(by_person) == {rita.email, sam.email}
    to_rita = by_person[rita.email]
    assert to_rita.subject == "[Back spasm help] 1 change to review, 1 article overdue"
    assert "Cut the heat section" in to_rita.body
    assert "/admin/publishing/pendingchange/" in to_rita.body
    assert overdue.title in to_rita.body
    to_sam = by_person[sam.email]
    assert "Cut the heat section" not in to_sam.body  # his own change: someone else approves it
    assert to_sam.subject == "[Back spasm help] 0 changes to review, 1 article overdue"
