"""Series of control layers: the layer in force on a date, and the streaming per-day table."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from geo.core.errors import InputError
from geo.frontline import diff_layers, read_control
from geo.frontline.series import SUMMARY_COLUMNS, ControlSeries, daily_summary, iter_daily_summary

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEEPSTATE = SHARED / "deepstate"
WEEK = ["20241231", "20250102", "20250103", "20250104", "20250105", "20250106", "20250107"]


@pytest.fixture(scope="module")
def week():
    paths = [DEEPSTATE / f"deepstatemap_data_{d}.geojson" for d in WEEK]
    if not all(p.exists() for p in paths):
        pytest.skip(f"../shared/data not present: {DEEPSTATE}")
    return paths


def test_layer_in_force(week):
    series = ControlSeries.from_files(reversed(week))
    assert series.dates == [f"{d[:4]}-{d[4:6]}-{d[6:]}" for d in WEEK]
    assert series.sources == ["DeepStateMap"]
    assert series.layer_on("2025-01-05")["date"].tolist() == ["2025-01-05"]
    # 2025-01-01 has no file: the 2024-12-31 layer is still in force.
    assert series.layer_on("2025-01-01")["date"].tolist() == ["2024-12-31"]
    assert series.layer_on("2030-01-01")["date"].tolist() == ["2025-01-07"]
    assert series.layer_on("2024-01-01").empty
    assert series.layer_on("2025-01-05", source="ISW").empty


def test_daily_table_matches_pairwise_diffs(week):
    table = daily_summary(reversed(week))  # ordered by the dates in the names
    assert list(table.columns) == list(SUMMARY_COLUMNS)
    assert table["date"].tolist()[0] == "2024-12-31" and len(table) == len(WEEK)
    assert math.isnan(table.loc[0, "gained_km2"])
    third = diff_layers(read_control(week[2]).frame, read_control(week[3]).frame)
    row = table.set_index("date").loc["2025-01-04"]
    assert row["gained_km2"] == pytest.approx(third.gained_km2, abs=0.01)
    assert row["lost_km2"] == pytest.approx(third.lost_km2, abs=0.01)
    assert row["area_km2"] == pytest.approx(third.area_b_km2, abs=0.01)
    # Over the week: 111,872.12 km² to 111,925.60 km², net +53.48 km² (±0.05).
    assert table["net_km2"].sum() == pytest.approx(53.48, abs=0.05)
    assert table["area_km2"].iloc[-1] - table["area_km2"].iloc[0] == pytest.approx(53.48, abs=0.05)


def test_iter_is_lazy(week):
    rows = iter_daily_summary(week)
    assert next(rows)["date"] == "2024-12-31"


def test_undated_file_in_series_is_a_clear_error(tmp_path, week):
    undated = tmp_path / "drawn.geojson"
    undated.write_text(week[0].read_text())
    with pytest.raises(InputError, match="no date"):
        daily_summary([week[1], undated])


def test_empty_series():
    with pytest.raises(InputError, match="no control layers"):
        daily_summary([])
    with pytest.raises(InputError, match="no control layers"):
        ControlSeries.from_files([])
