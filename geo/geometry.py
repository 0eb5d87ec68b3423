"""Claim geometry: turn event points into the shapes the claims really describe.

* region-level claims (precision 3, an admin unit) → the region polygon: the imported boundary
  when there is one, else the footprint derived from the region's settlements;
* directional claims ("west of Bakhmut") → a translucent sector: a geodesic annulus segment
  from the anchor place, ±45° around the bearing, between :data:`SECTOR_INNER_KM` and
  :data:`SECTOR_OUTER_KM`;
* everything else keeps its point; precision-2 points carry ``uncertainty_m`` for the
  renderer's circle.

``latitude``/``longitude`` always keep the representative point, so CSV exports and joins by
point still work.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod

from geo.gazetteer.store import GazetteerStore

SECTOR_INNER_KM = 2.0
SECTOR_OUTER_KM = 25.0
SECTOR_HALF_ANGLE = 45.0
_BEARING = {
    "north": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "west": 270.0,
    "northwest": 315.0,
}
_GEOD = Geod(ellps="WGS84")


def sector(
    lon: float,
    lat: float,
    direction: str,
    inner_km: float = SECTOR_INNER_KM,
    outer_km: float = SECTOR_OUTER_KM,
    half_angle: float = SECTOR_HALF_ANGLE,
    steps: int = 16,
) -> shapely.Polygon:
    """Geodesic annulus sector from (lon, lat) towards ``direction`` ("west", "north-east"…)."""
    bearing = _BEARING[direction.replace("-", "").lower()]
    azimuths = np.linspace(bearing - half_angle, bearing + half_angle, steps)
    outer_lon, outer_lat, _ = _GEOD.fwd(
        np.full(steps, lon), np.full(steps, lat), azimuths, np.full(steps, outer_km * 1000)
    )
    inner_lon, inner_lat, _ = _GEOD.fwd(
        np.full(steps, lon), np.full(steps, lat), azimuths[::-1], np.full(steps, inner_km * 1000)
    )
    ring = np.column_stack(
        [np.concatenate([outer_lon, inner_lon]), np.concatenate([outer_lat, inner_lat])]
    )
    return shapely.Polygon(ring)


def claim_geometry(
    events: gpd.GeoDataFrame, store: GazetteerStore | None = None
) -> gpd.GeoDataFrame:
    """A copy of ``events`` with region polygons and direction sectors in place of points."""
    frame = events.copy()
    geometry = np.asarray(frame.geometry.values, dtype=object).copy()
    direction = frame.get("direction", pd.Series(None, index=frame.index)).to_numpy(dtype=object)
    has_point = ~pd.isna(frame["latitude"]).to_numpy() & ~pd.isna(frame["longitude"]).to_numpy()
    is_sector = has_point & np.array(
        [isinstance(d, str) and d.replace("-", "").lower() in _BEARING for d in direction],
        dtype=bool,
    )
    for i in np.flatnonzero(is_sector):
        geometry[i] = sector(
            float(frame["longitude"].iat[i]), float(frame["latitude"].iat[i]), direction[i]
        )
    place_ids = frame["place_id"].to_numpy(dtype=object)
    precision = pd.to_numeric(frame["geo_precision"], errors="coerce").to_numpy()
    is_region = (precision == 3) & np.array(
        [isinstance(p, str) and p.startswith("adm:") for p in place_ids], dtype=bool
    )
    if is_region.any():
        store = store or GazetteerStore()
        shapes = {}
        for place_id in set(place_ids[is_region]):
            wkb, _kind = store.admin_geometry(place_id.removeprefix("adm:"))
            shapes[place_id] = shapely.from_wkb(wkb) if wkb is not None else None
        for i in np.flatnonzero(is_region):
            if shapes.get(place_ids[i]) is not None:
                geometry[i] = shapes[place_ids[i]]
    return frame.set_geometry(gpd.GeoSeries(geometry, index=frame.index, crs="EPSG:4326"))
