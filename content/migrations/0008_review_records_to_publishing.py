"""The review records now belong to the publishing app (its 0001 takes them over, tables and
all): the guidance app forgets them without touching the database (docs/adr/0017)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0007_clinical_reviewers_group"),
        ("publishing", "0001_take_over_review_tables"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ContentVersion"),
                migrations.DeleteModel(name="OldAddress"),
                migrations.DeleteModel(name="PendingChange"),
            ],
            database_operations=[],
        )
    ]
