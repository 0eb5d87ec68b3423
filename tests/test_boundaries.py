"""True region shapes: the committed oblast table, the build that loads it, claim geometry.

Areas are geodesic (pyproj.Geod on WGS84); the official areas are the State Statistics Service
figures (Donetsk 26,517 km², Zaporizhzhia 27,180 km²)."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Geod

from geo.gazetteer import GazetteerStore
from geo.gazetteer.boundaries import (
    basemap_land,
    clip_footprints_to_land,
    load_boundaries,
    oblast_boundaries,
    ukraine_outline,
)
from geo.gazetteer.store import overlay_dir
from geo.geometry import claim_geometry
from geo.render.layers import label_min_zoom, place_labels
from tests.shared_data import BOUNDARIES_ADM1

GEOD = Geod(ellps="WGS84")
# Points in the Sea of Azov that geoBoundaries' outlines (12 nautical miles out) still cover.
AZOV_SEA = {"UA-23": [(36.5, 46.55), (35.5, 46.3)], "UA-65": [(35.2, 45.85)]}


def km2(geometry: shapely.Geometry) -> float:
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


def oblast(iso: str) -> shapely.Geometry:
    frame = oblast_boundaries()
    return frame.geometry.values[np.flatnonzero(frame["iso"] == iso)[0]]


def region_claim(code: str) -> gpd.GeoDataFrame:
    """One region-level claim about admin unit ``code``, as the extractor writes it."""
    row = {
        "event_id": "e1",
        "place_id": f"adm:{code}",
        "geo_precision": 3,
        "latitude": 48.0,
        "longitude": 37.8,
        "direction": None,
    }
    return gpd.GeoDataFrame([row], geometry=[shapely.Point(37.8, 48.0)], crs=4326)


def test_table_has_every_oblast_keyed_like_the_admin_units() -> None:
    with (overlay_dir() / "ua_admin_units.csv").open(encoding="utf-8", newline="") as fh:
        units = {r["iso"]: r["pcode"] for r in csv.DictReader(fh) if r["level"] == "1"}
    frame = oblast_boundaries()
    assert len(frame) == 27
    assert dict(zip(frame["iso"], frame["pcode"], strict=True)) == units
    assert shapely.is_valid(frame.geometry.values).all()
    assert shapely.coverage_is_valid(frame.geometry.values)  # neighbours share one edge


def test_donetsk_is_the_oblast_not_a_hull() -> None:
    west, _south, east, _north = oblast("UA-14").bounds
    assert west == pytest.approx(36.54, abs=0.05)
    assert east == pytest.approx(38.95, abs=0.15)
    assert km2(oblast("UA-14")) == pytest.approx(26_517, rel=0.05)
    assert km2(oblast("UA-23")) == pytest.approx(27_180, rel=0.05)


@pytest.mark.parametrize("iso", sorted(AZOV_SEA))
def test_coastal_oblasts_end_at_the_coast(iso: str) -> None:
    for lon, lat in AZOV_SEA[iso]:
        assert not shapely.contains_xy(oblast(iso), lon, lat), (iso, lon, lat)


def test_the_source_file_did_reach_into_the_sea() -> None:
    """The points above are a real test: the untrimmed outlines do cover them."""
    if not BOUNDARIES_ADM1.is_file():
        pytest.skip(f"../shared/data not present: {BOUNDARIES_ADM1}")
    raw = gpd.read_file(BOUNDARIES_ADM1).set_index("shapeISO")
    for iso, points in AZOV_SEA.items():
        assert all(shapely.contains_xy(raw.geometry[iso], lon, lat) for lon, lat in points)


def test_neighbour_land_leaves_ukraine_to_the_oblasts() -> None:
    land = basemap_land()
    assert {"Russia", "Belarus", "Moldova", "Poland"} <= set(land["name"])
    russia = land.geometry.values[np.flatnonzero(land["name"] == "Russia")[0]]
    assert not shapely.contains_xy(russia, 34.1, 45.0)  # Crimea is drawn as Ukraine's oblast
    assert shapely.contains_xy(russia, 36.6, 50.6)  # Belgorod


def test_default_store_carries_the_boundaries(gazetteer_store: GazetteerStore) -> None:
    """The build reads only committed tables: a store built anywhere has the true shapes."""
    wkb, kind = gazetteer_store.admin_geometry("UA.05")
    assert kind == "boundary"
    assert shapely.equals_exact(shapely.from_wkb(wkb), oblast("UA-14"), tolerance=1e-6)


def test_region_claim_gets_the_oblast_shape(gazetteer_store: GazetteerStore) -> None:
    shape = claim_geometry(region_claim("UA.05"), gazetteer_store).geometry.iloc[0]
    west, _south, east, _north = shape.bounds
    assert (west, east) == (pytest.approx(36.54, abs=0.05), pytest.approx(38.95, abs=0.15))
    assert km2(shape) == pytest.approx(26_517, rel=0.05)


def test_imported_outline_replaces_the_built_in_shape(gazetteer_store: GazetteerStore) -> None:
    square = shapely.box(37.0, 47.5, 38.0, 48.5)
    imported = gpd.GeoDataFrame({"shapeISO": ["UA-14"]}, geometry=[square], crs=4326)
    shape = claim_geometry(region_claim("UA.05"), gazetteer_store, imported).geometry.iloc[0]
    assert shapely.equals(shape, square)


def test_event_table_region_row_draws_the_region(gazetteer_store: GazetteerStore) -> None:
    frame = region_claim("UA.26").assign(place_id=None, admin1_code="UA.26")
    shape = claim_geometry(frame, gazetteer_store).geometry.iloc[0]
    assert shape.geom_type in ("Polygon", "MultiPolygon")
    assert km2(shape) == pytest.approx(27_180, rel=0.05)


def test_point_rows_keep_their_points(gazetteer_store: GazetteerStore) -> None:
    frame = region_claim("UA.05").assign(geo_precision=1, place_id="ua:1")
    assert claim_geometry(frame, gazetteer_store).geometry.iloc[0].geom_type == "Point"


@pytest.fixture
def bare_store(tmp_path) -> sqlite3.Connection:
    """An empty store with Zaporizhzhia oblast and one raion whose hull spills into the sea."""
    store = GazetteerStore(tmp_path / "g.sqlite", create=True)
    spill = shapely.box(35.0, 46.2, 36.8, 47.2)  # raion hull reaching 40 km out into the Azov
    store.conn.executemany(
        "INSERT INTO admin_units (code, iso, level, name, country, footprint, source) "
        "VALUES (?, ?, ?, ?, 'UA', ?, 'test')",
        [
            ("UA.26", "UA-23", 1, "Zaporizka", shapely.to_wkb(spill)),
            ("UA.26.X", None, 2, "Coastal raion", shapely.to_wkb(spill)),
            ("XX.01", None, 1, "Far away", shapely.to_wkb(shapely.box(100, 10, 101, 11))),
        ],
    )
    yield store.conn
    store.close()


def test_build_steps_load_shapes_and_clip_hulls_to_land(bare_store: sqlite3.Connection) -> None:
    assert load_boundaries(bare_store, overlay_dir()) == 1
    assert clip_footprints_to_land(bare_store, overlay_dir()) == 1  # the raion, not the far one
    rows = dict(bare_store.execute("SELECT code, footprint FROM admin_units"))
    raion = shapely.from_wkb(rows["UA.26.X"])
    assert not any(shapely.contains_xy(raion, lon, lat) for lon, lat in AZOV_SEA["UA-23"])
    assert shapely.contains_xy(raion, 35.4, 47.0)  # land north of the coast is kept
    assert shapely.equals(shapely.from_wkb(rows["XX.01"]), shapely.box(100, 10, 101, 11))
    boundary = bare_store.execute("SELECT boundary FROM admin_units WHERE code = 'UA.26'")
    assert shapely.equals_exact(shapely.from_wkb(boundary.fetchone()[0]), oblast("UA-23"), 1e-6)


def test_ukraine_outline_ships_each_edge_once() -> None:
    whole, inner = ukraine_outline()
    assert km2(whole) == pytest.approx(sum(km2(g) for g in oblast_boundaries().geometry), 1e-3)
    # the inner borders touch the country's border only at their ends
    assert shapely.length(shapely.intersection(inner, shapely.boundary(whole))) == 0
    # Donetsk–Zaporizhzhia is an inner border; the Azov coast of Donetsk oblast is not
    assert shapely.distance(inner, shapely.Point(36.9, 47.6)) < 0.1  # on the Donetsk–Zap. line
    assert shapely.distance(inner, shapely.Point(37.5, 47.05)) > 0.1  # Mariupol's coast


def test_place_labels_largest_first_with_zoom_by_population(
    gazetteer_store: GazetteerStore,
) -> None:
    labels = place_labels((37.0, 47.8, 38.5, 48.8), gazetteer_store)
    assert labels is not None and len(labels["name"]) > 500
    assert labels["name"][0] == "Donetsk" and labels["minZoom"][0] == 5
    assert labels["minZoom"] == sorted(labels["minZoom"])  # larger places first
    lon = np.asarray(labels["lon"]) / labels["scale"][0]
    assert lon.min() >= 37.0 and lon.max() <= 38.5
    assert list(label_min_zoom(np.array([2_000_000, 80_000, 12_000, 400]))) == [5, 7, 8, 11]


def test_map_with_boundaries_draws_one_shape_per_region(tmp_path, gazetteer_store) -> None:
    """`frontline map --boundaries`: the region claim takes the imported outline, and the
    imported outlines replace the built-in oblast borders."""
    from geo.core.io import write_events
    from tests.test_render_fixtures import sample_events

    region = sample_events()
    region = region[region["geo_precision"] == 3].assign(place_id="adm:UA.26")
    events = write_events(region, tmp_path / "events.geojson")
    square = shapely.box(35.25, 47.25, 36.75, 48.0)
    boundary = tmp_path / "adm1.geojson"
    gpd.GeoDataFrame({"shapeISO": ["UA-23"]}, geometry=[square], crs=4326).to_file(boundary)
    out = subprocess.run(
        [sys.executable, "-m", "geo", "map", str(events), "--boundaries", str(boundary),
         "-o", str(tmp_path / "m.html")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    page = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert page.count("[36.75,48.0]") == 2  # the outline layer, and the claim drawn with it
    assert "Admin boundaries (1)" in page and '"Oblast borders"' not in page


def test_run_draws_an_acled_region_row_as_its_oblast(tmp_path, extractor) -> None:
    """`run --events`: a real event-table row at region level (ACLED geo_precision 3,
    "Donetsk") gets the oblast's shape, not a point under a 100 km circle."""
    from datetime import date

    from geo.pipeline import run

    root = Path(__file__).resolve().parents[1] / "examples"
    result = run(
        [root / "sitrep_2023-03-21.txt"], tmp_path / "out", published=date(2023, 3, 21),
        event_tables=[root / "events" / "acled_sample.csv"], extractor=extractor,
    )  # fmt: skip
    row = result.events[result.events["event_id"] == "UKR100130"]
    assert row["geo_precision"].iloc[0] == 3
    shape = row.geometry.iloc[0]
    assert shape.geom_type in ("Polygon", "MultiPolygon")
    assert km2(shape) == pytest.approx(26_517, rel=0.05)


def test_map_of_an_imported_table_draws_its_region_row_as_the_oblast(tmp_path) -> None:
    """`events import` keeps an ACLED region row (geo_precision 3, "Donetsk") at the table's
    point; `map` on that file draws the row as the oblast, as `run --events` does, without a
    --boundaries file: the oblast's outline is in the page twice (basemap and claim)."""
    table = Path(__file__).resolve().parents[1] / "examples" / "events" / "acled_sample.csv"
    events, page = tmp_path / "events.geojson", tmp_path / "m.html"
    for argv in (["events", "import", str(table), "-o", str(events)],
                 ["map", str(events), "-o", str(page)]):  # fmt: skip
        out = subprocess.run([sys.executable, "-m", "geo", *argv], capture_output=True,
                             text=True, timeout=300)  # fmt: skip
        assert out.returncode == 0, out.stderr
    oblasts = oblast_boundaries()
    donetsk = oblasts.loc[oblasts["iso"] == "UA-14", "geometry"].iloc[0]
    x, y = shapely.get_coordinates(donetsk)[5]
    assert page.read_text(encoding="utf-8").count(f"[{x},{y}]") == 2
