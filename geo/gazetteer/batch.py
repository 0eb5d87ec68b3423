"""Batch geocoding of a CSV file: every input row comes back with the resolver's answer.

Used by ``frontline geocode --csv``. Identical (name, admin1, country) triples are resolved once
(the resolver caches them too), so a 10,000-row file costs about as much as its distinct names.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from geo.core.errors import FrontlineError
from geo.core.io.files import atomic_path
from geo.core.io.safe import refuse_wide_rows, restore_cell, safe_csv_row
from geo.core.schema import GEOCODE_COLUMNS, GEOCODED_PREFIX
from geo.gazetteer.resolve import FrontDistance, Resolution, Resolver
from geo.gazetteer.tabular import column_index, read_csv

log = logging.getLogger(__name__)

RESULT_COLUMNS: tuple[str, ...] = GEOCODE_COLUMNS
"""Columns added to every input row, in this order."""

RENAMED_PREFIX = GEOCODED_PREFIX
"""A result column whose name the input has (in any case) is written with this prefix (then
``_2``, ``_3`` … while that too is taken): the input's column keeps its values, and the readers
read the results (:func:`geo.core.io.events.geocoded_columns`)."""


@dataclass
class BatchSummary:
    """What a batch run did: rows in, how they resolved, the detected input encoding."""

    rows: int = 0
    resolved: int = 0
    unresolved: int = 0
    by_resolution: dict[str, int] = field(default_factory=dict)
    encoding: str = "utf-8"
    renamed: dict[str, str] = field(default_factory=dict)  # result column → name written

    def line(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.by_resolution.items()))
        kept = ""
        if self.renamed:
            names = ", ".join(self.renamed)
            kept = f"; the input's {names} kept, the results as {', '.join(self.renamed.values())}"
        return (
            f"{self.rows} rows: {self.resolved} placed, {self.unresolved} unresolved ({kinds}); "
            f"input {self.encoding}{kept}"
        )


def geocode_csv(
    source: str | Path,
    output: str | Path,
    name_col: str,
    resolver: Resolver,
    *,
    admin1_col: str | None = None,
    country_col: str | None = None,
    admin2_col: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    front: FrontDistance | None = None,
    date_col: str | None = None,
    front_for: Callable[[str], FrontDistance | None] | None = None,
) -> BatchSummary:
    """Geocode ``name_col`` of ``source`` into ``output`` (UTF-8 CSV); returns a summary.

    Unresolved rows keep empty coordinates and ``resolution = unresolved`` with the reason;
    a bad value in one row (e.g. an unknown country code) flags that row, never the whole file.
    Namesakes a row's hints do not tell apart are decided, where they can be, by the table's
    other rows: the namesake among the places the table confidently names in the same region
    (:func:`_decide_by_table`), as a document's other places decide a name in a text; then, given
    ``front`` (the front line of the table's date), by the front line. With ``date_col`` and
    ``front_for`` (a row's date as written → the front line of that date, None when the text is
    no date), each row is weighed by the front of its own date instead; a row whose date is blank
    or unreadable uses ``front``.

    The results follow the input's columns, which keep their values: a result whose name the
    input has is written as ``geocoded_<name>`` (:func:`result_names`). Cells the writer marked
    as text with a leading ``'`` lose it on reading, so the output geocoded again does not
    gain one more each pass.
    """
    src = str(source)
    header, rows, encoding = _read_restored(source)
    name_i = column_index(header, name_col, src, "--name-col")
    admin_i = column_index(header, admin1_col, src, "--admin1-col") if admin1_col else None
    admin2_i = column_index(header, admin2_col, src, "--admin2-col") if admin2_col else None
    country_i = column_index(header, country_col, src, "--country-col") if country_col else None
    added = result_names(header)
    renamed = {c: n for c, n in zip(RESULT_COLUMNS, added, strict=True) if c != n}
    summary = BatchSummary(encoding=encoding, renamed=renamed)
    queries = [
        (_cell(row, name_i) or "", _cell(row, admin_i), _cell(row, country_i), _cell(row, admin2_i))
        for row in rows
    ]
    fronts = _row_fronts(rows, header, src, date_col, front_for, front)
    keys = list(zip(queries, fronts, strict=True))
    resolutions = {q: _resolution(resolver, *q) for q in dict.fromkeys(queries)}
    answers = _decide_by_table(resolver, resolutions, dict.fromkeys(keys))
    out_rows: list[list[object]] = []
    total = len(rows)
    for n, (row, key) in enumerate(zip(rows, keys, strict=True), start=2):
        values = answers[key]
        out: list[object] = list(row[: len(header)])
        out += [""] * (len(header) - len(out))
        out += ["" if value is None else value for value in values]
        out_rows.append(out)
        kind = str(values[RESULT_COLUMNS.index("resolution")])
        summary.by_resolution[kind] = summary.by_resolution.get(kind, 0) + 1
        if values[0] is None:
            summary.unresolved += 1
        else:
            summary.resolved += 1
        if progress is not None and (n % 500 == 0 or n - 1 == total):
            progress(n - 1, total)
    summary.rows = total
    with atomic_path(output) as temp, temp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(safe_csv_row(header + added))  # formulas neutralised: see geo.core.io.safe
        writer.writerows(safe_csv_row(row) for row in out_rows)
    log.info("geocoded %s → %s: %s", src, output, summary.line())
    return summary


def _read_restored(source: str | Path) -> tuple[list[str], list[list[str]], str]:
    """:func:`geo.gazetteer.tabular.read_csv` with the ``'`` the writer put before a cell that
    starts like a formula taken off again (:func:`geo.core.io.safe.restore_cell`), header too:
    the output read back (a second pass, or a table placed in steps) had gained one more
    apostrophe each time (``'=x``, ``''=x``, …). A row with more cells than the header is one
    line naming it when the extra cells hold something (they had been written over by the
    results), and read without them when they are empty (a trailing delimiter)."""
    header, rows, encoding = read_csv(source)
    refuse_wide_rows(rows, len(header), str(source))  # its cells: under the results' names
    return (
        [str(restore_cell(cell)) for cell in header],
        [[str(restore_cell(cell)) for cell in row] for row in rows],
        encoding,
    )


def result_names(header: list[str]) -> list[str]:
    """The name each of :data:`RESULT_COLUMNS` is written under beside ``header``: its own, or
    :data:`RENAMED_PREFIX` before it when the input has a column of that name (the input's
    ``admin1`` hint had been overwritten by the gazetteer's oblast). Case is ignored, as
    :func:`geo.gazetteer.tabular.column_index` ignores it."""
    taken = {h.lower() for h in header}
    names: list[str] = []
    for column in RESULT_COLUMNS:
        name, n = column, 1
        while name.lower() in taken:
            n += 1
            name = f"{RENAMED_PREFIX}{column}" + (f"_{n - 1}" if n > 2 else "")
        taken.add(name.lower())
        names.append(name)
    return names


def _cell(row: list[str], i: int | None) -> str | None:
    """Column ``i`` of ``row``, stripped; None when blank,
    when the row is short or ``i`` is None."""
    return (row[i].strip() or None) if i is not None and i < len(row) else None


_Query = tuple[str, str | None, str | None, str | None]  # name, admin1, country, admin2


def _row_fronts(
    rows: list[list[str]],
    header: list[str],
    source: str,
    date_col: str | None,
    front_for: Callable[[str], FrontDistance | None] | None,
    front: FrontDistance | None,
) -> list[FrontDistance | None]:
    """The front line each row is weighed by: of its own date (``date_col``), else ``front``."""
    if date_col is None or front_for is None:
        return [front] * len(rows)
    date_i = column_index(header, date_col, source, "--date-col")
    found = [front_for(text) if (text := _cell(row, date_i)) else None for row in rows]
    return [front if own is None else own for own in found]


def _resolution(
    resolver: Resolver, name: str, admin1: str | None, country: str | None, admin2: str | None
) -> Resolution | str:
    try:
        return resolver.resolve(name, admin1=admin1, country=country, admin2=admin2)
    except FrontlineError as exc:  # e.g. an unknown country code in this row only
        return exc.message


TABLE_CONTEXT = 200
"""At most this many of the table's confident places in a region serve as context."""


def _decide_by_table(
    resolver: Resolver,
    resolutions: dict[_Query, Resolution | str],
    keys: Iterable[tuple[_Query, FrontDistance | None]],
) -> dict[tuple[_Query, FrontDistance | None], list[object]]:
    """Each distinct (query, front line) pair's output columns; an ambiguous query re-resolved
    with the table's confidently placed settlements in the same oblast as context (a namesake
    among the places the table names decides, one far from all of them does not) and that
    front line."""
    anchors: dict[str | None, dict[tuple[float, float], None]] = {}
    for res in resolutions.values():
        if isinstance(res, str) or not res.resolved or res.ambiguous or res.confidence < 0.8:
            continue
        p = res.place
        if p is not None and p.kind == "settlement" and p.lat is not None and p.lon is not None:
            anchors.setdefault(p.admin1_code, {})[(p.lat, p.lon)] = None
    out: dict[tuple[_Query, FrontDistance | None], list[object]] = {}
    for query, front in keys:
        res = resolutions[query]
        if not isinstance(res, str) and res.ambiguous:
            codes = {c.place.admin1_code for c in res.ambiguous}
            near = [pt for code in codes for pt in list(anchors.get(code, {}))[:TABLE_CONTEXT]]
            if near or front is not None:
                again = resolver.resolve(query[0], admin1=query[1], country=query[2],
                                         admin2=query[3], near=near, front=front)  # fmt: skip
                if not again.ambiguous and near:
                    res = replace(again, reason=f"{again.reason} (the table's other places)")
                elif not again.ambiguous or front is not None:
                    res = again
        out[query, front] = _columns(resolver, res)
    return out


def _columns(resolver: Resolver, res: Resolution | str) -> list[object]:
    if isinstance(res, str):
        return [None, None, None, None, None, None, None, None, "unresolved", 0.0, res, None]
    d = res.as_dict()
    d["ambiguous"] = resolver.describe(res.ambiguous) if res.ambiguous else None
    return [d[c] for c in RESULT_COLUMNS]
