"""A session engine that keeps the session in the person's cookie, encrypted.

Django's signed-cookie engine keeps the checker's answers out of every server, but anyone who can
read the cookie (on a shared computer, say) can read the answers. Here the contents are encrypted
and authenticated with AES-256-GCM (from ``cryptography``) under a key derived from SECRET_KEY, so
the cookie says nothing without the server's secret and cannot be changed without it being
refused. The cookie carries the time it was written, authenticated with the contents; it is
refused once SESSION_COOKIE_AGE has passed since the last change, whatever the browser keeps.
Keys derived from SECRET_KEY_FALLBACKS still open older cookies during a rotation.

A cookie is base64url of: the time it was written (8 bytes, seconds), a random 12-byte nonce, then
the JSON, raw-deflated, encrypted with its 16-byte tag (docs/adr/0025).
"""

import base64
import binascii
import functools
import os
import time
import zlib
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.contrib.sessions.backends import signed_cookies

KEY_PURPOSE = b"backspasm.web.encryptedcookies session contents, AES-256-GCM"
TIME_BYTES = 8
NONCE_BYTES = 12
TAG_BYTES = 16
# A cookie written by a server whose clock runs a little ahead still opens on the others.
CLOCK_SKEW_SECONDS = 60
# A session is a few hundred bytes and a cookie at most 4 kB: a 4 kB window and a small hash table
# compress it as well as zlib's defaults, whose 256 kB of state made compressing a session take
# 29-39 us against 6 us. Raw deflate, with no checksum: the tag already proves the contents whole.
DEFLATE_WINDOW_BITS = 12
DEFLATE_MEMORY_LEVEL = 2


class UnreadableCookie(ValueError):
    """Not a cookie of ours, changed since it was written, or past its age."""


def derive_key(secret: str) -> bytes:
    """A key of its own for this purpose, so the cookie never uses SECRET_KEY directly."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=KEY_PURPOSE).derive(
        secret.encode()
    )


@functools.cache
def _ciphers(*secrets: str) -> tuple[AESGCM, ...]:
    # A cipher holds only its key: one per secret serves every request and thread.
    return tuple(AESGCM(derive_key(secret)) for secret in secrets)


def ciphers() -> tuple[AESGCM, ...]:
    """The current secret's cipher first, then those of the fallbacks."""
    return _ciphers(str(settings.SECRET_KEY), *map(str, settings.SECRET_KEY_FALLBACKS))


def seal(plain: bytes, written_at: int | None = None) -> str:
    """The cookie value holding ``plain``, written now unless ``written_at`` says otherwise."""
    stamp = (int(time.time()) if written_at is None else written_at).to_bytes(TIME_BYTES, "big")
    nonce = os.urandom(NONCE_BYTES)
    sealed = ciphers()[0].encrypt(nonce, plain, stamp)
    return base64.urlsafe_b64encode(stamp + nonce + sealed).decode("ascii")


def unseal(token: str, max_age: int) -> bytes:
    """What ``seal`` put in the cookie, if it is ours, unchanged and under ``max_age`` seconds."""
    try:
        raw = base64.urlsafe_b64decode(token.encode("ascii"))
    except (UnicodeEncodeError, binascii.Error) as error:
        raise UnreadableCookie("not base64") from error
    if len(raw) < TIME_BYTES + NONCE_BYTES + TAG_BYTES:
        raise UnreadableCookie("too short")
    stamp, nonce, sealed = (
        raw[:TIME_BYTES],
        raw[TIME_BYTES : TIME_BYTES + NONCE_BYTES],
        raw[TIME_BYTES + NONCE_BYTES :],
    )
    age = time.time() - int.from_bytes(stamp, "big")
    if not -CLOCK_SKEW_SECONDS <= age <= max_age:
        raise UnreadableCookie("written too long ago, or in the future")
    for cipher in ciphers():
        try:
            return cipher.decrypt(nonce, sealed, stamp)
        except InvalidTag:
            continue
    raise UnreadableCookie("not sealed with any of the site's keys, or changed since")


def compress(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-DEFLATE_WINDOW_BITS, memLevel=DEFLATE_MEMORY_LEVEL)
    return compressor.compress(data) + compressor.flush()


def decompress(data: bytes) -> bytes:
    return zlib.decompress(data, wbits=-DEFLATE_WINDOW_BITS)


class SessionStore(signed_cookies.SessionStore):
    def load(self) -> dict[str, Any]:
        try:
            plain = unseal(str(self.session_key), self.get_session_cookie_age())
            data: dict[str, Any] = self.serializer().loads(decompress(plain))
            return data
        except (UnreadableCookie, ValueError, zlib.error):
            # A cookie that is not ours, was changed, or has outlived its 14 days: start afresh.
            self.create()
            return {}

    def _get_session_key(self) -> str:
        # Compressed, so the cookie stays well inside browsers' 4 kB.
        return seal(compress(self.serializer().dumps(self._session)))  # type: ignore[attr-defined]
