"""What SQLite and PostgreSQL must each do alike: migrations (data migrations included, both ways)
and search. `.ci/run` runs the suite on each engine; these tests say what each must do."""

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from content.models import Article, Section, Status
from content.search import search
from tests.production import services
from tests.support.server import ROOT, manage, production_environment

# Apps of ours with migrations, in no particular order: unapplying one unapplies its dependants.
MIGRATED_APPS = [
    path.parent.parent.name
    for path in sorted(ROOT.glob("*/migrations/0001_*.py"))
    + sorted(ROOT.glob("backspasm/*/migrations/0001_*.py"))
]

Counter = Callable[[], int]


@pytest.fixture
def sqlite_site(tmp_path: Path) -> Iterator[tuple[dict[str, str], Counter]]:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: run by the first pass of .ci/run")
    database = tmp_path / "site.sqlite3"

    def articles() -> int:
        with closing(sqlite3.connect(database)) as db:
            return int(db.execute("SELECT count(*) FROM content_article").fetchone()[0])

    yield production_environment(DATABASE_URL=f"sqlite:///{database}"), articles


@pytest.fixture
def postgresql_site() -> Iterator[tuple[dict[str, str], Counter]]:
    if problem := services.postgres_problem():
        pytest.skip(problem)
    name = f"backspasm_migrations_{uuid.uuid4().hex[:12]}"
    url = services.create_database(name)

    def articles() -> int:
        with psycopg.connect(url) as db:
            row = db.execute("SELECT count(*) FROM content_article").fetchone()
            return int(row[0]) if row else 0

    try:
        yield production_environment(DATABASE_URL=url), articles
    finally:
        services.drop_databases(name)


@pytest.mark.parametrize(
    "site", ["sqlite_site", pytest.param("postgresql_site", marks=pytest.mark.services)]
)
def test_every_migration_applies_unapplies_and_reapplies(site: str, request: pytest.FixtureRequest):
    env, articles = request.getfixturevalue(site)

    manage(env, "migrate", "--no-input", "--verbosity", "0")
    seeded = articles()
    for app in MIGRATED_APPS:
        manage(env, "migrate", app, "zero", "--no-input", "--verbosity", "0")
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    plan = manage(env, "showmigrations", "--plan")

    assert seeded > 0, "the data migrations loaded no guidance"
    assert articles() == seeded, "the guidance changed after unapplying and reapplying"
    assert "[ ]" not in plan
    assert {"content", "selfcare"} <= set(MIGRATED_APPS)


@pytest.mark.django_db
def test_search_stems_and_ranks_titles_first_on_either_engine():
    """One engine on every database (docs/adr/0018): the same stemming and ranking on both."""
    today = date(2026, 11, 26)
    fields = {
        "section": Section.ABOUT,
        "status": Status.PUBLISHED,
        "last_reviewed": today,
        "next_review_due": today,
        "reviewer": "A physiotherapist",
    }
    in_title = Article.objects.create(
        title="Twitching muscles",
        slug="twitching-muscles",
        summary="Why muscles twitch.",
        body="Plain words.",
        **fields,
    )
    in_body = Article.objects.create(
        title="Muscles after exercise",
        slug="muscles-after-exercise",
        summary="Aches after exercise.",
        body="Some people notice twitching for a day or two.",
        **fields,
    )

    # "twitches" is in neither article: only stemming ("twitch") finds them, title first.
    assert [hit.url for hit in search("twitches").hits][:2] == [
        in_title.get_absolute_url(),
        in_body.get_absolute_url(),
    ]
