"""A crash loses nothing: every file is written aside and renamed over the target, and
``frontline run`` builds its folder aside and swaps it in under a lock. A failure, a full disk,
a read-only folder or a real SIGKILL leaves the previous output byte-identical and no partial
file, with one line naming the path; a second run into the same folder stops with one line."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from test_render_fixtures import sample_events

from geo.cli import main
from geo.core.errors import InputError
from geo.core.io import atomic_folder, atomic_path, output_lock, write_csv, write_events, write_text
from geo.core.io import files as files_module
from geo.pipeline import RUN_OUTPUTS

ROOT = Path(__file__).resolve().parents[1]
SITREP = ROOT / "examples" / "sitrep_2023-03-21.txt"
CONTROL = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"date": "2025-01-07", "source": "test", "status": "occupied"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[37.5, 47.5], [38.5, 47.5], [38.5, 48.5], [37.5, 48.5], [37.5, 47.5]]
                ],
            },
        }
    ],
}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, hidden ones too, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def hidden(folder: Path) -> list[str]:
    """What a writer may have left beside its outputs: temporaries, folders aside, locks."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("frontline: error: ")
    return lines[0]


# -- one file --------------------------------------------------------------------------------------


def test_failed_write_keeps_the_previous_file_and_no_temporary(tmp_path):
    target = write_text(tmp_path / "out.json", "previous")
    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        temp.write_text("half of the new one")
        raise RuntimeError("the writer failed half-way")
    assert target.read_text() == "previous"
    assert os.listdir(tmp_path) == ["out.json"]


def _fail_half_way(path_of):
    """A library write that writes part of its file, then finds the disk full."""

    def write(*args, **kwargs):
        Path(path_of(args, kwargs)).write_bytes(b"x" * 8192)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return write


def _gdal_disk_full(frame, path, **_kwargs):
    from pyogrio.errors import DataSourceError

    Path(path).write_bytes(b"SQLite format 3\0" + b"\0" * 8192)
    raise DataSourceError(
        "sqlite3_exec(CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL)) failed: "
        "database or disk is full"
    )


DISK_FULL = {  # the library call that writes each format, and where its path argument is
    "geojson": ("pathlib.Path.write_text", 0),
    "csv": ("pandas.DataFrame.to_csv", 1),
    "kml": ("pathlib.Path.write_text", 0),  # the document is built in memory, then written
    "png": ("matplotlib.figure.Figure.savefig", 1),
}


@pytest.mark.parametrize("fmt", ["geojson", "csv", "kml", "gpkg", "png"])
def test_disk_full_is_one_line_and_keeps_the_previous_file(tmp_path, monkeypatch, fmt):
    from geo.render.static import write_static

    frame = sample_events()
    target = tmp_path / f"events.{fmt}"
    target.write_bytes(b"previous output")
    if fmt == "gpkg":
        monkeypatch.setattr("pyogrio.write_dataframe", _gdal_disk_full)
    else:
        name, at = DISK_FULL[fmt]
        monkeypatch.setattr(name, _fail_half_way(lambda args, _kwargs: args[at]))
    with pytest.raises(InputError) as info:
        if fmt == "png":
            write_static(frame, target)
        else:
            write_events(frame, target)
    assert str(info.value).startswith(f"{target}: cannot write (")
    assert ("disk is full" if fmt == "gpkg" else "No space left on device") in str(info.value)
    assert "\n" not in str(info.value)
    assert target.read_bytes() == b"previous output"
    assert os.listdir(tmp_path) == [target.name]  # no 8 KB partial file


def test_disk_full_at_the_rename(tmp_path, monkeypatch):
    target = write_csv(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    before = target.read_bytes()

    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(InputError, match="t.csv: cannot write .No space left on device"):
        write_csv(pd.DataFrame({"a": [2]}), target)
    assert target.read_bytes() == before and os.listdir(tmp_path) == ["t.csv"]


def _mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@pytest.fixture()
def small_disk(tmp_path):
    """A folder on a real 4 MB tmpfs (a map with its basemap is ~0.6 MB): root with the right
    to mount (as in CI), else skip."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real full disk needs root to mount a small tmpfs")
    done = _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder))
    if done.returncode:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture()
def read_only(tmp_path):
    """A function that makes a folder read-only for this process: mode 555 for a normal user;
    for root, whom modes do not stop, a read-only bind mount of it (else skip)."""
    mounted: list[Path] = []

    def make(folder: Path) -> None:
        if os.geteuid() != 0:
            folder.chmod(0o555)
            return
        if shutil.which("mount") is None or _mount("--bind", str(folder), str(folder)).returncode:
            pytest.skip("root ignores file modes and cannot bind-mount a read-only folder here")
        mounted.append(folder)
        if _mount("-o", "remount,bind,ro", str(folder)).returncode:
            pytest.skip("cannot remount the folder read-only here")

    yield make
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    for folder in tmp_path.rglob("*"):
        if folder.is_dir():
            folder.chmod(0o755)


WRITERS = ["geojson", "csv", "kml", "gpkg", "png", "map", "report"]


def _write(kind: str, frame, folder: Path) -> Path:
    from geo.render import build_map, write_map
    from geo.render.report import write_report
    from geo.render.static import write_static

    if kind == "png":
        return write_static(frame, folder / "map.png")
    if kind == "map":
        return write_map(build_map(frame), folder / "map.html")
    if kind == "report":
        return write_report(frame, folder / "report.html")
    return write_events(frame, folder / f"events.{kind}")


@pytest.mark.parametrize("kind", WRITERS)
def test_a_really_full_disk_keeps_the_previous_file(small_disk, kind):
    frame = sample_events()
    target = _write(kind, frame.iloc[:1], small_disk)
    before = target.read_bytes()
    free = shutil.disk_usage(small_disk).free
    (small_disk / "ballast").write_bytes(b"\0" * max(free - 4096, 0))
    big = pd.concat([frame] * 40, ignore_index=True)
    big["quote"] = "x" * 2000
    with pytest.raises(InputError) as info:
        _write(kind, big, small_disk)
    assert str(info.value).startswith(f"{target}: cannot write (") and "\n" not in str(info.value)
    assert target.read_bytes() == before
    assert sorted(os.listdir(small_disk)) == sorted(["ballast", target.name])


@pytest.mark.parametrize("kind", WRITERS)
def test_read_only_folder_is_one_line_and_keeps_the_previous_file(tmp_path, read_only, kind):
    folder = tmp_path / "out"
    folder.mkdir()
    target = _write(kind, sample_events().iloc[:2], folder)
    before = target.read_bytes()
    read_only(folder)
    with pytest.raises(InputError) as info:
        _write(kind, sample_events(), folder)
    message = str(info.value)  # the folder, checked before any work, or the file itself
    early, late = f"{folder}: cannot write in this folder (", f"{target}: cannot write ("
    assert message.startswith((early, late))
    assert "\n" not in message
    assert "Read-only file system" in message or "Permission denied" in message
    assert target.read_bytes() == before and os.listdir(folder) == [target.name]


# -- the lock --------------------------------------------------------------------------------------


def test_second_writer_is_refused_with_the_holders_pid(tmp_path):
    target = tmp_path / "run"
    with output_lock(target) as lock:
        assert lock.read_text().strip() == str(os.getpid())
        with pytest.raises(InputError) as info, output_lock(target):
            pass
    assert str(info.value) == (
        f"{target}: frontline process {os.getpid()} is writing it; wait for it to finish or "
        "choose another output (lock .run.lock)"
    )
    assert not lock.exists()  # released and removed


def test_lock_waits_for_the_holder_when_asked(tmp_path):
    target = tmp_path / "run"
    held = threading.Event()

    def hold():
        with output_lock(target):
            held.set()
            time.sleep(0.4)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    started = time.monotonic()
    with output_lock(target, wait=5):
        waited = time.monotonic() - started
    thread.join()
    assert 0.2 < waited < 5


def test_lock_of_a_killed_process_is_free(tmp_path):
    target = tmp_path / "run"
    code = (
        "import sys, time; from geo.core.io import output_lock\n"
        "with output_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(60)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    with pytest.raises(InputError, match=f"frontline process {proc.pid} is writing it"):
        with output_lock(target):
            pass
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert (tmp_path / ".run.lock").read_text().strip() == str(proc.pid)  # stale file left …
    with output_lock(target) as lock:  # … and free: the kernel dropped the dead holder's lock
        assert lock.read_text().strip() == str(os.getpid())
    assert not lock.exists()


# -- a folder swapped in whole ---------------------------------------------------------------------


def _previous_run(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    for name in RUN_OUTPUTS:
        (folder / name).write_text(f"previous {name}")
    return snapshot(folder)


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_folder_is_swapped_in_whole(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(files_module, "_exchange", lambda _a, _b: False)
    target = tmp_path / "run"
    _previous_run(target)
    with atomic_folder(target, replaces=RUN_OUTPUTS) as work:
        assert work.parent == tmp_path and work != target
        (work / "map.html").write_text("new")
        assert (target / "map.html").read_text() == "previous map.html"
    assert snapshot(target) == {"map.html": b"new"}
    assert hidden(tmp_path) == []


def test_failed_folder_keeps_the_previous_one(tmp_path):
    target = tmp_path / "run"
    before = _previous_run(target)
    with pytest.raises(KeyboardInterrupt), atomic_folder(target, replaces=RUN_OUTPUTS) as work:
        (work / "events.geojson").write_text('{"type": "Feature')
        raise KeyboardInterrupt
    assert snapshot(target) == before and hidden(tmp_path) == []


def test_a_folder_of_other_files_is_never_replaced(tmp_path):
    target = tmp_path / "maps"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="holds files this command did not write .notes.txt."):
        with atomic_folder(target, replaces=RUN_OUTPUTS):
            pass
    assert (target / "notes.txt").read_text() == "mine"


def test_kill_between_the_two_renames_is_undone_next_time(tmp_path):
    """The state a kill leaves between renaming the previous folder aside and the new one in
    (where renameat2 is missing): the next writer puts the previous folder back first."""
    target = tmp_path / "run"
    before = _previous_run(target)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    target.rename(tmp_path / f".~run.{dead.pid}.old")
    (tmp_path / f".~run.{dead.pid}.tmp").mkdir()
    with pytest.raises(RuntimeError), atomic_folder(target, replaces=RUN_OUTPUTS):
        raise RuntimeError("this run fails too")
    assert snapshot(target) == before and hidden(tmp_path) == []


# -- frontline run ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def previous_run(tmp_path_factory) -> Path:
    """A real ``frontline run`` folder: the previous output the tests below must keep."""
    out = tmp_path_factory.mktemp("previous") / "run"
    assert main(["run", str(SITREP), "--published", "2023-03-21", "-o", str(out)]) == 0
    return out


def _copy_run(previous: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    target = tmp_path / "run"
    shutil.copytree(previous, target)
    return target, snapshot(target)


@pytest.mark.parametrize("stdin", [False, True], ids=["empty-file", "empty-stdin"])
def test_run_without_claims_is_one_line_and_writes_nothing(tmp_path, capsys, monkeypatch, stdin):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    if stdin:
        monkeypatch.setattr("sys.stdin", open(empty))  # noqa: SIM115 - closed by the test's end
    assert main(["run", "-" if stdin else str(empty), "-o", str(tmp_path / "r")]) == 2
    line = one_error_line(capsys)
    assert "no claims found in the input (1 document read, 0 place mentions)" in line
    assert f"nothing to map; {tmp_path / 'r'} was not written" in line
    assert sorted(os.listdir(tmp_path)) == ["empty.txt"]  # no empty folder, no lock, no temp


def test_run_without_claims_keeps_the_previous_folder(tmp_path, capsys, previous_run):
    target, before = _copy_run(previous_run, tmp_path)
    (tmp_path / "nothing.txt").write_text("The weather was fine all week.")
    assert main(["run", str(tmp_path / "nothing.txt"), "-o", str(target)]) == 2
    one_error_line(capsys)
    assert snapshot(target) == before and hidden(tmp_path) == []


def test_run_without_claims_but_a_control_layer_maps_the_layer(tmp_path, capsys):
    (tmp_path / "nothing.txt").write_text("The weather was fine all week.")
    control = tmp_path / "control_20250107.geojson"
    control.write_text(json.dumps(CONTROL))
    out = tmp_path / "r"
    args = ["run", str(tmp_path / "nothing.txt"), "--control", str(control), "-o", str(out)]
    assert main(args) == 0
    assert "the map shows the control layers only" in capsys.readouterr().err
    assert sorted(os.listdir(out)) == sorted(RUN_OUTPUTS)
    assert json.loads((out / "events.geojson").read_text())["features"] == []


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("a file"), "is a file; give a folder for the outputs"),
        (
            lambda p: (p.mkdir(), (p / "keep.png").write_bytes(b"png")),
            "holds files this command did not write (keep.png)",
        ),
        (  # a folder of an output's name is the user's, with all it holds
            lambda p: (
                (p / "map.html").mkdir(parents=True),
                (p / "map.html/notes.txt").write_text("mine"),
            ),
            "holds files this command did not write (map.html/)",
        ),
    ],
    ids=["file", "folder-of-other-files", "folder-named-like-an-output"],
)
def test_run_into_what_it_must_not_replace(tmp_path, capsys, make, message):
    target = tmp_path / "out"
    make(target)
    before = target.read_bytes() if target.is_file() else snapshot(target)
    assert main(["run", str(SITREP), "-o", str(target)]) == 2
    assert message in one_error_line(capsys)
    assert (target.read_bytes() if target.is_file() else snapshot(target)) == before


PAUSED = """
import os, sys, time
from pathlib import Path

import geo.core.io.files as files

marker, name, nth = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
real, calls = getattr(os, name), [0]


def paused(*args, **kwargs):
    calls[0] += 1
    if calls[0] == nth:
        marker.write_text(repr(args))
        time.sleep(120)
    return real(*args, **kwargs)


setattr(os, name, paused)
files._exchange = lambda a, b: False  # the two-rename swap, so a kill can fall between them
from geo.cli import main

sys.exit(main(sys.argv[4:]))
"""


def _start_paused(tmp_path: Path, name: str, nth: int, *args: str) -> subprocess.Popen:
    """The CLI in a child that stops for good at its ``nth`` call of ``os.name``."""
    marker = tmp_path / "paused"
    proc = subprocess.Popen(
        [sys.executable, "-c", PAUSED, str(marker), name, str(nth), *args],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "the child never reached the write"
        time.sleep(0.05)
    return proc


def _kill(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


def test_run_killed_mid_write_keeps_the_previous_folder_and_locks_out_a_second_run(
    tmp_path, capsys, previous_run
):
    work = tmp_path / "work"
    work.mkdir()
    target, before = _copy_run(previous_run, work)
    # events.geojson is written; map.html is complete under its temporary name, not renamed
    args = ["run", str(SITREP), "--published", "2023-03-21", "-o", str(target)]
    proc = _start_paused(tmp_path, "replace", 2, *args)
    assert main(args) == 2  # a second run into the same folder meanwhile: one line
    line = one_error_line(capsys)
    assert f"{target}: frontline process {proc.pid} is writing it" in line
    _kill(proc)
    assert snapshot(target) == before
    assert hidden(work) == [".run.lock", f".~run.{proc.pid}.tmp"]  # the dead run's leftovers …
    assert main(args) == 0  # … which the next run clears
    assert hidden(work) == [] and sorted(os.listdir(target)) == sorted(RUN_OUTPUTS)


def test_run_killed_mid_swap_is_put_back_by_the_next_run(tmp_path, capsys, previous_run):
    work = tmp_path / "work"
    work.mkdir()
    target, before = _copy_run(previous_run, work)
    args = ["run", str(SITREP), "--published", "2023-03-21", "-o", str(target)]
    proc = _start_paused(tmp_path, "rename", 2, *args)  # previous folder aside, new one not in
    _kill(proc)
    assert not target.exists()
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["run", str(empty), "-o", str(target)]) == 2  # fails, but first puts it back
    one_error_line(capsys)
    assert snapshot(target) == before and hidden(work) == []


def _valid_run(folder: Path) -> bool:
    files = snapshot(folder)
    json.loads(files["events.geojson"])
    return sorted(files) == sorted(RUN_OUTPUTS) and all(
        files[name].rstrip().endswith(b"</html>") for name in ("map.html", "report.html")
    )


@pytest.mark.parametrize("delay", [0.3, 2.5, 3.5])
def test_run_killed_at_any_moment_leaves_one_whole_folder(tmp_path, previous_run, delay):
    """Real kills of an unmodified ``frontline run`` at several moments: the folder is always
    the previous one byte for byte, or the new one complete."""
    target, before = _copy_run(previous_run, tmp_path)
    (target / "events.geojson").write_bytes(b'{"type": "FeatureCollection", "features": []}')
    before = snapshot(target)
    proc = subprocess.Popen(
        [sys.executable, "-m", "geo", "run", str(SITREP), "-o", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert snapshot(target) == before or _valid_run(target)


# -- frontline export ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["geojson", "csv", "gpkg"])
def test_export_killed_before_the_rename_keeps_the_previous_file(tmp_path, fmt):
    source = write_events(sample_events(), tmp_path / "events.geojson")
    out = tmp_path / "out"
    target = write_events(sample_events().iloc[:2], out / f"export.{fmt}")
    before = target.read_bytes()
    proc = _start_paused(
        tmp_path, "replace", 1, "export", str(source), "-f", fmt, "-o", str(target)
    )
    _kill(proc)
    assert target.read_bytes() == before
    assert [p.name for p in out.iterdir() if p.name != target.name] == [
        f".~export.{proc.pid}.tmp.{fmt}"  # the whole new file, never renamed …
    ]
    assert main(["export", str(source), "-f", fmt, "-o", str(target)]) == 0
    assert os.listdir(out) == [target.name]  # … and removed by the next export


def test_export_killed_while_gdal_writes_keeps_the_previous_geopackage(tmp_path):
    """A real kill of an unmodified ``frontline export`` while GDAL fills the temporary
    GeoPackage (a large table, so the write takes a while)."""
    frame = sample_events()
    frame["quote"] = frame["quote"].str[:200]
    frame = pd.concat([frame] * 800, ignore_index=True)
    frame["event_id"] = [f"e{i}" for i in range(len(frame))]
    source = write_events(frame, tmp_path / "events.csv")
    out = tmp_path / "out"
    target = write_events(sample_events(), out / "events.gpkg")
    before = target.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-m", "geo", "export", str(source), "-f", "gpkg", "-o", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".~") for p in out.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline, "export ended before a write"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert target.read_bytes() == before


# -- caches: the scanner pickle and the asset packages ---------------------------------------------


def _tiny_store(folder: Path):
    from geo.gazetteer import GazetteerStore
    from geo.gazetteer.store import SCHEMA_VERSION, Place, add_names, upsert_place

    store = GazetteerStore(folder / "gazetteer.sqlite", create=True)
    store.conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
    store.conn.execute("INSERT INTO meta VALUES ('built', '2025-01-01T00:00:00Z')")
    with store.write() as conn:
        upsert_place(conn, Place("t:1", "Bakhmut", "settlement", "PPL", 70000, "UA", None, None,
                                 48.59, 38.0, "test"))  # fmt: skip
        add_names(conn, [("bakhmut", "t:1", "Bakhmut", "latin", "official", "test", "")])
    return store


def test_damaged_scanner_cache_is_rebuilt(tmp_path, caplog):
    from geo.text.mentions import MentionScanner

    store = _tiny_store(tmp_path)
    cache = MentionScanner.cache_path(store)
    cache.write_bytes(b"cfrontline_gone\nScanner\n.")  # a class renamed since it was written
    MentionScanner(store)
    assert "unreadable" in caplog.text
    MentionScanner(store)  # the rebuilt cache loads
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer.sqlite", cache.name]


def test_a_scanner_cache_of_another_version_stays_and_one_of_another_build_goes(tmp_path):
    """Two installs of different versions sharing a gazetteer each keep their cache; a cache of
    an earlier build of the store is removed when this build's is written."""
    from geo.text.mentions import MentionScanner

    store = _tiny_store(tmp_path)
    built = MentionScanner.cache_path(store).name.rsplit("-", 3)[-3:]
    other_version = tmp_path / f"gazetteer.sqlite.scan-v0-{'-'.join(built)}"
    other_version.write_bytes(b"another version's cache")
    other_build = tmp_path / "gazetteer.sqlite.scan-v0-2020-01-01T000000Z.pickle"
    other_build.write_bytes(b"an earlier build's cache")
    MentionScanner(store)
    assert other_version.exists() and not other_build.exists()
    assert MentionScanner.cache_path(store).exists()


def test_an_edited_word_table_is_a_new_scanner_cache(tmp_path, monkeypatch):
    """The word table's axes are phrases of the automaton: a table edited by an upgrade (a new
    axis) with the same gazetteer build must not load the automaton built from the old one."""
    from geo.text import cyrillic
    from geo.text.mentions import MentionScanner

    store = _tiny_store(tmp_path)
    first = MentionScanner.cache_path(store)
    MentionScanner(store)
    assert first.exists()
    monkeypatch.setattr(cyrillic, "table_digest", lambda: "0123456789")
    edited = MentionScanner.cache_path(store)
    assert edited != first and not edited.exists()
    MentionScanner(store)
    assert edited.exists()


def test_scanner_works_uncached_beside_a_read_only_store(tmp_path, read_only, caplog):
    from geo.text.mentions import MentionScanner

    folder = tmp_path / "gaz"
    folder.mkdir()
    _tiny_store(folder).close()
    stale = folder / "gazetteer.sqlite.scan-v0-old.pickle"
    stale.write_bytes(b"an older build's cache")
    read_only(folder)
    from geo.gazetteer import GazetteerStore

    scanner = MentionScanner(GazetteerStore(folder / "gazetteer.sqlite"))
    assert [key for *_, key in scanner.scan("Shelling of Bakhmut went on.")] == ["bakhmut"]
    assert "could not cache the scanner" in caplog.text and stale.exists()


def _tarball(files: dict[str, bytes]) -> bytes:
    import io
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


class _Registry:
    """Just enough of requests.Session for fetch_package: metadata, then the tarball."""

    def __init__(self, tarball: bytes) -> None:
        self.tarball = tarball

    def get(self, url: str, timeout: float):
        class Response:
            content = self.tarball

            def raise_for_status(self) -> None:
                pass

            def json(self) -> dict:
                return {"dist": {"tarball": "https://registry.invalid/pkg.tgz"}}

        return Response()


def test_asset_package_is_unpacked_aside_and_swapped_in(tmp_path, monkeypatch):
    from geo.render import assets

    monkeypatch.setenv("FRONTLINE_ASSET_CACHE", str(tmp_path))
    files = {"package.json": b"{}", "dist/a.js": b"var a;"}
    old = tmp_path / "pkg@1.0.0"
    old.mkdir()
    (old / "dist").mkdir()
    (old / "dist" / "a.js").write_bytes(b"half")  # a package a killed fetch left incomplete

    def fail(_content, folder):
        (folder / "package.json").write_bytes(b"{}")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(assets, "_unpack", fail)
    with pytest.raises(assets.AssetError, match="cannot write .*pkg@1.0.0 .No space left"):
        assets.fetch_package("pkg", "1.0.0", session=_Registry(_tarball(files)))
    assert snapshot(old) == {"dist/a.js": b"half"} and hidden(tmp_path) == []
    monkeypatch.undo()
    monkeypatch.setenv("FRONTLINE_ASSET_CACHE", str(tmp_path))
    target = assets.fetch_package("pkg", "1.0.0", session=_Registry(_tarball(files)))
    assert snapshot(target) == files and hidden(tmp_path) == []
    with pytest.raises(assets.AssetError, match="pkg@2.0.0: unreadable tarball"):
        assets.fetch_package("pkg", "2.0.0", session=_Registry(b"\x1f\x8b not gzip"))
    assert not (tmp_path / "pkg@2.0.0").exists() and hidden(tmp_path) == []


# -- SIGTERM and a writer's companion files -----------------------------------------------------


def test_a_writer_s_companion_files_go_with_its_temporary(tmp_path):
    """A GeoPackage write stopped midway leaves SQLite's -journal and GDAL's .tmp_rtree_*.db
    beside the temporary file; they go with it, now and when a later write finds them left by
    a dead process (they had stayed for good: 155 MB after one killed export)."""
    target = tmp_path / "out.gpkg"
    with pytest.raises(SystemExit), atomic_path(target) as temp:
        for name in (temp.name, f"{temp.name}-journal", f"{temp.name}.tmp_rtree_events.db"):
            (tmp_path / name).write_bytes(b"x")
        raise SystemExit(143)
    assert list(tmp_path.iterdir()) == []
    dead = 2**22 + 12345  # no such process
    left = [f".~out.{dead}.tmp.gpkg", f".~out.{dead}.tmp.gpkg-journal",
            f".~out.{dead}.tmp.gpkg.tmp_rtree_events.db"]  # fmt: skip
    for name in left:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "out.gpkg-notes.txt").write_bytes(b"mine")  # not a writer's: kept
    with atomic_path(target) as temp:
        temp.write_bytes(b"gpkg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.gpkg", "out.gpkg-notes.txt"]


def test_sigterm_ends_a_command_through_its_clean_up():
    """SIGTERM (a scheduler, `timeout`) had killed the process on the spot, past the writers'
    clean-up; during a command it is now an exit (143) that runs it, as Ctrl-C does."""
    from geo.cli import _terminate_as_exit

    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit) as info, _terminate_as_exit():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler runs at the next bytecode: never reached
    assert info.value.code == 143
    assert signal.getsignal(signal.SIGTERM) == before
