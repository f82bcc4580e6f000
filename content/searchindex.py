"""The site's search engine: an index of the public pages, held in memory, plain data in and out.

Words are reduced to their stem with the Snowball English stemmer, so "stretching" finds
"stretch", and common words ("how", "do", "I") are ignored. The index also knows every word the
site uses, which is how a search tells a misspelt word from one the site never uses.

A Snowball stemmer object keeps the word it is working on in itself, so one shared by two threads
stems wrongly: each thread has its own for searches, and each build makes its own. A built index
carries a fingerprint of everything in it, so a copy that changed on its way through a cache is
recognised and refused.
"""

import difflib
import hashlib
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import snowballstemmer

from backspasm.publishing.searchdocs import Document

WORD: Final = re.compile(r"\w+(?:['‘’ʼ]\w+)*")
# People type "can't", "can’t" and "cant" alike: a word is read without its apostrophes.
APOSTROPHES: Final = str.maketrans("", "", "'‘’ʼ`´")
# Snowball's English stop list, and the same words as people type them without an apostrophe.
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
        "cant",
        "cannot",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "wont",
        "im",
        "ive",
    }
)
# A suggestion replaces a word the site never uses with one that differs by about one letter.
SUGGESTION_MIN_LENGTH: Final = 4
SUGGESTION_CUTOFF: Final = 0.8
TITLE_WEIGHT: Final = 5.0
KEYWORD_WEIGHT: Final = 0.5
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
    text_stems: frozenset[str]
    # Sorted (stem, count) pairs: immutable, and the same for the same text in any process.
    stem_counts: tuple[tuple[str, int], ...]
    # Everyday words for the warning signs the page lists that the page itself does not use
    # ("wee", "bum"): each counts for less than the word on a page, and more on a page that
    # lists more signs, which is more about them.
    keyword_stems: frozenset[str]
    keyword_weight: float


@dataclass(frozen=True, slots=True)
class SearchIndex:
    entries: tuple[IndexedDocument, ...]
    stems: frozenset[str]
    words: tuple[str, ...]
    fingerprint: str

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(entry.document for entry in self.entries)

    def search(self, terms: Sequence[str]) -> list[Hit]:
        """Pages that use every searched word in some form, help and guidance before the pages
        about the site, most relevant first."""
        wanted = query_stems(terms)
        if not wanted:
            return []
        scored = []
        for position, entry in enumerate(self.entries):
            found = entry.text_stems | entry.title_stems | entry.keyword_stems
            if all(stem in found for stem in wanted):
                counts = dict(entry.stem_counts)
                score = sum(
                    TITLE_WEIGHT * (stem in entry.title_stems)
                    + entry.keyword_weight * (stem in entry.keyword_stems)
                    + math.log1p(counts.get(stem, 0))
                    for stem in wanted
                )
                scored.append((entry.document.secondary, -score, position, entry.document))
        return [
            Hit(document.url, document.title, document.kind, snippet(document.text, wanted))
            for *_, document in sorted(scored, key=lambda item: item[:3])
        ]

    def unknown_terms(self, terms: Sequence[str]) -> list[str]:
        """Searched words the site uses in no form, that are long enough to be misspellings."""
        return [
            term
            for term in terms
            if len(term) >= SUGGESTION_MIN_LENGTH
            and plain(term).isalpha()
            and plain(term) not in STOP_WORDS
            and stem(term) not in self.stems
        ]

    def closest_word(self, term: str) -> str | None:
        matches = difflib.get_close_matches(plain(term), self.words, n=1, cutoff=SUGGESTION_CUTOFF)
        return matches[0] if matches else None


_threads = threading.local()


def _thread_stemmer() -> snowballstemmer.stemmer:
    stemmer: snowballstemmer.stemmer | None = getattr(_threads, "stemmer", None)
    if stemmer is None:
        stemmer = _threads.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def plain(word: str) -> str:
    """A word as search compares it: lower case, without apostrophes."""
    return word.lower().translate(APOSTROPHES)


# The site uses about a thousand words: every query and snippet stems the same ones again. The
# cache holds results only, and the stemmer that makes them is this thread's own.
@lru_cache(maxsize=16_384)
def stem(word: str) -> str:
    return str(_thread_stemmer().stemWord(plain(word)))


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def query_stems(terms: Iterable[str]) -> list[str]:
    stems: list[str] = []
    for term in terms:
        for word in words_of(term):
            if plain(word) not in STOP_WORDS and (found := stem(word)) not in stems:
                stems.append(found)
    return stems


def _build_stemmer() -> Callable[[str], str]:
    """A stemmer for one build alone, sharing nothing with searches or other builds."""
    stemmer = snowballstemmer.stemmer("english")
    found: dict[str, str] = {}

    def stem_word(word: str) -> str:
        if word not in found:
            found[word] = str(stemmer.stemWord(plain(word)))
        return found[word]

    return stem_word


def build_index(documents: Iterable[Document]) -> SearchIndex:
    stem_word = _build_stemmer()
    entries = []
    all_words: set[str] = set()
    for document in documents:
        text_words = [plain(word) for word in words_of(document.text)]
        title_words = [plain(word) for word in words_of(document.title)]
        keywords = [plain(word) for phrase in document.keywords for word in words_of(phrase)]
        all_words.update(text_words, title_words, keywords)
        counts = Counter(stem_word(word) for word in text_words)
        title_stems = frozenset(stem_word(word) for word in title_words)
        entries.append(
            IndexedDocument(
                document=document,
                title_stems=title_stems,
                text_stems=frozenset(counts),
                stem_counts=tuple(sorted(counts.items())),
                keyword_stems=frozenset(
                    stem_word(word) for word in keywords if word not in STOP_WORDS
                )
                - title_stems
                - set(counts),
                keyword_weight=KEYWORD_WEIGHT + math.log1p(len(document.keywords)) / 100,
            )
        )
    stems = frozenset(stem_word(word) for word in all_words)
    words = tuple(
        sorted(
            word
            for word in all_words
            if len(word) >= SUGGESTION_MIN_LENGTH and word.isalpha() and word not in STOP_WORDS
        )
    )
    return SearchIndex(
        entries=tuple(entries),
        stems=stems,
        words=words,
        fingerprint=_fingerprint(tuple(entries), stems, words),
    )


def _fingerprint(
    entries: tuple[IndexedDocument, ...], stems: frozenset[str], words: tuple[str, ...]
) -> str:
    """A hash of everything in an index, in an order that does not depend on the process."""
    content = repr(
        (
            [
                (
                    entry.document,
                    sorted(entry.title_stems),
                    sorted(entry.text_stems),
                    entry.stem_counts,
                    sorted(entry.keyword_stems),
                    entry.keyword_weight,
                )
                for entry in entries
            ],
            sorted(stems),
            words,
        )
    )
    return hashlib.sha256(content.encode()).hexdigest()


def intact(index: object) -> bool:
    """Whether ``index`` is an index whose content still matches its fingerprint. Anything else
    read back from a cache (another release's layout, a damaged value) is simply not intact."""
    if not isinstance(index, SearchIndex):
        return False
    try:
        return index.fingerprint == _fingerprint(index.entries, index.stems, index.words)
    except (AttributeError, TypeError, ValueError):
        return False


class IndexCheckFailed(RuntimeError):
    """Two builds from the same pages disagreed: neither is stored."""


def checked_build(documents: Sequence[Document]) -> SearchIndex:
    """An index built twice, each time with a stemmer of its own, and kept only when both builds
    agree to the last stem and the fingerprint matches the content."""
    index = build_index(documents)
    if index.fingerprint != build_index(documents).fingerprint or not intact(index):
        raise IndexCheckFailed("Two builds of the search index from the same pages differ.")
    return index


def snippet(text: str, wanted: Sequence[str]) -> tuple[SnippetPart, ...]:
    """About 30 words of ``text`` around the most searched words, those words marked."""
    words = list(WORD.finditer(text))
    if not words:
        return ()
    # Stemming changes only the end of a word, so a word can have a searched stem only if it
    # starts with that stem's first two letters: most words are never stemmed.
    starts = {found[:2] for found in wanted}
    stems = {
        index: stem(match.group())
        for index, match in enumerate(words)
        if match.group()[:2].lower() in starts
    }
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
