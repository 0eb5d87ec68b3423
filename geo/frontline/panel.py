"""Settlement control panel: each settlement's status per date under each source.

Like VIINA's control panel: for every settlement point and every dated control layer, whether
the point lies inside the layer (and under which status), plus what text claims say about the
settlement, joined by ``place_id`` with their claimant. Long format, one row per
(place, date, source, claimant); pivot on ``date`` for a wide table.
"""

from __future__ import annotations

import logging

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.core.errors import InputError

log = logging.getLogger(__name__)

PANEL_COLUMNS: tuple[str, ...] = (
    "place_id",
    "place_name",
    "date",
    "source",
    "claimant",
    "status",
    "inside",
    "quote",
)
"""``status`` is the layer's status where ``inside``, else ``outside``; for text claims the
stance. A settlement without usable coordinates has status :data:`NO_COORDINATES` or
:data:`INVALID_COORDINATES` under every layer, and ``inside`` empty."""

NO_COORDINATES = "no_coordinates"
"""``status`` of a settlement with no point, or one that is not numbers (blank, ``abc``)."""
INVALID_COORDINATES = "invalid_coordinates"
"""``status`` of a settlement whose point is out of range (latitude 999)."""

TEXT_SOURCE = "text"
"""``source`` of rows that come from claims in documents rather than a control layer."""


def _check_settlements(settlements: gpd.GeoDataFrame) -> None:
    missing = {"place_id", "place_name", "geometry"} - set(settlements.columns)
    if missing:
        raise InputError(f"settlements need the columns {', '.join(sorted(missing))}")


def layer_panel(settlements: gpd.GeoDataFrame, layers: gpd.GeoDataFrame) -> pd.DataFrame:
    """Inside/outside of every settlement for every ``(source, claimant, date)`` layer."""
    _check_settlements(settlements)
    keys = ["source", "claimant", "date"]
    places = (
        settlements[["place_id", "place_name", "geometry"]].astype({"place_id": str}).to_crs(4326)
    )
    unusable = _unusable_points(places)
    usable = places[unusable == ""]  # the others lie in no layer: sjoin would call them outside
    hits = gpd.sjoin(usable, layers[[*keys, "status", "geometry"]].to_crs(4326), predicate="within")
    statuses = (
        hits.groupby(["place_id", *keys])["status"]
        .agg(lambda s: ";".join(sorted(set(s))))
        .reset_index()
    )
    grid = places[["place_id", "place_name"]].assign(_unusable=unusable)
    grid = grid.merge(layers[keys].drop_duplicates(), how="cross")
    panel = grid.merge(statuses, on=["place_id", *keys], how="left")
    why = panel.pop("_unusable")
    bad = why != ""
    panel["inside"] = panel["status"].notna().astype(object).where(~bad, pd.NA)
    panel["status"] = panel["status"].fillna("outside").where(~bad, why)
    panel["quote"] = pd.NA
    return panel[list(PANEL_COLUMNS)]


def _unusable_points(places: gpd.GeoDataFrame) -> np.ndarray:
    """Per settlement, :data:`NO_COORDINATES`, :data:`INVALID_COORDINATES` or "" (usable), with
    a warning naming the unusable ones: a point without coordinates lies in no layer, and
    calling it ``outside`` would be a verdict on a place nobody located."""
    geoms = places.geometry.values
    minx, miny, maxx, maxy = shapely.bounds(geoms).T  # NaN for a missing or empty geometry
    finite = np.isfinite(minx) & np.isfinite(miny) & np.isfinite(maxx) & np.isfinite(maxy)
    in_range = (minx >= -180) & (maxx <= 180) & (miny >= -90) & (maxy <= 90)
    why = np.where(~finite, NO_COORDINATES, np.where(~in_range, INVALID_COORDINATES, ""))
    for code in (NO_COORDINATES, INVALID_COORDINATES):
        named = places.loc[why == code, ["place_id", "place_name"]]
        if len(named):
            listed = ", ".join(f"{i} ({n})" for i, n in named.head(10).itertuples(index=False))
            more = f" and {len(named) - 10} more" if len(named) > 10 else ""
            log.warning("settlements with %s: %s%s", code.replace("_", " "), listed, more)
    return why.astype(object)


def text_panel(settlements: gpd.GeoDataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Claims from text about the settlements, by ``place_id``: date, claimant, stance as status."""
    _check_settlements(settlements)
    missing = {"place_id", "event_date", "claimant", "stance"} - set(events.columns)
    if missing:
        raise InputError(f"events need the columns {', '.join(sorted(missing))}")
    claims = events[
        ["place_id", "event_date", "claimant", "stance", *(["quote"] if "quote" in events else [])]
    ]
    # Ids join as text: a CSV's "712451" and a GeoJSON's 712451 are the same place.
    joined = (
        settlements[["place_id", "place_name"]]
        .astype({"place_id": str})
        .merge(claims.astype({"place_id": str}), on="place_id", how="inner")
    )
    panel = joined.rename(columns={"event_date": "date", "stance": "status"})
    panel["source"] = TEXT_SOURCE
    panel["inside"] = pd.NA
    if "quote" not in panel:
        panel["quote"] = pd.NA
    return panel[list(PANEL_COLUMNS)]


def control_panel(
    settlements: gpd.GeoDataFrame,
    layers: gpd.GeoDataFrame | None = None,
    events: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The panel from control layers and/or text claims, sorted by place, date and source."""
    parts = []
    if layers is not None:
        parts.append(layer_panel(settlements, layers))
    if events is not None:
        parts.append(text_panel(settlements, events))
    if not parts:
        raise InputError("a control panel needs control layers, text claims, or both")
    panel = pd.concat(parts, ignore_index=True)
    return panel.sort_values(
        ["place_name", "date", "source", "claimant"], kind="stable"
    ).reset_index(drop=True)
