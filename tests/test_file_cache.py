"""The file cache (one machine, no Redis) treats a disk it cannot write as a miss."""

from pathlib import Path

from backspasm.web.filecache import ForgivingFileBasedCache


def cache_in(directory: Path) -> ForgivingFileBasedCache:
    return ForgivingFileBasedCache(str(directory), {})


def test_a_cache_that_cannot_write_misses_instead_of_raising(tmp_path: Path):
    # A directory that cannot be made (a file stands in its way), as a full or read-only disk
    # refuses a write; permissions would not stop root.
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    cache = cache_in(blocker / "cache")

    cache.set("page", "text")

    assert cache.get("page") is None
    assert cache.get_or_set("page", "built") == "built"
    assert cache.add("other", "text") is False
    assert cache.touch("page") is False


def test_a_working_cache_still_keeps_what_it_is_given(tmp_path: Path):
    cache = cache_in(tmp_path / "cache")

    cache.set("page", "text")

    assert cache.get("page") == "text"
