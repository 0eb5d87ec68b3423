"""The one GeoJSON writer: RFC 7946 FeatureCollections for events, tables and control layers.

RFC 7946 means: WGS84 longitude/latitude, no ``crs`` member, polygon exterior rings
counter-clockwise, and (our choice) coordinates rounded to 6 decimals (about 0.1 m). Missing
values are ``null``; a NaN or infinite number never reaches the file (JSON has none). Files are
written atomically (:mod:`geo.core.io.files`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from geo.core.errors import InputError
from geo.core.io.files import write_text

COORDINATE_DECIMALS = 6


def rfc7946_geometries(geoms: gpd.GeoSeries, decimals: int = COORDINATE_DECIMALS) -> gpd.GeoSeries:
    """Geometries as RFC 7946 wants them: exterior rings counter-clockwise, rounded coordinates."""
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


def geojson_dumps(collection: dict, *, source: str | None = None) -> str:
    """Compact GeoJSON text; a NaN or infinity anywhere is an :class:`InputError`, never written."""
    try:
        return json.dumps(collection, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError as exc:
        raise InputError(
            f"cannot write GeoJSON: {exc} (a coordinate or value is NaN or infinite)", source=source
        ) from exc


def frame_geojson_text(frame: gpd.GeoDataFrame, *, decimals: int = COORDINATE_DECIMALS) -> str:
    """:func:`feature_collection` as compact text."""
    return geojson_dumps(feature_collection(frame, decimals=decimals))


def write_geojson(
    frame: gpd.GeoDataFrame, path: str | os.PathLike[str], *, decimals: int = COORDINATE_DECIMALS
) -> Path:
    """Write ``frame`` as an RFC 7946 GeoJSON file, atomically; returns the path."""
    text = geojson_dumps(feature_collection(frame, decimals=decimals), source=str(path))
    return write_text(path, text)
