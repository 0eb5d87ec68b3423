"""Regions in Ukrainian and Russian text: an oblast or raion beside settlements says where they are
(and makes no point of its own), a list of oblasts sharing one plural noun is oblasts and not
their cities, a raion alone is the raion (an abolished one the area around its town), a city's
district is the city, a microdistrict no place, an office or a resident frames the places of its
sentence, and an agglomeration or fortified area is the area around its town. Every sentence is
our own, written in the style of General Staff, ОВА and MoD posts and local shelling news."""

from __future__ import annotations

import pytest

from geo.text import cyrillic
from tests.test_mentions_uk_ru import TOLERANCE_KM, km
from tests.test_uk_ru_sitreps import point

KHARKIV = (49.982, 36.255)
DONETSK = (48.023, 37.802)
KRASNOPILLIA = (50.774, 35.256)
RUBIZHNE_CHUHUIV = (50.168, 36.828)
PIATYKHATKY_ZAPORIZHZHIA = (47.509, 35.459)
MARINKA = (47.945, 37.505)
ORIKHIV = (47.576, 35.783)
POKROVSK = (48.280, 37.177)
AVDIIVKA = (48.140, 37.750)
KUPIANSK = (49.710, 37.616)
SIVERSKODONETSK = (48.944, 38.488)


def places(rows: list[dict]) -> list[tuple[str, str | None, int | None]]:
    return [(r["location"], r["admin1"], r["geo_precision"]) for r in rows]


# -- an oblast or raion beside settlements -----------------------------------------------------


def test_an_oblast_after_v_is_the_hint_of_the_place_before_it(records):
    rows = records("Вишневое в Днепропетровской области подверглось удару дронов.")
    assert [r["location"] for r in rows] == ["Вишневое"]  # no point of the oblast's own
    assert rows[0]["admin1"] == "Dnipropetrovska oblast"  # never the Kyiv-oblast town


MAKIIVKA_SVATOVE = (49.228, 37.991)


@pytest.mark.parametrize("republic", ["Луганской Народной Республике", "ЛНР"])
def test_a_peoples_republic_after_v_is_the_hint_too(records, republic):
    """Set 67: "село Макеевку в Луганской Народной Республике" is the Svatove-raion village, also
    in a report that has named a Donetsk-oblast place (there the city of Makiivka, far larger,
    had been taken)."""
    rows = records(
        "Подразделения освободили Гродовку в ДНР.\n"
        f'Группировка войск "Запад" освободила село Макеевку в {republic}.'
    )
    makiivka = [r for r in rows if r["location"] == "Макеевку"]
    assert len(makiivka) == 1 and makiivka[0]["admin1"] == "Luhanska oblast"
    assert km(point(makiivka[0]), MAKIIVKA_SVATOVE) < TOLERANCE_KM


def test_an_oblast_in_brackets_is_the_hint_of_the_place_before_it(records):
    rows = records("Вечером противник ударил по Покровскому (Днепропетровская область).")
    assert places(rows) == [("Покровскому", "Dnipropetrovska oblast", 1)]


def test_a_russian_raion_adjective_reads_as_the_raion_not_a_village(records):
    rows = records("Обстрелу из артиллерии подверглось Краснополье Сумского района.")
    assert places(rows) == [("Краснополье", "Sumska oblast", 1)]
    assert km(point(rows[0]), KRASNOPILLIA) < TOLERANCE_KM


def test_a_raion_after_a_list_is_the_hint_of_every_member(records):
    rows = records("Ворог обстріляв Рубіжне, Кочеток та Печеніги в Чугуївському районі.")
    assert [r["location"] for r in rows] == ["Рубіжне", "Кочеток", "Печеніги"]
    assert {r["admin2"] for r in rows} == {"Chuhuivskyi raion"}
    assert km(point(rows[0]), RUBIZHNE_CHUHUIV) < TOLERANCE_KM  # not the Luhansk-oblast city


def test_a_raion_opening_the_sentence_qualifies_its_settlements(records):
    rows = records("В Чугуевском районе противник обстрелял населенный пункт Рубежное.")
    assert [r["location"] for r in rows] == ["Рубежное"]
    assert km(point(rows[0]), RUBIZHNE_CHUHUIV) < TOLERANCE_KM


ZOLOTARIVKA_LUH = (48.877, 38.273)  # by Verkhnokamianka, Sievierodonetsk raion
HULIAIPOLE = (47.664, 36.256)  # the Zaporizhzhia-oblast town; a village of the name lies in
# Dnipropetrovsk oblast, 155 km west of Pokrovske


def test_a_region_after_one_name_does_not_send_another_far_from_its_sentence(records):
    """Set 74: the oblast after "Покровського" is a soft hint of the sentence's other names, but
    Гуляйполе, 35 km from that Pokrovske, is the town there, not the Dnipropetrovsk-oblast
    village of its name that the hint alone would pick."""
    rows = records(
        "Вони розташовані вздовж логістичного шляху, який веде з Покровського "
        "Дніпропетровської області до Гуляйполя."
    )
    assert [(r["location"], r["admin1"]) for r in rows] == [
        ("Покровського", "Dnipropetrovska oblast"),
        ("Гуляйполя", "Zaporizka oblast"),
    ]
    assert km(point(rows[1]), HULIAIPOLE) < TOLERANCE_KM
    # the same soft hint may place a neighbour surely: "на донецькому напрямку" is Donetsk
    # oblast's axis, and Ivano-Darivka is there, but Zolotarivka 8 km from it lies in Luhansk
    # oblast, not the Donetsk-oblast namesake 90 km south
    rows = records(
        "На донецькому напрямку противник обстріляв околиці Івано-Дар’ївки та Золотарівки."
    )
    assert km(point(rows[-1]), ZOLOTARIVKA_LUH) < TOLERANCE_KM
    # a name its marker calls a village keeps the region's hint, by its neighbours or not
    rows = records("В Чугуевском районе противник обстрелял с. Рубежное и Малиновку.")
    assert km(point(rows[0]), RUBIZHNE_CHUHUIV) < TOLERANCE_KM


POKROVSKE_NIKOPOL = (47.552, 34.152)  # Pokrovske of Nikopol raion, Dnipropetrovsk oblast


@pytest.mark.parametrize(
    ("text", "written", "oblast", "expected"),
    [
        # set 74: the ДНР of the list after it is not Гуляйполе's oblast
        ("Российские войска взяли под контроль Степногорск в Запорожской области. Также "
         "завершено взятие Гуляйполя в той же области, а также Димитрова и Родинского в ДНР.",
         "Гуляйполя", "Zaporizka oblast", HULIAIPOLE),
        ("Обстріляли Нікополь у Дніпропетровській області. Також ворог атакував Покровське у "
         "тій самій області.", "Покровське", "Dnipropetrovska oblast", POKROVSKE_NIKOPOL),
    ],
)  # fmt: skip
def test_the_same_oblast_is_the_one_named_last(records, text, written, oblast, expected):
    """ "в той же области", "у тій самій області" after a name: the oblast the text named last
    before it, in an earlier sentence or its own."""
    (row,) = [r for r in records(text) if r["location"] == written]
    assert row["admin1"] == oblast
    assert km(point(row), expected) < TOLERANCE_KM


def test_the_same_oblast_is_no_raion_named_before(records):
    """A raion named last is no oblast for "в той же области": no hint from it."""
    text = "В Покровском районе обстреляли Гришино. Также пострадало Каменское в той же области."
    (row,) = [r for r in records(text) if r["location"] == "Каменское"]
    assert "same oblast" not in row["resolution_reason"]
    assert row["admin1"] != "Donetska oblast"


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        ("Внаслідок обстрілів у Харківському районі пошкоджені два авто та дача, в Ізюмському – "
         "прилетіло по дорозі.", "Iziumskyi raion"),
        ("У Сумській області пошкоджено будинки, в Чернігівській – лінію електропередач.",
         "Chernihivska oblast"),
    ],
)  # fmt: skip
def test_a_region_adjective_leaving_its_noun_to_an_earlier_region_is_that_region(
    records, sentence, region
):
    """ "у Харківському районі …, в Ізюмському – …": the second raion's noun is left out, and
    "Ізюмському" is Iziumskyi raion, not the village Ізюмське it also spells."""
    found = records(sentence)
    assert found[-1]["place_name"] == region
    assert found[-1]["geo_precision"] == 3


def test_an_acronym_in_capitals_is_no_case_form_of_a_village(records):
    """ "повідомили у місцевій РВА": the raion military administration, not the genitive of
    the village Рів (Vinnytsia oblast)."""
    assert records("Втім, ще понад півтори сотні досі там, повідомили у місцевій РВА.") == []
    (dnr,) = records("Обстріляли Бахмут і ДНР.")[1:]  # a name in capitals stays a name
    assert dnr["place_name"] == "Donetska oblast"


def test_an_english_region_opening_the_sentence_qualifies_its_settlements(records):
    """ "In the Chuhuiv district, …": the raion is the soft hint of the names after it and frames
    them (no record of its own), as in Ukrainian and Russian: Rubizhne is the Chuhuiv-raion
    village, not the Luhansk-oblast city; "Sosnovka" stays in Kharkiv oblast (its namesakes
    there left open), not the Lviv-oblast town size chose."""
    rows = records("In the Chuhuiv district, the enemy shelled Rubizhne.")
    assert [r["location"] for r in rows] == ["Rubizhne"]
    assert km(point(rows[0]), RUBIZHNE_CHUHUIV) < TOLERANCE_KM
    (sosnovka,) = records("In the Kharkiv region, Sosnovka was shelled.")
    assert sosnovka["admin1"] == "Kharkivska oblast"


def test_an_english_opening_region_stops_at_the_next_region(records):
    rows = records(
        "In the Kharkiv region, Russian forces shelled Kupiansk, and in the Donetsk region they "
        "attacked Bakhmut."
    )
    assert [(r["location"], r["admin1"]) for r in rows] == [
        ("Kupiansk", "Kharkivska oblast"),
        ("Donetsk region", "Donetska oblast"),
        ("Bakhmut", "Donetska oblast"),
    ]


KURSK_OBLAST = (51.71, 35.96)  # the oblast's point in the gazetteer (its villages are not)
KREMINNA = (49.05, 38.22)


def test_an_opening_region_holds_for_a_village_the_gazetteer_lacks(records):
    """ "In Russia's Kursk region, …, towards Leonidovo and Aleksandrovka": Kursk-oblast
    villages the gazetteer does not hold are the oblast, honestly at its level, not the
    Sakhalin village Leonidovo or a Donetsk-oblast Oleksandrivka; a namesake within 300 km of
    the region stays where it is ("In the Donetsk region, … Kreminna": the Luhansk town)."""
    rows = records(
        "In Russia's Kursk region, where the AFU launched an incursion in August, Russian "
        "forces seized Darino, attacking towards Leonidovo and Aleksandrovka."
    )
    assert [r["location"] for r in rows] == ["Leonidovo", "Aleksandrovka"]
    for row in rows:
        assert row["geo_precision"] == 3  # region level
        assert km(point(row), KURSK_OBLAST) < TOLERANCE_KM
    rows = records("In the Donetsk region, Russian forces attacked near Bakhmut and Kreminna.")
    kreminna = next(r for r in rows if r["location"] == "Kreminna")
    assert km(point(kreminna), KREMINNA) < TOLERANCE_KM


YAMPIL_DONETSK = (48.934, 37.943)  # the selyshche by Siversk (the Vinnytsia town is 48.24, 28.28)


def test_an_urban_type_settlement_is_no_town_far_away(records):
    """ "в посёлке Ямполь" beside Северск: the Donetsk-oblast selyshche of 2,000, not the
    Vinnytsia-oblast town of 11,000 its size would choose (a marker that says selyshche, as one
    that says village, rules out a town of 10,000 far from the document's places)."""
    rows = records(
        "ВС России продвинулись на севере Северска. По его словам, также продолжается "
        "продвижение наших войск в посёлке Ямполь."
    )
    yampil = next(r for r in rows if r["location"] == "Ямполь")
    assert km(point(yampil), YAMPIL_DONETSK) < TOLERANCE_KM


def test_an_abolished_luhansk_raion_is_in_luhansk_oblast(records):
    """ "в Троицком районе республики" (Пасечник, LPR): the Troitske raion abolished in 2020, in
    Luhansk oblast, not the Troitskiy raion of Chelyabinsk oblast."""
    rows = records(
        "Пасечник рассказал, что сложная ситуация также наблюдается в Кременной, Сватове и "
        "Троицком районе республики."
    )
    raion = next(r for r in rows if r["location"] == "Троицком районе")
    assert raion["admin1"] == "Luhanska oblast"


def test_an_oblast_before_a_list_qualifies_its_settlements(records):
    rows = records(
        "Під вогнем опинилися 9 населених пунктів Запорізької області, серед них Гуляйполе, "
        "Малокатеринівка та П'ятихатки."
    )
    assert [r["location"] for r in rows] == ["Гуляйполе", "Малокатеринівка", "П'ятихатки"]
    assert {r["admin1"] for r in rows} == {"Zaporizka oblast"}
    assert km(point(rows[-1]), PIATYKHATKY_ZAPORIZHZHIA) < TOLERANCE_KM


def test_a_place_with_no_namesake_in_the_sentences_oblast_is_resolved_without_it(records):
    rows = records("У Сумській області ворог атакував Білопілля, а ввечері вдарив по Харкову.")
    assert [(r["location"], r["admin1"]) for r in rows] == [
        ("Білопілля", "Sumska oblast"),
        ("Харкову", "Kharkivska oblast"),
    ]
    assert km(point(rows[1]), KHARKIV) < TOLERANCE_KM


def test_an_oblast_joined_to_a_town_by_and_is_a_place_of_its_own(records):
    rows = records("Під обстрілами перебували Сумська область і Харків.")
    assert places(rows) == [
        ("Сумська область", "Sumska oblast", 3),
        ("Харків", "Kharkivska oblast", 1),
    ]


def test_an_abbreviated_oblast_heading_a_sentence_qualifies_it(records):
    rows = records("ДНР: в Горловке в результате обстрела пострадал мирный житель.")
    assert places(rows) == [("Горловке", "Donetska oblast", 1)]


def test_the_oblast_of_a_sentence_beside_a_raion_hinting_one_village(records):
    rows = records("На Харківщині ворог атакував Липці, Вовчанськ та Глибоке Харківського району.")
    assert [r["location"] for r in rows] == ["Липці", "Вовчанськ", "Глибоке"]
    assert {r["admin1"] for r in rows} == {"Kharkivska oblast"}
    assert rows[-1]["admin2"] == "Kharkivskyi raion"


@pytest.mark.parametrize(
    "sentence, town, oblast",
    [
        ("Людей вывезли из Херсона в Николаевскую область.", "Kherson", "Mykolaivska oblast"),
        ("Ударний дрон летів з Сум у Полтавську область.", "Sumy", "Poltavska oblast"),
    ],
)
def test_an_oblast_whither_is_no_hint(records, sentence, town, oblast):
    """ "в/у" with the accusative is where to, not where: the town stays itself, the oblast too."""
    assert [r["place_name"] for r in records(sentence)] == [town, oblast]


def test_a_raion_and_its_oblast_are_one_record(records):
    rows = records("В Покровском районе Донецкой области погиб мирный житель.")
    assert [(r["location"], r["place_name"], r["geo_precision"]) for r in rows] == [
        ("Покровском районе", "Pokrovskyi raion", 3)
    ]


# -- lists of oblasts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, oblasts",
    [
        (
            "Ворог обстрілював населені пункти Донецької й Луганської областей.",
            ["Donetska oblast", "Luhanska oblast"],
        ),
        (
            "Бои продолжаются в Херсонской и Запорожской областях.",
            ["Khersonska oblast", "Zaporizka oblast"],
        ),
        (
            "Тривоги оголошено в Донецькій, Луганській та Запорізькій областях.",
            ["Donetska oblast", "Luhanska oblast", "Zaporizka oblast"],
        ),
        (
            "Удары наносились по объектам Донецкой и Луганской областей.",
            ["Donetska oblast", "Luhanska oblast"],
        ),
    ],
)
def test_a_list_of_oblasts_is_oblasts_never_their_cities(records, sentence, oblasts):
    rows = records(sentence)
    assert [r["place_name"] for r in rows] == oblasts
    assert {r["geo_precision"] for r in rows} == {3}


# -- raions alone --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, raion",
    [
        ("Противник нанес удар по Харьковскому району.", "Kharkivskyi raion"),
        ("Обстрелам подвергаются населенные пункты Сумского района.", "Sumskyi raion"),
        ("Ворог атакував дронами у Чугуївському районі.", "Chuhuivskyi raion"),
        ("Противник наносил удары по населенным пунктам Покровского района.", "Pokrovskyi raion"),
    ],
)
def test_a_raion_alone_is_the_raion(records, sentence, raion):
    rows = records(sentence)
    assert [(r["place_name"], r["geo_precision"]) for r in rows] == [(raion, 3)]


@pytest.mark.parametrize(
    "sentence, town",
    [
        ("Тяжелые бои продолжаются в Марьинском районе.", MARINKA),
        ("Окупанти обстріляли села Оріхівського району.", ORIKHIV),
    ],
)
def test_an_abolished_raion_alone_is_the_area_around_its_town(records, sentence, town):
    rows = records(sentence)
    assert [r["geo_precision"] for r in rows] == [2]
    assert km(point(rows[0]), town) < TOLERANCE_KM


def test_an_abolished_raion_names_the_oblast_of_its_settlements(records):
    rows = records("Ворог обстріляв Оріхівський район: постраждали Мала Токмачка та Омельник.")
    assert [(r["location"], r["admin1"]) for r in rows] == [
        ("Мала Токмачка", "Zaporizka oblast"),
        ("Омельник", "Zaporizka oblast"),
    ]


def test_a_list_of_hromadas_is_hromadas(records):
    rows = records("Під ударом були Нікопольська, Марганецька та Червоногригорівська громади.")
    hromadas = ("Nikopolska", "Marhanetska", "Chervonohryhorivska")
    for row, hromada in zip(rows, hromadas, strict=True):
        assert f"{hromada} hromada" in row["resolution_reason"]  # not Nikopol, the town
    # a hromada is its area: at most its centre as an approximate point, never the town itself
    assert all(r["latitude"] is None or r["geo_precision"] == 2 for r in rows)


def test_a_raion_after_a_hromada_tells_its_namesakes_apart(records):
    rows = records("Ворог обстріляв Краснопільську громаду Сумського району.")
    assert [r["location"] for r in rows] == ["Краснопільську громаду"]
    assert "only one in Sumskyi raion" in rows[0]["resolution_reason"]


# -- city districts and microdistricts -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, written, city",
    [
        ("Під обстріл потрапив Київський район Харкова.", "Харкова", KHARKIV),
        ("Внаслідок удару пошкоджено будинки в Основ'янському районі Харкова.", "Харкова", KHARKIV),
        ("ВСУ обстреляли Киевский район Донецка.", "Донецка", DONETSK),
        ("Снаряды разорвались в Петровском районе Донецка.", "Донецка", DONETSK),
    ],
)
def test_a_city_district_is_the_city_approximately(records, sentence, written, city):
    rows = records(sentence)
    assert [(r["location"], r["geo_precision"]) for r in rows] == [(written, 2)]
    assert km(point(rows[0]), city) < TOLERANCE_KM


def test_a_raion_before_a_village_is_its_raion_not_a_city_district(records):
    rows = records("В Бахмутском районе под огнем находились Клещеевка и Андреевка.")
    assert [(r["location"], r["admin2"], r["geo_precision"]) for r in rows] == [
        ("Клещеевка", "Bakhmutskyi raion", 1),
        ("Андреевка", "Bakhmutskyi raion", 1),
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Снаряд влучив у мікрорайон Салтівка.", "Пострадали жители микрорайона Северный."],
)
def test_a_microdistrict_is_no_settlement(records, sentence):
    assert records(sentence) == []


# -- offices, officials and residents ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, written, town",
    [
        ("Харківська ОВА повідомила про обстріл Куп'янська.", "Куп'янська", KUPIANSK),
        ("За даними Запорізької ОВА, ворог атакував Оріхів.", "Оріхів", ORIKHIV),
        ("Житель Лисичанска погиб при обстреле Северодонецка.", "Северодонецка", SIVERSKODONETSK),
        ("Об ударе по Купянску сообщил губернатор Харьковской области.", "Купянску", KUPIANSK),
    ],
)
def test_an_office_an_official_or_a_resident_frames_the_places(records, sentence, written, town):
    rows = records(sentence)
    assert [r["location"] for r in rows] == [written]
    assert km(point(rows[0]), town) < TOLERANCE_KM


def test_residents_of_a_list_of_places_frame_nothing(records):
    rows = records("Под обстрелом пострадали жители Шебекино и Грайворона.")
    assert [r["location"] for r in rows] == ["Шебекино", "Грайворона"]


def test_an_oblast_office_alone_is_its_oblast(records):
    rows = records("Харківська ОВА повідомила про нічну атаку дронів.")
    assert [(r["place_name"], r["geo_precision"]) for r in rows] == [("Kharkivska oblast", 3)]


def test_a_mayor_is_no_place(records):
    assert records("Об этом сообщили в администрации от мэра Донецка.") == []


def test_a_resident_alone_stays_the_place(records):
    rows = records("Житель Лисичанска получил ранения.")
    assert [r["location"] for r in rows] == ["Лисичанска"]


# -- agglomerations and fortified areas ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, town",
    [
        ("Бои идут на подступах к Покровско-Мирноградской агломерации.", POKROVSK),
        ("Ворог тисне на Покровську агломерацію.", POKROVSK),
        ("Российские войска продвигаются в Авдеевском укрепрайоне.", AVDIIVKA),
    ],
)
def test_an_agglomeration_or_fortified_area_is_the_area_around_its_town(records, sentence, town):
    rows = records(sentence)
    assert [r["geo_precision"] for r in rows] == [2]
    assert km(point(rows[0]), town) < TOLERANCE_KM


def test_a_fortified_area_frames_the_places_in_it(records):
    rows = records("В Авдеевском укрепрайоне освобождено Северное.")
    assert [r["location"] for r in rows] == ["Северное"]


# -- the adjective's nominative ------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, level, nominative",
    [
        ("Сумского", "raion", "Сумский"),
        ("Чугуївському", "raion", "Чугуївський"),
        ("Донецької", "oblast", "Донецька"),
        ("Херсонской", "oblast", "Херсонская"),
        ("Запорізькій", "oblast", "Запорізька"),
        ("Лиманської", "hromada", "Лиманська"),
        ("Бахмут", "raion", None),
    ],
)
def test_region_nominative(word, level, nominative):
    assert cyrillic.region_nominative(word, level) == nominative


@pytest.mark.parametrize(
    ("sentence", "oblasts"),
    [
        (
            "Зміни відзначають поблизу Зеленого Поля, яке знаходиться на стику трьох регіонів - "
            "Донецької, Запорізької та Дніпропетровської.",
            ["Donetska oblast", "Zaporizka oblast", "Dnipropetrovska oblast"],
        ),
        (
            "Обстрелы продолжаются в трех областях: Донецкой, Запорожской и Херсонской.",
            ["Donetska oblast", "Zaporizka oblast", "Khersonska oblast"],
        ),
    ],
)
def test_a_list_of_oblast_adjectives_after_their_plural_noun_is_oblasts(records, sentence, oblasts):
    """The plural noun before the list ("регіонів -", "областях:") makes each adjective an
    oblast; "Донецької" had been the city."""
    assert [r["place_name"] for r in records(sentence) if r["geo_precision"] == 3] == oblasts
    assert "Donetsk" not in {r["place_name"] for r in records(sentence)}


def test_the_areas_of_a_list_of_towns_stay_towns(records):
    """ "у районах Красногорівки та Сіверська": "районах" is "the areas of", not raions."""
    rows = records(
        "На Покровському напрямку противник 57 разів атакував позиції наших військ у районах "
        "Красногорівки та Сіверська."
    )
    siversk = [r for r in rows if r["location"] == "Сіверська"]
    assert siversk and km(point(siversk[0]), (48.865, 38.101)) < TOLERANCE_KM


def test_the_last_oblast_of_a_list_right_before_its_plural_noun(records):
    """Set 81: "неподалік кордону з Запорізькою та Донецькою областями": both oblasts; the
    last one, right before "областями", had been read as the city of Donetsk."""
    rows = records("Бої тривають на межі з Запорізькою та Донецькою областями.")
    assert places(rows) == [
        ("Запорізькою", "Zaporizka oblast", 3),
        ("Донецькою", "Donetska oblast", 3),
    ]
    assert km(point(rows[1]), DONETSK) > TOLERANCE_KM  # the oblast's centre, not the city
