"""Lighthouse's mobile scores for a page, from npm's lighthouse driving Debian's Chromium."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

from tests.support.server import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def scores_from_report(report: dict[str, object]) -> tuple[dict[str, int], list[str]]:
    """The four category scores out of 100, and the title of every audit that lost points."""
    categories = report["categories"]
    audits = report["audits"]
    assert isinstance(categories, dict) and isinstance(audits, dict)
    scores = {name: round(float(categories[name]["score"] or 0) * 100) for name in CATEGORIES}
    lost = set()
    for name in CATEGORIES:
        for ref in categories[name]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.add(f"{name}: {audit['title']}")
    return scores, sorted(lost)


type Run = tuple[dict[str, int], list[str]]


def median_run(runs: list[Run]) -> Run:
    """The run with the median performance score, as Lighthouse's authors advise: one run
    varies with whatever else the machine is doing, and the best of several flatters."""
    ordered = sorted(runs, key=lambda run: run[0]["performance"])
    return ordered[(len(ordered) - 1) // 2]


def run_lighthouse(url: str) -> Run:
    if not LIGHTHOUSE.exists():
        raise RuntimeError("lighthouse is not installed: run `make node-tools`")
    with tempfile.TemporaryDirectory(prefix="backspasm-lighthouse-") as workdir:
        output = Path(workdir) / "report.json"
        completed = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--output=json",
                f"--output-path={output}",
                f"--chrome-path={CHROMIUM}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--form-factor=mobile",
                f"--only-categories={','.join(CATEGORIES)}",
                "--quiet",
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        if completed.returncode != 0 or not output.exists():
            raise RuntimeError(f"lighthouse failed on {url}: {completed.stderr.strip()[-1000:]}")
        return scores_from_report(json.loads(output.read_text()))
