"""The test database as the migrations left it, kept that way for every test in a process."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from pytest_django.plugin import blocking_manager_key

# The rows the data migrations seed (guidance articles, exercises, groups), serialised once per
# process by the first test that needs a live server.
MIGRATED_ROWS = pytest.StashKey[str]()

# A test using either ends with every table emptied: Django's TransactionTestCase flushes.
EMPTIES_THE_DATABASE = frozenset({"live_server", "transactional_db"})


def empties_the_database(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    transaction = marker is not None and bool(marker.kwargs.get("transaction"))
    return transaction or bool(EMPTIES_THE_DATABASE & set(getattr(item, "fixturenames", ())))


def put_back_migrated_rows(item: pytest.Item) -> None:
    """After a test that emptied the database, load the migrated rows again, so the tests after it
    in this process (in whatever order pytest runs them) find the site as migrated.

    Flushed without post-migrate handlers first: rows those handlers recreated (permissions)
    would clash with the serialised ones, as would a count a live server wrote just after the
    test ended."""
    rows = item.config.stash.get(MIGRATED_ROWS, None)
    # Only a test function has fixtures; other items (a doctest, say) empty nothing.
    if rows is None or not empties_the_database(item):
        return
    with item.config.stash[blocking_manager_key].unblock():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(rows)
        # The flush set PostgreSQL's sequences back to 1, below the ids just loaded.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
    # Content types a test made are gone again: the cache must not hand out their ids.
    ContentType.objects.clear_cache()


def remember_migrated_rows(request: pytest.FixtureRequest) -> None:
    """Before the first test in this process that will empty the database, keep the migrated
    rows, so that put_back_migrated_rows can load them again after it."""
    if MIGRATED_ROWS in request.config.stash or not empties_the_database(request.node):
        return
    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock():
        stored = getattr(connection, "_test_serialized_contents", None)
        request.config.stash[MIGRATED_ROWS] = stored or connection.creation.serialize_db_to_string()
