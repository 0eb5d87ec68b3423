"""Styles for every output in one place: claimant colours, stance symbols, layer styles.

The map, the static PNG/SVG, the KML export and the report all ask this module, so a claimant has
the same colour everywhere. Well-known claimants have fixed colours; any other claimant gets a
colour from a fixed qualitative palette chosen by a stable hash of its canonical name (not
Python's randomised ``hash``), so the colour survives across runs and machines.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable

from coloraide import Color

# Colour difference (CIEDE2000) every two claimants on one map keep at least. The just-noticeable
# difference is about 2.3; map symbols are 6-16 px, and a small mark needs several times the
# difference a large patch does to be told apart (Stone, Szafir & Setlur 2014, "An engineering
# model for color difference as a function of size"), so 15 is a margin for reading at a glance.
MIN_CLAIMANT_DELTA_E = 15.0

# Colours for claimants outside the table: picked (maximin CIEDE2000 from matplotlib's CSS4/XKCD
# colours, lightness 30-80, chroma >= 30) at least 15 apart from each other and from the table.
PALETTE: tuple[str, ...] = (
    "#7d7103",  # olive
    "#0add08",  # green
    "#87ae73",  # sage
    "#d90166",  # magenta
    "#8756e4",  # violet
    "#cfaf7b",  # sand
    "#b17261",  # clay
    "#ffa07a",  # salmon
    "#fe83cc",  # pink
    "#b8860b",  # dark goldenrod
)

# Well-known claimants, sides in related hues (Ukrainian blues/teals, Russian reds/purples), every
# two distinct entries at least MIN_CLAIMANT_DELTA_E apart (tests/test_render_style.py).
KNOWN_CLAIMANTS: dict[str, str] = {
    "ukrainian military": "#1f5fbf",
    "ukrainian general staff": "#1f5fbf",
    "armed forces of ukraine": "#1f5fbf",
    "ukraine": "#1f5fbf",
    "russian mod": "#c62828",
    "russian ministry of defence": "#c62828",
    "russian ministry of defense": "#c62828",
    "russia": "#c62828",
    "isw": "#2e7d32",
    "institute for the study of war": "#2e7d32",
    "deepstate": "#6a1b9a",
    "deepstatemap": "#6a1b9a",
    # The canonical claimants of geo/data/claims.toml and geo/data/claimants.csv.
    "ukrainian government": "#00bfff",
    "ukrainian mfa": "#06c2ac",
    "ukrainian mod": "#cea2fd",
    "ukrainian media": "#05696b",
    "kremlin": "#fe828c",
    "russian government": "#f504c9",
    "russian media": "#80013f",
    "wagner group": "#653700",
    "kommersant": "#895b7b",
    "british intelligence": "#05472a",
    "us government": "#6495ed",
    "chinese government": "#bcbd22",
    "iaea": "#b16002",
    "regional authorities": "#ff9408",
    "reuters": "#fe4b03",
    "unattributed report": "#7f7f7f",
}
UNKNOWN_CLAIMANT = "unattributed"
UNKNOWN_COLOR = "#7f7f7f"

# Stance → marker look. Colour always means claimant; the stance is the SHAPE (and its fill), so
# "repelled" and "held" differ even in grey print: shape names index SHAPES below.
STANCE_STYLE: dict[str, dict[str, object]] = {
    "captured": {"shape": "square", "radius": 7, "fillOpacity": 0.95, "dashArray": None},
    "advancing": {"shape": "triangle", "radius": 8, "fillOpacity": 0.85, "dashArray": None},
    "repelled": {"shape": "triangle-down", "radius": 8, "fillOpacity": 0.2, "dashArray": None},
    "held": {"shape": "circle", "radius": 7, "fillOpacity": 0.2, "dashArray": None},
    "on the defensive": {"shape": "hexagon", "radius": 7, "fillOpacity": 0.2, "dashArray": "3 2"},
    "under attack": {"shape": "cross", "radius": 7, "fillOpacity": 0.9, "dashArray": None},
    "withdrew": {"shape": "pentagon", "radius": 7, "fillOpacity": 0.1, "dashArray": "1 2"},
    "struck": {"shape": "star", "radius": 8, "fillOpacity": 0.9, "dashArray": None},
    "met": {"shape": "diamond", "radius": 7, "fillOpacity": 0.9, "dashArray": None},
    "agreed": {"shape": "plus", "radius": 7, "fillOpacity": 0.9, "dashArray": None},
    "reported": {"shape": "circle", "radius": 5, "fillOpacity": 0.9, "dashArray": None},
}
DEFAULT_STANCE_STYLE: dict[str, object] = {
    "shape": "dot",
    "radius": 4,
    "fillOpacity": 0.6,
    "dashArray": None,
}


def _regular(n: int, start_deg: float = 90.0) -> tuple[tuple[float, float], ...]:
    """Vertices of a regular ``n``-gon on the unit circle, the first at ``start_deg``."""
    angles = [math.radians(start_deg + 360.0 * k / n) for k in range(n)]
    return tuple((round(math.cos(a), 4), round(math.sin(a), 4)) for a in angles)


def _star(points: int, inner: float) -> tuple[tuple[float, float], ...]:
    """A star of ``points`` tips on the unit circle, its notches at radius ``inner``."""
    outer = _regular(2 * points)
    return tuple((x * (1 if k % 2 == 0 else inner), y * (1 if k % 2 == 0 else inner))
                 for k, (x, y) in enumerate(outer))  # fmt: skip


def _plus(arm: float, angle_deg: float) -> tuple[tuple[float, float], ...]:
    """A plus sign of half-width ``arm`` reaching the unit circle, turned by ``angle_deg``."""
    a = arm
    corners = ((a, 1), (a, a), (1, a), (1, -a), (a, -a), (a, -1),
               (-a, -1), (-a, -a), (-1, -a), (-1, a), (-a, a), (-a, 1))  # fmt: skip
    t = math.radians(angle_deg)
    c, s = math.cos(t), math.sin(t)
    return tuple((round(x * c - y * s, 4), round(x * s + y * c, 4)) for x, y in corners)


# Marker shapes: closed outlines in unit coordinates (y up), scaled by the stance's radius and
# drawn on the canvas by templates/events.js.j2; the legend draws the same outlines as SVG.
# "circle" and "dot" are arcs (no vertices).
SHAPES: dict[str, tuple[tuple[float, float], ...]] = {
    "circle": (),
    "dot": (),
    "square": ((-0.8, 0.8), (0.8, 0.8), (0.8, -0.8), (-0.8, -0.8)),
    "triangle": _regular(3, 90.0),
    "triangle-down": _regular(3, -90.0),
    "diamond": _regular(4, 90.0),
    "pentagon": _regular(5, 90.0),
    "hexagon": _regular(6, 0.0),
    "star": _star(5, 0.45),
    "cross": _plus(0.28, 45.0),
    "plus": _plus(0.28, 0.0),
}
DISPUTED_RADIUS = 13  # px: the split ring drawn around a place whose claims contradict
DISPUTED_STYLE = {"radius": DISPUTED_RADIUS, "weight": 4}

# Precision codes in words (ACLED geo_precision and time_precision), for popups and legends.
GEO_PRECISION_WORDS: dict[int, str] = {1: "settlement", 2: "near / part of", 3: "region"}
TIME_PRECISION_WORDS: dict[int, str] = {1: "day", 2: "week", 3: "month"}

# Geometry kinds other than points.
UNCERTAINTY_STYLE = {"weight": 1, "opacity": 0.6, "fillOpacity": 0.06, "dashArray": "4 4"}
REGION_STYLE = {"weight": 2, "opacity": 0.8, "fillOpacity": 0.08, "dashArray": "6 4"}
SECTOR_STYLE = {"weight": 1, "opacity": 0.7, "fillOpacity": 0.18, "dashArray": None}

CONTROL_COLORS: dict[str, str] = {
    "occupied": "#d32f2f",
    "russian": "#d32f2f",
    "contested": "#ffa000",
    "grey zone": "#9e9e9e",
    "liberated": "#1976d2",
    "ukrainian": "#1976d2",
}
CONTROL_STYLE = {"weight": 0.5, "opacity": 0.8, "fillOpacity": 0.25}
FRONT_COLOR = "#b71c1c"  # the frontline's colour in every output
FRONTLINE_STYLE = {"color": FRONT_COLOR, "weight": 2.5, "opacity": 0.9}
BASEMAP_COUNTRY_STYLE = {
    "color": "#8c8c8c",
    "weight": 0.8,
    "fillColor": "#ebe8e1",
    "fillOpacity": 1.0,
}
BASEMAP_UKRAINE_STYLE = {
    "color": "#555555",
    "weight": 1.3,
    "fillColor": "#f4f1ea",
    "fillOpacity": 1.0,
}
BASEMAP_OBLAST_STYLE = {"color": "#9a9a9a", "weight": 0.8, "dashArray": "4 3", "fill": False}
BASEMAP_ADMIN_STYLE = {"color": "#8a8a8a", "weight": 0.8, "fillOpacity": 0.0, "dashArray": "2 3"}
BACKGROUND_COLOR = "#cfe3ef"  # sea/background behind the vector basemap


def canonical_claimant(name: object) -> str:
    """Collapse case and whitespace so "Russian  MoD" and "russian mod" share a colour."""
    if name is None or (isinstance(name, float) and name != name):
        return UNKNOWN_CLAIMANT
    text = re.sub(r"\s+", " ", str(name)).strip().lower()
    return text or UNKNOWN_CLAIMANT


def _preferred_color(key: str) -> str:
    """The colour a canonical claimant asks for: its table entry, else a palette colour
    chosen by a stable hash of the name."""
    if key == UNKNOWN_CLAIMANT:
        return UNKNOWN_COLOR
    if key in KNOWN_CLAIMANTS:
        return KNOWN_CLAIMANTS[key]
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).digest()  # any str, even invalid
    return PALETTE[int.from_bytes(digest[:4], "big") % len(PALETTE)]


def claimant_color(name: object) -> str:
    """Stable hex colour of a claimant, identical in every output (its preferred colour: a map
    with near-identical preferred colours moves one, see :func:`claimant_colors`)."""
    return _preferred_color(canonical_claimant(name))


def color_difference(a: str, b: str) -> float:
    """CIEDE2000 difference of two hex colours."""
    return float(Color(a).delta_e(b, method="2000"))


def claimant_colors(names: Iterable[object]) -> dict[object, str]:
    """Colour of each claimant of one map, every two at least :data:`MIN_CLAIMANT_DELTA_E` apart
    while the palette allows.

    Claimants are taken table entries first (in table order), then the others by name; each gets
    its preferred colour (:func:`claimant_color`) unless that is too close to a colour already
    given, in which case the first palette colour far enough from all of them (or, with every
    palette colour taken, the one farthest from them). The same set of names always gets the
    same colours, and the well-known claimants keep theirs.
    """
    order = list(KNOWN_CLAIMANTS)
    items = list(dict.fromkeys(names))
    keys = {name: canonical_claimant(name) for name in items}
    rank = {key: k for k, key in enumerate(order)}
    ranked = sorted(items, key=lambda n: (rank.get(keys[n], len(order)), keys[n]))
    given: dict[str, str] = {}  # canonical name -> colour (aliases share one)
    for name in ranked:
        key = keys[name]
        if key not in given:
            given[key] = _free_color(_preferred_color(key), list(given.values()))
    return {name: given[keys[name]] for name in items}


def _free_color(preferred: str, taken: list[str]) -> str:
    """``preferred`` if far enough from every ``taken`` colour, else the best palette colour."""

    def nearest(color: str) -> float:
        return min((color_difference(color, t) for t in taken), default=math.inf)

    if nearest(preferred) >= MIN_CLAIMANT_DELTA_E:
        return preferred
    for color in PALETTE:
        if nearest(color) >= MIN_CLAIMANT_DELTA_E:
            return color
    return max(PALETTE, key=nearest)


def stance_style(stance: object) -> dict[str, object]:
    """Marker look of a stance (shape, radius, fill opacity, dash)."""
    return STANCE_STYLE.get(str(stance).strip().lower() if stance else "", DEFAULT_STANCE_STYLE)


def control_color(status: object) -> str:
    """Fill colour of a control-of-terrain polygon by its status."""
    return CONTROL_COLORS.get(str(status).strip().lower() if status else "", "#d32f2f")
