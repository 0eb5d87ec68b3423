"""Styles for every output in one place: claimant colours, stance symbols, layer styles.

The map, the static PNG/SVG, the KML export and the report all ask this module, so a claimant has
the same colour everywhere. Well-known claimants have fixed colours; any other claimant gets a
colour from a fixed qualitative palette chosen by a stable hash of its canonical name (not
Python's randomised ``hash``), so the colour survives across runs and machines.
"""

from __future__ import annotations

import hashlib
import re

# Tableau-10-like qualitative palette, minus the blue/red/grey reserved for well-known claimants.
PALETTE: tuple[str, ...] = (
    "#e6a117",  # amber
    "#9467bd",  # purple
    "#8c564b",  # brown
    "#e377c2",  # pink
    "#17becf",  # cyan
    "#bcbd22",  # olive
    "#ff7f0e",  # orange
    "#6b6ecf",  # indigo
    "#637939",  # moss
)

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
    # The canonical claimants of geo/data/claims.toml: each its own colour, sides in related hues.
    "ukrainian government": "#4a90d9",
    "ukrainian mfa": "#6fa8dc",
    "ukrainian mod": "#0d3c8c",
    "kremlin": "#8e1b1b",
    "russian government": "#e57373",
    "wagner group": "#5d4037",
    "british intelligence": "#00897b",
    "us government": "#3949ab",
    "chinese government": "#f9a825",
    "iaea": "#ff7f0e",
    "regional authorities": "#8d6e63",
    "reuters": "#ef6c00",
    "kommersant": "#ad1457",
    "unattributed report": "#7f7f7f",
}
UNKNOWN_CLAIMANT = "unattributed"
UNKNOWN_COLOR = "#7f7f7f"

# Stance → marker look: radius (px), fill opacity, outline dash. Colour always means claimant.
STANCE_STYLE: dict[str, dict[str, object]] = {
    "captured": {"radius": 8, "fillOpacity": 0.95, "dashArray": None, "symbol": "●"},
    "advancing": {"radius": 7, "fillOpacity": 0.75, "dashArray": None, "symbol": "◉"},
    "repelled": {"radius": 7, "fillOpacity": 0.25, "dashArray": None, "symbol": "○"},
    "held": {"radius": 6, "fillOpacity": 0.25, "dashArray": None, "symbol": "○"},
    "on the defensive": {"radius": 6, "fillOpacity": 0.25, "dashArray": "3 3", "symbol": "◌"},
    "under attack": {"radius": 6, "fillOpacity": 0.5, "dashArray": "3 3", "symbol": "◍"},
    "withdrew": {"radius": 6, "fillOpacity": 0.1, "dashArray": "1 3", "symbol": "◌"},
    "struck": {"radius": 6, "fillOpacity": 0.9, "dashArray": None, "symbol": "✶"},
}
DEFAULT_STANCE_STYLE: dict[str, object] = {
    "radius": 5,
    "fillOpacity": 0.6,
    "dashArray": None,
    "symbol": "•",
}

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


def claimant_color(name: object) -> str:
    """Stable hex colour of a claimant, identical in every output."""
    key = canonical_claimant(name)
    if key == UNKNOWN_CLAIMANT:
        return UNKNOWN_COLOR
    if key in KNOWN_CLAIMANTS:
        return KNOWN_CLAIMANTS[key]
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).digest()  # any str, even invalid
    return PALETTE[int.from_bytes(digest[:4], "big") % len(PALETTE)]


def stance_style(stance: object) -> dict[str, object]:
    """Marker look of a stance (radius, fill opacity, dash, legend symbol)."""
    return STANCE_STYLE.get(str(stance).strip().lower() if stance else "", DEFAULT_STANCE_STYLE)


def control_color(status: object) -> str:
    """Fill colour of a control-of-terrain polygon by its status."""
    return CONTROL_COLORS.get(str(status).strip().lower() if status else "", "#d32f2f")
