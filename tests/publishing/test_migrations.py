"""A site that already reviews changes keeps its records and its reviewers' rights when the review
workflow moves from the guidance app to backspasm/publishing (docs/adr/0017).

Each test builds a fresh database of its own, migrates it to where the site was before the move,
puts in what such a site holds (a waiting change, an old address, groups and a person with the
reviewers' permissions), then migrates forward as a deployment would.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dj_database_url
import pytest
from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import ConnectionHandler

from backspasm.publishing.editors import EDITORS_GROUP, sync_editors_group
from backspasm.publishing.models import ContentVersion, OldAddress, PendingChange
from backspasm.publishing.reviewers import REVIEWERS_GROUP, sync_reviewers_group
from tests.production import services

# The guidance app's last migration before the move.
BEFORE_THE_MOVE = ("content", "0007_clinical_reviewers_group")
MOVED_MODELS = ("contentversion", "pendingchange", "oldaddress")
MOVED_TABLES = {"content_contentversion", "content_pendingchange", "content_oldaddress"}


@contextmanager
def database(alias: str, url: str) -> Iterator[BaseDatabaseWrapper]:
    """A connection under a name of its own, so nothing touches the suite's test database."""
    # Django fills in the settings it leaves out, as for the DATABASES setting.
    configured = ConnectionHandler({"default": dj_database_url.parse(url)}).settings["default"]
    connections.settings[alias] = configured
    try:
        yield connections[alias]
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]
        ContentType.objects.clear_cache()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'site.sqlite3'}"


@pytest.fixture
def postgresql_url() -> Iterator[str]:
    if problem := services.postgres_problem():
        pytest.skip(f"needs PostgreSQL on this machine: {problem}")
    name = f"backspasm_layers_{uuid.uuid4().hex[:12]}"
    try:
        yield services.create_database(name)
    finally:
        services.drop_databases(name)


def site_before_the_move(connection: BaseDatabaseWrapper) -> dict[str, Any]:
    """Migrates to the schema before the move and adds what a reviewing site holds."""
    executor = MigrationExecutor(connection)
    targets = [
        node
        for node in executor.loader.graph.leaf_nodes()
        if node[0] not in {"content", "publishing"}
    ] + [BEFORE_THE_MOVE]
    executor.migrate(targets)
    old = executor.loader.project_state(targets).apps
    db = connection.alias

    def model(label: str) -> Any:
        return old.get_model(label).objects.using(db)

    types = {
        name: model("contenttypes.ContentType").get(app_label="content", model=name)
        for name in MOVED_MODELS
    }
    approve = model("auth.Permission").get(
        content_type=types["pendingchange"], codename="approve_pendingchange"
    )
    view = model("auth.Permission").get(
        content_type=types["pendingchange"], codename="view_pendingchange"
    )
    rita = model("auth.User").create(username="rita", is_staff=True)
    sam = model("auth.User").create(username="sam", is_staff=True)
    model("auth.Group").get(name=REVIEWERS_GROUP).user_set.add(rita)
    model("auth.Group").create(name="Review leads").permissions.add(approve, view)
    sam.user_permissions.add(approve)  # given by hand
    article = model("content.Article").get(slug="causes")
    article_type = model("contenttypes.ContentType").get(app_label="content", model="article")
    change = model("content.PendingChange").create(
        content_type=article_type,
        object_id=article.pk,
        name="What causes a back spasm",
        values={"title": "What causes a back spasm"},
        children={},
        reason="Clearer title",
        author=sam,
    )
    model("content.OldAddress").create(
        path="/guidance/old-causes/", content_type=article_type, object_id=article.pk
    )
    model("content.ContentVersion").update_or_create(pk=1, defaults={"number": 41})
    return {
        "types": {name: found.pk for name, found in types.items()},
        "approve": approve.pk,
        "view": view.pk,
        "change": change.pk,
        "article": article.pk,
        "article_type": article_type.pk,
        "rita": rita.pk,
        "sam": sam.pk,
    }


def migrate_forward(connection: BaseDatabaseWrapper) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def after_migrate(db: str) -> None:
    """What ``migrate`` does once the migrations have run (its post-migrate handlers)."""
    for app_config in installed_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, using=db)
        create_permissions(app_config, verbosity=0, using=db)
    sync_editors_group(using=db)
    sync_reviewers_group(using=db)


def codenames(group: Group) -> set[tuple[str, str]]:
    return set(group.permissions.values_list("content_type__app_label", "codename"))


@pytest.mark.parametrize(
    "url", ["sqlite_url", pytest.param("postgresql_url", marks=pytest.mark.services)]
)
def test_moving_the_review_records_keeps_their_tables_rows_and_permissions(
    url: str, request: pytest.FixtureRequest, django_db_blocker: Any
):
    alias = f"before_the_move_{uuid.uuid4().hex[:8]}"
    with django_db_blocker.unblock(), database(alias, request.getfixturevalue(url)) as connection:
        before = site_before_the_move(connection)
        migrate_forward(connection)

        tables = set(connection.introspection.table_names())
        assert tables >= MOVED_TABLES
        assert not [table for table in tables if table.startswith("publishing_")]

        change = PendingChange.objects.using(alias).get(pk=before["change"])
        assert (change.name, change.reason, change.author_id) == (
            "What causes a back spasm",
            "Clearer title",
            before["sam"],
        )
        assert change.content_type_id == before["article_type"]
        assert change.object_id == before["article"]
        old_address = OldAddress.objects.using(alias).get()
        assert (old_address.path, old_address.object_id) == (
            "/guidance/old-causes/",
            before["article"],
        )
        assert ContentVersion.objects.using(alias).get(pk=1).number == 41

        # The same content types and permissions, under the new app's label.
        content_types = ContentType.objects.using(alias)
        for name, pk in before["types"].items():
            assert (content_types.get(pk=pk).app_label, content_types.get(pk=pk).model) == (
                "publishing",
                name,
            )
        assert not content_types.filter(app_label="content", model__in=MOVED_MODELS).exists()
        approve = Permission.objects.using(alias).get(pk=before["approve"])
        assert (approve.content_type.app_label, approve.codename) == (
            "publishing",
            "approve_pendingchange",
        )

        groups = Group.objects.using(alias)
        assert set(groups.get(name="Review leads").permissions.values_list("pk", flat=True)) == {
            before["approve"],
            before["view"],
        }
        assert groups.get(name=REVIEWERS_GROUP).permissions.filter(pk=before["approve"]).exists()
        assert (
            User.objects.using(alias)
            .get(pk=before["rita"])
            .groups.filter(name=REVIEWERS_GROUP)
            .exists()
        )
        sam = User.objects.using(alias).get(pk=before["sam"])
        assert list(sam.user_permissions.values_list("pk", flat=True)) == [before["approve"]]

        # migrate's own handlers then find nothing to make again, and set the groups' rights
        # from what the apps register.
        after_migrate(alias)

        assert content_types.filter(app_label="publishing").count() == len(MOVED_MODELS)
        reviewers = groups.get(name=REVIEWERS_GROUP)
        assert reviewers.permissions.filter(pk=before["approve"]).exists()
        assert {
            ("publishing", "view_pendingchange"),
            ("content", "view_article"),
            ("selfcare", "view_exercise"),
            ("triage", "view_dailyoutcome"),
        } <= codenames(reviewers)
        editors = codenames(groups.get(name=EDITORS_GROUP))
        assert {("content", "change_article"), ("selfcare", "change_exercise")} <= editors
        assert ("publishing", "approve_pendingchange") not in editors
        assert set(groups.get(name="Review leads").permissions.values_list("pk", flat=True)) == {
            before["approve"],
            before["view"],
        }
