"""Events per admin unit per ISO week per claimant, with the unit's geometry
(a choropleth layer)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.gazetteer import GazetteerStore

AGGREGATE_COLUMNS = (
    "admin1_code",
    "admin1",
    "week",
    "week_start",
    "claimant",
    "events",
    "geometry_source",
)


def _admin1_codes(events: pd.DataFrame, store: GazetteerStore) -> np.ndarray:
    if "admin1_code" in events:
        codes = events["admin1_code"].to_numpy(dtype=object).copy()
    else:
        codes = np.full(len(events), None, dtype=object)
    missing = pd.isna(codes) & events["place_id"].notna().to_numpy()
    ids = pd.unique(events["place_id"].to_numpy()[missing])
    lookup = {}
    for pid in ids:
        place = store.place(pid)
        lookup[pid] = (
            pid.removeprefix("adm:")
            if place and place.kind == "admin1"
            else place.admin1_code
            if place
            else None
        )
    codes[missing] = [lookup.get(p) for p in events["place_id"].to_numpy()[missing]]
    return codes


def weekly_counts(
    events: pd.DataFrame, store: GazetteerStore | None = None, *, by: str = "claimant"
) -> gpd.GeoDataFrame:
    """Counts per (admin1 unit, ISO week, ``by``) with the unit's boundary or footprint as geometry.

    Rows without a date or an admin unit are left out; ``events`` may be table records
    (validated, with ``admin1_code``) or text claims (the unit comes from ``place_id``).
    """
    store = store or GazetteerStore()
    day = pd.to_datetime(events["event_date"], errors="coerce", format="ISO8601")
    codes = _admin1_codes(events, store)
    frame = pd.DataFrame(
        {"admin1_code": codes, "day": day, by: events[by].fillna("(unknown)").to_numpy()}
    )
    frame = frame.dropna(subset=["admin1_code", "day"])
    iso = frame["day"].dt.isocalendar()
    frame["week"] = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    frame["week_start"] = (
        frame["day"] - pd.to_timedelta(frame["day"].dt.day_of_week, unit="D")
    ).dt.date.astype(str)
    counts = (
        frame.groupby(["admin1_code", "week", "week_start", by])
        .size()
        .rename("events")
        .reset_index()
    )
    units = {code: store.admin_unit(code) for code in counts["admin1_code"].unique()}
    geoms = {code: store.admin_geometry(code) for code in units}
    names = {code: unit.name if unit else None for code, unit in units.items()}
    counts["admin1"] = counts["admin1_code"].map(lambda c: names[c])
    counts["geometry_source"] = counts["admin1_code"].map(lambda c: geoms[c][1])
    wkb = counts["admin1_code"].map(lambda c: geoms[c][0]).to_numpy(dtype=object)
    geometry = np.full(len(counts), None, dtype=object)
    has = pd.notna(wkb)
    geometry[has] = shapely.from_wkb(wkb[has])
    columns = [c if c != "claimant" else by for c in AGGREGATE_COLUMNS]
    out = gpd.GeoDataFrame(counts[columns], geometry=gpd.GeoSeries(geometry, crs=4326), crs=4326)
    return out.sort_values(["week", "admin1_code", by], ignore_index=True)
