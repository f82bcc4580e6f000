"""Staff sign-in: django-two-factor-auth's password-then-code wizard, with repairs."""

import logging
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest
from two_factor.forms import AuthenticationTokenForm, BackupTokenForm
from two_factor.views import LoginView

logger = logging.getLogger("backspasm.accounts.signin")

# django-two-factor-auth's sign-in is a form wizard: the password step's fields are prefixed.
WIZARD_USERNAME_FIELD = "auth-username"


class SignInForm(AuthenticationForm):
    """Django's form sets the username's length limit only on the input, so an overlong name
    reached authenticate() and django-axes' failure record, which PostgreSQL refused with a
    500. Checking the length here answers with a form error and never authenticates."""

    # The wizard passes the request only to forms that name it, and django-axes needs it.
    def __init__(self, request: HttpRequest | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        assert isinstance(username, forms.CharField) and username.max_length is not None
        username.validators.append(MaxLengthValidator(username.max_length))


class CountedCodeMixin:
    """A wrong code counts toward the same lockout as a wrong password, and is logged (never the
    code). django-otp throttles each device on its own; django-axes counts what Django's
    user_login_failed signal reports, per username and address, so a code guessed with a known
    password locks sign-in just as a guessed password does. Once locked, no code is checked."""

    user: Any
    what = "sign-in code"  # for the log

    def __init__(self, user: Any, initial_device: Any, request: HttpRequest, **kwargs: Any):
        super().__init__(user, initial_device, **kwargs)  # type: ignore[call-arg]
        self.request = request

    def clean(self) -> dict[str, Any]:
        credentials = {"username": self.user.get_username()}
        if not AxesProxyHandler.is_allowed(self.request, credentials):
            # django-axes' middleware answers with the lockout page.
            self.request.axes_locked_out = True  # type: ignore[attr-defined]
            self.request.axes_credentials = credentials  # type: ignore[attr-defined]
            raise forms.ValidationError("Sign-in is locked for now.")
        try:
            cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        except forms.ValidationError:
            # A code refused because the device is throttled is a failed attempt too.
            logger.warning("Wrong %s for %s", self.what, self.user.get_username())
            user_login_failed.send(sender=type(self), credentials=credentials, request=self.request)
            raise
        return cleaned


class CountedTokenForm(CountedCodeMixin, AuthenticationTokenForm):  # type: ignore[misc]
    pass


class CountedBackupForm(CountedCodeMixin, BackupTokenForm):  # type: ignore[misc]
    what = "backup code"


# The wizard picks the code step's form from the device's method on every request, so ours
# replace the library's where it asks for the list.
COUNTED = {AuthenticationTokenForm: CountedTokenForm, BackupTokenForm: CountedBackupForm}


class SignInView(LoginView):  # type: ignore[misc]  # untyped library
    form_list = (
        (LoginView.AUTH_STEP, SignInForm),
        (LoginView.TOKEN_STEP, CountedTokenForm),
        (LoginView.BACKUP_STEP, CountedBackupForm),
    )

    def get_form_list(self) -> Any:
        form_list = super().get_form_list()
        for step, form_class in form_list.items():
            form_list[step] = COUNTED.get(form_class, form_class)
        return form_list

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        """The form wizard keeps its state in the session even for an empty first page: drop
        it, so that a visitor who only looks writes no session row (each row would stay for
        the idle limit). Posting the form starts the wizard's state afresh."""
        response = super().get(request, *args, **kwargs)
        # Rendered now: the template reads the wizard's state.
        response = response.render() if hasattr(response, "render") else response
        session = request.session
        if session.session_key is None and list(session.keys()) == [self.storage.prefix]:
            del session[self.storage.prefix]
        return response


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The username django-axes counts a failure against."""
    if credentials and credentials.get("username") is not None:
        return str(credentials["username"])
    username = request.POST.get(WIZARD_USERNAME_FIELD, request.POST.get("username"))
    return None if username is None else str(username)
