"""Causes of strays read in the 2026-12-05 dev sets (30: English, 31: Ukrainian and Russian), in
sentences written here after their shape:

* a list of a city's districts before the plural noun in the dative ("по Куйбышевскому,
  Киевскому и Петровскому районам Донецка") is the city, approximately, not towns named like the
  districts (Киевский: a settlement near Moscow);
* a compass word before a later member keeps a list of oblasts one list ("eastern Donetska and
  southern Mykolaivska oblasts": two oblasts, not the city of Donetsk);
* a name before "forces", "militias" with no locative names fighters ("Donbass forces");
* a capital that arms or aid are supplied to is its government ("shells supplied to Kyiv by NATO
  countries"); a journey to it stays a place."""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

DONETSK = (48.02, 37.80)
KHARKIV = (49.99, 36.23)
KYIV = (50.45, 30.52)
BAKHMUT = (48.59, 38.00)
AVDIIVKA = (48.14, 37.75)
LYSYCHANSK = (48.91, 38.43)


@pytest.mark.parametrize(
    ("sentence", "city"),
    [
        (
            "Обстрелы велись из Авдеевки по Куйбышевскому, Киевскому и Петровскому районам "
            "Донецка.",
            DONETSK,
        ),
        ("Окупанти вдарили по Київському та Петровському районам Донецька.", DONETSK),
        ("Удари припали по Шевченківському і Салтівському районах Харкова.", KHARKIV),
    ],
)
def test_districts_listed_before_the_plural_noun_are_the_city(places, sentence, city):
    found = places(sentence)
    last = found[-1]
    assert km((last["latitude"], last["longitude"]), city) < TOLERANCE_KM
    assert last["geo_precision"] == 2  # a district of the city: the city, approximately
    for r in found:  # no town named like a district (Kievskiy near Moscow, Petrovske …)
        assert r["country"] == "UA"
        assert km((r["latitude"], r["longitude"]), city) < 60, r["place_name"]


@pytest.mark.parametrize(
    ("sentence", "oblasts"),
    [
        (
            "Eastern Donetska and southern Mykolaivska oblasts were affected by hostilities daily.",
            ["Donetska oblast", "Mykolaivska oblast"],
        ),
        (
            "Shelling hit northern Kharkiv, eastern Donetsk and southern Zaporizhzhia regions.",
            ["Kharkivska oblast", "Donetska oblast", "Zaporizka oblast"],
        ),
    ],
)
def test_a_compass_word_keeps_a_list_of_oblasts_whole(places, sentence, oblasts):
    found = places(sentence)
    assert [r["place_name"] for r in found] == oblasts
    assert all(r["geo_precision"] == 3 for r in found)


def test_a_list_of_towns_with_a_compass_word_stays_towns(places):
    found = places("Fighting raged in Bakhmut and northern Avdiivka.")
    assert [r["geo_precision"] for r in found] == [1, 1]
    assert km((found[1]["latitude"], found[1]["longitude"]), AVDIIVKA) < TOLERANCE_KM


def test_a_name_before_forces_names_fighters(places):
    found = places(
        "Shoigu said Russian troops and Donbass forces had completely seized Lisichansk, "
        "the last major city held by Ukraine in the Luhansk region."
    )
    assert "Donetska oblast" not in [r["place_name"] for r in found]
    assert km((found[0]["latitude"], found[0]["longitude"]), LYSYCHANSK) < TOLERANCE_KM


def test_forces_after_a_located_name_keep_the_place(places):
    found = places("Near Bakhmut forces repelled eleven attacks on Tuesday.")
    assert [r["place_name"] for r in found] == ["Bakhmut"]
    assert km((found[0]["latitude"], found[0]["longitude"]), BAKHMUT) < TOLERANCE_KM


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants shelled Makeevka using 155-mm shells supplied to Kyiv by NATO countries.",
        "The howitzers were delivered to Kyiv last spring, the ministry said.",
        "Germany has pledged more weapons to Kyiv.",
    ],
)
def test_a_capital_supplied_with_arms_is_its_government(places, sentence):
    assert "Kyiv" not in [r["place_name"] for r in places(sentence)]


def test_a_journey_to_a_capital_keeps_the_city(places):
    found = places("The evacuation train to Kyiv left Kramatorsk at dawn.")
    kyiv = [r for r in found if r["place_name"] == "Kyiv"]
    assert kyiv and km((kyiv[0]["latitude"], kyiv[0]["longitude"]), KYIV) < TOLERANCE_KM
