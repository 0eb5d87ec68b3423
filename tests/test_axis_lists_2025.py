"""The General Staff's roundups since its October 2025 renaming of axes, and Ukrainian names of
Russia's border oblasts, as the held-out sets 80 and 81 found them: a list of nine axes longer
than any context window, the new Олександрівський and Курський axes, an axis noun left out the
second time, "«На Запоріжжі" opening a quotation, "на Курщині"."""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

KUPIANSK = (49.710, 37.614)
LYMAN = (48.990, 37.808)
SLOVIANSK = (48.852, 37.605)
KOSTIANTYNIVKA = (48.527, 37.706)
# the Oleksandrivka of Pokrovska hromada, Synelnykove raion: the axis at the junction of the
# Donetsk, Dnipropetrovsk and Zaporizhzhia oblasts (the settlements table's point)
OLEKSANDRIVKA = (47.971, 36.238)
HULIAIPOLE = (47.667, 36.256)
ORIKHIV = (47.568, 35.785)
KHERSON = (46.636, 32.617)
ZAPORIZHZHIA_OBLAST_KM = 150.0  # an oblast record lies at the oblast's centre
ZAPORIZHZHIA = (47.85, 35.12)


def point(row: dict) -> tuple[float, float]:
    return row["latitude"], row["longitude"]


def test_a_list_of_nine_axes_is_nine_axes(records):
    """The list runs 170 characters from its first adjective to "напрямках", past every
    window; each adjective is its town's axis (precision 2), and the land's axis
    ("Південно-Слобожанському", a border region) is no point at all, not an unknown village."""
    rows = records(
        "Бої також тривали на Південно-Слобожанському, Куп’янському, Лиманському, Слов’янському, "
        "Костянтинівському, Олександрівському, Гуляйпільському, Оріхівському та Придніпровському "
        "напрямках."
    )
    towns = [KUPIANSK, LYMAN, SLOVIANSK, KOSTIANTYNIVKA, OLEKSANDRIVKA, HULIAIPOLE, ORIKHIV]
    towns.append(KHERSON)  # the Prydniprovskyi axis: Kherson's
    assert [r["location"] for r in rows] == [
        "Куп’янському", "Лиманському", "Слов’янському", "Костянтинівському",
        "Олександрівському", "Гуляйпільському", "Оріхівському", "Придніпровському",
    ]  # fmt: skip
    for row, town in zip(rows, towns, strict=True):
        assert row["geo_precision"] == 2, row["location"]
        assert km(point(row), town) < TOLERANCE_KM, (row["location"], row["place_name"])


def test_a_list_broken_by_another_word_is_no_list_of_axes(records):
    """The walk along a list stops at a word that is neither an axis adjective nor the axis
    word: "Лиманському" here is not followed to "напрямку" through "селі"."""
    rows = records(
        "Бої тривали у Лиманському селі, а також біля Куп'янська на Харківському напрямку."
    )
    assert "Лиманському" not in [r["location"] for r in rows if r["geo_precision"] == 2]


@pytest.mark.parametrize(
    "sentence",
    [
        "Від початку доби ворог 17 разів атакував на Олександрівському напрямку.",
        "На Александровском направлении ситуация сложная, заявил Сырский.",
    ],
)
def test_the_oleksandrivka_axis_is_at_the_three_oblasts_junction(records, sentence):
    """Not the Donetsk city district Oleksandrivskyi that the adjective also spells, nor one
    of the hundred Oleksandrivkas: the one the axis is named after."""
    rows = records(sentence)
    assert len(rows) == 1
    assert rows[0]["geo_precision"] == 2
    assert km(point(rows[0]), OLEKSANDRIVKA) < TOLERANCE_KM, rows[0]["place_name"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Бої тривали на Курському напрямку.",
        "Подразделения продвинулись на Курском направлении.",
    ],
)
def test_the_kursk_axis_is_russia_s_kursk_oblast_not_a_crimean_village(records, sentence):
    rows = records(sentence)
    assert len(rows) == 1
    assert rows[0]["country"] == "RU" and rows[0]["geo_precision"] == 3
    assert km(point(rows[0]), (51.7, 36.0)) < 60.0, rows[0]["place_name"]


def test_an_axis_noun_left_out_the_second_time(records):
    """ "на Слов'янському – окупанти атакували": the Sloviansk axis whose noun the sentence gave
    once before, 90 characters back, not the village Слов'янське placed in Crimea at region
    level."""
    rows = records(
        "За даними Генерального штабу ЗСУ, на Покровському напрямку за минулу добу Сили оборони "
        "України відбили 38 штурмів, зокрема в районах Покровська та Дачного, на Слов'янському "
        "– окупанти "
        "атакували п'ять разів, у тому числі поблизу Званівки."
    )
    assert "Слов'янському" not in [r["location"] for r in rows]
    assert all(r["admin1"] != "Avtonomna Respublika Krym" for r in rows)
    zvanivka = [r for r in rows if r["location"] == "Званівки"]
    assert zvanivka and km(point(zvanivka[0]), (48.812, 38.078)) < TOLERANCE_KM


def test_an_axis_adjective_after_na_is_the_axis_even_when_the_axis_word_was_before(records):
    """Set 91: "– На Лиманському напрямку активних дій ворог не вів… А на Слов’янському
    українські військові відбили спроби ворога атакувати": the axis word is in the sentence
    before. A village Слов'янське would be "у Слов'янському"; "на Слов'янському" was the two
    Crimean villages of that name (region fallback: Crimea)."""
    (row,) = records("А на Слов’янському українські військові відбили спроби ворога атакувати.")
    assert row["location"] == "Слов’янському" and row["geo_precision"] == 2
    assert km(point(row), SLOVIANSK) < TOLERANCE_KM
    rows = records("Бої на Слов'янському – у селі поблизу Краматорська.")
    assert all(r["admin1"] != "Avtonomna Respublika Krym" for r in rows)
    (village,) = records("Бої точилися у Слов'янському.")  # "у": the village, not the axis
    assert village["geo_precision"] != 2


def test_na_zaporizhzhi_opening_a_quotation_is_the_oblast(records):
    rows = records("«На Запоріжжі ворог обстріляв 12 населених пунктів, — повідомив Федоров.")
    assert [r["location"] for r in rows] == ["Запоріжжі"]
    assert rows[0]["geo_precision"] == 3 and rows[0]["admin1"] == "Zaporizka oblast"
    assert km(point(rows[0]), ZAPORIZHZHIA) < ZAPORIZHZHIA_OBLAST_KM


@pytest.mark.parametrize(
    "sentence, written, centre",
    [
        ("Бої в Курській області тривають.", "Курській області", (51.7, 36.0)),
        ("Вибухи пролунали на Курщині.", "Курщині", (51.7, 36.0)),
        ("Дрони атакували Бєлгородську область.", "Бєлгородську область", (50.7, 37.2)),
        ("Сили оборони вразили склад на Брянщині.", "Брянщині", (53.0, 33.5)),
    ],
)
def test_ukrainian_names_of_russia_s_border_oblasts(records, sentence, written, centre):
    """Russia's oblasts had only Russian and Latin names; Ukrainian text named them in vain
    ("у Курській області" unplaced, "на Бєлгородщині" not even a mention)."""
    rows = records(sentence)
    assert [r["location"] for r in rows] == [written]
    assert rows[0]["country"] == "RU" and rows[0]["geo_precision"] == 3
    assert km(point(rows[0]), centre) < 60.0, rows[0]["place_name"]


POKROVSK = (48.282, 37.176)


def test_the_general_staff_s_bulleted_axes_are_axes(records):
    """The roundup's bullets after "на таких напрямках:" name each axis by its adjective alone
    and a count (set 88: "- Покровський – 32 атаки;"). Before, "Покровський" and "Куп'янський"
    were their raions (precision 3) and "Костянтинівський", "Лиманський" nothing at all; each is
    now its town's axis (precision 2), with the count as its quantity."""
    rows = records(
        "Генштаб ЗСУ: загалом за минулу добу зафіксовано 160 бойових зіткнень. Найбільше атак "
        "було на таких напрямках:\n- Покровський – 32 атаки;\n- Костянтинівський – 15;\n"
        "• Лиманський: 12;\n- Куп'янський – 6."
    )
    assert [(r["location"], r["geo_precision"]) for r in rows] == [
        ("Покровський", 2), ("Костянтинівський", 2), ("Лиманський", 2), ("Куп'янський", 2),
    ]  # fmt: skip
    for row, town in zip(rows, (POKROVSK, KOSTIANTYNIVKA, LYMAN, KUPIANSK), strict=True):
        assert km(point(row), town) < TOLERANCE_KM
        assert row["claimant"] == "Ukrainian military"
    assert (rows[0]["quantity"], rows[0]["quantity_unit"]) == ("32", "атаки")


@pytest.mark.parametrize(
    "line",
    [
        "- Іванівка – 2 атаки;",  # a village, not an axis adjective: read as it always was
        "- Покровський район – 3 обстріли;",  # the raion, with its noun
        "Покровський – 32 атаки.",  # no bullet
    ],
)
def test_a_bullet_is_an_axis_only_for_an_axis_adjective_alone(records, line):
    assert all(r["resolution_reason"].find("bulleted") < 0 for r in records(line))
