"""Frontline stage: control-of-terrain layers, their change over time, frontline lines,
claimant disagreement, settlement control and the joins of events to regions and control areas.

Every layer is a GeoDataFrame with ``source, claimant, date, status, geometry`` in EPSG:4326
(see :func:`read_control`); every area and length is geodesic on the WGS84 ellipsoid.
"""

from geo.core.io.control import (
    CONTROL_COLUMNS,
    ControlLayer,
    date_from_name,
    one_date,
    read_control,
)
from geo.frontline.area import area_km2, length_km
from geo.frontline.diff import LayerDiff, diff_layers
from geo.frontline.disagree import (
    area_disagreement,
    claim_disagreements,
    disagreement_labels,
)
from geo.frontline.joins import events_by_region, events_in_control, events_with_places
from geo.frontline.line import country_outline, frontline, frontline_lines
from geo.frontline.panel import control_panel, layer_panel, text_panel
from geo.frontline.points import read_points
from geo.frontline.series import ControlSeries, daily_summary, iter_daily_summary

__all__ = [
    "CONTROL_COLUMNS",
    "ControlLayer",
    "ControlSeries",
    "LayerDiff",
    "area_disagreement",
    "area_km2",
    "claim_disagreements",
    "control_panel",
    "country_outline",
    "daily_summary",
    "date_from_name",
    "diff_layers",
    "disagreement_labels",
    "events_by_region",
    "events_in_control",
    "events_with_places",
    "frontline",
    "frontline_lines",
    "iter_daily_summary",
    "layer_panel",
    "length_km",
    "one_date",
    "read_control",
    "read_points",
    "text_panel",
]
