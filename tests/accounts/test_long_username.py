"""A username longer than any account's gives the sign-in form's own error, on every database."""

import pytest
from django.test import Client

from tests.accounts.signin import enter_password

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("length", [151, 256, 5_000])
def test_an_overlong_username_gets_a_form_error_not_a_server_error(client: Client, length: int):
    response = enter_password(client, "a" * length, "any-password-at-all")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Ensure this value has at most 150 characters" in body
    assert "<title>Error: Sign in" in body
