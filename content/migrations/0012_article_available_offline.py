"""Which articles phones keep for offline use is the editors' choice, not a slug in the code."""

from django.db import migrations, models

# The emergency page is the one that shows every emergency sign, whatever its title or address.
EMERGENCY_CARD = r"\{\{\s*care-card\s*:\s*all-emergencies\s*\}\}"

FIELD = models.BooleanField(
    "Keep on phones for offline use",
    default=False,
    help_text="Phones that visit the site keep this page to read without a connection. "
    "For the pages that say what to do in an emergency: keep the list short.",
)


def keep_the_emergency_pages(apps, schema_editor):
    Article = apps.get_model("content", "Article")
    Article.objects.using(schema_editor.connection.alias).filter(body__regex=EMERGENCY_CARD).update(
        available_offline=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0011_medicines_block"),
    ]

    operations = [
        migrations.AddField(model_name="article", name="available_offline", field=FIELD),
        migrations.AddField(model_name="historicalarticle", name="available_offline", field=FIELD),
        migrations.RunPython(keep_the_emergency_pages, migrations.RunPython.noop),
    ]
