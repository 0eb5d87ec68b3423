"""Resolve a place name to a gazetteer place, with ranked candidates and a one-line reason.

``Resolver.resolve(name, admin1=None, country=None, near=None, admin2=None)`` scores every
place that has the name (exact key, then aliases, transliterations and old names) by name kind,
population, the admin hints, country focus and distance to places already resolved nearby.
Rules it keeps:

* a name that is a region ("Kherson region", "Zaporizhzhia Oblast") resolves to the admin unit,
  precision 3;
* admin hints are read by :mod:`geo.gazetteer.hints` into a scope of units ("Donbas" is two
  oblasts); a hint it cannot read is named in the reason and ignored, never fatal;
* a name with no candidate in the hinted scope falls back to that region (precision 3,
  ``region_fallback``) rather than to a same-name place elsewhere;
* namesakes are decided by evidence — the hints, co-mentioned places, a much larger town, and
  (given a control layer, ``front=``) the one namesake on the front line of the report's date —
  or not at all: when candidates more than :data:`NAMESAKE_KM` apart score alike, the answer is the
  region they share with ``ambiguous`` listing them, never a confident guess;
* fuzzy matching (rapidfuzz) runs only when nothing matched exactly, inside the hinted scope or
  country, and its score is recorded.

Results are cached per (name, hints), so warm calls cost a dict lookup.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import field, replace
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Protocol

from rapidfuzz import fuzz, process

from geo.core.distance import UnitVector, haversine_km, nearest_km_vectors, unit_vector
from geo.core.errors import InputError
from geo.core.schema import Precision, ResolutionKind
from geo.core.theatre import FOCUS, THEATRE
from geo.core.values import value
from geo.gazetteer.hints import Hint, HintReader, level_of, split_hint, within
from geo.gazetteer.names import name_key
from geo.gazetteer.overlays import strip_region_words
from geo.gazetteer.store import AdminUnit, GazetteerStore, NameHit, Place

Scope = tuple[AdminUnit, ...]
"""The admin units a query is hinted into (empty: no hint); a place in any of them is in scope."""

MAX_NAME_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TYPE_WORDS = re.compile(
    r"\b(?:urban type settlement|town|city|village|settlement|hamlet|selyshche|smt|"
    r"(?P<near>vicinity|outskirts|centre|center|international airport|airport|airfield|air base|"
    r"airbase|border post|border checkpoint|checkpoint|crash site|railway station|station|"
    r"district|microdistrict|monument|cemetery|hill|bridge|dam))\b"
)
"""Words event tables write beside a name ("Donetsk town", "Kramatorsk airfield", "Marynivka
border checkpoint"): the name is the place (a site in or near it, for the second group)."""
_REGION_QUERY = re.compile(
    r"\b(oblast|region|province|krai|kray|okrug|republic|raion|rayon|district|hromada)\b"
)
_NAME_KIND_SCORE = {
    "official": 1.0,
    "alias": 1.0,
    "historical": 0.95,
    "alternate": 0.9,
    "transliteration": 0.85,
}
FUZZY_CUTOFF = 88.0
_BAD_QUERY_REASONS = ("empty name", f"name longer than {MAX_NAME_LENGTH} characters")
FUZZY_CUTOFF_UNHINTED = 94.0
"""Without an admin hint a one-letter difference is usually another village (Synkivka is not
Synivka, 250 km away), so fuzzy matches must be near-identical unless a region narrows the scope."""
LOOKALIKE_RATIO = 1.5
"""Of several places spelt like a name (:meth:`Resolver.lookalike`), the nearest is taken when
the next lies this many times as far."""
_SCORE = attrgetter("score")

CONTEXT_BONUS = 1.6
"""The most closeness to co-mentioned places adds to a candidate's score (at 0 km; halving
every ~40 km)."""
NAMESAKE_KM = 25.0
"""Candidates farther apart than this are different places: a wrong pick is a wrong answer."""
BESIDE_RAION_KM = 60.0
"""How far from the centre of a hinted raion the only place of the name in its oblast may lie
and still be taken for it (a raion named as it was before the 2020 merger)."""
NAMESAKE_MARGIN = 0.35
"""Score gap within which two namesakes count as alike. The priors that are not evidence (name
kind, population) differ by less than 0.25 between villages; a co-mentioned place 9 km from one
namesake and 28 km from the other is worth 0.38 (the context bonus is 1.6·exp(−d/60 km))."""
FORMER_NAME_SIMILARITY = 60.0
"""Below this rapidfuzz ratio between an alternate name and a place's own name, the alternate is
a former or foreign name rather than a spelling of it (see :func:`_outnamed`)."""
DOMINANT_POPULATION = 4
"""A town this many times larger than a namesake (and of at least :data:`DOMINANT_MIN`), or a
city against a village, is the one meant when nothing else tells them apart: "Lyman" is the
town of 23,000, not the village of 4,000."""
DOMINANT_MIN = 10_000
DOMINANT_CONFIDENCE = 0.8
"""Confidence of a town chosen over alike-scoring villages by size: a document may anchor on it."""
FRONT_NEAR_KM = 10.0
"""A namesake this close to the front line of the report's date is on it (the contact and grey
zone; the line itself is drawn to a km or two)."""
FRONT_FAR_KM = 25.0
"""A namesake at least this far from the line is off it; one in between leaves the front
undecided. Ukrainian village names recur along the front, so the front mostly narrows the
namesakes to a region and decides alone only when one of them is on it."""
FRONT_CONFIDENCE = 0.7
CHOSEN_CONFIDENCE = 0.7
"""Confidence of a namesake chosen because the places named with it lie around it
(:meth:`Resolver.choose`)."""
BIG_CITY_POPULATION = 500_000
"""A city this large is the place its name means in any context: the places named beside it do
not trade it for a namesake of under :data:`BIG_CITY_SHARE` its size ("Kryvyi Rih, Pavlohrad
and Lviv": Lviv, not the hamlet Львів 13 km from Kryvyi Rih)."""
BIG_CITY_SHARE = 0.01


def big_city_over(city: Place, other: Place) -> bool:
    """Is ``city`` a settlement of :data:`BIG_CITY_POPULATION`, and ``other`` a namesake of
    under :data:`BIG_CITY_SHARE` its size? Then context does not trade the city for it, and its
    size alone is evidence enough ("доставили в Днепр")."""
    return (
        city.kind == "settlement"
        and city.population >= BIG_CITY_POPULATION
        and other.population < BIG_CITY_SHARE * city.population
    )


SEAT_RANK = {"PPLC": 3, "PPLA": 2, "PPLA2": 2, "PPLA3": 2, "PPLA4": 1}
"""How much a place's status says it is the one meant: a capital, a city (a Ukrainian місто is
PPLA3), the seat of a raion or hromada (PPLA4), a village (absent: 0)."""


@value
class Candidate:
    """One scored candidate place."""

    place: Place
    score: float
    matched_name: str
    name_kind: str
    notes: tuple[str, ...] = ()


@value
class _Pool:
    """Candidates scored before context, with what context needs of them worked out once: the
    positions of those that have coordinates and could still matter once context is added (a
    candidate trailing the best by more than the largest context bonus plus the namesake margin
    can neither win nor count as alike; 50 villages share a name, few of them in the hinted
    oblast), and their unit vectors."""

    candidates: tuple[Candidate, ...]
    located: tuple[int, ...]
    vectors: tuple[UnitVector, ...]
    cities: tuple[tuple[int, tuple[int, ...]], ...] = ()
    """Each big city among the located (its position there) with the positions of its namesakes
    of under :data:`BIG_CITY_SHARE` its size (:func:`_big_cities_as_near`)."""

    @classmethod
    def of(cls, candidates: Iterable[Candidate]) -> _Pool:
        candidates = tuple(candidates)
        floor = max((c.score for c in candidates), default=0.0) - CONTEXT_BONUS - NAMESAKE_MARGIN
        located = tuple(
            i for i, c in enumerate(candidates) if c.place.lat is not None and c.score >= floor
        )
        vectors = tuple(
            unit_vector(candidates[i].place.lat, candidates[i].place.lon) for i in located
        )
        places = [candidates[i].place for i in located]
        cities = tuple(
            (k, small)
            for k, city in enumerate(places)
            if city.population >= BIG_CITY_POPULATION
            and (
                small := tuple(
                    n for n, other in enumerate(places) if n != k and big_city_over(city, other)
                )
            )
        )
        return cls(candidates, located, vectors, cities)


@value
class _Prepared:
    """A query before context: see :meth:`Resolver._prepare`."""

    query: str
    key: str
    scope: Scope
    country: str | None
    capital: _Pool | None  # a region query that found no region: the towns its city name may mean
    base: _Pool
    notes: tuple[str, ...] = ()  # how the hints were read (a fuzzy match, a hint ignored)
    setting: str | None = None  # a town the query names as its setting ("Saltivka, Kharkiv")
    approximate: bool = False  # the query names a site in or near the place ("X airfield")


@value
class Resolution:
    """The decision for one name: the place (or None), precision, kind, confidence and why."""

    query: str
    place: Place | None
    precision: Precision | None
    resolution: ResolutionKind
    confidence: float
    reason: str
    candidates: tuple[Candidate, ...] = field(default=())
    admin1_name: str | None = None
    admin2_name: str | None = None
    ambiguous: tuple[Candidate, ...] = ()
    """Namesakes that could not be told apart (the answer is then their region, or none)."""

    @property
    def resolved(self) -> bool:
        return self.place is not None and self.place.lat is not None

    def as_dict(self) -> dict[str, object]:
        p = self.place
        return {
            "query": self.query,
            "place_id": p.place_id if p else None,
            "place_name": p.name if p else None,
            "kind": p.kind if p else None,
            "admin1": self.admin1_name,
            "admin2": self.admin2_name,
            "country": p.country if p else None,
            "latitude": round(p.lat, 6) if p and p.lat is not None else None,
            "longitude": round(p.lon, 6) if p and p.lon is not None else None,
            "geo_precision": int(self.precision) if self.precision else None,
            "resolution": str(self.resolution),
            "confidence": round(self.confidence, 3),
            "reason": self.reason,
            "ambiguous": [c.place.place_id for c in self.ambiguous],
            "candidates": [
                {
                    "place_id": c.place.place_id,
                    "name": c.place.name,
                    "country": c.place.country,
                    "admin1_code": c.place.admin1_code,
                    "population": c.place.population,
                    "score": round(c.score, 3),
                    "matched": c.matched_name,
                    "notes": list(c.notes),
                }
                for c in self.candidates[:10]
            ],
        }


def check_name(name: str) -> str:
    """The usable query of ``name`` (control characters blanked, trimmed)
    or an :class:`InputError`."""
    query = _CONTROL.sub(" ", name or "").strip()
    if not query:
        raise InputError("empty place name")
    if len(query) > MAX_NAME_LENGTH:
        raise InputError(f"place name is {len(query)} characters long (limit {MAX_NAME_LENGTH})")
    return query


class OnlineLookup(Protocol):
    """What the resolver asks when offline resolution fails (see :mod:`geo.gazetteer.online`).

    Returns an ONLINE :class:`Resolution`, an unresolved one whose reason is a failure note,
    or None.
    """

    def lookup(
        self,
        name: str,
        admin1: str | None = None,
        country: str | None = None,
        store: GazetteerStore | None = None,
    ) -> Resolution | None: ...


CAPITAL_PRIOR = 1.3
"""Score a national capital (GeoNames PPLC) gets over its namesakes: enough to outweigh the focus
country's bonus for a village of the same name and still leave a confident margin."""


class FrontDistance(Hashable, Protocol):
    """The front line of one date as evidence (:class:`geo.frontline.nearness.FrontLine`): how far a
    point is from it, and how to name it in a reason. Hashable by identity: results are cached
    per front."""

    @property
    def label(self) -> str: ...

    def km(self, lat: float, lon: float) -> float: ...


class Resolver:
    """Offline resolution against a :class:`GazetteerStore`; optionally an online fallback."""

    def __init__(
        self,
        store: GazetteerStore | None = None,
        *,
        online: OnlineLookup | None = None,
        focus: Sequence[str] = FOCUS,
    ) -> None:
        self.store = store or GazetteerStore()
        self.online = online
        self.focus = tuple(focus)
        self.hints = HintReader(self.store, self.focus)
        self._cached = lru_cache(maxsize=500_000)(self._resolve)
        self._prepared = lru_cache(maxsize=200_000)(self._prepare)
        self._fuzzy_choices: dict[tuple[tuple[str, ...], str | None], list[str]] = {}
        self._centres: dict[str, Place | None] = {}
        self._hint_oblasts: dict[str, frozenset[str]] = {}  # hint text → its oblast codes

    # -- public -------------------------------------------------------------------------------

    def resolve(
        self,
        name: str,
        admin1: str | None = None,
        country: str | None = None,
        near: Iterable[tuple[float, float]] | None = None,
        *,
        admin2: str | None = None,
        front: FrontDistance | None = None,
    ) -> Resolution:
        """Resolve one name. ``admin1``/``admin2`` are hints as written ("Donetsk Oblast",
        "Bakhmut raion"); ``near`` is (lat, lon) of places resolved in the same context;
        ``front`` the front line of the report's date, which decides between namesakes when
        exactly one of them is on it."""
        country = country.upper() if country else None
        hints = (admin1 or None, admin2 or None)
        if near:  # a document's context rarely recurs: worked out afresh, not cached
            result = self._resolve(name, hints, country, tuple(near), front)
        else:
            result = self._cached(name, hints, country, (), front)
        if (
            self.online is not None
            and result.resolution in (ResolutionKind.UNRESOLVED, ResolutionKind.REGION_FALLBACK)
            and result.reason not in _BAD_QUERY_REASONS
        ):
            answer = self.online.lookup(name, admin1=admin1, country=country, store=self.store)
            if answer is not None and answer.resolved:
                self._cached.cache_clear()
                self._prepared.cache_clear()
                return answer
            if answer is not None:  # the online lookup failed or found nothing: say so
                return replace(result, reason=f"{result.reason}; {answer.reason}")
        return result

    def resolve_many(
        self, names: Iterable[str], admin1: str | None = None, country: str | None = None
    ) -> list[Resolution]:
        return [self.resolve(n, admin1, country) for n in names]

    def hint(self, text: str, country: str | None = None) -> Hint:
        """How an admin hint reads here (see :mod:`geo.gazetteer.hints`)."""
        return self.hints.read(text.strip(), (country or "").upper() or None)

    def hint_oblasts(self, text: str) -> frozenset[str]:
        """The codes of the oblasts an admin hint's units lie in: one for "Донецкой области" or
        "Бахмутського району", several for a hromada name several oblasts have."""
        found = self._hint_oblasts.get(text)
        if found is None:
            codes = (_admin1_code(unit) for unit in self.hint(text).units)
            found = self._hint_oblasts[text] = frozenset(c for c in codes if c is not None)
        return found

    def admin_hint(self, hint: str, country: str | None = None) -> AdminUnit | None:
        """The admin unit a user means by "Donetsk Oblast", "Donetska oblast", "Донецька
        область", "UA-14" (the first, when the hint may mean several)."""
        units = self.hint(hint, country).units
        return units[0] if units else None

    def describe(self, candidates: Sequence[Candidate]) -> str:
        """Namesakes as a reader tells them apart: "Hryhorivka (Bakhmutskyi raion, 48.926 38.185);
        …"."""
        parts = []
        for c in candidates:
            p = c.place
            where = self.admin_name(p.admin2_code) or self.admin_name(p.admin1_code) or p.country
            point = f", {p.lat:.3f} {p.lon:.3f}" if p.lat is not None else ""
            parts.append(f"{p.name} ({where}{point})")
        return "; ".join(parts)

    def choose(self, res: Resolution, place_id: str, why: str) -> Resolution | None:
        """``res`` decided for its candidate ``place_id`` by evidence the resolver did not weigh
        (the places named with it: :mod:`geo.extract`'s namesake clusters), at settlement level
        and ``context`` resolution; ``why`` leads the reason. None when no candidate has that id."""
        chosen = next((c for c in res.candidates if c.place.place_id == place_id), None)
        if chosen is None:
            return None
        scored = [chosen, *(c for c in res.candidates if c is not chosen)]
        decided = self._decide(res.query, name_key(res.query), chosen, scored, (), True)
        return replace(
            decided,
            resolution=ResolutionKind.CONTEXT,
            confidence=CHOSEN_CONFIDENCE,
            reason=f"{why}; {decided.reason}",
        )

    def hromada_centre(self, code: str | None) -> Place | None:
        """The seat of the hromada ``code`` (``UA.07.UA6308001``): the settlement its KATOTTH
        numbers first (``UA6308001001…``, "Великий Бурлук" of "Великобурлуцька громада"), else
        its largest settlement; None for a code that is no hromada."""
        unit = self.store.admin_unit(code) if code else None
        if unit is None or unit.level != 3:
            return None
        if unit.code not in self._centres:
            self._centres[unit.code] = self._find_centre(unit.code)
        return self._centres[unit.code]

    def _find_centre(self, code: str) -> Place | None:
        katotth = code.rsplit(".", 1)[-1].lower() + "001"  # "ua6308001001…": the first settlement
        row = self.store.conn.execute(
            "SELECT place_id FROM names WHERE key >= ? AND key < ? AND kind = 'alias' LIMIT 1",
            (katotth, katotth + "~"),
        ).fetchone()
        place = self.store.place(row[0]) if row else None
        if place is not None and place.lat is not None:
            return place
        row = self.store.conn.execute(
            "SELECT place_id FROM places WHERE admin3_code = ? AND kind = 'settlement' "
            "AND lat IS NOT NULL ORDER BY population DESC LIMIT 1",
            (code,),
        ).fetchone()
        return self.store.place(row[0]) if row else None

    def admin_name(self, code: str | None) -> str | None:
        unit = self.store.admin_unit(code) if code else None
        return unit.name if unit else None

    # -- the decision -------------------------------------------------------------------------

    def _resolve(
        self,
        name: str,
        hints: tuple[str | None, str | None],
        country: str | None,
        near: tuple[tuple[float, float], ...],
        front: FrontDistance | None = None,
    ) -> Resolution:
        prepared = self._prepared(name, hints, country)
        if isinstance(prepared, Resolution):
            return prepared
        result = self._decide_prepared(prepared, near, front)
        if prepared.notes:
            result = replace(result, reason="; ".join((result.reason, *prepared.notes)))
        return result

    def _decide_prepared(
        self,
        prepared: _Prepared,
        near: tuple[tuple[float, float], ...],
        front: FrontDistance | None = None,
    ) -> Resolution:
        query, key, scope, country = prepared.query, prepared.key, prepared.scope, prepared.country
        if prepared.capital is not None:
            named = self._region_of_capital(query, prepared.capital, near)
            if named is not None:
                return named
        if not prepared.base.candidates:
            why = "no place has this name"
            return (
                self._in_setting(prepared, why)
                or self._from_parts(prepared)
                or self._by_likeness(prepared, near, front, why)
            )
        # descending score, ties in pool order (a stable sort, reversed)
        scored = sorted(self._with_context(prepared.base, near), key=_SCORE, reverse=True)
        best = scored[0]
        if scope and not _in_scope(best.place, scope):
            beside = self._beside_raion(scored, scope)
            if beside is not None:  # "Volokhiv Yar, Chuguyiv District": a raion before 2020
                rest = [c for c in scored if c.place.place_id != beside.place.place_id]
                return self._decide(query, key, beside, [beside, *rest], (), False)
            # the name exists, just not there: a lookalike in the region (Berdyanske for
            # Berdiansk) is a guess
            return self._fallback(
                query, key, scope, country,
                f"{_places(len(scored))} this name, none in {_scope_name(scope)}",
                scored, fuzzy=False,
            )  # fmt: skip
        state = _state_abroad(best, scored, self.focus)
        if state is not None:  # "meet in Alaska": the US state, not a Philippine village
            scored = [c for c in scored if c is not state]
            larger = f"a state far larger than {best.place.name} ({best.place.country})"
            best = replace(state, notes=(*state.notes, larger))
            scored.insert(0, best)
        chosen, namesakes, outgrown = _namesakes(best, scored, self.focus)
        if namesakes and front is not None:
            by_front = self._by_front(query, key, (best, *namesakes), scored, scope, front)
            if by_front is not None:
                return by_front
        if namesakes:
            return self._ambiguous(query, best, namesakes, scored, scope)
        if chosen is not best:  # a town among alike-scoring villages: it leads the candidates
            best = chosen
            scored = [chosen, *(c for c in scored if c is not chosen)]
        decided = self._decide(query, key, best, scored, scope, bool(near))
        if prepared.approximate and decided.precision == Precision.SETTLEMENT:
            decided = replace(decided, precision=Precision.APPROXIMATE)
        if state is not None:
            decided = replace(decided, confidence=max(decided.confidence, DOMINANT_CONFIDENCE))
        if outgrown:  # alike in score, but a town against villages: the town, and say so
            decided = replace(
                decided,
                confidence=max(decided.confidence, DOMINANT_CONFIDENCE),
                reason=f"{decided.reason}; far larger than its {outgrown} namesake"
                + ("s" if outgrown > 1 else ""),
            )
        return decided

    def _in_setting(self, prepared: _Prepared, why: str) -> Resolution | None:
        """ "Saltivka, Kharkiv" when Saltivka (a district) is unknown: near Kharkiv, precision 2."""
        if prepared.setting is None:
            return None
        town = self._cached(prepared.setting, (None, None), prepared.country, ())
        place = town.place
        if place is None or place.kind != "settlement" or town.ambiguous or town.confidence < 0.8:
            return None
        if prepared.scope and not _in_scope(place, prepared.scope):
            return None
        reason = f"{why}; placed at {place.name}, the town the query names it in"
        return Resolution(
            prepared.query, place, Precision.APPROXIMATE, ResolutionKind.CONTEXT, 0.6, reason,
            town.candidates, town.admin1_name, town.admin2_name,
        )  # fmt: skip

    def _from_parts(self, prepared: _Prepared) -> Resolution | None:
        """ "Kyiv, Borodyanka", "Bucha, Kyiv vicinity": a list of places, none of them a hint;
        the most specific part that resolves on its own (the smallest settlement)."""
        if "," not in prepared.query:
            return None
        found = []
        for part in prepared.query.split(","):
            res = self._cached(part.strip(), (None, None), prepared.country, ())
            p = res.place
            if (
                p is not None
                and p.kind == "settlement"
                and not res.ambiguous
                and res.confidence >= 0.6
            ):
                if not prepared.scope or _in_scope(p, prepared.scope):
                    found.append(res)
        if not found:
            return None
        best = min(found, key=lambda r: r.place.population)  # type: ignore[union-attr]
        return replace(
            best,
            query=prepared.query,
            reason=f"{best.reason}; read as {best.query!r} of {prepared.query!r}",
        )

    def _scope(
        self, hints: tuple[str | None, str | None], country: str | None
    ) -> tuple[Scope, list[str]]:
        """The units the admin1/admin2 hints name together, and notes on how they were read."""
        scope: Scope = ()
        notes: list[str] = []
        for text in hints:
            if not text:
                continue
            hint = self.hint(text, country)
            units = hint.units or self._unit_named_after_town(text, country)
            if hint.units or not units:
                if hint.note:
                    notes.append(hint.note)
            else:  # not "matches no admin unit; ignored": the town's unit reads it
                notes.append(f"hint {text!r} read as {units[0].name}, named after its town")
            if not units:
                continue
            inner = tuple(u for u in units if not scope or any(within(u, o) for o in scope))
            if scope and not inner:
                notes.append(
                    f"hint {text!r} ({hint.names}) is not in {_scope_name(scope)}; ignored"
                )
                continue
            scope = inner
        return scope, notes

    def _unit_named_after_town(self, text: str, country: str | None) -> tuple[AdminUnit, ...]:
        """A hint no unit is spelled like, naming its level after a town ("Kupiansk district",
        "Zaporozhye region"): the unit :meth:`_region_of_capital` reads it as, else none."""
        if level_of(name_key(text)) not in (1, 2):
            return ()
        res = self.resolve(text, country=country)
        place = res.place
        if (
            place is None
            or res.precision != Precision.REGION
            or place.kind not in ("admin1", "admin2")
            or (place.country != (country or "") and place.country not in self.focus)
        ):
            return ()  # "Atlantis Oblast" is no Western Cape
        code = place.admin2_code if place.kind == "admin2" else place.admin1_code
        unit = self.store.admin_unit(code) if code else None
        return (unit,) if unit is not None else ()

    def _prepare(
        self, name: str, hints: tuple[str | None, str | None], country: str | None
    ) -> _Prepared | Resolution:
        """Everything about a query that does not depend on context: the cleaned name, its key,
        the admin units of the hints, the places that bear the name and their scores before
        distance to co-mentioned places is weighed, with their unit vectors for that step
        (cached: documents repeat names)."""
        query = _CONTROL.sub(" ", name or "").strip()
        if not query:
            return self._unresolved(name, "empty name")
        if len(query) > MAX_NAME_LENGTH:
            return self._unresolved(
                query[:60] + "…", f"name longer than {MAX_NAME_LENGTH} characters"
            )
        if country and self.store.place(f"cc:{country}") is None:
            raise InputError(
                f"unknown country code {country!r} (expected ISO 3166-1 alpha-2, e.g. UA)"
            )
        split = split_hint(query, self.hints, country)
        setting = None
        if split is not None:  # "Pisky, Donetsk Obl.", "Stepanivka in the Kherson region"
            query, written = split
            setting = written
            hints = (
                (hints[0] or written, hints[1]) if not hints[0] else (hints[0], hints[1] or written)
            )
        scope, notes = self._scope(hints, country)
        if scope and not country and len({u.country for u in scope}) == 1:
            country = scope[0].country
        key = name_key(query)
        region_query = bool(_REGION_QUERY.search(key))
        hits = list(self.store.lookup(key))
        if "g" in key and not region_query and query.isascii():
            hits += self._h_spelled(key, hits)
        approximate = False
        if not hits and not region_query:  # "Donetsk town", "Kramatorsk airfield"
            bare = " ".join(_TYPE_WORDS.sub(" ", key).split())
            if bare and bare != key and (found := self.store.lookup(bare)):
                notes.append(f"{query!r} read as {bare!r}")
                approximate = any(m["near"] for m in _TYPE_WORDS.finditer(key))
                key, hits = bare, list(found)
        capital = None
        if region_query:
            stem_hits = self.store.lookup(strip_region_words(key))
            hits += [h for h in stem_hits if h.place.is_region]
            regions = [h for h in hits if h.place.kind in ("admin1", "admin2", "admin3")]
            level = level_of(key)
            of_level = [h for h in regions if h.place.kind == f"admin{level}"]
            if of_level:
                regions = of_level
            if not regions or (level == 2 and all(h.place.kind == "admin1" for h in regions)):
                # "Zaporizhzhia district": only the oblast bears the city's name (its raion is
                # Zaporizkyi), so the raion around the city, not the oblast
                capital = self._capital_towns(stem_hits, scope, country)
            hits = regions or hits
        if country:
            hits = [h for h in hits if h.place.country == country]
        base = _Pool.of(self._score(hits, scope, country, region_query))
        return _Prepared(
            query, key, scope, country, capital, base, tuple(notes), setting, approximate
        )

    def _h_spelled(self, key: str, hits: Sequence[NameHit]) -> list[NameHit]:
        """The Ukrainian settlements a Latin name spells with "g" for Ukrainian "г" (h), as
        English reports write it after Russian ("Yevgenivka", "Bogdanivka"): namesakes of the
        one place that may carry the spelling as an alternate name, so the context chooses
        among them all. Only where the name's own places are all in Ukraine, or none."""
        if any(h.place.country != "UA" for h in hits):
            return []
        seen = {h.place.place_id for h in hits}
        return [
            h
            for h in self.store.lookup(key.replace("g", "h"))
            if h.place.country == "UA"
            and h.place.kind == "settlement"
            and h.place.place_id not in seen
        ]

    def _by_front(
        self,
        query: str,
        key: str,
        alike: Sequence[Candidate],
        scored: list[Candidate],
        scope: Scope,
        front: FrontDistance,
    ) -> Resolution | None:
        """Alike namesakes weighed by the front line of the report's date: the one on it (within
        :data:`FRONT_NEAR_KM`, every namesake more than :data:`NAMESAKE_KM` from it at least
        :data:`FRONT_FAR_KM` from the line) at settlement level; several on it in one oblast, that
        oblast at region level listing them; None when the front does not tell."""
        km = {id(c): front.km(c.place.lat, c.place.lon) for c in alike}  # type: ignore[arg-type]
        on = sorted((c for c in alike if km[id(c)] <= FRONT_NEAR_KM), key=lambda c: km[id(c)])
        if not on or any(FRONT_NEAR_KM < km[id(c)] < FRONT_FAR_KM for c in alike):
            return None
        off = [c for c in alike if km[id(c)] >= FRONT_FAR_KM]
        where = (
            f"{len(on)} of {len(alike)} alike namesakes on {front.label} "
            f"(within {FRONT_NEAR_KM:.0f} km; the others {min(km[id(c)] for c in off):.0f}+ km)"
            if off
            else f"all {len(alike)} alike namesakes on {front.label}"
        )
        chosen = on[0]
        if all(place_km(chosen.place, c.place) <= NAMESAKE_KM for c in on):
            scored = [chosen, *(c for c in scored if c is not chosen)]
            decided = self._decide(query, key, chosen, scored, scope, True)
            return replace(
                decided,
                confidence=FRONT_CONFIDENCE,
                resolution=ResolutionKind.CONTEXT,
                reason=f"{decided.reason}; {where}, {km[id(chosen)]:.0f} km from it",
            )
        if not off or self._common_admin1(on) is None:
            return None
        narrowed = self._ambiguous(query, chosen, on[1:], scored, scope)
        return replace(narrowed, reason=f"{narrowed.reason}; {where}")

    def _capital_towns(
        self, stem_hits: Sequence[NameHit], scope: Scope, country: str | None
    ) -> _Pool | None:
        """The settlements a region query's stem names ("Zaporozhye" of "Zaporozhye region"),
        scored."""
        towns = [
            h
            for h in stem_hits
            if h.place.kind == "settlement" and (not country or h.place.country == country)
        ]
        return _Pool.of(self._score(towns, scope, country, False)) if towns else None

    def _with_context(self, pool: _Pool, near: Sequence[tuple[float, float]]) -> list[Candidate]:
        """The pool's candidates with the closeness to co-mentioned places added: up to +1.6,
        halving every ~40 km. A candidate whose score does not change (no coordinates, or a
        namesake so far off that the bonus is below the last bit) passes through as it is."""
        candidates = list(pool.candidates)
        if not near or len(pool.vectors) < 2:  # none, or one contender: context changes nothing
            return candidates
        distances = nearest_km_vectors(pool.vectors, [unit_vector(lat, lon) for lat, lon in near])
        if pool.cities:
            distances = _big_cities_as_near(pool.cities, distances)
        for i, d in zip(pool.located, distances, strict=True):
            c = candidates[i]
            score = c.score + CONTEXT_BONUS * math.exp(-d / 60.0)
            if d < 60:
                notes = (*c.notes, f"{d:.0f} km from co-mentioned places")
                candidates[i] = Candidate(c.place, score, c.matched_name, c.name_kind, notes)
            elif score != c.score:
                candidates[i] = Candidate(c.place, score, c.matched_name, c.name_kind, c.notes)
        return candidates

    def _region_of_capital(
        self, query: str, towns: _Pool, near: Sequence[tuple[float, float]]
    ) -> Resolution | None:
        """ "Zaporozhye region" when only the city has that spelling: the oblast named after it;
        "Kupiansk district": the raion around the town; "Mena community": its hromada."""
        level = level_of(name_key(query))
        candidates = self._with_context(towns, near)
        within_oblast = level == 2 or level == 3
        if within_oblast:  # of the namesakes, the towns a raion or hromada is named after
            centres = [c for c in candidates if self._names_its_unit(c.place, level == 2)]
            candidates = centres or candidates
        best = max(candidates, key=_SCORE)
        if not within_oblast and _unsure_town_of_a_region(best, candidates):
            return None  # "the Gulyaypol and Zaliznychne regions": which Zaliznychne?
        code = best.place.admin1_code
        if level == 2 and best.place.admin2_code:
            code = best.place.admin2_code  # a raion is named after its town
        elif level == 3 and best.place.admin3_code:
            code = best.place.admin3_code  # "Mena community": the hromada of its town
        region = self.store.admin_unit(code) if code else None
        place = self.store.place(region.place_id) if region and region.place_id else None
        if region is None or place is None:
            return None
        reason = (
            f"region named after its city: {best.matched_name!r} is {best.place.name}, "
            f"so the region is {region.name}"
        )
        unit = Candidate(place, best.score, best.matched_name, best.name_kind)
        return Resolution(
            query, place, Precision.REGION, ResolutionKind.ALIAS, 0.8, reason,
            (unit, best) if level == 3 else (best,),
            self.admin_name(best.place.admin1_code) if within_oblast else region.name,
            self.admin_name(best.place.admin2_code) if within_oblast else None,
        )  # fmt: skip

    def _names_its_unit(self, town: Place, raion: bool) -> bool:
        """Is the raion (else the hromada) of ``town`` named after it ("Krasnopilska hromada"
        of Krasnopillia, Sumy oblast; not the Koropska hromada of a Chernihiv Krasnopillia)?
        Compares the name's stem, its ending dropped."""
        code = town.admin2_code if raion else town.admin3_code
        unit = self.store.admin_unit(code) if code else None
        if unit is None:
            return False
        stem = name_key(town.name)
        return name_key(unit.name).startswith(stem[: max(3, len(stem) - 3)])

    def _score(
        self,
        hits: Sequence[NameHit],
        scope: Scope,
        country: str | None,
        region_query: bool,
    ) -> list[Candidate]:
        """Each place's best score among ``hits``, before any context."""
        by_place: dict[str, Candidate] = {}
        for hit in hits:
            cand = self._score_hit(hit, scope, region_query)
            if (
                hit.place.place_id not in by_place
                or by_place[hit.place.place_id].score < cand.score
            ):
                by_place[hit.place.place_id] = cand
        return list(by_place.values())

    def _score_hit(self, hit: NameHit, scope: Scope, region_query: bool) -> Candidate:
        """One name hit's score: name kind, curation, population, kind of place, hints, focus."""
        p = hit.place
        notes: list[str] = []
        score = _NAME_KIND_SCORE.get(hit.name_kind, 0.8)
        if hit.source.startswith("overlay") and (region_query or not p.is_region):
            # a curated region spelling ("Dnipro" for the oblast) serves region queries and
            # hints; it does not make the oblast outrank the city in a plain name query
            score += 0.6
            notes.append("curated alias")
        elif hit.source.startswith("user:"):
            score += 0.6
            notes.append(f"user import ({hit.source.removeprefix('user:')})")
        elif hit.source.startswith("online:") and hit.name_kind == "alias":
            score += 0.6  # an online geocoder named this place for this name before
            notes.append(f"online answer ({hit.source.removeprefix('online:')})")
        if hit.name_kind == "historical" and hit.reason:
            notes.append(hit.reason)
        score += 0.35 * math.log10(p.population + 1) / 7 if p.kind != "country" else 0.0
        score += _kind_score(p, region_query, notes)
        if scope:
            if _in_scope(p, scope):
                score += 2.0
                notes.append(f"in {_scope_name(scope)}")
            else:
                score -= 3.0
        if p.country in self.focus:
            score += 0.6
            notes.append(f"{p.country} focus")
        elif p.country in THEATRE:
            score += 0.3
        return Candidate(p, score, hit.name, hit.name_kind, tuple(notes))

    def _decide(
        self,
        query: str,
        key: str,
        best: Candidate,
        scored: list[Candidate],
        scope: Scope,
        in_context: bool,
    ) -> Resolution:
        """The Resolution for the top-scored candidate; ``key`` is the query's :func:`name_key`,
        ``in_context`` whether co-mentioned places were weighed."""
        p = best.place
        count = len(scored)
        runner = scored[1].score if count > 1 else best.score - 3.0
        margin = max(best.score - runner, 0.0)  # 0 for a town chosen over alike villages
        confidence = 1.0 / (1.0 + math.exp(-2.5 * margin))
        region = p.is_region
        if region:
            precision = Precision.REGION
        elif p.feature_code == "AREA":
            precision = Precision.APPROXIMATE
        else:
            precision = Precision.SETTLEMENT
        if scope or (in_context and any("km from" in n for n in best.notes)):
            kind = ResolutionKind.CONTEXT if count > 1 else ResolutionKind.EXACT
        elif best.name_kind == "official" and name_key(best.matched_name) == key:
            kind = ResolutionKind.EXACT
        else:
            kind = ResolutionKind.ALIAS
        why = [
            f"{'region name' if region else 'name'} matched {best.name_kind} {best.matched_name!r}",
            "only candidate" if count == 1 else f"best of {count} candidates (margin {margin:.2f})",
        ]
        if scope and sum(1 for c in scored if _in_scope(c.place, scope)) == 1:
            why.append(f"only one in {_scope_name(scope)}")
        why += [n for n in best.notes if not n.startswith("in ")]
        return Resolution(
            query, p, precision, kind, confidence, "; ".join(why), tuple(scored),
            self.admin_name(p.admin1_code), self.admin_name(p.admin2_code),
        )  # fmt: skip

    def _ambiguous(
        self,
        query: str,
        best: Candidate,
        namesakes: list[Candidate],
        scored: list[Candidate],
        scope: Scope,
    ) -> Resolution:
        """Namesakes nothing tells apart: the region they share (the hinted one, else their common
        oblast) at precision 3, listing them; unresolved when they share none."""
        alike = (best, *namesakes)
        spread = max(place_km(best.place, c.place) for c in namesakes)
        why = (
            f"{len(alike)} places named {best.matched_name!r}"
            + (f" in {_scope_name(scope)}" if scope else "")
            + f" lie up to {spread:.0f} km apart and nothing here tells them apart"
        )
        unit = _fallback_unit(scope) or self._common_admin1(alike)
        if unit is None or not unit.place_id:
            return replace(self._unresolved(query, f"{why}; not placed", scored), ambiguous=alike)
        region = self.store.place(unit.place_id)
        return Resolution(
            query, region, Precision.REGION, ResolutionKind.REGION_FALLBACK, 0.5,
            f"{why}; placed at region level ({unit.name})", tuple(scored),
            unit.name if unit.level == 1 else self.admin_name(_admin1_code(unit)), None,
            ambiguous=alike,
        )  # fmt: skip

    def _common_admin1(self, candidates: Sequence[Candidate]) -> AdminUnit | None:
        codes = {c.place.admin1_code for c in candidates}
        code = codes.pop() if len(codes) == 1 else None
        return self.store.admin_unit(code) if code else None

    def _fallback(
        self,
        query: str,
        key: str,
        scope: Scope,
        country: str | None,
        why: str,
        scored: Sequence[Candidate] = (),
        *,
        fuzzy: bool = True,
        found: tuple[str, float, list[NameHit]] | None = None,
    ) -> Resolution:
        """A lookalike name's best place (``found``, else looked for when ``fuzzy``), else the
        hinted region at region level, else unresolved."""
        if found is None and fuzzy:
            found = self._fuzzy(key, scope, country)
        if found is not None:
            matched, score, hits = found  # the places sharing it ranked like exact hits
            place = max(self._score(hits, scope, country, False), key=_SCORE).place
            cand = Candidate(place, score / 100, matched, "fuzzy", (f"fuzzy {score:.0f}",))
            return Resolution(
                query, place,
                Precision.SETTLEMENT if not place.is_region else Precision.REGION,
                ResolutionKind.FUZZY, round(score / 100 * 0.8, 3),
                f"{why}; fuzzy match {matched!r} scored {score:.0f}/100"
                + (f" in {_scope_name(scope)}" if scope else ""),
                (cand, *scored), self.admin_name(place.admin1_code),
                self.admin_name(place.admin2_code),
            )  # fmt: skip
        unit = _fallback_unit(scope)
        if unit is not None and unit.place_id:
            region = self.store.place(unit.place_id)
            return Resolution(
                query, region, Precision.REGION, ResolutionKind.REGION_FALLBACK, 0.5,
                f"{why}; placed at region level ({unit.name})", tuple(scored),
                unit.name if unit.level == 1 else self.admin_name(_admin1_code(unit)), None,
            )  # fmt: skip
        return self._unresolved(query, why, scored)

    def _by_likeness(
        self,
        prepared: _Prepared,
        near: tuple[tuple[float, float], ...],
        front: FrontDistance | None,
        why: str,
    ) -> Resolution:
        """A name no place bears, by a lookalike (:meth:`_fallback`). A lookalike spelling
        several places share ("Pervomaiskoye": 'pervomaiskoe', the Russian name of a dozen
        Pervomaiske and of Manhush's old name) is decided among them as the exact name would
        be (by the places named with it, the front, or their region), not by the first one's
        size."""
        query, key, scope, country = prepared.query, prepared.key, prepared.scope, prepared.country
        found = self._fuzzy(key, scope, country)
        if found is None or len({h.place.place_id for h in found[2]}) < 2:
            return self._fallback(query, key, scope, country, why, fuzzy=False, found=found)
        matched, score, hits = found
        pool = _Pool.of(self._score(hits, scope, country, False))
        shared = replace(prepared, key=matched, base=pool, capital=None, setting=None)
        res = self._decide_prepared(shared, near, front)
        note = f"{why}; fuzzy match {matched!r} scored {score:.0f}/100"
        if res.place is None or res.precision == Precision.REGION:
            return replace(res, reason=f"{note}; {res.reason}")
        return replace(
            res,
            resolution=ResolutionKind.FUZZY,
            confidence=min(res.confidence, round(score / 100 * 0.8, 3)),
            reason=f"{note}; {res.reason}",
        )

    def lookalike(
        self, query: str, admin1: str, near: Sequence[tuple[float, float]]
    ) -> Resolution | None:
        """The settlement of the oblast ``admin1`` (its code) whose name is spelt like ``query``
        (rapidfuzz ratio of the keys ≥ :data:`FUZZY_CUTOFF`: "Kolesnykivka", the Russian vowel,
        for Kharkiv oblast's Kolisnykivka): the one there, or of several the one nearest
        ``near`` when the next lies :data:`LOOKALIKE_RATIO` times as far; else None."""
        unit = self.store.admin_unit(admin1)
        if unit is None:
            return None
        key, scope = name_key(query), (unit,)
        found = self._fuzzy(key, scope, None)
        if found is None:
            return None
        matched, score, hits = found
        located = {
            h.place.place_id: h for h in hits if h.place.kind == "settlement" and h.place.lat
        }
        if len(located) > 1 and near:
            by_distance = sorted(
                ((km_to_nearest(h.place, near), h) for h in located.values()), key=itemgetter(0)
            )
            (first, hit), (second, _) = by_distance[:2]
            if second < LOOKALIKE_RATIO * first:
                return None
            located = {hit.place.place_id: hit}
        if len(located) != 1:
            return None
        why = f"spelt like a name of {unit.name}"
        found = (matched, score, list(located.values()))
        return self._fallback(query, key, scope, None, why, found=found)

    def _fuzzy(
        self, key: str, scope: Scope, country: str | None
    ) -> tuple[str, float, list[NameHit]] | None:
        """Last resort: rapidfuzz over names inside the hinted scope, else the country (or the
        focus countries). The matched key, its score and the settlements and features in scope
        that bear it (several may: many Avdiivkas)."""
        if len(key) < 5:
            return None
        keys = self._fuzzy_names(scope, country)
        cutoff = FUZZY_CUTOFF if scope else FUZZY_CUTOFF_UNHINTED
        match = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        if match is None:
            return None
        _, score, index = match
        matched = keys[index]
        hits = [
            h
            for h in self.store.lookup(matched)
            if h.place.kind in ("settlement", "feature") and self._in_scope(h.place, scope, country)
        ]
        return (matched, float(score), hits) if hits else None

    def _fuzzy_names(self, scope: Scope, country: str | None) -> list[str]:
        """The name keys of the settlements and features fuzzy matching may reach."""
        cache_key = (tuple(u.code for u in scope), country)
        if cache_key not in self._fuzzy_choices:
            sql = (
                "SELECT n.key FROM names n JOIN places p ON p.place_id = n.place_id "
                "WHERE p.kind IN ('settlement', 'feature')"
            )
            args: list[object] = []
            if scope:
                column = {1: "p.admin1_code", 2: "p.admin2_code", 3: "p.admin3_code"}
                sql += " AND (" + " OR ".join(f"{column[u.level]} = ?" for u in scope) + ")"
                args += [u.code for u in scope]
            elif country:
                sql += " AND p.country = ?"
                args.append(country)
            else:
                sql += f" AND p.country IN ({','.join('?' * len(self.focus))})"
                args += list(self.focus)
            # each key once: the matched key's places are looked up again afterwards
            keys = list(dict.fromkeys(r[0] for r in self.store.conn.execute(sql, args)))
            self._fuzzy_choices[cache_key] = keys
        return self._fuzzy_choices[cache_key]

    def _beside_raion(self, scored: list[Candidate], scope: Scope) -> Candidate | None:
        """The one place of the name in the oblast of a hinted raion it is not in, when it lies
        within :data:`BESIDE_RAION_KM` of the raion's centre: the raions were merged in 2020, and
        reports still name the old ones ("Volokhiv Yar, Chuguyiv District", now Izium raion)."""
        if len(scope) != 1 or scope[0].level != 2 or not scope[0].place_id:
            return None
        oblast = _admin1_code(scope[0])
        inside = [c for c in scored if c.place.admin1_code == oblast and c.place.lat is not None]
        centre = self.store.place(scope[0].place_id)
        if len(inside) != 1 or centre is None or centre.lat is None or centre.lon is None:
            return None
        place = inside[0].place
        if place_km(place, centre) > BESIDE_RAION_KM:
            return None
        note = f"not in {scope[0].name} since 2020; the only one in its oblast, beside it"
        return replace(inside[0], notes=(*inside[0].notes, note))

    def _in_scope(self, place: Place, scope: Scope, country: str | None) -> bool:
        if scope:
            return _in_scope(place, scope)
        return place.country == country if country else place.country in self.focus

    def _unresolved(self, query: str, why: str, scored: Sequence[Candidate] = ()) -> Resolution:
        return Resolution(query, None, None, ResolutionKind.UNRESOLVED, 0.0, why, tuple(scored))


def _kind_score(p: Place, region_query: bool, notes: list[str]) -> float:
    """What the kind of place adds: a national capital's prior, a region for a region query."""
    if p.kind in ("settlement", "feature"):
        score = 0.1 if p.kind == "feature" else 0.0
        if p.feature_code == "PPLC":  # "talks in Paris": the capital, not Paris near Donetsk
            score += CAPITAL_PRIOR
            notes.append("national capital")
        return score - 2.0 if region_query else score
    if p.kind in ("admin1", "admin2", "admin3"):
        if not region_query:
            return -0.6
        return {"admin1": 1.5, "admin2": 1.0}.get(p.kind, 0.8)
    return 0.5 if p.kind == "country" else 0.0


def _state_abroad(
    best: Candidate, scored: list[Candidate], focus: tuple[str, ...]
) -> Candidate | None:
    """A first-level division outside the focus countries that dwarfs the settlement abroad
    that scored best (:data:`STATE_ABROAD_RATIO` times its people or more): "Alaska",
    "Florida", "Bavaria" named in passing are the state, not a village spelt the same. A region
    loses to a settlement by kind alone (:func:`_kind_score`), which is right for a town and
    its oblast at home, not for a state abroad against a village."""
    p = best.place
    if p.kind != "settlement" or p.country in focus or p.feature_code == "PPLC":
        return None
    floor = max(STATE_ABROAD_MIN, STATE_ABROAD_RATIO * p.population)
    states = [
        c
        for c in scored
        if c.place.kind == "admin1" and c.place.country not in focus and c.place.population >= floor
    ]
    return max(states, key=lambda c: c.place.population) if states else None


STATE_ABROAD_RATIO = 20
STATE_ABROAD_MIN = 500_000
"""A state abroad is meant over a settlement when it has this many times the settlement's
people, and at least :data:`STATE_ABROAD_MIN`."""


def _namesakes(
    best: Candidate, scored: list[Candidate], focus: tuple[str, ...]
) -> tuple[Candidate, list[Candidate], int]:
    """The candidate meant, the candidates as likely that lie more than :data:`NAMESAKE_KM` from
    it (empty when the evidence — hints, context, curation, status or size — decided), and how
    many alike-scoring namesakes it outgrew. Among alike namesakes, one that outranks all the far
    ones (a city among villages) is meant even when it scored a hair lower."""
    p = best.place
    if p.kind != "settlement" or p.lat is None or p.feature_code == "PPLC":
        return best, [], 0
    if any(
        n == "curated alias" or n.startswith(("user import", "online answer")) for n in best.notes
    ):
        return best, [], 0
    pool = [best]
    for c in scored[1:]:
        if best.score - c.score > NAMESAKE_MARGIN:
            break  # sorted: the rest score lower still
        q = c.place
        if q.kind != "settlement" or q.lat is None:
            continue
        if p.country in focus and q.country != p.country:
            continue  # a namesake abroad does not compete with one in the focus country
        pool.append(c)
    # only the foremost by status and size can outrank every far namesake
    top = max(
        pool, key=lambda c: (SEAT_RANK.get(c.place.feature_code or "", 0), c.place.population)
    )
    far = [c for c in pool if c is not top and place_km(top.place, c.place) > NAMESAKE_KM]
    if all(_dominates(top.place, c.place) and not _outnamed(top, c) for c in far):
        return top, [], len(far)
    if top is not best:
        far = [c for c in pool[1:] if place_km(p, c.place) > NAMESAKE_KM]
    return best, far, 0


def _outnamed(big: Candidate, small: Candidate) -> bool:
    """Is ``big`` matched only by a GeoNames alternate unlike its own name (a former name:
    "Олександрівка" of Donetsk, "Станіслав" of Ivano-Frankivsk, "Федоровка" of Nova Odesa)?
    Then its size decides nothing against ``small``, a namesake bearing the name; the document's
    other places must tell them apart. A spelling of its own name ("Красногоровка" of
    Krasnohorivka) keeps the town's weight."""
    if big.name_kind != "alternate" or small.name_kind == "historical":
        return False
    own = fuzz.ratio(name_key(big.matched_name), name_key(big.place.name))
    return own < FORMER_NAME_SIMILARITY


def _dominates(p: Place, q: Place) -> bool:
    """Is ``p`` the one meant over its namesake ``q`` by status or size alone (a city over a
    village, a hromada's seat over a village, a town several times larger)?"""
    if SEAT_RANK.get(p.feature_code or "", 0) > SEAT_RANK.get(q.feature_code or "", 0):
        return True
    return p.population >= DOMINANT_MIN and p.population >= DOMINANT_POPULATION * max(
        q.population, 1
    )


def km_to_nearest(place: Place, points: Sequence[tuple[float, float]]) -> float:
    """Great-circle km from a located place to the nearest of ``points`` (a document's points
    recur, and their :func:`unit_vector` is cached)."""
    return nearest_km_vectors(
        [unit_vector(place.lat, place.lon)],
        [unit_vector(lat, lon) for lat, lon in points],
    )[0]


def place_km(a: Place, b: Place) -> float:
    """Great-circle km between two located places."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def _places(n: int) -> str:
    return "1 place has" if n == 1 else f"{n} places have"


def _big_cities_as_near(
    cities: tuple[tuple[int, tuple[int, ...]], ...], distances: Sequence[float]
) -> list[float]:
    """``distances`` (of a pool's located candidates to the co-mentioned places), with each city
    of :data:`BIG_CITY_POPULATION` counted as near them as its nearest namesake of under
    :data:`BIG_CITY_SHARE` its size (``cities``: :attr:`_Pool.cities`): context tells such
    namesakes apart, not them from it."""
    found = list(distances)
    for k, small in cities:
        found[k] = min(found[k], *(distances[n] for n in small))
    return found


def _admin1_code(unit: AdminUnit) -> str | None:
    """The oblast a unit lies in (itself for an oblast)."""
    return unit.code if unit.level == 1 else ".".join(unit.code.split(".")[:2])


def in_unit(place: Place, unit: AdminUnit) -> bool:
    """Does ``place`` lie in ``unit`` (or is it the unit's own place)?"""
    if place.place_id == unit.place_id:
        return True
    if unit.level == 1:
        return place.admin1_code == unit.code
    if unit.level == 2:
        return place.admin2_code == unit.code
    return getattr(place, "admin3_code", None) == unit.code


def _in_scope(place: Place, scope: Scope) -> bool:
    return any(in_unit(place, unit) for unit in scope)


def _scope_name(scope: Scope) -> str:
    return " or ".join(u.name for u in scope)


def _fallback_unit(scope: Scope) -> AdminUnit | None:
    """The one region a scope falls back to: its only unit, else the one oblast (not a city with
    oblast status) among several, else None."""
    if len(scope) == 1:
        return scope[0]
    oblasts = [u for u in scope if u.level == 1 and not u.city]
    return oblasts[0] if len(oblasts) == 1 else None


def _admin_hint(
    store: GazetteerStore, hint: str, country: str | None, focus: tuple[str, ...]
) -> AdminUnit | None:
    """The first admin unit ``hint`` reads as (kept for callers outside the resolver)."""
    units = HintReader(store, focus).read(hint.strip(), country).units
    return units[0] if units else None


REGION_TOWN_MARGIN = 0.3
"""How far the town an oblast is read from ("X region") must score above a namesake in another
oblast, when it is no oblast's centre (:func:`_unsure_town_of_a_region`)."""


def _unsure_town_of_a_region(best: Candidate, candidates: Sequence[Candidate]) -> bool:
    """Is ``best``, the town "X region" is read as the oblast of, no oblast's centre with a
    namesake in another oblast scoring within :data:`REGION_TOWN_MARGIN` of it? "the Zaliznychne
    region" of a Zaporizhzhia report is no Odesa-oblast Zaliznychne's oblast; "the Zaporozhye
    region" (the oblast's centre) and "the Bakhmut region" (no namesake near its score) are."""
    if best.place.feature_code in ("PPLA", "PPLC"):
        return False
    return any(
        c.place.admin1_code != best.place.admin1_code
        and c.place.kind == "settlement"
        and c.score >= best.score - REGION_TOWN_MARGIN
        for c in candidates
        if c is not best
    )
