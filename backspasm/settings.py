"""Settings for Back spasm help, read from the environment (see .env.example and the README)."""

import os
import sys
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


class ConfigurationError(SystemExit):
    """Stops the process with one readable line instead of a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(f"Configuration error: {message}")


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value in {"1", "true"}:
        return True
    if value in {"0", "false"}:
        return False
    raise ConfigurationError(f"{name} must be 1, 0, true or false, not {value!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    if not value.strip():
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str) -> str:
    """A secret from NAME, or from the file named by NAME_FILE (for container secrets)."""
    if path := os.environ.get(f"{name}_FILE"):
        try:
            return Path(path).read_text().strip()
        except OSError as error:
            raise ConfigurationError(f"{name}_FILE cannot be read: {error.strerror}.") from None
    return os.environ.get(name, "")


def env_phone(name: str, default: str) -> str:
    value = os.environ.get(name, default).strip()
    if not value or not all(char.isdigit() or char == " " for char in value):
        raise ConfigurationError(f"{name} must be a phone number made of digits, not {value!r}.")
    return value


DEBUG = env_bool("DJANGO_DEBUG", default=False)
TESTING = "pytest" in sys.modules

SECRET_KEY = env_secret("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG and not TESTING:
        raise ConfigurationError(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-key-for-local-development-and-tests-only"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG or TESTING else []
)
if not ALLOWED_HOSTS and not DEBUG:
    raise ConfigurationError("DJANGO_ALLOWED_HOSTS is not set: list the site's host names.")

INSTALLED_APPS = [
    "backspasm.content",
    "triage",
    "selfcare",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "simple_history",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "backspasm.middleware.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages leave compressed (about a quarter of their size) for people on slow mobile data.
    # After WhiteNoise, which serves static files already compressed; Django pads each response
    # with random bytes and masks the CSRF token, which defeats BREACH-style guessing.
    "django.middleware.gzip.GZipMiddleware",
    # Inside GZip, so hits and misses are both compressed and the stored page is plain HTML.
    "backspasm.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A page whose slug changed answers its old addresses with a permanent redirect.
    "backspasm.content.redirects.OldAddressMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "backspasm.urls"
WSGI_APPLICATION = "backspasm.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "backspasm.context_processors.site",
            ],
            "builtins": ["django_htmx.templatetags.django_htmx"],
        },
    }
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
    }
else:
    # One persistent connection per gunicorn worker, checked before reuse (docs/adr/0006). A
    # database that does not answer fails the request in seconds, not at the worker timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds pickled Python objects, so each release keeps to its own keys: during a rolling
# deploy no server reads what another release's code wrote. Test workers sharing one Redis
# database keep to their own keys too.
RELEASE = os.environ.get("BACKSPASM_RELEASE", "").strip()
if RELEASE and not all(char.isalnum() or char in "._-" for char in RELEASE):
    raise ConfigurationError(
        f"BACKSPASM_RELEASE may hold only letters, digits, '.', '_' and '-', not {RELEASE!r}."
    )
CACHE_KEY_PREFIX = "-".join(
    ["backspasm", "test", os.environ.get("PYTEST_XDIST_WORKER", "main")]
    if TESTING
    else ["backspasm", *([RELEASE] if RELEASE else [])]
)
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "backspasm.cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 600,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
elif DEBUG or TESTING:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": 600,
        }
    }
else:
    # Without Redis the gunicorn workers of one machine still share one cache, so an editor's
    # change reaches every worker at once; a per-process cache would keep serving old pages.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR") or BASE_DIR / ".cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 600,
        }
    }

# Answers to the checker live only in a signed cookie: no session row, nothing server-side.
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"
SESSION_COOKIE_NAME = "backspasm_session"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_EXPIRE_AT_BROWSER_CLOSE = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_IPWARE_PROXY_COUNT = 1 if env_bool("DJANGO_BEHIND_PROXY", default=False) else 0

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic writes; the benchmark points it at a throwaway directory.
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
# Development and tests read static files straight from static/, with no collectstatic step.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING

# HTTPS-only settings: on by default in production, off with DJANGO_SECURE=0 for loopback runs.
SECURE = env_bool("DJANGO_SECURE", default=not DEBUG and not TESTING)
SECURE_SSL_REDIRECT = SECURE
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = 31_536_000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
# A one-year, all-subdomains policy already meets the preload list's terms; asking for preload
# protects even a person's first visit from a downgrade on hostile Wi-Fi (see docs/adr/0005).
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
# The address of a page can say what someone is worried about (/guidance/cauda-equina/): other
# sites learn nothing from a link followed out of ours. Same-origin requests keep the header, so
# Django's CSRF referer check on HTTPS still works.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# Phone numbers shown to people: configurable for services outside the UK.
EMERGENCY_NUMBER = env_phone("BACKSPASM_EMERGENCY_NUMBER", "999")
URGENT_NUMBER = env_phone("BACKSPASM_URGENT_NUMBER", "111")
CRISIS_LINE_NUMBER = env_phone("BACKSPASM_CRISIS_LINE_NUMBER", "116 123")
CRISIS_LINE_NAME = os.environ.get("BACKSPASM_CRISIS_LINE_NAME", "Samaritans")

# Apps whose models the "Content editors" group may add, change and view (nothing else).
CONTENT_EDITOR_APP_LABELS = ["content", "selfcare"]
# Apps whose models "Clinical reviewers" may view: what editors change, and the checker's counts.
CLINICAL_REVIEWER_VIEW_APP_LABELS = [*CONTENT_EDITOR_APP_LABELS, "triage"]

# Email (review reminders): printed to the console unless EMAIL_HOST names an SMTP server.
# Django 6.1's MAILERS, which replaces the EMAIL_HOST family of settings.
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": env_secret("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", default=True),
                "timeout": 30,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Back spasm help <webmaster@localhost>")
EMAIL_SUBJECT_PREFIX = "[Back spasm help] "
# The site's own address, for links in emails (there is no request to take it from).
SITE_URL = os.environ.get("BACKSPASM_SITE_URL", "http://localhost:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"without_template_context": {"()": "backspasm.logfilters.WithoutTemplateContext"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Its DEBUG records carry whole template contexts, answers included (see the filter).
        "django.template": {"level": "WARNING", "filters": ["without_template_context"]},
        "backspasm": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
