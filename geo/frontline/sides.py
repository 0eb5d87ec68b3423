"""Which side a claimant speaks for, and which side holds the ground a control status marks.

Two-sided theatre (Ukraine / Russia). Claimants are matched by keywords ("Ukraine's military",
"Russian Ministry of Defence", "the Kremlin"); third parties ("British intelligence") have no side.
A status such as DeepStateMap's "occupied" or ISW's "assessed russian control" names the holder.
"""

from __future__ import annotations

import pandas as pd

UKRAINE, RUSSIA = "ukraine", "russia"
OTHER_SIDE = {UKRAINE: RUSSIA, RUSSIA: UKRAINE}

_CLAIMANT_PATTERNS = {
    UKRAINE: r"ukrain|kyiv|zelensk|zsu|azov|general staff",
    RUSSIA: r"russia|kremlin|moscow|putin|peskov|wagner|dnr|lnr|shoigu|belousov",
}
_STATUS_PATTERNS = {
    UKRAINE: r"ukrain|liberat|counteroffensive|counter-offensive",
    RUSSIA: r"russia|occupied|annexed",
}


def _match(values: pd.Series, patterns: dict[str, str]) -> pd.Series:
    text = values.fillna("").astype(str).str.lower()
    side = pd.Series(pd.NA, index=values.index, dtype="string")
    for name, pattern in patterns.items():
        side = side.mask(side.isna() & text.str.contains(pattern, regex=True), name)
    return side


def claimant_side(claimants: pd.Series) -> pd.Series:
    """``ukraine``, ``russia`` or <NA> for each claimant string."""
    return _match(claimants, _CLAIMANT_PATTERNS)


def status_holder(statuses: pd.Series) -> pd.Series:
    """The side holding ground of each control status, or <NA> when the status does not say."""
    return _match(statuses, _STATUS_PATTERNS)
