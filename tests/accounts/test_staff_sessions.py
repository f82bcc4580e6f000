"""Staff sessions live on the server, so they can be ended; the patient's stay in their cookie."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from backspasm.web.staffsessions import STARTED_KEY, StaffSessionStore
from tests.accounts.signin import authenticator_for, sign_in_fully, staff_session
from tests.support.checker import complete_checker

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client: Client, editor: User) -> Client:
    sign_in_fully(client, editor, authenticator_for(editor))
    assert admin_opens(client)
    return client


def admin_opens(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def copy_of(client: Client) -> Client:
    """Someone else's browser holding a copy of the cookie."""
    thief = Client()
    name = settings.STAFF_SESSION_COOKIE_NAME
    thief.cookies[name] = client.cookies[name].value
    return thief


def test_after_logout_a_copy_of_the_cookie_no_longer_opens_the_admin(signed_in: Client):
    thief = copy_of(signed_in)
    assert admin_opens(thief)

    signed_in.post("/admin/logout/")

    assert not admin_opens(thief)
    assert not admin_opens(signed_in)


def test_a_password_change_ends_every_session_of_the_account(signed_in: Client, editor: User):
    editor.set_password("a-brand-new-passphrase-22")
    editor.save()

    assert not admin_opens(signed_in)


def test_an_administrator_ends_all_sessions_of_an_editor(signed_in: Client, editor: User):
    other_device = Client()
    sign_in_fully(other_device, editor, authenticator_for(editor))

    call_command("endstaffsessions", "editor")

    assert not admin_opens(signed_in)
    assert not admin_opens(other_device)


def test_each_request_moves_the_idle_limit_to_30_minutes_ahead(signed_in: Client):
    key = signed_in.cookies[settings.STAFF_SESSION_COOKIE_NAME].value
    Session.objects.filter(session_key=key).update(expire_date=timezone.now())
    signed_in.cookies[settings.STAFF_SESSION_COOKIE_NAME] = key

    assert not admin_opens(signed_in), "a session idle past its expiry is over"


def test_an_active_session_expires_30_minutes_after_the_last_request(signed_in: Client):
    admin_opens(signed_in)
    key = signed_in.cookies[settings.STAFF_SESSION_COOKIE_NAME].value
    expiry = Session.objects.get(session_key=key).expire_date

    assert abs(expiry - (timezone.now() + timedelta(minutes=30))) < timedelta(seconds=30)
    assert signed_in.cookies[settings.STAFF_SESSION_COOKIE_NAME]["max-age"] == 1800


def test_a_session_ends_8_hours_after_sign_in_however_active(signed_in: Client):
    session = staff_session(signed_in)
    assert time.time() - session[STARTED_KEY] < 60
    session[STARTED_KEY] = time.time() - 8 * 60 * 60 - 1
    session.save()

    assert not admin_opens(signed_in)
    assert not StaffSessionStore().exists(str(session.session_key))


def test_the_staff_cookie_is_httponly_and_same_site_strict(signed_in: Client):
    cookie = signed_in.cookies[settings.STAFF_SESSION_COOKIE_NAME]

    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"


def test_the_checker_never_writes_a_session_row(client: Client):
    complete_checker(client, {"age": 35})

    assert settings.SESSION_COOKIE_NAME in client.cookies
    assert Session.objects.count() == 0


def test_a_staff_session_is_not_read_on_public_pages(signed_in: Client):
    response = signed_in.get("/about/")

    assert not hasattr(response.wsgi_request, "user"), "signing in runs under staff paths only"
    assert response.context["user"].is_anonymous
