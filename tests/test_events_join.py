"""Joining the sample tables to the claims of the bundled example story."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geo.events import join_claims, load_events, validate_events, weekly_counts
from geo.extract import Extractor, extract_frame

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "examples" / "sitrep_2023-03-21.txt"
SEED = ROOT.parent / "shared" / "seeds" / "000_ce6ce7db5390928b.txt"


@pytest.fixture(scope="module")
def claims(resolver):
    path = STORY if STORY.is_file() else SEED
    if not path.is_file():
        pytest.skip(f"neither the example story {STORY} nor the seed {SEED} is present")
    return extract_frame([path], date(2023, 3, 21), extractor=Extractor(resolver))


@pytest.fixture(scope="module")
def acled(resolver):
    return validate_events(load_events(ROOT / "examples" / "events" / "acled_sample.csv"), resolver)


@pytest.fixture(scope="module")
def joined(acled, claims):
    return join_claims(acled, claims)


def claim(result, place: str, stance: str, claimant: str | None = None):
    c = result.claims
    rows = c[(c["place_name"] == place) & (c["stance"] == stance)]
    if claimant:
        rows = rows[rows["claimant"].str.contains(claimant)]
    if rows.empty:
        pytest.skip(f"the story has no {stance!r} claim at {place}")
    return rows.iloc[0]


def test_repelled_at_bakhmut_is_corroborated_by_independent_records(joined):
    row = claim(joined, "Bakhmut", "repelled")
    assert row["corroborated"] and "UKR100101" in row["corroborated_by"]
    assert "UKR100101" in row["join_detail"]


def test_repelled_at_marinka_is_contradicted_by_the_capture_record(joined):
    row = claim(joined, "Mar'yinka", "repelled")
    assert row["contradicted"] and row["contradicted_by"] == "UKR100107"
    assert "captured" in row["join_detail"]
    record = joined.events.set_index("event_id").loc["UKR100107"]
    assert record["join_status"] == "contradicted"


def test_capture_claim_is_contradicted_by_a_repelled_record(joined):
    row = claim(joined, "Krasnohorivka", "captured", "Russia")
    assert row["contradicted"] and "UKR100108" in row["contradicted_by"]


def test_far_record_links_by_place_id_only(joined):
    avdiivka = joined.links[joined.links["place_name"] == "Avdiyivka"]
    assert "UKR100111" not in set(
        avdiivka["event_id"]
    )  # Vuhledar row sitting on Avdiivka's coordinates


def test_region_claims_and_foreign_places_stay_unlinked(joined):
    status = joined.claims.set_index("place_name")["join_status"]
    assert status.get("Moscow", "unlinked") == "unlinked"
    assert set(joined.claims["join_status"]) <= {
        "corroborated",
        "contradicted",
        "corroborated and contradicted",
        "linked",
        "unlinked",
    }


def test_links_respect_window_and_independence(joined):
    links = joined.links
    assert (links["days_apart"] <= 2).all()
    assert links.loc[links["relation"] == "corroborates", "independent"].all()


def test_combined_frame_for_maps_and_reports(joined):
    combined = joined.combined()
    assert set(combined["record_kind"]) == {"text claim", "event table"}
    assert len(combined) == len(joined.claims) + len(joined.events)
    assert {"join_status", "join_detail", "quality_flag"} <= set(combined.columns)


def test_weekly_counts_per_oblast_week_claimant(acled, gazetteer_store):
    weekly = weekly_counts(acled, gazetteer_store)
    assert weekly.crs.to_epsg() == 4326 and weekly.geometry.notna().all()
    donetsk = weekly[(weekly["admin1_code"] == "UA.05") & (weekly["week"] == "2023-W12")]
    assert donetsk["events"].sum() >= 10
    counted = acled["event_date"].notna() & acled["admin1_code"].notna()
    assert weekly["events"].sum() == counted.sum()  # every dated row with a region, counted once
