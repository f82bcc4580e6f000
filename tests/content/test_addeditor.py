"""`manage.py addeditor` gives someone a login that can change the guidance."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client

from backspasm.publishing.editors import EDITORS_GROUP
from tests.accounts.signin import SET_UP, enrol_authenticator, enter_password

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase 7"


def test_a_new_editor_signs_in_sets_up_an_authenticator_app_and_edits_the_guidance(
    client: Client, monkeypatch
):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", PASSWORD)

    output = StringIO()
    call_command("addeditor", "sam", "--email", "sam@example.org", "--no-input", stdout=output)

    assert "set up an authenticator app" in output.getvalue()

    user = User.objects.get(username="sam")
    assert user.is_staff
    assert not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    assert enter_password(client, "sam", PASSWORD).status_code == 302
    # The admin sends a new editor to set up an authenticator app before anything else.
    assert (
        client.get("/admin/content/article/")["Location"]
        == "/admin/login/?next=/admin/content/article/"
    )
    assert client.get("/admin/login/?next=/admin/content/article/")["Location"] == SET_UP
    _, enrolled = enrol_authenticator(client)
    assert enrolled.url == "/admin/account/two_factor/setup/complete/"
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
