"""No answer ever reaches a log, a database row, the cache or a third party, and the site sets only
the cookies it strictly needs.

Journeys run to every kind of result and on through the self-care plan, diary and questionnaire,
with every logger of the process at DEBUG (SQL included) and, separately, under gunicorn with the
project's access log format. What the person answered is then searched for everywhere it could
have been written.
"""

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.http.response import HttpResponseBase
from django.test import Client

from tests.caches import cached_values
from tests.conftest import forget_this_runs_cache
from tests.support.checker import answer, client_fetch, walk_checker
from tests.support.html import Form, Page
from tests.support.server import Browser, app_server, server_environment

pytestmark = pytest.mark.django_db

SESSION = settings.SESSION_COOKIE_NAME
STORED_AT = re.compile(r"'(Expires|Date|Last-Modified)': '[^']*'")
NECESSARY_COOKIES = {SESSION, settings.CSRF_COOKIE_NAME}
# One journey to each kind of result, each with findings that appear nowhere else in the journey.
JOURNEYS: dict[str, dict[str, bool | int]] = {
    "emergency": {"bladder_dysfunction": True},
    "urgent": {"unexplained_weight_loss": True, "night_pain": True},
    "gp": {"morning_stiffness": True, "daily_activities_stopped": True},
    "self_care": {"age": 37, "duration_days": 2, "pain_score": 6},
    "pregnant": {"pregnant": True, "pregnancy_warning_signs": True},
}
# The same kinds of result reached with other answers, and other numbers in the self-care forms.
OTHER_JOURNEYS: dict[str, dict[str, bool | int]] = {
    "emergency": {"saddle_numbness": True},
    "urgent": {"fever": True},
    "gp": {"recurrent": True, "not_improving": True},
    "self_care": {"age": 52, "duration_days": 4, "pain_score": 3},
    "pregnant": {"pregnant": True},
}
SELF_CARE_PAGES = ("/self-care/plan/change/", "/self-care/start-back/", "/self-care/diary/")
SELF_CARE_FORM_ANSWERS: dict[str, bool | int] = {"pain_today": 3, "days_since_start": 2}
OTHER_SELF_CARE_FORM_ANSWERS: dict[str, bool | int] = {"pain_today": 7, "days_since_start": 4}


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # format() includes the message, its arguments and any traceback.
        self.lines.append(f"{record.name} {self.format(record)}")


@pytest.fixture
def every_log_line() -> Iterator[list[str]]:
    """Every record from every logger, at DEBUG, including loggers that do not propagate."""
    recorder = Recorder()
    loggers = [logging.getLogger()] + [
        logging.getLogger(name) for name in list(logging.Logger.manager.loggerDict)
    ]
    levels = [(logger, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(recorder)
        logger.setLevel(logging.DEBUG)
    connection.force_debug_cursor = True  # SQL and its parameters go to django.db.backends
    try:
        yield recorder.lines
    finally:
        connection.force_debug_cursor = False
        for logger, level in levels:
            logger.removeHandler(recorder)
            logger.setLevel(level)


class Journey:
    """A person using the site: every form they send and every cookie they are given."""

    def __init__(self, fetch_client: Client | Browser) -> None:
        self.client = fetch_client
        self.posted: list[tuple[str, dict[str, list[str]]]] = []
        self.cookie_names: set[str] = set()

    def fetch(self, method: str, url: str, data: dict[str, list[str]] | None) -> Page:
        if data is not None:
            self.posted.append((url, data))
        if isinstance(self.client, Browser):
            page = self.client.fetch(method, url, data)
            self.cookie_names |= {cookie.name for cookie in self.client.cookies}
            return page
        client = self.client

        def keep_cookie_names(response: HttpResponseBase) -> None:
            self.cookie_names |= set(response.cookies) | set(client.cookies)

        return client_fetch(client, keep_cookie_names)(method, url, data)

    def fill_in(self, path: str, answers: dict[str, bool | int]) -> Page:
        page = self.fetch("GET", path, None)
        forms = [form for form in page.forms() if form.method == "post" and form.asks()]
        for form in forms[:1]:
            page = self.fetch("POST", form.action, answer_everything(form, answers))
        return page

    def secrets(self, answered_yes: set[str]) -> set[str]:
        """What must never be written down: each finding answered yes and the name of every field
        sent, as long as it is an identifier like ``night_pain`` (plain words such as "pregnant"
        are in the guidance itself) and not part of a page's address."""
        names = {
            name
            for _, data in self.posted
            for name in data
            if name != "csrfmiddlewaretoken" and not any(name in url for url, _ in self.posted)
        }
        return {secret for secret in answered_yes | names if "_" in secret}


def answer_everything(form: Form, answers: dict[str, bool | int]) -> dict[str, list[str]]:
    """Like a person filling in a self-care form: every radio group answered, numbers given."""
    data = answer(form, answers)
    for name, options in form.choices.items():
        if form.kinds.get(name) == "radio" and not data.get(name):
            data[name] = options[-1:]
    for name, kind in form.kinds.items():
        if kind in {"text", "number"} and not data.get(name, [""])[0]:
            data[name] = ["5"]
    return data


def run_journeys(
    make_client,
    kinds: dict[str, dict[str, bool | int]] = JOURNEYS,
    form_answers: dict[str, bool | int] = SELF_CARE_FORM_ANSWERS,
) -> tuple[list[Journey], set[str]]:
    journeys, answered_yes = [], set()
    for expected, answers in kinds.items():
        journey = Journey(make_client())
        result = walk_checker(journey.fetch, answers)
        if expected != "pregnant":
            assert result.disposition == expected, result.url
        answered_yes |= {name for name, value in answers.items() if value is True}
        if expected == "self_care":
            for path in SELF_CARE_PAGES:
                journey.fill_in(path, form_answers)
        journeys.append(journey)
    return journeys, answered_yes


def secrets_of(journeys: list[Journey], answered_yes: set[str]) -> set[str]:
    found = set().union(*(journey.secrets(answered_yes) for journey in journeys))
    assert {secret for secret in answered_yes if "_" in secret} <= found
    assert len(found) > len(answered_yes), "the self-care forms sent their answers"
    return found


def leaks(lines: list[str], secrets: set[str]) -> list[tuple[str, str]]:
    return [(secret, line) for line in lines for secret in secrets if secret in line]


def test_no_answer_reaches_any_log_record(every_log_line: list[str]):
    journeys, answered_yes = run_journeys(Client)

    assert every_log_line, "the recorder saw the requests' SQL and warnings"
    assert leaks(every_log_line, secrets_of(journeys, answered_yes)) == []


def test_no_answer_reaches_the_gunicorn_access_log_or_the_server_output(
    tmp_path: Path, static_root: Path, database_copy
):
    database = database_copy(tmp_path)
    env = server_environment(static_root, DATABASE_URL=f"sqlite:///{database}")
    log = tmp_path / "gunicorn.log"
    with app_server(env, log, "--log-level", "info", workers=1) as server:
        journeys, answered_yes = run_journeys(lambda: Browser(server.base_url))
        for query in SEARCHED:
            assert Browser(server.base_url).get(f"/search/?{urlencode({'q': query})}").status == 200
    output = log.read_text().splitlines()

    requests = [line for line in output if '"POST /check/' in line]
    searches = [line for line in output if '"GET /search/' in line]
    assert len(requests) >= 10, "the access log recorded the journeys"
    assert len(searches) == len(SEARCHED), "the access log recorded the searches"
    assert leaks(output, secrets_of(journeys, answered_yes)) == []
    assert leaks(output, SEARCH_SECRETS) == []
    assert not any("?" in line for line in requests + searches), "no query strings in the log"


# What someone searched for can say what they fear: words that appear nowhere on the site, with
# words that bring up a care card.
SEARCHED = ("numb bum zebrafishes", "can't pee quokkas", "quokkas")
SEARCH_SECRETS = {"zebrafish", "quokka"}


@pytest.mark.usefixtures("clock_held")
def test_no_search_reaches_any_log_record_cache_or_table(every_log_line: list[str]):
    client = Client()
    statuses = [
        client.get("/search/", {"q": query}).status_code
        for query in SEARCHED * (int(settings.SEARCH_RATE_PER_ADDRESS.split("/")[0]) // 3 + 1)
    ]
    stored: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            stored.extend(f"{table} {row}" for row in cursor.fetchall())

    assert statuses[-1] == 429, "the searches went on past the limit"
    assert any("Too Many Requests" in line for line in every_log_line)
    assert leaks(every_log_line, SEARCH_SECRETS) == []
    assert leaks(list(cached_values()), SEARCH_SECRETS) == []
    assert leaks(stored, SEARCH_SECRETS) == []


def test_no_answer_is_stored_in_any_database_table():
    journeys, answered_yes = run_journeys(Client)
    secrets = secrets_of(journeys, answered_yes)
    stored: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows = cursor.fetchall()
            if table == "django_session":
                assert rows == [], "sessions live in the signed cookie, never in a table"
            stored.extend(f"{table} {row}" for row in rows)

    assert stored, "the database holds the site's content"
    assert leaks(stored, secrets) == []


def timeless(value: str) -> str:
    """A stored value without the time it was stored, which differs between any two runs."""
    return STORED_AT.sub("", value)


def test_no_answer_is_stored_in_the_cache():
    # Care cards name every warning sign, the same for everyone, so a finding's name in a cached
    # page proves nothing. What proves it: other answers to every question, to the same kinds of
    # result, leave the caches holding exactly the same.
    run_journeys(Client)
    Client().get("/guidance/")
    after_these_answers = sorted(map(timeless, cached_values()))
    forget_this_runs_cache()
    run_journeys(Client, OTHER_JOURNEYS, OTHER_SELF_CARE_FORM_ANSWERS)
    Client().get("/guidance/")
    after_other_answers = sorted(map(timeless, cached_values()))

    assert any("<html" in value for value in after_these_answers), (
        "the guidance page is stored whole"
    )
    assert after_these_answers == after_other_answers


def test_only_the_strictly_necessary_cookies_are_ever_set():
    journeys, _ = run_journeys(Client)
    crawler = Journey(Client())
    for path in ("/", "/guidance/", "/search/?q=spasm", "/self-care/", "/privacy/", "/about/"):
        crawler.fetch("GET", path, None)

    assert set().union(*(journey.cookie_names for journey in [*journeys, crawler])) <= (
        NECESSARY_COOKIES
    )
    assert any(SESSION in journey.cookie_names for journey in journeys)


def test_the_session_cookie_is_not_readable_by_scripts_and_expires():
    client = Client()
    walk_checker(Journey(client).fetch, {"saddle_numbness": True})
    cookie = client.cookies[SESSION]

    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE == 14 * 24 * 60 * 60


def test_pages_load_nothing_from_any_other_site():
    client = Client()
    for path in ("/", "/check/", "/guidance/", "/self-care/", "/self-care/exercises/", "/privacy/"):
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        sources = [
            str(element.get("src") or element.get("href") or element.get("action") or "")
            for element in soup.select("script, link, img, iframe, form, source, video, audio")
        ]
        foreign = [src for src in sources if src and urlsplit(src).netloc]

        assert foreign == [], path


def test_privacy_notice_names_every_cookie_and_says_answers_are_not_kept():
    body = Client().get("/privacy/").content.decode()
    rows = BeautifulSoup(body, "html.parser").select("table.govuk-table tbody tr")
    named = {row.select("td")[0].get_text() for row in rows}

    assert named == NECESSARY_COOKIES
    assert "We do not store your answers in a database" in body
    assert "14 days" in body


ANSWER_PAGES = (
    "/check/emergency-signs/",
    "/check/answers/",
    "/check/result/",
    "/self-care/plan/",
    "/self-care/plan/change/",
    "/self-care/plan.ics",
    "/self-care/start-back/",
    "/self-care/diary/",
)
PUBLIC_PAGES = ("/", "/check/", "/guidance/", "/self-care/", "/self-care/exercises/", "/privacy/")


def directives(response: HttpResponseBase) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}


def test_pages_showing_answers_are_never_stored_by_the_browser_or_a_proxy():
    """On a shared phone, back and history must not bring someone's answers back."""
    client = Client()
    walk_checker(Journey(client).fetch, JOURNEYS["self_care"])
    for path in ANSWER_PAGES:
        response = client.get(path)

        assert response.status_code == 200, path
        assert {"no-store", "private"} <= directives(response), path


def test_a_public_page_is_shared_only_as_rendered_for_nobody_in_particular():
    """Sent with the session cookie, a public page may link to that person's own result or plan,
    so no cache but their browser's may keep it; without the cookie it is the same for anyone."""
    someone = Client()
    walk_checker(Journey(someone).fetch, JOURNEYS["gp"])
    for path in PUBLIC_PAGES:
        theirs, anyones, another = someone.get(path), Client().get(path), Client().get(path)

        assert {"no-store", "private"} <= directives(theirs), path
        assert "public" in directives(anyones), path
        assert "Cookie" in anyones.headers["Vary"], path
        assert anyones.content == another.content, path
        assert b"/check/result/" not in anyones.content, path


def test_the_development_server_logs_no_query_string():
    """``make run`` logs request lines, 4xx at WARNING: a search's words must not be among them."""
    recorder = Recorder()
    server_log = logging.getLogger("django.server")
    server_log.addHandler(recorder)
    try:
        server_log.warning(
            '"%s" %s %s', "GET /search/?q=can%27t+pee+quokkas HTTP/1.1", "429", "2048"
        )
    finally:
        server_log.removeHandler(recorder)

    assert recorder.lines == ['django.server "GET /search/ HTTP/1.1" 429 2048']
