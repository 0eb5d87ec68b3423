#!/usr/bin/env python3
"""Derive the committed boundary tables in ``gazetteer/``: oblast shapes and the basemap's land.

    .venv/bin/python scripts/derive_ua_boundaries.py            # rebuild, print a report
    .venv/bin/python scripts/derive_ua_boundaries.py --boundaries FILE --land FILE --out DIR

Inputs (see gazetteer/README.md for provenance and licences):

* the geoBoundaries Ukraine ADM1 file (CC BY 4.0) in ``../shared/data/boundaries/``: 27 units
  whose outlines run 12 nautical miles out to sea (territorial waters);
* Natural Earth 1:10m land and countries (public domain) as the npm package ``world-atlas``
  ships them as TopoJSON (fetched from the npm registry into the asset cache by
  :func:`geo.render.assets.fetch_package`, integrity-checked; ``--land`` names a local copy).

Steps: the oblasts are cut to land (so Kherson and Zaporizhzhia end at the coast), simplified as
one coverage (:func:`shapely.coverage_simplify`, so neighbours keep one shared edge) in an
equal-area projection centred on Ukraine, and matched to ``ua_admin_units.csv`` by ISO 3166-2
code. The neighbouring countries (Natural Earth, less Ukraine as the oblasts draw it) are clipped
to the theatre's basemap box and simplified coarser. The report states each table's largest
deviation from its unsimplified shape in metres (Hausdorff distance of the outlines).

Outputs: ``ua_oblast_boundaries.csv.gz`` (iso, pcode, name_en, area_km2, wkt) and
``basemap_land.csv.gz`` (name, wkt), coordinates in degrees rounded to 4 places (about 10 m).
Deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pyogrio  # noqa: E402
import shapely  # noqa: E402
from derive_ua_gazetteer import DEFAULT_BOUNDARIES, DEFAULT_OUT, write_csv  # noqa: E402

from geo.core.theatre import theatre  # noqa: E402

WORLD_ATLAS = ("world-atlas", "2.0.2")
EQUAL_AREA = "+proj=laea +lat_0=48.5 +lon_0=31.5 +datum=WGS84 +units=m"
OBLAST_TOLERANCE_M = 150.0
"""coverage_simplify tolerance for the oblasts (Visvalingam-Whyatt, about the square root of the
triangle areas removed); the report states the resulting largest deviation in metres."""
LAND_TOLERANCE_M = 5_000.0
"""The neighbours' outlines only give the map its land: coarser is enough (the map draws them
as they are, so their shared borders stay one line)."""
TUCK_M = 4_000.0
ISLET_KM2 = 25.0
DIGITS = 4
BORDER_GAP_DEG = 0.1
"""How far from Ukraine unclaimed land is given to the nearest neighbour (about 10 km)."""

OBLAST_COLUMNS = ("iso", "pcode", "name_en", "area_km2", "wkt")
LAND_COLUMNS = ("name", "wkt")


@dataclass
class Derived:
    """The two tables as GeoDataFrames (EPSG:4326) and the simplification's deviations."""

    oblasts: gpd.GeoDataFrame
    land: gpd.GeoDataFrame
    oblast_deviation_m: float
    land_deviation_m: float
    coordinates_before: int


def world_atlas_file(name: str) -> Path:
    """A file of the ``world-atlas`` npm package, fetched into the asset cache when missing."""
    from geo.render.assets import fetch_package

    return fetch_package(*WORLD_ATLAS) / name


def read_land(path: Path) -> shapely.Geometry:
    """Natural Earth land as one valid (multi)polygon clipped to the basemap box."""
    frame = pyogrio.read_dataframe(path, layer="land")
    box = theatre().basemap_box
    parts = shapely.make_valid(shapely.clip_by_rect(frame.geometry.values, *box))
    return shapely.union_all(parts)


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """Each geometry's polygons only (make_valid and overlays can leave lines and points)."""
    parts, index = shapely.get_parts(geoms, return_index=True)
    keep = np.isin(shapely.get_type_id(parts), (3, 6))
    return np.array(
        [shapely.union_all(parts[keep & (index == i)]) for i in range(len(geoms))], dtype=object
    )


def read_countries(path: Path) -> gpd.GeoDataFrame:
    """Natural Earth countries clipped to the basemap box (those that reach into it)."""
    frame = pyogrio.read_dataframe(path, layer="countries")[["name", "geometry"]]
    frame["geometry"] = polygonal(
        shapely.make_valid(shapely.clip_by_rect(frame.geometry.values, *theatre().basemap_box))
    )
    return frame[~frame.geometry.is_empty].set_crs(4326, allow_override=True)


def admin_codes(out: Path) -> dict[str, tuple[str, str]]:
    """ISO 3166-2 → (P-code, English name) of the oblasts in ``ua_admin_units.csv``."""
    with (out / "ua_admin_units.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["level"] == "1"]
    return {r["iso"]: (r["pcode"], r["name_en"]) for r in rows}


def max_deviation(before: np.ndarray, after: np.ndarray) -> float:
    """The largest Hausdorff distance between the outlines before and after, in metres."""
    return float(
        shapely.hausdorff_distance(shapely.boundary(before), shapely.boundary(after)).max()
    )


def derive_oblasts(
    boundaries: Path, land: shapely.Geometry, codes: dict[str, tuple[str, str]]
) -> tuple[gpd.GeoDataFrame, float, int]:
    """The oblasts cut to land, simplified as a coverage; (frame, deviation in m, vertices in)."""
    frame = gpd.read_file(boundaries)[["shapeISO", "geometry"]].to_crs(4326)
    unknown = sorted(set(frame["shapeISO"]) - set(codes))
    if unknown or len(frame) != len(codes):
        raise SystemExit(f"boundary ISO codes do not match ua_admin_units.csv: {unknown}")
    frame["geometry"] = polygonal(shapely.intersection(frame.geometry.values, land))
    metric = frame.to_crs(EQUAL_AREA)
    before = metric.geometry.values
    after = shapely.make_valid(shapely.coverage_simplify(before, OBLAST_TOLERANCE_M))
    deviation = max_deviation(before, after)
    out = gpd.GeoDataFrame(
        {
            "iso": frame["shapeISO"],
            "pcode": [codes[iso][0] for iso in frame["shapeISO"]],
            "name_en": [codes[iso][1] for iso in frame["shapeISO"]],
            "area_km2": np.round(shapely.area(after) / 1e6).astype(int),
        },
        geometry=gpd.GeoSeries(after, crs=EQUAL_AREA).to_crs(4326).values,
        crs=4326,
    )
    coordinates = int(shapely.get_num_coordinates(frame.geometry.values).sum())
    return out.sort_values("iso").reset_index(drop=True), deviation, coordinates


def fill_border_gaps(
    others: gpd.GeoDataFrame, land: shapely.Geometry, ukraine: shapely.Geometry
) -> np.ndarray:
    """The neighbours' polygons grown over the land between them and Ukraine.

    Natural Earth's border and geoBoundaries' differ by up to a few km: where Natural Earth's
    neighbour stops short of the oblasts, the map would show slivers of sea along the border.
    Each sliver of land near Ukraine that no polygon covers goes to its nearest neighbour."""
    near = shapely.intersection(land, shapely.buffer(ukraine, BORDER_GAP_DEG))
    covered = shapely.union_all(np.concatenate([others.geometry.values, [ukraine]]))
    gaps = shapely.get_parts(polygonal(np.array([shapely.difference(near, covered)]))[0])
    owner = shapely.STRtree(others.geometry.values).query_nearest(gaps, all_matches=False)[1]
    geoms = others.geometry.values.copy()
    for index in np.unique(owner):
        geoms[index] = shapely.union_all(np.concatenate([[geoms[index]], gaps[owner == index]]))
    return polygonal(geoms)


def _without_small_holes(polygon: shapely.Polygon) -> shapely.Polygon:
    holes = [r for r in polygon.interiors if shapely.Polygon(r).area >= ISLET_KM2 * 1e6]
    return shapely.Polygon(polygon.exterior, holes)


def drop_islets(geoms: np.ndarray) -> np.ndarray:
    """Each (metric) geometry without its parts and holes smaller than :data:`ISLET_KM2`: a
    basemap of the region needs neither the Aegean's skerries nor the slivers the cuts leave."""
    parts, index = shapely.get_parts(geoms, return_index=True)
    keep = shapely.area(parts) >= ISLET_KM2 * 1e6
    parts = np.array([_without_small_holes(p) for p in parts], dtype=object)
    return np.array(
        [shapely.union_all(parts[keep & (index == i)]) for i in range(len(geoms))], dtype=object
    )


def tuck_under(
    neighbours: np.ndarray, ukraine: shapely.Geometry, land: shapely.Geometry
) -> np.ndarray:
    """Each neighbour grown :data:`TUCK_M` into Ukraine and over the land slivers along its
    border (metric coordinates); never into the sea (the Kerch Strait stays open).

    The map draws Ukraine's opaque fill over its neighbours, so what lies under it is hidden;
    without the overlap, the two tables' outlines, simplified apart, would leave slivers of
    background (sea blue) along the border."""
    near = shapely.dwithin(neighbours, ukraine, TUCK_M)
    grown = neighbours.copy()
    band = shapely.intersection(shapely.buffer(ukraine, TUCK_M, quad_segs=2), land)
    reach = shapely.intersection(shapely.buffer(neighbours[near], TUCK_M, quad_segs=2), band)
    grown[near] = polygonal(shapely.union(neighbours[near], reach))
    return grown


def derive_land(
    countries: gpd.GeoDataFrame, land: shapely.Geometry, ukraine: shapely.Geometry
) -> tuple[gpd.GeoDataFrame, float]:
    """The neighbours' land (Natural Earth less Ukraine's oblasts, reaching up to them),
    simplified; (frame, largest deviation in m)."""
    others = countries[countries["name"] != "Ukraine"].copy()
    others["geometry"] = polygonal(shapely.difference(others.geometry.values, ukraine))
    others = others[~others.geometry.is_empty].reset_index(drop=True)
    others["geometry"] = fill_border_gaps(others, land, ukraine)
    metric = others.to_crs(EQUAL_AREA).geometry.values
    simplified = shapely.make_valid(shapely.coverage_simplify(metric, LAND_TOLERANCE_M))
    deviation = max_deviation(metric, simplified)
    ukraine_m, land_m = gpd.GeoSeries([ukraine, land], crs=4326).to_crs(EQUAL_AREA)
    simplified = drop_islets(tuck_under(simplified, ukraine_m, land_m))
    frame = gpd.GeoDataFrame(
        {"name": others["name"].to_numpy()},
        geometry=gpd.GeoSeries(simplified, crs=EQUAL_AREA).to_crs(4326).values,
        crs=4326,
    )
    frame = frame[~frame.geometry.is_empty]
    return frame.sort_values("name").reset_index(drop=True), deviation


def wkt(geometry: shapely.Geometry) -> str:
    """WKT rounded to :data:`DIGITS` decimals (about 10 m)."""
    return shapely.to_wkt(geometry, rounding_precision=DIGITS, trim=True)


def derive(boundaries: Path, land_file: Path, out: Path) -> Derived:
    """Build both tables and write them to ``out``."""
    land = read_land(land_file)
    oblasts, oblast_dev, before = derive_oblasts(boundaries, land, admin_codes(out))
    ukraine = shapely.union_all(oblasts.geometry.values)
    neighbours, land_dev = derive_land(read_countries(land_file), land, ukraine)
    write_csv(
        out / "ua_oblast_boundaries.csv.gz",
        OBLAST_COLUMNS,
        (
            {**row, "area_km2": str(row["area_km2"]), "wkt": wkt(geometry)}
            for row, geometry in zip(
                oblasts.drop(columns="geometry").to_dict("records"),
                oblasts.geometry.values,
                strict=True,
            )
        ),
    )
    write_csv(
        out / "basemap_land.csv.gz",
        LAND_COLUMNS,
        (
            {"name": name, "wkt": wkt(g)}
            for name, g in zip(neighbours["name"], neighbours.geometry.values, strict=True)
        ),
    )
    return Derived(oblasts, neighbours, oblast_dev, land_dev, before)


def report_lines(derived: Derived, out: Path) -> list[str]:
    """What the run did, with the figures a reviewer checks."""
    oblasts, land = derived.oblasts, derived.land
    donetsk = oblasts[oblasts["iso"] == "UA-14"]
    return [
        f"oblasts: {len(oblasts)}; vertices {derived.coordinates_before} cut to land → "
        f"{int(shapely.get_num_coordinates(oblasts.geometry.values).sum())} simplified "
        f"(tolerance {OBLAST_TOLERANCE_M:.0f} m, largest deviation "
        f"{derived.oblast_deviation_m:.0f} m)",
        f"Donetsk (UA-14): {int(donetsk['area_km2'].iloc[0]):,} km², lon "
        f"{donetsk.total_bounds[0]:.2f}–{donetsk.total_bounds[2]:.2f}",
        f"neighbour land: {len(land)} countries, "
        f"{int(shapely.get_num_coordinates(land.geometry.values).sum())} vertices "
        f"(tolerance {LAND_TOLERANCE_M:.0f} m, largest deviation "
        f"{derived.land_deviation_m:.0f} m)",
        *(
            f"{name}: {(out / name).stat().st_size:,} bytes"
            for name in ("ua_oblast_boundaries.csv.gz", "basemap_land.csv.gz")
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--boundaries",
        type=Path,
        default=DEFAULT_BOUNDARIES,
        help="geoBoundaries ADM1 GeoJSON (default: %(default)s)",
    )
    parser.add_argument(
        "--land",
        type=Path,
        default=None,
        help="world-atlas land-10m.json / countries-10m.json (default: fetched from npm)",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="the gazetteer folder (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    if not args.boundaries.is_file():
        parser.error(f"no boundary file {args.boundaries}")
    land_file = args.land or world_atlas_file("countries-10m.json")
    derived = derive(args.boundaries, land_file, args.out)
    for line in report_lines(derived, args.out):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
