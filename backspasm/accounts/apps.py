from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff accounts' second factor: enrolment, their devices and the notices about them."""

    name = "backspasm.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from backspasm.accounts import notices

        notices.connect()
