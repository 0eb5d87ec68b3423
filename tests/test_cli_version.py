"""``frontline --version`` names the installed version, the same as ``geo.__version__``."""

from __future__ import annotations

import tomllib
from pathlib import Path

import geo
from geo.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_version_option_prints_the_version(capsys):
    assert main(["--version"]) == 0
    out, err = capsys.readouterr()
    assert out == f"frontline {geo.__version__}\n"  # the editable install runs its sources
    assert err == ""


def test_package_and_project_versions_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert geo.__version__ == project["version"]


def test_help_prose_wraps_at_the_terminal_width_and_examples_keep_their_lines():
    import os
    import subprocess
    import sys

    from geo.cli import reflow

    doc = """Panel.

    One row per place: status is the layer's status where the
    settlement lies inside it.

    Example:

        frontline control panel a.geojson
        frontline control panel b.geojson
    """
    assert reflow(doc).split("\n\n")[1] == (
        "One row per place: status is the layer's status where the settlement lies inside it."
    )
    assert "a.geojson\n    frontline control panel b.geojson" in reflow(doc)
    env = {**os.environ, "COLUMNS": "80", "TERM": "dumb"}
    out = subprocess.run(
        [sys.executable, "-m", "geo", "control", "panel", "--help"],
        capture_output=True, text=True, env=env, check=True,
    ).stdout  # fmt: skip
    lines = [line.rstrip() for line in out.split("╭", 1)[0].splitlines()]
    for line, after in zip(lines, lines[1:], strict=False):
        if line.strip() and after.strip() and not after.startswith("     "):
            # a prose line ends only where the next word would not fit in 80 columns
            assert len(line) + 1 + len(after.split()[0]) > 79, (line, after)
