"""Text made safe for the files frontline writes, which others open in spreadsheets, GIS viewers
and browsers: every string in them comes from untrusted input.

* Spreadsheet cells (the OWASP "CSV injection" rule): a text cell that starts with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return (or their full-width forms) is evaluated as a formula
  by Excel, LibreOffice and Google Sheets; :func:`neutralise_cell` puts a ``'`` before it, which
  the spreadsheet shows as text. Numbers stay numbers: numeric columns are never touched, and a
  text cell that is a plain number (``-37.5``) is not a formula. :func:`restore_cell` undoes
  exactly that, so frontline reading its own CSV gets every value back: a value that already
  starts with apostrophes before a formula character gets one more, and loses one on reading.
* XML text: :func:`xml_text` drops the characters XML 1.0 cannot hold (control characters,
  lone surrogates, U+FFFE/U+FFFF), which would make the file unreadable.
* Control characters (NUL, the ESC of terminal escape sequences): CSV cells are written
  without them (:func:`geo.core.terminal.terminal_text` shows them in what is printed).
* Any UTF-8 file: :func:`replace_surrogates` turns lone surrogates (which JSON escapes such as
  ``"\\ud800"`` produce, and which no UTF-8 file can hold) into U+FFFD.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from geo.core.errors import InputError
from geo.core.terminal import CONTROL

log = logging.getLogger(__name__)

FORMULA_CHARS = "=+-@\t\r＝＋－＠"
"""A text cell starting with one of these is a formula to a spreadsheet (OWASP; full-width forms
too, which some spreadsheets fold to ASCII)."""

_FORMULA = re.compile(f"^'*[{re.escape(FORMULA_CHARS)}]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_SURROGATE = re.compile("[\ud800-\udfff]")
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def neutralise_cell(value: object) -> object:
    """``value`` with a leading ``'`` when it is text a spreadsheet would evaluate; else as is."""
    if not isinstance(value, str) or not _FORMULA.match(value):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def restore_cell(value: object) -> object:
    """The inverse of :func:`neutralise_cell` for a cell read back as text."""
    if isinstance(value, str) and value.startswith("'") and _FORMULA.match(value):
        return value[1:]
    return value


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (a UTF-8 file cannot hold one)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def xml_text(text: str) -> tuple[str, int]:
    """(``text`` without the characters XML 1.0 cannot hold, how many were removed)."""
    cleaned, removed = _XML_INVALID.subn("", text)
    return cleaned, removed


def safe_csv_row(values: Sequence[object]) -> list[object]:
    """One row for :mod:`csv`: text cells neutralised and without lone surrogates."""
    return [neutralise_cell(replace_surrogates(v)) if isinstance(v, str) else v for v in values]


def _is_text(values: pd.Series) -> bool:
    return values.dtype == object or isinstance(values.dtype, pd.StringDtype)


def without_surrogates(frame: pd.DataFrame, *, what: str = "values") -> pd.DataFrame:
    """``frame`` with lone surrogates in its text columns replaced by U+FFFD (a copy when any
    was found, with one warning saying how many values changed)."""
    changed = 0
    out = frame
    for col in frame.columns:
        values = frame[col]
        if col == getattr(frame, "_geometry_column_name", None) or not _is_text(values):
            continue
        bad = values.map(lambda v: isinstance(v, str) and bool(_SURROGATE.search(v)))
        if bad.any():
            if out is frame:
                out = frame.copy()
            out.loc[bad, col] = values[bad].map(replace_surrogates)
            changed += int(bad.sum())
    if changed:
        log.warning("%d %s held lone surrogates (invalid text): written as U+FFFD", changed, what)
    return out


def safe_csv_table(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose header and text cells are neutralised for spreadsheets and hold
    no lone surrogate; numeric columns are left as they are. Logs how many cells changed."""
    out = table.copy()
    counts = {"formula": 0, "surrogate": 0, "control": 0}

    def cell(value: object) -> object:
        if not isinstance(value, str):
            return value
        clean = replace_surrogates(value)
        counts["surrogate"] += clean is not value
        if CONTROL.search(clean):  # a NUL or an escape sequence from the input: dropped
            clean = CONTROL.sub("", clean)
            counts["control"] += 1
        safe = neutralise_cell(clean)
        counts["formula"] += safe is not clean
        return safe

    for col in out.columns:
        if _is_text(out[col]):
            out[col] = out[col].map(cell).astype(out[col].dtype)
        elif pd.api.types.is_float_dtype(out[col]) and (out[col] == -np.inf).any():
            # pandas writes "-inf", which a spreadsheet reads as a formula (=-inf)
            minus = out[col] == -np.inf
            out[col] = out[col].astype(object).where(~minus, neutralise_cell("-inf"))
            counts["formula"] += int(minus.sum())
    out.columns = [cell(str(c)) for c in out.columns]
    if counts["formula"]:
        log.info("%d CSV cells start like a formula: written with a leading '", counts["formula"])
    if counts["surrogate"]:
        log.warning(
            "%d CSV cells held lone surrogates (invalid text): written as U+FFFD",
            counts["surrogate"],
        )
    if counts["control"]:
        log.warning("%d CSV cells held control characters: written without them", counts["control"])
    return out


def refuse_wide_rows(
    rows: Iterable[Sequence[str]],
    width: int,
    source: str,
    delimiter: str | None = None,
    first: int = 2,
) -> None:
    """One line naming the first of ``rows`` (numbered from ``first``, 2 after a header on row 1)
    with more cells than the header's ``width`` when the extra ones hold something: its cells
    would land under the wrong columns (pandas takes them for an index; a geocoded table's
    results would write over them). Empty extra cells, a trailing delimiter, pass."""
    for number, row in enumerate(rows, start=first):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            which = f" {delimiter!r}" if delimiter is not None else ""
            raise InputError(
                f"{len(row)} cells where the header has {width}; quote a cell that holds the "
                f"delimiter{which}",
                source=source,
                row=number,
            )
