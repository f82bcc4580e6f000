"""The clinical contract as data: findings, dispositions and the rules that link them.

Everything here is reviewed in commits, never edited at run time. Finding ids, disposition ids and
rule ids are stable: tests, vignettes and automated clients depend on them. A rule id is never
reused for a different rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from triage.engine import Answers


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


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    label: str  # the checkbox or question label, speaking to the person
    hint: str = ""
    action: EmergencyAction | None = None  # emergency-screen findings only


# Emergency screen: any one of these ends the checker with an emergency result (rule E1).
EMERGENCY_SCREEN: tuple[Finding, ...] = (
    Finding(
        "saddle_numbness",
        "Numbness, tingling or less feeling around your genitals, bottom or back passage",
        "Including when you wipe after going to the toilet.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "bladder_dysfunction",
        "New problems peeing that are not normal for you",
        "You cannot pee, it is hard to start or the flow is weak, you have to strain, you leak, "
        "you cannot feel when you pee or cannot tell if your bladder is full or empty. "
        "Burning or stinging alone does not count here.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "bowel_dysfunction",
        "New problems controlling your bowels",
        "You cannot control when you poo, or you do not feel the need to go. "
        "Constipation from painkillers alone does not count here.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "sexual_dysfunction",
        "Sudden new problems with sex",
        "You cannot get an erection or ejaculate, or your genitals feel numb during sex.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "both_legs_symptoms",
        "Pain, tingling, numbness or weakness going down both legs",
        "It started or got worse in the last 2 weeks.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "limb_weakness",
        "New weakness in a leg or arm that is severe or getting worse",
        "Your foot slaps or your toes catch, you cannot lift the front of your foot, or your leg "
        "gives way because it is weak (not because a stab of pain makes it give way).",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "limb_sensation_loss",
        "Loss of feeling in both legs, or numbness that is spreading",
        action=EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "balance_loss",
        "Legs that feel unsteady, clumsy, heavy or like jelly",
        "Or your legs will not do what you tell them. Walking slowly or bent over because it "
        "hurts does not count here.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "one_side_weakness",
        "Sudden weakness or numbness on one side of your body, or your face drooping on one side",
        "Or difficulty speaking.",
        EmergencyAction.CALL,
    ),
    Finding(
        "chest_pain",
        "Chest pain or pressure",
        "Or pain spreading to your arm, jaw or neck, or back pain with sweating, feeling sick "
        "or short of breath.",
        EmergencyAction.CALL,
    ),
    Finding(
        "major_trauma",
        "The pain started after a serious accident, a fall from a height or a heavy blow to "
        "your back",
        action=EmergencyAction.CALL,
    ),
    Finding(
        "collapse_signs",
        "Sudden severe pain in your tummy or back with fainting or nearly fainting",
        "Or pale, grey or clammy skin, or struggling to breathe.",
        EmergencyAction.CALL,
    ),
    Finding(
        "confusion",
        "Confused, very drowsy, slurred speech or not making sense",
        action=EmergencyAction.CALL,
    ),
    Finding(
        "sepsis_signs",
        "Blue, grey, pale or blotchy skin, lips or tongue, or breathing very fast",
        "Or a rash that does not fade when you press a glass on it, or struggling to breathe.",
        EmergencyAction.CALL,
    ),
    Finding(
        "meningitis_signs",
        "A high temperature with a stiff neck, a severe headache or finding bright light painful",
        action=EmergencyAction.CALL,
    ),
)

PREGNANCY: tuple[Finding, ...] = (
    Finding(
        "pregnancy_emergency",
        "Heavy bleeding from your vagina, passing clots, severe tummy pain that is constant "
        "or fainting",
        "Severe tummy pain that does not come in waves, or feeling very faint.",
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Finding(
        "pregnancy_warning_signs",
        "Any bleeding from your vagina, your waters leaking, or the baby moving less than usual",
        "Or tightenings or back pain that come and go in waves before 37 weeks, a severe "
        "headache, problems with your vision, pain just below your ribs, or sudden swelling "
        "of your face, hands or feet.",
    ),
)

URGENT: tuple[Finding, ...] = (
    Finding("fever", "A high temperature, or feeling hot and shivery or very cold and shivery"),
    Finding("unexplained_weight_loss", "Losing weight without trying"),
    Finding(
        "night_pain",
        "Pain that is there all the time, even lying still, and is worst at night or wakes you",
        "Not just pain when you turn over in bed.",
    ),
    Finding(
        "pain_uncontrolled",
        "Pain so bad that painkillers do not help and you cannot get comfortable",
    ),
    Finding("cancer_history", "You have cancer now, or have had cancer in the past"),
    Finding(
        "immunosuppressed",
        "You have a weakened immune system",
        "For example from chemotherapy or other cancer treatment, steroid tablets taken for a "
        "long time, HIV, or medicines after a transplant.",
    ),
    Finding("iv_drug_use", "You inject drugs now, or did recently"),
    Finding(
        "recent_spinal_procedure",
        "Spinal surgery, a spinal injection, or an epidural or spinal anaesthetic in the last "
        "6 weeks",
        "Including an epidural during labour.",
    ),
    Finding(
        "minor_fall_fragile",
        "Sudden severe pain after a minor fall, lift, cough or sneeze, or with no cause, and "
        "you have weak bones",
        "Weak bones here means you have osteoporosis, take steroid tablets long term, or are "
        "70 or older.",
    ),
    Finding(
        "sudden_severe_pain",
        "Sudden, severe pain in your back or tummy that came on by itself",
        "Not from lifting, twisting or a fall.",
    ),
    Finding("upper_back_pain", "Pain high in your back, between your shoulder blades"),
    Finding("pain_on_straining", "Pain that gets worse when you sneeze, cough or poo"),
    Finding(
        "band_like_pain",
        "Pain that wraps round your chest or tummy like a tight belt",
        "Or a narrow band of pain down an arm or leg.",
    ),
    Finding(
        "back_lump_or_deformity", "A lump or swelling in your back, or your back has changed shape"
    ),
    Finding(
        "both_legs_longstanding",
        "Pain, tingling or numbness down both legs for more than 2 weeks that is not getting worse",
    ),
    Finding(
        "urinary_symptoms",
        "Burning or stinging when you pee, needing to pee often, or blood in your pee",
    ),
    Finding(
        "colicky_side_pain",
        "Waves of severe pain in your side or back",
        "The pain may spread to your groin.",
    ),
    Finding(
        "upper_abdominal_pain",
        "Severe pain in your upper tummy or under your right ribs for more than 30 minutes",
        "The pain may spread to your side or shoulder blade.",
    ),
    Finding(
        "jaundice",
        "Yellow skin or yellow whites of your eyes",
        "Sometimes with dark pee, pale poo or itchy skin.",
    ),
)

GP: tuple[Finding, ...] = (
    Finding(
        "sciatica",
        "Shooting pain, tingling or numbness from your bottom down the back of one leg",
        "Often going below the knee.",
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
PREGNANT = "pregnant"

NHS_BACK_PAIN = "NHS.UK: Back pain"
NICE_CKS_BACK_PAIN = "NICE CKS: Back pain - low"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str  # stable, never reused
    disposition: Disposition
    applies: Callable[[Answers], bool]
    reason: str  # shown under "Why am I seeing this?"
    source: str  # the NHS or NICE guidance it comes from
    uses: tuple[str, ...]  # the findings and numbers it reads, to name the answers that led to it
    action: EmergencyAction | None = None  # None on E1: its findings carry their own action
    maternity: bool = False  # an urgent result that sends a pregnant person to maternity care
    cord_compression: bool = False  # tell A&E about cancer and possible cord compression


def _onset_age(answers: Answers) -> float | None:
    if answers.age is None or answers.duration_days is None:
        return None
    return answers.age - answers.duration_days / 365


def _at_least(value: int | None, threshold: int) -> bool:
    return value is not None and value >= threshold


RULES: tuple[Rule, ...] = (
    Rule(
        "E1",
        Disposition.EMERGENCY,
        lambda a: bool(a.findings & EMERGENCY_SCREEN_IDS),
        "You have a sign of a serious problem that needs treating straight away.",
        "NHS.UK: Back pain, Sciatica, Cauda equina syndrome, Stroke, Heart attack, Sepsis, "
        "Meningitis, Abdominal aortic aneurysm; NHS inform: Back problems",
        tuple(finding.id for finding in EMERGENCY_SCREEN),
    ),
    Rule(
        "E2",
        Disposition.EMERGENCY,
        lambda a: "pregnancy_emergency" in a.findings,
        "Heavy bleeding, constant severe tummy pain or fainting in pregnancy needs checking "
        "in hospital straight away.",
        "NHS.UK: Bleeding in pregnancy, Ectopic pregnancy",
        ("pregnancy_emergency",),
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Rule(
        "E3",
        Disposition.EMERGENCY,
        lambda a: "jaundice" in a.findings,
        "Yellow skin or eyes can mean a blocked bile duct, which needs treating in hospital.",
        "NHS.UK: Gallstones",
        ("jaundice",),
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Rule(
        "E4",
        Disposition.EMERGENCY,
        lambda a: {"upper_abdominal_pain", "fever"} <= a.findings,
        "Severe upper tummy pain with a high temperature can mean an infected gallbladder.",
        "NHS.UK: Gallstones",
        ("upper_abdominal_pain", "fever"),
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Rule(
        "E5",
        Disposition.EMERGENCY,
        lambda a: (
            "colicky_side_pain" in a.findings
            and (bool(a.findings & {"fever", "pain_uncontrolled"}) or a.pregnant)
        ),
        "Kidney stone pain with a high temperature, pain that painkillers do not help, or in "
        "pregnancy needs treating in hospital.",
        "NICE CKS: Renal colic (admission criteria); NICE NG118",
        ("colicky_side_pain", "fever", "pain_uncontrolled", PREGNANT),
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Rule(
        "E6",
        Disposition.EMERGENCY,
        lambda a: (
            "cancer_history" in a.findings and bool(a.findings & {"sciatica", "band_like_pain"})
        ),
        "Back pain spreading down a leg or round your body, when you have had cancer, can mean "
        "pressure on the spinal cord, which needs treating straight away.",
        "NICE NG234: Spinal metastases and metastatic spinal cord compression",
        ("cancer_history", "sciatica", "band_like_pain"),
        EmergencyAction.GO_TO_A_AND_E,
        cord_compression=True,
    ),
    Rule(
        "E7",
        Disposition.EMERGENCY,
        lambda a: (
            "fever" in a.findings
            and bool(a.findings & {"iv_drug_use", "immunosuppressed", "recent_spinal_procedure"})
        ),
        "A high temperature with back pain, when infection is more likely, can mean an "
        "infection in the spine that needs treating straight away.",
        f"{NICE_CKS_BACK_PAIN} (infection); NICE NG51: Sepsis; NICE CG151: Neutropenic sepsis",
        ("fever", "iv_drug_use", "immunosuppressed", "recent_spinal_procedure"),
        EmergencyAction.GO_TO_A_AND_E,
    ),
    Rule(
        "E8",
        Disposition.EMERGENCY,
        lambda a: "sudden_severe_pain" in a.findings and _at_least(a.age, 60),
        "Sudden severe back or tummy pain at 60 or older can be a burst aortic aneurysm.",
        "NHS.UK: Abdominal aortic aneurysm",
        ("sudden_severe_pain", "age"),
        EmergencyAction.CALL,
    ),
    Rule(
        "U1",
        Disposition.URGENT,
        lambda a: bool(a.findings & URGENT_IDS),
        "You have a symptom that a doctor should check today, to rule out an infection, a "
        "fracture, a kidney or gallbladder problem or something more serious.",
        f"{NHS_BACK_PAIN}; {NICE_CKS_BACK_PAIN} (red flags)",
        tuple(finding.id for finding in URGENT),
    ),
    Rule(
        "U2",
        Disposition.URGENT,
        lambda a: (
            a.pregnant
            and bool(a.findings & {"fever", "urinary_symptoms", "pregnancy_warning_signs"})
        ),
        "In pregnancy, a high temperature, symptoms when you pee or these warning signs need "
        "checking by your maternity team today.",
        "NHS.UK: Kidney infection, Pregnancy warning signs, Pre-eclampsia",
        (PREGNANT, "fever", "urinary_symptoms", "pregnancy_warning_signs"),
        maternity=True,
    ),
    # Added beyond the contract: the pregnancy warning signs need the same care even when a
    # vignette or client reports them without the pregnancy answer.
    Rule(
        "U3",
        Disposition.URGENT,
        lambda a: "pregnancy_warning_signs" in a.findings,
        "These pregnancy warning signs need checking by a midwife or maternity unit today.",
        "NHS.UK: Pregnancy warning signs, Pre-eclampsia",
        ("pregnancy_warning_signs",),
        maternity=True,
    ),
    Rule(
        "G1",
        Disposition.GP,
        lambda a: "sciatica" in a.findings and _at_least(a.duration_days, 14),
        "Sciatica that has lasted 2 weeks or more should be checked by a GP or physiotherapist.",
        "NHS.UK: Sciatica; NICE NG59",
        ("sciatica", "duration_days"),
    ),
    Rule(
        "G2",
        Disposition.GP,
        lambda a: _at_least(a.duration_days, 42),
        "Most back pain settles within 6 weeks. Pain that lasts longer should be checked.",
        "NHS inform: Back problems",
        ("duration_days",),
    ),
    Rule(
        "G3",
        Disposition.GP,
        lambda a: "not_improving" in a.findings and _at_least(a.duration_days, 21),
        "Back pain that is not getting better after 3 weeks should be checked.",
        f"{NHS_BACK_PAIN}; {NICE_CKS_BACK_PAIN}",
        ("not_improving", "duration_days"),
    ),
    Rule(
        "G4",
        Disposition.GP,
        lambda a: "worsening" in a.findings,
        "Back pain that is severe or getting worse should be checked.",
        NHS_BACK_PAIN,
        ("worsening",),
    ),
    Rule(
        "G5",
        Disposition.GP,
        lambda a: (
            "morning_stiffness" in a.findings
            and _at_least(a.duration_days, 90)
            and (onset := _onset_age(a)) is not None
            and onset < 45
        ),
        "Long-lasting morning stiffness that eases with movement, starting before 45, can be "
        "a sign of inflammation in the spine (axial spondyloarthritis).",
        "NICE NG65: Spondyloarthritis",
        ("morning_stiffness", "duration_days", "age"),
    ),
    Rule(
        "G6",
        Disposition.GP,
        lambda a: _at_least(a.age, 50) and _at_least(a.duration_days, 28),
        "New back pain lasting 4 weeks or more at 50 or older should be checked.",
        f"{NICE_CKS_BACK_PAIN}; NICE NG12: Suspected cancer",
        ("age", "duration_days"),
    ),
    Rule(
        "G7",
        Disposition.GP,
        lambda a: a.age is not None and a.age < 20 and _at_least(a.duration_days, 28),
        "Back pain lasting 4 weeks or more under the age of 20 should be checked.",
        NICE_CKS_BACK_PAIN,
        ("age", "duration_days"),
    ),
    Rule(
        "G8",
        Disposition.GP,
        lambda a: bool(a.findings & {"daily_activities_stopped", "not_coping", "recurrent"}),
        "A GP or physiotherapist can help when pain stops your daily life, keeps coming back "
        "or is hard to cope with.",
        NHS_BACK_PAIN,
        ("daily_activities_stopped", "not_coping", "recurrent"),
    ),
    Rule(
        "S1",
        Disposition.SELF_CARE,
        lambda a: True,
        "Your answers do not show signs of a serious problem. Most back pain and spasms get "
        "better on their own within a few weeks with the right self-care.",
        f"{NHS_BACK_PAIN}; NICE NG59: Low back pain and sciatica",
        (),
    ),
)
