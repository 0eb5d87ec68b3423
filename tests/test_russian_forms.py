"""Russian forms of Ukrainian place names (geo.gazetteer.russian): rules, curated table, speed."""

from __future__ import annotations

import csv
import gzip
import time
from pathlib import Path

import pytest

from geo.gazetteer import russian
from geo.gazetteer.names import variants
from geo.gazetteer.russian import load_rules, rule_forms, russian_forms
from tests.test_mentions_uk_ru import TOLERANCE_KM, km

ROOT = Path(__file__).resolve().parents[1]

# Real settlements and their Russian names (Soviet-era official / Russian-language usage).
# Several are places reported in the war; a few are renamed places' old names (Артемівськ).
PAIRS_TEXT = """
    Лисичанськ = Лисичанск
    Сєвєродонецьк = Северодонецк
    Курахове = Курахово
    Мар’їнка = Марьинка
    Вугледар = Угледар
    Красногорівка = Красногоровка
    Очеретине = Очеретино
    Костянтинівка = Константиновка
    Слов’янськ = Славянск
    Краматорськ = Краматорск
    Покровськ = Покровск
    Велика Новосілка = Великая Новоселка
    Нова Каховка = Новая Каховка
    Енергодар = Энергодар
    Оріхів = Орехов
    Гуляйполе = Гуляйполе
    Токмак = Токмак
    Мелітополь = Мелитополь
    Бердянськ = Бердянск
    Херсон = Херсон
    Ізюм = Изюм
    Куп’янськ = Купянск
    Сватове = Сватово
    Кремінна = Кременная
    Білогорівка = Белогоровка
    Сіверськ = Северск
    Часів Яр = Часов Яр
    Торецьк = Торецк
    Мирноград = Мирноград
    Горлівка = Горловка
    Чугуїв = Чугуев
    Вовчанськ = Волчанск
    Ямпіль = Ямполь
    Тернове = Терновое
    Роботине = Работино
    Вербове = Вербовое
    Кліщіївка = Клещеевка
    Андріївка = Андреевка
    Іванівське = Ивановское
    Богданівка = Богдановка
    Григорівка = Григоровка
    Новоселівка = Новоселовка
    Миколаївка = Николаевка
    Олександрівка = Александровка
    Водяне = Водяное
    Луганське = Луганское
    Новотроїцьке = Новотроицкое
    Мирне = Мирное
    Благодатне = Благодатное
    Володимирівка = Владимировка
    Степанівка = Степановка
    Кам’янка = Каменка
    Піски = Пески
    Зайцеве = Зайцево
    Нью-Йорк = Нью-Йорк
    Першотравневе = Первомайское
    Авдіївка = Авдеевка
    Бахмут = Бахмут
    Соледар = Соледар
    Лиман = Лиман
    Дружківка = Дружковка
    Святогірськ = Святогорск
    Волноваха = Волноваха
    Маріуполь = Мариуполь
    Донецьк = Донецк
    Макіївка = Макеевка
    Єнакієве = Енакиево
    Дебальцеве = Дебальцево
    Докучаєвськ = Докучаевск
    Луганськ = Луганск
    Алчевськ = Алчевск
    Старобільськ = Старобельск
    Рубіжне = Рубежное
    Попасна = Попасная
    Щастя = Счастье
    Станиця Луганська = Станица Луганская
    Харків = Харьков
    Київ = Киев
    Чернігів = Чернигов
    Суми = Сумы
    Полтава = Полтава
    Дніпро = Днепр
    Кривий Ріг = Кривой Рог
    Нікополь = Никополь
    Запоріжжя = Запорожье
    Миколаїв = Николаев
    Одеса = Одесса
    Львів = Львов
    Тернопіль = Тернополь
    Івано-Франківськ = Ивано-Франковск
    Чернівці = Черновцы
    Вінниця = Винница
    Житомир = Житомир
    Рівне = Ровно
    Луцьк = Луцк
    Ужгород = Ужгород
    Хмельницький = Хмельницкий
    Кропивницький = Кропивницкий
    Черкаси = Черкассы
    Біла Церква = Белая Церковь
    Ірпінь = Ирпень
    Буча = Буча
    Гостомель = Гостомель
    Бородянка = Бородянка
    Макарів = Макаров
    Вишгород = Вышгород
    Бровари = Бровары
    Охтирка = Ахтырка
    Тростянець = Тростянец
    Конотоп = Конотоп
    Глухів = Глухов
    Балаклія = Балаклея
    Лозова = Лозовая
    Золочів = Золочев
    Дергачі = Дергачи
    Кадіївка = Кадиевка
    Сорокине = Сорокино
    Білокуракине = Белокуракино
    Новопсков = Новопсков
    Гола Пристань = Голая Пристань
    Олешки = Алешки
    Скадовськ = Скадовск
    Генічеськ = Геническ
    Каховка = Каховка
    Берислав = Берислав
    Снігурівка = Снигиревка
    Високопілля = Высокополье
    Давидів Брід = Давыдов Брод
    Вільнянськ = Вольнянск
    Василівка = Васильевка
    Якимівка = Акимовка
    Приморськ = Приморск
    Кам’янка-Дніпровська = Каменка-Днепровская
    Кам’янське = Каменское
    Дніпрорудне = Днепрорудное
    Степногірськ = Степногорск
    Плавні = Плавни
    Новоданилівка = Новоданиловка
    Мала Токмачка = Малая Токмачка
    Новопрокопівка = Новопрокоповка
    Урожайне = Урожайное
    Старомайорське = Старомайорское
    Нескучне = Нескучное
    Невельське = Невельское
    Первомайське = Первомайское
    Опитне = Опытное
    Новобахмутівка = Новобахмутовка
    Новогродівка = Новогродовка
    Селидове = Селидово
    Українськ = Украинск
    Торське = Торское
    Ясинувата = Ясиноватая
    Шахтарськ = Шахтерск
    Сніжне = Снежное
    Чистякове = Чистяково
    Світлодарськ = Светлодарск
    Вуглегірськ = Углегорск
    Новгород-Сіверський = Новгород-Северский
    Білгород-Дністровський = Белгород-Днестровский
    Чорноморськ = Черноморск
    Ізмаїл = Измаил
    Очаків = Очаков
    Вознесенськ = Вознесенск
    Кременчук = Кременчуг
    Лубни = Лубны
    Ніжин = Нежин
    Бердичів = Бердичев
    Шепетівка = Шепетовка
    Кам’янець-Подільський = Каменец-Подольский
    Знам’янка = Знаменка
    Олександрія = Александрия
    Павлоград = Павлоград
    Марганець = Марганец
    Жовті Води = Желтые Воды
    Верхньоторецьке = Верхнеторецкое
    Верхньокам’янка = Верхнекаменка
    Новомихайлівка = Новомихайловка
    Михайлівка = Михайловка
    Петрівка = Петровка
    Федорівка = Федоровка
    Юріївка = Юрьевка
    Георгіївка = Георгиевка
    Сергіївка = Сергеевка
    Олексіївка = Алексеевка
    Мар’ївка = Марьевка
    Барвінкове = Барвенково
    Борова = Боровая
    Вільхуватка = Ольховатка
    Великий Бурлук = Великий Бурлук
    Біленьке = Беленькое
    Залізне = Железное
    Новоекономічне = Новоэкономическое
    Гірник = Горняк
    Білопілля = Белополье
    Троїцьке = Троицкое
    Пологи = Пологи
    Ромни = Ромны
    Прилуки = Прилуки
    Путивль = Путивль
    Краснопілля = Краснополье
    Великий Новгород = Великий Новгород
    Зелене = Зеленое
    Оленівка = Еленовка
    Новоайдар = Новоайдар
    Широке = Широкое
    Курахівка = Кураховка
    Петропавлівка = Петропавловка
    Лобкове = Лобково
    Синельникове = Синельниково
    Покровське = Покровское
    Новомосковськ = Новомосковск
    Дніпропетровськ = Днепропетровск
    Артемівськ = Артемовск
    Дзержинськ = Дзержинск
    Красноармійськ = Красноармейск
    Кіровоград = Кировоград
    Димитров = Димитров
    Красний Лиман = Красный Лиман
    Южне = Южное
"""
PAIRS = [
    tuple(part.strip() for part in line.split("=")) for line in PAIRS_TEXT.strip().splitlines()
]

# Pairs the rules get wrong; each is in gazetteer/ru_irregular.csv (some for one settlement only).
IRREGULAR = {
    "Роботине": None,
    "Щастя": None,
    "Дніпро": "UA12020010010037010",
    "Рівне": "UA56060470010041018",
    "Біла Церква": None,
    "Охтирка": "UA59040110010017443",
    "Балаклія": None,
    "Снігурівка": "UA48020190010089719",
    "Якимівка": "UA23080310010091806",
    "Кременчук": None,
    "Барвінкове": "UA63040030010027594",
    "Гірник": "UA14160110020099716",
}
KATOTTH = {**{k: v for k, v in IRREGULAR.items() if v}, "Оленівка": "UA14100030020070226"}


def _score() -> tuple[list[str], list[str], list[str]]:
    first, within, wrong = [], [], []
    for uk, ru in PAIRS:
        forms = rule_forms(uk)
        (first if forms[:1] == (ru,) else within if ru in forms else wrong).append(uk)
    return first, within, wrong


def test_pairs_are_many_and_distinct():
    assert len(PAIRS) >= 60
    assert len({uk for uk, _ in PAIRS}) == len(PAIRS)


def test_rules_alone_accuracy():
    first, within, wrong = _score()
    share_first = len(first) / len(PAIRS)
    share_within = (len(first) + len(within)) / len(PAIRS)
    print(
        f"rules alone: first candidate {len(first)}/{len(PAIRS)} ({share_first:.1%}), "
        f"within candidates {len(first) + len(within)}/{len(PAIRS)} ({share_within:.1%})"
    )
    assert share_first >= 0.9
    assert set(wrong) == set(IRREGULAR), "a pair the rules miss must be curated (or fixed)"


def test_every_pair_with_the_curated_table():
    for uk, ru in PAIRS:
        forms = russian_forms(uk, KATOTTH.get(uk))
        assert forms[0] == ru, (uk, forms)


@pytest.mark.parametrize(
    "uk,ru",
    [
        ("Велика Новосілка", ("Великая Новоселка", "Большая Новоселка")),
        ("Курахове", ("Курахово", "Кураховое")),
        ("Вербове", ("Вербовое", "Вербово")),
        ("Андріївка", ("Андреевка", "Андриевка")),
        ("Енергодар", ("Энергодар", "Енергодар")),
        ("Бахмут", ("Бахмут",)),
        # the Soviet translation first, then the transliteration the MoD writes in 2024
        ("Першотравневе", ("Первомайское", "Першотравневое")),
        ("Жовтневе", ("Октябрьское", "Жовтневое")),  # "…, а в Запорожской области — Жовтневого"
    ],
)
def test_candidates_in_order(uk, ru):
    assert rule_forms(uk) == ru


def test_every_rule_example_holds():
    rules, _ = load_rules()
    checked = 0
    for rule in rules:
        if not rule.example:
            continue
        uk, ru = (part.strip() for part in rule.example.split("→"))
        any_candidate = ru.startswith("?")
        ru = ru.lstrip("? ")
        forms = rule_forms(uk)
        assert (ru in forms) if any_candidate else forms[:1] == (ru,), (rule.pattern, uk, forms)
        checked += 1
    assert checked == len(rules)


def test_apostrophes_and_case():
    for spelling in ("Куп\u2019янськ", "Куп'янськ", "Куп\u02bcянськ", "КУП'ЯНСЬК"):
        assert rule_forms(spelling)[0].lower() == "купянск"
    assert rule_forms("Кам’янка-Дніпровська") == ("Каменка-Днепровская",)
    assert rule_forms("Нью-Йорк") == ("Нью-Йорк",)
    assert rule_forms("Часів Яр") == ("Часов Яр",)


def test_non_ukrainian_input():
    assert rule_forms("Bakhmut") == ()
    assert rule_forms("Артёмовск") == ("Артёмовск",)  # already Russian spelling
    assert rule_forms("") == ()


def test_forms_never_keep_ukrainian_letters():
    for uk, _ in PAIRS:
        for form in rule_forms(uk):
            assert not set(form.lower()) & set("іїєґ’ʼ'"), (uk, form)


def test_bad_rule_tables_are_refused():
    with pytest.raises(ValueError, match="capturing"):
        load_rules('[[rule]]\nuk = "а(б)"\nru = "а"\n')
    with pytest.raises(ValueError, match="starts with"):
        load_rules('[[rule]]\nuk = ".а"\nru = "а"\n')


def test_curated_table_rows():
    irregular = russian.load_irregulars()
    assert irregular.by_name["вугледар"] == ("Угледар",)
    assert irregular.by_code["UA56060470010041018"] == ("Ровно", "Ривне")
    assert russian_forms("Рівне") == ("Ровное",)  # villages of that name follow the rules
    assert russian_forms("Рівне", "UA56060470010041018") == ("Ровно", "Ривне")
    # this round (sets 76, 77): spellings the rules cannot give
    assert russian_forms("Рівнопіль")[0] == "Равнополь"
    assert russian_forms("Времівка", "UA14040010040083406")[0] == "Времевка"
    assert "Козачья Лопань" in russian_forms("Козача Лопань", "UA63120070020018703")
    assert russian_forms("Виїмка", "UA14020090340091913") == ("Выемка",)
    assert russian_forms("Окіп") == ("Окоп", "Окип")  # set 80 writes Окоп, set 71 Окипа
    assert russian_forms("Кізомис", "UA65100010050034669") == ("Кизомыс",)  # set 84
    assert russian_forms("Плетенівка", "UA63140010520060485")[0] == "Плетеневка"  # set 85
    assert russian_forms("Вірнопілля")[0] == "Вернополье"  # set 87, with the three below
    assert russian_forms("Тернові Поди", "UA48060370200051804")[0] == "Терновые Поды"
    assert russian_forms("Ходине", "UA59100150090076976")[0] == "Ходыно"
    assert russian_forms("Запсілля")[0] == "Запселье"  # set 89
    assert russian_forms("Спірне")[0] == "Спорное"  # set 93
    with (ROOT / "gazetteer" / russian.IRREGULAR_FILE).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(row["reason"].strip() for row in rows)
    codes = _settlement_codes()
    assert {row["katotth"] for row in rows if row["katotth"]} <= codes


def test_romanised_russian_forms_reach_press_spellings():
    """Russian forms romanised by names.variants give the Russian-era English spellings."""

    def keys(uk):
        return set().union(*(variants(form) for form in russian_forms(uk)))

    assert "ugledar" in keys("Вугледар")
    assert "kurakhovo" in keys("Курахове")
    assert "chuguev" in keys("Чугуїв")
    assert "kamenka dneprovskaya" in keys("Кам’янка-Дніпровська")
    assert "severodonetsk" in keys("Сіверськодонецьк")
    assert "artemovsk" in keys("Артемівськ")


@pytest.mark.parametrize(
    ("name_uk", "romanised"),
    [
        ("Водяне", "vodyanoye"),
        ("Луганське", "luganskoye"),
        ("Новотроїцьке", "novotroitskoye"),
        ("Курахове", "kurakhovo"),
        ("Чугуїв", "chuguyev"),
        ("Вугледар", "ugledar"),
        ("Першотравневе", "pershotravnevoye"),  # "Pershotravnevoye in the Kharkov region"
    ],
)
def test_bgn_pcgn_romanisations_of_the_russian_forms_are_keys(name_uk, romanised):
    """The store keys every Russian form by its BGN/PCGN and Wikipedia romanisations (iuliia),
    as press in English writes them: Vodyanoye, Luganskoye, Chuguyev."""
    from geo.gazetteer.ukraine import russian_variants

    keys = set().union(*(russian_variants(form) for form in russian_forms(name_uk)))
    assert romanised in keys


def _settlement_codes() -> set[str]:
    with gzip.open(ROOT / "gazetteer" / "ua_settlements.csv.gz", "rt", encoding="utf-8") as fh:
        return {row["katotth"] for row in csv.DictReader(fh)}


def test_rules_give_a_russian_form_for_every_settlement():
    """Every settlement name of the committed table, rules compiled from scratch (the time is
    printed; speed is a benchmark's business, scripts/bench_gazetteer.py times the build)."""
    with gzip.open(ROOT / "gazetteer" / "ua_settlements.csv.gz", "rt", encoding="utf-8") as fh:
        names = [row["name_uk"] for row in csv.DictReader(fh)]
    assert len(names) == 29_705
    russian.rule_forms.cache_clear()
    russian.default_rules.cache_clear()
    started = time.perf_counter()
    forms = {form for name in names for form in rule_forms(name)}
    elapsed = time.perf_counter() - started
    print(f"{len(names)} names → {len(forms)} distinct Russian forms in {elapsed:.2f} s")
    assert len(forms) > 15_000


@pytest.mark.shared
def test_against_russian_names_in_openstreetmap():
    """OSM ``name`` is a Russian spelling for ~900 places (mostly Crimea): a check from outside.

    Many of the misses are translations rather than spellings (Суничне/Земляничное), which no
    orthographic rule can produce.
    """
    from shared_data import ua_settlements_dir

    from geo.gazetteer.names import script_of

    path = ua_settlements_dir() / "ua_osm_places.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [
            r
            for r in csv.DictReader(fh)
            if r["name"] != r["name:uk"]
            and script_of(r["name:uk"]) in ("uk", "cyrl")
            and script_of(r["name"]) in ("ru", "cyrl")
        ]
    first = within = 0
    for row in rows:
        forms = rule_forms(row["name:uk"])
        target = row["name"].replace("ё", "е").replace("Ё", "Е")
        first += forms[:1] == (target,)
        within += target in forms
    print(
        f"OSM Russian names: first candidate {first}/{len(rows)} ({first / len(rows):.1%}), "
        f"within candidates {within}/{len(rows)} ({within / len(rows):.1%})"
    )
    assert len(rows) > 850
    assert first / len(rows) > 0.7 and within / len(rows) > 0.78


@pytest.mark.parametrize(
    ("sentence", "where"),
    [
        # both halves of a hyphened name inflect together
        ("ВСУ открыли огонь по Каменке-Днепровской.", [(47.48, 34.42)]),
        # "-ев-" without the soft sign, as the MoD spells it (Нововасилівське, Новогригорівка)
        (
            "Освобождены населенные пункты Нововасилевское и Новогригоровка Запорожской области.",
            [(47.778, 36.435), (47.814, 36.436)],
        ),
        # a translated word: Чарівне is "Волшебное" as well as "Чаривное"
        ("ВСУ обстреляли Волшебное Запорожской области.", [(47.581, 36.037)]),
        # a renamed village by the MoD's transliteration of its old name: Manuilivka since 2025
        (
            "ВС России освободили Першотравневое и Петропавловку Купянского района.",
            [(49.735, 37.912), (49.721, 37.709)],
        ),
        ("Russian troops freed Pershotravnevoye, near Kupiansk.", [(49.735, 37.912)]),
        # Olenokostiantynivka, Жовтневе until 2016, as the MoD wrote it in 2026
        (
            "ВС России освободили Жовтневое и Воздвижевку Запорожской области.",
            [(47.728, 36.183), (47.752, 36.080)],
        ),
    ],
)
def test_russian_forms_found_in_running_text(places, sentence, where):
    found = places(sentence)
    assert len(found) == len(where)
    for record, point in zip(found, where, strict=True):
        assert km((record["latitude"], record["longitude"]), point) <= TOLERANCE_KM


def test_russian_forms_an_unknown_feminine_name_inflects_like_its_model(places):
    """ "Лепетиха" is in no Russian dictionary (pymorphy3 guesses a short adjective): it takes
    the endings of "ткачиха", so "по Малой Лепетихе" is Mala Lepetykha."""
    from geo.text.inflect import case_forms

    assert "малой лепетихе" in case_forms("Малая Лепетиха", "ru")
    found = places("Противник наносил удары по Корсунке и Малой Лепетихе.")
    row = next(r for r in found if r["location"] == "Малой Лепетихе")
    assert km((row["latitude"], row["longitude"]), (47.233, 33.999)) <= TOLERANCE_KM


DIBROVA_KREMINNA = (48.997, 38.107)  # Діброва by Kreminna, Luhansk oblast


def test_a_name_read_only_as_a_surname_also_declines_as_a_noun(places):
    """pymorphy3 reads "Диброва" only as a surname (Дибровой, Диброву); as a village it is a
    noun, so "вблизи … Дибровы" is found too, and its list places it by Kreminna, not at the
    Kirovohrad-oblast village Діброви its plural spells."""
    found = {
        r["location"]: r
        for r in places(
            "Бои на Лиманском направлении шли вблизи Торского, Краснопоповки и Дибровы."
        )
    }
    record = found["Дибровы"]
    assert km((record["latitude"], record["longitude"]), DIBROVA_KREMINNA) <= TOLERANCE_KM


@pytest.mark.parametrize(
    ("old_name", "where"),
    [
        # Жовтневий Промінь, Cherkasy oblast, renamed Журавлине in 2016
        ("Октябрьский Промень", (49.614, 32.307)),
        # Жовтнева Революція, Odesa oblast, renamed Радісне in 2016
        ("Октябрьская Революция", (46.493, 30.576)),
    ],
)
def test_a_translated_stem_takes_the_russian_adjective_ending(resolver, old_name, where):
    """Жовтнев-/травнев-/першотравнев- become октябрьск-/майск-/первомайск-, so the ending is
    -ий/-ая/-ие (Октябрьский), not the -ый the Ukrainian -в- would give (was "Октябрьскый"); the
    renamed villages' old names in Russian find them by name, not by a fuzzy match."""
    res = resolver.resolve(old_name)
    assert res.place is not None
    assert str(res.resolution) == "alias" and f"historical {old_name!r}" in res.reason  # not fuzzy
    assert km((res.place.lat, res.place.lon), where) <= TOLERANCE_KM
