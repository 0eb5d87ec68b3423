"""Spatial joins of event records: to admin regions, to control areas, to places.

``events_by_region`` counts events per region per claimant (e.g. per oblast from a geoBoundaries
ADM1 file). ``events_in_control`` asks, for each event, whose ground its place was on the event's
date under a control layer, and whether that was the other side's ground from the claimant's view.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.core.errors import InputError
from geo.frontline.sides import OTHER_SIDE, claimant_side, status_holder

OUTSIDE_REGIONS = "(outside the regions)"


def events_by_region(
    events: gpd.GeoDataFrame, regions: gpd.GeoDataFrame, *, region_column: str = "shapeName"
) -> pd.DataFrame:
    """Counts of events per region and claimant: columns ``region``, ``claimant``, ``events``.

    Events without geometry are left out; events outside every region count under
    :data:`OUTSIDE_REGIONS`.
    """
    if region_column not in regions.columns:
        raise InputError(
            f"regions have no column {region_column!r}; choose one of "
            f"{', '.join(c for c in regions.columns if c != 'geometry')}"
        )
    located = events[events.geometry.notna() & ~events.geometry.is_empty]
    joined = gpd.sjoin(
        located[["claimant", "geometry"]].to_crs(4326),
        regions[[region_column, "geometry"]].to_crs(4326),
        how="left",
        predicate="within",
    )
    joined = joined[~joined.index.duplicated()]  # a point on a shared edge counts once
    joined["region"] = joined[region_column].fillna(OUTSIDE_REGIONS)
    counts = (
        joined.groupby(["region", "claimant"], dropna=False).size().rename("events").reset_index()
    )
    return counts.sort_values(["events", "region"], ascending=[False, True], ignore_index=True)


def events_with_places(events: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Events with the gazetteer's place columns (suffixed ``_place``) joined by ``place_id``."""
    if "place_id" not in places.columns:
        raise InputError("places need a place_id column")
    return events.merge(places, on="place_id", how="left", suffixes=("", "_place"))


def events_in_control(
    events: gpd.GeoDataFrame, layers: gpd.GeoDataFrame, *, source: str | None = None
) -> gpd.GeoDataFrame:
    """Events with ``control_date``, ``held_by``, ``claimant_side`` and ``on_other_side_ground``.

    The layer in force on each ``event_date`` (latest layer on or before it) is used; ground
    outside a layer that marks one side's ground is taken as the other side's. Events without a
    date or geometry, or before the first layer, get <NA>.
    """
    sources = layers["source"].unique()
    if source is None and len(sources) > 1:
        raise InputError(f"the layers come from several sources ({', '.join(sources)}); pick one")
    chosen = layers if source is None else layers[layers["source"] == source]
    if chosen.empty:
        raise InputError(f"no control layers from source {source!r}")
    chosen = chosen.assign(holder=status_holder(chosen["status"]))
    holders = chosen["holder"].dropna().unique()
    if len(holders) != 1:
        raise InputError(
            "the control layer must mark the ground of exactly one side "
            f"(statuses: {', '.join(chosen['status'].unique())})"
        )
    holder = str(holders[0])
    areas = chosen[chosen["holder"] == holder].dissolve(by="date", as_index=False)[
        ["date", "geometry"]
    ]
    areas = areas.assign(day=pd.to_datetime(areas["date"])).sort_values("day")

    out = events.copy()
    out["claimant_side"] = claimant_side(out["claimant"])
    day = pd.to_datetime(out["event_date"], errors="coerce")
    order = day.dropna().sort_values()
    matched = pd.merge_asof(
        pd.DataFrame({"day": order, "row": order.index}),
        areas.rename(columns={"geometry": "area"}),
        on="day",
        direction="backward",
    )
    matched = matched.set_index("row").reindex(out.index)
    points = out.geometry.values
    known = (
        matched["area"].notna().to_numpy() & ~shapely.is_missing(points) & ~shapely.is_empty(points)
    )
    inside = np.zeros(len(out), dtype=bool)
    inside[known] = shapely.intersects(matched["area"].to_numpy()[known], points[known])
    out["control_date"] = matched["date"].astype("string")
    out["held_by"] = pd.Series(
        np.where(inside, holder, OTHER_SIDE[holder]), index=out.index, dtype="string"
    ).where(known)
    out["on_other_side_ground"] = (
        (out["held_by"] != out["claimant_side"])
        .astype("boolean")
        .where(out["held_by"].notna() & out["claimant_side"].notna())
    )
    return out
