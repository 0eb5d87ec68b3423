"""Static PNG and SVG maps for PDF reports, drawn with matplotlib (no tiles, no network).

Country outlines, oblast borders (the store's imported boundaries, or the file given) under
control-of-terrain polygons and frontlines; events coloured by claimant (the same colours as the
HTML map), region claims and direction sectors as translucent shapes; the names of the events'
places, placed greedily so none overlaps another; a legend beside the map, never over the data.
Framed like the HTML map: on the fighting when there is any (a summit in London does not pull
the frame off the front), with a margin.

:func:`place_map_uri` draws the small maps of the report's conflicting claims.
"""

from __future__ import annotations

import base64
import functools
import io
import logging
from collections.abc import Sequence
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
from matplotlib.transforms import Bbox  # noqa: E402

from geo.core import style as st  # noqa: E402
from geo.core.claimants import claimant_palette  # noqa: E402
from geo.core.io.files import atomic_path, check_target  # noqa: E402
from geo.core.io.safe import replace_surrogates  # noqa: E402
from geo.core.records import check_coordinates, normalize_events  # noqa: E402
from geo.core.theatre import theatre  # noqa: E402
from geo.render import layers as ly  # noqa: E402

log = logging.getLogger(__name__)

STATIC_SUFFIXES = (".png", ".svg")
"""The static image formats :func:`write_static` writes."""


FIGHTING_EVENT_TYPES = ("Battles", "Explosions/Remote violence")
"""Event types the frame is fitted to when any is mapped (as the HTML map opens on them)."""
MIN_HALF_SPAN_DEG = 0.3
"""Least margin around the framed data, so one place is not drawn at the frame's edge."""
MARKER_RADIUS_PT = 3.5
"""Half the size of an event marker (``s=45`` points²), kept clear of place names."""
LEGEND_CHARS = 40
"""Longest claimant name in the legend (a longer one is cut with an ellipsis)."""
MAX_LABELS = 40
"""Most place names drawn; the places with the most claims come first."""
LABEL_OFFSETS = ((4, 3, "left", "bottom"), (-4, 3, "right", "bottom"),
                 (4, -3, "left", "top"), (-4, -3, "right", "top"))  # fmt: skip
"""Where a place name may sit around its point (points, alignment), in order of preference."""


def _extent(
    mapped: gpd.GeoDataFrame, control: gpd.GeoDataFrame | None
) -> tuple[float, float, float, float]:
    """The frame: the fighting claims' extent (else every mapped claim's, else the control
    layers', else the theatre's) with an 8 % margin of at least :data:`MIN_HALF_SPAN_DEG`."""
    fighting = mapped[mapped["event_type"].isin(FIGHTING_EVENT_TYPES)] if len(mapped) else mapped
    if len(mapped):
        x0, y0, x1, y1 = (fighting if len(fighting) else mapped).total_bounds
    elif control is not None and len(control):
        x0, y0, x1, y1 = control.to_crs(4326).total_bounds
    else:
        x0, y0, x1, y1 = theatre().box
    pad_x = max((x1 - x0) * 0.08, MIN_HALF_SPAN_DEG)
    pad_y = max((y1 - y0) * 0.08, MIN_HALF_SPAN_DEG)
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
    size: tuple[float, float] = (12, 8),
) -> plt.Figure:
    """A matplotlib figure of the events (and optional layers), ready to save: the map axes on
    the left, the legend beside them on the right."""
    frame = check_coordinates(normalize_events(events))
    mapped, unresolved = ly.split_mapped(frame)
    fig, ax = plt.subplots(figsize=size, dpi=100, layout="constrained")
    ax.set_facecolor(st.BACKGROUND_COLOR)
    x0, y0, x1, y1 = _extent(mapped, control)
    _draw_basemap(ax, boundaries)
    handles: list = []
    if control is not None and len(control):
        handles += _draw_control(ax, control)
    if len(mapped):
        handles += _draw_events(ax, mapped)
    else:
        ax.text(0.5, 0.5, "No events to show", transform=ax.transAxes, ha="center",
                va="center", fontsize=14)  # fmt: skip
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1 / np.cos(np.radians((y0 + y1) / 2)))
    ax.set_title(
        f"{plain_label(title)}\n{len(mapped)} mapped claims, {len(unresolved)} unresolved",
        fontsize=12,
    )
    ax.tick_params(labelsize=8)
    ax.set(xlabel="", ylabel="")
    if handles:  # outside the axes, beside them: the legend never hides data
        fig.legend(handles=handles, loc="outside right upper", fontsize=8, framealpha=0.9)
    credit = f"Land: Natural Earth{_border_credit(boundaries)}; control: as imported"
    # Below the tick labels, inside the layout (a figure text would sit on them).
    ax.annotate(credit, (0, 0), xycoords="axes fraction", xytext=(0, -22),
                textcoords="offset points", va="top", fontsize=7, color="#555555")  # fmt: skip
    if len(mapped):  # after the layout: label placement needs the final axes size
        fig.draw_without_rendering()
        _label_places(ax, mapped)
    return fig


@functools.lru_cache(maxsize=4)
def stored_borders(path: str | None = None) -> gpd.GeoDataFrame:
    """First-level admin borders (oblasts) of the theatre's countries whose true boundary the
    gazetteer store holds (imported from a boundary file; settlement footprints are no border),
    empty when there is no store or no boundary in it. ``path``: the store (default: the one
    :func:`geo.gazetteer.store.default_path` names)."""
    from geo.gazetteer.store import GazetteerError, GazetteerStore

    empty = gpd.GeoDataFrame({"name": []}, geometry=gpd.GeoSeries([], crs=4326))
    try:
        store = GazetteerStore(path)
    except GazetteerError as exc:
        log.info("no oblast borders on the static map: %s", exc)
        return empty
    try:
        units = [
            u for country in theatre().countries
            for u in store.admin_units(country, level=1) if u.has_boundary
        ]  # fmt: skip
        wkbs = [store.admin_geometry(u.code)[0] for u in units]
    finally:
        store.close()
    if not units:
        return empty
    geoms = shapely.from_wkb(wkbs)
    return gpd.GeoDataFrame({"name": [u.name for u in units]}, geometry=geoms, crs=4326)


def _border_credit(boundaries: gpd.GeoDataFrame | None) -> str:
    """The credit for the drawn admin borders (given file or the store's), or nothing."""
    if boundaries is not None and len(boundaries):
        return "; borders: as given"
    return "; oblasts: geoBoundaries (CC BY 4.0)" if len(stored_borders()) else ""


def _draw_basemap(
    ax: plt.Axes, boundaries: gpd.GeoDataFrame | None, box: tuple[float, ...] | None = None
) -> None:
    """Country outlines, and the admin borders: the ones given, else the store's oblasts;
    cut to ``box`` when given (a small map then holds only the vertices it shows)."""
    outlines = ly.country_outlines()
    borders = boundaries if boundaries is not None and len(boundaries) else stored_borders()
    borders = borders.to_crs(4326)
    if box is not None:
        outlines, borders = outlines.clip(box), borders.clip(box)
    if len(outlines):
        outlines.plot(
            ax=ax,
            color=st.BASEMAP_COUNTRY_STYLE["fillColor"],
            edgecolor="#555555",
            linewidth=0.6,
            zorder=1,
        )
    if len(borders):
        borders.boundary.plot(ax=ax, color="#8a8a8a", linewidth=0.5, linestyle=":", zorder=2)


def _label_places(ax: plt.Axes, mapped: gpd.GeoDataFrame) -> None:
    """The names of the events' places beside their points, the most-claimed first (at most
    :data:`MAX_LABELS`), none overlapping another (:func:`_place_names`)."""
    points = mapped[shapely.get_type_id(mapped.geometry.values) == 0]
    names = points["place_name"].fillna(points["location"]).fillna("")
    first = (~names.duplicated() & (names != "")).to_numpy()
    where = dict(zip(names[first], points.geometry.values[first], strict=True))
    ranked = names[names != ""].value_counts().index[:MAX_LABELS]
    labels = [(name, where[name].x, where[name].y) for name in ranked]
    _place_names(ax, labels, _marker_boxes(ax, labels), fontsize=7)


def _marker_boxes(ax: plt.Axes, labels: Sequence[tuple[str, float, float]]) -> list:
    """Window boxes of the markers at the labelled points, so no name covers one of them."""
    if not labels:
        return []
    xy = ax.transData.transform([(x, y) for _, x, y in labels])
    r = MARKER_RADIUS_PT * ax.figure.dpi / 72
    return [Bbox.from_extents(px - r, py - r, px + r, py + r) for px, py in xy]


def _place_names(
    ax: plt.Axes, labels: Sequence[tuple[str, float, float]], taken: list, **style: object
) -> None:
    """Each ``(name, x, y)`` in order at the first corner of its point
    (:data:`LABEL_OFFSETS`) where it stays inside the axes and overlaps no box in ``taken``
    (window boxes of the names drawn before, which it joins); left out when there is none."""
    frame_box = ax.get_window_extent()
    for name, x, y in labels:
        for dx, dy, ha, va in LABEL_OFFSETS:
            text = ax.annotate(plain_label(name), (x, y), xytext=(dx, dy),
                               textcoords="offset points", ha=ha, va=va, zorder=7,
                               **{"color": "#222222", **style})  # type: ignore[arg-type]  # fmt: skip
            box = text.get_window_extent()
            inside = frame_box.contains(box.x0, box.y0) and frame_box.contains(box.x1, box.y1)
            if inside and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                break
            text.remove()


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
    """Region claims as dashed areas, the rest as dots, coloured by claimant as on the map
    (:func:`geo.core.claimants.claimant_palette`); returns the legend handles (one per
    claimant, with its count)."""
    kinds = ly.event_kinds(mapped)
    drawn, palette = claimant_palette(mapped)
    colors = drawn.map(palette).to_numpy()
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
    return [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=palette[name],
            markeredgecolor="black",
            label=f"{plain_label(ly.truncate(name, LEGEND_CHARS))} ({count})",
        )
        for name, count in drawn.value_counts(sort=False).items()
    ]


PLACE_MAP_SIZE = (3.0, 2.4)
"""Inches of a report's small map (at 100 dpi: 300 × 240 px)."""
PLACE_MAP_HALF_SPAN_DEG = 0.45
"""Least half-width of a small map around its claims: about 35 km of neighbourhood."""


def place_map_uri(
    mapped: gpd.GeoDataFrame, rows: Sequence[int], colors: Sequence[str] | None = None
) -> str:
    """A small SVG map, as a ``data:`` URI (no request, no script), of the claims at ``rows``
    of ``mapped`` (a conflicting pair: one marker half in each claimant's colour, named) among
    the other mapped claims nearby (grey), on the country outlines and oblast borders.
    ``colors``: the pair's claimant colours, when the caller has the map's palette already
    (the report draws many small maps); else they are worked out from ``mapped``."""
    pair = mapped.iloc[list(rows)]
    if colors is None:
        drawn, palette = claimant_palette(mapped)
        colors = [palette[drawn.iat[r]] for r in rows]
    x0, y0, x1, y1 = pair.total_bounds
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    squeeze = PLACE_MAP_SIZE[1] / PLACE_MAP_SIZE[0] * np.cos(np.radians(cy))  # deg lat per lon
    half = max((x1 - x0) / 2 * 1.3, (y1 - y0) / 2 * 1.3 / squeeze, PLACE_MAP_HALF_SPAN_DEG)
    box = (cx - half, cy - half * squeeze, cx + half, cy + half * squeeze)  # fills the figure
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "frontline"}):
        fig, ax = plt.subplots(figsize=PLACE_MAP_SIZE, dpi=100)
        try:
            ax.set_facecolor(st.BACKGROUND_COLOR)
            ax.set(xticks=[], yticks=[])  # first: no draw below lays out ticks
            fig.subplots_adjust(0, 0, 1, 1)
            _draw_basemap(ax, None, box)
            _draw_pair(ax, pair, colors)
            ax.set(xlim=(box[0], box[2]), ylim=(box[1], box[3]), xlabel="", ylabel="")
            ax.set_aspect(1 / np.cos(np.radians(cy)))
            _draw_neighbours(ax, mapped, box, list(rows))  # names placed in the final frame
            out = io.BytesIO()
            fig.savefig(out, format="svg")
        finally:
            plt.close(fig)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode("ascii")


NEIGHBOUR_LABELS = 5
"""Nearest other claimed places named on a small map, for orientation."""


def _draw_neighbours(
    ax: plt.Axes, mapped: gpd.GeoDataFrame, box: tuple[float, ...], rows: Sequence[int]
) -> None:
    """The other mapped point claims inside ``box`` as small grey dots, one per point however
    many claims (copies of one report) it holds; the name of the place at ``rows``, then of the
    nearest :data:`NEIGHBOUR_LABELS` other places, none overlapping; and the width of the box
    in km."""
    geoms = mapped.geometry.values
    x, y = shapely.get_x(geoms), shapely.get_y(geoms)  # NaN for non-points
    near = (x >= box[0]) & (x <= box[2]) & (y >= box[1]) & (y <= box[3])
    near[list(rows)] = False
    if near.any():
        dots = np.unique(np.column_stack([x[near], y[near]]), axis=0)
        ax.scatter(dots[:, 0], dots[:, 1], s=9, c="#9e9e9e", edgecolors="none", zorder=5)
    names = mapped["place_name"].fillna(mapped["location"]).to_numpy(dtype=object)
    own = names[rows[0]]
    anchor = shapely.point_on_surface(geoms[rows[0]])
    taken: list = []
    if isinstance(own, str):
        _place_names(ax, [(own, anchor.x, anchor.y)], taken, fontsize=8, fontweight="bold")
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    distance = np.hypot((x - cx) * np.cos(np.radians(cy)), y - cy)
    order = np.flatnonzero(near)[np.argsort(distance[near], kind="stable")]
    first: dict[object, int] = {}  # each name's nearest point
    for i in order.tolist():
        first.setdefault(names[i], i)
    nearest = [n for n in first if isinstance(n, str) and n != own][:NEIGHBOUR_LABELS]
    _place_names(ax, [(n, x[first[n]], y[first[n]]) for n in nearest], taken, fontsize=6,
                 color="#555555")  # fmt: skip
    km = (box[2] - box[0]) * 111.32 * np.cos(np.radians(cy))
    ax.text(0.02, 0.02, f"{km:.0f} km across", transform=ax.transAxes, fontsize=6,
            color="#555555")  # fmt: skip


def _draw_pair(ax: plt.Axes, pair: gpd.GeoDataFrame, colors: Sequence[str]) -> None:
    """The two claims: one marker, its left half the first claimant's colour and its right half
    the second's; region claims as their dashed outlines as well."""
    polys = pair[shapely.get_type_id(pair.geometry.values) >= 3]
    if len(polys):
        polys.boundary.plot(ax=ax, color=colors[0], linewidth=1, linestyle="--", zorder=5)
    anchor = shapely.point_on_surface(pair.geometry.values[0])
    ax.plot([anchor.x], [anchor.y], marker="o", markersize=13, fillstyle="left",
            color=colors[0], markerfacecoloralt=colors[-1], markeredgecolor="black",
            markeredgewidth=0.8, linestyle="", zorder=6)  # fmt: skip


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
