"""The layered HTML map of frontline claims: ``build_map`` composes folium elements.

A map holds: a vector basemap (country outlines, admin boundaries) under optional tiles; one
layer per claimant and per shape kind from :mod:`geo.render.layers`; control-of-terrain and
frontline layers per source and date; a LayerControl naming every layer with its count; title,
legend (with stance filter), date slider, credits, scale bar, measure tool, fullscreen, place
search and a side table of unresolved mentions. ``write_map`` writes it as a page, a
self-contained page (every asset inlined, see :mod:`geo.render.assets`) or an embeddable fragment.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import folium
import geopandas as gpd
import pandas as pd
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium import plugins
from folium.map import Layer

from geo.core import style as st
from geo.core.io.files import write_text
from geo.core.io.safe import replace_surrogates
from geo.core.records import check_coordinates, normalize_events
from geo.core.theatre import CENTER
from geo.gazetteer.store import GazetteerStore
from geo.render import layers as ly
from geo.render.assets import InlineScript, InlineStyle
from geo.render.elements import (
    FeatureGroup,
    Fullscreen,
    LiteralMacroElement,
    MeasureControl,
    TileLayer,
    render_literal,
)
from geo.render.search import SEPARATOR, open_store

log = logging.getLogger(__name__)

UNRESOLVED_TABLE_ROWS = 200
ASSET_ELEMENTS = (JavascriptLink, CssLink, InlineScript, InlineStyle)
CREDITS = (
    "Claims: frontline (geoparsed reporting; each popup names its source)",
    "Oblasts: geoBoundaries (CC BY 4.0)",
    "Land: Natural Earth",
    "Place names: GeoNames, OCHA COD-AB, OpenStreetMap",
)


class FrontlineMap(folium.Map, LiteralMacroElement):
    """A folium Map that loads only Leaflet itself; plugins add their own assets.

    Its template (``templates/map.html.j2``) writes the page-level rules (viewport, ``html, body``
    size) only for a full page: a fragment styles nothing but its own uniquely named div.
    """

    default_js = [("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")]
    default_css = [("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")]
    _template = ly.folium_template("map.html.j2")
    fragment = False


class Panel(LiteralMacroElement):
    """A map control (or centred box) whose body is autoescaped HTML from a template."""

    _template = ly.folium_template("panel.html.j2")

    def __init__(
        self, body: str, *, position: str, css_class: str, behaviour: str = "", toggle: str = ""
    ) -> None:
        super().__init__()
        self._name = "Panel"
        self.body = body
        self.toggle = toggle  # the label of its fold button; no button when empty
        self.position = position
        self.css_class = css_class
        self.behaviour = behaviour


class StyleSheet(LiteralMacroElement):
    """The map's CSS (``templates/map.css``) in the page header."""

    _template = ly.folium_template("stylesheet.html.j2")

    def __init__(self) -> None:
        super().__init__()
        self.css = ly.template_text("map.css").replace("#cfe3ef", st.BACKGROUND_COLOR)


class AutoSize(LiteralMacroElement):
    """Re-measures the map when its container changes size (embedded maps, flex layouts)."""

    _template = ly.folium_template("autosize.js.j2")

    def __init__(self) -> None:
        super().__init__()
        self._name = "AutoSize"


class Credits(LiteralMacroElement):
    """Data credits in the attribution control."""

    _template = ly.folium_template("credits.js.j2")

    def __init__(self, credits: list[str]) -> None:
        super().__init__()
        self.prefix = " · ".join(html.escape(c) for c in credits)


class TextLayerControl(folium.LayerControl, LiteralMacroElement):
    """folium's LayerControl with every layer name escaped: Leaflet writes the names into the
    control with ``innerHTML``, and a name can come from the data (a claimant, a control layer's
    source or status), so it must reach the page as text."""

    def render(self, **kwargs: object) -> str:
        self.reset()
        assert self._parent is not None, "add the control to a map before rendering it"
        for item in self._parent._children.values():
            if isinstance(item, Layer) and item.control:
                names = self.overlays if item.overlay else self.base_layers
                names[html.escape(item.layer_name, quote=False)] = item.get_name()
        return render_literal(self, **kwargs)


class PlaceSearch(plugins.Search, LiteralMacroElement):
    """folium's place search over the map's search index (every name of each place, from the
    gazetteer: :mod:`geo.render.search`), whose suggestions are text nodes: leaflet-search writes
    each suggestion with ``innerHTML`` unless given ``buildTip``, and place names come from the
    data (articles, event tables, online geocoder answers)."""

    _template = ly.folium_template("search.js.j2")
    separator = SEPARATOR


class Layout(LiteralMacroElement):
    """Keeps the panels out of the data's way; added after every control (``layout.js.j2``).

    On a map narrower than ``narrow_px`` (or lower than ``short_px``) every panel folds to its
    button at load; panel parts are capped to a share of the map's height; then the view is fitted
    to ``bounds`` ([[south, west], [north, east]]) with paddings chosen so that no control's box
    meets the data's extent (widened by ``marker_margin`` px for the marker symbols). The
    legend's list grows into the height its column leaves free.
    """

    _template = ly.folium_template("layout.js.j2")
    narrow_px = 640
    short_px = 500
    marker_margin = st.DISPUTED_RADIUS + 4
    height_shares = {".leaflet-control-layers-list": 0.36, ".fl-table-wrap": 0.25}
    fill_column = ".fl-legend > .fl-body"  # takes what its column leaves free

    def __init__(self, bounds: list[list[float]] | None, max_zoom: int = 10) -> None:
        super().__init__()
        self._name = "Layout"
        self.bounds = bounds
        self.max_zoom = max_zoom


def _counts(values: pd.Series) -> dict[str, int]:
    return {str(k): int(v) for k, v in values.value_counts(sort=False).items()}


FIGHTING_EVENT_TYPES = ("Battles", "Explosions/Remote violence")


def build_map(
    events: pd.DataFrame | None,
    control: gpd.GeoDataFrame | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    title: str = "Frontline claims",
    *,
    tiles: str | None = "OpenStreetMap",
    on_bad_coordinates: Literal["raise", "flag"] = "raise",
    source: str | None = None,
    rows: Sequence[int] | None = None,
    credits: list[str] | None = None,
    gazetteer: GazetteerStore | None = None,
) -> folium.Map:
    """Compose the layered map of ``events`` (schema of :mod:`geo.core.schema`) and optional layers.

    ``control``: control-of-terrain polygons with ``source, claimant, date, status, geometry``.
    ``boundaries``: admin regions drawn as outlines. ``tiles=None`` leaves only the vector
    basemap. Rows with NaN, out-of-range or swapped coordinates raise
    :class:`geo.core.errors.InputError` naming their ``event_id`` (or are flagged and listed as
    unresolved with ``on_bad_coordinates="flag"``); ``source`` and ``rows`` name the input and
    each record's number in it there (:func:`geo.core.io.events.read_numbered_features`).
    ``gazetteer``: the store whose names of the
    records' places feed the place search (default: the default store, when there is one).
    """
    frame = check_coordinates(
        normalize_events(events), on_bad=on_bad_coordinates, source=source, rows=rows
    )
    mapped, unresolved = ly.split_mapped(frame)
    has_boundaries = boundaries is not None and len(boundaries) > 0
    m = _base_map(tiles, oblast_borders=not has_boundaries)
    credit_lines = list(credits or CREDITS)
    timed = _add_context_layers(m, boundaries, control, credit_lines)
    subtitle = f"{len(mapped)} mapped claims, {len(unresolved)} unresolved"
    m.add_child(
        Panel(
            ly.render_html("title.html.j2", title=title, subtitle=subtitle),
            position="topright",
            css_class="fl-title-box",
        )
    )
    data = _add_events(m, mapped, gazetteer) if len(mapped) else None
    _add_place_labels(m, mapped, control)
    TextLayerControl(collapsed=False, position="topright").add_to(m)
    Fullscreen(position="topleft").add_to(m)
    MeasureControl(
        position="topleft", primary_length_unit="kilometers", primary_area_unit="sqkilometers"
    ).add_to(m)
    m.add_child(Credits(credit_lines))
    _add_date_filter(m, data, timed)
    if data is not None:
        _add_legend(m, data, mapped, control is not None and len(control) > 0)
    else:
        reason = (
            "None of the records has a location." if len(frame) else "The event table is empty."
        )
        m.add_child(
            Panel(
                ly.render_html("empty.html.j2", reason=reason),
                position="center",
                css_class="fl-empty",
            )
        )
    _add_unresolved(m, unresolved)
    m.add_child(Layout(_data_bounds(mapped) if len(mapped) else None))
    log.info("map: %d mapped events, %d unresolved", len(mapped), len(unresolved))
    return m


def _add_unresolved(m: folium.Map, unresolved: gpd.GeoDataFrame) -> None:
    """The side table of mentions that have no place (folded under its summary line)."""
    if len(unresolved):
        rows = unresolved.head(UNRESOLVED_TABLE_ROWS).to_dict("records")
        body = ly.render_html(
            "unresolved.html.j2",
            rows=rows,
            total=len(unresolved),
            more=len(unresolved) > UNRESOLVED_TABLE_ROWS,
        )
        m.add_child(Panel(body, position="bottomleft", css_class="fl-unresolved"))


def _base_map(tiles: str | None, *, oblast_borders: bool = True) -> FrontlineMap:
    """The map with its page styles, the vector basemap and (when ``tiles``) a tile layer."""
    m = FrontlineMap(
        location=CENTER,
        zoom_start=7,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        max_bounds=False,
        min_zoom=3,
    )
    m.add_child(StyleSheet())
    m.add_child(AutoSize())
    for layer in ly.basemap_layers(oblast_borders=oblast_borders):
        m.add_child(layer)
    if tiles:
        TileLayer(tiles, name=TILES_NAME, overlay=False, control=True).add_to(m)
        FeatureGroup(name=NO_TILES_NAME, overlay=False, show=False).add_to(m)
    return m


TILES_NAME = "OpenStreetMap tiles"
NO_TILES_NAME = "No tiles (vector basemap only)"


def _add_place_labels(
    m: folium.Map, mapped: gpd.GeoDataFrame, control: gpd.GeoDataFrame | None
) -> None:
    """Settlement names for the data's extent (none without a built gazetteer)."""
    labels = ly.place_labels(ly.label_extent(mapped, control))
    if labels is not None:
        m.add_child(ly.PlaceLabels(labels))


def tiles_off(m: folium.Map) -> folium.Map:
    """Open ``m`` on its vector basemap: the tile layer stays in the layer control for the user
    to switch on, but nothing is requested until they do (a self-contained map)."""
    for child in m._children.values():
        if isinstance(child, folium.TileLayer):
            child.show = False
        elif isinstance(child, folium.FeatureGroup) and child.layer_name == NO_TILES_NAME:
            child.show = True
    return m


def _add_context_layers(
    m: folium.Map,
    boundaries: gpd.GeoDataFrame | None,
    control: gpd.GeoDataFrame | None,
    credit_lines: list[str],
) -> list[tuple[ly.VectorLayer, dict[str, str]]]:
    """Boundary and control layers, crediting them in ``credit_lines``; returns the dated
    control/frontline layers with their timelines (for the date slider)."""
    if boundaries is not None and len(boundaries):
        m.add_child(ly.boundaries_layer(boundaries))
        credit_lines.append("Boundaries: as imported")
    timed: list[tuple[ly.VectorLayer, dict[str, str]]] = []
    if control is not None and len(control):
        for layer in ly.control_layers(control):
            m.add_child(layer)
            if layer.timeline is not None:
                timed.append((layer, layer.timeline))
        sources = sorted({str(s) for s in control.get("source", pd.Series(dtype=object)).dropna()})
        if sources:
            credit_lines.append("Control of terrain: " + ", ".join(sources))
    return timed


def _data_bounds(mapped: gpd.GeoDataFrame) -> list[list[float]]:
    """[[south, west], [north, east]] of what the map opens on: the fighting when there is any
    (a summit in London should not zoom the front out), else every mapped event."""
    fighting = mapped[mapped["event_type"].isin(FIGHTING_EVENT_TYPES)]
    bounds = (fighting if len(fighting) else mapped).total_bounds
    return [[float(bounds[1]), float(bounds[0])], [float(bounds[3]), float(bounds[2])]]


def _add_events(
    m: folium.Map, mapped: gpd.GeoDataFrame, gazetteer: GazetteerStore | None
) -> ly.EventData:
    """The events' data element, layers and place search (the Layout element fits the view to
    them once the panels are placed)."""
    store = gazetteer if gazetteer is not None else _store_for(mapped)
    try:
        data, event_layers = ly.event_layers(mapped, store)
    finally:
        if gazetteer is None and store is not None:  # opened here: closed here
            store.close()
    m.add_child(data)
    for event_layer in event_layers:
        m.add_child(event_layer)
    PlaceSearch(
        data,
        search_label="search",
        placeholder="Search places",
        collapsed=True,
        position="topleft",
    ).add_to(m)
    return data


def _store_for(mapped: gpd.GeoDataFrame) -> GazetteerStore | None:
    """The default gazetteer store when some record names a place in it, else None."""
    return open_store() if mapped["place_id"].notna().any() else None


def _add_legend(
    m: folium.Map, data: ly.EventData, mapped: gpd.GeoDataFrame, has_control: bool
) -> None:
    claimant_counts = pd.Series(data.column("claimant")).value_counts()
    stance_counts = pd.Series(data.column("stance")).value_counts()
    names, colors = data.column("claimants")["names"], data.column("claimants")["colors"]
    claimants = [
        {"name": name, "color": color, "count": int(claimant_counts.get(k, 0))}
        for k, (name, color) in enumerate(zip(names, colors, strict=True))
    ]
    stances = [
        {"name": name, "count": int(stance_counts.get(k, 0))}
        for k, name in enumerate(data.column("stances")["names"])
    ]
    body = ly.render_html(
        "legend.html.j2",
        claimants=claimants,
        stances=stances,
        disputed=len(data.column("disputes")) > 0,
        ring=(st.claimant_color("Ukrainian military"), st.claimant_color("Russian MoD")),
        words=st.GEO_PRECISION_WORDS,
        control=has_control,
        control_color=st.control_color("occupied"),
    )
    behaviour = ly.template_text("legend.js.j2").replace("{{ data }}", data.get_name())
    m.add_child(
        Panel(
            body,
            position="bottomright",
            css_class="fl-legend",
            behaviour=behaviour,
            toggle="Legend",
        )
    )


def _add_date_filter(
    m: folium.Map, data: ly.EventData | None, timed: list[tuple[ly.VectorLayer, dict[str, str]]]
) -> None:
    """One slider over the days of the events and of the dated control/frontline layers.

    At day D it shows the claims dated up to D (undated ones always) and, for each control source
    (and status) and for its frontline, the latest layer dated on or before D, hiding the others.
    """
    event_dates: list[str] = data.column("dates") if data is not None else []
    days = sorted(set(event_dates) | {timeline["date"] for _, timeline in timed})
    if len(days) < 2:
        return
    codes = data.column("date") if data is not None else []
    dated = sum(1 for d in codes if d >= 0)
    layers = [{"layer": layer.get_name(), **timeline} for layer, timeline in timed]
    body = ly.render_html(
        "date_filter.html.j2",
        dates=days,
        events=data is not None,
        dated=dated,
        undated=len(codes) - dated,
        control=bool(timed),
    )
    behaviour = ly.render_html(
        "date_filter.js.j2",
        dates=days,
        data=data.get_name() if data is not None else None,
        timed=layers,
    )
    m.add_child(
        Panel(body, position="bottomleft", css_class="fl-date", behaviour=behaviour, toggle="Dates")
    )


def _header_parts(m: folium.Map) -> tuple[list[Element], list[Element]]:
    """The rendered page header of ``m`` split into
    (asset tags, the map's own styles and scripts)."""
    figure = m.get_root()
    assert isinstance(figure, Figure)
    previous = getattr(m, "fragment", False)
    m.fragment = True  # type: ignore[attr-defined]  # a flag our templates read; folium lacks it
    try:
        figure.render()
    finally:
        m.fragment = previous  # type: ignore[attr-defined]  # (as above)
    assets: list[Element] = []
    own: list[Element] = []
    for name, child in figure.header._children.items():
        if name == "meta_http":  # the page's charset: the host page has its own
            continue
        (assets if isinstance(child, ASSET_ELEMENTS) else own).append(child)
    return assets, own


def fragment_assets(*maps: folium.Map) -> str:
    """The ``<script>``/``<link>`` tags (or inlined copies) every given map needs, each once.

    Put them once in the host page's ``<head>``, then each ``map_fragment(m, assets=False)``.
    """
    seen: dict[str, None] = {}
    for m in maps:
        for element in _header_parts(m)[0]:
            seen.setdefault(element.render().strip(), None)
    return "\n".join(seen) + "\n"


def map_fragment(m: folium.Map, *, assets: bool = True) -> str:
    """The map as an HTML fragment to paste into a page: (assets,) its styles, div and script.

    Every id and script variable comes from folium's per-element unique names, and the fragment
    sets no page-level style, so several fragments can share a page. With ``assets=False`` the
    asset tags are left out: give them once for all maps with :func:`fragment_assets`. The map
    fills its container; give the container a height.
    """
    asset_elements, own = _header_parts(m)
    figure = m.get_root()
    assert isinstance(figure, Figure)
    head = [e.render() for e in (asset_elements if assets else [])] + [e.render() for e in own]
    body = figure.html.render()
    script = figure.script.render()
    return "\n".join(head) + f"\n{body}\n<script>\n{script}\n</script>\n"


def write_map(
    m: folium.Map,
    path: str | Path,
    *,
    self_contained: bool = False,
    fragment: bool = False,
    fragment_assets: bool = True,
) -> Path:
    """Write the map as a page (default), a page with every asset inlined, or a fragment
    (with its asset tags unless ``fragment_assets=False``, for pages that load them once)."""
    if self_contained:
        from geo.render.assets import inline_assets

        inline_assets(m)
    text = map_fragment(m, assets=fragment_assets) if fragment else m.get_root().render()
    path = write_text(path, replace_surrogates(text))
    log.info("wrote %s (%.1f kB)", path, path.stat().st_size / 1024)
    return path
