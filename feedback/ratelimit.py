"""How many answers one client address, and everyone together, may send in an hour.

Counted in Django's cache (Redis in production, shared by every app server). The address is kept
only as a keyed hash inside a cache key that expires with its hour: it never reaches the database
or a log, and without the site's secret key the hash cannot be matched to an address.
"""

from typing import Final

from django.core.cache import cache
from django.utils.crypto import salted_hmac

WINDOW_SECONDS: Final = 60 * 60
# A person may rate every page they read in an hour; a script is stopped after a few.
PER_ADDRESS: Final = 10
# Many addresses together (a botnet) still cannot add more than this many rows an hour.
EVERYONE: Final = 500


def _window(now: float) -> int:
    return int(now // WINDOW_SECONDS)


def _count(key: str) -> int | None:
    """Add one to the hour's count and return it; None when the cache cannot count."""
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = int(cache.incr(key))
    except ValueError:
        # The key is missing, so the cache did not store it.
        return None
    # ForgivingRedisCache answers 0 when Redis is unreachable.
    return count if count > 0 else None


def allow(address: str, now: float) -> bool:
    """Count one answer from this address; False once it or everyone is past the limit.

    Without a working cache nothing is counted, so nothing is allowed: losing some feedback for a
    while is better than an unbounded table.
    """
    window = _window(now)
    digest = salted_hmac("feedback.ratelimit", address, algorithm="sha256").hexdigest()
    mine = _count(f"feedback-rate:{window}:{digest}")
    everyone = _count(f"feedback-rate:{window}:everyone")
    return (
        mine is not None and everyone is not None and mine <= PER_ADDRESS and everyone <= EVERYONE
    )
