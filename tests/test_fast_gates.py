"""The shortcuts that spare a regex its run stand for it exactly: a gate is true wherever its
pattern can match (so skipping the pattern when it is false changes nothing), a search started
late finds the same leftmost match, and the str.find scans find what the regex finds. Text is
generated from the patterns' own words, whitespace, punctuation and the letters IGNORECASE
matches to others ("ſ", "ı", "ᲂ"), so the property tests reach the matches."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo import extract
from geo.claims import analyse
from geo.core.patterns import last_words_at
from geo.text import cyrillic, mentions


def _texts(words: list[str], separators: str = " \t\n,.-\u00a0") -> st.SearchStrategy[str]:
    """Text built from ``words`` and single characters of ``separators`` (and spaces)."""
    piece = st.one_of(st.sampled_from(words), st.sampled_from(list(separators)), st.just(" "))
    return st.lists(piece, max_size=24).map("".join)


# -- end-anchored "before" patterns: the search starts at the last words a match can span -------

_BEFORE_WORDS = [
    "north", "North", "south-west", "north-east", "northeast", "eastern", "west", "and", "or",
    "of", "OF", "the", "The", "front-line", "frontline", "town", "village", "city", "settlement",
    "urban-type", "port", "region", "oblast", "regional", "capital", "capital,", "outskirts",
    "edge", "vicinity", "area", "near", "around", "close", "to", "towards", "semi-north",
    "ſettlement", "vıllage", "Bakhmut", "x",
]  # fmt: skip
_ENDS = [
    (mentions._DIRECTION, mentions._DIRECTION_WORDS_MOST),
    (mentions._APPROXIMATE, mentions._APPROXIMATE_WORDS_MOST),
    (mentions._MARKER, mentions._MARKER_WORDS_MOST),
]


_CYRILLIC_BEFORE_WORDS = [
    "заявили", "повідомили", "уточнили", "в", "у", "В", "«", '"', "„", "две", "два", "12",
    "несколько", "бригади", "«Червона", "«Червоний", "Донецькій", "Луганській", "та", "і", "й",
    "Запорожской", "ᲀ", "x",
]  # fmt: skip
_CYRILLIC_ENDS = [
    (cyrillic._QUOTED_SOURCE_BEFORE, cyrillic._QUOTED_SOURCE_WORDS),
    (cyrillic._COUNTED_BEFORE, cyrillic._COUNTED_WORDS),
    (cyrillic._QUOTED_NAME_BEFORE, cyrillic._QUOTED_NAME_WORDS),
    (cyrillic._IN_BEFORE, cyrillic._IN_WORDS),
]


@settings(max_examples=400, deadline=None)
@given(_texts(_CYRILLIC_BEFORE_WORDS, " \t\n,.-\u00a0"))
@example("— заявили в «")
@example("две «")
@example("бригади «Червона ")
@example("у Донецькій та у ")
@example("в Запорожской и ")
def test_a_late_start_finds_the_same_leftmost_cyrillic_match(before):
    _assert_late_starts_agree(before, _CYRILLIC_ENDS)


def _assert_late_starts_agree(before: str, ends: list[tuple[re.Pattern[str], int]]) -> None:
    for pattern, most in ends:
        late = pattern.search(before, last_words_at(before, most))
        whole = pattern.search(before)
        assert (late and (late.span(), late.groups())) == (whole and (whole.span(), whole.groups()))


@settings(max_examples=400, deadline=None)
@given(_texts(_BEFORE_WORDS))
@example("north-east and western of the front-line settlement of ")  # eight words
@example("x outskirts of the town of ")
@example("the urban-type settlement of ")
@example("west of the regional capital, ")
def test_a_late_start_finds_the_same_leftmost_match(before):
    _assert_late_starts_agree(before, _ENDS)


def test_the_word_counts_are_tight():
    """One word fewer and the longest phrases are found late or not at all: the counts are the
    patterns' longest matches, not spare margins that would hide a pattern grown longer."""
    for pattern, most, before in [
        (mentions._DIRECTION, 8, "north-east and western of the front-line settlement of "),
        (mentions._APPROXIMATE, 5, "outskirts of the town of "),
        (mentions._MARKER, 3, "urban-type settlement of "),
        (cyrillic._QUOTED_SOURCE_BEFORE, 3, "заявили в «"),
        (cyrillic._COUNTED_BEFORE, 2, "две «"),
        (cyrillic._QUOTED_NAME_BEFORE, 2, "бригади «Червона "),
        (cyrillic._IN_BEFORE, 4, "у Донецькій та у "),
    ]:
        whole = pattern.search(before)
        assert whole is not None and whole.start() < before.find(" ")  # in the first word
        late = pattern.search(before, last_words_at(before, most - 1))
        assert late is None or late.start() > whole.start()


# -- gates: true wherever the pattern they spare can match ---------------------------------------

_CYRILLIC_WORDS = [
    "мікрорайон", "микрорайонах", "МИКРОРАЙОН", "мᲂкрорайон", "«Восточный»", "Западный", "и",
    "та", "оборони", "обороны", "Оборони", "ᲂбороны", "було", "исполнилось", "всего", "23",
    "дня", "лет", "моста", "міст", "live", "Live", "Реалии", "info", "А", "Й", "ай",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_texts(_CYRILLIC_WORDS, ' \t\n,.«»"-\u00a0'))
@example("в микрорайонах «Восточный» и ")
@example(" оборони")
@example(" было всего 23 дня")
@example(".Реалии")
@example(" моста")
def test_the_cyrillic_gates_hold_wherever_their_patterns_match(text):
    if cyrillic._DISTRICT_LIST.search(text):
        assert "ай" in text.lower()
    for after in (cyrillic._DEFENCE_AFTER, cyrillic._AGE_AFTER, cyrillic._BRIDGE_AFTER):
        if after.match(text):
            assert text[:1].isspace()
    if cyrillic._OUTLET_AFTER.match(text):
        assert text[:1].isspace() or text[:1] == "."


@settings(max_examples=300, deadline=None)
@given(_texts(["А.", "В.", "О.О.", "Захарченко", "А", "с.", "заявил"], " \t\n.\u00a0("))
@example("заявил В. ")
@example("имени А. В.")
def test_initials_are_looked_for_only_after_their_endings(before):
    if before[-1:] in ". " and cyrillic._INITIALS.search(before[-12:]):
        assert before.endswith(cyrillic._INITIALS_END)


_LATIN_WORDS = [
    "Kirovsky", "and", "Kuibyshevsky", "districts", "district", "of", ")", "regions", "Regions",
    "REGIONS", "oblasts", "provinces", "republics", "republıcs", "ſettlement", "the", "village",
    "town", "city", "hamlet", "Village", "Donetsk",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_texts(_LATIN_WORDS, " \t\n,.()"))
@example(" and Kuibyshevsky districts of")
@example("the regions of ")
@example("the Regions of the ")
def test_the_latin_gates_hold_wherever_their_patterns_match(text):
    if mentions._DISTRICT_LIST_AFTER.match(text):
        assert "districts" in text
    if mentions._REGIONS_OF.search(text):
        lowered = text.lower()
        assert any(stem in lowered for stem in ("reg", "obla", "prov", "repub"))
    if "of" in text and mentions._MARKED_UNKNOWN.search(text):
        # the gate lower-cases: a noun IGNORECASE reads with "ſ" or "ı" is not a marker here
        assert mentions._has_marker_word(text.lower()) or re.search("[ſı]", text)


# -- scans by str.find that find what a whole-text regex finds ------------------------------------

_AXIS_TEXT = [
    "на", "купянском", "направлении", "направлениях", "напрямку", "напрямках", "ділянці",
    "участке", "секторе", "укрепрайоне", "укріпрайоні", "направлен", "напрям", "Направлении",
    "направлениям", "и", "та",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_texts(_AXIS_TEXT, " \t\n,.-'"))
@example("на купянском направлении и на лиманском направлениях")
@example("направлении на направлении")
def test_axis_words_found_by_their_stems_are_the_regex_matches(text):
    found = [m.span() for m in cyrillic._axis_word_matches(text)]
    assert found == [m.span() for m in cyrillic._axis_words().finditer(text)]


_STOP_TEXT = ["обл.", "Київ", "м.Київ", "області.По", '."В', "5", "14 грудня", "A", "b"]


@settings(max_examples=400, deadline=None)
@given(_texts(_STOP_TEXT, " .!?\n«"))
@example("… області.По даних")
@example('Минобороны РФ."В результате')
@example("сообщил губернатор. 5 октября бойцы")
def test_the_stop_scans_stand_for_the_whole_text_searches(text):
    dates = extract._stop_before(text, (". ", "! ", "? "), str.isdecimal)
    assert dates == (extract._BEFORE_A_DATE.search(text) is not None)
    glued = extract._stop_before(text, (".", "!", "?"), extract._GLUED_AFTER_STOP.__contains__)
    if extract._RUN_TOGETHER.search(text):
        assert glued


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=":—–-ab \n", max_size=120))
@example("ISW: Russian forces advanced")
@example("x" * 80 + ": late")
def test_the_headline_mark_is_a_colon_or_dash_in_the_first_80_characters(text):
    assert analyse._headline_mark(text) == (re.search("[:—–]", text[:80]) is not None)
