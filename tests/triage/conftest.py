"""Helpers for the checker's tests: put answers straight into a client's signed session cookie."""

from collections.abc import Mapping
from importlib import import_module
from typing import Any

from bs4 import BeautifulSoup, Tag
from django.conf import settings
from django.test import Client

from triage.flow import SESSION_KEY

# "None of these" on every page of the emergency screen.
EMERGENCY_NONE: dict[str, object] = {
    "emergency_signs": [],
    "emergency_legs": [],
    "emergency_heart": [],
    "emergency_other": [],
}

# Every step answered with nothing worrying: reaches "check your answers" and self_care.
CALM_ANSWERS: dict[str, object] = {
    "emergency_signs": [],
    "emergency_legs": [],
    "emergency_heart": [],
    "emergency_other": [],
    "age": 35,
    "pregnant": "no",
    "duration_days": 3,
    "pain_score": 4,
    "general_signs": [],
    "health_history": [],
    "pain_features": [],
    "tummy_signs": [],
    "sciatica": False,
    "pain_changes": [],
    "daily_life": [],
}


def store(client: Client, stored: object, finished: bool = False, **extra: Any) -> None:
    """Give the client a session holding these checker answers (and any other keys)."""
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = {"answers": stored, "finished": finished}
    session.update(extra)
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key


def read_session(client: Client) -> Mapping[str, Any]:
    engine = import_module(settings.SESSION_ENGINE)
    session: Mapping[str, Any] = engine.SessionStore(
        client.cookies[settings.SESSION_COOKIE_NAME].value
    )
    return session


def one(markup: str | Tag, selector: str) -> Tag:
    """The one element the selector finds in a page or element; fails the test when missing."""
    node = BeautifulSoup(markup, "html.parser") if isinstance(markup, str) else markup
    found = node.select_one(selector)
    assert found is not None, f"nothing matches {selector}"
    return found
