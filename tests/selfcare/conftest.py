"""Clients that have finished the real symptom checker over HTTP."""

from typing import Any

import pytest
from django.test import Client

from tests.support.checker import complete_checker

SELF_CARE_ANSWERS: dict[str, Any] = {"age": 35, "duration_days": 3, "pain_score": 6}


def finished(client: Client, **answers: Any) -> Client:
    """The client after the whole checker, with the self-care answers changed by ``answers``."""
    response = complete_checker(client, {**SELF_CARE_ANSWERS, **answers})
    assert response.status_code == 200
    return client


def as_htmx(client: Client) -> Client:
    """From now on, the client's requests come from htmx."""
    client.defaults["HTTP_HX_REQUEST"] = "true"
    return client


@pytest.fixture
def self_care_client(db: None) -> Client:
    return finished(Client())


@pytest.fixture
def self_care_htmx_client(db: None) -> Client:
    return as_htmx(finished(Client()))
