"""What a browser would fetch and submit from a page: pure parsing of HTML, no network."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Link relations a browser downloads while loading a page (prefetch and friends are left out:
# they are hints a slow phone may ignore, and the site does not use them).
FETCHED_LINK_RELS = frozenset({"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload"})


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str  # hidden, radio, checkbox, text, number, search, select, textarea, submit
    choices: tuple[str, ...] = ()
    value: str = ""


@dataclass(frozen=True, slots=True)
class Form:
    action: str
    method: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return next((item for item in self.fields if item.name == name), None)

    @property
    def asks_something(self) -> bool:
        """True for a question; false for a button-only form such as "Start again"."""
        return any(item.kind not in {"hidden", "submit"} for item in self.fields)


@dataclass(slots=True)
class Page:
    """Everything of a page the benchmark needs, with URLs resolved against the page's own."""

    url: str
    subresources: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    start_links: list[str] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)

    def links_under(self, prefix: str) -> list[str]:
        return [link for link in self.links if urlsplit(link).path.startswith(prefix)]


@dataclass(slots=True)
class _OpenForm:
    action: str
    method: str
    order: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, kind: str, value: str) -> None:
        if name not in self.kinds:
            self.order.append(name)
            self.kinds[name] = kind
            self.choices[name] = []
            self.values[name] = value
        if kind in {"radio", "checkbox", "select", "submit"}:
            self.choices[name].append(value)

    def close(self) -> Form:
        return Form(
            action=self.action,
            method=self.method,
            fields=tuple(
                Field(name, self.kinds[name], tuple(self.choices[name]), self.values[name])
                for name in self.order
            ),
        )


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.form: _OpenForm | None = None
        self.select: str | None = None

    def _url(self, value: str | None) -> str | None:
        if not value or value.startswith(("data:", "#", "mailto:", "tel:", "javascript:")):
            return None
        return urljoin(self.page.url, value)

    def _resource(self, value: str | None) -> None:
        url = self._url(value)
        if url and url not in self.page.subresources:
            self.page.subresources.append(url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if tag == "link" and FETCHED_LINK_RELS & set(attr.get("rel", "").lower().split()):
            self._resource(attr.get("href"))
        elif tag in {"script", "img", "source", "video", "audio"} and "src" in attr:
            self._resource(attr["src"])
        elif tag == "a":
            url = self._url(attr.get("href"))
            if url:
                self.page.links.append(url)
                classes = attr.get("class", "").split()
                if "govuk-button--start" in classes or attr.get("role") == "button":
                    self.page.start_links.append(url)
        elif tag == "form":
            action = self._url(attr.get("action")) or self.page.url
            self.form = _OpenForm(action, (attr.get("method") or "get").lower())
        elif self.form is not None:
            self._form_control(tag, attr)

    def _form_control(self, tag: str, attr: dict[str, str]) -> None:
        assert self.form is not None
        name = attr.get("name")
        if tag == "input" and name:
            kind = attr.get("type", "text").lower()
            if kind in {"button", "reset", "image", "file"}:
                return
            self.form.add(name, kind, attr.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "button" and name and attr.get("type", "submit").lower() == "submit":
            self.form.add(name, "submit", attr.get("value", ""))
        elif tag == "textarea" and name:
            self.form.add(name, "textarea", "")
        elif tag == "select" and name:
            self.select = name
            self.form.kinds.setdefault(name, "select")
            if name not in self.form.order:
                self.form.order.append(name)
                self.form.choices[name] = []
                self.form.values[name] = ""
        elif tag == "option" and self.select and "value" in attr:
            self.form.choices[self.select].append(attr["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None
        elif tag == "form" and self.form is not None:
            self.page.forms.append(self.form.close())
            self.form = None


def parse_page(url: str, html: str) -> Page:
    page = Page(url)
    parser = _Parser(page)
    parser.feed(html)
    parser.close()
    return page
