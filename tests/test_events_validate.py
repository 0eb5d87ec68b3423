"""Geocoding and checking the sample tables: flags pinned row by row, distances within tolerance."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.events import flag_counts, load_events, validate_events

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "events"


@pytest.fixture(scope="module")
def acled(resolver):
    return validate_events(load_events(EXAMPLES / "acled_sample.csv"), resolver).set_index(
        "source_row"
    )


@pytest.fixture(scope="module")
def viina(resolver):
    return validate_events(load_events(EXAMPLES / "viina_sample.csv"), resolver).set_index(
        "source_row"
    )


ACLED_FLAGS = {
    4: "swapped_latlon",  # Bakhmut entered as lon/lat
    # Klishchiivka: not in the default gazetteer, checked against Donetsk oblast only
    7: "unknown_place",
    10: "duplicate_id",
    12: "far_from_named_place",  # Vuhledar row with Avdiivka's coordinates
    # Siversk row with Sievierodonetsk's coordinates (Luhansk)
    14: "far_from_named_place;outside_admin1",
    16: "outside_admin1",  # Kupiansk, admin1 entered as Luhansk
    18: "swapped_latlon",  # Beryslav
    25: "bad_coordinates",  # latitude "n/a"
    26: "duplicate_id",
    27: "missing_date",
    29: "blank_row",
    30: "bad_coordinates",  # latitude 148.8497
    31: "unknown_place",  # Bohdanivka (Bakhmut): placed at region level
}
VIINA_FLAGS = {
    4: "swapped_latlon",  # Lyman
    5: "far_from_named_place",  # Kreminna with Svatove's coordinates
    6: "outside_admin1",  # Kharkiv named in Sumska oblast
    18: "unknown_place",  # Klishchiivka
    19: "bad_date",
}


def test_acled_flags_row_by_row(acled):
    assert {r: f for r, f in acled["quality_flag"].items() if f} == ACLED_FLAGS
    assert flag_counts(acled.reset_index())["ok"] == 31 - len(ACLED_FLAGS)


def test_viina_flags_row_by_row(viina):
    assert {r: f for r, f in viina["quality_flag"].items() if f} == VIINA_FLAGS


@pytest.mark.parametrize("row, km", [(12, 54.7), (14, 29.9)])
def test_acled_distances(acled, row, km):
    assert acled.loc[row, "distance_km"] == pytest.approx(km, abs=1.0)
    assert f"{km:.1f} km from" in acled.loc[row, "quality_detail"]


def test_viina_distance_and_region(viina):
    assert viina.loc[5, "distance_km"] == pytest.approx(40.4, abs=1.0)
    assert "outside Sumska oblast" in viina.loc[6, "quality_detail"]


def test_swapped_rows_are_fixed_in_the_geometry_and_kept_in_orig(acled):
    row = acled.loc[4]
    assert (row["latitude"], row["longitude"]) == pytest.approx((48.5942, 37.9989))
    assert (row.geometry.y, row.geometry.x) == pytest.approx((48.5942, 37.9989))
    assert (row["orig_latitude"], row["orig_longitude"]) == ("37.9989", "48.5942")
    assert "swapped it is 0.0 km" in row["quality_detail"]


def test_rows_without_usable_coordinates_are_placed(acled, viina):
    zap = acled.loc[20]  # no coordinates; ACLED admin1 spelling "Zaporizhia"
    assert (
        zap["place_id"] == "gn:687700"
        and zap["resolution"] != "table"
        and zap["geo_precision"] == 1
    )
    assert zap["quality_flag"] == "" and zap.geometry is not None
    enerhodar = acled.loc[25]  # unreadable latitude: placed at the named place instead
    assert enerhodar["place_id"] == "gn:709276" and enerhodar.geometry.y == pytest.approx(
        47.49, abs=0.01
    )
    bohdanivka = acled.loc[31]
    assert bohdanivka["geo_precision"] == 3 and bohdanivka["resolution"] == "region_fallback"
    assert bohdanivka["uncertainty_m"] == 100_000
    assert (
        viina.loc[13, "place_id"] == "gn:687700" and viina.loc[13].geometry is not None
    )  # by geonameid
    assert acled.loc[29].geometry is None  # the blank row stays, unplaced


def test_clean_rows_keep_table_coordinates_and_name_their_place(acled):
    row = acled.loc[2]
    assert (
        row["resolution"] == "table"
        and row["place_id"] == "gn:713174"
        and row["admin1_code"] == "UA.05"
    )
    assert row["distance_km"] == pytest.approx(0.0, abs=0.1) and row["country"] == "UA"
    assert acled.loc[21, "distance_km"] < 2  # decimal commas read correctly


def test_every_row_kept(acled, viina):
    assert len(acled) == 31 and len(viina) == 20
    assert acled.index.tolist() == list(range(2, 33))
