"""The personal pages are only for people whose check ended in self-care or a GP result."""

import pytest
from django.test import Client

from tests.selfcare.conftest import as_htmx, finished
from tests.support.html import one, soup_of

PERSONAL_PAGES = (
    "/self-care/plan/",
    "/self-care/plan/change/",
    "/self-care/diary/",
    "/self-care/start-back/",
    "/self-care/plan.ics",
)

NOT_SELF_CARE = {
    "emergency": {"saddle_numbness": True},
    "urgent": {"fever": True},
}


@pytest.mark.django_db
@pytest.mark.parametrize("path", PERSONAL_PAGES)
def test_without_a_finished_check_the_page_says_why_and_links_to_the_checker(path: str) -> None:
    response = Client().get(path)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    soup = soup_of(response)
    assert one(soup, "h1").get_text(strip=True) == "We cannot find your plan"
    assert "you have not used the site for 14 days" in soup.get_text(" ", strip=True)
    assert one(soup, "main a.govuk-button--start")["href"] == "/check/"


@pytest.mark.django_db
@pytest.mark.parametrize("path", PERSONAL_PAGES)
@pytest.mark.parametrize("disposition", sorted(NOT_SELF_CARE))
def test_any_other_result_says_there_is_no_plan_and_links_to_that_result(
    path: str, disposition: str
) -> None:
    client = finished(Client(), **NOT_SELF_CARE[disposition])
    assert client.get("/check/result/").status_code == 200

    soup = soup_of(client.get(path))

    assert one(soup, "h1").get_text(strip=True) == "Your result did not include a self-care plan"
    assert one(soup, "main a.govuk-button")["href"] == "/check/result/"


@pytest.mark.django_db
def test_a_post_without_a_self_care_result_stores_nothing() -> None:
    client = finished(Client(), fever=True)
    response = client.post("/self-care/diary/", {"pain_today": "3", "new_symptoms": "no"})
    assert response.status_code == 200
    assert "selfcare_diary" not in client.session


@pytest.mark.django_db
def test_htmx_is_told_to_load_the_explanation_as_a_whole_page() -> None:
    response = as_htmx(Client()).post("/self-care/plan/change/", {"pain_today": "3"})
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/self-care/plan/change/"


@pytest.mark.parametrize("path", PERSONAL_PAGES)
def test_a_self_care_result_opens_every_personal_page(self_care_client: Client, path: str) -> None:
    assert self_care_client.get(path).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", PERSONAL_PAGES)
def test_a_gp_result_opens_every_personal_page_for_the_days_before_the_appointment(
    path: str,
) -> None:
    client = finished(Client(), worsening=True)
    assert client.get(path).status_code == 200
