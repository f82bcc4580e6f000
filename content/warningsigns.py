"""The warning signs a search names in everyday words, and the care card that lists each.

The words are clinical data kept with the rules (``triage.everyday_words``); this module only
reads them. A query names a finding when one of its phrases appears in it word for word, where a
word also matches another form of itself ("peeing" for "pee") or a slip of one letter in a long
word ("numbess", "incontinance"). A longer phrase wins over a shorter one inside it.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from types import MappingProxyType
from typing import Final

from backspasm.publishing.searchdocs import Document
from content.searchindex import plain, stem
from triage.cards import CARDS_LISTING_ONE_SIGN, card_listing, sign_wording
from triage.everyday_words import EVERYDAY_WORDS

WORD: Final = re.compile(r"\w+")
# A slip is forgiven only in a word this long, and never in its first letter: "fever" is not
# "fewer", and "ladder" is not "bladder".
SLIP_MIN_LENGTH: Final = 6


def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(plain(unicodedata.normalize("NFKC", text))))


# Only warning signs have a card: the "see a GP" findings have words so that pages are found.
FINDING_CARDS: Final = MappingProxyType(
    {
        finding_id: card
        for finding_id in EVERYDAY_WORDS
        if (card := card_listing(finding_id)) is not None
    }
)
PHRASES: Final = tuple(
    (finding_id, words(phrase))
    for finding_id, phrases in EVERYDAY_WORDS.items()
    for phrase in phrases
)


def _one_slip(typed: str, word: str) -> bool:
    """One letter dropped, added, changed or two swapped, after the first letter."""
    if typed[0] != word[0] or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        different = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        return len(different) == 1 or (
            len(different) == 2
            and different[1] == different[0] + 1
            and typed[different[0]] == word[different[1]]
            and typed[different[1]] == word[different[0]]
        )
    shorter, longer = sorted((typed, word), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


def _same_word(typed: str, word: str) -> bool:
    return (
        typed == word
        or stem(typed) == stem(word)
        or (min(len(typed), len(word)) >= SLIP_MIN_LENGTH and _one_slip(typed, word))
    )


def named_findings(query: str) -> tuple[str, ...]:
    """The findings whose everyday words ``query`` uses, in the order of the words' data."""
    typed = words(query)
    found: list[tuple[int, int, str]] = []
    for finding_id, phrase in PHRASES:
        size = len(phrase)
        for start in range(len(typed) - size + 1):
            if all(map(_same_word, typed[start : start + size], phrase)):
                found.append((start, start + size, finding_id))
    kept: list[str] = []
    for start, end, finding_id in found:
        inside_longer = any(
            other_start <= start and end <= other_end and other_end - other_start > end - start
            for other_start, other_end, _ in found
        )
        if not inside_longer and finding_id not in kept:
            kept.append(finding_id)
    return tuple(kept)


def cards_for(query: str) -> tuple[str, ...]:
    """The care cards of the warning signs ``query`` names, most urgent first."""
    named = {FINDING_CARDS[found] for found in named_findings(query) if found in FINDING_CARDS}
    return tuple(name for name in CARDS_LISTING_ONE_SIGN if name in named)


def with_everyday_words(documents: Iterable[Document]) -> tuple[Document, ...]:
    """Each page with the everyday words of every warning sign it lists in a care card, so that
    "numb bum" finds the pages that list saddle numbness."""
    return tuple(
        replace(
            document,
            keywords=tuple(
                phrase
                for finding_id, phrases in EVERYDAY_WORDS.items()
                if sign_wording(finding_id) in document.text
                for phrase in phrases
            ),
        )
        for document in documents
    )
