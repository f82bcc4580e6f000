"""The rules table matches the clinical contract: every finding, every rule, nothing missing."""

import pytest

from triage.answers import Answers
from triage.engine import triage
from triage.flow import STEPS
from triage.rules import (
    EMERGENCY_SCREEN,
    FINDINGS,
    GP,
    PREGNANCY,
    RULES,
    URGENT,
    Disposition,
    EmergencyAction,
)

# The finding ids of the clinical contract, copied here so a change to either shows up in review.
CONTRACT_FINDINGS = {
    "saddle_numbness", "bladder_dysfunction", "bowel_dysfunction", "sexual_dysfunction",
    "both_legs_symptoms", "limb_weakness", "limb_sensation_loss", "balance_loss",
    "one_side_weakness", "chest_pain", "major_trauma", "collapse_signs", "confusion",
    "sepsis_signs", "meningitis_signs",
    "pregnancy_emergency", "pregnancy_warning_signs",
    "fever", "unexplained_weight_loss", "back_lump_or_deformity", "night_pain", "upper_back_pain",
    "pain_on_straining", "band_like_pain", "cancer_history", "immunosuppressed", "iv_drug_use",
    "minor_fall_fragile", "recent_spinal_procedure", "sudden_severe_pain", "urinary_symptoms",
    "colicky_side_pain", "upper_abdominal_pain", "jaundice", "pain_uncontrolled",
    "both_legs_longstanding",
    "sciatica", "morning_stiffness", "worsening", "not_improving", "daily_activities_stopped",
    "not_coping", "recurrent",
}  # fmt: skip
CONTRACT_RULE_IDS = (
    ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "U1", "U2"]
    + [f"G{n}" for n in range(1, 10)]
    + ["S1"]
)


def answers(*findings: str, **numbers: int | bool) -> Answers:
    return Answers(findings=frozenset(findings), **numbers)  # type: ignore[arg-type]


# The smallest answers that make each rule fire. Every rule in the table needs one here.
RULE_EXAMPLES = {
    "E1": answers("saddle_numbness"),
    "E2": answers("pregnancy_emergency", pregnant=True),
    "E3": answers("jaundice"),
    "E4": answers("upper_abdominal_pain", "fever"),
    "E5": answers("colicky_side_pain", pregnant=True),
    "E6": answers("cancer_history", "sciatica"),
    "E7": answers("fever", "recent_spinal_procedure"),
    "E8": answers("sudden_severe_pain", age=60),
    "U1": answers("night_pain"),
    "U2": answers("urinary_symptoms", pregnant=True),
    "U3": answers("pregnancy_warning_signs"),
    "G1": answers("sciatica", duration_days=14),
    "G2": answers(duration_days=42),
    "G3": answers("not_improving", duration_days=21),
    "G4": answers("worsening"),
    "G5": answers("morning_stiffness", age=40, duration_days=90),
    "G6": answers(age=50, duration_days=28),
    "G7": answers(age=19, duration_days=28),
    "G8": answers("recurrent"),
    "G9": answers(pain_score=9),
    "S1": answers(age=35, duration_days=3, pain_score=5),
}


def test_every_rule_the_contract_names_is_in_the_table():
    assert set(CONTRACT_RULE_IDS) <= {rule.id for rule in RULES}


def test_rule_ids_are_unique():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


def test_finding_ids_are_exactly_the_contracts():
    assert set(FINDINGS) == CONTRACT_FINDINGS
    assert {d.value for d in Disposition} == {"emergency", "urgent", "gp", "self_care"}


def test_each_finding_is_asked_exactly_once_in_the_journey():
    asked = [finding.id for step in STEPS for finding in step.findings]
    asked += [step.key for step in STEPS if step.key in FINDINGS]
    assert sorted(asked) == sorted(FINDINGS)


def test_emergency_screen_findings_each_say_what_to_do():
    assert all(finding.action in EmergencyAction for finding in EMERGENCY_SCREEN)
    assert all(finding.action is None for finding in (*URGENT, *GP))
    assert FINDINGS["pregnancy_emergency"].action is EmergencyAction.CALL
    assert len(EMERGENCY_SCREEN) == 15 and len(PREGNANCY) == 2


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_has_a_reason_a_source_and_an_example(rule):
    assert rule.reason.endswith(".")
    assert rule.source
    assert rule.id in RULE_EXAMPLES


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_fires_on_its_example_and_decides_its_disposition(rule):
    outcome = triage(RULE_EXAMPLES[rule.id])

    assert rule in outcome.fired
    assert outcome.disposition is rule.disposition
    assert rule in outcome.deciding


@pytest.mark.parametrize(
    ("example", "disposition"),
    [
        (answers("sciatica", duration_days=13), Disposition.SELF_CARE),
        (answers(duration_days=41), Disposition.SELF_CARE),
        (answers("not_improving", duration_days=20), Disposition.SELF_CARE),
        (answers("morning_stiffness", age=46, duration_days=90), Disposition.GP),  # G2 only
        (answers("morning_stiffness", age=45, duration_days=89), Disposition.GP),  # G2 only
        (answers("morning_stiffness", age=30, duration_days=41), Disposition.SELF_CARE),
        (answers(age=49, duration_days=28), Disposition.SELF_CARE),
        (answers(age=50, duration_days=27), Disposition.SELF_CARE),
        (answers(age=20, duration_days=28), Disposition.SELF_CARE),
        (answers("sudden_severe_pain", age=59), Disposition.URGENT),
        (answers("fever", "urinary_symptoms"), Disposition.URGENT),
        (answers("colicky_side_pain"), Disposition.URGENT),
        (answers("cancer_history"), Disposition.URGENT),
        (answers("sciatica"), Disposition.SELF_CARE),
        (answers(pain_score=8), Disposition.SELF_CARE),
        (answers("cancer_history", "both_legs_longstanding"), Disposition.EMERGENCY),
        (answers("both_legs_longstanding"), Disposition.URGENT),
    ],
)
def test_thresholds_sit_where_the_contract_puts_them(example, disposition):
    assert triage(example).disposition is disposition


def test_g5_needs_onset_before_45():
    fired = {
        rule.id for rule in triage(answers("morning_stiffness", age=46, duration_days=90)).fired
    }
    assert "G5" not in fired
    fired = {
        rule.id for rule in triage(answers("morning_stiffness", age=45, duration_days=90)).fired
    }
    assert "G5" in fired  # onset 45 - 90/365, just under 45


def test_nothing_at_all_is_self_care_decided_by_s1_alone():
    outcome = triage(Answers())
    assert outcome.disposition is Disposition.SELF_CARE
    assert [rule.id for rule in outcome.deciding] == ["S1"]
