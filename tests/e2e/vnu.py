"""The Nu HTML Checker (vnu.jar from npm), run once over many pages: the JVM starts slowly."""

import json
import subprocess
from pathlib import Path

from tests.e2e.audit import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(pages: dict[str, str], folder: Path) -> list[str]:
    """Every error the checker reports, as "page name:line: message", for pages named to HTML."""
    paths = []
    for name, html in pages.items():
        path = folder / f"{name}.html"
        path.write_text(html)
        paths.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *paths],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert result.returncode == (1 if messages else 0), result.stderr
    return [
        f"{Path(message.get('url', '')).stem}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
    ]
