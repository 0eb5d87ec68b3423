"""Per-row data-quality flags: ``quality_flag`` (";"-joined codes, empty when fine) and
``quality_detail`` (the matching human-readable reasons, "; "-joined).

Flags are appended column-wise with boolean masks, so adding one costs a vector operation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

FLAGS: dict[str, str] = {
    "blank_row": "the row has no values",
    "missing_date": "no event date",
    "bad_date": "the event date cannot be read",
    "future_date": "the event date is after today (a typo or a placeholder): kept, flagged",
    "duplicate_id": "another row has the same event id (kept, not merged)",
    "bad_coordinates": "coordinates cannot be read or are out of range",
    "bad_fatalities": (
        "fatalities are no count (text, infinite, negative, fractional or absurd): emptied"
    ),
    "swapped_latlon": (
        "latitude and longitude are swapped "
        "(fixed in the geometry; the original values stay in orig_*)"
    ),
    "far_from_named_place": "the point is far from the place the row names",
    "outside_admin1": "the point lies outside the admin1 region the row names",
    "no_place": "no usable coordinates and no place the gazetteer can put the row at: no point",
    "uncomputed_formula": "a spreadsheet formula without a cached value",
    "mixed_encoding": "the row is in another text encoding than the rest of the file",
}
"""Every flag code and what it means: each marks a suspected defect of the row. A row the
gazetteer cannot check (an unknown place) is not defective: ``check_status`` says
``unverified`` and ``check_detail`` why (see :func:`geo.events.validate.validate_events`)."""


def add_flag(
    frame: pd.DataFrame,
    mask: np.ndarray | pd.Series,
    flag: str,
    detail: str | pd.Series | np.ndarray,
) -> None:
    """Append ``flag`` (and ``detail``) to the rows of ``frame`` where ``mask`` is true,
    in place."""
    assert flag in FLAGS, flag
    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return
    flags = frame["quality_flag"].to_numpy(dtype=object).copy()
    details = frame["quality_detail"].to_numpy(dtype=object).copy()
    if isinstance(detail, str):
        new = np.full(int(mask.sum()), detail, dtype=object)
    else:
        new = np.asarray(detail, dtype=object)[mask]
    old_f, old_d = flags[mask], details[mask]
    flags[mask] = np.where(old_f == "", flag, old_f + ";" + flag)
    details[mask] = np.where(old_d == "", new, old_d + "; " + new)
    frame["quality_flag"] = flags
    frame["quality_detail"] = details


def has_flag(frame: pd.DataFrame, flag: str) -> np.ndarray:
    """Boolean mask of rows carrying ``flag``."""
    codes = frame["quality_flag"].fillna("").astype(str)
    return codes.str.split(";").map(lambda parts: flag in parts).to_numpy(dtype=bool)


def flag_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many rows carry each flag (a row may carry several), plus ``ok`` for clean rows."""
    codes = frame["quality_flag"].fillna("").astype(str)
    counts = codes[codes != ""].str.split(";").explode().value_counts().to_dict()
    return {"ok": int((codes == "").sum()), **{k: int(v) for k, v in sorted(counts.items())}}
