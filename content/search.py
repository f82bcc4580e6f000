"""Site search: every public page for a few words a person typed, on any database.

One engine (docs/adr/0018): the in-memory index of ``searchindex``, built from the published
content once per content version by whichever process first needs it, checked, and shared with the
other processes through the cache. A search reads the index and nothing else, so it never writes
to the database and asks it at most for the content version.

A query that names a warning sign in everyday words ("can't pee", "numb bum") brings that sign's
care card above the results.

What a person searched for is never stored: not in the cache (keys and values are the index
only), not in the database, not in a log.
"""

import logging
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from django.core.cache import cache

from backspasm.publishing.searchdocs import public_documents
from backspasm.publishing.version import CONTENT_CACHE_SECONDS, content_key
from content.searchindex import (
    Hit,
    SearchIndex,
    checked_build,
    intact,
    query_stems,
)
from content.warningsigns import cards_for, with_everyday_words

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH: Final = 200
MAX_TERMS: Final = 12
INDEX_NAME: Final = "search-index"


def normalise_query(raw: str) -> str:
    """Letters, digits, punctuation and single spaces: control characters, formatting marks and
    unpaired surrogates become spaces."""
    cleaned = "".join(
        " " if unicodedata.category(char)[0] in {"C", "Z"} else char
        for char in unicodedata.normalize("NFKC", raw)
    )
    return " ".join(cleaned.split())


@dataclass(frozen=True, slots=True)
class SearchResults:
    hits: tuple[Hit, ...]
    # The searched words with each misspelling replaced by the site's closest word; only offered
    # when it finds something.
    suggestion: str | None = None
    # True when the words as typed found nothing, so the hits are for the suggestion.
    for_suggestion: bool = False
    # The care cards of the warning signs the words name, most urgent first.
    cards: tuple[str, ...] = ()


# This process's copy of the index for one content version: the index is immutable and the pair
# is replaced whole, under the lock, so a thread reads either the old pair or the new one.
_index_lock = threading.Lock()
_this_process: tuple[str, SearchIndex] | None = None


def published_index() -> SearchIndex:
    global _this_process
    key = content_key(INDEX_NAME)
    held = _this_process
    if held is not None and held[0] == key:
        return held[1]
    # One thread per process builds or reads it; the others wait for that one instead of doing
    # the same work.
    with _index_lock:
        held = _this_process
        if held is not None and held[0] == key:
            return held[1]
        index = _stored_index(key) or _new_index(key)
        _this_process = (key, index)
        return index


def forget_this_process_index() -> None:
    """For tests, which roll the content back to a version number seen before."""
    global _this_process
    with _index_lock:
        _this_process = None


def _stored_index(key: str) -> SearchIndex | None:
    stored = cache.get(key)
    if stored is None:
        return None
    if isinstance(stored, SearchIndex) and intact(stored):
        return stored
    logger.warning("The stored search index failed its check, so it is being built again.")
    return None


def _new_index(key: str) -> SearchIndex:
    index = checked_build(with_everyday_words(public_documents()))
    # Set, not add: a copy that failed its check is replaced.
    cache.set(key, index, CONTENT_CACHE_SECONDS)
    return index


def search(query: str) -> SearchResults:
    terms = query.split()[:MAX_TERMS]
    if not terms:
        return SearchResults(hits=())
    index = published_index()
    hits = _find(index, terms)
    suggestion = _suggest(index, terms)
    cards = cards_for(query) or (cards_for(suggestion) if suggestion else ())
    if not hits and suggestion is not None:
        return SearchResults(_find(index, suggestion.split()), suggestion, True, cards)
    return SearchResults(hits, suggestion, cards=cards)


def _find(index: SearchIndex, terms: Sequence[str]) -> tuple[Hit, ...]:
    # Only common words ("how do i"): nothing to look for.
    if not query_stems(terms):
        return ()
    return tuple(index.search(terms))


def _suggest(index: SearchIndex, terms: Sequence[str]) -> str | None:
    """The words with each misspelling replaced, when that finds something; never a
    "correction" that finds nothing."""
    unknown = index.unknown_terms(terms)
    if not unknown:
        return None
    replaced = {term: word for term in unknown if (word := index.closest_word(term)) is not None}
    if not replaced:
        return None
    suggestion = " ".join(replaced.get(term, term) for term in terms)
    return suggestion if _find(index, suggestion.split()) else None
