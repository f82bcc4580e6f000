"""The test database as the migrations left it, kept that way for every test in a process."""

import pytest
from django.core.management import call_command
from django.db import connection
from pytest_django.plugin import blocking_manager_key

# The rows the data migrations seed (guidance articles, exercises, groups), serialised once per
# process by the first test that needs a live server.
MIGRATED_ROWS = pytest.StashKey[str]()

# A test using either ends with every table emptied: Django's TransactionTestCase flushes.
EMPTIES_THE_DATABASE = frozenset({"live_server", "transactional_db"})


def put_back_migrated_rows(item: pytest.Item) -> None:
    """After a test that emptied the database, load the migrated rows again, so the tests after it
    in this process (in whatever order pytest runs them) find the site as migrated.

    Flushed without post-migrate handlers first: rows those handlers recreated (permissions)
    would clash with the serialised ones, as would a count a live server wrote just after the
    test ended."""
    rows = item.config.stash.get(MIGRATED_ROWS, None)
    # Only a test function has fixtures; other items (a doctest, say) empty nothing.
    if rows is None or not EMPTIES_THE_DATABASE & set(getattr(item, "fixturenames", ())):
        return
    with item.config.stash[blocking_manager_key].unblock():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(rows)
