"""Guessing an editor's password stops at the fifth wrong try from one address, with a page that
says how to get back in; nobody else's guesses can lock the editor out."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from tests.accounts.signin import (
    EDITORS_ADDRESS,
    PASSWORD,
    STRANGERS_ADDRESS,
    authenticator_for,
    enter_password,
    sign_in_fully,
    signed_in_user_id,
)
from tests.test_settings import ROOT

pytestmark = pytest.mark.django_db

WRONG_PASSWORD = "Please enter a correct username and password"


def fail_five_times(client: Client, username: str = "editor", address: str = STRANGERS_ADDRESS):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = enter_password(client, username, f"wrong-guess-{attempt}", address)
        assert response.status_code == 200, "the sign-in form again, with its error"
        assert WRONG_PASSWORD in response.content.decode()
    return enter_password(client, username, "the-fifth-wrong-guess", address)


def is_locked(response) -> bool:
    return response.status_code == 429 and "Sign-in is locked for now" in response.content.decode()


def test_the_fifth_wrong_password_locks_sign_in_with_a_clear_page(client: Client, editor: User):
    response = fail_five_times(client)

    assert response.status_code == 429
    body = response.content.decode()
    assert '<h1 class="govuk-heading-l">Sign-in is locked for now</h1>' in body
    assert "There were 5 wrong sign-in attempts for editor" in body
    assert "Wait 1 hour, then" in body
    assert 'href="/admin/account/login/"' in body
    assert "ask another administrator to unlock your account" in body


def test_the_page_states_the_lockout_time_the_settings_enforce():
    assert settings.AXES_COOLOFF_TIME == 1, "templates/admin/locked_out.html says 1 hour"


def test_the_right_password_is_refused_from_the_address_that_was_locked(
    client: Client, editor: User
):
    fail_five_times(client)

    response = enter_password(client, "editor", PASSWORD, STRANGERS_ADDRESS)

    assert is_locked(response)
    assert signed_in_user_id(client) is None


def test_a_strangers_guesses_never_lock_the_editor_out_from_their_own_address(editor: User):
    stranger, the_editor = Client(), Client()
    assert is_locked(fail_five_times(stranger, address=STRANGERS_ADDRESS))

    response = sign_in_fully(the_editor, editor, authenticator_for(editor))

    assert response.status_code == 302, response.content.decode()[:400]
    assert signed_in_user_id(the_editor) == str(editor.pk)


def test_an_editors_own_sign_ins_do_not_reset_the_count_for_another_account(editor: User):
    User.objects.create_user("admin", password="another-long-password-9", is_staff=True)
    device = authenticator_for(editor)
    insider = Client()

    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        enter_password(insider, "admin", f"guess-{attempt}", EDITORS_ADDRESS)
        assert sign_in_fully(Client(), editor, device).status_code == 302
        device.refresh_from_db()
        device.last_t = -1  # a new code for the next sign-in, without waiting 30 seconds
        device.save()

    assert is_locked(enter_password(insider, "admin", "the-fifth-guess", EDITORS_ADDRESS))


def test_the_right_password_before_the_limit_goes_on_to_the_code_and_resets_the_count(
    client: Client, editor: User
):
    device = authenticator_for(editor)
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        enter_password(client, "editor", f"wrong-guess-{attempt}")

    assert sign_in_fully(client, editor, device).status_code == 302

    assert not is_locked(enter_password(Client(), "editor", "one-more-wrong-guess"))


def test_guessing_many_usernames_from_one_address_locks_each_pair_at_its_own_fifth_guess(
    client: Client, editor: User
):
    for attempt in range(settings.AXES_FAILURE_LIMIT + 2):
        response = enter_password(client, f"someone-{attempt}", "guess", STRANGERS_ADDRESS)
        assert not is_locked(response), "only one guess for each of these usernames"


def test_locked_out_page_is_a_full_site_page_with_the_emergency_number(
    client: Client, editor: User
):
    fail_five_times(client)

    body = enter_password(client, "editor", "guess", STRANGERS_ADDRESS).content.decode()

    assert "<title>Sign-in is locked for now - Back spasm help</title>" in body
    assert 'href="tel:999"' in body


def settings_behind_the_proxy() -> dict[str, object]:
    """The address settings a server started with DJANGO_BEHIND_PROXY=1 runs with."""
    names = ["BEHIND_PROXY", "TRUSTED_PROXY_COUNT", "AXES_CLIENT_IP_CALLABLE"]
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env |= {"DJANGO_BEHIND_PROXY": "1", "DJANGO_DEBUG": "1"}
    script = (
        "import json, backspasm.settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(result.stdout))


@pytest.fixture
def behind_the_proxy(settings) -> None:
    for name, value in settings_behind_the_proxy().items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)


PROXY = "10.0.0.2"


def through_the_proxy(client_address: str) -> dict[str, str]:
    return {"HTTP_X_FORWARDED_FOR": client_address}


def test_behind_the_proxy_the_stranger_locks_only_their_own_address(behind_the_proxy, editor: User):
    stranger, the_editor = Client(), Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        # The stranger writes an address of their own; the proxy appends the real one.
        forwarded = through_the_proxy(f"192.0.2.{attempt}, {STRANGERS_ADDRESS}")
        response = enter_password(stranger, "editor", f"guess-{attempt}", PROXY, **forwarded)
    assert is_locked(response)

    response = enter_password(
        the_editor, "editor", PASSWORD, PROXY, **through_the_proxy(EDITORS_ADDRESS)
    )

    assert not is_locked(response)
    assert response.status_code == 302  # signed in, on to set up an authenticator app


def test_without_the_proxy_a_forged_forwarded_address_does_not_dodge_the_lockout(
    client: Client, editor: User
):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = enter_password(
            client,
            "editor",
            f"guess-{attempt}",
            STRANGERS_ADDRESS,
            **through_the_proxy(f"192.0.2.{attempt}"),
        )

    assert is_locked(response)
