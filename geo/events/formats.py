"""Event-table formats: read a CSV/XLSX/JSON table and decide how its columns map onto our fields.

Known formats are detected from their columns (case-insensitive): an **ACLED** export
(``event_id_cnty``, ``event_date``, ``location``, ``latitude``, ``longitude`` …) or a **VIINA**
events file (``event_id``, ``date``, ``geonameid``, ``asciiname``, ``ADM1_NAME`` …). Any other
table needs a column mapping ``COLUMN=FIELD`` (command line) or a small TOML file::

    country = "UA"            # default ISO country of the rows (optional)
    [columns]
    "Населений пункт" = "location"
    "Дата" = "event_date"
    "Широта" = "latitude"
    "Довгота" = "longitude"

Columns already named like a field (``location``, ``lat``, ``lon``, ``date`` …) map themselves;
of two naming one field (``date`` and ``event_date``; ACLED's ``notes`` and ``NOTES``) one is read
by rule, with a warning naming both (:func:`detect_format`).
Reading keeps every cell as text; spreadsheet formulas are read as their cached values
(openpyxl ``data_only``), and a formula without one is reported on its row. A table with a header
and no rows is an error; a repeated column name is read as ``name.1`` with a warning; a UTF-8 CSV
with some rows in another encoding is decoded row by row and those rows flagged; a workbook is
checked for a zip bomb (:mod:`geo.core.io.archives`) before it is opened and read whole whatever
its stale dimension record says, its XML with entity expansion off (openpyxl uses defusedxml).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd

from geo.core.errors import InputError, one_line
from geo.core.io.archives import checked_members
from geo.core.io.events import (
    check_row_widths,
    coordinate_columns,
    coordinates_said,
    geocoded_over,
    geocoded_said,
)
from geo.gazetteer.tabular import decode_bytes, decode_lines, sniff_delimiter

log = logging.getLogger(__name__)

FIELDS: dict[str, str] = {
    "event_id": "record id (duplicates are reported, never merged)",
    "event_date": "date of the event (ISO, '20 March 2023', 20/03/2023, 20230320 …)",
    "time_precision": "1 day, 2 week, 3 month (ACLED)",
    "event_type": "ACLED event type",
    "sub_event_type": "ACLED sub-event type",
    "actor1": "first actor",
    "actor2": "second actor",
    "claimant": "who reports it (default: the source column, else the dataset)",
    "stance": "repelled / captured / … (default: derived from sub_event_type and notes)",
    "location": "place name as written",
    "admin1": "first-level region (oblast) as written",
    "admin2": "second-level region (raion) as written",
    "country": "country name or ISO code",
    "latitude": "WGS84 latitude (a decimal comma '48,59' is accepted)",
    "longitude": "WGS84 longitude",
    "geo_precision": "1 settlement, 2 near, 3 region (ACLED/VIINA)",
    "place_id": "gazetteer id, or a GeoNames id",
    "source": "source of the record (ACLED source, VIINA outlet)",
    "source_url": "link to the report",
    "notes": "description / text of the report",
    "fatalities": "reported fatalities",
}
"""The fields a column can be mapped onto, with what they mean (shown in error messages)."""

_SELF_NAMES: dict[str, str] = {
    **{f: f for f in FIELDS},
    "id": "event_id",
    "date": "event_date",
    "lat": "latitude",
    "y": "latitude",
    "lon": "longitude",
    "lng": "longitude",
    "long": "longitude",
    "x": "longitude",
    "settlement": "location",
    "town": "location",
    "place": "location",
    "name": "location",
    "oblast": "admin1",
    "region": "admin1",
    "raion": "admin2",
    "url": "source_url",
    "description": "notes",
    "text": "notes",
}
"""Column names (in any case) that map themselves onto a field in a generic table: each field's
own name, then its other names from the most specific (``settlement``) to the least (``name``),
the order :func:`_name_rank` chooses by when two columns name one field."""


@dataclass(frozen=True)
class FormatSpec:
    """A table format: its name, the columns that identify it and how its columns map to fields."""

    name: str
    columns: Mapping[str, str]  # lower-case source column → field
    signature: frozenset[str] = (
        frozenset()
    )  # lower-case columns whose presence identifies the format
    required: tuple[str, ...] = ()  # lower-case columns the format cannot do without
    country: str | None = None  # default ISO country of the rows
    label: str = ""
    codebook: frozenset[str] = frozenset()  # the columns as the format spells them (ADM1_NAME)


ACLED = FormatSpec(
    name="acled",
    label="ACLED",
    columns={
        "event_id_cnty": "event_id",
        "event_date": "event_date",
        "time_precision": "time_precision",
        "event_type": "event_type",
        "sub_event_type": "sub_event_type",
        "actor1": "actor1",
        "actor2": "actor2",
        "admin1": "admin1",
        "admin2": "admin2",
        "location": "location",
        "country": "country",
        "latitude": "latitude",
        "longitude": "longitude",
        "geo_precision": "geo_precision",
        "source": "source",
        "notes": "notes",
        "fatalities": "fatalities",
    },
    signature=frozenset({"event_id_cnty", "event_date", "sub_event_type"}),
    required=("event_id_cnty", "event_date", "location", "latitude", "longitude"),
    codebook=frozenset(
        ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type")
        + ("actor1", "actor2", "admin1", "admin2", "location", "country", "latitude")
        + ("longitude", "geo_precision", "source", "notes", "fatalities")
    ),
)
VIINA = FormatSpec(
    name="viina",
    label="VIINA",
    columns={
        "event_id": "event_id",
        "date": "event_date",
        "geonameid": "place_id",
        "asciiname": "location",
        "adm1_name": "admin1",
        "adm2_name": "admin2",
        "longitude": "longitude",
        "latitude": "latitude",
        "geo_precision": "geo_precision",
        "text": "notes",
        "url": "source_url",
        "source": "source",
    },
    signature=frozenset({"geonameid", "asciiname", "adm1_name"}),
    required=("event_id", "date", "asciiname", "longitude", "latitude"),
    country="UA",
    codebook=frozenset(
        ("event_id", "date", "geonameid", "asciiname", "ADM1_NAME", "ADM2_NAME", "longitude")
        + ("latitude", "GEO_PRECISION", "text", "url", "source")
    ),
)
KNOWN: dict[str, FormatSpec] = {"acled": ACLED, "viina": VIINA}
COORDINATES = ("latitude", "longitude")


@dataclass
class RawTable:
    """A table read as text: ``frame`` (all cells ``str``, blank = ""),
    its encoding and per-row notes."""

    frame: pd.DataFrame
    encoding: str
    source: str
    notes: dict[int, str] = field(
        default_factory=dict
    )  # row position → formula without a cached value
    flags: dict[str, dict[int, str]] = field(
        default_factory=dict
    )  # quality flag → row position → detail, for other problems found while reading
    warnings: list[str] = field(default_factory=list)  # about the whole table


# ----------------------------------------------------------------------------------- reading


def read_table(path: str | Path) -> RawTable:
    """Read a CSV (any delimiter/encoding), XLSX or JSON/JSONL table with every cell as text."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw = _read_xlsx(path)
    elif suffix in (".json", ".jsonl", ".ndjson"):
        raw = _read_json(path)
    else:
        raw = _read_csv(path)
    if len(raw.frame) == 0:
        raise InputError("no rows: the table has nothing below its header", source=str(path))
    return raw


def unique_columns(header: list[str]) -> tuple[list[str], list[str]]:
    """``header`` with blank names as ``Unnamed: N`` and repeated ones as ``name.1``,
    ``name.2`` (as pandas names them in a CSV), and a warning per repeated name."""
    names = [h or f"Unnamed: {j}" for j, h in enumerate(header)]
    taken = set(names)
    first: set[str] = set()
    renamed: dict[str, list[str]] = {}
    out = []
    for name in names:
        if name not in first:
            first.add(name)
            out.append(name)
            continue
        copies = renamed.setdefault(name, [])
        k = len(copies) + 1
        while f"{name}.{k}" in taken:
            k += 1
        copies.append(f"{name}.{k}")
        taken.add(copies[-1])
        out.append(copies[-1])
    warnings = [
        f"column {name!r} appears "
        + (
            "twice; the second is"
            if len(copies) == 1
            else f"{len(copies) + 1} times; the others are"
        )
        + " read as "
        + ", ".join(repr(c) for c in copies)
        for name, copies in renamed.items()
    ]
    return out, warnings


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", source=str(path)) from exc


def _rows_of_lines(text: str, delimiter: str, lines: dict[int, str]) -> dict[int, str]:
    """Data-row position → encoding, for the rows holding the given physical ``lines`` (a quoted
    cell may span lines, so lines are counted by parsing the CSV again)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: dict[int, str] = {}
    first = 0
    try:
        for record, _ in enumerate(reader):
            last = reader.line_num  # the record held lines [first, last)
            for line in range(first, last):
                if line in lines and record > 0:
                    rows[record - 1] = lines[line]
            first = last
    except csv.Error:
        pass  # pandas reports a malformed CSV on its own
    return rows


def _read_csv(path: Path) -> RawTable:
    text, encoding, odd = decode_lines(_read_bytes(path), str(path))
    delimiter = sniff_delimiter(text)
    if not text.split("\n", 1)[0].strip():
        raise InputError("empty table (no header row)", source=str(path))
    columns = check_row_widths(text, delimiter, str(path))
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
            usecols=columns,  # a row's empty extra cells are dropped, not made an index
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise InputError(f"malformed CSV ({one_line(exc)})", source=str(path)) from exc
    frame = frame.fillna("")
    # pandas reads a trailing newline-only line as no row, but a blank line inside as a row of "".
    header = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    if len(header) != frame.shape[1]:  # the two parsers disagree: keep pandas' names
        header = [str(c) for c in frame.columns]
    frame.columns, warnings = unique_columns([h.strip() for h in header])
    raw = RawTable(frame, encoding, str(path), warnings=warnings)
    if odd:
        rows = _rows_of_lines(text, delimiter, odd)
        raw.flags["mixed_encoding"] = {
            i: f"row is not UTF-8 like the rest of the file; read as {enc} (check its text)"
            for i, enc in rows.items()
        }
        kinds = sorted(set(rows.values()))
        raw.encoding = f"utf-8 ({len(rows)} row{'s' if len(rows) != 1 else ''} {', '.join(kinds)})"
    return raw


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sheet_rows(path: Path) -> tuple[list[list[str]], list[tuple]]:
    """Every row of the first sheet as text (values, with formulas' cached results) and as
    written (formulas). The sheet's dimension record is ignored: a stale one would cut rows."""
    import openpyxl

    values = openpyxl.load_workbook(path, data_only=True, read_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False, read_only=True)
    try:
        sheet, fsheet = values.worksheets[0], formulas.worksheets[0]
        sheet.reset_dimensions()
        fsheet.reset_dimensions()
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        frows = list(fsheet.iter_rows(values_only=True))
    finally:
        values.close()
        formulas.close()
    return rows, frows


def _cause(exc: BaseException) -> str:
    """The innermost exception behind ``exc`` (openpyxl wraps the XML parser's), on one line."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    text = one_line(exc)
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


def _read_xlsx(path: Path) -> RawTable:
    checked_members(path, "spreadsheet")
    try:
        rows, frows = _sheet_rows(path)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises zipfile/KeyError/ValueError/XML variants on bad files
        raise InputError(f"cannot read spreadsheet ({_cause(exc)})", source=str(path)) from exc
    if not rows:
        raise InputError("empty spreadsheet (no header row)", source=str(path))
    header, warnings = unique_columns([h.strip() for h in rows[0]])
    width = len(header)
    body = [(r + [""] * width)[:width] for r in rows[1:]]
    notes: dict[int, str] = {}
    # one sheet of one file read twice: data_only changes only what a formula cell holds, so
    # both reads have the same rows
    for i, (row, frow) in enumerate(zip(body, frows[1:], strict=True)):
        missing = [
            f"{header[j]}: {f}"
            for j, f in enumerate(frow[:width])
            if isinstance(f, str) and f.startswith("=") and row[j] == ""
        ]
        if missing:
            notes[i] = (
                "formula without a cached value (open and save the file in a spreadsheet app): "
                + "; ".join(missing)
            )
    frame = pd.DataFrame(body, columns=header, dtype=object)
    return RawTable(frame, "xlsx", str(path), notes, warnings=warnings)


def _loads(text: str, path: Path, line: int | None = None) -> object:
    """``text`` parsed as JSON, or an error naming the file and where in it (``line``: the line
    of a JSONL file ``text`` is, so the error does not say "line 1" of every line)."""
    where = f" on line {line}" if line is not None else ""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if line is not None else f"line {exc.lineno}"
        raise InputError(f"invalid JSON{where} ({exc.msg} at {at})", source=str(path)) from exc
    except RecursionError:
        raise InputError(f"invalid JSON{where} (nested too deeply)", source=str(path)) from None
    except ValueError as exc:  # a number too long to convert, and such
        raise InputError(f"invalid JSON{where} ({exc})", source=str(path)) from exc


def _jsonl_records(text: str, path: Path) -> list[object]:
    """The objects of a JSONL file, one a line (blank lines skipped). A line that is no JSON
    object refuses the file, naming the line, as a malformed CSV row does: its fields are
    unknown, so no row could stand for it."""
    records: list[object] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        record = _loads(line, path, number)
        if not isinstance(record, dict):
            raise InputError(
                f"line {number} is not a JSON object (a JSONL table has one object a line)",
                source=str(path),
            )
        records.append(record)
    return records


def _read_json(path: Path) -> RawTable:
    text, encoding = decode_bytes(_read_bytes(path), str(path))
    records: object  # checked below: a list of objects
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        records = _jsonl_records(text, path)
    else:
        data = _loads(text, path)
        records = (
            data.get("data", data.get("events", data.get("records")))
            if isinstance(data, dict)
            else data
        )
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InputError('expected a JSON list of objects (or {"data": [...]})', source=str(path))
    # a key some records lack is an empty cell of theirs, as an explicit null is (pandas would
    # fill it with NaN, read as the text "nan")
    columns = list(dict.fromkeys(key for record in records for key in record))
    rows = [[record.get(key) for key in columns] for record in records]
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    frame = frame.map(_cell_text) if len(frame) else frame
    return RawTable(frame.astype(object), encoding, str(path))


# ----------------------------------------------------------------------------------- formats


def read_mapping_file(path: str | Path) -> tuple[dict[str, str], str | None]:
    """(column → field, default country) from a mapping TOML file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM is no statement
    except OSError as exc:
        raise InputError(f"cannot read mapping file ({exc.strerror})", source=str(path)) from exc
    except UnicodeDecodeError as exc:
        why = f"mapping file is not UTF-8 text (byte {exc.start})"
        raise InputError(why, source=str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML ({exc})", source=str(path)) from exc
    columns = data.get("columns")
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise InputError('expected a [columns] table of "COLUMN" = "field" lines', source=str(path))
    return dict(columns), data.get("country")


def parse_map_options(items: list[str]) -> dict[str, str]:
    """``["Ort=location", "Datum=event_date"]`` → column → field; a column mapped twice, or
    two columns onto one field, is an error (the last would silently win)."""
    mapping: dict[str, str] = {}
    for item in items:
        column, sep, target = item.rpartition("=")
        column, target = column.strip(), target.strip()
        if not sep or not column or not target:
            raise InputError(f"--map wants COLUMN=FIELD, e.g. --map Ort=location, not {item!r}")
        if column in mapping and mapping[column] != target:
            raise InputError(f"--map maps column {column!r} twice ({mapping[column]}, {target})")
        other = next((c for c, t in mapping.items() if t == target and c != column), None)
        if other is not None:
            raise InputError(f"--map maps two columns onto {target}: {other!r} and {column!r}")
        mapping[column] = target
    return mapping


def _expected() -> str:
    known = "; ".join(f"{s.label}: {', '.join(s.required)}" for s in KNOWN.values())
    fields = ", ".join(FIELDS)
    return (
        f"expected an ACLED or VIINA table ({known}), "
        "or a mapping --map COLUMN=FIELD / --mapping FILE.toml "
        f"onto these fields: {fields}"
    )


def detect_format(
    columns: list[str],
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    *,
    source: str | None = None,
    country: str | None = None,
) -> FormatSpec:
    """The :class:`FormatSpec` for a table with ``columns`` (ACLED, VIINA or generic).

    The coordinates are the columns :func:`~geo.core.io.events.coordinate_columns` finds
    (``Latitude``, ``LAT``, ``lng`` …; ``x``/``y`` in a generic table) among those ``mapping``
    leaves; two that could be one coordinate are refused in one line. Two columns naming one
    other field are chosen between by rule, with a warning naming both: in a known format the
    one spelled as the format spells it, else the first (:func:`_codebook_columns`); in a
    generic table the field's own name, else the more specific name (:func:`_name_rank`)."""
    lower: dict[str, str] = {}
    for c in columns:
        lower.setdefault(c.lower(), c)  # the first of columns differing only in case
    present = ", ".join(repr(c) for c in columns) or "none"
    if fmt is not None and fmt not in (*KNOWN, "generic"):
        raise InputError(f"unknown format {fmt!r}; choose acled, viina or generic", source=source)
    if fmt in KNOWN or (fmt is None and not mapping):
        coords = _coordinates(columns, lower, mapping, source, xy=False)
        known = _known_format(columns, lower, fmt, mapping, present, source, country, coords)
        if known is not None:
            return _said_coordinates(known, columns, source)
    coords = _coordinates(columns, lower, mapping, source, xy=True)
    chosen = _generic_columns(columns, lower, mapping, present, source, coords)
    fields = set(chosen.values())
    if "location" not in fields and not {"latitude", "longitude"} <= fields:
        raise InputError(
            f"cannot tell which columns hold the place (columns present: {present}); "
            + _expected(),
            source=source,
        )
    generic = FormatSpec("generic", chosen, country=country, label="table")
    return _said_coordinates(generic, columns, source)


def _coordinates(
    columns: list[str],
    lower: dict[str, str],
    mapping: Mapping[str, str] | None,
    source: str | None,
    *,
    xy: bool,
) -> dict[str, str]:
    """Coordinate → column of the table (:func:`~geo.core.io.events.coordinate_columns`), for
    the coordinates ``mapping`` maps no column onto, among the columns it leaves."""
    mapping = mapping or {}
    taken = {c if c in columns else lower.get(c.lower()) for c in mapping}
    fields = [f for f in COORDINATES if f not in mapping.values()]
    free = [c for c in columns if c not in taken]
    return coordinate_columns(free, source, xy=xy, fields=fields)


def _said_coordinates(spec: FormatSpec, columns: list[str], source: str | None) -> FormatSpec:
    """``spec``, after an info line naming the columns it reads as a coordinate under another
    name (an event table's columns are matched by name: that is the format's job), or a warning
    when those are ``frontline geocode``'s results read over the input's coordinates
    (:func:`~geo.core.io.events.geocoded_said`)."""
    renames = {c: f for c, f in spec.columns.items() if f in COORDINATES and c != f}
    found = {f: c for c, f in renames.items()}
    geocoded = geocoded_said(found, columns)
    if geocoded:
        over = geocoded_over(found, columns)
        said = ", ".join(f"orig_{c}" for others in over.values() for c in others)
        again = [f"--format {spec.name}"] if spec.name in KNOWN else []
        again += [f"--map {c}={f}" for f, c in _input_coordinates(found, over).items()]
        log.warning("%s: %s (kept as %s; %s reads them)", source, geocoded, said, " ".join(again))
    elif renames:
        log.info("%s: %s", source, coordinates_said(renames))
    return spec


def _input_coordinates(found: Mapping[str, str], over: Mapping[str, list[str]]) -> dict[str, str]:
    """Coordinate → the input's column of it, for those ``found`` reads from geocode's results
    over the input's (``over``, :func:`~geo.core.io.events.geocoded_over`): the --map that
    would read the input's instead."""
    return {f: over[c][0] for f, c in found.items() if c in over}


def _known_format(
    columns: list[str],
    lower: dict[str, str],
    fmt: str | None,
    mapping: Mapping[str, str] | None,
    present: str,
    source: str | None,
    country: str | None,
    coords: Mapping[str, str],
) -> FormatSpec | None:
    """The format ``fmt`` names, else the first known one whose signature columns are all there
    (None: none is), with the coordinate columns ``coords`` and ``mapping`` on top; an error
    when it lacks a required column."""
    candidates = (
        [KNOWN[fmt]] if fmt in KNOWN else [s for s in KNOWN.values() if s.signature <= set(lower)]
    )
    for spec in candidates:
        missing = [c for c in spec.required if c not in lower and c not in coords]
        if missing:
            raise InputError(
                f"looks like a {spec.label} table but lacks column(s) {', '.join(missing)}; "
                f"columns present: {present}",
                source=source,
            )
        extra = _mapped_columns(columns, lower, mapping, present, source)
        read = _codebook_columns(columns, spec, set(extra.values()), source)
        cols = {read[c]: f for c, f in spec.columns.items() if c in read and f not in COORDINATES}
        cols.update({column: f for f, column in coords.items()})
        cols = {c: f for c, f in cols.items() if f not in extra.values()}  # --map says which
        return FormatSpec(
            spec.name,
            {**cols, **extra},
            spec.signature,
            spec.required,
            country or spec.country,
            spec.label,
            spec.codebook,
        )
    return None


def _codebook_columns(
    columns: list[str], spec: FormatSpec, mapped: set[str], source: str | None
) -> dict[str, str]:
    """Lower-case column of ``spec`` → the table's column read for it. Of columns differing
    only in case (``notes`` and ``NOTES``), the one spelled as the format spells it
    (:attr:`FormatSpec.codebook`) is read, else the first; when ``spec`` reads the column for a
    field that neither the coordinates' rule nor ``--map`` (``mapped``) decides, a warning names
    both (the last had won, silently)."""
    spelled: dict[str, list[str]] = {}
    for c in columns:
        spelled.setdefault(c.lower(), []).append(c)
    read: dict[str, str] = {}
    for key, candidates in spelled.items():
        best = next((c for c in candidates if c in spec.codebook), candidates[0])
        read[key] = best
        field = spec.columns.get(key)
        if len(candidates) > 1 and field and field not in COORDINATES and field not in mapped:
            why = f"{spec.label}'s spelling" if best in spec.codebook else "the first in the file"
            _say_choice(source, candidates, best, field, why)
    return read


def _say_choice(
    source: str | None, candidates: list[str], chosen: str, field: str, why: str
) -> None:
    """One warning naming the columns that each name ``field``, the one read and why, and the
    others ignored (kept as ``orig_*``, and how ``--map`` reads one instead)."""
    others = [c for c in candidates if c != chosen]
    named = ", ".join(repr(c) for c in candidates[:-1]) + f" and {candidates[-1]!r}"
    ignored = ", ".join(repr(c) for c in others)
    kept = ", ".join(f"orig_{c}" for c in others)
    log.warning(
        "%s: columns %s %s name the field %s; read %r (%s), ignored %s (kept as %s; --map '%s=%s' "
        "reads it instead)",
        source,
        named,
        "both" if len(candidates) == 2 else "all",
        field,
        chosen,
        why,
        ignored,
        kept,
        others[0],
        field,
    )


def _generic_columns(
    columns: list[str],
    lower: dict[str, str],
    mapping: Mapping[str, str] | None,
    present: str,
    source: str | None,
    coords: Mapping[str, str],
) -> dict[str, str]:
    """Column → field of a table in no known format: columns named like a field (the
    coordinates ``coords``), then ``mapping`` (``--map COLUMN=FIELD``) over them. Of columns
    naming one field that ``mapping`` leaves (``date`` and ``event_date``), the best by
    :func:`_name_rank` is read, with a warning naming the others (the first had won, silently)."""
    mapping = mapping or {}
    taken = {c if c in columns else lower.get(c.lower()) for c in mapping}
    named: dict[str, list[str]] = {}
    for c in columns:
        target = _SELF_NAMES.get(c.strip().lower())
        if target and target not in COORDINATES and target not in mapping.values():
            if c not in taken:
                named.setdefault(target, []).append(c)
    chosen: dict[str, str] = {}
    for target, candidates in named.items():
        rank = {c: _name_rank(c, target) for c in candidates}
        ranked = sorted(candidates, key=rank.__getitem__)  # stable: the first of equals first
        chosen[ranked[0]] = target
        if len(ranked) > 1:
            _say_choice(source, candidates, ranked[0], target, _why_first(ranked, target))
    chosen.update({column: f for f, column in coords.items()})
    for actual, target in _mapped_columns(columns, lower, mapping, present, source).items():
        chosen = {c: f for c, f in chosen.items() if f != target}
        chosen[actual] = target
    return chosen


def _mapped_columns(
    columns: list[str],
    lower: dict[str, str],
    mapping: Mapping[str, str] | None,
    present: str,
    source: str | None,
) -> dict[str, str]:
    """``mapping`` (``--map COLUMN=FIELD``) as the table's column → field, a column named in
    another case found as the table spells it; one line for an unknown field or a column the
    table lacks (a known format had read a missing one into a KeyError's traceback)."""
    mapped: dict[str, str] = {}
    for column, target in (mapping or {}).items():
        if target not in FIELDS:
            raise InputError(
                f"--map {column}={target}: unknown field {target!r}; fields: {', '.join(FIELDS)}",
                source=source,
            )
        actual = column if column in columns else lower.get(column.lower())
        if actual is None:
            raise InputError(
                f"--map {column}={target}: no column {column!r}; columns present: {present}",
                source=source,
            )
        mapped[actual] = target
    return mapped


def _name_rank(column: str, target: str) -> int:
    """How well ``column`` names the field ``target`` (lower is better): 0 its own name, 1 that
    name in another case or with spaces around, then its other names in :data:`_SELF_NAMES`'
    order, most specific first (``settlement`` 2 … ``name`` 5 for the location)."""
    if column == target:
        return 0
    name = column.strip().lower()
    if name == target:
        return 1
    others = [n for n, f in _SELF_NAMES.items() if f == target and n != f]
    return 2 + others.index(name)


def _why_first(ranked: list[str], target: str) -> str:
    """Why the first of columns ``ranked`` by :func:`_name_rank` is the one read."""
    best, runner_up = (_name_rank(c, target) for c in ranked[:2])
    if best == runner_up:
        return "the first in the file"
    if best <= 1:
        return "the field's own name"
    return f"a more specific name than {ranked[1]!r}"
