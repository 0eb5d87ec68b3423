"""The event record: one row per claim about one place (see README, "Record schema").

Column names follow the ACLED codebook where one exists. Every stage that produces or consumes
events uses :data:`EVENT_COLUMNS` so exports, maps and tests agree on one shape.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Precision(IntEnum):
    """How exactly a record's geometry locates the place (ACLED/VIINA-style ``geo_precision``)."""

    SETTLEMENT = 1  # the named settlement itself
    APPROXIMATE = 2  # near / part of / direction from a settlement
    REGION = 3  # only the admin region (oblast) is known


class ResolutionKind(StrEnum):
    """How the place of a mention was decided."""

    EXACT = "exact"
    ALIAS = "alias"
    FUZZY = "fuzzy"
    CONTEXT = "context"
    REGION_FALLBACK = "region_fallback"
    ONLINE = "online"
    TABLE = "table"  # coordinates given by an imported event table
    UNRESOLVED = "unresolved"


PLAUSIBLE_YEARS = (1901, 2099)
"""The years a date of a document or an event can be in: ``0001-01-01`` or ``Tue, 21 Mar 9999``
is a typo or a placeholder, not a day of the war."""


def plausible_year(year: int) -> bool:
    """Is ``year`` one of :data:`PLAUSIBLE_YEARS`?"""
    return PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]


# Default uncertainty radius (metres) drawn around a point, by precision.
UNCERTAINTY_M = {
    Precision.SETTLEMENT: 2_000,
    Precision.APPROXIMATE: 15_000,
    Precision.REGION: 100_000,
}

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "doc_id",
    "source_title",
    "source_url",
    "published",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "claimant",
    "claimant_kind",
    "actor1",
    "actor2",
    "stance",
    "quantity",
    "quantity_unit",
    "location",
    "place_id",
    "place_name",
    "admin1",
    "admin2",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "uncertainty_m",
    "resolution",
    "confidence",
    "candidates",
    "ambiguous",
    "direction",
    "anchor_place",
    "resolution_reason",
    "quote",
    "lang",
)
"""Property columns of an event record, in export order; ``geometry`` (EPSG:4326) comes last."""

ANNOTATION_COLUMNS: tuple[str, ...] = (
    "record_kind",
    "join_status",
    "join_detail",
    "quality_flag",
    "quality_detail",
    "check_status",
    "check_detail",
)
"""Optional columns added by event-table validation and joins;
kept through maps and exports when present."""

MERGE_COLUMNS: tuple[str, ...] = ("n_reports", "doc_ids", "first_seen", "quotes")
"""Columns of records merged across reports (``--merge-reports``, :mod:`geo.merge`): how many
documents state the claim, their ``doc_id``s and every distinct quote (JSON lists, earliest report
first) and the earliest publication date. Present only when reports were merged, and then kept
through maps and every export; absent otherwise, so unmerged outputs keep their exact shape."""

GEOCODE_COLUMNS: tuple[str, ...] = (
    "latitude", "longitude", "place_id", "place_name", "admin1", "admin2", "country",
    "geo_precision", "resolution", "confidence", "reason", "ambiguous",
)  # fmt: skip
"""The columns ``frontline geocode --csv`` adds to every input row, in this order
(:mod:`geo.gazetteer.batch`)."""
GEOCODED_PREFIX = "geocoded_"
"""A geocode result column whose name the input has (in any case) is written with this prefix
(then ``_2``, ``_3`` … while that too is taken: the highest is the latest pass); the readers of
such a table read the results, not the input's column
(:func:`geo.core.io.events.geocoded_columns`)."""

INTEGER_COLUMNS: tuple[str, ...] = (
    "time_precision",
    "geo_precision",
    "uncertainty_m",
    "candidates",
)
"""Nullable integer columns of the record (pandas ``Int64``)."""
FLOAT_COLUMNS: tuple[str, ...] = ("latitude", "longitude", "confidence", "quantity")
"""Float columns of the record; every other column is text."""

CONTRADICTING_STANCES: frozenset[tuple[str, str]] = frozenset(
    {
        ("repelled", "captured"),
        ("held", "captured"),
        ("repelled", "withdrew"),
        ("held", "withdrew"),
        ("captured", "repelled"),
        ("captured", "held"),
        ("withdrew", "repelled"),
        ("withdrew", "held"),
    }
)
"""Stances that exclude each other for the same place and days: it was held vs it changed hands."""

STANCES: tuple[str, ...] = (
    "repelled",
    "captured",
    "advancing",
    "under attack",
    "on the defensive",
    "held",
    "withdrew",
    "struck",
    "met",
    "agreed",
    "reported",
)
