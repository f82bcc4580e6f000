"""Signing in to the admin as an editor does: a password, then a code from an authenticator app."""

import base64
from typing import Any

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client, RequestFactory
from django_otp import login as otp_login
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from backspasm.web.staffsessions import StaffSessionStore

SIGN_IN = "/admin/account/login/"
PASSWORD = "correct-horse-battery-staple-7"
EDITORS_ADDRESS = "198.51.100.7"
STRANGERS_ADDRESS = "203.0.113.66"


def enter_password(
    client: Client, username: str, password: str, address: str = EDITORS_ADDRESS, **extra: Any
):
    return client.post(
        SIGN_IN,
        {
            "sign_in_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
        REMOTE_ADDR=address,
        **extra,
    )


def enter_code(client: Client, code: str, address: str = EDITORS_ADDRESS):
    return client.post(
        SIGN_IN,
        {"sign_in_view-current_step": "token", "token-otp_token": code},
        REMOTE_ADDR=address,
    )


def authenticator_for(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="default", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in_fully(client: Client, user: User, device: TOTPDevice, password: str = PASSWORD):
    enter_password(client, user.username, password)
    return enter_code(client, current_code(device))


def staff_session(client: Client) -> StaffSessionStore:
    """The server-side session the client's staff cookie points at."""
    cookie = client.cookies.get(settings.STAFF_SESSION_COOKIE_NAME)
    return StaffSessionStore(cookie.value if cookie else None)


def signed_in_user_id(client: Client) -> str | None:
    return staff_session(client).get("_auth_user_id")


def sign_in_to_admin(client: Client, user: User) -> None:
    """What signing in with a password and a code leaves behind, without the forms: for tests
    about what a signed-in editor can do."""
    device = TOTPDevice.objects.filter(user=user, name="default").first() or authenticator_for(user)
    request = RequestFactory().get(SIGN_IN)
    request.session = StaffSessionStore()
    request.user = AnonymousUser()
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    otp_login(request, device)
    request.session.save()
    client.cookies[settings.STAFF_SESSION_COOKIE_NAME] = str(request.session.session_key)


SET_UP = "/admin/account/two_factor/setup/"


def enrol_authenticator(client: Client):
    """Walk the set-up pages as a new editor does, typing the code an app would show."""
    client.get(SET_UP)
    generator_page = client.post(SET_UP, {"setup_view-current_step": "welcome"})
    secret = staff_session(client)["django_two_factor-qr_secret_key"]
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    response = client.post(
        SET_UP, {"setup_view-current_step": "generator", "generator-token": f"{totp(key):06d}"}
    )
    return generator_page, response
