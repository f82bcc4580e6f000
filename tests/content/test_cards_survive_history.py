"""Care cards survive history: no edit, new article or restored version takes a care card off a
page or types warning signs as a list in its place; restoring can keep today's cards; the
reviewer sees a new article's words in full and every change to a care card line flagged."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from backspasm.publishing import review
from backspasm.publishing.models import PendingChange
from content import cardguard
from content.models import Article
from content.typed_signs import typed_signs
from tests.content.test_review import pending_for, propose_edit
from tests.support.html import form_data, one, soup_of, text_of
from triage.cards import CARDS

pytestmark = pytest.mark.django_db

CAUDA_EQUINA = "{{ care-card: cauda-equina }}"
# The hand-typed list the first edition of "What a back spasm is" had, as a restore brought back.
TYPED_LIST = (
    "Go to A&E now if:\n\n"
    "- you lose feeling in your shoulders, arms or legs\n"
    "- you cannot pee or cannot control when you poo\n"
)


def article_with_card() -> Article:
    article = Article.objects.get(slug="what-is-a-back-spasm")
    assert CAUDA_EQUINA in article.body
    return article


# The detector itself: pure, given its words as data.


def test_a_list_typed_from_the_rules_or_close_to_them_is_found_and_its_card_named():
    found = cardguard.typed_lists(TYPED_LIST)

    assert {cardguard.CARD_FOR[sign.finding] for sign in found} == {"cauda-equina"}
    assert [sign.item for sign in found][0] == "you lose feeling in your shoulders, arms or legs"


def test_every_card_sign_typed_as_a_list_item_is_found():
    for name, card in CARDS.items():
        for group in card.groups:
            for sign in group.signs:
                if sign.key in cardguard.LABELS:
                    assert cardguard.typed_lists(f"- {sign.needs_all[0]}\n"), (name, sign.key)


def test_everyday_words_are_taken_as_data_with_curly_apostrophes_read_as_straight():
    everyday = {"bladder_dysfunction": ("can't pee", "wet myself")}

    assert typed_signs("- I can\u2019t pee\n", {}, everyday)[0].finding == "bladder_dysfunction"
    assert typed_signs("- you might wet myself\n", {}, everyday)
    assert typed_signs("I can't pee, said in a paragraph.\n", {}, everyday) == []


def test_one_everyday_word_alone_is_for_search_not_for_spotting_a_typed_list():
    everyday = cardguard.phrases_for_lists({"saddle_numbness": ("bum", "numb bum")})

    assert everyday == {"saddle_numbness": ("numb bum",)}
    assert typed_signs("- sit on a cushion under your bum\n", {}, everyday) == []
    assert typed_signs("- a numb bum\n", {}, everyday)


def test_no_seeded_article_and_no_ordinary_advice_list_is_taken_for_typed_signs():
    advice = "- walk a little every hour\n- use a warm heat pack\n- take ibuprofen with food\n"

    assert cardguard.typed_lists(advice) == []
    assert {a.slug: cardguard.typed_lists(a.body) for a in Article.objects.all()} == {
        a.slug: [] for a in Article.objects.all()
    }


def test_restoring_the_words_keeps_todays_cards_in_place_of_a_typed_list():
    old = f"Opening words.\n\n{TYPED_LIST}\nClosing words."
    live = f"New opening.\n\n{CAUDA_EQUINA}\n\nClosing words."

    assert cardguard.keep_todays_cards(old, live) == (
        f"Opening words.\n\nGo to A&E now if:\n\n{CAUDA_EQUINA}\n\nClosing words."
    )


def test_a_card_missing_from_the_old_words_goes_after_the_paragraph_it_follows_today():
    old = "Opening words.\n\nMiddle words.\n\nClosing words."
    live = f"Opening words.\n\nMiddle words.\n\n{CAUDA_EQUINA}\n\nNew ending."

    assert cardguard.keep_todays_cards(old, live) == (
        f"Opening words.\n\nMiddle words.\n\n{CAUDA_EQUINA}\n\nClosing words."
    )


# The refusals, through the admin.


def test_an_edit_that_takes_a_care_card_away_is_refused_naming_it(editor_client: Client):
    article = article_with_card()
    body = article.body.replace(CAUDA_EQUINA, "")

    response = propose_edit(editor_client, article, body=body)

    assert response.status_code == 200
    assert f"The live page has {CAUDA_EQUINA}" in text_of(response)
    assert body.strip() in text_of(response)  # nothing typed is lost
    assert not PendingChange.objects.pending().for_object(article).exists()


def test_an_edit_that_types_the_signs_instead_of_the_card_is_refused(editor_client: Client):
    article = article_with_card()

    response = propose_edit(
        editor_client, article, body=article.body.replace(CAUDA_EQUINA, TYPED_LIST)
    )

    assert f"Place {CAUDA_EQUINA} instead of typing its signs" in text_of(response)
    assert soup_of(response).select_one(".errorlist")
    assert not PendingChange.objects.pending().for_object(article).exists()


def test_a_new_article_that_types_the_signs_is_refused(editor_client: Client):
    data = form_data(editor_client.get("/admin/content/article/add/").content, "#article_form")
    data.update(
        title="When your legs feel odd",
        slug="legs",
        summary="What to look out for.",
        body=f"Look out for these.\n\n{TYPED_LIST}",
        section="get-help",
        order="5",
        last_reviewed="2026-11-26",
        next_review_due="2027-11-26",
        reviewer="Clinical content team",
        change_reason="A page people asked for",
        _save="Save",
    )

    response = editor_client.post("/admin/content/article/add/", data)

    assert response.status_code == 200
    assert f"Place {CAUDA_EQUINA} instead of typing its signs" in text_of(response)
    assert not Article.objects.filter(slug="legs").exists()


def first_edition_restore(article: Article) -> str:
    """The article as first published, with a typed list, then today's version with the card."""
    live_body = article.body
    article.body = f"A back spasm is a sudden tightening.\n\n{TYPED_LIST}"
    article._change_reason = "First edition"  # type: ignore[attr-defined]
    article.save()
    first = article.history.latest()
    article.body = live_body
    article._change_reason = "The card in place of the typed list"  # type: ignore[attr-defined]
    article.save()
    return f"/admin/content/article/{article.pk}/history/{first.history_id}/"


def test_restoring_an_old_version_as_it_was_is_refused_and_keeping_todays_cards_is_offered(
    editor_client: Client,
):
    article = article_with_card()
    version_url = first_edition_restore(article)

    page = editor_client.get(version_url)
    refused = editor_client.post(version_url, {"reason": "Go back", "_restore": "yes"})

    assert "would be refused" in text_of(page)
    assert one(soup_of(page), "input[name=_keep]")["value"] == (
        "Restore the words, keep today’s cards"
    )
    assert refused.status_code == 200
    assert f"Place {CAUDA_EQUINA} instead of typing its signs" in text_of(refused)
    assert not PendingChange.objects.pending().for_object(article).exists()


def test_restoring_the_words_and_keeping_todays_cards_is_proposed(editor_client: Client):
    article = article_with_card()
    version_url = first_edition_restore(article)

    response = editor_client.post(version_url, {"reason": "Go back", "_keep": "yes"})

    assert response.status_code == 302
    body = pending_for(article).values["body"]
    assert body.startswith("A back spasm is a sudden tightening.")
    assert CAUDA_EQUINA in body
    assert "shoulders" not in body


# What the reviewer sees.


def test_the_review_page_flags_a_change_to_a_care_card_line_in_words_not_colour_alone(
    editor: User, reviewer_client: Client
):
    article = article_with_card()
    body = article.body.replace(CAUDA_EQUINA, "{{ care-card: a-and-e }}")
    # Proposed before the guard existed, or by a path that skips the form: still flagged.
    change = review.propose(
        article,
        {**review.values_of(article), "body": body},
        review.children_of(article),
        author=editor,
        reason="Swap",
    )
    assert change is not None

    page = soup_of(reviewer_client.get(f"/admin/publishing/pendingchange/{change.pk}/change/"))

    flag = one(page, ".app-flag")
    assert one(flag, ".app-tag--red").get_text(strip=True) == "Care card changed"
    assert [li.get_text(" ", strip=True) for li in flag.select("li")] == [
        f"Taken out: {CAUDA_EQUINA}",
        "Added: {{ care-card: a-and-e }}",
    ]


def test_the_review_page_shows_a_new_articles_words_in_full(
    editor_client: Client, reviewer_client: Client
):
    data = form_data(editor_client.get("/admin/content/article/add/").content, "#article_form")
    data.update(
        title="Sleeping with back pain",
        slug="sleeping",
        summary="Positions that help.",
        body=f"Lie on your side.\n\n{CAUDA_EQUINA}",
        section="self-care",
        status="published",
        order="5",
        last_reviewed="2026-11-26",
        next_review_due="2027-11-26",
        reviewer="Clinical content team",
        change_reason="A page people asked for",
        _save="Save",
    )
    added = editor_client.post("/admin/content/article/add/", data)
    assert added.status_code == 302, soup_of(added).select(".errorlist")
    change = pending_for(Article.objects.get(slug="sleeping"))

    page = reviewer_client.get(f"/admin/publishing/pendingchange/{change.pk}/change/")

    assert "The new article in full" in text_of(page)
    assert "Unchanged: Title" not in text_of(page)
    assert "Lie on your side." in one(soup_of(page), ".app-diff").get_text()
    assert "Care card changed" in text_of(page)


def test_an_unchanged_card_line_is_not_flagged(editor_client: Client, reviewer_client: Client):
    article = article_with_card()
    propose_edit(editor_client, article, body=article.body + "\n\nOne more sentence.")

    page = reviewer_client.get(f"/admin/publishing/pendingchange/{pending_for(article).pk}/change/")

    assert "Care card changed" not in text_of(page)


def test_the_writing_help_flags_typed_signs_and_unknown_cards_while_typing(editor_client: Client):
    body = f"Look out for these.\n\n{TYPED_LIST}\n{{{{ care-card: cauda-equinaa }}}}\n"

    help_html = editor_client.post(
        "/admin/content/article/writing-help/", {"body": body}, headers={"HX-Request": "true"}
    )

    warnings = [
        p.get_text(" ", strip=True) for p in soup_of(help_html).select(".app-writing-help__warning")
    ]
    assert any(
        "Place {{ care-card: cauda-equina }} instead of typing its signs" in w for w in warnings
    )
    assert any("No such care card: {{ care-card: cauda-equinaa }}" in w for w in warnings)
