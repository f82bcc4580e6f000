"""The hazard log's evidence stays true: every test it names exists."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HAZARD_LOG = ROOT / "docs" / "clinical-safety.md"
# `tests/file.py::test_name`, or `::test_name` for another test in the file named last.
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)?::(test_\w+)`")


def named_tests() -> list[tuple[str, str]]:
    current, named = "", []
    for match in REFERENCE.finditer(HAZARD_LOG.read_text()):
        current = match.group(1) or current
        named.append((current, match.group(2)))
    return named


def test_every_test_the_hazard_log_names_exists():
    named = named_tests()
    missing = [
        f"{path}::{name}" for path, name in named if f"def {name}(" not in (ROOT / path).read_text()
    ]

    assert len(named) >= 100
    assert missing == []


def test_every_hazard_has_causes_controls_evidence_and_residual_risk():
    detail = HAZARD_LOG.read_text().split("## Hazards in detail")[1]
    sections = detail.split("\n### ")[1:]

    numbers = [section.split(".")[0] for section in sections]
    assert numbers == [f"H{n}" for n in range(1, len(sections) + 1)]
    assert len(sections) >= 13
    for section in sections:
        for part in ("**Causes**", "**Effect and harm**", "**Controls**", "**Residual risk**"):
            assert part in section, f"{section.splitlines()[0]}: {part}"
        assert "Evidence: `tests/" in section
