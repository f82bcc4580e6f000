"""Geometry for the safety charts, drawn by the server as SVG: numbers in, shapes out."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from triage.monitoring import DayRow
from triage.rules import DISPOSITIONS

WIDTH: Final = 640
HEIGHT: Final = 260
LEFT: Final = 44  # room for the count labels
BOTTOM: Final = 36  # room for the day labels
TOP: Final = 12
RIGHT: Final = 8
BAR_SHARE: Final = 0.7  # of each day's band; the rest is the gap between bars
RULE_ROW: Final = 22
RULE_LABEL: Final = 48


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    kind: str  # a disposition or "rule", for the colour
    title: str  # read by screen readers and shown on hover


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    x_labels: tuple[Label, ...]
    y_labels: tuple[Label, ...]
    gridlines: tuple[float, ...]  # y positions

    @property
    def left(self) -> int:
        return LEFT


def nice_step(largest: int, lines: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) that fits ``largest`` in about ``lines``."""
    if largest <= lines:
        return 1
    rough = largest / lines
    power: int = 10 ** math.floor(math.log10(rough))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= rough)


def journeys_by_day(days: Sequence[DayRow], names: Sequence[str]) -> Chart:
    """Stacked bars: one per day, a segment per disposition, most severe at the bottom."""
    plot_height = HEIGHT - TOP - BOTTOM
    band = (WIDTH - LEFT - RIGHT) / max(len(days), 1)
    step = nice_step(max((day.total for day in days), default=0))
    top_value = max(step * math.ceil(max((day.total for day in days), default=0) / step), step)
    scale = plot_height / top_value
    bars: list[Bar] = []
    x_labels: list[Label] = []
    label_every = max(1, math.ceil(len(days) / 7))
    for index, day in enumerate(days):
        x = LEFT + index * band + band * (1 - BAR_SHARE) / 2
        base = float(HEIGHT - BOTTOM)
        for disposition, name, count in zip(DISPOSITIONS, names, day.counts, strict=True):
            if count:
                height = count * scale
                base -= height
                bars.append(
                    Bar(
                        round(x, 1),
                        round(base, 1),
                        round(band * BAR_SHARE, 1),
                        round(height, 1),
                        disposition.value,
                        f"{day.day:%-d %b}: {count} {name}",
                    )
                )
        if index % label_every == 0 or index == len(days) - 1:
            x_labels.append(
                Label(round(x + band * BAR_SHARE / 2, 1), HEIGHT - BOTTOM + 18, f"{day.day:%-d %b}")
            )
    values = range(0, top_value + 1, step)
    return Chart(
        WIDTH,
        HEIGHT,
        tuple(bars),
        tuple(x_labels),
        tuple(Label(LEFT - 6, round(HEIGHT - BOTTOM - v * scale + 4, 1), str(v)) for v in values),
        tuple(round(HEIGHT - BOTTOM - v * scale, 1) for v in values),
    )


def rules_fired(rules: Sequence[tuple[str, int, str]]) -> Chart:
    """Horizontal bars, one per rule: (rule id, journeys, disposition) in table order."""
    height = TOP + len(rules) * RULE_ROW + BOTTOM
    largest = max((count for _, count, _ in rules), default=0)
    step = nice_step(largest)
    top_value = max(step * math.ceil(largest / step), step)
    scale = (WIDTH - RULE_LABEL - RIGHT - 24) / top_value
    bars = tuple(
        Bar(
            RULE_LABEL,
            TOP + index * RULE_ROW + 3,
            round(count * scale, 1),
            RULE_ROW - 6,
            disposition,
            f"{rule}: fired in {count} journeys",
        )
        for index, (rule, count, disposition) in enumerate(rules)
        if count
    )
    return Chart(
        WIDTH,
        height,
        bars,
        tuple(
            Label(round(RULE_LABEL + v * scale, 1), height - BOTTOM + 18, str(v))
            for v in range(0, top_value + 1, step)
        ),
        tuple(
            Label(RULE_LABEL - 6, TOP + index * RULE_ROW + RULE_ROW / 2 + 4, rule)
            for index, (rule, _, _) in enumerate(rules)
        ),
        (),
    )
