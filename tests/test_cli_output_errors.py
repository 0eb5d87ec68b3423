"""Standard output that cannot be written, and input that holds no document.

``frontline extract > /dev/full`` (and ``run``'s paths) stop with the one line ``-o`` gives for a
full disk, exit 2, never a traceback; a reader that stops early (``| head``) ends the command
quietly with exit 1; an empty folder gives an empty FeatureCollection, exit 0 and a notice
naming it on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "geo"]
SITREP = (
    "KYIV, March 21, 2023 — Yesterday Ukrainian forces repelled attacks near Bakhmut, Avdiivka "
    "and Marinka, the General Staff said.\n"
)

needs_dev_full = pytest.mark.skipif(
    not Path("/dev/full").exists(), reason="no /dev/full on this system"
)


@pytest.fixture()
def story(tmp_path) -> Path:
    path = tmp_path / "sitrep.txt"
    path.write_text(SITREP, encoding="utf-8")
    return path


def _to_full_disk(*args: object) -> subprocess.CompletedProcess:
    with open("/dev/full", "w") as full:
        return subprocess.run(
            [*CLI, *map(str, args)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=600
        )


def _to_closed_pipe(*args: object) -> subprocess.CompletedProcess:
    """The command with a standard output whose reader has already gone (``| head`` done)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [*CLI, *map(str, args)], stdout=write, stderr=subprocess.PIPE, text=True, timeout=600
        )
    finally:
        os.close(write)


@needs_dev_full
def test_extract_to_a_full_disk_on_stdout_is_one_line_like_dash_o(story):
    done = _to_full_disk("extract", story, "-q", "--published", "2023-03-21")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "frontline: error: standard output: cannot write (No space left on device)"
    ]


@needs_dev_full
def test_run_to_a_full_disk_on_stdout_is_one_line_and_its_folder_is_written(story, tmp_path):
    target = tmp_path / "run"
    done = _to_full_disk("run", story, "--published", "2023-03-21", "-o", target)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "frontline: error: standard output: cannot write (No space left on device)"
    )
    assert {p.name for p in target.iterdir()} >= {"map.html", "events.geojson", "report.html"}


@pytest.mark.parametrize("command", ["extract", "run"])
def test_a_reader_that_stopped_reading_ends_the_command_quietly(story, tmp_path, command):
    extra = ["-o", tmp_path / "run"] if command == "run" else ["-q"]
    done = _to_closed_pipe(command, story, "--published", "2023-03-21", *extra)
    assert done.returncode == 1
    assert done.stderr == ""


def test_extract_of_an_empty_folder_says_so_and_writes_an_empty_collection(tmp_path):
    empty = tmp_path / "articles"
    empty.mkdir()
    done = subprocess.run(
        [*CLI, "extract", str(empty)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0
    assert json.loads(done.stdout) == {"type": "FeatureCollection", "features": []}
    assert f"{empty}: no documents found" in done.stderr.splitlines()
    assert "Traceback" not in done.stderr


def test_extract_of_a_channel_export_without_messages_says_so_even_when_quiet(tmp_path):
    export = tmp_path / "result.json"
    channel = {"name": "Генштаб ЗСУ", "type": "public_channel", "id": 1, "messages": []}
    export.write_text(json.dumps(channel, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "claims.geojson"
    done = subprocess.run(
        [*CLI, "extract", str(export), "-q", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [f"{export}: no documents found"]
    assert json.loads(out.read_text(encoding="utf-8"))["features"] == []


def test_every_input_that_gave_nothing_is_named(tmp_path):
    pictures, empty = tmp_path / "pictures", tmp_path / "empty"
    pictures.mkdir()
    empty.mkdir()
    (pictures / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    done = subprocess.run(
        [*CLI, "extract", str(pictures), str(empty), "-q"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["features"] == []
    assert f"{pictures}, {empty}: no documents found" in done.stderr.splitlines()


def test_extract_of_a_document_says_nothing_of_missing_documents(story):
    done = subprocess.run(
        [*CLI, "extract", str(story), "-q", "--published", "2023-03-21"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "no documents found" not in done.stderr
    assert json.loads(done.stdout)["features"]


@needs_dev_full
@pytest.mark.parametrize("args", [("geocode", "Bakhmut"), ("gazetteer", "--help")])
def test_every_command_reports_a_full_standard_output_in_one_line(args):
    """Commands that print through rich or click (geocode, any --help) report a failed write to
    standard output as one line, exit 2, like extract does."""
    done = _to_full_disk(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == "frontline: error: No space left on device"


def test_every_command_ends_quietly_when_its_reader_has_gone():
    done = _to_closed_pipe("geocode", "Bakhmut")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
