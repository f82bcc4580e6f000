"""Start page, check your answers, the result for every disposition, under 16 and start again."""

import pytest
from bs4 import BeautifulSoup, Tag
from django.http import HttpResponse

from tests.support.checker import complete_checker

from .conftest import CALM_ANSWERS, EMERGENCY_NONE, one, read_session, store


def test_start_page_says_what_the_checker_is_for(client):
    response = client.get("/check/")

    assert response.status_code == 200
    text = response.text
    assert "16 and over" in text
    assert "Not for emergencies" in text and 'href="tel:999"' in text
    assert "minutes" in text
    assert "What happens to your answers" in text
    assert 'href="/check/emergency-signs/"' in text


def test_start_page_offers_to_continue_a_check_already_started(client):
    assert "Continue your check" not in client.get("/check/").text
    store(client, {**EMERGENCY_NONE, "age": 40})

    page = client.get("/check/")

    assert one(page.text, ".govuk-inset-text a")["href"] == "/check/pregnancy/"
    assert 'href="/check/start-again/?next=/check/"' in page.text
    assert "no-store" in page["Cache-Control"]


def test_check_your_answers_lists_every_answer_with_a_change_link(client):
    store(client, CALM_ANSWERS)

    page = BeautifulSoup(client.get("/check/answers/").text, "html.parser")

    rows = page.select(".govuk-summary-list__row")
    folded = one(page, "[data-nothing-found]")
    assert len(rows) == 4  # age, how long, pain score, and the folded "None of these" or "No"
    assert [a["href"] for a in page.select(".govuk-summary-list__actions a")] == [
        "/check/age/",
        "/check/how-long/",
        "/check/pain-score/",
    ]
    assert [a["href"] for a in folded.select("a")][:5] == [
        "/check/emergency-signs/",
        "/check/emergency-signs-legs/",
        "/check/emergency-signs-heart/",
        "/check/emergency-signs-other/",
        "/check/pregnancy/",
    ]
    assert len(folded.select("a")) == len(CALM_ANSWERS) - 3
    assert "None of these" in folded.get_text() and "No" in folded.get_text()
    assert one(page, "#back-link")["href"] == "/check/daily-life/"


def test_check_your_answers_lists_chosen_signs_in_rows_of_their_own(client):
    store(client, {**CALM_ANSWERS, "pain_changes": ["worsening"], "sciatica": True})

    page = BeautifulSoup(client.get("/check/answers/").text, "html.parser")

    actions = [a["href"] for a in page.select(".govuk-summary-list__actions a")]
    folded = [a["href"] for a in one(page, "[data-nothing-found]").select("a")]
    assert "/check/how-it-is-changing/" in actions and "/check/leg-pain/" in actions
    assert "/check/how-it-is-changing/" not in folded and "/check/leg-pain/" not in folded


def test_a_change_returns_to_check_your_answers(client):
    store(client, CALM_ANSWERS)

    back_link = one(client.get("/check/age/").text, "#back-link")
    response = client.post("/check/age/", {"age": "52"})

    assert back_link["href"] == "/check/answers/"
    assert response["Location"] == "/check/answers/"
    assert read_session(client)["triage"]["answers"]["age"] == 52


def test_a_change_that_opens_a_new_question_asks_it_first(client):
    store(client, CALM_ANSWERS)

    response = client.post("/check/pregnancy/", {"pregnant": "yes"})

    assert response["Location"] == "/check/pregnancy-symptoms/"


def test_check_your_answers_waits_for_every_answer(client):
    store(client, {"emergency_signs": []})
    assert client.get("/check/answers/")["Location"] == "/check/emergency-signs-legs/"
    store(client, EMERGENCY_NONE)
    assert client.get("/check/answers/")["Location"] == "/check/age/"


def test_the_result_waits_for_the_answers_to_be_checked(client):
    store(client, CALM_ANSWERS)
    assert client.get("/check/result/")["Location"] == "/check/answers/"
    assert client.post("/check/answers/")["Location"] == "/check/result/"
    assert client.get("/check/result/").status_code == 200


def test_the_result_of_an_empty_session_starts_the_checker(client):
    assert client.get("/check/result/")["Location"] == "/check/emergency-signs/"


def disposition_of(response: HttpResponse) -> tuple[str, Tag]:
    card = one(response.text, "[data-disposition]")
    return str(card["data-disposition"]), card


@pytest.mark.parametrize(
    ("answers", "disposition", "variant", "number"),
    [
        ({"chest_pain": True}, "emergency", "emergency", "999"),
        ({"night_pain": True}, "urgent", "urgent", "111"),
        ({"worsening": True}, "gp", "gp", None),
        ({}, "self_care", "self-care", None),
    ],
)
def test_result_names_the_disposition_and_the_number_to_call(
    client, answers, disposition, variant, number
):
    response = complete_checker(client, answers)

    found, card = disposition_of(response)
    assert found == disposition
    assert f"app-care-card--{variant}" in card["class"]
    assert one(card, "h1").has_attr("data-focus-on-swap")
    if number:
        assert card.select_one(f'a[href="tel:{number}"]') is not None
    assert "Why am I seeing this?" in response.text
    assert "Source:" in response.text
    assert "data-print-page" in response.text


def test_an_emergency_answer_ends_the_checker_at_once(client):
    response = client.post("/check/emergency-signs/", {"emergency_signs": ["saddle_numbness"]})

    assert response["Location"] == "/check/result/"
    result = client.get("/check/result/")
    assert disposition_of(result)[0] == "emergency"
    assert "Go to A&amp;E now" in result.text
    assert "do not drive yourself" in result.text.lower()


def test_the_emergency_result_renders_while_the_database_is_out_of_reach(client):
    # Without the django_db mark pytest-django makes any database access fail the test.
    store(client, {"emergency_signs": ["bladder_dysfunction"]})

    response = client.get("/check/result/")

    assert response.status_code == 200
    assert disposition_of(response)[0] == "emergency"


@pytest.mark.django_db
def test_the_emergency_result_makes_no_database_queries_once_counted(
    client, django_assert_num_queries
):
    store(client, {"emergency_signs": [], "emergency_legs": ["balance_loss"]})
    client.get("/check/result/")  # the first view counts the outcome for safety monitoring

    with django_assert_num_queries(0):
        response = client.get("/check/result/")

    assert response.status_code == 200
    assert disposition_of(response)[0] == "emergency"


def test_the_emergency_result_shows_only_emergency_advice(client):
    response = complete_checker(client, {"major_trauma": True})

    text = str(BeautifulSoup(response.text, "html.parser").main)
    assert "Call 999 now" in text
    assert "do not move them" in text
    for other in ("Get medical help today", "ibuprofen", "self-care plan", "/self-care/plan/"):
        assert other not in text


def test_a_mid_journey_emergency_rule_ends_the_checker(client):
    response = complete_checker(client, {"fever": True, "iv_drug_use": True})

    assert disposition_of(response)[0] == "emergency"
    assert "A high temperature with back pain" in response.text
    assert client.get("/check/type-of-pain/")["Location"] == "/check/result/"


def test_cord_compression_tells_them_what_to_say(client):
    response = complete_checker(client, {"cancer_history": True, "sciatica": True})

    assert "may have spinal cord compression" in response.text
    assert "day or night" in response.text  # sciatica: the cauda equina signs are listed


@pytest.mark.parametrize("answers", [{}, {"worsening": True}], ids=["self_care", "gp"])
def test_self_care_and_gp_results_list_the_cauda_equina_signs(client, answers):
    response = complete_checker(client, answers)

    assert "Go to A&amp;E immediately, day or night" in response.text
    assert "when you wipe" in response.text
    assert "like jelly" in response.text


def test_self_care_leads_to_the_plan_and_the_right_painkillers(client):
    response = complete_checker(client, {})

    assert 'href="/self-care/plan/"' in response.text
    assert "Keep moving" in response.text
    assert "Ibuprofen is usually the first painkiller to try" in response.text
    assert "Take it with food, at the lowest dose" in response.text
    assert "Paracetamol on its own is not recommended" in response.text


def test_self_care_in_pregnancy_leaves_out_anti_inflammatories(client):
    response = complete_checker(client, {"pregnant": True})

    assert disposition_of(response)[0] == "self_care"
    assert "Do not take ibuprofen" in response.text
    assert "usual first choice" in response.text or "usually the first choice" in response.text
    assert "Ibuprofen is usually the first painkiller" not in response.text


def test_urgent_in_pregnancy_sends_them_to_the_maternity_unit(client):
    response = complete_checker(client, {"pregnant": True, "pregnancy_warning_signs": True})

    assert disposition_of(response)[0] == "urgent"
    heading = one(disposition_of(response)[1], "h1").get_text()
    assert heading == "Contact your maternity unit or midwife now"


def test_not_coping_gives_the_crisis_line(client):
    response = complete_checker(client, {"not_coping": True})

    assert 'href="tel:116123"' in response.text
    assert "Samaritans" in response.text
    assert "thoughts of harming yourself, call" in response.text


def test_why_am_i_seeing_this_names_the_answers_that_led_to_it(client):
    response = complete_checker(client, {"age": 55, "duration_days": 30})

    assert disposition_of(response)[0] == "gp"
    assert "You are 55" in response.text
    assert "Your back pain started 30 days ago" in response.text
    assert "NICE NG12" in response.text


def test_htmx_result_is_only_the_swapped_region(client, htmx_client):
    store(htmx_client, {**EMERGENCY_NONE, "emergency_heart": ["chest_pain"]})

    response = htmx_client.get("/check/result/")

    assert "<html" not in response.text
    assert "<title>Call 999 now" in response.text


def test_an_htmx_answer_follows_through_to_the_next_partial(htmx_client):
    store(htmx_client, {"emergency_signs": [], "emergency_legs": [], "emergency_heart": []})
    response = htmx_client.post(
        "/check/emergency-signs-other/", {"emergency_other": ["none"]}, follow=True
    )

    assert response.redirect_chain == [("/check/age/", 302)]
    assert "<html" not in response.text
    assert "How old are you?" in response.text


def test_under_16_explains_and_gives_no_disposition(client):
    response = complete_checker(client, {"age": 15})

    assert "This checker is for people aged 16 and over" in response.text
    assert "data-disposition" not in response.text
    assert 'href="tel:111"' in response.text and 'href="tel:999"' in response.text
    assert client.get("/check/how-long/")["Location"] == "/check/under-16/"
    assert client.get("/check/result/")["Location"] == "/check/under-16/"


def test_under_16_page_is_only_for_under_16s(client):
    store(client, CALM_ANSWERS)
    assert client.get("/check/under-16/")["Location"] == "/check/answers/"


def test_start_again_clears_only_the_checker(client):
    store(client, CALM_ANSWERS, finished=True, selfcare={"plan": "kept"})

    response = client.post("/check/start-again/")

    assert response["Location"] == "/check/"
    session = read_session(client)
    assert "triage" not in session
    assert session["selfcare"] == {"plan": "kept"}
    assert client.get("/check/age/")["Location"] == "/check/emergency-signs/"


def test_start_again_asks_first_and_clears_nothing_until_confirmed(client):
    store(client, CALM_ANSWERS, finished=True)
    link = one(client.get("/check/result/").text, "a.app-start-again")
    assert link["href"] == "/check/start-again/?next=/check/result/"

    page = client.get(str(link["href"]))

    assert page.status_code == 200
    assert one(page.text, "main form[method=post]")["action"] == "/check/start-again/"
    assert one(page.text, ".govuk-button-group a")["href"] == "/check/result/"
    assert read_session(client)["triage"]["finished"] is True
    clears = one(page.text, "[data-clears]").get_text(" ", strip=True)
    assert "every answer" in clears and "advice" in clears
    keeps = one(page.text, "[data-keeps]").get_text(" ", strip=True)
    assert "pain diary is kept" in keeps and "self-care plan" in keeps


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/check/", "/self-care/", ""]
)
def test_start_again_goes_back_only_to_a_page_of_the_checker(client, next_url):
    page = client.get("/check/start-again/", {"next": next_url})
    assert one(page.text, ".govuk-button-group a")["href"] == "/check/"


def test_no_page_of_the_checker_clears_answers_without_asking(client):
    store(client, CALM_ANSWERS, finished=True)
    for path in ("/check/", "/check/age/", "/check/answers/", "/check/result/"):
        forms = BeautifulSoup(client.get(path).text, "html.parser").select("form")
        assert all("start-again" not in str(form.get("action")) for form in forms), path


def test_the_whole_journey_works_through_htmx(htmx_client):
    response = complete_checker(htmx_client, {"worsening": True})

    assert "<html" not in response.text
    assert disposition_of(response)[0] == "gp"


@pytest.mark.parametrize(
    ("answers", "disposition"),
    [
        ({"pregnancy_warning_signs": True}, "urgent"),
        ({"worsening": True}, "gp"),
        ({}, "self_care"),
    ],
)
@pytest.mark.parametrize("pregnant", ["yes", "not_sure"])
def test_every_result_in_pregnancy_lists_the_pregnancy_warning_signs(
    client, answers, disposition, pregnant
):
    response = complete_checker(client, {**answers, "pregnant": pregnant})

    assert disposition_of(response)[0] == disposition
    assert one(response.text, "[data-care-card=pregnancy-warning-signs]")
    assert "the baby moving less than usual" in response.text
    assert ("pregnancy test" in response.text) is (pregnant == "not_sure")


def test_a_gp_result_in_pregnancy_says_a_gp_or_your_midwife(client):
    response = complete_checker(client, {"worsening": True, "pregnant": "not_sure"})

    assert "See a GP or your midwife" in response.text


@pytest.mark.django_db
def test_a_gp_result_offers_the_self_care_plan_for_the_days_before_the_appointment(client):
    response = complete_checker(client, {"worsening": True})

    link = one(response.text, 'main a[href="/self-care/plan/"]')
    assert "before your appointment" in link.get_text()
    assert client.get("/self-care/plan/").status_code == 200


def test_an_urgent_result_gives_the_crisis_line_and_the_cauda_equina_signs(client):
    response = complete_checker(client, {"night_pain": True})

    assert disposition_of(response)[0] == "urgent"
    assert "Samaritans" in response.text
    assert "Go to A&amp;E immediately, day or night" in response.text


def test_an_urgent_journey_stops_once_nothing_left_could_make_it_an_emergency(client):
    response = complete_checker(client, {"pregnant": "yes", "pregnancy_warning_signs": True})

    assert disposition_of(response)[0] == "urgent"
    asked = read_session(client)["triage"]["answers"]
    assert "pain_score" not in asked and "daily_life" not in asked
