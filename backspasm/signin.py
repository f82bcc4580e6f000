"""Staff sign-in: django-two-factor-auth's password-then-code wizard, with two repairs."""

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest
from two_factor.forms import AuthenticationTokenForm, BackupTokenForm
from two_factor.views import LoginView

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


class SignInView(LoginView):  # type: ignore[misc]  # untyped library
    form_list = (
        (LoginView.AUTH_STEP, SignInForm),
        (LoginView.TOKEN_STEP, AuthenticationTokenForm),
        (LoginView.BACKUP_STEP, BackupTokenForm),
    )


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The username django-axes counts a failure against."""
    if credentials and credentials.get("username") is not None:
        return str(credentials["username"])
    username = request.POST.get(WIZARD_USERNAME_FIELD, request.POST.get("username"))
    return None if username is None else str(username)
