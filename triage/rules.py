"""The clinical contract as data: findings, dispositions and the rules that link them.

Everything here is reviewed in commits, never edited at run time. Finding ids, disposition ids and
rule ids are stable: tests, vignettes and automated clients depend on them. A rule id is never
reused for a different rule.

Each rule states its condition as data a page can print without rewording: ``needs_all`` (every
one present), ``needs_any`` (at least one present) and ``also`` (a number condition in plain
words). The ids in ``needs_all`` and ``needs_any`` are keys of ``CONDITIONS``: the findings, plus
``pregnant``. The engine evaluates exactly that data, and the tests prove by enumeration that a
rule fires when, and only when, its description says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from triage.answers import PREGNANT, Answers


class Disposition(StrEnum):
    """Where to get help, declared most severe first."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    GP = "gp"
    SELF_CARE = "self_care"

    @property
    def severity(self) -> int:
        """Higher is more severe, so ``max`` picks the disposition that wins."""
        return len(DISPOSITIONS) - DISPOSITIONS.index(self)


DISPOSITIONS: tuple[Disposition, ...] = tuple(Disposition)


class EmergencyAction(StrEnum):
    """What an emergency result tells the person to do, which depends on its reason."""

    CALL = "call"  # call the emergency number now (stroke, heart, collapse, sepsis, trauma)
    GO_TO_A_AND_E = "a_and_e"  # go to A&E now, do not drive yourself (or call)


class Role(StrEnum):
    """Whether a finding is who the person is, or a sign they can newly get (spec v4).

    A result tells a person which signs to watch for; a situation is never one of them.
    """

    SITUATION = "situation"
    SIGN = "sign"


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    label: str  # the words the checker shows, carrying every criterion that makes it true
    hint: str = ""  # only what does not count ("Not ..."), never a criterion
    action: EmergencyAction | None = None  # findings that are an emergency on their own
    role: Role = Role.SIGN
    # An emergency sign on its own that people in these situations, or with these signs, are
    # told to watch for (spec v4, "Safety-netting for this person").
    watch_when: tuple[str, ...] = ()
    # The sign a person watches for in its place: one that cannot arrive new (it has lasted
    # weeks) is watched for as its new form.
    watch_as: str = ""


# Emergency screen: any one of these ends the checker with an emergency result (rule E1).
# Every criterion that makes a finding true is in its label; a hint only says what does not count.
EMERGENCY_SCREEN: tuple[Finding, ...] = (
    Finding(
        "saddle_numbness",
        "Numbness, tingling or less feeling around your genitals, bottom or back passage, or "
        "when you wipe",
        action=EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "bladder_dysfunction",
        "New problems peeing: cannot pee, hard to start, weak flow, straining, leaking or needing "
        "pads, or cannot feel yourself pee or tell if your bladder is full or empty",
        "Not burning or stinging alone.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "bowel_dysfunction",
        "New problems with your bowels: you cannot control when you poo, or you do not feel "
        "the need to go",
        "Not constipation from painkillers alone.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "sexual_dysfunction",
        "Sudden new problems with sex: you cannot get an erection or ejaculate, or your "
        "genitals feel numb during sex",
        action=EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "both_legs_symptoms",
        "Pain, tingling, numbness or weakness going down both legs that started or got worse "
        "in the last 2 weeks",
        action=EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "limb_weakness",
        "New weakness in a leg or arm, severe or getting worse: your foot slaps, your toes "
        "catch, you cannot lift the front of your foot, or your leg gives way as it is weak",
        "Not if only a stab of pain makes it give way.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "limb_sensation_loss",
        "Loss of feeling in both legs, or numbness that is spreading",
        action=EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "balance_loss",
        "Legs that feel unsteady, clumsy, heavy or like jelly, or will not do what you tell them",
        "Not walking slowly or bent over only because it hurts.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "one_side_weakness",
        "Sudden weakness or numbness on one side of your body, your face drooping on one side, "
        "or difficulty speaking",
        action=EmergencyAction.CALL,
    ),
    Finding(
        "chest_pain",
        "Chest pain or pressure, pain spreading to your arm, jaw or neck, or back pain with "
        "sweating, feeling sick or short of breath",
        action=EmergencyAction.CALL,
    ),
    Finding(
        "major_trauma",
        "The pain started after a serious accident, a fall from a height or a heavy blow to "
        "your back",
        action=EmergencyAction.CALL,
    ),
    Finding(
        "collapse_signs",
        "Sudden severe pain in your tummy or back with fainting or nearly fainting, pale, grey "
        "or clammy skin, or struggling to breathe",
        action=EmergencyAction.CALL,
    ),
    Finding(
        "confusion",
        "Confused, very drowsy, slurred speech or not making sense",
        action=EmergencyAction.CALL,
    ),
    Finding(
        "sepsis_signs",
        "Blue, grey, pale or blotchy skin, lips or tongue, a rash that does not fade when you "
        "press a glass on it, or breathing very fast or struggling to breathe",
        action=EmergencyAction.CALL,
        watch_when=("fever",),
    ),
    Finding(
        "meningitis_signs",
        "A high temperature with a stiff neck, a severe headache or finding bright light painful",
        action=EmergencyAction.CALL,
        watch_when=("fever",),
    ),
)

PREGNANCY: tuple[Finding, ...] = (
    Finding(
        "pregnancy_emergency",
        "Heavy bleeding from your vagina or passing clots, severe tummy pain that is constant "
        "and does not come in waves, or fainting or feeling very faint",
        action=EmergencyAction.CALL,
        watch_when=(PREGNANT,),
    ),
    Finding(
        "pregnancy_warning_signs",
        "Any bleeding from your vagina, your waters leaking, tightenings or back pain that come "
        "and go in waves before 37 weeks, the baby moving less than usual, a severe headache, "
        "problems with your vision, pain just below your ribs, or sudden swelling of your "
        "face, hands or feet",
    ),
)

URGENT: tuple[Finding, ...] = (
    Finding("fever", "A high temperature, or feeling hot and shivery or very cold and shivery"),
    Finding("unexplained_weight_loss", "Losing weight without trying"),
    Finding(
        "night_pain",
        "Pain that is there all the time, even lying still, and is worst at night or wakes you",
        "Not pain only when you turn over in bed.",
    ),
    Finding(
        "pain_uncontrolled",
        "Pain so bad that painkillers do not help and you cannot get comfortable",
    ),
    Finding(
        "cancer_history",
        "You have cancer now, or have had cancer in the past",
        role=Role.SITUATION,
    ),
    Finding(
        "immunosuppressed",
        "You have a weakened immune system, for example from chemotherapy or other cancer "
        "treatment, steroid tablets taken for a long time, HIV, or medicines after a transplant",
        role=Role.SITUATION,
    ),
    Finding("iv_drug_use", "You inject drugs now, or did recently", role=Role.SITUATION),
    Finding(
        "recent_spinal_procedure",
        "Spinal surgery, a spinal injection, or an epidural or spinal anaesthetic (including "
        "during labour) in the last 6 weeks",
        role=Role.SITUATION,
    ),
    Finding(
        "minor_fall_fragile",
        "Sudden severe pain after a minor fall, lift, cough or sneeze, or with no cause, and "
        "you have osteoporosis or ankylosing spondylitis, take steroid tablets long term, or are "
        "70 or older",
    ),
    Finding(
        "sudden_severe_pain",
        "Sudden, severe pain in your back or tummy that came on by itself, not from lifting, "
        "twisting or a fall",
    ),
    Finding("upper_back_pain", "Pain high in your back, between your shoulder blades"),
    Finding("pain_on_straining", "Pain that gets worse when you sneeze, cough or poo"),
    Finding(
        "band_like_pain",
        "Pain that wraps round your chest or tummy like a tight belt, or a narrow band of pain "
        "down an arm or leg",
    ),
    Finding(
        "back_lump_or_deformity", "A lump or swelling in your back, or your back has changed shape"
    ),
    Finding(
        "both_legs_longstanding",
        "Pain, tingling or numbness down both legs for more than 2 weeks that is not getting worse",
        watch_as="both_legs_symptoms",
    ),
    Finding(
        "urinary_symptoms",
        "Burning or stinging when you pee, needing to pee often, or blood in your pee",
    ),
    Finding(
        "colicky_side_pain",
        "Waves of severe pain in your side or back, which may spread to your groin",
    ),
    Finding(
        "upper_abdominal_pain",
        "Severe pain in your upper tummy or under your right ribs for more than 30 minutes, "
        "which may spread to your side or shoulder blade",
    ),
    Finding(
        "jaundice",
        "Yellow skin or yellow whites of your eyes, sometimes with dark pee, pale poo or itchy "
        "skin",
        watch_when=("upper_abdominal_pain",),
    ),
)

GP: tuple[Finding, ...] = (
    Finding(
        "sciatica",
        "Shooting pain, tingling or numbness from your bottom down the back of one leg, often "
        "going below the knee",
    ),
    Finding("worsening", "The pain is severe or getting worse over time"),
    Finding("not_improving", "The pain is not starting to get better"),
    Finding(
        "morning_stiffness",
        "Stiffness for more than 30 minutes in the morning that eases when you move",
    ),
    Finding("recurrent", "Back spasms that keep coming back"),
    Finding("daily_activities_stopped", "The pain stops you doing your usual daily activities"),
    Finding("not_coping", "You are worried or struggling to cope with the pain"),
)

FINDINGS: MappingProxyType[str, Finding] = MappingProxyType(
    {finding.id: finding for finding in (*EMERGENCY_SCREEN, *PREGNANCY, *URGENT, *GP)}
)
EMERGENCY_SCREEN_IDS: frozenset[str] = frozenset(finding.id for finding in EMERGENCY_SCREEN)
URGENT_IDS: frozenset[str] = frozenset(finding.id for finding in URGENT)
NUMBERS: tuple[str, ...] = ("age", "duration_days", "pain_score")

# "Not sure" counts as pregnant for every rule, so the words cover both answers.
PREGNANT_CONDITION = Finding(PREGNANT, "You are pregnant, or could be", role=Role.SITUATION)
CONDITIONS: MappingProxyType[str, Finding] = MappingProxyType(
    {**FINDINGS, PREGNANT: PREGNANT_CONDITION}
)
# Age is the one number that is a situation: the others (how long, how bad) can change.
SITUATIONS: frozenset[str] = frozenset(
    {"age", *(id_ for id_, condition in CONDITIONS.items() if condition.role is Role.SITUATION)}
)

NHS_BACK_PAIN = "NHS.UK: Back pain"
NICE_CKS_BACK_PAIN = "NICE CKS: Back pain - low"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str  # stable, never reused
    disposition: Disposition
    reason: str  # shown under "Why am I seeing this?"
    source: str  # the NHS or NICE guidance it comes from
    needs_all: tuple[str, ...] = ()  # condition ids that must all be present
    needs_any: tuple[str, ...] = ()  # condition ids of which at least one must be present
    also: str = ""  # the number condition in plain words, to the reader ("" when none)
    numbers: tuple[str, ...] = ()  # the numbers that ``also`` reads
    number_test: Callable[[Answers], bool] | None = None  # what ``also`` says, as code
    emergency_action: EmergencyAction | None = None  # None on E1: its findings each say
    maternity: bool = False  # an urgent result that sends a pregnant person to maternity care
    cord_compression: bool = False  # tell A&E about cancer and possible cord compression
    # A rule that counts days, as the safety net words it: "{date}" is the day it would apply.
    watch: str = ""
    # The safety net words ``watch`` only for someone who already has the rule's findings
    # ("your leg pain is still there"), not as a sign to newly get.
    watch_if_present: bool = False

    def applies(self, answers: Answers) -> bool:
        """Whether the answers meet this rule's condition, exactly as its data describes it."""
        present = answers.conditions
        return (
            present.issuperset(self.needs_all)
            and (not self.needs_any or not present.isdisjoint(self.needs_any))
            and (self.number_test is None or self.number_test(answers))
        )

    @property
    def uses(self) -> tuple[str, ...]:
        """Every condition id and number the rule reads, to name the answers that led to it."""
        return (*self.needs_all, *self.needs_any, *self.numbers)


def _at_least(value: int | None, threshold: int) -> bool:
    return value is not None and value >= threshold


def _onset_before_45(answers: Answers) -> bool:
    if answers.age is None or answers.duration_days is None:
        return False
    return answers.age - answers.duration_days / 365 < 45


RULES: tuple[Rule, ...] = (
    Rule(
        "E1",
        Disposition.EMERGENCY,
        "You have a sign of a serious problem that needs treating straight away.",
        "NHS.UK: Back pain, Sciatica, Cauda equina syndrome, Stroke, Heart attack, Sepsis, "
        "Meningitis, Abdominal aortic aneurysm; NHS inform: Back problems",
        needs_any=tuple(finding.id for finding in EMERGENCY_SCREEN),
    ),
    Rule(
        "E2",
        Disposition.EMERGENCY,
        "Heavy bleeding, constant severe tummy pain or fainting in pregnancy needs an "
        "ambulance straight away.",
        "NHS.UK: Bleeding in pregnancy, Ectopic pregnancy",
        needs_all=("pregnancy_emergency",),
        emergency_action=EmergencyAction.CALL,
    ),
    Rule(
        "E3",
        Disposition.EMERGENCY,
        "Yellow skin or eyes can mean a blocked bile duct, which needs treating in hospital.",
        "NHS.UK: Gallstones",
        needs_all=("jaundice",),
        emergency_action=EmergencyAction.GO_TO_A_AND_E,
    ),
    Rule(
        "E4",
        Disposition.EMERGENCY,
        "Severe upper tummy pain with a high temperature can mean an infected gallbladder.",
        "NHS.UK: Gallstones",
        needs_all=("upper_abdominal_pain", "fever"),
        emergency_action=EmergencyAction.GO_TO_A_AND_E,
    ),
    Rule(
        "E5",
        Disposition.EMERGENCY,
        "Kidney stone pain with a high temperature, pain that painkillers do not help, or in "
        "pregnancy needs treating in hospital.",
        "NICE CKS: Renal colic (admission criteria); NICE NG118",
        needs_all=("colicky_side_pain",),
        needs_any=("fever", "pain_uncontrolled", PREGNANT),
        emergency_action=EmergencyAction.GO_TO_A_AND_E,
    ),
    Rule(
        "E6",
        Disposition.EMERGENCY,
        "Back pain spreading down a leg, round your body or down both legs, when you have had "
        "cancer, can mean pressure on the spinal cord, which needs treating straight away.",
        "NICE NG234: Spinal metastases and metastatic spinal cord compression",
        needs_all=("cancer_history",),
        needs_any=("sciatica", "band_like_pain", "both_legs_longstanding"),
        emergency_action=EmergencyAction.GO_TO_A_AND_E,
        cord_compression=True,
    ),
    Rule(
        "E7",
        Disposition.EMERGENCY,
        "A high temperature with back pain, when infection is more likely, can mean an "
        "infection in the spine that needs treating straight away.",
        f"{NICE_CKS_BACK_PAIN} (infection); NICE NG51: Sepsis; NICE CG151: Neutropenic sepsis",
        needs_all=("fever",),
        needs_any=("iv_drug_use", "immunosuppressed", "recent_spinal_procedure"),
        emergency_action=EmergencyAction.GO_TO_A_AND_E,
    ),
    Rule(
        "E8",
        Disposition.EMERGENCY,
        "Sudden severe back or tummy pain at 60 or older can be a burst aortic aneurysm.",
        "NHS.UK: Abdominal aortic aneurysm",
        needs_all=("sudden_severe_pain",),
        also="and you are 60 or older",
        numbers=("age",),
        number_test=lambda a: _at_least(a.age, 60),
        emergency_action=EmergencyAction.CALL,
    ),
    Rule(
        "U1",
        Disposition.URGENT,
        "You have a symptom that a doctor should check today, to rule out an infection, a "
        "fracture, a kidney or gallbladder problem or something more serious.",
        f"{NHS_BACK_PAIN}; {NICE_CKS_BACK_PAIN} (red flags)",
        needs_any=tuple(finding.id for finding in URGENT),
    ),
    Rule(
        "U2",
        Disposition.URGENT,
        "In pregnancy, a high temperature, symptoms when you pee or these warning signs need "
        "checking by your maternity team today.",
        "NHS.UK: Kidney infection, Pregnancy warning signs, Pre-eclampsia",
        needs_all=(PREGNANT,),
        needs_any=("fever", "urinary_symptoms", "pregnancy_warning_signs"),
        maternity=True,
    ),
    # Added beyond the contract: the pregnancy warning signs need the same care even when a
    # vignette or client reports them without the pregnancy answer.
    Rule(
        "U3",
        Disposition.URGENT,
        "These pregnancy warning signs need checking by a midwife or maternity unit today.",
        "NHS.UK: Pregnancy warning signs, Pre-eclampsia",
        needs_all=("pregnancy_warning_signs",),
        maternity=True,
    ),
    Rule(
        "G1",
        Disposition.GP,
        "Sciatica that has lasted 2 weeks or more should be checked by a GP or physiotherapist.",
        "NHS.UK: Sciatica; NICE NG59",
        needs_all=("sciatica",),
        also="for 2 weeks or more",
        numbers=("duration_days",),
        number_test=lambda a: _at_least(a.duration_days, 14),
        watch="Your leg pain is still there on {date}",
        watch_if_present=True,
    ),
    Rule(
        "G2",
        Disposition.GP,
        "Most back pain settles within 6 weeks. Pain that lasts longer should be checked.",
        "NHS inform: Back problems",
        also="back pain for 6 weeks or more",
        numbers=("duration_days",),
        number_test=lambda a: _at_least(a.duration_days, 42),
        watch="You still have back pain on {date}",
    ),
    Rule(
        "G3",
        Disposition.GP,
        "Back pain that is not getting better after 3 weeks should be checked.",
        f"{NHS_BACK_PAIN}; {NICE_CKS_BACK_PAIN}",
        needs_all=("not_improving",),
        also="after 3 weeks or more",
        numbers=("duration_days",),
        number_test=lambda a: _at_least(a.duration_days, 21),
        watch="Your back pain is not starting to get better by {date}",
    ),
    Rule(
        "G4",
        Disposition.GP,
        "Back pain that is severe or getting worse should be checked.",
        NHS_BACK_PAIN,
        needs_all=("worsening",),
    ),
    Rule(
        "G5",
        Disposition.GP,
        "Long-lasting morning stiffness that eases with movement, starting before 45, can be "
        "a sign of inflammation in the spine (axial spondyloarthritis).",
        "NICE NG65: Spondyloarthritis",
        needs_all=("morning_stiffness",),
        also="for 3 months or more, and it started before you were 45",
        numbers=("duration_days", "age"),
        number_test=lambda a: _at_least(a.duration_days, 90) and _onset_before_45(a),
        watch="Your morning stiffness is still there on {date}",
        watch_if_present=True,
    ),
    Rule(
        "G6",
        Disposition.GP,
        "New back pain lasting 4 weeks or more at 50 or older should be checked.",
        f"{NICE_CKS_BACK_PAIN}; NICE NG12: Suspected cancer",
        also="you are 50 or older and your back pain has lasted 4 weeks or more",
        numbers=("age", "duration_days"),
        number_test=lambda a: _at_least(a.age, 50) and _at_least(a.duration_days, 28),
        watch="You still have back pain on {date}",
    ),
    Rule(
        "G7",
        Disposition.GP,
        "Back pain lasting 4 weeks or more under the age of 20 should be checked.",
        NICE_CKS_BACK_PAIN,
        also="you are under 20 and your back pain has lasted 4 weeks or more",
        numbers=("age", "duration_days"),
        number_test=lambda a: a.age is not None and a.age < 20 and _at_least(a.duration_days, 28),
        watch="You still have back pain on {date}",
    ),
    Rule(
        "G8",
        Disposition.GP,
        "A GP or physiotherapist can help when pain stops your daily life, keeps coming back "
        "or is hard to cope with.",
        NHS_BACK_PAIN,
        needs_any=("daily_activities_stopped", "not_coping", "recurrent"),
    ),
    Rule(
        "G9",
        Disposition.GP,
        "Very severe pain should be checked by a GP, even when nothing else is worrying.",
        NHS_BACK_PAIN,
        also="your pain is 9 or 10 out of 10",
        numbers=("pain_score",),
        number_test=lambda a: _at_least(a.pain_score, 9),
    ),
    Rule(
        "S1",
        Disposition.SELF_CARE,
        "Your answers do not show signs of a serious problem. Most back pain and spasms get "
        "better on their own within a few weeks with the right self-care.",
        f"{NHS_BACK_PAIN}; NICE NG59: Low back pain and sciatica",
    ),
)
