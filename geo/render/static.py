"""Static PNG and SVG maps for PDF reports, drawn with matplotlib (no tiles, no network).

Country outlines and admin boundaries under control-of-terrain polygons and frontlines; events
coloured by claimant (the same colours as the HTML map), region claims and direction sectors as
translucent shapes, and a legend.
"""

from __future__ import annotations

import logging
from pathlib import Path

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import shapely  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from geo.core import style as st  # noqa: E402
from geo.core.io.files import atomic_path, check_target  # noqa: E402
from geo.core.io.safe import replace_surrogates  # noqa: E402
from geo.core.records import check_coordinates, normalize_events  # noqa: E402
from geo.render import layers as ly  # noqa: E402

log = logging.getLogger(__name__)

STATIC_SUFFIXES = (".png", ".svg")
"""The static image formats :func:`write_static` writes."""


def _extent(
    mapped: gpd.GeoDataFrame, control: gpd.GeoDataFrame | None
) -> tuple[float, float, float, float]:
    if len(mapped):
        x0, y0, x1, y1 = mapped.total_bounds
    elif control is not None and len(control):
        x0, y0, x1, y1 = control.total_bounds
    else:
        x0, y0, x1, y1 = 22.0, 44.0, 41.0, 53.0
    pad_x, pad_y = max((x1 - x0) * 0.08, 0.3), max((y1 - y0) * 0.08, 0.3)
    return x0 - pad_x, y0 - pad_y, x1 + pad_x, y1 + pad_y


def plain_label(text: object) -> str:
    """``text`` as matplotlib should draw it: as written (``$…$`` is not mathtext), and without
    lone surrogates, which the font layer cannot take."""
    return replace_surrogates(str(text)).replace("$", r"\$")


def draw_static(
    events: pd.DataFrame | None,
    *,
    control: gpd.GeoDataFrame | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    title: str = "Frontline claims",
    size: tuple[float, float] = (10, 8),
) -> plt.Figure:
    """A matplotlib figure of the events (and optional layers), ready to save."""
    frame = check_coordinates(normalize_events(events))
    mapped, unresolved = ly.split_mapped(frame)
    fig, ax = plt.subplots(figsize=size, dpi=100)
    ax.set_facecolor(st.BACKGROUND_COLOR)
    x0, y0, x1, y1 = _extent(mapped, control)
    _draw_basemap(ax, boundaries)
    handles: list = []
    if control is not None and len(control):
        handles += _draw_control(ax, control)
    if len(mapped):
        handles += _draw_events(ax, mapped)
    else:
        ax.text(
            0.5,
            0.5,
            "No events to show",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=14,
        )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1 / np.cos(np.radians((y0 + y1) / 2)))
    ax.set_title(
        f"{plain_label(title)}\n{len(mapped)} mapped claims, {len(unresolved)} unresolved",
        fontsize=12,
    )
    ax.tick_params(labelsize=8)
    if handles:
        ax.legend(handles=handles, loc="lower right", fontsize=8, framealpha=0.9)
    fig.text(
        0.01,
        0.005,
        "Oblasts: geoBoundaries (CC BY 4.0); land: Natural Earth; control: as imported",
        fontsize=7,
        color="#555555",
    )
    fig.tight_layout()
    return fig


def _draw_basemap(ax: plt.Axes, boundaries: gpd.GeoDataFrame | None) -> None:
    """Country outlines, and the admin boundaries when given."""
    outlines = ly.country_outlines()
    if len(outlines):
        outlines.plot(
            ax=ax,
            color=st.BASEMAP_COUNTRY_STYLE["fillColor"],
            edgecolor="#555555",
            linewidth=0.6,
            zorder=1,
        )
    if boundaries is not None and len(boundaries):
        boundaries.to_crs(4326).boundary.plot(
            ax=ax, color="#8a8a8a", linewidth=0.5, linestyle=":", zorder=2
        )


def _draw_control(ax: plt.Axes, control: gpd.GeoDataFrame) -> list:
    """The latest control layer and its edge (the frontline); returns their legend handles."""
    latest = (
        control[control["date"].astype(str) == control["date"].astype(str).max()]
        if "date" in control
        else control
    )
    area = shapely.union_all(latest.to_crs(4326).geometry.values)
    gpd.GeoSeries([area], crs=4326).plot(
        ax=ax, color=st.control_color("occupied"), alpha=0.25, zorder=3
    )
    gpd.GeoSeries([shapely.boundary(area)], crs=4326).plot(
        ax=ax, color=st.FRONT_COLOR, linewidth=1.2, zorder=4
    )
    label = f"control {latest['date'].astype(str).max()}" if "date" in latest else "control"
    return [
        Patch(color=st.control_color("occupied"), alpha=0.35, label=label),
        Line2D([], [], color=st.FRONT_COLOR, label="frontline"),
    ]


def _draw_events(ax: plt.Axes, mapped: gpd.GeoDataFrame) -> list:
    """Region claims as dashed areas, the rest as dots, coloured by claimant; returns the
    legend handles (one per claimant, with its count)."""
    kinds = ly.event_kinds(mapped)
    colors = mapped["claimant"].map(st.claimant_color).to_numpy()
    polys = kinds >= ly.KIND_REGION
    if polys.any():
        gpd.GeoSeries(mapped.geometry.values[polys], crs=4326).plot(
            ax=ax,
            color=colors[polys],
            alpha=0.18,
            edgecolor=colors[polys],
            linewidth=1,
            linestyle="--",
            zorder=5,
        )
    pts = ~polys
    if pts.any():
        geoms = mapped.geometry.values[pts]
        sizes = np.where(kinds[pts] == ly.KIND_APPROX, 30, 45)
        ax.scatter(
            shapely.get_x(geoms),
            shapely.get_y(geoms),
            s=sizes,
            c=colors[pts],
            edgecolors="black",
            linewidths=0.4,
            zorder=6,
        )
    handles = []
    for name in pd.unique(mapped["claimant"].fillna(st.UNKNOWN_CLAIMANT)):
        count = int((mapped["claimant"].fillna(st.UNKNOWN_CLAIMANT) == name).sum())
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                color=st.claimant_color(name),
                markeredgecolor="black",
                label=f"{plain_label(name)} ({count})",
            )
        )
    return handles


def write_static(
    events: pd.DataFrame | None,
    path: str | Path,
    *,
    control: gpd.GeoDataFrame | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    title: str = "Frontline claims",
) -> Path:
    """Write a PNG or SVG (by suffix) of the events; folders are created."""
    path = check_target(path, STATIC_SUFFIXES)
    fig = draw_static(events, control=control, boundaries=boundaries, title=title)
    try:
        with atomic_path(path) as temp:
            fig.savefig(temp, dpi=150 if path.suffix.lower() == ".png" else None)
    finally:
        plt.close(fig)
    log.info("wrote %s", path)
    return path
