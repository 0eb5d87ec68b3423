"""The frontline as a line: the edge of an occupied area that faces the other side's ground.

The boundary of an occupied area also runs along the international border and the coast; those
stretches are not front. They are removed by cutting away everything within ``tolerance_km`` of
the country's outline (Ukraine's, from the pip-installed ``countryinfo`` package, unless the
caller passes a better one). countryinfo's outline is coarse, so the default tolerance is wide;
with a detailed land outline a tolerance of 1–2 km is enough.
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

log = logging.getLogger(__name__)

DEFAULT_TOLERANCE_KM = 15.0
"""Width of the border/coast strip cut away with countryinfo's coarse outline."""


@cache
def country_outline(country: str = "Ukraine") -> BaseGeometry:
    """The country's land outline (lon/lat) as shipped by the ``countryinfo`` package."""
    try:
        features = CountryInfo(country).geo_json()["features"]
    except Exception as exc:  # countryinfo raises its own lookup errors for unknown names
        raise InputError(f"no outline for country {country!r} in countryinfo: {exc}") from exc
    return shapely.union_all([shape(f["geometry"]) for f in features])


def _local_crs(geometry: BaseGeometry) -> CRS:
    centre = geometry.centroid
    return CRS.from_proj4(
        f"+proj=laea +lat_0={centre.y:.3f} +lon_0={centre.x:.3f} +datum=WGS84 +units=m"
    )


def frontline(
    area: gpd.GeoDataFrame | BaseGeometry,
    *,
    outline: BaseGeometry | None = None,
    tolerance_km: float = DEFAULT_TOLERANCE_KM,
) -> BaseGeometry:
    """The frontline of one occupied area: its boundary less the border and coast strip.

    Returns a (Multi)LineString in lon/lat; lines are merged where they meet.
    """
    if not 0 <= tolerance_km < math.inf:  # NaN fails too
        raise InputError(f"tolerance must be a finite number of km ≥ 0, not {tolerance_km}")
    outline = country_outline() if outline is None else outline
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
    tolerance_km: float = DEFAULT_TOLERANCE_KM,
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
