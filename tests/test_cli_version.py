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
    assert out == f"frontline {geo.__version__}\n"
    assert err == ""


def test_package_and_project_versions_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert geo.__version__ == project["version"]
