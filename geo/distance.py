"""Great-circle distances on a spherical Earth: plenty for ranking candidates and flagging rows.

One formula (haversine, mean Earth radius) in two shapes: :func:`haversine_km` for one pair with
``math`` (no array overhead on the resolver's hot path) and :func:`haversine_km_array` for numpy
arrays that broadcast, used for whole tables and by :func:`nearest_km` for candidate × context grids.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def haversine_km_array(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Distance in km between arrays of points in degrees (broadcasting; NaN where any input is NaN)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def nearest_km(points: Sequence[tuple[float, float]], near: Sequence[tuple[float, float]]) -> np.ndarray:
    """For each (lat, lon) of ``points``, the distance in km to the nearest (lat, lon) of ``near``."""
    p, q = np.asarray(points, dtype=float), np.asarray(near, dtype=float)
    return haversine_km_array(p[:, None, 0], p[:, None, 1], q[None, :, 0], q[None, :, 1]).min(axis=1)
