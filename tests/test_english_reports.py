"""Causes the English real-text measure (docs/development.md, "Place accuracy on real text")
showed, in sentences of the same patterns written here: function words read as places, a
claimant's acronym read as a place, and press spellings the gazetteer lacked."""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km


@pytest.mark.parametrize(
    "sentence",
    [
        "The region came under heavy shelling overnight, officials said.",
        "Many villages along the river were left without power.",
        "ISW said Russian forces were regrouping after the failed assault.",
    ],
)
def test_function_words_and_a_claimants_acronym_are_no_places(records, sentence):
    assert [r["place_name"] for r in records(sentence)] == []


def test_a_common_word_is_still_a_place_when_the_text_says_so(records):
    (row,) = [r for r in records("Shells hit the village of Many overnight.") if r["place_name"]]
    assert row["place_name"] == "Mani"


@pytest.mark.parametrize(
    ("sentence", "written", "where"),
    [
        ("Russian troops attacked Hulyaipole from the east.", "Hulyaipole", (47.664, 36.256)),
        ("Heavy fighting was reported in Girnyk on Tuesday.", "Girnyk", (48.050, 37.367)),
        ("Shelling damaged homes in Orikhov overnight.", "Orikhov", (47.568, 35.785)),
    ],
)
def test_press_spellings_reach_the_town(records, sentence, written, where):
    (row,) = [r for r in records(sentence) if r["location"] == written]
    assert km((row["latitude"], row["longitude"]), where) < TOLERANCE_KM


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia recognised the so-called republics of Donetsk and Luhansk in February 2022.",
        "Russia recognised the people's republics of Donetsk and Luhansk.",
        "Putin annexed the Donetsk and Luhansk People’s Republics in September.",
    ],
)
def test_the_two_republics_are_the_two_oblasts_not_their_capitals(records, sentence):
    rows = [r for r in records(sentence) if r["place_name"]]
    assert sorted(r["place_name"] for r in rows) == ["Donetska oblast", "Luhanska oblast"]
    assert {r["geo_precision"] for r in rows} == {3}


def test_a_republic_after_a_town_only_says_where_the_town_is(records):
    rows = [r for r in records("Shelling hit Horlivka in the Donetsk People's Republic.")]
    assert [r["place_name"] for r in rows] == ["Horlivka"]
    assert km((rows[0]["latitude"], rows[0]["longitude"]), (48.30, 38.05)) < TOLERANCE_KM


@pytest.mark.parametrize(
    ("sentence", "site", "where", "axis_town"),
    [
        (  # the axis still tells the namesakes apart: the Petropavlivka east of Kupiansk
            "In the Kupiansk direction, Ukrainian forces repelled an attack near Petropavlivka.",
            "Petropavlivka",
            (49.721, 37.709),
            "Kupiansk",
        ),
        (
            "Fighting continues near Klishchiivka in the Kramatorsk direction.",
            "Klishchiivka",
            (48.540, 37.960),
            "Kramatorsk",  # the axis after the place
        ),
        (
            "На Покровському напрямку ворог 39 разів атакував позиції біля Мирнограда.",
            "Мирнограда",
            (48.300, 37.262),
            "Покровському напрямку",
        ),
    ],
)
def test_an_axis_named_with_a_settlement_only_frames_it(records, sentence, site, where, axis_town):
    rows = records(sentence)
    assert [r["location"] for r in rows] == [site]  # no point at the axis town
    assert f"axis: {axis_town}" in rows[0]["resolution_reason"]
    assert km((rows[0]["latitude"], rows[0]["longitude"]), where) < TOLERANCE_KM


@pytest.mark.parametrize(
    ("sentence", "axis", "where"),
    [
        (
            "In the Pokrovsk direction, the enemy attempted four times to breach the defence.",
            "Pokrovsk",
            (48.283, 37.176),
        ),
        (
            "Troops repelled counterattacks in the Kupyansk direction and near Krasny Liman.",
            "Kupyansk",
            (49.711, 37.617),
        ),
    ],
)
def test_an_axis_alone_or_joined_by_and_stays_a_place_of_the_claim(records, sentence, axis, where):
    (row,) = [r for r in records(sentence) if r["location"] == axis]
    assert row["geo_precision"] == 2  # an area around the town, not the town
    assert km((row["latitude"], row["longitude"]), where) < TOLERANCE_KM


@pytest.mark.parametrize(
    ("sentence", "site", "where"),
    [
        (
            "Kharkiv regional governor Oleh Syniehubov said Kupiansk was shelled overnight.",
            "Kupiansk",
            (49.711, 37.617),
        ),
        (
            "Zaporizhzhia Oblast Governor Ivan Fedorov said Orikhiv came under fire.",
            "Orikhiv",
            (47.568, 35.785),
        ),
        (
            "Russian troops shelled Kupiansk, the Kharkiv regional military administration said.",
            "Kupiansk",
            (49.711, 37.617),
        ),
    ],
)
def test_an_officials_jurisdiction_is_no_site_of_the_places_they_report(
    records, sentence, site, where
):
    rows = records(sentence)
    assert [r["location"] for r in rows] == [site]  # no point at Kharkiv or the oblast
    assert km((rows[0]["latitude"], rows[0]["longitude"]), where) < TOLERANCE_KM


@pytest.mark.parametrize(
    ("sentence", "where"),
    [
        ("Kherson city council said the city was shelled 40 times.", (46.636, 32.617)),
        ("A missile hit the Mykolaiv regional administration building.", (46.966, 31.998)),
    ],
)
def test_a_jurisdiction_alone_or_an_offices_building_is_the_site(records, sentence, where):
    (row,) = records(sentence)
    assert km((row["latitude"], row["longitude"]), where) < TOLERANCE_KM
