"""Every response carries the protective headers a health site needs, under production settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.test import Client

from tests.accounts.signin import authenticator_for, sign_in_fully
from tests.support.checker import complete_checker

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENVIRONMENT = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "backspasm.example.org",
    "DJANGO_SECURE": "1",
}
# What production settings turn on behind the TLS proxy (DJANGO_SECURE's default).
HTTPS_SETTINGS = {
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
}
EXPECTED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
EXPECTED_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
}
PAGES = ["/", "/check/", "/self-care/", "/privacy/", "/about/", "/accessibility/"]


def with_production_settings(
    *arguments: str, **environment: str
) -> subprocess.CompletedProcess[str]:
    """Runs Python in a fresh process with the environment a production server has."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(PRODUCTION_ENVIRONMENT, **environment)
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def https_client(settings) -> Client:
    """A browser reaching the site over HTTPS through the TLS proxy, with production settings."""
    for name, value in HTTPS_SETTINGS.items():
        setattr(settings, name, value)
    settings.DEBUG = False
    return Client(headers={"X-Forwarded-Proto": "https"})


def test_deploy_check_is_clean_with_production_settings():
    # Several app servers share one Redis (the check only reads the address, it connects nowhere).
    result = with_production_settings(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        REDIS_URL="redis://cache.backspasm.internal:6379/0",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("url", PAGES)
def test_every_page_pins_its_security_headers(https_client: Client, url: str):
    response = https_client.get(url)

    assert response.status_code in {200, 404}
    for header, value in EXPECTED_HEADERS.items():
        assert response.headers[header] == value, header


@pytest.mark.parametrize("cached", [False, True], ids=["rendered", "from the page cache"])
def test_content_security_policy_is_exactly_the_reviewed_one(https_client: Client, cached: bool):
    if cached:
        https_client.get("/")
    response = https_client.get("/")

    # Django's page cache marks what it serves with the stored copy's age.
    assert ("Age" in response.headers) == cached
    assert response.headers["Content-Security-Policy"] == EXPECTED_CSP


def test_every_script_is_a_file_from_this_site(https_client: Client):
    for url in PAGES:
        scripts = BeautifulSoup(https_client.get(url).content, "html.parser").find_all("script")

        assert scripts, url
        for script in scripts:
            assert str(script.get("src", "")).startswith("/static/"), script
            assert not script.string, "inline script"
            assert not script.get("nonce"), "a nonce would make every page unique"


def test_pages_have_no_inline_styles_or_event_handlers(https_client: Client):
    for url in PAGES:
        soup = BeautifulSoup(https_client.get(url).content, "html.parser")

        assert not soup.find("style"), url
        assert not soup.select("[style]"), url
        handlers = [
            attribute
            for element in soup.find_all(True)
            for attribute in element.attrs
            if attribute.lower().startswith("on")
        ]
        assert handlers == [], url


def test_htmx_is_configured_to_need_neither_eval_nor_inline_scripts(https_client: Client):
    soup = BeautifulSoup(https_client.get("/").content, "html.parser")
    config = str(soup.select('meta[name="htmx-config"]')[0]["content"])

    assert '"allowEval": false' in config
    assert '"allowScriptTags": false' in config
    assert '"selfRequestsOnly": true' in config
    assert '"historyCacheSize": 0' in config


def test_static_files_carry_the_headers_too(https_client: Client):
    response = https_client.get("/static/css/main.css")
    response.close()

    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_plain_http_through_the_proxy_redirects_permanently_to_https(settings):
    for name, value in HTTPS_SETTINGS.items():
        setattr(settings, name, value)
    response = Client(headers={"X-Forwarded-Proto": "http"}).get("/privacy/?a=1")

    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/privacy/?a=1"


def test_https_through_the_proxy_is_served(https_client: Client):
    assert https_client.get("/privacy/").status_code == 200


# The checks run in threads of their own, which see only committed rows.
@pytest.mark.django_db(transaction=True)
def test_health_check_answers_the_load_balancer_over_plain_http(settings):
    for name, value in HTTPS_SETTINGS.items():
        setattr(settings, name, value)
    response = Client(headers={"X-Forwarded-Proto": "http"}).get("/healthz")

    assert response.status_code == 200


def test_cookies_are_secure_httponly_and_same_site(https_client: Client):
    admin = User.objects.create_superuser("admin", password="a-long-admin-password-1")
    device = authenticator_for(admin)
    https_client.get("/admin/account/login/")
    sign_in_fully(https_client, admin, device, "a-long-admin-password-1")
    https_client.post("/check/start-again/")
    complete_checker(https_client, {"age": 40})
    cookies = https_client.cookies

    assert set(cookies) == {"csrftoken", "backspasm_session", "backspasm_staff_session"}
    for name in cookies:
        assert cookies[name]["secure"] is True, name
        assert cookies[name]["httponly"] is True, name
    assert cookies["csrftoken"]["samesite"] == "Lax"
    assert cookies["backspasm_session"]["samesite"] == "Lax"
    assert cookies["backspasm_staff_session"]["samesite"] == "Strict"
