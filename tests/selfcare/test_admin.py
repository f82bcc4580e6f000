"""Editors manage the exercises in admin, with every change kept in the exercise's history."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.test import Client

from backspasm.publishing.editors import EDITORS_GROUP
from backspasm.publishing.models import PendingChange
from backspasm.publishing.review import approve
from backspasm.publishing.reviewers import REVIEWERS_GROUP
from selfcare.models import Exercise
from tests.accounts.signin import sign_in_to_admin
from tests.support.html import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client: Client) -> Client:
    editor = User.objects.create_user("exercise-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    sign_in_to_admin(client, editor)
    return client


def test_an_editor_changes_an_exercise_and_its_history_keeps_both_versions(
    editor_client: Client,
) -> None:
    exercise = Exercise.objects.get(slug="arm-raise")
    change_url = f"/admin/selfcare/exercise/{exercise.pk}/change/"
    data = form_data(editor_client.get(change_url).content, "#exercise_form")
    data["cautions"] = "Keep your shoulders relaxed."
    data["change_reason"] = "A caution people asked for"
    data["_save"] = "Save"

    response = editor_client.post(change_url, data)

    assert response.status_code == 302
    reviewer = User.objects.create_user("exercise-reviewer", is_staff=True)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    approve(PendingChange.objects.pending().get(), reviewer)
    assert (
        "Keep your shoulders relaxed."
        in editor_client.get(exercise.get_absolute_url()).content.decode()
    )
    history = editor_client.get(f"{change_url.removesuffix('change/')}history/")
    assert history.status_code == 200
    assert exercise.history.count() == 1
    assert exercise.history.first().cautions == "Keep your shoulders relaxed."


def test_the_exercise_list_in_admin_is_in_the_editors_order(editor_client: Client) -> None:
    response = editor_client.get("/admin/selfcare/exercise/")
    assert response.status_code == 200
    names = [exercise.name for exercise in Exercise.objects.all()]
    page = response.content.decode()
    positions = [page.index(name) for name in names]
    assert positions == sorted(positions)


def test_a_drawing_needs_a_text_alternative_and_an_exercise_needs_an_amount() -> None:
    exercise = Exercise.objects.get(slug="knee-rolls")
    exercise.illustration_alt = " "
    with pytest.raises(ValidationError) as described:
        exercise.full_clean()
    assert "illustration_alt" in described.value.message_dict
    exercise.illustration_alt = "Knees rolling to one side."
    exercise.repetitions = None
    with pytest.raises(ValidationError):
        exercise.full_clean()
