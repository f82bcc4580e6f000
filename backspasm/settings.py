"""Settings for Back spasm help, read from the environment (see .env.example and the README)."""

import os
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


def env_int(name: str, default: int, minimum: int) -> int:
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    if not value.isdigit() or int(value) < minimum:
        raise ConfigurationError(f"{name} must be a whole number from {minimum}, not {value!r}.")
    return int(value)


def env_phone(name: str, default: str) -> str:
    value = os.environ.get(name, default).strip()
    if not value or not all(char.isdigit() or char == " " for char in value):
        raise ConfigurationError(f"{name} must be a phone number made of digits, not {value!r}.")
    return value


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_secret("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ConfigurationError(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-key-for-local-development-only"
# Earlier keys, newest first, still accepted during a rotation (README: "Rotating the secret key"):
# patients' encrypted cookies made under them stay readable, as do signed links and sessions.
SECRET_KEY_FALLBACKS = [
    key.strip()
    for key in env_secret("DJANGO_SECRET_KEY_FALLBACKS").replace("\n", ",").split(",")
    if key.strip()
]

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
if not ALLOWED_HOSTS and not DEBUG:
    raise ConfigurationError("DJANGO_ALLOWED_HOSTS is not set: list the site's host names.")

# In layers, the platform first (docs/adr/0017): each app registers what the platform needs to
# know about it in its own AppConfig.ready(), which Django calls in this order.
INSTALLED_APPS = [
    "backspasm.publishing",
    "triage",
    "selfcare",
    "feedback",
    "content",
    # The admin asks every staff account for a second factor
    # (backspasm.web.admin.VerifiedAdminSite).
    "backspasm.apps.AdminConfig",
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
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    # Enrolment, devices and the notices about them (backspasm/accounts/).
    "backspasm.accounts",
    "django_ratelimit",
]

# A history row says why in full: an approval's reason names the change, who proposed it and who
# approved it, which PostgreSQL would refuse in simple-history's default of 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "backspasm.web.middleware.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, which needs the visitor's own Accept-Encoding to serve Brotli.
    "backspasm.web.caching.CanonicalRequestMiddleware",
    # Django's page cache (docs/adr/0010): it stores a public page as it leaves GZip, so a hit is
    # bytes compressed once. Only responses to cookieless requests that a view marked public are
    # stored (backspasm.web.caching.public_page); everything else carries no max-age and is not.
    # A day long copy of each stays in the shared cache, served when the database fails.
    "backspasm.web.caching.StaleOnErrorCacheMiddleware",
    # Pages leave compressed (about a quarter of their size) for people on slow mobile data.
    # Django pads each response with random bytes and masks the CSRF token against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    # Outside the fetch, so a hit answers a revalidation with 304 too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Early, so a hit skips sessions, CSRF, authentication and the view.
    "django.middleware.cache.FetchFromCacheMiddleware",
    # The patient's answers stay in an encrypted cookie; staff get a server-side session under
    # the staff paths the apps register (backspasm.registry, docs/adr/0011).
    "backspasm.web.staffsessions.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A page whose slug changed answers its old addresses with a permanent redirect.
    "backspasm.publishing.redirects.OldAddressMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Signing in, the second factor, the admin's messages and the editor named in the edit
    # history run only under the staff paths: nobody is signed in on a public page.
    "backspasm.web.staffmiddleware.AuthenticationMiddleware",
    "backspasm.web.staffmiddleware.OTPMiddleware",
    "backspasm.web.staffmiddleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "backspasm.web.staffmiddleware.HistoryRequestMiddleware",
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
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "backspasm.web.context_processors.site",
                "selfcare.context_processors.your_pages",
                "feedback.context_processors.feedback",
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
    # One persistent connection per gunicorn thread, checked before reuse (docs/adr/0006), through
    # a backend whose every wait gives up (backspasm.postgres, docs/adr/0021): a database that
    # stops answering fails the requests that need it within about DATABASE_WAIT_SECONDS and
    # leaves the rest of the site alone. The server cancels a statement and a lock wait before
    # the client gives up; a server that never answers is the client's to bound: a connection
    # attempt after connect_timeout, any other wait after DATABASE_WAIT_SECONDS, and data the
    # network never acknowledges after tcp_user_timeout. Keepalives notice a silent peer on an
    # idle connection within about 15 s.
    DATABASES["default"]["ENGINE"] = "backspasm.postgres"
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": 3,
        "options": "-c statement_timeout=2500 -c lock_timeout=2000"
        " -c idle_in_transaction_session_timeout=30000",
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 5,
        "keepalives_count": 2,
        "tcp_user_timeout": 3_000,
        **DATABASES["default"].get("OPTIONS", {}),
    }
# How long a thread waits on PostgreSQL at most (backspasm.postgres.bounded); 0 for no bound, for
# a long data migration run by hand.
DATABASE_WAIT_SECONDS = float(os.environ.get("DATABASE_WAIT_SECONDS") or 3) or None
# How many threads of a process may wait on PostgreSQL at once: the rest stay free for the pages
# that need no database. Half of gunicorn's threads (gunicorn.conf.py reads the same variable).
DATABASE_WAITING_THREADS = max(1, int(os.environ.get("GUNICORN_THREADS") or 4) // 2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds pickled Python objects, so each release keeps to its own keys: during a rolling
# deploy no server reads what another release's code wrote.
RELEASE = os.environ.get("BACKSPASM_RELEASE", "").strip()
if RELEASE and not all(char.isalnum() or char in "._-" for char in RELEASE):
    raise ConfigurationError(
        f"BACKSPASM_RELEASE may hold only letters, digits, '.', '_' and '-', not {RELEASE!r}."
    )
CACHE_KEY_PREFIX = "-".join(["backspasm", *([RELEASE] if RELEASE else [])])
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 600,
            "OPTIONS": {
                # Advice must reach people while Redis is down: a failed call is a logged miss.
                "IGNORE_EXCEPTIONS": True,
                # A Redis that hangs costs a request a quarter of a second, not the worker timeout.
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "backspasm.cache"
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Without Redis the gunicorn workers of one machine still share one cache; a disk that fails
    # is a miss, as Redis down is (backspasm.web.filecache).
    CACHES = {
        "default": {
            "BACKEND": "backspasm.web.filecache.ForgivingFileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR") or BASE_DIR / ".cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 600,
            # Past MAX_ENTRIES a third of the files go, at random: the default of 300 is fewer than
            # an hour's feedback counters (feedback.ratelimit), so a count could vanish mid-hour.
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }
if not REDIS_URL:
    # django-ratelimit counts in the default cache and flags any but Redis or memcached: without
    # Redis a one-machine site still counts page feedback, only less exactly under a burst.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# "Is this page useful?" answers one address, and everyone together, may send (docs/adr/0015):
# a person may rate every page they read in an hour; a botnet still cannot fill the table.
FEEDBACK_RATE_PER_ADDRESS = "10/h"
FEEDBACK_RATE_EVERYONE = "500/h"
# Searches one address may make a minute (docs/adr/0018): more than a person types, far fewer
# than a script sends.
SEARCH_RATE_PER_ADDRESS = "30/m"
# Whole pages are kept in each worker's memory: a hit then costs no round trip, and a page lives
# at most PUBLIC_MAX_AGE seconds whatever happens to Redis (docs/adr/0010). The oldest go first
# past MAX_ENTRIES, so nothing a visitor sends can grow it without bound.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
# Only the admin sends messages, and its sessions are kept on the server: the default, which tries
# a signed cookie first, would sign and check one on every request for nothing.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CACHE_MIDDLEWARE_ALIAS = "pages"
# A page is stored only when its view says for how long (backspasm.web.caching.public_page).
CACHE_MIDDLEWARE_SECONDS = 0

# Answers to the checker live only in the person's cookie, encrypted: no session row, nothing
# server-side. The cookie and its contents last 14 days from the last change (docs/adr/0011).
SESSION_ENGINE = "backspasm.web.encryptedcookies"
SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"
SESSION_COOKIE_NAME = "backspasm_session"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
# Staff pages (the admin, its sign-in and the draft preview, as the apps register them in
# backspasm.registry) keep their sessions in the database so that logout, a password change or an
# administrator ends them, idle after 30 minutes and at most 8 hours long.
STAFF_SESSION_COOKIE_NAME = "backspasm_staff_session"
STAFF_SESSION_IDLE_SECONDS = 30 * 60
STAFF_SESSION_MAX_SECONDS = 8 * 60 * 60
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
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
# A username and an address together: a stranger's guesses never lock an editor out from their
# own address, and an editor's success resets only their own pair.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The two-factor sign-in is a form wizard whose fields carry the step's prefix.
AXES_USERNAME_CALLABLE = "backspasm.accounts.signin.attempted_username"
# Behind proxies that append to X-Forwarded-For, the client is the address that many trusted
# proxies from its right (anything before it the client may have written); a directly exposed
# server trusts only the socket's address, which a client cannot forge
# (backspasm.web.clientaddress).
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", default=False)
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", default=1, minimum=1)
AXES_CLIENT_IP_CALLABLE = "backspasm.web.clientaddress.client_address"
# The lockout's records of sign-ins and failures are pruned after this many days (the
# pruneaccessrecords command, run daily from cron).
ACCESS_RECORDS_KEPT_DAYS = 90

LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "admin:index"
TWO_FACTOR_REMEMBER_COOKIE_AGE = None
OTP_TOTP_ISSUER = "Back spasm help"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic writes; the benchmark points it at a throwaway directory.
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Development and the tests read static files straight from static/, with no collectstatic step.
STATIC_FROM_SOURCE = env_bool("DJANGO_STATIC_FROM_SOURCE", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if STATIC_FROM_SOURCE
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_USE_FINDERS = STATIC_FROM_SOURCE
WHITENOISE_AUTOREFRESH = STATIC_FROM_SOURCE

# HTTPS-only settings: on by default in production, off with DJANGO_SECURE=0 for loopback runs.
SECURE = env_bool("DJANGO_SECURE", default=not DEBUG)
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
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    # The service worker that keeps the emergency pages for offline use (content/offline.py).
    "worker-src": [CSP.SELF],
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

# The checker's daily counts are written by one thread per process after the person's result has
# been sent, so a hung database never holds a request thread (triage.monitoring).
TRIAGE_COUNTS_IN_BACKGROUND = True

# Email (review reminders), through Django 6.1's MAILERS. Development prints to the console; a
# production server sends through SMTP, to EMAIL_HOST or else the machine's own mail server.
MAILERS: dict[str, dict[str, object]]
if DEBUG and not os.environ.get("EMAIL_HOST"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(
                    os.environ.get("EMAIL_PORT", "587" if os.environ.get("EMAIL_HOST") else "25")
                ),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": env_secret("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", default=bool(os.environ.get("EMAIL_HOST"))),
                "timeout": 30,
            },
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Back spasm help <webmaster@localhost>")
EMAIL_SUBJECT_PREFIX = "[Back spasm help] "
# The site's own address, for links in emails (there is no request to take it from).
SITE_URL = os.environ.get("BACKSPASM_SITE_URL", "http://localhost:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {
        "without_template_context": {"()": "backspasm.web.logfilters.WithoutTemplateContext"},
        "without_query_string": {"()": "backspasm.web.logfilters.WithoutQueryString"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Its DEBUG records carry whole template contexts, answers included (see the filter).
        "django.template": {"level": "WARNING", "filters": ["without_template_context"]},
        # The development server's request lines: a query string can hold what someone searched.
        "django.server": {"filters": ["without_query_string"]},
        "backspasm": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
