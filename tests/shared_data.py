"""Paths to ../shared test data; tests that need a file skip with a clear reason when it is
absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEEPSTATE = SHARED / "deepstate"


def deepstate(day: str) -> Path:
    """The DeepState daily layer of ``day`` (YYYYMMDD), or skip the test."""
    path = DEEPSTATE / f"deepstatemap_data_{day}.geojson"
    if not path.exists():
        pytest.skip(f"../shared/data not present: {path}")
    return path


UA_SETTLEMENTS = SHARED / "ua-settlements"
BOUNDARIES_ADM1 = SHARED / "boundaries" / "geoBoundaries-UKR-ADM1_simplified.geojson"


def ua_settlements_dir() -> Path:
    """The ua-settlements source folder that gazetteer/ua_* are derived from, or skip the test."""
    if not (UA_SETTLEMENTS / "ua_settlements.csv.gz").is_file():
        pytest.skip(f"../shared/data not present: {UA_SETTLEMENTS}")
    return UA_SETTLEMENTS
