"""Word-level differences between two versions, as plain data a template prints.

difflib from the standard library compares the words (with the spaces and line breaks between
them kept as their own tokens, so the text reads as written); runs of equal words are kept whole.
"""

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

_TOKENS = re.compile(r"\s+|[^\s]+")

Kind = Literal["same", "added", "removed", "gap"]
# Words of unchanged text kept either side of a change; longer unchanged runs are cut to a gap.
CONTEXT_WORDS = 12


@dataclass(frozen=True, slots=True)
class Piece:
    kind: Kind
    text: str


@dataclass(frozen=True, slots=True)
class FieldDiff:
    label: str
    pieces: tuple[Piece, ...]
    # Whole lines added or taken out that the app asked to flag (a care card's line).
    flagged: tuple[Piece, ...] = ()

    @property
    def changed(self) -> bool:
        return any(piece.kind in {"added", "removed"} for piece in self.pieces)

    @property
    def condensed(self) -> tuple[Piece, ...]:
        return condense(self.pieces)


def _lines(text: str) -> str:
    """Browsers send line breaks as CRLF; a change of line ending alone is not a change."""
    return text.replace("\r\n", "\n")


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """The pieces of ``new`` and ``old`` in reading order, each same, added or removed."""
    before = _TOKENS.findall(_lines(old))
    after = _TOKENS.findall(_lines(new))
    pieces: list[Piece] = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            pieces.append(Piece("same", "".join(before[a_start:a_end])))
            continue
        if a_end > a_start:
            pieces.append(Piece("removed", "".join(before[a_start:a_end])))
        if b_end > b_start:
            pieces.append(Piece("added", "".join(after[b_start:b_end])))
    return tuple(pieces)


def changed_lines(old: str, new: str) -> tuple[Piece, ...]:
    """The lines taken out of ``old`` and added in ``new``, each whole, in reading order."""
    before, after = _lines(old).split("\n"), _lines(new).split("\n")
    pieces: list[Piece] = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation != "equal":
            pieces += [Piece("removed", line) for line in before[a_start:a_end]]
            pieces += [Piece("added", line) for line in after[b_start:b_end]]
    return tuple(pieces)


def condense(pieces: tuple[Piece, ...], context: int = CONTEXT_WORDS) -> tuple[Piece, ...]:
    """Long unchanged stretches cut to a few words either side of each change, so a reviewer
    reads what changed rather than the whole article again."""
    condensed: list[Piece] = []
    for index, piece in enumerate(pieces):
        tokens = _TOKENS.findall(piece.text)
        words = sum(1 for token in tokens if not token.isspace())
        keep_before = context if index > 0 else 0
        keep_after = context if index < len(pieces) - 1 else 0
        if piece.kind != "same" or words <= keep_before + keep_after + context:
            condensed.append(piece)
            continue
        head = _first_words(tokens, keep_before)
        tail = _first_words(tokens[::-1], keep_after)[::-1]
        if head:
            condensed.append(Piece("same", "".join(head)))
        condensed.append(Piece("gap", f"{words - keep_before - keep_after} unchanged words"))
        if tail:
            condensed.append(Piece("same", "".join(tail)))
    return tuple(condensed)


def _first_words(tokens: list[str], count: int) -> list[str]:
    kept: list[str] = []
    words = 0
    for token in tokens:
        if not token.isspace():
            if words == count:
                break
            words += 1
        kept.append(token)
    return kept


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def rows_as_text(rows: Sequence[Mapping[str, Any]], names: Sequence[str]) -> str:
    """Rows such as sources, one a line, so a change to one row shows on that line."""
    return "\n".join(" | ".join(as_text(row.get(name)) for name in names) for row in rows)


@dataclass(frozen=True, slots=True)
class Comparison:
    fields: tuple[FieldDiff, ...]
    flag_label: str = ""

    @property
    def flagged(self) -> bool:
        return any(field.flagged for field in self.fields)

    @property
    def changed(self) -> tuple[FieldDiff, ...]:
        return tuple(field for field in self.fields if field.changed)

    @property
    def unchanged(self) -> tuple[str, ...]:
        return tuple(field.label for field in self.fields if not field.changed)


def compare(
    labels: Mapping[str, str],
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    flag_lines: Callable[[str], bool] | None = None,
    flag_label: str = "",
) -> Comparison:
    """A diff of every labelled field, in the order of ``labels``, with the lines added or taken
    out that ``flag_lines`` picks."""
    fields = []
    for name, label in labels.items():
        before, after = as_text(old.get(name)), as_text(new.get(name))
        flagged = (
            tuple(piece for piece in changed_lines(before, after) if flag_lines(piece.text))
            if flag_lines is not None
            else ()
        )
        fields.append(FieldDiff(label, word_diff(before, after), flagged))
    return Comparison(tuple(fields), flag_label)
