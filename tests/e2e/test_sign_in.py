"""Staff sign-in, authenticator set-up and the lockout page, in Chromium, with and without
JavaScript, checked by axe."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.e2e.audit import assert_none, axe_problems

PASSWORD = "quiet-otter-river-9"


@pytest.fixture
def new_editor(transactional_db: None) -> User:
    return User.objects.create_user("sam", password=PASSWORD, is_staff=True)


def enter_password(page: Page, password: str) -> None:
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_new_editor_signs_in_and_is_shown_how_to_set_up_an_authenticator_app(
    open_page: Callable[..., Page], new_editor: User, javascript: bool
):
    page = open_page(javascript=javascript)
    # axe runs in the page, so only where JavaScript is on; the markup is the same either way.
    problems: list[str] = []
    page.goto("/admin/")
    expect(page.get_by_role("heading", name="Sign in to edit the guidance")).to_be_visible()
    problems += axe_problems(page) if javascript else []

    enter_password(page, PASSWORD)
    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    problems += axe_problems(page) if javascript else []
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Scan this code")).to_be_visible()
    expect(page.get_by_role("img", name="QR code")).to_be_visible()
    expect(page.get_by_label("6-digit code")).to_be_visible()
    problems += axe_problems(page) if javascript else []
    assert_none(problems)


def test_the_lockout_page_says_how_to_get_back_in(open_page: Callable[..., Page], new_editor: User):
    page = open_page()
    for attempt in range(5):
        page.goto("/admin/account/login/")
        enter_password(page, f"wrong-guess-{attempt}")

    expect(page.get_by_role("heading", name="Sign-in is locked for now")).to_be_visible()
    assert_none(axe_problems(page))
