from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff accounts' second factor: enrolment, their devices and the notices about them."""

    name = "backspasm.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from backspasm.accounts import enrolment, notices

        user_logged_in.connect(enrolment.note_sign_in, dispatch_uid="accounts.note_sign_in")
        notices.connect()
