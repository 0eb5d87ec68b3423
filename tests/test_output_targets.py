"""What an output path may be, and hostile bits of input on their way out.

A device, a named pipe or a folder given as an output file is refused with one line before any
work (renaming a finished file over ``/dev/null`` would have replaced it for the whole system);
a link is written through, the link kept; two outputs of one command that are one file are
refused. Tables without geometries given where a layer is read, a mapping file that is not UTF-8,
JSON event records that lack a key, and an input column named like a report column give one
line or the right cells, never a traceback. Control characters of the input (an escape
sequence in a channel's name, a NUL) are shown, not obeyed, on stderr and left out of CSV."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pandas as pd
import pyogrio
import pytest

from geo.cli import main

ROOT = Path(__file__).resolve().parents[1]
SITREP = ROOT / "examples" / "sitrep_2023-03-21.txt"
VIINA = ROOT / "examples" / "events" / "viina_sample.csv"


def error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("frontline: error:")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture()
def events(tmp_path) -> Path:
    path = tmp_path / "events.csv"
    path.write_text(
        "event_id_cnty,event_date,sub_event_type,location,latitude,longitude\n"
        "K1,2023-03-21,Armed clash,Bakhmut,48.5942,37.9999\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_an_output_that_is_no_regular_file_is_refused_and_kept(tmp_path, capsys, events, kind):
    target = tmp_path / "out.csv"
    os.mkfifo(target) if kind == "fifo" else target.mkdir()
    assert main(["export", str(events), "-o", str(target)]) == 2
    assert ("is not a regular file" if kind == "fifo" else "is a folder") in error_line(capsys)
    mode = target.lstat().st_mode
    assert stat.S_ISFIFO(mode) if kind == "fifo" else stat.S_ISDIR(mode)


def test_a_link_given_as_an_output_is_written_through_and_kept(tmp_path, events):
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    assert main(["export", str(events), "-o", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    written = pd.read_csv(real)
    assert list(written["location"]) == ["Bakhmut"]


@pytest.mark.parametrize(
    "args",
    [
        ("map", "{events}", "-o", "{out}/same.html", "--report", "{out}/same.html"),
        ("map", "{events}", "-o", "{out}/a.html", "--report", "{out}/./a.html"),
    ],
    ids=["same-path", "same-file"],
)
def test_two_outputs_that_are_one_file_are_refused(tmp_path, capsys, events, args):
    argv = [a.format(events=events, out=tmp_path) for a in args]
    assert main(argv) == 2
    assert "names the same file as another output" in error_line(capsys)
    assert not list(tmp_path.glob("*.html"))


@pytest.fixture()
def tables(tmp_path) -> dict[str, Path]:
    plain = tmp_path / "plain.csv"
    plain.write_text("a,b\n1,2\n")
    nogeom = tmp_path / "nogeom.gpkg"
    pyogrio.write_dataframe(pd.DataFrame({"a": [1]}), nogeom, layer="t")
    return {"plain": plain, "nogeom": nogeom}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("map", "{events}", "--boundaries", "{plain}"), "boundary file has no geometry column"),
        (("export", "{nogeom}"), "gpkg layer has no geometry column"),
        (("map", "{nogeom}"), "gpkg layer has no geometry column"),
    ],
    ids=["boundaries", "export", "map"],
)
def test_a_table_without_geometries_where_a_layer_is_read_is_one_line(
    tmp_path, capsys, events, tables, args, message
):
    out = tmp_path / ("x.geojson" if args[0] == "export" else "x.html")
    argv = [a.format(events=events, **tables) for a in args] + ["-o", str(out)]
    assert main(argv) == 2
    assert message in error_line(capsys)
    assert not out.exists()


def test_a_mapping_file_not_in_utf8_is_one_line_and_a_bom_is_read(tmp_path, capsys, events):
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe[columns]\n")
    out = tmp_path / "x.geojson"
    assert main(["events", "import", str(events), "--mapping", str(bad), "-o", str(out)]) == 2
    assert "mapping file is not UTF-8 text" in error_line(capsys)
    bom = tmp_path / "bom.toml"
    bom.write_bytes('\ufeff[columns]\n"location" = "location"\n'.encode())
    assert main(["events", "import", str(events), "--mapping", str(bom), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["features"][0]["properties"]["location"] == "Bakhmut"


def test_a_key_some_json_records_lack_is_an_empty_cell_not_nan(tmp_path):
    records = [
        {"event_id_cnty": "K1", "event_date": "2023-03-21", "sub_event_type": "Armed clash",
         "location": "Bakhmut", "latitude": 48.59, "longitude": 37.99, "notes": "x",
         "fatalities": 3},
        {"event_id_cnty": "K2", "event_date": "2023-03-21", "sub_event_type": "Armed clash",
         "location": "Lyman", "latitude": 48.99, "longitude": 37.80},
    ]  # fmt: skip
    path = tmp_path / "k.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "k.geojson"
    assert main(["events", "import", str(path), "-o", str(out)]) == 0
    second = json.loads(out.read_text())["features"][1]["properties"]
    assert second["event_id"] == "K2"
    assert second["quote"] in (None, "") and second.get("fatalities") is None
    assert not second.get("quality_flag"), second.get("quality_detail")


def test_an_input_column_named_source_row_keeps_its_values_beside_the_real_row(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "event_id_cnty,event_date,sub_event_type,location,latitude,longitude,source_row\n"
        "X1,2023-03-21,Armed clash,Bakhmut,48.59,37.99,99\n"
    )
    out = tmp_path / "report.csv"
    assert main(["events", "check", str(path), "-o", str(out)]) == 0
    report = pd.read_csv(out)
    assert list(report["checked_source_row"]) == [2]  # the header is row 1
    assert list(report["source_row"]) == [99]


def test_control_characters_of_a_channel_name_are_shown_on_stderr_and_left_out_of_csv(
    tmp_path, capsys
):
    name = "chan\x1b[31mRED\x1b]0;pwned\x07"
    export = tmp_path / "result.json"
    message = {"id": "1\x1b]0;pwned\x07", "type": "message", "date": "2023-03-21T10:00:00",
               "text": "Russian forces shelled Bakhmut.\x00"}  # fmt: skip
    export.write_text(json.dumps({"name": name, "type": "public_channel", "id": 7,
                                  "messages": [message]}))  # fmt: skip
    out = tmp_path / "claims.csv"
    assert main(["extract", str(export), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    # the NUL's note names the file and the message, whose id is shown, not obeyed
    assert f"{export}: message 1\\x1b]0;pwned\\x07: warning: 1 NUL character removed" in err
    data = out.read_bytes()
    assert b"\x1b" not in data and b"\x00" not in data and b"\x07" not in data
    table = pd.read_csv(out)
    assert list(table["location"]) == ["Bakhmut"]
    assert table["claimant"][0] == "chan[31mRED]0;pwned"
