"""The causes of misses and strays in the blind sets of 2026-12-07 (stop 47: Ukrainian front
reporting, oblast administrations' shelling reports, Russian MoD and media copy), in their
sentences or sentences written like them.

* Hromadas listed by their kind ("Юнаківської, Миропільської та Миколаївської сільських
  територіальних громад") are hromadas, each at its centre, not Mykolaiv oblast; the hromadas of
  one sentence that lie in one oblast read their namesakes there.
* A genitive plural a village of another oblast spells as its nominative ("східніше Тернів
  Донецької області") is read as the name the oblast after it holds.
* "в направлении Покровского" is towards the village Покровское, not the Pokrovsk axis; a name
  a direction is given from ("севернее Вербового") whose namesakes nothing told apart is
  chosen with the places beside it (Олексіївка and Вербове of Dnipropetrovsk oblast, 5 km
  apart, among six and five namesakes there).
* A sentence of two lists, one per axis, clusters each list's namesakes with that list's places:
  Григорівку of "наступали на Білогорівку, Григорівку, Верхньокам’янське; на Бахмутському – на
  Новолуганське, Спірне, Вершину" is the one 5 km from Bilohorivka, not the one of Chasiv Yar
  hromada between the two lists.
* No place: a capital as the agent of a participle ("назначенной Киевом"), the common words
  "Машина" and "Чому", a quoted title with a number ("в ефірі «Київ 24»"), city districts listed
  after a colon ("мікрорайони: Шевченко, Південний, Леваневського").

Coordinates are those of the settlement table (``../shared/data/ua-settlements``).
"""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

BILOPILLIA = (51.150, 34.303)
VOROZHBA = (51.171, 34.229)
KRASNOPILLIA_SUMY = (50.768, 35.265)  # the Krasnopilska hromadas of Zhytomyr and Kharkiv too
KHOTIN_SUMY = (51.080, 34.770)  # Khotyn of Chernivtsi oblast spells its hromada alike
YUNAKIVKA = (51.119, 35.037)
MYROPILLIA = (51.025, 35.262)
TERNY_DONETSK = (49.097, 37.966)  # "Тернів" is also the nominative of a Lviv-oblast village
KYIV = (50.450, 30.524)
POKROVSK = (48.283, 37.179)
OLEKSIIVKA_POKROVSKE = (47.919, 36.397)  # Pokrovske hromada, Dnipropetrovsk oblast
VERBOVE_POKROVSKE = (47.876, 36.387)
HRYHORIVKA_SIVERSK = (48.926, 38.185)  # Siversk hromada; Chasiv Yar hromada has one too


def _points(found: list[dict]) -> dict[str, tuple[float, float]]:
    """Each record's mention and point (one record a mention)."""
    assert len({r["location"] for r in found}) == len(found), [r["location"] for r in found]
    return {r["location"]: (r["latitude"], r["longitude"]) for r in found}


@pytest.mark.parametrize(
    ("sentence", "expected", "km_off"),
    [
        # the plural kind words between the list's last member and its noun no longer hide the
        # list; Mykolaivska, one of two hromadas of Sumy raion, is not Mykolaiv oblast
        (
            "Обстріляли території Юнаківської, Миропільської та Миколаївської сільських "
            "територіальних громад.",
            {"Юнаківської": YUNAKIVKA, "Миропільської": MYROPILLIA, "Миколаївської": YUNAKIVKA},
            {"Миколаївської": 60.0},
        ),
        # Krasnopilska and Khotinska (hromadas of other oblasts bear the names) are read in
        # Sumy oblast, where the sentence's other hromadas lie, though they form a list of their
        # own
        (
            "Це стосується Білопільської та Ворожбянської міських територіальних громад, "
            "Краснопільської та Хотінської селищних територіальних громад.",
            {
                "Білопільської": BILOPILLIA,
                "Ворожбянської": VOROZHBA,
                "Краснопільської": KRASNOPILLIA_SUMY,
                "Хотінської": KHOTIN_SUMY,
            },
            {},
        ),
    ],
)
def test_hromadas_listed_by_their_kind_are_hromadas_at_their_centres(
    places, sentence, expected, km_off
):
    found = _points(places(sentence))
    assert set(found) == set(expected)
    for name, point in expected.items():
        assert km(found[name], point) <= km_off.get(name, TOLERANCE_KM), name


def test_hromadas_of_two_oblasts_in_one_sentence_stay_open(places):
    """Hromadas of two oblasts in one sentence decide no namesake: Khotinska (of Sumy and of
    Chernivtsi oblast) stays open rather than taking either oblast."""
    found = places("Обстріляли Нікопольську громаду, Білопільську громаду та Хотінську громаду.")
    assert sorted(r["location"] for r in found) == ["Білопільську громаду", "Нікопольську громаду"]


def test_a_genitive_plural_is_read_by_the_oblast_after_it(places):
    found = places("На Лиманському відбили атаку росіян східніше Тернів Донецької області.")
    assert len(found) == 1
    assert found[0]["geo_precision"] <= 2
    assert km((found[0]["latitude"], found[0]["longitude"]), TERNY_DONETSK) <= TOLERANCE_KM


@pytest.mark.parametrize(
    "sentence",
    [
        "Об этом заявил глава местной военной администрации, назначенной Киевом, Вадим Филашкин.",
        "Глава администрации, назначенной Москвой, сообщил о восстановлении сети.",
        "Голова адміністрації, призначеної Москвою, заявив про евакуацію.",
        "Машина ГСЧС с водой буквально на 10 секунд разминулась с «прилетом».",
        "Чому ЗСУ відійшли?",
        'Про це в ефірі "Київ 24" повідомив заступник голови районної ради.',
        "Про це в ефірі «Київ 24» повідомив заступник голови районної ради.",
        "Ми контролюємо такі мікрорайони: Шевченко, Південний, Леваневського (Цех № 2).",
        # set ru-b: a street after the plural noun
        "Осталось пара километров до южных окраин – улиц Юбилейная и Шоссейная.",
    ],
)
def test_words_that_name_no_place_here(places, sentence):
    """A capital as the agent of "appointed by", the common words "Машина" and "Чому", a TV
    channel's numbered name, city districts listed after a colon, streets after "улиц": no
    record places them."""
    assert [r["location"] for r in places(sentence)] == []


@pytest.mark.parametrize(
    "sentence",
    ["Бои идут под Киевом.", "Ракета влучила в телецентр у Києві."],
)
def test_the_capital_after_a_preposition_stays_a_place(places, sentence):
    found = places(sentence)
    assert len(found) == 1
    assert km((found[0]["latitude"], found[0]["longitude"]), KYIV) <= 15


def test_towards_a_village_is_no_axis(places):
    """ "в направлении Покровского" names the village Покровское as a heading: no axis record
    at Pokrovsk (an axis is "на Покровском направлении")."""
    found = places("Россияне наступают в направлении Покровского и Вербового.")
    assert all(
        km((r["latitude"], r["longitude"]), POKROVSK) > 30 for r in found if r["latitude"]
    ), [(r["location"], r["place_name"]) for r in found]
    axis = places("Бои идут на Покровском направлении.")
    assert len(axis) == 1 and km((axis[0]["latitude"], axis[0]["longitude"]), POKROVSK) <= 5


@pytest.mark.parametrize(
    "sentence",
    [
        "Россияне зашли в Алексеевку Днепропетровской области, расположенную севернее Вербового.",
        "По информации канала, используя туман, россияне зашли в Алексеевку (Днепропетровской "
        "области), расположенную севернее Вербового в направлении Покровского.",
    ],
)
def test_a_name_a_direction_is_given_from_is_chosen_with_its_neighbour(places, sentence):
    found = _points([r for r in places(sentence) if r["location"] != "Покровского"])
    assert km(found["Алексеевку"], OLEKSIIVKA_POKROVSKE) <= TOLERANCE_KM
    assert km(found["Вербового"], VERBOVE_POKROVSKE) <= TOLERANCE_KM


def test_each_list_of_a_sentence_clusters_its_own_namesakes(places):
    found = _points(
        places(
            "Окупанти безуспішно наступали на Білогорівку, Григорівку, Верхньокам’янське; на "
            "Бахмутському – на Новолуганське, Спірне, Вершину."
        )
    )
    assert km(found["Григорівку"], HRYHORIVKA_SIVERSK) <= TOLERANCE_KM


def test_a_bylines_author_is_no_place(records):
    """ "Александр Дремлюгин, Симферополь" (set ru-b): a surname the gazetteer lacks after a
    given name is the author, not an unknown village the town after it would place in Crimea."""
    assert [r["location"] for r in records("Александр Дремлюгин, Симферополь")] == ["Симферополь"]
