"""No side doors: nobody in the "Content editors" or "Clinical reviewers" group changes a row
that can reach a public page except by a proposal a reviewer approves.

The models tried are every model registered in the admin site, less the few whose rows are not
public content (the reasons are in ``NOT_PUBLIC_CONTENT``), so a model added later is tried as
soon as it has an admin. Each door the admin has is knocked on over real HTTP against a live
server, signed in with a password and a second factor: add, change, delete, the list's "delete
selected" action and history revert.
After each knock, every tried model's rows must be as they were, except new unpublished rows
that wait for review."""

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from axes.models import AccessFailureLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import models
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from backspasm import registry
from backspasm.publishing.editors import EDITORS_GROUP
from backspasm.publishing.models import PendingChange
from backspasm.publishing.reviewers import REVIEWERS_GROUP
from backspasm.web.admin import HistoryAdmin
from feedback.models import PageFeedback
from tests.accounts.signin import PASSWORD, authenticator_for, current_code
from tests.support.html import Page, attr, one
from tests.support.server import Browser
from triage.models import DailyOutcome

# Registered in the admin, but not public content: the proposals are how content changes (the
# review queue, tested in tests/content/test_review.py), and a person's own second-factor devices
# are theirs to manage (tests/accounts/test_second_factor_doors.py). History rows have no admin
# of their own: they are reached through the door "history revert" below.
NOT_PUBLIC_CONTENT: dict[type[models.Model], str] = {
    PendingChange: "a proposal itself, decided in the reviewers' queue",
    TOTPDevice: "a person's own authenticator app",
    StaticDevice: "a person's own backup codes",
}

Rows = dict[str, list[dict[str, Any]]]


def tried_models() -> list[type[models.Model]]:
    return sorted(
        (model for model in admin.site._registry if model not in NOT_PUBLIC_CONTENT),
        key=lambda model: model._meta.label,
    )


def rows_of_every_tried_model() -> Rows:
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in tried_models()
    }


def waits_for_review(model: type[models.Model], pk: Any) -> bool:
    """A row a door added: allowed only unpublished, with its proposal waiting for a reviewer."""
    model_admin = admin.site._registry[model]
    obj = model._default_manager.get(pk=pk)
    unpublished = all(
        getattr(obj, name) == value
        for name, value in getattr(model_admin, "unpublished_values", {}).items()
    )
    return unpublished and PendingChange.objects.pending().for_object(obj).exists()


def changes_without_review(before: Rows, after: Rows) -> list[str]:
    found = []
    for model in tried_models():
        label = model._meta.label
        old = {row["id"]: row for row in before[label]}
        new = {row["id"]: row for row in after[label]}
        found += [f"{label} {pk} deleted" for pk in old.keys() - new.keys()]
        found += [f"{label} {pk} changed" for pk in old.keys() & new.keys() if old[pk] != new[pk]]
        found += [
            f"{label} {pk} added without review"
            for pk in new.keys() - old.keys()
            if not waits_for_review(model, pk)
        ]
    return found


@pytest.fixture
def live_server(django_db_setup, live_server, django_db_serialized_rollback):
    """Started after the test database exists (tests/e2e/conftest.py explains why); each test
    starts from the rows the migrations seeded."""
    return live_server


def signed_in(live_server: Any, username: str, group: str) -> Browser:
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    device = authenticator_for(user)
    browser = Browser(live_server.url)
    page = browser.get("/admin/account/login/")
    page = browser.submit(
        page.form("#login-form"), {"auth-username": username, "auth-password": PASSWORD}
    )
    page = browser.submit(page.form("#login-form"), {"token-otp_token": current_code(device)})
    assert browser.request("GET", "/admin/", None).status == 200
    return browser


@pytest.fixture
def a_row_of_every_model(live_server: Any) -> Iterator[None]:
    """The migrations seed the guidance, exercises and groups; the rest the site writes as it is
    used. A wrong password leaves the lockout's records."""
    stranger = Browser(live_server.url)
    page = stranger.get("/admin/account/login/")
    stranger.submit(page.form("#login-form"), {"auth-username": "nobody", "auth-password": "x"})
    AccessFailureLog.objects.create(username="nobody", ip_address="127.0.0.1", locked_out=False)
    DailyOutcome.objects.create(day="2026-12-01", disposition="self_care", journeys=3)
    PageFeedback.objects.create(page="/guidance/", useful=True)
    # Rows the data migrations seeded have no history yet; a revert needs a version to go to.
    call_command("populate_history", auto=True, stdout=StringIO())
    yield


def admin_url(model: type[models.Model], *parts: Any) -> str:
    opts = model._meta
    return "/".join(["/admin", opts.app_label, str(opts.model_name), *map(str, parts), ""])


def row_as_posted(row: models.Model) -> dict[str, Any]:
    """Every field of the row as a form posts it, whatever the page shows (a door that renders
    no inputs may still take a hand-made POST)."""
    data: dict[str, Any] = {}
    for field in row._meta.concrete_fields:
        if field.editable and not field.primary_key:
            value = field.value_from_object(row)
            if value is not None and value is not False:
                data[field.name] = "on" if value is True else str(value)
    return data


def with_words_added(data: dict[str, Any], model: type[models.Model]) -> dict[str, Any]:
    """Words added to each field of plain text (not an address, a slug or a choice)."""
    for field in model._meta.concrete_fields:
        plain = isinstance(field, models.CharField | models.TextField) and not isinstance(
            field, models.SlugField | models.URLField | models.EmailField
        )
        if plain and not field.choices and isinstance(data.get(field.name), str):
            data[field.name] = f"{data[field.name]} changed"
    return data


def change_form_data(page: Page, model: type[models.Model], row: models.Model) -> dict[str, Any]:
    """What the change form sends (or the row's own fields, where the page has no form), with
    words added, and a reason."""
    forms = [form for form in page.forms() if form.method == "post"]
    data = row_as_posted(row) | (forms[-1].data() if forms else {})
    return with_words_added(data, model) | {"change_reason": "Trying a door", "_save": "Save"}


def add_form_data(browser: "Staff", model: type[models.Model], page: Page) -> dict[str, Any]:
    """The add form filled from an existing row's change form (new unique values), no rows of
    its inlines."""
    existing = model._default_manager.order_by("pk").first()
    assert existing is not None, f"no {model._meta.label} to copy"
    copied = browser.get(admin_url(model, existing.pk, "change")).form(
        f"#{model._meta.model_name}_form"
    )
    data = page.form(f"#{model._meta.model_name}_form").data()
    for name, value in copied.data().items():
        if name in data and "-" not in name:
            data[name] = value
    for field in model._meta.concrete_fields:
        if field.unique and not field.primary_key and field.name in data:
            data[field.name] = f"{data[field.name]}-copy"
    data.update(change_reason="Trying a door", _save="Save")
    return data


class Staff:
    """A signed-in browser whose posts carry the CSRF token, so a refusal is the door's own."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        index = browser.get("/admin/")
        self.token = attr(one(index.soup, "input[name=csrfmiddlewaretoken]"), "value")

    def get(self, url: str) -> Page:
        return self.browser.get(url)

    def post(self, url: str, data: dict[str, Any]) -> str:
        page = self.browser.fetch("POST", url, {**data, "csrfmiddlewaretoken": self.token})
        assert "CSRF" not in page.text(), f"{url}: refused for its CSRF token, not by the door"
        return str(page.status)


def knock(staff: Staff, model: type[models.Model], door: str) -> str:
    """One attempt through ``door``; returns what happened, for the failure message."""
    browser = staff
    row = model._default_manager.order_by("pk").first()
    assert row is not None, f"no {model._meta.label} to try the doors on: make one above"
    if door == "add":
        page = browser.get(admin_url(model, "add"))
        if page.status == 200:
            data = add_form_data(browser, model, page)
        else:  # no form to fill: a copy of the row, as a hand-made POST would send it
            data = row_as_posted(row) | {"change_reason": "Trying a door"}
            for field in model._meta.concrete_fields:
                if field.unique and not field.primary_key and field.name in data:
                    data[field.name] = f"{data[field.name]}-copy"
        return staff.post(admin_url(model, "add"), data)
    if door == "change":
        page = browser.get(admin_url(model, row.pk, "change"))
        data = change_form_data(page, model, row)
        return staff.post(admin_url(model, row.pk, "change"), data)
    if door == "delete":
        return staff.post(admin_url(model, row.pk, "delete"), {"post": "yes"})
    if door == "delete selected":
        # The list's bulk action, confirmed as its second page would.
        selected = {"action": "delete_selected", "_selected_action": str(row.pk), "post": "yes"}
        return staff.post(admin_url(model), selected)
    # History revert: back to the row's first version, with words added as an edit would.
    version = row.history.order_by("history_date").first()  # type: ignore[attr-defined]
    url = admin_url(model, row.pk, "history", version.history_id)
    page = browser.get(url)
    data = change_form_data(page, model, version.instance) | {"reason": "Trying a door"}
    return staff.post(url, data)


DOORS = ("add", "change", "delete", "delete selected", "history revert")


def doors(model: type[models.Model]) -> tuple[str, ...]:
    has_history = isinstance(admin.site._registry[model], HistoryAdmin)
    return DOORS if has_history else DOORS[:-1]


def test_the_models_tried_are_every_admin_model_but_proposals_and_devices():
    labels = {model._meta.label for model in tried_models()}

    assert {"content.Article", "content.Source", "selfcare.Exercise"} <= labels
    assert {"feedback.PageFeedback", "auth.User", "auth.Group"} <= labels
    assert not labels & {"publishing.PendingChange", "otp_totp.TOTPDevice"}


@pytest.mark.parametrize("group", [EDITORS_GROUP, REVIEWERS_GROUP])
@pytest.mark.parametrize("door", DOORS)
def test_no_door_of_the_admin_changes_public_content_without_review(
    live_server: Any, a_row_of_every_model: None, door: str, group: str
):
    staff = Staff(signed_in(live_server, "staff", group))
    knocked = []
    for model in tried_models():
        if door not in doors(model):
            continue
        before = rows_of_every_tried_model()
        answer = knock(staff, model, door)
        knocked.append(model._meta.label)
        assert changes_without_review(before, rows_of_every_tried_model()) == [], (
            f"{group} through {door} of {model._meta.label} (answered {answer})"
        )

    assert "content.Source" in knocked
    if group == EDITORS_GROUP and door in {"add", "change"}:
        # The doors open to editors were really walked through: each made a proposal.
        assert PendingChange.objects.pending().count() == len(registry.reviewed())
