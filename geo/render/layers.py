"""Layer builders, one per kind of map layer, composed into a folium map by :mod:`geo.render.map`.

* :class:`EventData` carries every mapped event once, as compact column arrays (coordinates as
  scaled integers, text dictionary-encoded), and builds canvas-rendered Leaflet features in the
  browser with one style function (colour = claimant, look = stance). It doubles as the search
  index. Its keys and kind codes are defined once, in :mod:`geo.render.payload`, and emitted into
  the browser's script. :class:`EventLayer` is a LayerControl entry that takes a slice of those
  features: one claimant's points, or all uncertainty circles, region polygons or direction sectors.
* :class:`VectorLayer` draws static GeoJSON (basemap outlines, admin boundaries, control of
  terrain, frontlines) in its own map pane with a fixed style.

Popups are built in the browser from text nodes, so article text is shown as text and never parsed
as HTML; quotes are truncated and source links kept only for http(s) URLs before they get here.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from folium.map import Layer
from folium.template import Template
from jinja2 import Environment

from geo.core import style as st
from geo.core.claimants import drawn_claimants
from geo.core.schema import CONTRADICTING_STANCES
from geo.core.theatre import theatre
from geo.gazetteer import boundaries as boundary_tables
from geo.gazetteer.store import GazetteerStore
from geo.render import payload as pl
from geo.render.elements import LiteralMacroElement
from geo.render.search import search_entries

log = logging.getLogger(__name__)

QUOTE_MAX_CHARS = 1000
MAX_CIRCLES_SHOWN = 2_000
LARGE_N = 20_000  # above this many events, points are stamped (no Leaflet object each)
COORD_SCALE = 100_000  # 5 decimals, about 1 m
POLYGON_TOLERANCE_DEG = 0.0005  # simplification of drawn polygons, about 50 m
OBLAST_TOLERANCE_DEG = 0.002  # the basemap's oblasts and border: about 200 m (1 px at zoom 10)
BASEMAP_TOLERANCE_DEG = 0.0  # the neighbours' land: simplified as one coverage when derived

DEFAULT_RADIUS_M = np.array([2_000, 2_000, 15_000, 100_000], dtype=float)  # by geo_precision 1-3

KIND_POINT, KIND_APPROX, KIND_REGION, KIND_SECTOR = (
    int(pl.Kind.POINT),
    int(pl.Kind.APPROX),
    int(pl.Kind.REGION),
    int(pl.Kind.SECTOR),
)
DETAIL_COLUMNS = pl.DETAIL_COLUMNS

_PANEL_ENV = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


@cache
def template_text(name: str) -> str:
    """Text of a template shipped in ``geo/render/templates``."""
    return (
        resources.files("geo.render")
        .joinpath("templates")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


def folium_template(name: str) -> Template:
    """A folium (jinja) element template from ``geo/render/templates``."""
    return Template(template_text(name))


def render_html(name: str, **context: Any) -> str:
    """Render an autoescaped HTML snippet template (every value from data is escaped)."""
    return _PANEL_ENV.from_string(template_text(name)).render(**context)


def script_json(value: object) -> str:
    """JSON safe to place inside a ``<script>`` element (no ``</script>``, ``<!--`` or ``&``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def safe_url(value: object) -> str | None:
    """The URL if it is http(s), else None
    (``javascript:``, ``data:`` and the rest are not linked)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def truncate(text: object, limit: int = QUOTE_MAX_CHARS) -> str | None:
    """Text cut to ``limit`` characters with an ellipsis, or None."""
    if not isinstance(text, str) or not text:
        return None
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _vocab(values: pd.Series) -> dict[str, list]:
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return pl.lookup([None if v is None else v for v in uniques.tolist()], codes.tolist())


def event_kinds(frame: gpd.GeoDataFrame) -> np.ndarray:
    """Kind code of each mapped event (:class:`geo.render.payload.Kind`): point, approximate
    point, region polygon or direction sector."""
    geoms = frame.geometry.values
    is_point = np.asarray(shapely.get_type_id(geoms) == 0)
    precision = frame["geo_precision"].fillna(1).to_numpy(dtype=int)
    has_direction = frame["direction"].notna().to_numpy()
    kinds = np.where(has_direction, KIND_SECTOR, KIND_REGION)
    return np.where(is_point, np.where(precision >= 2, KIND_APPROX, KIND_POINT), kinds)


def split_mapped(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """(events with a drawable geometry, unresolved events without one)."""
    geoms = frame.geometry.values
    drawable = ~np.asarray(shapely.is_missing(geoms)) & ~np.asarray(shapely.is_empty(geoms))
    drawable &= np.isin(shapely.get_type_id(geoms), (0, 3, 6))  # Point, Polygon, MultiPolygon
    return frame[drawable].reset_index(drop=True), frame[~drawable].reset_index(drop=True)


def _scaled(values: np.ndarray) -> list[int]:
    return np.round(values * COORD_SCALE).astype(np.int64).tolist()


def _coded(values: pd.Series) -> tuple[list[int], list[str]]:
    codes, names = pd.factorize(values)
    return codes.tolist(), list(names)


def _event_days(mapped: gpd.GeoDataFrame) -> tuple[list[str], list[int]]:
    """(sorted distinct days, each event's index into them or -1). Each distinct date text is
    parsed once: a map of 100,000 claims has a few hundred."""
    codes, texts = pd.factorize(mapped["event_date"], use_na_sentinel=True)
    parsed = pd.to_datetime(pd.Series(texts, dtype=object), errors="coerce", format="mixed")
    days = parsed.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    values = sorted({d for d in days.tolist() if isinstance(d, str)})
    index = {d: k for k, d in enumerate(values)}
    day_codes = np.array([index.get(d, -1) if isinstance(d, str) else -1 for d in days.tolist()])
    return values, np.where(codes >= 0, day_codes[codes] if len(texts) else -1, -1).tolist()


def _radii(mapped: gpd.GeoDataFrame) -> list[int]:
    """Uncertainty radius in metres; by geo_precision where it is not given."""
    uncertainty = mapped["uncertainty_m"].to_numpy(dtype=float)
    precision = mapped["geo_precision"].fillna(1).to_numpy(dtype=int).clip(1, 3)
    radius = np.where(np.isnan(uncertainty), DEFAULT_RADIUS_M[precision], uncertainty)
    return np.round(radius).astype(np.int64).tolist()


def _numbers(values: pd.Series, digits: int | None = None) -> list[float | int | None]:
    """Numbers or None (for NaN and infinities, which JSON cannot hold); with ``digits``
    rounded, else whole numbers as integers."""
    x = values.to_numpy(dtype=float)
    if digits is not None:
        out: list[float | int | None] = [round(v, digits) for v in x.tolist()]
    else:
        out = [int(v) if v.is_integer() else v for v in x.tolist()]
    for k in np.flatnonzero(~np.isfinite(x)).tolist():
        out[k] = None
    return out


def _sources(mapped: gpd.GeoDataFrame) -> dict[str, list]:
    """Lookup of [title, http(s) url or None]; each distinct URL is checked once."""
    title_codes, titles = pd.factorize(mapped["source_title"].fillna(""), use_na_sentinel=True)
    url_codes, urls = pd.factorize(mapped["source_url"], use_na_sentinel=True)
    safe = [safe_url(url) for url in urls.tolist()] + [None]  # code -1: no URL
    _, safe_codes = np.unique(np.array([u or "" for u in safe], dtype=object), return_inverse=True)
    pair = title_codes.astype(np.int64) * (len(safe) + 1) + safe_codes[url_codes]
    codes = pd.factorize(pair)[0]
    first = np.unique(codes, return_index=True)[1] if len(codes) else np.zeros(0, int)
    values = [
        [str(titles[title_codes[row]]) or None, safe[url_codes[row]]] for row in first.tolist()
    ]
    return pl.lookup(values, codes.tolist())


def _details(mapped: gpd.GeoDataFrame) -> dict[str, list]:
    """The ``detail`` part object: the present DETAIL_COLUMNS and a lookup of their tuples.

    Rows are told apart by their columns' codes (:func:`_detail_codes`, whole-array work); the
    values of each distinct tuple are read from its first row only (:func:`_detail_values`)."""
    columns = [c for c in DETAIL_COLUMNS if c in mapped.columns]
    codes = _detail_codes(mapped[columns])
    first = np.unique(codes, return_index=True)[1] if len(codes) else np.zeros(0, int)
    values = _detail_values(mapped[columns].iloc[first]) if len(first) else []
    return pl.part_object("detail", keys=columns, **pl.lookup(values, codes.tolist()))


# Detail columns shown as whole numbers: how each value becomes one.
DETAIL_NUMBERS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "geo_precision": np.trunc,  # int(v)
    "uncertainty_m": np.round,  # round(float(v))
    "n_reports": np.trunc,  # _count(v)
}


def _detail_codes(details: pd.DataFrame) -> np.ndarray:
    """Each row's index into the distinct tuples of ``details``, numbered in order of first
    appearance; numbers compared as shown (:data:`DETAIL_NUMBERS`), missing values alike."""
    codes = np.zeros(len(details), dtype=np.int64)
    for column in details.columns:
        values = details[column]
        if column in DETAIL_NUMBERS:
            values = DETAIL_NUMBERS[column](pd.to_numeric(values, errors="coerce").to_numpy(float))
        column_codes, uniques = pd.factorize(values, use_na_sentinel=True)
        codes = pd.factorize(codes * (len(uniques) + 1) + column_codes + 1)[0]
    return codes


def _detail_values(rows: pd.DataFrame) -> list[list[Any]]:
    """The JSON values of each row of ``rows`` (None for missing, whole numbers as ints)."""
    details = rows.astype(object).where(rows.notna(), None)
    if "geo_precision" in details:  # numpy integers are no JSON
        details["geo_precision"] = details["geo_precision"].map(
            lambda v: None if v is None else int(v)
        )
    details["uncertainty_m"] = details["uncertainty_m"].map(
        lambda v: None if v is None else round(float(v))
    )
    if "n_reports" in details:
        details["n_reports"] = details["n_reports"].map(_count)
    details = details.astype(object)  # a column of None only may have become float NaN
    return [[_json_value(v) for v in row] for row in details.itertuples(index=False)]


def _json_value(value: object) -> object:
    """``value``, or None for a float NaN (a missing value a column turned into one)."""
    return None if isinstance(value, float) and value != value else value


def _count(value: object) -> int | None:
    """A whole count (``n_reports``) or None for a missing or unreadable one."""
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else int(number)


def _disputes(mapped: gpd.GeoDataFrame) -> list[list[int]]:
    """Row pairs of claims that exclude each other, by the report's definition
    (:func:`geo.render.report.conflicting_claims`: same place, overlapping days, different
    claimants, stances in :data:`geo.core.schema.CONTRADICTING_STANCES`; a claim repeated by
    several reports is one claim, its first record), vectorised: a map of 100,000 claims has
    millions of same-place pairs to look at (``tests/test_render_reading.py`` checks both
    agree)."""
    from geo.render.report import PRECISION_DAYS  # the report page builds on this module

    stance = mapped["stance"].fillna("").astype(str).str.lower()
    can_clash = stance.isin({s for pair in CONTRADICTING_STANCES for s in pair}).to_numpy()
    part = mapped[can_clash]
    dates = pd.to_datetime(part["event_date"], errors="coerce", format="mixed")
    days = pd.to_numeric(part["time_precision"], errors="coerce").map(PRECISION_DAYS).fillna(0)
    half = pd.to_timedelta(days, unit="D")
    names = sorted({s for pair in CONTRADICTING_STANCES for s in pair})
    clashes = np.zeros((len(names), len(names)), dtype=bool)  # stance code × stance code
    for a, b in CONTRADICTING_STANCES:
        clashes[names.index(a), names.index(b)] = True
    claims = pd.DataFrame(
        {
            "row": np.flatnonzero(can_clash),
            "place": part["place_id"].fillna(part["place_name"].str.strip().str.lower()),
            "claimant": pd.factorize(part["claimant"].astype("string").str.lower())[0],
            "stance": stance[can_clash].map(names.index).to_numpy(dtype=int),
            "start": dates - half,
            "end": dates + half,
        }
    ).dropna(subset=["place", "start"])
    claims = claims[claims["claimant"] >= 0]
    claims = claims[~claims.duplicated(["place", "claimant", "stance", "start", "end"])]
    pairs = claims.merge(claims, on="place", suffixes=("_a", "_b"))
    keep = (
        clashes[pairs["stance_a"].to_numpy(dtype=int), pairs["stance_b"].to_numpy(dtype=int)]
        & (pairs["row_a"] < pairs["row_b"]).to_numpy()
        & (pairs["claimant_a"] != pairs["claimant_b"]).to_numpy()
        & (pairs["start_a"] <= pairs["end_b"]).to_numpy()
        & (pairs["start_b"] <= pairs["end_a"]).to_numpy()
    )
    found = pairs.loc[keep, ["row_a", "row_b"]].sort_values(["row_a", "row_b"])
    return found.to_numpy(dtype=int).tolist()


def _marker_outlines() -> dict[str, list[list[float]]]:
    return {name: [list(v) for v in vertices] for name, vertices in st.SHAPES.items()}


def _shapes(geoms: np.ndarray, kinds: np.ndarray) -> dict[str, Any]:
    """Simplified GeoJSON geometry of each region and sector event, by row number."""
    rows = np.flatnonzero(kinds >= KIND_REGION)
    if not len(rows):
        return {}
    simplified = shapely.simplify(geoms[rows], POLYGON_TOLERANCE_DEG, preserve_topology=True)
    simplified = shapely.transform(simplified, lambda xy: np.round(xy, 5))
    pairs = zip(rows.tolist(), simplified, strict=True)
    return {str(row): shapely.geometry.mapping(g) for row, g in pairs}


def _stance_looks(names: list[str]) -> list[dict[str, Any]]:
    return [{k: look[k] for k in pl.STANCE_LOOK} for look in map(st.stance_style, names)]


def event_payload(mapped: gpd.GeoDataFrame, store: GazetteerStore | None = None) -> dict[str, Any]:
    """Column arrays the browser turns into features: the protocol of :mod:`geo.render.payload`.

    ``store``: the gazetteer whose names of the records' places make the search index
    (:mod:`geo.render.search`); without one, the records' own names only."""
    n = len(mapped)
    kinds = event_kinds(mapped) if n else np.zeros(0, dtype=int)
    geoms = mapped.geometry.values
    anchor = shapely.point_on_surface(geoms) if n else geoms
    drawn_as, reported_by = drawn_claimants(mapped)
    claimant_codes, claimants = _coded(drawn_as)
    stance_codes, stances = _coded(mapped["stance"].fillna("reported").str.lower())
    dates, date_codes = _event_days(mapped)
    quotes = mapped["quote"].map(truncate)
    search_names, search_rows = search_entries(mapped, store) if n else ([], [])
    return pl.assemble(
        scale=COORD_SCALE,
        largeN=LARGE_N,
        lon=_scaled(shapely.get_x(anchor)),
        lat=_scaled(shapely.get_y(anchor)),
        kind=kinds.astype(int).tolist(),
        claimant=claimant_codes,
        stance=stance_codes,
        date=date_codes,
        radius=_radii(mapped),
        confidence=_numbers(mapped["confidence"], 2),
        quantity=_numbers(mapped["quantity"]),
        dates=dates,
        claimants=pl.part_object(
            "claimants", names=claimants, colors=list(st.claimant_colors(claimants).values())
        ),
        stances=pl.part_object("stances", names=stances, styles=_stance_looks(stances)),
        cols=pl.part_object("cols", place_name=_vocab(mapped["place_name"]), quote=_vocab(quotes)),
        sources=_sources(mapped),
        detail=_details(mapped.assign(reported_by=reported_by) if reported_by.any() else mapped),
        shapes=_shapes(geoms, kinds),
        styles=pl.part_object(
            "styles",
            uncertainty=st.UNCERTAINTY_STYLE,
            region=st.REGION_STYLE,
            sector=st.SECTOR_STYLE,
            markers=_marker_outlines(),
            disputed=st.DISPUTED_STYLE,
        ),
        words=pl.part_object(
            "words",
            geo={str(k): v for k, v in st.GEO_PRECISION_WORDS.items()},
            time={str(k): v for k, v in st.TIME_PRECISION_WORDS.items()},
        ),
        disputes=_disputes(mapped) if n else [],
        search=pl.part_object("search", names=search_names, row=search_rows),
    )


class EventData(folium.FeatureGroup, LiteralMacroElement):
    """All mapped events, once; the browser builds their features. Not listed in LayerControl.

    The Leaflet object is a feature group of every named point, used as the place-search index.
    """

    _template = folium_template("events.js.j2")

    def __init__(self, mapped: gpd.GeoDataFrame, store: GazetteerStore | None = None) -> None:
        super().__init__(name="events", control=False, show=False)
        self.payload = event_payload(mapped, store)
        self.payload_json = script_json(self.payload)
        self.keys_json = script_json(pl.browser_keys())
        self.kinds_json = script_json(pl.browser_kinds())

    def column(self, name: str) -> Any:
        """The payload's value for key ``name`` (a :data:`geo.render.payload.PAYLOAD_KEYS` name)."""
        return self.payload[pl.WIRE[name]]


class EventLayer(Layer, LiteralMacroElement):
    """A LayerControl entry holding a slice of :class:`EventData`'s features."""

    _template = folium_template("event_layer.js.j2")

    def __init__(
        self, data: EventData, selector: dict[str, Any], name: str, show: bool = True
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self.data = data
        self.selector = selector


class VectorLayer(Layer, LiteralMacroElement):
    """Static GeoJSON in its own pane with one fixed style
    (basemap, boundaries, control, fronts)."""

    _template = folium_template("vector_layer.js.j2")

    def __init__(
        self,
        features: gpd.GeoDataFrame | gpd.GeoSeries,
        name: str,
        style: dict[str, Any],
        *,
        pane: str,
        z_index: int,
        tooltip: str | None = None,
        overlay: bool = True,
        control: bool = True,
        show: bool = True,
        tolerance: float = POLYGON_TOLERANCE_DEG,
        digits: int = 5,
    ) -> None:
        super().__init__(name=name, overlay=overlay, control=control, show=show)
        geoms = (
            features.geometry.values if isinstance(features, gpd.GeoDataFrame) else features.values
        )
        geoms = geoms[~np.asarray(shapely.is_missing(geoms))]
        if tolerance:
            geoms = shapely.simplify(geoms, tolerance, preserve_topology=True)
        geoms = shapely.transform(geoms, lambda xy: np.round(xy, digits))
        self.count = int(len(geoms))
        collection = {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(g)}
                for g in geoms
            ],
        }
        self.data_json = script_json(collection)
        self.style = style
        self.pane = pane
        self.z_index = z_index
        self.tooltip = (
            tooltip  # plain text; Leaflet shows tooltips as HTML, so escaped by the caller
        )
        self.interactive = bool(tooltip)
        # {"key", "date"} for a dated control/frontline layer driven by the date slider: at a day,
        # the latest layer of each key dated on or before it is shown.
        self.timeline: dict[str, str] | None = None


# ------------------------------------------------------------------------ builders per kind


def event_layers(
    mapped: gpd.GeoDataFrame, store: GazetteerStore | None = None
) -> tuple[EventData, list[EventLayer]]:
    """The event data element and its LayerControl entries: disputed places, one per claimant,
    then per shape kind. ``store``: the gazetteer for the search index's names."""
    data = EventData(mapped, store)
    kinds = np.asarray(data.column("kind"), dtype=int)
    codes = np.asarray(data.column("claimant"), dtype=int)
    layers: list[EventLayer] = []
    for k, name in enumerate(data.column("claimants")["names"]):
        total = int((codes == k).sum())
        layers.append(
            EventLayer(data, {"claimant": k}, f"{name} ({total} claim{'s' if total != 1 else ''})")
        )
    disputed = _disputed_places(data)
    if disputed:
        # After the claimants' points: drawn over them on the same canvas, so a click hits it.
        label = f"Disputed places ({disputed}): claims that exclude each other"
        layers.append(EventLayer(data, {"kind": "disputed"}, label))
    circles = int(((kinds == KIND_APPROX) & (np.asarray(data.column("radius")) > 0)).sum())
    for kind, label, count in (
        ("circle", "Uncertainty circles: near or part of a place", circles),
        ("region", "Region-level claims", int((kinds == KIND_REGION).sum())),
        ("sector", "Direction sectors", int((kinds == KIND_SECTOR).sum())),
    ):
        if count:
            # Thousands of big translucent circles slow every redraw: listed, not shown, then.
            show = kind != "circle" or count <= MAX_CIRCLES_SHOWN
            layers.append(EventLayer(data, {"kind": kind}, f"{label} ({count})", show=show))
    return data, layers


def _disputed_places(data: EventData) -> int:
    """How many points hold a pair of claims that exclude each other (one ring each)."""
    lon, lat = data.column("lon"), data.column("lat")
    return len({(lon[row], lat[row]) for pair in data.column("disputes") for row in pair})


def _dates(values: pd.Series) -> pd.Series:
    return (
        pd.to_datetime(values, errors="coerce", format="mixed")
        .dt.strftime("%Y-%m-%d")
        .fillna("undated")
    )


def control_layers(
    control: gpd.GeoDataFrame, *, latest_only_shown: bool = True
) -> list[VectorLayer]:
    """One control-of-terrain layer and one frontline layer per (source, date, status).

    Only the latest date of each source is shown on opening; the others are listed, unticked.
    The frontline is :func:`geo.frontline.line.frontline`: the area's boundary less the
    international border and coast (for an occupied area); other statuses draw their boundary.
    """
    from geo.frontline.line import frontline

    frame = control.to_crs(4326) if control.crs is not None else control.set_crs(4326)
    frame = frame[~frame.geometry.is_empty & frame.geometry.notna()].reset_index(drop=True)
    source = frame["source"] if "source" in frame else pd.Series("control", index=frame.index)
    frame["_source"] = source.fillna(
        frame.get("claimant", pd.Series("control", index=frame.index))
    ).astype(str)
    frame["_date"] = _dates(frame["date"]) if "date" in frame else "undated"
    frame["_status"] = (
        frame["status"].fillna("occupied").astype(str) if "status" in frame else "occupied"
    )
    latest = frame.groupby("_source")["_date"].transform("max")
    layers: list[VectorLayer] = []
    for (src, date, status), part in frame.groupby(["_source", "_date", "_status"], sort=True):
        shown = (not latest_only_shown) or bool((part["_date"] == latest.loc[part.index]).all())
        area = shapely.union_all(part.geometry.values)
        color = st.control_color(status)
        label = f"Control: {src}, {date} ({status})"
        area_layer = VectorLayer(
            gpd.GeoSeries([area], crs=4326),
            label,
            {"color": color, "fillColor": color, **st.CONTROL_STYLE},
            pane="fl-control",
            z_index=380,
            tooltip=None,
            show=shown,
        )
        front = (
            frontline(area) if status.lower() in ("occupied", "russian") else shapely.boundary(area)
        )
        front_layer = VectorLayer(
            gpd.GeoSeries([front], crs=4326),
            f"Frontline: {src}, {date}" + ("" if status == "occupied" else f" ({status})"),
            st.FRONTLINE_STYLE,
            pane="fl-front",
            z_index=400,
            show=shown,
        )
        if date != "undated":
            area_layer.timeline = {"key": f"control|{src}|{status}", "date": date}
            front_layer.timeline = {"key": f"front|{src}|{status}", "date": date}
        layers += [area_layer, front_layer]
    return layers


def boundaries_layer(boundaries: gpd.GeoDataFrame, name: str = "Admin boundaries") -> VectorLayer:
    """Admin boundaries as thin outlines, part of the always-readable vector basemap."""
    frame = boundaries.to_crs(4326) if boundaries.crs is not None else boundaries.set_crs(4326)
    return VectorLayer(
        frame,
        f"{name} ({len(frame)})",
        st.BASEMAP_ADMIN_STYLE,
        pane="fl-admin",
        z_index=300,
        tolerance=0.002,
    )


@lru_cache(maxsize=1)
def country_outlines() -> gpd.GeoDataFrame:
    """Land of the basemap (name, geometry): Ukraine as the union of its oblasts, the
    neighbours from Natural Earth (both committed tables, :mod:`geo.gazetteer.boundaries`)."""
    outline, land = boundary_tables.ukraine_outline(), boundary_tables.basemap_land()
    ukraine = [] if outline is None else [outline[0]]
    names = ["Ukraine"] * len(ukraine) + land["name"].tolist()
    geoms = ukraine + list(land.geometry.values)
    return gpd.GeoDataFrame({"name": names}, geometry=gpd.GeoSeries(geoms, crs=4326))


def _basemap_part(
    features: gpd.GeoDataFrame | gpd.GeoSeries, name: str, style: dict, tolerance: float
) -> VectorLayer:
    """One part of the vector basemap: below the tiles, not listed, coordinates to 4 decimals
    (about 10 m)."""
    return VectorLayer(
        features,
        name,
        style,
        pane="fl-basemap",
        z_index=150,
        control=False,
        tolerance=tolerance,
        digits=4,
    )


def basemap_layers(*, oblast_borders: bool = True) -> list[VectorLayer]:
    """The vector basemap, drawn below any tiles so the map reads with no network: the
    neighbours' land, Ukraine with its border and coast, and its oblasts' inner borders (dashed;
    left out when ``oblast_borders`` is False because an imported boundary file draws them).
    Each edge is shipped once."""
    outlines = country_outlines()
    if outlines.empty:
        return []
    is_ukraine = (outlines["name"] == "Ukraine").to_numpy()
    layers = [
        _basemap_part(
            outlines[~is_ukraine], "Countries", st.BASEMAP_COUNTRY_STYLE, BASEMAP_TOLERANCE_DEG
        ),
        _basemap_part(
            outlines[is_ukraine], "Ukraine", st.BASEMAP_UKRAINE_STYLE, OBLAST_TOLERANCE_DEG
        ),
    ]
    outline = boundary_tables.ukraine_outline()
    if oblast_borders and outline is not None:
        inner = gpd.GeoSeries([outline[1]], crs=4326)
        layers.append(
            _basemap_part(inner, "Oblast borders", st.BASEMAP_OBLAST_STYLE, OBLAST_TOLERANCE_DEG)
        )
    return layers


LABEL_MIN_ZOOM = ((500_000, 5), (100_000, 6), (30_000, 7), (10_000, 8), (3_000, 9), (1_000, 10))
"""(population at least, zoom from which the place is named); smaller places from zoom 11."""
VILLAGE_MIN_ZOOM = 11
MAX_LABELS = 6_000
LABEL_MARGIN_DEG = 1.0
LABEL_SCALE = 1_000  # label positions to 3 decimals, about 100 m


def label_extent(*frames: gpd.GeoDataFrame | None) -> tuple[float, float, float, float]:
    """The box the map's place labels cover: the data's extent plus a margin, within the
    theatre's basemap box (the whole theatre box when there is no data)."""
    west, south, east, north = theatre().basemap_box
    bounds = [f.total_bounds for f in frames if f is not None and len(f)]
    if not bounds:
        return theatre().box
    box = np.asarray(bounds, dtype=float)
    if not np.isfinite(box).all():
        return theatre().box
    return (
        max(west, float(box[:, 0].min()) - LABEL_MARGIN_DEG),
        max(south, float(box[:, 1].min()) - LABEL_MARGIN_DEG),
        min(east, float(box[:, 2].max()) + LABEL_MARGIN_DEG),
        min(north, float(box[:, 3].max()) + LABEL_MARGIN_DEG),
    )


def label_min_zoom(population: np.ndarray) -> np.ndarray:
    """The zoom from which each place is named: cities first, villages when zoomed in."""
    zoom = np.full(len(population), VILLAGE_MIN_ZOOM, dtype=int)
    for threshold, level in reversed(LABEL_MIN_ZOOM):
        zoom[population >= threshold] = level
    return zoom


def place_labels(
    extent: tuple[float, float, float, float], store: Any = None
) -> dict[str, list] | None:
    """The settlements inside ``extent`` from the gazetteer, largest first and at most
    :data:`MAX_LABELS`, as column arrays (name, lon, lat scaled by :data:`LABEL_SCALE`, the zoom
    from which each is shown); None without a built gazetteer."""
    from geo.gazetteer.store import GazetteerStore, default_path

    if store is None:
        if not default_path().is_file():
            log.info("no gazetteer store: the map has no place labels")
            return None
        store = GazetteerStore(default_path())
    west, south, east, north = extent
    rows = store.conn.execute(
        "SELECT name, lon, lat, population FROM places WHERE kind = 'settlement' "
        "AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ? "
        "ORDER BY population DESC, name LIMIT ?",
        (west, east, south, north, MAX_LABELS),
    ).fetchall()
    if not rows:
        return None
    names, lon, lat, population = zip(*rows, strict=True)
    return {
        "name": list(names),
        "lon": np.round(np.asarray(lon) * LABEL_SCALE).astype(int).tolist(),
        "lat": np.round(np.asarray(lat) * LABEL_SCALE).astype(int).tolist(),
        "minZoom": label_min_zoom(np.asarray(population, dtype=np.int64)).tolist(),
        "scale": [LABEL_SCALE],
    }


class PlaceLabels(Layer, LiteralMacroElement):
    """Settlement names drawn in the browser, by zoom: each name from its
    :func:`label_min_zoom`, larger places first, none overlapping another (greedy in screen
    space). Names are set as text, never parsed as HTML. Below the tiles: OSM tiles name places
    themselves."""

    _template = folium_template("place_labels.js.j2")

    def __init__(self, labels: dict[str, list]) -> None:
        super().__init__(name=f"Place names ({len(labels['name'])})", overlay=True, control=True)
        self.count = len(labels["name"])
        self.data_json = script_json(labels)
