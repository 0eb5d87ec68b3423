"""The frontline as a line: the edge of an occupied area that faces the other side's ground.

The boundary of an occupied area also runs along the international border and the coast; those
stretches are not front. They are removed by cutting away everything within ``tolerance_km`` of
the country's land outline: by default Ukraine's as shipped in the gazetteer's oblast table
(geoBoundaries ADM1 cut to Natural Earth's 1:10m coast, at most ~330 m off;
:func:`geo.gazetteer.boundaries.ukraine_outline`), fine enough for a 3 km strip, so the front
along the Russian border (Vovchansk, the Sumy border) stays in the line. Without that table the
``countryinfo`` package's coarse outline (~100 vertices, ~20 km off in places) is used with a
15 km strip instead. A caller may pass any other land outline.
"""

from __future__ import annotations

import logging
import math
from functools import cache

import geopandas as gpd
import numpy as np
import shapely
from countryinfo import CountryInfo
from pyproj import CRS, Transformer
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geo.core.errors import InputError
from geo.core.io.vectors import read_vector
from geo.frontline.area import length_km
from geo.frontline.diff import as_area
from geo.gazetteer.boundaries import ukraine_outline

log = logging.getLogger(__name__)

DEFAULT_TOLERANCE_KM = 3.0
"""Width of the border/coast strip cut away along a detailed outline (the default one)."""
COARSE_TOLERANCE_KM = 15.0
"""Width of the strip along countryinfo's coarse outline, the fallback without the table."""


@cache
def country_outline(country: str = "Ukraine") -> BaseGeometry:
    """The country's land outline (lon/lat) as shipped by the ``countryinfo`` package."""
    try:
        features = CountryInfo(country).geo_json()["features"]
    except Exception as exc:  # countryinfo raises its own lookup errors for unknown names
        raise InputError(f"no outline for country {country!r} in countryinfo: {exc}") from exc
    return shapely.union_all([shape(f["geometry"]) for f in features])


def default_outline() -> tuple[BaseGeometry, float]:
    """(Ukraine's land outline, the strip width it allows): the shipped oblast table's outline
    with :data:`DEFAULT_TOLERANCE_KM`, else countryinfo's with :data:`COARSE_TOLERANCE_KM`."""
    shipped = ukraine_outline()
    if shipped is not None:
        return shipped[0], DEFAULT_TOLERANCE_KM
    log.warning("no shipped oblast table: cutting the frontline along countryinfo's outline")
    return country_outline(), COARSE_TOLERANCE_KM


def _local_crs(geometry: BaseGeometry) -> CRS:
    centre = geometry.centroid
    return CRS.from_proj4(
        f"+proj=laea +lat_0={centre.y:.3f} +lon_0={centre.x:.3f} +datum=WGS84 +units=m"
    )


def frontline(
    area: gpd.GeoDataFrame | BaseGeometry,
    *,
    outline: BaseGeometry | None = None,
    tolerance_km: float | None = None,
) -> BaseGeometry:
    """The frontline of one occupied area: its boundary less the border and coast strip.

    ``outline``: the country's land (default: :func:`default_outline`); ``tolerance_km``: the
    strip's width (default: :data:`DEFAULT_TOLERANCE_KM`, or the coarse fallback's). Returns a
    (Multi)LineString in lon/lat; lines are merged where they meet.
    """
    if outline is None:
        outline, default_km = default_outline()
    else:
        default_km = DEFAULT_TOLERANCE_KM
    tolerance_km = default_km if tolerance_km is None else tolerance_km
    if not 0 <= tolerance_km < math.inf:  # NaN fails too
        raise InputError(f"tolerance must be a finite number of km ≥ 0, not {tolerance_km}")
    occupied = as_area(area)
    if occupied.is_empty:
        return shapely.MultiLineString()
    crs = _local_crs(outline)
    forward = Transformer.from_crs(4326, crs, always_xy=True)
    back = Transformer.from_crs(crs, 4326, always_xy=True)
    boundary = shapely.transform(
        occupied.boundary, lambda xy: np.column_stack(forward.transform(*xy.T))
    )
    edge = shapely.transform(outline.boundary, lambda xy: np.column_stack(forward.transform(*xy.T)))
    strip = shapely.buffer(edge, tolerance_km * 1000.0, quad_segs=4)
    front = shapely.line_merge(shapely.difference(boundary, strip))
    return shapely.transform(front, lambda xy: np.column_stack(back.transform(*xy.T)))


def frontline_lines(
    layers: gpd.GeoDataFrame,
    *,
    outline: BaseGeometry | None = None,
    tolerance_km: float | None = None,
) -> gpd.GeoDataFrame:
    """One frontline per ``(source, claimant, date)`` of a control frame, with ``length_km``."""
    keys = ["source", "claimant", "date"]
    areas = layers[[*keys, "geometry"]].dissolve(by=keys, as_index=False, sort=True)
    lines = [
        frontline(a, outline=outline, tolerance_km=tolerance_km) for a in areas.geometry.values
    ]
    frame = gpd.GeoDataFrame(areas[keys], geometry=lines, crs="EPSG:4326")
    frame["length_km"] = [round(length_km(g), 2) for g in lines]
    log.info("frontline lines for %d layers", len(frame))
    return frame[[*keys, "length_km", "geometry"]]


def read_outline(path: str) -> BaseGeometry:
    """A land outline from any vector file (e.g. a country polygon), dissolved to one geometry."""
    frame = read_vector(path, "outline")
    areal = frame[frame.geom_type.isin(["Polygon", "MultiPolygon"])]
    if areal.empty:
        raise InputError("the outline file holds no polygons", source=path)
    return as_area(areal)
