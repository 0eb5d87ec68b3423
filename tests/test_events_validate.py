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
}
VIINA_FLAGS = {
    4: "swapped_latlon",  # Lyman
    5: "far_from_named_place",  # Kreminna with Svatove's coordinates
    6: "outside_admin1",  # Kharkiv named in Sumska oblast
    19: "bad_date",
}


def test_acled_flags_row_by_row(acled):
    assert {r: f for r, f in acled["quality_flag"].items() if f} == ACLED_FLAGS
    assert flag_counts(acled.reset_index())["ok"] == 31 - len(ACLED_FLAGS)


def test_viina_flags_row_by_row(viina):
    assert {r: f for r, f in viina["quality_flag"].items() if f} == VIINA_FLAGS


# km beyond the named town's extent (Vuhledar 54.7 km from its centre point, extent 1.6 km;
# Siversk 29.9 km, extent 1.4 km): see test_a_city_point_away_from_the_centre_is_not_far
@pytest.mark.parametrize("row, km", [(12, 53.1), (14, 28.5)])
def test_acled_distances(acled, row, km):
    assert acled.loc[row, "distance_km"] == pytest.approx(km, abs=1.0)
    assert f"{km:.1f} km beyond" in acled.loc[row, "quality_detail"]


def test_viina_distance_and_region(viina):
    assert viina.loc[5, "distance_km"] == pytest.approx(38.6, abs=1.0)  # 40.4 − Kreminna's 1.8
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


def test_check_status_tells_defects_from_rows_that_cannot_be_checked(acled):
    """A flag is a suspected defect; an unknown place is not a defect of the row."""
    assert acled.loc[2, "check_status"] == "verified"  # Bakhmut, its own point
    assert acled.loc[4, "check_status"] == "flagged"  # swapped
    assert acled.loc[7, "check_status"] == "verified"  # Klishchiivka: every settlement is known
    assert acled.loc[31, "check_status"] == "placed"  # no point: placed by the gazetteer
    statuses = set(acled["check_status"])
    assert statuses <= {"verified", "placed", "flagged", "unverified"}


def test_unknown_place_is_unverified_not_flagged(tmp_path, resolver):
    path = tmp_path / "events.csv"
    path.write_text(
        "event_id,event_date,location,admin1,latitude,longitude\n"
        "e1,2024-05-01,Zarichkove,Donetsk Oblast,48.3,37.6\n"
        "e2,2024-05-01,Pokrovsk,Atlantis Oblast,48.2831,37.1791\n",
        encoding="utf-8",
    )
    checked = validate_events(load_events(path, "generic"), resolver).set_index("event_id")
    assert (
        checked.loc["e1", "quality_flag"] == ""
        and checked.loc["e1", "check_status"] == "unverified"
    )
    assert "'Zarichkove' not in the gazetteer" in checked.loc["e1", "check_detail"]
    assert checked.loc["e2", "check_status"] == "unverified"
    assert "admin1 'Atlantis Oblast' matches no region" in checked.loc["e2", "check_detail"]


def test_a_row_with_no_place_is_flagged_not_placed(tmp_path, resolver):
    """A short ACLED row (no admin1, location or coordinates) and a VIINA row with a blank
    asciiname and coordinates have no point: they were check_status "placed" with no flag."""
    acled = tmp_path / "acled.csv"
    acled.write_text(
        "event_id_cnty,event_date,sub_event_type,event_type,actor1,admin1,location,latitude,"
        "longitude,source,notes,fatalities,country\n"
        "A1,20 March 2023,Armed clash,Battles,Wagner,Donetsk,Bakhmut,,,Src,no coords,0,Ukraine\n"
        "A9,20 March 2023,Armed clash,Battles,Wagner\n",
        encoding="utf-8",
    )
    viina = tmp_path / "viina.csv"
    viina.write_text(
        "event_id,date,geonameid,asciiname,ADM1_NAME,longitude,latitude,GEO_PRECISION,text,source\n"
        '4,20230320,99999999999999999999999,,,,,,"huge id",pravda\n',
        encoding="utf-8",
    )
    rows = validate_events(load_events(acled), resolver).set_index("event_id")
    assert rows.loc["A1", "check_status"] == "placed" and rows.loc["A1", "geometry"] is not None
    a9 = rows.loc["A9"]
    assert a9["geometry"] is None and a9["quality_flag"] == "no_place"
    assert a9["check_status"] == "flagged"
    assert a9["quality_detail"] == "no usable coordinates and no place name"
    row = validate_events(load_events(viina), resolver).iloc[0]
    assert row["geometry"] is None and row["quality_flag"] == "no_place"
    assert row["check_status"] == "flagged"


def test_an_unknown_place_without_coordinates_is_flagged_no_place(tmp_path, resolver):
    path = tmp_path / "events.csv"
    path.write_text(
        "event_id,event_date,location,latitude,longitude\ne1,2024-05-01,Zarichkove,,\n",
        encoding="utf-8",
    )
    row = validate_events(load_events(path, "generic"), resolver).iloc[0]
    assert row["geometry"] is None and row["check_status"] == "flagged"
    assert row["quality_detail"].startswith("no usable coordinates and 'Zarichkove' not placed")
    assert "'Zarichkove' not in the gazetteer" in row["check_detail"]


@pytest.mark.parametrize(
    ("location", "lat", "lon", "flagged"),
    [  # points geolocated inside the city, 11–15 km from its GeoNames centre point
        ("Mariupol", 47.0120, 37.4400, False),  # 450,000 people: extent about 8.5 km
        ("Donetsk", 48.1076, 37.9050, False),  # 900,000 people: about 12 km
        ("Mykolaiv", 46.8800, 31.9000, False),  # 480,000: about 8.7 km
        ("Robotyne", 47.5500, 35.8341, True),  # a village of 480: 11.5 km off is far
    ],
)
def test_a_city_point_away_from_the_centre_is_not_far(
    tmp_path, resolver, location, lat, lon, flagged
):
    path = tmp_path / "events.csv"
    path.write_text(
        f"event_id,event_date,location,latitude,longitude\ne1,2024-05-01,{location},{lat},{lon}\n",
        encoding="utf-8",
    )
    row = validate_events(load_events(path, "generic"), resolver).iloc[0]
    assert ("far_from_named_place" in row["quality_flag"]) is flagged, row["quality_detail"]
