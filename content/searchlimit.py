"""How many searches one address may make: a search is cheap, but not free, and a flood of them
from one place must not slow the emergency advice for everyone else (docs/adr/0018).

The same counter as page feedback (docs/adr/0015): django-ratelimit over the cache, keyed by the
client's address hashed with the site's secret, so no cache key can be matched to an address.
What was searched for is not part of the key or the count.
"""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from django_ratelimit.core import get_usage


def _address(group: str, request: HttpRequest) -> str:
    address = get_client_ip_address(request) or ""
    return salted_hmac(group, address, algorithm="sha256").hexdigest()


def too_many_searches(request: HttpRequest) -> bool:
    """Counts this search. A cache that cannot count (Redis down) holds nobody back: unlike page
    feedback, a search writes nothing, and it may be how someone finds the help they need."""
    usage = get_usage(
        request,
        group="search",
        key=_address,
        rate=settings.SEARCH_RATE_PER_ADDRESS,
        increment=True,
    )
    # django-ratelimit reports a count it could not make as a limit of 0.
    return usage is not None and usage["limit"] > 0 and bool(usage["should_limit"])
