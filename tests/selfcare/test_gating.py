"""The personal pages are only for people whose check ended in self-care or a GP result."""

import pytest
from django.test import Client

from tests.selfcare.conftest import as_htmx, finished

PERSONAL_PAGES = (
    "/self-care/plan/",
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
def test_without_a_finished_check_the_person_is_sent_to_the_checker(path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"] == "/check/"


@pytest.mark.django_db
@pytest.mark.parametrize("path", PERSONAL_PAGES)
@pytest.mark.parametrize("disposition", sorted(NOT_SELF_CARE))
def test_any_other_result_is_sent_back_to_its_own_advice(path: str, disposition: str) -> None:
    client = finished(Client(), **NOT_SELF_CARE[disposition])
    result = client.get("/check/result/")
    assert result.status_code == 200
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/check/result/"


@pytest.mark.django_db
def test_a_post_without_a_self_care_result_stores_nothing() -> None:
    client = finished(Client(), fever=True)
    response = client.post("/self-care/diary/", {"pain_today": "3", "new_symptoms": "no"})
    assert response.status_code == 302
    assert "selfcare_diary" not in client.session


@pytest.mark.django_db
def test_htmx_is_told_to_load_the_checker_as_a_whole_page() -> None:
    response = as_htmx(Client()).get("/self-care/plan/")
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/check/"


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
