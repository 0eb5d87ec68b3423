"""Opt-in online fallback: ask a geopy geocoder, write the answer back into the store.

Composed like geopy intends: a provider (Nominatim by default; Photon or GeoNames selectable)
whose ``geocode`` is wrapped in geopy's :class:`~geopy.extra.rate_limiter.RateLimiter` (≥ 1 s
between calls to the public Nominatim, as its usage policy asks), inside a retry loop with
exponential backoff for transient failures (timeouts, 5xx, 429). Every answer is stored as a
place plus the queried name (source ``online:<provider>``, timestamp and query in the reason), so
the next run resolves it offline. Failures are logged and returned as a note on an unresolved
:class:`Resolution`; they never stop a run.

Environment: ``FRONTLINE_GEOCODER`` (nominatim | photon | geonames), ``FRONTLINE_GEOCODER_DOMAIN``
and ``FRONTLINE_GEOCODER_SCHEME`` (a self-hosted server), ``FRONTLINE_GEOCODER_MIN_DELAY`` (seconds
between calls; at least 1 for the public Nominatim), ``FRONTLINE_USER_AGENT``,
``FRONTLINE_GEONAMES_USERNAME``.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from geopy import exc as geopy_exc
from geopy.adapters import URLLibAdapter
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import GeoNames, Nominatim, Photon
from geopy.location import Location

from geo.core import settings
from geo.core.errors import InputError
from geo.core.schema import Precision, ResolutionKind
from geo.core.theatre import THEATRE
from geo.gazetteer.names import name_key, script_of, variants
from geo.gazetteer.resolve import Resolution, _admin_hint
from geo.gazetteer.store import (
    PLACE_COLUMNS,
    GazetteerStore,
    Place,
    add_names,
    find_twin,
    upsert_place,
)

log = logging.getLogger(__name__)

PROVIDERS = ("nominatim", "photon", "geonames")
USER_AGENT = "frontline/0.1 (conflict-reporting geocoder; https://pypi.org/project/frontline/)"
PUBLIC_NOMINATIM = "nominatim.openstreetmap.org"
_THEATRE_CODES = tuple(c.lower() for c in THEATRE)  # the default country filter
_SETTLEMENT_TYPES = {
    "city",
    "town",
    "village",
    "hamlet",
    "suburb",
    "quarter",
    "neighbourhood",
    "isolated_dwelling",
    "locality",
    "municipality",
    "P",
    "PPL",
    "PPLA",
    "PPLA2",
    "PPLA3",
    "PPLC",
}
_REGION_TYPES = {"state", "region", "province", "county", "administrative", "A", "ADM1", "ADM2"}
_NOT_RETRIED = (
    geopy_exc.GeocoderQueryError,
    geopy_exc.GeocoderAuthenticationFailure,
    geopy_exc.GeocoderInsufficientPrivileges,
)


@dataclass(frozen=True)
class _Answer:
    place: Place
    precision: Precision
    label: str


class OnlineGeocoder:
    """One online provider behind rate limiting, retries and write-back;
    see the module docstring."""

    def __init__(
        self,
        provider: str = "nominatim",
        *,
        user_agent: str | None = None,
        domain: str | None = None,
        scheme: str = "https",
        timeout: float = 10.0,
        min_delay_seconds: float | None = None,
        retries: int = 2,
        backoff_seconds: float = 2.0,
        username: str | None = None,
        countries: tuple[str, ...] = _THEATRE_CODES,
    ) -> None:
        if provider not in PROVIDERS:
            raise InputError(
                f"unknown online geocoder {provider!r}; expected one of {', '.join(PROVIDERS)}"
            )
        self.provider = provider
        self.countries = tuple(c.lower() for c in countries)
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.notes: list[str] = []
        self._misses: set[tuple[str, str | None, str | None]] = set()
        agent = user_agent or settings.get("FRONTLINE_USER_AGENT") or USER_AGENT
        # urllib adapter: no hidden transport-level retries that would bypass the rate limiter
        common = {"user_agent": agent, "timeout": timeout, "adapter_factory": URLLibAdapter}
        if provider == "nominatim":
            domain = domain or PUBLIC_NOMINATIM
            geocoder = Nominatim(domain=domain, scheme=scheme, **common)
            floor = 1.0 if domain == PUBLIC_NOMINATIM else 0.0
        elif provider == "photon":
            geocoder = Photon(domain=domain or "photon.komoot.io", scheme=scheme, **common)
            floor = 0.0
        else:
            username = username or settings.get("FRONTLINE_GEONAMES_USERNAME")
            if not username:
                raise InputError(
                    "the GeoNames web service needs a username (FRONTLINE_GEONAMES_USERNAME)"
                )
            geocoder = GeoNames(username=username, scheme=scheme, **common)
            if domain:
                geocoder.api = f"{scheme}://{domain}/searchJSON"
            floor = 0.0
        delay = 1.0 if min_delay_seconds is None else min_delay_seconds
        if delay < floor:
            raise InputError(
                f"the public Nominatim allows at most one request per second (asked {delay} s)"
            )
        self._geocode = RateLimiter(
            geocoder.geocode, min_delay_seconds=delay, max_retries=0, swallow_exceptions=False
        )

    @classmethod
    def from_env(cls) -> OnlineGeocoder:
        """The provider named by ``FRONTLINE_GEOCODER``
        (default Nominatim) with default settings."""
        return cls(
            str(settings.get("FRONTLINE_GEOCODER")).lower(),
            domain=settings.get("FRONTLINE_GEOCODER_DOMAIN"),
            scheme=str(settings.get("FRONTLINE_GEOCODER_SCHEME")),
            min_delay_seconds=settings.get_float("FRONTLINE_GEOCODER_MIN_DELAY"),
        )

    # -- the protocol the Resolver calls ----------------------------------------------------------

    def lookup(
        self,
        name: str,
        admin1: str | None = None,
        country: str | None = None,
        store: GazetteerStore | None = None,
    ):
        """Ask the provider; store and return an ONLINE :class:`Resolution`, or an unresolved one
        whose reason says what went wrong (never raises for network or service errors)."""
        hint = (name, admin1, country)
        if hint in self._misses:
            return None
        query = f"{name}, {admin1}" if admin1 else name
        try:
            locations = self._ask(query, country)
        except geopy_exc.GeopyError as exc:
            note = f"{self.provider} failed for {query!r}: {type(exc).__name__}: {exc}"
            log.warning(note)
            self.notes.append(note)
            self._misses.add(hint)
            return Resolution(name, None, None, ResolutionKind.UNRESOLVED, 0.0, f"online: {note}")
        answer = next((a for a in map(self._parse, locations) if a is not None), None)
        if answer is None:
            self._misses.add(hint)
            return Resolution(
                name,
                None,
                None,
                ResolutionKind.UNRESOLVED,
                0.0,
                f"online: {self.provider} found nothing for {query!r}",
            )
        stored = False  # regions are admin units already: only settlements are stored
        if store is not None and answer.precision != Precision.REGION:
            answer = self._store(store, name, query, answer)
            stored = True
        reason = f"online answer from {self.provider}: {answer.label!r}" + (
            " (stored for offline use)" if stored else ""
        )
        admin1_name = None
        if store is not None and answer.place.admin1_code:
            unit = store.admin_unit(answer.place.admin1_code)
            admin1_name = unit.name if unit else None
        return Resolution(
            name,
            answer.place,
            answer.precision,
            ResolutionKind.ONLINE,
            0.6,
            reason,
            (),
            admin1_name,
            None,
        )

    # -- internals ---------------------------------------------------------------------------------

    def _ask(self, query: str, country: str | None) -> list[Location]:
        codes = [country.lower()] if country else list(self.countries)
        if self.provider == "nominatim":
            kwargs = {
                "exactly_one": False,
                "limit": 3,
                "addressdetails": True,
                "language": "en",
                "country_codes": codes,
            }
        elif self.provider == "photon":
            kwargs = {"exactly_one": False, "limit": 3, "language": "en"}
        else:
            kwargs = {"exactly_one": False, "country": [c.upper() for c in codes]}
        for attempt in range(self.retries + 1):
            try:
                return list(self._geocode(query, **kwargs) or [])
            except _NOT_RETRIED:
                raise
            except geopy_exc.GeocoderServiceError as exc:
                if attempt == self.retries:
                    raise
                wait = self.backoff_seconds * 2**attempt
                log.info(
                    "%s: %s; retrying in %.1f s (%d/%d)",
                    self.provider,
                    exc,
                    wait,
                    attempt + 1,
                    self.retries,
                )
                time.sleep(wait)
        return []

    def _parse(self, location: Location) -> _Answer | None:
        raw = location.raw or {}
        if self.provider == "nominatim":
            address = raw.get("address") or {}
            ident = f"{raw.get('osm_type', 'x')}/{raw.get('osm_id', raw.get('place_id', ''))}"
            name = raw.get("name") or location.address.split(",")[0]
            kind_hint, country, state = (
                raw.get("addresstype") or raw.get("type"),
                address.get("country_code"),
                address.get("state"),
            )
        elif self.provider == "photon":
            props = raw.get("properties") or {}
            ident = f"{props.get('osm_type', 'x')}/{props.get('osm_id', '')}"
            name = props.get("name") or location.address.split(",")[0]
            kind_hint, country, state = (
                props.get("type") or props.get("osm_value"),
                props.get("countrycode"),
                props.get("state"),
            )
        else:
            ident = str(raw.get("geonameId", ""))
            name = raw.get("name") or location.address.split(",")[0]
            kind_hint, country, state = (
                raw.get("fcode") or raw.get("fcl"),
                raw.get("countryCode"),
                raw.get("adminName1"),
            )
        if location.latitude is None or location.longitude is None or not name:
            return None
        precision = (
            Precision.SETTLEMENT
            if kind_hint in _SETTLEMENT_TYPES
            else Precision.REGION
            if kind_hint in _REGION_TYPES
            else Precision.APPROXIMATE
        )
        kind, code = (
            ("settlement", "PPL") if precision == Precision.SETTLEMENT else ("feature", "AREA")
        )
        place = Place(
            f"online:{self.provider}:{ident}",
            name,
            kind,
            code,
            0,
            (country or "").upper() or None,
            state,
            None,
            float(location.latitude),
            float(location.longitude),
            f"online:{self.provider}",
        )
        return _Answer(place, precision, location.address)

    def _store(self, store: GazetteerStore, name: str, query: str, answer: _Answer) -> _Answer:
        """Write the place and the queried name back (provenance: provider, query, UTC time)."""
        place = answer.place
        unit = (
            _admin_hint(store, place.admin1_code, place.country, ("UA",))
            if place.admin1_code
            else None
        )
        admin1 = (unit.code if unit.level == 1 else unit.parent) if unit else None
        place = Place(
            place.place_id,
            place.name,
            place.kind,
            place.feature_code,
            0,
            place.country,
            admin1,
            None,
            place.lat,
            place.lon,
            place.source,
        )
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        reason = f"{self.provider} answer to {query!r} at {stamp}: {answer.label}"
        with store.write() as conn:
            twin_id = None
            if place.lat is not None and place.lon is not None:
                twin_id = find_twin(conn, variants(name), place.lat, place.lon, TWIN_KM)
            if twin_id is not None:  # a place we have: the answer says which namesake is meant
                twin = _place(conn, twin_id)
                own = name_key(name)
                rows = [
                    (key, twin_id, name, script_of(name), "alias", place.source, reason)
                    for key in sorted(variants(name), key=lambda k: k != own)  # its own key first
                ]
                # the name as asked is remembered as the online answer's, even where the place
                # already has that written name (the row then records where the choice came from)
                conn.execute("INSERT OR REPLACE INTO names VALUES (?,?,?,?,?,?,?)", rows[0])
                add_names(conn, rows[1:])
                log.info("%s answer for %r is %s", self.provider, name, twin_id)
                return _Answer(twin, answer.precision, answer.label)
            upsert_place(conn, place)
            rows = [
                (
                    key,
                    place.place_id,
                    written,
                    script_of(written),
                    "official" if i == 0 else "alias",
                    place.source,
                    reason,
                )
                for i, written in enumerate(dict.fromkeys((place.name, name)))
                for key in variants(written)
            ]
            marks = ",".join("?" * len(rows))
            conn.execute(
                f"DELETE FROM names WHERE place_id = ? AND key IN ({marks})",
                (place.place_id, *(r[0] for r in rows)),
            )
            add_names(conn, rows)
        log.info("stored %s answer for %r as %s", self.provider, name, place.place_id)
        return _Answer(place, answer.precision, answer.label)


TWIN_KM = 10.0
"""An answer this close to a place we hold under the queried name is that place."""


def _place(conn, place_id: str) -> Place:
    row = conn.execute(f"SELECT {PLACE_COLUMNS} FROM places p WHERE place_id = ?", (place_id,))
    return Place(*row.fetchone())
