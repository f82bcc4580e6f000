"""Run clinical vignettes through the engine the web checker uses, and report any that disagree.

    python manage.py triage_vignettes tests/vignettes/*.json

Prints one line per vignette, then ``N passed, N failed``; exits non-zero when any vignette fails
or names a finding or disposition the contract does not define.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from triage.engine import UnknownFindingError, answers_from_findings, parse_disposition, triage


class Command(BaseCommand):
    help = "Check that every vignette in the given JSON files gets its expected disposition."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        passed = failed = 0
        for path in options["files"]:
            for number, vignette in enumerate(_vignettes(path), start=1):
                name = f"{path.name}: {vignette.get('id') or f'vignette {number}'}"
                try:
                    expected = parse_disposition(vignette.get("expected"))
                    findings = vignette.get("findings")
                    if not isinstance(findings, dict):
                        raise UnknownFindingError("findings must be an object of finding ids")
                    outcome = triage(answers_from_findings(findings))
                except UnknownFindingError as error:
                    failed += 1
                    self.stdout.write(self.style.ERROR(f"ERROR {name}: {error}"))
                    continue
                rules = ", ".join(rule.id for rule in outcome.deciding)
                if outcome.disposition is expected:
                    passed += 1
                    self.stdout.write(f"PASS  {name}: {expected} ({rules})")
                else:
                    failed += 1
                    self.stdout.write(
                        self.style.ERROR(
                            f"FAIL  {name}: expected {expected}, "
                            f"got {outcome.disposition} ({rules})"
                        )
                    )
        summary = f"{passed} passed, {failed} failed"
        if failed:
            self.stdout.write(self.style.ERROR(summary))
            raise CommandError(f"{failed} of {passed + failed} vignettes did not pass")
        self.stdout.write(self.style.SUCCESS(summary))


def _vignettes(path: Path) -> list[dict[str, Any]]:
    """The vignettes of one file, or a one-line error saying what is wrong with it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"{path}: cannot read the file ({error.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CommandError(f"{path}: not valid JSON ({error})") from None
    vignettes = data.get("vignettes") if isinstance(data, dict) else None
    if not isinstance(vignettes, list) or not all(isinstance(v, dict) for v in vignettes):
        raise CommandError(f'{path}: expected {{"vignettes": [...]}} with one object per vignette')
    return vignettes
