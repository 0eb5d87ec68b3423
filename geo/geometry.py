"""Claim geometry: turn event points into the shapes the claims really describe.

* region-level claims (precision 3: a text claim about an admin unit, ``place_id`` ``adm:…``, or
  an event-table row with an ``admin1_code``) → the region polygon: the outline of a boundary
  file given for this map (matched by ISO 3166-2 code, so it replaces the built-in shape rather
  than doubling it), else the store's boundary (Ukraine's oblasts are built in), else the
  footprint derived from the region's settlements, clipped to land;
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

from geo.core.distance import BEARINGS, wgs84
from geo.gazetteer.importers import ISO_COLUMNS
from geo.gazetteer.store import GazetteerStore

SECTOR_INNER_KM = 2.0
SECTOR_OUTER_KM = 25.0
SECTOR_HALF_ANGLE = 45.0


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
    bearing = BEARINGS[direction.replace("-", "").lower()]
    azimuths = np.linspace(bearing - half_angle, bearing + half_angle, steps)
    outer_lon, outer_lat, _ = wgs84().fwd(
        np.full(steps, lon), np.full(steps, lat), azimuths, np.full(steps, outer_km * 1000)
    )
    inner_lon, inner_lat, _ = wgs84().fwd(
        np.full(steps, lon), np.full(steps, lat), azimuths[::-1], np.full(steps, inner_km * 1000)
    )
    ring = np.column_stack(
        [np.concatenate([outer_lon, inner_lon]), np.concatenate([outer_lat, inner_lat])]
    )
    return shapely.Polygon(ring)


def claim_geometry(
    events: gpd.GeoDataFrame,
    store: GazetteerStore | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
) -> gpd.GeoDataFrame:
    """A copy of ``events`` with region polygons and direction sectors in place of points.

    ``boundaries``: an admin boundary file drawn on the same map; its outlines win over the
    store's shapes, so a region is drawn with one shape."""
    frame = events.copy()
    geometry = np.asarray(frame.geometry.values, dtype=object).copy()
    direction = frame.get("direction", pd.Series(None, index=frame.index)).to_numpy(dtype=object)
    has_point = ~pd.isna(frame["latitude"]).to_numpy() & ~pd.isna(frame["longitude"]).to_numpy()
    is_sector = has_point & np.array(
        [isinstance(d, str) and d.replace("-", "").lower() in BEARINGS for d in direction],
        dtype=bool,
    )
    for i in np.flatnonzero(is_sector):
        geometry[i] = sector(
            float(frame["longitude"].iat[i]), float(frame["latitude"].iat[i]), direction[i]
        )
    codes = region_codes(frame)
    is_region = np.array([c is not None for c in codes], dtype=bool)
    if is_region.any():
        store = store or GazetteerStore()
        shapes = region_shapes(set(codes[is_region]), store, boundaries)
        for i in np.flatnonzero(is_region):
            if shapes.get(codes[i]) is not None:
                geometry[i] = shapes[codes[i]]
    return frame.set_geometry(gpd.GeoSeries(geometry, index=frame.index, crs="EPSG:4326"))


def region_codes(frame: pd.DataFrame) -> np.ndarray:
    """The admin unit code of each region-level (precision 3) row, else None: from an
    ``adm:`` place id (text claims) or the ``admin1_code`` (validated event-table rows)."""
    precision = pd.to_numeric(frame["geo_precision"], errors="coerce").to_numpy()
    place_ids = frame["place_id"].to_numpy(dtype=object)
    admin1 = frame.get("admin1_code", pd.Series(None, index=frame.index)).to_numpy(dtype=object)
    codes = np.full(len(frame), None, dtype=object)
    for i in np.flatnonzero(precision == 3):
        if isinstance(place_ids[i], str) and place_ids[i].startswith("adm:"):
            codes[i] = place_ids[i].removeprefix("adm:")
        elif isinstance(admin1[i], str) and admin1[i]:
            codes[i] = admin1[i]
    return codes


def region_shapes(
    codes: set[str], store: GazetteerStore, boundaries: gpd.GeoDataFrame | None = None
) -> dict[str, shapely.Geometry | None]:
    """The shape of each admin unit: the given boundary file's outline (by ISO code), else the
    store's boundary or land-clipped footprint (None when it has neither)."""
    imported = _imported_by_iso(boundaries)
    shapes: dict[str, shapely.Geometry | None] = {}
    for code in codes:
        unit = store.admin_unit(code)
        if unit is not None and unit.iso in imported:
            shapes[code] = imported[unit.iso]
            continue
        wkb, _kind = store.admin_geometry(code)
        shapes[code] = shapely.from_wkb(wkb) if wkb is not None else None
    return shapes


def _imported_by_iso(boundaries: gpd.GeoDataFrame | None) -> dict[str, shapely.Geometry]:
    """ISO 3166-2 code → polygon of a boundary file (empty without one or its ISO column)."""
    if boundaries is None or not len(boundaries):
        return {}
    column = next((c for c in ISO_COLUMNS if c in boundaries.columns), None)
    if column is None:
        return {}
    frame = boundaries.to_crs(4326) if boundaries.crs is not None else boundaries
    geoms = frame.geometry.values
    polygonal = np.isin(shapely.get_type_id(geoms), (3, 6))
    return {
        str(iso).upper(): shapely.make_valid(geom)
        for iso, geom in zip(frame[column][polygonal], geoms[polygonal], strict=True)
        if isinstance(iso, str) and iso
    }
