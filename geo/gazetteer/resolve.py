"""Resolve a place name to a gazetteer place, with ranked candidates and a one-line reason.

``Resolver.resolve(name, admin1=None, country=None, near=None)`` scores every place that has
the name (exact key, then aliases and transliterations) by name kind, population, the admin
hint, country focus and distance to places already resolved nearby. Rules it keeps:

* a name that is a region ("Kherson region", "Zaporizhzhia Oblast") resolves to the admin unit,
  precision 3;
* a name with no candidate in the hinted region falls back to that region (precision 3,
  ``region_fallback``) rather than to a same-name place elsewhere;
* fuzzy matching (rapidfuzz) runs only when nothing matched exactly, inside the hinted region or
  country, and its score is recorded.

Results are cached per (name, hints), so warm calls cost a dict lookup.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter
from typing import Protocol

from rapidfuzz import fuzz, process

from geo.core.distance import UnitVector, nearest_km_vectors, unit_vector
from geo.core.errors import InputError
from geo.core.schema import Precision, ResolutionKind
from geo.core.theatre import FOCUS, THEATRE
from geo.gazetteer.names import name_key
from geo.gazetteer.overlays import strip_region_words
from geo.gazetteer.store import AdminUnit, GazetteerStore, NameHit, Place

MAX_NAME_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_REGION_QUERY = re.compile(r"\b(oblast|region|province|krai|kray|okrug|republic)\b")
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
_SCORE = attrgetter("score")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One scored candidate place."""

    place: Place
    score: float
    matched_name: str
    name_kind: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Pool:
    """Candidates scored before context, with what context needs of them worked out once: the
    positions of those that have coordinates and their unit vectors."""

    candidates: tuple[Candidate, ...]
    located: tuple[int, ...]
    vectors: tuple[UnitVector, ...]

    @classmethod
    def of(cls, candidates: Iterable[Candidate]) -> _Pool:
        candidates = tuple(candidates)
        located = tuple(i for i, c in enumerate(candidates) if c.place.lat is not None)
        vectors = tuple(
            unit_vector(candidates[i].place.lat, candidates[i].place.lon) for i in located
        )
        return cls(candidates, located, vectors)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A query before context: see :meth:`Resolver._prepare`."""

    query: str
    key: str
    unit: AdminUnit | None
    country: str | None
    capital: _Pool | None  # a region query that found no region: the towns its city name may mean
    base: _Pool


@dataclass(frozen=True, slots=True)
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
        self._cached = lru_cache(maxsize=500_000)(self._resolve)
        self._prepared = lru_cache(maxsize=200_000)(self._prepare)
        self._fuzzy_choices: dict[tuple[str | None, str | None], tuple[list[str], list[str]]] = {}

    # -- public -------------------------------------------------------------------------------

    def resolve(
        self,
        name: str,
        admin1: str | None = None,
        country: str | None = None,
        near: Iterable[tuple[float, float]] | None = None,
    ) -> Resolution:
        """Resolve one name. ``near`` is (lat, lon) of places resolved in the same context."""
        country = country.upper() if country else None
        if (
            near
        ):  # a document's context rarely recurs: worked out afresh, not cached beside plain names
            result = self._resolve(name, admin1 or None, country, tuple(near))
        else:
            result = self._cached(name, admin1 or None, country, ())
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
            if (
                answer is not None
            ):  # the online lookup failed or found nothing: say so, keep the offline answer
                return replace(result, reason=f"{result.reason}; {answer.reason}")
        return result

    def resolve_many(
        self, names: Iterable[str], admin1: str | None = None, country: str | None = None
    ) -> list[Resolution]:
        return [self.resolve(n, admin1, country) for n in names]

    def admin_hint(self, hint: str, country: str | None = None) -> AdminUnit | None:
        """The admin unit a user means by "Donetsk Oblast", "Donetska oblast", "Донецька область",
        "UA-14"."""
        return _admin_hint(self.store, hint.strip(), (country or "").upper() or None, self.focus)

    def admin_name(self, code: str | None) -> str | None:
        unit = self.store.admin_unit(code) if code else None
        return unit.name if unit else None

    # -- the decision -------------------------------------------------------------------------

    def _resolve(
        self,
        name: str,
        admin1: str | None,
        country: str | None,
        near: tuple[tuple[float, float], ...],
    ) -> Resolution:
        prepared = self._prepared(name, admin1, country)
        if isinstance(prepared, Resolution):
            return prepared
        query, key, unit, country = prepared.query, prepared.key, prepared.unit, prepared.country
        if prepared.capital is not None:
            named = self._region_of_capital(query, prepared.capital, near)
            if named is not None:
                return named
        if not prepared.base.candidates:
            return self._fallback(query, key, unit, country, "no place has this name")
        # descending score, ties in pool order (a stable sort, reversed)
        scored = sorted(self._with_context(prepared.base, near), key=_SCORE, reverse=True)
        best = scored[0]
        if unit is not None and not _in_unit(best.place, unit):
            # the name exists, just not there: a lookalike in the region
            # (Berdyanske for Berdiansk) is a guess
            return self._fallback(
                query,
                key,
                unit,
                country,
                f"{_places(len(scored))} this name, none in {unit.name}",
                scored,
                fuzzy=False,
            )
        return self._decide(query, key, best, scored, unit, bool(near))

    def _prepare(
        self, name: str, admin1: str | None, country: str | None
    ) -> _Prepared | Resolution:
        """Everything about a query that does not depend on context: the cleaned name, its key,
        the admin unit of the hint, the places that bear the name and their scores before
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
        unit = None
        if admin1:
            unit = self.admin_hint(admin1, country)
            if unit is None:
                return self._unresolved(query, f"admin hint {admin1!r} matches no admin unit")
            country = country or unit.country
        key = name_key(query)
        region_query = bool(_REGION_QUERY.search(key))
        hits = list(self.store.lookup(key))
        capital = None
        if region_query:
            stem_hits = self.store.lookup(strip_region_words(key))
            hits += [h for h in stem_hits if h.place.is_region]
            regions = [h for h in hits if h.place.kind in ("admin1", "admin2")]
            if not regions:
                capital = self._capital_towns(stem_hits, unit, country)
            hits = regions or hits
        if country:
            hits = [h for h in hits if h.place.country == country]
        return _Prepared(
            query,
            key,
            unit,
            country,
            capital,
            _Pool.of(self._score(hits, unit, country, region_query)),
        )

    def _capital_towns(
        self, stem_hits: Sequence[NameHit], unit: AdminUnit | None, country: str | None
    ) -> _Pool | None:
        """The settlements a region query's stem names
        ("Zaporozhye" of "Zaporozhye region"), scored."""
        towns = [
            h
            for h in stem_hits
            if h.place.kind == "settlement" and (not country or h.place.country == country)
        ]
        return _Pool.of(self._score(towns, unit, country, False)) if towns else None

    def _with_context(self, pool: _Pool, near: Sequence[tuple[float, float]]) -> list[Candidate]:
        """The pool's candidates with the closeness to co-mentioned places added: up to +1.6,
        halving every ~40 km. A candidate whose score does not change (no coordinates, or a
        namesake so far off that the bonus is below the last bit) passes through as it is."""
        candidates = list(pool.candidates)
        if not near or not pool.vectors:
            return candidates
        distances = nearest_km_vectors(pool.vectors, [unit_vector(lat, lon) for lat, lon in near])
        for i, d in zip(pool.located, distances, strict=True):
            c = candidates[i]
            score = c.score + 1.6 * math.exp(-d / 60.0)
            if d < 60:
                notes = (*c.notes, f"{d:.0f} km from co-mentioned places")
                candidates[i] = Candidate(c.place, score, c.matched_name, c.name_kind, notes)
            elif score != c.score:
                candidates[i] = Candidate(c.place, score, c.matched_name, c.name_kind, c.notes)
        return candidates

    def _region_of_capital(
        self, query: str, towns: _Pool, near: Sequence[tuple[float, float]]
    ) -> Resolution | None:
        """ "Zaporozhye region" when only the city has that spelling: the oblast named after it."""
        best = max(self._with_context(towns, near), key=_SCORE)
        region = self.store.admin_unit(best.place.admin1_code) if best.place.admin1_code else None
        if region is None or not region.place_id:
            return None
        place = self.store.place(region.place_id)
        if place is None:
            return None
        reason = (
            f"region named after its city: {best.matched_name!r} is {best.place.name}, "
            f"so the region is {region.name}"
        )
        return Resolution(
            query,
            place,
            Precision.REGION,
            ResolutionKind.ALIAS,
            0.8,
            reason,
            (best,),
            region.name,
            None,
        )

    def _score(
        self,
        hits: Sequence[NameHit],
        unit: AdminUnit | None,
        country: str | None,
        region_query: bool,
    ) -> list[Candidate]:
        """Each place's best score among ``hits``, before any context."""
        by_place: dict[str, Candidate] = {}
        for hit in hits:
            p = hit.place
            notes: list[str] = []
            score = _NAME_KIND_SCORE.get(hit.name_kind, 0.8)
            if hit.source.startswith("overlay"):
                score += 0.6
                notes.append("curated alias")
            elif hit.source.startswith("user:"):
                score += 0.6
                notes.append(f"user import ({hit.source.removeprefix('user:')})")
            score += 0.35 * math.log10(p.population + 1) / 7 if p.kind != "country" else 0.0
            if p.kind == "settlement" or p.kind == "feature":
                score += 0.1 if p.kind == "feature" else 0.0
                if (
                    p.feature_code == "PPLC"
                ):  # "talks in Paris": the capital, not Paris near Donetsk
                    score += CAPITAL_PRIOR
                    notes.append("national capital")
                if region_query:
                    score -= 2.0
            elif p.kind in ("admin1", "admin2"):
                score += (1.5 if p.kind == "admin1" else 1.0) if region_query else -0.6
            elif p.kind == "country":
                score += 0.5
            if unit is not None:
                if _in_unit(p, unit):
                    score += 2.0
                    notes.append(f"in {unit.name}")
                else:
                    score -= 3.0
            if p.country in self.focus:
                score += 0.6
                notes.append(f"{p.country} focus")
            elif p.country in THEATRE:
                score += 0.3
            cand = Candidate(p, score, hit.name, hit.name_kind, tuple(notes))
            if p.place_id not in by_place or by_place[p.place_id].score < score:
                by_place[p.place_id] = cand
        return list(by_place.values())

    def _decide(
        self,
        query: str,
        key: str,
        best: Candidate,
        scored: list[Candidate],
        unit: AdminUnit | None,
        in_context: bool,
    ) -> Resolution:
        """The Resolution for the top-scored candidate; ``key`` is the query's :func:`name_key`,
        ``in_context`` whether co-mentioned places were weighed."""
        p = best.place
        count = len(scored)
        runner = scored[1].score if count > 1 else best.score - 3.0
        margin = best.score - runner
        confidence = 1.0 / (1.0 + math.exp(-2.5 * margin))
        region = p.is_region
        if region:
            precision = Precision.REGION
        elif p.feature_code == "AREA":
            precision = Precision.APPROXIMATE
        else:
            precision = Precision.SETTLEMENT
        if unit is not None or (in_context and any("km from" in n for n in best.notes)):
            kind = ResolutionKind.CONTEXT if count > 1 else ResolutionKind.EXACT
        elif best.name_kind == "official" and name_key(best.matched_name) == key:
            kind = ResolutionKind.EXACT
        else:
            kind = ResolutionKind.ALIAS
        why = [
            f"{'region name' if region else 'name'} matched {best.name_kind} {best.matched_name!r}",
            "only candidate" if count == 1 else f"best of {count} candidates (margin {margin:.2f})",
        ]
        if unit is not None and sum(1 for c in scored if _in_unit(c.place, unit)) == 1:
            why.append(f"only one in {unit.name}")
        why += [n for n in best.notes if not n.startswith("in ")]
        return Resolution(
            query,
            p,
            precision,
            kind,
            confidence,
            "; ".join(why),
            tuple(scored),
            self.admin_name(p.admin1_code),
            self.admin_name(p.admin2_code),
        )

    def _fallback(
        self,
        query: str,
        key: str,
        unit: AdminUnit | None,
        country: str | None,
        why: str,
        scored: Sequence[Candidate] = (),
        *,
        fuzzy: bool = True,
    ) -> Resolution:
        match = self._fuzzy(key, unit, country) if fuzzy else None
        if match is not None:
            place, score, matched = match
            cand = Candidate(place, score / 100, matched, "fuzzy", (f"fuzzy {score:.0f}",))
            return Resolution(
                query,
                place,
                Precision.SETTLEMENT if not place.is_region else Precision.REGION,
                ResolutionKind.FUZZY,
                round(score / 100 * 0.8, 3),
                f"{why}; fuzzy match {matched!r} scored {score:.0f}/100"
                + (f" in {unit.name}" if unit else ""),
                (cand, *scored),
                self.admin_name(place.admin1_code),
                self.admin_name(place.admin2_code),
            )
        if unit is not None and unit.place_id:
            region = self.store.place(unit.place_id)
            return Resolution(
                query,
                region,
                Precision.REGION,
                ResolutionKind.REGION_FALLBACK,
                0.5,
                f"{why}; placed at region level ({unit.name})",
                tuple(scored),
                unit.name if unit.level == 1 else self.admin_name(unit.parent),
                None,
            )
        return self._unresolved(query, why, scored)

    def _fuzzy(
        self, key: str, unit: AdminUnit | None, country: str | None
    ) -> tuple[Place, float, str] | None:
        """Last resort: rapidfuzz over names inside the hinted unit, else the country
        (or the theatre)."""
        if len(key) < 5:
            return None
        scope = (unit.code if unit else None, country)
        if scope not in self._fuzzy_choices:
            sql = (
                "SELECT n.key, n.place_id FROM names n JOIN places p ON p.place_id = n.place_id "
                "WHERE p.kind IN ('settlement', 'feature')"
            )
            args: list[object] = []
            if unit is not None:
                sql += " AND (p.admin1_code = ? OR p.admin2_code = ?)"
                args += [unit.code, unit.code]
            elif country:
                sql += " AND p.country = ?"
                args.append(country)
            else:
                sql += f" AND p.country IN ({','.join('?' * len(self.focus))})"
                args += list(self.focus)
            rows = self.store.conn.execute(sql, args).fetchall()
            self._fuzzy_choices[scope] = ([r[0] for r in rows], [r[1] for r in rows])
        keys, ids = self._fuzzy_choices[scope]
        cutoff = FUZZY_CUTOFF if unit is not None else FUZZY_CUTOFF_UNHINTED
        match = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        if match is None:
            return None
        _, score, index = match
        # several places may share the matched key (many Avdiivkas):
        # rank those in scope like exact hits
        matched = keys[index]
        hits = [
            h
            for h in self.store.lookup(matched)
            if h.place.kind in ("settlement", "feature") and self._in_scope(h.place, unit, country)
        ]
        if not hits:
            return None
        best = max(self._score(hits, unit, country, False), key=lambda c: c.score)
        return best.place, float(score), matched

    def _in_scope(self, place: Place, unit: AdminUnit | None, country: str | None) -> bool:
        if unit is not None:
            return _in_unit(place, unit)
        return place.country == country if country else place.country in self.focus

    def _unresolved(self, query: str, why: str, scored: Sequence[Candidate] = ()) -> Resolution:
        return Resolution(query, None, None, ResolutionKind.UNRESOLVED, 0.0, why, tuple(scored))


def _places(n: int) -> str:
    return "1 place has" if n == 1 else f"{n} places have"


def _in_unit(place: Place, unit: AdminUnit) -> bool:
    if unit.level == 1:
        return place.admin1_code == unit.code or place.place_id == unit.place_id
    return place.admin2_code == unit.code or place.place_id == unit.place_id


@lru_cache(maxsize=4096)
def _admin_hint_key(key: str) -> str:
    return strip_region_words(key)


def _admin_hint(
    store: GazetteerStore, hint: str, country: str | None, focus: tuple[str, ...]
) -> AdminUnit | None:
    if not hint:
        return None
    direct = store.admin_unit(hint)
    if direct is not None:
        return direct
    key = name_key(hint)
    hits = [h for h in store.lookup(key) if h.place.kind in ("admin1", "admin2")]
    stem = _admin_hint_key(key)
    if stem != key:
        hits += [h for h in store.lookup(stem) if h.place.kind in ("admin1", "admin2")]
    if country:
        hits = [h for h in hits if h.place.country == country]
    if not hits:
        return None
    hits.sort(
        key=lambda h: (
            h.place.kind != "admin1",
            h.place.country not in focus,
            h.place.country not in THEATRE,
            -h.place.population,
        )
    )
    code = hits[0].place.place_id.removeprefix("adm:")
    return store.admin_unit(code)
