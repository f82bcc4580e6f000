"""`manage.py addeditor` gives someone a login that can change the guidance."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client

from backspasm.content.editors import EDITORS_GROUP

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase 7"


def test_a_new_editor_can_log_in_and_edit_the_guidance(client: Client, monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", PASSWORD)

    call_command("addeditor", "sam", "--email", "sam@example.org", "--no-input")

    user = User.objects.get(username="sam")
    assert user.is_staff
    assert not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    login = client.post(
        "/admin/login/", {"username": "sam", "password": PASSWORD, "next": "/admin/"}
    )
    assert login.status_code == 302
    assert client.get("/admin/content/article/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


def test_an_existing_user_joins_the_group_and_keeps_their_password(monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    User.objects.create_user("alex", password=PASSWORD)

    call_command("addeditor", "alex", "--no-input")

    user = User.objects.get(username="alex")
    assert user.is_staff
    assert user.check_password(PASSWORD)
    assert user.groups.filter(name=EDITORS_GROUP).exists()


def test_a_new_editor_without_a_password_is_refused(monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)

    with pytest.raises(CommandError, match="DJANGO_EDITOR_PASSWORD"):
        call_command("addeditor", "kim", "--no-input")

    assert not User.objects.filter(username="kim").exists()


def test_a_weak_password_is_refused_with_the_reason(monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "password")

    with pytest.raises(CommandError, match="too common"):
        call_command("addeditor", "kim", "--no-input")

    assert not User.objects.filter(username="kim").exists()
