"""Safety-netting for this person: the signs that would make their result more urgent (spec v4).

Worked out from the rules' own data, the same ``needs_all``/``needs_any`` the engine reads, never
from a list written per case:

- a combination emergency rule (E4-E8) that has not fired but is one sign away from firing: that
  sign, in its own words, with the rule's action. A situation (``Role.SITUATION``: age,
  pregnancy, cancer, injecting drugs, a weak immune system, a recent spinal procedure) is what
  makes a rule half-met; it is never a sign to watch for.
- an emergency sign on its own that the rules data says people in this situation, or with this
  sign, watch for (``Finding.watch_when``): jaundice with upper tummy pain, the pregnancy
  emergency in pregnancy, the sepsis and meningitis signs with a temperature.
- in pregnancy, the maternity signs, with who to contact for "yes" and for "not sure", and the
  labour advice for "yes".
- on a self-care result, each GP rule that can still apply, on the day it would.

Pure: answers and a date in, care cards out (``triage.cards.Card``, rendered like every other).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from triage.answers import PREGNANT, Answers
from triage.cards import (
    A_AND_E_ACTION,
    CALL_NOW_ACTION,
    CARDS,
    CORD_COMPRESSION_NOTE,
    GP_ACTION,
    MATERNITY_ACTION,
    MATERNITY_HEADING,
    Card,
    Group,
    Level,
    Number,
    Sign,
    Words,
)
from triage.rules import (
    CONDITIONS,
    FINDINGS,
    RULES,
    SITUATIONS,
    Disposition,
    EmergencyAction,
    Rule,
)

# The longest a check's duration can be (the plan's limit): a rule counting more days is moot.
LAST_DAY = 365
# A pain score that meets every rule reading the score.
WORST_PAIN = 10

CALL_WATCH_HEADING: Words = ("Call ", Number.EMERGENCY, " now if you get any of these")
A_AND_E_WATCH_HEADING: Words = ("Go to A&E now if you get any of these",)
NOT_SURE_HEADING: Words = ("Get help today if you get any of these",)
NOT_SURE_ACTION: Words = (
    "Contact your GP surgery today or call ",
    Number.URGENT,
    ", and tell them you might be pregnant.",
)
GP_WATCH_HEADING: Words = ("See a GP if any of these happen",)
LABOUR = (
    "Tightenings or back pain that come and go in waves at 37 weeks or later can be labour: "
    "call your maternity unit."
)

if TYPE_CHECKING:
    from triage.outcome import CheckerOutcome


@dataclass(frozen=True, slots=True)
class Watch:
    """One sign to watch for, and the rule it would meet."""

    rule: str
    finding: str  # the finding id whose words are shown
    meets: str = ""  # the rule's own condition, where the words shown are another's (watch_as)


@dataclass(frozen=True, slots=True)
class SafetyNet:
    cards: tuple[Card, ...]  # most urgent first
    labour: str  # "" unless the person said they are pregnant

    @property
    def get_help_now(self) -> tuple[Card, ...]:
        """The cards that say get help now or today; the plan keeps the GP card with its notes."""
        return tuple(card for card in self.cards if card.level is not Level.GP)

    @property
    def see_a_gp(self) -> tuple[Card, ...]:
        return tuple(card for card in self.cards if card.level is Level.GP)

    def with_general(self, names: tuple[str, ...]) -> tuple[Card, ...]:
        """The get-help-now cards joined with the named general cards, for a page with little
        room (the plan on one sheet): a card of the person's and a general card that say the
        same thing to do become one, the person's own signs first; most urgent first."""
        general = [CARDS[name] for name in names]
        cards: list[Card] = []
        for level in Level:
            own = [card for card in self.get_help_now if card.level is level]
            others = [card for card in general if card.level is level]
            if not own or not others or own[0].groups[0].action != others[0].groups[0].action:
                cards.extend((*own, *others))
                continue
            groups: list[Group] = []
            for group in (*own[0].groups, *(g for card in others for g in card.groups)):
                same = next((g for g in groups if g.action == group.action), None)
                if same is None:
                    groups.append(group)
                else:
                    signs = (*same.signs, *(s for s in group.signs if s not in same.signs))
                    groups[groups.index(same)] = replace(same, signs=signs)
            # An action for only some signs goes last, so the card's main action reads first.
            groups.sort(key=lambda g: g.action != own[0].groups[0].action)
            cards.append(replace(others[0], groups=tuple(groups)))
        return tuple(cards)


def is_combination(rule: Rule) -> bool:
    """A rule met by two things together (E4-E8), not by one finding alone (E1-E3)."""
    return len(rule.needs_all) + bool(rule.needs_any) + bool(rule.numbers) >= 2


def _with(answers: Answers, condition: str) -> Answers:
    if condition == PREGNANT:
        return replace(answers, pregnant=True)
    return replace(answers, findings=answers.findings | {condition})


def half_met(answers: Answers) -> tuple[Watch, ...]:
    """For each combination emergency rule that has not fired, each still-false sign that would
    fire it, in the order of the rules."""
    watches: list[Watch] = []
    for rule in RULES:
        if (
            rule.disposition is not Disposition.EMERGENCY
            or not is_combination(rule)
            or rule.applies(answers)
        ):
            continue
        for condition in (*rule.needs_all, *rule.needs_any):
            if condition in SITUATIONS or answers.has(condition):
                continue
            if rule.applies(_with(answers, condition)):
                shown = FINDINGS[condition].watch_as or condition
                watches.append(Watch(rule.id, shown, condition))
    return tuple(watches)


def _emergency_rule_of(finding_id: str) -> Rule:
    """The rule that makes a sign an emergency on its own (E1 for the emergency screen)."""
    return next(
        rule
        for rule in RULES
        if rule.disposition is Disposition.EMERGENCY
        and (rule.needs_all == (finding_id,) or finding_id in rule.needs_any)
        and not is_combination(rule)
    )


def watched_alone(answers: Answers) -> tuple[Watch, ...]:
    """The emergency signs on their own that this person's situation or signs call for."""
    return tuple(
        Watch(_emergency_rule_of(finding.id).id, finding.id)
        for finding in FINDINGS.values()
        if finding.watch_when
        and not answers.has(finding.id)
        and any(answers.has(condition) for condition in finding.watch_when)
    )


def _action(watch: Watch) -> EmergencyAction:
    rule = next(rule for rule in RULES if rule.id == watch.rule)
    action = rule.emergency_action or FINDINGS[watch.finding].action
    assert action is not None, f"{rule.id} names no emergency action"
    return action


def _emergency_card(
    name: str, level: Level, heading: Words, action: Words, watches: list[Watch]
) -> Card:
    """One group of signs with the action, and a second for the signs that need something said
    on arrival (cancer and possible spinal cord compression)."""
    rules = {rule.id: rule for rule in RULES}
    told = {w.finding for w in watches if rules[w.rule].cord_compression}
    findings = tuple(dict.fromkeys(w.finding for w in watches))
    groups = tuple(
        Group((), signs, action_words)
        for signs, action_words in (
            (tuple(_sign(f) for f in findings if f not in told), action),
            (tuple(_sign(f) for f in findings if f in told), (*action, " ", CORD_COMPRESSION_NOTE)),
        )
        if signs
    )
    return Card(name, level, heading, groups, "The signs that would make this result an emergency.")


def _sign(finding: str) -> Sign:
    return Sign(finding, (FINDINGS[finding].label,))


def _emergency_cards(watches: tuple[Watch, ...]) -> tuple[Card, ...]:
    call = [w for w in watches if _action(w) is EmergencyAction.CALL]
    a_and_e = [w for w in watches if _action(w) is EmergencyAction.GO_TO_A_AND_E]
    cards = []
    if call:
        cards.append(
            _emergency_card("watch-999", Level.CALL_999, CALL_WATCH_HEADING, CALL_NOW_ACTION, call)
        )
    if a_and_e:
        cards.append(
            _emergency_card(
                "watch-a-and-e", Level.A_AND_E, A_AND_E_WATCH_HEADING, A_AND_E_ACTION, a_and_e
            )
        )
    return tuple(cards)


def _maternity_rules() -> tuple[Rule, ...]:
    """The maternity rules for a pregnant person, less any another of them already covers
    (U3 where U2 applies)."""
    rules = [rule for rule in RULES if rule.maternity]
    pregnant = [rule for rule in rules if PREGNANT in rule.uses]
    covered = {c for rule in pregnant for c in rule.uses if c not in SITUATIONS}
    return tuple(
        rule
        for rule in rules
        if rule in pregnant or not {c for c in rule.uses if c not in SITUATIONS} <= covered
    )


def _maternity_card(not_sure: bool) -> Card:
    signs = tuple(
        Sign(condition, (CONDITIONS[condition].label,))
        for rule in _maternity_rules()
        for condition in rule.uses
        if condition not in SITUATIONS
    )
    heading, action = (
        (NOT_SURE_HEADING, NOT_SURE_ACTION) if not_sure else (MATERNITY_HEADING, MATERNITY_ACTION)
    )
    return Card(
        "pregnancy-warning-signs",
        Level.URGENT,
        heading,
        (Group((), tuple(dict.fromkeys(signs)), action),),
        "The pregnancy warning signs, with who to contact.",
    )


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def _first_day(rule: Rule, answers: Answers) -> int | None:
    """The first day of the pain, from today on, on which the rule would apply, if there is one
    (today when, with the signs it words, it would apply already)."""
    days = range(answers.duration_days or 0, LAST_DAY + 1)
    # A rule that counts days, once it applies, applies on every later day (the rules are
    # monotone: each count is a lower bound), so the first day is found by halving the range.
    first = bisect_left(
        days, True, key=lambda day: rule.applies(replace(answers, duration_days=day))
    )
    return days[first] if first < len(days) else None


def gp_watches(answers: Answers, onset: date) -> tuple[Sign, ...]:
    """Each GP rule that can still apply to this person, in its own words: first the ones that
    count days, by the day they would apply, then the others in the order of the rules."""
    dated: dict[str, tuple[int, str]] = {}  # the words, to the first day any rule says them
    undated: list[Sign] = []
    for rule in RULES:
        if rule.disposition is not Disposition.GP or rule.applies(answers):
            continue
        if rule.watch:
            probe = answers
            if not rule.watch_if_present:
                for condition in rule.needs_all:
                    probe = _with(probe, condition)
            days = _first_day(rule, probe)
            if days is not None and days < dated.get(rule.watch, (LAST_DAY + 1, ""))[0]:
                dated[rule.watch] = (days, rule.id)
        elif rule.numbers == ("pain_score",):
            if rule.applies(replace(answers, pain_score=WORST_PAIN)):
                undated.append(Sign(rule.id, (rule.also[:1].upper() + rule.also[1:],)))
        else:
            undated.extend(
                Sign(condition, (CONDITIONS[condition].label,))
                for condition in (*rule.needs_all, *rule.needs_any)
                if condition not in SITUATIONS
                and not answers.has(condition)
                and rule.applies(_with(answers, condition))
            )
    by_day = sorted((days, words, rule_id) for words, (days, rule_id) in dated.items())
    return (
        *(
            Sign(rule_id, (words.format(date=long_date(onset + timedelta(days=days))),))
            for days, words, rule_id in by_day
        ),
        *undated,
    )


def safety_net(
    answers: Answers,
    disposition: Disposition,
    onset: date,
    *,
    pregnancy_not_sure: bool = False,
) -> SafetyNet:
    """The cards for a result, and for the plan and diary built on it.

    ``onset``: the day the pain started, for the GP rules that count days.
    """
    # An emergency result keeps what the person watches for on the way (the pregnancy cards, a
    # temperature's signs): half-met rules and GP rules cannot raise it.
    emergency = disposition is Disposition.EMERGENCY
    watches = watched_alone(answers) if emergency else (*watched_alone(answers), *half_met(answers))
    cards = list(_emergency_cards(watches))
    if answers.pregnant:
        cards.append(_maternity_card(pregnancy_not_sure))
    if disposition is Disposition.SELF_CARE and (signs := gp_watches(answers, onset)):
        cards.append(
            Card(
                "watch-gp",
                Level.GP,
                GP_WATCH_HEADING,
                (Group((), signs, GP_ACTION),),
                "The GP rules that can still apply to this person.",
            )
        )
    levels = list(Level)
    cards.sort(key=lambda card: levels.index(card.level))
    labour = LABOUR if answers.pregnant and not pregnancy_not_sure else ""
    return SafetyNet(tuple(cards), labour)


def safety_net_for(
    outcome: CheckerOutcome, onset: date, *, duration_days: int | None, pain_score: int | None
) -> SafetyNet:
    """The safety-netting of a finished check, for the plan and diary built on it: their own
    count of days and latest pain score stand in for the ones the check recorded."""
    answers = Answers(
        findings=outcome.findings,
        age=outcome.age,
        duration_days=duration_days,
        pain_score=pain_score,
        pregnant=outcome.pregnant,
    )
    return safety_net(
        answers,
        Disposition(outcome.disposition),
        onset,
        pregnancy_not_sure=outcome.pregnancy_not_sure,
    )
