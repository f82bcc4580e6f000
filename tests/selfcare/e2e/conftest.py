"""The browser fixtures of tests/e2e (Debian's Chromium, a live server with the seeded content)."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from tests.e2e.conftest import (  # noqa: F401
    _seeded_content,
    _seeded_rows,
    base_url,
    browser_context_args,
    browser_type_launch_args,
    open_page,
)


@pytest.fixture(autouse=True)
def _seeded_exercises(request: pytest.FixtureRequest) -> None:
    """The exercises the data migration seeds, whatever an earlier test in this process left.

    The seeded rows restored between browser tests are read once per process; when a test that
    empties the database ran first in the same process, they come back without the exercises.
    """
    request.getfixturevalue("_seeded_content")
    seed = importlib.import_module("selfcare.migrations.0002_seed_exercises")
    seed.add_exercises(apps, connection.schema_editor())
