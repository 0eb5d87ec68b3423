"""Hatch build hook: the optional compiled wheel (mypyc), for throughput on large corpora.

Off by default. ``HATCH_BUILD_HOOK_ENABLE_CUSTOM=1 pip install .`` (or ``./scripts/native``)
compiles the modules listed under ``[tool.hatch.build.targets.wheel.hooks.custom] modules`` in
pyproject.toml to C extensions with mypyc and ships them beside their sources; Python imports the
extension first. The compiled modules behave as the pure ones (``tests/test_native.py`` compares
their records on the bench corpora, the seed and the test strings) and run about 1.4× faster.

The compilation runs in a temporary copy of ``geo/``, so a checkout never holds an extension
module that would shadow the source an editable install is meant to run; editable builds stay
pure Python.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="frontline-native",
    packages=[],
    ext_modules=mypycify([*{modules!r}, "--config-file", {config!r}], opt_level="3"),
)
"""


_VALUE = "\n@value\n"
_NATIVE_VALUE = "\n@dataclasses.dataclass(slots=True, unsafe_hash=True)\n"


def _native_values(path: Path) -> None:
    """Spell each ``@value`` class of a module to compile (``geo.core.values``) as the plain
    slotted dataclass it is at run time. mypyc compiles a class to a native one (its attributes
    read as C struct fields) only under decorators it knows, ``dataclasses.dataclass`` among
    them; under ``@value`` it would leave the class a Python class, and the compiled code that
    reads candidates and claim frames 10 % slower. The type check of the sources as written
    (``scripts/test``) has already held the fields read-only."""
    text = path.read_text(encoding="utf-8")
    if _VALUE not in text:
        return
    future = "from __future__ import annotations\n"
    head, found, rest = text.partition(future)
    if not found:
        head, rest = "", text
    path.write_text(
        f"{head}{found}import dataclasses\n{rest.replace(_VALUE, _NATIVE_VALUE)}", encoding="utf-8"
    )


class NativeBuildHook(BuildHookInterface):
    """Compiles the configured modules and adds the extension files to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install runs its sources, as edited
        modules = self.config.get("modules", [])
        if not modules or not all(isinstance(m, str) for m in modules):
            raise TypeError("hooks.custom.modules must be a non-empty list of module paths")
        work = Path(tempfile.mkdtemp(prefix="frontline-native-"))
        self._work = work
        shutil.copytree(
            Path(self.root) / "geo",
            work / "geo",
            ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd", "*.c"),
        )
        for module in modules:
            _native_values(work / module)
        (work / "setup.py").write_text(
            _SETUP.format(modules=modules, config=str(Path(self.root) / "pyproject.toml")),
            encoding="utf-8",
        )
        done = subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace"],
            cwd=work,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise RuntimeError(f"mypyc failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
        built = [
            p
            for p in work.rglob("*")
            if p.suffix in (".so", ".pyd") and p.relative_to(work).parts[0] != "build"
        ]
        stems = {path.parent / path.name.split(".")[0] for path in built}
        missing = [m for m in modules if (work / m).with_suffix("") not in stems]
        if missing:
            raise RuntimeError(f"mypyc built no extension for {', '.join(missing)}")
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(work).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
