"""How easy an article is to read: its reading age and its longest sentences.

The reading age is the Flesch-Kincaid grade from textstat plus 5 (a US school grade is about five
years behind the age of the children in it). Health content in the UK aims for a reading age of
9 to 11, because many adults, and anyone frightened or in pain, read at that level.

Only running text counts: paragraphs and list items, read from the Markdown parser's own tokens,
so link addresses and heading lines do not skew the figure. A list item with no full stop is
still a sentence of its own.
"""

import re
from dataclasses import dataclass
from typing import Final

import textstat
from markdown_it import MarkdownIt

TARGET_LOWEST: Final = 9
TARGET_HIGHEST: Final = 11
LONG_SENTENCE_WORDS: Final = 25  # above this, a sentence is hard to hold in mind at once
SHOWN_SENTENCES: Final = 3
_GRADE_TO_AGE: Final = 5

_parser = MarkdownIt("commonmark", {"html": False})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?>")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    words: int

    @property
    def long(self) -> bool:
        return self.words > LONG_SENTENCE_WORDS


@dataclass(frozen=True, slots=True)
class Readability:
    reading_age: int | None  # None when there is no running text to measure
    longest: tuple[Sentence, ...]
    html_tags: tuple[str, ...]  # tags pasted into the Markdown, which show on the page as text

    @property
    def on_target(self) -> bool:
        return self.reading_age is not None and self.reading_age <= TARGET_HIGHEST

    @property
    def summary(self) -> str:
        if self.reading_age is None:
            return "No text to measure yet"
        verdict = "on target" if self.on_target else "harder than the target"
        target = f"aim for {TARGET_LOWEST} to {TARGET_HIGHEST}"
        return f"Reading age {self.reading_age}: {verdict} ({target})"


def _blocks(markdown: str) -> list[str]:
    """The plain text of each paragraph and list item, headings left out."""
    tokens = _parser.parse(markdown)
    texts: list[str] = []
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline" and not in_heading:
            text = "".join(
                child.content
                for child in token.children or []
                if child.type in {"text", "code_inline"}
            )
            text = " ".join(text.split())
            if text:
                texts.append(text if text[-1] in ".!?:" else f"{text}.")
    return texts


def sentences(markdown: str) -> list[Sentence]:
    found: list[Sentence] = []
    for block in _blocks(markdown):
        for part in _SENTENCE_END.split(block):
            if part.strip():
                found.append(Sentence(part.strip(), len(part.split())))
    return found


def measure(markdown: str) -> Readability:
    all_sentences = sentences(markdown)
    text = " ".join(sentence.text for sentence in all_sentences)
    reading_age = None
    if text:
        reading_age = max(round(textstat.flesch_kincaid_grade(text)) + _GRADE_TO_AGE, _GRADE_TO_AGE)
    longest = sorted(all_sentences, key=lambda sentence: sentence.words, reverse=True)
    tags = tuple(dict.fromkeys(match.group(0) for match in _HTML_TAG.finditer(markdown)))
    return Readability(reading_age, tuple(longest[:SHOWN_SENTENCES]), tags)
