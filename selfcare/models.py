from django.core.exceptions import ValidationError
from django.db import models
from django.templatetags.static import static
from django.urls import reverse
from simple_history.models import HistoricalRecords

from selfcare.plans import ExerciseSpec

# Line drawings made for this site, kept in static/img/exercises/.
ILLUSTRATIONS: tuple[tuple[str, str], ...] = (
    ("walking-knees-high.svg", "Walking, lifting the knees"),
    ("arm-raise.svg", "Standing, one arm raised over the head"),
    ("knee-to-chest.svg", "Lying on the back, one knee pulled to the chest"),
    ("knee-rolls.svg", "Lying on the back, both knees rolled to one side"),
    ("pelvic-tilt.svg", "Lying on the back, knees bent, flattening the lower back"),
    ("bottom-to-heels.svg", "On hands and knees, sitting back towards the heels"),
)


class PublishedExerciseQuerySet(models.QuerySet["Exercise"]):
    def published(self) -> "PublishedExerciseQuerySet":
        return self.filter(published=True)


class Exercise(models.Model):
    """A gentle exercise for after a back spasm, written and ordered by editors."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.CharField(max_length=200, help_text="One sentence: what it helps with.")
    steps = models.TextField(help_text="One step per line, in plain words.")
    repetitions = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The full number of repetitions to build up to."
    )
    hold_seconds = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How long to hold the position, in seconds."
    )
    minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For exercises done for a time, such as walking."
    )
    times_a_day = models.PositiveSmallIntegerField(default=3)
    when_to_start = models.TextField()
    when_to_stop = models.TextField()
    cautions = models.TextField(blank=True)
    pregnancy_caution = models.TextField(
        blank=True, help_text="Shown in the plan of someone who is pregnant."
    )
    illustration = models.CharField(max_length=80, choices=ILLUSTRATIONS, blank=True)
    illustration_alt = models.CharField(
        "illustration text alternative",
        max_length=250,
        blank=True,
        help_text="What the drawing shows, for people who cannot see it.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    published = models.BooleanField(default=True)

    history = HistoricalRecords()
    objects = PublishedExerciseQuerySet.as_manager()

    class Meta:
        ordering = ("order", "name")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(times_a_day__gte=1, times_a_day__lte=6),
                name="exercise_times_a_day_1_to_6",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("selfcare:exercise", args=[self.slug])

    def clean(self) -> None:
        if self.illustration and not self.illustration_alt.strip():
            raise ValidationError(
                {"illustration_alt": "Describe the drawing for people who cannot see it."}
            )
        if not (self.repetitions or self.minutes):
            raise ValidationError(
                "Give the number of repetitions, or the minutes for the exercise."
            )

    @property
    def step_list(self) -> list[str]:
        return [line.strip() for line in self.steps.splitlines() if line.strip()]

    @property
    def illustration_url(self) -> str:
        return static(f"img/exercises/{self.illustration}") if self.illustration else ""

    def as_spec(self) -> ExerciseSpec:
        return ExerciseSpec(
            slug=self.slug,
            name=self.name,
            repetitions=self.repetitions,
            hold_seconds=self.hold_seconds,
            minutes=self.minutes,
            times_a_day=self.times_a_day,
        )
