"""Two stateless app servers on one PostgreSQL and one Redis, behind no sticky load balancer:
any server continues any journey, and an editor's change shows on every server within a minute,
whatever Redis did meanwhile. Every request goes through the nginx configuration that ships
(deploy/nginx/backspasm.conf), one nginx in front of each server, so each test still chooses the
server a request reaches."""

import json
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
import redis
from django_otp.oath import totp

from tests.production import services
from tests.support.checker import walk_checker
from tests.support.html import Page
from tests.support.nginx import nginx_in_front, nginx_problem
from tests.support.server import AppServer, Browser, app_server, manage, production_environment

pytestmark = pytest.mark.services

# Django's Redis cache stores a key as "<KEY_PREFIX>:<VERSION>:<key>"; production's prefix.
SERVER_KEY_PREFIX = "backspasm:"
EDITOR = {"auth-username": "editor", "auth-password": "a-long-passphrase-for-the-two-server-test"}
# The editor's authenticator app holds this key (the RFC 6238 test key), so the test can type codes.
AUTHENTICATOR_KEY = b"12345678901234567890"
# A second staff account approves the editor's change: nobody approves their own.
REVIEWER = {"auth-username": "reviewer", "auth-password": EDITOR["auth-password"]}
REVIEWER_KEY = b"09876543210987654321"


def add_authenticator(username: str, key: bytes) -> str:
    return (
        "from django.contrib.auth.models import User; "
        "from django_otp.plugins.otp_totp.models import TOTPDevice; "
        f"TOTPDevice.objects.create(user=User.objects.get(username='{username}'), "
        f"name='default', key='{key.hex()}')"
    )


@pytest.fixture(scope="module")
def redis_client() -> Iterator[redis.Redis]:
    if problem := services.services_problem():
        pytest.skip(problem)
    client = redis.Redis.from_url(services.redis_url())
    # Pages a previous run cached under the same content version must not be served to this one.
    for key in client.scan_iter(f"{SERVER_KEY_PREFIX}*"):
        client.delete(key)
    yield client
    for key in client.scan_iter(f"{SERVER_KEY_PREFIX}*"):
        client.delete(key)
    client.close()


@pytest.fixture(scope="module")
def site_environment(redis_client: redis.Redis, tmp_path_factory) -> Iterator[dict[str, str]]:
    """A database of its own, migrated (guidance loaded), an editor, and collected static files."""
    name = f"backspasm_servers_{uuid.uuid4().hex[:12]}"
    database_url = services.create_database(name)
    try:
        env = production_environment(
            DATABASE_URL=database_url,
            REDIS_URL=services.redis_url(),
            DJANGO_BEHIND_PROXY="1",
            DJANGO_STATIC_ROOT=str(tmp_path_factory.mktemp("static")),
            DJANGO_SUPERUSER_PASSWORD=EDITOR["auth-password"],
        )
        manage(env, "collectstatic", "--no-input", "--verbosity", "0")
        manage(env, "migrate", "--no-input", "--verbosity", "0")
        for account, key in ((EDITOR, AUTHENTICATOR_KEY), (REVIEWER, REVIEWER_KEY)):
            username = account["auth-username"]
            manage(env, "createsuperuser", "--no-input", "--username", username, "--email", "")
            manage(env, "shell", "--command", add_authenticator(username, key))
        yield env
    finally:
        services.drop_databases(name)


@pytest.fixture(scope="module")
def servers(site_environment: dict[str, str], tmp_path_factory) -> Iterator[list[AppServer]]:
    """Each server as the browser reaches it: through its nginx."""
    if problem := nginx_problem():
        pytest.skip(problem)
    logs: Path = tmp_path_factory.mktemp("logs")
    static_root = Path(site_environment["DJANGO_STATIC_ROOT"])
    with (
        app_server(site_environment, logs / "a.log", name="A") as a,
        app_server(site_environment, logs / "b.log", name="B") as b,
        nginx_in_front([a.port], static_root, logs / "nginx-a") as in_front_of_a,
        nginx_in_front([b.port], static_root, logs / "nginx-b") as in_front_of_b,
    ):
        yield [replace(a, port=in_front_of_a.port), replace(b, port=in_front_of_b.port)]


def database_state(server: AppServer) -> str:
    """What the server's health check says of PostgreSQL (Redis has its own line)."""
    return str(json.loads(Browser(server.base_url).get("/healthz").html)["checks"]["database"])


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def sign_in(browser: Browser, account: dict[str, str], key: bytes) -> None:
    login = browser.get("/admin/login/?next=/admin/")
    code_page = browser.submit(login.form(), account)
    signed_in = browser.submit(code_page.form(), {"token-otp_token": f"{totp(key):06d}"})
    assert path_of(signed_in) == "/admin/", signed_in.soup.select(".errornote")


def test_a_checker_journey_alternating_between_servers_reaches_the_right_result(servers):
    browser = Browser(*(server.base_url for server in servers))
    questions: list[str] = []

    def fetch(method: str, url: str, data: dict[str, list[str]] | None) -> Page:
        if method == "POST":
            questions.append(url)
        return browser.fetch(method, url, data)

    # Sciatica for 20 days: rule G1, a GP appointment. The two answers are given to different
    # servers, so the result is only right if each server reads what the other stored.
    answers = {"age": 42, "duration_days": 20, "pain_score": 5, "sciatica": True}

    page = walk_checker(fetch, answers)

    assert path_of(page) == "/check/result/"
    assert page.status == 200
    assert page.disposition == "gp"
    assert len(questions) >= 10
    assert all(count > len(questions) for count in browser.served.values())
    assert len(browser.served) == 2


def site_keys(client: redis.Redis) -> list[bytes]:
    return list(client.scan_iter(f"{SERVER_KEY_PREFIX}*"))


def restore(client: redis.Redis, snapshot: dict[bytes, tuple[bytes, int]]) -> None:
    """Redis restarted from a snapshot taken earlier: only the snapshot's keys, each with the
    time to live it had left (a snapshot keeps absolute expiry times)."""
    for key in site_keys(client):
        client.delete(key)
    for key, (dumped, ttl_ms) in snapshot.items():
        client.restore(key, ttl_ms if ttl_ms > 0 else 0, dumped)


def let_a_minute_pass(client: redis.Redis) -> list[bytes]:
    """What the next 60 seconds do to Redis: every key due to expire by then is gone. Returns
    the keys that outlive the minute."""
    survivors = []
    for key in site_keys(client):
        ttl_ms = int(client.pttl(key))
        if 0 <= ttl_ms <= 60_000:
            client.delete(key)
        else:
            survivors.append(key)
    return survivors


def walk_to_the_plan(browser: Browser, answers: dict[str, int]) -> Page:
    walk_checker(browser.fetch, answers)
    change = browser.get("/self-care/plan/change/")
    # Pain low enough for the plan to list its exercises.
    return browser.submit(change.form(), {"pain_today": "2"})


def test_an_editors_save_reaches_every_server_within_a_minute_even_if_redis_lost_it(
    servers, site_environment, redis_client
):
    """Redis missed the save and came back from a snapshot taken before it: the old content
    version is back, with everything cached under it. The plan, built on every request from the
    cache by that version, still shows the exercise's new name within a minute."""
    a, b = servers
    reader = Browser(b.base_url)
    editor = Browser(a.base_url, b.base_url)
    marker = f"Reach {uuid.uuid4().hex[:8]}"
    plan = walk_to_the_plan(reader, {"age": 35, "duration_days": 3, "pain_score": 6})
    assert path_of(plan) == "/self-care/plan/" and "Arm raise" in plan.html
    snapshot = {
        key: (dumped, int(redis_client.pttl(key)))
        for key in site_keys(redis_client)
        if (dumped := redis_client.dump(key)) is not None
    }

    sign_in(editor, EDITOR, AUTHENTICATOR_KEY)
    with psycopg.connect(site_environment["DATABASE_URL"]) as connection:
        query = "SELECT id FROM selfcare_exercise WHERE slug = 'arm-raise'"
        row = connection.execute(query).fetchone()
    assert row is not None
    change = editor.get(f"/admin/selfcare/exercise/{row[0]}/change/")
    assert change.status == 200, change.html[:500]
    saved = editor.submit(
        change.form(), {"name": marker, "change_reason": "A clearer name", "_save": "Save"}
    )
    assert path_of(saved) == "/admin/selfcare/exercise/", saved.soup.select(".errorlist")
    assert marker not in reader.get("/self-care/plan/").html, "live before anyone approved it"
    # A clinical reviewer approves it on the other server.
    reviewer = Browser(b.base_url)
    sign_in(reviewer, REVIEWER, REVIEWER_KEY)
    with psycopg.connect(site_environment["DATABASE_URL"]) as connection:
        pending = connection.execute(
            "SELECT id FROM content_pendingchange WHERE status = 'pending'"
        ).fetchone()
    assert pending is not None
    review = reviewer.get(f"/admin/publishing/pendingchange/{pending[0]}/change/")
    approved = reviewer.submit(review.form(), {"_approve": "yes"})
    assert approved.status == 200, approved.html[:500]
    # The editor sees the change at once on either server: their pages are never stored.
    assert all(marker in editor.get("/self-care/exercises/arm-raise/").html for _ in servers)
    assert marker in reader.get("/self-care/plan/").html

    restore(redis_client, snapshot)
    assert marker not in reader.get("/self-care/plan/").html, "the old version is back in Redis"

    survivors = let_a_minute_pass(redis_client)

    assert marker in reader.get("/self-care/plan/").html
    assert set(reader.served) == {b.base_url} and set(editor.served) == {a.base_url, b.base_url}
    # What outlives the minute is keyed on a content version the database has moved past.
    assert any(b":content:" in key for key in survivors), survivors


def test_servers_reconnect_when_postgresql_drops_their_connections(servers, site_environment):
    """A restart or failover of PostgreSQL closes every worker's persistent connection; the
    health check before reuse opens a new one instead of failing the next request."""
    reader = Browser(*(server.base_url for server in servers))
    # A query string keeps each page out of every cache, so each request reads the database in
    # its own thread, whose connection then stays open for the next request.
    for n in range(2 * 2 * 4):
        assert reader.get(f"/guidance/when-to-get-help/?n={n}").status == 200
    database = site_environment["DATABASE_URL"].rsplit("/", 1)[1]
    with psycopg.connect(services.postgres_server_url(), autocommit=True) as connection:
        dropped = connection.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (database,),
        ).fetchone()
    assert dropped is not None and dropped[0] >= 2

    # More requests than worker threads, each reading the database again.
    pages = [reader.get(f"/guidance/when-to-get-help/?n=again-{n}") for n in range(2 * 2 * 4 + 2)]

    assert [page.status for page in pages] == [200] * len(pages)
    assert len(reader.served) == 2
