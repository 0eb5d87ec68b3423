"""Admin hints as people write them: "Donetsk Oblast", "Donetska obl.", "Kharkov region",
"Oblast Mykolajiw", "the DPR", "Donbas", "Bakhmut raion", "UA-14" — read into a *scope* of admin
units, or reported and ignored.

A hint never makes a name unresolved: an unreadable hint is named in the resolution's reason and
the name is resolved without it. :func:`parse_hint` returns a :class:`Hint`, whose ``units`` are
every unit the hint may mean (two for "Donbas"; Kyiv city and Kyiv oblast for a bare "Kyiv") and
whose ``note`` says how it was read when that was not a plain match (a fuzzy match of a
misspelling, a hint ignored).

Reading, in order: an admin code (GeoNames ``UA.05``, ISO ``UA-14``, or a code stored as a name);
the hint's own key, then its stem without level words ("oblast", "obl.", "region", "reg.",
"raion", "r-n", "district", "hromada"…), a leading country ("Ukraine's Donetsk") and "the";
admin names matching those keys, narrowed to the level the words name; finally a fuzzy match
(rapidfuzz) of the stem among the admin names of the focus countries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from geo.core.values import value
from geo.gazetteer.names import name_key
from geo.gazetteer.store import AdminUnit, GazetteerStore, Place

ADMIN_KINDS = ("admin1", "admin2", "admin3")
FUZZY_HINT_CUTOFF = 84.0
"""rapidfuzz ratio (0–100) a misspelt hint's stem needs against an admin name's stem."""

_LEVEL_WORDS: dict[int, str] = {
    1: r"oblast|oblasti|oblasts|obl|region|regions|reg|province|provinces|oblast'|governorate",
    2: r"raion|rayon|raions|rayons|district|districts|r n|r on|rn",
    3: r"hromada|gromada|hromadas|community|territorial community|otg|municipality",
}
_LEVEL_RE = {level: re.compile(rf"\b(?:{words})\b") for level, words in _LEVEL_WORDS.items()}
_STATUS_WORDS = r"special|republican|status|city|municipal|of national significance"
"""Words of a city unit's legal name ("Kiev Special Republican city") that name no place."""
_ANY_LEVEL = re.compile(r"\b(?:" + "|".join(_LEVEL_WORDS.values()) + "|" + _STATUS_WORDS + r")\b")
_FILLER = re.compile(r"^(?:the|of|in)\b\s*|\s*\b(?:the|of)$")


@value
class Hint:
    """What an admin hint was read as: the units it may mean (empty: ignored) and how."""

    text: str
    units: tuple[AdminUnit, ...]
    note: str | None = None
    fuzzy: bool = False  # read by a lookalike unit name, not the hint's own

    @property
    def names(self) -> str:
        return " or ".join(u.name for u in self.units)

    @property
    def oblast(self) -> bool:
        """Does the hint name an oblast (or oblasts alike, "Киевская": the oblast and the city
        of oblast rank) by its own name, not a raion, a hromada or a lookalike?"""
        return bool(self.units) and not self.fuzzy and all(u.level == 1 for u in self.units)


def within(inner: AdminUnit, outer: AdminUnit) -> bool:
    """Is ``inner`` ``outer`` or one of its parts (codes nest: UA.05 ⊃ UA.05.UA1402)?"""
    return inner.code == outer.code or inner.code.startswith(outer.code + ".")


def level_of(key: str) -> int | None:
    """The admin level a hint's words name (1 oblast/region, 2 raion, 3 hromada), if any."""
    for level in (3, 2, 1):
        if _LEVEL_RE[level].search(key):
            return level
    return None


def hint_stem(key: str) -> str:
    """A hint key without its level words and fillers: ``"the donetsk obl"`` → ``"donetsk"``."""
    stem = " ".join(_ANY_LEVEL.sub(" ", key).split())
    previous = None
    while previous != stem:
        previous, stem = stem, _FILLER.sub("", stem).strip()
    return stem


class HintReader:
    """Reads hints against one store; answers are cached per (hint, country)."""

    def __init__(self, store: GazetteerStore, focus: tuple[str, ...]) -> None:
        self.store = store
        self.focus = focus
        self.read = lru_cache(maxsize=20_000)(self._read)
        self._fuzzy_names: dict[str | None, tuple[list[str], list[str]]] = {}
        self._country_keys: frozenset[str] | None = None

    def _read(self, text: str, country: str | None) -> Hint:
        raw = " ".join(text.split())
        if not raw:
            return Hint(text, ())
        direct = self.store.admin_unit(raw)
        if direct is not None:
            return Hint(raw, (direct,))
        if "," in raw:  # "Lymanska hromada, Odesa Oblast": each part narrows the others
            return self._combined(raw, [self.read(part, country) for part in raw.split(",")])
        key = name_key(raw)
        level = level_of(key)
        stem = self._without_country(hint_stem(key))
        units = self._units(key, stem, level, country)
        if units:
            return Hint(raw, self._with_enclaves(units))
        town = self._of_town(stem, level, country)
        if town:
            note = f"hint {raw!r} read as the {'raion' if level == 2 else 'hromada'} of its town"
            return Hint(raw, town, note)
        fuzzy = self._fuzzy(stem, level, country)
        if fuzzy is not None:
            unit, score = fuzzy
            note = f"hint {raw!r} read as {unit.name} (fuzzy {score:.0f})"
            return Hint(raw, self._with_enclaves((unit,)), note, fuzzy=True)
        return Hint(raw, (), f"hint {raw!r} matches no admin unit; ignored")

    def _combined(self, raw: str, parts: list[Hint]) -> Hint:
        units: tuple[AdminUnit, ...] = ()
        notes = [h.note for h in parts if h.note]
        for hint in sorted(
            (h for h in parts if h.units), key=lambda h: min(u.level for u in h.units)
        ):
            inner = tuple(u for u in hint.units if not units or any(within(u, o) for o in units))
            units = inner or units
        return Hint(raw, units, "; ".join(notes) or None)

    # -- exact readings -------------------------------------------------------------------------

    def _units(
        self, key: str, stem: str, level: int | None, country: str | None
    ) -> tuple[AdminUnit, ...]:
        places: dict[str, Place] = {}
        for probe in dict.fromkeys((key, stem)):
            if not probe:
                continue
            for hit in self.store.lookup(probe):
                p = hit.place
                if p.kind in ADMIN_KINDS and (not country or p.country == country):
                    places[p.place_id] = p
        if not places:
            return ()
        if level is not None and not any(p.kind == f"admin{level}" for p in places.values()):
            return ()  # "Donets Oblast" is no hromada called Donetska: leave it to the fuzzy match
        ranked = sorted(places.values(), key=lambda p: self._rank(p, level))
        best = self._rank(ranked[0], level)[:2]
        chosen = [p for p in ranked if self._rank(p, level)[:2] == best]
        if level == 1 or level is None:
            chosen = self._city_or_oblast(chosen, ranked, level)
        units = [self.store.admin_unit(p.place_id.removeprefix("adm:")) for p in chosen]
        return tuple(u for u in units if u is not None)

    def _of_town(self, stem: str, level: int | None, country: str | None) -> tuple[AdminUnit, ...]:
        """ "Kupiansk district", "Mena community": the raion or hromada named after its town
        (Kupianskyi raion), when no unit has that spelling and the focus countries' towns of the
        name lie in one unit of that level."""
        if level not in (2, 3) or not stem:
            return ()
        codes = {
            hit.place.admin2_code if level == 2 else hit.place.admin3_code
            for hit in self.store.lookup(stem)
            if hit.place.kind == "settlement"
            and (hit.place.country == country if country else hit.place.country in self.focus)
        }
        if len(codes) != 1 or None in codes:
            return ()
        unit = self.store.admin_unit(codes.pop() or "")
        return (unit,) if unit is not None else ()

    def _with_enclaves(self, units: tuple[AdminUnit, ...]) -> tuple[AdminUnit, ...]:
        """An oblast's scope includes a city with oblast status inside it ("Kyiv, Kyiv Oblast":
        the capital is its own unit, but the oblast's users file it there)."""
        extra = []
        for unit in units:
            if unit.level == 1 and not unit.city:
                extra += [u for u in self.store.enclaves(unit.code) if u not in units]
        return units + tuple(extra)

    def _rank(self, place: Place, level: int | None) -> tuple[int, int, int]:
        own = int(place.kind[-1])
        return (
            0 if level is None or own == level else 1,
            own if level is None else 0,
            0 if place.country in self.focus else 1,
        )

    def _city_or_oblast(
        self, chosen: list[Place], ranked: list[Place], level: int | None
    ) -> list[Place]:
        """ "Kyiv Oblast" is the oblast, not the city with oblast status; a bare "Kyiv" may be
        either, so both stay in scope."""
        cities = [p for p in chosen if p.feature_code == "ADM1C"]
        if not cities:
            return chosen
        if level == 1:
            oblasts = [p for p in ranked if p.kind == "admin1" and p.feature_code != "ADM1C"]
            return oblasts[:1] or chosen
        oblasts = [p for p in ranked if p.kind == "admin1" and p.feature_code != "ADM1C"]
        return chosen + oblasts[:1]

    def _without_country(self, stem: str) -> str:
        """``"ukraine donetsk"`` (from "Ukraine's Donetsk") → ``"donetsk"``."""
        if self._country_keys is None:
            rows = self.store.conn.execute(
                "SELECT DISTINCT n.key FROM names n JOIN places p ON p.place_id = n.place_id "
                "WHERE p.kind = 'country'"
            )
            self._country_keys = frozenset(r[0] for r in rows)
        words = stem.split()
        for cut in (2, 1):
            if len(words) > cut and " ".join(words[:cut]) in self._country_keys:
                return " ".join(words[cut:])
        return stem

    # -- misspellings ---------------------------------------------------------------------------

    def _fuzzy(
        self, stem: str, level: int | None, country: str | None
    ) -> tuple[AdminUnit, float] | None:
        if len(stem) < 4:
            return None
        keys, codes = self._admin_names(country)
        match = process.extractOne(stem, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_HINT_CUTOFF)
        if match is None:
            return None
        unit = self.store.admin_unit(codes[match[2]])
        if unit is None or (level is not None and unit.level != level):
            return None
        return unit, float(match[1])

    def _admin_names(self, country: str | None) -> tuple[list[str], list[str]]:
        """Stems of every admin-unit name in ``country`` (else the focus countries), with codes;
        raions and hromadas after oblasts, so an oblast wins a tie."""
        if country not in self._fuzzy_names:
            countries = (country,) if country else self.focus
            marks = ",".join("?" * len(countries))
            rows = self.store.conn.execute(
                "SELECT n.key, a.code FROM names n JOIN admin_units a ON n.place_id = a.place_id "
                f"WHERE a.country IN ({marks}) ORDER BY a.level, a.code",
                countries,
            ).fetchall()
            seen: dict[str, str] = {}
            for key, code in rows:
                stem = hint_stem(key)
                if len(stem) >= 4:
                    seen.setdefault(stem, code)
            self._fuzzy_names[country] = (list(seen), list(seen.values()))
        return self._fuzzy_names[country]


_SPLITS = (
    re.compile(r"^(?P<name>[^()]+?)\s*\((?P<hint>[^()]+)\)$"),  # Pisky (Donetsk Obl.)
    re.compile(
        r"^(?P<name>.+?)\s+in\s+(?P<hint>(?:the\s+)?\S.*)$", re.IGNORECASE
    ),  # X in the Y region
    re.compile(r"^(?P<hint>.+?)(?:'s|’s)\s+(?P<name>.+)$"),  # Donetsk Oblast's Kramatorsk
    re.compile(r"^(?P<name>[^,]+),\s*(?P<hint>[^,]+(?:,\s*[^,]+)?)$"),  # Pisky, Donetsk Obl.
)


def split_hint(query: str, reader: HintReader, country: str | None) -> tuple[str, str] | None:
    """``(name, hint)`` when ``query`` carries its own admin hint — "Pisky, Donetsk Obl.",
    "Stepanivka in the Kherson region", "Donetsk Oblast's Kramatorsk", "Pisky (Donetsk)" — and the
    hint part reads as an admin unit; None otherwise (the query is a name as it stands)."""
    if not any(mark in query for mark in (",", "(", " in ", "'s ", "’s ")):
        return None
    for pattern in _SPLITS:
        match = pattern.match(query)
        if match is None:
            continue
        name, hint = match["name"].strip(" ,"), match["hint"].strip(" ,.")
        if not name or not hint:
            continue
        read = reader.read(hint, country)
        if read.units and read.note is None:
            return name, hint
    return None
