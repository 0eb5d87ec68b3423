"""Writing the frontline stage's layers as RFC 7946 GeoJSON (lon/lat, right-hand rule, 6 decimals)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from geo.errors import InputError


def write_geojson(frame: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write ``frame`` as RFC 7946 GeoJSON through GDAL (no ``crs`` member, CCW shells)."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise InputError("output folder does not exist", source=str(path.parent))
    path.unlink(missing_ok=True)  # GDAL's GeoJSON driver refuses to overwrite
    frame.to_crs("EPSG:4326").to_file(
        path, driver="GeoJSON", engine="pyogrio", RFC7946="YES", COORDINATE_PRECISION=6
    )
    return path
