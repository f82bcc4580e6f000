import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.server import manage, production_environment


def server_environment(static_root: Path, **settings: str) -> dict[str, str]:
    """Production settings serving the static files collected once for these tests."""
    return production_environment(
        **{
            "DJANGO_STATIC_ROOT": str(static_root),
            "DJANGO_CACHE_DIR": str(static_root.parent / "cache"),
            **settings,
        }
    )


@pytest.fixture(scope="session")
def static_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Static files collected once, as a release would, for servers running production settings."""
    root = tmp_path_factory.mktemp("static")
    manage(server_environment(root), "collectstatic", "--no-input", "--verbosity", "0")
    return root


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory, static_root: Path) -> Path:
    """A SQLite database migrated once; each server gets its own copy to break."""
    database = tmp_path_factory.mktemp("template") / "site.sqlite3"
    env = server_environment(static_root, DATABASE_URL=f"sqlite:///{database}")
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    return database


@pytest.fixture(scope="session")
def database_copy(migrated_database: Path) -> Callable[[Path], Path]:
    def copy_to(directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy(migrated_database, directory / "site.sqlite3"))

    return copy_to
