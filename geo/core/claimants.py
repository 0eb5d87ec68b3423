"""Event-table sources → canonical claimants, by the table ``geo/data/claimants.csv``.

ACLED writes who reported a row in ``source`` ("General Staff of the Armed Forces of Ukraine;
Ukrinform", "Donetsk Regional Military Administration"), VIINA names the outlet ("pravdaua",
"ria"). Read as they are, two sample tables give 19 claimants. The table maps each source to the
canonical claimant the text stage uses for the same voice ("Ukrainian military", "Russian MoD",
"Regional authorities") or to a group of outlets ("Ukrainian media", "Russian media"); the first
row whose pattern (a case-insensitive regular expression searched in the source) matches wins, so
"Ministry of Defence of Russia; RIA Novosti" is the ministry, not the agency. A source no row
matches is grouped under :data:`OTHER_SOURCES` of its table ("ACLED: other sources").

Maps use it to group claimants (:func:`geo.render.layers.event_payload`); the records keep the
source as written, so joins and exports are unchanged.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

import pandas as pd

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
