"""HEAD answers wherever GET does (RFC 9110 requires it of every server): link checkers, uptime
monitors and some proxies ask HEAD first, and a 405 reads to them as a broken page.

Every URL pattern of the site (Django's own admin apart) is asked over real HTTP against a live
server, by a person with a self-care result and by an editor signed in with both factors."""

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.accounts.signin import PASSWORD, authenticator_for, current_code
from tests.support.checker import walk_checker
from tests.support.server import Browser
from triage.steps import FIRST_STEP


@pytest.fixture
def live_server(django_db_setup, live_server, transactional_db):
    """Started after the test database exists (tests/e2e/conftest.py explains why)."""
    return live_server


def named_patterns(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue  # Django's admin site: its own views, not ours
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def first_link(browser: Browser, page: str, shape: str) -> str:
    return next(link for link in browser.get(page).links() if re.fullmatch(shape, link))


def site_paths(browser: Browser) -> list[str]:
    examples = {
        "content:article": first_link(browser, "/guidance/", r"/guidance/[\w-]+/"),
        "selfcare:exercise": first_link(
            browser, "/self-care/exercises/", r"/self-care/exercises/[\w-]+/"
        ),
    }
    arguments = {"slug": FIRST_STEP.slug, "pk": 1}
    paths = []
    for name, pattern in named_patterns(get_resolver()):
        if name in examples:
            paths.append(examples[name])
            continue
        needed = {key: arguments[key] for key in pattern.pattern.converters}
        paths.append(reverse(name, kwargs=needed))
    return paths


def answered_by_get_and_head(browser: Browser, paths: list[str]) -> list[tuple[str, int, int]]:
    found = []
    for path in paths:
        got = browser.request("GET", path, None)
        if got.status == 405:
            continue
        head = browser.request("HEAD", path, None)
        found.append((path, got.status, head.status))
    return found


def test_every_page_that_answers_get_answers_head_the_same(live_server):
    person = Browser(live_server.url)
    walk_checker(person.fetch, {})  # a self-care result opens the personal pages
    editor = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    device = authenticator_for(editor)
    staff = Browser(live_server.url)
    page = staff.get("/admin/account/login/")
    page = staff.submit(
        page.form("#login-form"), {"auth-username": "editor", "auth-password": PASSWORD}
    )
    staff.submit(page.form("#login-form"), {"token-otp_token": current_code(device)})
    paths = site_paths(person)
    assert {"/self-care/plan/", "/check/result/", "/admin/account/devices/"} <= set(paths)

    for browser in (person, staff):
        answers = answered_by_get_and_head(browser, paths)
        assert [(path, get) for path, get, head in answers if head != get] == []
        assert len(answers) >= len(paths) - 3, "start again, feedback and the like are POST-only"
    assert staff.request("HEAD", "/admin/account/devices/", None).status == 200
    assert person.request("HEAD", "/self-care/plan/", None).status == 200
