"""The checker's rule for very severe pain (G9), applied to the score the diary or plan records.

Read from the rules' data, never restated: the diary and the plan send a person to a GP at the
same score, with the same words, as the checker does.
"""

from triage.answers import Answers
from triage.rules import RULES, Rule

VERY_SEVERE_PAIN: Rule = next(rule for rule in RULES if rule.id == "G9")


def very_severe_pain(pain: int | None) -> Rule | None:
    """G9 when a pain score alone meets it, else None."""
    if pain is None or not VERY_SEVERE_PAIN.applies(Answers(pain_score=pain)):
        return None
    return VERY_SEVERE_PAIN
