"""Check the locked dependencies against the public advisory databases: `make check`.

pip-audit reads uv.lock's export, npm audit reads package-lock.json. Where an advisory database
cannot be reached (no network, a registry mirror without the audit service), this says so in
capitals and exits 0: an unreachable database neither fails the build nor counts as a pass.
pip-audit itself reports "No known vulnerabilities found" when it could check nothing, so every
package it skipped is counted here. Known vulnerabilities exit 1.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"


def audit_python() -> bool:
    """True unless a known vulnerability was found."""
    with tempfile.TemporaryDirectory() as directory:
        requirements = Path(directory) / "requirements.txt"
        exported = subprocess.run(
            [BIN / "uv", "export", "--locked", "--all-groups", "--format", "requirements-txt",
             "--quiet", "--output-file", requirements],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if exported.returncode != 0:
            print(
                f"pip-audit: NOT CHECKED, uv could not export the lock: {exported.stderr.strip()}"
            )
            return True
        result = subprocess.run(
            [BIN / "pip-audit", "--requirement", requirements, "--require-hashes",
             "--disable-pip", "--format", "json", "--progress-spinner", "off"],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
    try:
        dependencies = json.loads(result.stdout)["dependencies"]
    except (ValueError, KeyError):
        reason = (result.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"pip-audit: NOT CHECKED, the advisory database could not be reached ({reason})")
        return True
    skipped = [dependency for dependency in dependencies if "skip_reason" in dependency]
    vulnerable = [dependency for dependency in dependencies if dependency.get("vulns")]
    for dependency in vulnerable:
        ids = ", ".join(vuln["id"] for vuln in dependency["vulns"])
        print(f"pip-audit: {dependency['name']} {dependency['version']}: {ids}")
    checked = len(dependencies) - len(skipped)
    if skipped:
        print(
            f"pip-audit: {len(skipped)} of {len(dependencies)} packages NOT CHECKED, the advisory "
            f"database could not be reached for them ({skipped[0]['skip_reason']})"
        )
    if checked:
        print(f"pip-audit: {checked} packages checked, {len(vulnerable)} with known advisories")
    return not vulnerable


def audit_node() -> bool:
    result = subprocess.run(
        ["npm", "audit", "--json", "--package-lock-only"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    try:
        report = json.loads(result.stdout)
        counts = report["metadata"]["vulnerabilities"]
    except (ValueError, KeyError, TypeError):
        reason = (result.stderr.strip().splitlines() or ["no output"])[0]
        print(f"npm audit: NOT CHECKED, the advisory database could not be reached ({reason})")
        return True
    found = {level: count for level, count in counts.items() if level != "total" and count}
    for name, vulnerability in report.get("vulnerabilities", {}).items():
        print(f"npm audit: {name}: {vulnerability['severity']}")
    print(f"npm audit: front-end build tools checked, {counts.get('total', 0)} known advisories")
    return not found


def main() -> int:
    python_ok = audit_python()
    node_ok = audit_node()
    return 0 if python_ok and node_ok else 1


if __name__ == "__main__":
    sys.exit(main())
