"""Causes of misses and strays in the blind sets uk-g and ru-f (2026-12-07, stop 50: DeepState
and regional administrations as retold by Ukrainian media, Russian MoD copy and war
correspondents), in their sentences.

* A region named in the sentence ("на новопавлівському напрямку, що межує із Дніпропетровською
  областю") is no hint for a list whose places lie across the border: a case form whose
  nominative is a village in that region (Шевченка) is the other reading (Шевченко) beside the
  list's other places, as the list's nominatives already were.
* A region closing the last clause of a Russian MoD roundup ("«Север» освободила Лиман …,
  «Запад» — Куриловку и Кучеровку, а «Юг» взял под контроль Северск и Червоное в ДНР") says
  where that clause's places lie, not the other groups' villages: Куриловка and Кучеровка by
  Kupiansk had been left at the level of Donetsk oblast.
* "Село Степовое" after "Степовое Днепропетровской области" stays in that oblast, where ten
  villages have the name: an oblast left open is no town of 3.9 million people that a village
  marker would set aside for a village by the document's places (the Kharkiv-oblast Stepove).
* A name listed in a one-oblast report and placed over 300 km from the report's places is read
  in that oblast ("Софіївка" in a Kherson administration's list: Kherson oblast, where five
  villages have the name), not left unplaced; a lone namesake there far from the list is not
  taken (Баранівка of Bohodukhiv raion, 130 km from Kupiansk raion's evacuated villages).
* The axes of 2022–23 (Мелітопольський, Бердянський, Лисичанський, Сєвєродонецький, Ізюмський,
  Криворізький, Миколаївський напрямок and their Russian names) are areas around their towns, as
  the table's other axes are: "на Мелітопольському напрямку" had been Melitopol raion (blind set
  uk-h).
* A unit's quoted name after its noun and its army ("тактической группы ВСУ "Таврия"",
  "группировки ВСУ «Хортица»") is no site, as it is right after the noun (blind set ru-g).
* A list member that its one spelling placed 130 km from its list's other places is the
  settlement spelt like it beside them ("біля Синьківки, Глушківки, Колесниківки та
  Стельмахівки": Kharkiv oblast's Колісниківка, Колесниковка in Russian, not the Luhansk-oblast
  Колесниківка; blind set uk-h), as a one-oblast report's already was.
* Яма, Siversk's name until 1973 ("Северск (историческое название — Яма)"), is Siversk, not
  the Kyiv quarter whose old name GeoNames spells so (a curated alias).

Coordinates are those of the settlement table (``../shared/data/ua-settlements``).
"""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

SHEVCHENKO_KOMAR = (47.899, 36.676)  # Komar hromada, Donetsk oblast, 5 km from Vilne Pole
KURYLIVKA = (49.659, 37.687)  # Kupiansk raion, Kharkiv oblast
KUCHERIVKA = (49.718, 37.678)  # Kupiansk raion, Kharkiv oblast
SIVERSK = (48.865, 38.094)
KOLISNYKIVKA = (49.562, 37.715)  # Kupiansk raion, 3 km from Hlushkivka


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


def test_a_region_closing_the_last_clause_locates_that_clause_only(places):
    text = (
        "Согласно заявлению, группировка «Север» освободила Лиман на харьковском направлении, "
        "«Запад» — Куриловку и Кучеровку, а «Юг» взял под контроль Северск и Червоное в ДНР."
    )
    found = places(text)
    for name, expected in (
        ("Куриловку", KURYLIVKA),
        ("Кучеровку", KUCHERIVKA),
        ("Северск", SIVERSK),
    ):
        record = _at(found, name)
        point = (record["latitude"], record["longitude"])
        assert record["geo_precision"] == 1, record["resolution_reason"]
        assert km(point, expected) < TOLERANCE_KM, record["resolution_reason"]
    assert _at(found, "Червоное")["admin1"] == "Donetska oblast"


def test_a_region_whose_clause_names_no_place_still_frames_the_sentence(records):
    """ "…, но ВСУ сопротивляются, сообщил глава ДНР": no place of that clause for ДНР to locate;
    it frames the sentence's places as it did, and is no record of its own."""
    text = (
        "Кольцо вокруг Щербиновки на константиновском направлении продолжает сжиматься, но ВСУ "
        "сопротивляются, перебрасывают туда резервы, сообщил глава ДНР Денис Пушилин."
    )
    assert "ДНР" not in {r["location"] for r in records(text)}


def test_a_village_left_in_its_oblast_is_no_town_to_set_aside(records):
    text = (
        "Российские военнослужащие взяли под контроль села Дерилово и Майское Донецкой народной "
        "республики (ДНР), а также Степовое Днепропетровской области.\n"
        "Дерилово перешло под контроль российских сил в результате «решительных действий» "
        "подразделений группировки войск «Запад».\n"
        "Село Степовое перешло под контроль в результате действий подразделений группировки "
        "войск «Восток»."
    )
    stepove = [r for r in records(text) if r["location"] == "Степовое"]
    assert len(stepove) == 2
    assert {r["admin1"] for r in stepove} == {"Dnipropetrovska oblast"}, [
        r["resolution_reason"] for r in stepove
    ]


def test_a_far_name_in_a_one_oblast_list_is_read_in_that_oblast(records):
    text = (
        "У Херсонській області упродовж доби внаслідок російської агресії зазнали поранень "
        "троє людей.\nЗа його словами, під ворожим дроновим терором та артилерійськими "
        "обстрілами перебували Антонівка, Берегове, Берислав, Білозерка, Бургунка, Веселе, "
        "Велетенське, Дар’ївка, Зміївка, Іванівка, Кізомис, Козацьке, Комишани, Львове, "
        "Микільське, Миколаївка, Милове, Михайлівка, Новоолександрівка, Новотягинка, "
        "Новодмитрівка, Нововоронцовка, Олександрівка, Ольгівка, Осокорівка, Одрадокам'янка, "
        "Придніпровське, Саблуківка, Садове, Станіслав, Софіївка, Токарівка, Томина Балка, "
        "Тягинка, Українка, Чорнобаївка, Широка Балка і Херсон."
    )
    sofiivka = _at(records(text), "Софіївка")
    assert sofiivka["admin1"] == "Khersonska oblast", sofiivka["resolution_reason"]


def test_a_lone_namesake_far_from_a_one_oblast_list_is_not_taken(records):
    text = (
        "На Харківщині оголошена обовʼязкова евакуацію з семи сіл\n"
        "У Шевченківській громаді Куп’янського району було прийнято рішення про обов’язкову "
        "евакуацію з семи населених пунктів через зростання обстрілів з боку російських військ. "
        "Ця інформація була опублікована начальником Харківської ОВА Олегом Синєгубовим у "
        "соціальній мережі Facebook. Серед населених пунктів, які підлягають "
        "евакуації, є Баранівка, Березівка, Новомиколаївка, Сподобівка, Старовірівка, Дуванка "
        "та Федорівка."
    )
    baranivka = _at(records(text), "Баранівка")
    assert baranivka["latitude"] is None or baranivka["latitude"] < 50.0, baranivka


def test_siversk_s_old_name_is_siversk(records):
    text = "Северск (историческое название — Яма) расположен вблизи Артёмовска (Бахмута)."
    yama = _at(records(text), "Яма")
    assert km((yama["latitude"], yama["longitude"]), SIVERSK) < TOLERANCE_KM, yama


@pytest.mark.parametrize(
    ("sentence", "name", "town"),
    [
        (
            "На Мелітопольському напрямку ворог атакував 5 разів.",
            "Мелітопольському",
            (46.848, 35.367),
        ),
        ("Ворог атакував на Бердянському напрямку.", "Бердянському", (46.757, 36.788)),
        ("ВСУ атаковали на Мелитопольском направлении.", "Мелитопольском", (46.848, 35.367)),
        ("Противник атаковал на Лисичанском направлении.", "Лисичанском", (48.904, 38.442)),
        ("Ворог атакував на Ізюмському напрямку.", "Ізюмському", (49.208, 37.257)),
    ],
)
def test_axes_of_2022_and_2023_are_areas_around_their_towns(records, sentence, name, town):
    (axis,) = [r for r in records(sentence) if r["location"].startswith(name)]
    assert axis["geo_precision"] == 2, axis["resolution_reason"]
    assert km((axis["latitude"], axis["longitude"]), town) < 10.0, axis["resolution_reason"]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        (
            "Украинские военные отступили из двух населенных пунктов под Авдеевкой, сообщил в "
            'эфире телемарафона представитель тактической группы ВСУ "Таврия" Дмитрий Лиховой.',
            "Таврия",
        ),
        (
            "Ссылаясь на источники в командовании группировки ВСУ «Хортица», украинская пресса "
            "констатирует, что в районе Петровки идут бои.",
            "Хортица",
        ),
        ("Угруповання військ РФ «Дніпро» атакувало позиції біля Кринок.", "Дніпро"),
    ],
)
def test_a_unit_named_after_its_army_is_no_site(records, sentence, unit):
    found = records(sentence)
    assert found  # the sentence's place is read
    assert unit not in {r["location"] for r in found}


def test_a_far_list_member_is_the_lookalike_beside_its_list(records):
    text = (
        "На Куп'янському напрямку ворог 16 разів атакував українські оборонні рубежі, зокрема "
        "біля Синьківки, Глушківки, Колесниківки та Стельмахівки."
    )
    found = _at(records(text), "Колесниківки")
    point = (found["latitude"], found["longitude"])
    assert km(point, KOLISNYKIVKA) < TOLERANCE_KM, found["resolution_reason"]
