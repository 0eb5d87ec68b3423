"""Causes of misses and strays in the blind sets uk-g and ru-f (2026-12-07, stop 50: DeepState
and regional administrations as retold by Ukrainian media, Russian MoD copy and war
correspondents), in their sentences.

* A region named in the sentence ("на новопавлівському напрямку, що межує із Дніпропетровською
  областю") is no hint for a list whose places lie across the border: a case form whose
  nominative is a village in that region (Шевченка) is the other reading (Шевченко) beside the
  list's other places, as the list's nominatives already were.

Coordinates are those of the settlement table (``../shared/data/ua-settlements``).
"""

from __future__ import annotations

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

SHEVCHENKO_KOMAR = (47.899, 36.676)  # Komar hromada, Donetsk oblast, 5 km from Vilne Pole


def _at(records: list[dict], name: str) -> dict:
    return next(r for r in records if r["location"] == name)


def test_a_case_form_across_the_named_border_is_read_beside_its_list(places):
    text = (
        "Окупанти мали успіхи біля населеного пункту Зелений Кут на покровському напрямку та у "
        "районах Зірки, Федорівки, Шевченка, Ялти та Вільного Поля на новопавлівському "
        "напрямку, що межує із Дніпропетровською областю."
    )
    shevchenko = _at(places(text), "Шевченка")
    point = (shevchenko["latitude"], shevchenko["longitude"])
    assert km(point, SHEVCHENKO_KOMAR) < TOLERANCE_KM, shevchenko["resolution_reason"]
