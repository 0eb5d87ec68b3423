"""How far a place is from the front line on a given day: evidence for namesakes.

Two villages called Hryhorivka 300 km apart score alike in a sentence that says nothing else;
if one of them lies on the front line of the report's date and the other deep in the rear, the
one on the front is the likelier site of a battle. :class:`FrontLines` holds the front lines of
a control frame (:func:`geo.core.io.read_control_layers`), one per date, and hands the resolver
(:class:`geo.gazetteer.resolve.FrontDistance`) the line of the layer nearest in time before the
report: the latest on or before its date, else the earliest after it.

A date's line is the union of every source's :func:`~geo.frontline.line.frontline` of the
occupied ground for that date, measured in a local equal-area projection (metres); it is worked
out the first time a report of that date asks, and kept.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field
from datetime import date

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry.base import BaseGeometry

from geo.frontline.line import frontline
from geo.frontline.sides import RUSSIA, status_holder

log = logging.getLogger(__name__)

_LAEA = CRS.from_proj4("+proj=laea +lat_0=48.5 +lon_0=32 +datum=WGS84 +units=m")
"""Equal-area projection centred on Ukraine: distances within the theatre are true to <1%."""


@dataclass(eq=False)
class FrontLine:
    """The front line of one date, as the resolver asks of it: km from a point."""

    day: str
    sources: tuple[str, ...]
    line: BaseGeometry  # in _LAEA metres
    _forward: Transformer = field(repr=False)

    @property
    def label(self) -> str:
        return f"the front line of {self.day} ({', '.join(self.sources)})"

    def km(self, lat: float, lon: float) -> float:
        """Distance in km from (lat, lon) to the line (infinite for an empty line)."""
        if self.line.is_empty:
            return float("inf")
        x, y = self._forward.transform(lon, lat)
        return float(shapely.distance(shapely.Point(x, y), self.line)) / 1000.0


class FrontLines:
    """The front lines of a control frame by date; :meth:`at` picks the one for a report."""

    def __init__(
        self,
        control: gpd.GeoDataFrame,
        *,
        outline: BaseGeometry | None = None,
        tolerance_km: float | None = None,
    ) -> None:
        self._by_day = {str(d): _held(part) for d, part in control.groupby("date", sort=True)}
        self._days = sorted(self._by_day)
        self._outline = outline
        self._tolerance_km = tolerance_km
        self._lines: dict[str, FrontLine] = {}
        self._forward = Transformer.from_crs(4326, _LAEA, always_xy=True)

    def __len__(self) -> int:
        return len(self._days)

    def day_for(self, day: date | None) -> str | None:
        """The layer date that stands for ``day``: the latest on or before it, else the earliest
        (the latest layer for an undated report); None without layers."""
        if not self._days:
            return None
        if day is None:
            return self._days[-1]
        i = bisect.bisect_right(self._days, day.isoformat())
        return self._days[i - 1] if i else self._days[0]

    def at(self, day: date | None) -> FrontLine | None:
        """The front line for a report of ``day`` (see :meth:`day_for`)."""
        chosen = self.day_for(day)
        if chosen is None:
            return None
        if chosen not in self._lines:
            self._lines[chosen] = self._line(chosen)
        return self._lines[chosen]

    def _line(self, day: str) -> FrontLine:
        part = self._by_day[day]
        lines = [
            frontline(group, outline=self._outline, tolerance_km=self._tolerance_km)
            for _, group in part.groupby("source", sort=True)
        ]
        merged = shapely.union_all(lines)
        projected = shapely.transform(
            merged, lambda xy: np.column_stack(self._forward.transform(*xy.T))
        )
        shapely.prepare(projected)
        sources = tuple(sorted(str(s) for s in part["source"].unique()))
        log.info("front line of %s from %s", day, ", ".join(sources))
        return FrontLine(day, sources, projected, self._forward)


def _held(layer: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The occupied ground of one date's layers (a status naming Russia as holder: DeepStateMap's
    "occupied", ISW's "assessed russian control"); every polygon when no status says so."""
    russian = status_holder(layer["status"]).eq(RUSSIA).fillna(False).to_numpy(dtype=bool)
    return layer[russian] if russian.any() else layer
