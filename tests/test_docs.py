"""The README and the manual in docs/ stay true of the code.

* every ```python block runs (a page's blocks in order, in one namespace, in a temporary folder
  holding ``examples/`` and, when present, ``../shared``); a ```text block right after a Python
  block is its expected standard output;
* relative links point to existing files and anchors;
* ``geo.…`` names and repository paths written as inline code exist;
* docs/cli.md is what scripts/cli_reference.py generates from the commands' ``--help``;
* the README's shape (set-up commands first, size, links to every page, the PATH hint), each page's
  opening paragraph, and the schema and quality-flag tables against the code.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib
import io
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = ROOT / "README.md"
PAGES = [README, *sorted(DOCS.glob("*.md"))]
SHARED = ROOT.parent / "shared"
README_MAX_BYTES = 15_000


@dataclass
class Block:
    lang: str
    code: str
    line: int  # 1-based line of the opening fence
    output: str | None = None  # the ```text block right after a python block


def blocks(path: Path) -> list[Block]:
    """The fenced code blocks of a Markdown file, in order."""
    found: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    last_end = -10
    while i < len(lines):
        fence = re.match(r"^(`{3,})(\S*)\s*$", lines[i])
        if not fence:
            i += 1
            continue
        start, ticks = i, fence.group(1)
        i += 1
        body = []
        while i < len(lines) and lines[i].rstrip() != ticks:
            body.append(lines[i])
            i += 1
        block = Block(fence.group(2), "\n".join(body) + "\n", start + 1)
        adjacent = all(not x.strip() for x in lines[last_end + 1 : start])
        follows = found and found[-1].lang == "python" and found[-1].output is None and adjacent
        if follows and block.lang == "text":
            found[-1].output = block.code
        else:
            found.append(block)
        last_end = i
        i += 1
    return found


def prose(path: Path) -> str:
    """The page without its fenced code blocks (for links and inline code)."""
    return re.sub(
        r"^(`{3,})\S*\n.*?^\1\s*$", "", path.read_text(encoding="utf-8"), flags=re.M | re.S
    )


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- Python blocks -----------------------------------------------------------------------------

PYTHON_PAGES = [p for p in PAGES if any(b.lang == "python" for b in blocks(p))]


@pytest.fixture(scope="module")
def map_assets() -> str | None:
    """None when the map asset cache is filled (npm registry), else why not."""
    from geo.render.assets import fetch_assets

    try:
        fetch_assets()
    except Exception as exc:  # noqa: BLE001 - any failure to reach the registry
        return f"cannot fill the map asset cache from the npm registry: {exc}"
    return None


@pytest.mark.parametrize("page", PYTHON_PAGES, ids=rel)
def test_python_blocks_run(page, tmp_path, monkeypatch, gazetteer_store, map_assets):
    work = tmp_path / "work"
    work.mkdir()
    (work / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    monkeypatch.chdir(work)
    monkeypatch.setenv("FRONTLINE_GAZETTEER", str(gazetteer_store.path))
    namespace: dict = {"__name__": "__docs__"}
    ran, skipped = 0, []
    for block in (b for b in blocks(page) if b.lang == "python"):
        where = f"{rel(page)}:{block.line}"
        if "../shared" in block.code and not SHARED.is_dir():
            skipped.append(f"{where} reads ../shared, which is not present (a fresh clone)")
            continue
        if "self_contained=True" in block.code and map_assets:
            skipped.append(f"{where}: {map_assets}")
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block.code, where, "exec"), namespace)  # noqa: S102 - our own docs
        ran += 1
        if block.output is not None:
            assert out.getvalue().rstrip() == block.output.rstrip(), (
                f"{where}: the output shown after the block is not what it prints:\n"
                + "\n".join(
                    difflib.unified_diff(
                        block.output.rstrip().splitlines(),
                        out.getvalue().rstrip().splitlines(),
                        "shown",
                        "printed",
                        lineterm="",
                    )
                )
            )
    if skipped and not ran:
        pytest.skip("; ".join(skipped))


def test_the_docs_have_python_blocks_to_run():
    assert {"README.md", "docs/index.md", "docs/geocoding.md"} - {rel(p) for p in PAGES} == set()
    assert len(PYTHON_PAGES) >= 6, [rel(p) for p in PYTHON_PAGES]


# --- links and references ----------------------------------------------------------------------


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[`*]|<[^>]+>", "", heading.strip()).lower()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    out = set(re.findall(r'<a id="([^"]+)"', path.read_text(encoding="utf-8")))
    for line in prose(path).splitlines():
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        if heading:
            base = slug(heading.group(1))
            n = seen.get(base, 0)
            seen[base] = n + 1
            out.add(base if n == 0 else f"{base}-{n}")
    return out


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_relative_links_resolve(page):
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", prose(page)):
        if re.match(r"^[a-z]+:", target):
            continue
        file_part, _, anchor = target.partition("#")
        dest = (page.parent / file_part).resolve() if file_part else page
        if not dest.exists():
            broken.append(f"{target}: no file {dest}")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(f"{target}: no heading or <a id> '{anchor}' in {dest.name}")
    assert not broken, f"{rel(page)} has broken links:\n" + "\n".join(broken)


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


REPO_PATH = re.compile(r"^(geo|scripts|tests|examples|docs|gazetteer)/[\w./-]*\.\w+$")


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_code_references_exist(page):
    """`geo.x.y` names import, and repository files named in inline code are there."""
    missing = []
    for span in set(re.findall(r"`([^`\n]+)`", prose(page))):
        if re.fullmatch(r"geo(\.\w+)+", span) and not _resolves(span):
            missing.append(f"{span}: no such module or attribute")
        elif (
            REPO_PATH.match(span)
            and not span.endswith((".sqlite", ".pickle"))
            and not (ROOT / span).exists()
        ):
            missing.append(f"{span}: no such file in the repository")
    assert not missing, f"{rel(page)} names things that do not exist:\n" + "\n".join(missing)


# --- the generated CLI reference ---------------------------------------------------------------


def test_cli_reference_is_current():
    script = ROOT / "scripts" / "cli_reference.py"
    result = subprocess.run(
        [sys.executable, str(script), "--stdout"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        cwd=ROOT,
    )
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    if result.stdout != page:
        diff = "\n".join(
            list(
                difflib.unified_diff(
                    page.splitlines(),
                    result.stdout.splitlines(),
                    "docs/cli.md",
                    "--help",
                    lineterm="",
                )
            )[:40]
        )
        from importlib.metadata import version

        rendered = f"typer {version('typer')}, rich {version('rich')}"
        pytest.fail(f"docs/cli.md is stale: run scripts/cli_reference.py ({rendered})\n{diff}")


def test_cli_reference_covers_every_command():
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    for command in (
        "geocode",
        "extract",
        "run",
        "diff",
        "map",
        "export",
        "gazetteer import",
        "control panel",
        "events join",
        "assets fetch",
    ):
        assert f"## `frontline {command}`" in page


# --- shape of the README and the pages ---------------------------------------------------------


def test_readme_starts_with_the_two_commands_and_stays_short():
    text = README.read_text(encoding="utf-8")
    assert len(text.encode()) <= README_MAX_BYTES, f"README.md is {len(text.encode()):,} bytes"
    before, first = text.split("```", 1)[0], blocks(README)[0]
    assert [line for line in before.splitlines() if line.strip()] == ["# frontline"]
    commands = [line.split("#")[0].strip() for line in first.code.splitlines()]
    assert commands == ["./scripts/demo", "./scripts/test"]


def test_readme_links_every_page_and_says_how_to_reach_the_command():
    text = README.read_text(encoding="utf-8")
    for page in DOCS.glob("*.md"):
        assert f"](docs/{page.name}" in text, f"README.md does not link docs/{page.name}"
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in DOCS.glob("*.md"):
        if page.name != "index.md":
            assert f"]({page.name}" in index, f"docs/index.md does not link {page.name}"
    assert "source .venv/bin/activate" in text and ".venv/bin/frontline" in text
    assert "source .venv/bin/activate" in (ROOT / "scripts" / "demo").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=rel)
def test_each_page_opens_with_what_it_is_for(page):
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# "), f"{rel(page)} does not start with a title"
    first = next(line for line in lines[1:] if line.strip())
    assert re.match(r"^[A-Z`]", first) and not first.startswith(("```", "|", "- ", "#")), (
        f"{rel(page)} should open with a paragraph saying what the page is for"
    )


def _documented_codes(page: str) -> set[str]:
    rows = re.findall(r"^\| `(\w+)` \|", (DOCS / page).read_text(encoding="utf-8"), flags=re.M)
    return set(rows)


def test_schema_page_lists_every_record_column():
    try:
        schema = importlib.import_module("geo.core.schema")
    except ImportError:
        schema = importlib.import_module("geo.schema")
    expected = {
        *schema.EVENT_COLUMNS,
        *schema.ANNOTATION_COLUMNS,
        *schema.MERGE_COLUMNS,
        "geometry",
    }
    assert _documented_codes("schema.md") == expected


def test_events_page_lists_every_quality_flag():
    from geo.events.quality import FLAGS

    assert _documented_codes("events.md") == set(FLAGS)
