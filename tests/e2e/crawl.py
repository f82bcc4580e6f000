"""Find every public page by following links from the home page, as a visitor or a search engine.

Pages are discovered rather than listed, so a new guidance article or self-care page is covered
by every browser check the moment it is linked from somewhere.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin, urlsplit

from tests.support import html
from tests.support.server import Browser

SEEDS = ("/", "/guidance/", "/self-care/")
MISSING_PAGE = "/this-page-does-not-exist/"
SEARCH_TERMS = "back spasm"
# Not pages for the public: the editors' admin, and files rather than pages.
SKIPPED_PREFIXES = ("/admin/", "/static/")
MAX_PAGES = 400  # far more than the site has: more means links are generating endless addresses


@dataclass(frozen=True)
class Page(html.Page):
    """A page of the site, its url the path and query as a link on the site spells it."""

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


def links_in(page: html.Page) -> list[str]:
    """Pages the page links to, and the results of its GET forms filled in with a search."""
    links = page.links()
    for form in page.forms():
        query = {
            name: SEARCH_TERMS for name, kind in form.kinds.items() if kind in {"text", "search"}
        }
        if form.method == "get" and query:
            links.append(f"{urlsplit(form.action).path}?{urlencode(query)}")
    return links


def crawl(base_url: str) -> Site:
    browser = Browser(base_url)
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
        fetched = browser.get(url)
        if fetched.status != 200:
            site.broken_links.append(BrokenLink(source, url, fetched.status))
            continue
        final = urlsplit(fetched.url)
        url = final.path + (f"?{final.query}" if final.query else "")
        content_type = fetched.headers.get("content-type", "").split(";")[0]
        if content_type != "text/html" or any(page.url == url for page in site.pages):
            continue
        seen.add(url)
        page = Page(url, fetched.status, fetched.html)
        site.pages.append(page)
        queue.extend((url, link) for link in links_in(page))
    missing = browser.get(MISSING_PAGE)
    assert missing.status == 404, f"{MISSING_PAGE} answered {missing.status}, not 404"
    site.missing = Page(MISSING_PAGE, missing.status, missing.html)
    return site
