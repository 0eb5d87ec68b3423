"""The theatre of war, in one place: countries, focus, bounding box, map centre and basemap.

Read once from ``geo/data/theatre.toml``. Every stage asks this module instead of writing its own
copy: the gazetteer (which countries get every transliteration), the mention scanner (which
places are scanned for), the resolver (theatre and focus priors), event validation (swapped
coordinates), the map (where it opens, which country outlines it draws).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Theatre:
    """The theatre's settings (see ``geo/data/theatre.toml`` for what each means)."""

    countries: tuple[str, ...]
    focus: tuple[str, ...]
    box: Box
    center: tuple[float, float]
    basemap_countries: tuple[str, ...]
    basemap_box: Box
    rivers: tuple[str, ...] = ()


@cache
def theatre() -> Theatre:
    """The theatre as ``geo/data/theatre.toml`` describes it (read once)."""
    data = tomllib.loads(resources.files("geo.data").joinpath("theatre.toml").read_text("utf-8"))
    return Theatre(
        countries=tuple(data["countries"]),
        focus=tuple(data["focus"]),
        box=_box(data["box"]),
        center=(float(data["center"][0]), float(data["center"][1])),
        basemap_countries=tuple(data["basemap_countries"]),
        basemap_box=_box(data["basemap_box"]),
        rivers=tuple(data.get("rivers", ())),
    )


def _box(values: list[float]) -> Box:
    west, south, east, north = (float(v) for v in values)
    return west, south, east, north


THEATRE: tuple[str, ...] = theatre().countries
"""ISO codes of the theatre's countries (upper case)."""
FOCUS: tuple[str, ...] = theatre().focus
"""The resolver's default focus countries."""
BOX: Box = theatre().box
"""(west, south, east, north) of the theatre in degrees."""
CENTER: tuple[float, float] = theatre().center
"""(lat, lon) where an empty map opens."""
