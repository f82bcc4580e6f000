"""End every admin session of one account at once, on every server."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from backspasm.web.staffsessions import end_sessions_of


class Command(BaseCommand):
    help = "Sign a staff account out of the admin everywhere (a lost laptop, a leaving editor)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account called {username!r}.")
        ended = end_sessions_of(user.pk)
        self.stdout.write(
            self.style.SUCCESS(f"Ended {ended} session{'s' if ended != 1 else ''} of {username}.")
        )
