"""Every import points down the layers (docs/adr/0017), read from the source with ``ast``.

backspasm (the platform) <- triage, feedback <- selfcare <- content. Imports inside functions
count too: an import made late is still an import.
"""

import ast
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What each of our packages may import of the others.
MAY_IMPORT: dict[str, frozenset[str]] = {
    "backspasm": frozenset(),
    "triage": frozenset({"backspasm"}),
    "feedback": frozenset({"backspasm"}),
    "selfcare": frozenset({"backspasm", "triage"}),
    "content": frozenset({"backspasm", "triage", "selfcare"}),
}
# The platform's wiring, which names every app by design.
WIRING = frozenset({"backspasm/settings.py", "backspasm/urls.py"})
# The checker's public face, the only part of it the apps above may use: the outcome stored for
# this request, the care cards and the safety-netting built from the rules and the tag that
# renders a card, the one medicines text and its tag, the rules applied to a pain score the diary
# records, the duration question the plan asks again, and the everyday words search reads.
TRIAGE_PUBLIC_FACE = frozenset(
    {
        "triage.outcome",
        "triage.cards",
        "triage.templatetags.care_cards",
        "triage.severe_pain",
        "triage.duration",
        "triage.everyday_words",
        "triage.safetynet",
        "triage.medicines",
        "triage.templatetags.medicines",
    }
)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str) -> Iterator[str]:
    """Every module ``source`` imports, relative imports resolved against ``module``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # ``from triage import cards`` imports the module triage.cards.
            yield from (f"{target}.{alias.name}" for alias in node.names)


def upward_imports(files: Iterable[tuple[str, str]]) -> list[str]:
    """Each import that breaks the layers, as "importer -> imported", for (path, source) pairs."""
    found = []
    for path, source in files:
        if path in WIRING:
            continue
        module = module_name(ROOT / path)
        package = module.split(".")[0]
        for imported in imported_modules(source, module):
            target = imported.split(".")[0]
            if target == package or target not in MAY_IMPORT:
                continue
            if target not in MAY_IMPORT[package]:
                found.append(f"{module} -> {imported}")
            elif target == "triage" and not any(
                imported == face or imported.startswith(f"{face}.") for face in TRIAGE_PUBLIC_FACE
            ):
                found.append(f"{module} -> {imported} (not the checker's public face)")
    return found


def our_sources() -> Iterator[tuple[str, str]]:
    for package in MAY_IMPORT:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield str(path.relative_to(ROOT)), path.read_text()


def test_every_import_points_down_the_layers():
    assert upward_imports(our_sources()) == []


# Within the platform the shared web library is the lowest layer: the review workflow and the staff
# accounts stand on it, and it knows nothing of them.
WEB_LIBRARY_MAY_IMPORT = ("backspasm.web", "backspasm.registry", "backspasm.postgres")


def platform_imports_above_the_web_library(files: Iterable[tuple[str, str]]) -> list[str]:
    found = []
    for path, source in files:
        module = module_name(ROOT / path)
        if not module.startswith("backspasm.web"):
            continue
        for imported in imported_modules(source, module):
            if imported.startswith("backspasm.") and not imported.startswith(
                WEB_LIBRARY_MAY_IMPORT
            ):
                found.append(f"{module} -> {imported}")
    return found


def test_the_web_library_imports_nothing_of_the_platform_above_it():
    assert platform_imports_above_the_web_library(our_sources()) == []


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (
            "from backspasm.publishing.review import propose\n",
            "backspasm.web.caching -> backspasm.publishing.review.propose",
        ),
        ("from backspasm import accounts\n", "backspasm.web.caching -> backspasm.accounts"),
    ],
)
def test_a_web_library_import_from_above_is_caught(source: str, problem: str):
    files = [("backspasm/web/caching.py", source)]

    assert platform_imports_above_the_web_library(files) == [problem]


def test_the_graph_covers_the_platform_and_every_app():
    modules = {module_name(ROOT / path) for path, _ in our_sources()}

    assert {
        "backspasm.registry",
        "backspasm.web.caching",
        "backspasm.publishing.review",
        "triage.engine",
        "selfcare.plans",
        "feedback.models",
        "content.markdown",
    } <= modules


@pytest.mark.parametrize(
    ("path", "source", "problem"),
    [
        (
            "backspasm/publishing/review.py",
            "def f():\n    from content.models import Article\n",
            "backspasm.publishing.review -> content.models.Article",
        ),
        (
            "backspasm/web/caching.py",
            "import selfcare.plans\n",
            "backspasm.web.caching -> selfcare.plans",
        ),
        ("triage/views.py", "from selfcare import plans\n", "triage.views -> selfcare.plans"),
        ("selfcare/views.py", "from content.pages import x\n", "selfcare.views -> content.pages.x"),
        ("feedback/views.py", "from content import pages\n", "feedback.views -> content.pages"),
        (
            "selfcare/views.py",
            "from triage.flow import SESSION_KEY\n",
            "selfcare.views -> triage.flow.SESSION_KEY (not the checker's public face)",
        ),
        (
            "selfcare/templatetags/x.py",
            "from ...triage import views\n",
            "selfcare.templatetags.x -> triage.views (not the checker's public face)",
        ),
    ],
)
def test_an_upward_import_is_caught(path: str, source: str, problem: str):
    assert upward_imports([(path, source)]) == [problem]


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("content/markdown.py", "from selfcare.steps import render_self_care_steps\n"),
        ("content/markdown.py", "from triage.cards import CARDS\n"),
        ("selfcare/views.py", "from triage.outcome import stored_outcome\n"),
        ("selfcare/admin.py", "from backspasm.publishing.reviewadmin import ReviewedAdmin\n"),
        ("backspasm/settings.py", "import content.apps\n"),
    ],
)
def test_a_downward_import_is_allowed(path: str, source: str):
    assert upward_imports([(path, source)]) == []
