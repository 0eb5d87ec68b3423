"""Control-of-terrain layers: read a mapping project's file and normalise it.

Every layer, whatever its origin (a DeepStateMap daily GeoJSON, an ISW-style layer with a status
attribute, a user-drawn KML), becomes one GeoDataFrame with the columns :data:`CONTROL_COLUMNS`
in EPSG:4326. What had to be fixed on the way (invalid rings, a projected CRS, points in a polygon
layer) is logged and returned as notes, so the caller can tell the user.
"""

from __future__ import annotations

import logging
import re
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyogrio.raw
import shapely
from pyproj import CRS

from geo.core.errors import InputError
from geo.core.io.archives import checked_members
from geo.core.io.vectors import with_declared_crs

log = logging.getLogger(__name__)

CONTROL_COLUMNS: tuple[str, ...] = ("source", "claimant", "date", "status", "geometry")
"""Columns of a normalised control layer; ``date`` is an ISO ``YYYY-MM-DD`` string."""

DEFAULT_STATUS = "occupied"
"""Status given to features whose file carries none (DeepStateMap marks occupied ground)."""

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})[-_]?(\d{2})[-_]?(\d{2})(?!\d)")
_DATE_FIELDS = ("date", "day", "valid_date", "datetime", "timestamp")
_STATUS_FIELDS = ("status", "control", "control_status", "type")
_CLAIMANT_FIELDS = ("claimant", "author", "by")
_SOURCE_FIELDS = ("source",)
_WGS84 = CRS.from_epsg(4326)
UNREADABLE_VECTOR = (
    pyogrio.errors.DataSourceError,
    pyogrio.errors.DataLayerError,
    pyogrio.errors.FieldError,
    pyogrio.errors.FeatureError,
    UnicodeDecodeError,  # field names or values in no encoding GDAL can read (a binary file)
)
"""What GDAL (pyogrio) raises for a file that is not a readable vector layer."""


@dataclass
class ControlLayer:
    """A normalised control layer and what was done to it while reading."""

    frame: gpd.GeoDataFrame
    notes: list[str] = field(default_factory=list)
    path: str | None = None
    feature_dates: list[str] = field(default_factory=list)
    """The days the features' own ``date`` properties name, oldest first (a ``date=`` given to
    :func:`read_control` stands in for them in ``frame``)."""


def date_from_name(path: str | Path) -> str | None:
    """The ``YYYY-MM-DD`` date embedded in a file name (``deepstatemap_data_20250102.geojson``)."""
    match = _DATE_IN_NAME.search(Path(path).name)
    if not match:
        return None
    try:
        return Date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def _source_from_name(path: Path) -> str:
    stem = _DATE_IN_NAME.sub("", path.stem).strip("_- .")
    if stem.lower().startswith("deepstatemap"):
        return "DeepStateMap"
    return stem or path.stem


def _iso_date(value: object, *, source: str) -> str:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        # a number is a date only as YYYYMMDD (20250101); pandas would read it as nanoseconds
        # since 1970, a date in January 1970
        digits = f"{value:.0f}" if np.isfinite(value) and float(value).is_integer() else ""
        if len(digits) != 8:
            raise InputError(
                f"cannot read the number {value} as a date (use YYYY-MM-DD)", source=source
            )
        value = digits
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise InputError(
            f"cannot read {value!r} as a date (use YYYY-MM-DD)", source=source
        ) from exc
    if pd.isna(stamp):
        raise InputError(f"cannot read {value!r} as a date (use YYYY-MM-DD)", source=source)
    return stamp.date().isoformat()


def _vsi_targets(path: Path) -> list[tuple[str, str]]:
    """(GDAL path, name for notes) of each document in ``path``: every .kml member of a KMZ,
    after :func:`~geo.core.io.archives.checked_members` refused zip bombs."""
    if path.suffix.lower() != ".kmz":
        return [(str(path), "")]
    if not zipfile.is_zipfile(path):
        raise InputError(
            "not a KMZ: a KMZ must be a zip archive holding a .kml file", source=str(path)
        )
    kml = [m.filename for m in checked_members(path, "KMZ") if m.filename.lower().endswith(".kml")]
    if not kml:
        raise InputError("the KMZ archive holds no .kml file", source=str(path))
    return [(f"/vsizip/{path}/{name}", name if len(kml) > 1 else "") for name in kml]


def _which(labels: Sequence[object], limit: int = 10) -> str:
    """``feature 3`` / ``features 1, 4 and 7 more``: features named in a note."""
    shown = ", ".join(str(label) for label in list(labels)[:limit])
    more = f" and {len(labels) - limit} more" if len(labels) > limit else ""
    return f"feature{'s' if len(labels) > 1 else ''} {shown}{more}"


def _bad_wkb(target: str, layer: str, frame: gpd.GeoDataFrame, notes: list[str]) -> None:
    """Features GDAL read but shapely refused (an unclosed ring): closed where that is enough,
    else left without geometry; both said in a note naming the features."""
    missing = np.flatnonzero(shapely.is_missing(frame.geometry.values))
    if not len(missing):
        return
    wkb = np.asarray(pyogrio.raw.read(target, layer=layer, columns=[])[2], dtype=object)
    bad = [k for k in missing if wkb[k] is not None]
    if not bad:
        return
    fixed = shapely.from_wkb(wkb[bad], on_invalid="fix")
    closed = [frame.index[k] for k, g in zip(bad, fixed, strict=True) if g is not None]
    broken = [frame.index[k] for k, g in zip(bad, fixed, strict=True) if g is None]
    geoms = frame.geometry.values.copy()
    geoms[bad] = fixed
    frame.geometry = geoms
    if closed:
        notes.append(f"closed the unclosed rings of {_which(closed)}")
    if broken:
        notes.append(f"cannot read the geometry of {_which(broken)}")


def _read_layer(target: str, layer: str, prefix: str, notes: list[str]) -> gpd.GeoDataFrame:
    """One layer, its features labelled by number (``prefix#number`` when the file has several
    layers) in the index; GDAL's warnings become notes."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = pyogrio.read_dataframe(target, layer=layer, on_invalid="ignore")
        if isinstance(frame, gpd.GeoDataFrame):
            frame.index = pd.Index(
                [f"{prefix}#{k + 1}" if prefix else str(k + 1) for k in range(len(frame))]
            )
            _bad_wkb(target, layer, frame, notes)
    for message in dict.fromkeys(str(w.message).splitlines()[0] for w in caught):
        if not message.startswith("Non closed ring detected"):  # said per feature above
            notes.append(f"while reading: {message}")
    return frame


def _read_any(path: Path, notes: list[str]) -> gpd.GeoDataFrame:
    """All feature layers of a vector file (GeoJSON, GPKG, KML, KMZ, Shapefile) in one frame,
    indexed by feature label (see :func:`_read_layer`)."""
    if path.is_dir():
        raise InputError(
            "is a folder; give a control layer file (GeoJSON, GPKG, KML, KMZ)", source=str(path)
        )
    try:
        parts = [
            (target, layer, f"{name}:{layer}" if name else layer)
            for target, name in _vsi_targets(path)
            for layer, _ in pyogrio.list_layers(target)
        ]
        one = len(parts) == 1
        frames = [_read_layer(t, layer, "" if one else p, notes) for t, layer, p in parts]
    except UNREADABLE_VECTOR as exc:
        raise InputError(f"cannot read as a vector layer: {exc}", source=str(path)) from exc
    frames = [f for f in frames if isinstance(f, gpd.GeoDataFrame) and len(f)]
    if not frames:
        raise InputError("no features: the file holds no control polygons", source=str(path))
    crs = frames[0].crs
    return gpd.GeoDataFrame(
        pd.concat([f.to_crs(crs) if f.crs != crs else f for f in frames]), crs=crs
    )


def _usable_coordinates(frame: gpd.GeoDataFrame, notes: list[str]) -> gpd.GeoDataFrame:
    """Without features that have a NaN, infinite or out-of-range (lon/lat) coordinate, each
    named in a note: no repair can tell where such a vertex was meant to be."""
    coords, index = shapely.get_coordinates(frame.geometry.values, return_index=True)
    finite = np.isfinite(coords).all(axis=1)
    bad = np.zeros(len(frame), dtype=bool)
    bad[index[~finite]] = True
    if bad.any():
        notes.append(f"dropped {_which(frame.index[bad])}: NaN or infinite coordinates")
    far = np.zeros(len(frame), dtype=bool)
    far[index[finite & ((np.abs(coords[:, 0]) > 180) | (np.abs(coords[:, 1]) > 90))]] = True
    far &= ~bad
    if far.any():
        notes.append(
            f"dropped {_which(frame.index[far])}: coordinates outside longitude ±180, latitude ±90"
            " (projected coordinates in a file that declares no CRS?)"
        )
    return frame[~(bad | far)]


def _field(frame: pd.DataFrame, names: tuple[str, ...]) -> str | None:
    lower = {c.lower(): c for c in frame.columns if c != "geometry"}
    return next((lower[n] for n in names if n in lower), None)


def _to_wgs84(frame: gpd.GeoDataFrame, notes: list[str], source: str) -> gpd.GeoDataFrame:
    if frame.crs is None:
        notes.append("no CRS declared; assumed EPSG:4326 (lon/lat)")
        return frame.set_crs(_WGS84)
    crs = CRS.from_user_input(frame.crs)
    if crs.equals(_WGS84, ignore_axis_order=True) or crs.equals(CRS("OGC:CRS84")):
        return frame.set_crs(_WGS84, allow_override=True)
    name = crs.to_string()
    notes.append(f"reprojected from {name} to EPSG:4326")
    try:
        return frame.to_crs(_WGS84)
    except Exception as exc:  # pyproj raises several types for unusable CRSs
        raise InputError(f"cannot reproject from {name}: {exc}", source=source) from exc


def _polygonal(frame: gpd.GeoDataFrame, notes: list[str], source: str) -> gpd.GeoDataFrame:
    geoms = frame.geometry.values
    kinds = shapely.get_type_id(geoms)
    empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    collection = kinds == 7
    if collection.any():
        geoms = geoms.copy()
        geoms[collection] = _polygon_parts(geoms[collection])
        kinds = shapely.get_type_id(geoms)
        empty |= shapely.is_empty(geoms)
    areal = ~empty & ((kinds == 3) | (kinds == 6))
    other = frame.geometry[~areal & ~empty]
    dropped = other.geom_type.value_counts()
    if len(dropped):
        what = ", ".join(f"{n} {kind}" for kind, n in dropped.items())
        notes.append(
            f"dropped {int(dropped.sum())} non-polygon features ({what}): "
            f"a control layer holds areas ({_which(other.index)})"
        )
    if empty.any():
        notes.append(
            f"dropped {int(empty.sum())} features without geometry ({_which(frame.index[empty])})"
        )
    if not areal.any():
        why = f" ({'; '.join(notes)})" if notes else ""  # what became of the features
        raise InputError(
            f"no polygons: a control layer needs Polygon or MultiPolygon features{why}",
            source=source,
        )
    out = frame[areal].copy()
    out.geometry = geoms[areal]
    return out


def _polygon_parts(geoms: np.ndarray) -> np.ndarray:
    """The polygonal part of each geometry (make_valid may return collections with lines)."""
    parts, index = shapely.get_parts(geoms, return_index=True)
    keep = shapely.get_type_id(parts) == 3
    out = np.full(len(geoms), shapely.from_wkt("MULTIPOLYGON EMPTY"), dtype=object)
    if keep.any():
        has, dense = np.unique(index[keep], return_inverse=True)
        out[has] = shapely.multipolygons(parts[keep], indices=dense)
    return out


def _repair(frame: gpd.GeoDataFrame, notes: list[str], source: str) -> gpd.GeoDataFrame:
    geoms = frame.geometry.values
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        reasons = sorted(set(shapely.is_valid_reason(geoms[invalid])))
        repaired = shapely.make_valid(geoms[invalid])
        repaired = _polygon_parts(repaired)
        geoms = geoms.copy()
        geoms[invalid] = repaired
        note = (
            f"repaired {int(invalid.sum())} invalid geometries with make_valid "
            f"({'; '.join(reasons)})"
        )
        notes.append(note)
        frame = frame.copy()
        frame.geometry = geoms
        gone = shapely.is_empty(geoms)
        if gone.any():
            notes.append(f"dropped {_which(frame.index[gone])}: no area left after the repair")
        frame = frame[~gone]
    frame.geometry = shapely.orient_polygons(frame.geometry.values)
    return frame


def _feature_dates(raw: gpd.GeoDataFrame, field: str | None, where: str) -> list[str]:
    """The distinct days the features' date property names, oldest first (values that read as no
    date are left to the caller: an explicit ``date`` stands in for them)."""
    if field is None:
        return []
    days = set()
    for value in pd.unique(raw[field].dropna()):
        try:
            days.add(_iso_date(value, source=where))
        except InputError:
            continue
    return sorted(days)


def one_date(layer: ControlLayer) -> ControlLayer:
    """``layer`` when it is one day's layer; one line naming its file and dates when its
    features' ``date`` properties name more than one day, even if ``date=`` gave it one.

    For callers that take a file as one day's layer (a diff, a daily summary, a disagreement):
    a file of two days had been merged into one area of no date, or filed under the first."""
    days = layer.feature_dates
    if len(days) > 1:
        shown = ", ".join(days[:5]) + (f" and {len(days) - 5} more" if len(days) > 5 else "")
        raise InputError(
            f"the features carry {len(days)} dates ({shown}); this reads one layer of one date, "
            "so give one file per date",
            source=layer.path,
        )
    return layer


def layer_date(path: str | Path) -> str:
    """The day of one layer file as :func:`read_control` dates it without ``date=``: its
    features' date property (the first feature's; :func:`one_date` refuses a file of several),
    else the date in its name (``deepstatemap_data_20250102.geojson``). Read without geometries,
    to order many files before reading any whole."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", source=str(path))
    target = _vsi_targets(path)[0][0]  # a KMZ checked against zip bombs first
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # GDAL's geometry warnings: read_control says them
            info = pyogrio.read_dataframe(target, read_geometry=False, max_features=1)
    except UNREADABLE_VECTOR as exc:
        raise InputError(f"cannot read as a vector layer: {exc}", source=str(path)) from exc
    column = _field(info, _DATE_FIELDS)
    if column is not None and not info.empty and pd.notna(info[column].iloc[0]):
        return _iso_date(info[column].iloc[0], source=str(path))
    named = date_from_name(path)
    if named is None:
        raise InputError("no date in the file name or a 'date' property", source=str(path))
    return named


def read_control(
    path: str | Path,
    *,
    date: str | None = None,
    source: str | None = None,
    claimant: str | None = None,
    status: str | None = None,
) -> ControlLayer:
    """Read a control-of-terrain file into a normalised :class:`ControlLayer`.

    The date comes from ``date`` if given, else a ``date`` property, else the file name
    (``deepstatemap_data_20250102.geojson``); without any, :class:`InputError` asks for ``--date``.
    ``status`` and ``claimant`` likewise default to properties of those names, then to
    :data:`DEFAULT_STATUS` and the source. Invalid polygons are repaired, a projected CRS is
    reprojected (a GeoJSON ``crs`` member GDAL does not know is refused, see
    :func:`~geo.core.io.vectors.declared_crs`), and non-polygon features dropped; each such step
    adds a note.
    ``ControlLayer.feature_dates`` lists the days the features' own ``date`` properties name
    (checked by :func:`one_date`).
    """
    path = Path(path)
    where = str(path)
    if not path.exists():
        raise InputError("no such file", source=where)
    notes: list[str] = []
    raw = with_declared_crs(_read_any(path, notes), path)
    raw = _usable_coordinates(_to_wgs84(raw, notes, where), notes)
    raw = _polygonal(raw, notes, where)
    raw = _repair(raw, notes, where)
    if raw.empty:
        raise InputError(f"no polygons left after the repairs ({'; '.join(notes)})", source=where)

    date_field = _field(raw, _DATE_FIELDS)
    if date is not None:
        dates = pd.Series(_iso_date(date, source=where), index=raw.index)
    elif date_field is not None and raw[date_field].notna().all():
        dates = pd.Series(
            [_iso_date(v, source=where) for v in pd.unique(raw[date_field])],
            index=pd.unique(raw[date_field]),
        )
        dates = raw[date_field].map(dates)
    elif (named := date_from_name(path)) is not None:
        dates = pd.Series(named, index=raw.index)
    else:
        raise InputError(
            "no date in the features' properties or the file name; pass --date YYYY-MM-DD",
            source=where,
        )

    def column(value: str | None, names: tuple[str, ...], default: str) -> pd.Series:
        if value is not None:
            return pd.Series(value, index=raw.index)
        found = _field(raw, names)
        if found is not None:
            return raw[found].fillna(default).astype(str).str.strip()
        return pd.Series(default, index=raw.index)

    src = column(source, _SOURCE_FIELDS, _source_from_name(path))
    frame = gpd.GeoDataFrame(
        {
            "source": src,
            "claimant": column(claimant, _CLAIMANT_FIELDS, "").where(lambda s: s != "", src),
            "date": dates,
            "status": column(status, _STATUS_FIELDS, DEFAULT_STATUS).str.lower(),
        },
        geometry=raw.geometry.values,
        crs=_WGS84,
    ).reset_index(drop=True)
    for note in notes:
        log.info("%s: %s", where, note)
    return ControlLayer(
        frame=frame, notes=notes, path=where, feature_dates=_feature_dates(raw, date_field, where)
    )


def read_control_layers(paths: Sequence[str | Path]) -> tuple[gpd.GeoDataFrame | None, list[str]]:
    """Every control layer of ``paths`` in one frame (None for no paths), and the notes of what
    was repaired while reading, each prefixed with its file."""
    if not paths:
        return None, []
    frames, notes = [], []
    for path in paths:
        layer = read_control(Path(path))
        frames.append(layer.frame)
        notes += [f"{path}: {note}" for note in layer.notes]
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs="EPSG:4326"), notes
