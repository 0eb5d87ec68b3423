"""Every environment variable frontline reads, in one table with its default and meaning.

Code asks :func:`get` (or :func:`get_float`) with the variable's name; nothing else in ``geo/``
reads ``os.environ`` (a test checks). ``frontline`` documents the table in ``docs/`` from
:data:`SETTINGS`, so a new knob is one row here.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from geo.core.errors import InputError


@dataclass(frozen=True, slots=True)
class Setting:
    """One environment variable: its name, default (None: unset) and what it does."""

    name: str
    default: str | None
    doc: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "FRONTLINE_GAZETTEER",
        None,
        "Gazetteer store to use: a .sqlite file, or a folder holding gazetteer.sqlite. Default: "
        "gazetteer/ in a source checkout, else the user cache folder.",
    ),
    Setting(
        "FRONTLINE_ASSET_CACHE",
        None,
        "Folder for the JS/CSS packages self-contained maps inline. "
        "Default: the user cache folder.",
    ),
    Setting(
        "FRONTLINE_GEOCODER",
        "nominatim",
        "Online geocoder behind --online: nominatim, photon or geonames.",
    ),
    Setting(
        "FRONTLINE_GEOCODER_DOMAIN",
        None,
        "Host (and port) of a self-hosted online geocoder, e.g. localhost:8080.",
    ),
    Setting("FRONTLINE_GEOCODER_SCHEME", "https", "http or https for the online geocoder."),
    Setting(
        "FRONTLINE_GEOCODER_MIN_DELAY",
        None,
        "Seconds between online requests (at least 1 for the public Nominatim).",
    ),
    Setting(
        "FRONTLINE_GEOCODER_NAME_BUDGET",
        "10",
        "Seconds the online geocoder may spend on one name (retries and waits included); a "
        "server that has not answered by then turns the rest of the run offline.",
    ),
    Setting(
        "FRONTLINE_GEOCODER_RUN_BUDGET",
        "120",
        "Seconds the online geocoder may spend in one run; then the rest of the run is offline.",
    ),
    Setting(
        "FRONTLINE_USER_AGENT",
        None,
        "User-Agent sent to the online geocoder (Nominatim's policy asks for your contact).",
    ),
    Setting("FRONTLINE_GEONAMES_USERNAME", None, "Account name for the GeoNames web service."),
)
"""The table of settings, in the order the docs list them."""

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str | None:
    """The value of setting ``name``: the environment's
    (blank counts as unset), else its default."""
    setting = _BY_NAME[name]  # a KeyError here is a programming error: every knob is in the table
    value = os.environ.get(name, "").strip()
    return value or setting.default


def get_float(name: str, *, minimum: float = 0.0) -> float | None:
    """Setting ``name`` as a finite number ≥ ``minimum`` (None when unset);
    a clear error otherwise."""
    value = get(name)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number < minimum:
        raise InputError(f"{name}={value!r} is not a number ≥ {minimum:g}")
    return number
