"""The front line as namesake evidence (issue 11, ``--control``): a village on the front line of
the report's date is the likelier site of a battle than its namesake in the rear — decided only
when exactly one namesake is on the line, narrowed to a region when several are, never a guess.

Expected points are the settlement table's (OCHA COD-AB); a settlement answer must lie within
1 km of it.
"""

from __future__ import annotations

import json
from datetime import date

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo.cli import main
from geo.core.distance import haversine_km
from geo.extract import Extractor, extract_frame
from geo.frontline.nearness import FrontLines

SOLONE_POKROVSK = (48.2127, 37.0507)  # Solone, Pokrovskyi raion; 8 other Solones in Ukraine
DALNIE_POKROVSK = (47.9470, 37.2687)


def _control(*days: str, west: float = 37.06) -> gpd.GeoDataFrame:
    """An occupied area per day whose west edge runs 0.7 km east of Solone (Pokrovskyi raion)."""
    area = box(west, 47.8, 38.0, 48.6)
    return gpd.GeoDataFrame(
        {
            "source": "test",
            "claimant": "test",
            "date": list(days),
            "status": "occupied",
        },
        geometry=[area] * len(days),
        crs="EPSG:4326",
    )


def test_the_namesake_on_the_front_line_is_the_one_meant(resolver):
    alone = resolver.resolve("Solone")
    assert alone.ambiguous and (alone.precision is None or int(alone.precision) == 3)

    front = FrontLines(_control("2025-01-05")).at(date(2025, 1, 5))
    assert front is not None
    res = resolver.resolve("Solone", front=front)
    assert int(res.precision) == 1 and not res.ambiguous, res.reason
    assert haversine_km(res.place.lat, res.place.lon, *SOLONE_POKROVSK) < 1.0
    assert res.confidence == pytest.approx(0.7)
    assert str(res.resolution) == "context"
    assert "front line of 2025-01-05 (test)" in res.reason


def test_hints_and_context_still_come_first(resolver):
    front = FrontLines(_control("2025-01-05")).at(None)
    # the hint names another oblast: the front line there does not move the answer
    hinted = resolver.resolve("Solone", admin1="Zaporizhzhia Oblast", front=front)
    assert hinted.place is not None and hinted.place.admin1_code != "UA.14"
    assert "front line" not in hinted.reason


def test_a_front_that_does_not_separate_namesakes_decides_nothing(resolver):
    # the line runs 40 km east of Solone: every namesake is off it
    front = FrontLines(_control("2025-01-05", west=37.6)).at(None)
    res = resolver.resolve("Solone", front=front)
    assert res.ambiguous and "front line" not in res.reason


def test_the_layer_for_a_report_is_the_latest_on_or_before_its_date():
    fronts = FrontLines(_control("2024-08-01", "2025-01-05", "2025-02-01"))
    assert fronts.day_for(date(2025, 1, 20)) == "2025-01-05"
    assert fronts.day_for(date(2025, 1, 5)) == "2025-01-05"
    assert fronts.day_for(date(2023, 3, 21)) == "2024-08-01"  # before every layer: the earliest
    assert fronts.day_for(None) == "2025-02-01"  # undated report: the latest
    assert fronts.at(date(2025, 1, 6)) is fronts.at(date(2025, 1, 30))  # worked out once
    assert len(fronts) == 3


def test_extraction_weighs_the_front_of_the_documents_date(resolver, tmp_path):
    doc = tmp_path / "report.txt"
    doc.write_text(
        "Ukraine's General Staff said its forces repelled 12 Russian attacks near Solone "
        "over the past day.",
        encoding="utf-8",
    )
    plain = extract_frame([doc], date(2025, 1, 5), extractor=Extractor(resolver))
    assert plain["latitude"].isna().all()  # nine Solones, nothing in the text decides
    fronts = FrontLines(_control("2025-01-05"))
    weighed = extract_frame([doc], date(2025, 1, 5), extractor=Extractor(resolver, fronts=fronts))
    row = weighed.iloc[0]
    assert haversine_km(row["latitude"], row["longitude"], *SOLONE_POKROVSK) < 1.0


# -- with the DeepStateMap layers of ../shared (real front lines) ---------------------------------


@pytest.fixture(scope="module")
def deepstate(shared_dir):
    return shared_dir / "data" / "deepstate" / "deepstatemap_data_20250105.geojson"


def test_geocode_control_on_a_real_front(deepstate, capsys):
    code = main(["geocode", "Dalnie", "--control", str(deepstate), "--on", "2025-01-05", "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    answer = json.loads(out.out)
    assert answer["geo_precision"] == 1
    assert haversine_km(answer["latitude"], answer["longitude"], *DALNIE_POKROVSK) < 1.0
    assert "front line of 2025-01-05 (DeepStateMap)" in answer["reason"]


def test_several_namesakes_on_a_real_front_narrow_to_their_oblast(resolver, deepstate):
    from geo.core.io import read_control_layers

    frame, _ = read_control_layers([deepstate])
    front = FrontLines(frame).at(date(2025, 1, 5))
    alone = resolver.resolve("Zelene Pole")  # 3 villages, 294 km apart: not placed
    assert alone.place is None and len(alone.ambiguous) == 3
    res = resolver.resolve("Zelene Pole", front=front)
    # two of them are on the Donetsk front, the third 77 km behind it: Donetsk Oblast
    assert int(res.precision) == 3 and res.place.name.startswith("Donet")
    assert len(res.ambiguous) == 2 and "2 of 3 alike namesakes on the front line" in res.reason
    many = resolver.resolve("Hryhorivka", front=front)  # several on the front in three oblasts
    assert many.place is None and many.ambiguous


def test_on_needs_control(capsys):
    code = main(["geocode", "Solone", "--on", "2025-01-05"])
    err = capsys.readouterr().err
    assert code == 2 and "--on chooses a --control layer" in err and "Traceback" not in err


def _reports(folder):
    folder.mkdir()
    pairs = [("Solone", "Bakhmut"), ("Solone", "Lyman"), ("Kurakhove", "Solone")]
    for i, (a, b) in enumerate(pairs):
        (folder / f"r{i}.txt").write_text(
            f"Russian forces attacked near {a} and {b} on Saturday, Ukraine's military said.",
            encoding="utf-8",
        )
    return folder


def test_worker_processes_weigh_the_same_front(resolver, gazetteer_store, tmp_path):
    from geo.engine import extract_parallel
    from geo.extract import extract_records

    folder = _reports(tmp_path / "reports")
    fronts = FrontLines(_control("2025-01-05"))
    here = list(
        extract_records([folder], date(2025, 1, 5), extractor=Extractor(resolver, fronts=fronts))
    )
    there = list(
        extract_parallel(
            [folder], date(2025, 1, 5), workers=2, batch_size=1,
            gazetteer=gazetteer_store.path, fronts=fronts,
        )
    )  # fmt: skip
    assert there == here
    solone = [r for r in here if r["location"] == "Solone"]
    assert len(solone) == 3
    assert all(haversine_km(r["latitude"], r["longitude"], *SOLONE_POKROVSK) < 1 for r in solone)


def test_run_uses_its_control_layers_as_evidence(resolver, tmp_path):
    from geo.pipeline import run

    folder = _reports(tmp_path / "reports")
    control = tmp_path / "front_20250105.geojson"
    _control("2025-01-05").to_file(control, driver="GeoJSON")
    extractor = Extractor(resolver)
    result = run([folder], tmp_path / "out", published=date(2025, 1, 5), control=[control],
                 extractor=extractor)  # fmt: skip
    placed = result.events[result.events["location"] == "Solone"]
    assert len(placed) == 3 and placed["latitude"].notna().all()
    assert extractor.fronts is None  # the caller's extractor is left as it was


def test_geocode_csv_weighs_each_row_by_the_front_of_its_own_date(tmp_path, gazetteer_store):
    import csv

    # 5 January: the line runs by Solone (Pokrovskyi raion); 1 February: 40 km east of it
    layers = gpd.GeoDataFrame(
        pd.concat([_control("2025-01-05"), _control("2025-02-01", west=37.6)], ignore_index=True),
        crs="EPSG:4326",
    )
    control = tmp_path / "control.geojson"
    layers.to_file(control, driver="GeoJSON")
    table = tmp_path / "events.csv"
    table.write_text(
        "event_id,event_date,location\n"
        "a,2025-01-10,Solone\n"  # the 5 January line: decided
        "b,3 February 2025,Solone\n"  # the 1 February line: no namesake on it
        "c,,Solone\n",  # no date: --on's line
        encoding="utf-8",
    )
    out = tmp_path / "placed.csv"
    args = ["geocode", "--csv", str(table), "--name-col", "location", "-o", str(out)]
    gz = ["--gazetteer", str(gazetteer_store.path)]
    dated = ["--date-col", "event_date", "--control", str(control), "--on", "2025-01-05"]
    assert main([*args, *dated, *gz]) == 0
    rows = {r["event_id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    for decided in ("a", "c"):
        lat, lon = float(rows[decided]["latitude"]), float(rows[decided]["longitude"])
        assert haversine_km(lat, lon, *SOLONE_POKROVSK) < 1.0
        assert rows[decided]["geo_precision"] == "1"
    assert rows["b"]["geo_precision"] != "1" and rows["b"]["ambiguous"]
    assert main([*args, "--date-col", "event_date", *gz]) == 2  # needs --control
