"""Import an event table into the record schema, keeping every original column (``orig_*``).

:func:`load_events` reads the file (:mod:`geo.events.formats`), maps its columns onto
:data:`geo.core.schema.EVENT_COLUMNS`, parses dates in mixed formats and coordinates written with a
decimal comma, and flags what it cannot use — blank rows, missing or unreadable dates, unreadable
coordinates, duplicated ids, formulas without a value — row by row, without dropping any row.
Geocoding and checking the coordinates is the next step,
:func:`geo.events.validate.validate_events`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import dateparser
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.claims.tables import claim_tables
from geo.core.claimants import EVENT_TABLE_KIND
from geo.core.schema import EVENT_COLUMNS, plausible_year
from geo.events.formats import FormatSpec, RawTable, detect_format, read_mapping_file, read_table
from geo.events.quality import add_flag

log = logging.getLogger(__name__)

EXTRA_COLUMNS: tuple[str, ...] = (
    "source_row",
    "quality_flag",
    "quality_detail",
    "distance_km",
    "admin1_code",
)
"""Columns an imported table has besides the schema: the input row number (header = row 1), the
quality flag and detail, the distance to the named place, and the admin1 code of the row's place."""

ORIG_PREFIX = "orig_"
CLAIMANT_KIND = EVENT_TABLE_KIND

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y%m%d",
    "%d %B %Y",
    "%d-%B-%Y",
    "%d %b %Y",
    "%d-%b-%Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%d-%m-%Y",
    "%d/%m/%y",
    "%m/%d/%Y",
)
_EXCEL_SERIAL = re.compile(r"^\d{5}(\.0+)?$")
_COMPACT_DATE = re.compile(r"^\d{8}$")
_DECIMAL_COMMA = re.compile(r"^\s*[+-]?\d+,\d+\s*$")
_SUB_EVENT_STANCE = (
    (r"overtakes territory|regains territory", "captured"),
    (r"non-violent transfer of territory", "withdrew"),
    (r"shelling|artillery|missile|air/drone|drone strike|remote explosive|grenade", "struck"),
    (r"armed clash|attack", "under attack"),
)
_NOTE_STANCES = ("repelled", "captured", "withdrew")
"""Stances read from a record's notes when it has a sub-event type: the territorial verbs only."""
_TEXT_STANCES = ("repelled", "captured", "withdrew", "struck", "under attack", "advancing")
"""Stances read from the text of a record without a sub-event type (VIINA), first match wins."""


# ----------------------------------------------------------------------------------- values


_DATEPARSER = {
    "DATE_ORDER": "DMY",
    "STRICT_PARSING": True,
    # no relative dates: "now", "yesterday", a cell "=NOW()" are no date of an event, and read
    # relative to the day of the import they would change from one import to the next
    "PARSERS": ["custom-formats", "absolute-time"],
}


@lru_cache(maxsize=100_000)
def parse_date(text: str) -> date | None:
    """A date from one cell in any of the formats event tables use; None when unreadable or
    outside the years 1901–2099, however it was read (``0001-01-01``, or ``999999`` read as
    9999-09-09, is a typo or a placeholder, not the day of an event)."""
    day = _read_date(text.strip())
    return day if day is not None and plausible_year(day.year) else None


def _read_date(text: str) -> date | None:
    if not text:
        return None
    if _EXCEL_SERIAL.match(text):
        return date(1899, 12, 30) + timedelta(days=int(float(text)))
    if len(text) >= 10 and text[4:5] == "-":
        try:  # the whole cell: a timestamp whose time is no time ("T25:00") is no date
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass
    found = _strptime(text)
    if found is not None:
        return found
    guess = dateparser.parse(text, languages=["en", "uk", "ru"], settings=_DATEPARSER)
    return guess.date() if guess is not None else None


def _strptime(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        if fmt == "%Y%m%d" and not _COMPACT_DATE.match(text):
            continue  # strptime reads "2023032" (a truncated VIINA date) as 2023-03-02
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_dates(values: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ISO date or None, missing mask, unreadable mask); each distinct value is parsed once."""
    text = values.astype(str).str.strip()
    codes, uniques = pd.factorize(text)
    parsed = np.array([parse_date(u) for u in uniques] + [None], dtype=object)
    iso = np.array([d.isoformat() if d else None for d in parsed], dtype=object)[codes]
    missing = (text == "").to_numpy()
    bad = ~missing & pd.isna(pd.Series(iso)).to_numpy()
    return iso, missing, bad


def parse_coordinates(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(float or NaN, unreadable mask) of coordinate cells; "48,59" is read as 48.59."""
    text = values.astype(str).str.strip().str.replace("°", "", regex=False)
    comma = text.str.match(_DECIMAL_COMMA)
    text = text.where(~comma, text.str.replace(",", ".", regex=False))
    numbers = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float)
    bad = (text != "").to_numpy() & ~np.isfinite(numbers)
    return numbers, bad


MAX_FATALITIES = 100_000
"""Most deaths one event row may report: more is a typo or an overflow (``1e9``, ``1e400``), not
an event; such a count is flagged ``bad_fatalities`` and emptied rather than summed into maps."""


def parse_counts(values: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(count or NaN, bad mask, why bad) of fatalities cells. A cell that is no whole number
    from 0 to :data:`MAX_FATALITIES` (text, NaN, infinity such as ``1e400``, a negative or a
    fractional number, an absurd total) is bad and read as empty: the row is kept, and no writer
    meets a number JSON cannot hold. Blank cells are missing, not bad."""
    text = values.astype(str).str.strip()
    numbers = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float)
    given = (text != "").to_numpy()
    finite = np.isfinite(numbers)
    negative = finite & (numbers < 0)
    fractional = finite & ~negative & (numbers != np.floor(numbers))
    absurd = finite & (numbers > MAX_FATALITIES)
    why = np.select(
        [given & np.isnan(numbers), np.isinf(numbers), negative, fractional, absurd],
        [
            "is not a number",
            "is infinite",
            "is negative",
            "is not a whole number",
            f"is more than {MAX_FATALITIES:,}",
        ],
        default="",
    ).astype(object)
    bad = why != ""
    return np.where(bad, np.nan, numbers), bad, why


def _time_precision(values: pd.Series, dated: np.ndarray) -> pd.Series:
    """ACLED time precision 1–3 (day, week, month); anything else (text, 2.5, ``1e400``) is
    none, and a dated row without one is dated to the day (1)."""
    numeric = pd.to_numeric(values, errors="coerce")
    precision = numeric.where(numeric.isin([1, 2, 3])).astype("Int64")
    return precision.where(precision.notna() | ~dated, 1)


def _precision(values: pd.Series) -> pd.Series:
    """ACLED/VIINA geo precision as 1–3: numbers as given; ADM1/ADM2 → 3, ADM3/PPL… → 1."""
    text = values.astype(str).str.strip().str.upper()
    numeric = pd.to_numeric(text, errors="coerce")
    named = text.map(
        lambda v: (
            3
            if v in ("ADM1", "ADM2", "REGION")
            else 1
            if v.startswith(("ADM3", "ADM4", "PPL"))
            else np.nan
        )
    )
    return numeric.fillna(named).where(lambda s: s.isin([1, 2, 3])).astype("Int64")


def derive_stance(sub_event_type: pd.Series, notes: pd.Series) -> np.ndarray:
    """Stance of each record: a territorial verb in its notes, else its ACLED sub-event type."""
    codes, uniques = pd.factorize(
        sub_event_type.astype(str).str.lower() + "\x1f" + notes.astype(str)
    )
    table = (
        pd.Series(uniques, dtype=object)
        .str.split("\x1f", n=1, expand=True)
        .set_axis(["sub", "notes"], axis=1)
    )
    stance = pd.Series("reported", index=table.index, dtype=object)
    decided = pd.Series(False, index=table.index)
    stances = claim_tables().stances
    rules = {r.name: r.pattern for r in stances.rules}
    no_sub = table["sub"].isin(["", "nan", "none"])
    for name in _TEXT_STANCES:
        hit = ~decided & table["notes"].map(
            lambda text, rule=rules[name]: rule.search(text) is not None
        )
        hit &= no_sub | (name in _NOTE_STANCES)
        stance[hit], decided = name, decided | hit
    for pattern, name in _SUB_EVENT_STANCE:
        hit = ~decided & table["sub"].str.contains(pattern, regex=True)
        stance[hit], decided = name, decided | hit
    return stance.to_numpy(dtype=object)[codes]


# ----------------------------------------------------------------------------------- records


def _blank_to_none(values: pd.Series) -> np.ndarray:
    out = values.to_numpy(dtype=object).copy()
    out[values.to_numpy(dtype=object) == ""] = None
    return out


def records_from_table(raw: RawTable, spec: FormatSpec) -> gpd.GeoDataFrame:
    """Map ``raw`` onto the record schema (plus :data:`EXTRA_COLUMNS` and ``orig_*``)."""
    frame = raw.frame.astype(str).apply(lambda s: s.str.strip())
    n = len(frame)
    fields = {f: c for c, f in spec.columns.items()}
    empty = pd.Series([""] * n, index=frame.index, dtype=object)

    def col(name: str) -> pd.Series:
        return frame[fields[name]] if name in fields else empty

    rows = np.arange(n) + 2
    out, parsed = _schema_columns(raw, spec, col, rows)
    records = pd.DataFrame(out)
    records["source_row"] = rows
    records["quality_flag"] = ""
    records["quality_detail"] = ""
    records["distance_km"] = np.nan
    records["admin1_code"] = None
    for c in raw.frame.columns:
        records[ORIG_PREFIX + c] = frame[c].to_numpy(dtype=object)
    _flag_rows(records, frame, col, parsed, raw.notes)
    for flag, details in raw.flags.items():
        _flag_positions(records, flag, details)

    lat, lon = parsed.lat, parsed.lon
    has_point = np.isfinite(lat) & np.isfinite(lon)
    geometry = np.full(n, None, dtype=object)
    geometry[has_point] = shapely.points(lon[has_point], lat[has_point])
    result = gpd.GeoDataFrame(records, geometry=gpd.GeoSeries(geometry, crs=4326), crs=4326)
    result.attrs.update(
        events_format=spec.name,
        encoding=raw.encoding,
        source=raw.source,
        default_country=spec.country,
        warnings=list(raw.warnings),
    )
    for warning in raw.warnings:
        log.warning("%s: %s", raw.source, warning)
    log.info("read %d rows from %s (%s, %s)", n, raw.source, spec.name, raw.encoding)
    return result


class _Parsed(NamedTuple):
    """What parsing the dates, coordinates and counts of a table found, row by row."""

    missing_date: np.ndarray
    bad_date: np.ndarray
    lat: np.ndarray
    bad_lat: np.ndarray
    lon: np.ndarray
    bad_lon: np.ndarray
    bad_fatalities: np.ndarray
    why_fatalities: np.ndarray
    future_date: np.ndarray


def _after_today(iso: np.ndarray) -> np.ndarray:
    """Which ISO dates lie after tomorrow (a day's grace for time zones): an event table's rows
    record what happened, so a date to come is a typo (``2032`` for ``2023``) or a placeholder."""
    latest = (date.today() + timedelta(days=1)).isoformat()
    return np.array([d is not None and d > latest for d in iso], dtype=bool)


def _schema_columns(
    raw: RawTable, spec: FormatSpec, col: Callable[[str], pd.Series], rows: np.ndarray
) -> tuple[dict[str, object], _Parsed]:
    """The record schema's columns of the table (by ``col``, its column for a field)."""
    n = len(rows)
    name = Path(raw.source).name
    out: dict[str, object] = {c: np.full(n, None, dtype=object) for c in EVENT_COLUMNS}
    ids = col("event_id")
    out["event_id"] = np.where(
        ids == "", pd.Series(rows).map(lambda r: f"{Path(raw.source).stem}:{r}"), ids
    )
    out["doc_id"] = np.full(n, raw.source, dtype=object)
    out["source_title"] = np.full(n, f"{spec.label} {name}".strip(), dtype=object)
    out["source_url"] = _blank_to_none(col("source_url"))
    iso, missing_date, bad_date = parse_dates(col("event_date"))
    out["event_date"] = iso
    out["time_precision"] = _time_precision(col("time_precision"), pd.notna(iso))
    for f in (
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "location",
        "admin1",
        "admin2",
        "country",
    ):
        out[f] = _blank_to_none(col(f))
    source = col("source")
    claimant = col("claimant").where(col("claimant") != "", source)
    out["claimant"] = claimant.where(claimant != "", spec.label or "event table").to_numpy(
        dtype=object
    )
    out["claimant_kind"] = np.full(n, CLAIMANT_KIND, dtype=object)
    given_stance = col("stance")
    out["stance"] = np.where(
        given_stance != "", given_stance, derive_stance(col("sub_event_type"), col("notes"))
    )
    fatalities, bad_fatalities, why_fatalities = parse_counts(col("fatalities"))
    out["quantity"] = fatalities
    out["quantity_unit"] = np.where(np.isfinite(fatalities), "fatalities", None)  # type: ignore[call-overload]  # numpy's stubs take None for a missing x/y
    place = col("place_id")
    out["place_id"] = _blank_to_none(place.where(~place.str.fullmatch(r"\d+"), "gn:" + place))
    lat, bad_lat = parse_coordinates(col("latitude"))
    lon, bad_lon = parse_coordinates(col("longitude"))
    out["latitude"], out["longitude"] = lat, lon
    out["geo_precision"] = _precision(col("geo_precision")).to_numpy()
    out["quote"] = _blank_to_none(col("notes"))
    return out, _Parsed(
        missing_date,
        bad_date,
        lat,
        bad_lat,
        lon,
        bad_lon,
        bad_fatalities,
        why_fatalities,
        _after_today(iso),
    )


def _flag_rows(
    records: pd.DataFrame,
    frame: pd.DataFrame,
    col: Callable[[str], pd.Series],
    parsed: _Parsed,
    notes: Mapping[int, str],
) -> None:
    """Flag blank rows, missing or unreadable dates and coordinates, duplicated ids and
    formulas without a value (``notes``: row index → what the spreadsheet lacked)."""
    blank = (frame == "").all(axis=1).to_numpy()
    records.loc[blank, "stance"] = None
    add_flag(records, blank, "blank_row", "blank row (kept so row numbers match the input)")
    add_flag(records, parsed.missing_date & ~blank, "missing_date", "no event date")
    add_flag(
        records,
        parsed.bad_date,
        "bad_date",
        "unreadable event date " + col("event_date").map(repr),
    )
    add_flag(
        records,
        parsed.future_date,
        "future_date",
        "event date " + records["event_date"].astype(str) + " is after today",
    )
    bad_lat, bad_lon = parsed.bad_lat, parsed.bad_lon
    bad = bad_lat | bad_lon
    detail = (
        np.where(bad_lat, "latitude " + col("latitude").map(repr), "")
        + np.where(bad_lat & bad_lon, ", ", "")
        + np.where(bad_lon, "longitude " + col("longitude").map(repr), "")
    )
    add_flag(
        records,
        bad,
        "bad_coordinates",
        pd.Series(detail).radd("unreadable ").to_numpy(dtype=object),
    )
    one_only = ~bad & (np.isfinite(parsed.lat) ^ np.isfinite(parsed.lon))
    add_flag(records, one_only, "bad_coordinates", "only one of latitude/longitude given")
    add_flag(
        records,
        parsed.bad_fatalities,
        "bad_fatalities",
        "fatalities " + col("fatalities").map(repr) + " " + parsed.why_fatalities + "; emptied",
    )
    _flag_duplicates(records, col("event_id"))
    _flag_positions(records, "uncomputed_formula", notes)


def _flag_positions(records: pd.DataFrame, flag: str, details: Mapping[int, str]) -> None:
    """Flag the rows at the given positions, each with its detail."""
    if not details:
        return
    mask = np.zeros(len(records), dtype=bool)
    detail = np.full(len(records), "", dtype=object)
    for i, note in details.items():
        mask[i], detail[i] = True, note
    add_flag(records, mask, flag, detail)


def _flag_duplicates(records: pd.DataFrame, ids: pd.Series) -> None:
    dup = ((ids != "") & ids.duplicated(keep=False)).to_numpy()
    if not dup.any():
        return
    rows = pd.Series(records["source_row"].to_numpy()[dup], index=ids[dup].to_numpy())
    others = rows.groupby(level=0).agg(lambda r: list(r))
    detail = [
        f"event id {i!r} also on row(s) " + ", ".join(str(x) for x in others[i] if x != r)
        for i, r in zip(ids[dup], rows.to_numpy(), strict=True)
    ]
    full = np.full(len(records), "", dtype=object)
    full[dup] = detail
    add_flag(records, dup, "duplicate_id", full)


def load_events(
    path: str | Path,
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    *,
    mapping_file: str | Path | None = None,
    country: str | None = None,
) -> gpd.GeoDataFrame:
    """Read an ACLED, VIINA or mapped table into records
    (schema + extras + ``orig_*``), not yet geocoded.

    ``fmt`` forces ``acled``/``viina``/``generic``; ``mapping`` (column → field) and
    ``mapping_file`` (TOML, see :mod:`geo.events.formats`) describe other tables; ``country``
    is the default ISO country of rows that name none.
    """
    columns: dict[str, str] = {}
    if mapping_file is not None:
        columns, file_country = read_mapping_file(mapping_file)
        country = country or file_country
    columns.update(mapping or {})
    raw = read_table(path)
    spec = detect_format(
        list(raw.frame.columns), fmt, columns or None, source=raw.source, country=country
    )
    return records_from_table(raw, spec)
