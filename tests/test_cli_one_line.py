"""Mistakes every user makes get one line on stderr and exit code 2, never a traceback, and
before any work is done: an output that names a folder, a bad date, odd option values, a bad
setting."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from geo.cli import main

ROOT = Path(__file__).resolve().parents[1]
SITREP = ROOT / "examples" / "sitrep_2023-03-21.txt"
ACLED = ROOT / "examples" / "events" / "acled_sample.csv"


def control_layer(folder: Path, day: str = "20250107") -> Path:
    path = folder / f"control_{day}.geojson"
    square = [[[37.5, 47.5], [38.5, 47.5], [38.5, 48.5], [37.5, 48.5], [37.5, 47.5]]]
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"source": "test", "status": "occupied"},
                        "geometry": {"type": "Polygon", "coordinates": square},
                    }
                ],
            }
        )
    )
    return path


def one_line(capsys, args: list[str]) -> str:
    """Run the CLI; assert exit code 2 and exactly one line on stderr; return that line."""
    code = main([str(a) for a in args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1, (code, err)
    assert lines[0].startswith("frontline: error: ")
    return lines[0]


@pytest.fixture()
def files(tmp_path):
    """Inputs for every command, and an existing folder to give as -o."""
    from test_render_fixtures import sample_events

    from geo.core.io import write_events

    (tmp_path / "folder").mkdir()
    return {
        "folder": tmp_path / "folder",
        "events": write_events(sample_events().iloc[:3], tmp_path / "events.geojson"),
        "a": control_layer(tmp_path, "20250106"),
        "b": control_layer(tmp_path, "20250107"),
    }


OUTPUT_IS_A_FOLDER = {
    "extract": lambda f: ["extract", SITREP, "-o", f["folder"]],
    "map": lambda f: ["map", f["events"], "-o", f["folder"]],
    "map --report": lambda f: ["map", f["events"], "-o", f["folder"].parent / "m.html",
                               "--report", f["folder"]],
    "export": lambda f: ["export", f["events"], "-f", "csv", "-o", f["folder"]],
    "diff": lambda f: ["diff", f["a"], f["b"], "-o", f["folder"]],
    "control summary": lambda f: ["control", "summary", f["a"], f["b"], "-o", f["folder"]],
    "control line": lambda f: ["control", "line", f["a"], "-o", f["folder"]],
    "control panel": lambda f: ["control", "panel", f["a"], "-e", f["events"], "-s", f["events"],
                                "-o", f["folder"]],
    "control disagree": lambda f: ["control", "disagree", f["a"], f["b"], "-o", f["folder"]],
    "events import": lambda f: ["events", "import", ACLED, "-o", f["folder"]],
    "events check": lambda f: ["events", "check", ACLED, "-o", f["folder"]],
    "events join": lambda f: ["events", "join", ACLED, f["events"], "-o", f["folder"]],
    "events join --links": lambda f: ["events", "join", ACLED, f["events"], "-o",
                                      f["folder"].parent / "j.geojson", "--links", f["folder"]],
    "geocode --csv": lambda f: ["geocode", "--csv", ACLED, "--name-col", "location", "-o",
                                f["folder"]],
}  # fmt: skip


@pytest.mark.parametrize("command", OUTPUT_IS_A_FOLDER)
def test_output_naming_a_folder_stops_before_any_work(files, capsys, command):
    line = one_line(capsys, OUTPUT_IS_A_FOLDER[command](files))  # no summary of work before it
    assert line.endswith("folder: is a folder; give a file name")
    assert list(files["folder"].iterdir()) == []


def test_output_under_a_file(files, capsys):
    line = one_line(capsys, ["export", files["events"], "-f", "csv", "-o", files["a"] / "x.csv"])
    assert line == f"frontline: error: {files['a']}: is not a folder"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "join", ACLED, SITREP, "--published", "21-03-2023"],
         "--published must be a date like 2023-03-21, not '21-03-2023'"),
        (["events", "join", ACLED, "{events}", "--radius-km", "nan"],
         "--radius-km must be a number from 0 to 100, not nan"),
        (["events", "join", ACLED, "{events}", "--radius-km", "-5"],
         "--radius-km must be a number from 0 to 100, not -5.0"),
        (["events", "join", ACLED, "{events}", "--radius-km", "inf"],
         "--radius-km must be a number from 0 to 100, not inf"),
        (["events", "join", ACLED, "{events}", "--window-days", "-3"],
         "--window-days must be a number from 0 to 366, not -3"),
        (["control", "line", "{a}", "--tolerance-km", "1e308"],
         "--tolerance-km must be a number from 0 to 500, not 1e+308"),
        (["control", "line", "{a}", "--tolerance-km", "nan"],
         "--tolerance-km must be a number from 0 to 500, not nan"),
        (["events", "import", ACLED, "--country", "ZZZZ"],
         "--country must be a two-letter country code such as UA, not 'ZZZZ'"),
        (["control", "panel", "{a}", "--country", "Ukraine"],
         "--country must be a two-letter country code such as UA, not 'Ukraine'"),
        (["extract", SITREP, "--workers", "99999"], "--workers 99999 is more than 4 per CPU"),
    ],
    ids=["published", "radius-nan", "radius-negative", "radius-inf", "window-negative",
         "tolerance-huge", "tolerance-nan", "country-events", "country-panel", "workers-huge"],
)  # fmt: skip
def test_odd_option_values_are_one_line(files, capsys, tmp_path, args, message):
    out = tmp_path / "out" / ("x.csv" if args[:2] == ["control", "panel"] else "x.geojson")
    args = [str(a).format(**{k: v for k, v in files.items()}) for a in args]
    started = time.perf_counter()
    line = one_line(capsys, [*args, "-o", out])
    assert message in line
    assert time.perf_counter() - started < 30  # --workers 99999 started 99999 processes
    assert not out.parent.exists()


@pytest.mark.parametrize(
    ("option", "path", "suffixes"),
    [
        (["control", "summary", "{a}", "{b}", "-o", "{out}/s.csv", "--chart"], "c.xyz",
         ".png, .svg or .pdf"),
        (["map", "{events}", "-o", "{out}/m.html", "--png"], "m.jpg", ".png or .svg"),
        (["map", "{events}", "-o", "{out}/m.html", "--svg"], "m", ".png or .svg"),
    ],
    ids=["chart", "png", "svg"],
)  # fmt: skip
def test_image_of_an_unknown_format_stops_before_any_output(
    files, capsys, tmp_path, option, path, suffixes
):
    out = tmp_path / "out"
    args = [a.format(out=out, **files) for a in option]
    line = one_line(capsys, [*args, out / path])
    assert line == f"frontline: error: {out / path}: the file name must end in {suffixes}"
    assert not out.exists()  # neither the table nor the map was written first


def test_missing_events_file(capsys, tmp_path):
    line = one_line(capsys, ["map", tmp_path / "nope.geojson", "-o", tmp_path / "m.html"])
    assert line.endswith("nope.geojson: no such file")


@pytest.mark.parametrize(
    "args",
    [
        ["geocode", "Qwertyuiopgrad", "--online"],
        ["geocode", "--csv", ACLED, "--name-col", "location", "-o", "{out}", "--online"],
        ["extract", SITREP, "--online", "-q"],
        ["run", SITREP, "--online", "-o", "{folder}/run"],
    ],
    ids=["geocode", "geocode-csv", "extract", "run"],
)
def test_bad_geocoder_delay_setting_is_one_line(files, capsys, monkeypatch, tmp_path, args):
    monkeypatch.setenv("FRONTLINE_GEOCODER_MIN_DELAY", "soon")
    args = [str(a).format(out=tmp_path / "o.csv", folder=files["folder"]) for a in args]
    line = one_line(capsys, args)
    assert line == "frontline: error: FRONTLINE_GEOCODER_MIN_DELAY='soon' is not a number ≥ 0"
    assert list(files["folder"].iterdir()) == [] and not (tmp_path / "o.csv").exists()
