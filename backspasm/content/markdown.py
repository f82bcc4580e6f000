"""Turns an editor's Markdown into HTML that is safe to put on a public page.

Two maintained libraries, one after the other: markdown-it-py parses (with raw HTML switched off,
so any HTML an editor types shows as text), then nh3 keeps only an allow-list of tags, attributes
and link schemes. The sanitiser runs last so that nothing the parser produces, now or after an
upgrade, reaches a page unchecked.
"""

from typing import Final

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS: Final = frozenset(
    {
        "a", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol", "p", "pre",
        "strong", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: Final = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES: Final = frozenset({"https", "http", "mailto", "tel"})
LINK_REL: Final = "noopener noreferrer"

# The page title is the only <h1>; an editor's "# Heading" becomes a section heading instead.
_HIGHEST_HEADING = 2

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def render_markdown(source: str) -> str:
    tokens = _parser.parse(source)
    for token in tokens:
        if token.type in {"heading_open", "heading_close"}:
            level = max(int(token.tag[1]), _HIGHEST_HEADING)
            token.tag = f"h{level}"
    html = _parser.renderer.render(tokens, _parser.options, {})
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )
