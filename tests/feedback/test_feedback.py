"""'Is this page useful?': on every public page, stored without anything about the person, and
limited so a script cannot fill the table."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

from feedback.models import PageFeedback
from tests.selfcare.conftest import finished
from tests.support.html import attr, one, soup_of, text_of

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"
PUBLIC_PAGES = (
    "/",
    "/guidance/",
    "/self-care/",
    "/self-care/exercises/",
    "/about/",
    "/privacy/",
    "/accessibility/",
)
PERSONAL_PAGES = ("/check/", "/self-care/plan/", "/self-care/diary/", "/check/result/")


def send(client: Client, origin: str | None = ORIGIN, **data: str) -> Any:
    headers = {"Origin": origin} if origin else {}
    return client.post("/feedback/", {"page": "/guidance/", **data}, headers=headers)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_asks_if_it_was_useful_without_a_csrf_token(path: str) -> None:
    soup = soup_of(Client().get(path))

    form = one(soup, "#feedback form")
    assert form["action"] == "/feedback/" and form["method"] == "post"
    assert one(form, "input[name=page]")["value"] == path
    assert [button["value"] for button in form.select("button[name=useful]")] == ["yes", "no"]
    assert form.select("input[name=csrfmiddlewaretoken]") == []
    assert form.select("textarea") == []  # "What was wrong?" comes after a "No"


def test_personal_pages_and_the_checker_do_not_ask() -> None:
    client = finished(Client())
    for path in PERSONAL_PAGES:
        assert soup_of(client.get(path)).select("#feedback") == [], path


def what_was_wrong(client: Client, response: Any) -> tuple[Any, str]:
    """Follow a "No" without JavaScript to "What was wrong?", and the reference it carries."""
    assert response.status_code == 302
    assert response["Location"].startswith("/feedback/what-was-wrong/?answer=")
    page = client.get(response["Location"])
    assert page.status_code == 200
    return page, attr(one(soup_of(page), "#feedback input[name=answer]"), "value")


def test_an_answer_is_stored_with_the_page_the_answer_and_the_date_only() -> None:
    client = Client(REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Browser 1.0")
    page, answer = what_was_wrong(client, send(client, useful="no"))

    assert "no-store" in page["Cache-Control"]
    response = send(client, answer=answer, comment="The heat advice was hard to find")

    assert response.status_code == 302
    assert response["Location"] == "/guidance/?feedback=thanks#feedback"
    stored = PageFeedback.objects.get()
    assert (stored.page, stored.useful, stored.comment) == (
        "/guidance/",
        False,
        "The heat advice was hard to find",
    )
    assert {field.name for field in PageFeedback._meta.get_fields()} == {
        "id",
        "page",
        "useful",
        "comment",
        "given_on",
    }
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM feedback_pagefeedback")
        row = " ".join(str(value) for value in cursor.fetchone())
    assert "203.0.113.9" not in row and "Browser" not in row
    assert "Set-Cookie" not in response.headers


def test_no_opens_what_was_wrong_with_its_own_send_and_the_no_is_kept_if_nothing_is_sent() -> None:
    client = Client()
    page, _ = what_was_wrong(client, send(client, useful="no"))

    soup = soup_of(page)
    assert one(soup, "#feedback h2").get_text(strip=True) == "What was wrong?"
    assert one(soup, "#feedback label").get_text(strip=True).startswith("What was wrong")
    assert "Do not include personal information" in one(soup, "#feedback .govuk-hint").get_text()
    assert one(soup, "#feedback form button").get_text(strip=True) == "Send"
    stored = PageFeedback.objects.get()
    assert (stored.useful, stored.comment) == (False, "")


def test_an_empty_send_keeps_the_no_as_it_is() -> None:
    client = Client()
    _, answer = what_was_wrong(client, send(client, useful="no"))

    response = send(client, answer=answer, comment="")

    assert response["Location"] == "/guidance/?feedback=thanks#feedback"
    assert PageFeedback.objects.get().comment == ""


def test_what_was_wrong_is_added_once_and_only_to_a_no() -> None:
    client = Client()
    _, answer = what_was_wrong(client, send(client, useful="no"))
    send(client, answer=answer, comment="First")

    send(client, answer=answer, comment="Second")
    send(client, answer="forged", comment="Third")

    assert [row.comment for row in PageFeedback.objects.all()] == ["First"]


def test_with_htmx_no_swaps_in_what_was_wrong_then_the_thank_you() -> None:
    htmx = Client(headers={"HX-Request": "true"})
    asked = soup_of(send(htmx, useful="no"))

    assert asked.select("html, header, footer") == []
    assert one(asked, "h2[data-focus-on-swap]").get_text(strip=True) == "What was wrong?"
    answer = attr(one(asked, "input[name=answer]"), "value")
    thanked = soup_of(send(htmx, answer=answer, comment="Too long"))

    assert one(thanked, "h2").get_text(strip=True) == "Thank you for your feedback"
    assert PageFeedback.objects.get().comment == "Too long"


def test_an_old_or_broken_what_was_wrong_link_goes_home() -> None:
    response = Client().get("/feedback/what-was-wrong/?answer=broken")

    assert response.status_code == 302 and response["Location"] == "/"


def test_without_javascript_the_page_comes_back_with_a_thank_you() -> None:
    client = Client()
    response = send(client, useful="yes")

    thanked = client.get(response["Location"])

    assert one(soup_of(thanked), "#feedback h2").get_text(strip=True) == (
        "Thank you for your feedback"
    )
    assert soup_of(thanked).select("#feedback form") == []


def test_with_htmx_only_the_thank_you_comes_back_and_takes_focus() -> None:
    response = send(Client(headers={"HX-Request": "true"}), useful="yes")

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select("html, header, footer") == []
    assert one(soup, "h2[data-focus-on-swap]").get_text(strip=True) == (
        "Thank you for your feedback"
    )
    assert PageFeedback.objects.get().useful is True


@pytest.mark.parametrize("origin", [None, "https://elsewhere.example", "null"])
def test_a_post_from_anywhere_else_is_refused_and_stores_nothing(origin: str | None) -> None:
    response = send(Client(), origin=origin, useful="yes")

    assert response.status_code == 403
    assert PageFeedback.objects.count() == 0


@pytest.mark.parametrize(
    "page", ["/self-care/plan/", "/check/result/", "/admin/", "/no-such-page/", "//evil.example/"]
)
def test_feedback_is_taken_for_public_pages_only(page: str) -> None:
    response = send(Client(), useful="yes", page=page)

    assert response.status_code == 200
    assert PageFeedback.objects.count() == 0


def test_a_comment_that_is_too_long_gets_an_error_and_is_kept() -> None:
    client = Client()
    _, answer = what_was_wrong(client, send(client, useful="no"))
    comment = "x" * 1201
    soup = soup_of(send(client, answer=answer, comment=comment))

    assert "1200 characters or fewer" in one(soup, ".govuk-error-summary").get_text()
    assert one(soup, "textarea[name=comment]").get_text() == comment
    assert one(soup, "title").get_text().startswith("Error: ")
    assert PageFeedback.objects.get().comment == ""


@override_settings(FEEDBACK_RATE_PER_ADDRESS="3/h")
@pytest.mark.usefixtures("clock_held")
def test_past_the_limit_an_address_is_refused_and_nothing_more_is_stored() -> None:
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(3):
        assert send(client, useful="yes").status_code == 302

    refused = send(client, useful="yes")

    assert refused.status_code == 429
    assert "We could not save your feedback" in refused.content.decode()
    assert PageFeedback.objects.count() == 3
    assert send(Client(REMOTE_ADDR="198.51.100.8"), useful="yes").status_code == 302


@override_settings(FEEDBACK_RATE_EVERYONE="5/h")
def test_many_addresses_together_are_limited_too_until_the_hour_is_over() -> None:
    with time_machine.travel(datetime(2026, 12, 2, 9, 0, tzinfo=UTC), tick=False) as clock:
        sent = [send(Client(REMOTE_ADDR=f"192.0.2.{n}"), useful="yes") for n in range(5)]
        assert [response.status_code for response in sent] == [302] * 5

        assert send(Client(REMOTE_ADDR="192.0.2.200"), useful="yes").status_code == 429

        clock.shift(timedelta(hours=1))
        assert send(Client(REMOTE_ADDR="192.0.2.200"), useful="yes").status_code == 302
    assert PageFeedback.objects.count() == 6


def test_while_redis_is_unreachable_an_answer_is_refused_with_a_message_not_an_error() -> None:
    # Port 1 on loopback refuses at once: Redis gone, as the production settings handle it.
    redis_gone = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25},
    }
    with override_settings(CACHES={**settings.CACHES, "default": redis_gone}):
        refused = send(Client(), useful="yes")

    assert refused.status_code == 429
    assert "We could not save your feedback" in refused.content.decode()
    assert PageFeedback.objects.count() == 0


def test_a_visitor_with_a_result_still_sees_the_same_form() -> None:
    client = finished(Client())
    soup = soup_of(client.get("/guidance/"))
    assert one(soup, "#feedback input[name=page]")["value"] == "/guidance/"
    assert (
        text_of(client.get("/guidance/?feedback=thanks")).count("Thank you for your feedback") == 1
    )
