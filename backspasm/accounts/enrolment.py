"""Adding a second factor: only the account holder, proven again, and never round a factor.

django-two-factor-auth's set-up refuses a GET once an account has a device, but not a POST, and
asks nothing more than the session. Here a session that was not verified with a second factor
is refused outright (GET and POST) once the account has an authenticator, and the request that
adds the device carries the password again unless the password was typed in the last 5 minutes.
"""

import logging
import time
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from two_factor.forms import TOTPDeviceForm
from two_factor.utils import default_device
from two_factor.views import BackupTokensView, SetupCompleteView, SetupView

from backspasm.accounts import notices

logger = logging.getLogger("backspasm.accounts")

# When the password was last typed in this session, in seconds since the epoch.
SIGNED_IN_AT = "_signed_in_at"
FRESH_SIGN_IN_SECONDS = 5 * 60
# Where the editor was going when they were sent to set up an app; shown after the backup codes.
AFTER_SET_UP = "next"


def note_sign_in(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """Connected to Django's user_logged_in (backspasm.accounts.apps)."""
    request.session[SIGNED_IN_AT] = time.time()


def signed_in_recently(session: SessionBase) -> bool:
    signed_in_at = session.get(SIGNED_IN_AT)
    return signed_in_at is not None and time.time() - signed_in_at <= FRESH_SIGN_IN_SECONDS


def may_enrol(user: Any) -> bool:
    """An account with an authenticator adds another only from a session that proved a factor.

    The library's sign-in asks for a code only when the account has its "default" device; an
    account left with backup codes alone (its app deleted) signs in with the password, so it
    must be able to enrol again: deleting the app ended its other sessions."""
    return bool(user.is_verified()) or default_device(user) is None


class ConfirmedTOTPDeviceForm(TOTPDeviceForm):  # type: ignore[misc]  # untyped library
    """The app's first code, and the password again when the sign-in is not fresh."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(
        self, key: str, user: Any, request: HttpRequest, ask_password: bool, **kwargs: Any
    ) -> None:
        super().__init__(key, user, **kwargs)
        self.request = request
        self.ask_password = ask_password
        if not ask_password:
            del self.fields["password"]

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            logger.warning("Wrong password while adding an authenticator app to %s", self.user)
            user_login_failed.send(
                sender=type(self),
                credentials={"username": self.user.get_username()},
                request=self.request,
            )
            raise forms.ValidationError("The password is not right. Try again.")
        return password


@method_decorator(login_required, name="dispatch")
class EnrolView(SetupView):  # type: ignore[misc]  # untyped library
    GENERATOR_STEP = "generator"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.password_checked = False

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_enrol(request.user):
            logger.warning(
                "Refused a %s to add a second factor to %s from a session without one",
                request.method,
                request.user,
            )
            return render(request, "two_factor/core/setup_refused.html", status=403)
        if (requested := self.get_redirect_url()) and requested != request.path:
            request.session[AFTER_SET_UP] = requested
        response: HttpResponse = super().dispatch(request, *args, **kwargs)
        return response

    def get_prefix(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return "setup_view"  # the library's, so the form's field names stay the same

    def get_success_url(self) -> str:
        # Backup codes come at the end of set-up, wherever the editor was going.
        return reverse("two_factor:setup_complete")

    def get_form_list(self) -> Any:
        form_list = super().get_form_list()
        if self.GENERATOR_STEP in form_list:
            form_list[self.GENERATOR_STEP] = ConfirmedTOTPDeviceForm
        return form_list

    def get_form_kwargs(self, step: str | None = None) -> dict[str, Any]:
        kwargs: dict[str, Any] = super().get_form_kwargs(step)
        if step == self.GENERATOR_STEP:
            kwargs["ask_password"] = not (
                self.password_checked or signed_in_recently(self.request.session)
            )
        return kwargs

    def process_step(self, form: forms.Form) -> Any:
        if self.steps.current == self.GENERATOR_STEP and "password" in form.fields:
            # The wizard keeps each step's data in the session: never the password. The same
            # request checks the step again just before saving the device; it was checked now.
            self.password_checked = True
            form.cleaned_data.pop("password", None)
        return super().process_step(form)

    def get_form_step_data(self, form: forms.Form) -> Any:
        data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict
        data.pop(form.add_prefix("password"), None)
        return data


def where_next(request: HttpRequest) -> str:
    after = request.session.get(AFTER_SET_UP, "")
    safe = url_has_allowed_host_and_scheme(
        after, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return after if after and safe else reverse("admin:index")


class SetUpCompleteView(SetupCompleteView):  # type: ignore[misc]  # untyped library
    """The end of set-up offers backup codes, then the way on to where the editor was going."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = super(SetupCompleteView, self).get(request, *args, **kwargs)
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "next_url": where_next(self.request)}


class BackupCodesView(BackupTokensView):  # type: ignore[misc]  # untyped library
    """Making new backup codes cancels the old ones: the account holder is told."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "next_url": where_next(self.request)}

    def form_valid(self, form: forms.Form) -> HttpResponse:
        response: HttpResponse = super().form_valid(form)
        notices.backup_codes_made(self.request.user)
        return response
