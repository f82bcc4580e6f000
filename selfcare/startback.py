"""The Keele STarT Back Screening Tool: nine questions that sort back pain into three risk groups.

Every item keeps Keele's licensed wording exactly, apostrophes included: the licence allows no
change. Scored as Keele publishes it: items 1-8 score 1 for "agree"; item 9 ("how bothersome")
scores 1 for "very much" or "extremely". A total of 0-3 is low risk. From 4, the psychosocial
subscore (items 5-9) decides: 3 or less is medium risk, 4 or 5 is high risk.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

# Keele's instruction above the items, word for word.
INSTRUCTION = "Thinking about the last 2 weeks tick your response to the following questions:"
COPYRIGHT = "© Keele University 2007. Funded by Arthritis Research UK."
USE_NOTICE = (
    "The STarT Back Screening Tool is used here with the permission Keele University gives for "
    "non-commercial use. It may not be changed, or used for commercial purposes, without "
    "Keele University's permission."
)

AGREE = "agree"
DISAGREE = "disagree"
# In the order of Keele's form: Disagree (scores 0), then Agree (scores 1).
AGREEMENT_CHOICES: tuple[tuple[str, str], ...] = ((DISAGREE, "Disagree"), (AGREE, "Agree"))

BOTHERSOME_CHOICES: tuple[tuple[str, str], ...] = (
    ("not_at_all", "Not at all"),
    ("slightly", "Slightly"),
    ("moderately", "Moderately"),
    ("very_much", "Very much"),
    ("extremely", "Extremely"),
)
BOTHERSOME_SCORING = frozenset({"very_much", "extremely"})

LOW_RISK_MAX_TOTAL = 3
MEDIUM_RISK_MAX_PSYCHOSOCIAL = 3


class Risk(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    number: int
    text: str
    psychosocial: bool
    choices: tuple[tuple[str, str], ...]
    scoring_answers: frozenset[str]


def _agreement(id: str, number: int, text: str, psychosocial: bool = False) -> Item:
    return Item(id, number, text, psychosocial, AGREEMENT_CHOICES, frozenset({AGREE}))


ITEMS: tuple[Item, ...] = (
    _agreement(
        "leg_pain", 1, "My back pain has spread down my leg(s) at some time in the last 2 weeks"
    ),
    _agreement(
        "shoulder_neck_pain",
        2,
        "I have had pain in the shoulder or neck at some time in the last 2 weeks",
    ),
    _agreement(
        "walked_short_distances", 3, "I have only walked short distances because of my back pain"
    ),
    _agreement(
        "dressed_slowly",
        4,
        "In the last 2 weeks, I have dressed more slowly than usual because of back pain",
    ),
    _agreement(
        "not_safe_to_be_active",
        5,
        "It’s not really safe for a person with a condition like mine to be physically active",
        psychosocial=True,
    ),
    _agreement(
        "worrying_thoughts",
        6,
        "Worrying thoughts have been going through my mind a lot of the time",
        psychosocial=True,
    ),
    _agreement(
        "never_get_better",
        7,
        "I feel that my back pain is terrible and it’s never going to get any better",
        psychosocial=True,
    ),
    _agreement(
        "not_enjoyed",
        8,
        "In general I have not enjoyed all the things I used to enjoy",
        psychosocial=True,
    ),
    Item(
        "bothersome",
        9,
        "Overall, how bothersome has your back pain been in the last 2 weeks?",
        True,
        BOTHERSOME_CHOICES,
        BOTHERSOME_SCORING,
    ),
)
ITEM_IDS: tuple[str, ...] = tuple(item.id for item in ITEMS)


@dataclass(frozen=True, slots=True)
class StartBackResult:
    total: int
    psychosocial: int
    risk: Risk


class IncompleteAnswers(ValueError):
    """Raised when an item is missing or has an answer the tool does not offer."""


def score(answers: Mapping[str, str]) -> StartBackResult:
    """Score a complete set of answers, keyed by item id."""
    total = 0
    psychosocial = 0
    for item in ITEMS:
        answer = answers.get(item.id)
        if answer not in {value for value, _ in item.choices}:
            raise IncompleteAnswers(item.id)
        point = int(answer in item.scoring_answers)
        total += point
        psychosocial += point if item.psychosocial else 0
    if total <= LOW_RISK_MAX_TOTAL:
        risk = Risk.LOW
    elif psychosocial <= MEDIUM_RISK_MAX_PSYCHOSOCIAL:
        risk = Risk.MEDIUM
    else:
        risk = Risk.HIGH
    return StartBackResult(total=total, psychosocial=psychosocial, risk=risk)


def score_or_none(answers: object) -> StartBackResult | None:
    """Score answers read back from a session, or None when they are missing or not valid."""
    if not isinstance(answers, Mapping):
        return None
    try:
        return score(answers)
    except IncompleteAnswers:
        return None
