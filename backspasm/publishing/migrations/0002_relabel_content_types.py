"""The review records' content types move from the guidance app's label to this one's.

A content type is relabelled in place, keeping its id, so the permissions that hang on it (a
reviewer's "approve", given to the "Clinical reviewers" group or to anyone by hand) and every
group and person holding them stay as they were. Without this, Django would make new content
types for "publishing" after migrating, with new permissions nobody holds.
"""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

MODELS = ("contentversion", "pendingchange", "oldaddress")


def _relabel(apps: Apps, schema_editor: BaseDatabaseSchemaEditor, old: str, new: str) -> None:
    using = schema_editor.connection.alias
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_types = content_type_model.objects.using(using)
    for model in MODELS:
        moving = content_types.filter(app_label=old, model=model).first()
        if moving is None:
            continue
        there = content_types.filter(app_label=new, model=model).first()
        if there is not None:
            # Made already (by a migrate that ran the post-migrate handlers in between): keep the
            # permissions people hold by moving them across, then drop the empty content type.
            for permission in permission_model.objects.using(using).filter(content_type=moving):
                same = permission_model.objects.using(using).filter(
                    content_type=there, codename=permission.codename
                )
                if same.exists():
                    kept = same.get()
                    kept.group_set.add(*permission.group_set.all())
                    kept.user_set.add(*permission.user_set.all())
                    permission.delete()
                else:
                    permission.content_type = there
                    permission.save(update_fields=["content_type"])
            moving.delete()
        else:
            moving.app_label = new
            moving.save(update_fields=["app_label"])
    # The running process's cache may still hold the old labels.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def to_publishing(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _relabel(apps, schema_editor, "content", "publishing")


def to_content(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _relabel(apps, schema_editor, "publishing", "content")


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_take_over_review_tables"),
        ("content", "0008_review_records_to_publishing"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(to_publishing, to_content)]
