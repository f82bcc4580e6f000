"""A small HTTP client that keeps cookies and counts the bytes each response puts on the wire.

urllib hides what the benchmark must see (compressed sizes, each redirect hop, the exact
headers), so this speaks HTTP/1.1 through http.client, one keep-alive connection per client,
as one browser tab would.
"""

import gzip
import http.client
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit

import brotli  # type: ignore[import-untyped]  # the package ships no type information

from tests.support.html import Page

ACCEPT_ENCODING = "br, gzip"
USER_AGENT = "backspasm-bench/1"
MAX_REDIRECTS = 10


@dataclass(frozen=True, slots=True)
class Response:
    method: str
    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    @property
    def header_bytes(self) -> int:
        """Status line, header lines and the blank line, as they crossed the wire."""
        status_line = len(f"HTTP/1.1 {self.status} XX\r\n")
        return status_line + sum(len(k) + len(v) + 4 for k, v in self.headers) + 2

    @property
    def wire_bytes(self) -> int:
        return self.header_bytes + len(self.body)

    def text(self) -> str:
        encoding = (self.header("Content-Encoding") or "").strip().lower()
        body = self.body
        if encoding == "br":
            body = brotli.decompress(body)
        elif encoding == "gzip":
            body = gzip.decompress(body)
        return body.decode("utf-8", errors="replace")


class Client:
    """One visitor: a cookie jar and a keep-alive connection to the site under test."""

    def __init__(self, base_url: str, timeout: float = 30.0) -> None:
        parts = urlsplit(base_url)
        self.base_url = f"{parts.scheme}://{parts.netloc}"
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        # Every response `fetch` received, redirects included.
        self.history: list[Response] = []
        self._connection: http.client.HTTPConnection | None = None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def url(self, path: str) -> str:
        return urljoin(self.base_url + "/", path)

    def request(
        self,
        method: str,
        url: str,
        data: dict[str, str | list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        parts = urlsplit(self.url(url))
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        sent = {"Accept-Encoding": ACCEPT_ENCODING, "User-Agent": USER_AGENT, **(headers or {})}
        body: bytes | None = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = self.base_url
            sent["Referer"] = self.url(url)
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        reply = self._send(method, target, body, sent)
        response = Response(
            method=method,
            url=self.url(target),
            status=reply.status,
            headers=tuple(reply.getheaders()),
            body=reply.read(),
        )
        if reply.will_close:
            self.close()
        self._remember_cookies(response)
        return response

    def _send(
        self, method: str, target: str, body: bytes | None, headers: dict[str, str]
    ) -> http.client.HTTPResponse:
        # A sync gunicorn worker closes the connection after every response; reconnect once
        # when the server has closed an idle keep-alive connection under us.
        for attempt in range(2):
            if self._connection is None:
                self._connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout
                )
            try:
                self._connection.request(method, target, body=body, headers=headers)
                return self._connection.getresponse()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _remember_cookies(self, response: Response) -> None:
        for key, value in response.headers:
            if key.lower() != "set-cookie":
                continue
            cookie = SimpleCookie()
            cookie.load(value)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def page(self, response: Response) -> Page:
        return Page(response.url, response.status, response.text())

    def fetch(self, method: str, url: str, data: dict[str, list[str]] | None) -> Page:
        """The shared checker walker's transport: the last page, after any redirects."""
        form: dict[str, str | list[str]] | None = None if data is None else {**data}
        responses = self.follow(method, url, form)
        self.history += responses
        return self.page(responses[-1])

    def follow(
        self, method: str, url: str, data: dict[str, str | list[str]] | None = None
    ) -> list[Response]:
        """The request and every redirect after it, as a browser follows them."""
        responses = [self.request(method, url, data)]
        while responses[-1].status in {301, 302, 303, 307, 308}:
            if len(responses) > MAX_REDIRECTS:
                raise RuntimeError(f"too many redirects from {url}")
            location = responses[-1].header("Location") or "/"
            keep_post = responses[-1].status in {307, 308}
            responses.append(
                self.request(
                    method if keep_post else "GET",
                    urljoin(responses[-1].url, location),
                    data if keep_post else None,
                )
            )
        return responses
