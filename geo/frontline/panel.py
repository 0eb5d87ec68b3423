"""Settlement control panel: each settlement's status per date under each source.

Like VIINA's control panel: for every settlement point and every dated control layer, whether
the point lies inside the layer (and under which status), plus what text claims say about the
settlement, joined by ``place_id`` with their claimant. Long format, one row per
(place, date, source, claimant); pivot on ``date`` for a wide table.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo.core.errors import InputError

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
"""``status`` is the layer's status where ``inside``, else ``outside``;
for text claims the stance."""

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
    hits = gpd.sjoin(places, layers[[*keys, "status", "geometry"]].to_crs(4326), predicate="within")
    statuses = (
        hits.groupby(["place_id", *keys])["status"]
        .agg(lambda s: ";".join(sorted(set(s))))
        .reset_index()
    )
    grid = places[["place_id", "place_name"]].merge(layers[keys].drop_duplicates(), how="cross")
    panel = grid.merge(statuses, on=["place_id", *keys], how="left")
    panel["inside"] = panel["status"].notna()
    panel["status"] = panel["status"].fillna("outside")
    panel["quote"] = pd.NA
    return panel[list(PANEL_COLUMNS)]


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
