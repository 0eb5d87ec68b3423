"""Reading control-of-terrain layers: real DeepState files and the bad inputs users send."""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shared_data import DEEPSTATE, SHARED, deepstate  # noqa: F401

from geo.core.errors import InputError
from geo.frontline import CONTROL_COLUMNS, area_km2, date_from_name, read_control


def feature_collection(path: Path, geometries: list, properties: list[dict] | None = None) -> Path:
    properties = properties or [{} for _ in geometries]
    features = [
        {"type": "Feature", "properties": p, "geometry": shapely.geometry.mapping(g)}
        for g, p in zip(geometries, properties, strict=True)
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def test_deepstate_day_is_normalised():
    layer = read_control(deepstate("20250102"))
    frame = layer.frame
    assert list(frame.columns) == list(CONTROL_COLUMNS)
    assert frame.crs.to_epsg() == 4326
    assert frame.loc[0, "date"] == "2025-01-02"
    assert frame.loc[0, "source"] == "DeepStateMap"
    assert frame.loc[0, "status"] == "occupied"
    assert layer.notes == []
    # Occupied Ukraine incl. Crimea on 2 Jan 2025: 111,885.56 km²
    # (direct Geod figure, see diff tests).
    assert area_km2(frame.geometry.iloc[0]) == pytest.approx(111_885.56, rel=1e-4)


def test_date_from_name():
    assert date_from_name("deepstatemap_data_20250102.geojson") == "2025-01-02"
    assert date_from_name("isw_2024-08-01.gpkg") == "2024-08-01"
    assert date_from_name("layer_20251399.geojson") is None
    assert date_from_name("drawn.kml") is None


def test_empty_feature_collection_is_a_clear_error(tmp_path):
    path = tmp_path / "empty_20250101.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(InputError, match="no features") as err:
        read_control(path)
    assert err.value.source == str(path)


def test_no_date_anywhere_asks_for_date_option(tmp_path):
    path = feature_collection(tmp_path / "drawn.geojson", [box(37, 48, 37.1, 48.1)])
    with pytest.raises(InputError, match="--date"):
        read_control(path)
    assert read_control(path, date="2025-01-05").frame.loc[0, "date"] == "2025-01-05"


def test_bad_date_option_is_a_clear_error(tmp_path):
    path = feature_collection(tmp_path / "drawn.geojson", [box(37, 48, 37.1, 48.1)])
    with pytest.raises(InputError, match="as a date"):
        read_control(path, date="fifth of January")


def test_bowtie_is_repaired_and_reported(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="geo")
    bowtie = Polygon([(37.0, 48.0), (37.2, 48.2), (37.2, 48.0), (37.0, 48.2), (37.0, 48.0)])
    assert not bowtie.is_valid
    path = feature_collection(tmp_path / "bowtie_20250105.geojson", [bowtie])
    layer = read_control(path)
    assert len(layer.notes) == 1 and "repaired 1 invalid" in layer.notes[0]
    assert "Self-intersection" in layer.notes[0]
    assert "repaired" in caplog.text
    geom = layer.frame.geometry.iloc[0]
    assert geom.is_valid and geom.geom_type == "MultiPolygon" and len(geom.geoms) == 2
    # The two triangles are half the 0.2° square (~14.9 km x 22.2 km at 48° N).
    assert area_km2(geom) == pytest.approx(area_km2(box(37.0, 48.0, 37.2, 48.2)) / 2, rel=1e-3)


def test_projected_crs_is_reprojected_and_said(tmp_path):
    square = gpd.GeoDataFrame(
        {"date": ["2025-01-05"], "status": ["Assessed Russian Control"]},
        geometry=[box(37, 48, 37.1, 48.1)],
        crs=4326,
    )
    path = tmp_path / "isw.gpkg"
    square.to_crs(3857).to_file(path, driver="GPKG")
    layer = read_control(path)
    assert any("reprojected from EPSG:3857" in n for n in layer.notes)
    frame = layer.frame
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[0].bounds == pytest.approx((37, 48, 37.1, 48.1), abs=1e-6)
    assert frame.loc[0, "status"] == "assessed russian control"
    assert frame.loc[0, "date"] == "2025-01-05"
    assert frame.loc[0, "source"] == "isw"


def test_mixed_geometry_types_keep_polygons_and_report(tmp_path):
    path = feature_collection(
        tmp_path / "mixed_20250105.geojson",
        [box(37, 48, 37.1, 48.1), Point(37, 48), LineString([(37, 48), (38, 49)])],
    )
    layer = read_control(path)
    assert len(layer.frame) == 1
    assert layer.notes == [
        "dropped 2 non-polygon features (1 Point, 1 LineString): a control layer holds areas"
    ]


def test_only_points_is_a_clear_error(tmp_path):
    path = feature_collection(tmp_path / "points_20250105.geojson", [Point(37, 48), Point(38, 48)])
    with pytest.raises(InputError, match="no polygons"):
        read_control(path)


def test_kmz_that_is_not_a_zip(tmp_path):
    path = tmp_path / "layer_20250105.kmz"
    path.write_text("<kml>not zipped</kml>")
    with pytest.raises(InputError, match="zip archive"):
        read_control(path)


def test_real_kmz_and_shapefile_read(tmp_path):
    square = gpd.GeoDataFrame({"status": ["claimed"]}, geometry=[box(37, 48, 37.1, 48.1)], crs=4326)
    kml = tmp_path / "doc.kml"
    square.to_file(kml, driver="KML")
    kmz = tmp_path / "drawn_20250106.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.write(kml, "doc.kml")
    from_kmz = read_control(kmz, claimant="analyst")
    assert from_kmz.frame.loc[0, "date"] == "2025-01-06"
    assert from_kmz.frame.loc[0, "claimant"] == "analyst"
    shp = tmp_path / "drawn.shp"
    square.to_file(shp)
    from_shp = read_control(shp, date="2025-01-06")
    assert from_shp.frame.loc[0, "status"] == "claimed"
    assert area_km2(from_kmz.frame.geometry.iloc[0]) == pytest.approx(
        area_km2(from_shp.frame.geometry.iloc[0]), rel=1e-6
    )


def test_not_a_vector_file(tmp_path):
    path = tmp_path / "notes_20250105.geojson"
    path.write_text("this is not json")
    with pytest.raises(InputError, match="cannot read"):
        read_control(path)
