"""The STarT Back questionnaire page: nine GOV.UK radio groups, errors for each one missed."""

import pytest
from django.test import Client

from selfcare.startback import ITEMS
from tests.selfcare.conftest import as_htmx
from tests.support.html import one, soup_of, text_of, title

LOW = {item.id: "disagree" for item in ITEMS[:8]} | {"bothersome": "slightly"}


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_the_questionnaire_asks_nine_questions_and_shows_keeles_notice(
    self_care_client: Client, htmx: bool
) -> None:
    client = as_htmx(self_care_client) if htmx else self_care_client
    response = client.get("/self-care/start-back/")
    soup = soup_of(response)
    assert len(soup.select("fieldset.govuk-fieldset")) == 9
    assert len(soup.select("input[type=radio]")) == 8 * 2 + 5
    text = soup.get_text(" ", strip=True)
    assert "© Keele University 2007" in text
    assert "non-commercial use" in text
    assert (b"<html" in response.content) is not htmx


def test_nothing_chosen_lists_an_error_for_every_question(self_care_client: Client) -> None:
    soup = soup_of(self_care_client.post("/self-care/start-back/", {}))
    links = soup.select(".govuk-error-summary__list a")
    assert len(links) == 9
    assert links[0]["href"] == "#id_leg_pain"
    assert title(soup).startswith("Error: ")


def test_a_partly_answered_form_keeps_the_answers_given(self_care_client: Client) -> None:
    partial = dict(list(LOW.items())[:5])
    soup = soup_of(self_care_client.post("/self-care/start-back/", partial))
    assert len(soup.select(".govuk-error-summary__list a")) == 4
    assert len(soup.select("input[type=radio][checked]")) == 5


def test_a_forged_answer_is_an_error_not_a_crash(self_care_client: Client) -> None:
    soup = soup_of(self_care_client.post("/self-care/start-back/", LOW | {"bothersome": "agree"}))
    assert "question 9" in one(soup, ".govuk-error-summary").get_text()


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_answers_are_kept_and_the_risk_appears_on_the_plan(
    self_care_client: Client, htmx: bool
) -> None:
    client = as_htmx(self_care_client) if htmx else self_care_client
    response = client.post("/self-care/start-back/", LOW)
    assert response.status_code == 302 and response["Location"] == "/self-care/plan/"
    assert "Low risk." in text_of(client.get("/self-care/plan/"))
    again = soup_of(client.get("/self-care/start-back/"))
    assert len(again.select("input[type=radio][checked]")) == 9
