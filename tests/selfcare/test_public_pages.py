"""The guidance hub and the exercises: public pages, each opening with when to get help now."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client

from backspasm.publishing.version import content_version
from selfcare.models import ILLUSTRATIONS, Exercise
from tests.support.html import one, title

PUBLIC_PAGES = ("/self-care/", "/self-care/exercises/", "/self-care/exercises/arm-raise/")
SEED_EXERCISES = ("walking-knees-high", "arm-raise", "knee-to-chest")


def page(client: Client, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_public_pages_open_with_when_to_get_help_now(path: str, htmx: bool) -> None:
    client = Client(headers={"HX-Request": "true"} if htmx else {})
    soup = page(client, path)
    callout = soup.select_one("main .app-care-card")
    assert callout is not None
    assert "Call 999" in callout.get_text(" ", strip=True)
    headings = soup.select("main h1")
    assert len(headings) == 1
    assert title(soup).endswith(" - Back spasm help")


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "queries"), [(path, 1) for path in PUBLIC_PAGES])
def test_public_pages_make_one_query(
    client: Client, django_assert_num_queries, path: str, queries: int
) -> None:
    # Every page reads the content version through the cache: one query per 30 s for them all.
    content_version()
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_the_hub_gives_every_treatment_in_the_order_a_person_needs_it(client: Client) -> None:
    text = one(page(client, "/self-care/"), "main").get_text(" ", strip=True)
    order = [
        "Stop and rub the muscle",
        "Cold first",
        "Then warmth",
        "Keep moving",
        "Positions that ease the pain",
        "Relax and take your mind off it",
        "Medicines",
        "Exercises, once the pain eases",
        "When to get help",
    ]
    positions = [text.index(f"{number}. {heading}") for number, heading in enumerate(order, 1)]
    assert positions == sorted(positions)
    for fact in (
        "moist (damp) heat",
        "15 minutes. Repeat every 4 hours",
        "never put ice or a hot water bottle straight on your skin, or on skin that feels numb",
        "avoid bed rest",
        "bent at a right angle (90 degrees)",
        "footstool",
        "knees higher than your hips",
        "for up to 20 minutes",
        "warm, never hot",
        "such as ibuprofen",
        "Take ibuprofen with food",
        "Stop taking it and get help if your poo is black or you are sick blood",
        "Naproxen and muscle relaxants are only on prescription",
        "Paracetamol is usually the first choice in pregnancy",
        "Ask a pharmacist first",
        "Paracetamol on its own is not recommended",
        "If you are pregnant, do not take ibuprofen",
        "drowsy",
        "Do not exercise during the first spasm",
    ):
        assert fact.lower() in text.lower()


@pytest.mark.django_db
def test_the_hub_and_list_link_every_published_exercise(client: Client) -> None:
    for path in ("/self-care/", "/self-care/exercises/"):
        links = {
            a["href"] for a in page(client, path).select("main a[href^='/self-care/exercises/']")
        }
        for exercise in Exercise.objects.published():
            assert exercise.get_absolute_url() in links


@pytest.mark.django_db
def test_the_seed_articles_exercises_are_seeded_with_its_amounts() -> None:
    seeded = {exercise.slug: exercise for exercise in Exercise.objects.all()}
    assert set(SEED_EXERCISES) <= set(seeded)
    assert len(seeded) >= 6
    arm = seeded["arm-raise"]
    assert (arm.repetitions, arm.hold_seconds) == (10, 5)
    assert seeded["knee-to-chest"].hold_seconds == 10


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SEED_EXERCISES)
def test_an_exercise_page_shows_steps_timing_safety_and_a_described_drawing(
    client: Client, slug: str
) -> None:
    exercise = Exercise.objects.get(slug=slug)
    soup = page(client, f"/self-care/exercises/{slug}/")
    image = soup.select_one("main figure img")
    assert image is not None and image["alt"] == exercise.illustration_alt
    assert image["src"] == f"/static/img/exercises/{exercise.illustration}"
    steps = [li.get_text(strip=True) for li in soup.select("main ol.govuk-list--number li")]
    assert steps == exercise.step_list
    text = one(soup, "main").get_text(" ", strip=True)
    assert exercise.when_to_start in text
    assert exercise.when_to_stop in text


def test_every_illustration_an_editor_can_choose_is_a_drawn_svg() -> None:
    folder = Path(settings.BASE_DIR) / "static" / "img" / "exercises"
    for name, _label in ILLUSTRATIONS:
        svg = (folder / name).read_text()
        assert svg.startswith("<svg") and "<title" in svg
        assert "style=" not in svg and "<script" not in svg


@pytest.mark.django_db
def test_an_unknown_or_unpublished_exercise_is_not_found(client: Client) -> None:
    assert client.get("/self-care/exercises/no-such-exercise/").status_code == 404
    Exercise.objects.filter(slug="arm-raise").update(published=False)
    assert client.get("/self-care/exercises/arm-raise/").status_code == 404
    assert "Arm raise" not in page(client, "/self-care/exercises/").get_text()
