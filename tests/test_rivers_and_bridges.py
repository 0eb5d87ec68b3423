"""Rivers and bridges named like settlements: "crossed the Dnipro" and "форсировать Днепр" are
the river, "у Антоновского моста" a bridge, none a town or village of the name; the city stays
the city where English writes it without "the" or with a city word after it."""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

DNIPRO_CITY = (48.45, 35.05)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ukrainian marines crossed the Dnipro near Krynky.", ["Krynky"]),
        ("Ukrainian forces pushed Russian troops back across the Oskil near Kupiansk.",
         ["Kupiansk"]),
        ("Российские войска пытаются форсировать Днепр у Антоновского моста.", []),
        ("ЗСУ форсували Дніпро біля Кринок.", ["Кринок"]),
        ("Удар по Крымскому мосту нанесли ночью.", []),
    ],
)  # fmt: skip
def test_rivers_and_bridges_are_no_settlements(places, sentence, expected):
    assert [r["location"] for r in places(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian drones struck Dnipro overnight.",
        "The Dnipro city council said two people died.",
    ],
)
def test_rivers_and_bridges_leave_the_city_its_name(places, sentence):
    found = places(sentence)
    assert [r["location"] for r in found] == ["Dnipro"]
    assert km((found[0]["latitude"], found[0]["longitude"]), DNIPRO_CITY) <= TOLERANCE_KM
