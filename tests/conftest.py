"""Fixtures shared by the whole suite."""

from typing import Any

import pytest
from django.test import Client


class HtmxClient(Client):
    """A test client whose requests come from htmx, as a browser with JavaScript sends them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {})["HX-Request"] = "true"
        super().__init__(*args, **kwargs)


@pytest.fixture
def htmx_client() -> HtmxClient:
    return HtmxClient()
