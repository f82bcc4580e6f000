"""A new editor sets up an authenticator app, gets backup codes and names the device, in
Chromium, checked by axe; and the set-up asks for the password again when the sign-in is old."""

import base64
import time
from collections.abc import Callable

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from backspasm.accounts.enrolment import SIGNED_IN_AT
from backspasm.web.staffsessions import StaffSessionStore
from tests.e2e.audit import DESKTOP, PHONE, assert_none, axe_problems, overflow_problems, screenshot

PASSWORD = "quiet-otter-river-9"


@pytest.fixture
def new_editor(transactional_db: None) -> User:
    return User.objects.create_user(
        "sam", email="sam@example.org", password=PASSWORD, is_staff=True
    )


def sign_in(page: Page) -> None:
    page.goto("/admin/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def app_code(page: Page) -> str:
    secret = page.locator(".sign-in-key").inner_text().strip()
    return f"{totp(base64.b32decode(secret + '=' * (-len(secret) % 8))):06d}"


def at_both_widths(page: Page, name: str) -> list[str]:
    """Screenshots at a phone's and a desktop's width, and what does not fit on the phone."""
    problems = []
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        screenshot(page, "second-factor", name)
        problems += overflow_problems(page) if size is PHONE else []
    return problems


def test_a_new_editor_sets_up_the_app_gets_backup_codes_and_names_the_device(
    open_page: Callable[..., Page], new_editor: User
):
    page = open_page()
    problems: list[str] = []
    sign_in(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Scan this code")).to_be_visible()
    page.get_by_label("6-digit code").fill(app_code(page))
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Your authenticator app is set up")).to_be_visible()
    problems += axe_problems(page)
    page.get_by_role("link", name="Get backup codes").click()
    page.get_by_role("button", name="Make backup codes").click()
    expect(page.locator(".sign-in-codes li")).to_have_count(10)
    problems += axe_problems(page)
    page.get_by_role("link", name="Continue").click()
    page.get_by_role("link", name="Your sign-in devices").click()

    expect(page.get_by_role("heading", name="Your sign-in devices")).to_be_visible()
    expect(page.get_by_role("heading", name="Authenticator app 1")).to_be_visible()
    expect(page.get_by_role("heading", name="Backup codes")).to_be_visible()
    problems += axe_problems(page)
    page.get_by_label("Name for this device").fill("")
    page.get_by_role("button", name="Save name").click()
    expect(page.get_by_text("Enter a name for this device")).to_be_visible()
    problems += axe_problems(page)
    page.get_by_label("Name for this device").fill("Work phone")
    page.get_by_role("button", name="Save name").click()
    expect(page.get_by_role("heading", name="Work phone")).to_be_visible()
    problems += axe_problems(page)
    problems += at_both_widths(page, "devices")
    assert_none(problems)


def test_set_up_asks_for_the_password_again_when_the_sign_in_is_old(
    open_page: Callable[..., Page], new_editor: User
):
    page = open_page()
    sign_in(page)
    cookie = next(
        c for c in page.context.cookies() if c["name"] == settings.STAFF_SESSION_COOKIE_NAME
    )
    session = StaffSessionStore(cookie["value"])
    session[SIGNED_IN_AT] = time.time() - 6 * 60
    session.save()
    page.goto("/admin/account/two_factor/setup/")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_label("Your password")).to_be_visible()
    problems = axe_problems(page)
    page.get_by_label("6-digit code").fill(app_code(page))
    page.get_by_label("Your password").fill("not-my-password")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("The password is not right. Try again.")).to_be_visible()
    problems += axe_problems(page)
    problems += at_both_widths(page, "re-enter-password")
    page.get_by_label("6-digit code").fill(app_code(page))
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Your authenticator app is set up")).to_be_visible()
    assert_none(problems)
