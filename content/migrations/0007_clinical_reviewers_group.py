"""Creates the "Clinical reviewers" group with its permissions.

Permissions are normally created after all migrations run, so they are created here first. The
group's permissions are set again after every migrate (backspasm.publishing.reviewers), so models
added later join it.
"""

from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Q

REVIEWERS_GROUP = "Clinical reviewers"


def create_reviewers_group(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    using = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        # create_permissions skips an app whose models_module is unset, as it is in migrations.
        app_config.models_module = True  # type: ignore[assignment]
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = group_model.objects.using(using).get_or_create(name=REVIEWERS_GROUP)
    group.permissions.set(
        permission_model.objects.using(using).filter(
            Q(content_type__app_label__in=["content", "selfcare"], codename__startswith="view_")
            | Q(content_type__app_label="content", codename="approve_pendingchange")
        )
    )


def remove_reviewers_group(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    group_model = apps.get_model("auth", "Group")
    group_model.objects.using(schema_editor.connection.alias).filter(name=REVIEWERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0006_review_before_publish"),
        ("selfcare", "0002_seed_exercises"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_reviewers_group, remove_reviewers_group)]
