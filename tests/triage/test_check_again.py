"""Checking again: a POST starts a fresh check with nothing ticked, and the last result, plan
and diary stay until the new check ends (spec v4, "Checking again")."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.selfcare.conftest import as_htmx, finished
from tests.selfcare.test_diary_page import put_in_session
from tests.support.checker import START, answer, client_fetch, walk_checker
from tests.support.html import one, soup_of, text_of
from triage.flow import FIRST_STEP, PREVIOUS_KEY, SESSION_KEY, STEPS

from .conftest import store

FIRST_QUESTION = f"{START}{FIRST_STEP.slug}/"


def with_diary(client: Client) -> Client:
    """A self-care client that has told its diary about something new today."""
    client.post("/self-care/diary/", {"pain_today": "6", "new_symptoms": "yes"})
    return client


def check_again(client: Client) -> None:
    response = client.post("/check/again/")
    assert response.status_code == 302 and response["Location"] == FIRST_QUESTION


def finish_again(client: Client, **answers: object) -> str:
    """Answer the fresh check from its first question; the disposition it ends on."""
    page = walk_checker(client_fetch(client), answers, start=FIRST_QUESTION)
    assert page.disposition is not None, page.url
    return page.disposition


@pytest.fixture
def diary_client(db: None) -> Client:
    return with_diary(finished(Client()))


def test_a_fresh_check_asks_every_page_with_nothing_ticked_or_filled_in(diary_client):
    check_again(diary_client)
    fetch = client_fetch(diary_client)
    page = fetch("GET", FIRST_QUESTION, None)
    asked = []
    while page.disposition is None:
        form = page.form()
        asked.append(page.url)
        # Only the unit of a duration starts chosen ("days"), which is not an answer.
        checked = page.soup.select("main input[checked]:not([name=duration_unit])")
        assert checked == [], page.url
        assert all(not box.get("value") for box in page.soup.select("main input[type=text]"))
        page = fetch("POST", form.action, answer(form, {"pregnant": True}))
    # Every question of a calm pregnant person's check: the emergency screen and every other page.
    assert len(asked) == len(STEPS) + 1  # and "check your answers"
    assert page.disposition == "self_care"


def test_checking_again_starts_at_the_emergency_screen_and_keeps_plan_and_diary(diary_client):
    before = diary_client.session["selfcare_diary"]

    check_again(diary_client)

    soup = soup_of(diary_client.get(FIRST_QUESTION))
    assert soup.select("main input[type=checkbox][value=none]")
    assert soup.select("main input[checked]") == []
    assert diary_client.session[SESSION_KEY]["answers"] == {}
    assert diary_client.session["selfcare_diary"] == before
    # Until the new check ends, the plan, diary and header stay as they were.
    plan = soup_of(diary_client.get("/self-care/plan/"))
    assert one(plan, "h1").get_text(strip=True) != "Your result did not include a self-care plan"
    diary = soup_of(diary_client.get("/self-care/diary/"))
    assert one(diary, "main table tbody td").get_text(strip=True) == "6"
    assert "Your plan" in one(diary, "nav[aria-label=Menu]").get_text()


def test_the_last_result_is_shown_until_the_new_check_ends(diary_client):
    check_again(diary_client)
    diary_client.post(FIRST_QUESTION, {"emergency_signs": ["none"]})

    soup = soup_of(diary_client.get(f"{START}result/"))

    assert one(soup, "[data-disposition]")["data-disposition"] == "self_care"
    assert "This is the advice from your last check" in soup.get_text()
    carry_on = one(soup, ".govuk-notification-banner__link")
    assert carry_on["href"] == f"{START}{STEPS[1].slug}/"


def test_a_sign_ticked_with_none_of_these_counts_as_the_sign(diary_client):
    check_again(diary_client)

    response = diary_client.post(
        FIRST_QUESTION, {"emergency_signs": ["none", "saddle_numbness"]}, follow=True
    )

    assert one(soup_of(response), "[data-disposition]")["data-disposition"] == "emergency"
    assert soup_of(response).select(".govuk-error-summary:not([data-offline-error])") == []
    # The new result replaces the last; the diary is kept, the plan is not for this result.
    assert PREVIOUS_KEY not in diary_client.session
    assert diary_client.session["selfcare_diary"]
    assert "Your result did not include" in text_of(diary_client.get("/self-care/plan/"))


def test_a_new_self_care_result_replaces_the_last_and_keeps_plan_and_diary(diary_client):
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    put_in_session(
        diary_client, "selfcare_diary", [[yesterday, 4, 0], *diary_client.session["selfcare_diary"]]
    )
    startback = {f"q{n}": "disagree" for n in range(1, 9)} | {"q9": "not_at_all"}
    put_in_session(diary_client, "selfcare_startback", startback)
    diary = diary_client.session["selfcare_diary"]

    check_again(diary_client)
    assert finish_again(diary_client, age=35, duration_days=4, pain_score=5) == "self_care"

    assert PREVIOUS_KEY not in diary_client.session
    assert diary_client.session["selfcare_diary"] == diary
    assert diary_client.session["selfcare_startback"] == startback
    plan = soup_of(diary_client.get("/self-care/plan/"))
    assert one(plan, "#risk").get_text(" ", strip=True) != "Not answered yet"
    rows = soup_of(diary_client.get("/self-care/diary/")).select("main table tbody tr")
    assert len(rows) == 2


def test_a_new_check_can_end_in_a_different_result(diary_client):
    check_again(diary_client)
    assert finish_again(diary_client, fever=True) == "urgent"
    assert "Your result did not include" in text_of(diary_client.get("/self-care/diary/"))
    assert diary_client.session["selfcare_diary"]


def test_pressing_it_again_during_a_fresh_check_keeps_the_last_result(diary_client):
    check_again(diary_client)
    diary_client.post(FIRST_QUESTION, {"emergency_signs": ["none"]})
    check_again(diary_client)

    assert diary_client.session[SESSION_KEY]["answers"] == {}
    assert diary_client.session[PREVIOUS_KEY]["finished"] is True
    assert diary_client.get("/self-care/plan/").status_code == 200


def test_a_none_of_these_given_in_this_check_is_shown_when_changing_it(diary_client):
    check_again(diary_client)
    diary_client.post(FIRST_QUESTION, {"emergency_signs": ["none"]})

    soup = soup_of(diary_client.get(FIRST_QUESTION))

    assert [box["value"] for box in soup.select("main input[checked]")] == ["none"]


def test_start_again_forgets_the_last_result_too(diary_client):
    check_again(diary_client)
    diary_client.post(f"{START}start-again/")

    assert SESSION_KEY not in diary_client.session
    assert PREVIOUS_KEY not in diary_client.session


def test_the_get_page_explains_and_changes_nothing(diary_client):
    stored = dict(diary_client.session[SESSION_KEY])

    soup = soup_of(diary_client.get("/check/again/"))

    form = one(soup, "main form")
    assert form["action"] == "/check/again/" and form["method"] == "post"
    assert "Your plan and pain diary are kept" in soup.get_text()
    assert diary_client.session[SESSION_KEY] == stored


def test_checking_again_from_an_htmx_page_is_a_plain_post_redirect(diary_client):
    diary = soup_of(diary_client.get("/self-care/diary/"))
    form = one(diary, "main form[action='/check/again/']")
    assert not form.has_attr("data-hx-post")

    response = as_htmx(diary_client).post("/check/again/")

    assert response.status_code == 302 and response["Location"] == FIRST_QUESTION


@pytest.mark.parametrize("page", ["/self-care/plan/", "/self-care/diary/", "/"])
def test_the_plan_diary_and_header_offer_it_as_a_post(diary_client, page):
    soup = soup_of(diary_client.get(page))
    # The header's navigation holds links only: its link leads to the page with the button.
    one(soup, "nav[aria-label=Menu] a[href='/check/again/']")
    button_page = soup_of(diary_client.get("/check/again/"))
    form = one(button_page, "main form[action='/check/again/']")
    assert form["method"] == "post"
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    if page != "/":
        form = one(soup, "main form[action='/check/again/']")
        assert form["method"] == "post"


def test_no_header_button_without_a_result(client):
    store(client, {"emergency_signs": []})
    navigation = one(soup_of(client.get("/check/")), "nav[aria-label=Menu]")
    assert navigation.select("a[href='/check/again/']") == []


def test_the_post_needs_a_csrf_token(diary_client):
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = diary_client.cookies
    assert strict.post("/check/again/").status_code == 403
