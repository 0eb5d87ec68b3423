"""The array reader of point GeoJSON (geo.core.io.events._point_collection) gives exactly the
records the feature-by-feature reader gives, and leaves every file it cannot judge (a broken or
hostile feature, a number no column holds) to that reader, which reports each problem."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from test_render_fixtures import sample_events

from geo.core.io import events as io_events
from geo.core.io import read_events, write_events
from geo.core.records import INVALID


def both_readers(path: Path) -> tuple[gpd.GeoDataFrame | None, gpd.GeoDataFrame]:
    """The array reader's and the feature-by-feature reader's frames of ``path``."""
    features = io_events.load_json(path)["features"]
    return io_events._point_collection(features), io_events._feature_collection(features, path)


def point_events() -> gpd.GeoDataFrame:
    """The sample events whose geometry is a point or none (regions and sectors left out)."""
    events = sample_events()
    kinds = shapely.get_type_id(events.geometry.values)
    return events[(kinds == 0) | shapely.is_missing(events.geometry.values)]


def test_point_file_reads_the_same_both_ways(tmp_path):
    events = point_events()
    assert events.geometry.isna().any() and events.geometry.notna().sum() >= 5
    path = write_events(events, tmp_path / "points.geojson")
    fast, slow = both_readers(path)
    assert fast is not None
    assert_geodataframe_equal(fast, slow)
    assert len(fast) == len(events)


def test_hand_written_points_with_odd_properties_read_the_same(tmp_path):
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37, 48.5]},
         "properties": {"event_id": "a", "quantity": 10**40, "tags": ["x", "y"], "n": None}},
        {"type": "Feature", "geometry": None, "properties": {"event_id": "b", "extra": True}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.61, 47.9]},
         "properties": {"event_id": "c", "quote": "<script>alert(1)</script>", "n": 2.5}},
    ]  # fmt: skip
    path = tmp_path / "hand.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    fast, slow = both_readers(path)
    assert fast is not None
    assert_geodataframe_equal(fast, slow)
    assert (fast.geometry.iloc[0].x, fast.geometry.iloc[0].y) == (37.0, 48.5)
    assert fast.geometry.iloc[1] is None


def test_mixed_geometries_are_left_to_the_feature_reader(tmp_path):
    path = write_events(sample_events(), tmp_path / "all.geojson")  # regions and sectors too
    fast, slow = both_readers(path)
    assert fast is None
    assert len(slow) == len(sample_events())


@pytest.mark.parametrize(
    ("geometry", "properties", "reported"),
    [
        ({"type": "Point", "coordinates": [1, "a"]}, {}, "Point with unreadable coordinates"),
        ({"type": "Point", "coordinates": [True, 48]}, {}, None),
        ({"type": "Point", "coordinates": [37, 48, 5]}, {}, None),
        ({"type": "Point", "coordinates": [1e400, 48]}, {}, None),
        ({"type": "Point", "coordinates": [37, 48]}, {"confidence": 1e400}, "'confidence' is inf"),
        ({"type": "Point", "coordinates": [37, 48]}, [1, 2], "properties are not an object"),
    ],
    ids=["str-ordinate", "bool-ordinate", "3d", "inf-ordinate", "inf-property", "list-props"],
)
def test_a_feature_the_array_reader_cannot_judge_goes_feature_by_feature(
    tmp_path, caplog, geometry, properties, reported
):
    good = json.loads(write_events(point_events(), tmp_path / "good.geojson").read_text())
    odd = {"type": "Feature", "geometry": geometry, "properties": properties}
    path = tmp_path / "odd.geojson"
    path.write_text(json.dumps({**good, "features": [*good["features"], odd]}))
    fast, _ = both_readers(path)
    assert fast is None
    with caplog.at_level(logging.WARNING):
        events = read_events(path)
    assert len(events) == len(good["features"]) + 1
    if reported:
        assert f"{path}: feature {len(events)}: " in caplog.text and reported in caplog.text


def test_nan_literal_is_reported_not_read_as_a_point(tmp_path, caplog):
    text = write_events(point_events(), tmp_path / "good.geojson").read_text()
    path = tmp_path / "nan.geojson"
    path.write_text(re.sub(r'"confidence":[0-9.]+', '"confidence":NaN', text, count=1))
    assert '"confidence":NaN' in path.read_text()
    with caplog.at_level(logging.WARNING):
        events = read_events(path)
    assert "is nan, not a usable number" in caplog.text
    assert len(events) == len(point_events())
    assert events["resolution"].ne(INVALID).all()
