"""Geocode and check imported event records against the gazetteer.

For every distinct (place name, admin1, country) the resolver is asked once; the answers are
spread over the rows with array indexing, and all distance and containment checks run on whole
columns (numpy haversine, ``shapely.contains_xy``). Per row:

* no usable coordinates → placed at the named place (or its region), with precision and reason;
* coordinates given → compared with the named place: ``swapped_latlon`` (swapping them lands on
  the place; the geometry is fixed, the original values stay in ``orig_*``),
  ``far_from_named_place`` (farther than :data:`FAR_KM` for the row's precision, beyond the
  place's extent, from every gazetteer place of that name), ``outside_admin1`` (outside the
  named region's boundary or settlement footprint), ``bad_coordinates`` (out of range);
* neither usable coordinates nor a place to put the row at → ``no_place`` (the row has no point);
* ``check_status`` says whether the row could be checked at all: a flag marks a suspected defect;
  an unknown place makes the row ``unverified``, with the reason in ``check_detail``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.core.distance import haversine_km_array
from geo.core.errors import FrontlineError
from geo.core.schema import UNCERTAINTY_M
from geo.core.theatre import BOX as theatre_box
from geo.events.quality import add_flag
from geo.gazetteer import Resolver, name_key
from geo.gazetteer.store import AdminUnit, Place

log = logging.getLogger(__name__)

FAR_KM: dict[int, float] = {1: 10.0, 2: 25.0}
URBAN_DENSITY = 2_000.0
"""People per km² assumed to estimate a town's extent from its population: a point may lie
:func:`extent_km` farther from the town's centre point before it is far from the town (Mariupol,
430,000 people: 8 km; a village of 500: 0.3 km)."""
"""How far (km) a point may lie from its named place, by the row's ``geo_precision`` (rows
without one use precision 1's limit; region-level rows are checked against the region only)."""

ADMIN_TOLERANCE_DEG = {"boundary": 0.02, "footprint": 0.12}
"""Buffer around a region's geometry before a point counts as outside: boundaries are simplified,
footprints (convex hulls of a region's settlements) miss its rural edges."""

TABLE = "table"
"""``resolution`` of a row whose coordinates come from the table itself."""


@dataclass
class _Answer:
    """The gazetteer's answer for one distinct query, flattened for array use."""

    place: Place | None = None
    precision: int | None = None
    resolution: str = "unresolved"
    confidence: float = 0.0
    reason: str = ""
    admin1: str | None = None
    admin2: str | None = None
    candidates: list[Place] = field(default_factory=list)

    @property
    def settlement(self) -> bool:
        return self.place is not None and not self.place.is_region and self.place.lat is not None


class _Lookups:
    """Cached per-value lookups: country codes, admin units, resolutions, region geometries."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.store = resolver.store
        self._admin_keys: dict[str, tuple[list[str], list[str]]] = {}
        self.country = lru_cache(maxsize=None)(self._country)
        self.unit = lru_cache(maxsize=None)(self._unit)
        self.answer = lru_cache(maxsize=None)(self._answer)
        self.region = lru_cache(maxsize=None)(self._region)

    def _country(self, value: str | None, default: str | None) -> str | None:
        value = value.strip() if isinstance(value, str) else ""
        if not value:
            return default
        if len(value) == 2 and value.isalpha():
            return value.upper()
        hit = next(
            (h.place for h in self.store.lookup(name_key(value)) if h.place.kind == "country"), None
        )
        return hit.country if hit else default

    def _unit(self, admin1: str | None, country: str | None) -> tuple[AdminUnit, ...]:
        """The units an admin1 cell means (read as the resolver reads hints: misspellings,
        abbreviations, a city with oblast status inside its oblast); empty when none."""
        return self.resolver.hint(admin1, country).units if admin1 else ()

    def _answer(
        self, place_id: str | None, location: str | None, hint: str | None, country: str | None
    ) -> _Answer:
        if place_id:
            place = self.store.place(place_id)
            if place is not None and place.lat is not None:
                return _Answer(
                    place,
                    3 if place.is_region else 1,
                    "exact",
                    1.0,
                    f"place id {place_id} in the gazetteer",
                    self.resolver.admin_name(place.admin1_code),
                    self.resolver.admin_name(place.admin2_code),
                    [place],
                )
        if not location:
            return _Answer(reason="no place name")
        try:
            res = self.resolver.resolve(location, admin1=hint, country=country)
        except FrontlineError as exc:
            return _Answer(reason=exc.message)
        scope = [
            c.place for c in res.candidates if c.place.lat is not None and not c.place.is_region
        ]
        if res.ambiguous:  # namesakes: a point is checked against each of them
            scope = [c.place for c in res.ambiguous if c.place.lat is not None]
        elif res.place is not None and res.place.admin1_code:
            scope = [p for p in scope if p.admin1_code == res.place.admin1_code] or scope
        return _Answer(
            res.place if res.resolved else None,
            int(res.precision) if res.precision else None,
            str(res.resolution),
            float(res.confidence),
            res.reason,
            res.admin1_name,
            res.admin2_name,
            scope
            if res.ambiguous or (res.resolved and res.place is not None and not res.place.is_region)
            else scope[:0],
        )

    def _region(self, codes: str) -> tuple[object, str]:
        """The buffered union of the units ``codes`` (","-joined) names, and its kind."""
        parts, kinds = [], []
        for code in codes.split(","):
            wkb, kind = self.store.admin_geometry(code)
            if wkb is not None:
                parts.append(
                    shapely.buffer(shapely.from_wkb(wkb), ADMIN_TOLERANCE_DEG.get(kind, 0.05))
                )
                kinds.append(kind)
        if not parts:
            return None, "none"
        geom = shapely.union_all(parts)
        shapely.prepare(geom)
        return geom, "/".join(dict.fromkeys(kinds))


def _column(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame:
        return np.full(len(frame), None, dtype=object)
    values = frame[name].to_numpy(dtype=object)
    return np.where(pd.isna(values), None, values)  # type: ignore[return-value]  # numpy's stubs take None for a missing x/y


def validate_events(
    events: gpd.GeoDataFrame,
    resolver: Resolver | None = None,
    *,
    country: str | None = None,
    far_km: dict[int, float] | None = None,
) -> gpd.GeoDataFrame:
    """Geocode rows without coordinates and check rows with them; returns a new frame.

    Fills ``place_id``, ``place_name``, ``admin1``/``admin2``, ``country`` (ISO), ``latitude``/
    ``longitude`` and ``geometry``, ``geo_precision``, ``uncertainty_m``, ``resolution``,
    ``confidence``, ``candidates``, ``resolution_reason``, ``distance_km`` (point to named place)
    and ``admin1_code``, and appends ``quality_flag``/``quality_detail``. ``country`` is the
    default ISO code for rows that name none (VIINA files: UA).
    """
    resolver = resolver or Resolver()
    limits = {**FAR_KM, **(far_km or {})}
    look = _Lookups(resolver)
    out = events.copy()
    default = country or events.attrs.get("default_country")
    if "quality_flag" not in out:
        out["quality_flag"], out["quality_detail"] = "", ""
    q = _queries(out, look, default)
    log.info("validated %d rows with %d distinct place queries", len(out), len(q.answers))
    settlement = q.per_row([a.settlement for a in q.answers], bool)
    lat, lon, given, use_bare, d_ref = _check_given(out, q, settlement, limits)

    # -- geocode rows without usable coordinates --------------------------------------------------
    a_lat = np.where(use_bare, per_row_b(q.bare, q.codes, "lat"), q.ref_lat)
    a_lon = np.where(use_bare, per_row_b(q.bare, q.codes, "lon"), q.ref_lon)
    blank = out["quality_flag"].str.contains("blank_row", regex=False).to_numpy()
    placed = ~given & np.isfinite(a_lat) & ~blank
    lat = np.where(given, lat, np.where(placed, a_lat, np.nan))
    lon = np.where(given, lon, np.where(placed, a_lon, np.nan))

    # -- admin1 containment ------------------------------------------------------------------------
    _check_admin1(out, look, lat, lon, given | placed, q.unit_of_row, q.unit_name, use_bare)
    unverifiable = _unverifiable(out, q, use_bare, given, placed)
    _fill_places(
        out,
        q.answers,
        q.bare,
        q.codes,
        use_bare,
        given,
        placed,
        lat,
        lon,
        d_ref,
        q.unit_of_row,
        q.iso,
    )
    _flag_unlocated(out, q, ~given & ~placed & ~blank)
    _set_status(out, unverifiable, given)
    return out


def _flag_unlocated(out: gpd.GeoDataFrame, q: _Queries, unlocated: np.ndarray) -> None:
    """Flag ``no_place`` on the rows left without a point (no usable coordinates, and no place
    the gazetteer could put them at): they are on no map, so they must not pass as placed."""
    add_flag(
        out,
        unlocated,
        "no_place",
        _text(
            unlocated,
            lambda loc, reason: (
                "no usable coordinates and "
                + (f"{loc!r} not placed ({reason})" if loc else "no place name")
            ),
            _column(out, "location"),
            q.per_row([a.reason for a in q.answers]),
        ),
    )


def _set_status(out: gpd.GeoDataFrame, unverifiable: np.ndarray, given: np.ndarray) -> None:
    """``check_status``: ``flagged`` (a suspected defect: see ``quality_flag``), ``verified`` (the
    table's point agrees with the named place), ``placed`` (no point given; the gazetteer placed
    the row), ``unverified`` (nothing to check the row against; why in ``check_detail``)."""
    flagged = out["quality_flag"].fillna("").astype(str).to_numpy() != ""
    unknown = unverifiable != ""
    status = np.where(
        flagged, "flagged",
        np.where(unknown, "unverified", np.where(given, "verified", "placed")),
    )  # fmt: skip
    out["check_status"] = status.astype(object)
    out["check_detail"] = np.where(unknown, unverifiable, None)  # type: ignore[call-overload]  # numpy's stubs take None for a missing x/y


@dataclass
class _Queries:
    """:func:`validate_events`' lookups, one per distinct value, and how they map onto rows."""

    iso: np.ndarray  # each row's ISO country (its own, else the default)
    admin1: np.ndarray  # each row's admin1 as the table gives it
    unit_of_row: np.ndarray  # the code of that admin unit (None: none named, or none matches)
    unit_name: np.ndarray
    unknown_unit: np.ndarray  # an admin1 is given but matches no unit
    codes: np.ndarray  # each row's place query
    answers: list[_Answer]  # per distinct place query
    bare: list[_Answer]  # the same name without the admin hint (see _queries)

    def per_row(self, values: list, dtype=object) -> np.ndarray:
        """``values`` (one per distinct query) spread over the rows."""
        return np.asarray(values, dtype=dtype)[self.codes]

    @property
    def ref_lat(self) -> np.ndarray:
        return self.per_row([a.place.lat if a.place else np.nan for a in self.answers], float)

    @property
    def ref_lon(self) -> np.ndarray:
        return self.per_row([a.place.lon if a.place else np.nan for a in self.answers], float)


def _queries(out: gpd.GeoDataFrame, look: _Lookups, default: str | None) -> _Queries:
    """Ask the gazetteer once per distinct country, admin1 and (place, admin1, country)."""
    cc = _column(out, "country")
    cc_codes, cc_uniques = pd.factorize(pd.Series(cc, dtype=object), use_na_sentinel=False)
    iso = np.array([look.country(v, default) for v in cc_uniques], dtype=object)[cc_codes]
    keys = pd.DataFrame({"admin1": _column(out, "admin1"), "country": iso})
    unit_codes, unit_uniques = _factorize(keys)
    scopes = [look.unit(a, c) for a, c in unit_uniques]
    unit_of_row = np.array(
        [",".join(u.code for u in s) or None for s in scopes] + [None], dtype=object
    )[unit_codes]
    unit_name = np.array(
        [" or ".join(u.name for u in s) or None for s in scopes] + [None], dtype=object
    )[unit_codes]
    unknown_unit = pd.notna(keys["admin1"]).to_numpy() & pd.isna(unit_of_row)
    hint = np.where(pd.notna(unit_of_row), keys["admin1"].to_numpy(), None)

    query = pd.DataFrame(
        {
            "place_id": _column(out, "place_id"),
            "location": _column(out, "location"),
            "unit": hint,
            "country": iso,
        }
    )
    q_codes, q_uniques = _factorize(query)
    answers = [look.answer(p, loc, u, c) for p, loc, u, c in q_uniques]
    # the same name without the admin hint, for rows whose hinted region has no such place
    bare = [
        look.answer(None, loc, None, c) if u and not a.settlement and loc else _Answer()
        for (p, loc, u, c), a in zip(q_uniques, answers, strict=True)
    ]
    return _Queries(
        iso, keys["admin1"].to_numpy(), unit_of_row, unit_name, unknown_unit, q_codes, answers, bare
    )


def _check_given(
    out: gpd.GeoDataFrame, q: _Queries, settlement: np.ndarray, limits: dict[int, float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Compare the coordinates the table gives with the named place and flag what is wrong.

    Returns (lat, lon) with swapped pairs put right, the rows whose coordinates stand, the rows
    checked against the place without its admin hint (``use_bare``) and each row's distance
    (km) to its place."""
    lat = out["latitude"].to_numpy(dtype=float).copy()
    lon = out["longitude"].to_numpy(dtype=float).copy()
    flagged_bad = out["quality_flag"].str.contains("bad_coordinates", regex=False).to_numpy()
    given = np.isfinite(lat) & np.isfinite(lon) & ~flagged_bad
    precision = out["geo_precision"].astype("Float64").fillna(1).to_numpy(dtype=float)
    limit = np.where(
        precision >= 3, np.inf, np.where(precision == 2, limits.get(2, 25.0), limits.get(1, 10.0))
    )

    d_given = _nearest_candidate(q.answers, q.codes, lat, lon, given)
    d_swap = _nearest_candidate(q.answers, q.codes, lon, lat, given)
    d_bare = _nearest_candidate(q.bare, q.codes, lat, lon, given)
    d_bare_swap = _nearest_candidate(q.bare, q.codes, lon, lat, given)
    # a row whose admin1 is wrong but whose point sits on the unhinted place: use that place
    reference = q.per_row([bool(a.candidates) for a in q.answers], bool)  # a place to check by
    use_bare = given & ~reference & (np.minimum(d_bare, d_bare_swap) <= limit)
    d_ref = np.where(use_bare, d_bare, d_given)
    d_ref_swap = np.where(use_bare, d_bare_swap, d_swap)
    has_ref = reference | use_bare

    swapped = _flag_swapped(out, lat, lon, given, has_ref, d_ref, d_ref_swap, limit)
    in_range = (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    lat, lon = np.where(swapped, lon, lat), np.where(swapped, lat, lon)
    d_ref = np.where(swapped, d_ref_swap, d_ref)
    out_of_range = given & ~swapped & ~in_range
    null_island = given & (np.abs(lat) < 1e-9) & (np.abs(lon) < 1e-9)
    add_flag(
        out,
        out_of_range,
        "bad_coordinates",
        _text(out_of_range, lambda a, b: f"coordinates ({a:g}, {b:g}) out of range", lat, lon),
    )
    add_flag(
        out, null_island, "bad_coordinates", "coordinates (0, 0) are a placeholder, not a place"
    )
    given &= ~out_of_range & ~null_island

    far = given & has_ref & (d_ref > limit)
    add_flag(
        out,
        far,
        "far_from_named_place",
        _text(
            far,
            lambda d, loc, lim, p: (
                f"{d:.1f} km beyond {loc!r} (its centre plus its built-up extent; "
                f"limit {lim:.0f} km for precision {int(p)})"
            ),
            d_ref,
            _column(out, "location"),
            limit,
            precision,
        ),
    )
    return lat, lon, given, use_bare, d_ref


def _flag_swapped(
    out: gpd.GeoDataFrame,
    lat: np.ndarray,
    lon: np.ndarray,
    given: np.ndarray,
    has_ref: np.ndarray,
    d_ref: np.ndarray,
    d_ref_swap: np.ndarray,
    limit: np.ndarray,
) -> np.ndarray:
    """Flag (and return) the rows whose latitude and longitude are swapped: swapped, they land
    on the named place, or, with no place to compare, inside the theatre instead of outside."""
    swap_in_range = (np.abs(lon) <= 90) & (np.abs(lat) <= 180)
    box = theatre_box  # spots swapped rows with no named place
    inside = lambda x, y: (x >= box[0]) & (x <= box[2]) & (y >= box[1]) & (y <= box[3])  # noqa: E731
    swapped = (
        given
        & swap_in_range
        & (
            (has_ref & (d_ref > limit) & (d_ref_swap <= np.maximum(limit, 10.0)))
            | (~has_ref & ~inside(lon, lat) & inside(lat, lon))
        )
    )
    add_flag(
        out,
        swapped,
        "swapped_latlon",
        _text(
            swapped,
            lambda a, b, d, s: (
                f"latitude/longitude swapped: as given ({a:.4f}, {b:.4f}) the point is "
                f"{d:,.0f} km from the named place; swapped it is {s:.1f} km"
                if np.isfinite(d)
                else f"latitude/longitude swapped: ({a:.4f}, {b:.4f}) lies outside the theatre, "
                "swapped inside it"
            ),
            lat,
            lon,
            d_ref,
            d_ref_swap,
        ),
    )
    return swapped


def _unverifiable(
    out: gpd.GeoDataFrame,
    q: _Queries,
    use_bare: np.ndarray,
    given: np.ndarray,
    placed: np.ndarray,
) -> np.ndarray:
    """Why each row cannot be checked ("" where it can): an admin1 no region matches, or a place
    name the gazetteer knows neither as a place nor as a region. Not a defect of the row."""
    why = np.full(len(out), "", dtype=object)
    why[q.unknown_unit] = [f"admin1 {a!r} matches no region of the gazetteer"
                           for a in q.admin1[q.unknown_unit]]  # fmt: skip
    has_name = pd.notna(_column(out, "location")) & ~np.asarray(use_bare)
    known = q.per_row(
        [bool(a.candidates) or (a.place is not None and a.place.is_region
                                and a.resolution != "region_fallback") for a in q.answers],
        bool,
    )  # fmt: skip
    unknown = has_name & ~known
    reasons = q.per_row([a.reason for a in q.answers])
    text = _text(
        unknown,
        lambda loc, reason, g, p: (
            f"{loc!r} not in the gazetteer ({reason})"
            + ("; coordinates checked against the region only" if g
               else "" if "region level" in reason or not p else "; placed at region level")
        ),
        _column(out, "location"), reasons, given, placed,
    )  # fmt: skip
    return np.where(why != "", why, np.where(unknown, text, ""))


def _factorize(frame: pd.DataFrame) -> tuple[np.ndarray, list[tuple]]:
    """Codes of each row's distinct value tuple, and those tuples (None for missing values)."""
    text = frame.astype(object).where(frame.notna(), "\x00").astype(str)
    columns = [text[column] for column in text.columns]
    # column-wise concatenation: a row-wise join transposes the frame,
    # which is slow for Arrow strings
    joined = columns[0].str.cat(columns[1:], sep="\x1f") if len(columns) > 1 else columns[0]
    codes, uniques = pd.factorize(joined)
    return codes, [tuple(None if v == "\x00" else v for v in u.split("\x1f")) for u in uniques]


def _text(mask: np.ndarray, describe, *columns: np.ndarray) -> np.ndarray:
    """Detail strings for the masked rows only (formatting every row would cost a Python loop)."""
    full = np.full(len(mask), "", dtype=object)
    for i in np.flatnonzero(mask):
        full[i] = describe(*(c[i] for c in columns))
    return full


def per_row_b(answers: list[_Answer], codes: np.ndarray, attr: str) -> np.ndarray:
    """``place.<attr>`` of each row's answer, NaN where there is none."""
    values = np.array(
        [getattr(a.place, attr) if a.place and a.settlement else np.nan for a in answers],
        dtype=float,
    )
    return values[codes]


def extent_km(population: int | float) -> float:
    """Radius (km) of a town of ``population`` people at :data:`URBAN_DENSITY`."""
    return float(np.sqrt(max(float(population), 0.0) / (np.pi * URBAN_DENSITY)))


def _nearest_candidate(
    answers: list[_Answer], codes: np.ndarray, lat: np.ndarray, lon: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """km from each row's point to the nearest settlement with its name, beyond that
    settlement's extent (:func:`extent_km`; NaN: none to compare)."""
    result = np.full(len(codes), np.nan)
    counts = np.array([len(a.candidates) for a in answers], dtype=int)
    if counts.sum() == 0 or not rows.any():
        return result
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    c_lat = np.array([p.lat for a in answers for p in a.candidates], dtype=float)
    c_lon = np.array([p.lon for a in answers for p in a.candidates], dtype=float)
    c_ext = np.array([extent_km(p.population) for a in answers for p in a.candidates], dtype=float)
    idx = np.flatnonzero(rows & (counts[codes] > 0))
    if idx.size == 0:
        return result
    k = counts[codes[idx]]
    row_rep = np.repeat(idx, k)
    offsets = np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k)
    cand = np.repeat(starts[codes[idx]], k) + offsets
    d = haversine_km_array(lat[row_rep], lon[row_rep], c_lat[cand], c_lon[cand]) - c_ext[cand]
    d = np.where(np.isfinite(d), np.maximum(d, 0.0), np.inf)
    mins = np.minimum.reduceat(d, np.cumsum(k) - k)
    result[idx] = np.where(np.isinf(mins), np.nan, mins)
    return result


def _check_admin1(
    out: gpd.GeoDataFrame,
    look: _Lookups,
    lat: np.ndarray,
    lon: np.ndarray,
    located: np.ndarray,
    unit_of_row: np.ndarray,
    unit_name: np.ndarray,
    use_bare: np.ndarray,
) -> None:
    outside = np.zeros(len(out), dtype=bool)
    detail = np.full(len(out), "", dtype=object)
    for code in pd.unique(unit_of_row[located & pd.notna(unit_of_row)]):
        rows = np.flatnonzero(located & (unit_of_row == code))
        geom, kind = look.region(code)
        if geom is None:
            continue
        miss = ~shapely.contains_xy(geom, lon[rows], lat[rows])
        for i in rows[miss]:
            outside[i] = True
            detail[i] = f"point ({lat[i]:.4f}, {lon[i]:.4f}) is outside {unit_name[i]} ({kind})"
    outside |= use_bare & ~outside & pd.notna(unit_of_row)
    detail = np.where(
        use_bare & (detail == ""), "the named place is not in " + unit_name.astype(str), detail
    )
    add_flag(out, outside, "outside_admin1", detail)


def _fill_places(
    out: gpd.GeoDataFrame,
    answers: list[_Answer],
    bare: list[_Answer],
    codes: np.ndarray,
    use_bare: np.ndarray,
    given: np.ndarray,
    placed: np.ndarray,
    lat: np.ndarray,
    lon: np.ndarray,
    distance: np.ndarray,
    unit_of_row: np.ndarray,
    iso: np.ndarray,
) -> None:
    def pick(get) -> np.ndarray:
        hinted = np.array([get(a) for a in answers] + [None], dtype=object)[codes]
        alt = np.array([get(a) for a in bare] + [None], dtype=object)[codes]
        return np.where(use_bare, alt, hinted)

    place_id = pick(lambda a: a.place.place_id if a.place else None)
    located = given | placed
    out["place_id"] = np.where(located | pd.notna(place_id), place_id, None)  # type: ignore[call-overload]  # numpy's stubs take None for a missing x/y
    out["place_name"] = pick(lambda a: a.place.name if a.place else None)
    out["admin1"] = np.where(
        pd.notna(pick(lambda a: a.admin1)), pick(lambda a: a.admin1), _column(out, "admin1")
    )
    out["admin2"] = np.where(
        pd.notna(pick(lambda a: a.admin2)), pick(lambda a: a.admin2), _column(out, "admin2")
    )
    country = pick(lambda a: a.place.country if a.place else None)
    out["country"] = np.where(pd.notna(country), country, iso)
    code = pick(lambda a: a.place.admin1_code if a.place else None)
    out["admin1_code"] = np.where(pd.notna(code), code, unit_of_row)
    res_precision = pd.Series(pd.array(pick(lambda a: a.precision), dtype="Int64"))
    given_precision = pd.Series(out["geo_precision"].astype("Int64").to_numpy()).fillna(1)
    precision = given_precision.where(given, res_precision).where(located)
    out["geo_precision"] = pd.array(precision.astype("Int64").to_numpy(), dtype="Int64")
    radius = {int(p): float(m) for p, m in UNCERTAINTY_M.items()}
    out["uncertainty_m"] = (
        precision.astype("Float64").map(radius, na_action="ignore").astype(float).to_numpy()
    )
    resolution = pick(lambda a: a.resolution)
    out["resolution"] = np.where(given, TABLE, resolution)
    out["confidence"] = pick(lambda a: a.confidence).astype(float)
    out["candidates"] = pd.array(pick(lambda a: len(a.candidates)), dtype="Int64")
    why = pick(lambda a: a.reason).astype(str)
    dist = pd.Series(np.round(distance, 1)).astype(str).radd("").where(np.isfinite(distance), "")
    dist = dist.where(dist == "", dist + " km from the named place; ")
    out["resolution_reason"] = np.where(
        given,
        "coordinates from the table; " + dist.to_numpy(dtype=object) + why,
        np.where(placed, "placed by the gazetteer: " + why, "not placed: " + why),
    )
    out["distance_km"] = np.round(np.where(given, distance, np.nan), 2)
    out["latitude"], out["longitude"] = lat, lon
    has_point = np.isfinite(lat) & np.isfinite(lon)
    geometry = np.full(len(out), None, dtype=object)
    geometry[has_point] = shapely.points(lon[has_point], lat[has_point])
    out.set_geometry(gpd.GeoSeries(geometry, index=out.index, crs=4326), inplace=True)
