# ruff: noqa: E501  (each Markdown paragraph is one line, as an editor sees it in admin)
"""The second edition of the guidance, for version 3 of the triage specification ("One voice").

Every list of warning signs becomes a care card block, so the articles name each sign in the
symptom checker's own words and send people where the checker would. "When to get help now" lists
every emergency rule, every urgent sign and every reason to see a GP. Serious causes gains the
aortic aneurysm; medicines follow NICE NG59 and NHS.UK (ibuprofen with food, naproxen and muscle
relaxants on prescription, diazepam warnings, paracetamol in pregnancy); the self-care steps are
the same block the /self-care/ page shows; the exercises use the exercise pages' names and link
their drawings. Every article is written in short sentences and everyday words, for a reading age
of 9 to 11 (tests/content/test_seeded_guidance.py measures it), which is why "Causes and risk
factors" changes too.

An editor's own work is never overwritten: only an article whose body is still exactly the first
edition changes, and the migration prints the ones it leaves alone so someone can update them by
hand. Each change gets a history row, so it can be undone from the article's history in admin.
"""

from importlib import import_module
from typing import Any

from django.db import migrations
from django.utils import timezone

FIRST_EDITION = import_module("content.migrations.0002_seed_guidance")
CHANGE_REASON = (
    "Second edition: warning signs from the symptom checker's rules (spec v3), in plainer words"
)

NHS_AAA = (
    "Abdominal aortic aneurysm - NHS",
    "https://www.nhs.uk/conditions/abdominal-aortic-aneurysm/",
)
NHS_NSAIDS = ("NSAIDs - NHS", "https://www.nhs.uk/conditions/nsaids/")
NHS_EXERCISES = (
    "Exercises for back pain - NHS",
    "https://www.nhs.uk/live-well/exercise/exercises-for-back-pain/",
)

SECOND_EDITION: dict[str, dict[str, Any]] = {
    "what-is-a-back-spasm": {
        "body": """\
In a back spasm, one or more muscles in your back suddenly tighten (contract) on their own. They do not relax, and you cannot stop it by choice. It can feel like a cramp, a tight knot or a sharp, gripping pain.

## Why it hurts so much

Spasms often happen in the muscles close to your spine. These are next to the nerves that go in and out of the spinal cord. The tight muscle can press on these nerves. That is why a spasm can hurt so much.

## What sets it off

A spasm is usually your body's reaction to:

- a strain or small injury to a muscle, for example from heavy lifting, exercise or hard physical work
- muscle pain or weakness
- something else irritating a nerve that connects to the muscle

You are more likely to get a spasm when you do these things if you have not had enough to drink. It is also more likely if you are low on calcium or potassium (minerals) in your blood. [Causes and risk factors](/guidance/causes/) explains more.

## It usually gets better

Most back spasms get better on their own within a few days to a few weeks. Staying as active as you can helps you recover. [Looking after a back spasm at home](/guidance/self-care/) explains what helps.

## When it can be serious

Rarely, the pain comes from something pressing hard on the nerves in your spine. This might be a slipped (herniated) disc or a narrowing of the spine (spinal stenosis). If the pressure is not taken away quickly, the nerves can be damaged for good. This damage can stay even after the pressure is gone.

{{ care-card: cauda-equina }}

[When to get help now](/guidance/when-to-get-help/) lists every warning sign.
""",
    },
    "symptoms": {
        "body": """\
The main symptom is sudden pain and tightness in your back. The muscle may feel hard or knotted. It can be hard to stand up straight or move.

Other symptoms depend on what is causing the spasm. Some come from your muscles and joints, and some from your nerves.

## Symptoms in your muscles and joints

A back spasm can come with:

- backache
- stiffness in your back
- a stiff neck
- pain in your shoulder
- pain in your buttock (bottom)
- a strained muscle
- your spine bending to one side, because the tight muscles pull it out of line
- pain or numbness in one leg

## Symptoms from your nerves

When a nerve is irritated or pressed on, you may have:

- a headache at the back of your head
- sciatica: pain that shoots from your bottom down the back of one leg, sometimes with tingling or numbness
- pain, numbness or tingling in an arm, shoulder, buttock or leg

See a GP if you have had sciatica for 2 weeks or more, or sooner if it is getting worse.

## Foot drop is a warning sign

Foot drop means you cannot lift the front of your foot properly, so it slaps down or your toes catch when you walk. You may read that it is an ordinary symptom of a back spasm. It is not. New foot drop, or foot drop that is getting worse, means a nerve may be badly squashed: go to A&E now.

## Symptoms that need help straight away

You may read that you need help straight away for loss of control of your bladder or bowels, problems with your balance, weakness in your arms or legs, or loss of feeling in your arms or legs. That is partly right, but it is not exact enough. Loss of control of your bladder or bowels is a late sign: the nerves may already be damaged by then. The NHS and NICE name the early signs too. These are the signs to act on:

{{ care-card: cauda-equina }}

Sudden weakness on one side of your body, or your face drooping, can be a stroke:

{{ care-card: call-999 }}

[When to get help now](/guidance/when-to-get-help/) lists every warning sign.
""",
    },
    "causes": {
        "body": """\
## Strain and overwork

Most back spasms happen when you put a lot of effort or strain on your back muscles. For example:

- lifting something heavy, especially while twisting
- exercising or playing sport
- hard physical work, or doing more than you are used to

## Things that make a spasm more likely

You are more likely to get back spasms if you have:

- not had enough to drink (dehydration)
- low levels of minerals such as calcium or potassium in your blood
- tight hamstrings: the muscles and tendons that run down the back of your thighs
- weak stomach muscles
- weak back muscles

Your stomach and back muscles work together to support your spine. When they are weak, your back muscles have to work harder. Then they are more likely to go into spasm. Gentle, regular exercise makes them stronger. See [Exercises for back spasms](/guidance/exercises/).

Drink enough through the day, so that your pee is a pale yellow colour. This matters most when you exercise or when it is hot.

If you keep getting spasms or cramps, a GP can check what is causing them. For example, a blood test can show if you are low on minerals.

## Other causes

Sometimes a spasm happens because something irritates a nerve linked to the muscle, such as a slipped disc. [Slipped discs and narrowing of the spine](/guidance/nerve-problems/) explains more.

Rarely, back pain and spasm are a sign of another condition. [Other serious causes of back pain](/guidance/serious-causes/) explains which ones and what to look out for.
""",
    },
    "when-to-get-help": {
        "summary": (
            "Most back spasms can be looked after at home. These signs mean you need help now or "
            "today. They are the same signs the symptom checker asks about, in the same words."
        ),
        "body": """\
This page and the [symptom checker](/check/) use the same words for each sign. So they send you to the same place. The most urgent signs come first.

{{ care-card: all-emergencies }}

Some of these signs come from cauda equina syndrome. This is when the nerves at the bottom of your spine are squashed. It needs treatment in hospital straight away. This stops lasting damage to the nerves that control your legs, bladder, bowels and sex life.

Some signs are an emergency only when they come together. For example, a high temperature can mean an infection in the spine. It is an emergency if you inject drugs, have a weakened immune system or had a spinal procedure in the last 6 weeks.

{{ care-card: urgent }}

{{ care-card: pregnancy-warning-signs }}

{{ care-card: gp }}

If you are not sure what to do, [check your symptoms](/check/). It asks about each of these signs, one page at a time.
""",
    },
    "nerve-problems": {
        "body": """\
Sometimes a back spasm happens because something is pressing on a nerve. The nerve comes out of your spine. The two most common reasons are:

- a slipped (herniated) disc: one of the soft cushions between the bones of your spine bulges out and presses on a nerve
- spinal stenosis: the space inside your spine gets narrower, usually with age, and squeezes the nerves

Both can cause back pain and sciatica (pain shooting down one leg). They can also cause numbness, tingling or weakness in a leg.

## Most people get better

A slipped disc usually gets better on its own within 4 to 6 weeks. Keep as active as you can. Take painkillers if you need them. See [Looking after a back spasm at home](/guidance/self-care/).

See a GP if you have had sciatica for 2 weeks or more. See a GP too if it is getting worse or stops you doing your usual things. Spinal stenosis often comes on slowly. See a GP if your legs hurt, feel numb or feel heavy when you walk, and this eases when you sit or bend forward.

## When pressure on the nerves is an emergency

Severe pressure on the nerves at the bottom of your spine can damage them for good. The damage can stay even after the pressure is taken away. This is called cauda equina syndrome.

{{ care-card: cauda-equina }}

[When to get help now](/guidance/when-to-get-help/) lists every warning sign.
""",
    },
    "serious-causes": {
        "summary": (
            "Rarely, back pain or spasm is a sign of another condition, such as gallstones, "
            "kidney stones, an infection or an aortic aneurysm. What to look out for."
        ),
        "body": """\
Most back spasms are caused by a strained muscle and get better on their own. Rarely, back pain and spasm are a sign of another condition that needs treatment.

You may read that all of the conditions below are emergencies. That is not quite right. Most need help the same day, and they become emergencies with certain symptoms. This page follows the advice of the NHS and NICE. The signs to act on, and what to do, are in the cards at the end of this page. They are the same as in the symptom checker.

## Gallstones

Gallstones can cause sudden severe pain in the upper part of your tummy or under your right ribs. The pain can spread to your side or shoulder blade. Pain that lasts more than 30 minutes needs help today. With a high temperature, or yellow skin or eyes, it is an emergency.

## Kidney stones

Kidney stones can cause waves of severe pain in your side or back, which may spread to your groin. They need help today. With a high temperature, in pregnancy, or when painkillers do not help, they are an emergency.

## Kidney infection

A kidney infection can cause pain in your side or lower back. With it you may have a high temperature, feel shivery, have burning when you pee or need to pee often. It needs help today. If you are pregnant, contact your maternity unit or midwife now.

## Abdominal aortic aneurysm (AAA)

The aorta is the main blood vessel from your heart. An aneurysm is a bulge in it, in your tummy. It is more common in men and in people aged 65 or older, who smoke or have high blood pressure. It usually causes no symptoms until it bursts. A burst aneurysm can cause sudden, severe pain in your tummy or back, and you may faint or feel very faint. It is life-threatening: call 999. The symptom checker treats sudden, severe pain that came on by itself as an emergency from the age of 60.

## Complications of ankylosing spondylitis

Ankylosing spondylitis is a long-term condition that causes swelling (inflammation) in the spine and joints. It usually starts before the age of 45. Your back is stiff for more than 30 minutes in the morning, and this eases when you move. See a GP if you have had morning stiffness like this for 3 months or more.

Its complications can be serious. The bones of the spine can become fragile and break after a small fall. Get help today if you have ankylosing spondylitis and sudden severe back pain.

## Infection in the spine (epidural abscess)

An epidural abscess is a rare collection of pus next to the spinal cord. It is more likely if you inject drugs or have a weakened immune system. It is also more likely if you have had spinal surgery, a spinal injection or an epidural in the last 6 weeks. Back pain with a high temperature is then an emergency.

## A tumour

Very rarely, back pain is caused by a tumour (cancer) in or near the spine. If you have had cancer, back pain needs help today. Pain down your legs or a band of pain around your body is then an emergency. It can mean pressure on the spinal cord.

## What to do

{{ care-card: all-emergencies }}

{{ care-card: urgent }}
""",
        "add_sources": [NHS_AAA],
    },
    "self-care": {
        "summary": (
            "Stop and rub the muscle, use cold and then warmth, and keep moving as much as you "
            "can. Most back spasms ease within days."
        ),
        "body": """\
Most back spasms can be looked after at home. These steps help many people. They are the same steps as on the [self-care page](/self-care/), which also has a day-by-day plan.

In short: gently rubbing or massaging the tight muscle can help it relax. Cold calms the first swelling. Then moist heat, warm and never hot, helps the muscle loosen, for about 15 minutes every 4 hours. Staying as active as you can helps you get better faster.

{{ self-care-steps }}

## When to get help

{{ care-card: cauda-equina }}

See [When to get help now](/guidance/when-to-get-help/) for every sign that you need a doctor.
""",
    },
    "medicines": {
        "summary": (
            "Anti-inflammatory painkillers such as ibuprofen can ease the pain so you can keep "
            "moving. Ask a pharmacist which is right for you."
        ),
        "body": """\
Painkillers do not cure a back spasm. But they can ease the pain enough for you to keep moving. That helps you get better faster.

## Anti-inflammatory painkillers, such as ibuprofen

Non-steroidal anti-inflammatory drugs (NSAIDs) include ibuprofen. They are usually the first medicine to try, if they are suitable for you. You can buy ibuprofen from a pharmacy or shop.

- Take it with food or milk.
- Take the lowest dose that works, for the shortest time you need it.
- Follow the instructions on the packet.
- Stop taking it and get help if your poo is black or you are sick blood. These can be signs of bleeding in your stomach.

Ask a pharmacist before taking ibuprofen if you:

- are pregnant: do not take ibuprofen or other NSAIDs unless a doctor tells you to
- have had a stomach ulcer or bleeding from your stomach
- have asthma, or kidney, liver or heart problems, or high blood pressure
- take other medicines, such as blood thinners
- are 65 or over

Naproxen is another NSAID. For back pain you can only get it on prescription. In the UK you can buy it without a prescription only for period pain. If ibuprofen does not help enough, see a GP. They may prescribe naproxen, sometimes with a medicine to protect your stomach.

## Paracetamol

Paracetamol on its own is not recommended for low back pain. That is because it does not help much (NICE guideline NG59).

If you are pregnant, paracetamol is usually the first choice of painkiller. Ask your midwife or a pharmacist.

## Muscle relaxants

Muscle relaxants are only on prescription. If your muscles are in severe spasm, a GP may prescribe diazepam for a few days. It makes you drowsy: do not drive, use machines or drink alcohol while you take it. You can become dependent on it (addicted), so it is only for a few days.

NICE advises against diazepam and similar medicines (benzodiazepines) for sciatica. They do not help it.

## Stronger painkillers

A GP may offer a weak opioid painkiller, such as codeine, for a short time. They may do this if anti-inflammatories are not suitable for you or have not worked. These can cause side effects, such as constipation and drowsiness. They can also be addictive.

See a GP if the pain is not getting better after a few weeks, even with painkillers.
""",
        "add_sources": [NHS_NSAIDS],
    },
    "exercises": {
        "body": """\
Do not start these exercises while the spasm is at its worst. Start once the pain is less severe and the cramping has mostly stopped. Until then, keep gently active, for example with short walks.

Stop any exercise that makes the pain much worse. Feeling a gentle stretch or mild discomfort is normal.

Each exercise has its own page with a drawing and the steps: [see all the exercises](/self-care/exercises/).

## Walking, lifting your knees

This helps with a cramp or discomfort in your lower back. Stand up tall with your back straight. Walk around slowly, lifting your knees a little higher than usual.

[Walking, lifting your knees: drawing and steps](/self-care/exercises/walking-knees-high/)

## Arm raise stretch

This gently stretches your back muscles. Stand or sit up straight. Raise one arm above your head and stretch gently upwards. Hold the stretch while you count slowly to 5, building up to 10, then lower your arm. Do this 10 times. Repeat 3 or 4 times a day.

[Arm raise stretch: drawing and steps](/self-care/exercises/arm-raise/)

## Knee to chest

Lie on your back with your knees bent and your feet flat on the floor. Slowly pull one knee towards your chest with your hands. Hold for 10 seconds, then slowly go back to the start. Repeat with the other leg.

[Knee to chest: drawing and steps](/self-care/exercises/knee-to-chest/)

## Keep exercising

Regular exercise, such as walking, swimming, yoga or pilates, keeps your back and stomach muscles strong. This makes spasms less likely to come back. If your back pain lasts, a GP or physiotherapist may suggest an exercise programme.

The [self-care plan](/self-care/) can help you build these exercises into your day.
""",
        "add_sources": [NHS_EXERCISES],
    },
}


def second_edition(apps, schema_editor):
    # The database being migrated, which need not be the default one.
    db = schema_editor.connection.alias
    Article = apps.get_model("content", "Article")
    Source = apps.get_model("content", "Source")
    HistoricalArticle = apps.get_model("content", "HistoricalArticle")
    HistoricalSource = apps.get_model("content", "HistoricalSource")
    first_bodies = {entry["slug"]: entry["body"].strip() for entry in FIRST_EDITION.ARTICLES}
    now = timezone.now()
    for slug, change in SECOND_EDITION.items():
        article = Article.objects.using(db).filter(slug=slug).first()
        if article is None:
            print(f"  Left alone, no longer on the site: {slug}")
            continue
        if article.body == change["body"].strip():
            continue
        if article.body != first_bodies[slug]:
            print(f"  Left alone, edited since the first edition: {slug} (update it by hand)")
            continue
        article.body = change["body"].strip()
        article.summary = change.get("summary", article.summary)
        article.updated_at = now
        # update(), not save(): the history row below is the only one, with its reason.
        Article.objects.using(db).filter(pk=article.pk).update(
            body=article.body, summary=article.summary, updated_at=now
        )
        HistoricalArticle.objects.using(db).create(
            id=article.id,
            slug=article.slug,
            title=article.title,
            summary=article.summary,
            body=article.body,
            section=article.section,
            order=article.order,
            status=article.status,
            last_reviewed=article.last_reviewed,
            next_review_due=article.next_review_due,
            reviewer=article.reviewer,
            created_at=article.created_at,
            updated_at=article.updated_at,
            history_date=now,
            history_type="~",
            history_change_reason=CHANGE_REASON,
        )
        order = article.sources.count()
        for title, url in change.get("add_sources", []):
            order += 1
            source = Source.objects.using(db).create(
                article=article, title=title, url=url, order=order
            )
            HistoricalSource.objects.using(db).create(
                id=source.id,
                article_id=article.id,
                title=title,
                url=url,
                order=order,
                history_date=now,
                history_type="+",
                history_change_reason=CHANGE_REASON,
            )


def first_edition(apps, schema_editor):
    # The database being migrated, which need not be the default one.
    db = schema_editor.connection.alias
    """Back to the first edition, for articles still exactly as the second edition left them."""
    Article = apps.get_model("content", "Article")
    Source = apps.get_model("content", "Source")
    first = {entry["slug"]: entry for entry in FIRST_EDITION.ARTICLES}
    for slug, change in SECOND_EDITION.items():
        article = Article.objects.using(db).filter(slug=slug, body=change["body"].strip()).first()
        if article is None:
            continue
        article.body = first[slug]["body"].strip()
        article.summary = first[slug]["summary"]
        article.save()
        urls = [url for _, url in change.get("add_sources", [])]
        Source.objects.using(db).filter(article=article, url__in=urls).delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0004_search_index")]

    operations = [migrations.RunPython(second_edition, first_edition)]
