import pytest
from django.test import Client

from backspasm.web.health import local_directories
from triage.rules import FINDINGS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/about/", "/privacy/", "/accessibility/"])
def test_site_pages_render_with_the_emergency_number_in_the_footer(client: Client, url: str):
    response = client.get(url)

    assert response.status_code == 200
    assert b'href="tel:999"' in response.content


def test_home_page_shows_the_emergency_callout_before_anything_else(client: Client):
    body = client.get("/").content.decode()

    assert body.index("app-care-card") < body.index("govuk-button--start")


def test_unknown_page_is_a_helpful_404_that_still_shows_urgent_help(client: Client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'href="tel:999"' in response.content.decode()
    assert 'href="tel:111"' in response.content.decode()


# The checks run in threads of their own, which see only committed rows.
@pytest.mark.django_db(transaction=True)
def test_healthz_reports_database_cache_and_disk(client: Client):
    response = client.get("/healthz")

    # Disk is checked where this server writes to its own: a file cache or a SQLite database.
    on_disk = {"disk": "ok"} if local_directories() else {}
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", **on_disk},
    }


def test_about_says_how_long_answers_are_kept_as_the_cookie_really_does(client: Client):
    from datetime import timedelta

    from django.conf import settings

    text = " ".join(client.get("/about/").content.decode().split())

    assert timedelta(weeks=2).total_seconds() == settings.SESSION_COOKIE_AGE
    assert not settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert "keeps your answers for 2 weeks after you last change them" in text
    assert "encrypted cookie" in text
    assert "close your browser" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/no-such-page/", "/self-care/", "/self-care/exercises/"])
def test_the_short_emergency_card_names_peeing_pooing_and_both_legs(client: Client, path: str):
    body = " ".join(client.get(path).content.decode().split())
    for finding in ("saddle_numbness", "bladder_dysfunction", "bowel_dysfunction", "chest_pain"):
        assert " ".join(FINDINGS[finding].label.split()) in body, (path, finding)
