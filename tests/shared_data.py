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
