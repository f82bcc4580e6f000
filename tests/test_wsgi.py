"""The WSGI entry point does a worker's start-up work once, before gunicorn forks."""

import gc
import importlib
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest
from django.template import Engine
from django.template.loaders.cached import Loader


@pytest.fixture
def load_wsgi() -> Iterator[Callable[[], ModuleType]]:
    """Loads the module afresh. Loading freezes the objects alive at that moment, which the test
    process must not keep for the rest of the run, so it is loaded here and not on collection."""
    yield lambda: importlib.reload(importlib.import_module("backspasm.wsgi"))
    gc.unfreeze()


def test_loading_the_app_compiles_every_site_template(load_wsgi: Callable[[], ModuleType]):
    loader = Engine.get_default().template_loaders[0]
    assert isinstance(loader, Loader)
    loader.reset()

    wsgi = load_wsgi()

    names = {
        path.relative_to(wsgi.SITE_TEMPLATES).as_posix()
        for path in wsgi.SITE_TEMPLATES.rglob("*.html")
    }
    assert len(names) > 30
    assert names <= set(loader.get_template_cache)


def test_what_the_master_loaded_is_left_out_of_garbage_collection(
    load_wsgi: Callable[[], ModuleType],
):
    load_wsgi()

    assert gc.get_freeze_count() > 10_000
