"""Change between two control layers: the ground gained and lost, as polygons and in km².

``B`` is the later layer: *gained* is ground inside B and not A, *lost* ground inside A and not B,
``net = gained - lost`` (which equals ``area_b - area_a``). Areas are geodesic (:mod:`.area`).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.frontline.area import area_km2, areas_km2

GRID = 1e-7
"""Coordinate grid (degrees, ~1 cm) for overlays, so shared edges of two days cancel exactly."""


def as_area(layer: gpd.GeoDataFrame | gpd.GeoSeries | BaseGeometry) -> BaseGeometry:
    """The union of a layer's polygons (a layer may hold many features)."""
    if isinstance(layer, BaseGeometry):
        return layer
    if isinstance(layer, gpd.GeoDataFrame):
        layer = layer.geometry
    return shapely.union_all(np.asarray(layer), grid_size=GRID)


@dataclass(frozen=True)
class LayerDiff:
    """Gained and lost ground between layer A (earlier) and B (later), with their areas."""

    gained: BaseGeometry
    lost: BaseGeometry
    area_a_km2: float
    area_b_km2: float
    gained_km2: float
    lost_km2: float
    date_a: str | None = None
    date_b: str | None = None

    @property
    def net_km2(self) -> float:
        return self.gained_km2 - self.lost_km2

    def summary(self) -> dict[str, float | str | None]:
        """The JSON summary: dates and km² figures rounded to 0.01 km²."""
        return {
            "date_a": self.date_a,
            "date_b": self.date_b,
            "area_a_km2": round(self.area_a_km2, 2),
            "area_b_km2": round(self.area_b_km2, 2),
            "gained_km2": round(self.gained_km2, 2),
            "lost_km2": round(self.lost_km2, 2),
            "net_km2": round(self.net_km2, 2),
        }

    def changes(self) -> gpd.GeoDataFrame:
        """The change polygons, one per row: ``change`` (gained/lost), ``area_km2``, dates."""
        frame = gpd.GeoDataFrame(
            {"change": ["gained", "lost"]}, geometry=[self.gained, self.lost], crs="EPSG:4326"
        ).explode(index_parts=False, ignore_index=True)
        shapes = frame.geometry.values  # (GeoSeries.notna warns about empty geometries)
        frame = frame[~shapely.is_empty(shapes) & ~shapely.is_missing(shapes)]
        frame = frame.reset_index(drop=True)
        frame.geometry = shapely.orient_polygons(frame.geometry.values)
        frame.insert(1, "area_km2", areas_km2(frame.geometry.values).round(4))
        frame.insert(2, "date_a", self.date_a)
        frame.insert(3, "date_b", self.date_b)
        return frame


def single_date(layer: object) -> str | None:
    """The one date of ``layer``'s ``date`` column; None for a geometry, no such column or
    several dates."""
    if isinstance(layer, gpd.GeoDataFrame) and "date" in layer.columns:
        dates = layer["date"].dropna().unique()
        if len(dates) == 1:
            return str(dates[0])
    return None


def _warn_order(date_a: str | None, date_b: str | None) -> None:
    """A warning when B is not later than A: gained and lost are counted from A to B, so layers
    given the wrong way round swap them (and the same date twice is likely one file twice)."""
    if date_a is None or date_b is None or date_b > date_a:
        return
    if date_b == date_a:
        why = f"layers A and B share one date ({date_a}): the diff is not a change over time"
    else:
        why = (
            f"layer B ({date_b}) predates layer A ({date_a}): B should be the later layer; "
            "gained and lost are counted from A to B"
        )
    warnings.warn(why, UserWarning, stacklevel=3)


def diff_layers(
    a: gpd.GeoDataFrame | BaseGeometry,
    b: gpd.GeoDataFrame | BaseGeometry,
    *,
    area_a: BaseGeometry | None = None,
) -> LayerDiff:
    """Gained and lost ground from layer ``a`` to the later layer ``b``.

    ``area_a`` may pass A's union already computed (a series diffs each day with the next).
    A warning says when B's date is not after A's (:func:`_warn_order`).
    """
    geom_a = area_a if area_a is not None else as_area(a)
    geom_b = as_area(b)
    gained = shapely.difference(geom_b, geom_a, grid_size=GRID)
    lost = shapely.difference(geom_a, geom_b, grid_size=GRID)
    date_a, date_b = single_date(a), single_date(b)
    _warn_order(date_a, date_b)
    return LayerDiff(
        gained=gained,
        lost=lost,
        area_a_km2=area_km2(geom_a),
        area_b_km2=area_km2(geom_b),
        gained_km2=area_km2(gained),
        lost_km2=area_km2(lost),
        date_a=date_a,
        date_b=date_b,
    )
