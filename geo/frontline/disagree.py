"""Claimant disagreement: where two claimants' control layers or point claims contradict.

Areas: the symmetric difference of two layers for a date, split into what only A and only B
claims. Points: places one claimant says it held (or repelled an attack on) while another says
it was captured, within a few days of each other.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geo.core.errors import InputError
from geo.frontline.area import areas_km2
from geo.frontline.diff import GRID, as_area, single_date

HOLD_STANCES: tuple[str, ...] = ("held", "repelled")
"""Stances saying the claimant's side still holds the place."""

CAPTURE_STANCES: tuple[str, ...] = ("captured",)
"""Stances saying the place changed hands."""


def _label(layer: gpd.GeoDataFrame, name: str | None) -> str:
    if name is not None:
        return name
    claimants = layer["claimant"].unique() if "claimant" in layer.columns else []
    return str(claimants[0]) if len(claimants) == 1 else "?"


def disagreement_labels(
    a: gpd.GeoDataFrame,
    b: gpd.GeoDataFrame,
    *,
    name_a: str | None = None,
    name_b: str | None = None,
    source_a: str | Path | None = None,
    source_b: str | Path | None = None,
) -> tuple[str, str]:
    """The names of the two sides of :func:`area_disagreement`: ``name_a``/``name_b``, else each
    layer's single ``claimant``; when those are one name (two DeepStateMap layers), told apart
    by the layers' dates where they differ (``DeepStateMap 2025-01-03``), else by their files'
    names (``source_a``/``source_b``: ``DeepStateMap (a.geojson)``), else as ``(A)`` and
    ``(B)``. Both sides under one name had printed "only DeepStateMap" twice, each with the sum
    of both sides' areas."""
    label_a, label_b = _label(a, name_a), _label(b, name_b)
    if label_a != label_b:
        return label_a, label_b
    date_a, date_b = single_date(a), single_date(b)
    if date_a and date_b and date_a != date_b:
        return f"{label_a} {date_a}", f"{label_b} {date_b}"
    file_a, file_b = (Path(s).name if s is not None else None for s in (source_a, source_b))
    if file_a and file_b and file_a != file_b:
        return f"{label_a} ({file_a})", f"{label_b} ({file_b})"
    return f"{label_a} (A)", f"{label_b} (B)"


def _warn_dates(date_a: str | None, date_b: str | None) -> None:
    """A warning when the layers are of two dates: the ground that changed hands between them
    counts as disputed, so the table mixes a change over time with what the claimants dispute
    (``frontline diff`` warns in the same way of layers in the wrong order)."""
    if date_a is None or date_b is None or date_a == date_b:
        return
    warnings.warn(
        f"layers A ({date_a}) and B ({date_b}) are of different dates: ground that changed "
        "hands between them counts as disputed",
        UserWarning,
        stacklevel=3,
    )


def area_disagreement(
    a: gpd.GeoDataFrame,
    b: gpd.GeoDataFrame,
    *,
    name_a: str | None = None,
    name_b: str | None = None,
    source_a: str | Path | None = None,
    source_b: str | Path | None = None,
) -> gpd.GeoDataFrame:
    """Ground in one layer and not the other, as polygons with ``claimed_by``, ``not_by``,
    ``area_km2``.

    Names default to each layer's single ``claimant``, and two sides of one name are told apart
    by their dates or files (``source_a``/``source_b``; :func:`disagreement_labels`). Sum
    ``area_km2`` by ``claimed_by`` for the table; the frame itself is the map layer. A warning
    names both dates when the layers are of different days (:func:`_warn_dates`).
    """
    _warn_dates(single_date(a), single_date(b))
    label_a, label_b = disagreement_labels(
        a, b, name_a=name_a, name_b=name_b, source_a=source_a, source_b=source_b
    )
    area_a, area_b = as_area(a), as_area(b)
    only = [
        shapely.difference(area_a, area_b, grid_size=GRID),
        shapely.difference(area_b, area_a, grid_size=GRID),
    ]
    frame = gpd.GeoDataFrame(
        {"claimed_by": [label_a, label_b], "not_by": [label_b, label_a]},
        geometry=only,
        crs="EPSG:4326",
    ).explode(index_parts=False, ignore_index=True)
    frame = frame[~frame.geometry.is_empty].reset_index(drop=True)
    frame.geometry = shapely.orient_polygons(frame.geometry.values)
    frame["area_km2"] = areas_km2(frame.geometry.values).round(4)
    dates = sorted({*a.get("date", pd.Series(dtype=str)), *b.get("date", pd.Series(dtype=str))})
    frame["dates"] = "/".join(dates)
    return frame[["claimed_by", "not_by", "dates", "area_km2", "geometry"]]


def claim_disagreements(events: gpd.GeoDataFrame, *, window_days: int = 7) -> gpd.GeoDataFrame:
    """Places one claimant says it held while another says it was captured, within ``window_days``.

    ``events`` follows the event record (``place_id``, ``place_name``, ``event_date``, ``claimant``,
    ``stance``, geometry). One row per contradicting pair, at the held claim's geometry.
    """
    missing = {"place_id", "event_date", "claimant", "stance"} - set(events.columns)
    if missing:
        raise InputError(f"events need the columns {', '.join(sorted(missing))}")
    usable = events[events["place_id"].notna() & events["event_date"].notna()].copy()
    usable["day"] = pd.to_datetime(usable["event_date"], errors="coerce")
    cols = ["place_id", "place_name", "claimant", "stance", "event_date", "day", "geometry"]
    held = usable[usable["stance"].isin(HOLD_STANCES)][cols]
    taken = usable[usable["stance"].isin(CAPTURE_STANCES)][
        ["place_id", "claimant", "event_date", "day"]
    ]
    pairs = held.merge(taken, on="place_id", suffixes=("_held", "_captured"))
    close = (pairs["day_held"] - pairs["day_captured"]).abs() <= pd.Timedelta(days=window_days)
    pairs = pairs[close & (pairs["claimant_held"] != pairs["claimant_captured"])]
    out = pairs.rename(
        columns={
            "claimant_held": "held_by_claimant",
            "stance": "held_stance",
            "event_date_held": "held_date",
            "claimant_captured": "captured_by_claimant",
            "event_date_captured": "captured_date",
        }
    )
    columns = [
        "place_id",
        "place_name",
        "held_by_claimant",
        "held_stance",
        "held_date",
        "captured_by_claimant",
        "captured_date",
        "geometry",
    ]
    return gpd.GeoDataFrame(
        out[columns].reset_index(drop=True), geometry="geometry", crs=events.crs
    )
