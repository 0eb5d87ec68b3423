"""``--merge-reports`` (issue 12, item 5): one record per claim across reports, with n_reports,
doc_ids, quotes and first_seen; contradicting and undated claims are never merged; without the
flag nothing changes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geo.core.distance import haversine_km
from geo.extract import extract_frame
from geo.merge import merge_reports

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "data" / "channels" / "three_reports.jsonl"
CHASIV_YAR = (48.5877, 37.8353)  # GeoNames 712164
KM = 5.0


def _by_claim(frame: pd.DataFrame) -> dict[tuple, pd.Series]:
    return {(r.claimant, r.location, r.stance): r for _, r in frame.iterrows()}


def test_three_copies_of_one_story_become_single_records(extractor):
    records = extract_frame([STORIES], extractor=extractor)
    merged = merge_reports(records)
    claims = _by_claim(merged)
    shared = [
        ("Ukrainian military", "Chasiv Yar", "repelled"),
        ("Russian MoD", "Krasnohorivka", "captured"),
        ("Ukrainian military", "Krasnohorivka", "held"),
    ]
    for key in shared:
        claim = claims[key]
        assert claim.n_reports == 3, key
        assert claim.event_date == "2023-03-21" and claim.first_seen == "2023-03-21"
        # earliest publication first; the two of 21 March in input order
        assert json.loads(claim.doc_ids) == [
            "kyivwire/2023-03-21/bakhmut",
            "aggregator/ua-war-5521",
            "dailyfront/38211",
        ]
        assert claim.doc_id == "kyivwire/2023-03-21/bakhmut"  # the first report's record
        quotes = json.loads(claim.quotes)
        assert claim.quote == quotes[0] and len(quotes) == len(set(quotes))  # distinct ones
        assert set(quotes) == set(records.loc[_rows(records, key), "quote"])
    chasiv = claims[shared[0]]
    assert haversine_km(chasiv.latitude, chasiv.longitude, *CHASIV_YAR) < KM
    # each shared claim was three records and is now one; nothing else merged
    assert len(merged) == len(records) - 2 * len(shared)
    assert (
        merged["n_reports"].sum()
        == records.groupby(["claimant", "location", "stance", "event_date"], dropna=False)["doc_id"]
        .nunique()
        .sum()
    )


def _rows(records: pd.DataFrame, key: tuple) -> pd.Series:
    claimant, location, stance = key
    return (
        (records.claimant == claimant) & (records.location == location) & (records.stance == stance)
    )


def test_contradicting_claims_stay_apart(extractor):
    merged = merge_reports(extract_frame([STORIES], extractor=extractor))
    krasnohorivka = merged[
        (merged.location == "Krasnohorivka") & (merged.event_date == "2023-03-21")
    ]
    assert sorted(zip(krasnohorivka.claimant, krasnohorivka.stance, strict=True)) == [
        ("Russian MoD", "captured"),
        ("Ukrainian military", "held"),
    ]


def _record(doc: str, published: str | None, **fields) -> dict:
    base = {
        "event_id": f"{doc}-{fields.get('stance')}",
        "doc_id": doc,
        "published": published,
        "event_date": "2023-03-21",
        "claimant": "Russian MoD",
        "stance": "captured",
        "location": "Krasnohorivka",
        "place_id": "gn:704422",
        "direction": None,
        "quote": f"{doc} says so",
        "geometry": shapely.Point(37.50, 48.00),
    }
    return base | fields


def _frame(*rows: dict) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(list(rows), geometry="geometry", crs=4326)


def test_same_claimant_place_and_day_with_opposite_stances_are_two():
    merged = merge_reports(
        _frame(_record("a", "2023-03-21"), _record("b", "2023-03-21", stance="repelled"))
    )
    assert list(merged.stance) == ["captured", "repelled"] and list(merged.n_reports) == [1, 1]


def test_claimant_spelling_and_unresolved_location_case_do_not_split_a_claim():
    merged = merge_reports(
        _frame(
            _record("a", "2023-03-22", place_id=None, location="Novomykhailivka"),
            _record(
                "b",
                "2023-03-21",
                claimant="russian  MoD",
                place_id=None,
                location="NOVOMYKHAILIVKA ",
            ),
        )  # fmt: skip
    )
    assert len(merged) == 1
    claim = merged.iloc[0]
    assert (claim.n_reports, claim.first_seen, claim.doc_id) == (2, "2023-03-21", "b")
    assert json.loads(claim.doc_ids) == ["b", "a"]


def test_undated_and_differently_dated_claims_are_not_merged():
    merged = merge_reports(
        _frame(
            _record("a", None, event_date=None),
            _record("b", None, event_date=None),
            _record("c", "2023-03-22", event_date="2023-03-22"),
            _record("d", "2023-03-21"),
        )
    )
    assert list(merged.doc_id) == ["a", "b", "c", "d"]
    assert list(merged.n_reports) == [1, 1, 1, 1]


def test_one_document_repeating_a_claim_is_one_report():
    merged = merge_reports(
        _frame(_record("a", "2023-03-21"), _record("a", "2023-03-21", quote="again"))
    )
    assert len(merged) == 1 and merged.n_reports.iloc[0] == 1
    assert json.loads(merged.quotes.iloc[0]) == ["a says so", "again"]


def test_empty_records_get_the_columns():
    merged = merge_reports(_frame(_record("a", "2023-03-21")).iloc[:0])
    assert len(merged) == 0 and {"n_reports", "doc_ids", "first_seen", "quotes"} <= set(merged)


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geo", *map(str, args)], capture_output=True, cwd=ROOT, timeout=120
    )


def test_cli_flag_merges_and_says_so_and_without_it_nothing_changes(tmp_path):
    plain = _cli("extract", STORIES, "-o", tmp_path / "plain.csv")
    merged = _cli("extract", STORIES, "--merge-reports", "-o", tmp_path / "merged.csv")
    assert plain.returncode == merged.returncode == 0, merged.stderr
    assert b"merged" not in plain.stderr and b", merged into 7 claims across reports" in (
        merged.stderr
    )
    unmerged = pd.read_csv(tmp_path / "plain.csv")
    assert len(unmerged) == 13 and "n_reports" not in unmerged.columns
    table = pd.read_csv(tmp_path / "merged.csv")
    assert list(table.columns[-5:]) == ["n_reports", "doc_ids", "first_seen", "quotes",
                                        "geometry_wkt"]  # fmt: skip
    assert sorted(table.n_reports) == [1, 1, 1, 1, 3, 3, 3]


def test_run_merges_into_the_map_and_events(extractor, tmp_path):
    from geo.pipeline import run

    result = run([STORIES], tmp_path / "out", extractor=extractor, merge_reports=True)
    features = json.loads(result.events_geojson.read_text("utf-8"))["features"]
    assert sorted(f["properties"]["n_reports"] for f in features) == [1, 1, 1, 1, 3, 3, 3]
    assert result.summary().endswith(", merged into 7 claims across reports")
