"""Library warnings (GDAL, shapely, pandas) reach the user as one plain line each, never as
Python's two-line warning with a library's file path and source line."""

from __future__ import annotations

import subprocess
import sys
import warnings

from test_frontline_control import raw_collection

from geo.cli import main


def test_unclosed_ring_in_a_layer_dated_by_property(tmp_path, capsys):
    path = raw_collection(tmp_path / "drawn.geojson", ["[[[37, 48], [38, 48], [38, 49]]]"])
    other = raw_collection(
        tmp_path / "other.geojson", ["[[[37, 48], [38, 48], [38, 49], [37, 48]]]"]
    )
    assert main(["control", "summary", str(path), str(other), "-o", str(tmp_path / "s.csv")]) == 0
    err = capsys.readouterr().err
    assert "site-packages" not in err and "RuntimeWarning" not in err and "Traceback" not in err


def test_unreadable_date_property_is_one_line(tmp_path, capsys):
    path = raw_collection(tmp_path / "drawn.geojson", ["[[[37, 48], [38, 48], [38, 49]]]"], "soon")
    other = raw_collection(tmp_path / "other.geojson", ["[[[37, 48], [38, 48], [38, 49]]]"])
    assert main(["control", "summary", str(path), str(other), "-o", str(tmp_path / "s.csv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"frontline: error: {path}: cannot read 'soon' as a date (use YYYY-MM-DD)"


def test_any_library_warning_is_one_line(tmp_path, capsys, monkeypatch):
    import geo.cli.frontline as commands

    def noisy(*args, **kwargs):
        warnings.warn("invalid value encountered in linearrings\n  more", RuntimeWarning, 2)
        raise SystemExit(0)

    monkeypatch.setattr(commands, "read_control", noisy)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        path = raw_collection(tmp_path / "a_20250101.geojson", ["[[[37, 48], [38, 48], [38, 49]]]"])
        assert main(["control", "line", str(path), "-o", str(tmp_path / "l.geojson")]) == 0
    assert capsys.readouterr().err == (
        "frontline: warning: invalid value encountered in linearrings more (RuntimeWarning)\n"
    )
    assert warnings.showwarning.__module__ == "warnings"  # put back after the command


def test_boundary_file_with_an_unclosed_ring_is_read_and_said(tmp_path, caplog):
    from geo.core.io import read_boundaries

    path = raw_collection(tmp_path / "b.geojson", ["[[[37, 48], [38, 48], [38, 49]]]"] * 2)
    frame = read_boundaries(path)
    assert len(frame) == 2 and frame.geometry.notna().all()
    assert f"{path}: closed unclosed polygon rings" in caplog.text


def test_a_library_log_warning_is_in_the_cli_form(tmp_path):
    """A warning logged by the library (here the records reader's, for an unreadable latitude)
    came out in logging's own form, ``WARNING geo.core.io.events: …``, beside the CLI's
    ``frontline: error: …`` lines; it is one line in the CLI's form too. In a subprocess: the
    handler is the console script's, which pytest's log capture would replace."""
    table = tmp_path / "records.csv"
    table.write_text(
        "event_id,location,latitude,longitude\na1,Bakhmut,48.59N,37.99\na2,Lyman,48.99,37.80\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "geo", "export", str(table), "-o", str(tmp_path / "e.geojson")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stderr.splitlines() == [
        f"frontline: warning: {table}: unreadable latitude/longitude on row 2; "
        "flagged invalid_coordinates"
    ]
