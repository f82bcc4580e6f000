"""Fixtures for the guidance pages: editors and a draft article."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from backspasm.publishing.editors import EDITORS_GROUP
from content.models import Article, Section, Source, Status
from tests.accounts.signin import sign_in_to_admin

PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("editor", "editor@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    sign_in_to_admin(client, editor)
    return client


@pytest.fixture
def draft(db) -> Article:
    article = Article.objects.create(
        title="Sleeping with a back spasm",
        slug="sleeping-with-a-back-spasm",
        summary="Positions that make lying down easier.",
        body="Lie on your side with a pillow between your knees.",
        section=Section.SELF_CARE,
        order=9,
        status=Status.DRAFT,
        last_reviewed=date(2026, 11, 26),
        next_review_due=date(2027, 11, 26),
        reviewer="Clinical content team",
    )
    Source.objects.create(
        article=article, title="Back pain - NHS", url="https://www.nhs.uk/conditions/back-pain/"
    )
    return article


@pytest.fixture
def reviewer(db) -> User:
    from backspasm.publishing.reviewers import REVIEWERS_GROUP

    user = User.objects.create_user(
        "reviewer", "reviewer@example.org", PASSWORD, is_staff=True, first_name="Rita"
    )
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


@pytest.fixture
def reviewer_client(reviewer) -> Client:
    client = Client()
    sign_in_to_admin(client, reviewer)
    return client
