"""A session engine that keeps the session in the person's cookie, encrypted.

Django's signed-cookie engine keeps the checker's answers out of every server, but anyone who can
read the cookie (on a shared computer, say) can read the answers. Here the contents are encrypted
with Fernet (AES-128-CBC with an HMAC-SHA256, from ``cryptography``) under a key derived from
SECRET_KEY, so the cookie says nothing without the server's secret. The token carries the time it
was written; it is refused once SESSION_COOKIE_AGE has passed since the last change, whatever the
browser keeps. Keys derived from SECRET_KEY_FALLBACKS still open older cookies during a rotation.
"""

import base64
import functools
import zlib
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.contrib.sessions.backends import signed_cookies

KEY_PURPOSE = b"backspasm.web.encryptedcookies session contents"


def derive_key(secret: str) -> bytes:
    """A Fernet key of its own for this purpose, so the cookie never uses SECRET_KEY directly."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=KEY_PURPOSE).derive(
        secret.encode()
    )
    return base64.urlsafe_b64encode(key)


def cipher() -> MultiFernet:
    return _cipher(str(settings.SECRET_KEY), *map(str, settings.SECRET_KEY_FALLBACKS))


@functools.cache
def _cipher(*secrets: str) -> MultiFernet:
    # Fernet objects hold only their keys: one per set of secrets serves every request and thread.
    return MultiFernet([Fernet(derive_key(secret)) for secret in secrets])


class SessionStore(signed_cookies.SessionStore):
    def load(self) -> dict[str, Any]:
        try:
            token = str(self.session_key).encode("ascii")
            plain = cipher().decrypt(token, ttl=self.get_session_cookie_age())
            data: dict[str, Any] = self.serializer().loads(zlib.decompress(plain))
            return data
        except (InvalidToken, UnicodeEncodeError, ValueError, zlib.error, AttributeError):
            # A cookie that is not ours, was changed, or has outlived its 14 days: start afresh.
            self.create()
            return {}

    def _get_session_key(self) -> str:
        # Compressed as the signed cookie was, so the cookie stays well inside browsers' 4 kB.
        plain = zlib.compress(self.serializer().dumps(self._session))  # type: ignore[attr-defined]
        return cipher().encrypt(plain).decode("ascii")
