"""Search shares nothing that changes between threads: stems, builds and the stored index come out
the same under concurrent searches as in one thread, and a damaged stored index is refused."""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

from backspasm.publishing.searchdocs import public_documents
from backspasm.publishing.version import (
    VERSION_CACHE_SECONDS,
    VERSION_KEY,
    content_key,
    content_version,
)
from content.search import (
    INDEX_NAME,
    forget_this_process_index,
    published_index,
    search,
)
from content.searchindex import (
    SearchIndex,
    _build_stemmer,
    build_index,
    checked_build,
    intact,
    stem,
)
from content.warningsigns import with_everyday_words

pytestmark = pytest.mark.django_db

THREADS = 8
QUERIES = ("count", "internet", "can't pee", "stretching", "ibuprofin", "numb bum", "sciatica")


def close_this_threads_connection() -> None:
    """Django's SQLite backend leaves an in-memory database's connection open, since closing the
    last one drops the database; the test's own thread keeps one open, so a worker's can go."""
    BaseDatabaseWrapper.close(connection)


def in_threads[T](work: Callable[[int], T], threads: int = THREADS) -> list[T]:
    """``work(n)`` in each of ``threads`` threads, started together; each closes its connection."""
    ready = threading.Barrier(threads)

    def run(number: int) -> T:
        ready.wait()
        try:
            return work(number)
        finally:
            close_this_threads_connection()

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(run, range(threads)))


def single_threaded_build() -> SearchIndex:
    return build_index(with_everyday_words(public_documents()))


def test_stems_made_in_many_threads_at_once_are_the_stems_of_one_thread():
    words = published_index().words
    expected = {word: _build_stemmer()(word) for word in words}
    stem.cache_clear()

    def stem_all(number: int) -> dict[str, str]:
        order = words[number::THREADS] + words
        return {word: stem(word) for word in order}

    for found in in_threads(stem_all):
        assert found == expected


def test_builds_in_many_threads_at_once_are_the_same_index():
    documents = with_everyday_words(public_documents())
    expected = build_index(documents).fingerprint

    fingerprints = in_threads(lambda number: checked_build(documents).fingerprint, threads=4)

    assert fingerprints == [expected] * 4


@pytest.mark.faults
def test_concurrent_searches_across_index_rebuilds_give_no_errors_and_store_a_true_index():
    """Three new content versions while eight threads search; the index of each is built once in
    this process, and what the cache holds at the end is what one thread builds."""
    done = threading.Event()
    first_version = content_version()

    def keep_searching(number: int) -> int:
        searches = 0
        try:
            while not done.is_set() or searches < len(QUERIES):
                found = search(QUERIES[(number + searches) % len(QUERIES)])
                assert found.hits or found.suggestion is None
                searches += 1
        finally:
            close_this_threads_connection()
        return searches

    built = []
    with ThreadPoolExecutor(THREADS) as pool:
        searchers = [pool.submit(keep_searching, number) for number in range(THREADS)]
        try:
            for version in range(first_version + 1, first_version + 4):
                # A new content version, as an editor's save makes: every process rebuilds.
                cache.set(VERSION_KEY, version, VERSION_CACHE_SECONDS)
                built.append(published_index())
        finally:
            done.set()
        counts = [searcher.result() for searcher in searchers]

    assert min(counts) >= len(QUERIES)
    assert len({index.fingerprint for index in built}) == 1
    stored = cache.get(content_key(INDEX_NAME))
    assert intact(stored)
    assert stored.fingerprint == single_threaded_build().fingerprint


def test_a_damaged_stored_index_is_refused_and_built_again(caplog: pytest.LogCaptureFixture):
    good = published_index()
    first = good.entries[0]
    # A page indexed under the wrong word, as a shared stemmer once stored it.
    damaged = replace(
        good,
        entries=(replace(first, text_stems=first.text_stems | {"internet"}), *good.entries[1:]),
    )
    cache.set(content_key(INDEX_NAME), damaged)
    forget_this_process_index()

    assert not intact(damaged)
    assert published_index().fingerprint == good.fingerprint
    assert intact(cache.get(content_key(INDEX_NAME)))
    assert "failed its check" in caplog.text


def test_something_that_is_not_an_index_in_its_place_is_refused_too():
    cache.set(content_key(INDEX_NAME), ("not", "an", "index"))
    forget_this_process_index()

    assert search("ibuprofen").hits[0].url == "/guidance/medicines/"
    assert intact(cache.get(content_key(INDEX_NAME)))
