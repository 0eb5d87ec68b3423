"""The stages' import direction, pinned: a stage imports only stages at or below its own rank.

core → gazetteer → claims → text → extract → geometry → frontline → events → render/export →
pipeline → cli. ``geo.core`` (and the ``geo.data`` tables) import no stage; every import counts,
including those inside functions, since a deferred import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GEO = Path(__file__).resolve().parents[1] / "geo"

ORDER = (
    "core",
    "gazetteer",
    "claims",
    "text",
    "extract",
    "geometry",
    "frontline",
    "events",
    "render",
    "pipeline",
    "cli",
)
"""The stages, lowest first; the README's pipeline diagram names the same order."""

STAGE_OF = {
    "core": "core",
    "data": "core",
    "errors": "core",
    "schema": "core",
    "distance": "core",
    "gazetteer": "gazetteer",
    "claims": "claims",
    "text": "text",
    "extract": "extract",
    "engine": "extract",
    "merge": "extract",
    "geometry": "geometry",
    "frontline": "frontline",
    "events": "events",
    "render": "render",
    "export": "render",
    "pipeline": "pipeline",
    "cli": "cli",
    "__main__": "cli",
}
"""Top-level module or package of ``geo`` → its stage (``export`` shares render's rank; the old
paths ``geo.errors``/``schema``/``distance`` are aliases of ``geo.core`` modules)."""

RANK = {stage: i for i, stage in enumerate(ORDER)}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "geo" or len(parts) == 1:
        return None
    return STAGE_OF[parts[1]]


def _module_name(path: Path) -> str:
    rel = path.relative_to(GEO.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _sources() -> list[Path]:
    return sorted(p for p in GEO.rglob("*.py") if p != GEO / "__init__.py")


def test_every_module_has_a_stage():
    unknown = {_module_name(p).split(".")[1] for p in _sources()} - set(STAGE_OF)
    assert not unknown, f"modules of no stage (add them to STAGE_OF): {sorted(unknown)}"


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(GEO.parent)))
def test_imports_point_down(path):
    here = _stage(_module_name(path))
    wrong = [
        f"line {line}: {module} ({_stage(module)})"
        for line, module in _imports(path)
        if _stage(module) is not None and RANK[_stage(module)] > RANK[here]
    ]
    assert not wrong, f"{path.name} is in stage {here!r} but imports higher stages: {wrong}"


def test_core_imports_no_stage():
    for path in (GEO / "core").rglob("*.py"):
        stages = {_stage(m) for _, m in _imports(path)} - {None, "core"}
        assert not stages, f"{path} imports {stages}"


def test_readme_names_the_same_order():
    readme = " ".join(
        (GEO.parent / "README.md").read_text(encoding="utf-8").replace("*", "").split()
    )
    assert " → ".join(ORDER[:8]) + " → render/export → pipeline → cli" in readme
