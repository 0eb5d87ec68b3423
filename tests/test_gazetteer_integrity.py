"""A damaged gazetteer store is one line that says to rebuild it (issue 15, Build 6).

``PRAGMA quick_check`` runs when the store file changed since its last good check (size, mtime
and inode in ``gazetteer.sqlite-checked``), never on every open of an unchanged store. The build
writes beside the last good store and swaps only when it succeeded. Every store here is a COPY
of the default one: the default store is never written. That a failed or killed build leaves
the last good store byte-identical is tested in test_gazetteer_import.py.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from geo.cli import main
from geo.core.errors import GazetteerError
from geo.gazetteer import GazetteerStore
from geo.gazetteer import store as store_module

ROOT = Path(__file__).resolve().parents[1]
ACLED = ROOT / "examples" / "events" / "acled_sample.csv"
REBUILD = "rebuild it with `frontline gazetteer build`"


def _copy(gazetteer_store: GazetteerStore, target: Path) -> Path:
    shutil.copyfile(gazetteer_store.path, target)
    return target


@pytest.fixture(scope="module")
def damaged(gazetteer_store, tmp_path_factory) -> dict[str, Path]:
    """Two damaged copies: 64 KB of garbage in the middle, and the first half only."""
    folder = tmp_path_factory.mktemp("damaged")
    middle = _copy(gazetteer_store, folder / "middle.sqlite")
    size = middle.stat().st_size
    with middle.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(os.urandom(1 << 16))
    truncated = _copy(gazetteer_store, folder / "truncated.sqlite")
    os.truncate(truncated, size // 2)
    return {"middle": middle, "truncated": truncated}


@pytest.fixture()
def sound(gazetteer_store, tmp_path) -> Path:
    return _copy(gazetteer_store, tmp_path / "gazetteer.sqlite")


def _commands(tmp_path: Path) -> dict[str, list[str]]:
    article = tmp_path / "report.txt"
    article.write_text("Russian forces attacked near Bakhmut.", encoding="utf-8")
    return {
        "stats": ["gazetteer", "stats"],
        "geocode": ["geocode", "Bakhmut"],
        "lookup": ["gazetteer", "lookup", "Bakhmut"],
        "events check": ["events", "check", str(ACLED), "-o", str(tmp_path / "checked.csv")],
        "extract": ["extract", str(article), "--published", "2023-03-21", "-q"],
    }


@pytest.mark.parametrize("damage", ["middle", "truncated"])
@pytest.mark.parametrize("command", ["stats", "geocode", "lookup", "events check", "extract"])
def test_a_damaged_store_is_one_line_that_says_rebuild(damaged, tmp_path, capsys, damage, command):
    """Was: garbage in the middle answered geocode silently and made `stats` a traceback; a
    truncated store said "database disk image is malformed" and nothing about rebuilding."""
    path = damaged[damage]
    args = [*_commands(tmp_path)[command], "--gazetteer", str(path)]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert err.startswith(f"frontline: error: {path}: ") and err.endswith(REBUILD), err
    assert not Path(f"{path}{store_module.CHECKED_SUFFIX}").exists()


def test_an_unchanged_store_is_checked_once(sound, monkeypatch):
    calls = []
    real = store_module.quick_check
    monkeypatch.setattr(store_module, "quick_check", lambda conn: calls.append(1) or real(conn))
    GazetteerStore(sound).close()
    assert len(calls) == 1 and Path(f"{sound}-checked").is_file()
    started = time.perf_counter()
    GazetteerStore(sound).close()
    assert len(calls) == 1 and time.perf_counter() - started < 0.5  # no check: ~1 ms
    later = sound.stat().st_mtime_ns + 1_000_000_000
    os.utime(sound, ns=(later, later))  # changed since: checked again
    GazetteerStore(sound).close()
    assert len(calls) == 2


def test_our_own_writes_keep_the_store_checked(sound, monkeypatch):
    store = GazetteerStore(sound)
    with store.write() as conn:
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('note', 'written by a test')")
    store.close()
    monkeypatch.setattr(store_module, "quick_check", lambda conn: pytest.fail("checked again"))
    assert GazetteerStore(sound).meta("note") == "written by a test"


def test_a_record_never_vouches_for_another_file(sound, damaged, tmp_path):
    """The record names size, mtime and inode: a damaged file renamed over a checked one (same
    size) is checked, and refused."""
    GazetteerStore(sound).close()
    replacement = _copy_of(damaged["middle"], tmp_path / "incoming.sqlite")
    os.utime(replacement, ns=(sound.stat().st_atime_ns, sound.stat().st_mtime_ns))
    os.replace(replacement, sound)
    with pytest.raises(GazetteerError, match="damaged"):
        GazetteerStore(sound)


def _copy_of(path: Path, target: Path) -> Path:
    shutil.copyfile(path, target)
    return target


def test_damage_after_the_check_is_still_one_line(sound, capsys):
    """Garbage written with the size and mtime kept (the record still matches): the first query
    that meets it fails, and the CLI turns that into one line too."""
    GazetteerStore(sound).close()
    before = sound.stat()
    with sound.open("r+b") as fh:
        for offset in range(4096, before.st_size, before.st_size // 64):
            fh.seek(offset)
            fh.write(os.urandom(4096))
    os.utime(sound, ns=(before.st_atime_ns, before.st_mtime_ns))
    code = main(["gazetteer", "stats", "--gazetteer", str(sound)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and "\n" not in err and err.endswith(REBUILD), err


def test_a_store_on_a_read_only_file_system_opens_and_is_checked_each_time(sound, monkeypatch):
    """No record can be written there (test_atomic_outputs mounts one for real): still usable."""

    def refuse(*_args, **_kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(Path, "write_text", refuse)
    monkeypatch.setattr(Path, "unlink", refuse)
    calls = []
    real = store_module.quick_check
    monkeypatch.setattr(store_module, "quick_check", lambda conn: calls.append(1) or real(conn))
    for _ in range(2):
        assert GazetteerStore(sound).meta("schema_version") == store_module.SCHEMA_VERSION
    assert len(calls) == 2 and not Path(f"{sound}-checked").exists()
