"""An editor's Markdown reaches the page as clean HTML: no scripts, handlers, frames or styles."""

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup, Tag
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from content.markdown import ALLOWED_TAGS, render_markdown
from content.models import Article
from tests.support.html import one

HOSTILE_BODIES = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    '<img src="x" onerror="alert(1)">',
    '<a href="https://nhs.uk" onclick="alert(1)">link</a>',
    "[click me](javascript:alert(1))",
    "[click me](JaVaScRiPt:alert(1))",
    "[click me](&#106;avascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![image](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body { display: none }</style>",
    "<svg><script>alert(1)</script></svg>",
    '<svg onload="alert(1)"><a xlink:href="javascript:alert(1)">x</a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<div style="background:url(javascript:alert(1))">styled</div>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="q"></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<!-- <script>alert(1)</script> -->",
    '[link](https://nhs.uk "title" onmouseover="alert(1)")',
    "<p onmouseover=alert(1)>hover</p>",
    "<<script>script>alert(1)<</script>/script>",
]
BANNED_TAGS = {
    "script", "iframe", "style", "svg", "math", "object", "embed", "form", "input", "img", "meta",
}  # fmt: skip


def elements(html: str) -> list[Tag]:
    found = BeautifulSoup(html, "html.parser").find_all(True)
    return [tag for tag in found if isinstance(tag, Tag)]


@pytest.mark.parametrize("body", HOSTILE_BODIES)
def test_hostile_markup_is_neutralised(body: str):
    html = render_markdown(body)

    for element in elements(html):
        assert element.name in ALLOWED_TAGS
        assert element.name not in BANNED_TAGS
        assert not [name for name in element.attrs if name.lower().startswith("on")]
        assert "style" not in element.attrs
        href = str(element.get("href", ""))
        assert not href.lower().startswith(("javascript:", "data:", "vbscript:"))


def test_markdown_becomes_headings_lists_and_safe_links():
    html = render_markdown(
        "# Big heading\n\n## Section\n\nSome **bold** text.\n\n- one\n- two\n\n"
        "[NHS back pain](https://www.nhs.uk/conditions/back-pain/)"
    )

    assert "<h2>Big heading</h2>" in html
    assert "<h2>Section</h2>" in html
    assert "<strong>bold</strong>" in html
    assert "<li>one</li>" in html
    assert (
        '<a href="https://www.nhs.uk/conditions/back-pain/" rel="noopener noreferrer">'
        "NHS back pain</a>"
    ) in html


def test_an_editors_html_is_shown_as_text_not_run():
    assert render_markdown("<b>bold?</b>") == "<p>&lt;b&gt;bold?&lt;/b&gt;</p>\n"


@given(st.text(max_size=300))
def test_whatever_an_editor_types_only_allowed_tags_come_out(body: str):
    html = render_markdown(body)

    assert {element.name for element in elements(html)} <= ALLOWED_TAGS


@pytest.mark.django_db
def test_a_hostile_body_is_neutralised_on_the_public_page(client: Client):
    Article.objects.filter(slug="medicines").update(
        body='Fine words.\n\n<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>\n\n'
        "[tap](javascript:alert(1))"
    )

    page = BeautifulSoup(client.get("/guidance/medicines/").content, "html.parser")
    prose = one(page, ".app-prose")

    assert prose.select("script, img, [onerror]") == []
    assert not [link for link in prose.select("a") if "javascript" in str(link.get("href", ""))]
    assert "Fine words." in prose.get_text()


# What a new process knows before it renders any page: mdurl's percent-encoding tables, which it
# shares with other threads before they are full, and the site's Markdown reads them for every link.
FULL_TABLES_AT_START = """
import django
django.setup()
import mdurl._decode, mdurl._encode
for tables in (mdurl._encode.encode_cache, mdurl._decode.decode_cache):
    print(len(tables), all(len(table) == 128 for table in tables.values()))
"""


def test_a_new_process_has_every_link_table_full_before_any_page_renders():
    # Two threads rendering their first link at once read a half-built table: a 500 under load.
    started = subprocess.run(
        [sys.executable, "-c", FULL_TABLES_AT_START],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
        capture_output=True,
        text=True,
        check=True,
    )

    encoding, decoding = started.stdout.splitlines()
    assert encoding == "1 True", "the table every link's address is encoded with"
    assert decoding == "1 True", "the table an address shown as text is decoded with"
