"""A small, realistic event table for the render, export and browser tests (no tests here).

Real places of Donetsk, Zaporizhzhia and Kherson oblasts with real coordinates; several
claimants; a precision-2 point, a precision-3 region polygon, a direction sector, an unresolved
row, a conflicting pair of claims, a hostile quote and a ``javascript:`` URL.
"""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from geo.core.schema import EVENT_COLUMNS

SHARED = Path(__file__).resolve().parents[2] / "shared"
HOSTILE_QUOTE = (
    'Officials said <script>alert(1)</script> and "><img src=x onerror=alert(1)> the village held.'
)

# A rough Donetsk Oblast outline (lon, lat), enough for a region-level claim.
DONETSK_OBLAST = shapely.Polygon(
    [(36.55, 48.75), (37.25, 49.2), (38.3, 49.05), (38.85, 48.8), (39.2, 48.0), (38.3, 47.1),
     (37.5, 47.0), (36.8, 47.45), (36.55, 48.0), (36.55, 48.75)]
)  # fmt: skip


def sector(
    lon: float, lat: float, bearing_deg: float, half_width_deg: float = 30, radius_km: float = 15
) -> shapely.Polygon:
    """A wedge from (lon, lat) towards a compass bearing (270 = west)."""
    pts = [(lon, lat)]
    for step in range(13):
        b = math.radians(bearing_deg - half_width_deg + step * 2 * half_width_deg / 12)
        dlat = radius_km / 111.32 * math.cos(b)
        dlon = radius_km / (111.32 * math.cos(math.radians(lat))) * math.sin(b)
        pts.append((round(lon + dlon, 6), round(lat + dlat, 6)))
    pts.append((lon, lat))
    return shapely.Polygon(pts)


def _row(event_id: str, claimant: str, stance: str, place: str | None, geom, **extra) -> dict:
    row = {c: None for c in EVENT_COLUMNS}
    row.update(
        event_id=event_id,
        doc_id=f"doc-{event_id[:3]}",
        claimant=claimant,
        stance=stance,
        place_name=place,
        location=place,
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date="2025-01-05",
        time_precision=1,
        country="UA",
        admin1="Donetska oblast",
        geo_precision=1,
        uncertainty_m=2000.0,
        resolution="exact",
        resolution_reason="unique settlement name in Donetsk Oblast",
        confidence=0.9,
        source_title="Daily front report",
        source_url="https://example.org/report/1",
        published="2025-01-05T18:00:00Z",
        quote=f"{claimant} said the situation near {place} was {stance}.",
        geometry=geom,
        claimant_kind={"Russian MoD": "military", "Ukrainian military": "military"}.get(
            claimant, "osint"
        ),
    )
    row.update(extra)
    return row


def sample_events() -> gpd.GeoDataFrame:
    """Twelve events: nine mapped points/shapes, one unresolved, with every awkward case."""
    P = shapely.Point
    rows = [
        _row(
            "pok-001",
            "Russian MoD",
            "advancing",
            "Pokrovsk",
            P(37.176, 48.282),
            event_date="2025-01-03",
            quantity=3.0,
            quantity_unit="settlements",
        ),
        _row(
            "tor-001",
            "Russian MoD",
            "captured",
            "Toretsk",
            P(37.847, 48.398),
            event_date="2025-01-05",
        ),
        _row(
            "tor-002",
            "Ukrainian military",
            "repelled",
            "Toretsk",
            P(37.847, 48.398),
            event_date="2025-01-05",
            quantity=7.0,
            quantity_unit="assaults",
            source_url="https://example.org/report/2",
        ),
        _row(
            "kur-001",
            "ISW",
            "under attack",
            "Kurakhove",
            P(37.2827, 47.9836),
            event_date="2025-01-04",
            geo_precision=2,
            uncertainty_m=15000.0,
            resolution="context",
            resolution_reason="'near Kurakhove': point of the town, 15 km radius",
        ),
        _row(
            "chy-001",
            "Ukrainian military",
            "held",
            "Chasiv Yar",
            P(37.835, 48.587),
            event_date="2025-01-06",
            quote=HOSTILE_QUOTE,
            source_url="javascript:alert(document.domain)",
            source_title="<b>Bad</b> link",
        ),
        _row(
            "rob-001",
            "Ukrainian military",
            "repelled",
            "Robotyne",
            P(35.838, 47.444),
            admin1="Zaporizhzhia",
            event_date="2025-01-02",
        ),
        _row(
            "hul-001",
            "Russian MoD",
            "struck",
            "Huliaipole",
            P(36.259, 47.663),
            admin1="Zaporizhzhia",
            event_date="2025-01-07",
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
        ),
        _row(
            "kry-001",
            "ISW",
            "on the defensive",
            "Krynky",
            P(33.086, 46.731),
            admin1="Kherson",
            event_date=None,
            time_precision=None,
        ),
        _row(
            "don-001",
            "Donetsk People's Republic officials",
            "advancing",
            "Donetsk Oblast",
            DONETSK_OBLAST,
            geo_precision=3,
            uncertainty_m=100000.0,
            resolution="region_fallback",
            event_date="2025-01-04",
            resolution_reason="only the oblast is named",
        ),
        _row(
            "bak-001",
            "Russian MoD",
            "advancing",
            "west of Bakhmut",
            sector(38.0, 48.595, 270),
            geo_precision=2,
            uncertainty_m=15000.0,
            direction="west",
            anchor_place="Bakhmut",
            resolution="context",
            resolution_reason="direction sector from Bakhmut",
            event_date="2025-01-06",
        ),
        _row(
            "unr-001",
            "Ukrainian military",
            "repelled",
            None,
            None,
            location="Novoolenivka",
            geo_precision=None,
            uncertainty_m=None,
            resolution="unresolved",
            resolution_reason="not in gazetteer (village)",
            latitude=None,
            longitude=None,
            confidence=None,
        ),
        _row(
            "big-001",
            "ISW",
            "reported",
            "Velyka Novosilka",
            P(36.828, 47.844),
            quote="x" * 1_000_000,
            event_date="2025-01-07",
        ),
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test naming what is missing."""
    path = SHARED.joinpath("data", *parts)
    if not path.exists():
        pytest.skip(
            f"{path} not present: ../shared/data is only laid out beside the repo on dev machines "
            "and in CI"
        )
    return path
