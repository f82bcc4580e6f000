"""Finds warning signs typed as a Markdown list where a care card belongs.

Pure: the words to look for are given as data, so the rules' wording and the everyday words
people use for the same findings can both be passed in. A list item names a finding when it
holds one of the finding's everyday phrases (every word of it), or shares two telling words with
one part of the finding's label, more than two thirds of that part's (the label is cut at
commas, colons, "and" and "or": "Loss of feeling in both legs" is one part, and "you lose
feeling in your arms or legs" shares "lose", "feeling" and "legs" of its four telling words).
Words such as "pain" and "back" are on every page of this site and tell nothing apart.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from markdown_it import MarkdownIt

# Words too common on a back pain site, or too small, to tell a warning sign from advice.
_NOT_TELLING: Final = frozenset(
    {
        "a", "about", "after", "an", "and", "any", "are", "as", "at", "back", "be", "because",
        "body", "by", "can", "cannot", "do", "does", "for", "from", "get", "go", "got", "has",
        "have", "if", "in", "into", "is", "it", "its", "last", "like", "may", "more", "need",
        "new", "not", "now", "of", "on", "one", "only", "or", "other", "out", "over", "pain",
        "same", "see", "so", "some", "start", "started", "still", "than", "that", "the", "them",
        "then", "there", "these", "they", "this", "to", "too", "up", "very", "was", "way", "weeks",
        "what", "when", "where", "which", "while", "will", "with", "worse", "you", "your", "hurts",
        "hurt", "feel", "feels", "day", "days", "down", "getting",
    }
)  # fmt: skip
_WORD: Final = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_PARTS: Final = re.compile(r",|:|;|\bor\b|\band\b")
TELLING_WORDS_TO_MATCH: Final = 2

_parser = MarkdownIt("commonmark")


@dataclass(frozen=True, slots=True)
class TypedSign:
    finding: str  # the finding id the item names
    item: str  # the list item as the editor typed it


def _normalised(text: str) -> str:
    """Lower case, with curly apostrophes and quotes made straight."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


# Forms whose first letters differ from the word the rules use.
_FORMS: Final = {"lose": "loss", "lost": "loss", "losing": "loss"}


def _stem(word: str) -> str:
    """Enough of a word to match its other forms: "legs" and "leg", "feeling" and "feel"."""
    word = _FORMS.get(word, word)
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:4]


def _words(text: str) -> list[str]:
    return _WORD.findall(_normalised(text))


def _telling(text: str) -> frozenset[str]:
    return frozenset(
        _stem(word) for word in _words(text) if word not in _NOT_TELLING and not word.isdigit()
    )


def _label_parts(label: str) -> list[frozenset[str]]:
    """The label's parts with two telling words or more (the whole label when none has)."""
    parts = [_telling(part) for part in _PARTS.split(_normalised(label))]
    return [part for part in parts if len(part) >= TELLING_WORDS_TO_MATCH] or [_telling(label)]


def _names(part: frozenset[str], telling: frozenset[str]) -> bool:
    """Two telling words of the part, and more than two thirds of them: "a stiff neck" alone is
    not "a high temperature with a stiff neck", nor "numbness in one leg" "numbness down both
    legs"."""
    shared = len(part & telling)
    return shared >= TELLING_WORDS_TO_MATCH and shared * 3 > len(part) * 2


def _has_phrase(words: list[str], phrase: str) -> bool:
    wanted = _words(phrase)
    return bool(wanted) and any(
        words[start : start + len(wanted)] == wanted for start in range(len(words))
    )


def list_items(source: str) -> list[str]:
    """The text of every Markdown list item, nested ones too (a care card is never a list)."""
    tokens = _parser.parse(source)
    items = []
    depth = 0
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "inline" and depth > 0:
            items.append(token.content)
    return items


def typed_signs(
    source: str,
    labels: Mapping[str, str],
    everyday: Mapping[str, Iterable[str]] | None = None,
) -> list[TypedSign]:
    """Each list item in ``source`` that names a finding, by its ``labels`` (finding id to the
    rules' wording) or its ``everyday`` phrases (finding id to the words people type)."""
    everyday = everyday or {}
    parts = {finding: _label_parts(label) for finding, label in labels.items()}
    findings = [*labels, *(finding for finding in everyday if finding not in labels)]
    found = []
    for item in list_items(source):
        words = _words(item)
        telling = _telling(item)
        for finding in findings:
            if any(_names(part, telling) for part in parts.get(finding, ())) or any(
                _has_phrase(words, phrase) for phrase in everyday.get(finding, ())
            ):
                found.append(TypedSign(finding, item))
                break
    return found
