"""The causes of strays in the blind sets uk-d and ru-c (2026-12-07, stop 48: oblast
administrations' reports, DeepState, war correspondents, Russian MoD copy and Russian-language
Ukrainian outlets), in their sentences or sentences written like them.

* A region across a border ("недалеко від адміністративного кордону з Луганською областю",
  "у границы с Луганской областью"), and every region listed with it, says where the sentence's
  places are not: it is no hint.
* No place: a name given in quotes ("котрі вони гордо назвали «Масква»"), a speaker after a verb
  in the present tense ("- резюмирует Мирошников."), a surname's genitive that spells a town
  ("«линии Суровикина»"), the adjective of a starosta district ("Біловодського
  старостинського округу").
* A village its marker names ("у села Запорожье"), far from a city of its name, is the village
  twice as near the document's places as any other namesake.
* A pair of namesakes is chosen as a pair: a name's place so far stays among the options a
  cluster tries.
* A name and its case form that the store files under two romanisations ("Колесниковка",
  "Колесниковки") are one name for the document: its neighbours decide both.

Coordinates are those of the settlement table (``../shared/data/ua-settlements``).
"""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

ZAPORIZHZHIA_VILLAGE = (48.104, 36.993)  # Hrodivka hromada, Pokrovsk raion; 14 namesakes
KOLISNYKIVKA_KUPIANSK = (49.562, 37.715)  # Kupiansk raion; three namesakes elsewhere
KYSLIVKA_KUPIANSK = (49.641, 37.908)  # the other Kyslivka lies in Kyiv oblast
IVANIVKA_PETROPAVLIVKA = (49.662, 37.887)  # Petropavlivka hromada; 126 namesakes


def _point(record: dict) -> tuple[float, float]:
    return record["latitude"], record["longitude"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Іванівка розташована на південний схід від Куп'янська, за 21 км від міста, недалеко від "
        "адміністративного кордону з Луганською областю.",
        "Ивановка расположена юго-восточнее Купянска, недалеко от административной границы с "
        "Луганской областью.",
    ],
)
def test_a_region_across_a_border_is_no_hint(places, sentence):
    """Ivanivka and Kupiansk lie in Kharkiv oblast: the oblast across the border had sent
    Ivanivka to one of Luhansk oblast's namesakes."""
    found = {r["location"]: r for r in places(sentence)}
    ivanivka = next(r for name, r in found.items() if name.startswith("Иван") or "Іван" in name)
    assert ivanivka["admin1"] != "Luhanska oblast", ivanivka["resolution_reason"]
    kupiansk = next(r for name, r in found.items() if name.startswith("Куп"))
    assert "not in the region its sentence names" not in kupiansk["resolution_reason"]


def test_every_region_of_a_list_across_a_border_is_no_hint(records):
    """ "кордону з Луганською та Донецькою областями": the second oblast of the list is across
    the border too; it had placed Ivanivka in Donetsk oblast. Both oblasts stay records."""
    found = {
        r["location"]: r
        for r in records(
            "Іванівка розташована неподалік кордону з Луганською та Донецькою областями."
        )
    }
    assert found["Іванівка"]["admin1"] not in ("Luhanska oblast", "Donetska oblast")
    assert found["Донецькою"]["admin1"] == "Donetska oblast"


def test_a_region_named_after_a_place_is_still_its_hint(places):
    """The guard: an oblast right after a name, without a border, places it there."""
    found = places("Ворог обстріляв Іванівку Луганської області.")
    assert len(found) == 1 and found[0]["admin1"] == "Luhanska oblast"


@pytest.mark.parametrize(
    ("sentence", "not_places", "kept"),
    [
        (
            "Захоплення потужних укріпрайонів, котрі вони гордо назвали «Масква», «Омск» й "
            "«Пітєр», дало змогу розгорнути контрнаступ на Балаклію та Ізюм.",
            {"Масква"},
            ["Balakliya", "Izyum"],
        ),
        (
            '"Теперь орки имеют контроль над господствующими высотами", - резюмирует Мирошников. '
            "– «В сторону Колесниковки остается около 6 км зеленки.",
            {"Мирошников"},
            [],
        ),
        (
            "Украинская армия выходит на первые рубежи «линии Суровикина» под Старомлыновкой.",
            {"Суровикина"},
            ["Staromlynivka"],
        ),
        (
            "У Хотінській громаді евакуювали майже всіх мешканців Біловодського старостинського "
            "округу.",
            {"Біловодського"},
            [],
        ),
    ],
)
def test_words_that_name_no_place_here(records, sentence, not_places, kept):
    """A name given in quotes, a speaker, a surname's genitive, a starosta district's adjective:
    no record, placed or not; the sentence's places stay (``kept``)."""
    found = records(sentence)
    assert not {r["location"] for r in found} & not_places, found
    assert [r["place_name"] for r in found if r["place_name"]] == kept


def test_a_village_its_marker_names_is_the_namesake_nearest_its_neighbours(places):
    """Of the 14 villages named Zaporizhzhia, two lie within 40 km of Nadiivka and Andriivka:
    the one 5 km from Nadiivka, not the one 20 km from Andriivka, and not the city of 710,000,
    140 km off."""
    found = places(
        "Российские войска развивают наступление у села Запорожье и одновременно продвигаются "
        "на участках вблизи Успеновки, Надеждинки и Андреевки."
    )
    village = next(r for r in found if r["location"] == "Запорожье")
    assert km(_point(village), ZAPORIZHZHIA_VILLAGE) <= TOLERANCE_KM


def test_a_name_and_its_case_form_filed_apart_are_one_name(places):
    """ "Колесниковка" (filed under "kolesnikovka") and "Колесниковки" (under "kolesnykovka"):
    the genitive's neighbours decide the nominative, which nothing in its own sentence told
    apart from a namesake 38 km off."""
    found = places(
        "На купянском направлении войска РФ оккупировали село Песчаное. «Если село захвачено, "
        "то до перерезания группировки ВСУ останется поле и Колесниковка», – констатирует "
        "DeepState. Враг охватил Песчаное и прорвался западнее села в сторону Колесниковки."
    )
    named = [r for r in found if r["location"].startswith("Колесниковк")]
    assert len(named) == 2
    for r in named:
        assert r["geo_precision"] == 1
        assert km(_point(r), KOLISNYKIVKA_KUPIANSK) <= TOLERANCE_KM


def test_a_pair_of_namesakes_is_chosen_as_a_pair(places):
    """ "атакували Кислівку та Іванівку": the Ivanivka 3 km from the Kupiansk-raion Kyslivka
    had been crowded out of the 48 namesakes a cluster tries (of 127), so the cluster took the
    Kyiv-oblast Kyslivka beside another Ivanivka while Ivanivka kept the Kharkiv one, 500 km
    apart. A name's place so far stays among its options (found checking the border rule)."""
    found = {r["location"]: _point(r) for r in places("Росіяни атакували Кислівку та Іванівку.")}
    assert km(found["Кислівку"], KYSLIVKA_KUPIANSK) <= TOLERANCE_KM
    assert km(found["Іванівку"], IVANIVKA_PETROPAVLIVKA) <= TOLERANCE_KM
