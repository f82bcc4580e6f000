"""The exercises from the seed article, then the gentle NHS-style exercises for back pain."""

from django.db import migrations

AFTER_THE_SPASM = (
    "Once the pain is less severe and the cramping has almost gone, usually after the first "
    "2 or 3 days. Never during the first spasm."
)
STOP_IF = (
    "Stop if it causes sharp pain, brings the spasm back, or you feel pain, tingling or numbness "
    "going down your leg."
)
ON_YOUR_BACK_IN_PREGNANCY = (
    "After 16 weeks of pregnancy, avoid lying flat on your back for long. Ask your midwife or a "
    "physiotherapist for a version you can do on your side."
)

EXERCISES = (
    {
        "slug": "walking-knees-high",
        "name": "Walking, lifting your knees",
        "summary": "Gets your back moving and eases a low back cramp.",
        "steps": "Stand up straight and look ahead.\n"
        "Walk around your home, or outside, at a pace that feels comfortable.\n"
        "Lift each knee a little higher than usual as you step.\n"
        "Keep your back straight: do not lean forward.",
        "minutes": 10,
        "times_a_day": 3,
        "when_to_start": "Gentle ordinary walking helps from the first day. Start lifting your "
        "knees higher once the pain is less severe.",
        "when_to_stop": STOP_IF,
        "cautions": "Hold on to a rail or a wall if you feel unsteady.",
        "illustration": "walking-knees-high.svg",
        "illustration_alt": "A person walking upright, lifting one knee to hip height.",
    },
    {
        "slug": "arm-raise",
        "name": "Arm raise stretch",
        "summary": "A gentle stretch along the side of your back.",
        "steps": "Stand, or sit on a firm chair, with your back straight.\n"
        "Slowly raise one arm straight up over your head.\n"
        "Reach up gently and hold for a count of 5, building up to 10.\n"
        "Lower your arm slowly, then do the same with the other arm.",
        "repetitions": 10,
        "hold_seconds": 5,
        "times_a_day": 3,
        "when_to_start": AFTER_THE_SPASM,
        "when_to_stop": STOP_IF,
        "cautions": "You should feel a mild pull, not pain. Do it 3 or 4 times a day.",
        "illustration": "arm-raise.svg",
        "illustration_alt": "A person standing straight with one arm raised above the head.",
    },
    {
        "slug": "knee-to-chest",
        "name": "Knee to chest",
        "summary": "Stretches the muscles of your lower back and bottom.",
        "steps": "Lie on your back on the floor or a firm bed, with your knees bent and your feet "
        "flat.\n"
        "Hold one knee with both hands and pull it slowly towards your chest.\n"
        "Hold for 10 seconds.\n"
        "Slowly lower your foot back to the floor.\n"
        "Do the same with the other leg.",
        "repetitions": 8,
        "hold_seconds": 10,
        "times_a_day": 3,
        "when_to_start": AFTER_THE_SPASM,
        "when_to_stop": STOP_IF,
        "cautions": "Keep your head and shoulders relaxed on the floor.",
        "pregnancy_caution": ON_YOUR_BACK_IN_PREGNANCY,
        "illustration": "knee-to-chest.svg",
        "illustration_alt": "A person lying on their back, hugging one bent knee towards the "
        "chest, the other foot flat on the floor.",
    },
    {
        "slug": "knee-rolls",
        "name": "Knee rolls",
        "summary": "Loosens your lower back by gently twisting it.",
        "steps": "Lie on your back with your knees bent and together, and your feet flat.\n"
        "Keep your upper body relaxed and your chin gently tucked in.\n"
        "Keeping your knees together, roll them slowly to one side. Let your hips follow, and "
        "keep both shoulders on the floor.\n"
        "Stay there for one deep breath, then roll back to the middle.\n"
        "Roll to the other side.",
        "repetitions": 10,
        "times_a_day": 3,
        "when_to_start": AFTER_THE_SPASM,
        "when_to_stop": STOP_IF,
        "cautions": "Only roll as far as feels comfortable.",
        "pregnancy_caution": ON_YOUR_BACK_IN_PREGNANCY,
        "illustration": "knee-rolls.svg",
        "illustration_alt": "A person lying on their back with both knees bent and rolled to one "
        "side, shoulders flat on the floor.",
    },
    {
        "slug": "pelvic-tilt",
        "name": "Pelvic tilt",
        "summary": "Strengthens your tummy muscles, which support your back.",
        "steps": "Lie on your back with your knees bent and your feet flat.\n"
        "Tighten your tummy muscles and gently flatten your lower back into the floor.\n"
        "Hold for 5 seconds, breathing normally.\n"
        "Relax.",
        "repetitions": 10,
        "hold_seconds": 5,
        "times_a_day": 3,
        "when_to_start": AFTER_THE_SPASM,
        "when_to_stop": STOP_IF,
        "cautions": "Keep breathing: do not hold your breath.",
        "pregnancy_caution": ON_YOUR_BACK_IN_PREGNANCY,
        "illustration": "pelvic-tilt.svg",
        "illustration_alt": "A person lying on their back with knees bent, lower back pressed "
        "flat against the floor.",
    },
    {
        "slug": "bottom-to-heels",
        "name": "Bottom to heels stretch",
        "summary": "Stretches your whole back gently.",
        "steps": "Kneel on all fours, with your knees under your hips and your hands under your "
        "shoulders.\n"
        "Slowly move your bottom back towards your heels. Go only as far as feels comfortable.\n"
        "Stay there for one deep breath.\n"
        "Slowly come back to all fours.",
        "repetitions": 10,
        "times_a_day": 3,
        "when_to_start": AFTER_THE_SPASM,
        "when_to_stop": STOP_IF,
        "cautions": "Put a cushion under your knees if kneeling hurts them.",
        "pregnancy_caution": "Later in pregnancy, keep your knees wide apart to make room for "
        "your bump.",
        "illustration": "bottom-to-heels.svg",
        "illustration_alt": "A person kneeling, sitting back towards the heels with arms "
        "stretched forward on the floor.",
    },
)


def add_exercises(apps, schema_editor):
    # The database being migrated, which need not be the default one.
    db = schema_editor.connection.alias
    Exercise = apps.get_model("selfcare", "Exercise")
    for order, fields in enumerate(EXERCISES, start=1):
        Exercise.objects.using(db).update_or_create(
            slug=fields["slug"], defaults={**fields, "order": order * 10}
        )


def remove_exercises(apps, schema_editor):
    # The database being migrated, which need not be the default one.
    db = schema_editor.connection.alias
    Exercise = apps.get_model("selfcare", "Exercise")
    Exercise.objects.using(db).filter(slug__in=[fields["slug"] for fields in EXERCISES]).delete()


class Migration(migrations.Migration):
    dependencies = [("selfcare", "0001_exercise")]

    operations = [migrations.RunPython(add_exercises, remove_exercises)]
