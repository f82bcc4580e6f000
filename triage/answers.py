"""What a person told the checker, as plain data the rules and the engine read."""

from __future__ import annotations

from dataclasses import dataclass

PREGNANT = "pregnant"


@dataclass(frozen=True, slots=True)
class Answers:
    findings: frozenset[str] = frozenset()  # ids of the findings the person has
    age: int | None = None
    duration_days: int | None = None
    pain_score: int | None = None
    pregnant: bool = False  # "yes" or "not sure": both count as pregnant

    def has(self, condition: str) -> bool:
        """Whether a finding id, or ``pregnant``, is present in these answers."""
        return condition in self.findings or (condition == PREGNANT and self.pregnant)

    @property
    def conditions(self) -> frozenset[str]:
        """Every condition present: the findings, and ``pregnant`` when it applies."""
        return self.findings | {PREGNANT} if self.pregnant else self.findings
