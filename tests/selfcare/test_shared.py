"""The plan's parts that are the same for everyone: kept by content version, never by person."""

import calendar

import pytest
from django.core.cache import cache
from django.test import Client

from backspasm.publishing.version import content_version
from selfcare.models import Exercise
from tests.selfcare.conftest import finished
from tests.support.html import text_of

pytestmark = pytest.mark.django_db

TWO_PEOPLE = [
    {"age": 24, "duration_days": 1, "pain_score": 9, "pregnant": True},
    {"age": 61, "duration_days": 20, "pain_score": 3, "sciatica": True},
]


def parts_key() -> str:
    return f"content:{content_version()}:plan-parts"


def test_the_stored_parts_are_the_same_whoever_built_them() -> None:
    built_by = []
    for answers in TWO_PEOPLE:
        cache.delete(parts_key())
        plan = text_of(finished(Client(), **answers).get("/self-care/plan/"))
        assert "today is day" in plan
        built_by.append(cache.get(parts_key()))

    assert built_by[0] is not None
    assert built_by[0] == built_by[1]


def test_the_stored_parts_hold_no_date() -> None:
    for answers in TWO_PEOPLE:
        finished(Client(), **answers).get("/self-care/plan/")
        parts = repr(cache.get(parts_key()))
        assert "Medicines" in parts
        for name in (*calendar.day_name, *calendar.month_name[1:]):
            assert name not in parts


def test_an_editors_change_to_a_pregnancy_caution_shows_on_the_next_plan(
    django_capture_on_commit_callbacks,
) -> None:
    client = finished(Client(), pregnant=True)
    assert "avoid lying flat on your back" in text_of(client.get("/self-care/plan/"))

    for exercise in Exercise.objects.exclude(pregnancy_caution=""):
        exercise.pregnancy_caution = "Lie on your side instead."
        with django_capture_on_commit_callbacks(execute=True):
            exercise.save()

    text = text_of(client.get("/self-care/plan/"))
    assert "Lie on your side instead." in text
    assert "avoid lying flat on your back" not in text


def test_an_exercise_taken_off_the_site_leaves_the_next_plan(
    django_capture_on_commit_callbacks,
) -> None:
    client = finished(Client(), duration_days=5, pain_score=2)
    assert "Arm raise" in text_of(client.get("/self-care/plan/"))

    exercise = Exercise.objects.get(slug="arm-raise")
    exercise.published = False
    with django_capture_on_commit_callbacks(execute=True):
        exercise.save()

    assert "Arm raise" not in text_of(client.get("/self-care/plan/"))


def test_only_someone_pregnant_sees_the_pregnancy_parts() -> None:
    pregnant = text_of(finished(Client(), pregnant=True).get("/self-care/plan/"))
    not_pregnant = text_of(finished(Client()).get("/self-care/plan/"))

    assert "Exercises in pregnancy" in pregnant
    assert "Do not take ibuprofen" in pregnant
    assert "Exercises in pregnancy" not in not_pregnant
    assert "Ibuprofen is usually the first painkiller to try" in not_pregnant
