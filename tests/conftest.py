"""Fixtures shared by the whole suite."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client


class HtmxClient(Client):
    """A test client whose requests come from htmx, as a browser with JavaScript sends them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {})["HX-Request"] = "true"
        super().__init__(*args, **kwargs)


@pytest.fixture
def htmx_client() -> HtmxClient:
    return HtmxClient()


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """The database rolls back after each test but the cache does not: start every test cold."""
    forget_this_runs_cache()
    yield
    forget_this_runs_cache()


def forget_this_runs_cache() -> None:
    # django-redis's clear() empties the whole Redis database, which other runs may share.
    delete_pattern = getattr(cache, "delete_pattern", None)
    if delete_pattern is not None:
        delete_pattern("*")
    else:
        cache.clear()
