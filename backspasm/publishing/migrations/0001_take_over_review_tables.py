"""The review records (content version, changes for review, old addresses) become this app's,
in the tables the guidance app made for them (docs/adr/0017)."""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("content", "0007_clinical_reviewers_group"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables stay as the guidance app made them: only Django's idea of whose they are
        # changes. content.0008 forgets them on its side.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("number", models.PositiveBigIntegerField(default=1)),
                    ],
                    options={
                        "db_table": "content_contentversion",
                        "default_permissions": (),
                    },
                ),
                migrations.CreateModel(
                    name="OldAddress",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("path", models.CharField(max_length=200, unique=True)),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="contenttypes.contenttype",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name_plural": "old addresses",
                        "db_table": "content_oldaddress",
                    },
                ),
                migrations.CreateModel(
                    name="PendingChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField()),
                        (
                            "name",
                            models.CharField(
                                help_text="The title or name it proposes.", max_length=200
                            ),
                        ),
                        (
                            "values",
                            models.JSONField(
                                encoder=django.core.serializers.json.DjangoJSONEncoder
                            ),
                        ),
                        (
                            "children",
                            models.JSONField(
                                blank=True,
                                default=dict,
                                encoder=django.core.serializers.json.DjangoJSONEncoder,
                                help_text=(
                                    "Rows that belong to it, such as an article's sources, "
                                    "by relation name."
                                ),
                            ),
                        ),
                        ("reason", models.TextField()),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting for review"),
                                    ("approved", "Approved"),
                                    ("rejected", "Sent back"),
                                    ("superseded", "Replaced by a later change"),
                                ],
                                default="pending",
                                max_length=12,
                            ),
                        ),
                        ("review_comment", models.TextField(blank=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("decided_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "author",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="proposed_changes",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                to="contenttypes.contenttype",
                            ),
                        ),
                        (
                            "reviewer",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="reviewed_changes",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "change for review",
                        "verbose_name_plural": "changes for review",
                        "db_table": "content_pendingchange",
                        "ordering": ["-created_at"],
                        "permissions": [
                            ("approve_pendingchange", "Can approve or send back a change")
                        ],
                        "indexes": [
                            models.Index(
                                fields=["content_type", "object_id", "status"],
                                name="content_pen_content_f618a1_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
