"""Reading other vector files: admin boundaries and any layer drawn as it is."""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path

import geopandas as gpd

from geo.core.errors import InputError, one_line

log = logging.getLogger(__name__)


def read_vector(
    path: str | os.PathLike[str], what: str = "vector file", **options: object
) -> gpd.GeoDataFrame:
    """Any file GDAL reads (GeoJSON, GPKG, KML, Shapefile…) in EPSG:4326 (a file without a CRS
    is taken to be in it); :class:`InputError` naming ``what`` and the file otherwise. Unclosed
    rings are closed and GDAL's warnings logged as one line each. ``options``
    go to :func:`geopandas.read_file` (e.g. ``datetime_as_string=True``)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{what} file not found", source=str(path))
    options.setdefault("on_invalid", "fix")  # unclosed rings closed, else no geometry
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frame = gpd.read_file(path, engine="pyogrio", **options)
    except Exception as exc:  # pyogrio raises several types for unreadable files
        raise InputError(f"cannot read {what}: {one_line(exc)}", source=str(path)) from exc
    if not isinstance(frame, gpd.GeoDataFrame):  # a table GDAL reads, without geometries
        raise InputError(f"{what} file has no geometry column", source=str(path))
    for message in dict.fromkeys(str(w.message).splitlines()[0] for w in caught):
        if message.startswith("Non closed ring detected"):
            message = "closed unclosed polygon rings"
        log.warning("%s: %s", path, message)
    return frame.set_crs(4326) if frame.crs is None else frame.to_crs(4326)


def read_boundaries(path: str | os.PathLike[str] | None) -> gpd.GeoDataFrame | None:
    """An admin boundary file (None when no path is given)."""
    return None if path is None else read_vector(path, "boundary")
