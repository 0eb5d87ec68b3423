"""``frontline map`` and ``frontline export`` from the command line: outputs and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_render_fixtures import sample_events

from geo.cli import main
from geo.export import write_events


def test_map_and_export_commands(tmp_path, capsys):
    events = write_events(sample_events(), tmp_path / "events.geojson")
    assert (
        main(
            [
                "map",
                str(events),
                "-o",
                str(tmp_path / "new" / "map.html"),
                "--png",
                str(tmp_path / "map.png"),
            ]
        )
        == 0
    )
    assert (tmp_path / "new" / "map.html").stat().st_size > 10_000 and (
        tmp_path / "map.png"
    ).exists()
    assert (
        main(["export", str(events), "--format", "csv", "-o", str(tmp_path / "x" / "e.csv")]) == 0
    )
    assert main(["export", str(events), "--format", "shp", "-o", str(tmp_path / "e.shp")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"frontline: error: {tmp_path / 'e.shp'}: unknown export format 'shp'; choose one of "
        "geojson, gpkg, kml, csv"
    ]


def test_bad_coordinates_exit_2_with_event_id(tmp_path, capsys):
    events = sample_events()
    events.loc[2, "geometry"] = events.loc[2, "geometry"].__class__(48.398, 37.847)
    path = write_events(events, tmp_path / "bad.geojson")
    assert main(["map", str(path), "-o", str(tmp_path / "m.html")]) == 2
    assert "event_id 'tor-002'" in capsys.readouterr().err


def test_export_format_defaults_to_the_output_suffix(tmp_path, capsys):
    from geo.core.io import read_events

    events = write_events(sample_events(), tmp_path / "events.geojson")
    for suffix in ("csv", "kml", "gpkg"):
        out = tmp_path / f"e.{suffix}"
        assert main(["export", str(events), "-o", str(out)]) == 0
        back = read_events(out)  # a KML holds a folder per claimant: read them all
        assert sorted(back["event_id"]) == sorted(sample_events()["event_id"])
    assert capsys.readouterr().out.splitlines()[-1].endswith("events, gpkg)")
    assert main(["export", str(events), "-o", str(tmp_path / "e.txt")]) == 2
    assert "cannot tell the format from the suffix '.txt'" in capsys.readouterr().err
    assert not (tmp_path / "e.txt").exists()


def test_a_csv_without_coordinate_columns_is_one_line_from_python_too(tmp_path, capsys):
    """Once an AttributeError traceback, then records placed nowhere; now refused by the reader
    (see test_a_csv_without_location_columns_is_refused_naming_them), header-only tables too."""
    from geo.core.errors import InputError
    from geo.core.io import read_events

    table = tmp_path / "places.csv"
    table.write_text("event_id,place_name\nx-1,Bakhmut\n", encoding="utf-8")
    with pytest.raises(InputError, match="no location columns: looked for latitude and longitude"):
        read_events(table)
    header_only = tmp_path / "header.csv"
    header_only.write_text("a,b\n", encoding="utf-8")
    assert main(["export", str(header_only), "-o", str(tmp_path / "out.csv")]) == 2
    assert "(columns: 'a', 'b')" in capsys.readouterr().err


def test_options_that_contradict_the_output_are_refused_before_writing(tmp_path, capsys):
    """A reviewer's finds: `-f csv -o x.kml` wrote CSV into a .kml file, `--control` was ignored
    for a CSV, `map -o m.png` wrote HTML into a .png, `--no-assets` without `--fragment` was
    ignored. Each is now one line, exit 2, nothing written."""
    events = write_events(sample_events(), tmp_path / "events.geojson")
    control = tmp_path / "control.geojson"
    control.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
        '"geometry": {"type": "Polygon", "coordinates": '
        "[[[37.0, 48.0], [38.0, 48.0], [38.0, 49.0], [37.0, 48.0]]]}}]}",
        encoding="utf-8",
    )
    cases = [
        (["export", str(events), "-f", "csv", "-o", str(tmp_path / "x.kml")], "--format csv"),
        (
            ["export", str(events), "--control", str(control), "-o", str(tmp_path / "x.csv")],
            "--control is for GeoPackage output only",
        ),
        (["map", str(events), "-o", str(tmp_path / "m.png")], "must end in .html or .htm"),
        (
            ["map", str(events), "--no-assets", "-o", str(tmp_path / "m.html")],
            "--no-assets only applies with --fragment",
        ),
    ]
    for args, said in cases:
        assert main(args) == 2, args
        assert said in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["control.geojson", "events.geojson"]
    assert main(["export", str(events), "-f", "csv", "-o", str(tmp_path / "y.csv")]) == 0


def test_an_output_folder_that_cannot_be_written_stops_before_the_first_output(
    tmp_path, capsys, monkeypatch
):
    """`map -o m.html --png ro/m.png` wrote m.html and then failed on the PNG: every output is
    checked first (os.access stands in for a read-only folder, since tests may run as root)."""
    import os

    from geo.core.io import files

    events = write_events(sample_events(), tmp_path / "events.geojson")
    readonly = tmp_path / "ro"
    readonly.mkdir()
    real = os.access
    monkeypatch.setattr(
        files.os, "access", lambda p, mode: False if Path(p) == readonly else real(p, mode)
    )
    html = tmp_path / "m.html"
    assert main(["map", str(events), "-o", str(html), "--png", str(readonly / "m.png")]) == 2
    assert "cannot write in this folder (" in capsys.readouterr().err
    assert not html.exists()


def test_flag_bad_coordinates_flags_infinite_and_half_pairs_in_a_records_csv(tmp_path):
    """(48.59, inf) lost its geometry but kept inf, so the GeoJSON writer refused the file;
    (NaN, inf) and (NaN, 37.99) were not flagged at all."""
    from geo.core.io import read_events

    table = tmp_path / "records.csv"
    table.write_text(
        "event_id,event_date,claimant,stance,location,latitude,longitude,quote\n"
        "i1,2023-03-21,UA,captured,Bakhmut,48.59,inf,lon inf\n"
        "i2,2023-03-21,UA,captured,Bakhmut,NaN,37.99,lat nan\n"
        "i3,2023-03-21,UA,captured,Bakhmut,1e999,37.99,lat 1e999\n"
        "i4,2023-03-21,UA,captured,Bakhmut,NaN,inf,both\n"
        "i5,2023-03-21,UA,captured,Bakhmut,48.59,37.99,ok\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.geojson"
    assert main(["export", str(table), "-o", str(out), "--flag-bad-coordinates"]) == 0
    back = read_events(out).set_index("event_id")
    bad = ["i1", "i2", "i3", "i4"]
    assert (back.loc[bad, "resolution"] == "invalid_coordinates").all()
    assert back.loc[bad, "geometry"].isna().all() and back.loc["i5", "geometry"] is not None
    assert back.loc["i1", "latitude"] == 48.59 and back.loc["i2", "longitude"] == 37.99
    # the infinities blanked: (48.59, inf) → (48.59, empty), (1e999, 37.99) → (empty, 37.99)
    assert (
        back.loc[["i1", "i4"], "longitude"].isna().all()
        and back.loc[["i3"], "latitude"].isna().all()
    )
    assert (
        "no pair of finite numbers (latitude empty, longitude inf)"
        in (back.loc["i4", "resolution_reason"])
    )


def test_a_records_csv_with_text_for_a_coordinate_is_flagged_with_the_cell(tmp_path, caplog):
    """ "abc" in the latitude column had been read as empty: the map refused the file with
    "latitude empty". The row is kept without a point, flagged with the cell as written, and the
    line is reported; the other rows are drawn."""
    from geo.core.io import read_events

    table = tmp_path / "records.csv"
    table.write_text(
        "event_id,event_date,claimant,stance,location,latitude,longitude,quote\n"
        "i1,2023-03-21,UA,captured,Bakhmut,abc,37.99,text\n"
        "i2,2023-03-21,UA,captured,Lyman,48.99,37.80,ok\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.geojson"
    with caplog.at_level("WARNING"):
        assert main(["export", str(table), "-o", str(out)]) == 0
    assert "unreadable latitude/longitude on row 2" in caplog.text
    back = read_events(out).set_index("event_id")
    assert back.loc["i1", "resolution"] == "invalid_coordinates"
    assert back.loc["i1", "resolution_reason"] == "unreadable latitude 'abc'"
    assert back.loc["i1", "geometry"] is None and back.loc["i2", "geometry"] is not None


def _acled_like(path: Path, coordinates: list[str], *, blank_after: int | None = None) -> Path:
    """An ACLED-shaped records CSV, one row per ``latitude,longitude`` pair (a blank line after
    row ``blank_after`` of them, as a hand-edited file has)."""
    lines = ["event_id,event_date,location,latitude,longitude,notes"]
    for k, pair in enumerate(coordinates, start=1):
        lines.append(f"UKR{k},2023-03-{k % 28 + 1:02d},Bakhmut,{pair},shelling")
        if k == blank_after:
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_csv_coordinate_refusals_name_the_row_as_the_warnings_do(tmp_path, capsys, caplog):
    """`export` and `map` over a CSV counted its records from 1 in the refusal ("row 28" for
    the 29th line) while the warnings of the same run counted the header as line 1; a blank line
    pandas skips shifted both. Every message names the row of the file, header = row 1."""
    pairs = ["48.59,37.99"] * 30
    pairs[4], pairs[27] = "abc,37.99", "999,37.99"  # lines 7 and 30 (line 5 is blank)
    table = _acled_like(tmp_path / "acled.csv", pairs, blank_after=3)
    for command in ("export", "map"):
        suffix = "geojson" if command == "export" else "html"
        assert main([command, str(table), "-o", str(tmp_path / f"out.{suffix}")]) == 2
        err = capsys.readouterr().err.strip()
        assert err == (
            f"frontline: error: {table}, row 30: event_id 'UKR28': coordinates out of range "
            "(lon must be in [-180, 180], lat in [-90, 90])"
        )
    assert "unreadable latitude/longitude on row 7;" in caplog.text
    caplog.clear()
    flagged = ["export", str(table), "-o", str(tmp_path / "f.csv"), "--flag-bad-coordinates"]
    assert main(flagged) == 0
    assert f"{table}, row 30: event_id 'UKR28': coordinates out of range" in caplog.text
    wkt = tmp_path / "wkt.csv"
    wkt.write_text(
        'event_id,location,geometry_wkt\na,Bakhmut,"POINT (37.99 48.59)"\n'
        'b,Bakhmut,"POINT (500 48)"\n',
        encoding="utf-8",
    )
    assert main(["map", str(wkt), "-o", str(tmp_path / "w.html")]) == 2
    assert f"{wkt}, row 3: event_id 'b': coordinates out of range" in capsys.readouterr().err


def test_a_csv_without_location_columns_is_refused_naming_them(tmp_path, capsys):
    """`map` over a CSV without any place or coordinate column drew an empty map saying
    "1 events", and `export` wrote a record placed nowhere: both are one line naming the file,
    the columns looked for and those it has, and nothing is written."""
    cases = {
        "plain.csv": "a,b\n1,2\n",
        "names.csv": "event_date,location,notes\n2023-03-20,Bakhmut,shelling\n",
        "half.csv": "event_id,latitude\nUKR1,48.59\n",
    }
    for name, text in cases.items():
        table = tmp_path / name
        table.write_text(text, encoding="utf-8")
        columns = ", ".join(repr(c) for c in text.split("\n", 1)[0].split(","))
        for command, output in (("map", "m.html"), ("export", "e.geojson")):
            assert main([command, str(table), "-o", str(tmp_path / output)]) == 2
            assert capsys.readouterr().err.strip() == (
                f"frontline: error: {table}: no location columns: looked for latitude and "
                "longitude (in any case; or lat, lon, lng, long), or geometry_wkt (columns: "
                f"{columns}); a table of place names is placed by `frontline events import`"
            )
            assert not (tmp_path / output).exists()


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        ("Latitude", "Longitude"),  # Excel, Google Sheets
        ("LATITUDE", "LONGITUDE"),
        ("Lat", "Lon"),
        ("lat", "lng"),
        ("lat", "long"),
        (" Latitude ", "Longitude"),
    ],
)
def test_a_records_csv_with_coordinates_spelled_otherwise_is_read(tmp_path, caplog, lat, lon):
    """A records CSV whose coordinate columns a spreadsheet or QGIS renamed was refused with
    "no location columns"; `map` and `export` now read it, saying which columns they took."""
    from geo.core.io import read_events

    written = write_events(sample_events(), tmp_path / "events.csv")
    header, body = written.read_bytes().decode("utf-8").split("\r\n", 1)
    renamed = header.replace(",latitude,longitude,", f",{lat},{lon},")
    assert renamed != header
    table = tmp_path / "edited.csv"
    table.write_text(renamed + "\r\n" + body, encoding="utf-8")
    out = tmp_path / "out.csv"
    with caplog.at_level("WARNING"):
        assert main(["export", str(table), "-o", str(out)]) == 0
    assert [r.getMessage() for r in caplog.records] == [
        f"{table}: read column {lat!r} as latitude, {lon!r} as longitude"
    ]
    assert out.read_bytes() == written.read_bytes()
    assert main(["map", str(table), "-o", str(tmp_path / "m.html")]) == 0
    back = read_events(table)
    assert back["event_id"].tolist() == read_events(written)["event_id"].tolist()


def test_two_columns_that_could_be_one_coordinate_are_refused(tmp_path, capsys, caplog):
    """`lat` beside `Latitude` (a sheet with a column added): which is meant cannot be told, so
    one line names both and nothing is written. A column spelled exactly `latitude` is the
    latitude whatever else the table has (`events check` writes the input's `Latitude` too)."""
    written = write_events(sample_events(), tmp_path / "events.csv")
    header, body = written.read_bytes().decode("utf-8").split("\r\n", 1)
    rows = body.split("\r\n")
    twice = tmp_path / "twice.csv"
    twice.write_text(
        "\r\n".join(
            [header.replace(",latitude,", ",lat,") + ",Latitude"]
            + [r + ",48.5" if r else r for r in rows]
        ),
        encoding="utf-8",
    )
    for command, output in (("map", "m.html"), ("export", "e.geojson")):
        assert main([command, str(twice), "-o", str(tmp_path / output)]) == 2
        assert capsys.readouterr().err == (
            f"frontline: error: {twice}: columns 'lat' and 'Latitude' could each be the latitude; "
            "rename the one meant to 'latitude' or remove the other\n"
        )
        assert not (tmp_path / output).exists()
    canonical = tmp_path / "canonical.csv"
    canonical.write_text(
        "\r\n".join([header + ",Latitude,lon"] + [r + ",1,2" if r else r for r in rows]),
        encoding="utf-8",
    )
    out = tmp_path / "same.csv"
    with caplog.at_level("WARNING"):
        assert main(["export", str(canonical), "-o", str(out)]) == 0
    assert not caplog.records
    assert out.read_bytes() == written.read_bytes()
    qgis = tmp_path / "qgis.csv"  # QGIS's AS_XY: in the layer's CRS, perhaps metres
    qgis.write_text("event_id,X,Y\r\ne1,4231000.5,6160000.2\r\n", encoding="utf-8")
    assert main(["export", str(qgis), "-o", str(tmp_path / "q.csv")]) == 2
    assert capsys.readouterr().err.endswith(
        "(x and y are not read as coordinates: QGIS writes them in the layer's CRS; rename them "
        "longitude and latitude if they are WGS84 degrees); a table of place names is placed by "
        "`frontline events import`\n"
    )


def test_a_csv_s_warnings_say_row_as_its_errors_do(tmp_path, capsys, caplog):
    """The warning of a file said "on lines 3, 5" and its refusal "row 6": one count, two
    words. Both say row (header = row 1; a quoted cell holding a line break keeps its record
    one row, so the rows here are not the lines)."""
    table = tmp_path / "events.csv"
    table.write_text(
        "event_id,event_date,location,latitude,longitude,notes\n"
        'UKR1,2023-03-20,Bakhmut,48.5942,37.9989,"Shelling of the city.\nCasualties unknown."\n'
        "UKR2,2023-03-20,Bakhmut,abc,37.9989,shelling\n"
        "UKR3,2023-03-21,Lyman,48.9853,37.8024,armed clash\n"
        "UKR4,2023-03-21,Lyman,48.9853,37.80E,armed clash\n"
        "UKR5,2023-03-22,Avdiivka,481.393,37.7456,armed clash\n",
        encoding="utf-8",
    )
    with caplog.at_level("WARNING"):
        assert main(["export", str(table), "-o", str(tmp_path / "out.geojson")]) == 2
    assert capsys.readouterr().err == (
        f"frontline: error: {table}, row 6: event_id 'UKR5': coordinates out of range "
        "(lon must be in [-180, 180], lat in [-90, 90])\n"
    )
    assert caplog.messages == [
        f"{table}: unreadable latitude/longitude on rows 3, 5; flagged invalid_coordinates"
    ]
