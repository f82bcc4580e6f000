"""The settings of the in-process site under test: production's, read from an environment in
which only what a test run needs is set (pyproject.toml points pytest-django here).

A throwaway secret key, the test client's host, plain HTTP, static files read from static/ (no
collectstatic step) and a cache of this test process's own. The environment is put back
afterwards, so servers the tests start in other processes get only what each test gives them.
"""

import os
import tempfile

_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
_outside = dict(os.environ)
os.environ.update(
    DJANGO_DEBUG="0",
    DJANGO_SECRET_KEY="insecure-key-for-the-tests-only",
    DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1,localhost,[::1]",
    DJANGO_SECURE="0",
    DJANGO_STATIC_FROM_SOURCE="1",
    DJANGO_CACHE_DIR=tempfile.mkdtemp(prefix=f"backspasm-test-cache-{_worker}-"),
    # Test processes that share one Redis keep to their own keys.
    BACKSPASM_RELEASE=f"test-{_worker}",
)
try:
    from backspasm.settings import *  # noqa: F403
finally:
    os.environ.clear()
    os.environ.update(_outside)

# In-process tests read the counts inside the test's own transaction, which another thread's
# connection cannot see: write them in the request's thread. Servers the tests start write them
# in the background, as production does.
TRIAGE_COUNTS_IN_BACKGROUND = False

# Django's own advice for test runs: a fast hasher, since the suite makes and signs in many staff
# accounts. Servers the tests start run production's settings, and so its hasher.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A file rather than memory: the browser tests' live server answers each request in a thread of
# its own, and an in-memory database would make those threads share one connection, which SQLite
# cannot serve from two threads at once (a service worker fetches several pages together).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.mkdtemp(prefix=f"backspasm-test-db-{_worker}-"), "db.sqlite3")
    }
