"""Geodesic measures on the WGS84 ellipsoid: areas in km² and lengths in km.

Planar areas in lon/lat degrees are meaningless and a projected CRS distorts them; every figure
the frontline stage reports comes from :class:`pyproj.Geod` instead.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

GEOD = Geod(ellps="WGS84")


def area_km2(geometry: BaseGeometry | None) -> float:
    """Geodesic area of a (Multi)Polygon in km²; 0 for empty or missing geometry."""
    if geometry is None or geometry.is_empty:
        return 0.0
    # Counter-clockwise shells and clockwise holes, so Geod adds shells and subtracts holes.
    oriented = shapely.orient_polygons(geometry)
    return abs(GEOD.geometry_area_perimeter(oriented)[0]) / 1e6


def areas_km2(geometries: Iterable[BaseGeometry | None]) -> np.ndarray:
    """:func:`area_km2` of each geometry (Geod measures one geometry per call)."""
    return np.fromiter((area_km2(g) for g in geometries), dtype=float)


def length_km(geometry: BaseGeometry | None) -> float:
    """Geodesic length of a (Multi)LineString in km; 0 for empty or missing geometry."""
    if geometry is None or geometry.is_empty:
        return 0.0
    return GEOD.geometry_length(geometry) / 1e3
