"""The self-care pages anyone may read, as site search finds them (named in SEARCH_SOURCES)."""

from collections.abc import Iterator

from django.urls import reverse

from backspasm.publishing.searchdocs import Document, rendered_page
from selfcare.models import Exercise
from selfcare.state import general_get_help_cards


def public_pages() -> Iterator[Document]:
    exercises = tuple(Exercise.objects.published())
    yield rendered_page(
        reverse("selfcare:hub"),
        "Self-care",
        "selfcare/hub.html",
        {"exercises": exercises, "get_help_cards": general_get_help_cards()},
    )
    for exercise in exercises:
        yield rendered_page(
            exercise.get_absolute_url(),
            "Self-care: exercises",
            "selfcare/exercise_detail.html",
            {"exercise": exercise},
        )
