"""Our markup for GOV.UK Frontend's components keeps to the markup GOV.UK Frontend renders.

GOV.UK Frontend's styles and scripts expect its own structure. The npm package ships the HTML its
templates render for every example (``fixtures.json``), so each of our includes and form fields is
rendered here and its skeleton (elements, their GOV.UK classes, ``data-module`` and
``data-behaviour``, nested as they are) is compared with the examples it should match: a nesting
the examples never have, or a part of the main example we lack, fails.
"""

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from django import forms
from django.template.loader import render_to_string
from django.test import RequestFactory

from backspasm.web.forms import CheckboxesField, RadiosField, WholeNumberField

ROOT = Path(__file__).resolve().parents[1]
COMPONENTS = ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk" / "components"
INCLUDES = ROOT / "templates" / "includes"
KEPT_ATTRIBUTES = ("data-module", "data-behaviour", "role")
# Components whose script we do not load (it only reveals conditional questions, which we do not
# have), so their data-module attribute is left out on purpose.
WITHOUT_SCRIPT = {"radios"}

# Includes that are our own parts, not GOV.UK Frontend's: nothing of theirs to compare with.
OUR_OWN = {
    "care_card.html",
    "crisis_line.html",
    "emergency_callout.html",
    "emergency_link.html",
    "error_help.html",
    "feedback.html",
    "medicines.html",
    "safety_net.html",
    "title.html",
    "words.html",
    "your_pages.html",
}

Path_ = tuple[str, ...]


def node(element: Tag, attributes: tuple[str, ...] = KEPT_ATTRIBUTES) -> str:
    """An element's tag, GOV.UK block and element classes and the attributes its scripts read.
    Modifier classes (``--``) are left out here and checked on their own, as examples combine
    them in only a few of the ways a real page does."""
    classes = sorted(c for c in govuk_classes(element) if "--" not in c)
    kept = [f"[{name}={element.get(name)}]" for name in attributes if element.has_attr(name)]
    return element.name + "".join(f".{c}" for c in classes) + "".join(kept)


def govuk_classes(element: Tag) -> list[str]:
    return [c for c in element.get("class") or [] if c.startswith("govuk-")]


def modifiers(html: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    return {c for element in soup.find_all(True) for c in govuk_classes(element) if "--" in c}


def skeleton(html: str, part: str | None = None, scripted: bool = True) -> set[Path_]:
    """Every path from the top element to each element below it, as ``node`` names them."""
    soup = BeautifulSoup(html, "html.parser")
    roots: Iterable[Tag] = (
        soup.select(part) if part else [c for c in soup.children if isinstance(c, Tag)]
    )
    paths: set[Path_] = set()
    attributes = (
        KEPT_ATTRIBUTES if scripted else tuple(a for a in KEPT_ATTRIBUTES if a != "data-module")
    )

    def walk(element: Tag, above: Path_) -> None:
        here = (*above, node(element, attributes))
        paths.add(here)
        for child in element.children:
            if isinstance(child, Tag) and child.name not in {"svg", "path", "g", "circle"}:
                walk(child, here)

    for root in roots:
        walk(root, ())
    return paths


@cache
def fixtures(component: str) -> dict[str, str]:
    data = json.loads((COMPONENTS / component / "fixtures.json").read_text())
    return {fixture["name"]: fixture["html"] for fixture in data["fixtures"]}


def assert_matches(
    ours: str, component: str, main: str, others: tuple[str, ...] = (), part: str | None = None
) -> None:
    scripted = component not in WITHOUT_SCRIPT
    theirs = skeleton(fixtures(component)[main], part, scripted)
    allowed = set(theirs)
    for name in others:
        allowed |= skeleton(fixtures(component)[name], part, scripted)
    mine = skeleton(ours, part, scripted)
    assert mine, f"nothing of {component} rendered"
    unknown = modifiers(ours) - {
        m for html in fixtures(component).values() for m in modifiers(html)
    }
    assert not unknown, f"modifiers GOV.UK Frontend's {component} never uses: {sorted(unknown)}"
    invented = sorted(" > ".join(p) for p in mine - allowed)
    missing = sorted(" > ".join(p) for p in theirs - mine)
    assert not invented, f"not in GOV.UK Frontend's {component}:\n" + "\n".join(invented)
    assert not missing, f"missing from our {component}:\n" + "\n".join(missing)


def render_include(name: str, **context: object) -> str:
    request = RequestFactory().get("/")
    return render_to_string(f"includes/{name}", context, request=request)


def test_every_include_is_compared_or_named_as_our_own():
    compared = {"service_navigation.html", "error_summary.html", "footer.html"}
    found = {path.name for path in INCLUDES.glob("*.html")}

    assert found == compared | OUR_OWN


def test_service_navigation_is_gov_uk_frontends_with_its_menu_toggle():
    navigation = [
        {"url": "/check/", "label": "Check your symptoms", "current": True},
        {"url": "/self-care/", "label": "Self-care", "current": False},
    ]
    your_pages = [{"url": "/self-care/plan/", "label": "Your plan"}]
    ours = render_include("service_navigation.html", navigation=navigation, your_pages=your_pages)

    assert_matches(ours, "service-navigation", "with navigation with a current item")


class ProblemsForm(forms.Form):
    age = forms.IntegerField()

    def clean(self) -> dict[str, object]:
        raise forms.ValidationError("Something is wrong with the page")


def test_error_summary_is_gov_uk_frontends():
    form = ProblemsForm({"age": "old"})
    assert not form.is_valid()

    ours = render_include("error_summary.html", form=form)

    assert_matches(ours, "error-summary", "default", ("mixed with and without links",))


def test_footer_links_are_gov_uk_frontends():
    # GOV.UK's footer also has the crown and Crown copyright, which only GOV.UK may use: the
    # links are compared, the rest is our own words.
    ours = render_include("footer.html", service_name="Back spasm help", emergency_number="999")

    assert_matches(ours, "footer", "with meta", part=".govuk-footer__inline-list")


def field_html(field: forms.Field, data: dict[str, object] | None = None) -> str:
    form = type("OneFieldForm", (forms.Form,), {"answer": field})(data)
    if data is not None:
        form.is_valid()
    return str(form["answer"].as_field_group())


@pytest.mark.parametrize("data", [None, {}], ids=["blank", "with-error"])
def test_checkboxes_with_an_exclusive_none_of_these_are_gov_uk_frontends(data):
    field = CheckboxesField(
        label="Do you have any of these?",
        page_heading=True,
        help_text="Select all that apply.",
        choices=[("fever", "A high temperature"), ("night_pain", "Pain at night")],
        choice_hints={"night_pain": "Not pain only when you turn over."},
    )
    ours = field_html(field, data)

    assert_matches(
        ours,
        "checkboxes",
        "with divider and None",
        (
            "with legend as a page heading",
            "with hint",
            "with hints on items",
            "with error message and hint",
        ),
    )


@pytest.mark.parametrize("data", [None, {}], ids=["blank", "with-error"])
def test_radios_are_gov_uk_frontends(data):
    field = RadiosField(
        label="Are you pregnant, or could you be?",
        page_heading=True,
        help_text="Select no if you cannot be pregnant.",
        choices=[("yes", "Yes"), ("no", "No"), ("not_sure", "Not sure")],
    )
    ours = field_html(field, data)

    assert_matches(
        ours,
        "radios",
        "default",
        ("with legend as page heading", "with hint", "with fieldset and error message"),
    )


@pytest.mark.parametrize("data", [None, {"answer": "many"}], ids=["blank", "with-error"])
def test_number_inputs_are_gov_uk_frontends(data):
    field = WholeNumberField(label="How old are you?", page_heading=True, help_text="In years.")
    ours = field_html(field, data)

    assert_matches(
        ours,
        "input",
        "with label as page heading",
        ("with error and hint", "with width-3 class", "with hint text"),
    )


def test_number_inputs_with_a_suffix_are_gov_uk_frontends():
    field = WholeNumberField(label="How old are you?", page_heading=True, suffix="years")
    ours = field_html(field)

    assert_matches(ours, "input", "with suffix", part=".govuk-input__wrapper")
