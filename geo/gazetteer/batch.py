"""Batch geocoding of a CSV file: every input row comes back with the resolver's answer.

Used by ``frontline geocode --csv``. Identical (name, admin1, country) triples are resolved once
(the resolver caches them too), so a 10,000-row file costs about as much as its distinct names.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from geo.core.errors import FrontlineError
from geo.core.io.files import atomic_path
from geo.gazetteer.resolve import Resolver
from geo.gazetteer.tabular import column_index, read_csv

log = logging.getLogger(__name__)

RESULT_COLUMNS: tuple[str, ...] = (
    "latitude",
    "longitude",
    "place_id",
    "place_name",
    "admin1",
    "country",
    "geo_precision",
    "resolution",
    "confidence",
    "reason",
)
"""Columns added to every input row, in this order."""


@dataclass
class BatchSummary:
    """What a batch run did: rows in, how they resolved, the detected input encoding."""

    rows: int = 0
    resolved: int = 0
    unresolved: int = 0
    by_resolution: dict[str, int] = field(default_factory=dict)
    encoding: str = "utf-8"

    def line(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.by_resolution.items()))
        return (
            f"{self.rows} rows: {self.resolved} placed, {self.unresolved} unresolved ({kinds}); "
            f"input {self.encoding}"
        )


def geocode_csv(
    source: str | Path,
    output: str | Path,
    name_col: str,
    resolver: Resolver,
    *,
    admin1_col: str | None = None,
    country_col: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BatchSummary:
    """Geocode ``name_col`` of ``source`` into ``output`` (UTF-8 CSV); returns a summary.

    Unresolved rows keep empty coordinates and ``resolution = unresolved`` with the reason;
    a bad value in one row (e.g. an unknown country code) flags that row, never the whole file.
    """
    src = str(source)
    header, rows, encoding = read_csv(source)
    name_i = column_index(header, name_col, src, "--name-col")
    admin_i = column_index(header, admin1_col, src, "--admin1-col") if admin1_col else None
    country_i = column_index(header, country_col, src, "--country-col") if country_col else None
    added = [c for c in RESULT_COLUMNS if c not in header]
    slots = {
        c: (header.index(c) if c in header else len(header) + added.index(c))
        for c in RESULT_COLUMNS
    }
    width = len(header) + len(added)
    summary = BatchSummary(encoding=encoding)
    answers: dict[tuple[str, str | None, str | None], list[object]] = {}
    out_rows: list[list[object]] = []
    total = len(rows)
    for n, row in enumerate(rows, start=2):
        query = (_cell(row, name_i) or "", _cell(row, admin_i), _cell(row, country_i))
        values = answers.get(query)
        if values is None:
            values = answers[query] = _answer(resolver, *query)
        out: list[object] = list(row)
        out += [""] * (width - len(row))
        for column, value in zip(RESULT_COLUMNS, values, strict=True):
            out[slots[column]] = "" if value is None else value
        out_rows.append(out)
        kind = str(values[7])
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
        writer.writerow(header + added)
        writer.writerows(out_rows)
    log.info("geocoded %s → %s: %s", src, output, summary.line())
    return summary


def _cell(row: list[str], i: int | None) -> str | None:
    """Column ``i`` of ``row``, stripped; None when blank,
    when the row is short or ``i`` is None."""
    return (row[i].strip() or None) if i is not None and i < len(row) else None


def _answer(resolver: Resolver, name: str, admin1: str | None, country: str | None) -> list[object]:
    try:
        d = resolver.resolve(name, admin1=admin1, country=country).as_dict()
    except FrontlineError as exc:  # e.g. an unknown country code in this row only
        return [None, None, None, None, None, None, None, "unresolved", 0.0, exc.message]
    return [d[c] for c in RESULT_COLUMNS]
