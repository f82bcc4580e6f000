"""The visitor's address, for the lockout and the feedback limits.

Behind our proxy the socket's address is the proxy's. The proxy appends the address it received
the request from to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for), so with N trusted
proxies in front of the site (a corporate proxy and ours, say) the visitor is the N-th address
from the right: everything to its left the visitor may have written. A header shorter than that
came through fewer proxies, and its left-most address is the nearest to the visitor there is.
"""

import ipaddress
from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest


def from_forwarded(addresses: Sequence[str], trusted_proxies: int) -> str:
    """The address `trusted_proxies` places from the right, or the left-most if fewer."""
    return addresses[-min(trusted_proxies, len(addresses))]


def client_address(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    if not settings.BEHIND_PROXY:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if not forwarded:
        return remote
    chosen = from_forwarded(forwarded, settings.TRUSTED_PROXY_COUNT)
    try:
        return str(ipaddress.ip_address(chosen))
    except ValueError:
        # Not an address (the visitor wrote it): the lockout must still count somewhere.
        return remote
