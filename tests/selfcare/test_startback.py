"""The Keele STarT Back Screening Tool, scored as Keele publishes it."""

import pytest

from selfcare.startback import ITEMS, IncompleteAnswers, Risk, score, score_or_none

PHYSICAL = ("leg_pain", "shoulder_neck_pain", "walked_short_distances", "dressed_slowly")
PSYCHOSOCIAL = ("not_safe_to_be_active", "worrying_thoughts", "never_get_better", "not_enjoyed")


def answers(agreed: tuple[str, ...] = (), bothersome: str = "slightly") -> dict[str, str]:
    chosen = {item.id: "agree" if item.id in agreed else "disagree" for item in ITEMS[:8]}
    return {**chosen, "bothersome": bothersome}


def test_the_tool_has_nine_items_and_items_5_to_9_are_psychosocial() -> None:
    assert [item.number for item in ITEMS] == list(range(1, 10))
    assert [item.number for item in ITEMS if item.psychosocial] == [5, 6, 7, 8, 9]


@pytest.mark.parametrize(
    ("agreed", "bothersome", "total", "psychosocial", "risk"),
    [
        ((), "not_at_all", 0, 0, Risk.LOW),
        (PHYSICAL[:3], "moderately", 3, 0, Risk.LOW),
        (PHYSICAL[:2], "very_much", 3, 1, Risk.LOW),
        (PHYSICAL, "slightly", 4, 0, Risk.MEDIUM),
        (PHYSICAL, "extremely", 5, 1, Risk.MEDIUM),
        (PHYSICAL[:1] + PSYCHOSOCIAL[:3], "moderately", 4, 3, Risk.MEDIUM),
        (PSYCHOSOCIAL[:3], "very_much", 4, 4, Risk.HIGH),
        (PSYCHOSOCIAL, "not_at_all", 4, 4, Risk.HIGH),
        (PHYSICAL + PSYCHOSOCIAL[:2], "moderately", 6, 2, Risk.MEDIUM),
        (PHYSICAL + PSYCHOSOCIAL, "extremely", 9, 5, Risk.HIGH),
    ],
)
def test_scoring_table(
    agreed: tuple[str, ...], bothersome: str, total: int, psychosocial: int, risk: Risk
) -> None:
    result = score(answers(agreed, bothersome))
    assert (result.total, result.psychosocial, result.risk) == (total, psychosocial, risk)


@pytest.mark.parametrize(
    ("bothersome", "point"),
    [("not_at_all", 0), ("slightly", 0), ("moderately", 0), ("very_much", 1), ("extremely", 1)],
)
def test_only_very_much_and_extremely_bothersome_score_a_point(bothersome: str, point: int) -> None:
    assert score(answers(bothersome=bothersome)).total == point


def test_a_missing_item_is_not_scored() -> None:
    incomplete = answers()
    del incomplete["worrying_thoughts"]
    with pytest.raises(IncompleteAnswers):
        score(incomplete)
    assert score_or_none(incomplete) is None


def test_an_answer_the_tool_does_not_offer_is_not_scored() -> None:
    assert score_or_none({**answers(), "bothersome": "agree"}) is None
    assert score_or_none("not a mapping") is None


# The Keele STarT Back Screening Tool (9-item), as Keele University licenses it: any change to
# these words needs Keele's permission.
KEELE_WORDING = (
    "My back pain has spread down my leg(s) at some time in the last 2 weeks",
    "I have had pain in the shoulder or neck at some time in the last 2 weeks",
    "I have only walked short distances because of my back pain",
    "In the last 2 weeks, I have dressed more slowly than usual because of back pain",
    "It\u2019s not really safe for a person with a condition like mine to be physically active",
    "Worrying thoughts have been going through my mind a lot of the time",
    "I feel that my back pain is terrible and it\u2019s never going to get any better",
    "In general I have not enjoyed all the things I used to enjoy",
    "Overall, how bothersome has your back pain been in the last 2 weeks?",
)


def test_every_item_keeps_keeles_licensed_wording_exactly() -> None:
    assert tuple(item.text for item in ITEMS) == KEELE_WORDING
    assert [label for _, label in ITEMS[8].choices] == [
        "Not at all",
        "Slightly",
        "Moderately",
        "Very much",
        "Extremely",
    ]
    assert all([label for _, label in item.choices] == ["Disagree", "Agree"] for item in ITEMS[:8])
