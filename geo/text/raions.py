"""Raions named in English by a romanised adjective: "the Kupyansky district", "Chuguevsky
raion", "the Pokrovsky and Kurakhove districts", "Marinsky district".

English reporting writes many raions as the Russian or Ukrainian adjective romanised any which way
("Kupyansky", "Kupianskiy", "Chuguevsky", "Polohovsky"), which no gazetteer name spells and no
town's name is. :class:`LatinRaions` compares such a word, with rapidfuzz, with the standard
romanisations (:func:`geo.gazetteer.names.variants`) of every Ukrainian raion's adjectives — the
raions of today from the store, and the raions abolished in 2020 from the Cyrillic context table
(whose area is around the town they were named after). A word is read as a raion only when it is
close to one raion's adjective and clearly closer to it than to any other ("Kurakhovsky" is as
close to Kakhovskyi as to Rakhivskyi: no raion); the city districts of Donetsk or Kharkiv
("Kuibyshevsky", "Shevchenkivsky") are far from every raion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz, process

from geo.gazetteer.names import name_key, variants
from geo.gazetteer.store import GazetteerStore
from geo.text import cyrillic

__all__ = ["ADJECTIVAL_DISTRICTS", "LatinRaions", "Raion", "names_a_raion_noun"]

MIN_SCORE = 90.0
"""rapidfuzz ratio (0–100) a word's key needs with a raion adjective's key ("polohovsky" and
"polohivskyi" score 90; "saltivsky", a Kharkiv city district, scores 88.9 with "svativskyi")."""
MIN_MARGIN = 3.0
"""How much closer the word must be to its raion than to the next raion's adjectives."""
SAME_TOWN = 75.0
"""rapidfuzz ratio of the keys of a former raion's town in the table's two languages
("Ясинувата" and "Ясиноватая") above which they are one town."""


def names_a_raion_noun(sentence: str) -> bool:
    """A quick test of a sentence for a noun that may follow a romanised raion adjective
    ("district", "raion", "rayon"; substring tests, run on every sentence)."""
    return "istrict" in sentence or "aion" in sentence or "ayon" in sentence


_ADJECTIVE = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)?(?:sk|ck|zk|tsk)(?:yi|yy|iy|ij|ii|y|i)"
ADJECTIVAL_DISTRICTS = re.compile(
    rf"(?<![\w'’-])({_ADJECTIVE}(?:\s*,\s*{_ADJECTIVE})*(?:\s*,?\s+(?:and|or)\s+{_ADJECTIVE})?)"
    r"\s+(districts?|raions?|rayons?)\b"
)
"""One romanised raion adjective or a list of them before the noun: "the Kupyansky district",
"the Chuguevsky and Izyumsky districts"."""
_ONE_ADJECTIVE = re.compile(_ADJECTIVE)
_OF_A_CITY = re.compile(
    r"\s+of\s+(?:the\s+)?(?:city\s+of\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"(?!\s+(?:region|oblast|province|area)s?\b|[\w'’-])"
)
"""After the noun: "of Mariupol", "of the city of Donetsk" — a city's district, not a raion
("the Kalmiusky district of Mariupol"); "of Donetsk region" is the raion's oblast."""


@dataclass(frozen=True)
class Raion:
    """What a romanised adjective names: a raion of today (``query`` its name, "Kupianskyi
    raion"), or one abolished in 2020 (``query`` its Cyrillic adjective with "raion", as the
    Cyrillic scanner writes it, "Марьинский raion"; ``town`` and ``oblast`` of the area around
    its town)."""

    query: str
    town: str | None = None
    oblast: str | None = None

    @property
    def former(self) -> bool:
        return self.town is not None

    def same(self, other: Raion) -> bool:
        """Is ``other`` this raion, perhaps in the other language of the table ("Марьинка" of
        "Марьинский", "Мар'їнка" of "Мар'їнський": one town of one oblast)?"""
        if other == self:
            return True
        if not (self.town and other.town and self.oblast and other.oblast):
            return False
        return self.oblast[:4] == other.oblast[:4] and (
            fuzz.ratio(name_key(self.town), name_key(other.town)) >= SAME_TOWN
        )


class LatinRaions:
    """Reads romanised raion adjectives against the store's raions (built on first use)."""

    def __init__(self, store: GazetteerStore) -> None:
        self.store = store

    @cached_property
    def _forms(self) -> dict[str, Raion]:
        """Key of every romanisation of every raion adjective → its raion. The raions of today
        come first: a former raion spelt like one of today ("Покровский", Dnipropetrovsk oblast)
        reads as today's."""
        forms: dict[str, Raion] = {}
        for unit in self.store.admin_units("UA", 2):
            if not unit.name.endswith("kyi raion") or unit.place_id is None:
                continue
            raion = Raion(unit.name)
            names = {unit.name.removesuffix(" raion")}
            names.update(n for n, *_ in self.store.names_of(unit.place_id) if _adjectival(n))
            for name in names:
                for key in variants(name):
                    forms.setdefault(key, raion)
        for adjective, (town, oblast) in cyrillic.former_raion_adjectives():
            former = Raion(f"{adjective} raion", town, oblast)
            for key in variants(adjective):
                forms.setdefault(key, former)
        return forms

    def match(self, word: str) -> Raion | None:
        """The raion a romanised adjective names, or None when it is close to none, or about as
        close to two."""
        forms = self._forms
        found = process.extract(name_key(word), forms.keys(), scorer=fuzz.ratio, limit=12)
        if not found or found[0][1] < MIN_SCORE:
            return None
        best = forms[found[0][0]]
        rival = max((score for key, score, _ in found if not forms[key].same(best)), default=0.0)
        return best if found[0][1] - rival >= MIN_MARGIN else None

    def in_sentence(self, sentence: str) -> list[tuple[int, int, int, Raion]]:
        """(start, end of the adjective, end, raion) of each romanised raion adjective of an
        English sentence; the last of a list spans its noun too ("Izyumsky districts")."""
        found = []
        for phrase in ADJECTIVAL_DISTRICTS.finditer(sentence):
            if _OF_A_CITY.match(sentence, phrase.end()):
                continue
            words = list(_ONE_ADJECTIVE.finditer(phrase.group(1)))
            for n, word in enumerate(words):
                raion = self.match(word.group(0))
                if raion is None:
                    continue
                start = phrase.start() + word.start()
                end = phrase.end() if n == len(words) - 1 else phrase.start() + word.end()
                found.append((start, phrase.start() + word.end(), end, raion))
        return found


def _adjectival(name: str) -> bool:
    """A one-word Cyrillic raion adjective ("Чугуївський", "Чугуевский")."""
    return " " not in name and name.endswith(("ський", "ский", "цький", "цкий", "зький", "зкий"))
