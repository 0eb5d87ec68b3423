"""Day-to-day and long-range change on the shared DeepState files, checked against areas
computed independently: raw GeoJSON rings measured one by one with ``pyproj.Geod``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import shape
from shared_data import deepstate

from geo.frontline import diff_layers, read_control

GEOD = Geod(ellps="WGS84")


def raw_shape(path: Path):
    features = json.loads(path.read_text())["features"]
    return shapely.union_all([shape(f["geometry"]) for f in features])


def direct_km2(geometry) -> float:
    """Shell areas minus hole areas, each ring measured by Geod on its own."""
    total = 0.0
    for polygon in shapely.get_parts(geometry):
        lon, lat = polygon.exterior.coords.xy
        total += abs(GEOD.polygon_area_perimeter(lon, lat)[0])
        for hole in polygon.interiors:
            lon, lat = hole.coords.xy
            total -= abs(GEOD.polygon_area_perimeter(lon, lat)[0])
    return total / 1e6


# (A, B, gained km², lost km²): figures from the direct computation, stated to 0.01 km².
CONSECUTIVE = [
    ("20241231", "20250102", 13.50, 0.05),
    ("20250102", "20250103", 0.00, 0.00),
    ("20250103", "20250104", 10.71, 0.49),
    ("20250104", "20250105", 11.51, 0.08),
    ("20250105", "20250106", 5.38, 0.00),
    ("20250106", "20250107", 13.02, 0.00),
]


@pytest.mark.parametrize(("day_a", "day_b", "gained", "lost"), CONSECUTIVE)
def test_consecutive_days(day_a, day_b, gained, lost):
    path_a, path_b = deepstate(day_a), deepstate(day_b)
    result = diff_layers(read_control(path_a).frame, read_control(path_b).frame)
    raw_a, raw_b = raw_shape(path_a), raw_shape(path_b)
    # Independent figures, within 0.5 %.
    assert result.area_a_km2 == pytest.approx(direct_km2(raw_a), rel=5e-3)
    assert result.area_b_km2 == pytest.approx(direct_km2(raw_b), rel=5e-3)
    assert result.gained_km2 == pytest.approx(
        direct_km2(raw_b.difference(raw_a)), rel=5e-3, abs=0.01
    )
    assert result.lost_km2 == pytest.approx(direct_km2(raw_a.difference(raw_b)), rel=5e-3, abs=0.01)
    # Stated figures, ±0.02 km².
    assert result.gained_km2 == pytest.approx(gained, abs=0.02)
    assert result.lost_km2 == pytest.approx(lost, abs=0.02)
    # Net change is the change of total area.
    assert result.net_km2 == pytest.approx(result.area_b_km2 - result.area_a_km2, abs=0.01)
    summary = result.summary()
    assert set(summary) >= {"area_a_km2", "area_b_km2", "gained_km2", "lost_km2", "net_km2"}
    assert summary["date_a"][:4] in {"2024", "2025"} and summary["date_b"].startswith("2025-01")


def test_two_year_change():
    path_a, path_b = deepstate("20240801"), deepstate("20260801")
    result = diff_layers(read_control(path_a).frame, read_control(path_b).frame)
    raw_a, raw_b = raw_shape(path_a), raw_shape(path_b)
    assert result.area_a_km2 == pytest.approx(direct_km2(raw_a), rel=5e-3)
    assert result.area_b_km2 == pytest.approx(direct_km2(raw_b), rel=5e-3)
    assert result.gained_km2 == pytest.approx(direct_km2(raw_b.difference(raw_a)), rel=5e-3)
    assert result.lost_km2 == pytest.approx(direct_km2(raw_a.difference(raw_b)), rel=5e-3)
    # 109,495 km² occupied on 2024-08-01, 117,020 km² on 2026-08-01 (±0.1 %).
    assert result.area_a_km2 == pytest.approx(109_495.2, rel=1e-3)
    assert result.area_b_km2 == pytest.approx(117_020.4, rel=1e-3)
    assert result.net_km2 == pytest.approx(7_525.2, rel=5e-3)


def test_change_polygons_carry_their_areas():
    result = diff_layers(
        read_control(deepstate("20250103")).frame, read_control(deepstate("20250104")).frame
    )
    changes = result.changes()
    assert set(changes["change"]) == {"gained", "lost"}
    assert (changes.geom_type == "Polygon").all()
    by_change = changes.groupby("change")["area_km2"].sum()
    assert by_change["gained"] == pytest.approx(result.gained_km2, rel=1e-3)
    assert by_change["lost"] == pytest.approx(result.lost_km2, rel=1e-3)
    assert (changes["date_a"] == "2025-01-03").all() and (changes["date_b"] == "2025-01-04").all()
    # Change patches lie along the Donetsk front, not in Crimea.
    assert changes.total_bounds[1] > 47.5
