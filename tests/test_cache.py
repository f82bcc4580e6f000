"""The Redis cache against a real Redis, and against a port where none answers."""

import random
import socket

import pytest
from django.core.cache.backends.redis import RedisCache

from backspasm.cache import ForgivingRedisCache

REDIS = "redis://127.0.0.1:6379/15"


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cache_at(location: str, prefix: str) -> ForgivingRedisCache:
    return ForgivingRedisCache(
        location,
        {"KEY_PREFIX": prefix, "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}},
    )


def test_a_cache_server_that_is_down_is_a_miss_not_an_error():
    cache = cache_at(f"redis://127.0.0.1:{closed_port()}/0", "down")

    cache.set("page", "html")

    assert cache.get("page", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("page", "html") is False
    cache.clear()


def test_after_a_failure_the_cache_is_left_alone_instead_of_timing_out_on_every_call():
    with socket.socket() as hung_redis:
        hung_redis.bind(("127.0.0.1", 0))
        hung_redis.listen(16)
        hung_redis.setblocking(False)
        cache = cache_at(f"redis://127.0.0.1:{hung_redis.getsockname()[1]}/0", "hung")

        assert cache.get("first", "miss") == "miss"
        connections_after_first_call = accepted(hung_redis)
        assert cache.get("second", "miss") == "miss"

        assert connections_after_first_call >= 1
        assert accepted(hung_redis) == 0


def accepted(server: socket.socket) -> int:
    """How many connections reached the server since the last look; each is closed at once."""
    count = 0
    while True:
        try:
            connection, _ = server.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


@pytest.mark.skipif(not redis_answers(), reason="no Redis server on 127.0.0.1:6379")
def test_clear_deletes_only_this_sites_keys():
    ours = cache_at(REDIS, "backspasm-test-ours")
    theirs = cache_at(REDIS, "backspasm-test-theirs")
    ours.set("page", "ours")
    theirs.set("page", "theirs")

    ours.clear()

    assert ours.get("page") is None
    assert theirs.get("page") == "theirs"
    RedisCache.delete(theirs, "page")


@pytest.mark.skipif(not redis_answers(), reason="no Redis server on 127.0.0.1:6379")
def test_every_call_goes_through_one_client():
    cache = cache_at(REDIS, "reuse")
    cache.set("version", 7)

    first, second = cache._cache.get_client("version"), cache._cache.get_client("version")
    values = [cache.get("version") for _ in range(50)]

    assert values == [7] * 50
    assert first is second
    assert first is cache._cache.get_client("version", write=True)
    cache.clear()


def test_each_read_goes_to_the_replica_django_picked(monkeypatch: pytest.MonkeyPatch):
    cache = cache_at(
        "redis://127.0.0.1:6379/15,redis://127.0.0.1:6379/14,redis://127.0.0.1:6379/13", "replicas"
    )
    picks = iter([1, 2, 2, 1])
    monkeypatch.setattr(random, "randint", lambda low, high: next(picks))

    databases = [
        cache._cache.get_client("k").connection_pool.connection_kwargs["db"] for _ in range(4)
    ]

    assert databases == [14, 13, 13, 14]
    assert cache._cache.get_client("k", write=True).connection_pool.connection_kwargs["db"] == 15
