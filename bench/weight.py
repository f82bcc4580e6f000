"""Bytes on the wire and request counts for a first and a repeat visit of a page.

A first visit fetches the HTML and every subresource it references, compressed as negotiated.
A repeat visit re-requests the HTML (conditionally, when it carried a validator) and, for each
subresource, either nothing (still fresh in the browser's cache: a far-future or immutable
Cache-Control) or a conditional request whose 304 costs its headers.
"""

import re
from dataclasses import dataclass

from bench.client import Client, Response

# A year: what whitenoise gives hashed files, and what "far-future" means here.
FAR_FUTURE_SECONDS = 365 * 24 * 60 * 60
_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*(\d+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Fetch:
    url: str
    status: int
    bytes: int
    encoding: str


@dataclass(frozen=True, slots=True)
class Visit:
    requests: int
    bytes: int
    fetches: tuple[Fetch, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "requests": self.requests,
            "bytes": self.bytes,
            "fetches": [
                {"url": f.url, "status": f.status, "bytes": f.bytes, "encoding": f.encoding}
                for f in self.fetches
            ],
        }


def is_cached_for_repeat_visit(cache_control: str | None) -> bool:
    """True when a browser reuses the response without asking again on a later visit."""
    if not cache_control:
        return False
    directives = cache_control.lower()
    if "no-store" in directives or "no-cache" in directives:
        return False
    if "immutable" in directives:
        return True
    match = _MAX_AGE.search(directives)
    return match is not None and int(match.group(1)) >= FAR_FUTURE_SECONDS


def conditional_headers(response: Response) -> dict[str, str]:
    headers = {}
    if etag := response.header("ETag"):
        headers["If-None-Match"] = etag
    if modified := response.header("Last-Modified"):
        headers["If-Modified-Since"] = modified
    return headers


def visit_from(responses: list[Response]) -> Visit:
    fetches = tuple(
        Fetch(r.url, r.status, r.wire_bytes, r.header("Content-Encoding") or "identity")
        for r in responses
    )
    return Visit(len(fetches), sum(f.bytes for f in fetches), fetches)


def measure_visits(base_url: str, path: str, cookies: dict[str, str]) -> tuple[Visit, Visit]:
    """The first and the repeat visit of one page, by a browser holding `cookies`."""
    client = Client(base_url)
    client.cookies.update(cookies)
    try:
        page = client.request("GET", path)
        first = [page]
        for url in client.page(page).subresources():
            if url.startswith(client.base_url):
                first.append(client.request("GET", url))
        repeat = [client.request("GET", path, headers=conditional_headers(page))]
        for asset in first[1:]:
            if not is_cached_for_repeat_visit(asset.header("Cache-Control")):
                repeat.append(client.request("GET", asset.url, headers=conditional_headers(asset)))
    finally:
        client.close()
    return visit_from(first), visit_from(repeat)
