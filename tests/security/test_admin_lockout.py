"""Guessing an editor's password stops at the fifth wrong try, with a page that says how to get
back in."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple-7"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor() -> User:
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def sign_in(client: Client, password: str, username: str = "editor"):
    return client.post("/admin/login/", {"username": username, "password": password})


def fail_five_times(client: Client):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, f"wrong-guess-{attempt}")
        assert response.status_code == 200, "the login form again, with its error"
        assert "Please enter the correct username and password" in response.content.decode()
    return sign_in(client, "the-fifth-wrong-guess")


def test_the_fifth_wrong_password_locks_sign_in_with_a_clear_page(client: Client, editor: User):
    response = fail_five_times(client)

    assert response.status_code == 429
    body = response.content.decode()
    assert '<h1 class="govuk-heading-l">Sign-in is locked for now</h1>' in body
    assert "There were 5 wrong sign-in attempts for editor" in body
    assert "Wait 1 hour, then" in body
    assert 'href="/admin/login/"' in body
    assert "ask another administrator to unlock your account" in body


def test_the_next_attempt_after_the_lockout_is_refused_too(client: Client, editor: User):
    fail_five_times(client)

    response = sign_in(client, "another-guess")

    assert response.status_code == 429
    assert "Sign-in is locked for now" in response.content.decode()


def test_the_page_states_the_lockout_time_the_settings_enforce():
    assert settings.AXES_COOLOFF_TIME == 1, "templates/admin/locked_out.html says 1 hour"


def test_even_the_right_password_is_refused_while_locked_out(client: Client, editor: User):
    fail_five_times(client)

    response = sign_in(client, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_right_password_before_the_limit_signs_in_and_resets_the_count(
    client: Client, editor: User
):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, f"wrong-guess-{attempt}")

    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_lockout_follows_the_address_even_when_the_username_changes(client: Client, editor: User):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "guess", username=f"someone-{attempt}")

    assert sign_in(client, "guess", username="someone-else").status_code == 429
    assert sign_in(client, PASSWORD).status_code == 429


def test_locked_out_page_is_a_full_site_page_with_the_emergency_number(
    client: Client, editor: User
):
    fail_five_times(client)

    body = sign_in(client, "guess").content.decode()

    assert "<title>Sign-in is locked for now - Back spasm help</title>" in body
    assert 'href="tel:999"' in body
