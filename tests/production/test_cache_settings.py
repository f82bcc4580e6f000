"""Which cache a server process gets, read from its environment as production reads it."""

import os
import subprocess
import sys

import pytest

from tests.support.server import ROOT

REDIS = "redis://cache.internal:6379/0"
PRODUCTION = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "backspasm.example"}


def cache_of_a_server(**environment: str) -> subprocess.CompletedProcess[str]:
    """The default cache's backend and key prefix, in a fresh interpreter (not under pytest)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_", "BACKSPASM_", "PYTEST_"))
    }
    env.update(PRODUCTION, **environment)
    code = (
        "import backspasm.settings as s; "
        "c = s.CACHES['default']; print(c['BACKEND'], c['KEY_PREFIX'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_without_redis_the_workers_of_one_machine_share_a_file_cache(tmp_path):
    result = cache_of_a_server(DJANGO_CACHE_DIR=str(tmp_path))

    assert result.stdout.split() == [
        "backspasm.web.filecache.ForgivingFileBasedCache",
        "backspasm",
    ]


def test_each_release_keeps_its_own_cache_keys():
    result = cache_of_a_server(REDIS_URL=REDIS, BACKSPASM_RELEASE="a1b2c3")

    assert result.stdout.split()[1] == "backspasm-a1b2c3"


@pytest.mark.parametrize("release", ["a b", "a:b", "../x"])
def test_a_release_name_that_could_collide_is_refused_clearly(release: str):
    result = cache_of_a_server(BACKSPASM_RELEASE=release)

    assert result.returncode != 0
    assert "BACKSPASM_RELEASE may hold only letters, digits" in result.stderr
