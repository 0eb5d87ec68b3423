"""Event-table sources → canonical claimants, by the table ``geo/data/claimants.csv``.

ACLED writes who reported a row in ``source`` ("General Staff of the Armed Forces of Ukraine;
Ukrinform", "Donetsk Regional Military Administration"), VIINA names the outlet ("pravdaua",
"ria"). Read as they are, two sample tables give 19 claimants. The table maps each source to the
canonical claimant the text stage uses for the same voice ("Ukrainian military", "Russian MoD",
"Regional authorities") or to a group of outlets ("Ukrainian media", "Russian media"); the first
row whose pattern (a case-insensitive regular expression searched in the source) matches wins, so
"Ministry of Defence of Russia; RIA Novosti" is the ministry, not the agency. A source no row
matches is grouped under :data:`OTHER_SOURCES` of its table ("ACLED: other sources").

Every output that draws claimants groups and colours them the same way, through
:func:`claimant_palette`: the HTML map (:func:`geo.render.layers.event_payload`), the static
image and the report's small maps (:mod:`geo.render.static`), the report's tables
(:mod:`geo.render.report`) and the KML folders (:func:`geo.core.io.events.to_kml`). The records
keep the source as written (the map's popup shows it as "reported by"), so joins and the other
exports are unchanged.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.core import style as st

EVENT_TABLE_KIND = "event table"
"""``claimant_kind`` of a row read from an event table (its claimant is the table's source)."""
OTHER_SOURCES = "{table}: other sources"


@cache
def claimant_table() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(compiled pattern, canonical claimant) rows of ``geo/data/claimants.csv``, in order."""
    with resources.files("geo.data").joinpath("claimants.csv").open(encoding="utf-8") as f:
        return tuple(
            (re.compile(row["pattern"], re.IGNORECASE), row["claimant"])
            for row in csv.DictReader(f)
        )


def canonical_source(source: str, table: str = "event table") -> str:
    """The canonical claimant of one event-table ``source`` (see the module docstring)."""
    for pattern, claimant in claimant_table():
        if pattern.search(source):
            return claimant
    return OTHER_SOURCES.format(table=table)


def canonical_sources(sources: pd.Series, tables: pd.Series) -> pd.Series:
    """:func:`canonical_source` of each row, computed once per distinct (source, table)."""
    pairs = pd.MultiIndex.from_arrays([sources.fillna("").astype(str), tables.astype(str)])
    codes, uniques = pd.factorize(pairs)
    names = [canonical_source(source, table) for source, table in uniques]
    return pd.Series([names[c] for c in codes], index=sources.index, dtype=object)


def drawn_claimants(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(claimant each row is drawn as, the source as written where that differs): event-table
    rows are grouped by :func:`canonical_source` ("General Staff of the Armed Forces of
    Ukraine; Ukrinform" is drawn as "Ukrainian military"); text claims keep their claimant.
    ``frame``: normalised records (``claimant``, ``claimant_kind``, ``doc_id``)."""
    raw = frame["claimant"].fillna(st.UNKNOWN_CLAIMANT).astype(str)
    raw = raw.where(raw.str.strip() != "", st.UNKNOWN_CLAIMANT)
    from_table = frame["claimant_kind"].eq(EVENT_TABLE_KIND).to_numpy()
    if not from_table.any():
        return raw, pd.Series(None, index=frame.index, dtype=object)
    tables = frame["doc_id"].fillna("").astype(str).map(lambda p: Path(p).name or EVENT_TABLE_KIND)
    canonical = raw.where(~from_table, canonical_sources(raw, tables))
    reported = raw.where(from_table & (raw != canonical).to_numpy())
    return canonical, reported.astype(object).where(reported.notna(), None)


def claimant_palette(frame: gpd.GeoDataFrame) -> tuple[pd.Series, dict[str, str]]:
    """(claimant each row is drawn as, colour of each drawn claimant): the one grouping and
    colouring every output uses. Colours are chosen (:func:`geo.core.style.claimant_colors`)
    over the claimants of the rows that have a geometry, as the map draws them; a claimant only
    unmapped rows have gets its own preferred colour."""
    drawn, _ = drawn_claimants(frame)
    geoms = frame.geometry.values
    has_shape = ~(np.asarray(shapely.is_missing(geoms)) | np.asarray(shapely.is_empty(geoms)))
    colors = {str(k): c for k, c in st.claimant_colors(drawn[has_shape].unique()).items()}
    for name in drawn.unique():
        colors.setdefault(name, st.claimant_color(name))
    return drawn, colors
