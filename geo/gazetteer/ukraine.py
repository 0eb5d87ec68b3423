"""Every settlement of Ukraine in the default store, from the committed tables in ``gazetteer/``.

The tables (``ua_admin_units.csv``, ``ua_settlements.csv.gz``, ``ua_renames.csv.gz``,
``ua_admin_aliases.csv``; derived by ``scripts/derive_ua_gazetteer.py``, sources and licences in
``gazetteer/README.md``) give 29,705 settlements with official Ukrainian names, their KMU-2010
romanisation, generated Russian forms, OSM population, raion and hromada, and 2,633 old names.
:func:`load_ukraine` builds them into a store that already holds GeoNames (the default build):

* oblasts keep their GeoNames codes (``UA.05``) and gain every name the tables give; raions and
  hromadas become admin2 and admin3 units (``UA.05.UA1402``, ``UA.05.UA1402001``), replacing the
  pre-2020 raions; a raion or hromada named after its centre ("Bakhmutskyi") is also reachable by
  the centre's name ("Bakhmut raion");
* a settlement that GeoNames already has (a shared name key within :data:`MATCH_KM`, each matched
  once, nearest first) keeps its GeoNames id and point and gains its raion, hromada, population
  and names; every other settlement becomes a place ``ua:<KATOTTH>``;
* every name gets the keys of its romanisations (:func:`geo.gazetteer.names.variants`; Russian
  forms also BGN/PCGN and Wikipedia romanisations, :func:`russian_variants`), and old names are
  historical names whose reason says what the place is called now.
"""

from __future__ import annotations

import csv
import gzip
import logging
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import iuliia
import numpy as np
import translitua

from geo.core.distance import haversine_km_array
from geo.gazetteer.hints import hint_stem
from geo.gazetteer.names import name_key, script_of, variants

log = logging.getLogger(__name__)

SOURCE = "ua:settlements"
MATCH_KM = 10.0
"""A GeoNames settlement and a table settlement sharing a name key this close are one place."""
TABLES = (
    "ua_admin_units.csv",
    "ua_settlements.csv.gz",
    "ua_renames.csv.gz",
    "ua_admin_aliases.csv",
)
_LEVEL_WORD = {2: "raion", 3: "hromada"}
_ADJECTIVE_TAIL = re.compile(r"^(?:(?:iv|ov|yn|in)?(?:s|ts|z)?k)?(?:yi|a|e)$")
_NAME_ROW = tuple[str, str, str, str | None, str, str, str | None]


@dataclass(slots=True)
class _Unit:
    pcode: str
    level: int
    code: str
    parent: str | None
    admin1: str
    names: tuple[str, ...]  # English, Ukrainian, Russian forms


def tables_present(folder: Path) -> bool:
    return all((folder / name).is_file() for name in TABLES)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


@cache
def russian_variants(written: str) -> frozenset[str]:
    """Keys of a Russian name's romanisations: the store's own (:func:`variants`) plus BGN/PCGN
    and Wikipedia (``iuliia``): Водяное → vodianoe, vodyanoye; Угледар → ugledar."""
    keys = set(variants(written))
    for schema in (iuliia.BGN_PCGN, iuliia.WIKIPEDIA):
        keys.add(name_key(schema.translate(written)))
    return frozenset(keys - {""})


def _name_rows(
    place_id: str, written: str, kind: str, source: str, reason: str | None, russian: bool = False
) -> list[_NAME_ROW]:
    """(key, place_id, name, lang, kind, source, reason) rows for every key of ``written``."""
    own = name_key(written)
    keys = russian_variants(written) if russian else variants(written)
    lang = "ru" if russian else script_of(written)
    return [
        (key, place_id, written, lang, kind if key == own else _variant_kind(kind), source, reason)
        for key in keys
    ]


def _variant_kind(kind: str) -> str:
    return kind if kind in ("historical", "alias") else "transliteration"


def load_ukraine(conn: sqlite3.Connection, folder: Path) -> dict[str, int]:
    """Load the tables of ``folder`` into a store holding the default GeoNames build."""
    units = _load_units(conn, folder)
    matched, added = _load_settlements(conn, folder, units)
    renamed = _load_renames(conn, folder)
    _assign_units_to_unmatched(conn, units)
    quarters = _city_quarters(conn)
    counts = {
        "ua_units": len(units),
        "ua_matched": matched,
        "ua_added": added,
        "ua_old_names": renamed,
        "ua_city_quarters": quarters,
    }
    log.info("Ukrainian tables: %s", counts)
    return counts


# -- admin units ------------------------------------------------------------------------------


def _load_units(conn: sqlite3.Connection, folder: Path) -> dict[str, _Unit]:
    iso_code = dict(
        conn.execute("SELECT iso, code FROM admin_units WHERE country = 'UA' AND level = 1")
    )
    units: dict[str, _Unit] = {}
    for row in _rows(folder / "ua_admin_units.csv"):
        level, pcode = int(row["level"]), row["pcode"]
        ru = tuple(filter(None, row["name_ru"].split("|")))
        names = (row["name_en"], row["name_uk"], *ru)
        if level == 1:
            code = iso_code[row["iso"]]
            units[pcode] = _Unit(pcode, 1, code, None, code, names)
            continue
        parent = units[row["parent"]]
        units[pcode] = _Unit(
            pcode, level, f"{parent.admin1}.{pcode}", parent.code, parent.admin1, names
        )
    place_rows, unit_rows, name_rows = [], [], []
    for unit in units.values():
        place_id = f"adm:{unit.code}"
        if unit.level > 1:
            display = f"{unit.names[0]} {_LEVEL_WORD[unit.level]}"
            admin2 = unit.code if unit.level == 2 else unit.parent
            place_rows.append(
                (
                    place_id,
                    display,
                    f"admin{unit.level}",
                    f"ADM{unit.level}",
                    0,
                    "UA",
                    unit.admin1,
                    admin2,
                    unit.code if unit.level == 3 else None,
                    SOURCE,
                )
            )
            unit_rows.append(
                (unit.code, None, unit.level, display, "UA", unit.parent, place_id, SOURCE)
            )
        name_rows += _unit_names(unit, place_id)
    conn.executemany(
        "INSERT INTO places (place_id, name, kind, feature_code, population, country, admin1_code, "
        "admin2_code, admin3_code, source) VALUES (?,?,?,?,?,?,?,?,?,?)",
        place_rows,
    )
    conn.executemany(
        "INSERT INTO admin_units (code, iso, level, name, country, parent, place_id, source) "
        "VALUES (?,?,?,?,?,?,?,?)",
        unit_rows,
    )
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?,?,?)", name_rows)
    _load_admin_aliases(conn, folder, units)
    return units


def _unit_names(unit: _Unit, place_id: str) -> list[_NAME_ROW]:
    """Every name of a unit, with and without its level word, and its P-code."""
    rows: list[_NAME_ROW] = []
    for i, written in enumerate(unit.names):
        russian = i >= 2
        kind = "official" if i < 2 else "alternate"
        rows += _name_rows(place_id, written, kind, SOURCE, None, russian)
        if unit.level > 1 and i == 0:
            rows += _name_rows(
                place_id, f"{written} {_LEVEL_WORD[unit.level]}", "alternate", SOURCE, None
            )
    rows.append((unit.pcode.lower(), place_id, unit.pcode, "latn", "alias", SOURCE, "OCHA P-code"))
    return rows


def _load_admin_aliases(conn: sqlite3.Connection, folder: Path, units: dict[str, _Unit]) -> None:
    """Curated oblast spellings; a row naming several P-codes ("Donbas") names each of them."""
    rows: list[_NAME_ROW] = []
    for row in _rows(folder / "ua_admin_aliases.csv"):
        for pcode in row["pcode"].split("|"):
            place_id = f"adm:{units[pcode].code}"
            lang = row.get("lang") or None
            for key in variants(row["name"]) | {hint_stem(name_key(row["name"]))}:
                if key:
                    rows.append(
                        (
                            key,
                            place_id,
                            row["name"],
                            lang,
                            "alias",
                            "overlay:ua_admin_aliases.csv",
                            row["reason"],
                        )
                    )
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?,?,?)", rows)


def _centre_aliases(conn: sqlite3.Connection, units: dict[str, _Unit]) -> None:
    """A raion or hromada named after its centre ("Bakhmutskyi" after Bakhmut) is also reachable
    by the centre's name, which is how the press writes it ("the Bakhmut district")."""
    towns: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for place_id, name, population, admin2, admin3 in conn.execute(
        "SELECT place_id, name, population, admin2_code, admin3_code FROM places "
        "WHERE country = 'UA' AND kind = 'settlement'"
    ):
        for code in (admin2, admin3):
            if code:
                towns[code].append((population, name, place_id))
    rows: list[_NAME_ROW] = []
    centres = []
    for unit in units.values():
        if unit.level == 1:
            continue
        own = name_key(unit.names[0])
        for _, town, place_id in sorted(towns.get(unit.code, ()), reverse=True)[:8]:
            key = name_key(town)
            if len(key) >= 4 and own.startswith(key) and _ADJECTIVE_TAIL.match(own[len(key) :]):
                reason = f"{unit.names[0]} {_LEVEL_WORD[unit.level]} is named after {town}"
                rows += _name_rows(f"adm:{unit.code}", town, "alternate", SOURCE, reason)
                centres.append((place_id,))
                break
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?,?,?)", rows)
    # the seat of a raion or hromada outranks a namesake village (GeoNames' PPLA4: a seat below
    # the third level); towns with city status are PPLA3 already
    conn.executemany(
        "UPDATE places SET feature_code = 'PPLA4' WHERE place_id = ? AND feature_code = 'PPL'",
        centres,
    )


# -- settlements ----------------------------------------------------------------------------


def _load_settlements(
    conn: sqlite3.Connection, folder: Path, units: dict[str, _Unit]
) -> tuple[int, int]:
    """Every settlement of the table: new places, or the GeoNames place it is, updated; its names
    and its KATOTTH code as a name. Returns (matched, added)."""
    table = list(_rows(folder / "ua_settlements.csv.gz"))
    matches = _match_geonames(conn, table)
    place_rows, updates, name_rows = [], [], []
    for i, row in enumerate(table):
        hromada = units[row["adm3"]]
        population = int(row["population"] or 0)
        place_id = matches.get(i) or f"ua:{row['katotth']}"
        if i in matches:
            updates.append((hromada.parent, hromada.code, population, _feature_code(row), place_id))
        else:
            place_rows.append(_place_row(place_id, row, hromada, population))
        name_rows += _settlement_names(place_id, row)
        name_rows.append((row["katotth"].lower(), place_id, row["katotth"], "latn", "alias",
                          SOURCE, "KATOTTH code"))  # fmt: skip
    conn.executemany(
        "INSERT INTO places (place_id, name, kind, feature_code, population, country, admin1_code, "
        "admin2_code, lat, lon, source, admin3_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        place_rows,
    )
    conn.executemany(
        "UPDATE places SET admin2_code = ?, admin3_code = ?, population = MAX(population, ?), "
        "feature_code = CASE WHEN feature_code = 'PPL' THEN ? ELSE feature_code END "
        "WHERE place_id = ?",
        updates,
    )
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?,?,?)", name_rows)
    _centre_aliases(conn, units)
    return len(updates), len(place_rows)


def _place_row(place_id: str, row: dict[str, str], hromada: _Unit, population: int) -> tuple:
    """A new place row for a settlement GeoNames does not have."""
    return (
        place_id, kmu_latin(row["name_uk"]), "settlement", _feature_code(row), population, "UA",
        hromada.admin1, hromada.parent, float(row["lat"]), float(row["lon"]), SOURCE, hromada.code,
    )  # fmt: skip


def kmu_latin(name_uk: str) -> str:
    """The official Latin form of a Ukrainian name (KMU 2010, which writes no apostrophe)."""
    return str(translitua.translit(name_uk, translitua.UkrainianKMU)).replace("'", "")


def _feature_code(row: dict[str, str]) -> str:
    """GeoNames-like feature codes: a city (category M or K) is a PPLA3-level populated place."""
    return "PPLA3" if row["category"] in ("M", "K") else "PPL"


def _settlement_names(place_id: str, row: dict[str, str]) -> list[_NAME_ROW]:
    rows = _name_rows(place_id, row["name_uk"], "official", SOURCE, None)
    latin = kmu_latin(row["name_uk"])  # the official romanisation, as readers see it written
    rows.append((name_key(latin), place_id, latin, "latn", "official", SOURCE, None))
    if row["name_en"]:
        rows += _name_rows(place_id, row["name_en"], "alternate", SOURCE, None)
    for form in filter(None, row["name_ru"].split("|")):
        rows += _name_rows(place_id, form, "alternate", SOURCE, None, russian=True)
    return rows


def _match_geonames(conn: sqlite3.Connection, table: list[dict[str, str]]) -> dict[int, str]:
    """Table row → GeoNames place id for the settlements GeoNames has: pairs sharing a name key
    within :data:`MATCH_KM`, assigned nearest first, each place and row at most once."""
    by_key: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for key, place_id, lat, lon in conn.execute(
        "SELECT n.key, p.place_id, p.lat, p.lon FROM names n "
        "JOIN places p ON p.place_id = n.place_id WHERE p.country = 'UA' "
        "AND p.kind = 'settlement' AND p.source LIKE 'geonames%'"
    ):
        by_key[key].append((place_id, lat, lon))
    pairs: list[tuple[float, int, str]] = []
    for i, row in enumerate(table):
        keys = {name_key(row["name_uk"]), name_key(row["name_en"]) if row["name_en"] else ""}
        found = {hit for key in keys if key for hit in by_key.get(key, ())}
        if not found:
            continue
        ids = [f[0] for f in found]
        lat, lon = float(row["lat"]), float(row["lon"])
        km = haversine_km_array(
            np.array(lat), np.array(lon), np.array([f[1] for f in found]),
            np.array([f[2] for f in found]),
        )  # fmt: skip
        pairs += [(float(d), i, pid) for d, pid in zip(km, ids, strict=True) if d <= MATCH_KM]
    pairs.sort()
    matches: dict[int, str] = {}
    taken: set[str] = set()
    for _, i, place_id in pairs:
        if i not in matches and place_id not in taken:
            matches[i] = place_id
            taken.add(place_id)
    return matches


def _load_renames(conn: sqlite3.Connection, folder: Path) -> int:
    """Old names as historical names of the current place, with a reason that says so."""
    current = dict(
        conn.execute(
            "SELECT n.name, n.place_id FROM names n "
            "WHERE n.kind = 'alias' AND n.reason = 'KATOTTH code'"
        )
    )
    names = dict(conn.execute("SELECT place_id, name FROM places WHERE country = 'UA'"))
    rows: list[_NAME_ROW] = []
    count = 0
    for row in _rows(folder / "ua_renames.csv.gz"):
        place_id = current.get(row["katotth"])
        if place_id is None:
            continue
        count += 1
        when = f", {row['date'][:4]}" if row["date"] else ""
        what = "renamed" if row["kind"] == "rename" else "old name"
        old = row["old_name_en"] or kmu_latin(row["old_name_uk"])
        reason = f"{names[place_id]} was called {old} ({what}{when})"
        written = [row["old_name_uk"], old, *filter(None, row["old_name_ru"].split("|"))]
        for i, name in enumerate(dict.fromkeys(written)):
            russian = i >= 2 or script_of(name) == "ru"
            rows += _name_rows(place_id, name, "historical", SOURCE, reason, russian)
    # an old name GeoNames lists as a plain alternate is the official record's historical name
    conn.executemany("INSERT OR REPLACE INTO names VALUES (?,?,?,?,?,?,?)", rows)
    return count


QUARTER_OF_CITY_KM = ((500_000, 25.0), (200_000, 12.0), (50_000, 8.0))
"""How near a city of at least so many people (an administrative centre) a GeoNames settlement
the table does not have lies to be one of the city's quarters."""
QUARTER_MIN_POPULATION = 5_000
"""A quarter this populous outweighs villages of its name by size; a smaller one keeps its
number (it weighs little against them)."""


def _city_quarters(conn: sqlite3.Connection) -> int:
    """GeoNames settlements the table does not have, of :data:`QUARTER_MIN_POPULATION` people
    or more, that lie within a city (:data:`QUARTER_OF_CITY_KM`) are its quarters and districts
    (PPLX), of no population of their own: GeoNames lists Kharkiv's Oleksiivka (100,500
    people), Poltava's "Shevchenko" (147,600) and Sumy's Zarichnyi (150,700) as populated
    places, and by that size alone they had outweighed every village of their common names
    ("Alekseyevka" in a Sumy-front report: Kharkiv's quarter). They stay reachable by their
    names ("shelling in Saltivka"). Returns how many."""
    lone = conn.execute(
        "SELECT p.place_id, p.lat, p.lon FROM places p WHERE p.country = 'UA' "
        "AND p.kind = 'settlement' AND p.source LIKE 'geonames%' AND p.lat IS NOT NULL "
        "AND p.population >= ? AND NOT EXISTS (SELECT 1 FROM names n "
        "WHERE n.place_id = p.place_id AND n.reason = 'KATOTTH code')",
        (QUARTER_MIN_POPULATION,),
    ).fetchall()
    cities = conn.execute(
        "SELECT population, lat, lon FROM places WHERE country = 'UA' AND kind = 'settlement' "
        "AND population >= ? AND feature_code IN ('PPLC', 'PPLA', 'PPLA2', 'PPLA3') "
        "AND lat IS NOT NULL",
        (QUARTER_OF_CITY_KM[-1][0],),
    ).fetchall()
    if not lone or not cities:
        return 0
    reach = np.array([next(km for size, km in QUARTER_OF_CITY_KM if pop >= size)
                      for pop, _, _ in cities])  # fmt: skip
    lat = np.array([c[1] for c in cities])
    lon = np.array([c[2] for c in cities])
    quarters = [
        (place_id,)
        for place_id, plat, plon in lone
        if (haversine_km_array(plat, plon, lat, lon) <= reach).any()
    ]
    conn.executemany(
        "UPDATE places SET feature_code = 'PPLX', population = 0 WHERE place_id = ?", quarters
    )
    return len(quarters)


def _assign_units_to_unmatched(conn: sqlite3.Connection, units: dict[str, _Unit]) -> None:
    """GeoNames settlements the table does not have (districts, merged villages) take the raion
    and hromada of the nearest table settlement in their oblast."""
    lone = conn.execute(
        "SELECT place_id, admin1_code, lat, lon FROM places WHERE country = 'UA' "
        "AND kind = 'settlement' AND admin3_code IS NULL AND lat IS NOT NULL"
    ).fetchall()
    if not lone:
        return
    known = conn.execute(
        "SELECT admin1_code, admin2_code, admin3_code, lat, lon FROM places WHERE country = 'UA' "
        "AND kind = 'settlement' AND admin3_code IS NOT NULL"
    ).fetchall()
    by_oblast: dict[str, list[tuple[str, str, float, float]]] = defaultdict(list)
    for admin1, admin2, admin3, lat, lon in known:
        by_oblast[admin1].append((admin2, admin3, lat, lon))
    updates = []
    for place_id, admin1, lat, lon in lone:
        pool = by_oblast.get(admin1)
        if not pool:
            continue
        km = haversine_km_array(
            lat, lon, np.array([p[2] for p in pool]), np.array([p[3] for p in pool])
        )
        nearest = pool[int(np.argmin(km))]
        updates.append((nearest[0], nearest[1], place_id))
    conn.executemany(
        "UPDATE places SET admin2_code = ?, admin3_code = ? WHERE place_id = ?", updates
    )
