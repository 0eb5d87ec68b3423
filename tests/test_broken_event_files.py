"""Events files (GeoJSON, CSV, KML written by frontline or by hand) read feature by feature:
a broken feature is flagged or reported on one line naming the file and feature, the rest read;
a file that is no events file at all is one line; never a traceback."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from test_render_fixtures import sample_events

from geo.cli import main
from geo.core.errors import InputError
from geo.core.io import read_events, write_events
from geo.core.records import INVALID


@pytest.fixture()
def good(tmp_path) -> dict:
    """A FeatureCollection of three sample events, as parsed JSON."""
    path = write_events(sample_events().iloc[:3], tmp_path / "good.geojson")
    return json.loads(path.read_text())


def with_first(good: dict, tmp_path: Path, first: object) -> Path:
    """``good`` with its first feature replaced by ``first`` (any JSON value)."""
    path = tmp_path / "events.geojson"
    path.write_text(json.dumps({**good, "features": [first, *good["features"][1:]]}))
    return path


@pytest.mark.parametrize(
    ("geometry", "problem"),
    [
        ({"type": "Blob", "coordinates": [1, 2]}, "unknown geometry type 'Blob'"),
        ({"type": "Point"}, "Point without a coordinates list"),
        ({"type": "Point", "coordinates": "x"}, "Point without a coordinates list"),
        ({"type": "Point", "coordinates": [1, "a"]}, "Point with unreadable coordinates"),
        ({"type": "Polygon", "coordinates": [[1, 2]]}, "Polygon with unreadable coordinates"),
        ({"type": "LineString", "coordinates": [[1, 2]]}, "LineString: "),
        ({"type": "GeometryCollection", "geometries": [5]}, "GeometryCollection with unreadable"),
        (5, "geometry is a JSON int, not an object"),
        ([1, 2], "geometry is a JSON list, not an object"),
    ],
    ids=["blob", "no-coords", "str-coords", "str-ordinate", "flat-ring", "one-point-line",
         "collection-of-int", "int", "list"],
)  # fmt: skip
def test_unreadable_geometry_is_a_flagged_record(good, tmp_path, caplog, geometry, problem):
    path = with_first(good, tmp_path, {**good["features"][0], "geometry": geometry})
    events = read_events(path)
    assert len(events) == 3
    assert events.loc[0, "event_id"] == good["features"][0]["properties"]["event_id"]
    assert events.geometry.iloc[0] is None and events.loc[0, "resolution"] == INVALID
    assert problem in events.loc[0, "resolution_reason"]
    assert f"{path}: feature 1: {problem}" in caplog.text
    assert events.geometry.iloc[1:].notna().all()


@pytest.mark.parametrize("feature", [1, "x", None, [1, 2]], ids=["int", "str", "null", "list"])
def test_feature_that_is_not_an_object_is_reported_and_the_rest_read(
    good, tmp_path, caplog, feature
):
    path = with_first(good, tmp_path, feature)
    events = read_events(path)
    assert len(events) == 2
    assert f"{path}: feature 1: a JSON {type(feature).__name__}" in caplog.text


def test_properties_that_are_not_an_object(good, tmp_path, caplog):
    path = with_first(good, tmp_path, {**good["features"][0], "properties": [1, 2]})
    events = read_events(path)
    assert len(events) == 3 and events.geometry.iloc[0] is not None
    assert f"{path}: feature 1: properties are not an object" in caplog.text


@pytest.mark.parametrize("number", ["1e400", "-1e400", "9" * 5000, "NaN", "Infinity"])
def test_number_no_column_holds_is_reported_and_read_as_empty(good, tmp_path, caplog, number):
    path = tmp_path / "events.geojson"
    text = json.dumps(good)
    assert '"quantity": 3.0' in text
    path.write_text(text.replace('"quantity": 3.0', f'"quantity": {number}', 1))
    caplog.set_level(logging.WARNING)
    events = read_events(path)
    assert len(events) == 3 and events["quantity"].isna().iloc[0]
    assert f"{path}: feature 1: property 'quantity' is " in caplog.text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"type": "FeatureCollection", "features": ' + "[" * 100_000 + "]" * 100_000 + "}",
         "invalid JSON (nested too deeply)"),
        ('{"type": "FeatureCollection", "features": {"a": 1}}', "features is not a list"),
        ("[1, 2]", "not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": [', "invalid JSON (Expecting value at line 1)"),
        ("\udcff", "not UTF-8 text"),
    ],
    ids=["deep", "features-object", "array", "truncated", "not-utf8"],
)  # fmt: skip
def test_no_events_file_at_all_is_one_line(tmp_path, text, message):
    path = tmp_path / "events.geojson"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(InputError) as err:
        read_events(path)
    assert message in str(err.value) and err.value.source == str(path)
    assert "\n" not in str(err.value)


def test_csv_with_unreadable_wkt_is_flagged_by_row(tmp_path, caplog):
    path = write_events(sample_events().iloc[:3], tmp_path / "events.csv")
    lines = path.read_text().splitlines()
    header = lines[0].split(",")
    cells = lines[2].split(",")
    cells[header.index("geometry_wkt")] = "POLYGON((1 2"
    path.write_text("\r\n".join([lines[0], lines[1], ",".join(cells), *lines[3:]]) + "\r\n")
    events = read_events(path)
    assert len(events) == 3 and events.loc[1, "resolution"] == INVALID
    assert f"{path}: unreadable geometry_wkt on row 3" in caplog.text


def test_a_records_csv_row_longer_than_its_header_is_one_line(tmp_path):
    path = write_events(sample_events().iloc[:2], tmp_path / "events.csv")
    lines = path.read_text().splitlines()
    path.write_text("\r\n".join([lines[0], lines[1] + ",x,y", *lines[2:]]) + "\r\n")
    with pytest.raises(InputError, match="row 2: .* cells where the header has"):
        read_events(path)


@pytest.mark.parametrize("fmt", ["geojson", "gpkg"])
def test_csv_wkt_with_z_and_m_ordinates_is_written_on_the_plane(tmp_path, fmt):
    """ "POINT ZM (37.99 48.59 1 2)": the M had made GeoJSON refuse the row as NaN and GDAL
    fail; the point is the place, its Z and M no part of it."""
    path = tmp_path / "zm.csv"
    path.write_text(
        "event_id,event_date,location,geometry_wkt\n"
        "W1,2023-03-21,Bakhmut,POINT ZM (37.99 48.59 1 2)\n"
        'W2,2023-03-21,Area,"POLYGON Z ((37 48 0, 38 48 0, 38 49 0, 37 48 0))"\n'
    )
    out = tmp_path / f"zm.{fmt}"
    assert main(["export", str(path), "-o", str(out)]) == 0
    back = read_events(out)
    assert [g.wkt for g in back.geometry] == [
        "POINT (37.99 48.59)",
        "POLYGON ((37 48, 38 48, 38 49, 37 48))",
    ]


def test_kml_with_entity_expansion_is_refused(tmp_path):
    path = tmp_path / "events.kml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&b;</name>'
        "</Placemark></Document></kml>"
    )
    with pytest.raises(InputError, match="cannot read kml: EntitiesForbidden"):
        read_events(path)


def test_kml_placemark_with_broken_coordinates_is_flagged(tmp_path, caplog):
    path = write_events(sample_events().iloc[:3], tmp_path / "events.kml")
    text = path.read_text()
    start = text.index("<coordinates>") + len("<coordinates>")
    path.write_text(text[:start] + "east,north " + text[start:])
    events = read_events(path)
    assert len(events) == 3 and events.loc[0, "resolution"] == INVALID
    assert f"{path}: placemark 1: unreadable geometry" in caplog.text


@pytest.mark.parametrize("command", ["export", "map"])
def test_cli_over_broken_features_writes_the_rest(good, tmp_path, capsys, caplog, command):
    features = [1, {**good["features"][0], "geometry": {"type": "Blob"}}, *good["features"][1:]]
    path = tmp_path / "events.geojson"
    path.write_text(json.dumps({**good, "features": features}))
    out = tmp_path / ("out.csv" if command == "export" else "out.html")
    args = ["export", path, "-f", "csv"] if command == "export" else ["map", path]
    assert main([str(a) for a in [*args, "-o", out]]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert f"{path}: feature 1: a JSON int, not a feature object; skipped" in caplog.text
    assert f"{path}: feature 2: unknown geometry type 'Blob'" in caplog.text
    if command == "export":
        assert len(out.read_text().splitlines()) == 1 + 3


ROOT = Path(__file__).resolve().parents[1]
ACLED = ROOT / "examples" / "events" / "acled_sample.csv"
SITREP = ROOT / "examples" / "sitrep_2023-03-21.txt"


def test_events_join_joins_every_claims_file_and_text(tmp_path, capsys):
    from geo.extract import extract_frame

    sitrep = extract_frame([str(SITREP)])
    first = write_events(sitrep.iloc[:5], tmp_path / "first.geojson")
    second = write_events(sitrep.iloc[5:8], tmp_path / "second.csv")
    text = tmp_path / "story.txt"
    text.write_text("Russian forces captured Soledar, the Russian MoD said on 2023-01-12.\n")
    out = tmp_path / "joined.geojson"
    args = ["events", "join", ACLED, first, second, text, first, "-o", out]
    assert main([*map(str, args), "--published", "2023-01-13"]) == 0
    err = capsys.readouterr().err
    assert f"read once: {first} (given twice)" in err
    joined = read_events(out)
    claims = joined[joined["doc_id"].isin([str(SITREP), str(text)])]
    assert sorted(claims["event_id"]) == sorted(
        [*sitrep["event_id"].iloc[:8], *extract_frame([str(text)])["event_id"]]
    )


@pytest.mark.parametrize("cell", ["=NOW()", "now", "today", "yesterday", "2 weeks ago", "NOW()"])
def test_relative_date_in_an_event_table_is_no_date(cell):
    from geo.events.load import parse_date

    assert parse_date(cell) is None  # was the day of the import


@pytest.mark.parametrize("cell", ["21 March 2023", "21 березня 2023", "21 марта 2023 г."])
def test_written_dates_still_read(cell):
    from datetime import date

    from geo.events.load import parse_date

    assert parse_date(cell) == date(2023, 3, 21)


def _with_crs(good: dict, tmp_path: Path, crs: object, transform=None) -> Path:
    """``good`` with a legacy ``crs`` member (GeoJSON 2008), its points moved by ``transform``."""
    features = json.loads(json.dumps(good["features"]))
    if transform is not None:
        for feature in features:
            x, y = feature["geometry"]["coordinates"]
            feature["geometry"]["coordinates"] = list(transform(x, y))
    path = tmp_path / "legacy.geojson"
    path.write_text(json.dumps({**good, "crs": crs, "features": features}), encoding="utf-8")
    return path


def test_a_legacy_crs_member_is_reprojected(good, tmp_path):
    """An export from an older GIS in Web Mercator (``"crs": … EPSG::3857``) had its metres read
    as degrees (refused as out of range, or drawn in the wrong place when small): the points are
    reprojected; CRS84 and EPSG:4326 are read as they are."""
    import pyproj

    to_mercator = pyproj.Transformer.from_crs(4326, 3857, always_xy=True).transform
    expected = [p["geometry"]["coordinates"] for p in good["features"]]
    named = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    coded = {"type": "EPSG", "properties": {"code": 3857}}
    for crs, transform in ((named, to_mercator), (coded, to_mercator)):
        events = read_events(_with_crs(good, tmp_path, crs, transform))
        got = [c for g in events.geometry for c in (g.x, g.y)]
        assert got == pytest.approx([c for xy in expected for c in xy], abs=1e-6)
    for name in ("urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326"):
        crs = {"type": "name", "properties": {"name": name}}
        events = read_events(_with_crs(good, tmp_path, crs))
        assert [[g.x, g.y] for g in events.geometry] == expected


@pytest.mark.parametrize(
    "crs",
    [
        {"type": "name", "properties": {"name": "EPSG:999999"}},
        {"type": "link", "properties": {"href": "http://example.com/crs", "type": "proj4"}},
        "EPSG:3857",
    ],
)
def test_a_crs_member_naming_no_known_crs_is_one_line(good, tmp_path, capsys, crs):
    path = _with_crs(good, tmp_path, crs)
    assert main(["export", str(path), "-o", str(tmp_path / "out.csv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"frontline: error: {path}: ") and "\n" not in err
    assert "the GeoJSON crs member" in err  # one wording for events, layers and boundaries
    assert "RFC 7946" in err
    assert not (tmp_path / "out.csv").exists()


def test_a_refusal_after_a_skipped_feature_names_its_feature(good, tmp_path, capsys):
    """A feature that is no object is skipped with a warning naming it ("feature 1"); the
    refusal of the next one's coordinates had counted the records read ("row 1", the skipped
    feature's number). It names the feature as the warning counts it."""
    far = json.loads(json.dumps(good["features"][1]))
    far["geometry"]["coordinates"] = [500.0, 48.0]
    path = tmp_path / "events.geojson"
    path.write_text(json.dumps({**good, "features": [1, far, good["features"][2]]}))
    assert main(["export", str(path), "-o", str(tmp_path / "out.csv")]) == 2
    err = capsys.readouterr().err.strip()
    event = far["properties"]["event_id"]
    assert err.startswith(f"frontline: error: {path}, row 2: event_id {event!r}: coordinates out")


def test_an_infinite_wkt_ordinate_is_one_line_naming_its_row(tmp_path, capsys):
    """ "POINT (1e400 48)" overflows to infinity: refused naming the file and row, and numpy's
    overflow warning, which named neither, is not printed beside it."""
    table = tmp_path / "events.csv"
    table.write_text(
        'event_id,geometry_wkt,location\na1,"POINT (1e400 48)",X\na2,"POINT (37 48)",Y\n',
        encoding="utf-8",
    )
    assert main(["export", str(table), "-o", str(tmp_path / "out.geojson")]) == 2
    assert capsys.readouterr().err == (
        f"frontline: error: {table}, row 2: event_id 'a1': coordinates are NaN, infinite or empty\n"
    )
    assert not (tmp_path / "out.geojson").exists()


def test_rows_are_counted_from_the_file_s_first_line_past_blank_lines(tmp_path, capsys, caplog):
    """Blank lines before the header and between records: the warning and the refusal name the
    file's rows as an editor shows them (header on row 3 here)."""
    table = tmp_path / "events.csv"
    table.write_text(
        "\n\nevent_id,latitude,longitude,location\na1,48.5,37.9,X\n\na2,abc,37.9,Y\n"
        "a3,48.5,37.9,Z,extra\n",
        encoding="utf-8",
    )
    assert main(["export", str(table), "-o", str(tmp_path / "out.geojson")]) == 2
    assert capsys.readouterr().err == (
        f"frontline: error: {table}, row 7: 5 cells where the header has 4; quote a cell that "
        "holds the delimiter ','\n"
    )
    table.write_text(table.read_text(encoding="utf-8").replace(",extra", ""), encoding="utf-8")
    assert main(["export", str(table), "-o", str(tmp_path / "out.geojson")]) == 0
    assert "unreadable latitude/longitude on row 6;" in caplog.text
