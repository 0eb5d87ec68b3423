"""The compiled wheel (mypyc, ``scripts/build_native.py``) gives the records the pure sources give.

The wheel is built as ``./scripts/native`` builds it (the hook enabled by
``HATCH_BUILD_HOOK_ENABLE_CUSTOM=1``), installed into a fresh virtual environment that borrows
this run's dependencies through a ``.pth`` line (as ``tests/test_wheel.py`` does), and run over a
corpus of real-shaped text: the bench's generated English, Ukrainian and Russian articles, the
bundled example report, the channel fixtures, the seed when ``../shared`` is present, and every
sentence-length string the test files hold (each written to exercise a case). Its records must
equal the editable install's, field for field. Needs a C compiler and the Python headers
(``.ci/run`` installs gcc); without them the test skips and says so.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from geo.gazetteer import default_path
from tests.wheel_venv import venv_with_wheel

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_ce6ce7db5390928b.txt"
MODULES = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"][
    "build"
]["targets"]["wheel"]["hooks"]["custom"]["modules"]
DUMP = """\
import json, sys
from geo.extract import extract_records
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for record in extract_records(sys.argv[2:]):
        out.write(json.dumps(record, sort_keys=True, ensure_ascii=False, default=str) + "\\n")
"""


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _can_compile() -> str | None:
    """Why this machine cannot build C extensions, or None when it can."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler}) on this machine"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python headers (Python.h) for this interpreter"
    return None


@pytest.fixture(scope="module")
def native_python(tmp_path_factory) -> Path:
    """A Python whose ``geo`` is the compiled wheel's."""
    reason = _can_compile()
    if reason is not None:
        pytest.skip(f"the compiled wheel cannot be built: {reason}")
    out = tmp_path_factory.mktemp("native")
    env = {**os.environ, "HATCH_BUILD_HOOK_ENABLE_CUSTOM": "1"}
    pip = [sys.executable, "-m", "pip"]
    _run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
         cwd=out, env=env)  # fmt: skip
    wheel = next(out.glob("frontline-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert not wheel.name.endswith("-none-any.whl"), "the compiled wheel is tagged pure Python"
    for module in MODULES:
        stem = module.removesuffix(".py")
        assert any(n.startswith(stem + ".") and n.endswith((".so", ".pyd")) for n in names), module
    python, _site = venv_with_wheel(wheel, out)
    return python


def _native_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": "", "FRONTLINE_GAZETTEER": str(default_path())}


def test_every_listed_module_imports_as_an_extension(native_python, tmp_path):
    names = [m.removesuffix(".py").replace("/", ".") for m in MODULES]
    probe = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    print(name, importlib.import_module(name).__file__)\n"
    )
    lines = _run([str(native_python), "-c", probe], cwd=tmp_path, env=_native_env()).splitlines()
    for line in lines:
        name, where = line.split(" ", 1)
        assert where.endswith(tuple(sysconfig.get_config_var("EXT_SUFFIX").split())), line
        assert str(ROOT) not in where, f"{name} came from the checkout, not the wheel"
    assert len(lines) == len(MODULES)
    version = _run([str(native_python), "-m", "geo", "--version"], cwd=tmp_path, env=_native_env())
    assert version.endswith(" (compiled)\n")


def _test_strings() -> list[str]:
    """Every string constant of the test files that reads as prose (20–4,000 characters)."""
    found: list[str] = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if 20 <= len(text) <= 4000 and " " in text and not text.startswith(("{", "<")):
                    found.append(text)
    return sorted(set(found))


def _corpus(folder: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from bench_extract import write_corpus
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    paths = []
    for lang in ("en", "uk", "ru"):
        path = folder / f"bench_{lang}.jsonl"
        write_corpus(path, 40, seed=11, lang=lang)
        paths.append(path)
    strings = folder / "test_strings.jsonl"
    with strings.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(_test_strings()):
            fh.write(json.dumps({"id": f"s{i}", "text": text, "published": "2023-03-21"}) + "\n")
    paths.append(strings)
    paths.append(ROOT / "examples" / "sitrep_2023-03-21.txt")
    paths += sorted((ROOT / "tests" / "data" / "channels").glob("*"))
    paths.append(ROOT / "tests" / "data" / "ukru" / "passages.jsonl")
    if SEED.is_file():
        paths.append(SEED)
    return paths


def test_compiled_records_equal_the_pure_records(native_python, tmp_path):
    corpus = _corpus(tmp_path)
    script = tmp_path / "dump.py"
    script.write_text(DUMP, encoding="utf-8")
    pure, native = tmp_path / "pure.jsonl", tmp_path / "native.jsonl"
    _run([sys.executable, str(script), str(pure), *map(str, corpus)], cwd=tmp_path,
         env={**os.environ, "FRONTLINE_GAZETTEER": str(default_path())})  # fmt: skip
    _run([str(native_python), str(script), str(native), *map(str, corpus)], cwd=tmp_path,
         env=_native_env())  # fmt: skip
    pure_lines = pure.read_text(encoding="utf-8").splitlines()
    native_lines = native.read_text(encoding="utf-8").splitlines()
    assert len(pure_lines) > 2000  # the corpus is broad: every language, thousands of records
    assert {json.loads(line)["lang"] for line in pure_lines} >= {"en", "uk", "ru"}
    for i, (a, b) in enumerate(zip(pure_lines, native_lines, strict=False)):
        assert a == b, f"record {i} differs:\npure:     {a[:600]}\ncompiled: {b[:600]}"
    assert len(native_lines) == len(pure_lines)


def test_compiled_workers_give_the_single_process_records(native_python, tmp_path):
    """Batches travel to worker processes pickled; a channel's claimant rides with each message
    (a frozen class the compiled build cannot unpickle attribute by attribute)."""
    channels = ROOT / "tests" / "data" / "channels"
    corpus = [channels / "result.json", channels / "feed.rss", *_corpus(tmp_path)[:1]]
    out = {}
    for name, python, env, workers in (
        ("pure", sys.executable, {**os.environ, "FRONTLINE_GAZETTEER": str(default_path())}, "1"),
        ("native", str(native_python), _native_env(), "2"),
    ):
        path = tmp_path / f"{name}.geojson"
        _run([python, "-m", "geo", "extract", *map(str, corpus), "--workers", workers,
              "-q", "-o", str(path)], cwd=tmp_path, env=env)  # fmt: skip
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        out[name] = sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in features)
    assert len(out["pure"]) > 1000
    assert any("GeneralStaffZSU" in f for f in out["pure"])  # the channel's messages are in
    assert out["native"] == out["pure"]


# The suite's files about finding, reading and placing names: run again on the compiled modules.
EXTRACTION_TESTS = [
    "test_mentions.py",
    "test_mentions_uk_ru.py",
    "test_extract.py",
    "test_claims.py",
    "test_claims_uk_ru.py",
    "test_claims_unstated.py",
    "test_uk_ru_sitreps.py",
    "test_english_reports.py",
    "test_gazetteer_resolve.py",
    "test_namesake_lists.py",
    "test_official_towns.py",
    "test_no_place_contexts.py",
    "test_cyrillic_regions.py",
    "test_cyrillic_list_members.py",
    "test_chains_campaigns_units.py",
    "test_metonymy_uk_ru.py",
    "test_rivers_and_bridges.py",
    "test_speakers.py",
    "test_datelines.py",
    "test_merge.py",
]


def test_the_extraction_tests_pass_on_the_compiled_modules(native_python, tmp_path):
    """The tests run in the compiled build's Python from outside the checkout, with the
    compiled modules imported before pytest starts, so every test meets those (the checkout
    comes last on the path, for the tests' imports of each other)."""
    names = [m.removesuffix(".py").replace("/", ".") for m in MODULES]
    tests = [str(ROOT / "tests" / name) for name in EXTRACTION_TESTS]
    args = [
        "-q",
        "-p",
        "no:cacheprovider",
        "--rootdir",
        str(ROOT),
        "-c",
        str(ROOT / "pyproject.toml"),
    ]
    run = (
        "import importlib, sys, pytest\n"
        f"sys.path.append({str(ROOT)!r})  # 'from tests.… import': after the wheel's geo\n"
        f"for name in {names!r}:\n"
        "    where = importlib.import_module(name).__file__\n"
        "    assert where.endswith(('.so', '.pyd')), where\n"
        f"sys.exit(pytest.main({[*args, *tests]!r}))\n"
    )
    done = subprocess.run([str(native_python), "-c", run], cwd=tmp_path, env=_native_env(),
                          capture_output=True, text=True, timeout=1800)  # fmt: skip
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    passed = re.search(r"(\d+) passed", done.stdout.splitlines()[-1])
    assert passed is not None and int(passed.group(1)) > 1000, done.stdout[-500:]
