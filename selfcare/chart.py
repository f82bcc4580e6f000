"""Geometry of the pain chart, drawn on the server as SVG so it works without JavaScript."""

from collections.abc import Sequence
from dataclasses import dataclass

from selfcare.diary import Entry
from selfcare.plans import EASED_PAIN_SCORE, MAX_PAIN_SCORE

WIDTH = 400
HEIGHT = 240
LEFT = 32
RIGHT = 16
TOP = 16
BOTTOM = 40
MAX_DATE_LABELS = 5
# Room inside the plot so the first and last date labels are not cut off at the edges.
INSET = 24


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    entry: Entry


@dataclass(frozen=True, slots=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    points: tuple[Point, ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    eased_y: float
    x_start: float
    x_end: float

    @property
    def polyline(self) -> str:
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)


def _y(pain: int) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - pain / MAX_PAIN_SCORE)


def draw(entries: Sequence[Entry]) -> Chart:
    """Days spread across the width by date, so a gap in the diary shows as a gap in time."""
    x_start, x_end = LEFT + INSET, WIDTH - RIGHT - INSET
    points: list[Point] = []
    if entries:
        first = entries[0].day
        span = max((entries[-1].day - first).days, 1)
        for entry in entries:
            fraction = (entry.day - first).days / span if len(entries) > 1 else 0.5
            points.append(Point(x_start + (x_end - x_start) * fraction, _y(entry.pain), entry))
    step = max(1, -(-len(points) // MAX_DATE_LABELS))
    labelled = list(points[::step])
    if labelled and labelled[-1] is not points[-1]:
        # Always label the latest day; replacing keeps the labels apart.
        labelled[-1] = points[-1]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        points=tuple(points),
        y_ticks=tuple(Tick(_y(pain), str(pain)) for pain in range(0, MAX_PAIN_SCORE + 1, 2)),
        x_ticks=tuple(Tick(point.x, point.entry.day.strftime("%-d %b")) for point in labelled),
        eased_y=_y(EASED_PAIN_SCORE),
        x_start=x_start,
        x_end=x_end,
    )
