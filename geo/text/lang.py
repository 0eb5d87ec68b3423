"""The language of a document, or of each paragraph of a document that mixes scripts: en/uk/ru.

frontline reads English, Ukrainian and Russian reporting; every record carries the language of
the paragraph its sentence stands in (``lang``). Telling English from the other two needs no
detector: text without Cyrillic letters is English here. Ukrainian and Russian share most
letters and words, so a Cyrillic paragraph is told by lingua (``lingua-language-detector``,
whose models ship in the wheel) restricted to the three languages, on a sample of
:data:`SAMPLE_CHARS` characters: one call per document, or one per Cyrillic paragraph when a
document mixes Latin and Cyrillic paragraphs (an English story quoting a Ukrainian post).
Results are cached by sample, so reposts of one text cost one call.

Most samples never reach the detector: letters only one of the two languages writes decide them
first (:func:`letters_language`), and only the rest, a Russian sample without "ы" or "э", a
Ukrainian one with a single "і", one with letters of both, goes to lingua.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from geo.core.values import value

SAMPLE_CHARS = 200
"""Characters of a Cyrillic text the detector reads (about 25 words). On 300 generated report
articles lingua told uk from ru in all 300 from 80, 150 or 300 characters, at 0.26, 0.20 and
0.40 ms of CPU each; the sample is what the cost scales with."""
_CODES = {Language.ENGLISH: "en", Language.UKRAINIAN: "uk", Language.RUSSIAN: "ru"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
# Letters Ukrainian writes and Russian does not ("і" is also its word "and": a Ukrainian sample of
# SAMPLE_CHARS holds it about nine times), and those Russian writes and Ukrainian does not. "ё"
# and "ъ" count against Ukrainian but do not decide Russian (Bulgarian writes "ъ").
_UK_LETTERS = re.compile("[\u0456\u0457\u0454\u0491\u0406\u0407\u0404\u0490]")
_RU_LETTERS = re.compile("[\u044b\u044d\u042b\u042d]")
_RU_OR_RARE = re.compile("[\u044b\u044d\u0451\u044a\u042b\u042d\u0401\u042a]")
UK_LETTERS_NEEDED = 3
"""Ukrainian-only letters a sample needs, with no Russian-only one, to be Ukrainian unasked (one
or two may be a Ukrainian name in Russian text: "Кремінна")."""
UK_MIN_LETTERS = 60
RU_MIN_LETTERS = 40
"""Cyrillic letters a sample needs before its letters decide it (uk, ru): shorter ones, names
and word lists ("Енергодар → Энергодар"), go to the detector."""


# UTF-8 writes U+0400-U+04FF (the Cyrillic block) with a lead byte 0xD0-0xD3, and no other
# character uses those bytes: a byte search finds a Cyrillic letter several times faster than
# ``re`` walks the text character by character.
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")


def has_cyrillic(text: str) -> bool:
    """Does ``text`` hold a character of the Cyrillic block (``[\u0400-\u04ff]``)?"""
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return any(lead in data for lead in _CYRILLIC_LEADS)


def has_latin(text: str) -> bool:
    """Does ``text`` hold an ASCII letter (``[A-Za-z]``)? Its ASCII characters as bytes differ in
    upper and lower case exactly when one is a letter."""
    data = text.encode("ascii", "ignore")
    return data.lower() != data.upper()


@cache
def detector() -> LanguageDetector:
    """The lingua detector for English, Ukrainian and Russian (models load on first use)."""
    return LanguageDetectorBuilder.from_languages(*_CODES).build()


def _sample(text: str) -> str:
    """The first :data:`SAMPLE_CHARS` characters of ``text``, cut at a space."""
    if len(text) <= SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", 0, SAMPLE_CHARS)
    return text[: cut if cut > 0 else SAMPLE_CHARS]


def letters_language(sample: str) -> str | None:
    """``uk`` or ``ru`` when the letters of ``sample`` tell, None when only the detector can:
    ``uk`` for :data:`UK_LETTERS_NEEDED` Ukrainian-only letters ("і", "ї", "є", "ґ") and no
    Russian-only one; ``ru`` for "ы" or "э" and no Ukrainian-only letter. On the samples of 6,000
    generated uk/ru articles and every Cyrillic line of the tests, data and docs, the detector
    said the same wherever the letters decided (93 % of the articles' samples), but for two
    lines listing Ukrainian and Russian words side by side."""
    letters = len(_CYRILLIC.findall(sample))
    if letters < RU_MIN_LETTERS:
        return None
    if _RU_OR_RARE.search(sample) is None:
        ukrainian = len(_UK_LETTERS.findall(sample)) >= UK_LETTERS_NEEDED
        return "uk" if ukrainian and letters >= UK_MIN_LETTERS else None
    if _UK_LETTERS.search(sample) is None and _RU_LETTERS.search(sample) is not None:
        return "ru"
    return None


@lru_cache(maxsize=4096)
def cyrillic_language(sample: str) -> str:
    """``uk`` or ``ru`` for a Cyrillic sample (``uk`` when the detector cannot tell): by its
    letters when they tell (:func:`letters_language`), else by the detector."""
    return letters_language(sample) or detected_language(sample)


def detected_language(sample: str) -> str:
    """``uk`` or ``ru`` for a Cyrillic sample by lingua alone (``uk`` when it cannot tell)."""
    found = detector().detect_language_of(sample)
    code = _CODES.get(found) if found is not None else None
    return code if code in ("uk", "ru") else "uk"


def _script_language(text: str) -> str | None:
    """``en`` when ``text`` has more Latin than Cyrillic letters, None when it is Cyrillic."""
    cyrillic = len(_CYRILLIC.findall(text))
    return "en" if len(_LATIN.findall(text)) >= cyrillic else None


def detect(text: str) -> str:
    """The language of ``text`` as a whole: ``en``, ``uk`` or ``ru``."""
    if not has_cyrillic(text):
        return "en"
    return _script_language(text) or cyrillic_language(_sample(text))


@value
class Languages:
    """The language at each offset of a document: one for all, or one per paragraph."""

    starts: tuple[int, ...]
    langs: tuple[str, ...]

    def at(self, offset: int) -> str:
        """The language of the paragraph that holds ``offset``."""
        return self.langs[max(0, bisect_right(self.starts, offset) - 1)]


def document_languages(text: str) -> Languages:
    """The languages of a document: English without asking the detector when it has no Cyrillic
    letter, one detection when its paragraphs share a script, one per Cyrillic paragraph when it
    mixes Latin and Cyrillic paragraphs."""
    if not has_cyrillic(text):
        return Languages((0,), ("en",))
    if not has_latin(text):
        return Languages((0,), (cyrillic_language(_sample(text)),))
    paragraphs: list[tuple[int, str, str | None]] = []  # (start, text, "en" or None)
    offset = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            paragraphs.append((offset, paragraph, _script_language(paragraph)))
        offset += len(paragraph) + 1
    if len({script for _, _, script in paragraphs}) <= 1:  # "HIMARS" in a Ukrainian post
        return Languages((0,), (detect(text),))
    return Languages(
        tuple(start for start, _, _ in paragraphs),
        tuple(script or cyrillic_language(_sample(p)) for _, p, script in paragraphs),
    )
