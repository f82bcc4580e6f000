"""The public pages search reads, as plain text: where they come from and how their words are found.

Each app registers a function that lists its own public pages (``backspasm.registry``), so the
platform imports none of the apps. A page made from a template is rendered and only the text
of its ``<main>`` is kept, so search reads what a visitor reads, and a change to the template
reaches search with the release.
"""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Final

from django.http import HttpRequest
from django.template.loader import render_to_string

from backspasm import registry

# Text a visitor never reads as part of the page. An element with ``data-search-skip`` (the
# emergency callout repeated on many pages) is left out too, so it does not crowd every snippet.
SKIPPED_ELEMENTS: Final = frozenset({"script", "style", "nav", "template", "svg"})
# Elements after which a visitor sees a break, so their words never run together.
BLOCK_ELEMENTS: Final = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "dt", "dd", "div", "strong", "summary"}
)
VOID_ELEMENTS: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass(frozen=True, slots=True)
class Document:
    url: str
    title: str
    kind: str
    text: str
    # Everyday words for the warning signs the page lists, found but never shown in a snippet.
    keywords: tuple[str, ...] = ()
    # Pages about the site itself, listed after every page of help and guidance.
    secondary: bool = False


class _MainText(HTMLParser):
    def __init__(self, *, whole: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.inside_main = whole
        # Open elements inside a skipped one, the skipped one included.
        self.skip_depth = 0
        self.pieces: list[str] = []
        self.in_heading = False
        self.heading: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            if tag == "br":
                self.pieces.append("\n")
        elif self.skip_depth:
            self.skip_depth += 1
        elif tag in SKIPPED_ELEMENTS or any(name == "data-search-skip" for name, _ in attrs):
            self.skip_depth = 1
        elif tag == "main":
            self.inside_main = True
        elif tag in BLOCK_ELEMENTS:
            self.pieces.append("\n")
            self.in_heading = tag == "h1" and self.inside_main and not self.heading

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        if self.skip_depth:
            self.skip_depth -= 1
        elif tag == "main":
            self.inside_main = False
        elif tag in BLOCK_ELEMENTS:
            self.pieces.append("\n")
            if tag == "h1":
                self.in_heading = False

    def handle_data(self, data: str) -> None:
        if self.inside_main and not self.skip_depth:
            self.pieces.append(data)
            if self.in_heading:
                self.heading.append(data)


def _read(html: str, *, main_only: bool) -> _MainText:
    parser = _MainText(whole=not main_only)
    parser.feed(html)
    parser.close()
    return parser


def _clean(text: str) -> str:
    """One line per block, single spaces, and no private-use or control characters (search marks
    its snippets with private-use characters)."""
    lines = (
        " ".join(
            "".join(
                " " if unicodedata.category(char) in {"Co", "Cc", "Cf", "Cs"} else char
                for char in line
            ).split()
        )
        for line in text.splitlines()
    )
    return "\n".join(line for line in lines if line)


def plain_text(html: str) -> str:
    """The words of ``html`` as a reader meets them."""
    return _clean("".join(_read(html, main_only=False).pieces))


def rendered_page(
    url: str,
    kind: str,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    secondary: bool = False,
) -> Document:
    """A page made from a template, read as an anonymous visitor would see it at ``url``: the
    text of its ``<main>``, titled by its main heading."""
    request = HttpRequest()
    request.path = request.path_info = url
    request.method = "GET"
    page = _read(render_to_string(template, context or {}, request=request), main_only=True)
    return Document(
        url=url,
        title=" ".join("".join(page.heading).split()),
        kind=kind,
        text=_clean("".join(page.pieces)),
        secondary=secondary,
    )


def public_documents() -> tuple[Document, ...]:
    """Every page search finds, in the order its sources list them (the order ties are shown)."""
    found: list[Document] = []
    for source in registry.search_sources():
        pages: Iterable[Document] = source()
        found.extend(pages)
    return tuple(found)
