"""Writing event tables with everything they carry:
schema columns, then flags, join and ``orig_*`` columns.

:func:`geo.export.write_events` writes exactly the schema; imported tables carry more (quality
flags, source rows, the original columns), so they are written here: GeoJSON (RFC 7946), CSV or
GeoPackage, by suffix. :func:`write_check_report` writes the input rows back with the verdict.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from geo.core.errors import InputError
from geo.core.io.events import distinct_column_names, write_csv
from geo.core.io.files import atomic_path
from geo.core.io.geojson import write_geojson
from geo.core.io.safe import without_surrogates
from geo.core.records import normalize_events
from geo.core.schema import EVENT_COLUMNS
from geo.events.load import ORIG_PREFIX

REPORT_COLUMNS = (
    "check_status",
    "quality_flag",
    "quality_detail",
    "check_detail",
    "place_id",
    "place_name",
    "latitude",
    "longitude",
    "geo_precision",
    "resolution",
    "distance_km",
)
"""Columns appended to each input row by ``frontline events check``."""


def _plain(values: pd.Series) -> pd.Series:
    if values.dtype == object or str(values.dtype) in ("string", "str"):
        return values.map(
            lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
        )
    if str(values.dtype) in ("Int64", "boolean", "Float64"):
        return values.astype(object).where(values.notna(), None)
    return values


def full_frame(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Schema columns (typed by :func:`normalize_events`) followed by every other column."""
    base = normalize_events(frame)
    extras = [c for c in frame.columns if c not in EVENT_COLUMNS and c != frame.geometry.name]
    for col in extras:
        base[col] = _plain(frame[col].reset_index(drop=True))
    return base


def write_table(frame: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write ``frame`` with all its columns as GeoJSON, CSV or GeoPackage (by the file suffix)."""
    path = Path(path)
    data = without_surrogates(full_frame(frame), what="event values")
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        return write_geojson(data, path)
    if suffix == ".csv":
        return write_csv(pd.DataFrame(data.drop(columns="geometry")), path, float_format="%.15g")
    if suffix == ".gpkg":
        data = distinct_column_names(data, str(path))
        with atomic_path(path) as temp:
            pyogrio.write_dataframe(
                data, temp, layer="events", driver="GPKG", geometry_type="Unknown"
            )
        return path
    raise InputError("unknown output format; use .geojson, .csv or .gpkg", source=str(path))


def write_check_report(frame: pd.DataFrame, path: str | Path) -> Path:
    """Every input row (its original columns, as read) followed by :data:`REPORT_COLUMNS`."""
    original = {
        c.removeprefix(ORIG_PREFIX): frame[c].to_numpy()
        for c in frame.columns
        if c.startswith(ORIG_PREFIX)
    }
    # an input column of a report column's name keeps its values; the report's is renamed
    report = pd.DataFrame(original)
    report.insert(0, "checked_source_row" if "source_row" in report else "source_row",
                  frame["source_row"].to_numpy())  # fmt: skip
    for col in REPORT_COLUMNS:
        name = col if col not in report else f"checked_{col}"
        report[name] = frame[col].to_numpy()
    return write_csv(report, path, float_format="%.6g")
