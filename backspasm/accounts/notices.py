"""The account holder hears of every change to their second factor, and a removed device ends
the account's sessions.

A new device, a backup code used, new backup codes or a device removed: each sends an email to
the account's address, so an editor learns at once of a change they did not make. The emails name
what happened and when, never a code or a secret. Removing a device signs the account out
everywhere, so that setting up a new phone starts from a fresh sign-in, never from a session
that was open with the password alone.
"""

import logging
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from two_factor.signals import user_verified

from backspasm.web.staffsessions import end_sessions_of

logger = logging.getLogger("backspasm.accounts")


def tell(user: Any, subject: str, what_happened: str) -> None:
    if not user.email:
        logger.warning("%s has no email address to tell: %s", user, subject)
        return
    when = timezone.localtime().strftime("%-d %B %Y at %H:%M")
    body = (
        f"Hello {user.get_username()},\n\n"
        f"{what_happened} ({when}).\n\n"
        "If this was you, there is nothing more to do. If it was not, tell another "
        "administrator today: they can end every session of your account and remove the "
        "device.\n\n"
        f"Your devices: {settings.SITE_URL}{reverse('accounts:devices')}\n"
    )
    message = EmailMessage(f"{settings.EMAIL_SUBJECT_PREFIX}{subject}", body, to=[user.email])

    def send() -> None:
        # A mail server that is down must not undo or break the change itself.
        try:
            mailers.default.send_messages([message])
        except Exception:
            logger.exception("Could not email %s: %s", user, subject)

    transaction.on_commit(send)


def is_device(model: type[Model]) -> bool:
    return issubclass(model, Device) and not model._meta.abstract


def device_saved(sender: type, instance: Device, created: bool, **kwargs: Any) -> None:
    if created and not isinstance(instance, StaticDevice):
        logger.info("A second factor was added to %s", instance.user)
        tell(
            instance.user,
            "A new sign-in device was added to your account",
            "A new authenticator app was added to your Back spasm help account",
        )


def device_deleted(sender: type, instance: Device, **kwargs: Any) -> None:
    ended = end_sessions_of(instance.user_id)
    logger.info("A second factor of %s was removed; %d sessions ended", instance.user, ended)
    if isinstance(instance, StaticDevice):
        what = "Your backup codes were removed from your Back spasm help account"
    else:
        what = "An authenticator app was removed from your Back spasm help account"
    tell(instance.user, "A sign-in device was removed from your account", what)


def verified(sender: Any, request: Any, user: Any, device: Device, **kwargs: Any) -> None:
    if isinstance(device, StaticDevice):
        left = device.token_set.count()
        logger.info("%s signed in with a backup code; %d left", user, left)
        tell(
            user,
            "A backup code was used to sign in",
            f"Someone signed in to your Back spasm help account with a backup code. "
            f"You have {left} left",
        )


def backup_codes_made(user: Any) -> None:
    logger.info("%s made new backup codes", user)
    tell(
        user,
        "New backup codes were made",
        "New backup codes were made for your Back spasm help account, and the old ones no "
        "longer work",
    )


def connect() -> None:
    for model in apps.get_models():
        if is_device(model):
            post_save.connect(device_saved, sender=model, dispatch_uid=f"{model} saved")
            post_delete.connect(device_deleted, sender=model, dispatch_uid=f"{model} deleted")
    user_verified.connect(verified, dispatch_uid="backspasm.accounts.verified")
