"""A small search index of the public pages, held in memory: plain data in, plain data out.

It is the search engine on SQLite, and on every engine it knows the site's words, which is how a
search tells a misspelt word from one the site never uses. Words are reduced to their stem with
the Snowball English stemmer, the same algorithm as PostgreSQL's ``english`` configuration, so
"stretching" finds "stretch" on either engine, and the same stop words are ignored.
"""

import difflib
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

import snowballstemmer

from backspasm.publishing.searchdocs import Document

WORD: Final = re.compile(r"\w+(?:['’]\w+)*")
# PostgreSQL's english.stop list (from Snowball), so both engines ignore the same words.
STOP_WORDS: Final = frozenset(
    {
        "i",
        "me",
        "my",
        "myself",
        "we",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "what",
        "which",
        "who",
        "whom",
        "this",
        "that",
        "these",
        "those",
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "a",
        "an",
        "the",
        "and",
        "but",
        "if",
        "or",
        "because",
        "as",
        "until",
        "while",
        "of",
        "at",
        "by",
        "for",
        "with",
        "about",
        "against",
        "between",
        "into",
        "through",
        "during",
        "before",
        "after",
        "above",
        "below",
        "to",
        "from",
        "up",
        "down",
        "in",
        "out",
        "on",
        "off",
        "over",
        "under",
        "again",
        "further",
        "then",
        "once",
        "here",
        "there",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "no",
        "nor",
        "not",
        "only",
        "own",
        "same",
        "so",
        "than",
        "too",
        "very",
        "s",
        "t",
        "can",
        "will",
        "just",
        "don",
        "should",
        "now",
    }
)
# A suggestion replaces a word the site never uses with one that differs by about one letter.
SUGGESTION_MIN_LENGTH: Final = 4
SUGGESTION_CUTOFF: Final = 0.8
TITLE_WEIGHT: Final = 5.0
SNIPPET_WORDS: Final = 30
SNIPPET_LEAD: Final = 6
# The snippet starts where the most different searched words appear within this many words.
SNIPPET_SPAN: Final = 20


@dataclass(frozen=True, slots=True)
class SnippetPart:
    text: str
    marked: bool


@dataclass(frozen=True, slots=True)
class Hit:
    url: str
    title: str
    kind: str
    snippet: tuple[SnippetPart, ...]


@dataclass(frozen=True, slots=True)
class IndexedDocument:
    document: Document
    title_stems: frozenset[str]
    stem_counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class SearchIndex:
    digest: str
    entries: tuple[IndexedDocument, ...]
    stems: frozenset[str]
    words: tuple[str, ...]

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(entry.document for entry in self.entries)

    def search(self, terms: Sequence[str]) -> list[Hit]:
        """Pages that use every searched word in some form, most relevant first."""
        wanted = query_stems(terms)
        if not wanted:
            return []
        scored = []
        for position, entry in enumerate(self.entries):
            if all(stem in entry.stem_counts or stem in entry.title_stems for stem in wanted):
                score = sum(
                    TITLE_WEIGHT * (stem in entry.title_stems)
                    + math.log1p(entry.stem_counts.get(stem, 0))
                    for stem in wanted
                )
                scored.append((-score, position, entry.document))
        return [
            Hit(document.url, document.title, document.kind, snippet(document.text, wanted))
            for _, _, document in sorted(scored, key=lambda item: item[:2])
        ]

    def unknown_terms(self, terms: Sequence[str]) -> list[str]:
        """Searched words the site uses in no form, that are long enough to be misspellings."""
        return [
            term
            for term in terms
            if len(term) >= SUGGESTION_MIN_LENGTH
            and term.isalpha()
            and term.lower() not in STOP_WORDS
            and stem(term) not in self.stems
        ]

    def closest_word(self, term: str) -> str | None:
        matches = difflib.get_close_matches(term.lower(), self.words, n=1, cutoff=SUGGESTION_CUTOFF)
        return matches[0] if matches else None


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


# The site uses about a thousand words: every page and snippet stems the same ones again.
@lru_cache(maxsize=16_384)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word.lower()))


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def query_stems(terms: Iterable[str]) -> list[str]:
    stems: list[str] = []
    for term in terms:
        for word in words_of(term):
            if word.lower() not in STOP_WORDS and (found := stem(word)) not in stems:
                stems.append(found)
    return stems


def build_index(documents: Iterable[Document]) -> SearchIndex:
    entries = []
    all_words: set[str] = set()
    for document in documents:
        text_words = [word.lower() for word in words_of(document.text)]
        title_words = [word.lower() for word in words_of(document.title)]
        all_words.update(text_words, title_words)
        entries.append(
            IndexedDocument(
                document=document,
                title_stems=frozenset(stem(word) for word in title_words),
                stem_counts=dict(Counter(stem(word) for word in text_words)),
            )
        )
    digest = hashlib.sha256(repr([entry.document for entry in entries]).encode()).hexdigest()
    return SearchIndex(
        digest=digest,
        entries=tuple(entries),
        stems=frozenset(stem(word) for word in all_words),
        words=tuple(
            sorted(
                word
                for word in all_words
                if len(word) >= SUGGESTION_MIN_LENGTH and word.isalpha() and word not in STOP_WORDS
            )
        ),
    )


def snippet(text: str, wanted: Sequence[str]) -> tuple[SnippetPart, ...]:
    """About 30 words of ``text`` around the most searched words, those words marked."""
    words = list(WORD.finditer(text))
    if not words:
        return ()
    stems = {index: stem(match.group()) for index, match in enumerate(words)}
    hits = [index for index, found in stems.items() if found in wanted]
    start = 0
    if hits:
        best = max(
            hits,
            key=lambda first: (
                len({stems[index] for index in hits if 0 <= index - first < SNIPPET_SPAN}),
                -first,
            ),
        )
        start = max(0, best - SNIPPET_LEAD)
    end = min(len(words), start + SNIPPET_WORDS)
    return marked_parts(
        text,
        words[start].start(),
        words[end - 1].end(),
        [(words[index].start(), words[index].end()) for index in hits if start <= index < end],
    )


def marked_parts(
    text: str, start: int, end: int, marks: Sequence[tuple[int, int]]
) -> tuple[SnippetPart, ...]:
    """``text[start:end]`` cut into plain and marked parts, with an ellipsis where it was cut."""
    parts = [SnippetPart("… ", False)] if start > 0 else []
    cursor = start
    for mark_start, mark_end in marks:
        if mark_start > cursor:
            parts.append(SnippetPart(_flat(text[cursor:mark_start]), False))
        parts.append(SnippetPart(text[mark_start:mark_end], True))
        cursor = mark_end
    if end > cursor:
        parts.append(SnippetPart(_flat(text[cursor:end]), False))
    if end < len(text.rstrip()):
        parts.append(SnippetPart(" …", False))
    return tuple(parts)


def _flat(text: str) -> str:
    """Line breaks between blocks read as a space in one line of snippet."""
    return re.sub(r"\s+", " ", text)
