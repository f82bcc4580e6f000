"""Writing help: a preview through the public page's renderer, and the reading age."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from content.models import Article
from content.readability import LONG_SENTENCE_WORDS, measure
from tests.support.html import one

pytestmark = pytest.mark.django_db

PLAIN = "Rest a little. Then walk. Use a warm pad. Keep going."
HARD = (
    "Musculoskeletal manifestations of lumbosacral dysfunction necessitate comprehensive "
    "multidisciplinary evaluation, incorporating physiotherapeutic, pharmacological and "
    "psychological interventions, particularly when symptomatology persists beyond "
    "conventional recuperative intervals or when the person cannot return to their usual work."
)


def test_plain_short_sentences_meet_the_reading_age_target():
    measured = measure(PLAIN)

    assert measured.reading_age is not None
    assert measured.on_target
    assert "on target" in measured.summary


def test_long_clinical_sentences_are_flagged_above_the_target():
    measured = measure(f"{PLAIN}\n\n{HARD}")

    assert measured.reading_age is not None
    assert not measured.on_target
    assert measured.longest[0].text.startswith("Musculoskeletal")
    assert measured.longest[0].words > LONG_SENTENCE_WORDS
    assert measured.longest[0].long


def test_headings_and_link_addresses_are_not_read_as_sentences():
    measured = measure("## A heading\n\n- see [the NHS page](https://www.nhs.uk/a/b/c)\n")

    assert [sentence.text for sentence in measured.longest] == ["see the NHS page."]


def test_pasted_html_is_pointed_out():
    assert measure('<div class="x">Hello</div> and <b>bold</b>').html_tags == (
        '<div class="x">',
        "</div>",
        "<b>",
        "</b>",
    )


def test_the_body_help_text_says_what_happens_to_pasted_html():
    help_text = str(Article._meta.get_field("body").help_text)

    assert "tags show on the page as plain text and nothing in them runs" in help_text


def test_pasted_html_shows_as_text_on_the_page_and_never_runs():
    from content.markdown import render_markdown

    html = render_markdown('<script>alert(1)</script><img src=x onerror="alert(1)">')

    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_the_preview_beside_the_body_renders_what_is_typed(editor_client: Client):
    response = editor_client.post(
        "/admin/content/article/writing-help/",
        {"body": f"## Heat\n\n{PLAIN}\n\n<b>pasted</b>"},
        headers={"HX-Request": "true"},
    )
    panel = BeautifulSoup(response.text, "html.parser")

    assert response.status_code == 200
    assert one(panel, "#writing-help .app-writing-help__preview h2").get_text() == "Heat"
    assert "&lt;b&gt;pasted" in str(one(panel, ".app-writing-help__preview"))
    assert "Reading age" in one(panel, ".app-writing-help__age").get_text()
    assert "<b>" in one(panel, ".app-writing-help__warning").get_text()


def test_the_change_form_shows_reading_age_and_wires_the_preview(editor_client: Client):
    article = Article.objects.get(slug="self-care")
    page = BeautifulSoup(
        editor_client.get(f"/admin/content/article/{article.pk}/change/").text, "html.parser"
    )

    body = one(page, "textarea#id_body")
    assert body["data-hx-post"] == "/admin/content/article/writing-help/"
    assert body["data-hx-target"] == "#writing-help"
    assert f"Reading age {measure(article.body).reading_age}" in one(page, "#writing-help").text
    assert one(page, "script[src*='htmx']")


def test_the_article_list_shows_each_reading_age(editor_client: Client):
    page = BeautifulSoup(editor_client.get("/admin/content/article/").text, "html.parser")

    ages = [cell.get_text(strip=True) for cell in page.select("#result_list td.field-reading_age")]
    assert len(ages) == Article.objects.count()
    assert all(age.split(" ")[0].isdigit() for age in ages)


def test_the_preview_is_only_for_editors(client: Client):
    response = client.post("/admin/content/article/writing-help/", {"body": "Hello"})

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
