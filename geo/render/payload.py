"""The map payload protocol: the one definition of what the browser receives about events.

:func:`geo.render.layers.event_payload` turns the mapped events into one JSON object of column
arrays, embedded once per map as a JSON data block (``<script type="application/json">``, parsed
with ``JSON.parse``: far cheaper for the browser than a script literal of megabytes) and read by
``templates/events.js.j2`` (and by the date slider, ``templates/date_filter.js.j2``, through the
same object). The protocol is:

* :data:`PAYLOAD_KEYS`: every top-level key, in wire order. Each has a ``name`` (used by Python
  and by the browser), a ``wire`` key (what the JSON holds; the short historical keys are kept
  so the payload of a given input does not change), its meaning, the event columns it is built
  from and, for an object value, the ``parts`` (keys) the browser reads. A ``per_event`` key is
  an array of one value per mapped event, in row order: the payload is columnar, so each key
  occurs once per map however many events it has.
* :class:`Kind`: the code of each event's shape in the ``kind`` column.
* :data:`LOOKUP`: a dictionary-encoded column, ``{"v": distinct values, "i": each event's index
  into them, -1 for none}`` (``cols.*``, ``sources``, ``detail``).
* :data:`DETAIL_COLUMNS`: popup fields shipped as one lookup of value tuples; the payload names
  the ones present in ``detail.keys``, so the browser never relies on their order.
* :data:`STANCE_LOOK`: the Leaflet marker options in each ``stances.styles`` entry.

The browser gets :func:`browser_keys` (name → wire key) as ``K`` and :func:`browser_kinds` as
``KIND``, and reads the payload only as ``D[K.name]``, ``D[K.name].part`` and ``KIND.name``:
``tests/test_render_payload.py`` checks that the templates read exactly the keys defined here.
Adding a column means one :class:`Key` here, its values in ``event_payload`` and its use in
the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from types import MappingProxyType
from typing import Any


class Kind(IntEnum):
    """How an event is drawn; its value is the code in the payload's ``kind`` column."""

    POINT = 0  # a place: a marker
    APPROX = 1  # an approximate place (precision 2 or worse): a marker and an uncertainty circle
    REGION = 2  # a region-level claim: its polygon
    SECTOR = 3  # a direction from a place ("west of Bakhmut"): a wedge polygon


@dataclass(frozen=True)
class Key:
    """One top-level key of the payload."""

    name: str  # in Python (``WIRE[name]``) and in the browser (``K.name``)
    wire: str  # the key in the JSON
    meaning: str
    source: str = ""  # event columns (or constants) the value is built from
    parts: tuple[str, ...] = ()  # keys of an object value that the browser reads
    per_event: bool = False  # an array of one value per mapped event, in row order


def _column(name: str, wire: str, meaning: str, source: str) -> Key:
    return Key(name, wire, meaning, source, per_event=True)


LOOKUP = ("v", "i")
STANCE_LOOK = ("shape", "radius", "fillOpacity", "dashArray")
DETAIL_COLUMNS = (
    "claimant_kind", "event_type", "sub_event_type", "time_precision", "quantity_unit",
    "location", "direction", "anchor_place", "resolution", "resolution_reason", "geo_precision",
    "uncertainty_m", "actor1", "actor2", "n_reports", "quotes", "reported_by", "join_status",
    "join_detail", "quality_flag", "quality_detail",
)  # fmt: skip

PAYLOAD_KEYS: tuple[Key, ...] = (
    Key("scale", "scale", "divisor turning lon/lat integers into degrees", "COORD_SCALE"),
    Key("largeN", "largeN", "above this many events, points are stamped on canvases", "LARGE_N"),
    _column("lon", "x", "longitude of the anchor point × scale, integer", "geometry"),
    _column("lat", "y", "latitude of the anchor point × scale, integer", "geometry"),
    _column("kind", "k", "Kind code", "geometry, geo_precision, direction"),
    _column("claimant", "c", "index into claimants.names", "claimant"),
    _column("stance", "s", "index into stances.names", "stance"),
    _column("date", "d", "index into dates, -1 undated", "event_date"),
    _column("radius", "r", "uncertainty radius in metres", "uncertainty_m, geo_precision"),
    _column("confidence", "cf", "geocoding confidence, 2 decimals, or null", "confidence"),
    _column("quantity", "q", "quantity claimed, or null", "quantity"),
    Key("dates", "dates", "distinct event days, YYYY-MM-DD, sorted", "event_date"),
    Key("claimants", "claimants", "names and colours", "claimant", ("names", "colors")),
    Key("stances", "stances", "names and their STANCE_LOOK", "stance", ("names", "styles")),
    Key("cols", "cols", "LOOKUP per text column", "place_name, quote", ("place_name", "quote")),
    Key("sources", "sources", "LOOKUP of [title, http(s) url]", "source_title, source_url", LOOKUP),
    Key("detail", "detail", "LOOKUP of DETAIL_COLUMNS tuples", "DETAIL_COLUMNS", ("keys", *LOOKUP)),
    Key("shapes", "g", "GeoJSON geometry of each region/sector event by row", "geometry"),
    Key(
        "styles",
        "styles",
        "Leaflet style of each shape kind, marker outlines by shape name, the disputed ring",
        "geo.core.style",
        ("uncertainty", "region", "sector", "markers", "disputed"),
    ),
    Key(
        "words",
        "words",
        "geo_precision and time_precision codes in words",
        "geo.core.style",
        ("geo", "time"),
    ),
    Key(
        "disputes",
        "dp",
        "[row, row] pairs of claims that exclude each other (same place, overlapping days)",
        "place_id, claimant, stance, event_date, time_precision",
    ),
    Key(
        "search",
        "search",
        "one entry per place: every known name of it (' · '-joined) and a row drawn there",
        "place_id, place_name, location + the gazetteer's names",
        ("names", "row"),
    ),
)

WIRE: MappingProxyType[str, str] = MappingProxyType({key.name: key.wire for key in PAYLOAD_KEYS})
PARTS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {key.name: key.parts for key in PAYLOAD_KEYS if key.parts}
)


def browser_keys() -> dict[str, str]:
    """The browser's ``K``: name → wire key of every payload key."""
    return dict(WIRE)


def browser_kinds() -> dict[str, int]:
    """The browser's ``KIND``: lower-case kind name → code."""
    return {kind.name.lower(): int(kind) for kind in Kind}


def part_object(name: str, **values: Any) -> dict[str, Any]:
    """The object value of key ``name``: exactly its declared parts, in their order."""
    parts = PARTS[name]
    if set(values) != set(parts):
        raise ValueError(f"payload {name!r}: parts {sorted(values)} are not {sorted(parts)}")
    return {part: values[part] for part in parts}


def lookup(values: list[Any], codes: list[int]) -> dict[str, list[Any]]:
    """A :data:`LOOKUP` column: distinct values and each event's index into them."""
    return dict(zip(LOOKUP, (values, codes), strict=True))


def assemble(**values: Any) -> dict[str, Any]:
    """The payload from a value for every key name, keyed by wire key in :data:`PAYLOAD_KEYS`
    order. Raises ``ValueError`` naming a key that is missing or not defined here."""
    if set(values) != set(WIRE):
        missing, extra = sorted(set(WIRE) - set(values)), sorted(set(values) - set(WIRE))
        raise ValueError(f"payload keys: missing {missing}, not defined {extra}")
    return {key.wire: values[key.name] for key in PAYLOAD_KEYS}
