"""Ukrainian and Russian context around a place name: what the words before and after it say.

The mention scanner (:mod:`geo.text.mentions`) reads English context with regexes; this module
gives it the same answers for Cyrillic text from the word table ``geo/data/cyrillic_context.toml``:

* a direction before a name ("західніше Бахмута", "к югу от Угледара") is a sector from it, as
  English "west of";
* prepositions before a name are locatives ("в/у/до Бахмута" like "in/to"), or approximate
  ("під Бахмутом", "в районі Авдіївки", "под/около/возле" like "near", precision 2);
* "с.", "смт", "м.", "н.п.", "в селі", "в городе" before a name mark a settlement;
* a level word after a name makes it a region ("Донецька область", "Бахмутського району");
* an axis word after it ("Покровський напрямок", "Купянском направлении") makes it an area
  around the town, and the table of axes maps the adjective to that town;
* a title before it ("міністр Шевченко"), a unit word ("бригада «Азов»", "группировка
  «Восток»"), a river word ("реки Оскол") or a speech verb after it ("Буданов заявив") say it
  is not a site.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from geo.core.patterns import factored_alternation, last_words_at
from geo.gazetteer.names import name_key, variants
from geo.text.inflect import LOCATIVES, analyser, case_forms

TABLE = "cyrillic_context.toml"
_QUOTES = "«»\"„“”'’ "
_UKRAINIAN_LETTERS = re.compile(r"[іїєґʼ'’]")
"""Letters Ukrainian writes and Russian does not (the apostrophe among them)."""
_QUOTES_OR_BRACKET = _QUOTES + "("
_BRACKETS_OR_QUOTES = "()[]" + _QUOTES
_CAPITAL = r"[А-ЯІЇЄҐ]"


@dataclass(frozen=True, slots=True)
class Cues:
    """The word table, as sets of lower-case phrases (``region``: level word by noun)."""

    locative: frozenset[str]
    approximate: frozenset[str]
    marker: frozenset[str]
    village: frozenset[str]  # "с.", "села": the markers that say village, not town
    person: frozenset[str]
    title: frozenset[str]  # "мэр", "руководитель": the place after it is an office's
    unit: frozenset[str]
    water: frozenset[str]
    controlled: frozenset[str]
    region: dict[str, str]
    axis: frozenset[str]
    region_plural: dict[str, str]  # "областей" → oblast: the noun a list of regions shares
    resident: frozenset[str]  # "житель", "уроженец": where a person lives, not a site
    speaker: frozenset[str]  # "заявив", "по словам": the name after it is who speaks
    district: frozenset[str]  # "мікрорайон", "жилмассив": a part of a city, not a settlement
    street: frozenset[str]  # "вулиці", "больница": a street's or facility's name follows
    quoted_facility: frozenset[str]  # "центр", "завод": before a quoted name, a facility's
    okrug: frozenset[str]  # "муниципальный округ": an occupation district's name follows
    speech: frozenset[str]
    metonymy_before: frozenset[str]  # "за словами", "переговори з" (before a seat of government)
    metonymy_after: frozenset[str]  # "заявив", "відкинула" (after it), with ``speech``
    metonymy_adverbs: frozenset[str]  # "навмисно", "снова": between a capital and that verb
    axes: tuple[tuple[str, str, str], ...]  # (language, "Покровський напрямок", "Покровськ")
    axis_hints: dict[str, str]  # town key → the unit that tells its namesakes apart
    direction: dict[str, str]  # "західніше" → "west"

    words: frozenset[str]  # every single word of the before-phrases: words that begin no name


def _lower(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@cache
def cues() -> Cues:
    """The packaged word table, read once."""
    text = resources.files("geo.data").joinpath(TABLE).read_text("utf-8")
    data = tomllib.loads(text)
    before, after = data["before"], data["after"]
    axes = tuple(
        (lang, f"{adjective} {table['noun']}", town.partition("|")[0])
        for lang, table in data["axes"].items()
        for adjective, town in table["towns"].items()
    )
    axis_hints = {
        name_key(town): hint
        for table in data["axes"].values()
        for town, _, hint in (value.partition("|") for value in table["towns"].values())
        if hint
    }
    phrases = [v.lower() for name, values in before.items() if name != "metonymy" for v in values]
    return Cues(
        _lower(before["locative"]),
        _lower(before["approximate"]),
        _lower(before["marker"]),
        _lower(before["village"]),
        _lower(before["person"]),
        _lower(before["title"]),
        _lower(before["unit"]),
        _lower(before["water"]),
        _lower(before["controlled"]),
        {k.lower(): v for k, v in after["region"].items()},
        _lower(after["axis"]),
        {k.lower(): v for k, v in after["region_plural"].items()},
        _lower(before["resident"]),
        _lower(before["speaker"]),
        _lower(before["district"]),
        _lower(before["street"]),
        _lower(before["quoted_facility"]),
        _lower(before["okrug"]),
        _lower(after["speech"]),
        _lower(before["metonymy"]),
        _lower(after["speech"]) | _lower(after["metonymy"]),
        _lower(after["metonymy_adverbs"]),
        axes,
        axis_hints,
        {k.lower(): v for k, v in before["direction"].items()},
        frozenset(word for phrase in phrases for word in phrase.split()),
    )


@cache
def table_digest() -> str:
    """A short digest of the word table, for caches built from it."""
    data = resources.files("geo.data").joinpath(TABLE).read_bytes()
    return hashlib.sha256(data).hexdigest()[:10]


def axis_phrases() -> Iterator[tuple[str, str, str]]:
    """(language, nominative phrase, town) of every axis in the table, for the automaton."""
    yield from cues().axes


def before_cues(words: list[str]) -> tuple[bool, bool, bool]:
    """(marked, locative, approximate) from the last words before a Cyrillic name; ``words``
    are the whitespace-split text before it."""
    # as the words lowered one by one (no case spans a space); "(с. Гресі)": с.
    return _tail_cues(" ".join(w.lstrip("(«\"„“'") for w in words[-3:]).lower())


@lru_cache(maxsize=16_384)
def _tail_cues(tail: str) -> tuple[bool, bool, bool]:
    """:func:`before_cues` of the last three words before a name, lowered (a few thousand
    distinct tails make most of a corpus's)."""
    table = cues()
    phrases = {tail, tail.partition(" ")[2] or tail, tail.rpartition(" ")[2]}  # 3, 2 and 1 words
    marked = not phrases.isdisjoint(table.marker)
    approximate = not phrases.isdisjoint(table.approximate)
    locative = marked or approximate or not phrases.isdisjoint(table.locative)
    return marked, locative, approximate


def village_before(words: list[str]) -> bool:
    """Is the word right before a Cyrillic name a marker that says village ("с.", "села")?"""
    return bool(words) and words[-1].lstrip("(«\"„“'").lower() in cues().village


_URBAN_MARKERS = ("смт", "пгт", "с-ще", "селищ", "посёл", "посел")
"""The starts of the village markers that say an urban-type settlement (селище, смт, посёлок)."""


def urban_settlement_before(words: list[str]) -> bool:
    """Is the word right before a Cyrillic name a marker that says urban-type settlement
    ("селище Очеретиного", "смт", "в посёлке")? (:func:`village_before` is true of it too.)"""
    return village_before(words) and words[-1].lstrip("(«\"„“'").lower().startswith(_URBAN_MARKERS)


def direction_before(words: list[str]) -> tuple[str, int] | None:
    """(point of the compass, words it spans) when the last one to four words before a Cyrillic
    name say a direction from it ("західніше", "к юго-западу от")."""
    return _direction_of(" ".join(words[-4:]).lower(), min(len(words), 4))


@lru_cache(maxsize=16_384)
def _direction_of(phrase: str, count: int) -> tuple[str, int] | None:
    """:func:`direction_before` of the last ``count`` words before a name, lowered."""
    table = cues().direction
    while count:  # the longest phrase first: "к юго-западу от" before "от"
        # "(западнее Покровска)": a bracket or quote opening the phrase is no part of it
        found = table.get(phrase.lstrip(_QUOTES_OR_BRACKET))
        if found is not None:
            return found, count
        phrase, count = phrase.partition(" ")[2], count - 1
    return None


def _first_word(text: str) -> str:
    parts = text.lstrip(_QUOTES).split(maxsplit=1)
    return parts[0].rstrip(',.;:!?»"”').lower() if parts else ""


def _verb_after(after: str) -> str:
    """The first word after a name, past up to two adverbs that may stand between a subject and
    its verb ("Рогов також підкреслив", "Киев намеренно бьет", "Киев еще весной отдал")."""
    adverbs = cues().metonymy_adverbs
    word = _first_word(after)
    for _ in range(2):
        if word not in adverbs:
            break
        after = after.lstrip(_QUOTES + ",")[len(word) :]
        word = _first_word(after)
    return word


@lru_cache(maxsize=64)
def _last_word(text: str) -> str:
    """The last word of ``text``, lowered, without its brackets (cached: the few checks of one
    mention read the same text before it)."""
    parts = text.rstrip(_QUOTES_OR_BRACKET).rsplit(maxsplit=1)  # "улица (Брусилова)": улица
    return parts[-1].strip(_BRACKETS_OR_QUOTES).lower() if parts else ""  # "(ОСУВ)", «ТРК»


@lru_cache(maxsize=16_384)
def _given_name(word: str) -> bool:
    """Is ``word`` a given name or patronymic to pymorphy3's dictionaries ("Тарас", "Олена",
    "Григорович")? Then the capitalised word after it is a surname."""
    if len(word) < 3 or not word[:1].isupper() or not word.isalpha():
        return False  # initials ("В. Зеленський") and prepositions ("У Бахмуті") are no names
    if word.lower() in cues().words:
        return False
    # a word with Ukrainian letters is no Russian name: the Russian analyser guesses "Name" for
    # "Краснопілля" (as "Илья"), and "Краснопілля Сумської області" lost its oblast to a surname
    langs = ("uk",) if _UKRAINIAN_LETTERS.search(word) else ("uk", "ru")
    return any(
        {"Name", "Patr"} & parse.tag.grammemes
        for lang in langs
        for parse in analyser(lang).parse(word)
    )


def after_a_given_name(before: str) -> bool:
    """Does a given name or patronymic end ``before``, a space after it ("Александр
    Дремлюгин, Симферополь": a byline's author, whatever list his surname opens)?"""
    return before[-1:] == " " and _given_name(
        before.rsplit(maxsplit=1)[-1] if before.strip() else ""
    )


def given_name_before_surname(word: str, after: str) -> bool:
    """Is ``word`` a given name its dictionary knows first as one, with a capitalised word after
    it ("Губернатор Владимир Сальдо рассказал": a person, not Volodymyr-Volynskyi)? Stricter
    than :func:`_known_person`, which a word the store lacks answers: here the word is a place's
    name too, so a name must be its dictionary's first reading."""
    return _CAPITALISED_NEXT.match(after) is not None and " " not in word and _first_a_name(word)


@lru_cache(maxsize=16_384)
def _first_a_name(word: str) -> bool:
    lowered = word.lower()
    for lang in ("ru", "uk"):
        morph = analyser(lang)
        if not morph.word_is_known(lowered):
            continue  # a guess from the ending ("Червоное" as a given name) is no evidence
        first = morph.parse(lowered)[0]
        if {"Name", "nomn"} <= first.tag.grammemes and first.score >= 0.5:
            return True
    return False


_OUTLET_AFTER = re.compile(
    r"^(?:\.(?:Реалии|Реалії|Realii|LIVE|Live|UA|ua|info|news|City|city)\b"
    r"|\s+(?:live|Live|LIVE)[»\"”])"
)
"""A name glued by a dot to an outlet's word: Radio Liberty's projects ("Донбасс.Реалии",
"Крым.Реалии"), a show or site ("в ефірі Ранок.LIVE", "Херсон.info", the city sites
"Волноваха.City"); any other word after a dot is a missing space ("Владимировка.Кроме
этого"). Or a show's name, quoted, ending in "live" ("в прямой эфир «СОЛОВЬЁВ live»": no
village Соловйов)."""


_UNIT_ADJECTIVE = re.compile(
    r"(?:ськ|цьк|зьк|ск|цк|зк)(?:ий|ій|ой|ого|ому|ом|им|ім|ая|ую|ые|ых|ыми|ої|ою|і|их|ими|а|у|е)$",
    re.IGNORECASE,
)
_UNIT_NOUN_AHEAD = re.compile(
    r"^[^.;:!?]{0,60}?(?<!\w)(?:район|громад|общин|округ|направлен|напрям|мікрорайон|микрорайон)",
    re.IGNORECASE,
)


def not_a_settlement_name(word: str, after: str) -> bool:
    """Is a capitalised Cyrillic word the store lacks, listed with places, no settlement's name:
    a raion's, hromada's or district's adjective with its noun ahead ("Эсманской и Белопольской
    громадам", "Кировский и Червоногвардейский районы"; "в районах Волчанска … Двуречанского"
    stays the village), a surname pymorphy3's dictionaries know ("речника … Волошина"), or a
    given name they know with a surname after it ("Наталья Петрова")? Guesses for words the
    dictionaries lack ("Хмелевка") are no evidence."""
    if _UNIT_ADJECTIVE.search(word) and (
        _UNIT_NOUN_AHEAD.match(after) or axis_ending_list(after) is not None
    ):
        return True  # a noun past the window ends a list of nine axes
    return _known_person(word, _CAPITALISED_NEXT.match(after) is not None)


@lru_cache(maxsize=16_384)
def _known_person(word: str, full_name: bool) -> bool:
    """Do pymorphy3's dictionaries (not its guesses) know ``word`` as a surname, or, in a full
    name (``full_name``: a capitalised word follows), as a given name or patronymic too?"""
    person = {"Surn", "Name", "Patr"} if full_name else {"Surn"}
    return any(
        parse.is_known and person & parse.tag.grammemes
        for lang in ("uk", "ru")
        for parse in analyser(lang).parse(word)
    )


_CAPITALISED_NEXT = re.compile(r"^\s+[А-ЯІЇЄҐ][а-яіїєґ'’]")


_BRIDGE_AFTER = re.compile(r"^\s+(?:мост|моста|мосту|мостом|мосте|міст|мості)(?![\w'’ʼ-])")
"""A bridge after a name ("у Антоновского моста", "Кримський міст"): the bridge's name."""

_MEASURE_AFTER = re.compile(
    r"^\s+(?:\d|(?:в|через|за|на|по|к|до|под|около)\s+\d"
    r"|(?:год|года|лет|недел|месяц|сутки|суток|день|дня|дней|час|минут|секунд|полгода|полчаса"
    r"|половин|столько|тогда|так|один|одна|одну|одно|два|две|три|четыр|пять|шест|сем|восем"
    r"|девят|десят|сто|двести|тысяч|рік|року|років|тиж|місяц|доб|годин|хвилин|дві|чотир)"
    r"|(?:в|у|через)\s+(?:полдень|полночь|опівдні|опівночі)"
    r"|(?:от|від)\s+\S+(?:\s+\S+){0,3}\s+до\s)",
    re.IGNORECASE,
)
"""A number or a span of time after a word ("… неделю назад", "… в 12:00", "… два года"), or
a span of distance ("Ровно от Курахово до границы 25 километров")."""


def adverb_of_measure(word: str, after: str) -> bool:
    """Is ``word``, which opens its sentence, an adverb of measure before a number or a span of
    time ("Ровно неделю назад", "Ровно в 12:00"; pymorphy3 knows it as an adverb as well as
    Rivne's Russian name) rather than the place?"""
    if _MEASURE_AFTER.match(after) is None:
        return False
    lowered = word.lower()
    return any(p.tag.POS == "ADVB" for lang in ("ru", "uk") for p in analyser(lang).parse(lowered))


_CLOSING_QUOTES = '"»“”'
_OPENING_QUOTES = '«"„“'
_QUOTED_SOURCE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:повідомили|заявили|зазначили|наголосили|розповіли|додали|уточнили|сообщили"
    r"|отметили|рассказали|добавили)\s+[вуВУ]\s+[«\"„“]$",  # "уточнили": both languages
    re.IGNORECASE,
)
"""A plural speech verb, "в"/"у" and an opening quote: the quoted name is who spoke ("—
заявили в «Азові»": the brigade; Азов is also a Rostov-oblast town)."""
_QUOTED_NAME_BEFORE = re.compile(
    rf"[\w.]\s+[«\"„“]{_CAPITAL}[\w'’ʼ-]*(?:ий|ый|ой|а|ая|яя|е|ое|ее|і|ые|ие)\s+$"
)
"""An opening quote after a word and a capitalised adjective right before a name the quote closes
after: the name ends a quoted title ("бригади \"Червона Калина\"": a brigade; Калина is a
Perm-krai village's case form). A quoted place is scanned whole ("«Нова Каховка»"); a quoted
sentence opens the text or follows a colon or a dash ("“Звільнено Балаклію”, – йдеться")."""
_COUNTED_BEFORE = re.compile(
    r"(?<![\w'’ʼ-])(?:\d+|один|одна|одну|одного|одной|одне|одно|два|две|дві|двух|двох|три|трех"
    r"|трёх|трьох|четыре|чотири|четырех|четырёх|чотирьох|пять|п[’'ʼ]ять|шесть|шість|семь|сім"
    r"|несколько|кілька|декілька)\s+[«\"„“]$",
    re.IGNORECASE,
)
"""A number and an opening quote: what is counted is a make of vehicle or weapon ("две \"Козак\"",
"два «Бредлі»": armoured cars; Козак is also two villages), never a place."""
_NAMED_BEFORE = re.compile(
    r"(?<![\w'’ʼ-])(?:(?:на|про)?звал[иа]?|назвав|називають|называют|называли|називали|прозвали"
    r"|(?:під|под|з|с)\s+назв(?:ою|анием))\s+[«\"„“]$",
    re.IGNORECASE,
)
"""A verb or noun of naming and an opening quote: the quoted word is a name given, to a
stronghold or an operation ("укріпрайонів …, котрі вони гордо назвали «Масква», «Омск» й
«Пітєр»"), not the place it may spell."""
_NAMED_WORDS = 3
# The most words (the first maybe in part) a match of each end-anchored pattern before a quoted
# name spans: "заявили в «", "две «", "…ади «Червона ": the searches start there (last_words_at).
_QUOTED_SOURCE_WORDS = 3
_COUNTED_WORDS = 2
_QUOTED_NAME_WORDS = 2
_DEFENCE_AFTER = re.compile(r"^\s+оборон[иы]\b", re.IGNORECASE)
"""After a name: "Сили оборони", "Силы обороны" (the Defence Forces; Сила is also a village),
"Міністерства оборони": the word the genitive "of defence" follows is no place."""
_STAROSTA_AFTER = re.compile(r"^\s+старост(?:инськ|инск|ат)", re.IGNORECASE)
"""After a name: "Біловодського старостинського округу", "Хотінського старостату": the starosta
district of a hromada, named by an adjective that may spell another village (Біловодське); the
store holds no such districts."""
_NUMBERED_UNIT_AFTER = re.compile(r"^\s+\d{1,3}(?:-?[а-яіїє]{1,3})?\s")
"""A number, as a unit's ("Українська 46-та окрема бригада", "Российская 3-я армия")."""


def _numbered_unit_after(after: str) -> bool:
    """Does a numbered unit follow the name, its noun within three words of the number
    ("Українська 46-та окрема аеромобільна бригада")? Then the name is the unit's adjective."""
    found = _NUMBERED_UNIT_AFTER.match(after)
    if found is None:
        return False
    unit = cues().unit
    return any(
        word.lower().strip(",.;:") in unit for word in after[found.end() :].split(None, 3)[:3]
    )


_AGE_AFTER = re.compile(
    r"^\s+(?:было|було|исполнилось|исполнился|виповнилося|виповнився)"
    r"(?:\s+(?:всего|только|лишь|всього|усього|лише|лиш))?\s+\d+\s+"
    r"(?:дн|лет|год|месяц|недел|днів|день|дня|рок|місяц|тиж)",
    re.IGNORECASE,
)
"""The age after a name ("Софийке было всего 23 дня", "Артему исполнилось 12 лет"): a child's
given name, not a site."""


@lru_cache(maxsize=4_096)
def surname(word: str) -> bool:
    """Do pymorphy3's dictionaries read ``word`` first as a surname, in Russian or Ukrainian
    ("Рогов", "Гладков"; not "Херсон", "Купянск")?"""
    return any(
        "Surn" in parses[0].tag.grammemes
        for lang in ("uk", "ru")
        if (parses := analyser(lang).parse(word))
    )


_NEXT_WORD = re.compile(r"^\s+([а-яіїєґё'’ʼ-]{3,})(?![\w'’ʼ-])")


def adjective_of_noun(text: str, after: str) -> bool:
    """Is a one-word name an adjective agreeing with the common noun after it ("Мирный житель",
    "Передовая линия", "Вільне слово"): a noun phrase, not the village Мирне or Вільне? Region,
    axis, hromada and office nouns are read before this; a verb after the name ("Вільне
    звільнили") keeps it a place."""
    if " " in text or "-" in text:
        return False
    found = _NEXT_WORD.match(after)
    if found is None:
        return False
    adjective, word = text.lower(), found.group(1)
    if _agrees(adjective, word):
        return True
    # "Украинское военное командование": an adjective between them, agreeing with both
    second = _NEXT_WORD.match(after[found.end() :])
    return (
        second is not None
        and _agrees(word, second.group(1))
        and _agrees(adjective, second.group(1))
    )


@lru_cache(maxsize=16_384)
def common_noun_lemmas(word: str) -> tuple[str, ...]:
    """The lemmas of ``word`` when a dictionary knows it as a case form of a common noun, not as
    its own nominative nor as a name ("Машину" → машина; "Піски", "Лиман", "Тарас" → ()): the
    caller checks that no lemma is itself a place ("Горлівку" → горлівка is)."""
    lowered, lemmas = word.lower(), []
    for lang in ("uk", "ru"):
        morph = analyser(lang)
        if not morph.word_is_known(lowered):
            continue
        parses = [p for p in morph.parse(lowered) if p.score >= 0.1]  # ru: rare readings out
        if not parses or any(
            p.normal_form == lowered or {"Geox", "Name", "Surn", "Patr"} & p.tag.grammemes
            for p in parses
        ):
            return ()
        if parses[0].tag.POS == "NOUN":
            lemmas += [p.normal_form for p in parses]
    return tuple(dict.fromkeys(lemmas))


def oblique_adjective(word: str) -> bool:
    """Is ``word`` known to a dictionary first as an adjective in an oblique case, and never as
    a name ("Хорошего здесь мало": хороший, not a case form of Хороше)? At a sentence's start,
    with no preposition before it, such a word is no place."""
    lowered = word.lower()
    for lang in ("ru", "uk"):
        morph = analyser(lang)
        if not morph.word_is_known(lowered):
            continue
        parses = [p for p in morph.parse(lowered) if p.score >= 0.1]
        if (
            parses
            and parses[0].tag.POS == "ADJF"
            and parses[0].tag.case not in ("nomn", "accs")
            and not any({"Geox", "Name", "Surn", "Patr"} & p.tag.grammemes for p in parses)
        ):
            return True
    return False


@lru_cache(maxsize=16_384)
def _agrees(adjective: str, noun: str) -> bool:
    for lang in ("uk", "ru"):
        nouns = [p for p in analyser(lang).parse(noun) if p.score >= 0.3]
        if not nouns or nouns[0].tag.POS != "NOUN":
            continue
        for a in analyser(lang).parse(adjective):
            if a.tag.POS != "ADJF" or a.score < 0.05:
                continue
            for n in nouns:
                if n.tag.POS != "NOUN" or n.tag.case != a.tag.case:
                    continue
                if n.tag.number == "plur" and a.tag.number == "plur":
                    return True
                if n.tag.number == a.tag.number and (a.tag.gender or n.tag.gender) in (
                    n.tag.gender,
                    None,
                ):
                    return True
    return False


@lru_cache(maxsize=4_096)
def is_locative(word: str) -> bool:
    """Can ``word`` be a locative to pymorphy3's Ukrainian or Russian dictionary ("Запоріжжі",
    "Запорожье")? After "на" such a name of both a city and its oblast is the oblast."""
    return any(
        parse.tag.case in LOCATIVES for lang in ("uk", "ru") for parse in analyser(lang).parse(word)
    )


_DISTRICT_LIST = re.compile(
    r"(?:мікрорайон|микрорайон)\w*(?::\s*|\s+)"
    r"(?:[«\"“„]?[^\s«»\"“”„,:]+[»\"”]?(?:\s*,\s*|\s+(?:и|і|й|та)\s+)){0,8}[«\"“„]?$",
    re.IGNORECASE,
)
"""A name in a list of city districts: "в микрорайонах «Восточный» и «Западный»", "такі
мікрорайони: Шевченко, Південний, Леваневського" (the first after a colon too). Run
only where the lower-cased text holds "ай", which no letter but "А"/"Й" lower-cases to and which
IGNORECASE matches no other letter to (unlike "о", matched to "ᲂ" too)."""


_INITIALS = re.compile(
    r"(?:^|[\s(«\"„“])(?:[А-ЯІЇЄҐ]\.\s?[А-ЯІЇЄҐ]|[АБВЕЖЗИІЇЄКЛОТУФЦЧШЩЮЯ])\.\s?$"
)
"""A person's initials right before a name: two ("имени А. В. Захарченко", "О.О. Сирський"),
or one that no abbreviation of a settlement word begins ("заявил В. Захарченко"; "с.", "м.",
"г.", "н.п.", "пос.", "р." are markers, written in capitals at a sentence's start)."""
_INITIALS_END = (".", ". ")
"""How text before initials ends: their pattern's only endings, tested before it runs."""


_RESTATED_BEFORE = re.compile(
    r"(?:республик|республік|област|район|громад)\w*\s*\($", re.IGNORECASE
)
"""A region's name with its abbreviation in brackets: "Донецкой народной республики (ДНР)"."""

_AND = frozenset({"и", "і", "й", "та"})


def _unit_list_before(before: str) -> bool:
    """Is the name the second of a unit's pair ("группировка войск ДНР и ЛНР")? Not after a
    quoted unit name: "силами группировки «Север» и Сухецкого в ДНР" names a village, where the
    pair's second unit would be quoted as its first ("«Север» и «Запад»")."""
    parts = before.rsplit(maxsplit=3)
    return (
        len(parts) == 4
        and before[-1:] == " "
        and parts[3].lower() in _AND
        and parts[1].lower() in cues().unit
        and parts[2][-1:] not in _UNIT_NAME_CLOSES
    )


_UNIT_NAME_CLOSES = '»"”'
"""The quotes that close a unit's name ("группировки «Север»")."""

_ARMIES = frozenset({"всу", "зсу", "рф", "вс", "россии", "росії", "украины", "україни"})
"""The army a unit noun may name between itself and the unit's quoted name ("тактической
группы ВСУ «Таврия»", "угруповання військ РФ «Схід»")."""


def _army_unit_before(before: str) -> bool:
    """Is the name quoted after a unit noun and its army ("представитель тактической группы ВСУ
    "Таврия"", "группировки ВС РФ «Восток»")? Then it is the unit's name."""
    if before[-1:] not in _OPENING_QUOTES:
        return False
    words = before.rstrip(_QUOTES_OR_BRACKET).lower().split()[-3:]
    while words and words[-1].strip(_BRACKETS_OR_QUOTES) in _ARMIES:
        words.pop()
    return len(words) < 3 and bool(words) and words[-1] in cues().unit


def not_a_site(before: str, after: str, locative: bool) -> str | None:
    """Why a Cyrillic name is not a site here (a surname after a title, a given name or
    initials, a unit's name, a river's, a speaker, the government in "подконтрольной Киеву"),
    or None."""
    table = cues()
    previous = _last_word(before)
    if previous in table.person or (
        before.endswith(_INITIALS_END) and _INITIALS.search(before[-12:])
    ):
        return "a person's surname"
    # "Дмитрий "Перун" Филатов": a call sign quoted between a given name and the surname
    unquoted = before.rstrip('«"„“') if before[-1:] in '«"„“' else before
    if (
        after_a_given_name(unquoted)
        and region_after(after) is None  # "Победа Лозовской общины": a village, then its hromada
    ):
        return "a person's surname"
    spaced = after[:1].isspace()  # what the patterns after the name below start with
    if spaced and _DEFENCE_AFTER.match(after):
        return 'the Defence Forces ("Сили оборони"), not a village'
    if after[:1] in _CLOSING_QUOTES and _QUOTED_NAME_BEFORE.search(
        before, last_words_at(before, _QUOTED_NAME_WORDS)
    ):
        return 'the last word of a quoted name ("Червона Калина"), not a settlement'
    if before[-1:] in _OPENING_QUOTES and (quoted := _quoted_name(before, after, unquoted)):
        return quoted
    if spaced and _AGE_AFTER.match(after):
        return "a person's name (an age follows)"
    if spaced and _STAROSTA_AFTER.match(after):
        return "a starosta district's adjective (старостинський округ), not a settlement"
    if (spaced or after[:1] == ".") and _OUTLET_AFTER.match(after):
        return 'an outlet\'s name ("Донбасс.Реалии")'
    if spaced and _BRIDGE_AFTER.match(after):
        return 'a bridge\'s name ("Антоновского моста"), not a settlement'
    if previous in table.unit or _unit_list_before(before) or _army_unit_before(before):
        return "a unit's name"
    if not locative and spaced and after[1:2].isdigit() and _numbered_unit_after(after):
        return "a numbered unit's adjective"
    if after.lstrip()[:1] == ")" and _RESTATED_BEFORE.search(before):
        return "the abbreviation of the region named before it"
    if previous in table.water:
        return "a river's or a reservoir's name"
    if (
        previous in table.district
        or (
            previous in _district_ends()
            and " ".join(before.rstrip(_QUOTES + "(").split()[-2:]).lower() in table.district
        )
        or ("ай" in before.lower() and _DISTRICT_LIST.search(before) is not None)
    ):
        return "a part of a city (мікрорайон), not a settlement"
    if previous in table.street or (
        before[-1:] in '«"„“' and previous in table.quoted_facility
    ):  # "торговый центр «Аврора»"
        return "a street's or a facility's name, not a settlement"
    if previous in table.okrug:
        return "an occupation district's name, not a settlement"
    if previous in table.controlled:
        return "the government in control, not a site"
    if not locative and previous in table.speaker:  # "– заявив Кім."
        return "a speaker, not a site"
    if (
        not locative
        and previous not in table.resident  # "Житель Лисичанська розповів": the resident speaks
        and not title_before(before)  # "Мэр Энергодара сообщил": the mayor speaks
        and _verb_after(after) in table.speech  # "Рогов также подчеркнул"
    ):
        return "a speaker, not a site"
    return None


_NUMBERED_TITLE = re.compile(r"[ -]\d+[»\"”“]")
"""A number closing the quoted name, after a space or a hyphen: "«Київ 24»", "«Дніпро-1»"."""


def _quoted_name(before: str, after: str, unquoted: str) -> str | None:
    """Why a name right after an opening quote is not a site: who is quoted, what is counted,
    or what the noun before it names; None when it may be a place. ``unquoted``: ``before``
    without its opening quote."""
    if _QUOTED_SOURCE_BEFORE.search(before, last_words_at(before, _QUOTED_SOURCE_WORDS)):
        return 'a source quoted after its verb ("заявили в «Азові»"), not a settlement'
    if _COUNTED_BEFORE.search(before, last_words_at(before, _COUNTED_WORDS)):
        return 'a make counted by a number ("две «Козак»"), not a settlement'
    if _NAMED_BEFORE.search(before, last_words_at(before, _NAMED_WORDS)):
        return 'a name given ("назвали «Масква»", "под названием «Восток»"), not a settlement'
    if _NUMBERED_TITLE.match(after):
        return 'a quoted title with a number ("в ефірі «Київ 24»": a channel), not a settlement'
    if after[:1] in _CLOSING_QUOTES and _noun_before_quote(unquoted):
        # "із залученням «Азову»", "бійці «Азова»", "фільм «Бахмут»": the name of what the
        # noun before it names ("обстріляв «Нову Каховку»", "в «Азові»" may be places)
        return "a quoted name after a noun (a unit's, a work's), not a settlement"
    return None


def _noun_before_quote(unquoted: str) -> bool:
    """Is the word before a quoted name (``unquoted``: the text before it, its opening quote
    dropped) a noun that no locative or settlement word precedes or is ("залученням", "бійці",
    "штурмовики"), to pymorphy3's dictionary of its language?"""
    words = unquoted.split()
    if not words or not unquoted[-1:].isspace() or before_cues(words)[1]:
        return False
    return _is_noun(words[-1].strip(_BRACKETS_OR_QUOTES + ",.:;").lower())


@lru_cache(maxsize=4_096)
def _is_noun(word: str) -> bool:
    """Is ``word`` (lower case) a noun first, to the dictionary of the language its letters
    say (Ukrainian with "і", "ї", "є", "ґ" or an apostrophe, else Russian)?"""
    if not word:
        return False
    lang = "uk" if _UKRAINIAN_LETTERS.search(word) else "ru"
    return analyser(lang).parse(word)[0].tag.POS == "NOUN"


def speaker_before(before: str) -> bool:
    """Does a speech verb or "за словами"/"по словам" end ``before``, so that the name after it
    speaks ("По словам Сальдо, Алешки …")?"""
    return _last_word(before) in cues().speaker


@cache
def _district_ends() -> frozenset[str]:
    """The last words of the district phrases of two words ("масиві" of "житловому масиві")."""
    return frozenset(p.rsplit(maxsplit=1)[-1] for p in cues().district if " " in p)


def metonymic(words: list[str], after: str) -> bool:
    """Does the context make a seat of government name its government ("Київ заявив", "у
    Москві заявили", "за словами Москви")? ``words`` are the whitespace-split text before it."""
    table = cues()
    if _verb_after(after) in table.metonymy_after:  # "Киев заявил", "Киев намеренно бьет"
        # … but "Глава ДНР подтвердил", "мэр Москвы заявил": the head of its office speaks
        return not (words and title_before(" ".join(words[-3:])))
    tail = [w.lower() for w in words[-3:]]
    return any(" ".join(tail[i:]) in table.metonymy_before for i in range(len(tail)))


@cache
def _region_after() -> re.Pattern[str]:
    nouns = sorted(cues().region, key=len, reverse=True)
    return re.compile(r"^\s+(" + "|".join(map(re.escape, nouns)) + r")(?![\w])", re.IGNORECASE)


def region_after(after: str) -> tuple[int, str] | None:
    """(end, level word) when a region noun follows the name ("… області", "… району")."""
    found = _region_after().match(after)
    if found is None:
        return hromada_name(after)
    return found.end(), cues().region[found.group(1).lower()]


@cache
def _hromada_kind() -> str:
    """The words that may stand between a hromada's name and its noun, its kind and
    "територіальна" ("селищна територіальна", "сельских территориальных"), as a pattern of
    each word and the whitespace after it."""
    data = tomllib.loads(resources.files("geo.data").joinpath(TABLE).read_text("utf-8"))
    words = data["after"]["hromada"]
    kinds, territorial = (
        "|".join(map(re.escape, words[part])) for part in ("kinds", "territorial")
    )
    return rf"(?:(?:{kinds})\w*\s+)?(?:(?:{territorial})\w*\s+)?"


@cache
def _hromada_after() -> re.Pattern[str]:
    nouns = sorted((k for k, v in cues().region.items() if v == "hromada"), key=len, reverse=True)
    return re.compile(
        rf"^\s+{_hromada_kind()}({'|'.join(map(re.escape, nouns))})(?![\w])", re.IGNORECASE
    )


_SAME_REGION_AFTER = re.compile(
    r"^,?\s+(?:(?:в|у|на)\s+)?(?:той|тій|этой|цій|тієї|цієї)\s+(?:же|ж|самій|самой|самої)\s+"
    r"(?:области|області)(?![\w'’ʼ-])",
    re.IGNORECASE,
)


def same_region_after(after: str) -> bool:
    """Does "в той же области" ("у тій самій області", "цієї ж області") follow the name? Then
    it lies in the oblast the text named last."""
    return after[:1] in ", " and _SAME_REGION_AFTER.match(after) is not None


def hromada_name(after: str) -> tuple[int, str] | None:
    """(end, "hromada") when the hromada words follow a name, its kind and "територіальна"
    included ("Великобурлуцька| селищна територіальна громада", "Олександрівську| громаду",
    "Великобурлукской| поселковой территориальной общины"): the name is the hromada's."""
    found = _hromada_after().match(after)
    return (found.end(), "hromada") if found else None


@cache
def _region_next() -> re.Pattern[str]:
    nouns = sorted(cues().region, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, nouns))
    return re.compile(rf"^[\s,]+{_CAPITAL}[\w'’ʼ-]*\s+(?:{alternatives})(?![\w])", re.IGNORECASE)


def region_follows(after: str) -> bool:
    """Does a region phrase follow ("Бахмуті Донецької області")? Then the capitalised word
    after the name begins the region, not a longer name."""
    return _region_next().match(after) is not None


def axis_word(text: str, after: str) -> str | None:
    """The axis word of "Покровському напрямку" (inside the match) or of "Бахмут напрямок"
    (right after it), or None."""
    table = cues()
    last = text.rsplit(maxsplit=1)[-1].lower()
    if last in table.axis:
        return last
    first = _first_word(after) if after[:1].isspace() else ""
    return first if first in table.axis else None


@cache
def _axis_towns() -> dict[str, str]:
    """Every case form of every axis adjective in the table, lower-case, → its town."""
    towns: dict[str, str] = {}
    for lang, phrase, town in cues().axes:
        adjective = phrase.split()[0]
        for form in {phrase, *case_forms(phrase, lang)}:
            towns.setdefault(form.split()[0], town)
        towns[adjective.lower()] = town
    return towns


@lru_cache(maxsize=16_384)
def axis_town(text: str) -> str | None:
    """The town an axis adjective names ("Слов'янському" → "Слов'янськ"), whatever village its
    case form also spells ("Слов'янське"), or None when ``text`` is no axis adjective."""
    words = text.lower().replace("’", "'").replace("ʼ", "'").split()
    return _axis_towns().get(words[0]) if len(words) == 1 else None


_AXIS_STEMS = ("направлен", "напрям", "ділянц", "участк", "сектор", "укрепрайон", "укріпрайон")
"""The stems of the axis words a lower-case axis may end with (the table's, agglomerations
aside: "покровско-мирноградской агломерации" is read whole elsewhere)."""


def may_name_an_axis(text: str) -> bool:
    """Might ``text`` spell an axis in lower case ("на купянском направлении")? A quick gate
    before :func:`lower_case_axes`."""
    return any(stem in text for stem in _AXIS_STEMS)


@cache
def _axis_words() -> re.Pattern[str]:
    """An axis word of the table after a space (the adjective before it is looked for after)."""
    axis = _led_alternation(w for w in cues().axis if w.startswith(_AXIS_STEMS))
    return re.compile(rf"\s{axis}(?![\w'’ʼ-])")


_ADJECTIVE_BEFORE = re.compile(r"(?<![\w'’ʼ-])([а-яёіїєґ][а-яёіїєґ'’ʼ-]+)\s*\Z")
"""The lower-case word right before an axis word ("купянском" of "купянском направлении")."""
_LISTED_BEFORE = re.compile(
    r"(?<![\w'’ʼ-])([а-яёіїєґ][а-яёіїєґ'’ʼ-]+)(?:,\s*|\s+(?:и|і|та|й)\s+)\Z"
)
"""The adjective before another of a list ("краматорском, константиновском и …")."""
_WINDOW = 48  # characters: the longest adjective of the table and its "и"/"та", spare


def _axis_word_matches(text: str) -> list[re.Match[str]]:
    """What ``_axis_words().finditer(text)`` gives, found faster: every word of the table starts
    with a stem of :data:`_AXIS_STEMS`, so the pattern is tried only at the space before each
    stem ``str.find`` meets (no two matches overlap: each is a space and a word without one)."""
    words, starts = _axis_words(), []
    for stem in _AXIS_STEMS:
        at = text.find(stem, 1)
        while at != -1:
            starts.append(at - 1)
            at = text.find(stem, at + 1)
    starts.sort()
    return [found for at in starts if (found := words.match(text, at)) is not None]


def lower_case_axes(text: str) -> Iterator[tuple[int, int, int | None]]:
    """(start, end, axis end) of each lower-case adjective before an axis word of the table
    ("купянском направлении": the axis end is that of "направлении"), and of each adjective
    listed before it ("краматорском, константиновском и славянском направлениях": axis end
    None). Whether an adjective names an axis is :func:`axis_town`'s to say. The axis words
    are found first (a few a document), then the words before each."""
    for word in _axis_word_matches(text):
        found = _ADJECTIVE_BEFORE.search(text, max(0, word.start() - _WINDOW), word.start() + 1)
        if found is None:
            continue
        yield found.start(1), found.end(1), word.end()
        at = found.start(1)
        while (listed := _LISTED_BEFORE.search(text, max(0, at - _WINDOW), at)) is not None:
            yield listed.start(1), listed.end(1), None
            at = listed.start(1)


_PARTS = frozenset(
    "западе востоке севере юге северо-западе северо-востоке юго-западе юго-востоке заході "
    "сході півночі півдні північному-заході".split()
)
"""The parts of an axis a report places fighting in ("на западе Запорожского направления")."""


def part_of_before(words: list[str]) -> bool:
    """Do the words before a name end with a part of a front ("на западе", "на півдні")?"""
    return (
        len(words) >= 2 and words[-2].lower().lstrip('«"(') == "на" and words[-1].lower() in _PARTS
    )


def axis_hint(town_key: str) -> str | None:
    """The raion or oblast of the town an axis is named after, where the table gives one
    ("Кам'янський напрямок": the Kamianske of Vasylivskyi raion, not the Dnipro city)."""
    return cues().axis_hints.get(town_key)


_WORD = re.compile(r"[\w'’ʼ-]+")

_REGION_AXES = ("волинськ", "волынск", "поліськ", "полесск", "слобожанськ", "слобожанск")
"""The General Staff's northern axes, named after historic lands, not towns: Volyn, Polissia,
Slobozhanshchyna (Сіверський, beside them, is Siveria's, not Siversk's)."""
_SIVERIA = ("сіверськ", "северск")


def _land(word: str) -> str:
    """``word`` lower-cased, from its last hyphen on: "Південно-Слобожанському" is a land's
    axis as "Слобожанському" is."""
    return word.lower().rsplit("-", 1)[-1]


def region_axis(text: str, before: str, after: str, sentence: str = "", end: int = 0) -> bool:
    """Is ``text`` the adjective of an axis named after a historic land ("на Волинському і
    Поліському напрямках", "на Слобожанском направлении", "на Північно-Слобожанському
    напрямку"), or "Сіверському" in a list with one ("на Сіверському та Слобожанському
    напрямках")? Those cover a border region: no point. ``sentence[end:]`` follows ``text``,
    for a list longer than the ``after`` window (:func:`axis_ending_list`); it is sliced only
    for such an adjective whose window holds no axis word."""
    lowered = _land(text)
    land = lowered.startswith(_REGION_AXES)
    if not land and not lowered.startswith(_SIVERIA):
        return False
    words = _WORD.findall(f"{before} {after}".lower())
    if not any(w in cues().axis for w in words) and axis_ending_list(sentence[end:]) is None:
        return False
    return land or any(_land(w).startswith(_REGION_AXES) for w in words)


def axis_in_list(
    text: str, before: str, after: str, sentence: str = "", span: tuple[int, int] = (0, 0)
) -> str | None:
    """The axis word near an axis adjective in a list of axes ("зокрема на Харківському,
    Куп'янському, Лиманському напрямках", "на Донецком и Запорожском направлениях"), or None.
    ``sentence`` holds ``text`` at ``span``: a list longer than the ``after`` window is
    followed to its end (:func:`axis_ending_list`), and the sentence before ``text`` holds the
    axis word a roundup leaves out the second time ("на Покровському напрямку …, зокрема в
    районах Покровська та Дачного, на Слов'янському – окупанти атакували"). Both are sliced
    only when the windows hold no axis word."""
    if axis_town(text) is None:
        return None
    axes = cues().axis
    if _last_word(before) in axes:  # "в направлении Покровского": towards the village Покровское
        return None
    found = next((w for w in _WORD.findall(f"{before} {after}".lower()) if w in axes), None)
    start, end = span
    if found is None and sentence:
        found = axis_ending_list(sentence[end:])
    earlier = sentence[:start]
    if found is None and earlier and _ELIDED_NOUN.match(after) and _ON_BEFORE.search(earlier):
        words: list[str] = _WORD.findall(earlier.lower())  # typed: mypyc needs the element
        found = next((w for w in reversed(words) if w in axes), None)
    if found is None and _ON_BEFORE.search(before) and not _CAPITALISED_NEXT.match(after):
        lowered = text.lower()
        found = next((w for end, w in _ELIDED_AXIS_WORD if lowered.endswith(end)), None)
    return found


_ELIDED_NOUN = re.compile(r"\s*[–—:]")
"""A dash or colon right after an axis adjective: its noun left out ("на Слов'янському – …")."""
_ON_BEFORE = re.compile(r"(?<![\w'’ʼ-])(?:на|На)\s+\Z")
_CAPITALISED_NEXT = re.compile(rf"\s+{_CAPITAL}")
_ELIDED_AXIS_WORD = (("ому", "напрямку"), ("ім", "напрямку"), ("ом", "направлении"))
"""The axis word an axis adjective in the locative after "на" leaves out, by its ending, when no
axis word is near: "А на Слов'янському українські військові відбили…" (the sentence before
named the axis word). A village of that name would take "у"/"в" ("у Слов'янському"); a works
or road ("на Покровському руднику") lies at the axis town too."""


_LIST_STEP = re.compile(
    r"(?:\s*,\s*|\s+(?:і|и|та|й|а\s+також|а\s+также)\s+|(?P<space>\s+))([\w'’ʼ-]+)"
)
"""One step along a list of axis adjectives: a comma or "і"/"та"/"и", or a space before the
axis word that ends the list, then the next word."""
_AXIS_ADJECTIVE = re.compile(r"[А-ЯІЇЄҐЁ][\w'’ʼ-]*(?:ому|ім|ом)")
"""A capitalised adjective in the locative, as a list of axes spells each ("Курському",
"Южно-Донецком"): a list is followed across axes the table does not know too."""
_AXIS_LIST_MAX = 16


def axis_ending_list(rest: str) -> str | None:
    """The axis word that ends the list of axis adjectives ``rest`` continues (``rest``: the
    sentence after one of them): "…, Лиманському, Слов’янському, Костянтинівському,
    Олександрівському, Гуляйпільському, Оріхівському та Придніпровському напрямках", as
    the General Staff lists nine axes, longer than any context window; None when a word that is
    neither an axis adjective nor the axis word breaks the list off."""
    axes, at = cues().axis, 0
    for _ in range(_AXIS_LIST_MAX):
        step = _LIST_STEP.match(rest, at)
        if step is None:
            return None
        word = step.group(2)
        if word.lower() in axes:
            return word.lower()
        if step.group("space") is not None or not _AXIS_ADJECTIVE.fullmatch(word):
            return None
        at = step.end()
    return None


# -- regions: oblasts, raions, city districts and offices ---------------------------------------

_ADJECTIVE = re.compile(
    r"^(?P<stem>.+(?:ськ|цьк|зьк|ск|цк|зк))(?:ий|ій|ого|ому|ім|им|ої|ою|у|а|ая|ой|ую|ом|ое|ым|е)$"
)


def region_nominative(word: str, level: str) -> str | None:
    """The nominative an oblast's, raion's or hromada's adjective takes with its level word
    ("Сумского" + raion → "Сумский", "Донецької" + oblast → "Донецька", "Херсонской" →
    "Херсонская"), or None when ``word`` is no such adjective. The scanner's key of a case form
    is a village's ("Сумского" reads as the village Сумское), never the unit's."""
    found = _ADJECTIVE.match(word)
    if found is None:
        return None
    stem = found.group("stem")
    if level == "raion":
        return stem + "ий"
    return stem + ("а" if "ь" in stem[-3:] else "ая")


def _alternation(words: Iterable[str]) -> str:
    """``words`` as one regex alternation, the longest first (so "районах" is not read as
    "район"), joined behind shared first letters (:func:`~geo.core.patterns.factored_alternation`:
    the same matches, found faster)."""
    return factored_alternation([re.escape(w) for w in sorted(words, key=len, reverse=True)])


def _led_alternation(words: Iterable[str], then: str = "") -> str:
    """``words`` as :func:`_alternation` gives them, led by a lookahead of their first letters
    (lower case: the patterns are case-sensitive on lower-cased words, or IGNORECASE) and then
    ``then`` (a lookbehind). A search tries every position of the text; the one-character class
    fails most of them at once, where the alternation or the lookbehind would be tried."""
    words = list(words)
    first = re.escape("".join(sorted({word[0].lower() for word in words})))
    return f"(?=[{first}]){then}(?:{_alternation(words)})"


_REGION_STEM = "(?:ськ|цьк|зьк|ск|цк|зк)"
"""The suffix of a region's adjective ("Луганської", "Донецкой", "Запорізької", "Семенівської"),
which a village's own name ("Зоря", "Карповичі") lacks."""
_REGION_ADJECTIVE = re.compile(_REGION_STEM, re.IGNORECASE)


@cache
def _region_list_after() -> re.Pattern[str]:
    nouns = _alternation(cues().region_plural)
    member = rf"(?:\s*,\s*|\s+(?:і|й|та|и|або|или|чи)\s+){_CAPITAL}[\w'’ʼ-]*{_REGION_STEM}[\w'’ʼ-]*"
    # no member after the name: the list's last, right before its noun ("з Запорізькою та
    # Донецькою областями": Донецькою is no Donetsk), or before the kind of hromada the list's
    # members are ("Юнаківської та Миколаївської сільських територіальних громад")
    return re.compile(rf"^(?:{member}){{0,6}}\s+{_hromada_kind()}({nouns})(?![\w])", re.IGNORECASE)


@cache
def _region_plural_noun() -> re.Pattern[str]:
    nouns = _led_alternation(cues().region_plural, then=r"(?<![\w])")
    return re.compile(rf"{nouns}(?![\w])", re.IGNORECASE)


def region_in_list(text: str, after: str) -> str | None:
    """The level of a list of regions sharing one plural noun the name ``text`` begins
    ("Донецької й Луганської областей", "в Херсонской и Запорожской областях"): each adjective
    is an oblast, never its city. Every member is a region's adjective: in "сіл Зоря, Карповичі,
    Тимоновичі, Семенівської громади" the villages are listed before their hromada, whose noun
    "громади" is singular."""
    if _region_plural_noun().search(after) is None:  # no plural noun at all: no such list
        return None
    if _REGION_ADJECTIVE.search(text) is None:
        return None
    found = _region_list_after().match(after)
    return None if found is None else cues().region_plural[found.group(1).lower()]


@cache
def _region_list_before() -> re.Pattern[str]:
    nouns = _alternation(cues().region_plural)
    member = rf"{_CAPITAL}[\w'’ʼ-]*(?:\s*,\s*|\s+(?:і|й|та|и|або|или|чи)\s+)"
    return re.compile(rf"(?<![\w])({nouns})\s*[-–—:]?\s*(?:{member}){{0,5}}$", re.IGNORECASE)


_FEMININE_OBLIQUE = ("ої", "ій", "ою", "ой")
"""The endings of a feminine adjective's oblique cases (a name holds no line break to end it)."""


_ELIDED_ENDINGS = {"raion": ("ому", "ом"), "oblast": ("ій", "ой"), "hromada": ("ій", "ой")}
"""The locative endings of the adjective a region noun of each level takes ("в Ізюмському
[районі]", "в Сумській [області]", "в Сумской [области]")."""
_ELIDED_AFTER = re.compile(rf"^\s*(?:[–—-]\s|[,:;.)]|$|(?:та|і|й|и)\s+[вуВУ]?\s*{_CAPITAL})")
"""After an adjective whose noun is left out: a dash, a comma, a colon, the sentence's end, or
a second name joined to it ("в Донецькій та Луганській")."""
_IN_BEFORE = re.compile(
    rf"(?:^|\s)[уУвВ]\s+(?:{_CAPITAL}[\w'’ʼ-]*(?:ій|ой)\s+(?:та|і|й|и)\s+(?:[уУвВ]\s+)?)?$"
)
"""Right after "в"/"у", or after a first adjective so placed and joined to this one."""
_IN_LAST_WORDS = frozenset(("у", "У", "в", "В", "та", "і", "й", "и"))
"""The last word of any text :data:`_IN_BEFORE` finds at its end: tested first, it settles most
names without the pattern's search from every position."""
_IN_WORDS = 4
"""The most words a match of :data:`_IN_BEFORE` spans ("у Донецькій та у"), searched from there."""
_OBLAST_LOCATIVE = ("ській", "цькій", "зькій", "ской", "цкой")
"""The locative of an oblast's adjective, which no city or village takes after "в"/"у"
("у Донецькій", where the city is "у Донецьку")."""


@cache
def _elided_before() -> re.Pattern[str]:
    """An earlier region of the sentence, adjective and locative noun ("у Харківському районі"),
    which an adjective after it may leave its noun to."""
    locative = {noun for noun, level in cues().region.items() if noun.endswith(("і", "е"))}
    return re.compile(
        rf"(?<![\w'’ʼ-])[уУвВ]\s+{_CAPITAL}[\w'’ʼ-]*(?:ому|ом|ій|ой)\s+({_alternation(locative)})"
        r"(?![\w'’ʼ-])"
    )


def elided_region(before: str, text: str, after: str) -> str | None:
    """The level of a region adjective whose noun is left out: after a region of the same kind
    earlier in the sentence ("у Харківському районі пошкоджені два авто, в Ізюмському –
    прилетіло по дорозі": Iziumskyi raion, not the village Ізюмське; "в Сумській області …, в
    Чернігівській – …"), with the ending the earlier noun asks for; or, with no such noun, an
    oblast's adjective in the locative ("Окрім Дніпропетровської області, ворог просунувся у
    Донецькій", "в Донецькій та Луганській"). Only right after "в"/"у" (or a first adjective so
    placed), with nothing but a dash, a comma, a colon, the sentence's end or a joined second name
    after it."""
    last = before.rsplit(None, 1)[-1:]
    if (
        not last
        or last[0] not in _IN_LAST_WORDS
        or not _IN_BEFORE.search(before, last_words_at(before, _IN_WORDS))
        or not _ELIDED_AFTER.match(after)
    ):
        return None
    found = list(_elided_before().finditer(before))
    if found:
        level = cues().region[found[-1].group(1).lower()]  # the nearest one before the name
        if text.endswith(_ELIDED_ENDINGS.get(level, ())):
            return level
    if (
        text.lower().endswith(_OBLAST_LOCATIVE)
        and not any(mark in text for mark in " -")  # "в Каменке-Днепровской": a town
        and region_nominative(text, "oblast") is not None
    ):
        return "oblast"
    return None


def region_list_before(before: str, text: str) -> str | None:
    """The level of a list of oblasts or hromadas after the plural noun they share ("на стику
    трьох регіонів - Донецької, Запорізької та Дніпропетровської", "в трех областях: Донецкой,
    Запорожской и Херсонской"): each adjective in a feminine oblique case (as область and
    громада ask) is a region of that level, never its city. Not after "районах", which is as
    often "the areas of" a list of towns ("у районах Красногорівки та Сіверська")."""
    if not text.endswith(_FEMININE_OBLIQUE) or _region_plural_noun().search(before) is None:
        return None
    found = _region_list_before().search(before)
    level = None if found is None else cues().region_plural[found.group(1).lower()]
    return level if level in ("oblast", "hromada") else None


@cache
def district_of_city() -> re.Pattern[str]:
    """A raion noun in any case, after the district adjectives it names, ending right before a
    name: "Київський район Харкова", "в Днепровском и Шевченковском районах Запорожья", "по
    Куйбышевскому, Киевскому и Петровскому районам Донецка". The nouns are the table's raion
    words, singular and plural; the caller decides whether the name is a city with districts."""
    table = cues()
    nouns = _alternation(
        {
            noun
            for words in (table.region, table.region_plural)
            for noun, level in words.items()
            if level == "raion"
        }  # fmt: skip
    )
    adjective = rf"{_CAPITAL}[\w'’ʼ-]*(?:ий|ый|ой|ого|ому|ом|ім|им|ій)"
    return re.compile(
        rf"(?<![\w'’ʼ-])(?:{adjective}(?:\s*,\s*|\s+(?:и|і|й|та)\s+))*"
        rf"{_CAPITAL}[\w'’ʼ-]+\s+(?:{nouns})\s+$"
    )


def region_word(text: str) -> str | None:
    """The level of the region noun that ends a matched name ("Днепропетровская область",
    scanned whole), or None."""
    last = text.rsplit(maxsplit=1)[-1].lower() if " " in text else ""
    return cues().region.get(last)


_OFFICE_AFTER = re.compile(
    r"^\s+(?:(?P<oblast>ОВА|ОДА|обл(?:асн\w+|держ)\s*\w*|облради|облрада|облраді|облсовета?)|"
    r"(?P<raion>РВА|РДА)|"
    r"(?P<town>МВА|ВЦА|ВГА|ГВА|міськрад\w*|міськ\w+\s+рад\w*|горсовет\w*|городск\w+\s+совет\w*|"
    r"мерія|мерії|мэрия|мэрии)|"
    r"поліція|поліції|полиция|полиции|прокуратур\w+)(?![\w])"
)


def office_after(after: str) -> str | None:
    """ "Харківська ОВА", "Сумської МВА", "Херсонского горсовета": the place's office speaking
    (its jurisdiction, which frames the places it reports); "oblast" when the office is an
    oblast's, "office" for a town's or raion's, None when no office follows."""
    found = _OFFICE_AFTER.match(after)
    if found is None:
        return None
    return "oblast" if found.group("oblast") else "office"


def office_unit(text: str, after: str) -> str | None:
    """The unit whose office an adjective names ("Херсонської МВА", "Сумского горсовета": the
    city's hromada, "hromada"; "Нікопольської РВА": "raion"), or None: a town's or raion's
    office governs its unit, not the oblast its adjective also spells."""
    found = _OFFICE_AFTER.match(after)
    if found is None or " " in text or _ADJECTIVE.match(text) is None:
        return None
    return "hromada" if found.group("town") else "raion" if found.group("raion") else None


_ATTACK_NOUN = re.compile(
    r"^(?:атак|удар|налет|налёт|наступ|штурм|обстріл|обстрел|авіаудар|авиаудар)"
)


_ATTACKER = frozenset(
    "рф россии росії врага ворога противника всу зсу оккупантов окупантів дронов дронів "
    "ракет армии армії войск військ".split()
)


def target_of_attack(words: list[str]) -> bool:
    """Is the word before "на" an attack noun or verb, maybe with its attacker between ("атаки
    РФ на Запорожье", "наступают на Покровск")? Then "на" takes the accusative, whither: the
    place attacked, not the oblast a locative "на Запоріжжі" would be ("удару по Оріхову на
    Запоріжжі" stays the oblast)."""
    last = [w.lower().strip(",.") for w in words[-2:]]
    if last and _ATTACK_NOUN.match(last[-1]):
        return True
    return len(last) == 2 and last[1] in _ATTACKER and _ATTACK_NOUN.match(last[0]) is not None


_TOWN_OFFICES = frozenset("мва гва вга вца два мвца".split())
"""A town's military administration between a title and the town ("глава ГВА Николаева")."""


def title_before(before: str) -> bool:
    """Is the word before a name the title of its office's head ("мэр Донецка", "руководитель
    Харьковской ОВА"), maybe with the town's administration between ("голови МВА Херсона")?"""
    last = _last_word(before)
    if last in _TOWN_OFFICES:
        parts = before.rstrip(_QUOTES_OR_BRACKET).rsplit(maxsplit=1)
        return len(parts) == 2 and _last_word(parts[0]) in cues().title
    return last in cues().title


def resident_before(words: list[str]) -> bool:
    """ "житель Лисичанська", "жительница Донецка", "уродженець Маріуполя": where a person lives
    or comes from, a jurisdiction framing the places of the sentence, not a site in itself."""
    return bool(words) and words[-1].lower() in cues().resident


@cache
def _adjective_table() -> dict[str, tuple[str, str]]:
    """The table's abolished raions: adjective as written → (town, oblast)."""
    text = resources.files("geo.data").joinpath(TABLE).read_text("utf-8")
    table = tomllib.loads(text)["adjective_towns"]
    return {adjective: (town, oblast) for adjective, (town, oblast) in table.items()}


@cache
def _adjective_towns() -> dict[str, tuple[str, str]]:
    return {_apostrophe(k.lower()): towns for k, towns in _adjective_table().items()}


def _apostrophe(word: str) -> str:
    return word.replace("’", "'").replace("ʼ", "'")


def former_raion(nominative: str) -> tuple[str, str] | None:
    """(town, its oblast) of a raion abolished in 2020 by its adjective ("Марьинский" →
    Марьинка, Донецкая область), or None for any other."""
    return _adjective_towns().get(_apostrophe(nominative.lower()))


def former_raion_of_town(key: str) -> tuple[str, str] | None:
    """(town, its oblast) of the raion abolished in 2020 that was named after the town whose
    romanised name has ``key`` ("borova" of "the Borova district": Борова, Харківська
    область), when one such town spells it; None for any other."""
    found = _latin_towns().get(key, ())
    return found[0] if len(found) == 1 else None


@cache
def _latin_towns() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every romanisation key of the towns of the table's Ukrainian rows → their (town, oblast).
    Not a town whose raion bore another name ("Красноармійський": Покровськ, whose raion of
    today is named after it): "the Pokrovsk district" is today's."""
    towns: dict[str, dict[tuple[str, str], None]] = {}
    for adjective, (town, oblast) in _adjective_table().items():
        if _UKRAINIAN_ADJECTIVE.search(adjective) and adjective[:3] == town[:3]:
            for key in variants(town):
                towns.setdefault(key, {})[(town, oblast)] = None
    return {key: tuple(found) for key, found in towns.items()}


def former_raion_adjectives() -> Iterable[tuple[str, tuple[str, str]]]:
    """("Марьинский", (Марьинка, Донецкая область)) of every raion abolished in 2020, as the
    table writes them (its Ukrainian and Russian adjectives)."""
    return _adjective_table().items()


_UKRAINIAN_ADJECTIVE = re.compile(rf"{_UKRAINIAN_LETTERS.pattern}|[сц]ьк")


def former_raion_phrases() -> Iterator[tuple[str, str]]:
    """(language, "Оріхівський район") of every abolished raion of the table, for the scanner:
    no place is named by most of their adjectives."""
    for adjective in _adjective_towns():
        lang = "uk" if _UKRAINIAN_ADJECTIVE.search(adjective) else "ru"
        yield lang, f"{adjective[:1].upper()}{adjective[1:]} район"


_ADJECTIVE_END = re.compile(
    r"(?:ька|ьку|ькій|ької|ькою|ьким|ьких)$|(?:кая|кую|кой|ком|кою|ких|ким)$", re.IGNORECASE
)


def hromada_adjective(name: str) -> str | None:
    """The nominative of the adjective that names a hromada, from any of its case forms
    ("Олександрівську" → "Олександрівська", "Великобурлукской" → "Великобурлукская"), or None
    when ``name`` ends like no such adjective."""
    found = _ADJECTIVE_END.search(name)
    if found is None:
        return None
    stem = name[: found.start()]
    return f"{stem}ька" if found.group(0).startswith("ь") else f"{stem}кая"
