"""Turn an outcome and the person's answers into the words the result pages print.

Templates print these strings; they decide nothing. Pure: the phone numbers come in as data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse

from triage.answers import PREGNANT, Answers
from triage.cards import CARDS, Level
from triage.engine import Outcome
from triage.flow import Kind, Progress
from triage.rules import (
    CONDITIONS,
    EMERGENCY_SCREEN_IDS,
    FINDINGS,
    Disposition,
    EmergencyAction,
    Rule,
)
from triage.safetynet import SafetyNet, safety_net


@dataclass(frozen=True, slots=True)
class Numbers:
    emergency: str
    urgent: str
    crisis_line: str
    crisis_line_name: str


@dataclass(frozen=True, slots=True)
class Reason:
    text: str
    source: str
    answers: tuple[str, ...]  # the person's answers that led to it, in their words


@dataclass(frozen=True, slots=True)
class Result:
    disposition: str
    card_variant: str  # the app-care-card modifier
    heading: str
    call_number: str  # the number to call now or today, "" when there is none
    call_label: str  # the sentence the number sits in, before the number
    actions: tuple[str, ...]  # what to do now
    reasons: tuple[Reason, ...]
    worsening_heading: str
    worsening: tuple[str, ...]
    safety_net: SafetyNet  # this person's own signs to watch for, above the general cards
    cards: tuple[str, ...]  # the general care cards of warning signs, by name, in order
    crisis_line: bool
    crisis_first: bool  # struggling to cope: the crisis line straight after the headline
    self_care: tuple[str, ...]  # self-care advice, only on self-care and GP results
    medicines: bool  # the medicines advice (``triage.medicines``), with the self-care advice
    pregnant: bool  # the medicines advice is the pregnancy version
    plan_url: str  # the self-care plan, on self-care and GP results
    plan_label: str  # the words on the button to the plan
    pregnancy_test: bool  # the person is not sure they are pregnant: suggest a test
    tell_them: tuple[str, ...]  # emergency: the answers that mattered, to read out to staff
    find_a_and_e: str  # emergency, go to A&E: how to find the nearest one


@dataclass(frozen=True, slots=True)
class _Advice:
    """What to do, which differs by disposition."""

    heading: str
    call_label: str
    call_number: str
    actions: tuple[str, ...]
    worsening_heading: str
    worsening: tuple[str, ...]


_CARD_VARIANT = {
    Disposition.EMERGENCY: "emergency",
    Disposition.URGENT: "urgent",
    Disposition.GP: "gp",
    Disposition.SELF_CARE: "self-care",
}

_SELF_CARE_ADVICE: tuple[str, ...] = (
    "Keep moving and carry on with your usual activities as much as you can. Staying in bed "
    "for long makes back pain worse and slower to get better.",
    "Gentle exercise, like walking, helps. Start slowly and do a bit more each day.",
    "Heat, like a warm bath or a wrapped heat pack, can ease spasms. Never put a hot water "
    "bottle or heat pack on skin that feels numb.",
)


def _answer_words(rule: Rule, answers: Answers) -> tuple[str, ...]:
    words: list[str] = []
    for used in rule.uses:
        if used in CONDITIONS and answers.has(used):
            words.append(CONDITIONS[used].label)
        elif used == "age" and answers.age is not None:
            words.append(f"You are {answers.age}")
        elif used == "duration_days" and answers.duration_days is not None:
            words.append(_duration_words(answers.duration_days))
    return tuple(words)


def _duration_words(days: int) -> str:
    if days == 0:
        return "Your back pain started today"
    return f"Your back pain started {days} day{'s' if days != 1 else ''} ago"


def _emergency_action(outcome: Outcome, answers: Answers) -> EmergencyAction:
    """Call an ambulance when any reason calls for one; otherwise go to A&E."""
    actions = {rule.emergency_action for rule in outcome.deciding}
    if None in actions:  # E1, whose emergency-screen findings each say what to do
        actions |= {FINDINGS[id_].action for id_ in answers.findings & EMERGENCY_SCREEN_IDS}
    if EmergencyAction.CALL in actions:
        return EmergencyAction.CALL
    return EmergencyAction.GO_TO_A_AND_E


def _emergency(
    outcome: Outcome, answers: Answers, numbers: Numbers, pregnancy_not_sure: bool
) -> _Advice:
    actions: list[str] = []
    if _emergency_action(outcome, answers) is EmergencyAction.CALL:
        heading = f"Call {numbers.emergency} now"
        call_label = "Call"
        actions.append(
            "Your answers suggest you need an ambulance. Do not wait to see if it gets better."
        )
        if "major_trauma" in answers.findings:
            actions.append(
                "After a serious accident or fall, do not move, and if you are helping someone "
                "who is hurt, do not move them, unless they are in danger."
            )
    else:
        heading = "Go to A&E now"
        call_label = "If you cannot get to A&E, call"
        actions.append(
            "Your answers suggest you need to be seen in hospital straight away. Do not drive "
            f"yourself: ask someone to take you or call {numbers.emergency}."
        )
    if any(rule.cord_compression for rule in outcome.deciding):
        actions.append("Tell them you have cancer and may have spinal cord compression.")
    if answers.pregnant and pregnancy_not_sure:
        actions.append("Tell them you might be pregnant.")
    elif answers.pregnant:
        actions.append("Tell them you are pregnant, and bring your maternity notes if you can.")
    return _Advice(
        heading=heading,
        call_label=call_label,
        call_number=numbers.emergency,
        actions=tuple(actions),
        worsening_heading="While you wait",
        worsening=(
            "If you feel worse while you wait, or cannot get help quickly, call "
            f"{numbers.emergency}.",
            "If you can, ask someone to stay with you.",
        ),
    )


def _urgent(answers: Answers, numbers: Numbers, pregnancy_not_sure: bool) -> _Advice:
    heading = "Get medical help today"
    actions: tuple[str, ...] = (
        "Ask your GP surgery for an urgent appointment today.",
        f"If you cannot get one, or the surgery is closed, call {numbers.urgent}.",
    )
    if answers.pregnant and pregnancy_not_sure:
        # No maternity team yet: the surgery or the urgent line, told about the pregnancy.
        actions = (
            "Ask your GP surgery for an urgent appointment today, and tell them you might be "
            "pregnant.",
            f"If you cannot get one, or the surgery is closed, call {numbers.urgent} and tell "
            "them you might be pregnant.",
        )
    elif answers.pregnant:
        heading = "Contact your maternity unit or midwife now"
        actions = (
            "Your answers suggest you need to be checked by your maternity team today. Do not "
            "wait for your next appointment.",
            f"If you cannot reach them, call {numbers.urgent}.",
        )
    return _Advice(
        heading=heading,
        call_label="Call",
        call_number=numbers.urgent,
        actions=actions,
        worsening_heading="If you get worse before you are seen",
        worsening=(
            f"Call {numbers.emergency} or go to A&E if you get any of the signs below, or you "
            "feel much worse.",
        ),
    )


def _gp(answers: Answers, numbers: Numbers) -> _Advice:
    if answers.pregnant:
        heading = "See a GP or your midwife about your back pain"
        actions: tuple[str, ...] = (
            "Book an appointment with a GP or your midwife in the next 1 to 2 weeks.",
            "Tell them you are pregnant, or could be.",
        )
    else:
        heading = "See a GP about your back pain"
        actions = (
            "Book an appointment with a GP in the next 1 to 2 weeks.",
            "In many areas you can also refer yourself to a physiotherapist without seeing a GP.",
        )
    return _Advice(
        heading=heading,
        call_label="",
        call_number="",
        actions=actions,
        worsening_heading="Get help sooner if things change",
        worsening=(
            f"Ask for an urgent GP appointment or call {numbers.urgent} if the pain gets much "
            "worse or you get any of the signs below.",
        ),
    )


def _self_care(numbers: Numbers) -> _Advice:
    return _Advice(
        heading="You can look after your back at home",
        call_label="",
        call_number="",
        actions=(
            "Your back pain should start to get better within a few weeks. Follow the advice "
            "below and the self-care plan.",
        ),
        worsening_heading="When to get help",
        worsening=(
            "Most back pain starts to get better within 3 weeks. See a GP if yours does not, "
            "and get help sooner if you get any of the signs below.",
        ),
    )


# The general warning signs each result lists after this person's own (``triage.safetynet``),
# beyond the cauda equina signs: what would make anyone seek help sooner than the result says.
_SOONER_CARDS: dict[Disposition, tuple[str, ...]] = {
    Disposition.EMERGENCY: (),
    Disposition.URGENT: ("common-call-999",),
    Disposition.GP: ("common-urgent",),
    Disposition.SELF_CARE: ("common-urgent",),
}


def _cards(disposition: Disposition, answers: Answers) -> tuple[str, ...]:
    """The care cards a result shows, most urgent first, as the spec's journey rules ask."""
    cards: list[str] = []
    if disposition is not Disposition.EMERGENCY or "sciatica" in answers.findings:
        cards.append("cauda-equina")
    cards.extend(_SOONER_CARDS[disposition])
    levels = list(Level)
    return tuple(sorted(cards, key=lambda name: levels.index(CARDS[name].level)))


def _tell_them(outcome: Outcome, answers: Answers) -> tuple[str, ...]:
    """The answers behind an emergency, once each, in a list short enough to read out."""
    if outcome.disposition is not Disposition.EMERGENCY:
        return ()
    told = [words for rule in outcome.deciding for words in _answer_words(rule, answers)]
    if answers.pregnant:
        told.append(CONDITIONS[PREGNANT].label)
    if answers.age is not None:
        told.append(f"You are {answers.age}")
    return tuple(dict.fromkeys(told))


def present_result(
    outcome: Outcome,
    answers: Answers,
    numbers: Numbers,
    today: date,
    pregnancy_not_sure: bool = False,
) -> Result:
    """Everything the result page prints for this outcome.

    ``today`` dates the GP rules that count days; ``pregnancy_not_sure``: the person answered
    "not sure", which the rules count as pregnant.
    """
    disposition = outcome.disposition
    if disposition is Disposition.EMERGENCY:
        advice = _emergency(outcome, answers, numbers, pregnancy_not_sure)
    elif disposition is Disposition.URGENT:
        advice = _urgent(answers, numbers, pregnancy_not_sure)
    elif disposition is Disposition.GP:
        advice = _gp(answers, numbers)
    else:
        advice = _self_care(numbers)
    offers_plan = disposition in {Disposition.GP, Disposition.SELF_CARE}
    onset = today - timedelta(days=answers.duration_days or 0)
    reasons = tuple(
        Reason(rule.reason, rule.source, _answer_words(rule, answers)) for rule in outcome.deciding
    )
    return Result(
        disposition=disposition.value,
        card_variant=_CARD_VARIANT[disposition],
        heading=advice.heading,
        call_number=advice.call_number,
        call_label=advice.call_label,
        actions=advice.actions,
        reasons=reasons,
        worsening_heading=advice.worsening_heading,
        worsening=advice.worsening,
        safety_net=safety_net(answers, disposition, onset, pregnancy_not_sure=pregnancy_not_sure),
        cards=_cards(disposition, answers),
        crisis_line="not_coping" in answers.findings or disposition is Disposition.URGENT,
        crisis_first="not_coping" in answers.findings,
        self_care=_SELF_CARE_ADVICE if offers_plan else (),
        medicines=offers_plan,
        pregnant=answers.pregnant,
        plan_url="/self-care/plan/" if offers_plan else "",
        plan_label=(
            "Get a self-care plan for the days before your appointment"
            if disposition is Disposition.GP
            else "Get your self-care plan"
        ),
        pregnancy_test=answers.pregnant and pregnancy_not_sure,
        tell_them=_tell_them(outcome, answers),
        find_a_and_e=(
            "Not every hospital has an A&E. If you do not know where your nearest one is, call "
            f"{numbers.urgent} and they will tell you, or call {numbers.emergency}."
            if disposition is Disposition.EMERGENCY
            and _emergency_action(outcome, answers) is EmergencyAction.GO_TO_A_AND_E
            else ""
        ),
    )


@dataclass(frozen=True, slots=True)
class AnswerRow:
    question: str
    answer: tuple[str, ...]  # one line per chosen item
    change_url: str
    change_label: str  # visually hidden words after "Change"
    nothing_found: bool = False  # "None of these" or "No": folded into one row on the page


def present_answers(progress: Progress) -> tuple[AnswerRow, ...]:
    """The "check your answers" rows, one per answered question."""
    rows: list[AnswerRow] = []
    for step, value in progress.answered:
        nothing_found = False
        if step.kind is Kind.CHECKBOXES:
            assert isinstance(value, list)
            chosen = {finding.id for finding in step.findings if finding.id in value}
            lines = tuple(f.label for f in step.findings if f.id in chosen) or ("None of these",)
            nothing_found = not chosen
        elif step.kind is Kind.YES_NO:
            lines = ("Yes" if value else "No",)
            nothing_found = not value
        elif step.kind is Kind.CHOICE:
            lines = (dict(step.choices)[str(value)],)
            nothing_found = value == "no"
        elif step.kind is Kind.DURATION:
            assert isinstance(value, int)
            lines = (f"{value} day{'' if value == 1 else 's'} ago",)
        else:
            lines = (f"{value} {step.suffix}",)
        rows.append(
            AnswerRow(
                question=step.summary,
                answer=lines,
                change_url=reverse("triage:question", kwargs={"slug": step.slug}),
                change_label=step.summary.lower(),
                nothing_found=nothing_found,
            )
        )
    return tuple(rows)


def fold_answers(
    rows: tuple[AnswerRow, ...],
) -> tuple[tuple[AnswerRow, ...], tuple[AnswerRow, ...]]:
    """The rows that say something, and the "None of these" and "No" rows, which the page folds
    into one line (most answers on a calm route are one of those, and a row each buried the
    button far below the first screen)."""
    return (
        tuple(row for row in rows if not row.nothing_found),
        tuple(row for row in rows if row.nothing_found),
    )
