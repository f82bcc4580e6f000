"""The checker's questions: one page each, in the order they are asked.

The emergency screen comes first, on four pages grouped by theme so each fits one phone screen
(spec v4 allows up to four); its pages have no "Select all that apply" hint, as the room is
needed for the criteria, and GOV.UK's checkboxes say as much by their look.
Which finding each page asks about is data here; what the answers mean is in triage/rules.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from triage.answers import PREGNANT, Answers
from triage.rules import FINDINGS, RULES, Disposition, Finding


class Kind(StrEnum):
    CHECKBOXES = "checkboxes"  # "which of these": a list of finding ids, possibly empty
    YES_NO = "yes_no"  # one finding: a bool
    CHOICE = "choice"  # one of a few named answers, like "not_sure"
    NUMBER = "number"  # a whole number within limits
    DURATION = "duration"  # a number of days, weeks or months, stored as days


class Section(StrEnum):
    """Where a person is in the checker, named so it stays true when the journey stops early."""

    EMERGENCY = "Emergency signs"
    ABOUT_YOU = "About you"
    SYMPTOMS = "Your symptoms"
    DAILY_LIFE = "How the pain affects you"


def _always(answers: Answers) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Step:
    slug: str  # the page's address under /check/
    key: str  # the form field's name and the session key of its answer
    kind: Kind
    section: Section
    question: str  # the page's <h1>
    summary: str  # the question's short name on the "check your answers" page
    why: str  # a line saying why we ask
    error: str  # shown when nothing is chosen or the answer is not valid
    range_error: str = ""  # shown when a number is outside its limits
    hint: str = ""
    findings: tuple[Finding, ...] = ()  # the choices of a checkbox step
    choices: tuple[tuple[str, str], ...] = ()  # the (value, label) answers of a choice step
    limits: tuple[int, int] = (
        0,
        0,
    )  # lowest and highest whole number allowed (days, for a duration)
    suffix: str = ""
    applies: Callable[[Answers], bool] = _always
    theme: str = ""  # what an emergency page is about, shown after its section and in its title

    @property
    def title(self) -> str:
        """The page's title: the question, and the page's theme where the question is short."""
        return f"{self.question} ({self.theme})" if self.theme else self.question

    def accepts(self, value: object) -> bool:
        """Whether a stored value is a valid answer to this step (sessions can be stale)."""
        if self.kind is Kind.CHECKBOXES:
            ids = {finding.id for finding in self.findings}
            return isinstance(value, list) and all(item in ids for item in value)
        if self.kind is Kind.YES_NO:
            return isinstance(value, bool)
        if self.kind is Kind.CHOICE:
            return isinstance(value, str) and value in dict(self.choices)
        low, high = self.limits
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high

    @property
    def compact(self) -> bool:
        """Set tighter on a phone: the emergency screen's pages must each fit one screen."""
        return self.section is Section.EMERGENCY

    @property
    def conditions(self) -> frozenset[str]:
        """The finding ids, ``pregnant`` or number this step's answer can set."""
        if self.kind is Kind.CHECKBOXES:
            return frozenset(finding.id for finding in self.findings)
        return frozenset({self.key})


def _findings(*ids: str) -> tuple[Finding, ...]:
    return tuple(FINDINGS[finding_id] for finding_id in ids)


SELECT_OR_NONE = "Select the ones that apply to you, or select 'None of these'"
EMERGENCY_WHY = (
    "These can be signs of a serious problem that needs help straight away, so we ask about "
    "them first."
)
PREGNANCY_ANSWERS: tuple[tuple[str, str], ...] = (
    ("yes", "Yes"),
    ("no", "No"),
    ("not_sure", "Not sure"),
)
PREGNANT_ANSWERS = frozenset({"yes", "not_sure"})  # "not sure" counts as pregnant everywhere
NOT_SURE = "not_sure"

STEPS: tuple[Step, ...] = (
    Step(
        slug="emergency-signs",
        key="emergency_signs",
        kind=Kind.CHECKBOXES,
        section=Section.EMERGENCY,
        question="Do you have any of these?",
        theme="bladder and bowel",
        summary="Bladder, bowel and genital problems",
        why=EMERGENCY_WHY,
        error=SELECT_OR_NONE,
        findings=_findings(
            "saddle_numbness", "bladder_dysfunction", "bowel_dysfunction", "sexual_dysfunction"
        ),
    ),
    Step(
        slug="emergency-signs-legs",
        key="emergency_legs",
        kind=Kind.CHECKBOXES,
        section=Section.EMERGENCY,
        question="Do you have any of these?",
        theme="legs",
        summary="Leg and nerve problems",
        why=EMERGENCY_WHY,
        error=SELECT_OR_NONE,
        findings=_findings(
            "both_legs_symptoms", "limb_weakness", "limb_sensation_loss", "balance_loss"
        ),
    ),
    Step(
        slug="emergency-signs-heart",
        key="emergency_heart",
        kind=Kind.CHECKBOXES,
        section=Section.EMERGENCY,
        question="Do you have any of these?",
        theme="stroke and heart",
        summary="Stroke, heart and collapse signs",
        why=EMERGENCY_WHY,
        error=SELECT_OR_NONE,
        findings=_findings("one_side_weakness", "chest_pain", "collapse_signs", "confusion"),
    ),
    Step(
        slug="emergency-signs-other",
        key="emergency_other",
        kind=Kind.CHECKBOXES,
        section=Section.EMERGENCY,
        question="Do you have any of these?",
        theme="injury and infection",
        summary="Injury and infection signs",
        why=EMERGENCY_WHY,
        error=SELECT_OR_NONE,
        findings=_findings("major_trauma", "sepsis_signs", "meningitis_signs"),
    ),
    Step(
        slug="age",
        key="age",
        kind=Kind.NUMBER,
        section=Section.ABOUT_YOU,
        question="How old are you?",
        summary="Age",
        why="Some causes of back pain are more likely at certain ages.",
        error="Enter your age in years, like 42",
        range_error="Enter your age in years, from 0 to 120",
        limits=(0, 120),
        suffix="years",
    ),
    Step(
        slug="pregnancy",
        key=PREGNANT,
        kind=Kind.CHOICE,
        section=Section.ABOUT_YOU,
        question="Are you pregnant, or could you be?",
        summary="Pregnant, or could be",
        hint="Select no if you cannot be pregnant.",
        why="Back pain in pregnancy can need different care, and some medicines are not safe.",
        error="Select yes if you are pregnant or could be, no if you are not, or not sure",
        choices=PREGNANCY_ANSWERS,
    ),
    Step(
        slug="pregnancy-symptoms",
        key="pregnancy_signs",
        kind=Kind.CHECKBOXES,
        section=Section.ABOUT_YOU,
        question="Do you have any of these pregnancy symptoms?",
        summary="Pregnancy symptoms",
        hint="Select all that apply.",
        why="These can mean you or your baby need to be checked straight away.",
        error=SELECT_OR_NONE,
        findings=_findings("pregnancy_emergency", "pregnancy_warning_signs"),
        applies=lambda a: a.pregnant,
    ),
    Step(
        slug="how-long",
        key="duration_days",
        kind=Kind.DURATION,
        section=Section.SYMPTOMS,
        question="How long ago did this episode of back pain start?",
        summary="When the pain started",
        hint="If it started today, enter 0.",
        why="Most back pain gets better within a few weeks. Pain that lasts longer should be "
        "checked.",
        error="Enter how long ago your back pain started, like 5",
        range_error="Enter a time of up to 100 years",
        limits=(0, 36500),
    ),
    Step(
        slug="pain-score",
        key="pain_score",
        kind=Kind.NUMBER,
        section=Section.SYMPTOMS,
        question="How bad is your pain right now, from 0 to 10?",
        summary="Pain score",
        hint="0 is no pain and 10 is the worst pain you can imagine.",
        why="Very severe pain should be checked by a GP, and it helps us suggest the right "
        "pain relief.",
        error="Enter your pain score as a number, like 6",
        range_error="Enter a pain score from 0 to 10",
        limits=(0, 10),
        suffix="out of 10",
    ),
    Step(
        slug="general-symptoms",
        key="general_signs",
        kind=Kind.CHECKBOXES,
        section=Section.SYMPTOMS,
        question="Have you had any of these?",
        summary="Other symptoms",
        hint="Select all that apply.",
        why="Together with back pain, these can be signs of an infection or another illness "
        "that a doctor should check.",
        error=SELECT_OR_NONE,
        findings=_findings("fever", "unexplained_weight_loss", "night_pain", "pain_uncontrolled"),
    ),
    Step(
        slug="health",
        key="health_history",
        kind=Kind.CHECKBOXES,
        section=Section.SYMPTOMS,
        question="Do any of these apply to you?",
        summary="Your health",
        hint="Select all that apply.",
        why="Some health conditions and treatments make infections, fractures or other causes "
        "of back pain more likely.",
        error=SELECT_OR_NONE,
        findings=_findings(
            "cancer_history",
            "immunosuppressed",
            "iv_drug_use",
            "recent_spinal_procedure",
            "minor_fall_fragile",
        ),
    ),
    Step(
        slug="type-of-pain",
        key="pain_features",
        kind=Kind.CHECKBOXES,
        section=Section.SYMPTOMS,
        question="Is your pain like any of these?",
        summary="Type of pain",
        hint="Select all that apply.",
        why="Where the pain is and how it started can point to a cause that needs checking.",
        error=SELECT_OR_NONE,
        findings=_findings(
            "sudden_severe_pain",
            "upper_back_pain",
            "pain_on_straining",
            "band_like_pain",
            "back_lump_or_deformity",
            "both_legs_longstanding",
        ),
    ),
    Step(
        slug="tummy-and-peeing",
        key="tummy_signs",
        kind=Kind.CHECKBOXES,
        section=Section.SYMPTOMS,
        question="Do you have any of these tummy, side or peeing symptoms?",
        summary="Tummy, side or peeing symptoms",
        hint="Select all that apply.",
        why="Kidney, bladder and gallbladder problems can cause pain in the back.",
        error=SELECT_OR_NONE,
        findings=_findings(
            "urinary_symptoms", "colicky_side_pain", "upper_abdominal_pain", "jaundice"
        ),
    ),
    Step(
        slug="leg-pain",
        key="sciatica",
        kind=Kind.YES_NO,
        section=Section.SYMPTOMS,
        question="Do you have shooting pain, tingling or numbness from your bottom down the back "
        "of one leg, often going below the knee?",
        summary="Pain going down one leg",
        why="This is called sciatica. It usually gets better on its own, but should be checked "
        "if it lasts.",
        error="Select yes if you have pain, tingling or numbness going down one leg",
    ),
    Step(
        slug="how-it-is-changing",
        key="pain_changes",
        kind=Kind.CHECKBOXES,
        section=Section.DAILY_LIFE,
        question="How is your back pain changing?",
        summary="How the pain is changing",
        hint="Select all that apply.",
        why="Pain that is not getting better, or keeps coming back, is worth checking with a "
        "GP or physiotherapist.",
        error=SELECT_OR_NONE,
        findings=_findings("worsening", "not_improving", "morning_stiffness", "recurrent"),
    ),
    Step(
        slug="daily-life",
        key="daily_life",
        kind=Kind.CHECKBOXES,
        section=Section.DAILY_LIFE,
        question="How is the pain affecting you?",
        summary="How the pain is affecting you",
        hint="Select all that apply.",
        why="Help is there if the pain is getting in the way of your life or your mood.",
        error=SELECT_OR_NONE,
        findings=_findings("daily_activities_stopped", "not_coping"),
    ),
)

# How long the checker takes, as the start page says: the words on every page of the longest
# route (self-care, where every question is asked) read at 200 words a minute, rounded up.
# tests/triage/test_reading_time.py measures it, and fails when the pages grow past it.
READING_MINUTES = 8

STEPS_BY_SLUG: Mapping[str, Step] = MappingProxyType({step.slug: step for step in STEPS})
FIRST_STEP = STEPS[0]
EMERGENCY_STEPS: tuple[Step, ...] = tuple(s for s in STEPS if s.section is Section.EMERGENCY)

# Everything an emergency rule reads: a question that sets none of these cannot raise an
# urgent result to an emergency, so it waits until the ones that can have been asked.
EMERGENCY_CONDITIONS: frozenset[str] = frozenset(
    condition
    for rule in RULES
    if rule.disposition is Disposition.EMERGENCY
    for condition in (*rule.needs_all, *rule.needs_any, *rule.numbers)
)
DAYS_PER_UNIT: Mapping[str, int] = MappingProxyType({"days": 1, "weeks": 7, "months": 30})
