# ruff: noqa: E501  (each Markdown paragraph is one line, as an editor sees it in admin)
"""Guidance prose that disagreed with the symptom checker's rules (spec v4) now points to the cards.

- Nerve problems: spinal stenosis in both legs is not "see a GP". The rules make it same-day help
  (`both_legs_longstanding`), or an emergency when it started or got worse in the last 2 weeks
  (`both_legs_symptoms`); the page now says so and shows the "urgent" card under the cauda equina
  one.
- Serious causes: ankylosing spondylitis with sudden severe pain after a minor fall, lift, cough or
  sneeze, or with no cause, is `minor_fall_fragile` (get help today); the prose matches it and
  points to the cards at the end of the page.
- The walking exercise told people to hold on to a rail if they felt unsteady. Unsteady legs are an
  emergency sign (`balance_loss`): the line now sends them to the warning signs on the page.

This change is the clinical review of the rows it changes, as the seed was. So only a row still
exactly as seeded is changed (with a history row giving the reason, so it can be undone from its
history in admin). A row an editor has changed is left as it is, and the change is filed as a
proposal for a clinical reviewer instead: the editor's text with the passage replaced where it is
still there, or else the new seeded text, to compare with theirs.
"""

from importlib import import_module
from typing import Any

from django.db import migrations
from django.utils import timezone

SEEDED_GUIDANCE = import_module("content.migrations.0005_one_voice_guidance")
SEEDED_EXERCISES = import_module("selfcare.migrations.0002_seed_exercises")

CHANGE_REASON = "Spec v4: guidance prose points to the care cards where it disagreed with the rules"
# Proposals need an author; a reviewer can never be the author, so any reviewer may decide them.
AUTHOR_USERNAME = "guidance-update"

# (app label, model, slug, field, the seeded passage, what replaces it)
CHANGES: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "content",
        "Article",
        "nerve-problems",
        "body",
        "Spinal stenosis often comes on slowly. See a GP if your legs hurt, feel numb or feel heavy when you walk, and this eases when you sit or bend forward.",
        "Spinal stenosis often comes on slowly. Your legs may hurt, feel numb or feel heavy when you walk, and get better when you sit or bend forward. If this is in one leg, see a GP. If it is in both legs, get help the same day, even if it came on slowly. If it started or got worse in the last 2 weeks, it is an emergency. The cards below say what to do.",
    ),
    (
        "content",
        "Article",
        "nerve-problems",
        "body",
        "{{ care-card: cauda-equina }}\n\n[When to get help now]",
        "{{ care-card: cauda-equina }}\n\n{{ care-card: urgent }}\n\n[When to get help now]",
    ),
    (
        "content",
        "Article",
        "serious-causes",
        "body",
        "Its complications can be serious. The bones of the spine can become fragile and break after a small fall. Get help today if you have ankylosing spondylitis and sudden severe back pain.",
        "Its complications can be serious. The bones of the spine can become fragile and break after a small fall. They can even break after a lift, a cough or a sneeze. If you have ankylosing spondylitis and get sudden severe pain like this, get help today. The cards at the end of this page say what to do.",
    ),
    (
        "selfcare",
        "Exercise",
        "walking-knees-high",
        "cautions",
        "Hold on to a rail or a wall if you feel unsteady.",
        "If your legs feel unsteady, stop. Unsteady legs can be a warning sign that needs help now: check the signs at the top of this page.",
    ),
)


def _seeded() -> dict[tuple[str, str, str], str]:
    """What the seed left in each field this migration changes."""
    articles = {
        slug: change["body"].strip() for slug, change in SEEDED_GUIDANCE.SECOND_EDITION.items()
    }
    exercises = {entry["slug"]: entry for entry in SEEDED_EXERCISES.EXERCISES}
    seeded: dict[tuple[str, str, str], str] = {}
    for _, model, slug, field, old, _ in CHANGES:
        key = (model, slug, field)
        seeded[key] = articles[slug] if model == "Article" else exercises[slug][field]
        assert old in seeded[key], f"{slug}: the seeded {field} no longer has {old!r}"
    return seeded


def _replaced(text: str, model: str, slug: str, field: str, *, forwards: bool = True) -> str:
    for _, each_model, each_slug, each_field, old, new in CHANGES:
        if (each_model, each_slug, each_field) == (model, slug, field):
            text = text.replace(old, new) if forwards else text.replace(new, old)
    return text


def _targets() -> dict[tuple[str, str, str], str]:
    """Each changed field with its app label, once."""
    return {(model, slug, field): app_label for app_label, model, slug, field, _, _ in CHANGES}


def _values(obj: Any) -> dict[str, Any]:
    """A proposal's values: every field an editor edits (as backspasm.publishing.review reads them)."""
    values: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.editable and not field.primary_key and not field.is_relation:
            value = field.value_from_object(obj)
            values[field.name] = value.isoformat() if hasattr(value, "isoformat") else value
    return values


def _keep_history(
    apps, db: str, obj: Any, app_label: str, model: str, now, reason: str = CHANGE_REASON
) -> None:
    history = apps.get_model(app_label, f"Historical{model}")
    fields = {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}
    history.objects.using(db).create(
        **fields, history_date=now, history_type="~", history_change_reason=reason
    )


def _author(apps, db: str):
    User = apps.get_model("auth", "User")
    author, _ = User.objects.using(db).get_or_create(
        username=AUTHOR_USERNAME,
        defaults={
            "first_name": "Guidance update",
            "last_name": "(spec v4)",
            "is_active": False,
            # An unusable password: nobody signs in as this author.
            "password": "!guidance-update-never-signs-in",
        },
    )
    return author


def _propose(apps, db: str, obj: Any, app_label: str, model: str, field: str, text: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    PendingChange = apps.get_model("publishing", "PendingChange")
    content_type, _ = ContentType.objects.using(db).get_or_create(
        app_label=app_label, model=model.lower()
    )
    values = _values(obj)
    values[field] = text
    name = values.get("title") or values.get("name") or obj.slug
    PendingChange.objects.using(db).create(
        content_type=content_type,
        object_id=obj.pk,
        name=name,
        values=values,
        children={},
        reason=CHANGE_REASON
        + ". This page was edited after it was seeded, so it was not changed: compare this "
        "version with the live one.",
        author=_author(apps, db),
        status="pending",
    )


def point_to_the_cards(apps, schema_editor) -> None:
    db = schema_editor.connection.alias
    seeded = _seeded()
    now = timezone.now()
    for (model, slug, field), app_label in _targets().items():
        obj = apps.get_model(app_label, model).objects.using(db).filter(slug=slug).first()
        if obj is None:
            print(f"  Left alone, no longer on the site: {slug}")
            continue
        live = getattr(obj, field)
        new_seeded = _replaced(seeded[(model, slug, field)], model, slug, field)
        if live == new_seeded:
            continue
        if live == seeded[(model, slug, field)]:
            setattr(obj, field, new_seeded)
            # update(), not save(): the history row below is the only one, with its reason.
            apps.get_model(app_label, model).objects.using(db).filter(pk=obj.pk).update(
                **{field: new_seeded}
            )
            _keep_history(apps, db, obj, app_label, model, now)
            continue
        mended = _replaced(live, model, slug, field)
        _propose(apps, db, obj, app_label, model, field, mended if mended != live else new_seeded)
        print(f"  Edited since it was seeded, so proposed for review instead: {slug}")


def back_to_the_seed(apps, schema_editor) -> None:
    """Undo the change on rows still exactly as this migration left them."""
    db = schema_editor.connection.alias
    seeded = _seeded()
    for (model, slug, field), app_label in _targets().items():
        new_seeded = _replaced(seeded[(model, slug, field)], model, slug, field)
        apps.get_model(app_label, model).objects.using(db).filter(
            slug=slug, **{field: new_seeded}
        ).update(**{field: seeded[(model, slug, field)]})


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0008_review_records_to_publishing"),
        ("publishing", "0002_relabel_content_types"),
        ("selfcare", "0002_seed_exercises"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(point_to_the_cards, back_to_the_seed)]
