"""The WSGI entry point does a worker's start-up work once, before gunicorn forks."""

import gc
import importlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def load_wsgi() -> Iterator[Callable[[], ModuleType]]:
    """Loads the module afresh. Loading freezes the objects alive at that moment, which the test
    process must not keep for the rest of the run, so it is loaded here and not on collection."""
    yield lambda: importlib.reload(importlib.import_module("backspasm.wsgi"))
    gc.unfreeze()


def test_loading_the_app_imports_every_view():
    """In a fresh interpreter, as gunicorn's master loads it."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="backspasm.example")
    views = ["content.views", "triage.views", "selfcare.views"]
    code = f"import sys, backspasm.wsgi; print(all(name in sys.modules for name in {views!r}))"

    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )

    assert result.stdout.strip() == "True", result.stderr


def test_loading_the_app_compiles_every_page_template_before_any_request():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="backspasm.example")
    code = (
        "import backspasm.wsgi\n"
        "from pathlib import Path\n"
        "from django.template import engines\n"
        "loader = engines['django'].engine.template_loaders[0]\n"
        "compiled = {key.split(':')[0] for key in loader.get_template_cache}\n"
        "found = Path('templates').rglob('*.html')\n"
        "pages = {path.relative_to('templates').as_posix() for path in found}\n"
        "print(sorted(pages - compiled))"
    )

    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )

    assert result.stdout.strip() == "[]", result.stderr


def test_what_the_master_loaded_is_left_out_of_garbage_collection(
    load_wsgi: Callable[[], ModuleType],
):
    load_wsgi()

    assert gc.get_freeze_count() > 10_000
