"""Imports that extend the gazetteer: GeoNames dumps, GeoNames alternate names, user CSVs,
boundaries.

Every import runs in one transaction (all rows or none: an error rolls back, the store is never
half-written) and is idempotent: GeoNames places keep their ``gn:<geonameid>`` ids, so a full
``UA.txt`` upgrades the cities500 rows of the default build and adds the villages cities500 lacks;
names are keyed on (key, place), so re-importing never duplicates. Malformed lines are skipped,
counted and reported with their line numbers.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from geo.core.distance import haversine_km
from geo.core.errors import GazetteerError, InputError
from geo.core.io.safe import restore_cell
from geo.core.theatre import THEATRE
from geo.gazetteer.names import name_key, script_of, variants
from geo.gazetteer.store import (
    PLACE_COLUMNS,
    GazetteerStore,
    Place,
    add_names,
    find_twin,
    upsert_place,
)
from geo.gazetteer.tabular import column_index, read_csv

if TYPE_CHECKING:
    from geo.gazetteer.resolve import Resolver

log = logging.getLogger(__name__)

KINDS = ("geonames", "alternatenames", "csv", "boundaries")
MAX_REPORTED = 20
_GEONAMES_COLUMNS = 19
_SKIP_LANGS = {"link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc", "fr_1793", "tcid"}
_BOUNDARY_SUFFIXES = {".geojson", ".json", ".gpkg", ".shp", ".fgb", ".kml"}
ISO_COLUMNS = ("shapeISO", "iso_3166_2", "ISO_3166_2", "iso", "ISO", "ISO_CODE", "HASC_1")
NAME_COLUMNS = ("shapeName", "name", "NAME", "NAME_1", "ADM1_EN", "name_en")
_USABLE_SCRIPTS = ("latn", "uk", "ru", "cyrl")

Progress = Callable[[int, int | None], None]


@dataclass
class ImportReport:
    """What one import did; ``problems`` holds the first few skipped lines with their numbers."""

    kind: str
    source: str
    read: int = 0
    places: int = 0
    names: int = 0
    boundaries: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)

    def skip(self, line: int, why: str, unit: str = "line") -> None:
        """Count a skipped ``line`` (or ``unit``: a CSV's "row", header = row 1, a boundary
        file's "feature") and say why."""
        self.skipped += 1
        if len(self.problems) < MAX_REPORTED:
            self.problems.append(f"{self.source}, {unit} {line}: {why}")
        log.info("%s, %s %d: %s (skipped)", self.source, unit, line, why)

    def line(self) -> str:
        done = {
            "geonames": f"{self.places:,} places, {self.names:,} names",
            "alternatenames": f"{self.names:,} names",
            "csv": f"{self.places:,} places, {self.names:,} names",
            "boundaries": f"{self.boundaries} admin-unit boundaries",
        }[self.kind]
        return (
            f"{self.source}: {self.kind} import, {self.read:,} rows read, {done}, "
            f"{self.skipped} skipped"
        )


def detect_kind(path: Path) -> str:
    """The import kind of ``path`` from its name and first line."""
    suffix = path.suffix.lower()
    if suffix in _BOUNDARY_SUFFIXES:
        return "boundaries"
    if suffix == ".zip" and path.is_file():
        try:
            with zipfile.ZipFile(path) as zf:
                members = [m.lower() for m in zf.namelist()]
        except zipfile.BadZipFile as exc:
            raise GazetteerError(
                f"not a readable zip archive ({exc}); the download may be truncated",
                source=str(path),
            ) from exc
        if any(m.endswith(".shp") for m in members):
            return "boundaries"
        return "alternatenames" if any("alternatename" in m for m in members) else "geonames"
    if "alternatename" in path.name.lower():
        return "alternatenames"
    if suffix == ".csv":
        return "csv"
    if suffix == ".txt":
        return "geonames"
    raise InputError(
        f"cannot tell what kind of file this is; pass --kind ({', '.join(KINDS)})", source=str(path)
    )


def import_file(
    store: GazetteerStore,
    path: str | Path,
    *,
    kind: str | None = None,
    countries: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import one file into ``store`` (kind detected unless given) and return the report."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", source=str(path))
    kind = kind or detect_kind(path)
    if kind == "geonames":
        return import_geonames(store, path, countries=countries, progress=progress)
    if kind == "alternatenames":
        return import_alternate_names(store, path, progress=progress)
    if kind == "csv":
        return import_csv(store, path)
    if kind == "boundaries":
        return import_boundaries(store, path)
    raise InputError(
        f"unknown import kind {kind!r}; expected one of {', '.join(KINDS)}", source=str(path)
    )


# -- GeoNames dumps --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """Lines of a plain or zipped text file, plus its size for progress."""

    path: Path

    def lines(self) -> Iterator[tuple[int, str, int]]:
        """(line number, line, bytes read so far)."""
        try:
            if self.path.suffix.lower() == ".zip":
                with zipfile.ZipFile(self.path) as zf, zf.open(self._member(zf)) as raw:
                    yield from self._read(raw)
            else:
                with self.path.open("rb") as raw:
                    yield from self._read(raw)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise GazetteerError(
                f"truncated or corrupt zip archive ({exc}); nothing was imported",
                source=str(self.path),
            ) from exc

    @staticmethod
    def _read(raw: IO[bytes]) -> Iterator[tuple[int, str, int]]:
        done = 0
        for number, data in enumerate(raw, start=1):
            done += len(data)
            yield number, data.decode("utf-8", errors="replace").rstrip("\r\n"), done

    def size(self) -> int:
        if self.path.suffix.lower() != ".zip":
            return self.path.stat().st_size
        with zipfile.ZipFile(self.path) as zf:
            return zf.getinfo(self._member(zf)).file_size

    def _member(self, zf: zipfile.ZipFile) -> str:
        names = [
            n for n in zf.namelist() if n.lower().endswith(".txt") and "readme" not in n.lower()
        ]
        if not names:
            raise GazetteerError("zip archive holds no .txt data file", source=str(self.path))
        return max(names, key=lambda n: zf.getinfo(n).file_size)


def _open_text(path: Path) -> tuple[_Text, int]:
    text = _Text(path)
    try:
        return text, text.size()
    except zipfile.BadZipFile as exc:
        raise GazetteerError(
            f"not a readable zip archive ({exc}); the download may be truncated", source=str(path)
        ) from exc


def import_geonames(
    store: GazetteerStore,
    path: Path,
    *,
    countries: Iterable[str] | None = None,
    feature_classes: str = "P",
    progress: Progress | None = None,
) -> ImportReport:
    """Import populated places (feature class P) from a GeoNames dump (19 tab-separated columns)."""
    report = ImportReport("geonames", str(path))
    text, size = _open_text(path)
    only = {c.upper() for c in countries} if countries else None
    source = f"geonames:{path.name}"
    admin2_codes = {
        r[0] for r in store.conn.execute("SELECT code FROM admin_units WHERE level = 2")
    }
    with store.write() as conn:
        for number, line, done in text.lines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != _GEONAMES_COLUMNS:
                report.skip(
                    number, f"expected {_GEONAMES_COLUMNS} tab-separated columns, found {len(cols)}"
                )
                continue
            report.read += 1
            if cols[6] not in feature_classes or (only and cols[8].upper() not in only):
                continue
            try:
                place = _geonames_place(cols, source, admin2_codes)
                place = _twin_of(conn, place, [cols[1], cols[2], *cols[3].split(",")])
            except ValueError as exc:
                report.skip(number, str(exc))
                continue
            if place.source.startswith("geonames"):  # not merged into a table settlement
                upsert_place(conn, place)
            report.places += 1
            report.names += _add_geonames_names(
                conn, place, [cols[1], cols[2], *cols[3].split(",")]
            )
            if progress is not None and report.read % 20_000 == 0:
                progress(done, size)
        if report.places == 0 and report.skipped:
            raise GazetteerError(
                f"no usable GeoNames rows ({report.skipped} malformed lines, first: "
                f"{report.problems[0]}); is this a GeoNames dump?",
                source=str(path),
            )
        _record(conn, report)
    if progress is not None:
        progress(size, size)
    return report


def _geonames_place(cols: list[str], source: str, admin2_codes: set[str]) -> Place:
    try:
        gid = int(cols[0])
        lat, lon = float(cols[4]), float(cols[5])
        population = int(cols[14] or 0)
    except ValueError:
        raise ValueError(
            f"bad number in geonameid/latitude/longitude/population "
            f"({cols[0]!r}, {cols[4]!r}, {cols[5]!r}, {cols[14]!r})"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range ({lat}, {lon})")
    name = cols[1].strip()
    if not name:
        raise ValueError("empty name")
    cc = cols[8].strip().upper()
    admin1 = f"{cc}.{cols[10]}" if cols[10] else None
    admin2 = f"{admin1}.{cols[11]}" if admin1 and cols[11] else None
    return Place(
        f"gn:{gid}",
        name,
        "settlement",
        cols[7] or "PPL",
        population,
        cc or None,
        admin1,
        admin2 if admin2 in admin2_codes else None,
        lat,
        lon,
        source,
    )


TWIN_KM = 10.0
"""A GeoNames place this close to a settlement of the Ukrainian tables with a shared name is that
settlement (the default store already has every one; a dump must not add a second)."""


def _twin_of(conn: sqlite3.Connection, place: Place, written: list[str]) -> Place:
    """``place``, or the table settlement it duplicates (then the dump's names, a larger
    population and its GeoNames id go to that settlement)."""
    if place.country not in THEATRE or place.lat is None or place.lon is None:
        return place
    if conn.execute("SELECT 1 FROM places WHERE place_id = ?", (place.place_id,)).fetchone():
        return place  # an upgrade of a place we have under this id
    keys = {name_key(w) for w in written if w.strip()}
    twin_id = find_twin(conn, keys, place.lat, place.lon, TWIN_KM, source="ua:settlements")
    if twin_id is None:
        return place
    gid = place.place_id.removeprefix("gn:")
    conn.execute(
        "UPDATE places SET population = MAX(population, ?) WHERE place_id = ?",
        (place.population, twin_id),
    )
    conn.execute(
        "INSERT OR IGNORE INTO names VALUES (?,?,?,?,?,?,?)",
        (f"geonames:{gid}", twin_id, place.place_id, "latn", "alias", place.source, "GeoNames id"),
    )
    twin = conn.execute(f"SELECT {PLACE_COLUMNS} FROM places p WHERE place_id = ?", (twin_id,))
    return Place(*twin.fetchone())


def _add_geonames_names(conn: sqlite3.Connection, place: Place, written: list[str]) -> int:
    rows = []
    theatre = place.country in THEATRE
    for i, name in enumerate(dict.fromkeys(w.strip() for w in written if w.strip())):
        script = script_of(name)
        if script not in _USABLE_SCRIPTS:
            continue
        base = name_key(name)
        for key in variants(name) if theatre else {base}:
            kind = "official" if i == 0 else ("alternate" if key == base else "transliteration")
            rows.append((key, place.place_id, name, script, kind, place.source, None))
    before = conn.total_changes
    add_names(conn, rows)
    return conn.total_changes - before


def import_alternate_names(
    store: GazetteerStore, path: Path, *, progress: Progress | None = None
) -> ImportReport:
    """Add names from GeoNames ``alternateNamesV2.txt`` to places already in the store
    (``gn:`` ids)."""
    report = ImportReport("alternatenames", str(path))
    text, size = _open_text(path)
    known = {
        int(r[0][3:]): (r[1], r[2], r[0])
        for r in store.conn.execute(
            "SELECT place_id, country, kind FROM places WHERE place_id LIKE 'gn:%'"
        )
    }
    for gn_id, place_id, country, kind in store.conn.execute(  # dump places merged into the tables
        "SELECT n.name, p.place_id, p.country, p.kind FROM names n JOIN places p "
        "ON p.place_id = n.place_id WHERE n.reason = 'GeoNames id'"
    ):
        known[int(gn_id[3:])] = (country, kind, place_id)
    source = f"geonames:{path.name}"
    with store.write() as conn:
        batch: list[tuple] = []
        for number, line, done in text.lines():
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) < 4 or not cols[0].isdigit() or not cols[1].isdigit():
                report.skip(
                    number,
                    f"expected alternateNameId, geonameid, isolanguage, name "
                    f"(tab-separated), found {len(cols)} columns",
                )
                continue
            report.read += 1
            gid = int(cols[1])
            if gid not in known or cols[2] in _SKIP_LANGS or not cols[3].strip():
                continue
            name = cols[3].strip()
            script = script_of(name)
            if script not in _USABLE_SCRIPTS:
                continue
            historic = len(cols) > 7 and cols[7] == "1"
            base = name_key(name)
            keys = variants(name) if known[gid][0] in THEATRE else {base}
            for key in keys:
                kind = (
                    "historical"
                    if historic
                    else ("alternate" if key == base else "transliteration")
                )
                batch.append((key, known[gid][2], name, cols[2] or script, kind, source, None))
            if progress is not None and report.read % 50_000 == 0:
                progress(done, size)
        before = conn.total_changes
        add_names(conn, batch)
        report.names = conn.total_changes - before
        if report.read == 0 and report.skipped:
            raise GazetteerError(
                f"no usable alternate-name rows ({report.skipped} malformed lines)",
                source=str(path),
            )
        _record(conn, report)
    return report


# -- user CSV --------------------------------------------------------------------------------------


def _csv_cell(row: list[str], idx: dict[str, int], column: str) -> str:
    """``column`` of ``row``, stripped; "" when the file has no such column or the row is short."""
    return row[idx[column]].strip() if column in idx and idx[column] < len(row) else ""


def _coordinate_indexes(header: list[str], source: str) -> dict[str, int]:
    """``{"lat": i, "lon": j}``: the columns of the coordinates, spelled as every reader of
    frontline takes them (``lat``/``lon``, ``latitude``/``longitude``, ``Lat``, ``lng`` …; a CSV
    frontline wrote, ``geocode --csv`` output among them, imports as it is), or one line naming
    the columns looked for and those the file has. A ``geocode --csv`` output whose input had
    coordinates gives the geocoder's (``geocoded_latitude``), with a warning naming both."""
    from geo.core.io.events import (  # pandas and GDAL: imported when needed
        coordinate_columns,
        geocoded_said,
    )

    found = coordinate_columns(header, source)
    if said := geocoded_said(found, header):
        log.warning("%s: %s", source, said)
    missing = [field for field in ("latitude", "longitude") if field not in found]
    if missing:
        available = ", ".join(repr(h) for h in header) or "none"
        raise InputError(
            f"no {' or '.join(missing)} column (lat, latitude, lon, lng, longitude, in any "
            f"case); available columns: {available}",
            source=source,
        )
    return {"lat": header.index(found["latitude"]), "lon": header.index(found["longitude"])}


def import_csv(store: GazetteerStore, path: Path) -> ImportReport:
    """Places from a CSV with columns name, lat, lon (or latitude, longitude, in any case) and
    optional admin1, country, aliases (``|``). The ``'`` frontline's CSV writers put before a
    cell that starts like a formula (``'=``, ``'+``, ``'-``, ``'@`` …) is taken off again
    (:func:`geo.core.io.safe.restore_cell`), header too, so a CSV frontline wrote imports with
    the names it holds; any other ``'``
    (``'Ostriv``) is part of the name."""
    report = ImportReport("csv", str(path))
    header, rows, _ = read_csv(path)
    header = [str(restore_cell(cell)) for cell in header]
    rows = [[str(restore_cell(cell)) for cell in row] for row in rows]
    idx = {"name": column_index(header, "name", str(path), "the import format")}
    idx.update(_coordinate_indexes(header, str(path)))
    for optional in ("admin1", "country", "aliases"):
        if optional in [h.lower() for h in header]:
            idx[optional] = column_index(header, optional, str(path), "the import format")
    source = f"user:{path.name}"
    # the admin-hint parser; imported late to avoid a cycle
    from geo.gazetteer.resolve import Resolver

    resolver = Resolver(store)
    with store.write() as conn:
        for number, row in enumerate(rows, start=2):
            if not any(cell.strip() for cell in row):
                continue
            report.read += 1
            get = partial(_csv_cell, row, idx)
            try:
                place = _csv_place(get, resolver, source)
            except _SkippedRow as skipped:
                report.skip(number, str(skipped), "row")
                continue
            upsert_place(conn, place)
            conn.execute(
                "DELETE FROM names WHERE place_id = ? AND source = ?", (place.place_id, source)
            )
            written = [place.name, *filter(None, (a.strip() for a in get("aliases").split("|")))]
            before = conn.total_changes
            add_names(
                conn,
                [
                    (
                        key,
                        place.place_id,
                        w,
                        script_of(w),
                        "official" if i == 0 else "alias",
                        source,
                        f"user import {path.name}, row {number}",
                    )
                    for i, w in enumerate(written)
                    for key in variants(w)
                ],
            )
            report.places += 1
            report.names += conn.total_changes - before
        _record(conn, report)
    return report


class _SkippedRow(Exception):
    """A CSV row that cannot be imported; the message says why."""


def _csv_place(get: Callable[[str], str], resolver: Resolver, source: str) -> Place:
    """The place of one CSV row (``get``: its value in a column), or :class:`_SkippedRow`."""
    name = get("name")
    try:
        lat, lon = float(get("lat")), float(get("lon"))
    except ValueError:
        raise _SkippedRow(f"lat/lon are not numbers ({get('lat')!r}, {get('lon')!r})") from None
    if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise _SkippedRow("empty name" if not name else f"coordinates out of range ({lat}, {lon})")
    country = get("country").upper() or None
    unit = resolver.admin_hint(get("admin1"), country) if get("admin1") else None
    if get("admin1") and unit is None:
        raise _SkippedRow(f"admin1 {get('admin1')!r} matches no admin unit")
    country = country or (unit.country if unit else None)
    admin1 = unit.code if unit is not None and unit.level == 1 else (unit.parent if unit else None)
    place_id = f"user:{country or 'xx'}:{admin1 or '-'}:{name_key(name).replace(' ', '-')}"
    return Place(place_id, name, "settlement", "PPL", 0, country, admin1, None, lat, lon, source)


# -- boundaries ------------------------------------------------------------------------------------


def import_boundaries(store: GazetteerStore, path: Path) -> ImportReport:
    """Attach polygons to admin units (by ISO 3166-2 code, else by name);
    also re-centre the units."""
    import shapely

    report = ImportReport("boundaries", str(path))
    frame, iso_col, name_col = _read_boundaries(path)
    from geo.gazetteer.resolve import Resolver

    resolver = Resolver(store)
    label = f"boundary:{path.name}"
    with store.write() as conn:
        for number, row in enumerate(frame.itertuples(index=False), start=1):
            report.read += 1
            geom = row.geometry
            if geom is None or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
                report.skip(
                    number,
                    f"feature has no polygon geometry ({getattr(geom, 'geom_type', None)})",
                    "feature",
                )
                continue
            iso = str(getattr(row, iso_col) or "") if iso_col else ""
            name = str(getattr(row, name_col) or "") if name_col else ""
            unit = store.admin_unit(iso) if iso else None
            unit = unit or (resolver.admin_hint(name) if name else None)
            if unit is None:
                report.skip(
                    number, f"no admin unit with ISO code {iso!r} or name {name!r}", "feature"
                )
                continue
            geom, why = _usable_boundary(conn, path, number, geom, unit)
            if why:  # said once, in the import's list of what it skipped
                report.skip(number, why, "feature")
                continue
            centre = geom.centroid if geom.contains(geom.centroid) else geom.representative_point()
            conn.execute(
                "UPDATE admin_units SET boundary = ?, source = ? WHERE code = ?",
                (
                    shapely.to_wkb(geom),
                    re.sub(r"\+boundary:.*$", "", _unit_source(conn, unit.code)) + f"+{label}",
                    unit.code,
                ),
            )
            if unit.place_id:
                conn.execute(
                    "UPDATE places SET lat = ?, lon = ?, updated = datetime('now') "
                    "WHERE place_id = ?",
                    (centre.y, centre.x, unit.place_id),
                )
            report.boundaries += 1
        if report.boundaries == 0:
            raise GazetteerError(
                f"no boundary imported ({report.skipped} skipped; first: "
                f"{report.problems[0] if report.problems else 'none'})",
                source=str(path),
            )
        _record(conn, report)
    return report


BOUNDARY_SLACK_KM = 10.0
"""How far outside a boundary its unit's known point may lie: a simplified or coast-cut shape
misses a coastal point by a few km (Odesa's by 1.5 km in geoBoundaries' simplified ADM1)."""


def _usable_boundary(
    conn: sqlite3.Connection, path: Path, number: int, geom: Any, unit: Any
) -> tuple[Any, str]:
    """(the polygon to store, "") or (None, why not). An invalid polygon (a bow-tie ring) is
    repaired with make_valid, with a warning naming the feature; one with no area left, or far
    from the unit's known point (a bow-tie at 0,0 had moved Donetsk Oblast there), is not used,
    and the reason, naming the unit, goes to the import's list of skipped features: the unit
    keeps its shape and point."""
    import shapely

    where = f"{path}, feature {number}"
    if not geom.is_valid:
        reason = shapely.is_valid_reason(geom)
        parts = shapely.get_parts(shapely.make_valid(geom))
        geom = shapely.union_all(parts[shapely.get_type_id(parts) == 3])
        if geom.is_empty or geom.area == 0:
            return None, f"invalid polygon ({reason}) with no area left after repair"
        warnings.warn(f"{where}: repaired an invalid polygon ({reason})", UserWarning, stacklevel=3)
    known = _known_point(conn, unit.place_id)
    if known is not None and not geom.contains(known):
        (lon, lat), _ = shapely.shortest_line(geom, known).coords
        km = haversine_km(known.y, known.x, lat, lon)
        if km > BOUNDARY_SLACK_KM:
            return None, (
                f"the boundary of {unit.name} ({unit.iso or unit.code}) lies {km:,.0f} km from "
                f"the unit's known point ({known.y:.4f}, {known.x:.4f}); not imported"
            )
    return geom, ""


def _known_point(conn: sqlite3.Connection, place_id: str | None) -> Any:
    """The point the gazetteer holds for an admin unit's place (None without one)."""
    import shapely

    if place_id is None:
        return None
    row = conn.execute("SELECT lat, lon FROM places WHERE place_id = ?", (place_id,)).fetchone()
    if row is None or row[0] is None or row[1] is None:
        return None
    return shapely.Point(row[1], row[0])


def _read_boundaries(path: Path) -> tuple[Any, str | None, str | None]:
    """The boundary file as a GeoDataFrame in EPSG:4326, with its ISO-code and name columns
    (either may be None, not both); a :class:`GazetteerError` for a file we cannot use."""
    import pyogrio

    from geo.core.io.vectors import with_declared_crs

    try:
        frame = pyogrio.read_dataframe(path)
    except Exception as exc:  # pyogrio raises DataSourceError / DataLayerError and friends
        raise GazetteerError(f"cannot read boundary file ({exc})", source=str(path)) from exc
    if "geometry" not in frame or frame.geometry.isna().all() or frame.geometry.is_empty.all():
        raise GazetteerError(
            "boundary file has no geometry (expected polygons per admin unit)", source=str(path)
        )
    frame = with_declared_crs(frame, path)
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    iso_col = next((c for c in ISO_COLUMNS if c in frame.columns), None)
    name_col = next((c for c in NAME_COLUMNS if c in frame.columns), None)
    if iso_col is None and name_col is None:
        raise GazetteerError(
            f"no ISO-code or name column to match admin units (looked for "
            f"{', '.join(ISO_COLUMNS + NAME_COLUMNS)}); columns: "
            f"{', '.join(map(str, frame.columns))}",
            source=str(path),
        )
    return frame, iso_col, name_col


def _unit_source(conn: sqlite3.Connection, code: str) -> str:
    return conn.execute("SELECT source FROM admin_units WHERE code = ?", (code,)).fetchone()[0]


def _record(conn: sqlite3.Connection, report: ImportReport) -> None:
    """Provenance: one meta row per imported file (latest import wins)."""
    conn.execute(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        (
            f"import:{report.source}",
            f"{report.line()} at "
            + conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0],
        ),
    )
