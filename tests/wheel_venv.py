"""A fresh virtual environment holding one built wheel of frontline, for tests of what a wheel
installs (``tests/test_wheel.py``, ``tests/test_native.py``).

The wheel goes in with ``--no-deps``; its dependencies come from this test run's environment
through a ``.pth`` line (so no network is needed), which adds their folder but not the editable
install's finder: ``import geo`` there resolves to the wheel's copy."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path


def venv_with_wheel(wheel: Path, folder: Path) -> tuple[Path, Path]:
    """(python, site-packages) of a new environment in ``folder / "venv"`` with ``wheel``."""

    def run(args: list[str]) -> str:
        done = subprocess.run(args, cwd=folder, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{args} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        return done.stdout

    venv = folder / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    site = Path(
        run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        ).strip()
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ]
    )
    return python, site
