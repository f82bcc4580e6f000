"""One voice: the guidance names every sign the checker acts on, in the checker's own words, and no
page of the site lists warning signs of its own."""

from collections import deque
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from django.test import Client, RequestFactory

from backspasm.web.views import server_error
from tests.selfcare.conftest import finished
from tests.support.checker import EVERY_ENDING, client_fetch, walk_checker
from triage.answers import Answers
from triage.engine import triage
from triage.rules import CONDITIONS, EMERGENCY_SCREEN, RULES, URGENT, Disposition

pytestmark = pytest.mark.django_db

WHEN_TO_GET_HELP = "/guidance/when-to-get-help/"
# Words that only a warning sign uses. A list item with any of them is a warning-sign list, and
# must come from a care card, so that it says what the checker says.
WARNING_WORDS = (
    "genital", "back passage", "both legs", "chest pain", "high temperature", "like jelly",
    "peeing", "control your bowels", "one side of your body", "clammy",
    "yellow skin", "vagina", "shivery", "wipe",
)  # fmt: skip
SKIPPED_PREFIXES = ("/admin/", "/static/")
# The rules are for people aged 16 and over: the page for younger people gives its own advice
# (with a care card for the emergency signs), which no rule could supply.
UNDER_16 = "/check/under-16/"
# Every ending of the checker, and cancer with sciatica (the cord compression card).
JOURNEYS = (*EVERY_ENDING, {"cancer_history": True, "sciatica": True})
EXPECTED_EMERGENCY_RULES = [f"E{number}" for number in range(1, 9)]


def squashed(text: str) -> str:
    return " ".join(text.split())


def card_texts(html: bytes | str) -> list[str]:
    page = BeautifulSoup(html, "html.parser")
    return [squashed(card.get_text(" ")) for card in page.select("main .app-care-card")]


def group_action_before(text: str, position: int) -> str:
    """The action of the card's group that the words at ``position`` sit in."""
    headings = ("Call 999 now if you have any of these", "Go to A&E now if you have any of these")
    nearest = max(headings, key=lambda heading: text.rfind(heading, 0, position))
    return nearest.removesuffix(" if you have any of these")


def where(texts: list[str], words: str) -> int:
    """The first card on the page that names these words."""
    return next(index for index, text in enumerate(texts) if squashed(words) in text)


@pytest.fixture
def when_to_get_help(client: Client) -> list[str]:
    response = client.get(WHEN_TO_GET_HELP)
    assert response.status_code == 200
    return card_texts(response.content)


def emergency_rules() -> list[str]:
    return [rule.id for rule in RULES if rule.disposition == Disposition.EMERGENCY]


def test_the_rules_have_the_emergency_rules_this_page_is_tested_for():
    assert emergency_rules() == EXPECTED_EMERGENCY_RULES


@pytest.mark.parametrize("finding", EMERGENCY_SCREEN, ids=lambda finding: finding.id)
def test_when_to_get_help_names_every_emergency_screen_sign_of_rule_e1_with_its_action(
    when_to_get_help: list[str], finding
):
    text = when_to_get_help[0]
    action = "Call 999 now" if finding.action == "call" else "Go to A&E now"

    assert group_action_before(text, text.index(squashed(finding.label))) == action


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.id in EXPECTED_EMERGENCY_RULES[1:]], ids=lambda r: r.id
)
def test_when_to_get_help_names_every_emergency_rule_e2_to_e8_with_its_action(
    when_to_get_help: list[str], rule
):
    text = when_to_get_help[0]
    parts = [CONDITIONS[c].label for c in (*rule.needs_all, *rule.needs_any)]
    start = text.index(squashed(parts[0]))
    for part in [*parts, rule.also]:
        assert squashed(part) in text[start:], part
    action = "Call 999 now" if rule.emergency_action == "call" else "Go to A&E now"

    assert group_action_before(text, start) == action


@pytest.mark.parametrize("finding", URGENT, ids=lambda finding: finding.id)
def test_when_to_get_help_names_every_urgent_finding_after_the_emergencies(
    when_to_get_help: list[str], finding
):
    """Jaundice is an emergency on its own (rule E3), so it is named with the emergencies."""
    urgent_card = where(when_to_get_help, "Get help today if you have any of these")
    alone = triage(Answers(findings=frozenset({finding.id}))).disposition
    card = urgent_card if alone == Disposition.URGENT else 0

    assert squashed(finding.label) in when_to_get_help[card]
    assert urgent_card > 0


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.disposition == Disposition.GP], ids=lambda r: r.id
)
def test_when_to_get_help_names_every_reason_to_see_a_gp_last(when_to_get_help: list[str], rule):
    gp_card = where(when_to_get_help, "See a GP if you have any of these")
    for part in (*[CONDITIONS[c].label for c in (*rule.needs_all, *rule.needs_any)], rule.also):
        assert squashed(part) in when_to_get_help[gp_card]
    assert gp_card == len(when_to_get_help) - 1
    assert gp_card > where(when_to_get_help, "Get help today")


def test_when_to_get_help_names_the_pregnancy_warning_signs_with_the_maternity_unit(
    when_to_get_help: list[str],
):
    card = when_to_get_help[where(when_to_get_help, "Contact your maternity unit or midwife")]
    assert squashed(CONDITIONS["pregnancy_warning_signs"].label) in card


def test_serious_causes_has_an_aortic_aneurysm_section_and_the_emergency_cards(client: Client):
    page = BeautifulSoup(client.get("/guidance/serious-causes/").content, "html.parser")
    headings = [squashed(h2.get_text()) for h2 in page.select(".app-prose > h2")]

    assert "Abdominal aortic aneurysm (AAA)" in headings
    assert page.select_one("#care-card-all-emergencies") is not None


def pages_from(client: Client, start: str, found: dict[str, str]) -> None:
    queue = deque([start])
    while queue:
        url = queue.popleft()
        if url in found:
            continue
        response = client.get(url, follow=True)
        found[url] = response.content.decode()
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for link in BeautifulSoup(found[url], "html.parser").select("a[href^='/']"):
            path = urlsplit(str(link["href"])).path
            if path not in found and not path.startswith(SKIPPED_PREFIXES):
                queue.append(path)


@pytest.fixture
def every_page() -> dict[str, str]:
    """Every page a visitor can reach, the checker's results, the self-care plan and diary, and
    the error pages."""
    found: dict[str, str] = {}
    pages_from(Client(), "/", found)
    pages_from(finished(Client()), "/self-care/plan/", found)
    for answers in JOURNEYS:
        client = Client()
        result = walk_checker(client_fetch(client), answers)
        found[f"{result.url} {answers}"] = result.html
    found["(404)"] = Client().get("/this-page-does-not-exist/").content.decode()
    found["(403)"] = Client(enforce_csrf_checks=True).post("/self-care/diary/", {}).content.decode()
    found["(500)"] = server_error(RequestFactory().get("/")).content.decode()
    return found


def test_no_page_lists_warning_signs_that_are_not_a_care_card(every_page: dict[str, str]):
    assert {"/", WHEN_TO_GET_HELP, "/self-care/", "/self-care/plan/", "/self-care/diary/"} <= set(
        every_page
    )
    assert len([url for url in every_page if url.startswith("/check/")]) >= len(JOURNEYS)
    hand_written = []
    for url, html in every_page.items():
        if url.startswith(UNDER_16):
            continue
        for item in BeautifulSoup(html, "html.parser").select("li"):
            words = squashed(item.get_text(" ")).lower()
            if any(word in words for word in WARNING_WORDS) and not in_a_card(item):
                hand_written.append(f"{url}: {words}")

    assert hand_written == [], "\n".join(hand_written)


# A result repeats the person's own answers, in the same labels, under "why am I seeing this"
# and "what to tell A&E": a record of what they said, not a list of signs to look out for.
OWN_ANSWERS = {"app-reason", "app-tell-them"}


def in_a_card(item: Tag) -> bool:
    return any(
        {"app-care-card", *OWN_ANSWERS} & set(parent.get("class") or []) for parent in item.parents
    )
