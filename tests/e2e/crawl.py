"""Find every public page by following links from the home page, as a visitor or a search engine.

Pages are discovered rather than listed, so a new guidance article or self-care page is covered
by every browser check the moment it is linked from somewhere.
"""

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from urllib.parse import urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup

SEEDS = ("/", "/guidance/", "/self-care/")
MISSING_PAGE = "/this-page-does-not-exist/"
SEARCH_TERMS = "back spasm"
# Not pages for the public: the editors' admin, and files rather than pages.
SKIPPED_PREFIXES = ("/admin/", "/static/")
MAX_PAGES = 400  # far more than the site has: more means links are generating endless addresses
TIMEOUT = 60  # seconds: a page that takes longer has hung, and the test should say so


@dataclass(frozen=True)
class Page:
    url: str  # path and query, as a link on the site spells it
    status: int
    html: str

    @property
    def name(self) -> str:
        """A file-friendly name for the page: "/guidance/sciatica/" becomes "guidance-sciatica"."""
        return page_name(self.url)


@dataclass(frozen=True)
class BrokenLink:
    source: str
    target: str
    status: int

    def __str__(self) -> str:
        return f"{self.source} links to {self.target}, which answers {self.status}"


@dataclass
class Site:
    pages: list[Page] = field(default_factory=list)  # every HTML page that answered 200
    missing: Page | None = None  # the page shown for an address that does not exist
    broken_links: list[BrokenLink] = field(default_factory=list)

    @property
    def all_pages(self) -> list[Page]:
        """The pages and the "page not found" page, which people see too."""
        return [*self.pages, *([self.missing] if self.missing else [])]


def page_name(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"


def links_in(html: str) -> list[str]:
    """Addresses the page links to, and the results of its GET forms filled in with a search."""
    soup = BeautifulSoup(html, "html.parser")
    links = [str(anchor["href"]) for anchor in soup.select("a[href]")]
    for form in soup.select("form"):
        if str(form.get("method", "get")).lower() != "get":
            continue
        query = {
            str(field["name"]): SEARCH_TERMS
            for field in form.select("input[name]")
            if str(field.get("type", "text")) in {"text", "search"}
        }
        if query:
            links.append(f"{form.get('action') or ''}?{urlencode(query)}")
    return links


def _fetch(opener: urllib.request.OpenerDirector, url: str) -> tuple[int, str, str, str]:
    """Status, address after redirects, content type and body; an error status is an answer."""
    try:
        with opener.open(url, timeout=TIMEOUT) as response:
            body = response.read().decode()
            return response.status, response.url, response.headers.get_content_type(), body
    except urllib.error.HTTPError as error:
        return error.code, url, error.headers.get_content_type(), error.read().decode()


def crawl(base_url: str) -> Site:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    host = urlsplit(base_url).netloc
    site = Site()
    queue: list[tuple[str, str]] = [("(start)", seed) for seed in SEEDS]
    seen: set[str] = set()
    while queue:
        source, href = queue.pop(0)
        absolute = urljoin(base_url + source if source.startswith("/") else base_url, href)
        parts = urlsplit(absolute)
        if parts.scheme not in {"http", "https"} or parts.netloc != host:
            continue
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if url in seen or url.startswith(SKIPPED_PREFIXES):
            continue
        seen.add(url)
        assert len(seen) <= MAX_PAGES, f"more than {MAX_PAGES} addresses found from {source}"
        status, final, content_type, body = _fetch(opener, base_url + url)
        if status != 200:
            site.broken_links.append(BrokenLink(source, url, status))
            continue
        final_parts = urlsplit(final)
        url = final_parts.path + (f"?{final_parts.query}" if final_parts.query else "")
        if content_type != "text/html" or any(page.url == url for page in site.pages):
            continue
        seen.add(url)
        site.pages.append(Page(url, status, body))
        queue.extend((url, link) for link in links_in(body))
    status, _, _, body = _fetch(opener, base_url + MISSING_PAGE)
    assert status == 404, f"{MISSING_PAGE} answered {status}, not 404"
    site.missing = Page(MISSING_PAGE, status, body)
    return site
