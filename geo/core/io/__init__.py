"""Reading and writing, in one layer every stage and the CLI use (as geopandas' ``io``).

* events in every format: :func:`read_events`, :func:`write_events` (GeoJSON, GeoPackage, KML,
  CSV; :mod:`geo.core.io.events`);
* the one RFC 7946 GeoJSON writer: :func:`write_geojson`, :func:`geojson_text`
  (:mod:`geo.core.io.geojson`);
* control-of-terrain layers: :func:`read_control`, :func:`read_control_layers`
  (:mod:`geo.core.io.control`); boundary and other vector files: :func:`read_boundaries`,
  :func:`read_vector` (:mod:`geo.core.io.vectors`);
* atomic writes: :func:`atomic_path`, :func:`write_text`, a folder swapped in whole with
  :func:`atomic_folder`, :func:`output_lock` (:mod:`geo.core.io.files`).
"""

from importlib import import_module
from typing import TYPE_CHECKING

_HOMES = {
    "control": ("CONTROL_COLUMNS", "ControlLayer", "read_control", "read_control_layers"),
    "events": (
        "CSV_COLUMNS",
        "FORMATS",
        "detect_format",
        "geojson_text",
        "read_events",
        "read_features",
        "read_numbered_features",
        "to_csv",
        "to_geojson",
        "to_gpkg",
        "to_kml",
        "write_csv",
        "write_events",
    ),
    "files": (
        "atomic_folder",
        "atomic_path",
        "check_folder_target",
        "check_target",
        "output_lock",
        "write_text",
    ),
    "geojson": ("feature_collection", "rfc7946_geometries", "write_geojson"),
    "vectors": ("read_boundaries", "read_vector"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> object:
    """Load a verb's module on first use: writing a CSV need not import GDAL (PEP 562)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)


if TYPE_CHECKING:
    from geo.core.io.control import CONTROL_COLUMNS, ControlLayer, read_control, read_control_layers
    from geo.core.io.events import (
        CSV_COLUMNS,
        FORMATS,
        detect_format,
        geojson_text,
        read_events,
        read_features,
        read_numbered_features,
        to_csv,
        to_geojson,
        to_gpkg,
        to_kml,
        write_csv,
        write_events,
    )
    from geo.core.io.files import (
        atomic_folder,
        atomic_path,
        check_folder_target,
        check_target,
        output_lock,
        write_text,
    )
    from geo.core.io.geojson import feature_collection, rfc7946_geometries, write_geojson
    from geo.core.io.vectors import read_boundaries, read_vector

__all__ = [
    "CONTROL_COLUMNS",
    "CSV_COLUMNS",
    "FORMATS",
    "ControlLayer",
    "atomic_folder",
    "atomic_path",
    "check_folder_target",
    "check_target",
    "detect_format",
    "feature_collection",
    "geojson_text",
    "output_lock",
    "read_boundaries",
    "read_control",
    "read_control_layers",
    "read_events",
    "read_features",
    "read_numbered_features",
    "read_vector",
    "rfc7946_geometries",
    "to_csv",
    "to_geojson",
    "to_gpkg",
    "to_kml",
    "write_csv",
    "write_events",
    "write_geojson",
    "write_text",
]
