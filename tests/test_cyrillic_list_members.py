"""Members of a Cyrillic list the scanner does not know by name: joined by "и", "і", "та" as by
commas, a spelling the store has only in Latin ("Кондрашовка": GeoNames' Kondrashovka, the
village Кіндрашівка) is a place, as its list says, but weak evidence: far from its list it is
looked for again in the list's oblast. Names of people and of raions, hromadas and districts in
such lists are no settlements. Read from dev-set misses (2026-12-05)."""

from __future__ import annotations

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

STROIVKA = (50.043, 37.878)  # Строївка, Kupiansk raion (the other lies in Chernihiv oblast)
KINDRASHIVKA = (49.762, 37.584)


def test_cyrillic_list_members_joined_by_a_conjunction_share_their_region(places):
    """ "Строевка и Кондрашовка Харьковской области": the region after the list decides
    Строевка's namesake, and Кондрашовка, spelled only in Latin in the store, is Кіндрашівка."""
    found = places(
        "В результате решительных действий подразделений группировки войск Запад освобождены "
        "населенные пункты Строевка и Кондрашовка Харьковской области, следует из сообщения "
        "военного ведомства."
    )
    by_text = {r["location"]: r for r in found}
    assert set(by_text) == {"Строевка", "Кондрашовка"}
    for text, expected in (("Строевка", STROIVKA), ("Кондрашовка", KINDRASHIVKA)):
        record = by_text[text]
        assert km((record["latitude"], record["longitude"]), expected) <= TOLERANCE_KM
    assert "only in Latin" in by_text["Кондрашовка"]["resolution_reason"]


def test_a_list_of_krasnopillia_villages_places_its_okop_among_them(places):
    """ "Окоп" in a list of Krasnopillia villages (Sumy oblast): once only a Poltava-oblast
    Okip's Latin alternate, now the Russian name of every Окіп (gazetteer/ru_irregular.csv), so
    the list's places choose the Okip of Sumy raion among six; Высокое stays the Sumy village."""
    found = places(
        "Это почти половина сел и поселков громады: Новодмитровка, Рясное, Грабовское, Высокое, "
        "Мезеновка, Майское, Славгород, Порозок, Верхняя Пожня, Новоалександровка, Лесное, "
        "Земляное, Наумовка, Михайловка, Михайловское, Петрушевка, Окоп, а также поселков "
        "Угроиды и Краснополье."
    )
    assert {r["admin1"] for r in found} == {"Sumska oblast"}
    okop = next(r for r in found if r["location"] == "Окоп")
    assert okop["geo_precision"] == 1
    assert km((okop["latitude"], okop["longitude"]), (50.848, 35.288)) < TOLERANCE_KM
    assert any(r["location"] == "Высокое" and r["geo_precision"] == 1 for r in found)


def test_cyrillic_list_members_that_are_no_settlements(records):
    """A district's adjective with its noun ahead, a surname the dictionaries know, a given name
    with a surname after it: no record, though each is a capitalised word listed with a place."""
    texts = {
        "Тем временем в Макеевке под прицельный огонь ВСУ попали Кировский и Червоногвардейский "
        "районы.": "Червоногвардейский",
        "После 14 часов также одиночные выстрелы были по Сумам и Белопольской громаде.": (
            "Белопольской"
        ),
        "За словами речника Сил оборони Півдня Владислава Волошина, Гуляйпільський напрямок та "
        "Оріхів залишаються найгарячішими.": "Волошина",
        "Обстрелы продолжаются в Херсоне и Наталья Петрова сообщила о разрушениях.": "Наталья",
    }
    for text, word in texts.items():
        assert word not in [r["location"] for r in records(text)], text


def test_cyrillic_list_members_unknown_after_a_conjunction_are_kept(records):
    """An unknown village joined to a known one by "та" is kept, unplaced, with the reason
    (before, only a comma joined unknown names to a list)."""
    found = records("Крім того, загарбники завдали авіаударів в районі Малої Токмачки та Трясунів.")
    unknown = [r for r in found if r["location"] == "Трясунів"]
    assert len(unknown) == 1 and unknown[0]["latitude"] is None
