"""The vignette command over the shipped vignettes, and its messages when a file is wrong."""

import json
import re
import subprocess
import sys
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

VIGNETTES = sorted((Path(__file__).parent.parent / "vignettes").glob("*.json"))


def run(*files: Path) -> str:
    out = StringIO()
    call_command("triage_vignettes", *map(str, files), stdout=out)
    return out.getvalue()


def test_shipped_vignettes_cover_every_disposition_ten_times_or_more():
    expected = Counter(
        vignette["expected"]
        for path in VIGNETTES
        for vignette in json.loads(path.read_text())["vignettes"]
    )
    assert set(expected) == {"emergency", "urgent", "gp", "self_care"}
    assert min(expected.values()) >= 10
    assert sum(expected.values()) >= 40


def test_shipped_vignettes_have_unique_ids_and_summaries():
    vignettes = [v for path in VIGNETTES for v in json.loads(path.read_text())["vignettes"]]
    assert len({v["id"] for v in vignettes}) == len(vignettes)
    assert all(v["summary"] for v in vignettes)


def test_every_shipped_vignette_passes():
    output = run(*VIGNETTES)

    lines = output.strip().splitlines()
    total = sum(len(json.loads(path.read_text())["vignettes"]) for path in VIGNETTES)
    assert lines[-1] == f"{total} passed, 0 failed"
    assert sum(line.startswith("PASS") for line in lines) == total


def write(tmp_path: Path, vignettes: list[dict[str, object]]) -> Path:
    path = tmp_path / "vignettes.json"
    path.write_text(json.dumps({"vignettes": vignettes}))
    return path


def test_a_failing_vignette_is_reported_and_fails_the_command(tmp_path):
    path = write(
        tmp_path,
        [
            {"id": "right", "findings": {"chest_pain": True}, "expected": "emergency"},
            {"id": "wrong", "findings": {"age": 30}, "expected": "gp"},
        ],
    )
    out = StringIO()

    with pytest.raises(CommandError, match="1 of 2 vignettes did not pass"):
        call_command("triage_vignettes", str(path), stdout=out)

    assert "FAIL  vignettes.json: wrong: expected gp, got self_care (S1)" in out.getvalue()
    assert out.getvalue().strip().endswith("1 passed, 1 failed")


@pytest.mark.parametrize(
    ("vignette", "message"),
    [
        ({"findings": {"saddle_numness": True}, "expected": "emergency"}, "unknown finding id"),
        ({"findings": {"age": "old"}, "expected": "gp"}, "age must be a whole number"),
        ({"findings": {"fever": "yes"}, "expected": "urgent"}, "fever must be true or false"),
        ({"findings": {}, "expected": "a_and_e"}, "unknown disposition 'a_and_e'"),
        ({"findings": [], "expected": "gp"}, "findings must be an object"),
    ],
)
def test_unknown_ids_are_named_clearly(tmp_path, vignette, message):
    out = StringIO()

    with pytest.raises(CommandError):
        call_command("triage_vignettes", str(write(tmp_path, [vignette])), stdout=out)

    assert message in out.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON"), ('{"cases": []}', 'expected {"vignettes": [...]}')],
)
def test_a_broken_file_is_named_clearly(tmp_path, content, message):
    path = tmp_path / "broken.json"
    path.write_text(content)

    with pytest.raises(CommandError, match=re.escape(message)):
        run(path)


def test_a_missing_file_is_named_clearly(tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        run(tmp_path / "missing.json")


def test_the_command_exits_non_zero_with_a_message_not_a_traceback(tmp_path):
    path = write(tmp_path, [{"findings": {"nonsense": True}, "expected": "gp"}])

    result = subprocess.run(
        [sys.executable, "manage.py", "triage_vignettes", str(path)],
        capture_output=True,
        text=True,
        env={"DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )

    assert result.returncode != 0
    assert "unknown finding id 'nonsense'" in result.stdout
    assert "Traceback" not in result.stderr
    assert "0 passed, 1 failed" in result.stdout
