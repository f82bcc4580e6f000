"""Hostile and malformed input never breaks the site: no 5xx, a clear page, and nothing the person
already answered is lost.

The forms and addresses come from crawling the site from its home page and walking the checker to
each kind of result, so a new page or form is fuzzed without this file changing. Each form is
posted with the session it was found in (sessions are signed cookies, so the state is the cookie).
"""

import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from backspasm.web.encryptedcookies import SessionStore
from tests.support.checker import EVERY_ENDING, client_fetch, walk_checker
from tests.support.html import Form, Page

pytestmark = pytest.mark.django_db

SESSION = settings.SESSION_COOKIE_NAME
MAX_PAGES = 150
SKIPPED_PREFIXES = ("/admin/", "/static/")
ERROR_SUMMARY = "govuk-error-summary"
FUZZ = hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass(frozen=True)
class FoundForm:
    form: Form
    session: str  # the session cookie the form was shown with


@dataclass
class SiteMap:
    pages: dict[str, int] = field(default_factory=dict)
    forms: dict[tuple[str, frozenset[str]], FoundForm] = field(default_factory=dict)
    sessions: list[str] = field(default_factory=list)

    def record(self, client: Client, page: Page) -> None:
        path = urlsplit(page.url).path
        self.pages[path] = page.status
        session = client.cookies[SESSION].value if SESSION in client.cookies else ""
        if session and session not in self.sessions:
            self.sessions.append(session)
        for form in page.forms():
            key = (urlsplit(form.action).path, frozenset(form.fields))
            if form.method == "post" and key not in self.forms:
                self.forms[key] = FoundForm(form, session)

    @property
    def post_forms(self) -> list[FoundForm]:
        return list(self.forms.values())


def fetcher(client: Client, site: SiteMap):
    fetch_page = client_fetch(client)

    def fetch(method: str, url: str, data: dict[str, list[str]] | None) -> Page:
        page = fetch_page(method, url, data)
        site.record(client, page)
        return page

    return fetch


def crawl(client: Client, site: SiteMap, start: str) -> None:
    fetch = fetcher(client, site)
    queue, seen = deque([start]), {start}
    while queue and len(seen) <= MAX_PAGES:
        page = fetch("GET", queue.popleft(), None)
        if "text/html" not in page.html[:200] and "<html" not in page.html[:500]:
            continue
        for link in page.links():
            path = urlsplit(link).path
            if path not in seen and not path.startswith(SKIPPED_PREFIXES):
                seen.add(path)
                queue.append(link)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker) -> SiteMap:
    """Crawled once per module, outside any test's transaction: what the crawl writes (the
    checker's outcome counts) is rolled back here, or every later test in this process sees it."""
    found = SiteMap()
    with django_db_blocker.unblock(), transaction.atomic():
        crawl(Client(), found, "/")
        for answers in EVERY_ENDING:
            client = Client()
            walk_checker(fetcher(client, found), answers)
            crawl(client, found, "/self-care/")
        transaction.set_rollback(True)
    return found


def session_data(client: Client) -> dict[str, object]:
    if SESSION not in client.cookies:
        return {}
    return dict(SessionStore(client.cookies[SESSION].value).load())


def client_with(session: str, **kwargs) -> Client:
    client = Client(**kwargs)
    if session:
        client.cookies[SESSION] = session
    return client


def browser_with(session: str) -> Client:
    """A browser that has a CSRF cookie, as anyone who opened a form has, with CSRF checks on as
    in production: the middleware reads the body before any view runs."""
    client = client_with(session, enforce_csrf_checks=True)
    client.cookies[settings.CSRF_COOKIE_NAME] = "k" * 32
    return client


# Values a person, a broken browser or an attacker might send.
ODD_VALUES = st.sampled_from(
    [
        "",
        " ",
        "yes",
        "no",
        "none",
        "on",
        "-1",
        "0",
        "1e9",
        "99999999999999999999999",
        "4.5",
        "NaN",
        "\x00",
        "4\x002",
        "\u202e42",
        "４２",
        "٤٢",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "../../etc/passwd",
        "%00",
        "\r\nSet-Cookie: x=1",
        "x" * 5_000,
        # Just under the body limit alone; with other fields it may go over (a clear 400).
        "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE - 1_000),
    ]
)
JUNK = st.one_of(ODD_VALUES, st.text(max_size=40), st.integers().map(str))


def field_values(form: Form):
    """For each field: left out, or one or more values, some valid, some garbage."""
    strategies = {}
    for name in form.fields:
        if form.kinds.get(name) == "hidden":
            continue
        valid = st.sampled_from(form.choices[name]) if form.choices.get(name) else JUNK
        value = st.one_of(valid, JUNK)
        strategies[name] = st.one_of(st.none(), st.lists(value, min_size=1, max_size=3))
    return st.fixed_dictionaries(strategies)


def draw_submission(data, site: SiteMap) -> tuple[FoundForm, dict[str, list[str]]]:
    found = data.draw(st.sampled_from(site.post_forms), label="form")
    values = data.draw(field_values(found.form), label="values")
    return found, {name: value for name, value in values.items() if value is not None}


def assert_no_server_error(response, what: str) -> None:
    assert response.status_code < 500, f"{what} answered {response.status_code}"


def assert_typed_answers_kept(html: str, form: Form, posted: dict[str, list[str]]) -> None:
    """On a page with errors, every answer the person gave is shown back to them."""
    soup = BeautifulSoup(html, "html.parser")
    for name, values in posted.items():
        controls = soup.select(f'[name="{name}"]')
        kind = form.kinds.get(name)
        if not controls or kind == "hidden":
            continue
        if kind in {"radio", "checkbox"}:
            offered = {control.get("value") for control in controls}
            checked = {control.get("value") for control in controls if control.has_attr("checked")}
            chosen = {value for value in values if value in offered and value != "none"}
            if kind == "radio":
                chosen = set(values[-1:]) & offered
            assert chosen <= checked, f"{name}: chose {chosen}, shown {checked}"
        elif len(values) == 1 and values[0].isprintable() and len(values[0]) < 200:
            shown = str(controls[0].get("value", controls[0].text) or "")
            assert shown.strip() == values[0].strip(), f"{name}: typed {values[0]!r}"


def test_the_crawl_finds_the_whole_site(site: SiteMap):
    paths = set(site.pages)

    assert {"/", "/check/", "/check/result/", "/self-care/", "/privacy/"} <= paths
    assert any(path.startswith("/guidance/") for path in paths)
    assert any(path.startswith("/check/") and path.count("/") == 3 for path in paths)
    assert len(site.post_forms) >= 10, sorted(key for key, _ in site.forms)


def test_no_page_on_the_site_is_a_server_error(site: SiteMap):
    errors = {path: status for path, status in site.pages.items() if status >= 500}

    assert errors == {}
    assert len(site.pages) >= 20


@FUZZ
@given(data=st.data())
def test_garbage_posted_to_any_form_gives_a_clear_page_and_keeps_answers(site: SiteMap, data):
    found, posted = draw_submission(data, site)
    client = client_with(found.session)
    before = session_data(client)

    response = client.post(found.form.action, {**found.form.defaults(), **posted})

    assert_no_server_error(response, found.form.action)
    html = response.content.decode(errors="replace")
    if response.status_code == 200 and ERROR_SUMMARY in html:
        assert session_data(client) == before, "a rejected answer changed the saved answers"
        for link in BeautifulSoup(html, "html.parser").select(".govuk-error-summary__list a"):
            assert BeautifulSoup(html, "html.parser").find(id=str(link["href"]).lstrip("#"))
        assert_typed_answers_kept(html, found.form, posted)


@FUZZ
@given(data=st.data())
def test_garbage_from_htmx_never_errors(site: SiteMap, data):
    found, posted = draw_submission(data, site)

    response = client_with(found.session, headers={"HX-Request": "true"}).post(
        found.form.action, {**found.form.defaults(), **posted}
    )

    assert_no_server_error(response, found.form.action)


def test_an_oversized_body_gets_a_clear_page_and_keeps_the_session(site: SiteMap):
    for found in site.post_forms:
        client = browser_with(found.session)
        before = session_data(client)
        huge = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

        response = client.post(
            found.form.action, f"a={huge}", content_type="application/x-www-form-urlencoded"
        )

        assert response.status_code == 400, found.form.action
        assert "Sorry, we could not read what was sent" in response.content.decode()
        assert 'href="tel:999"' in response.content.decode()
        assert session_data(client) == before


def test_too_many_fields_get_a_clear_page(site: SiteMap):
    for found in site.post_forms:
        fields = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

        response = browser_with(found.session).post(found.form.action, fields)

        assert response.status_code == 400, found.form.action
        assert "Sorry, we could not read what was sent" in response.content.decode()


def test_a_post_without_a_csrf_token_is_refused_with_a_clear_page(site: SiteMap):
    for found in site.post_forms:
        client = client_with(found.session, enforce_csrf_checks=True)
        before = session_data(client)

        response = client.post(found.form.action, found.form.defaults())

        assert response.status_code == 403, found.form.action
        body = response.content.decode()
        assert "Sorry, we could not accept your answer" in body
        assert "Answers you gave before this page are still saved" in body
        assert 'href="tel:999"' in body
        assert session_data(client) == before


def tamper(cookie: str, how: str, position: int, junk: str) -> str:
    position %= max(len(cookie), 1)
    if how == "truncate":
        return cookie[:position]
    if how == "flip":
        flipped = "A" if cookie[position] != "A" else "B"
        return cookie[:position] + flipped + cookie[position + 1 :]
    if how == "append":
        return cookie + junk
    return junk


@FUZZ
@given(
    data=st.data(),
    how=st.sampled_from(["truncate", "flip", "append", "replace"]),
    position=st.integers(min_value=0),
    junk=st.text(alphabet=st.characters(codec="ascii", exclude_characters=";\r\n"), max_size=60),
)
def test_a_tampered_session_cookie_is_ignored_never_an_error(
    site: SiteMap, data, how, position, junk
):
    cookie = data.draw(st.sampled_from(site.sessions), label="session")
    path = data.draw(st.sampled_from(sorted(site.pages)), label="page")
    client = client_with(tamper(cookie, how, position, junk))

    response = client.get(path, follow=True)

    assert_no_server_error(response, path)


JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text()),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=20), children, max_size=4)
    ),
    max_leaves=10,
)


@FUZZ
@given(data=st.data())
def test_a_valid_session_holding_unexpected_values_never_breaks_a_page(site: SiteMap, data):
    """Sessions outlive releases: what an old release stored must not break a new one."""
    real = data.draw(st.sampled_from(site.sessions), label="session")
    stored = SessionStore(real).load()
    key = data.draw(st.sampled_from(sorted(stored)), label="key")
    value = stored[key]
    if isinstance(value, dict) and value and data.draw(st.booleans(), label="inner"):
        inner = data.draw(st.sampled_from(sorted(value)), label="inner key")
        stored[key] = {**value, inner: data.draw(JSON, label="inner value")}
    else:
        stored[key] = data.draw(JSON, label="value")
    rewritten = SessionStore()
    rewritten.update(stored)
    rewritten.save()
    cookie = str(rewritten.session_key)
    path = data.draw(st.sampled_from(sorted(site.pages)), label="page")

    response = client_with(cookie).get(path, follow=True)

    assert_no_server_error(response, f"{path} with {key}={stored[key]!r}")


PATH_JUNK = st.one_of(
    st.text(min_size=1, max_size=30).map(lambda text: quote(text, safe="")),
    st.sampled_from(
        ["%00", "%ff%fe", "..%2f..%2fetc%2fpasswd", "a" * 300, "%2e%2e", "answers/extra", "-1"]
    ),
)


@FUZZ
@given(
    prefix=st.sampled_from(
        ["/", "/check/", "/self-care/", "/self-care/exercises/", "/guidance/", "/guidance/preview/"]
    ),
    junk=PATH_JUNK,
    trailing=st.sampled_from(["", "/"]),
)
def test_unknown_addresses_and_steps_are_a_clear_404_never_an_error(prefix, junk, trailing):
    response = Client().get(f"{prefix}{junk}{trailing}")

    assert_no_server_error(response, f"{prefix}{junk}")
    if response.status_code == 404:
        assert "Page not found" in response.content.decode()


@FUZZ
@given(
    path=st.sampled_from(["/search/", "/guidance/", "/check/", "/self-care/diary/", "/"]),
    query=st.dictionaries(
        st.sampled_from(["q", "page", "step", "next", "date", "x"]), JUNK, max_size=3
    ),
)
def test_junk_in_the_query_string_never_errors(path, query):
    response = Client().get(path, query)

    assert_no_server_error(response, path)


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options", "trace"])
def test_unexpected_methods_are_refused_never_an_error(site: SiteMap, method: str):
    for path in sorted(site.pages)[:40]:
        response = getattr(Client(), method)(path)

        assert_no_server_error(response, f"{method.upper()} {path}")


def test_error_summary_links_point_at_real_fields(site: SiteMap):
    """Checked once directly so the property test above cannot pass by never seeing an error."""
    errors = 0
    for found in site.post_forms:
        response = client_with(found.session).post(found.form.action, {})
        html = response.content.decode()
        if ERROR_SUMMARY not in html:
            continue
        errors += 1
        soup = BeautifulSoup(html, "html.parser")
        for link in soup.select(".govuk-error-summary__list a"):
            target = str(link["href"])
            assert re.fullmatch(r"#[\w-]+", target), link
            assert soup.find(id=target[1:]), (found.form.action, target)
    assert errors >= 5
