"""Editors place care cards and the self-care steps with a block line; they cannot reword them."""

import logging
from importlib import import_module

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.db import connection
from django.test import Client

from content.markdown import ALLOWED_TAGS, render_markdown, unknown_blocks
from content.models import Article, Status
from tests.support.html import form_data
from triage.cards import CARDS

pytestmark = pytest.mark.django_db

SECOND_EDITION = import_module("content.migrations.0005_one_voice_guidance")


def soup(html: str | bytes) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("name", list(CARDS))
def test_a_block_line_becomes_that_care_card_between_the_editors_paragraphs(name: str):
    html = soup(render_markdown(f"Before.\n\n{{{{ care-card: {name} }}}}\n\nAfter."))

    card = html.select_one(f"#care-card-{name}.app-care-card")
    assert card is not None
    assert [p.get_text() for p in html.find_all("p", recursive=False)] == ["Before.", "After."]


@pytest.mark.parametrize(
    "source",
    [
        "- {{ care-card: urgent }}",
        "```\n{{ care-card: urgent }}\n```",
        "Words and {{ care-card: urgent }} on one line",
        "> {{ care-card: urgent }}",
    ],
    ids=["in-a-list", "in-code", "inside-a-sentence", "in-a-quote"],
)
def test_a_block_only_counts_as_a_paragraph_of_its_own(source: str):
    html = render_markdown(source)

    assert "app-care-card" not in html
    assert {tag.name for tag in soup(html).find_all(True)} <= ALLOWED_TAGS


def test_the_editors_text_around_a_card_is_still_sanitised():
    html = soup(render_markdown("<script>alert(1)</script>\n\n{{ care-card: gp }}"))

    assert html.select("script") == []
    assert html.select_one("#care-card-gp") is not None


@pytest.mark.parametrize(
    ("source", "unknown"),
    [
        ("{{ care-card: urgent }}", []),
        ("{{care-card:urgent}}", []),
        ("{{ self-care-steps }}", []),
        ("{{ care-card: cauda-equinaa }}", ["{{ care-card: cauda-equinaa }}"]),
        ("{{ care card: urgent }}", ["{{ care card: urgent }}"]),
        ("{{ warning-signs }}", ["{{ warning-signs }}"]),
    ],
)
def test_only_known_block_names_pass_validation(source: str, unknown: list[str]):
    assert unknown_blocks(f"Intro.\n\n{source}\n\nMore.") == unknown


def test_an_unknown_block_is_a_clear_error_in_the_admin_and_nothing_is_saved(
    editor_client: Client,
):
    article = Article.objects.get(slug="causes")
    change_url = f"/admin/content/article/{article.pk}/change/"
    data = form_data(editor_client.get(change_url).content, "#article_form")
    data.update({"body": "Intro.\n\n{{ care-card: cauda-equinaa }}", "_save": "Save"})

    response = editor_client.post(change_url, data)

    assert response.status_code == 200
    errors = soup(response.content).select_one(".errorlist")
    assert errors is not None
    assert "There is no care card called {{ care-card: cauda-equinaa }}" in errors.get_text()
    article.refresh_from_db()
    assert "cauda-equinaa" not in article.body


def test_the_admin_lists_every_block_in_a_table_beside_the_body(editor_client: Client):
    article = Article.objects.get(slug="causes")
    page = soup(editor_client.get(f"/admin/content/article/{article.pk}/change/").content)
    table = page.select_one(".field-writing_help table.app-blocks")
    assert table is not None

    rows = [
        [cell.get_text(strip=True) for cell in row.select("td")] for row in table.select("tbody tr")
    ]
    assert [line for line, _ in rows] == [
        *(f"{{{{ care-card: {name} }}}}" for name in CARDS),
        "{{ self-care-steps }}",
    ]
    assert all(shows for _, shows in rows)


def test_an_unknown_block_already_stored_renders_nothing_and_is_logged(
    client: Client, caplog: pytest.LogCaptureFixture
):
    Article.objects.filter(slug="causes").update(
        body="Before.\n\n{{ care-card: renamed-card }}\n\nAfter.", status=Status.PUBLISHED
    )

    with caplog.at_level(logging.WARNING, logger="content.markdown"):
        response = client.get("/guidance/causes/")

    assert response.status_code == 200
    prose = soup(response.content).select_one(".app-prose")
    assert prose is not None
    assert prose.get_text(" ", strip=True) == "Before. After."
    assert "renamed-card" in caplog.text


def test_the_guidance_shows_the_same_self_care_steps_as_the_self_care_page(client: Client):
    guidance = soup(client.get("/guidance/self-care/").content).select_one(".app-self-care-steps")
    hub = soup(client.get("/self-care/").content).select_one(".app-self-care-steps")

    assert guidance is not None
    assert str(guidance) == str(hub)


def test_the_second_edition_leaves_an_edited_article_alone_and_says_so(
    capsys: pytest.CaptureFixture[str],
):
    first = {
        entry["slug"]: entry["body"].strip() for entry in SECOND_EDITION.FIRST_EDITION.ARTICLES
    }
    # A later migration moved these on from the second edition: as the second edition found them.
    for slug in ("nerve-problems", "serious-causes"):
        second = SECOND_EDITION.SECOND_EDITION[slug]["body"].strip()
        Article.objects.filter(slug=slug).update(body=second)
    Article.objects.filter(slug="medicines").update(body="An editor's own words.")
    Article.objects.filter(slug="symptoms").update(body=first["symptoms"])

    SECOND_EDITION.second_edition(apps, connection.schema_editor())

    assert Article.objects.get(slug="medicines").body == "An editor's own words."
    symptoms = Article.objects.get(slug="symptoms")
    assert symptoms.body == SECOND_EDITION.SECOND_EDITION["symptoms"]["body"].strip()
    assert symptoms.history.first().history_change_reason == SECOND_EDITION.CHANGE_REASON
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        "  Left alone, edited since the first edition: medicines (update it by hand)"
    ]
