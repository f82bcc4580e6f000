# ruff: noqa: E501  (each Markdown paragraph is one line, as an editor sees it in admin)
"""The first edition of the guidance, rewritten in plain language from the source article and
checked against NHS.UK and NICE. Where the source article disagreed with them (two or three days'
bed rest; gallstones and kidney stones as emergencies in every case), the articles follow NHS.UK and
NICE and say so.

Each article and source also gets its first history row, so an editor's first change can always be
undone from the article's history in admin.
"""

from datetime import date
from typing import Any

from django.db import migrations
from django.utils import timezone

LAST_REVIEWED = date(2026, 11, 26)
NEXT_REVIEW_DUE = date(2027, 11, 26)
REVIEWER = "Back spasm help clinical content team"

NHS_BACK_PAIN = ("Back pain - NHS", "https://www.nhs.uk/conditions/back-pain/")
NICE_NG59 = (
    "Low back pain and sciatica in over 16s: assessment and management (NICE guideline NG59)",
    "https://www.nice.org.uk/guidance/ng59",
)
NICE_CKS_BACK_PAIN = (
    "Back pain - low (without radiculopathy) - NICE Clinical Knowledge Summaries",
    "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/",
)
NHS_CAUDA_EQUINA = (
    "Cauda equina syndrome - NHS",
    "https://www.nhs.uk/conditions/cauda-equina-syndrome/",
)
NHS_SCIATICA = ("Sciatica - NHS", "https://www.nhs.uk/conditions/sciatica/")

ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "what-is-a-back-spasm",
        "title": "What a back spasm is",
        "section": "about",
        "order": 1,
        "summary": (
            "A back spasm is when muscles in your back suddenly tighten and will not relax. "
            "It can be very painful, but it is usually not serious."
        ),
        "body": """\
A back spasm happens when one or more muscles in your back suddenly tighten (contract) on their own and do not relax. You cannot stop it by choice. It can feel like a cramp, a tight knot or a sharp, gripping pain.

## Why it hurts so much

Spasms often happen in the muscles close to your spine, next to the nerves that go in and out of the spinal cord. The tight muscle can press on these nerves, which is why a spasm can be so painful.

## What sets it off

A spasm is usually your body's reaction to:

- a strain or small injury to a muscle, for example from heavy lifting, exercise or hard physical work
- muscle pain or weakness
- something else irritating a nerve that connects to the muscle

You are more likely to get a spasm during these activities if you have not had enough to drink, or if the levels of calcium or potassium (minerals) in your blood are low. [Causes and risk factors](/guidance/causes/) explains more.

## It usually gets better

Most back spasms get better on their own within a few days to a few weeks. Staying as active as you can helps you recover. [Looking after a back spasm at home](/guidance/self-care/) explains what helps.

## When it can be serious

Rarely, the pain comes from something pressing hard on the nerves in your spine, such as a slipped (herniated) disc or a narrowing of the spine (spinal stenosis). If the pressure is not relieved quickly, the nerves can be damaged for good, even after the pressure is taken away.

Go to A&E immediately or call 999 if you have back pain and:

- numbness around your genitals, bottom or back passage
- new problems peeing or pooing, or you cannot control them
- new weakness in your legs that is severe or getting worse
- your legs feel unsteady or you lose your balance
- you lose feeling in your shoulders, arms or legs

[When to get help now](/guidance/when-to-get-help/) lists all the warning signs.
""",
        "sources": [NHS_BACK_PAIN, NICE_CKS_BACK_PAIN, NHS_CAUDA_EQUINA],
    },
    {
        "slug": "symptoms",
        "title": "Symptoms of a back spasm",
        "section": "about",
        "order": 2,
        "summary": (
            "A back spasm causes sudden, tight pain in your back. Depending on the cause, it can "
            "come with symptoms in your neck, shoulders, arms, legs or head."
        ),
        "body": """\
The main symptom is sudden pain and tightness in your back. The muscle may feel hard or knotted, and it can be hard to stand up straight or move.

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
- foot drop: you cannot lift the front of your foot properly, so it slaps down or your toes catch when you walk

## Symptoms from your nerves

When a nerve is irritated or pressed on, you may have:

- a headache at the back of your head
- sciatica: pain that shoots from your bottom down the back of one leg, sometimes with tingling or numbness
- pain, numbness or tingling in an arm, shoulder, buttock or leg

See a GP if sciatica has not started to get better after 2 weeks, is getting worse, or stops you doing your usual activities.

## Symptoms that need help straight away

Go to A&E immediately or call 999 if you have a back spasm with:

- a strange feeling or numbness in your tummy, or weakness on one side of your body
- loss of control of your bladder or bowels
- problems with your balance
- weakness in your arms or legs, including foot drop that is new or getting worse
- loss of feeling in your arms or legs

Sudden weakness on one side of your body, or your face drooping, can be a stroke: call 999.

[When to get help now](/guidance/when-to-get-help/) lists all the warning signs.
""",
        "sources": [NHS_BACK_PAIN, NHS_SCIATICA, NHS_CAUDA_EQUINA],
    },
    {
        "slug": "causes",
        "title": "Causes and risk factors",
        "section": "about",
        "order": 3,
        "summary": (
            "Most back spasms come from straining a muscle. Not drinking enough, low minerals, "
            "tight hamstrings and weak stomach or back muscles make them more likely."
        ),
        "body": """\
## Strain and overwork

Most back spasms happen when you put a lot of effort or strain on your back muscles, for example:

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

Your stomach and back muscles work together to support your spine. When they are weak, your back muscles have to work harder and are more likely to go into spasm. Gentle, regular exercise makes them stronger: see [Exercises for back spasms](/guidance/exercises/).

Drink enough through the day, especially when you exercise or when it is hot, so that your pee is a pale yellow colour.

If you keep getting spasms or cramps, a GP can check whether something like low minerals is the cause, for example with a blood test.

## Other causes

Sometimes a spasm happens because something irritates a nerve connected to the muscle, such as a slipped disc. [Slipped discs and narrowing of the spine](/guidance/nerve-problems/) explains more.

Rarely, back pain and spasm are a sign of another condition: [Other serious causes of back pain](/guidance/serious-causes/) explains which ones and what to look out for.
""",
        "sources": [
            NHS_BACK_PAIN,
            ("Dehydration - NHS", "https://www.nhs.uk/conditions/dehydration/"),
            NICE_CKS_BACK_PAIN,
        ],
    },
    {
        "slug": "when-to-get-help",
        "title": "When to get help now",
        "section": "get-help",
        "order": 1,
        "summary": (
            "Most back spasms can be looked after at home. Some symptoms mean you need help "
            "straight away: know the warning signs."
        ),
        "body": """\
## Go to A&E immediately, day or night

Go to A&E immediately if you have back pain and any of these:

- numbness, tingling or a changed feeling around your genitals, bottom or back passage, for example when you wipe after going to the toilet
- new problems peeing: you cannot pee, find it hard to start, have a weak flow, need to strain, leak, or cannot tell when your bladder is full or empty
- new loss of control of your bowels, or not feeling when you need to poo
- new problems with sex: numbness of your genitals, or suddenly not being able to get an erection or ejaculate
- pain, tingling, numbness or weakness in both legs
- legs that feel weak, heavy, clumsy, unsteady or "like jelly", or that give way because they are weak
- loss of balance
- loss of feeling in your arms, shoulders or legs, or numbness that is spreading

These can be signs of cauda equina syndrome, when the nerves at the bottom of your spine are squashed. It needs treatment in hospital straight away to stop permanent damage to the nerves that control your legs, bladder, bowels and sex life.

Do not drive yourself: ask someone to take you, or call 999.

## Call 999 now

Call 999 if you have back pain and:

- sudden weakness or numbness on one side of your body, your face drooping on one side, or difficulty speaking
- chest pain or pressure, pain spreading to your arm, jaw or neck, or you are sweating, feeling sick or short of breath
- you are confused, very drowsy or not making sense
- the pain started after a serious accident, a fall from a height or a heavy blow to your back (do not move the person)
- sudden severe pain in your back or tummy and you faint, feel very faint, or look pale, grey or clammy
- a high temperature with a stiff neck, a severe headache, or bright light hurting your eyes
- blue, grey or blotchy skin or lips, or a rash that does not fade when you press a glass on it

## Get help today from 111 or a GP

Call 111 or ask for an urgent GP appointment today if you have back pain and:

- a high temperature, or you feel hot and shivery
- you are losing weight without trying
- a lump or swelling in your back, or your back has changed shape
- pain that is there all the time, even when you lie still, and is worse at night
- pain high up in your back, between your shoulder blades
- pain that gets worse when you cough, sneeze or poo
- you have cancer or have had cancer, or you have a weakened immune system
- sudden severe pain after a small fall, and you have osteoporosis, take steroids or are 70 or over
- burning or stinging when you pee, needing to pee often, or blood in your pee
- pain so bad that painkillers do not help and you cannot get comfortable

If you are pregnant and have back pain with a high temperature, burning when you pee, any bleeding, or pains that come and go, contact your maternity unit or midwife now.

## See a GP

Book an appointment with a GP if:

- the pain has not started to get better after 3 weeks, or you have had it for 6 weeks
- the pain is getting worse
- sciatica (pain down one leg) has not started to get better after 2 weeks
- the pain stops you doing your usual activities
- you keep getting back spasms
- you are worried or struggling to cope with the pain

If you are not sure what to do, [check your symptoms](/check/).
""",
        "sources": [NHS_CAUDA_EQUINA, NHS_BACK_PAIN, NICE_CKS_BACK_PAIN, NHS_SCIATICA],
    },
    {
        "slug": "nerve-problems",
        "title": "Slipped discs and narrowing of the spine",
        "section": "get-help",
        "order": 2,
        "summary": (
            "A slipped disc or a narrowed spine can press on nerves and cause spasm, sciatica "
            "and numbness. Most people get better, but some signs need help straight away."
        ),
        "body": """\
Sometimes a back spasm happens because something is pressing on a nerve coming out of your spine. The two most common reasons are:

- a slipped (herniated) disc: one of the soft cushions between the bones of your spine bulges out and presses on a nerve
- spinal stenosis: the space inside your spine becomes narrower, usually with age, and squeezes the nerves

Both can cause back pain, sciatica (pain shooting down one leg), and numbness, tingling or weakness in a leg.

## Most people get better

A slipped disc usually gets better on its own within 4 to 6 weeks. Keep as active as you can, and take painkillers if you need them: see [Looking after a back spasm at home](/guidance/self-care/).

See a GP if the pain has not started to get better after 2 weeks, is getting worse, or stops you doing your usual activities. Spinal stenosis often comes on slowly: see a GP if you get pain, numbness or heaviness in your legs when you walk that eases when you sit or bend forward.

## When pressure on the nerves is an emergency

If the pressure on the nerves at the bottom of your spine is severe, it can damage them permanently, even after the pressure is taken away. This is called cauda equina syndrome.

Go to A&E immediately, day or night, if you have:

- numbness or a changed feeling around your genitals, bottom or back passage
- new problems peeing or pooing
- new problems with sex
- pain, numbness or weakness in both legs
- legs that feel weak, unsteady or "like jelly", or loss of balance

[When to get help now](/guidance/when-to-get-help/) lists all the warning signs.
""",
        "sources": [
            ("Slipped disc - NHS", "https://www.nhs.uk/conditions/slipped-disc/"),
            ("Spinal stenosis - NHS", "https://www.nhs.uk/conditions/spinal-stenosis/"),
            NHS_SCIATICA,
            NHS_CAUDA_EQUINA,
        ],
    },
    {
        "slug": "serious-causes",
        "title": "Other serious causes of back pain",
        "section": "get-help",
        "order": 3,
        "summary": (
            "Rarely, back pain or spasm is a sign of another condition, such as gallstones, "
            "kidney stones or an infection. What to look out for, and how quickly to get help."
        ),
        "body": """\
Most back spasms are caused by a strained muscle and get better on their own. Rarely, back pain and spasm are a sign of another condition that needs treatment.

You may read that all of the conditions below are emergencies. That is not quite right. Some always need help the same day, and they become emergencies with certain symptoms. This page follows the advice of the NHS and NICE.

## Gallstones

Gallstones can cause sudden severe pain in the upper part of your tummy or under your right ribs, which can spread to your side or shoulder blade.

- Call 111 or ask for an urgent GP appointment today if the pain lasts more than 30 minutes.
- Go to A&E now if you also have a high temperature, or if your skin or the whites of your eyes turn yellow.

## Kidney stones

Kidney stones can cause waves of severe pain in your side or back, which may spread to your groin.

- Call 111 or ask for an urgent GP appointment today.
- Go to A&E now if you also have a high temperature or shivering, if you are pregnant, or if the pain is so bad that painkillers do not help.

## Kidney infection

A kidney infection can cause pain in your side or lower back with a high temperature, feeling shivery, burning when you pee or needing to pee often.

- Call 111 or ask for an urgent GP appointment today.
- If you are pregnant, contact your maternity unit or midwife now.
- Call 999 if you have blue, grey or blotchy skin, are breathing very fast, or are confused.

## Complications of ankylosing spondylitis

Ankylosing spondylitis is a long-term condition that causes swelling (inflammation) in the spine and joints. It usually starts before the age of 45, with back stiffness for more than 30 minutes in the morning that eases when you move.

- See a GP if you have had back pain and morning stiffness like this for 3 months or more.
- Its complications can be serious: the bones of the spine can become fragile and break after a small fall. Get help today if you have ankylosing spondylitis and sudden severe back pain.

## Infection in the spine (epidural abscess)

An epidural abscess is a rare collection of pus next to the spinal cord. It is more likely if you inject drugs, have a weakened immune system, or have had spinal surgery, a spinal injection or an epidural in the last 6 weeks.

- Go to A&E now if you have back pain with a high temperature and any of these apply to you.

## A tumour

Very rarely, back pain is caused by a tumour (cancer) in or near the spine.

- Call 111 or ask for an urgent GP appointment today if you have back pain and have had cancer, are losing weight without trying, or the pain is there all the time and worse at night.
- Go to A&E now if you have had cancer and you get pain down your legs, or a band of pain around your chest or tummy. Tell them you have had cancer and may have spinal cord compression.
""",
        "sources": [
            ("Gallstones - NHS", "https://www.nhs.uk/conditions/gallstones/"),
            ("Kidney stones - NHS", "https://www.nhs.uk/conditions/kidney-stones/"),
            (
                "Ankylosing spondylitis - NHS",
                "https://www.nhs.uk/conditions/ankylosing-spondylitis/",
            ),
            NICE_CKS_BACK_PAIN,
        ],
    },
    {
        "slug": "self-care",
        "title": "Looking after a back spasm at home",
        "section": "self-care",
        "order": 1,
        "summary": (
            "Stop and rub the muscle, use cold and then heat, and keep moving as much as you can. "
            "Most back spasms ease within days."
        ),
        "body": """\
Most back spasms can be looked after at home. These things help many people.

## Stop and rub the muscle

Stop what you are doing when the spasm starts. Gently rubbing or massaging the tight muscle can help it relax.

## Cold first

Straight after a spasm or strain, swelling and extra blood flow to the area add to the pain. Cold helps calm this down.

Hold an ice pack, or a bag of frozen peas wrapped in a tea towel, on the sore area for up to 20 minutes at a time. Never put ice straight onto your skin.

## Then heat

After the first day or so, heat helps tight muscles relax. Many people find moist heat works better than dry heat. You could:

- use a moist heating pad
- have a warm bath or shower
- use a towel soaked in hot water and wrung out
- use a hot water bottle wrapped in a towel

Put the heat on the painful area for about 15 minutes. You can do this every 4 hours until the spasm eases.

Do not use a hot water bottle or heating pad on skin that feels numb: you may not notice if it burns you.

## Keep moving: do not rest in bed

You may read that you should rest in bed for 2 or 3 days. That advice is out of date. The NHS and NICE advise staying as active as you can and carrying on with your daily activities as much as possible, because resting in bed for long makes back pain last longer.

Take it easy if you need to, but keep moving gently: get up and walk about a little every hour or so. While the spasm is bad, try not to bend and twist your back, as this can make it worse. Go back to your usual activities, including work, as soon as you can.

## Positions that ease the pain

It can be hard to find a comfortable position. These may help:

- lie on your back on the floor or bed with your lower legs resting on a chair or a pile of cushions, so your knees are bent at a right angle
- raise your legs on pillows when you lie down
- rest with your knees higher than your hips
- when you sit, rest your feet on a footstool

## Relax and take your mind off the pain

It is hard to relax when you are in pain, but relaxing helps. Taking your mind off the pain helps you breathe slowly and calmly, and this eases the tightness in your back muscles. You could try:

- reading
- meditation or slow breathing
- talking with friends or family
- watching a favourite TV programme

## What else helps

Painkillers can help you keep moving: see [Medicines for back spasms](/guidance/medicines/). Gentle [exercises](/guidance/exercises/) help once the worst of the pain has eased.

See [When to get help now](/guidance/when-to-get-help/) for the signs that you need a doctor.
""",
        "sources": [NHS_BACK_PAIN, NICE_NG59, NICE_CKS_BACK_PAIN],
    },
    {
        "slug": "medicines",
        "title": "Medicines for back spasms",
        "section": "self-care",
        "order": 2,
        "summary": (
            "Anti-inflammatory painkillers such as ibuprofen can ease the pain so you can keep "
            "moving. Ask a pharmacist which is right for you."
        ),
        "body": """\
Painkillers do not cure a back spasm, but they can ease the pain enough for you to keep moving, which helps you get better faster.

## Anti-inflammatory painkillers, such as ibuprofen

Non-steroidal anti-inflammatory drugs (NSAIDs), such as ibuprofen, are usually the first medicine to try. You do not need to see a doctor: you can buy ibuprofen from a pharmacy or shop. Take the lowest dose that works, for the shortest time you need it, and follow the instructions on the packet.

Ask a pharmacist before taking ibuprofen if you:

- are pregnant: do not take ibuprofen or other NSAIDs unless a doctor tells you to, and ask your midwife, GP or pharmacist what to take instead
- have had a stomach ulcer or bleeding from your stomach
- have asthma, or kidney, liver or heart problems, or high blood pressure
- take other medicines, such as blood thinners
- are 65 or over

If ibuprofen does not help enough, see a GP. They may prescribe a different or stronger anti-inflammatory, such as naproxen, sometimes with a medicine to protect your stomach.

## Paracetamol

Paracetamol on its own is not recommended for low back pain, because it does not help much.

## Muscle relaxants

If your muscles are in severe spasm, a GP may prescribe a muscle relaxant such as diazepam for a few days. It can make you drowsy. Do not drive, use machines or drink alcohol while you take it.

## Stronger painkillers

A GP may offer a weak opioid painkiller, such as codeine, for a short time if anti-inflammatories are not suitable for you or have not worked. These can cause side effects, such as constipation and drowsiness, and can be addictive.

See a GP if the pain is not getting better after a few weeks, even with painkillers.
""",
        "sources": [
            NICE_NG59,
            ("Ibuprofen for adults - NHS", "https://www.nhs.uk/medicines/ibuprofen-for-adults/"),
            ("Diazepam - NHS", "https://www.nhs.uk/medicines/diazepam/"),
            NHS_BACK_PAIN,
        ],
    },
    {
        "slug": "exercises",
        "title": "Exercises for back spasms",
        "section": "self-care",
        "order": 3,
        "summary": (
            "Gentle exercises help once the worst of the spasm has passed. "
            "Start slowly and stop if the pain gets much worse."
        ),
        "body": """\
Do not start these exercises while the spasm is at its worst. Start once the pain is less severe and the cramping has mostly stopped. Until then, keep gently active, for example with short walks.

Stop any exercise that makes the pain much worse. Feeling a gentle stretch or mild discomfort is normal.

## Walking with high knees

This helps with a cramp or discomfort in your lower back.

1. Stand up tall with your back straight.
2. Walk around slowly, lifting your knees a little higher than usual.

## Overhead stretch

This gently stretches your back muscles.

1. Stand or sit up straight.
2. Raise one arm above your head and stretch gently upwards.
3. Hold the stretch while you count slowly to between 5 and 10, then lower your arm.
4. Do this 10 times.

Repeat 3 or 4 times a day.

## Knee to chest stretch

1. Lie on your back on the floor with your knees bent and your feet flat on the floor.
2. Slowly pull one knee towards your chest with your hands.
3. Hold for 10 seconds, then slowly go back to the start.
4. Repeat with the other leg.

## Keep exercising

Regular exercise, such as walking, swimming, yoga or pilates, keeps your back and stomach muscles strong and makes spasms less likely to come back. If your back pain lasts, a GP or physiotherapist may suggest an exercise programme.

The [self-care plan](/self-care/) can help you build these exercises into your day.
""",
        "sources": [NHS_BACK_PAIN, NICE_NG59],
    },
]


def create_guidance(apps, schema_editor):
    # The database being migrated, which need not be the default one.
    db = schema_editor.connection.alias
    Article = apps.get_model("content", "Article")
    Source = apps.get_model("content", "Source")
    HistoricalArticle = apps.get_model("content", "HistoricalArticle")
    HistoricalSource = apps.get_model("content", "HistoricalSource")
    now = timezone.now()
    for entry in ARTICLES:
        article = Article.objects.using(db).create(
            slug=entry["slug"],
            title=entry["title"],
            summary=entry["summary"],
            body=entry["body"].strip(),
            section=entry["section"],
            order=entry["order"],
            status="published",
            last_reviewed=LAST_REVIEWED,
            next_review_due=NEXT_REVIEW_DUE,
            reviewer=REVIEWER,
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
            history_type="+",
            history_change_reason="First edition",
        )
        for order, (title, url) in enumerate(entry["sources"], start=1):
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
                history_change_reason="First edition",
            )


def remove_guidance(apps, schema_editor):
    # The database being migrated, which need not be the default one.
    db = schema_editor.connection.alias
    slugs = [entry["slug"] for entry in ARTICLES]
    apps.get_model("content", "Article").objects.using(db).filter(slug__in=slugs).delete()
    apps.get_model("content", "HistoricalArticle").objects.using(db).filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [migrations.RunPython(create_guidance, remove_guidance)]
