"""Give someone an admin login that can change the guidance and nothing else."""

import os
from getpass import getpass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from backspasm.publishing.editors import EDITORS_GROUP


class Command(BaseCommand):
    help = (
        'Create a staff login in the "Content editors" group, or add an existing user to it. '
        "The password is asked for, or read from the DJANGO_EDITOR_PASSWORD variable."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-input",
            action="store_true",
            help="Do not ask for a password: an existing user keeps theirs; "
            "a new one needs DJANGO_EDITOR_PASSWORD.",
        )

    def handle(self, *args: Any, username: str, email: str, no_input: bool, **options: Any) -> None:
        try:
            group = Group.objects.get(name=EDITORS_GROUP)
        except Group.DoesNotExist:
            raise CommandError(
                "Run 'manage.py migrate' first: it creates the editors group."
            ) from None
        users = get_user_model()
        user = users.objects.filter(username=username).first()
        password = self._password(new=user is None, no_input=no_input)
        with transaction.atomic():
            if user is None:
                user = users(username=username, email=email)
            user.is_staff = True
            if password:
                try:
                    validate_password(password, user)
                except ValidationError as error:
                    raise CommandError(" ".join(error.messages)) from None
                user.set_password(password)
            user.save()
            user.groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(
                f"{username} can now edit the guidance at /admin/. At their first sign-in they "
                "set up an authenticator app on their phone: have them do it straight away."
            )
        )

    def _password(self, *, new: bool, no_input: bool) -> str:
        if password := os.environ.get("DJANGO_EDITOR_PASSWORD", ""):
            return password
        if no_input:
            if new:
                raise CommandError("Set DJANGO_EDITOR_PASSWORD to give a new editor a password.")
            return ""
        first = getpass("Password: ")
        if first != getpass("Password (again): "):
            raise CommandError("The passwords did not match.")
        return first
