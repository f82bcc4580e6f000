"""Every question page, with and without htmx, including bad input and deep links."""

import pytest
from bs4 import BeautifulSoup
from django.urls import clear_script_prefix, set_script_prefix

from triage.flow import STEPS, Kind, Step

from .conftest import CALM_ANSWERS, EMERGENCY_NONE, one, read_session, store


def answers_before(step: Step) -> dict[str, object]:
    """Stored answers that reach this step: everything earlier, calm."""
    keys = [each.key for each in STEPS[: STEPS.index(step)]]
    stored = {key: CALM_ANSWERS[key] for key in keys if key in CALM_ANSWERS}
    if step.key == "pregnancy_signs":
        stored["pregnant"] = "yes"
    return stored


def valid_post(step: Step) -> dict[str, object]:
    if step.kind is Kind.CHECKBOXES:
        return {step.key: ["none"]}
    if step.kind in {Kind.YES_NO, Kind.CHOICE}:
        return {step.key: "no"}
    return {step.key: "30" if step.key == "age" else "5"}


def url(step: Step) -> str:
    return f"/check/{step.slug}/"


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.slug)
def test_each_question_shows_as_a_whole_page(client, step):
    store(client, answers_before(step))

    response = client.get(url(step))

    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    assert page.html is not None
    assert one(page, "h1").get_text(strip=True) == step.question
    assert one(page, "title").get_text().startswith(step.question)
    form = one(page, f'form[data-hx-post="{url(step)}"]')
    assert form["action"] == url(step) and form["method"] == "post" and form.has_attr("novalidate")
    main = one(page, "main#main-content")
    assert main["data-hx-target"] == "#main-content" and main["data-hx-push-url"] == "true"
    assert str(one(page, "#back-link")["href"]).startswith("/check/")
    assert "Why we ask:" in response.text


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.slug)
def test_each_question_as_an_htmx_partial_is_only_the_question(htmx_client, step):
    store(htmx_client, answers_before(step))

    response = htmx_client.get(url(step))

    assert response.status_code == 200
    assert "<html" not in response.text and "<body" not in response.text
    page = BeautifulSoup(response.text, "html.parser")
    assert one(page, "title").get_text().startswith(step.question)
    assert one(page, "#back-nav")["data-hx-swap-oob"] == "true"
    assert one(page, "h1").get_text(strip=True) == step.question
    assert one(page, "h1").has_attr("data-focus-on-swap")


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.slug)
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_each_question_answered_redirects_to_the_next_page(client, htmx_client, step, htmx):
    browser = htmx_client if htmx else client
    store(browser, answers_before(step))

    response = browser.post(url(step), valid_post(step))

    assert response.status_code == 302
    later = STEPS[STEPS.index(step) + 1 :]
    expected = next((f"/check/{s.slug}/" for s in later if s.key != "pregnancy_signs"), None)
    assert response["Location"] == (expected or "/check/answers/")
    assert read_session(browser)["triage"]["answers"][step.key] is not None


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.slug)
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_each_question_posted_empty_shows_an_error_summary(client, htmx_client, step, htmx):
    browser = htmx_client if htmx else client
    store(browser, answers_before(step))

    response = browser.post(url(step), {})

    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    assert ("<html" in response.text) is not htmx
    assert one(page, "title").get_text().startswith("Error: ")
    link = one(page, ".govuk-error-summary a")
    assert link.get_text() == step.error
    assert one(page, str(link["href"])).name == "input", "the summary links to the first input"
    assert step.error in one(page, f"#id_{step.key}-error").get_text()


def test_a_missing_answer_keeps_every_other_answer(client):
    store(client, answers_before(STEPS[4]))

    client.post("/check/how-long/", {})

    assert read_session(client)["triage"]["answers"] == answers_before(STEPS[4])


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    [
        ("age", {"age": "abc"}, "Enter your age in years, like 42"),
        ("age", {"age": "-1"}, "Enter your age in years, from 0 to 120"),
        ("age", {"age": "200"}, "Enter your age in years, from 0 to 120"),
        ("age", {"age": "4" * 40}, "Enter your age in years, like 42"),
        ("age", {"age": "4.5"}, "Enter your age in years, like 42"),
        ("pain-score", {"pain_score": "11"}, "Enter a pain score from 0 to 10"),
        ("pain-score", {"pain_score": "seven"}, "Enter your pain score as a number, like 6"),
        ("how-long", {"duration_days": "a week"}, "Enter how long ago your back pain started"),
        ("how-long", {"duration_days": "101", "duration_unit": "years"}, "Select days, weeks"),
        ("how-long", {"duration_days": "1300", "duration_unit": "months"}, "up to 100 years"),
        ("how-long", {"duration_days": "36501"}, "up to 100 years"),
        ("emergency-signs", {"emergency_signs": ["not_a_finding"]}, "Select the ones that apply"),
        ("pregnancy", {"pregnant": "maybe"}, "Select yes if you are pregnant"),
        ("pregnancy", {"pregnant": "true"}, "Select yes if you are pregnant"),
        ("leg-pain", {"sciatica": "true"}, "Select yes if you have pain"),
    ],
)
def test_bad_input_says_what_to_fix_and_keeps_what_was_typed(client, slug, data, message):
    step = next(step for step in STEPS if step.slug == slug)
    store(client, answers_before(step))

    response = client.post(f"/check/{slug}/", data)

    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert message in response.text
    if step.kind in {Kind.NUMBER, Kind.DURATION}:
        assert one(response.text, f'input[name="{step.key}"]')["value"] == data[step.key]


def test_checked_boxes_stay_checked_after_an_error(client):
    chosen = {"emergency_signs": ["bowel_dysfunction", "forged"]}
    response = client.post("/check/emergency-signs/", chosen)

    page = BeautifulSoup(response.text, "html.parser")
    assert "There is a problem" in response.text
    checked = {box["value"] for box in page.select("input[checked]")}
    assert checked == {"bowel_dysfunction"}


@pytest.mark.parametrize(
    "step", [step for step in STEPS if step.kind is Kind.CHECKBOXES], ids=lambda step: step.slug
)
def test_a_sign_ticked_with_none_of_these_counts_as_the_sign(client, step):
    """Without JavaScript nothing unticks "None of these": the sign wins, never an error."""
    store(client, answers_before(step))
    sign = step.findings[0].id

    response = client.post(url(step), {step.key: ["none", sign]})

    assert response.status_code == 302
    assert read_session(client)["triage"]["answers"][step.key] == [sign]


@pytest.mark.parametrize("step", STEPS[1:], ids=lambda step: step.slug)
def test_emergency_screen_cannot_be_skipped_by_deep_link(client, step):
    assert client.get(url(step))["Location"] == "/check/emergency-signs/"
    response = client.post(url(step), valid_post(step))
    assert response["Location"] == "/check/emergency-signs/"
    assert "backspasm_session" not in client.cookies or "triage" not in read_session(client)


def test_a_later_step_redirects_to_the_first_unanswered_one(client):
    store(client, {**EMERGENCY_NONE, "age": 40})

    assert client.get("/check/daily-life/")["Location"] == "/check/pregnancy/"


def test_an_unknown_question_is_not_found(client):
    assert client.get("/check/no-such-question/").status_code == 404


def test_a_session_that_is_not_ours_starts_at_the_beginning(client):
    store(client, "garbage")
    assert client.get("/check/age/")["Location"] == "/check/emergency-signs/"


def test_a_forged_session_cookie_starts_at_the_beginning(client):
    client.cookies["backspasm_session"] = "eyJ0cmlhZ2UiOnt9fQ:forged:signature"
    assert client.get("/check/age/")["Location"] == "/check/emergency-signs/"


def test_the_next_question_is_found_under_the_address_the_site_is_served_at(client):
    first = STEPS[0]
    try:
        # What the WSGI handler does for each request from its SCRIPT_NAME (the test client
        # does not), so each answer below is given on a site served at another address.
        for prefix in ("/backspasm/", "/", "/another/"):
            set_script_prefix(prefix)
            client.cookies.clear()
            response = client.post(url(first), valid_post(first))

            assert response["Location"] == f"{prefix}check/{STEPS[1].slug}/"
    finally:
        clear_script_prefix()


def test_the_first_question_goes_back_to_the_start_page(client):
    assert one(client.get("/check/emergency-signs/").text, "#back-link")["href"] == "/check/"


def test_a_question_goes_back_to_the_one_before(client):
    store(client, {**EMERGENCY_NONE, "age": 40, "pregnant": "no"})
    assert one(client.get("/check/how-long/").text, "#back-link")["href"] == "/check/pregnancy/"


def test_an_earlier_answer_is_shown_when_going_back(client):
    store(client, {**EMERGENCY_NONE, "age": 40, "pregnant": "no"})
    assert one(client.get("/check/age/").text, 'input[name="age"]')["value"] == "40"
    page = BeautifulSoup(client.get("/check/emergency-signs/").text, "html.parser")
    assert [box["value"] for box in page.select("input[checked]")] == ["none"]


@pytest.mark.parametrize(
    ("data", "days"),
    [
        ({"duration_days": "5"}, 5),
        ({"duration_days": "5", "duration_unit": ""}, 5),
        ({"duration_days": "5", "duration_unit": "days"}, 5),
        ({"duration_days": "3", "duration_unit": "weeks"}, 21),
        ({"duration_days": "2", "duration_unit": "months"}, 60),
        ({"duration_days": "0", "duration_unit": "months"}, 0),
    ],
)
def test_how_long_is_stored_in_days_and_a_number_alone_counts_as_days(client, data, days):
    step = next(step for step in STEPS if step.key == "duration_days")
    store(client, answers_before(step))

    response = client.post(url(step), data)

    assert response.status_code == 302
    assert read_session(client)["triage"]["answers"]["duration_days"] == days


def test_how_long_offers_days_weeks_and_months_with_days_chosen_at_first(client):
    step = next(step for step in STEPS if step.key == "duration_days")
    store(client, answers_before(step))

    page = BeautifulSoup(client.get(url(step)).text, "html.parser")

    units = [radio["value"] for radio in page.select('input[name="duration_unit"]')]
    assert units == ["days", "weeks", "months"]
    assert one(page, 'input[name="duration_unit"][checked]')["value"] == "days"
    assert one(page, "h1").get_text(strip=True) == step.question


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.slug)
def test_each_question_says_which_section_of_the_checker_it_is_in(client, step):
    store(client, answers_before(step))

    caption = one(client.get(url(step)).text, "[data-section]").get_text(strip=True)

    assert caption == (f"{step.section}: {step.theme}" if step.theme else step.section)
