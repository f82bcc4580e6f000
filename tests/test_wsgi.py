"""The WSGI entry point does a worker's start-up work once, before gunicorn forks."""

import gc
import importlib

from django.template import Engine
from django.template.loaders.cached import Loader

from backspasm import wsgi


def test_loading_the_app_compiles_every_site_template():
    loader = Engine.get_default().template_loaders[0]
    assert isinstance(loader, Loader)
    loader.reset()

    importlib.reload(wsgi)

    names = {
        path.relative_to(wsgi.SITE_TEMPLATES).as_posix()
        for path in wsgi.SITE_TEMPLATES.rglob("*.html")
    }
    assert len(names) > 30
    assert names <= set(loader.get_template_cache)


def test_what_the_master_loaded_is_left_out_of_garbage_collection():
    importlib.reload(wsgi)

    assert gc.get_freeze_count() > 10_000
