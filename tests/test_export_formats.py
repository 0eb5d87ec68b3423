"""Exports: RFC 7946 GeoJSON rules, GeoPackage layers, KML folders/styles, CSV order,
round trips."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from test_render_fixtures import sample_events

from geo.core.errors import InputError
from geo.core.records import check_coordinates, normalize_events
from geo.core.style import claimant_color
from geo.export import CSV_COLUMNS, read_events, write_events


def _ring_is_ccw(ring: list) -> bool:
    x, y = np.asarray(ring).T
    return float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1])) > 0


def test_geojson_follows_rfc7946(tmp_path):
    path = write_events(sample_events(), tmp_path / "deep" / "er" / "events.geojson")
    doc = json.loads(path.read_text())
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    kinds = {}
    for f in doc["features"]:
        g = f["geometry"]
        kinds[f["properties"]["event_id"]] = g["type"] if g else None
        if not g:
            continue
        coords = (
            [g["coordinates"]]
            if g["type"] == "Point"
            else [c for ring in g["coordinates"] for c in ring]
        )
        for lon, lat in coords:
            assert 22 < lon < 41 and 44 < lat < 53  # lon/lat order in the theatre
            assert round(lon, 6) == lon and round(lat, 6) == lat
        if g["type"] == "Polygon":
            assert _ring_is_ccw(g["coordinates"][0])  # right-hand rule: exterior counter-clockwise
            assert all(not _ring_is_ccw(r) for r in g["coordinates"][1:])
            assert g["coordinates"][0][0] == g["coordinates"][0][-1]
    assert (
        kinds["unr-001"] is None and kinds["don-001"] == "Polygon" and kinds["tor-001"] == "Point"
    )


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".kml", ".csv"])
def test_round_trip_gives_identical_records(tmp_path, suffix):
    original = normalize_events(sample_events())
    back = read_events(write_events(sample_events(), tmp_path / f"events{suffix}"))
    if (
        suffix == ".kml"
    ):  # KML groups placemarks in a folder per claimant: same records, other order
        order = {eid: k for k, eid in enumerate(original["event_id"])}
        back = back.iloc[back["event_id"].map(order).argsort()].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        pd.DataFrame(back.drop(columns="geometry")),
        pd.DataFrame(original.drop(columns="geometry")),
        check_dtype=True,
    )
    for a, b in zip(original.geometry.values, back.geometry.values, strict=True):
        assert (
            (a is None and b is None)
            or shapely.equals_exact(a, b, tolerance=1e-9)
            or shapely.equals(a, b)
        ), (a, b)


def _merged_sample() -> pd.DataFrame:
    """The sample with the columns ``--merge-reports`` adds: lists as JSON text, with quotes
    holding the characters each format must carry (quotes, markup, a formula, a line break)."""
    events = sample_events()
    n = len(events)
    events["n_reports"] = pd.array([3] + [1] * (n - 2) + [None], dtype="Int64")
    events["doc_ids"] = [json.dumps(["a/1", "b;2", "https://t.me/x/3"])] + [None] * (n - 1)
    events["first_seen"] = ["2023-03-21"] * n
    quotes = ['He said "<b>held</b>"', "=1+1 & more\nline two", "Бахмут утримують"]
    events["quotes"] = [json.dumps(quotes, ensure_ascii=False)] + [None] * (n - 1)
    return events


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".kml", ".csv"])
def test_round_trip_keeps_merged_report_columns(tmp_path, suffix):
    original = normalize_events(_merged_sample())
    assert list(original.columns[-5:]) == [
        "n_reports",
        "doc_ids",
        "first_seen",
        "quotes",
        "geometry",
    ]
    back = read_events(write_events(_merged_sample(), tmp_path / f"events{suffix}"))
    order = {eid: k for k, eid in enumerate(original["event_id"])}
    back = back.iloc[back["event_id"].map(order).argsort()].reset_index(drop=True)
    merged = ["event_id", "n_reports", "doc_ids", "first_seen", "quotes"]
    pd.testing.assert_frame_equal(back[merged], original[merged], check_dtype=True)
    assert json.loads(back["quotes"].iloc[0])[1] == "=1+1 & more\nline two"


def test_unmerged_records_have_no_merge_columns(tmp_path):
    for suffix in (".geojson", ".csv", ".kml", ".gpkg"):
        back = read_events(write_events(sample_events(), tmp_path / f"events{suffix}"))
        assert "n_reports" not in back.columns and "quotes" not in back.columns


def test_gpkg_has_named_layers(tmp_path):
    import geopandas as gpd

    control = gpd.GeoDataFrame(
        {
            "source": ["DeepState"],
            "claimant": ["DeepState"],
            "date": ["2025-01-07"],
            "status": ["occupied"],
        },
        geometry=[shapely.box(37.5, 47.5, 38.5, 48.5)],
        crs=4326,
    )
    path = write_events(sample_events(), tmp_path / "out.gpkg", control=control, changes=control)
    layers = dict(pyogrio.list_layers(path))
    assert set(layers) == {"events", "regions", "control", "changes"}
    assert len(pyogrio.read_dataframe(path, layer="events")) == 12
    assert pyogrio.read_dataframe(path, layer="regions")["place_name"].tolist() == [
        "Donetsk Oblast"
    ]


def test_kml_has_folder_and_style_per_claimant(tmp_path):
    text = write_events(sample_events(), tmp_path / "e.kml").read_text()
    for name in ("Russian MoD", "Ukrainian military", "ISW"):
        assert f"<name>{name}</name>" in text
    assert text.count("<Style ") + text.count("<Style>") >= 4
    ru = claimant_color("Russian MoD")  # #c62828 -> KML aabbggrr
    assert f"ff{ru[5:7]}{ru[3:5]}{ru[1:3]}" in text.lower()
    # The hostile quote is escaped twice: for XML, and for the viewer that shows it as HTML.
    assert "&amp;lt;script&amp;gt;" in text and "<script>" not in text


def test_csv_in_acled_like_order(tmp_path):
    path = write_events(sample_events(), tmp_path / "e.csv")
    header = path.read_text().splitlines()[0].split(",")
    assert header[: len(CSV_COLUMNS)] == list(CSV_COLUMNS) and header[-1] == "geometry_wkt"
    assert header.index("latitude") + 1 == header.index("longitude")


@pytest.mark.parametrize("suffix", ["csv", "kml", "gpkg", "geojson"])
def test_a_point_moved_in_a_gis_is_written_at_its_point_in_every_format(tmp_path, suffix):
    """QGIS moves the geometry, not the latitude/longitude columns: CSV wrote the stale columns
    (Bakhmut's centre) while KML and GPKG wrote the point 45 km north."""
    events = sample_events()
    lon, lat = events.loc[0, "geometry"].x, events.loc[0, "geometry"].y  # Pokrovsk
    events.loc[0, "latitude"], events.loc[0, "longitude"] = lat, lon
    events.loc[0, "geometry"] = shapely.Point(lon - 0.19, lat + 0.4)  # dragged, columns kept
    back = read_events(write_events(events, tmp_path / f"e.{suffix}")).set_index("event_id")
    row = back.loc[events.loc[0, "event_id"]]
    assert (row["latitude"], row["longitude"]) == pytest.approx((lat + 0.4, lon - 0.19))
    assert (row.geometry.y, row.geometry.x) == pytest.approx((lat + 0.4, lon - 0.19))


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="unknown export format 'shp'"):
        write_events(sample_events(), tmp_path / "x.shp", fmt="shp")
    with pytest.raises(InputError, match="cannot tell the format"):
        write_events(sample_events(), tmp_path / "x.xyz")


@pytest.mark.parametrize(
    "geom, lat, lon, needle",
    [
        (shapely.Point(float("nan"), 48.0), None, None, "NaN"),
        (shapely.Point(37.8, 148.4), None, None, "out of range"),
        (shapely.Point(48.398, 37.847), None, None, "swapped"),
        (shapely.Point(48.398, 37.847), 37.847, 48.398, "swapped"),
    ],
)
def test_bad_coordinates_rejected_with_event_id(geom, lat, lon, needle):
    events = sample_events()
    events.loc[1, "geometry"] = geom
    events.loc[1, "latitude"] = lat
    events.loc[1, "longitude"] = lon
    with pytest.raises(InputError, match=rf"event_id 'tor-001'.*{needle}"):
        check_coordinates(normalize_events(events))
    flagged = check_coordinates(normalize_events(events), on_bad="flag")
    assert (
        flagged.loc[1, "resolution"] == "invalid_coordinates" and flagged.geometry.iloc[1] is None
    )
