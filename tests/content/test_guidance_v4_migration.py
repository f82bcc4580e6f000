"""The v4 data migration: guidance prose that disagreed with the rules points to the care cards.

It changes only rows still exactly as seeded; for a row an editor has changed it files a proposal
for a clinical reviewer instead. Both branches are run here on the migrated test database, by
calling the migration's own function with the installed models (as tests/content/test_blocks.py
does for the second edition).
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from backspasm.publishing.models import ChangeStatus, PendingChange
from backspasm.publishing.review import approve
from content.models import Article
from selfcare.models import Exercise
from tests.support.html import soup_of
from triage.rules import FINDINGS

pytestmark = pytest.mark.django_db

V4 = import_module("content.migrations.0009_guidance_points_to_the_cards_v4")
SEEDED = V4._seeded()
STENOSIS_NEW = V4.CHANGES[0][5]
AS_OLD, AS_NEW = V4.CHANGES[2][4], V4.CHANGES[2][5]
RAIL_OLD, RAIL_NEW = V4.CHANGES[3][4], V4.CHANGES[3][5]


def seeded(model: str, slug: str, field: str) -> str:
    return str(SEEDED[(model, slug, field)])


def text(client: Client, url: str) -> str:
    return soup_of(client.get(url)).get_text(" ", strip=True)


def test_the_migrated_site_says_what_the_rules_say(client: Client):
    nerves = text(client, "/guidance/nerve-problems/")
    assert "See a GP if your legs hurt" not in nerves
    assert "If it is in both legs, get help the same day" in nerves
    # The card it points to names the sign in the checker's words.
    assert FINDINGS["both_legs_longstanding"].label in nerves
    assert FINDINGS["both_legs_symptoms"].label in nerves

    serious = text(client, "/guidance/serious-causes/")
    assert "Get help today if you have ankylosing spondylitis and sudden severe" not in serious
    assert "If you have ankylosing spondylitis and get sudden severe pain like this" in serious
    assert FINDINGS["minor_fall_fragile"].label in serious

    walking = text(client, "/self-care/exercises/walking-knees-high/")
    assert "rail" not in walking
    assert RAIL_NEW in walking
    assert not PendingChange.objects.exists()


def test_each_changed_row_keeps_a_history_row_with_the_reason():
    article = Article.objects.get(slug="serious-causes")
    exercise = Exercise.objects.get(slug="walking-knees-high")
    assert article.history.first().history_change_reason == V4.CHANGE_REASON
    assert exercise.history.first().history_change_reason == V4.CHANGE_REASON
    assert AS_OLD in article.history.all()[1].body


def test_rows_still_as_seeded_change_and_edited_rows_become_proposals(
    capsys: pytest.CaptureFixture[str], reviewer: User
):
    # The state before the migration: nerve problems as seeded, serious causes edited around the
    # passage, the walking exercise edited so the passage itself is gone.
    Article.objects.filter(slug="nerve-problems").update(
        body=seeded("Article", "nerve-problems", "body")
    )
    edited_article = "An editor's opening.\n\n" + seeded("Article", "serious-causes", "body")
    Article.objects.filter(slug="serious-causes").update(body=edited_article)
    Exercise.objects.filter(slug="walking-knees-high").update(cautions="Go slowly at first.")

    V4.point_to_the_cards(apps, connection.schema_editor())

    nerves = Article.objects.get(slug="nerve-problems")
    assert STENOSIS_NEW in nerves.body and "{{ care-card: urgent }}" in nerves.body
    assert Article.objects.get(slug="serious-causes").body == edited_article
    assert Exercise.objects.get(slug="walking-knees-high").cautions == "Go slowly at first."
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        "  Edited since it was seeded, so proposed for review instead: serious-causes",
        "  Edited since it was seeded, so proposed for review instead: walking-knees-high",
    ]

    article_change = PendingChange.objects.get(name="Other serious causes of back pain")
    exercise_change = PendingChange.objects.get(name="Walking, lifting your knees")
    # The editor's own words stay, with only the passage replaced...
    assert article_change.values["body"] == edited_article.replace(AS_OLD, AS_NEW)
    assert article_change.values["title"] == "Other serious causes of back pain"
    # ...or, where the passage is gone, the new seeded text to compare with theirs.
    assert exercise_change.values["cautions"] == RAIL_NEW
    assert exercise_change.values["name"] == "Walking, lifting your knees"
    assert {article_change.status, exercise_change.status} == {ChangeStatus.PENDING}
    assert article_change.reason.startswith(V4.CHANGE_REASON)
    assert not article_change.author.is_active
    assert not article_change.author.has_usable_password()

    # A clinical reviewer can approve the proposal like any other.
    approve(exercise_change, reviewer)
    assert Exercise.objects.get(slug="walking-knees-high").cautions == RAIL_NEW

    # Run again, nothing more is filed for rows now as the migration would leave them.
    V4.point_to_the_cards(apps, connection.schema_editor())
    assert PendingChange.objects.filter(status=ChangeStatus.PENDING).count() == 2


def test_going_back_restores_the_seeded_text_of_rows_it_left_as_they_were():
    V4.back_to_the_seed(apps, connection.schema_editor())

    assert Article.objects.get(slug="nerve-problems").body == seeded(
        "Article", "nerve-problems", "body"
    )
    assert Exercise.objects.get(slug="walking-knees-high").cautions == RAIL_OLD
