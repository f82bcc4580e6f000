"""The second factor has no side door, tried over real HTTP against a live server: a session with
the password alone never adds a device, a removed device signs the account out, every change is
emailed, wrong codes count toward the lockout, and editors see and name their devices."""

import base64
import logging
import time
from collections.abc import Iterator
from http.cookiejar import CookieJar

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from backspasm.accounts.enrolment import SIGNED_IN_AT
from backspasm.web.staffsessions import StaffSessionStore
from tests.accounts.signin import PASSWORD, authenticator_for, current_code
from tests.support.html import Page, attr, one
from tests.support.server import Browser

SIGN_IN = "/admin/account/login/"
SET_UP = "/admin/account/two_factor/setup/"
DEVICES = "/admin/account/devices/"
BACKUP_CODES = "/admin/account/two_factor/backup/tokens/"


@pytest.fixture
def live_server(django_db_setup, live_server, transactional_db):
    """The live server, started after the test database exists (as tests/e2e/conftest.py
    explains), on a database emptied after each test."""
    return live_server


@pytest.fixture
def editor(live_server) -> User:
    return User.objects.create_user(
        "editor", email="editor@example.org", password=PASSWORD, is_staff=True
    )


@pytest.fixture
def visitor(live_server) -> Browser:
    return Browser(live_server.url)


def new_browser(live_server) -> Browser:
    return Browser(live_server.url)


def sign_in(browser: Browser, password: str = PASSWORD, next_url: str = "") -> Page:
    page = browser.get(SIGN_IN + (f"?next={next_url}" if next_url else ""))
    return browser.submit(
        page.form("#login-form"), {"auth-username": "editor", "auth-password": password}
    )


def enter_code(browser: Browser, page: Page, code: str) -> Page:
    return browser.submit(page.form("#login-form"), {"token-otp_token": code})


def fresh_code(device: TOTPDevice) -> str:
    """The app's current code, usable again (a device accepts each code once)."""
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    return current_code(device)


def sign_in_fully(browser: Browser, device: TOTPDevice) -> Page:
    return enter_code(browser, sign_in(browser), fresh_code(device))


def staff_key(cookies: CookieJar) -> str | None:
    return next((c.value for c in cookies if c.name == settings.STAFF_SESSION_COOKIE_NAME), None)


def admin_opens(browser: Browser) -> bool:
    return browser.request("GET", "/admin/", None).status == 200


def generator_page(browser: Browser, path: str = SET_UP) -> Page:
    welcome = browser.get(path)
    assert welcome.status == 200, welcome.text()[:300]
    return browser.submit(welcome.form("#login-form"), {})


def link_to(page: Page, text: str) -> str:
    """Where the page's link with this text goes."""
    link = page.soup.find("a", string=text)
    assert link is not None, f"no link says {text!r}"
    return attr(link, "href")


def code_for(page: Page) -> str:
    secret = one(page.soup, ".sign-in-key").get_text(strip=True)
    return f"{totp(base64.b32decode(secret + '=' * (-len(secret) % 8))):06d}"


def enrol(browser: Browser, path: str = SET_UP, password: str | None = None) -> Page:
    page = generator_page(browser, path)
    answers = {"generator-token": code_for(page)}
    if password is not None:
        answers["generator-password"] = password
    return browser.submit(page.form("#login-form"), answers)


@pytest.fixture
def log_lines() -> Iterator[list[str]]:
    """What our sign-in and account loggers write while the test runs."""
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    handler = Keep()
    # The sign-in's logger, backspasm.accounts.signin, passes its records up to this one.
    logger = logging.getLogger("backspasm.accounts")
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)


def test_a_password_only_session_cannot_add_a_device_once_the_account_has_one(
    live_server, editor: User
):
    before = new_browser(live_server)
    assert sign_in(before).url.endswith(SET_UP), "no device yet: on to set one up"
    welcome = before.get(SET_UP)
    the_editor = new_browser(live_server)
    sign_in(the_editor)
    assert "Your authenticator app is set up" in enrol(the_editor).text()

    refused_get = before.request("GET", SET_UP, None)
    form = welcome.form("#login-form").data()
    refused_post = before.request("POST", SET_UP, form)

    assert refused_get.status == refused_post.status == 403
    assert "Sign in again to add a device" in refused_get.text()
    assert TOTPDevice.objects.filter(user=editor).count() == 1
    assert not admin_opens(before)
    assert admin_opens(the_editor)


def test_an_account_left_with_backup_codes_alone_sets_up_a_new_app_after_signing_in(
    live_server, editor: User, visitor: Browser
):
    StaticDevice.objects.create(user=editor, name="backup").token_set.create(token="abcd1234")

    assert sign_in(visitor).url.endswith(SET_UP), "the sign-in cannot ask for a code it lacks"
    assert "Your authenticator app is set up" in enrol(visitor).text()


def test_set_up_asks_for_the_password_again_five_minutes_after_sign_in(
    live_server, editor: User, visitor: Browser
):
    sign_in(visitor)
    assert "Your password" not in generator_page(visitor).text(), "a fresh sign-in is enough"
    session = StaffSessionStore(staff_key(visitor.cookies))
    session[SIGNED_IN_AT] = time.time() - 6 * 60
    session.save()

    wrong = enrol(visitor, password="not-the-password-at-all")
    assert wrong.status == 200
    assert "The password is not right" in wrong.text()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert AccessAttempt.objects.filter(username="editor").exists(), "counted by the lockout"
    without = enrol(visitor)
    assert "This field is required" in without.text()
    assert not TOTPDevice.objects.filter(user=editor).exists()

    done = enrol(visitor, password=PASSWORD)

    assert "Your authenticator app is set up" in done.text()
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_backup_codes_are_offered_at_the_end_of_set_up_wherever_next_points(
    live_server, editor: User, visitor: Browser
):
    sign_in(visitor)

    done = enrol(visitor, f"{SET_UP}?next=/admin/content/")

    assert done.url.endswith("/admin/account/two_factor/setup/complete/")
    assert link_to(done, "Get backup codes") == BACKUP_CODES
    assert link_to(done, "Continue without backup codes") == "/admin/content/"


def test_removing_a_device_ends_the_accounts_sessions_and_re_enrolment_starts_afresh(
    live_server, editor: User
):
    device = authenticator_for(editor)
    lost_phone = new_browser(live_server)
    sign_in_fully(lost_phone, device)
    password_only = new_browser(live_server)
    sign_in(password_only)
    administrator = User.objects.create_superuser("admin", password=PASSWORD, email="")
    admins_device = authenticator_for(administrator)
    admins_browser = new_browser(live_server)
    page = admins_browser.get(SIGN_IN)
    page = admins_browser.submit(
        page.form("#login-form"), {"auth-username": "admin", "auth-password": PASSWORD}
    )
    enter_code(admins_browser, page, fresh_code(admins_device))
    mail.outbox.clear()

    confirm = admins_browser.get(f"/admin/otp_totp/totpdevice/{device.pk}/delete/")
    admins_browser.submit(confirm.form("#content form"), {})

    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert not admin_opens(lost_phone)
    assert password_only.request("GET", SET_UP, None).status == 302, "signed out"
    assert [message.subject for message in mail.outbox] == [
        "[Back spasm help] A sign-in device was removed from your account"
    ]
    assert sign_in(password_only).url.endswith(SET_UP)
    assert "Your authenticator app is set up" in enrol(password_only).text()


def test_every_change_to_the_second_factor_is_emailed_with_no_code_or_secret(
    live_server, editor: User, visitor: Browser
):
    sign_in(visitor)
    generator = generator_page(visitor)
    secret = one(generator.soup, ".sign-in-key").get_text(strip=True)
    visitor.submit(generator.form("#login-form"), {"generator-token": code_for(generator)})
    codes_page = visitor.get(BACKUP_CODES)
    visitor.submit(codes_page.form("#content form"), {})
    codes = [t.token for t in StaticDevice.objects.get(user=editor).token_set.all()]
    other = new_browser(live_server)
    page = sign_in(other)
    page = other.submit(page.forms()[-1], {"wizard_goto_step": "backup"})
    page = other.submit(page.form("#login-form"), {"backup-otp_token": codes[0]})
    assert admin_opens(other)

    subjects = [message.subject.removeprefix("[Back spasm help] ") for message in mail.outbox]
    assert subjects == [
        "A new sign-in device was added to your account",
        "New backup codes were made",
        "A backup code was used to sign in",
    ]
    assert all(message.to == ["editor@example.org"] for message in mail.outbox)
    bodies = " ".join(str(message.body) for message in mail.outbox)
    assert secret not in bodies and not any(code in bodies for code in codes)
    assert "You have 9 left" in bodies


def test_wrong_codes_count_toward_the_password_lockout_and_are_logged_without_the_code(
    live_server, editor: User, visitor: Browser, log_lines: list[str]
):
    device = authenticator_for(editor)
    page = sign_in(visitor)
    right = fresh_code(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        page = enter_code(visitor, page, wrong)
        assert page.status == 200 and "Sign-in is locked" not in page.text()

    locked = enter_code(visitor, page, wrong)

    assert locked.status == 429 and "Sign-in is locked for now" in locked.text()
    assert enter_code(visitor, page, fresh_code(device)).status == 429, "no code is checked"
    assert sign_in(new_browser(live_server)).status == 429, "the password too, from here"
    assert log_lines.count("Wrong sign-in code for editor") == settings.AXES_FAILURE_LIMIT
    assert not any(wrong in line or right in line for line in log_lines)


def test_editors_see_and_name_their_own_devices(live_server, editor: User, visitor: Browser):
    device = authenticator_for(editor)
    StaticDevice.objects.create(user=editor, name="backup").token_set.create(token="abcd1234")
    someone_else = User.objects.create_user("other", password=PASSWORD, is_staff=True)
    theirs = authenticator_for(someone_else)
    admin_index = sign_in_fully(visitor, device)
    assert link_to(admin_index, "Your sign-in devices") == DEVICES

    page = visitor.get(DEVICES)
    assert [h2.get_text(strip=True) for h2 in page.soup.select("h2")] == [
        "Authenticator app 1",
        "Backup codes",
    ]
    assert "Codes left 1" in page.text()
    empty = visitor.submit(page.forms()[0], {f"device-{device.pk}-name": ""})
    assert empty.status == 400 and "Enter a name for this device" in empty.text()
    named = visitor.submit(page.forms()[0], {f"device-{device.pk}-name": "Work phone"})
    assert one(named.soup, "h2").get_text(strip=True) == "Work phone"
    not_mine = visitor.request(
        "POST", DEVICES, {**page.forms()[0].data(), "device": theirs.persistent_id}
    )
    assert not_mine.status == 404

    password_only = new_browser(live_server)
    sign_in(password_only)
    assert password_only.request("GET", DEVICES, None).status == 302


def test_the_sign_in_pages_write_no_session_row_until_a_form_is_posted(
    live_server, editor: User, visitor: Browser
):
    rows = Session.objects.count()

    for _ in range(10):
        for path in ("/admin/", SIGN_IN, f"{SIGN_IN}?next=/admin/content/", SET_UP):
            assert visitor.get(path).status == 200
        assert visitor.request("HEAD", SIGN_IN, None).status == 200

    assert Session.objects.count() == rows
    assert staff_key(visitor.cookies) is None
    sign_in(visitor, password="a-wrong-password-guess")
    assert Session.objects.count() == rows + 1, "posting the form starts the wizard's state"
