"""Reading pages as a browser without JavaScript does: the elements a test looks for, the forms it
can submit with what they hold by default, the links it can follow and the files it downloads.

One parser for the in-process tests, the tests against a real server and the bench."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.filter import SoupStrainer

# Link relations a browser downloads while loading a page (prefetch and friends are left out:
# they are hints a slow phone may ignore, and the site does not use them).
FETCHED_LINK_RELS = frozenset({"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload"})
# Controls that send nothing unless pressed, or send a file the tests never choose.
UNSENT_TYPES = frozenset({"submit", "button", "image", "reset", "file"})


def parse(html: str | bytes) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


class _WhatAJourneyReads(SoupStrainer):
    """Forms, a result's care card marker, error summaries and start buttons, each whole with
    everything inside it, and nothing else of the page: a journey reads only these, and building
    the rest of the page's tree is most of the cost of parsing it. Templates are kept whole too,
    so that what is inside one stays inert, as in the whole page (the offline error summary)."""

    def allow_tag_creation(self, nsprefix: str | None, name: str, attrs: Any) -> bool:
        attributes = attrs or {}
        classes = str(attributes.get("class", "")).split()
        return (
            name in {"form", "template"}
            or "data-disposition" in attributes
            or "govuk-error-summary" in classes
            or (name == "a" and "govuk-button" in classes)
        )

    def allow_string_creation(self, string: str) -> bool:
        return False


def one(page: Tag, selector: str) -> Tag:
    """The one element the selector finds; the test fails, naming it, when there is none."""
    found = page.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found


def attr(element: Tag, name: str) -> str:
    value = element.get(name)
    assert isinstance(value, str), f"{name} is {value!r} on {element}"
    return value


def title(page: Tag) -> str:
    return one(page, "title").get_text()


def soup_of(response: Any) -> BeautifulSoup:
    """A Django test client's page, which must have been served."""
    assert response.status_code == 200, response.status_code
    return parse(response.content)


def text_of(response: Any) -> str:
    return soup_of(response).get_text(" ", strip=True)


@dataclass
class Form:
    action: str
    method: str
    # Every field the form sends, with the values a browser sends untouched (none for a box
    # left unticked).
    fields: dict[str, list[str]] = field(default_factory=dict)
    # The values a person can choose from: radios, checkboxes and select options.
    choices: dict[str, list[str]] = field(default_factory=dict)
    # "radio", "checkbox", "select", "textarea", "hidden", "text", "number", "search"...
    kinds: dict[str, str] = field(default_factory=dict)

    def asks(self) -> bool:
        """Whether the form asks the person something (a "start again" button asks nothing)."""
        return any(kind != "hidden" for kind in self.kinds.values())

    def defaults(self) -> dict[str, list[str]]:
        return {name: list(values) for name, values in self.fields.items()}

    def data(self) -> dict[str, str | list[str]]:
        """What a browser submits untouched, one value as a string, as tests write their data."""
        return {
            name: values[0] if len(values) == 1 else values for name, values in self.fields.items()
        }


def parse_form(page_url: str, element: Tag) -> Form:
    form = Form(
        action=urljoin(page_url, str(element.get("action") or page_url)),
        method=str(element.get("method") or "get").lower(),
    )
    for control in element.find_all(["input", "select", "textarea"]):
        name = control.get("name")
        if not name or control.has_attr("disabled"):
            continue
        name = str(name)
        kind = control.name if control.name != "input" else str(control.get("type") or "text")
        kind = kind.lower()
        if kind in UNSENT_TYPES:
            continue
        form.kinds.setdefault(name, kind)
        values = form.fields.setdefault(name, [])
        if kind in {"radio", "checkbox"}:
            value = str(control.get("value", "on"))
            form.choices.setdefault(name, []).append(value)
            if control.has_attr("checked"):
                values.append(value)
        elif kind == "select":
            options = control.find_all("option")
            form.choices[name] = [str(option.get("value", option.text)) for option in options]
            chosen = [option for option in options if option.has_attr("selected")]
            # A single select with nothing marked sends its first option, as browsers do.
            if not chosen and not control.has_attr("multiple"):
                chosen = options[:1]
            values.extend(str(option.get("value", option.text)) for option in chosen)
        elif kind == "textarea":
            # Browsers drop the one newline that may follow <textarea>.
            values.append(control.text.removeprefix("\n").replace("\r\n", "\n"))
        else:
            values.append(str(control.get("value", "")))
    return form


def form_data(html: str | bytes, selector: str = "form") -> dict[str, str | list[str]]:
    """What a browser would submit from the form the selector finds, untouched."""
    element = one(parse(html), selector)
    return parse_form("", element).data()


@dataclass(frozen=True)
class Page:
    url: str
    status: int
    html: str
    # Lower-cased names; over HTTP only (the Django test client's response has its own).
    headers: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def soup(self) -> BeautifulSoup:
        return parse(self.html)

    @cached_property
    def journey_parts(self) -> BeautifulSoup:
        """Only what a journey reads (_WhatAJourneyReads), parsed in half the time."""
        return BeautifulSoup(self.html, "html.parser", parse_only=_WhatAJourneyReads())

    def text(self) -> str:
        return self.soup.get_text(" ", strip=True)

    @property
    def disposition(self) -> str | None:
        """The outcome a checker result shows, from its care card."""
        marked = self.journey_parts.select_one("[data-disposition]")
        return str(marked["data-disposition"]) if marked is not None else None

    def forms(self) -> list[Form]:
        return [parse_form(self.url, element) for element in self.journey_parts.find_all("form")]

    def form(self, selector: str = "main form[method=post]") -> Form:
        """The form the selector finds; by default the page's own, in its main content."""
        return parse_form(self.url, one(self.soup, selector))

    def links(self) -> list[str]:
        """Links to other pages of this site, as path and query."""
        origin = urlsplit(self.url).netloc
        found = []
        for anchor in self.soup.find_all("a", href=True):
            if str(anchor["href"]).startswith("#"):
                continue
            parts = urlsplit(urljoin(self.url, str(anchor["href"])))
            if parts.scheme in {"", "http", "https"} and parts.netloc in {"", origin}:
                found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        return found

    def start_link(self) -> str | None:
        """Where a start button ("Start now") leads."""
        button = self.journey_parts.select_one("a.govuk-button--start, a.govuk-button[href]")
        return urljoin(self.url, str(button["href"])) if button is not None else None

    def subresources(self) -> list[str]:
        """The files a browser downloads to show the page: styles, scripts, icons, images."""
        found: list[str] = []
        for element in self.soup.find_all(["link", "script", "img", "source", "video", "audio"]):
            if element.name == "link":
                rels = {str(rel).lower() for rel in element.get_attribute_list("rel") if rel}
                address = element.get("href") if FETCHED_LINK_RELS & rels else None
            else:
                address = element.get("src")
            if not address or str(address).startswith(("data:", "#")):
                continue
            url = urljoin(self.url, str(address))
            if url not in found:
                found.append(url)
        return found
