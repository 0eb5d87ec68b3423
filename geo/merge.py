"""One record per claim across reports: ``--merge-reports``.

The same claim reaches a reader many times, once per outlet, repost and translation. Records that
state the same claim are merged into one: the same canonical claimant
(:func:`geo.core.style.canonical_claimant`), the same place (``place_id``; for an unresolved
mention the same location text, case and spacing aside), the same stance, the same direction from
it and the same event date. Contradicting claims differ in stance or claimant, so they are never
merged; an undated record is never merged either, since nothing says its reports speak of the
same day.

The merged record is the earliest-published report's (so its ``event_id``, ``doc_id``, ``quote``
and link are those of the first report seen), with the columns of
:data:`geo.core.schema.MERGE_COLUMNS`: ``n_reports`` (how many documents state it),
``doc_ids`` and ``quotes`` (JSON lists of every document and every distinct quote, earliest first)
and ``first_seen`` (the earliest publication date). Records keep the order of their claims' first
appearance in the input. One groupby over the whole table, no loop over rows.
"""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.core.schema import MERGE_COLUMNS
from geo.core.style import canonical_claimant

_KEY = ("_claimant", "_place", "_stance", "_direction", "_date")


def _claim_keys(records: pd.DataFrame) -> pd.DataFrame:
    """The columns two records of the same claim share; an undated record's key is its own."""
    location = records["location"].fillna("").astype(str).str.split().str.join(" ").str.casefold()
    place = records["place_id"].where(records["place_id"].notna(), "text:" + location)
    dated = records["event_date"].notna()
    own = pd.Series(np.arange(len(records)), index=records.index).astype(str)
    return pd.DataFrame(
        {
            "_claimant": records["claimant"].map(canonical_claimant),
            "_place": place.astype(str),
            "_stance": records["stance"].fillna("").astype(str),
            "_direction": records["direction"].fillna("").astype(str),
            "_date": records["event_date"].astype(str).where(dated, "undated:" + own),
        },
        index=records.index,
    )


def _json_lists(frame: pd.DataFrame, column: str) -> pd.Series:
    """Per group (``_group``), the distinct values of ``column`` in frame order, as JSON lists."""
    present = frame[frame[column].notna()].drop_duplicates(["_group", column])
    lists = present.groupby("_group", sort=False)[column].agg(list)
    return lists.map(lambda values: json.dumps(values, ensure_ascii=False))


def merge_reports(records: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``records`` (the record schema) with the reports of each claim merged into one record
    carrying :data:`~geo.core.schema.MERGE_COLUMNS`; see the module docstring."""
    frame = records.reset_index(drop=True)
    if frame.empty:
        out = frame.copy()
        for column in MERGE_COLUMNS:
            out[column] = pd.Series(dtype="Int64" if column == "n_reports" else object)
        return out
    groups = _claim_keys(frame).groupby(list(_KEY), sort=False, dropna=False).ngroup()
    published = frame["published"].astype("string")
    ordered = frame.assign(_group=groups.to_numpy(), _published=published.fillna("\uffff"))
    ordered = ordered.sort_values(["_group", "_published"], kind="stable")
    merged = ordered.drop_duplicates("_group")  # the earliest-published report of each claim
    by_group = ordered.groupby("_group", sort=False)
    first_seen = by_group["published"].min()
    first_seen = first_seen.astype(object).where(first_seen.notna(), None)
    n_reports = by_group["doc_id"].nunique()
    doc_ids, quotes = _json_lists(ordered, "doc_id"), _json_lists(ordered, "quote")
    group = merged["_group"]
    merged = merged.assign(
        n_reports=pd.array(group.map(n_reports).to_numpy(), dtype="Int64"),
        doc_ids=group.map(doc_ids).to_numpy(dtype=object),
        first_seen=group.map(first_seen).to_numpy(dtype=object),
        quotes=group.map(quotes).to_numpy(dtype=object),
    )
    first_row = pd.Series(np.arange(len(frame))).groupby(groups.to_numpy()).min()
    merged = merged.iloc[np.argsort(group.map(first_row).to_numpy(), kind="stable")]
    out = merged.drop(columns=["_group", "_published"]).reset_index(drop=True)
    return gpd.GeoDataFrame(out, geometry=out.geometry.name, crs=records.crs)
