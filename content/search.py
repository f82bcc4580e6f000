"""Site search: every public page for a few words a person typed.

On PostgreSQL, its own full-text search ranks the pages and marks the snippets, and pg_trgm's
trigram similarity finds the word a misspelling meant. On any other database (SQLite, the
embedded default) the in-memory index of ``searchindex`` does both. Either way the pages come from
one index, built from the published content and kept until the content version changes.

What a person searched for is never stored: not in the cache (keys and values are the index
only), not in the database (the tables hold the pages), not in a log.
"""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
)
from django.db import connection, transaction

from backspasm.publishing.searchdocs import public_documents
from backspasm.publishing.version import cached_content
from content.models import SearchEntry, SearchWord
from content.searchindex import (
    Hit,
    SearchIndex,
    SnippetPart,
    build_index,
    marked_parts,
    query_stems,
)

MAX_QUERY_LENGTH: Final = 200
MAX_TERMS: Final = 12
# Private-use characters, which page text never holds (searchdocs removes them), mark the
# searched words in PostgreSQL's snippets.
MARK_START: Final = "\ue000"
MARK_END: Final = "\ue001"
SNIPPET_MAX_WORDS: Final = 35
SNIPPET_MIN_WORDS: Final = 25
TRIGRAM_CUTOFF: Final = 0.4


def normalise_query(raw: str) -> str:
    """Letters, digits, punctuation and single spaces: control characters (NUL among them, which
    PostgreSQL refuses), formatting marks and unpaired surrogates become spaces."""
    cleaned = "".join(
        " " if unicodedata.category(char)[0] in {"C", "Z"} else char
        for char in unicodedata.normalize("NFKC", raw)
    )
    return " ".join(cleaned.split())


@dataclass(frozen=True, slots=True)
class SearchResults:
    hits: tuple[Hit, ...]
    # The searched words with each misspelling replaced by the site's closest word.
    suggestion: str | None = None
    # True when the words as typed found nothing, so the hits are for the suggestion.
    for_suggestion: bool = False


def published_index() -> SearchIndex:
    return cached_content("search-index", lambda: build_index(public_documents()))


def search(query: str) -> SearchResults:
    terms = query.split()[:MAX_TERMS]
    if not terms:
        return SearchResults(hits=())
    index = published_index()
    hits = _find(index, terms)
    suggestion = _suggest(index, terms)
    if not hits and suggestion is not None:
        return SearchResults(_find(index, suggestion.split()), suggestion, for_suggestion=True)
    return SearchResults(hits, suggestion)


def _find(index: SearchIndex, terms: Sequence[str]) -> tuple[Hit, ...]:
    # Only stop words ("how do i"): nothing to look for, on either engine.
    if not query_stems(terms):
        return ()
    if connection.vendor == "postgresql":
        return tuple(_full_text(index, " ".join(terms)))
    return tuple(index.search(terms))


def _suggest(index: SearchIndex, terms: Sequence[str]) -> str | None:
    unknown = index.unknown_terms(terms)
    if not unknown:
        return None
    replaced = {term: word for term in unknown if (word := _closest(index, term)) is not None}
    if not replaced:
        return None
    return " ".join(replaced.get(term, term) for term in terms)


def _closest(index: SearchIndex, term: str) -> str | None:
    if connection.vendor == "postgresql":
        return _closest_by_trigram(index, term)
    return index.closest_word(term)


def _stored(index: SearchIndex) -> None:
    """The index's pages and words in the tables PostgreSQL searches, once per digest; rows of
    other digests (older content or another release) go."""
    if SearchEntry.objects.filter(digest=index.digest).exists():
        return
    with transaction.atomic():
        SearchEntry.objects.bulk_create(
            [
                SearchEntry(
                    digest=index.digest,
                    position=position,
                    url=document.url,
                    title=document.title,
                    kind=document.kind,
                    text=document.text,
                )
                for position, document in enumerate(index.documents)
            ],
            ignore_conflicts=True,
        )
        SearchWord.objects.bulk_create(
            [SearchWord(digest=index.digest, word=word) for word in index.words],
            ignore_conflicts=True,
        )
        SearchEntry.objects.exclude(digest=index.digest).delete()
        SearchWord.objects.exclude(digest=index.digest).delete()


def _full_text(index: SearchIndex, query: str) -> list[Hit]:
    _stored(index)
    search_query = SearchQuery(query, search_type="plain", config="english")
    vector = SearchVector("title", weight="A", config="english") + SearchVector(
        "text", weight="B", config="english"
    )
    rows = (
        SearchEntry.objects.filter(digest=index.digest)
        .annotate(
            document=vector,
            rank=SearchRank(vector, search_query),
            headline=SearchHeadline(
                "text",
                search_query,
                config="english",
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=SNIPPET_MAX_WORDS,
                min_words=SNIPPET_MIN_WORDS,
            ),
        )
        .filter(document=search_query)
        .order_by("-rank", "position")
        .values_list("url", "title", "kind", "text", "headline")
    )
    return [
        Hit(url, title, kind, _headline_parts(text, headline))
        for url, title, kind, text, headline in rows
    ]


def _headline_parts(text: str, headline: str) -> tuple[SnippetPart, ...]:
    """PostgreSQL's headline as the same parts the in-memory index makes."""
    flat_text = " ".join(text.split())
    marks = []
    plain = ""
    for number, piece in enumerate(" ".join(headline.split()).split(MARK_START)):
        marked, _, rest = piece.partition(MARK_END) if number else ("", "", piece)
        if marked:
            marks.append((len(plain), len(plain) + len(marked)))
        plain += marked + rest
    start = flat_text.find(plain)
    if start < 0:
        return marked_parts(plain, 0, len(plain), marks)
    return marked_parts(
        flat_text,
        start,
        start + len(plain),
        [(start + mark_start, start + mark_end) for mark_start, mark_end in marks],
    )


def _closest_by_trigram(index: SearchIndex, term: str) -> str | None:
    _stored(index)
    return (
        SearchWord.objects.filter(digest=index.digest)
        .annotate(similarity=TrigramSimilarity("word", term.lower()))
        .filter(similarity__gte=TRIGRAM_CUTOFF)
        .order_by("-similarity", "word")
        .values_list("word", flat=True)
        .first()
    )
