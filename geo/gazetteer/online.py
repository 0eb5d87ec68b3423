"""Opt-in online fallback: ask a geopy geocoder, write the answer back into the store.

Composed like geopy intends: a provider (Nominatim by default; Photon or GeoNames selectable)
whose ``geocode`` is wrapped in geopy's :class:`~geopy.extra.rate_limiter.RateLimiter` (≥ 1 s
between calls to the public Nominatim, as its usage policy asks), inside a retry loop with
exponential backoff for 5xx answers and the server's Retry-After for 429. Every answer is stored
as a place plus the queried name (source ``online:<provider>``, timestamp and query in the
reason), so the next run resolves it offline. Failures are logged and returned as a note on an
unresolved :class:`Resolution`; they never stop a run.

It fails soft: the whole response has a deadline (a server that hangs or drips bytes costs one
name's time budget, after which the rest of the run is offline with one note), the run has a
time budget of its own, every answer is checked field by field before it is used or stored
(names are plain text without markup or control characters, coordinates finite and in range,
the country one of those asked, ids sane), and a read-only store is reported once while its
answers still serve the run.

Environment: ``FRONTLINE_GEOCODER`` (nominatim | photon | geonames), ``FRONTLINE_GEOCODER_DOMAIN``
and ``FRONTLINE_GEOCODER_SCHEME`` (a self-hosted server), ``FRONTLINE_GEOCODER_MIN_DELAY`` (seconds
between calls; at least 1 for the public Nominatim), ``FRONTLINE_USER_AGENT``,
``FRONTLINE_GEONAMES_USERNAME``, ``FRONTLINE_GEOCODER_NAME_BUDGET`` and
``FRONTLINE_GEOCODER_RUN_BUDGET`` (seconds).
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from geopy import exc as geopy_exc
from geopy.adapters import URLLibAdapter
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import GeoNames, Nominatim, Photon
from geopy.geocoders.base import Geocoder

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
    geopy_exc.GeocoderParseError,
)


class _GiveUp(geopy_exc.GeocoderServiceError):
    """The server will not answer in time (it hangs, drips, or asks us to wait past the budget):
    the rest of the run is offline."""


class _OutOfTime(geopy_exc.GeocoderServiceError):
    """A failing answer with no time left in this name's budget to retry: this name only."""


class _Malformed(geopy_exc.GeocoderParseError):
    """The answer is not the JSON shape the provider documents."""


class DeadlineAdapter(URLLibAdapter):
    """geopy's urllib adapter with a deadline on the WHOLE response.

    geopy's ``timeout`` bounds each socket read: a server that sends a byte a second, or
    headers and then nothing, keeps a request alive for minutes. The request runs in a daemon
    thread; the caller waits until :attr:`deadline` (``time.monotonic()`` seconds) and then gives
    up with :class:`_GiveUp` (the thread ends with its socket's own timeout)."""

    def __init__(self, *, proxies, ssl_context) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.deadline = math.inf

    def get_text(self, url, *, timeout, headers):
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise _GiveUp("no time left for this name")
        box: dict[str, object] = {}
        done = threading.Event()
        limit = min(timeout or remaining, remaining)  # each socket read, and the whole answer

        def fetch() -> None:
            try:
                box["text"] = URLLibAdapter.get_text(self, url, timeout=limit, headers=headers)
            except BaseException as exc:  # handed to the caller below
                box["error"] = exc
            finally:
                done.set()

        threading.Thread(target=fetch, name="frontline-geocoder", daemon=True).start()
        stalled = f"no complete answer within {limit:.1f} s"
        if not done.wait(remaining):
            raise _GiveUp(stalled)
        error = box.get("error")
        if isinstance(error, BaseException) and _timed_out(error):
            raise _GiveUp(stalled) from error
        if isinstance(error, BaseException):
            raise error
        return box["text"]


def _timed_out(error: BaseException) -> bool:
    """Did a socket read time out under ``error``? geopy raises its "Unable to read the
    response" inside the ``except`` of the timed-out read, so the timeout is the error's
    implicit context, not its cause: the whole chain is looked at (a stalled server's read can
    time out a moment before the caller's own wait does)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, (geopy_exc.GeocoderTimedOut, TimeoutError)):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _raw_page(page: object, exactly_one: bool = False) -> object:
    """Replaces geopy's parsing: the answer is validated here, field by field."""
    return page


def clean_text(value: object, limit: int = 200) -> str | None:
    """``value`` as plain text: a string, control and invisible format characters dropped,
    blanks collapsed; None when it is no string, empty, longer than ``limit`` or holds markup."""
    if not isinstance(value, str):
        return None
    text = "".join(c for c in value if unicodedata.category(c) not in ("Cc", "Cf", "Co", "Cs"))
    text = " ".join(text.split())
    if not text or len(text) > limit or any(c in text for c in "<>"):
        return None
    return text


def _coordinate(value: object, limit: float) -> float | None:
    """A finite number within ±``limit`` (a JSON number or numeric string), else None."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) and abs(number) <= limit else None


_OSM_TYPES = {"node": "node", "way": "way", "relation": "relation", "N": "node", "W": "way"}
_OSM_TYPES["R"] = "relation"


def _ident(osm_type: object, osm_id: object) -> str | None:
    """``node/123`` from an OSM type and id (a GeoNames id when the type is None)."""
    number = str(osm_id) if isinstance(osm_id, (int, str)) and not isinstance(osm_id, bool) else ""
    if not number.isascii() or not number.isdigit() or len(number) > 20:
        return None
    if osm_type is None:
        return number
    kind = _OSM_TYPES.get(osm_type) if isinstance(osm_type, str) else None
    return f"{kind}/{number}" if kind else None


@dataclass(frozen=True)
class _Fields:
    """What one answer says, as the provider wrote it (nothing checked yet)."""

    ident: str | None
    name: object
    lat: object
    lon: object
    kind: object
    country: object
    state: object
    label: object


def _fields(provider: str, item: dict) -> _Fields:
    if provider == "nominatim":
        address = item.get("address")
        address = address if isinstance(address, dict) else {}
        return _Fields(
            _ident(item.get("osm_type"), item.get("osm_id")),
            item.get("name"),
            item.get("lat"),
            item.get("lon"),
            item.get("addresstype") or item.get("type"),
            address.get("country_code"),
            address.get("state"),
            item.get("display_name"),
        )
    if provider == "photon":
        props = item.get("properties")
        props = props if isinstance(props, dict) else {}
        geometry = item.get("geometry")
        point = geometry.get("coordinates") if isinstance(geometry, dict) else None
        lon, lat = point if isinstance(point, list) and len(point) == 2 else (None, None)
        return _Fields(
            _ident(props.get("osm_type"), props.get("osm_id")),
            props.get("name"),
            lat,
            lon,
            props.get("type") or props.get("osm_value"),
            props.get("countrycode"),
            props.get("state"),
            props.get("name"),
        )
    return _Fields(
        _ident(None, item.get("geonameId")),
        item.get("name"),
        item.get("lat"),
        item.get("lng"),
        item.get("fcode") or item.get("fcl"),
        item.get("countryCode"),
        item.get("adminName1"),
        item.get("name"),
    )


def _items(provider: str, page: object) -> list[object]:
    """The list of answers in a provider's JSON page; :class:`_Malformed` when there is none."""
    if provider == "nominatim":
        items = page
    elif provider == "photon":
        items = page.get("features") if isinstance(page, dict) else None
    else:
        items = page.get("geonames", []) if isinstance(page, dict) else None
    if page is None:
        return []
    if not isinstance(items, list):
        raise _Malformed(f"malformed answer (a JSON {type(page).__name__}, not a list of places)")
    return items


@dataclass(frozen=True)
class _Answer:
    place: Place
    precision: Precision
    label: str


class OnlineGeocoder:
    """One online provider behind rate limiting, retries, time budgets, answer checks and
    write-back; see the module docstring."""

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
        name_budget: float = 10.0,
        run_budget: float = 120.0,
    ) -> None:
        if provider not in PROVIDERS:
            raise InputError(
                f"unknown online geocoder {provider!r}; expected one of {', '.join(PROVIDERS)}"
            )
        self.provider = provider
        self.countries = tuple(c.lower() for c in countries)
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.name_budget = name_budget
        self.run_budget = run_budget
        self.notes: list[str] = []
        self._misses: set[tuple[str, str | None, str | None]] = set()
        self._answers: dict[tuple[str, str | None, str | None], Resolution] = {}
        self._spent = 0.0  # seconds spent online in this run
        self._offline: str | None = None  # why the rest of the run is offline
        self._unstored: str | None = None  # why answers are not stored (a read-only store)
        self._adapter: DeadlineAdapter | None = None
        geocoder, floor = self._provider(provider, user_agent, domain, scheme, timeout, username)
        geocoder._parse_json = _raw_page  # answers are checked here, field by field
        self._geocoder = geocoder
        delay = 1.0 if min_delay_seconds is None else min_delay_seconds
        if delay < floor:
            raise InputError(
                f"the public Nominatim allows at most one request per second (asked {delay} s)"
            )
        self._geocode = RateLimiter(
            geocoder.geocode, min_delay_seconds=delay, max_retries=0, swallow_exceptions=False
        )

    def _provider(
        self,
        provider: str,
        user_agent: str | None,
        domain: str | None,
        scheme: str,
        timeout: float,
        username: str | None,
    ) -> tuple[Geocoder, float]:
        """The geopy geocoder and the least delay its service allows between calls."""
        agent = user_agent or settings.get("FRONTLINE_USER_AGENT") or USER_AGENT
        # our adapter: a deadline on the whole response, no hidden transport-level retries that
        # would bypass the rate limiter
        common = {"user_agent": agent, "timeout": timeout, "adapter_factory": self._make_adapter}
        if provider == "nominatim":
            domain = domain or PUBLIC_NOMINATIM
            floor = 1.0 if domain == PUBLIC_NOMINATIM else 0.0
            return Nominatim(domain=domain, scheme=scheme, **common), floor
        if provider == "photon":
            return Photon(domain=domain or "photon.komoot.io", scheme=scheme, **common), 0.0
        username = username or settings.get("FRONTLINE_GEONAMES_USERNAME")
        if not username:
            raise InputError(
                "the GeoNames web service needs a username (FRONTLINE_GEONAMES_USERNAME)"
            )
        geonames = GeoNames(username=username, scheme=scheme, **common)
        if domain:
            geonames.api = f"{scheme}://{domain}/searchJSON"
        return geonames, 0.0

    def _make_adapter(self, **kwargs) -> DeadlineAdapter:
        self._adapter = DeadlineAdapter(**kwargs)
        return self._adapter

    @classmethod
    def from_env(cls) -> OnlineGeocoder:
        """The provider named by ``FRONTLINE_GEOCODER`` (default Nominatim) with the delay and
        time budgets of the environment (see :mod:`geo.core.settings`)."""
        name_budget = settings.get_float("FRONTLINE_GEOCODER_NAME_BUDGET", minimum=0.1)
        run_budget = settings.get_float("FRONTLINE_GEOCODER_RUN_BUDGET", minimum=0.1)
        return cls(
            str(settings.get("FRONTLINE_GEOCODER")).lower(),
            domain=settings.get("FRONTLINE_GEOCODER_DOMAIN"),
            scheme=str(settings.get("FRONTLINE_GEOCODER_SCHEME")),
            min_delay_seconds=settings.get_float("FRONTLINE_GEOCODER_MIN_DELAY"),
            name_budget=name_budget or 10.0,
            run_budget=run_budget or 120.0,
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
        if hint in self._answers:
            return self._answers[hint]
        if self._offline is not None:
            return _unresolved(name, f"online: offline for the rest of this run ({self._offline})")
        query = f"{name}, {admin1}" if admin1 else name
        try:
            answer = self._ask_timed(query, country)
        except geopy_exc.GeopyError as exc:
            self._misses.add(hint)
            return _unresolved(name, f"online: {self._failed(query, exc)}")
        if isinstance(answer, str):
            self._misses.add(hint)
            return _unresolved(name, f"online: {self.provider} {answer} for {query!r}")
        result = self._resolution(name, query, answer, store)
        self._answers[hint] = result
        return result

    # -- internals ---------------------------------------------------------------------------------

    def _failed(self, query: str, exc: geopy_exc.GeopyError) -> str:
        """The note for a failed query; a server that will not answer in time turns the rest
        of the run offline (said once)."""
        if isinstance(exc, _GiveUp):
            self._offline = self._offline or str(exc)
            note = f"{self.provider} failed for {query!r}: {exc}; offline for the rest of this run"
        elif isinstance(exc, (_Malformed, _OutOfTime)):
            note = f"{self.provider} failed for {query!r}: {exc}"
        else:
            note = f"{self.provider} failed for {query!r}: {type(exc).__name__}: {exc}"
        log.warning(note)
        self.notes.append(note)
        return note

    def _ask_timed(self, query: str, country: str | None) -> _Answer | str:
        """:meth:`_ask` within this name's budget and what is left of the run's."""
        left = self.run_budget - self._spent
        started = time.monotonic()
        try:
            return self._ask(query, country, started + min(self.name_budget, left))
        except _GiveUp as exc:
            if left < self.name_budget:
                raise _GiveUp(
                    f"online time budget of {self.run_budget:g} s for this run spent"
                ) from exc
            raise
        finally:
            self._spent += time.monotonic() - started
            if self._spent >= self.run_budget and self._offline is None:
                self._offline = f"online time budget of {self.run_budget:g} s for this run spent"
                note = f"{self.provider}: {self._offline}; offline for the rest of this run"
                log.warning(note)
                self.notes.append(note)

    def _ask(self, query: str, country: str | None, deadline: float) -> _Answer | str:
        """The first acceptable answer, or why there is none ("found nothing", "refused …")."""
        codes = [country.lower()] if country else list(self.countries)
        page = self._request(query, self._kwargs(codes), deadline)
        if isinstance(self._geocoder, GeoNames) and isinstance(page, dict) and "status" in page:
            self._geocoder._raise_for_error(page)  # its errors (account, quota) as geopy's
        refusals = []
        for item in _items(self.provider, page):
            answer = self._parse(item, codes)
            if isinstance(answer, _Answer):
                return answer
            refusals.append(answer)
        if refusals:
            return f"answer refused ({'; '.join(dict.fromkeys(refusals))})"
        return "found nothing"

    def _kwargs(self, codes: list[str]) -> dict[str, object]:
        if self.provider == "nominatim":
            return {
                "exactly_one": False,
                "limit": 3,
                "addressdetails": True,
                "language": "en",
                "country_codes": codes,
            }
        if self.provider == "photon":
            return {"exactly_one": False, "limit": 3, "language": "en"}
        return {"exactly_one": False, "country": [c.upper() for c in codes]}

    def _request(self, query: str, kwargs: dict[str, object], deadline: float) -> object:
        """One query with retries: backoff on 5xx, Retry-After on 429, all before ``deadline``."""
        for attempt in range(self.retries + 1):
            if self._adapter is not None:
                self._adapter.deadline = deadline
            try:
                return self._geocode(query, **kwargs)
            except (*_NOT_RETRIED, _GiveUp, _OutOfTime):
                raise
            except geopy_exc.GeocoderServiceError as exc:
                if attempt == self.retries:
                    raise
                wait = self._wait(exc, attempt, deadline)
                log.info("%s: %s; retrying in %.1f s", self.provider, exc, wait)
                time.sleep(wait)
            except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
                raise _Malformed(f"malformed answer ({type(exc).__name__})") from exc
        return None

    def _wait(self, exc: geopy_exc.GeocoderServiceError, attempt: int, deadline: float) -> float:
        """Seconds to wait before the next attempt; :class:`_GiveUp` when that passes the
        deadline (a Retry-After beyond it asks us to stop: the rest of the run is offline)."""
        retry_after = getattr(exc, "retry_after", None)
        if isinstance(exc, geopy_exc.GeocoderRateLimited) and retry_after is not None:
            wait = float(retry_after)
            if time.monotonic() + wait > deadline:
                raise _GiveUp(f"rate limited, Retry-After {wait:g} s is beyond the time budget")
            return wait
        wait = self.backoff_seconds * 2**attempt
        if time.monotonic() + wait > deadline:
            raise _OutOfTime(f"{exc}; no time left to retry within the time budget") from exc
        return wait

    def _parse(self, item: object, codes: list[str]) -> _Answer | str:
        """One answer checked field by field, or why it is refused. Nothing of a refused answer
        is echoed: its text may be hostile."""
        if not isinstance(item, dict):
            return "malformed answer (not an object)"
        fields = _fields(self.provider, item)
        name = clean_text(fields.name)
        if name is None:
            markup = isinstance(fields.name, str) and any(c in fields.name for c in "<>")
            return "markup in the name" if markup else "no usable name"
        lat, lon = _coordinate(fields.lat, 90.0), _coordinate(fields.lon, 180.0)
        if lat is None or lon is None:
            return "coordinates missing, not numbers or out of range"
        country = fields.country.lower() if isinstance(fields.country, str) else None
        if country not in codes:
            return "country not among those asked"
        if fields.ident is None:
            return "no sane id"
        if fields.kind is not None and not isinstance(fields.kind, str):
            return "place type not a string"
        precision = (
            Precision.SETTLEMENT
            if fields.kind in _SETTLEMENT_TYPES
            else Precision.REGION
            if fields.kind in _REGION_TYPES
            else Precision.APPROXIMATE
        )
        kind, code = (
            ("settlement", "PPL") if precision == Precision.SETTLEMENT else ("feature", "AREA")
        )
        place = Place(
            f"online:{self.provider}:{fields.ident}",
            name,
            kind,
            code,
            0,
            country.upper(),
            clean_text(fields.state),
            None,
            lat,
            lon,
            f"online:{self.provider}",
        )
        return _Answer(place, precision, clean_text(fields.label, 500) or name)

    def _resolution(
        self, name: str, query: str, answer: _Answer, store: GazetteerStore | None
    ) -> Resolution:
        """The ONLINE resolution of an accepted answer, stored first when a store is given."""
        note = ""
        if store is not None and answer.precision != Precision.REGION:
            # regions are admin units already: only settlements are stored
            try:
                answer = self._store(store, name, query, answer)
                note = " (stored for offline use)"
            except sqlite3.DatabaseError as exc:
                note = f" (not stored: {self._not_stored(store, exc)})"
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
            f"online answer from {self.provider}: {answer.label!r}{note}",
            (),
            admin1_name,
            None,
        )

    def _not_stored(self, store: GazetteerStore, exc: sqlite3.DatabaseError) -> str:
        """Why an answer could not be written; said once per run."""
        read_only = "readonly" in str(exc).replace("-", "").replace(" ", "")
        why = "the gazetteer is read-only" if read_only else f"the gazetteer refused it ({exc})"
        if self._unstored is None:
            self._unstored = why
            note = f"{store.path}: {why}; online answers are used for this run but not stored"
            log.warning(note)
            self.notes.append(note)
        return why

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


def _unresolved(name: str, reason: str) -> Resolution:
    return Resolution(name, None, None, ResolutionKind.UNRESOLVED, 0.0, reason)
