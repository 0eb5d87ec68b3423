"""Control layers over time: which layer is in force on a date, and the per-day change table.

:class:`ControlSeries` holds whole layers for queries ("the layer in force on 2025-01-05").
:func:`iter_daily_summary` streams over many files instead, keeping only the previous day's
area in memory, so a year of daily layers costs the memory of two.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.core.errors import InputError
from geo.core.io.control import (
    CONTROL_COLUMNS,
    layer_date,
    one_date,
    read_control,
)
from geo.core.io.files import atomic_path, check_target
from geo.frontline.area import area_km2
from geo.frontline.diff import as_area, diff_layers

log = logging.getLogger(__name__)

CHART_SUFFIXES = (".png", ".svg", ".pdf")
"""The chart formats :func:`plot_summary` writes."""

SUMMARY_COLUMNS: tuple[str, ...] = ("date", "area_km2", "gained_km2", "lost_km2", "net_km2")


class ControlSeries:
    """Control layers of one or more sources, queryable by date."""

    def __init__(self, frame: gpd.GeoDataFrame) -> None:
        missing = set(CONTROL_COLUMNS) - set(frame.columns)
        if missing:
            raise InputError(f"a control frame needs the columns {', '.join(sorted(missing))}")
        self.frame = frame.sort_values(["source", "date"], kind="stable").reset_index(drop=True)

    @classmethod
    def from_files(cls, paths: Iterable[str | Path], **read_options: str) -> ControlSeries:
        """Read each file with :func:`read_control` (same options for all) into one series."""
        frames = [read_control(p, **read_options).frame for p in paths]
        if not frames:
            raise InputError("no control layers given")
        return cls(pd.concat(frames, ignore_index=True))

    @property
    def sources(self) -> list[str]:
        return sorted(self.frame["source"].unique())

    @property
    def dates(self) -> list[str]:
        return sorted(self.frame["date"].unique())

    def layer_on(self, date: str, source: str | None = None) -> gpd.GeoDataFrame:
        """Per source, the latest layer dated on or before ``date`` (empty if none yet)."""
        day = pd.Timestamp(date).date().isoformat()
        frame = self.frame if source is None else self.frame[self.frame["source"] == source]
        earlier = frame[frame["date"] <= day]
        in_force = earlier.groupby("source")["date"].transform("max")
        return earlier[earlier["date"] == in_force].reset_index(drop=True)


def _warn_shared_dates(dated: list[tuple[str, Path]]) -> None:
    """A warning naming files of one date: the table would hold that day twice, the second
    row's change measured between two layers of the same day."""
    for (day, first), (next_day, second) in zip(dated, dated[1:], strict=False):
        if day == next_day:
            warnings.warn(
                f"{first} and {second} share one date ({day}): the table holds that day twice",
                UserWarning,
                stacklevel=3,
            )


def iter_daily_summary(paths: Iterable[str | Path]) -> Iterator[dict[str, float | str]]:
    """Rows of the per-day table, oldest first: total area and change since the previous file.

    Files are ordered by their date as :func:`read_control` reads it (the features' ``date``
    property, else the date in the file name); only the previous
    day's area stays in memory. The first row has no change figures (NaN). Two files of one date
    are warned of; a file whose features carry several dates is refused (:func:`one_date`).
    """
    dated = sorted((layer_date(p), Path(p)) for p in paths)
    _warn_shared_dates(dated)
    previous = None
    for day, path in dated:
        layer = one_date(read_control(path, date=day))
        for note in layer.notes:
            log.warning("%s: %s", path, note)
        current = as_area(layer.frame)
        row: dict[str, float | str]
        if previous is None:
            row = {
                "date": day,
                "area_km2": area_km2(current),
                "gained_km2": float("nan"),
                "lost_km2": float("nan"),
                "net_km2": float("nan"),
            }
        else:
            change = diff_layers(previous, current, area_a=previous)
            row = {
                "date": day,
                "area_km2": change.area_b_km2,
                "gained_km2": change.gained_km2,
                "lost_km2": change.lost_km2,
                "net_km2": change.net_km2,
            }
        previous = current
        yield row


def daily_summary(paths: Iterable[str | Path]) -> pd.DataFrame:
    """:func:`iter_daily_summary` as a table with :data:`SUMMARY_COLUMNS`, km² to 0.01."""
    table = pd.DataFrame(list(iter_daily_summary(paths)), columns=list(SUMMARY_COLUMNS))
    if table.empty:
        raise InputError("no control layers given")
    return table.round(2)


def _spans_days(dates: pd.Series) -> np.ndarray:
    """Days from each layer's date back to the layer before it (the first: the typical gap,
    or one day), the width of its change bar: daily layers give day-wide bars, quarterly
    layers quarter-wide ones, not hairlines."""
    gaps = dates.diff().dt.days.to_numpy(dtype=float, copy=True)
    known = gaps[1:][gaps[1:] > 0]
    gaps[0] = float(np.median(known)) if len(known) else 1.0
    return np.where(gaps > 0, gaps, 1.0)


def summary_figure(table: pd.DataFrame):  # -> matplotlib Figure (imported only when drawn)
    """The two panels of :func:`plot_summary` as a matplotlib figure: occupied area over time
    (a marker per layer when there are few), and the km² gained and lost since the layer before
    as bars spanning those days."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dates = pd.to_datetime(table["date"])
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 6), sharex=True, layout="constrained")
    top.plot(dates, table["area_km2"], color="#b22222", marker="o" if len(dates) <= 60 else None,
             markersize=3)  # fmt: skip
    top.set_ylabel("area, km²")
    top.set_title("Area under control and change between layers")
    # Each change spans the days since the layer before it: a bar from that layer to this one.
    bar = {"width": -0.9 * _spans_days(dates), "align": "edge"}
    bottom.bar(dates, table["gained_km2"], color="#b22222", label="gained", **bar)
    bottom.bar(dates, -table["lost_km2"], color="#1f77b4", label="lost", **bar)
    bottom.axhline(0, color="black", linewidth=0.5)
    bottom.set_ylabel("change, km²")
    bottom.legend(loc="upper left")
    return fig


def plot_summary(table: pd.DataFrame, path: str | Path) -> Path:
    """Write :func:`summary_figure` as a PNG (or SVG, PDF); folders are created."""
    check_target(path, CHART_SUFFIXES)
    fig = summary_figure(table)
    import matplotlib.pyplot as plt  # after summary_figure chose the backend

    try:
        with atomic_path(path) as temp:
            fig.savefig(temp, dpi=120)
    finally:
        plt.close(fig)
    return Path(path)
