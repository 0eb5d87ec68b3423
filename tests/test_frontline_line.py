"""Frontline lines: the occupied area's edge without the international border and the coast."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
import shapely.ops
from pyproj import Geod, Transformer
from shapely.geometry import box

from geo.frontline import read_control
from geo.frontline.line import country_outline, default_outline, frontline, frontline_lines

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEEPSTATE = SHARED / "deepstate"
GEOD = Geod(ellps="WGS84")
DAYS = [
    "20240801",
    "20241231",
    "20250102",
    "20250103",
    "20250104",
    "20250105",
    "20250106",
    "20250107",
    "20260801",
]


@pytest.fixture(scope="module")
def layers():
    paths = [DEEPSTATE / f"deepstatemap_data_{d}.geojson" for d in DAYS]
    if not all(p.exists() for p in paths):
        pytest.skip(f"../shared/data not present: {DEEPSTATE}")
    return pd.concat([read_control(p).frame for p in paths], ignore_index=True)


@pytest.fixture(scope="module")
def lines(layers):
    return frontline_lines(layers)


def test_one_line_per_date_of_plausible_length(lines):
    assert lines["date"].tolist() == [f"{d[:4]}-{d[4:6]}-{d[6:]}" for d in DAYS]
    assert set(lines.geom_type) <= {"LineString", "MultiLineString"}
    # The front from the Sumy and Kharkiv border to the Dnipro delta: 1,100-1,250 km in these
    # layers (1,153.15 km on 2025-01-02 with the default 3 km strip along the shipped outline).
    assert lines["length_km"].between(1_100, 1_250).all()
    by_day = lines.set_index("date")["length_km"]
    assert by_day.loc["2025-01-02"] == pytest.approx(1_153.15, abs=0.5)
    # Consecutive days move the line by a few km at most.
    daily = lines[lines["date"].between("2024-12-31", "2025-01-07")]["length_km"]
    assert daily.diff().abs().max() < 15


def test_line_lies_on_the_occupied_edge_away_from_border(layers, lines):
    to_utm = Transformer.from_crs(
        4326, 32637, always_xy=True
    )  # a different projection from line.py's

    def utm(geom):
        return shapely.transform(geom, lambda xy: np.column_stack(to_utm.transform(*xy.T)))

    border = utm(default_outline()[0].boundary)
    for line, area in zip(lines.geometry, layers.dissolve(by="date").geometry, strict=True):
        vertices = shapely.points(shapely.get_coordinates(line))
        # On the edge: cut points sit on the projected chord of a boundary segment, metres off.
        assert shapely.distance(vertices, area.boundary).max() < 1e-4  # degrees, ~10 m
        assert shapely.distance(utm(shapely.multipoints(vertices)), border) > 2_900  # metres


@pytest.mark.parametrize(
    ("day", "town", "lon", "lat"),
    [
        ("20250107", "Vovchansk", 36.94, 50.29),  # 4-5 km from the Russian border
        ("20260801", "Vovchansk", 36.94, 50.29),
        ("20260801", "Yunakivka (Sumy oblast)", 35.0, 51.1),
    ],
)
def test_front_near_the_russian_border_is_kept(layers, lines, day, town, lon, lat):
    """The shipped outline is fine enough for a 3 km strip: the front a few km from the border
    stays in the line (countryinfo's outline needed 15 km, which cut it)."""
    iso = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    line = lines.set_index("date").loc[iso, "geometry"]
    metres = GEOD.inv(lon, lat, *_nearest(line, lon, lat))[2]
    assert metres < 6_000, town
    area = shapely.union_all(layers.loc[layers["date"].astype(str) == iso, "geometry"].values)
    coarse = frontline(area, outline=country_outline(), tolerance_km=15)
    assert GEOD.inv(lon, lat, *_nearest(coarse, lon, lat))[2] > metres + 5_000


def _nearest(geom, lon: float, lat: float) -> tuple[float, float]:
    point = shapely.ops.nearest_points(geom, shapely.Point(lon, lat))[0]
    return point.x, point.y


def test_synthetic_area_against_the_border():
    outline = box(30, 45, 40, 52)
    occupied = box(38, 47, 40, 49)  # east side on the border
    line = frontline(occupied, outline=outline, tolerance_km=1)
    # West side whole, north and south sides up to 1 km short of the border (±1 %).
    expected = (
        GEOD.line_length([38, 38], [47, 49])
        + GEOD.line_length([38, 40], [49, 49])
        + GEOD.line_length([38, 40], [47, 47])
        - 2_000
    ) / 1e3
    assert GEOD.geometry_length(line) / 1e3 == pytest.approx(expected, rel=0.01)
    assert line.bounds[2] < 40


def test_area_inside_the_country_is_all_front():
    occupied = box(35, 48, 35.5, 48.5)
    line = frontline(occupied)
    assert GEOD.geometry_length(line) == pytest.approx(
        GEOD.geometry_length(occupied.exterior), rel=1e-3
    )


def test_empty_area_has_no_front():
    assert frontline(shapely.Polygon()).is_empty
