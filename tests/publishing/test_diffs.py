"""The word-level diff: every word of both versions is kept, in order, marked as it changed."""

from hypothesis import given
from hypothesis import strategies as st

from backspasm.publishing.diffs import Piece, compare, condense, rows_as_text, word_diff

words = st.lists(st.sampled_from(["back", "pain", "heat", "walk", "\n", " ", "NICE", "."]))


@given(words, words)
def test_the_old_and_new_texts_can_be_read_back_from_the_diff(old: list[str], new: list[str]):
    before, after = "".join(old), "".join(new)
    pieces = word_diff(before, after)

    assert "".join(p.text for p in pieces if p.kind != "added") == before
    assert "".join(p.text for p in pieces if p.kind != "removed") == after


def test_a_changed_word_is_shown_removed_and_added_in_place():
    assert word_diff("Rest for 2 days.", "Rest for 1 day.") == (
        Piece("same", "Rest for "),
        Piece("removed", "2"),
        Piece("added", "1"),
        Piece("same", " "),
        Piece("removed", "days."),
        Piece("added", "day."),
    )


def test_identical_fields_are_listed_as_unchanged():
    comparison = compare(
        {"title": "Title", "body": "Body"},
        {"title": "Heat", "body": "Use heat."},
        {"title": "Heat", "body": "Use heat often."},
    )

    assert [field.label for field in comparison.changed] == ["Body"]
    assert comparison.unchanged == ("Title",)


def test_sources_compare_one_row_a_line():
    text = rows_as_text(
        [{"title": "NHS", "url": "https://nhs.uk", "order": 1}], ("title", "url", "order")
    )

    assert text == "NHS | https://nhs.uk | 1"


def test_long_unchanged_text_is_cut_to_a_gap_around_each_change():
    same = " ".join(f"word{n}" for n in range(100))
    pieces = word_diff(f"{same} old {same}", f"{same} new {same}")

    shown = condense(pieces, context=3)

    assert [piece.kind for piece in shown] == ["gap", "same", "removed", "added", "same", "gap"]
    assert shown[0].text == "97 unchanged words"
    assert shown[1].text.split() == ["word97", "word98", "word99"]  # the words before it
    assert shown[-1].text == "97 unchanged words"


def test_a_change_of_line_endings_alone_is_no_change():
    assert {piece.kind for piece in word_diff("Rest.\r\n\r\nWalk.", "Rest.\n\nWalk.")} == {"same"}
