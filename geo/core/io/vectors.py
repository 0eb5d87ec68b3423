"""Reading other vector files: admin boundaries and any layer drawn as it is."""

from __future__ import annotations

import json
import logging
import os
import warnings
from pathlib import Path

import geopandas as gpd
from pyproj import CRS
from pyproj.exceptions import CRSError

from geo.core.errors import InputError, one_line

log = logging.getLogger(__name__)

_SHOWN = 60
"""Characters of a crs member's name quoted in a message (the name is the input's, any length)."""


def _crs_member_name(member: object, source: str) -> str:
    """The CRS name a GeoJSON 2008 ``crs`` member gives (``{"type": "name", "properties":
    {"name": "EPSG:3857"}}``, or the older ``"EPSG"`` type with a ``code``); one line for any
    other (a ``link`` to a file frontline does not fetch, a bare string, a number)."""
    kind = member.get("type") if isinstance(member, dict) else None
    props = member.get("properties") if isinstance(member, dict) else None
    if isinstance(props, dict):
        if kind == "name" and isinstance(props.get("name"), str):
            return str(props["name"])
        if kind == "EPSG" and isinstance(props.get("code"), (int, str)):
            return f"EPSG:{props['code']}"
    shown = f"of type {str(kind)[:_SHOWN]!r}" if kind else json.dumps(member)[:_SHOWN]
    raise InputError(
        f"cannot read the GeoJSON crs member {shown}: only a named CRS (type 'name') is read; "
        "RFC 7946 GeoJSON has no crs member and is lon/lat WGS84",
        source=source,
    )


def declared_crs(path: str | os.PathLike[str]) -> CRS | None:
    """The CRS a GeoJSON file's legacy ``crs`` member names; None when the file has no such
    member or is no GeoJSON object. RFC 7946 dropped the member (every GeoJSON is lon/lat WGS84),
    but older files carry one, and GDAL, which reads the names it knows, takes any other for
    WGS84 without a word: a name no CRS answers to is one line naming the file."""
    path = Path(path)
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return None
    data = path.read_bytes()
    if b'"crs"' not in data:  # the common case: no member, and no whole parse for it
        return None
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):  # GDAL says what is wrong with the file
        return None
    return crs_of_member(doc.get("crs") if isinstance(doc, dict) else None, str(path))


def crs_of_member(member: object, source: str) -> CRS | None:
    """The CRS a GeoJSON ``crs`` member (already parsed) names; None for no member (absent, or
    GeoJSON 2008's null). A member of another form, or a name no CRS answers to, is one line
    naming ``source``."""
    if member is None:
        return None
    name = _crs_member_name(member, source)
    try:
        return CRS.from_user_input(name)
    except CRSError:
        raise InputError(
            f"the GeoJSON crs member names {name[:_SHOWN]!r}, which is no CRS pyproj knows: "
            "remove the member if the coordinates are lon/lat WGS84 (RFC 7946 has none), "
            "else give the file in a known CRS",
            source=source,
        ) from None


def with_declared_crs(frame: gpd.GeoDataFrame, path: str | os.PathLike[str]) -> gpd.GeoDataFrame:
    """``frame`` (as GDAL read ``path``) in the CRS the file's ``crs`` member names where GDAL
    took another (:func:`declared_crs`); as it is otherwise."""
    declared = declared_crs(path)
    if declared is None:
        return frame
    if frame.crs is not None and CRS.from_user_input(frame.crs).equals(
        declared, ignore_axis_order=True
    ):
        return frame
    return frame.set_crs(declared, allow_override=True)


def read_vector(
    path: str | os.PathLike[str], what: str = "vector file", **options: object
) -> gpd.GeoDataFrame:
    """Any file GDAL reads (GeoJSON, GPKG, KML, Shapefile…) in EPSG:4326 (a file without a CRS
    is taken to be in it; a GeoJSON ``crs`` member is honoured or refused, see
    :func:`declared_crs`); :class:`InputError` naming ``what`` and the file otherwise. Unclosed
    rings are closed and GDAL's warnings logged as one line each. ``options``
    go to :func:`geopandas.read_file` (e.g. ``datetime_as_string=True``)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{what} file not found", source=str(path))
    options.setdefault("on_invalid", "fix")  # unclosed rings closed, else no geometry
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frame = gpd.read_file(path, engine="pyogrio", **options)
    except Exception as exc:  # pyogrio raises several types for unreadable files
        raise InputError(f"cannot read {what}: {one_line(exc)}", source=str(path)) from exc
    if not isinstance(frame, gpd.GeoDataFrame):  # a table GDAL reads, without geometries
        raise InputError(f"{what} file has no geometry column", source=str(path))
    for message in dict.fromkeys(str(w.message).splitlines()[0] for w in caught):
        if message.startswith("Non closed ring detected"):
            message = "closed unclosed polygon rings"
        log.warning("%s: %s", path, message)
    frame = with_declared_crs(frame, path)
    return frame.set_crs(4326) if frame.crs is None else frame.to_crs(4326)


def read_boundaries(path: str | os.PathLike[str] | None) -> gpd.GeoDataFrame | None:
    """An admin boundary file (None when no path is given)."""
    return None if path is None else read_vector(path, "boundary")
