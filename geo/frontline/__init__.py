"""Frontline stage: control-of-terrain layers, their change over time, frontline lines,
claimant disagreement, settlement control and the joins of events to regions and control areas.

Every layer is a GeoDataFrame with ``source, claimant, date, status, geometry`` in EPSG:4326
(see :func:`read_control`); every area and length is geodesic on the WGS84 ellipsoid.
"""

from geo.frontline.area import area_km2, length_km
from geo.frontline.control import CONTROL_COLUMNS, ControlLayer, date_from_name, read_control
from geo.frontline.diff import LayerDiff, diff_layers

__all__ = [
    "CONTROL_COLUMNS",
    "ControlLayer",
    "LayerDiff",
    "area_km2",
    "date_from_name",
    "diff_layers",
    "length_km",
    "read_control",
]
