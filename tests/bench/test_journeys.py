import pytest

from bench.html import Field, Form, parse_page
from bench.journeys import answer_form, confirm_form, question_form, start_action

EMERGENCY = Form(
    "http://127.0.0.1/check/emergency/",
    "post",
    (
        Field("csrfmiddlewaretoken", "hidden", (), "token"),
        Field("signs", "checkbox", ("saddle_numbness", "chest_pain", "none"), "saddle_numbness"),
    ),
)
URGENT = Form(
    "http://127.0.0.1/check/urgent/",
    "post",
    (Field("signs", "checkbox", ("fever", "night_pain", "none")),),
)
DETAILS = Form(
    "http://127.0.0.1/check/about-you/",
    "post",
    (
        Field("age", "text"),
        Field("duration_days", "text"),
        Field("pain_score", "number"),
        Field("pregnant", "radio", ("yes", "no")),
        Field("recurrent", "radio", ("yes", "no")),
        Field("sex", "radio", ("female", "male")),
        Field("action", "submit", ("continue",)),
    ),
)


@pytest.mark.parametrize("target", ["urgent", "gp", "self_care"])
def test_every_target_but_emergency_answers_none_of_these_on_the_emergency_screen(target):
    assert answer_form(EMERGENCY, target) == {"csrfmiddlewaretoken": "token", "signs": ["none"]}


def test_the_emergency_target_ticks_the_first_real_sign():
    assert answer_form(EMERGENCY, "emergency")["signs"] == ["saddle_numbness"]


def test_each_target_picks_its_own_finding_where_it_is_offered():
    assert answer_form(URGENT, "urgent") == {"signs": ["night_pain"]}
    assert answer_form(URGENT, "self_care") == {"signs": ["none"]}
    assert answer_form(DETAILS, "gp")["recurrent"] == "yes"


def test_numbers_are_plausible_for_an_adult_and_other_questions_are_answered_safely():
    assert answer_form(DETAILS, "self_care") == {
        "age": "42",
        "duration_days": "3",
        "pain_score": "4",
        "pregnant": "no",
        "recurrent": "no",
        "sex": "female",
        "action": "continue",
    }


START = """
<a class="govuk-link" href="/">Home</a>
<a href="/check/emergency/" class="govuk-button govuk-button--start">Start now</a>
<form action="/search/" method="get"><input type="search" name="q"></form>
"""


def test_a_start_page_is_begun_through_its_start_button():
    page = parse_page("http://127.0.0.1/check/", START)

    assert question_form(page, "/check/") is None
    assert start_action(page, "/check/") == ("GET", "http://127.0.0.1/check/emergency/")


def test_a_question_form_must_post_back_into_the_journey():
    page = parse_page("http://127.0.0.1/check/", START)
    page.forms.append(EMERGENCY)

    assert question_form(page, "/check/") is EMERGENCY
    assert question_form(page, "/self-care/") is None


ANSWERS = """
<form action="/check/answers/" method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="t">
  <button class="govuk-button">Accept</button>
</form>
<form action="/check/start-again/" method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="t"><button>Start again</button>
</form>
"""


def test_check_your_answers_is_confirmed_by_its_own_button_not_by_start_again():
    page = parse_page("http://127.0.0.1/check/answers/", ANSWERS)

    assert question_form(page, "/check/") is None
    confirm = confirm_form(page)
    assert confirm is not None
    assert confirm.action == "http://127.0.0.1/check/answers/"


def test_a_result_page_offers_nothing_to_confirm():
    page = parse_page("http://127.0.0.1/check/result/", ANSWERS)

    assert confirm_form(page) is None
