"""The gazetteer store: an embedded SQLite database of places, their names and admin units.

Tables
    ``places``      one row per place (settlement, admin unit, country, theatre feature)
    ``names``       every matching key (see :mod:`geo.gazetteer.names`) → place, with the written
                    form, language/script, kind (official, alternate, historical,
                    transliteration, alias) and provenance
    ``admin_units`` first/second-level units with ISO 3166-2 codes, optional boundary (WKB)
                    and a footprint derived from their settlements (WKB)
    ``meta``        build facts (sources, counts, build time)

Reads go through small cached helpers so the resolver's hot path is a dict lookup once warm.
Writes (imports, online answers) use :meth:`GazetteerStore.write` and keep provenance.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import platformdirs

from geo.core import settings
from geo.core.errors import GazetteerError
from geo.core.values import value

log = logging.getLogger(__name__)

ENV_VAR = "FRONTLINE_GAZETTEER"
STORE_FILENAME = "gazetteer.sqlite"
SCHEMA_VERSION = "2"

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    place_id     TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,          -- settlement | admin1 | admin2 | country | feature
    feature_code TEXT,
    population   INTEGER NOT NULL DEFAULT 0,
    country      TEXT,
    admin1_code  TEXT,                   -- GeoNames style, e.g. UA.05
    admin2_code  TEXT,                   -- raion (UA: UA.05.UA1402), GeoNames ADM2 elsewhere
    lat          REAL,
    lon          REAL,
    source       TEXT NOT NULL,
    updated      TEXT NOT NULL DEFAULT (datetime('now')),
    admin3_code  TEXT                    -- hromada (UA: UA.05.UA1402001)
);
CREATE TABLE IF NOT EXISTS names (
    key       TEXT NOT NULL,
    place_id  TEXT NOT NULL REFERENCES places(place_id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    lang      TEXT,
    kind      TEXT NOT NULL,            -- official | alternate | historical | transliteration | alias
    source    TEXT NOT NULL,
    reason    TEXT,
    PRIMARY KEY (key, place_id, name)  -- every written form: the scanner reads them all
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin_units (
    code       TEXT PRIMARY KEY,        -- GeoNames style: UA.05, UA.05.1408
    iso        TEXT,                    -- ISO 3166-2 for level 1: UA-14
    level      INTEGER NOT NULL,
    name       TEXT NOT NULL,
    country    TEXT NOT NULL,
    parent     TEXT,
    place_id   TEXT,
    boundary   BLOB,                    -- WKB, EPSG:4326, when a boundary file was imported
    footprint  BLOB,                    -- WKB, convex hull of the unit's settlements
    source     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""  # noqa: E501 - SQLite keeps this DDL text, comments and all, in the store's sqlite_master

INDEXES = """
CREATE INDEX IF NOT EXISTS names_place ON names(place_id);
CREATE INDEX IF NOT EXISTS places_admin ON places(country, admin1_code);
CREATE INDEX IF NOT EXISTS places_kind ON places(kind, country);
CREATE INDEX IF NOT EXISTS admin_iso ON admin_units(iso);
"""


@value
class Place:
    """One gazetteer place, as the resolver sees it."""

    place_id: str
    name: str
    kind: str
    feature_code: str | None
    population: int
    country: str | None
    admin1_code: str | None
    admin2_code: str | None
    lat: float | None
    lon: float | None
    source: str
    admin3_code: str | None = None

    @property
    def is_region(self) -> bool:
        return self.kind in ("admin1", "admin2", "admin3", "country")


@value
class NameHit:
    """A place reached through one of its names."""

    place: Place
    name: str
    name_kind: str
    source: str
    reason: str | None


@dataclass(frozen=True, slots=True)
class AdminUnit:
    code: str
    iso: str | None
    level: int
    name: str
    country: str
    parent: str | None
    place_id: str | None
    has_boundary: bool
    city: bool = False
    """A city with the status of a first-level unit (Kyiv, Sevastopol): its place is ADM1C."""


PLACE_COLUMNS = (
    "p.place_id, p.name, p.kind, p.feature_code, p.population, p.country, p.admin1_code, "
    "p.admin2_code, p.lat, p.lon, p.source, p.admin3_code"
)
_PLACE_WIDTH = 12
_ADMIN_COLUMNS = (
    "a.code, a.iso, a.level, a.name, a.country, a.parent, a.place_id, a.boundary IS NOT NULL, "
    "COALESCE(p.feature_code = 'ADM1C', 0) FROM admin_units a LEFT JOIN places p "
    "ON p.place_id = a.place_id"
)


def _admin(row: tuple) -> AdminUnit:
    """An admin unit from a row of :data:`_ADMIN_COLUMNS`."""
    code, iso, level, name, country, parent, place_id, has_boundary, city = row
    return AdminUnit(
        code, iso, level, name, country, parent, place_id, bool(has_boundary), bool(city)
    )


def _checkout_dir() -> Path | None:
    """The ``gazetteer/`` folder when running from a source checkout, else None."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "gazetteer").is_dir():
        return root / "gazetteer"
    return None


def overlay_dir() -> Path:
    """Where the committed curated overlays live (checkout ``gazetteer/``)."""
    checkout = _checkout_dir()
    if checkout is not None:
        return checkout
    return Path(__file__).resolve().parent / "overlays"


def default_path() -> Path:
    """Store location: ``$FRONTLINE_GAZETTEER``, else ``gazetteer/`` in a checkout,
    else the user cache."""
    env = settings.get(ENV_VAR)
    if env:
        path = Path(env).expanduser()
        return path / STORE_FILENAME if path.is_dir() else path
    checkout = _checkout_dir()
    if checkout is not None:
        return checkout / STORE_FILENAME
    return Path(platformdirs.user_cache_dir("frontline")) / STORE_FILENAME


REBUILD = "rebuild it with `frontline gazetteer build`"
CHECKED_SUFFIX = "-checked"
"""``gazetteer.sqlite-checked`` beside the store: size, mtime and inode of the file when its last
``PRAGMA quick_check`` passed. An unchanged store is not checked again (a check of the full store
takes about 1.6 s; opening it 1 ms)."""


def _signature(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ino}"


def _record(path: Path) -> Path:
    return path.with_name(f"{path.name}{CHECKED_SUFFIX}")


def remember_checked(path: Path) -> None:
    """Note that the store at ``path``, as it is now, is sound (best effort: a read-only folder
    only means the next open checks again)."""
    record = _record(path)
    tmp = record.with_name(f"{record.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(_signature(path), encoding="ascii")
        os.replace(tmp, record)
    except OSError as exc:
        log.debug("cannot note the integrity check of %s: %s", path, exc)
        with suppress(OSError):  # a read-only folder or file system: nothing was written
            tmp.unlink(missing_ok=True)


def _is_checked(path: Path) -> bool:
    try:
        return _record(path).read_text(encoding="ascii") == _signature(path)
    except (OSError, UnicodeDecodeError):
        return False


def quick_check(conn: sqlite3.Connection) -> str | None:
    """The first problem ``PRAGMA quick_check`` finds, None when the database is sound."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
    if rows == ["ok"]:
        return None
    lines = [ln for row in rows for ln in row.splitlines() if ln and not ln.startswith("***")]
    return (lines[0] if lines else "quick_check failed")[:120]


_PLACE_CACHE_SIZE = 200_000
"""Places :meth:`GazetteerStore.place` keeps at most (memory stays flat on any corpus)."""


class GazetteerStore:
    """Read/write access to one SQLite gazetteer file."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, create: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._checked = False
        if not create and not self.path.is_file():
            raise GazetteerError(
                "no gazetteer cache here; build it with `frontline gazetteer build`",
                source=str(self.path),
            )
        try:
            self.conn = sqlite3.connect(self.path, check_same_thread=False)
            self.conn.execute("PRAGMA foreign_keys = ON")
            if create:
                self.conn.executescript(SCHEMA)
            else:
                self._verify()
            version = self.meta("schema_version")
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"not a usable gazetteer database ({exc}); {REBUILD}", source=str(self.path)
            ) from exc
        if not create and version != SCHEMA_VERSION:
            raise GazetteerError(
                f"gazetteer schema {version!r} != {SCHEMA_VERSION!r}; "
                "rebuild with `frontline gazetteer build`",
                source=str(self.path),
            )
        self._lookup = lru_cache(maxsize=200_000)(self._lookup_uncached)
        self._admin_cache: dict[str, AdminUnit | None] = {}
        # place_id → place: the resolver asks for the same oblasts and countries again and again
        # (a region's place for each hint), one SQLite query each before this cache
        self._place_cache: dict[str, Place | None] = {}

    def _verify(self) -> None:
        """``PRAGMA quick_check`` when the file changed since its last good check (see
        :data:`CHECKED_SUFFIX`); a damaged store is one line saying how to rebuild it."""
        if _is_checked(self.path):
            self._checked = True
            return
        problem = quick_check(self.conn)
        if problem is not None:
            self.conn.close()
            raise GazetteerError(
                f"the gazetteer store is damaged ({problem}); {REBUILD}", source=str(self.path)
            )
        self._checked = True
        remember_checked(self.path)

    # -- reading -----------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:
            return None
        return row[0] if row else None

    def lookup(self, key: str) -> tuple[NameHit, ...]:
        """Every place that has a name with this matching key (cached)."""
        return self._lookup(key)

    def _lookup_uncached(self, key: str) -> tuple[NameHit, ...]:
        rows = self.conn.execute(
            f"SELECT {PLACE_COLUMNS}, n.name, n.kind, n.source, n.reason "
            "FROM names n JOIN places p ON p.place_id = n.place_id WHERE n.key = ?",
            (key,),
        ).fetchall()
        w = _PLACE_WIDTH
        return tuple(NameHit(Place(*row[:w]), *row[w : w + 4]) for row in rows)

    def place(self, place_id: str) -> Place | None:
        """The place with this id (cached; places are frozen, so one object serves every call)."""
        try:
            return self._place_cache[place_id]
        except KeyError:
            pass
        row = self.conn.execute(
            f"SELECT {PLACE_COLUMNS} FROM places p WHERE place_id = ?", (place_id,)
        ).fetchone()
        found = Place(*row) if row else None
        if len(self._place_cache) < _PLACE_CACHE_SIZE:
            self._place_cache[place_id] = found
        return found

    def admin_unit(self, code: str) -> AdminUnit | None:
        """An admin unit by GeoNames code (``UA.05``) or ISO 3166-2 code (``UA-14``)."""
        if code not in self._admin_cache:
            row = self.conn.execute(
                f"SELECT {_ADMIN_COLUMNS} WHERE a.code = ? OR a.iso = ? ORDER BY a.level LIMIT 1",
                (code, code.upper()),
            ).fetchone()
            self._admin_cache[code] = _admin(row) if row else None
        return self._admin_cache[code]

    def admin_units(self, country: str | None = None, level: int | None = None) -> list[AdminUnit]:
        sql = f"SELECT {_ADMIN_COLUMNS} WHERE 1=1"
        args: list[object] = []
        if country:
            sql += " AND a.country = ?"
            args.append(country.upper())
        if level:
            sql += " AND a.level = ?"
            args.append(level)
        return [_admin(r) for r in self.conn.execute(sql + " ORDER BY a.code", args)]

    def enclaves(self, code: str) -> list[AdminUnit]:
        """First-level cities with oblast status inside the oblast ``code`` (Kyiv in Kyiv
        oblast)."""
        rows = self.conn.execute(
            f"SELECT {_ADMIN_COLUMNS} WHERE a.parent = ? AND a.level = 1", (code,)
        ).fetchall()
        return [_admin(r) for r in rows]

    def admin_geometry(self, code: str) -> tuple[bytes | None, str]:
        """The best geometry of an admin unit as WKB: the imported boundary, else the footprint."""
        row = self.conn.execute(
            "SELECT boundary, footprint FROM admin_units WHERE code = ?", (code,)
        ).fetchone()
        if row is None:
            return None, "none"
        if row[0] is not None:
            return row[0], "boundary"
        return row[1], ("footprint" if row[1] is not None else "none")

    def names_of(self, place_id: str) -> list[tuple[str, str, str | None, str, str]]:
        return self.conn.execute(
            "SELECT name, kind, lang, source, COALESCE(reason, '') FROM names "
            "WHERE place_id = ? ORDER BY kind, name",
            (place_id,),
        ).fetchall()

    def names_of_places(self, place_ids: Iterable[str]) -> list[tuple[str, str, str | None, str]]:
        """``(place_id, name, lang, kind)`` of every name of the given places and of every form
        that shares a matching key with one of them (the same name in another script or spelling,
        whichever place it was stored under), in one query: the map's search index asks for all
        its places at once. Shared forms come with kind ``same key``."""
        ids = json.dumps(sorted(set(place_ids)))
        return self.conn.execute(
            "WITH wanted(place_id) AS (SELECT value FROM json_each(?)), "
            "own AS (SELECT n.place_id, n.key, n.name, n.lang, n.kind FROM names n "
            "JOIN wanted w ON w.place_id = n.place_id) "
            "SELECT place_id, name, lang, kind FROM own UNION "
            "SELECT DISTINCT o.place_id, n.name, n.lang, 'same key' FROM own o "
            "JOIN names n ON n.key = o.key AND n.place_id != o.place_id "
            "ORDER BY 1, 4, 2",
            (ids,),
        ).fetchall()

    def iter_scan_names(
        self, theatre: Iterable[str], min_population: int
    ) -> Iterator[tuple[str, str]]:
        """(written name, key) pairs worth scanning text for:
        all of the theatre, big places elsewhere."""
        marks = ",".join("?" * len(tuple(theatre)))
        yield from self.conn.execute(
            "SELECT DISTINCT n.name, n.key FROM names n JOIN places p ON p.place_id = n.place_id "
            f"WHERE p.country IN ({marks}) OR p.population >= ? "
            "OR p.kind IN ('country', 'admin1', 'feature')",
            (*theatre, min_population),
        )

    def feature_names(self) -> list[str]:
        """Every written name of a feature (a plant, a dam, a steelworks): the scanner looks for
        those whose lower-case words it cannot see (``geo.text.mentions._feature_tails``)."""
        return [
            name
            for (name,) in self.conn.execute(
                "SELECT DISTINCT n.name FROM names n JOIN places p ON p.place_id = n.place_id "
                "WHERE p.kind = 'feature' ORDER BY n.name"
            )
        ]

    def iter_cyrillic_names(self, theatre: Iterable[str]) -> Iterator[tuple[str, str | None]]:
        """(written name, language tag) of every Cyrillic name of a place in the theatre: names of
        settlements before names of raions and hromadas only (the adjective "Купянский" spells
        the town's "Купянском" too), bigger places first; the names the scanner inflects
        (:mod:`geo.text.inflect`)."""
        marks = ",".join("?" * len(tuple(theatre)))
        yield from self.conn.execute(
            "SELECT n.name, n.lang FROM names n JOIN places p ON p.place_id = n.place_id "
            f"WHERE p.country IN ({marks}) AND n.lang IN ('uk', 'ru', 'cyrl') "
            "GROUP BY n.name, n.lang "
            "ORDER BY MIN(p.kind IN ('admin2', 'admin3')), MAX(p.population) DESC, n.name",
            tuple(theatre),
        )

    def unit_only_names(self) -> frozenset[str]:
        """Written names of raions or hromadas only ("Торецька" громада): a case form of a
        settlement that spells the same ("біля Торецька") is the settlement, since text names
        the unit with its level word ("Торецька громада")."""
        return frozenset(
            name
            for (name,) in self.conn.execute(
                "SELECT n.name FROM names n JOIN places p ON p.place_id = n.place_id "
                "GROUP BY n.name HAVING SUM(p.kind NOT IN ('admin2', 'admin3')) = 0"
            )
        )

    def settlements(self, countries: Iterable[str] | None = None) -> list[Place]:
        sql = f"SELECT {PLACE_COLUMNS} FROM places p WHERE kind = 'settlement'"
        args: tuple = ()
        if countries:
            countries = tuple(countries)
            sql += f" AND country IN ({','.join('?' * len(countries))})"
            args = countries
        return [Place(*r) for r in self.conn.execute(sql, args)]

    def settlements_frame(self, countries: Iterable[str] = ("UA",)):
        """Settlements as a GeoDataFrame (``place_id, place_name, admin1_code, population,
        geometry``), e.g. the rows of a settlement control panel."""
        import geopandas as gpd

        places = self.settlements(countries)
        return gpd.GeoDataFrame(
            {
                "place_id": [p.place_id for p in places],
                "place_name": [p.name for p in places],
                "admin1_code": [p.admin1_code for p in places],
                "population": [p.population for p in places],
            },
            geometry=gpd.points_from_xy([p.lon for p in places], [p.lat for p in places]),
            crs="EPSG:4326",
        )

    def stats(self) -> dict[str, object]:
        count = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        by_source = dict(
            self.conn.execute("SELECT source, COUNT(*) FROM places GROUP BY source").fetchall()
        )
        return {
            "path": str(self.path),
            "size_mb": round(self.path.stat().st_size / 1e6, 1),
            "places": count("SELECT COUNT(*) FROM places"),
            "names": count("SELECT COUNT(*) FROM names"),
            "admin_units": count("SELECT COUNT(*) FROM admin_units"),
            "boundaries": count("SELECT COUNT(*) FROM admin_units WHERE boundary IS NOT NULL"),
            "places_by_source": by_source,
            "built": self.meta("built"),
            "build_seconds": self.meta("build_seconds"),
        }

    # -- writing -----------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction; caches are cleared afterwards so new rows are seen."""
        try:
            with self.conn:
                yield self.conn
            if self._checked:  # sound before, changed by us: no new check on the next open
                remember_checked(self.path)
        finally:
            self._lookup.cache_clear()
            self._admin_cache.clear()
            self._place_cache.clear()

    def close(self) -> None:
        self.conn.close()


def upsert_place(conn: sqlite3.Connection, place: Place) -> None:
    """Insert or update a place row (idempotent re-imports)."""
    conn.execute(
        "INSERT INTO places (place_id, name, kind, feature_code, population, country, admin1_code, "
        "admin2_code, lat, lon, source, admin3_code, updated) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?, datetime('now')) "
        "ON CONFLICT(place_id) DO UPDATE SET name=excluded.name, kind=excluded.kind, "
        "feature_code=excluded.feature_code, population=excluded.population, "
        "country=excluded.country, "
        "admin1_code=excluded.admin1_code, admin2_code=excluded.admin2_code, lat=excluded.lat, "
        "lon=excluded.lon, source=excluded.source, admin3_code=excluded.admin3_code, "
        "updated=excluded.updated",
        (
            place.place_id,
            place.name,
            place.kind,
            place.feature_code,
            place.population,
            place.country,
            place.admin1_code,
            place.admin2_code,
            place.lat,
            place.lon,
            place.source,
            place.admin3_code,
        ),
    )


def find_twin(
    conn: sqlite3.Connection,
    keys: Iterable[str],
    lat: float,
    lon: float,
    km: float,
    source: str | None = None,
) -> str | None:
    """The settlement (from ``source`` if given) that has one of ``keys`` and lies within ``km``
    of (lat, lon), nearest first: the place an import or online answer duplicates."""
    from geo.core.distance import haversine_km

    keys = sorted(set(keys) - {""})
    if not keys:
        return None
    sql = (
        f"SELECT DISTINCT p.place_id, p.lat, p.lon FROM names n JOIN places p "
        f"ON p.place_id = n.place_id WHERE n.key IN ({','.join('?' * len(keys))}) "
        "AND p.kind = 'settlement' AND p.lat IS NOT NULL"
    )
    args: list[object] = list(keys)
    if source is not None:
        sql += " AND p.source = ?"
        args.append(source)
    near = [(haversine_km(lat, lon, y, x), pid) for pid, y, x in conn.execute(sql, args)]
    near = [n for n in near if n[0] <= km]
    return min(near)[1] if near else None


def add_names(
    conn: sqlite3.Connection,
    rows: Iterable[tuple[str, str, str, str | None, str, str, str | None]],
) -> None:
    """Insert (key, place_id, name, lang, kind, source, reason) rows; the first row of a written
    form wins."""
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?,?,?)", rows)
