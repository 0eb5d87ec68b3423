"""Causes of misses and strays in the blind sets uk-i and ru-h (2026-12-07, stop 51: 2022's
invasion of the north and the Kharkiv counteroffensive, Zaporizhzhia and Dnipropetrovsk
administrations, Kupiansk and Borova, the Sumy border in 2025), in their sentences.

* "Краснопілля Сумської області": the oblast after a Ukrainian name in "-лля" is its hint. The
  Russian analyser, asked about a word it does not know, guessed the Ukrainian spelling a given
  name (as "Илья"), so "Сумської" was read as a surname after it and the oblast was lost
  (Krasnopillia was left unplaced among nine namesakes, or sent to Kirovohrad oblast).

Coordinates are those of the settlement table (``../shared/data/ua-settlements``).
"""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

KRASNOPILLIA_SUMY = (50.768, 35.265)  # Sumy raion, the hromada's centre


def _at(records: list[dict], name: str) -> dict:
    return next(r for r in records if r["location"] == name)


@pytest.mark.parametrize(
    "text",
    [
        "Окупанти обстріляли Краснопілля Сумської області.",
        # blind set uk-i: the General Staff's evening roundup of 2022
        "Вони обстріляли цивільну інфраструктуру в районах населених пунктів Краснопілля Сумської "
        "області, а також Тернова, Руські Тишки, Довгеньке та Нова Дмитрівка Харківської.",
    ],
)
def test_an_oblast_after_a_ukrainian_name_in_lla_is_its_hint_not_a_surname(places, text):
    row = _at(places(text), "Краснопілля")
    assert row["geo_precision"] == 1
    assert km((row["latitude"], row["longitude"]), KRASNOPILLIA_SUMY) < TOLERANCE_KM


def test_a_given_name_before_a_surname_is_still_no_place(places):
    """Guard: a given name the dictionaries know makes the capitalised word after it a surname
    ("Олена Сумська", an actress), not the oblast."""
    assert [r["place_name"] for r in places("Про це розповіла актриса Олена Сумська.")] == []
