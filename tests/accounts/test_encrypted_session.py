"""The person's cookie holds their answers encrypted, and only for 14 days after the last change."""

import base64
import binascii
import json
import time
import zlib
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends.signed_cookies import SessionStore as SignedStore
from django.test import Client

from backspasm.web.encryptedcookies import SessionStore, compress, seal
from selfcare.diary import MAX_ENTRIES
from tests.support.checker import complete_checker

pytestmark = pytest.mark.django_db

FOURTEEN_DAYS = 14 * 24 * 60 * 60


def readable_without_the_key(value: str) -> object:
    """What anyone holding a signed cookie can read: base64 of (zlib of, with a dot) JSON."""
    payload = value.split(":")[0]
    try:
        raw = base64.urlsafe_b64decode(payload.lstrip(".") + "=" * (-len(payload.lstrip(".")) % 4))
        return json.loads(zlib.decompress(raw) if payload.startswith(".") else raw)
    except (binascii.Error, ValueError, zlib.error):
        return None


def test_the_cookie_after_a_checker_journey_reveals_no_answer(client: Client):
    complete_checker(client, {"age": 47, "pain_score": 7})
    value = client.cookies[settings.SESSION_COOKIE_NAME].value

    assert readable_without_the_key(value) is None
    assert SessionStore(value).load(), "the server itself still reads the answers"


def test_the_signed_cookie_of_before_was_readable_by_the_same_check():
    signed = SignedStore()
    signed["answers"] = {"age": 47}
    signed.save()

    assert readable_without_the_key(str(signed.session_key)) == {"answers": {"age": 47}}


def token_written(seconds_ago: int) -> str:
    plain = compress(json.dumps({"answers": {"age": 47}}).encode())
    return seal(plain, written_at=int(time.time()) - seconds_ago)


def test_a_cookie_changed_13_days_ago_still_opens():
    assert SessionStore(token_written(13 * 24 * 60 * 60)).load() == {"answers": {"age": 47}}


def test_a_cookie_last_changed_over_14_days_ago_is_forgotten_even_if_the_browser_kept_it():
    assert SessionStore(token_written(FOURTEEN_DAYS + 60)).load() == {}


def test_a_cookie_made_with_another_secret_is_refused(settings):
    settings.SECRET_KEY = "someone-elses-secret-key"
    theirs = token_written(0)
    settings.SECRET_KEY = "the-site-s-own-secret-key"

    assert SessionStore(theirs).load() == {}


def test_a_cookie_dated_ahead_of_the_clock_is_refused():
    assert SessionStore(token_written(-10 * 60)).load() == {}


def test_a_cookie_changed_by_one_bit_or_cut_short_is_refused():
    raw = bytearray(base64.urlsafe_b64decode(token_written(0)))
    for position in range(len(raw)):
        changed = raw.copy()
        changed[position] ^= 1
        assert SessionStore(base64.urlsafe_b64encode(changed).decode()).load() == {}, position
    for length in range(len(raw)):
        assert SessionStore(base64.urlsafe_b64encode(raw[:length]).decode()).load() == {}, length


def test_cookies_from_before_a_secret_key_rotation_still_open(settings):
    old_cookie = token_written(0)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "the-new-secret-key-after-rotation"

    assert SessionStore(old_cookie).load() == {"answers": {"age": 47}}


def test_the_fullest_session_the_site_keeps_fits_a_browsers_4_kb_cookie(client: Client):
    complete_checker(client, {"age": 47, "pain_score": 7})
    session = client.session
    today = date.today()
    session["selfcare_diary"] = [
        [(today - timedelta(days=day)).isoformat(), 10, 1] for day in range(MAX_ENTRIES)
    ]
    session.save()

    assert SessionStore(session.session_key).load() == dict(session.items())
    cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
    assert len(cookie) < 4096 // 2, "room to spare under the 4 kB browsers keep"


def test_the_browser_is_told_to_drop_the_cookie_14_days_after_the_last_change(client: Client):
    complete_checker(client, {"age": 47})

    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == FOURTEEN_DAYS


def test_the_privacy_page_says_the_answers_are_encrypted_and_kept_14_days(client: Client):
    body = client.get("/privacy/").content.decode()

    assert "The cookie is encrypted" in body
    assert "They are kept for 14 days after you last changed them" in body
