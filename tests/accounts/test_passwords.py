"""Staff passwords are at least 12 characters, checked by Django's validators everywhere."""

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("password", ["backspasm1", "Tr0ub4dor&3", "a" * 3 + "b9x$Lq2m"])
def test_a_password_under_12_characters_is_refused(password: str):
    assert len(password) < 12
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password(password)


def test_addeditor_refuses_a_short_password_with_the_reason(monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "backspasm1")

    with pytest.raises(CommandError, match="at least 12 characters"):
        call_command("addeditor", "kim", "--no-input")

    assert not User.objects.filter(username="kim").exists()


def test_a_password_of_12_unusual_characters_is_accepted():
    validate_password("quiet-otter-9")
