"""The triage engine: answers in, disposition and the rules that led to it out.

Pure functions over plain data, shared by the web checker, the vignette command and the tests.
A finding that is not known counts as absent and an unknown number reads as ``None``, so running
the engine on part of a journey is sound: every rule needs something present to fire, and adding
a finding never lowers the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from triage.answers import PREGNANT, Answers
from triage.rules import FINDINGS, NUMBERS, RULES, Disposition, Rule


@dataclass(frozen=True, slots=True)
class Outcome:
    disposition: Disposition
    fired: tuple[Rule, ...]  # every rule that applies, in table order
    deciding: tuple[Rule, ...] = field(default=())  # the fired rules that reached the disposition


def triage(answers: Answers) -> Outcome:
    """The most severe disposition any rule reaches, with the rules that reached it."""
    fired = tuple(rule for rule in RULES if rule.applies(answers))
    disposition = max((rule.disposition for rule in fired), key=lambda d: d.severity)
    deciding = tuple(rule for rule in fired if rule.disposition is disposition)
    return Outcome(disposition=disposition, fired=fired, deciding=deciding)


class UnknownFindingError(ValueError):
    """A vignette or client named a finding or gave a value the contract does not define."""


def answers_from_findings(values: Mapping[str, object]) -> Answers:
    """Build answers from the flat ``{"finding_id": true, "age": 42}`` form vignettes use.

    Raises UnknownFindingError on an id the contract does not define or a value of the wrong type.
    """
    present: set[str] = set()
    numbers: dict[str, int | None] = dict.fromkeys(NUMBERS)
    pregnant = False
    for key, value in values.items():
        if key in NUMBERS:
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise UnknownFindingError(
                    f"{key} must be a whole number of 0 or more, not {value!r}"
                )
            numbers[key] = value
        elif key in FINDINGS or key == PREGNANT:
            if not isinstance(value, bool):
                raise UnknownFindingError(f"{key} must be true or false, not {value!r}")
            if key == PREGNANT:
                pregnant = value
            elif value:
                present.add(key)
        else:
            raise UnknownFindingError(f"unknown finding id {key!r}")
    return Answers(
        findings=frozenset(present),
        age=numbers["age"],
        duration_days=numbers["duration_days"],
        pain_score=numbers["pain_score"],
        pregnant=pregnant,
    )


def parse_disposition(value: object) -> Disposition:
    """The disposition a vignette expects; raises UnknownFindingError on anything else."""
    if isinstance(value, str) and value in {d.value for d in Disposition}:
        return Disposition(value)
    known = ", ".join(d.value for d in Disposition)
    raise UnknownFindingError(f"unknown disposition {value!r} (expected one of {known})")
