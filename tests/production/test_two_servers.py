"""Two stateless app servers on one PostgreSQL and one Redis, behind no sticky load balancer:
any server continues any journey, and an editor's change shows on every server at once."""

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import redis
from bs4 import Tag

from backspasm.content.cache import VERSION_KEY
from tests.production import services
from tests.production.servers import (
    AppServer,
    Page,
    Visitor,
    app_server,
    manage,
    production_environment,
)

pytestmark = pytest.mark.services

# Django's Redis cache stores a key as "<KEY_PREFIX>:<VERSION>:<key>"; production's prefix.
SERVER_KEY_PREFIX = "backspasm:"
EDITOR = {"username": "editor", "password": "a-long-passphrase-for-the-two-server-test"}


@pytest.fixture(scope="module")
def redis_client() -> Iterator[redis.Redis]:
    if problem := services.services_problem():
        pytest.skip(f"needs PostgreSQL and Redis on this machine: {problem}")
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
            DJANGO_STATIC_ROOT=str(tmp_path_factory.mktemp("static")),
            DJANGO_SUPERUSER_PASSWORD=EDITOR["password"],
        )
        manage(env, "collectstatic", "--no-input", "--verbosity", "0")
        manage(env, "migrate", "--no-input", "--verbosity", "0")
        manage(
            env, "createsuperuser", "--no-input", "--username", EDITOR["username"], "--email", ""
        )
        yield env
    finally:
        services.drop_databases(name)


@pytest.fixture(scope="module")
def servers(site_environment: dict[str, str], tmp_path_factory) -> Iterator[list[AppServer]]:
    logs: Path = tmp_path_factory.mktemp("logs")
    with (
        app_server("A", site_environment, logs / "a.log") as a,
        app_server("B", site_environment, logs / "b.log") as b,
    ):
        yield [a, b]


def database_state(server: AppServer) -> str:
    """What the server's health check says of PostgreSQL (Redis has its own line)."""
    return str(json.loads(Visitor([server]).get("/healthz").body)["checks"]["database"])


def main_form(page: Page) -> Tag:
    forms = [f for f in page.soup().select("main form") if str(f.get("method")).lower() == "post"]
    assert forms, f"no form on {page.path} ({page.status}) from server {page.server}"
    return forms[0]


def answers_for(form: Tag, answers: dict[str, str]) -> dict[str, str | list[str]]:
    """Each question on the page answered from `answers`; the rest "None of these" or "No"."""
    chosen: dict[str, str | list[str]] = {}
    for field in form.select("input[type=checkbox], input[type=radio], input[type=text]"):
        name = str(field["name"])
        if name in answers:
            chosen[name] = answers[name]
        elif field["type"] == "checkbox":
            chosen[name] = ["none"]
        elif field["type"] == "radio":
            chosen[name] = "no"
        else:
            pytest.fail(f"the journey has no answer for {name!r}")
    return chosen


def test_a_checker_journey_alternating_between_servers_reaches_the_right_result(servers):
    visitor = Visitor(servers)
    # Sciatica for 20 days: rule G1, a GP appointment. The two answers are given to different
    # servers, so the result is only right if each server reads what the other stored.
    answers = {
        "age": "42",
        "duration_days": "20",
        "duration_unit": "days",
        "pain_score": "5",
        "sciatica": "yes",
    }

    page = visitor.get("/check/emergency-signs/")
    questions = 0
    while page.path.rstrip("/").removeprefix("/check/") not in {"answers", "result"}:
        assert page.status == 200, f"{page.path} answered {page.status} on {page.server}"
        form = main_form(page)
        page = visitor.submit(page, form, answers_for(form, answers))
        questions += 1
    if page.path == "/check/answers/":
        page = visitor.submit(page, main_form(page), {})

    assert page.path == "/check/result/"
    assert page.status == 200
    card = page.soup().select_one("[data-disposition]")
    assert card is not None and card["data-disposition"] == "gp"
    assert questions >= 10
    assert visitor.served["A"] > questions and visitor.served["B"] > questions


def test_an_edit_through_one_server_shows_at_once_on_the_other(
    servers, site_environment, redis_client
):
    a, b = servers
    reader = Visitor([b])
    editor = Visitor([a])
    index = reader.get("/guidance/")
    link = index.soup().select_one("main a[href^='/guidance/']:not([href='/guidance/'])")
    assert link is not None, "the guidance index lists no article"
    article_path = str(link["href"])
    slug = article_path.strip("/").split("/")[-1]
    marker = f"Checked on two servers {uuid.uuid4().hex[:8]}."

    # B renders the article, and its page data now sits in Redis under the current version.
    before = reader.get(article_path)
    assert before.status == 200 and marker not in before.body
    version_key = f"{SERVER_KEY_PREFIX}1:{VERSION_KEY}"
    version_before = redis_client.get(version_key)
    assert version_before is not None
    assert any(redis_client.scan_iter(f"{SERVER_KEY_PREFIX}1:content:*:article:{slug}"))

    login = editor.get("/admin/login/?next=/admin/")
    signed_in = editor.submit(login, main_form(login), EDITOR)
    assert signed_in.path == "/admin/", signed_in.soup().select(".errornote")
    with psycopg.connect(site_environment["DATABASE_URL"]) as connection:
        query = "SELECT id FROM content_article WHERE slug = %s"
        row = connection.execute(query, (slug,)).fetchone()
    assert row is not None
    article_id = row[0]
    change = editor.get(f"/admin/content/article/{article_id}/change/")
    assert change.status == 200, change.body[:500]
    form = main_form(change)
    textarea = form.select_one("textarea[name=body]")
    assert textarea is not None
    body = textarea.text.removeprefix("\n")
    saved = editor.submit(change, form, {"body": f"{body}\n\n{marker}", "_save": "Save"})
    assert saved.path == "/admin/content/article/", saved.soup().select(".errorlist")

    after = reader.get(article_path)
    assert after.status == 200
    assert marker in after.body
    assert redis_client.get(version_key) != version_before
    assert set(reader.served) == {"B"} and set(editor.served) == {"A"}


def test_servers_reconnect_when_postgresql_drops_their_connections(servers, site_environment):
    """A restart or failover of PostgreSQL closes every worker's persistent connection; the
    health check before reuse opens a new one instead of failing the next request."""
    # The health check runs a query on every request, whatever the cache holds.
    for server in servers:
        assert database_state(server) == "ok"
    database = site_environment["DATABASE_URL"].rsplit("/", 1)[1]
    with psycopg.connect(services.postgres_server_url(), autocommit=True) as connection:
        dropped = connection.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (database,),
        ).fetchone()
    assert dropped is not None and dropped[0] >= 2

    # More requests than workers, so every worker meets its dropped connection.
    states = [database_state(server) for server in servers for _ in range(6)]

    assert states == ["ok"] * 12
