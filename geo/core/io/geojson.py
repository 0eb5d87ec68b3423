"""The one GeoJSON writer: RFC 7946 FeatureCollections for events, tables and control layers.

RFC 7946 means: WGS84 longitude/latitude, no ``crs`` member, polygon exterior rings
counter-clockwise, and (our choice) coordinates rounded to 6 decimals (about 0.1 m). Missing
values are ``null``; a NaN or infinite number never reaches the file (JSON has none). Files are
written atomically (:mod:`geo.core.io.files`).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from geo.core.errors import InputError
from geo.core.io.files import write_text
from geo.core.io.safe import replace_surrogates

COORDINATE_DECIMALS = 6


def rfc7946_geometries(geoms: gpd.GeoSeries, decimals: int = COORDINATE_DECIMALS) -> gpd.GeoSeries:
    """Geometries as RFC 7946 wants them: exterior rings counter-clockwise, rounded coordinates."""
    with np.errstate(invalid="ignore"):  # a NaN coordinate is reported by geojson_dumps
        values = shapely.orient_polygons(geoms.values, exterior_cw=False)
        values = shapely.transform(values, lambda xy: np.round(xy, decimals))
    return gpd.GeoSeries(values, index=geoms.index, crs=geoms.crs)


def feature_collection(frame: gpd.GeoDataFrame, *, decimals: int = COORDINATE_DECIMALS) -> dict:
    """``frame`` as an RFC 7946 FeatureCollection (a dict), in EPSG:4326."""
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs(4326)
    frame = frame.set_geometry(rfc7946_geometries(frame.geometry, decimals))
    collection = json.loads(frame.to_json(na="null", drop_id=True))
    collection.pop("crs", None)
    collection.pop("bbox", None)
    return collection


def _numbers(value: object) -> Iterator[float]:
    if isinstance(value, float):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _numbers(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)


def _not_finite(collection: dict) -> str:
    """Which feature holds the first NaN or infinite number, and where: for the error line."""
    for k, feature in enumerate(collection.get("features") or [], start=1):
        props = feature.get("properties") or {}
        label = f"feature {k}"
        if props.get("event_id") is not None:
            label += f" (event_id {props['event_id']!r})"
        for key, value in props.items():
            bad = [v for v in _numbers(value) if not math.isfinite(v)]
            if bad:
                return f"{label}: {key!r} is {bad[0]}"
        if any(not math.isfinite(v) for v in _numbers(feature.get("geometry"))):
            return f"{label}: a coordinate is NaN or infinite"
    return "a number is NaN or infinite"


def geojson_dumps(collection: dict, *, source: str | None = None) -> str:
    """Compact GeoJSON text; a NaN or infinity anywhere is an :class:`InputError` naming the
    feature (and event) and the value, never written. Lone surrogates become U+FFFD."""
    try:
        text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError as exc:
        raise InputError(
            f"cannot write GeoJSON: {_not_finite(collection)} (JSON has no NaN or infinity)",
            source=source,
        ) from exc
    return replace_surrogates(text)


def frame_geojson_text(
    frame: gpd.GeoDataFrame, *, decimals: int = COORDINATE_DECIMALS, source: str | None = None
) -> str:
    """:func:`feature_collection` as compact text (``source`` names the target in errors)."""
    return geojson_dumps(feature_collection(frame, decimals=decimals), source=source)


def write_geojson(
    frame: gpd.GeoDataFrame, path: str | os.PathLike[str], *, decimals: int = COORDINATE_DECIMALS
) -> Path:
    """Write ``frame`` as an RFC 7946 GeoJSON file, atomically; returns the path."""
    text = geojson_dumps(feature_collection(frame, decimals=decimals), source=str(path))
    return write_text(path, text)
