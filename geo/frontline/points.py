"""Reading point tables (settlements, event records) from GeoJSON/GPKG or CSV with lon/lat."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.core.errors import InputError
from geo.core.io.vectors import read_vector

_LON = ("longitude", "lon", "lng", "x")
_LAT = ("latitude", "lat", "y")


def read_points(path: str | Path, *, required: tuple[str, ...] = ()) -> gpd.GeoDataFrame:
    """Points in EPSG:4326 from a vector file, or a CSV with ``longitude``/``latitude`` columns.

    CSV rows without coordinates keep an empty geometry (nothing is dropped).
    """
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", source=str(path))
    try:
        if path.suffix.lower() in {".csv", ".tsv"}:
            table = pd.read_csv(path, sep="\t" if path.suffix.lower() == ".tsv" else ",", dtype=str)
            lower = {c.lower(): c for c in table.columns}
            lon = next((lower[c] for c in _LON if c in lower), None)
            lat = next((lower[c] for c in _LAT if c in lower), None)
            if lon is None or lat is None:
                raise InputError(
                    "a CSV of points needs longitude and latitude columns", source=str(path)
                )
            x = pd.to_numeric(table[lon], errors="coerce")
            y = pd.to_numeric(table[lat], errors="coerce")
            frame = gpd.GeoDataFrame(table, geometry=gpd.points_from_xy(x, y), crs="EPSG:4326")
        else:  # dates stay ISO strings, as in the event record
            frame = read_vector(path, "points", datetime_as_string=True)
    except InputError:
        raise
    except (ValueError, OSError) as exc:
        raise InputError(f"cannot read points: {exc}", source=str(path)) from exc
    missing = set(required) - set(frame.columns)
    if missing:
        raise InputError(f"missing columns: {', '.join(sorted(missing))}", source=str(path))
    return frame
