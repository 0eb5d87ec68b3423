"""True region shapes from the committed boundary tables, and land to clip footprints to.

``gazetteer/ua_oblast_boundaries.csv.gz`` holds Ukraine's 27 first-level units (geoBoundaries
ADM1, CC BY 4.0, cut to the Natural Earth coast and simplified; derived by
``scripts/derive_ua_boundaries.py``), keyed by ISO 3166-2 code. ``gazetteer/basemap_land.csv.gz``
holds the neighbouring countries' land (Natural Earth, public domain) inside the theatre's
basemap box. The default build (:func:`load_boundaries`) writes the oblasts into
``admin_units.boundary``, so region-level claims get the true shape with no import step, and
clips every remaining footprint (the hull of a unit's settlements, drawn where no boundary is
known) to land (:func:`clip_footprints_to_land`), so no hull spills into the sea.

The tables are also the map's basemap (:mod:`geo.render.layers` reads them through
:func:`oblast_boundaries` and :func:`basemap_land`): one source for shapes and map.
"""

from __future__ import annotations

import csv
import gzip
import logging
import sqlite3
from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

log = logging.getLogger(__name__)

OBLAST_TABLE = "ua_oblast_boundaries.csv.gz"
LAND_TABLE = "basemap_land.csv.gz"
SOURCE_LABEL = "boundary:geoBoundaries-UKR-ADM1"


def _read_table(path: Path) -> gpd.GeoDataFrame:
    """A committed ``*.csv.gz`` table with a ``wkt`` column as a GeoDataFrame (EPSG:4326)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    geometry = shapely.from_wkt([row.pop("wkt") for row in rows])
    return gpd.GeoDataFrame(rows, geometry=gpd.GeoSeries(geometry, crs=4326))


def _overlay_dir() -> Path:
    from geo.gazetteer.store import overlay_dir

    return overlay_dir()


@cache
def oblast_boundaries(folder: Path | None = None) -> gpd.GeoDataFrame:
    """Ukraine's oblasts (iso, pcode, name_en, area_km2, geometry); empty if the table is absent."""
    path = (folder or _overlay_dir()) / OBLAST_TABLE
    if not path.is_file():
        log.warning("%s is missing: no built-in oblast shapes", path)
        return gpd.GeoDataFrame({"iso": []}, geometry=gpd.GeoSeries([], crs=4326))
    return _read_table(path)


@cache
def basemap_land(folder: Path | None = None) -> gpd.GeoDataFrame:
    """Neighbouring countries' land (name, geometry) in the basemap box; Ukraine is the oblasts."""
    path = (folder or _overlay_dir()) / LAND_TABLE
    if not path.is_file():
        log.warning("%s is missing: no built-in neighbour outlines", path)
        return gpd.GeoDataFrame({"name": []}, geometry=gpd.GeoSeries([], crs=4326))
    return _read_table(path)


@cache
def land(folder: Path | None = None) -> shapely.Geometry | None:
    """All land the tables know (Ukraine's oblasts and the neighbours), prepared; None if none."""
    parts = np.concatenate(
        [oblast_boundaries(folder).geometry.values, basemap_land(folder).geometry.values]
    )
    if not len(parts):
        return None
    whole = shapely.union_all(shapely.make_valid(parts))
    shapely.prepare(whole)
    return whole


@cache
def ukraine_outline(folder: Path | None = None) -> tuple[shapely.Geometry, shapely.Geometry] | None:
    """(Ukraine as one polygon, the oblasts' inner borders as lines), each edge once: the
    oblasts form a coverage (neighbours share their vertices), so an edge two rings share is an
    inner border and the rest is the country's border and coast. None without the table."""
    oblasts = oblast_boundaries(folder).geometry.values
    if not len(oblasts):
        return None
    rings = shapely.get_rings(shapely.get_parts(oblasts))
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    same_ring = ring[1:] == ring[:-1]
    start, end = coords[:-1][same_ring], coords[1:][same_ring]
    forward = (start[:, 0] < end[:, 0]) | ((start[:, 0] == end[:, 0]) & (start[:, 1] < end[:, 1]))
    segments = np.where(forward[:, None], np.hstack([start, end]), np.hstack([end, start]))
    unique, counts = np.unique(segments, axis=0, return_counts=True)
    inner = shapely.line_merge(
        shapely.multilinestrings(shapely.linestrings(unique[counts > 1].reshape(-1, 2, 2)))
    )
    return shapely.coverage_union_all(oblasts), inner


def load_boundaries(conn: sqlite3.Connection, folder: Path) -> int:
    """Write the oblast shapes into ``admin_units.boundary`` (matched by ISO code); how many."""
    frame = oblast_boundaries(folder)
    codes = dict(
        conn.execute("SELECT iso, code FROM admin_units WHERE country = 'UA' AND level = 1")
    )
    rows = [
        (shapely.to_wkb(geom), code)
        for iso, geom in zip(frame["iso"], frame.geometry.values, strict=True)
        if (code := codes.get(iso)) is not None
    ]
    missing = sorted(set(frame["iso"]) - set(codes))
    if missing:
        log.warning("oblast boundaries with no admin unit in the store: %s", ", ".join(missing))
    conn.executemany(
        f"UPDATE admin_units SET boundary = ?, source = source || '+{SOURCE_LABEL}' WHERE code = ?",
        rows,
    )
    return len(rows)


def clip_footprints_to_land(conn: sqlite3.Connection, folder: Path) -> int:
    """Cut every footprint that reaches into the sea to land; how many were cut.

    A footprint (hull of a unit's settlements plus a margin) is drawn only where no boundary is
    known. Footprints within land are left as they are, and so are those not wholly inside the
    box the tables cover (no coast is known out there, and a cut at the box edge would be
    wrong)."""
    whole = land(folder)
    if whole is None:
        return 0
    codes, blobs = _footprints(conn)
    if not codes:
        return 0
    shapes = shapely.from_wkb(blobs)
    rows = np.flatnonzero(_partly_sea(shapes, folder, whole))
    clipped = shapely.intersection(shapes[rows], whole)
    keep = ~shapely.is_empty(clipped)
    conn.executemany(
        "UPDATE admin_units SET footprint = ? WHERE code = ?",
        [(shapely.to_wkb(g), codes[i]) for i, g in zip(rows[keep], clipped[keep], strict=True)],
    )
    return int(keep.sum())


def _partly_sea(shapes: np.ndarray, folder: Path | None, whole: shapely.Geometry) -> np.ndarray:
    """Which footprints lie inside the tables' box but not within land.

    Most lie within one country's polygon: a tree of the tables' polygons finds those fast;
    only the rest are tested against all land (slow for a shape of ~20k vertices)."""
    parts = shapely.get_parts(
        np.concatenate(
            [oblast_boundaries(folder).geometry.values, basemap_land(folder).geometry.values]
        )
    )
    candidates = np.flatnonzero(shapely.within(shapes, shapely.box(*shapely.bounds(whole))))
    within_one = candidates[shapely.STRtree(parts).query(shapes[candidates], "within")[0]]
    rest = np.setdiff1d(candidates, within_one)
    rest = rest[~shapely.within(shapes[rest], whole)]
    out = np.zeros(len(shapes), dtype=bool)
    out[rest] = True
    return out


def _footprints(conn: sqlite3.Connection) -> tuple[list[str], list[bytes]]:
    """(codes, WKB footprints) of the units that have a footprint and no boundary."""
    rows = conn.execute(
        "SELECT code, footprint FROM admin_units WHERE footprint IS NOT NULL AND boundary IS NULL"
    ).fetchall()
    return [r[0] for r in rows], [r[1] for r in rows]
