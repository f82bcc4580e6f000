"""Every staff account proves a second factor before the admin opens: a code from an
authenticator app, a backup code, or a recovery code an operator gives out."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice

from tests.accounts.signin import (
    PASSWORD,
    SET_UP,
    SIGN_IN,
    authenticator_for,
    current_code,
    enrol_authenticator,
    enter_code,
    enter_password,
    sign_in_fully,
)

pytestmark = pytest.mark.django_db


def admin_opens(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def test_the_admin_sends_a_visitor_to_the_two_step_sign_in(client: Client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == f"{SIGN_IN}?next=/admin/"
    assert "Sign in to edit the guidance" in response.content.decode()


def test_the_password_alone_does_not_open_the_admin(client: Client, editor: User):
    authenticator_for(editor)

    response = enter_password(client, "editor", PASSWORD)

    assert "Enter the code from your authenticator app" in response.content.decode()
    assert not admin_opens(client)


def test_the_password_and_the_code_open_the_admin(client: Client, editor: User):
    assert sign_in_fully(client, editor, authenticator_for(editor)).status_code == 302

    assert admin_opens(client)


def test_a_wrong_code_is_refused_on_the_page(client: Client, editor: User):
    device = authenticator_for(editor)
    enter_password(client, "editor", PASSWORD)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"

    response = enter_code(client, wrong)

    assert response.status_code == 200
    assert "Invalid token" in response.content.decode()
    assert not admin_opens(client)


def test_a_staff_account_without_an_app_is_sent_to_set_one_up_by_qr_code(
    client: Client, editor: User
):
    enter_password(client, "editor", PASSWORD)

    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == SET_UP
    generator_page = client.post(SET_UP, {"setup_view-current_step": "welcome"})
    assert "Scan this code with your authenticator app" in generator_page.content.decode()
    qr = client.get("/admin/account/two_factor/qrcode/")
    assert qr.status_code == 200 and qr["Content-Type"].startswith("image/svg+xml")
    _, enrolled = enrol_authenticator(client)
    assert enrolled.url == "/admin/account/two_factor/setup/complete/"
    assert admin_opens(client)


def test_backup_codes_are_made_after_set_up_and_each_signs_in_once(editor: User):
    first = Client()
    sign_in_fully(first, editor, authenticator_for(editor))
    first.post("/admin/account/two_factor/backup/tokens/")
    codes = [token.token for token in StaticDevice.objects.get(user=editor).token_set.all()]
    assert len(codes) == 10

    assert backup_code_signs_in(Client(), codes[0])
    assert not backup_code_signs_in(Client(), codes[0])


def backup_code_signs_in(client: Client, code: str) -> bool:
    enter_password(client, "editor", PASSWORD)
    client.post(SIGN_IN, {"sign_in_view-current_step": "token", "wizard_goto_step": "backup"})
    client.post(SIGN_IN, {"sign_in_view-current_step": "backup", "backup-otp_token": code})
    return admin_opens(client)


def test_an_operator_recovers_a_locked_out_editor_with_addstatictoken(client: Client, editor: User):
    authenticator_for(editor)  # the phone with the app is lost

    call_command("addstatictoken", "editor", "--token", "recover7x")

    assert backup_code_signs_in(client, "recover7x")


def test_a_staff_account_cannot_turn_its_second_factor_off(client: Client, editor: User):
    sign_in_fully(client, editor, authenticator_for(editor))

    assert client.get("/admin/account/two_factor/disable/").status_code == 404
