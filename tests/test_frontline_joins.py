"""Claimant disagreement, the settlement control panel and the joins of events, on the shared
DeepState and geoBoundaries files with the seed article's claims (Bakhmut, March 2023)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geo.core.errors import InputError
from geo.core.schema import EVENT_COLUMNS
from geo.frontline import read_control
from geo.frontline.diff import diff_layers
from geo.frontline.disagree import area_disagreement, claim_disagreements
from geo.frontline.joins import (
    OUTSIDE_REGIONS,
    events_by_region,
    events_in_control,
    events_with_places,
)
from geo.frontline.panel import control_panel
from geo.frontline.sides import claimant_side, status_holder

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEEPSTATE = SHARED / "deepstate"
ADM1 = SHARED / "boundaries" / "geoBoundaries-UKR-ADM1_simplified.geojson"

PLACES = {  # place_id: (name, lon, lat)
    "712451": ("Bakhmut", 38.0003, 48.5947),
    "704508": ("Kramatorsk", 37.5561, 48.7231),
    "704147": ("Kurakhove", 37.2826, 47.9836),
    "706448": ("Kherson", 32.6169, 46.6354),
}


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"../shared/data not present: {path}")
    return path


def layer(day: str) -> gpd.GeoDataFrame:
    return read_control(need(DEEPSTATE / f"deepstatemap_data_{day}.geojson")).frame


@pytest.fixture(scope="module")
def settlements() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"place_id": list(PLACES), "place_name": [v[0] for v in PLACES.values()]},
        geometry=[Point(v[1], v[2]) for v in PLACES.values()],
        crs=4326,
    )


def events(rows: list[dict]) -> gpd.GeoDataFrame:
    """Event records with the schema's columns; geometry from the place."""
    frame = pd.DataFrame(
        [{c: None for c in EVENT_COLUMNS} | r for r in rows], columns=list(EVENT_COLUMNS)
    )
    frame["place_name"] = frame["place_id"].map(lambda p: PLACES[p][0] if p in PLACES else None)
    geometry = [Point(PLACES[p][1:]) if p in PLACES else None for p in frame["place_id"]]
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=4326)


SEED = events(
    [
        # "defenders in Bakhmut ... had repelled 69 Russian attacks in the previous day"
        # (20 March 2023).
        {
            "event_id": "seed-1",
            "place_id": "712451",
            "event_date": "2023-03-19",
            "claimant": "Ukraine's military",
            "stance": "repelled",
            "quote": "defenders in Bakhmut ... had repelled 69 Russian attacks",
        },
    ]
)


def test_sides():
    claimants = pd.Series(
        ["Ukraine's military", "Russian Ministry of Defence", "British intelligence", None]
    )
    assert claimant_side(claimants).tolist() == ["ukraine", "russia", pd.NA, pd.NA]
    statuses = pd.Series(
        ["occupied", "assessed russian control", "ukrainian counteroffensive", "contested"]
    )
    assert status_holder(statuses).tolist() == ["russia", "russia", "ukraine", pd.NA]


def test_area_disagreement_is_the_symmetric_difference():
    a = layer("20250103")
    b = layer("20250107").assign(claimant="Russian MoD")
    with pytest.warns(UserWarning, match=r"layers A \(2025-01-03\) and B \(2025-01-07\) are of"):
        table = area_disagreement(a, b)
    sums = table.groupby("claimed_by")["area_km2"].sum()
    change = diff_layers(a, b)
    assert sums["DeepStateMap"] == pytest.approx(change.lost_km2, rel=1e-3)
    assert sums["Russian MoD"] == pytest.approx(change.gained_km2, rel=1e-3)
    # 2025-01-03 -> 2025-01-07: 40.61 km² only in the later layer, ±0.1 km².
    assert sums["Russian MoD"] == pytest.approx(40.61, abs=0.1)
    assert set(table["not_by"]) == {"DeepStateMap", "Russian MoD"}
    assert (table["dates"] == "2025-01-03/2025-01-07").all()


def test_area_disagreement_of_one_claimant_names_the_sides_apart():
    """Two layers of one claimant: the sides had shared one claimed_by, so summing by it (as the
    docstring says to) added both sides up. They are told apart by date, else by file."""
    a, b = layer("20250103"), layer("20250107")
    with pytest.warns(UserWarning, match="are of different dates"):
        table = area_disagreement(a, b)
    sums = table.groupby("claimed_by")["area_km2"].sum()
    assert set(sums.index) == {"DeepStateMap 2025-01-03", "DeepStateMap 2025-01-07"}
    assert sums["DeepStateMap 2025-01-07"] == pytest.approx(40.61, abs=0.1)
    same_day = b.assign(date="2025-01-03")
    table = area_disagreement(a, same_day, source_a="x/a.geojson", source_b="y/b.geojson")
    assert set(table["claimed_by"]) == {"DeepStateMap (a.geojson)", "DeepStateMap (b.geojson)"}
    named = area_disagreement(a, same_day, name_a="ISW", name_b="DeepStateMap")
    assert set(named["claimed_by"]) == {"ISW", "DeepStateMap"}


def test_point_claims_that_contradict():
    claims = events(
        [
            {
                "place_id": "712451",
                "event_date": "2023-03-19",
                "claimant": "Ukraine's military",
                "stance": "repelled",
            },
            {
                "place_id": "712451",
                "event_date": "2023-03-21",
                "claimant": "Wagner Group",
                "stance": "captured",
            },
            {
                "place_id": "712451",
                "event_date": "2023-05-20",
                "claimant": "Russian MoD",
                "stance": "captured",
            },
            {
                "place_id": "704508",
                "event_date": "2023-03-19",
                "claimant": "Russian MoD",
                "stance": "captured",
            },
            {
                "place_id": "704508",
                "event_date": "2023-03-19",
                "claimant": "Russian MoD",
                "stance": "held",
            },
        ]
    )
    found = claim_disagreements(claims)
    assert len(found) == 1
    row = found.iloc[0]
    assert (row["place_name"], row["held_by_claimant"], row["captured_by_claimant"]) == (
        "Bakhmut",
        "Ukraine's military",
        "Wagner Group",
    )
    assert len(claim_disagreements(claims, window_days=90)) == 2


def test_panel_layers_and_the_seed_claim(settlements):
    layers = pd.concat([layer("20240801"), layer("20250103")], ignore_index=True)
    panel = control_panel(settlements, layers, SEED)
    status = panel[panel["source"] == "DeepStateMap"].set_index(["place_name", "date"])["status"]
    assert status["Bakhmut", "2024-08-01"] == "occupied"
    assert status["Kramatorsk", "2025-01-03"] == "outside"
    # Kurakhove fell between the two layers.
    assert (status["Kurakhove", "2024-08-01"], status["Kurakhove", "2025-01-03"]) == (
        "outside",
        "occupied",
    )
    assert len(panel[panel["source"] == "DeepStateMap"]) == len(PLACES) * 2
    seed = panel[panel["source"] == "text"]
    assert seed[["place_name", "date", "claimant", "status"]].values.tolist() == [
        ["Bakhmut", "2023-03-19", "Ukraine's military", "repelled"]
    ]
    # Sorted: Bakhmut's 2023 claim comes before its 2024 layer row.
    bakhmut = panel[panel["place_name"] == "Bakhmut"]
    assert bakhmut["source"].tolist() == ["text", "DeepStateMap", "DeepStateMap"]


def test_panel_needs_settlement_columns(settlements):
    with pytest.raises(InputError, match="place_id"):
        control_panel(settlements.drop(columns="place_id"), events=SEED)
    with pytest.raises(InputError, match="needs control layers"):
        control_panel(settlements)


def test_events_by_region():
    regions = gpd.read_file(need(ADM1))
    claims = events(
        [
            {"place_id": "712451", "claimant": "Ukraine's military", "stance": "repelled"},
            {"place_id": "704508", "claimant": "Ukraine's military", "stance": "under attack"},
            {"place_id": "704508", "claimant": "Russian MoD", "stance": "struck"},
            {"place_id": "706448", "claimant": "Russian MoD", "stance": "struck"},
            {
                "place_id": None,
                "claimant": "Russian MoD",
                "stance": "reported",
            },  # unresolved, no geometry
        ]
    )
    claims.loc[4, "geometry"] = None
    moscow = claims.iloc[[3]].set_geometry([Point(37.62, 55.75)], crs=4326)
    counts = events_by_region(pd.concat([claims, moscow], ignore_index=True), regions)
    got = {(r.region, r.claimant): r.events for r in counts.itertuples()}
    assert got == {
        ("Donetsk Oblast", "Ukraine's military"): 2,
        ("Donetsk Oblast", "Russian MoD"): 1,
        ("Kherson Oblast", "Russian MoD"): 1,
        (OUTSIDE_REGIONS, "Russian MoD"): 1,
    }
    with pytest.raises(InputError, match="shapeName"):
        events_by_region(claims, regions, region_column="oblast")


def test_events_in_control_on_their_date():
    layers = pd.concat([layer("20240801"), layer("20250103")], ignore_index=True)
    claims = events(
        [
            {
                "event_id": "a",
                "place_id": "712451",
                "event_date": "2025-01-05",
                "claimant": "Ukraine's military",
                "stance": "struck",
            },
            {
                "event_id": "b",
                "place_id": "704508",
                "event_date": "2025-01-05",
                "claimant": "Russian MoD",
                "stance": "struck",
            },
            {
                "event_id": "c",
                "place_id": "704508",
                "event_date": "2025-01-05",
                "claimant": "Ukraine's military",
                "stance": "under attack",
            },
            {
                "event_id": "d",
                "place_id": "704147",
                "event_date": "2024-09-01",
                "claimant": "Russian MoD",
                "stance": "advancing",
            },
            {
                "event_id": "e",
                "place_id": "712451",
                "event_date": "2023-03-19",
                "claimant": "Ukraine's military",
                "stance": "repelled",
            },
            {
                "event_id": "f",
                "place_id": "704147",
                "event_date": None,
                "claimant": "Russian MoD",
                "stance": "met",
            },
        ]
    )
    joined = events_in_control(claims, layers)
    assert list(joined.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    out = joined.set_index("event_id")
    assert out.loc["a", "control_date"] == "2025-01-03" and out.loc["a", "held_by"] == "russia"
    assert bool(out.loc["a", "on_other_side_ground"]) is True
    assert (
        out.loc["b", "held_by"] == "ukraine" and bool(out.loc["b", "on_other_side_ground"]) is True
    )
    assert bool(out.loc["c", "on_other_side_ground"]) is False
    # Kurakhove in September 2024: the 2024-08-01 layer is in force, and it was Ukrainian-held.
    assert (out.loc["d", "control_date"], out.loc["d", "held_by"]) == ("2024-08-01", "ukraine")
    assert pd.isna(out.loc["e", "held_by"]) and pd.isna(out.loc["f", "control_date"])


def test_events_in_control_needs_one_source():
    layers = pd.concat(
        [layer("20250103"), layer("20250103").assign(source="ISW")], ignore_index=True
    )
    with pytest.raises(InputError, match="several sources"):
        events_in_control(SEED, layers)
    assert len(events_in_control(SEED, layers, source="ISW")) == 1


def test_events_with_places(settlements):
    joined = events_with_places(SEED, pd.DataFrame(settlements.drop(columns="geometry")))
    assert joined.loc[0, "place_name_place"] == "Bakhmut"
