# ruff: noqa: E501  (each Markdown paragraph is one line, as an editor sees it in admin)
"""The medicines article places the one medicines text (``{{ medicines }}``) that results, plans and
the diary print, instead of its own wording of the same advice (spec v4, "One voice"), and says
what NICE NG59 advises against for sciatica and long-lasting back pain through that block.

Only an article still exactly as the second edition left it is changed (this change is its
review, as the seed was); for one an editor has changed, the new text is proposed for a clinical
reviewer instead. Going back restores the second edition's text, for an article still as this
left it.
"""

from importlib import import_module

from django.db import migrations
from django.utils import timezone

SECOND_EDITION = import_module("content.migrations.0005_one_voice_guidance")
GUIDANCE_V4 = import_module("content.migrations.0009_guidance_points_to_the_cards_v4")
SLUG = "medicines"
CHANGE_REASON = "The medicines advice results and plans give, placed as a block (spec v4)"

BODY = """\
Painkillers do not cure a back spasm. But they can ease the pain enough for you to keep moving. That helps you get better faster.

{{ medicines }}

## Anti-inflammatory painkillers, such as ibuprofen

Non-steroidal anti-inflammatory drugs (NSAIDs) include ibuprofen. You can buy ibuprofen from a pharmacy or shop. Follow the instructions on the packet. Stomach bleeding is a rare side effect: that is why a black poo or being sick blood means stop and get help.

Ask a pharmacist before taking ibuprofen if you:

- are pregnant: do not take ibuprofen or other NSAIDs unless a doctor tells you to
- have had a stomach ulcer or bleeding from your stomach
- have asthma, or kidney, liver or heart problems, or high blood pressure
- take other medicines, such as blood thinners
- are 65 or over

Naproxen is another NSAID. In the UK you can buy it without a prescription only for period pain. If ibuprofen does not help enough, see a GP. They may prescribe naproxen, sometimes with a medicine to protect your stomach.

## Muscle relaxants

If your muscles are in severe spasm, a GP may prescribe diazepam for a few days. It makes you drowsy: do not drive, use machines or drink alcohol while you take it. You can become dependent on it (addicted), so it is only for a few days.

## Stronger painkillers

A GP may offer a weak opioid painkiller, such as codeine, for a short time. They may do this if anti-inflammatories are not suitable for you or have not worked. These can cause side effects, such as constipation and drowsiness. They can also be addictive.

See a GP if the pain is not getting better after a few weeks, even with painkillers.
"""


def _replace(apps, db: str, old: str, new: str, *, propose_if_edited: bool) -> None:
    Article = apps.get_model("content", "Article")
    article = Article.objects.using(db).filter(slug=SLUG).first()
    if article is None or article.body == new.strip():
        return
    if article.body != old.strip():
        if propose_if_edited:
            GUIDANCE_V4._propose(apps, db, article, "content", "Article", "body", new.strip())
            print(f"  Edited since it was seeded, so proposed for review instead: {SLUG}")
        return
    now = timezone.now()
    # update(), not save(): the history row below is the only one, with its reason.
    Article.objects.using(db).filter(pk=article.pk).update(body=new.strip(), updated_at=now)
    article.body = new.strip()
    article.updated_at = now
    GUIDANCE_V4._keep_history(apps, db, article, "content", "Article", now, CHANGE_REASON)


def place_the_block(apps, schema_editor):
    old = SECOND_EDITION.SECOND_EDITION[SLUG]["body"]
    _replace(apps, schema_editor.connection.alias, old, BODY, propose_if_edited=True)


def back_to_the_second_edition(apps, schema_editor):
    new = SECOND_EDITION.SECOND_EDITION[SLUG]["body"]
    _replace(apps, schema_editor.connection.alias, BODY, new, propose_if_edited=False)


class Migration(migrations.Migration):
    dependencies = [("content", "0010_remove_search_tables")]

    operations = [migrations.RunPython(place_the_block, back_to_the_second_edition)]
