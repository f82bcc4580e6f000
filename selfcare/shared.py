"""The parts of the plan that are the same for everyone given them: the exercises it doses, the
exercises' pregnancy cautions and the medicines (for anyone, and in pregnancy).

They are built from published content and the code alone, never from a request or anything a
person told us, and kept in the cache by content version: whoever's request builds the entry, it
is the same, and an editor's change makes a new one at once. A plan request only picks which of
them to show.
"""

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from backspasm.publishing.version import cached_content
from selfcare.models import Exercise
from selfcare.plans import ExerciseSpec
from selfcare.presenters import group_cautions
from triage.templatetags.medicines import render_medicines_advice


@dataclass(frozen=True, slots=True)
class SharedParts:
    exercises: tuple[ExerciseSpec, ...]
    exercise_urls: dict[str, str]  # by slug
    medicines: SafeString
    medicines_in_pregnancy: SafeString
    pregnancy_cautions: SafeString  # empty when no published exercise has one

    def medicines_for(self, pregnant: bool) -> SafeString:
        return self.medicines_in_pregnancy if pregnant else self.medicines


def _render(template: str, context: dict[str, Any]) -> SafeString:
    return SafeString(render_to_string(template, context))


def _build() -> SharedParts:
    exercises = tuple(Exercise.objects.published())
    cautions = group_cautions(
        [(each.name, each.pregnancy_caution) for each in exercises if each.pregnancy_caution]
    )
    return SharedParts(
        exercises=tuple(exercise.as_spec() for exercise in exercises),
        exercise_urls={exercise.slug: exercise.get_absolute_url() for exercise in exercises},
        medicines=render_medicines_advice(pregnant=False),
        medicines_in_pregnancy=render_medicines_advice(pregnant=True),
        pregnancy_cautions=_render("selfcare/_pregnancy_cautions.html", {"cautions": cautions})
        if cautions
        else SafeString(""),
    )


def shared_parts() -> SharedParts:
    return cached_content("plan-parts", _build)
