"""The event record: built typed, then checked and normalised for every consumer.

:class:`PlaceColumns` holds the columns that depend only on how a place was resolved (worked out
once per resolution); :func:`event_record` builds one record from them and the claim's named
fields, so no stage passes a record around as a positional tuple and adding a column is one edit
here plus its entry in :data:`geo.core.schema.EVENT_COLUMNS`.
:func:`normalize_events` gives any event table the exact column set and dtypes of
:data:`geo.core.schema.EVENT_COLUMNS` (plus ``geometry``), so maps, exports and round trips agree.
:func:`check_coordinates` rejects NaN, out-of-range and swapped coordinates, naming the row's
``event_id``, or flags them (geometry dropped, ``resolution = "invalid_coordinates"``).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from typing import Literal, NamedTuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.core.errors import InputError
from geo.core.schema import (
    ANNOTATION_COLUMNS,
    EVENT_COLUMNS,
    FLOAT_COLUMNS,
    INTEGER_COLUMNS,
    MERGE_COLUMNS,
    UNCERTAINTY_M,
    Precision,
    ResolutionKind,
)
from geo.core.theatre import BOX

log = logging.getLogger(__name__)

INT_COLUMNS = INTEGER_COLUMNS
TEXT_COLUMNS = tuple(c for c in EVENT_COLUMNS if c not in FLOAT_COLUMNS + INT_COLUMNS)

THEATRE_BOUNDS = BOX  # a point outside it whose swapped coordinates fall inside looks swapped

INVALID = "invalid_coordinates"


class PlaceColumns(NamedTuple):
    """The record columns that depend only on the resolution of a mention's place."""

    located: bool
    """The place has coordinates (the record gets a point)."""
    place_id: str | None
    place_name: str | None
    admin1: str | None
    admin2: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    precision: Precision | None
    resolution: str
    confidence: float
    candidates: int
    reason: str
    ambiguous: str | None = None
    """The namesakes that could not be told apart, when the answer is their region or none."""

    @classmethod
    def unresolved(
        cls,
        reason: str,
        resolution: str = str(ResolutionKind.UNRESOLVED),
        confidence: float = 0.0,
        candidates: int = 0,
        ambiguous: str | None = None,
    ) -> PlaceColumns:
        """Columns of a mention whose place is not known."""
        return cls(False, None, None, None, None, None, None, None, None, resolution,
                   confidence, candidates, reason, ambiguous)  # fmt: skip


_PRECISION_COLUMNS: dict[Precision | None, tuple[int | None, int | None]] = {
    None: (None, None),
    **{p: (int(p), UNCERTAINTY_M[p]) for p in Precision},
}
"""geo_precision and uncertainty_m of each precision."""


def event_record(
    place: PlaceColumns,
    *,
    event_id: str,
    doc_id: str,
    source_title: str | None,
    source_url: str | None,
    published: str | None,
    event_date: str | None,
    time_precision: int | None,
    event_type: str | None,
    sub_event_type: str | None,
    claimant: str | None,
    claimant_kind: str | None,
    actor1: str | None,
    actor2: str | None,
    stance: str | None,
    quantity: str | float | None,  # the number as the text gives it; frames make it numeric
    quantity_unit: str | None,
    location: str,
    precision: Precision | None,
    direction: str | None,
    anchor_place: str | None,
    reason: str,
    quote: str,
    lang: str | None = None,
) -> dict[str, object]:
    """One event record with every column of :data:`EVENT_COLUMNS`, in that order: ``place``'s
    columns, with ``precision`` and ``reason`` as the mention refines them,
    and the claim's fields."""
    # Over 60 lines on purpose: one keyword and one line per column, in the schema's order, so a
    # missing or misplaced column shows at a glance; helpers would scatter that list.
    geo_precision, uncertainty = _PRECISION_COLUMNS[precision]
    return {
        "event_id": event_id,
        "doc_id": doc_id,
        "source_title": source_title,
        "source_url": source_url,
        "published": published,
        "event_date": event_date,
        "time_precision": time_precision,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "claimant": claimant,
        "claimant_kind": claimant_kind,
        "actor1": actor1,
        "actor2": actor2,
        "stance": stance,
        "quantity": quantity,
        "quantity_unit": quantity_unit,
        "location": location,
        "place_id": place.place_id,
        "place_name": place.place_name,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "country": place.country,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geo_precision": geo_precision,
        "uncertainty_m": uncertainty,
        "resolution": place.resolution,
        "confidence": place.confidence,
        "candidates": place.candidates,
        "ambiguous": place.ambiguous,
        "direction": direction,
        "anchor_place": anchor_place,
        "resolution_reason": reason,
        "quote": quote,
        "lang": lang,
    }


def _integers(raw: pd.Series) -> pd.api.extensions.ExtensionArray:
    """Whole numbers (nullable Int64); text that is no number, NaN, infinities and magnitudes
    no integer holds exactly (over 2**53) are missing, as an unreadable value is."""
    numbers = pd.to_numeric(raw, errors="coerce").astype("float64")
    numbers = numbers.where(np.isfinite(numbers) & (numbers.abs() < 2.0**53))
    return pd.array(numbers.round(), dtype="Int64")


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT or (not isinstance(value, (list, dict, str)) and pd.isna(value)):
        return None
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text if text != "" else None


def _text_column(raw: pd.Series) -> np.ndarray:
    """:func:`_text` over a column: a column of strings and missing values (what every reader
    gives) in a few array operations, any other column cell by cell."""
    values = raw.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        out = np.empty(len(values), dtype=object)
        out[:] = [_text(v) for v in values.tolist()]
        return out
    out = values.copy()
    out[pd.isna(values) | (values == "")] = None
    return out


def normalize_events(events: pd.DataFrame | None, *, source: str | None = None) -> gpd.GeoDataFrame:
    """Return ``events`` with exactly ``EVENT_COLUMNS + geometry``, fixed dtypes, EPSG:4326.

    Missing columns are added empty; text columns hold ``str`` or ``None``; numbers are floats
    (``geo_precision`` nullable ``Int64``). Point rows without ``latitude``/``longitude`` get
    them from the geometry.
    """
    if events is None:
        events = gpd.GeoDataFrame(
            {c: [] for c in EVENT_COLUMNS}, geometry=gpd.GeoSeries([], crs=4326)
        )
    if not isinstance(events, gpd.GeoDataFrame):
        geom = None
        if "geometry" in events:
            geom = gpd.GeoSeries(events["geometry"], crs=4326)
        events = gpd.GeoDataFrame(
            events.drop(columns=["geometry"], errors="ignore"), geometry=geom, crs=4326
        )
    elif events.geometry.name not in events.columns or events.crs is None:
        events = events.set_crs(4326, allow_override=True)
    if events.crs is not None and not events.crs.equals("EPSG:4326"):
        events = events.to_crs(4326)
    geometry = np.asarray(events.geometry.values, dtype=object)
    out: dict[str, object] = {}
    n = len(events)
    for col in EVENT_COLUMNS:
        raw = events[col] if col in events.columns else pd.Series([None] * n, index=events.index)
        if col in FLOAT_COLUMNS:
            out[col] = pd.to_numeric(raw, errors="coerce").astype("float64").to_numpy()
        elif col in INT_COLUMNS:
            out[col] = _integers(raw)
        else:
            out[col] = _text_column(raw)
    for col in ANNOTATION_COLUMNS + MERGE_COLUMNS:
        if col == "n_reports" and col in events.columns:
            out[col] = _integers(events[col])
        elif col in events.columns:
            out[col] = _text_column(events[col])
    frame = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(geometry, crs=4326), crs=4326)
    frame.index = pd.RangeIndex(n)
    geoms = frame.geometry.values
    is_point = np.asarray(shapely.get_type_id(geoms) == 0)
    if is_point.any():
        x = shapely.get_x(geoms[is_point])
        y = shapely.get_y(geoms[is_point])
        lon = frame["longitude"].to_numpy(copy=True)
        lat = frame["latitude"].to_numpy(copy=True)
        lon[is_point] = np.where(np.isnan(lon[is_point]), x, lon[is_point])
        lat[is_point] = np.where(np.isnan(lat[is_point]), y, lat[is_point])
        frame["longitude"] = lon
        frame["latitude"] = lat
    return frame


def _in_box(x: np.ndarray, y: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    return (x >= box[0]) & (x <= box[2]) & (y >= box[1]) & (y <= box[3])


def check_coordinates(
    events: gpd.GeoDataFrame,
    *,
    on_bad: Literal["raise", "flag"] = "raise",
    theatre: tuple[float, float, float, float] | None = THEATRE_BOUNDS,
    source: str | None = None,
    rows: Sequence[int] | None = None,
) -> gpd.GeoDataFrame:
    """Reject (``on_bad="raise"``) or flag rows with NaN, out-of-range or swapped coordinates.

    Checks every vertex's bounds and the point's ``latitude``/``longitude`` columns against its
    geometry. A flagged row keeps its record, loses its geometry and gets
    ``resolution = "invalid_coordinates"`` with the reason in ``resolution_reason``. ``rows``:
    each record's number in ``source`` for the messages (a CSV's row, header = row 1, as its
    reader's warnings count); see :func:`source_rows` for the default.
    """
    reasons = _coordinate_problems(events, theatre)
    if not reasons:
        return events
    ids = events["event_id"].tolist() if "event_id" in events else [None] * len(events)
    numbers = source_rows(events, rows)

    def label(i: int) -> str:  # "event_id 'a1': " when the row has an id, else nothing
        return f"event_id {ids[i]!r}: " if ids[i] is not None and ids[i] == ids[i] else ""

    if on_bad == "raise":
        i = min(reasons)
        more = f" (and {len(reasons) - 1} more rows)" if len(reasons) > 1 else ""
        raise InputError(f"{label(i)}{reasons[i]}{more}", source=source, row=numbers[i])
    where = f"{source}, " if source else ""
    for i in sorted(reasons):
        log.warning("%srow %d: %s%s; geometry dropped", where, numbers[i], label(i), reasons[i])
    flagged = events.copy()
    bad = sorted(reasons)
    geo_col = flagged.geometry.name
    flagged.iloc[bad, flagged.columns.get_loc(geo_col)] = None
    flagged.loc[flagged.index[bad], "resolution"] = INVALID
    flagged.loc[flagged.index[bad], "resolution_reason"] = [reasons[i] for i in bad]
    for column in ("latitude", "longitude"):  # an infinity is blanked: JSON cannot hold it
        if column in flagged:
            values = flagged[column].to_numpy(dtype=float, copy=True)
            values[bad] = np.where(np.isinf(values[bad]), np.nan, values[bad])
            flagged[column] = values
    return flagged


def source_rows(events: pd.DataFrame, rows: Sequence[int] | None = None) -> list[int]:
    """The number of each record of ``events`` in its input, for messages: ``rows`` when given
    (a CSV's rows, header = row 1, from its reader), else an event table's ``source_row``
    (numbered so too), else the record's position counting from 1 (a GeoJSON feature, a KML
    placemark). A CSV counted from 1 had named the line after the one its warnings named."""
    if rows is not None and len(rows) == len(events):
        return [int(r) for r in rows]
    if "source_row" in events:
        given = pd.to_numeric(events["source_row"], errors="coerce")
        if given.notna().all():
            return [int(r) for r in given]
    return list(range(1, len(events) + 1))


def _coordinate_problems(
    events: gpd.GeoDataFrame, theatre: tuple[float, float, float, float] | None
) -> dict[int, str]:
    """Row position → what is wrong with its coordinates (the first finding), for the rows of
    :func:`check_coordinates` with a problem."""
    geoms = events.geometry.values
    has_geom = ~np.asarray(shapely.is_missing(geoms))
    bounds = shapely.bounds(geoms)  # NaN for empty / missing
    minx, miny, maxx, maxy = bounds.T
    lat_col = (
        events["latitude"].to_numpy(dtype=float)
        if "latitude" in events
        else np.full(len(events), np.nan)
    )
    lon_col = (
        events["longitude"].to_numpy(dtype=float)
        if "longitude" in events
        else np.full(len(events), np.nan)
    )
    reasons: dict[int, str] = {}
    coords_nan = has_geom & ~(np.isfinite(bounds).all(axis=1))
    for i in np.flatnonzero(coords_nan).tolist():
        reasons[i] = "coordinates are NaN, infinite or empty"
    out_of_range = (
        has_geom & ~coords_nan & ((minx < -180) | (maxx > 180) | (miny < -90) | (maxy > 90))
    )
    for i in np.flatnonzero(out_of_range).tolist():
        swapped_ok = -180 <= miny[i] and maxy[i] <= 180 and -90 <= minx[i] and maxx[i] <= 90
        reasons[i] = "coordinates out of range (lon must be in [-180, 180], lat in [-90, 90])" + (
            "; they look swapped (lat, lon instead of lon, lat)" if swapped_ok else ""
        )
    is_point = has_geom & ~coords_nan & np.asarray(shapely.get_type_id(geoms) == 0)
    cols_given = np.isfinite(lat_col) & np.isfinite(lon_col)
    col_swapped = (
        is_point
        & cols_given
        & (np.abs(lon_col - miny) < 1e-7)
        & (np.abs(lat_col - minx) < 1e-7)
        & (np.abs(lon_col - lat_col) > 1e-7)
    )
    for i in np.flatnonzero(col_swapped).tolist():
        reasons.setdefault(
            i, "geometry has (lat, lon) swapped relative to the latitude/longitude columns"
        )
    # A row flagged before keeps its bad columns as evidence: checking it again finds nothing new.
    flagged = (
        events["resolution"].to_numpy(dtype=object) == INVALID
        if "resolution" in events
        else np.zeros(len(events), dtype=bool)
    )
    col_range = (
        ~has_geom & ~flagged & cols_given & ((np.abs(lat_col) > 90) | (np.abs(lon_col) > 180))
    )
    for i in np.flatnonzero(col_range).tolist():
        reasons.setdefault(i, "latitude/longitude columns out of range")
    # one of the pair missing or infinite ((48.59, inf), (NaN, 37.99)): no point can be made of it
    partial = ~has_geom & ~flagged & ~cols_given & ~(np.isnan(lat_col) & np.isnan(lon_col))
    for i in np.flatnonzero(partial).tolist():
        lat, lon = ("empty" if np.isnan(v) else f"{v:g}" for v in (lat_col[i], lon_col[i]))
        reasons.setdefault(
            i, f"latitude/longitude are no pair of finite numbers (latitude {lat}, longitude {lon})"
        )
    if theatre is not None:
        cx = (minx + maxx) / 2
        cy = (miny + maxy) / 2
        outside = has_geom & ~coords_nan & ~_in_box(cx, cy, theatre) & _in_box(cy, cx, theatre)
        for i in np.flatnonzero(outside).tolist():
            reasons.setdefault(
                i, "coordinates look swapped: (lat, lon) given where GeoJSON wants (lon, lat)"
            )
    return reasons
