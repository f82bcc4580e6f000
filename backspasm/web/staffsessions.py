"""Two kinds of session: the patient's in their own cookie, staff's on the server.

A patient's answers must never reach a server-side store, so every public page uses the encrypted
cookie engine (SESSION_ENGINE). A copy of a cookie cannot be revoked, though, and an editor's
session opens the admin: under the staff paths the apps register (backspasm.registry) the session
lives in the database instead, in a cookie of its own, so logout, a password change or an
administrator ends it on every server at once. A staff session expires after
STAFF_SESSION_IDLE_SECONDS without a request and STAFF_SESSION_MAX_SECONDS after sign-in, whatever
the browser does. Public pages never read the staff cookie: a staff member browsing the site is an
anonymous visitor there, served the same cached pages as everyone.
"""

import time
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

from backspasm import registry

STARTED_KEY = "_staff_session_started"


def is_staff_path(path: str) -> bool:
    return path.startswith(registry.staff_paths())


class StaffSessionStore(db.SessionStore):
    """Django's database sessions, with an idle and an absolute time limit."""

    def get_session_cookie_age(self) -> int:
        # Every staff request saves the session, so the expiry slides: this is the idle limit.
        return int(settings.STAFF_SESSION_IDLE_SECONDS)

    def load(self) -> dict[str, Any]:
        data: dict[str, Any] = super().load()
        started = data.get(STARTED_KEY)
        if started is not None and time.time() - started > settings.STAFF_SESSION_MAX_SECONDS:
            self.delete(self._session_key)
            self._session_key = None
            return {}
        return data

    def save(self, must_create: bool = False) -> None:
        if not self.is_empty():
            self._get_session(no_load=must_create).setdefault(  # type: ignore[attr-defined]
                STARTED_KEY, time.time()
            )
        super().save(must_create=must_create)

    def cycle_key(self) -> None:
        # Called at sign-in: the absolute limit counts from there, not from the sign-in page.
        self[STARTED_KEY] = time.time()
        super().cycle_key()


def end_sessions_of(user_pk: Any) -> int:
    """End every staff session of one account, on every server; returns how many there were."""
    ended = 0
    store = StaffSessionStore()
    for session in StaffSessionStore.get_model_class().objects.all().iterator():
        if store.decode(session.session_data).get("_auth_user_id") == str(user_pk):
            session.delete()
            ended += 1
    return ended


class SessionMiddleware(DjangoSessionMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        if is_staff_path(request.path):
            request.session = StaffSessionStore(
                request.COOKIES.get(settings.STAFF_SESSION_COOKIE_NAME)
            )
        else:
            super().process_request(request)

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not is_staff_path(request.path):
            return super().process_response(request, response)
        session = getattr(request, "session", None)
        if not isinstance(session, StaffSessionStore):
            return response
        name = settings.STAFF_SESSION_COOKIE_NAME
        cookie_options: dict[str, Any] = {
            "path": "/",
            "domain": settings.SESSION_COOKIE_DOMAIN,
            "samesite": "Strict",
        }
        if session.is_empty():
            if name in request.COOKIES:
                response.delete_cookie(name, **cookie_options)
                patch_vary_headers(response, ("Cookie",))
            return response
        patch_vary_headers(response, ("Cookie",))
        if response.status_code >= 500:
            return response
        # Saved on every request, so the idle limit counts from the last one.
        try:
            session.save()
        except UpdateError:
            raise SessionInterrupted(
                "The staff session was ended (a logout elsewhere, say) before this request "
                "finished."
            ) from None
        max_age = session.get_expiry_age()
        response.set_cookie(
            name,
            str(session.session_key),
            max_age=max_age,
            expires=http_date(time.time() + max_age),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            **cookie_options,
        )
        return response
