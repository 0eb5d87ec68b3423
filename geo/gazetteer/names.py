"""Place-name normalisation and transliteration variants.

One key function, :func:`name_key`, makes "Bakhmut", "BAKHMUT", "Bakhmut's", "Бахмут" and
"Bakhmut’s" meet: Unicode NFKC, transliteration of Cyrillic by the Ukrainian national system
(KMU 2010, via ``translitua``) then ASCII folding (``unidecode``), case folding, apostrophes
dropped, hyphens and punctuation turned into spaces, possessive endings removed.
:func:`variants` adds the other standard romanisations (BGN/PCGN, Russian passport forms) for
names written in Cyrillic, so English press spellings of either era resolve.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import translitua
from unidecode import unidecode

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_APOSTROPHES = re.compile(r"[\u0027\u2019\u02BC\u2018\u0060\u00B4\u02B9\u02BB]")
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019\u02BC]s\b(?!['\u2019\u02BC]\w)", re.IGNORECASE)
"""A possessive ending ("Bakhmut's"), not the soft sign of a romanised name ("Arkhanhel's'ke")."""
_NON_WORD = re.compile(r"[^0-9a-z]+")

_UKRAINIAN_SYSTEMS = (translitua.UkrainianKMU, translitua.UkrainianBGN, translitua.UkrainianSimple)
_RUSSIAN_SYSTEMS = (
    translitua.RussianInternationalPassport,
    translitua.RussianInternationalPassport1997,
    translitua.RussianSimple,
)


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


@lru_cache(maxsize=262_144)
def name_key(name: str) -> str:
    """The matching key of a place name: lower-case ASCII words separated by single spaces."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = _POSSESSIVE.sub("", text)
    if has_cyrillic(text):
        text = translitua.translit(text, translitua.UkrainianKMU)
    text = _APOSTROPHES.sub("", text)
    text = unidecode(text).lower()
    return _NON_WORD.sub(" ", text).strip()


def variants(name: str) -> set[str]:
    """Keys of every standard romanisation of ``name`` (itself included)."""
    keys = {name_key(name)}
    if not has_cyrillic(name):
        return keys - {""}
    systems: tuple = ()
    if not _RUSSIAN_ONLY.search(name):
        systems += _UKRAINIAN_SYSTEMS
    if not _UKRAINIAN_ONLY.search(name):
        systems += _RUSSIAN_SYSTEMS
    text = unicodedata.normalize("NFKC", name)
    for system in systems:
        keys.add(name_key(translitua.translit(text, system)))
    keys.add(name_key(unidecode(text)))
    keys.update(_PRESS_VOWELS.sub(r"i\1", key) for key in list(keys) if "ii" in key)
    return keys - {""}


_PRESS_VOWELS = re.compile(r"ii([aue])")
"""The national system's "ія", "ію", "іє" as the press writes them, one "i" dropped: "Nadia"
(Надія, Nadiia), "Balaklia" (Балаклія), "Kuprianivka" (Купріянівка)."""


@lru_cache(maxsize=65_536)
def bgn_romanisation(name: str) -> str | None:
    """The BGN/PCGN romanisation of a Ukrainian ``name`` when it writes an apostrophe for the
    soft sign or the apostrophe ("Slov'yans'k", "Arkhanhel's'ke": GeoNames' and much English
    press's older spelling), else None: the key of every romanisation is among :func:`variants`,
    but text writes this one with marks that the scanner reads as word breaks."""
    if not has_cyrillic(name) or _RUSSIAN_ONLY.search(name):
        return None
    romanised = translitua.translit(unicodedata.normalize("NFKC", name), translitua.UkrainianBGN)
    return romanised if _APOSTROPHES.search(romanised) else None


def script_of(name: str) -> str:
    """A coarse script/language tag for a name: ``uk``, ``ru``, ``cyrl``, ``latn`` or ``other``."""
    if has_cyrillic(name):
        if _UKRAINIAN_ONLY.search(name):
            return "uk"
        if _RUSSIAN_ONLY.search(name):
            return "ru"
        return "cyrl"
    if name.isascii():
        return "latn"
    if any(c.isalpha() and ord(c) >= 0x250 for c in name):
        return "other"
    # Latin letters only (with diacritics), or none at all: then it is Latin if it transliterates
    return "latn" if any(c.isalpha() for c in name) or unidecode(name) != "" else "other"
