"""Turns an editor's Markdown into HTML that is safe to put on a public page.

Two maintained libraries, one after the other: markdown-it-py parses (with raw HTML switched off,
so any HTML an editor types shows as text), then nh3 keeps only an allow-list of tags, attributes
and link schemes. The sanitiser runs last so that nothing the parser produces, now or after an
upgrade, reaches a page unchecked.

A paragraph that is only a block line becomes our own HTML, added after the editor's text is
sanitised: ``{{ care-card: cauda-equina }}`` is that care card (warning signs built from the
symptom checker's rules), ``{{ self-care-steps }}`` the self-care steps the /self-care/ page shows,
``{{ medicines }}`` the medicines advice the results, the plan and the diary show. Editors choose a
block; they cannot reword what it says.
"""

import logging
import re
from collections.abc import Callable, Iterable
from typing import Final

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from selfcare.steps import render_self_care_steps
from triage.cards import CARDS
from triage.templatetags.care_cards import render_care_card
from triage.templatetags.medicines import render_medicines_advice

logger = logging.getLogger(__name__)

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
# mdurl builds its percent-encoding tables on first use and shares each before it is full, so two
# threads rendering their first link at once could read a half-built one: an IndexError, a 500.
# A link and an address rendered while this module loads fill them for every thread; under
# gunicorn's preload that is in the master, before the workers fork.
_parser.render("[a link](/) <https://example.org/>")


# A whole paragraph in double braces is a block; anything inside that is not a known block name
# is an editor's mistake, caught by validation before it is saved.
_BLOCK: Final = re.compile(r"\{\{(?P<inside>.*)\}\}")
_CARD: Final = re.compile(r"\s*care-card\s*:\s*(?P<name>\S+)\s*")
SELF_CARE_STEPS: Final = "self-care-steps"
MEDICINES: Final = "medicines"
# Blocks written once elsewhere, by the app that owns them.
_WRITTEN_ONCE: Final[dict[str, Callable[[], str]]] = {
    SELF_CARE_STEPS: render_self_care_steps,
    MEDICINES: lambda: render_medicines_advice(guidance=True),
}


def block_help() -> str:
    """For editors: how to place a block (the blocks themselves are listed in a table)."""
    return (
        "To show a list of warning signs, put a care card on a line of its own, for example "
        "{{ care-card: cauda-equina }}. The cards list the symptom checker's own words, so "
        "they cannot be reworded here: the table of care cards in the writing help lists them. "
        "To show the self-care steps from the self-care page, put {{ self-care-steps }} on a "
        "line of its own; for the medicines advice that results and plans give, {{ medicines }}."
    )


def blocks_to_place() -> list[tuple[str, str]]:
    """Each block line an editor can type, and what it shows."""
    return [
        *((f"{{{{ care-card: {name} }}}}", card.description) for name, card in CARDS.items()),
        (f"{{{{ {SELF_CARE_STEPS} }}}}", "The self-care steps, as the self-care page shows them."),
    ]


def _block_text(paragraph: list[Token]) -> str | None:
    """The text inside braces when a paragraph is nothing but ``{{ ... }}``, else None."""
    if len(paragraph) != 3 or paragraph[1].type != "inline" or paragraph[0].level != 0:
        return None
    match = _BLOCK.fullmatch(paragraph[1].content.strip())
    return match["inside"] if match else None


def _written_once(inside: str) -> str | None:
    """The name of a block written once elsewhere (self-care steps, medicines), else None."""
    name = inside.strip()
    return name if name in _WRITTEN_ONCE else None


def _card_name(inside: str) -> str | None:
    match = _CARD.fullmatch(inside)
    return match["name"] if match and match["name"] in CARDS else None


def _blocks(tokens: list[Token]) -> Iterable[tuple[str | None, list[Token]]]:
    """Split the tokens into runs of editor's Markdown and single block paragraphs."""
    run: list[Token] = []
    index = 0
    while index < len(tokens):
        paragraph = tokens[index : index + 3]
        inside = _block_text(paragraph) if tokens[index].type == "paragraph_open" else None
        if inside is None:
            run.append(tokens[index])
            index += 1
            continue
        if run:
            yield None, run
            run = []
        yield inside, paragraph
        index += 3
    if run:
        yield None, run


def unknown_blocks(source: str) -> list[str]:
    """Every block line whose name is not a care card, as the editor typed it."""
    return [
        f"{{{{{inside}}}}}"
        for inside, _ in _blocks(_parser.parse(source))
        if inside is not None and _card_name(inside) is None and _written_once(inside) is None
    ]


def card_names(source: str) -> list[str]:
    """The care cards the text places, in order."""
    return [
        name
        for inside, _ in _blocks(_parser.parse(source))
        if inside is not None and (name := _card_name(inside)) is not None
    ]


def render_markdown(source: str) -> str:
    tokens = _parser.parse(source)
    for token in tokens:
        if token.type in {"heading_open", "heading_close"}:
            level = max(int(token.tag[1]), _HIGHEST_HEADING)
            token.tag = f"h{level}"
    parts: list[str] = []
    for inside, run in _blocks(tokens):
        if inside is None:
            parts.append(_clean(_parser.renderer.render(run, _parser.options, {})))
        elif (name := _card_name(inside)) is not None:
            parts.append(render_care_card(name))
        elif (block := _written_once(inside)) is not None:
            parts.append(_WRITTEN_ONCE[block]())
        else:
            # Validation stops this on save; one stored before a card was renamed shows nothing.
            logger.warning("Unknown block in an article body: {{%s}}", inside)
    return "".join(parts)


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )
