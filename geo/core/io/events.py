"""Write event records to files others can open, and read them back.

Formats: GeoJSON per RFC 7946 (lon/lat, WGS84, no ``crs`` member, right-hand-rule polygons,
coordinates rounded to 6 decimals by default, unresolved rows with ``"geometry": null``),
GeoPackage (layers ``events``, ``regions``, ``control``, ``changes``), KML (a folder and a style
per claimant) and CSV in ACLED-like column order with ``latitude``/``longitude`` (polygons kept
as WKT in ``geometry_wkt``). :func:`read_events` reads any of them back into the same records.
"""

from __future__ import annotations

import csv
import gc
import html
import io
import json
import logging
import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape as xml_escape

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyproj
import shapely
import simplekml
from defusedxml import ElementTree as SafeET

from geo.core.claimants import claimant_palette
from geo.core.errors import InputError, one_line
from geo.core.io.files import atomic_path, write_text
from geo.core.io.geojson import COORDINATE_DECIMALS, frame_geojson_text, rfc7946_geometries  # noqa: F401
from geo.core.io.safe import (
    refuse_wide_rows,
    restore_cell,
    safe_csv_table,
    without_surrogates,
    xml_text,
)
from geo.core.io.vectors import crs_of_member
from geo.core.records import INVALID as INVALID_COORDINATES
from geo.core.records import check_coordinates, normalize_events
from geo.core.schema import EVENT_COLUMNS, GEOCODE_COLUMNS, GEOCODED_PREFIX, MERGE_COLUMNS
from geo.core.style import canonical_claimant

log = logging.getLogger(__name__)

FORMATS: dict[str, str] = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
    ".kml": "kml",
    ".csv": "csv",
}

# ACLED's codebook order where a column exists there, then ours.
CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "claimant", "claimant_kind", "stance", "country", "admin1", "admin2", "location", "place_name",
    "place_id", "latitude", "longitude", "geo_precision", "uncertainty_m", "source_title",
    "source_url", "published", "doc_id", "quantity", "quantity_unit", "resolution",
    "resolution_reason", "confidence", "candidates", "ambiguous", "direction", "anchor_place",
    "quote", "lang",
)  # fmt: skip
assert sorted(CSV_COLUMNS) == sorted(EVENT_COLUMNS)
WKT_COLUMN = "geometry_wkt"
KML_NS = {"k": "http://www.opengis.net/kml/2.2"}


def detect_format(path: str | Path, fmt: str | None = None) -> str:
    """``fmt`` if given, else the format named by ``path``'s suffix; InputError if unknown."""
    if fmt:
        key = fmt.lower().lstrip(".")
        if key in set(FORMATS.values()):
            return key
        raise InputError(
            f"unknown export format {fmt!r}; choose one of geojson, gpkg, kml, csv",
            source=str(path),
        )
    suffix = Path(path).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    raise InputError(
        f"cannot tell the format from the suffix {suffix!r}; use .geojson, .gpkg, .kml or .csv",
        source=str(path),
    )


def _prepare(events: pd.DataFrame) -> gpd.GeoDataFrame:
    """The records to write: normalised, with no lone surrogate (which no file can hold)."""
    return without_surrogates(normalize_events(events), what="event values")


def geojson_text(
    events: pd.DataFrame, *, decimals: int = COORDINATE_DECIMALS, source: str | None = None
) -> str:
    """An RFC 7946 FeatureCollection as text
    (no ``crs`` member, ``null`` geometry when unresolved)."""
    frame = _prepare(events)
    for col in ("latitude", "longitude"):
        frame[col] = frame[col].round(decimals)
    return frame_geojson_text(frame, decimals=decimals, source=source)


def to_geojson(
    events: pd.DataFrame, path: str | Path, *, decimals: int = COORDINATE_DECIMALS
) -> Path:
    """Write :func:`geojson_text` to ``path`` atomically (folders are created)."""
    return write_text(path, geojson_text(events, decimals=decimals, source=str(path)))


def _regions_from_events(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    mask = (frame["geo_precision"] == 3).fillna(
        False
    ).to_numpy() & ~frame.geometry.is_empty.to_numpy()
    mask &= frame.geometry.notna().to_numpy()
    regions = frame.loc[mask, ["place_name", "admin1", "country", "geometry"]]
    return regions.drop_duplicates(subset=["place_name"]).reset_index(drop=True)


def to_gpkg(
    events: pd.DataFrame,
    path: str | Path,
    *,
    regions: gpd.GeoDataFrame | None = None,
    control: gpd.GeoDataFrame | None = None,
    changes: gpd.GeoDataFrame | None = None,
) -> Path:
    """Write a GeoPackage with layers ``events``, ``regions``, ``control`` and ``changes``.

    ``regions`` defaults to the region polygons of precision-3 events. Empty or absent layers
    other than ``events`` are left out rather than written with no geometry type.
    """
    frame = distinct_column_names(_prepare(events), str(path))
    if regions is None:
        regions = _regions_from_events(frame)
    with atomic_path(path) as temp:
        pyogrio.write_dataframe(
            frame,
            temp,
            layer="events",
            driver="GPKG",
            geometry_type="Unknown",
            promote_to_multi=False,
        )
        for name, layer in (("regions", regions), ("control", control), ("changes", changes)):
            if layer is None or len(layer) == 0:
                continue
            layer = layer if layer.crs is not None else layer.set_crs(4326)
            layer = without_surrogates(layer.to_crs(4326), what=f"{name} values")
            for col in layer.columns:
                if col != layer.geometry.name and layer[col].dtype == object:
                    layer[col] = layer[col].map(lambda v: None if v is None else str(v))
            pyogrio.write_dataframe(
                layer, temp, layer=name, driver="GPKG", append=True, geometry_type="Unknown"
            )
    return Path(path)


def distinct_column_names(frame: gpd.GeoDataFrame, source: str) -> gpd.GeoDataFrame:
    """``frame`` with columns that differ only in case renamed apart (``NOTES`` → ``NOTES_2``
    beside ``notes``): a GeoPackage is SQLite, whose column names ignore case, so GDAL refused
    the second with "Error adding field". Each renaming is a warning naming both."""
    seen: set[str] = set()
    renames: dict[str, str] = {}
    for col in frame.columns:
        name, n = str(col), 1
        while name.lower() in seen:
            n += 1
            name = f"{col}_{n}"
        seen.add(name.lower())
        if name != col:
            renames[col] = name
    if not renames:
        return frame
    said = ", ".join(f"{old!r} as {new!r}" for old, new in renames.items())
    warnings.warn(
        f"{source}: columns that differ only in case written apart ({said}): a GeoPackage's "
        "column names ignore case",
        UserWarning,
        stacklevel=3,
    )
    return frame.rename(columns=renames)


def _kml_coords(coords) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y, *_ in coords]


def _kml_geometry(container, geom, name: str):
    if geom is None or geom.is_empty:
        return None
    kind = geom.geom_type
    if kind == "Point":
        return container.newpoint(name=name, coords=[(geom.x, geom.y)])
    if kind == "LineString":
        return container.newlinestring(name=name, coords=_kml_coords(geom.coords))
    if kind == "Polygon":
        return container.newpolygon(
            name=name,
            outerboundaryis=_kml_coords(geom.exterior.coords),
            innerboundaryis=[_kml_coords(r.coords) for r in geom.interiors],
        )
    multi = container.newmultigeometry(name=name)
    for part in getattr(geom, "geoms", []):
        if part.geom_type == "Point":
            multi.newpoint(coords=[(part.x, part.y)])
        elif part.geom_type == "Polygon":
            multi.newpolygon(
                outerboundaryis=_kml_coords(part.exterior.coords),
                innerboundaryis=[_kml_coords(r.coords) for r in part.interiors],
            )
        elif part.geom_type == "LineString":
            multi.newlinestring(coords=_kml_coords(part.coords))
    return multi


def _kml_color(hex_color: str, alpha: int = 255) -> str:
    return simplekml.Color.rgb(
        int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16), alpha
    )


KML_TEXT_KEY = "frontline_text"
KML_TEXT_ESCAPED = "html-escaped"
"""Document-level ExtendedData saying the text of this file is HTML-escaped (read back exactly)."""


class _KmlText:
    """KML text from untrusted values: KML viewers show ``<name>``, ``<description>`` and the
    balloon's data as HTML, so every value is HTML-escaped (``<`` stays a character, never a
    tag), and characters XML 1.0 cannot hold (control characters, lone surrogates) are removed,
    counted per event for one note."""

    def __init__(self) -> None:
        self.removed: dict[str, int] = {}

    def __call__(self, value: object, event: str) -> str:
        text, n = xml_text(str(value))
        if n:
            self.removed[event] = self.removed.get(event, 0) + n
        return html.escape(text, quote=False)

    def note(self, path: Path) -> None:
        if self.removed:
            events = ", ".join(repr(e) for e in list(self.removed)[:10])
            more = f" and {len(self.removed) - 10} more" if len(self.removed) > 10 else ""
            log.warning(
                "%s: removed %d characters XML cannot hold (control characters, lone surrogates) "
                "from the text of events %s%s",
                path,
                sum(self.removed.values()),
                events,
                more,
            )


def _kml_style(color: str) -> simplekml.Style:
    style = simplekml.Style()
    style.iconstyle.color = _kml_color(color)
    style.iconstyle.icon.href = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"
    style.linestyle.color = _kml_color(color)
    style.linestyle.width = 2
    style.polystyle.color = _kml_color(color, 64)
    return style


def _kml_data(feature, record: dict, text: _KmlText, event: str) -> None:
    """Every schema field of ``record`` in the feature's ExtendedData (text escaped as HTML,
    then for XML: simplekml escapes names and descriptions but not data values)."""
    for col in EVENT_COLUMNS + MERGE_COLUMNS:
        value = record.get(col)
        if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
            continue
        escaped = xml_escape(text(value, event), {"\r": "&#13;"})
        feature.extendeddata.newdata(name=col, value=escaped)


def to_kml(events: pd.DataFrame, path: str | Path) -> Path:
    """Write KML: one folder and one shared style per claimant, grouped and coloured as on the
    map (:func:`geo.core.claimants.claimant_palette`: an event table's sources under their
    canonical claimant); all fields, the claimant as written among them, in ExtendedData.

    Unresolved rows are written as placemarks without geometry so nothing is dropped. Text is
    HTML-escaped (see :class:`_KmlText`); :func:`read_events` reads it back exactly.
    """
    path = Path(path)
    frame = _prepare(events)
    kml = simplekml.Kml(name="frontline events")
    kml.document.extendeddata.newdata(name=KML_TEXT_KEY, value=KML_TEXT_ESCAPED)
    text = _KmlText()
    folders: dict[str, tuple[simplekml.Folder, simplekml.Style]] = {}
    drawn, palette = claimant_palette(frame)
    records = frame.drop(columns="geometry").to_dict("records")
    rows = zip(records, drawn, frame.geometry.values, strict=True)
    for k, (record, claimant, geom) in enumerate(rows):
        event = str(record.get("event_id") or f"row {k + 1}")
        key = canonical_claimant(claimant)
        if key not in folders:
            folder = kml.newfolder(name=text(claimant, event))
            folders[key] = (folder, _kml_style(palette[claimant]))
        folder, style = folders[key]
        name = record.get("place_name") or record.get("location") or record.get("event_id") or ""
        feature = _kml_geometry(folder, geom, text(name, event))
        if feature is None:
            feature = folder.newpoint(name=text(name, event))
            feature.coords = []
        feature.style = style
        if record.get("quote"):
            feature.description = text(record["quote"], event)
        _kml_data(feature, record, text, event)
    text.note(path)
    document = '<?xml version="1.0" encoding="UTF-8"?>\n' + kml.kml(format=False) + "\n"
    return write_text(path, document)


def write_csv(table: pd.DataFrame, path: str | Path, *, float_format: str | None = None) -> Path:
    """Write a plain table as UTF-8 CSV, atomically: every CSV frontline writes goes through here.

    Text cells a spreadsheet would evaluate as a formula get a leading ``'``
    (:func:`geo.core.io.safe.neutralise_cell`; :func:`read_events` takes it off again); numeric
    columns are written as numbers. Lines end in CRLF (RFC 4180), so a cell holding a lone
    carriage return is quoted rather than read as the end of its row."""
    safe = safe_csv_table(table)
    with atomic_path(path) as temp:
        safe.to_csv(
            temp, index=False, float_format=float_format, encoding="utf-8", lineterminator="\r\n"
        )
    return Path(path)


def to_csv(events: pd.DataFrame, path: str | Path) -> Path:
    """Write CSV in ACLED-like column order; non-point geometries as WKT in ``geometry_wkt``."""
    path = Path(path)
    frame = _prepare(events)
    merged = [c for c in MERGE_COLUMNS if c in frame.columns]  # when reports were merged
    table = pd.DataFrame(frame.drop(columns="geometry"))[list(CSV_COLUMNS) + merged]
    geoms = frame.geometry.values
    not_point = ~np.asarray(shapely.is_missing(geoms)) & np.asarray(shapely.get_type_id(geoms) != 0)
    wkt = np.full(len(frame), None, dtype=object)
    if not_point.any():
        wkt[not_point] = shapely.to_wkt(geoms[not_point], rounding_precision=-1)
    table[WKT_COLUMN] = wkt
    return write_csv(table, path, float_format="%.15g")


def write_events(
    events: pd.DataFrame,
    path: str | Path,
    fmt: str | None = None,
    *,
    on_bad_coordinates: Literal["raise", "flag"] = "raise",
    source: str | None = None,
    rows: Sequence[int] | None = None,
    **layers: gpd.GeoDataFrame | None,
) -> Path:
    """Write ``events`` to ``path`` in ``fmt`` (or the format its suffix names).

    Extra GeoPackage layers (``regions``, ``control``, ``changes``) go in ``layers``; missing
    parent folders are created; an unknown format raises :class:`geo.core.errors.InputError`.
    A row whose coordinates are NaN, infinite or out of range (lon outside ±180, lat outside
    ±90) is refused with an InputError naming its ``event_id``, and nothing is written; with
    ``on_bad_coordinates="flag"`` it is written without geometry, flagged ``invalid_coordinates``
    (:func:`geo.core.records.check_coordinates`), with a warning. ``source`` names the input
    the records came from in those messages (default: ``path``), ``rows`` each record's number
    there (:func:`read_numbered_features`; default: counted from 1).
    """
    kind = detect_format(path, fmt)
    events = check_coordinates(
        normalize_events(events),
        on_bad=on_bad_coordinates,
        theatre=None,
        source=source or str(path),
        rows=rows,
    )
    events = _columns_from_points(events)
    writer = {"geojson": to_geojson, "kml": to_kml, "csv": to_csv}
    if kind == "gpkg":
        written = to_gpkg(events, path, **layers)
    else:
        written = writer[kind](events, path)
    log.info("wrote %d events to %s (%s)", len(events), written, kind)
    return written


def _columns_from_points(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``events`` with the ``latitude``/``longitude`` of every point row taken from its point.

    A point moved in a GIS (QGIS edits the geometry, not the columns) would otherwise be written
    at its new place in GeoJSON, KML and GPKG but at its old one in CSV, which has only the
    columns. A geometry swapped against its columns was refused or flagged (and dropped) before
    this, so what is left to disagree is an edit, and the geometry wins."""
    geoms = events.geometry.values
    point = np.asarray(shapely.get_type_id(geoms) == 0)
    if not point.any():
        return events
    lat = events["latitude"].to_numpy(dtype=float, copy=True)
    lon = events["longitude"].to_numpy(dtype=float, copy=True)
    x, y = shapely.get_x(geoms[point]), shapely.get_y(geoms[point])
    moved = int(((lat[point] != y) | (lon[point] != x)).sum())
    if not moved:
        return events
    log.info("%d point(s) differ from their latitude/longitude columns: the point wins", moved)
    events = events.copy()
    lat[point], lon[point] = y, x
    events["latitude"], events["longitude"] = lat, lon
    return events


# ---------------------------------------------------------------------------------- reading


MAX_JSON_DIGITS = 300
"""Longest integer a JSON file may hold (Python refuses to convert past 4300 digits); a longer
one reads as infinity, which :func:`_finite_properties` reports."""
GEOJSON_TYPES = frozenset(
    ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
    + ("GeometryCollection",)
)


def _json_int(text: str) -> int | float:
    return int(text) if len(text.lstrip("-")) <= MAX_JSON_DIGITS else float(text)


def load_json(path: Path, constants: list[str] | None = None) -> object:
    """The JSON value in ``path``; one line for bad UTF-8, bad JSON or JSON nested too deeply
    (the parser's recursion limit bounds the work). The ``NaN`` and ``Infinity`` literals met
    are appended to ``constants`` when it is given."""
    where = str(path)

    def constant(text: str) -> float:
        if constants is not None:
            constants.append(text)
        return float(text)

    try:
        return json.loads(
            path.read_text(encoding="utf-8"), parse_int=_json_int, parse_constant=constant
        )
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text ({exc.reason} at byte {exc.start})", source=where
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at line {exc.lineno})", source=where) from None
    except RecursionError:
        raise InputError("invalid JSON (nested too deeply)", source=where) from None


def _geometry(value: object) -> shapely.Geometry:
    """A GeoJSON geometry object as shapely; ValueError saying why it is none."""
    if not isinstance(value, dict):
        raise ValueError(f"geometry is a JSON {type(value).__name__}, not an object")
    kind = value.get("type")
    if kind not in GEOJSON_TYPES:
        raise ValueError(f"unknown geometry type {str(kind)[:40]!r}")
    member = "geometries" if kind == "GeometryCollection" else "coordinates"
    if not isinstance(value.get(member), list):
        raise ValueError(f"{kind} without a {member} list")
    try:
        return shapely.geometry.shape(value)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, RecursionError) as exc:
        raise ValueError(f"{kind} with unreadable {member}") from exc
    except shapely.errors.ShapelyError as exc:
        raise ValueError(f"{kind}: {str(exc)[:120]}") from exc


def _finite_properties(props: dict, where: str) -> dict:
    """``props`` with numbers no column can hold (NaN, ±Infinity, 1e400, a 5000-digit integer)
    read as empty, each reported on one line naming ``where`` and the property."""
    out = dict(props)
    for key, value in props.items():
        if isinstance(value, float) and not np.isfinite(value):
            log.warning(
                "%s: property %r is %s, not a usable number; read as empty", where, key, value
            )
            out[key] = None
    return out


def _feature(feature: object, where: str) -> tuple[dict, shapely.Geometry | None] | None:
    """The properties and geometry of one feature; None (reported) when it is not an object.
    A geometry that cannot be read leaves the record without one, flagged
    ``invalid_coordinates`` with the reason."""
    if not isinstance(feature, dict):
        log.warning("%s: a JSON %s, not a feature object; skipped", where, type(feature).__name__)
        return None
    props = feature.get("properties")
    if not isinstance(props, dict):
        if props is not None:
            log.warning("%s: properties are not an object; read without them", where)
        props = {}
    props = _finite_properties(props, where)
    raw = feature.get("geometry")
    if raw is None:
        return props, None
    try:
        return props, _geometry(raw)
    except ValueError as exc:
        log.warning("%s: %s; read without geometry, flagged %s", where, exc, INVALID_COORDINATES)
        reason = f"unreadable geometry: {exc}"
        return {**props, "resolution": INVALID_COORDINATES, "resolution_reason": reason}, None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the block: reading a JSON file allocates millions of
    dicts and lists that hold no cycles, and the collector's passes over them cost about 40 %
    of the reading (0.7 s of 1.7 s for 100,000 features)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_geojson(path: Path) -> tuple[gpd.GeoDataFrame, list[int] | None]:
    """A FeatureCollection: in array operations when every feature is a plain point or has no
    geometry (:func:`_point_collection`), else feature by feature (:func:`_feature_collection`);
    both give the same records. The cycle collector rests meanwhile (:func:`_collector_paused`).
    With the records, their feature numbers (from 1) when a feature was skipped, as the warnings
    count them (a message about a later record had named the feature before it), else None."""
    with _collector_paused():
        return _geojson_records(path)


def _geojson_records(path: Path) -> tuple[gpd.GeoDataFrame, list[int] | None]:
    constants: list[str] = []
    data = load_json(path, constants)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InputError("not a GeoJSON FeatureCollection", source=str(path))
    features = data.get("features", [])
    if not isinstance(features, list):
        raise InputError(
            "not a GeoJSON FeatureCollection: features is not a list", source=str(path)
        )
    crs = _declared_crs(data.get("crs"), path)
    fast = None if constants else _point_collection(features)
    frame = fast if fast is not None else _feature_collection(features, path)
    numbers = None
    if len(frame) != len(features):  # _feature skips exactly the features that are no object
        numbers = [k for k, f in enumerate(features, start=1) if isinstance(f, dict)]
    if crs is None:
        return frame, numbers
    log.info("%s: coordinates in %s (its crs member), reprojected to WGS84", path, crs.name)
    return frame.set_crs(crs, allow_override=True).to_crs(4326), numbers


def _declared_crs(member: object, path: Path) -> pyproj.CRS | None:
    """The CRS a GeoJSON's legacy ``crs`` member (GeoJSON 2008; RFC 7946 dropped it) declares,
    when its coordinates are not WGS84 lon/lat and so must be reprojected; None without the
    member or for CRS84 / EPSG:4326 (in any spelling). EPSG:3857 metres had been read as
    degrees. A CRS pyproj does not know (or a linked one) is one line naming the file
    (:func:`~geo.core.io.vectors.crs_of_member`)."""
    crs = crs_of_member(member, str(path))
    if crs is None or crs.equals("EPSG:4326", ignore_axis_order=True):
        return None
    return crs


_NUMBER_TYPES = (float, int)  # by exact type: JSON true/false (bool) is no coordinate


def _point_coordinates(features: list) -> tuple[list[dict], np.ndarray, np.ndarray] | None:
    """The properties of each feature and its point's x and y (NaN without geometry); None as
    soon as a feature is anything else (not an object, properties no object, another geometry
    type, a coordinate no number), which only the feature-by-feature reader can judge."""
    n = len(features)
    x, y = np.full(n, np.nan), np.full(n, np.nan)
    props: list[dict] = []
    for k, feature in enumerate(features):
        if type(feature) is not dict or type(p := feature.get("properties")) is not dict:
            return None
        props.append(p)
        if (geometry := feature.get("geometry")) is None:
            continue
        if type(geometry) is not dict or geometry.get("type") != "Point":
            return None
        xy = geometry.get("coordinates")
        if type(xy) is not list or len(xy) != 2:
            return None
        if type(xy[0]) not in _NUMBER_TYPES or type(xy[1]) not in _NUMBER_TYPES:
            return None
        x[k], y[k] = xy
    return props, x, y


def _has_unusable_number(table: pd.DataFrame) -> bool:
    """Whether a column holds an infinity (1e400, a 5000-digit integer): such a file is read
    feature by feature, which reports each. A NaN here is a missing value (the NaN literals of
    the file were caught while parsing)."""
    for col in table.columns:
        column = table[col]  # by dtype first: a text column is never copied to be looked at
        if column.dtype.kind == "f" and np.isinf(column.to_numpy()).any():
            return True
        if column.dtype == object and pd.api.types.infer_dtype(column) not in ("string", "empty"):
            if any(isinstance(v, float) and np.isinf(v) for v in column.tolist()):
                return True
    return False


def _point_collection(features: list) -> gpd.GeoDataFrame | None:
    """The features as a table in array operations (the properties in one frame, the points
    by :func:`shapely.points`) when every feature is a well-formed point feature or has no
    geometry, and no number in them is unusable; else None."""
    read = _point_coordinates(features)
    if read is None:
        return None
    props, x, y = read
    placed = ~np.isnan(x)
    if not (np.isfinite(x[placed]).all() and np.isfinite(y[placed]).all()):
        return None
    table = pd.DataFrame(props, index=range(len(props)))
    if _has_unusable_number(table):
        return None
    geoms = np.full(len(props), None, dtype=object)
    geoms[placed] = shapely.points(x[placed], y[placed])
    return gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geoms, crs=4326), crs=4326)


def _feature_collection(features: list, path: Path) -> gpd.GeoDataFrame:
    """The features read one by one: a broken feature is flagged or reported
    (see :func:`_feature`), never a reason to lose the others."""
    read = [_feature(f, f"{path}: feature {k}") for k, f in enumerate(features, start=1)]
    kept = [r for r in read if r is not None]
    props = pd.DataFrame([p for p, _ in kept], index=range(len(kept)))
    geoms = [g for _, g in kept]
    return gpd.GeoDataFrame(props, geometry=gpd.GeoSeries(geoms, crs=4326), crs=4326)


def _read_kml_geometry(placemark: ET.Element):
    def coords(elem: ET.Element | None) -> list[tuple[float, float]]:
        if elem is None or not elem.text or not elem.text.strip():
            return []
        tuples = [c.split(",")[:2] for c in elem.text.split()]
        return [(float(t[0]), float(t[1])) for t in tuples if len(t) == 2 and t[0] and t[1]]

    def polygon(elem: ET.Element):
        outer = coords(elem.find("k:outerBoundaryIs/k:LinearRing/k:coordinates", KML_NS))
        inner = [
            coords(r) for r in elem.findall("k:innerBoundaryIs/k:LinearRing/k:coordinates", KML_NS)
        ]
        return shapely.Polygon(outer, [r for r in inner if r])

    multi = placemark.find("k:MultiGeometry", KML_NS)
    if multi is not None:
        polys = [polygon(p) for p in multi.findall("k:Polygon", KML_NS)]
        points = [
            shapely.Point(coords(p.find("k:coordinates", KML_NS))[0])
            for p in multi.findall("k:Point", KML_NS)
        ]
        lines = [
            shapely.LineString(coords(p.find("k:coordinates", KML_NS)))
            for p in multi.findall("k:LineString", KML_NS)
        ]
        if polys and not points and not lines:
            return shapely.MultiPolygon(polys)
        if points and not polys and not lines:
            return shapely.MultiPoint(points)
        if lines and not polys and not points:
            return shapely.MultiLineString(lines)
        return shapely.GeometryCollection(polys + points + lines)
    poly = placemark.find("k:Polygon", KML_NS)
    if poly is not None:
        return polygon(poly)
    line = placemark.find("k:LineString/k:coordinates", KML_NS)
    if line is not None:
        return shapely.LineString(coords(line))
    point = coords(placemark.find("k:Point/k:coordinates", KML_NS))
    return shapely.Point(point[0]) if point else None


def _read_kml(path: Path) -> gpd.GeoDataFrame:
    root = SafeET.parse(path).getroot()  # entity expansion off: a billion laughs is refused
    marks = root.findall("k:Document/k:ExtendedData/k:Data", KML_NS)
    escaped = any(
        d.get("name") == KML_TEXT_KEY
        and d.findtext("k:value", namespaces=KML_NS) == KML_TEXT_ESCAPED
        for d in marks
    )
    rows: list[dict] = []
    geoms: list = []
    for placemark in root.iter(f"{{{KML_NS['k']}}}Placemark"):
        values = {
            d.get("name"): d.findtext("k:value", default=None, namespaces=KML_NS)
            for d in placemark.findall("k:ExtendedData/k:Data", KML_NS)
        }
        if escaped:
            values = {k: v if v is None else html.unescape(v) for k, v in values.items()}
        try:
            geom = _read_kml_geometry(placemark)
        except (ValueError, IndexError, shapely.errors.ShapelyError) as exc:
            problem = f"unreadable geometry: {' '.join(str(exc).split())[:120]}"
            log.warning("%s: placemark %d: %s; flagged %s", path, len(rows) + 1, problem,
                        INVALID_COORDINATES)  # fmt: skip
            values = {**values, "resolution": INVALID_COORDINATES, "resolution_reason": problem}
            geom = None
        rows.append(values)
        geoms.append(geom)
    return gpd.GeoDataFrame(pd.DataFrame(rows), geometry=gpd.GeoSeries(geoms, crs=4326), crs=4326)


def _flag_unreadable(
    table: pd.DataFrame, bad: np.ndarray, path: Path, what: str, reason: object, rows: np.ndarray
) -> None:
    """Rows ``bad`` of a CSV whose ``what`` cannot be read: kept without a geometry, flagged
    :data:`INVALID_COORDINATES` with ``reason`` (one for all, or one per row), reported by their
    ``rows`` (:func:`csv_layout`, header = row 1) as the errors about the file name them."""
    if not bad.any():
        return
    numbers = [int(r) for r in rows[bad]]
    shown = ", ".join(map(str, numbers[:10])) + (
        f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    )
    noun = "row" if len(numbers) == 1 else "rows"
    log.warning("%s: unreadable %s on %s %s; flagged %s", path, what, noun, shown,
                INVALID_COORDINATES)  # fmt: skip
    table.loc[bad, "resolution"] = INVALID_COORDINATES
    table.loc[bad, "resolution_reason"] = reason


def csv_layout(text: str, delimiter: str, source: str) -> tuple[range | None, np.ndarray]:
    """One pass of the csv module over a table's ``text``: the columns of its header
    (``usecols`` for pandas, None when there is no header or quoting breaks the reading, which
    pandas then reports) and the row in the file of each record (header = row 1), after
    :func:`~geo.core.io.safe.refuse_wide_rows` refused a row with more cells than the header.
    pandas skips blank and whitespace-only lines, so counting its records from 2 named a later
    row wrongly once a blank line came before; a cell holding a line break keeps its record one
    row. The rows are empty when the reading broke."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbers: list[int] = []
    header = 1  # the header's row: pandas skips blank lines before it too

    def filled(row: list[str]) -> bool:
        return len(row) > 1 or bool(row and row[0].strip())

    def counted() -> Iterator[list[str]]:
        for number, row in enumerate(reader, start=header + 1):
            if filled(row):
                numbers.append(number)
            yield row

    try:
        first = next(reader)
        while not filled(first):
            first, header = next(reader), header + 1
        width = len(first)
        refuse_wide_rows(counted(), width, source, delimiter, first=header + 1)
    except (StopIteration, csv.Error):
        return None, np.asarray([], dtype=np.int64)
    return (range(width) if width else None), np.asarray(numbers, dtype=np.int64)


def check_row_widths(text: str, delimiter: str, source: str) -> range | None:
    """The columns of :func:`csv_layout` alone (an event table's import numbers its rows
    itself)."""
    return csv_layout(text, delimiter, source)[0]


def _flag_unreadable_coordinates(
    table: pd.DataFrame, lat: pd.Series, lon: pd.Series, path: Path, rows: np.ndarray
) -> None:
    """Rows whose latitude or longitude cell holds text that is no number ("abc", "48.5N"): kept
    without a point, flagged and reported with the cells as written (they had been read as
    empty). "NaN" and the infinities are numbers, left to :func:`check_coordinates`."""
    problems = pd.Series("", index=table.index)
    for column, numbers in (("latitude", lat), ("longitude", lon)):
        if column not in table:
            continue
        cells = table[column]
        bad = cells.notna() & numbers.isna() & (cells.str.strip().str.lower() != "nan")
        problems[bad] += np.where(problems[bad] != "", ", ", "") + (
            f"{column} " + cells[bad].map(repr)
        )
    bad = (problems != "").to_numpy()
    reasons = ("unreadable " + problems[bad]).to_numpy(dtype=object)
    _flag_unreadable(table, bad, path, "latitude/longitude", reasons, rows)


COORDINATE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lon", "lng", "long"),
}
"""The names a coordinate column is read under, in any case (``Latitude``, ``LAT``, ``Lng``):
what spreadsheets, Google Sheets and QGIS exports call them. ``x``/``y`` are not among them:
QGIS writes those in the layer's CRS, often metres, and elsewhere they are any two numbers."""
XY_SPELLINGS: dict[str, tuple[str, ...]] = {"latitude": ("y",), "longitude": ("x",)}
"""``y``/``x``, read as coordinates only by an event table's import, which checks every point
against its named place (:mod:`geo.events.formats`)."""


_GEOCODED = re.compile(
    re.escape(GEOCODED_PREFIX) + f"(?P<field>{'|'.join(GEOCODE_COLUMNS)})(?:_(?P<n>[0-9]+))?",
    re.IGNORECASE,
)


def geocoded_columns(
    columns: Sequence[str], fields: Sequence[str] = GEOCODE_COLUMNS
) -> dict[str, str]:
    """The column holding ``frontline geocode --csv``'s result for each of ``fields`` that a
    table with ``columns`` has under :data:`~geo.core.schema.GEOCODED_PREFIX`, e.g.
    ``{"latitude": "geocoded_latitude"}``: the name geocode writes a result under when the
    input has a column of that name. Of ``geocoded_latitude`` and ``geocoded_latitude_2`` (a
    second pass over geocode's own output), the highest number, the latest pass."""
    found: dict[str, tuple[int, str]] = {}
    for column in columns:
        match = _GEOCODED.fullmatch(str(column).strip())
        if match is None or (field := match["field"].lower()) not in fields:
            continue
        number = int(match["n"] or 1)
        if field not in found or number > found[field][0]:
            found[field] = (number, str(column))
    return {field: column for field, (_, column) in found.items()}


def coordinate_columns(
    columns: Sequence[str],
    source: str | None,
    *,
    xy: bool = False,
    fields: Sequence[str] = tuple(COORDINATE_SPELLINGS),
) -> dict[str, str]:
    """The column holding each coordinate of a table with ``columns``, e.g.
    ``{"latitude": "Lat", "longitude": "Lon"}``: ``frontline geocode``'s result when the table
    is its output and the input had the coordinate too (``geocoded_latitude``,
    :func:`geocoded_columns`: the input's ``latitude`` had been read, the geocoding lost), else
    the column named exactly ``latitude`` (``longitude``) when there is one, else the one whose
    name, in any case and without the spaces around it, is one of its
    :data:`COORDINATE_SPELLINGS` (and with ``xy``, :data:`XY_SPELLINGS`). Two such columns
    (``lat`` and ``Latitude``) are one line naming both: either could be meant. ``fields`` are
    the coordinates looked for (default: both); :func:`geocoded_said` words the choice of a
    geocoded column."""
    found: dict[str, str] = geocoded_columns(columns, fields)
    for field in fields:
        if field in found:
            continue
        if field in columns:
            found[field] = field
            continue
        names = COORDINATE_SPELLINGS[field] + (XY_SPELLINGS[field] if xy else ())
        matches = [c for c in columns if str(c).strip().lower() in names]
        if len(matches) > 1:
            both = " and ".join(repr(c) for c in matches)
            raise InputError(
                f"columns {both} could each be the {field}; rename the one meant to {field!r} "
                "or remove the other",
                source=source,
            )
        if matches:
            found[field] = matches[0]
    return found


def geocoded_over(found: dict[str, str], columns: Sequence[str]) -> dict[str, list[str]]:
    """Of the coordinates ``found`` (:func:`coordinate_columns`) read from ``frontline
    geocode``'s results, each one's column and the input's columns that name it too
    (``{"geocoded_latitude": ["latitude"]}``); empty when no result was read over one."""
    over: dict[str, list[str]] = {}
    for field, column in found.items():
        if _GEOCODED.fullmatch(column.strip()) is None:
            continue
        spelled = COORDINATE_SPELLINGS.get(field, (field,))
        others = [
            str(c)
            for c in columns
            if str(c).strip().lower() in spelled and _GEOCODED.fullmatch(str(c).strip()) is None
        ]
        if others:
            over[column] = others
    return over


def geocoded_said(found: dict[str, str], columns: Sequence[str]) -> str | None:
    """``read 'geocoded_latitude' as latitude, 'geocoded_longitude' as longitude (frontline
    geocode's results), not the input's 'latitude', 'longitude'``: the note of the coordinates
    ``found`` (:func:`coordinate_columns`) read from geocode's results over columns of the input
    that name them too (:func:`geocoded_over`); None when none was."""
    over = geocoded_over(found, columns)
    if not over:
        return None
    fields = {column: field for field, column in found.items()}
    read = ", ".join(f"{column!r} as {fields[column]}" for column in over)
    shown = ", ".join(repr(c) for others in over.values() for c in others)
    return f"read {read} (frontline geocode's results), not the input's {shown}"


def coordinates_said(renames: dict[str, str]) -> str:
    """``read column 'Lat' as latitude, 'Lon' as longitude``: the note of columns read as a
    coordinate under another name (column → coordinate)."""
    said = ", ".join(f"{column!r} as {field}" for column, field in renames.items())
    return f"read column {said}"


INPUT_PREFIX = "input_"
"""The prefix a column of ``frontline geocode``'s input is read under when the geocoder's result
of that name is read in its place (``input_latitude``)."""


def _coordinates_renamed(table: pd.DataFrame, path: Path, rows: np.ndarray) -> pd.DataFrame:
    """``table`` with its coordinate columns (:func:`coordinate_columns`) under their canonical
    names, and a warning naming each column read under another name. A ``frontline geocode
    --csv`` output whose input had columns of the results' names is read as the geocoder's
    results, every one of them (:func:`_geocoded_renamed`): its coordinates alone would have
    put one place's point under another's name, precision and resolution."""
    columns = [str(c) for c in table.columns]
    found = coordinate_columns(columns, str(path))
    results = {**geocoded_columns(columns), **found}
    geocoded = {f: c for f, c in results.items() if _GEOCODED.fullmatch(c.strip()) is not None}
    if geocoded:
        table = _geocoded_renamed(table, geocoded, path, rows)
    renames = {column: field for field, column in found.items() if column != field}
    renames = {column: field for column, field in renames.items() if field not in geocoded}
    if not renames:
        return table
    log.warning("%s: %s", path, coordinates_said(renames))
    return table.rename(columns=renames)


def _geocoded_renamed(
    table: pd.DataFrame, geocoded: dict[str, str], path: Path, rows: np.ndarray
) -> pd.DataFrame:
    """``table`` with ``frontline geocode``'s results ``geocoded`` (field → column) under their
    fields' names, the input's column of each name kept as ``input_<name>``, and one warning
    naming the file, the columns and the rows the geocoder left unplaced although the input
    gave them coordinates (those are not drawn at the input's point: the row's resolution and
    reason are the geocoder's)."""
    columns = [str(c) for c in table.columns]
    taken = {c.lower() for c in columns}
    renames: dict[str, str] = {}
    kept: list[str] = []  # the input's columns of the results' names, as the warning says them
    for field, column in geocoded.items():
        spelled = COORDINATE_SPELLINGS.get(field, (field,))
        for other in columns:
            if other.strip().lower() not in spelled or _GEOCODED.fullmatch(other.strip()):
                continue
            if other != field:  # read under its own name, beside the result
                kept.append(repr(other))
                continue
            name, n = f"{INPUT_PREFIX}{field}", 1
            while name.lower() in taken:
                n += 1
                name = f"{INPUT_PREFIX}{field}_{n}"
            taken.add(name.lower())
            renames[field] = name
            kept.append(f"{field!r} (kept as {name!r})")
        renames[column] = field
    read = ", ".join(f"{column!r} as {field}" for field, column in geocoded.items())
    inputs = f", not the input's {', '.join(kept)}" if kept else ""
    unplaced = _unplaced_by_geocoder(table, geocoded, rows)
    log.warning("%s: read frontline geocode's results %s%s%s", path, read, inputs, unplaced)
    return table.rename(columns=renames)


def _unplaced_by_geocoder(table: pd.DataFrame, geocoded: dict[str, str], rows: np.ndarray) -> str:
    """``; rows 4, 9: the input's coordinates but none from the geocoder, not drawn``, or ""
    when every row the input placed was placed by the geocoder too."""
    if "latitude" not in geocoded:
        return ""
    mine = table[geocoded["latitude"]].fillna("").str.strip() == ""
    theirs = pd.Series(False, index=table.index)
    for column in table.columns:
        name = str(column).strip()
        if name.lower() in COORDINATE_SPELLINGS["latitude"] and not _GEOCODED.fullmatch(name):
            theirs |= table[column].fillna("").str.strip() != ""
    lost = (mine & theirs).to_numpy()
    if not lost.any():
        return ""
    numbers = [int(r) for r in rows[lost]] if len(rows) == len(table) else []
    shown = ", ".join(map(str, numbers[:10])) + (
        f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    )
    noun = "row" if len(numbers) == 1 else "rows"
    return f"; {noun} {shown}: the input's coordinates but none from the geocoder, not drawn"


def _check_location_columns(table: pd.DataFrame, path: Path) -> None:
    """One line naming the file, the columns looked for and those it has, unless ``table`` has
    ``latitude`` and ``longitude`` or ``geometry_wkt``: a table without them (``a,b``) had been
    read as records placed nowhere ("1 events" on an empty map, an export of empty records)."""
    columns = [str(c) for c in table.columns]
    if WKT_COLUMN in columns or {"latitude", "longitude"} <= set(columns):
        return
    shown = ", ".join(repr(c[:40]) for c in columns[:12]) or "none"
    if len(columns) > 12:
        shown += f" and {len(columns) - 12} more"
    xy = ""
    if {"x", "y"} <= {c.strip().lower() for c in columns}:
        xy = (
            " (x and y are not read as coordinates: QGIS writes them in the layer's CRS; rename "
            "them longitude and latitude if they are WGS84 degrees)"
        )
    raise InputError(
        "no location columns: looked for latitude and longitude (in any case; or lat, lon, "
        f"lng, long), or {WKT_COLUMN} (columns: {shown}){xy}; a table of place names is placed "
        "by `frontline events import`",
        source=str(path),
    )


def _read_csv(path: Path) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """The records of a CSV and the row of each in the file (:func:`csv_layout`)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    columns, rows = csv_layout(text, ",", str(path))
    table = pd.read_csv(path, dtype=str, keep_default_na=False, usecols=columns)
    if len(rows) != len(table):  # a reading csv and pandas disagree on: count from the header
        rows = np.arange(len(table), dtype=np.int64) + 2
    table.columns = [restore_cell(c) for c in table.columns]
    table = _coordinates_renamed(table, path, rows)
    _check_location_columns(table, path)
    table = table.map(restore_cell).replace({"": None})
    missing = pd.Series(np.nan, index=table.index)  # a table of geometry_wkt alone
    lon = pd.to_numeric(table.get("longitude", missing), errors="coerce")
    lat = pd.to_numeric(table.get("latitude", missing), errors="coerce")
    _flag_unreadable_coordinates(table, lat, lon, path, rows)
    geoms = np.full(len(table), None, dtype=object)
    has_point = lon.notna() & lat.notna()
    if "resolution" in table:  # a row flagged for its coordinates keeps them as evidence only
        has_point &= table["resolution"] != INVALID_COORDINATES
    has_point = has_point.to_numpy()
    geoms[has_point] = shapely.points(lon[has_point].to_numpy(), lat[has_point].to_numpy())
    if WKT_COLUMN in table:
        wkt = table.pop(WKT_COLUMN)
        has_wkt = wkt.notna().to_numpy()
        # on the plane, as frontline draws and writes every geometry: a Z or an M ordinate
        # ("POINT ZM (37 48 1 2)") is no part of a place, and an M had made GeoJSON and GDAL
        # refuse the row
        with np.errstate(over="ignore"):  # "POINT (1e400 48)": an infinite ordinate, which
            # the coordinate check refuses naming the file and row; numpy's overflow warning
            # named neither
            parsed = shapely.from_wkt(wkt[has_wkt].to_numpy(), on_invalid="ignore")
        geoms[has_wkt] = shapely.force_2d(parsed)
        _flag_unreadable(table, has_wkt & shapely.is_missing(geoms), path, WKT_COLUMN,
                         f"unreadable geometry: {WKT_COLUMN} is not WKT", rows)  # fmt: skip
    return gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geoms, crs=4326), crs=4326), rows


def read_events(path: str | Path, fmt: str | None = None) -> gpd.GeoDataFrame:
    """Read events written by :func:`write_events` (any format) back into normalised records."""
    return normalize_events(read_features(path, fmt), source=str(path))


def read_features(path: str | Path, fmt: str | None = None) -> gpd.GeoDataFrame:
    """Every feature of an events file with all its properties as written, in EPSG:4326 (an
    imported event table keeps its flags and original columns; :func:`read_events` normalises)."""
    return read_numbered_features(path, fmt)[0]


def read_numbered_features(
    path: str | Path, fmt: str | None = None
) -> tuple[gpd.GeoDataFrame, list[int] | None]:
    """:func:`read_features`, and for a CSV each record's row in the file (header = row 1, as
    its reader's warnings count): the number a message about the record gives (``rows`` of
    :func:`geo.core.records.check_coordinates`); for a GeoJSON that had a feature skipped, each
    record's feature number; else None (the records are counted from 1, as the features and
    placemarks are)."""
    path = Path(path)
    rows: list[int] | None = None
    if not path.exists():
        raise InputError("no such file", source=str(path))
    kind = detect_format(path, fmt)
    try:
        if kind == "geojson":
            frame, rows = _read_geojson(path)
        elif kind == "gpkg":
            layers = [name for name, _ in pyogrio.list_layers(path)]
            frame = pyogrio.read_dataframe(
                path, layer="events" if "events" in layers else layers[0], on_invalid="fix"
            )
        elif kind == "kml":
            frame = _read_kml(path)
        else:
            frame, numbers = _read_csv(path)
            rows = numbers.tolist()
    except InputError:
        raise
    except (
        ValueError,
        OSError,
        ET.ParseError,
        pyogrio.errors.DataSourceError,
        json.JSONDecodeError,
    ) as exc:
        raise InputError(f"cannot read {kind}: {one_line(exc)}", source=str(path)) from exc
    if not isinstance(frame, gpd.GeoDataFrame):  # a GeoPackage table without geometries
        raise InputError(f"{kind} layer has no geometry column", source=str(path))
    if frame.crs is None:
        frame = frame.set_crs(4326)
    return (frame if frame.crs.equals("EPSG:4326") else frame.to_crs(4326)), rows
