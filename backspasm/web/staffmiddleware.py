"""The middleware only staff pages need, passed over everywhere else.

Public pages never read the staff session (backspasm.web.staffsessions), so nobody is signed in
on them: the signed-in user, the second factor, the admin's messages and the editor recorded in
the edit history have nothing to do there, yet ran on every request a patient made. Each class
here runs the library's own middleware only under the staff paths the apps register. Those for
authentication and messages are subclasses, so they still satisfy the admin's checks for them;
simple_history's middleware is a function, so ours holds it.

On a public page ``request.user`` is absent; templates there get an anonymous user from the auth
context processor, and no public view reads it.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth import middleware as auth
from django.contrib.messages import middleware as messages
from django.http import HttpRequest, HttpResponseBase
from django_otp import middleware as otp
from simple_history import middleware as history

from backspasm.web.staffsessions import is_staff_path

GetResponse = Callable[[HttpRequest], HttpResponseBase]


class _UnderStaffPaths:
    # The site is served over WSGI: these run synchronously, as the rest of the stack does.
    sync_capable = True
    async_capable = False
    get_response: Any  # each library's middleware types it its own way

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if is_staff_path(request.path):
            response: HttpResponseBase = super().__call__(request)  # type: ignore[misc]
        else:
            response = self.get_response(request)
        return response


class AuthenticationMiddleware(_UnderStaffPaths, auth.AuthenticationMiddleware):
    pass


class OTPMiddleware(_UnderStaffPaths, otp.OTPMiddleware):  # type: ignore[misc]  # untyped library
    pass


class MessageMiddleware(_UnderStaffPaths, messages.MessageMiddleware):
    pass


class HistoryRequestMiddleware:
    """simple_history's middleware is a function, so this one holds it rather than extending it."""

    sync_capable = True
    async_capable = False

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response
        self.for_staff: GetResponse = history.HistoryRequestMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if is_staff_path(request.path):
            return self.for_staff(request)
        return self.get_response(request)
