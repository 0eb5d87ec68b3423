"""Great-circle distances on a spherical Earth: plenty for ranking candidates and flagging rows.

One formula (haversine, mean Earth radius) in two shapes: :func:`haversine_km` for one pair with
``math`` and :func:`haversine_km_array` for numpy arrays that broadcast (whole tables);
:func:`nearest_km` serves the resolver's small candidate × context grids without array overhead
(:func:`nearest_km_vectors` when the unit vectors are kept). Bearings, which must be right far
from the equator too, are pyproj's geodesics on WGS84 (:func:`bearing_deg`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from pyproj import Geod

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius
BEARINGS = {
    "north": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "west": 270.0,
    "northwest": 315.0,
}
"""Compass words as azimuths (degrees clockwise from north)."""


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The geodesic azimuth from the first point towards the second, in [0, 360)."""
    forward, _, _ = wgs84().inv(lon1, lat1, lon2, lat2)
    return float(forward) % 360.0


@lru_cache(maxsize=1)
def wgs84() -> Geod:
    """pyproj's geodesic on the WGS84 ellipsoid (pyproj is imported on first use)."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


def in_compass_sector(bearing: float, direction: str, half_angle: float) -> bool:
    """Does ``bearing`` lie within ``half_angle`` degrees of the compass word ``direction``?"""
    centre = BEARINGS[direction.replace("-", "").lower()]
    return abs((bearing - centre + 180.0) % 360.0 - 180.0) <= half_angle


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def haversine_km_array(
    lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray
) -> np.ndarray:
    """Distance in km between arrays of points in degrees (broadcasting;
    NaN where any input is NaN)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    h = (
        np.sin((p2 - p1) / 2) ** 2
        + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


UnitVector = tuple[float, float, float]
_DIAMETER_KM = 2 * EARTH_RADIUS_KM


@lru_cache(maxsize=262_144)
def unit_vector(lat: float, lon: float) -> UnitVector:
    """The point at (lat, lon) degrees on the unit sphere
    (cached: callers meet the same places again)."""
    p, q = math.radians(lat), math.radians(lon)
    return math.cos(p) * math.cos(q), math.cos(p) * math.sin(q), math.sin(p)


def nearest_km(
    points: Sequence[tuple[float, float]], near: Sequence[tuple[float, float]]
) -> list[float]:
    """For each (lat, lon) of ``points``, the distance in km to the nearest
    (lat, lon) of ``near``."""
    return nearest_km_vectors(
        [unit_vector(lat, lon) for lat, lon in points], [unit_vector(lat, lon) for lat, lon in near]
    )


def nearest_km_vectors(vectors: Sequence[UnitVector], targets: Sequence[UnitVector]) -> list[float]:
    """:func:`nearest_km` over :func:`unit_vector` points, for callers that keep the vectors.

    The grids are small (a name's few namesakes × a document's places), so this stays in plain
    Python: the squared chord between unit vectors is minimised (haversine's ``h`` is a quarter
    of it) and only the winner is turned into an arc. The minimum is the one ``min()`` over
    ``(x - a) ** 2 + (y - b) ** 2 + (z - c) ** 2`` gives, bit for bit, with less work: the sum
    is built term by term in that order and abandoned once it reaches the best so far (adding
    squares never makes it smaller). ``** 2`` stays: libm's ``pow`` and ``d * d`` differ in the
    last bit for about one value in a thousand."""
    if not targets:
        raise ValueError("no points to measure from")
    if len(vectors) * len(targets) > LARGE_GRID:
        return _nearest_km_numpy(vectors, targets)
    (a0, b0, c0), rest = targets[0], targets[1:]
    out = []
    for x, y, z in vectors:
        chord2 = (x - a0) ** 2 + (y - b0) ** 2 + (z - c0) ** 2
        for a, b, c in rest:
            s = (x - a) ** 2
            if s < chord2:
                s += (y - b) ** 2
                if s < chord2:
                    s += (z - c) ** 2
                    if s < chord2:  # noqa: PLR1730 (builtin min() per pair costs more than the sum)
                        chord2 = s
        half = math.sqrt(chord2) / 2
        out.append(_DIAMETER_KM * math.asin(half if half < 1.0 else 1.0))  # noqa: FURB136 (as above)
    return out


LARGE_GRID = 256
"""Above this many pairs (fifty namesakes × a long document's places) numpy's vector arithmetic
beats the loop above; its minimum may differ from the loop's in the last bit."""


def _nearest_km_numpy(vectors: Sequence[UnitVector], targets: Sequence[UnitVector]) -> list[float]:
    v = np.asarray(vectors, dtype=float)
    t = np.asarray(targets, dtype=float)
    chord2 = ((v[:, None, :] - t[None, :, :]) ** 2).sum(axis=2).min(axis=1)
    half = np.minimum(np.sqrt(chord2) / 2, 1.0)
    return (_DIAMETER_KM * np.arcsin(half)).tolist()
