"""Case forms of Ukrainian and Russian place names, for the mention scanner's automaton.

Ukrainian and Russian inflect place names: Бахмут is "під Бахмутом", "у Бахмуті", "біля
Бахмута"; Авдіївка is "в Авдіївці", "під Авдіївкою"; multi-word names agree ("у Новій
Каховці", "в Великой Новоселке"). The scanner stays one Aho-Corasick pass by holding every case
form of every Cyrillic name of the theatre, generated once when its automaton is built
(:func:`case_forms`), each form mapped to the key of its nominative. The forms come from
pymorphy3's inflection engine with the OpenCorpora (Russian) and VESUM-derived (Ukrainian)
dictionaries; names it does not know (most villages) are inflected by its suffix predictor,
which treats "Красногорівка" like the "-івка" nouns it knows.

Only singular forms (or the plural of plural-only names like Суми) of the same gender are kept,
so an adjective in a name keeps its agreement ("Нова Каховка" → "Новій Каховці", never
"Новому"). A word pymorphy3 cannot read as a nominative stays as written in every form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import product

import pymorphy3
from pymorphy3.analyzer import Parse  # type: ignore[import-untyped]

CASES = ("gent", "datv", "accs", "ablt", "loct", "loc2", "gen2")
"""Grammatical cases whose forms are generated (pymorphy3's names; ``loc2``/``gen2`` are the
Russian second locative and genitive: "в Яру")."""
MAX_WORD_FORMS = 3
"""Alternative forms kept per word and case (Ukrainian "Бахмуті"/"Бахмутові")."""
_DEGREES = frozenset({"Supr", "Cmp2", "COMP"})  # "наиновейшая" is no form of "Новая"
_LANGS = ("uk", "ru")


@cache
def analyser(lang: str) -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyser of ``lang`` (``uk`` or ``ru``), loaded once (~0.2 s each)."""
    return pymorphy3.MorphAnalyzer(lang=lang)


def _nominative_parses(word: str, lang: str) -> list:
    """Parses of ``word`` as a nominative noun or adjective (a case-less Ukrainian possessive
    adjective such as "Часів" counts as nominative); a plural one only when no singular one is
    ("Днепряны" → "Днепрянам", "Казачьи Лагеря")."""
    found, plural = [], []
    for parse in analyser(lang).parse(word):
        tag = parse.tag
        if tag.POS not in ("NOUN", "ADJF") or tag.case not in ("nomn", None):
            continue
        if tag.number == "plur" and "Pltm" not in tag:
            plural.append(parse)  # "Днепряны", "Дніпряни": a plural name, if nothing else
            continue
        found.append(parse)
    if found and plural and all("Pltm" in p.tag for p in found):
        if not analyser(lang).word_is_known(word):
            # a guessed plural-only noun declines as a plural of its own ("Ступочки":
            # "Ступочков"); the plural of a guessed singular in -ка gives "у Ступочек" too
            return found + plural
    return found or plural


POSSESSIVE_MODELS = {"ru": ("отцов", "мамин")}
"""Russian possessive adjectives pymorphy3's dictionary knows, whose paradigm inflects a
possessive it does not: "Часов" of "Часов Яр" reads only as the genitive plural of "час", so
"в Часовом Яре" takes the endings of "отцов" → "отцовом"."""


def _possessive_parse(word: str, lang: str) -> tuple[Parse, str] | None:
    """(the nominative parse of a model possessive with the ending of ``word``, the model's
    stem) for a word pymorphy3 cannot read as a nominative, or None."""
    for model in POSSESSIVE_MODELS.get(lang, ()):
        if len(word) > len(model) - 1 and word.endswith(model[-2:]):
            for parse in analyser(lang).parse(model):
                if "Poss" in parse.tag.grammemes and parse.tag.case == "nomn":
                    return parse, model
    return None


def _add_forms(
    by_case: dict[str, list[str]], parse: Parse, rewrite: Callable[[str], str] = str
) -> None:
    """Add the singular case forms of ``parse``'s lexeme that agree with it (``rewrite`` maps a
    model's form onto the word inflected after it)."""
    tag = parse.tag
    for form in parse.lexeme:
        other = form.tag
        if (
            other.case in CASES
            and other.POS == tag.POS
            and other.gender == tag.gender
            and other.number == tag.number
            and not (_DEGREES & other.grammemes)
        ):
            forms = by_case.setdefault(other.case, [])
            word = rewrite(form.word)
            if word not in forms and len(forms) < MAX_WORD_FORMS:
                forms.append(word)


@lru_cache(maxsize=65_536)
def word_forms(word: str, lang: str) -> dict[str, tuple[str, ...]]:
    """Lower-case forms of one word by case, for every reading of it as a nominative (else as a
    possessive adjective, see :data:`POSSESSIVE_MODELS`); {} when there is none (the word is
    left as written)."""
    by_case: dict[str, list[str]] = {}
    lower = word.lower()
    model_noun = NOUN_MODELS.get(lang, {}).get(lower)
    if model_noun is not None:  # "приграничье", declined as "побережье": приграничья, -ью, -ьем
        for parse in _nominative_parses(model_noun, lang):
            _add_forms(by_case, parse, lambda form: lower[:-2] + form[len(model_noun) - 2 :])
        return {case: tuple(forms) for case, forms in by_case.items()}
    parses = _nominative_parses(lower, lang)
    for parse in parses:
        _add_forms(by_case, parse)
    if not parses and (model := _possessive_parse(lower, lang)) is not None:
        parse, stem = model
        _add_forms(by_case, parse, lambda form: lower + form[len(stem) :])
    elif not parses and (adjective := _adjective_parse(lower, lang)) is not None:
        # the model's ending for the name's: "червоная" → "красн" + "ой" → "червоной"
        _add_forms(by_case, adjective, lambda form: lower[:-2] + form[len(adjective.word) - 2 :])
    elif (not parses or all("Surn" in parse.tag.grammemes for parse in parses)) and (
        # a name in -ия the dictionary knows only as another word's oblique form ("Филия":
        # the genitive of the name Филий) is no word of it as a nominative
        noun := _feminine_parse(lower, lang, known=bool(parses) or lower.endswith("ия"))
    ) is not None:
        # the model's last letter is the name's: "ткачихе" → "лепетих" + "е"; a name read only
        # as a surname takes the noun's endings too ("Диброва": Дибровой and Дибровы)
        _add_forms(by_case, noun, lambda form: lower[:-1] + form[len(noun.word) - 1 :])
    return {case: tuple(forms) for case, forms in by_case.items()}


NOUN_MODELS = {"ru": {"приграничье": "побережье"}}
"""Nouns of the curated names (gazetteer/aliases.csv: "Курское приграничье", an oblast's border
area) that the dictionary lacks and mis-guesses ("приграничье" as a possessive adjective, whose
forms would be "приграничьего"), each declined as the model noun that ends the same way."""


ADJECTIVE_MODELS = {"ru": ("красная", "красное", "синяя", "синее")}
"""Russian adjectives whose paradigm inflects an adjective of a name the dictionary does not
know and mis-guesses as a noun ("Червоная" of "Червоная Криница", "Червоное": Russian spellings
of Ukrainian adjectives): the model with the same last two letters lends its endings ("Червоной
Криницы", "у Червоного")."""


def _adjective_parse(word: str, lang: str) -> Parse | None:
    """The nominative parse of a model adjective ending like ``word`` (in -ая, -яя, -ое or -ее,
    unknown to the dictionary), or None."""
    if len(word) < 5 or analyser(lang).word_is_known(word):
        return None
    for model in ADJECTIVE_MODELS.get(lang, ()):
        if word.endswith(model[-2:]):
            for parse in analyser(lang).parse(model):
                if parse.tag.POS == "ADJF" and parse.tag.case == "nomn":
                    return parse
    return None


FEMININE_MODELS = {
    "ru": ("ткачиха", "река", "дорога", "вода", "земля", "рыба", "сосна", "трава", "линия")
}
"""Russian feminine nouns whose paradigm inflects a name in -а/-я the dictionary does not know
and mis-guesses ("Лепетиха" of "Малая Лепетиха", read as a short adjective): the model with the
same last two letters lends its endings ("Малой Лепетихе")."""


def _feminine_parse(word: str, lang: str, known: bool = False) -> Parse | None:
    """The nominative parse of a model feminine noun ending like ``word`` (a word in -а/-я with
    no nominative reading, unknown to the dictionary unless ``known``: one read only as a
    surname), or None."""
    if not word.endswith(("а", "я")) or (not known and analyser(lang).word_is_known(word)):
        return None
    for model in FEMININE_MODELS.get(lang, ()):
        if len(word) > 3 and word.endswith(model[-2:]):
            for parse in analyser(lang).parse(model):
                if (
                    parse.tag.POS == "NOUN"
                    and parse.tag.case == "nomn"
                    and "femn" in parse.tag.grammemes
                ):
                    return parse
    return None


def _langs(lang: str | None) -> tuple[str, ...]:
    """The dictionaries a name tagged ``lang`` in the store (``uk``, ``ru``, else Cyrillic
    common to both, see :func:`geo.gazetteer.names.script_of`) is inflected with."""
    return (lang,) if lang in _LANGS else _LANGS


_FALLBACK_CASE = {"loc2": "loct", "gen2": "gent"}
"""A word without a second locative or genitive takes its plain one beside a word that has it
("в Часовом Яру")."""


def _case_options(
    words: list[str], per_word: list[dict[str, tuple[str, ...]]], case: str
) -> list[tuple[str, ...]] | None:
    """Each word's forms in ``case`` (a word pymorphy3 cannot inflect stays as written); None
    when an inflecting word lacks the case, so no form mixes cases."""
    options: list[tuple[str, ...]] = []
    for word, found in zip(words, per_word, strict=True):
        if not found:
            options.append((word,))
            continue
        forms = found.get(case) or found.get(_FALLBACK_CASE.get(case, ""))
        if not forms:
            return None
        options.append(forms)
    return options


LOCATIVES = ("loct", "loc2")
"""The cases of "у Бахмуті", "в Яру"."""


def case_forms(name: str, lang: str | None, cases: tuple[str, ...] = CASES) -> set[str]:
    """Lower-case inflected forms of a Cyrillic place name (its nominative excluded), each word
    in the same case: "Нова Каховка" → {"нової каховки", "новій каховці", …}; ``lang`` is the
    name's language tag in the store (``uk``/``ru``, anything else tries both); ``cases`` of
    :data:`CASES` limits the forms to those."""
    lowered = name.lower()
    readings: list[tuple[list[str], list[str] | None]] = [(lowered.split(), None)]
    if "-" in lowered:  # "Каменка-Днепровская": both halves agree ("Каменке-Днепровской")
        readings.append((_HYPHENED.split(lowered), _HYPHENED.findall(lowered)))
    forms: set[str] = set()
    for words, gaps in readings:
        for dictionary in _langs(lang):
            per_word = [word_forms(word, dictionary) for word in words]
            if not any(per_word):
                continue
            fixed = _genitive_heads(words, per_word, dictionary)
            kept = _indeclinable_tail(words, per_word, dictionary)
            for paradigm in (per_word, *(p for p in (fixed, kept) if p is not None)):
                for case in cases:
                    options = _case_options(words, paradigm, case)
                    if options is not None:
                        forms.update(_joined(combo, gaps) for combo in product(*options))
    if "-" in lowered and " " not in lowered:  # "Середина-Буди": the last part alone declines
        head, gap, last = lowered.rpartition("-")
        for dictionary in _langs(lang):
            found = word_forms(last, dictionary)
            for case in cases:
                for form in found.get(case) or found.get(_FALLBACK_CASE.get(case, ""), ()):
                    forms.add(f"{head}{gap}{form}")
    forms.discard(lowered)
    if " " not in lowered and lowered.endswith(_POSSESSIVE_LOOKALIKE):
        # "Сторожів", "Зміїв", "Борисів": place nouns, which the analyser, not knowing them,
        # declines as possessive adjectives too; "сторожевого" is Сторожевое's, not theirs
        forms = {form for form in forms if not form.endswith(_ADJECTIVE_ENDINGS)}
    return {form for form in forms if len(form) > SHORT_FORM or not _function_word(form)}


_POSSESSIVE_LOOKALIKE = ("ів", "їв")
"""A one-word Ukrainian place name ending so declines as a noun (Харків: Харкова, Харкові)."""
_ADJECTIVE_ENDINGS = ("ого", "ому", "им", "ім")
"""The endings of an adjective's oblique cases that no noun in -ів takes."""


def _genitive_heads(
    words: list[str], per_word: list[dict[str, tuple[str, ...]]], lang: str
) -> list[dict[str, tuple[str, ...]]] | None:
    """``per_word`` with each word before the last that the dictionary reads first as a noun in
    the genitive left as written: "Часов Яр" declines as "Часов Яра", "в Часов Яре" (a
    genitive noun, "of hours", does not agree), besides the forms that inflect it as a surname
    ("Часового Яра" is how Ukrainian writes Часів Яр). None when no word is such."""
    fixed = list(per_word)
    for k, word in enumerate(words[:-1]):
        parse = analyser(lang).parse(word)[0]
        if per_word[k] and parse.tag.POS == "NOUN" and "gent" in parse.tag.grammemes:
            fixed[k] = {}
    return fixed if fixed != per_word else None


_INDECLINABLE_TAILS = ("ово", "ево", "ёво", "ино", "ыно")
"""The endings of Russian place nouns that news writing leaves undeclined ("в Шахово", "у
Иваново"; a one-word name's nominative is already its form)."""


def _indeclinable_tail(
    words: list[str], per_word: list[dict[str, tuple[str, ...]]], lang: str
) -> list[dict[str, tuple[str, ...]]] | None:
    """``per_word`` with the last word left as written when it is a Russian place noun in -ово,
    -ево or -ино after words that decline: "Новое Шахово" is also "Нового Шахово", "в Новом
    Шахово". None for any other name."""
    if lang != "ru" or len(words) < 2 or not words[-1].endswith(_INDECLINABLE_TAILS):
        return None
    if not per_word[-1] or not any(per_word[:-1]):
        return None
    return [*per_word[:-1], {}]


SHORT_FORM = 4
"""A generated form this short may be a function word of the language ("под", the genitive
plural of Поди): such forms are checked against the dictionaries."""
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "PRED", "ADVB"})


@lru_cache(maxsize=4_096)
def _function_word(word: str) -> bool:
    """Is ``word`` a preposition, conjunction, particle, pronoun or adverb to either dictionary
    ("под", "над", "как", "там")?"""
    return any(analyser(lang).parse(word)[0].tag.POS in _FUNCTION_POS for lang in _LANGS)


_HYPHENED = re.compile(r"\s*-\s*|\s+")


def _joined(words: tuple[str, ...], gaps: list[str] | None) -> str:
    """``words`` joined by the ``gaps`` between them in the name (spaces when None)."""
    if gaps is None:
        return " ".join(words)
    return "".join(w + g for w, g in zip(words, [*gaps, ""], strict=True))
