"""The town of an official's title ("мэр Энергодара", "голови МВА Херсона", "the mayor of
Enerhodar"): the place of the claim when its sentence names no other, a frame when it does, and
nothing when the sentence only credits the one before ("Про це повідомив …"). Read from dev-set
misses (2026-12-05): a mayor reporting a strike on his town names no other place."""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

ENERHODAR = (47.50, 34.66)
KHERSON = (46.64, 32.61)
MYKOLAIV = (46.97, 32.00)
DONETSK = (48.02, 37.80)
KHARKIV = (49.99, 36.23)


@pytest.mark.parametrize(
    ("sentence", "town"),
    [
        ("Мэр Энергодара Максим Пухов сообщил, что ВСУ атаковали беспилотником Центр творчества.",
         ENERHODAR),
        ("Начальник МВА Херсона Роман Мрочко сообщил о 12 обстрелах города.", KHERSON),
        ("При этом, по данным главы ГВА Николаева Александра Сенкевича, взрывы на территории "
         "города не зафиксированы.", MYKOLAIV),
        ("Мэр Донецка сообщил об обстреле.", DONETSK),
        ("Міський голова Харкова Ігор Терехов повідомив про влучання в житловий будинок.",
         KHARKIV),
        ("The mayor of Enerhodar said a drone struck a youth centre.", ENERHODAR),
        ("The mayor of Kharkiv Ihor Terekhov said the city was shelled overnight.", KHARKIV),
    ],
)  # fmt: skip
def test_official_towns_alone_are_the_place(places, sentence, town):
    found = places(sentence)
    assert len(found) == 1, found
    record = found[0]
    assert record["geo_precision"] == 1
    assert km((record["latitude"], record["longitude"]), town) <= TOLERANCE_KM
    assert "the town of an official's title" in record["resolution_reason"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Мэр Мелитополя Иван Федоров сообщил, что оккупанты обстреляли Васильевку.",
         ["Васильевку"]),
        ("The mayor of Enerhodar, Maksym Pukhov, said Russian troops shelled Nikopol.",
         ["Nikopol"]),
        ("Mayor of Mariupol adviser Petro Andriushchenko said drones attacked Berdiansk.",
         ["Berdiansk"]),
        ("Про це повідомив радник міського голови Маріуполя Петро Андрющенко у Telegram.", []),
        ("Об этом сообщил мэр Горловки Иван Приходько.", []),
        ("The mayor of London said he was shocked.", []),
    ],
)  # fmt: skip
def test_official_towns_frame_other_places_and_credits(places, sentence, expected):
    """With another place the title's town only frames it; a sentence crediting the one before
    claims nothing; a town outside the theatre is no place by its title alone."""
    assert [r["location"] for r in places(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Глава Чеченской Республики Рамзан Кадыров заявил, что бойцы «Ахмата» продвинулись.",
        "Глава Чечни Рамзан Кадыров сообщил, что бойцы «Ахмата» продвинулись.",
    ],
)
def test_a_region_after_a_title_is_its_office_not_a_site(places, sentence):
    """ "Глава Чечни" heads a region, as "глава ДНР" does: the office frames the sentence and
    is no site of the claim (a set-75 record put this advance in Chechnya). A region's name a
    settlement shares is still the region after a title (GeoNames gave "Чечня" to a Kramatorsk
    quarter, until gazetteer/wrong_names.csv took it)."""
    assert places(sentence) == []
