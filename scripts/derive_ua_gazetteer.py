#!/usr/bin/env python3
"""Derive the committed Ukrainian settlement tables in ``gazetteer/`` from ../shared data.

    .venv/bin/python scripts/derive_ua_gazetteer.py             # rebuild, print a report
    .venv/bin/python scripts/derive_ua_gazetteer.py --source DIR --out DIR --boundaries FILE

Inputs (read-only, see gazetteer/README.md for their provenance and licences):
``ua_settlements.csv.gz`` (KATOTTH 2025 × OCHA COD-AB points), ``ua_osm_places.csv.gz``
(OpenStreetMap population, place type, Russian names in Crimea) and
``ua_settlement_renames.csv.gz`` (classifier diffs and OSM old names), plus the geoBoundaries
ADM1 file to check the ISO 3166-2 codes of the oblasts.

Outputs: ``ua_settlements.csv.gz``, ``ua_admin_units.csv``, ``ua_renames.csv.gz``. The run is
deterministic: the same inputs give the same bytes (rows sorted, gzip with mtime 0 and no file
name). The curated tables ``ru_irregular.csv`` and ``ua_admin_aliases.csv`` are written by hand;
this script only checks that their codes exist.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from geo.gazetteer import russian  # noqa: E402
from geo.gazetteer.names import name_key, script_of  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "ua-settlements"
DEFAULT_BOUNDARIES = (
    ROOT.parent / "shared" / "data" / "boundaries" / "geoBoundaries-UKR-ADM1_simplified.geojson"
)
DEFAULT_OUT = ROOT / "gazetteer"

SETTLEMENT_COLUMNS = (
    "katotth",
    "koatuu",
    "category",
    "name_uk",
    "name_en",
    "name_ru",
    "lat",
    "lon",
    "population",
    "place",
    "adm3",
)
ADMIN_COLUMNS = ("pcode", "level", "parent", "iso", "name_en", "name_uk", "name_ru", "katotth")
RENAME_COLUMNS = ("katotth", "old_name_uk", "old_name_en", "old_name_ru", "kind", "date", "source")

# OCHA/KOATUU first-level codes that are not the ISO 3166-2 number (checked against geoBoundaries).
ISO_EXCEPTIONS = {
    "UA01": "UA-43",
    "UA44": "UA-09",
    "UA73": "UA-77",
    "UA80": "UA-30",
    "UA85": "UA-40",
}
# An OCHA English name this close to the transliteration of the current name is a spelling
# variant (Guliai Pole); further off it is a name the place no longer bears (Novopskov).
SPELLING_VARIANT_RATIO = 75
_APOSTROPHE = re.compile(r"[\u0027\u02BC\u2018\u0060\u00B4]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Report:
    """Figures printed at the end of a run (and checked by the tests)."""

    settlements: int = 0
    admin_units: Counter = field(default_factory=Counter)
    renames: Counter = field(default_factory=Counter)
    en_differs: int = 0
    en_spelling_variant: int = 0
    en_old_recorded: int = 0
    en_old_unrecorded: int = 0
    kmu_mismatch: int = 0
    with_population: int = 0
    with_place: int = 0
    osm_russian: int = 0
    curated_ru: int = 0
    russian_forms: int = 0
    russian_distinct: int = 0
    russian_seconds: float = 0.0
    russian_compile_seconds: float = 0.0
    russian_rules_distinct: int = 0
    iso_checked: int = 0
    sizes: dict[str, int] = field(default_factory=dict)


def read_gz_csv(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def uk_apostrophes(name: str) -> str:
    """Ukrainian names use ’ (U+2019) throughout, as the settlement table does."""
    return _APOSTROPHE.sub("\u2019", name)


def coordinate(value: str) -> str:
    """Decimal degrees rounded to 5 places (about 1 m), trailing zeros dropped."""
    text = f"{float(value):.5f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def write_csv(path: Path, columns: Iterable[str], rows: Iterable[dict[str, str]]) -> None:
    """Write a UTF-8 CSV with \\n line ends; gzip (mtime 0, no name) when the path ends in .gz."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    if path.suffix == ".gz":
        with (
            path.open("wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
        ):
            gz.write(data)
    else:
        path.write_bytes(data)


# --------------------------------------------------------------------------------------------
# OSM enrichment


@dataclass(frozen=True)
class OsmPlace:
    population: str
    place: str
    russian: str


def osm_by_katotth(rows: list[dict[str, str]]) -> dict[str, OsmPlace]:
    """Population, place type and (where OSM ``name`` is a Russian spelling) the Russian name."""
    out = {}
    for row in rows:
        code = row["katotth"]
        if not code:
            continue
        pop = row["population"].strip()
        population = pop if pop.isdigit() else ("0" if pop == "Нежилий" else "")
        name, name_uk = row["name"].strip(), row["name:uk"].strip()
        is_russian = (
            name
            and name != name_uk
            and script_of(name) in ("ru", "cyrl")
            and script_of(name_uk) in ("uk", "cyrl")
        )
        out[code] = OsmPlace(
            str(int(population)) if population else "",
            row["place"],
            name.replace("ё", "е").replace("Ё", "Е") if is_russian else "",
        )
    return out


# --------------------------------------------------------------------------------------------
# Renames


def _split_old_names(name: str, sources: str) -> list[str]:
    if "osm_old_name" in sources and re.search(r"[;,]", name):
        return [n.strip() for n in re.split(r"[;,]", name) if n.strip()]
    return [name.strip()]


def _edition_date(row: dict[str, str]) -> str:
    """The classifier edition that first shows the new name: an upper bound on the rename date.

    KOATUU/KATOTTH diffs give the newer edition's date; the KOATUU 2020 → KATOTTH transition
    table gives 2020-11-26; renames known only from OSM tags have no date.
    """
    new_edition = row["new_edition"].split("|")[0]
    hit = _DATE.search(new_edition) if new_edition.startswith(("KOATUU", "KATOTTH")) else None
    if hit is None and "transition table" in row["old_edition"]:
        hit = _DATE.search(row["old_edition"])
    return hit.group() if hit else ""


def _rename_kind(row: dict[str, str]) -> str:
    if row["change_kind"] == "latin_alias":
        return "latin_alias"
    if row["change_kind"] == "spelling":
        return "spelling"
    return "rename" if row["name_pair_official"] == "yes" else "historical"


def _rename_source(row: dict[str, str]) -> str:
    if row["change_kind"] == "latin_alias":
        return "ocha"
    if row["name_pair_official"] == "yes":
        return "official" if row["link_non_osm"] == "yes" else "official-osm-link"
    return "osm"


def derive_renames(
    rows: list[dict[str, str]], current: dict[str, dict[str, str]], report: Report
) -> tuple[list[dict[str, str]], dict[str, set[str]]]:
    """Old names keyed by KATOTTH, and the name keys of each settlement's old names."""
    out: dict[tuple[str, str, str], dict[str, str]] = {}
    old_keys: dict[str, set[str]] = defaultdict(set)
    ordered = sorted(rows, key=lambda r: (r["change_kind"] == "latin_alias", r["katotth"]))
    for row in ordered:
        code = row["katotth"]
        if not code or code not in current:
            report.renames["skipped_unlinked"] += 1
            continue
        kind, source, date = _rename_kind(row), _rename_source(row), _edition_date(row)
        if kind == "latin_alias":
            continue  # handled with the settlement's English name (derive_settlements)
        for old in _split_old_names(row["old_name_uk"], row["sources"]):
            script = script_of(old)
            record = {
                "katotth": code,
                "old_name_uk": "",
                "old_name_en": "",
                "old_name_ru": "",
                "kind": kind,
                "date": date,
                "source": source,
            }
            if script in ("uk", "cyrl"):
                old = uk_apostrophes(old)
                record["old_name_uk"] = old
                forms = [f for f in russian.russian_forms(old) if f != old]
                record["old_name_ru"] = "|".join(forms)
            elif script == "ru":
                record["old_name_ru"] = old
            elif script == "latn":
                record["old_name_en"] = old
            else:
                report.renames["skipped_script"] += 1
                continue
            key = name_key(old)
            if not key or key == name_key(current[code]["name_uk"]):
                report.renames["skipped_same_as_current"] += 1
                continue
            ident = (code, key, record["old_name_uk"] or record["old_name_ru"])
            if ident in out:
                continue
            out[ident] = record
            old_keys[code].add(key)
    return list(out.values()), old_keys


# --------------------------------------------------------------------------------------------
# Settlements and admin units


def derive_settlements(
    rows: list[dict[str, str]],
    osm: dict[str, OsmPlace],
    old_keys: dict[str, set[str]],
    renames: list[dict[str, str]],
    report: Report,
) -> list[dict[str, str]]:
    out = []
    distinct: set[str] = set()
    for row in rows:
        code, name_uk = row["katotth"], row["name_uk"]
        key_uk = name_key(name_uk)
        if key_uk != name_key(row["name_en_kmu"]):
            report.kmu_mismatch += 1
        name_en = ""
        key_en = name_key(row["name_en"])
        if key_en != key_uk:
            report.en_differs += 1
            if key_en in old_keys.get(code, ()):
                report.en_old_recorded += 1
            elif fuzz.ratio(key_en, key_uk) >= SPELLING_VARIANT_RATIO:
                report.en_spelling_variant += 1
                name_en = row["name_en"]
            else:
                report.en_old_unrecorded += 1
                renames.append(
                    {
                        "katotth": code,
                        "old_name_uk": "",
                        "old_name_en": row["name_en"],
                        "old_name_ru": "",
                        "kind": "latin_alias",
                        "date": "",
                        "source": "ocha",
                    }
                )
        place = osm.get(code)
        forms: list[str] = []
        curated = russian.default_irregulars()
        if code in curated.by_code or russian.normalise(name_uk) in curated.by_name:
            report.curated_ru += 1
            forms.extend(russian.russian_forms(name_uk, code))
        if place and place.russian:
            report.osm_russian += 1
            forms.append(place.russian)
        if not forms or (place and place.russian and len(forms) == 1):
            forms.extend(russian.rule_forms(name_uk))
        forms = [f for i, f in enumerate(forms) if f != name_uk and f not in forms[:i]]
        distinct.update(forms)
        report.russian_forms += len(forms)
        if place and place.population:
            report.with_population += 1
        if place and place.place:
            report.with_place += 1
        out.append(
            {
                "katotth": code,
                "koatuu": row["koatuu"].split(";")[0],
                "category": row["category"],
                "name_uk": name_uk,
                "name_en": name_en,
                "name_ru": "|".join(forms),
                "lat": coordinate(row["lat"]),
                "lon": coordinate(row["lon"]),
                "population": place.population if place else "",
                "place": place.place if place else "",
                "adm3": row["adm3_pcode"],
            }
        )
    report.russian_distinct = len(distinct)
    report.settlements = len(out)
    return sorted(out, key=lambda r: r["katotth"])


def check_iso(rows: list[dict[str, str]], boundaries: Path | None) -> dict[str, str]:
    """ISO 3166-2 per oblast P-code, verified against geoBoundaries when the file is there.

    The OCHA P-code number is the ISO number except for the five in ISO_EXCEPTIONS; each oblast's
    settlements are located in the geoBoundaries ADM1 polygons and the majority ``shapeISO`` must
    agree.
    """
    pcodes = sorted({r["adm1_pcode"] for r in rows})
    iso = {p: ISO_EXCEPTIONS.get(p, f"UA-{p[2:]}") for p in pcodes}
    if boundaries is None or not boundaries.is_file():
        return iso
    import shapely

    shapes = json.loads(boundaries.read_text(encoding="utf-8"))["features"]
    polygons = [shapely.geometry.shape(f["geometry"]) for f in shapes]
    codes = [f["properties"]["shapeISO"] for f in shapes]
    tree = shapely.STRtree(polygons)
    votes: dict[str, Counter] = defaultdict(Counter)
    points = shapely.points([float(r["lon"]) for r in rows], [float(r["lat"]) for r in rows])
    hits = tree.query(points, predicate="within")
    for point_index, polygon_index in zip(*hits, strict=True):
        votes[rows[point_index]["adm1_pcode"]][codes[polygon_index]] += 1
    for pcode in pcodes:
        winner = votes[pcode].most_common(1)[0][0] if votes[pcode] else None
        if winner != iso[pcode]:
            raise SystemExit(
                f"ISO check failed: {pcode} → {iso[pcode]}, geoBoundaries says {winner}"
            )
    return iso


def derive_admin_units(rows: list[dict[str, str]], iso: dict[str, str]) -> list[dict[str, str]]:
    units: dict[str, dict[str, str]] = {}

    def add(pcode: str, level: int, parent: str, name_en: str, name_uk: str, code: str) -> None:
        if pcode in units:
            return
        name_uk = uk_apostrophes(name_uk)
        forms = [f for f in russian.russian_forms(name_uk) if f != name_uk]
        units[pcode] = {
            "pcode": pcode,
            "level": str(level),
            "parent": parent,
            "iso": iso.get(pcode, "") if level == 1 else "",
            "name_en": name_en,
            "name_uk": name_uk,
            "name_ru": "|".join(forms),
            "katotth": code,
        }

    for r in rows:
        add(r["adm1_pcode"], 1, "", r["adm1_en"], r["adm1_uk"], r["katotth_oblast"])
        add(r["adm2_pcode"], 2, r["adm1_pcode"], r["adm2_en"], r["adm2_uk"], r["katotth_raion"])
        add(r["adm3_pcode"], 3, r["adm2_pcode"], r["adm3_en"], r["adm3_uk"], r["katotth_hromada"])
    return sorted(units.values(), key=lambda u: (int(u["level"]), u["pcode"]))


def check_curated(out: Path, admin: list[dict[str, str]], codes: set[str]) -> None:
    """The hand-written tables must point at codes that exist."""
    pcodes = {u["pcode"] for u in admin}
    aliases = out / "ua_admin_aliases.csv"
    if aliases.is_file():
        with aliases.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                unknown = [p for p in row["pcode"].split("|") if p not in pcodes]
                if unknown or not row["reason"].strip():
                    raise SystemExit(f"{aliases}:{line}: unknown pcode {unknown} or no reason")
    irregular = ROOT / "gazetteer" / russian.IRREGULAR_FILE
    if irregular.is_file():
        with irregular.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                if row["katotth"] and row["katotth"] not in codes:
                    raise SystemExit(f"{irregular}:{line}: unknown katotth {row['katotth']}")


def time_russian(names: list[str], report: Report) -> None:
    """Cold-cache timing of the rules alone over every settlement name (a build-step budget)."""
    russian.rule_forms.cache_clear()
    russian.default_rules.cache_clear()
    started = time.perf_counter()
    russian.default_rules()
    compiled = time.perf_counter()
    forms = {form for name in names for form in russian.rule_forms(name)}
    report.russian_compile_seconds = compiled - started
    report.russian_seconds = time.perf_counter() - compiled
    report.russian_rules_distinct = len(forms)


def derive(
    source: Path = DEFAULT_SOURCE,
    out: Path = DEFAULT_OUT,
    boundaries: Path | None = DEFAULT_BOUNDARIES,
) -> Report:
    """Rebuild the three derived tables in ``out``; returns the run's figures."""
    report = Report()
    settlements = read_gz_csv(source / "ua_settlements.csv.gz")
    time_russian([r["name_uk"] for r in settlements], report)
    osm = osm_by_katotth(read_gz_csv(source / "ua_osm_places.csv.gz"))
    current = {r["katotth"]: r for r in settlements}
    renames, old_keys = derive_renames(
        read_gz_csv(source / "ua_settlement_renames.csv.gz"), current, report
    )
    table = derive_settlements(settlements, osm, old_keys, renames, report)
    iso = check_iso(settlements, boundaries)
    report.iso_checked = len(iso) if boundaries is not None and boundaries.is_file() else 0
    admin = derive_admin_units(settlements, iso)
    report.admin_units.update(u["level"] for u in admin)
    renames.sort(
        key=lambda r: (
            r["katotth"],
            r["kind"],
            r["old_name_uk"],
            r["old_name_en"],
            r["old_name_ru"],
        )
    )
    report.renames.update(r["kind"] for r in renames)
    report.renames["total"] = len(renames)
    out.mkdir(parents=True, exist_ok=True)
    outputs = {
        "ua_settlements.csv.gz": (SETTLEMENT_COLUMNS, table),
        "ua_admin_units.csv": (ADMIN_COLUMNS, admin),
        "ua_renames.csv.gz": (RENAME_COLUMNS, renames),
    }
    for name, (columns, rows) in outputs.items():
        write_csv(out / name, columns, rows)
        report.sizes[name] = (out / name).stat().st_size
    check_curated(ROOT / "gazetteer", admin, set(current))
    return report


def _lines(report: Report) -> Iterator[str]:
    yield f"settlements: {report.settlements}"
    yield f"admin units by level: {dict(sorted(report.admin_units.items()))}"
    yield f"renames by kind: {dict(sorted(report.renames.items()))}"
    yield (
        f"OCHA English differs from KMU: {report.en_differs} (old names already in the "
        f"renames: {report.en_old_recorded}; other old names → renames as latin_alias: "
        f"{report.en_old_unrecorded}; spelling variants kept as name_en: "
        f"{report.en_spelling_variant})"
    )
    yield f"name_key(name_uk) != name_key(name_en_kmu): {report.kmu_mismatch}"
    yield f"with OSM population: {report.with_population}, place type: {report.with_place}"
    yield (
        f"Russian forms by the rules alone: {report.russian_rules_distinct} distinct over all "
        f"names, in {report.russian_seconds:.2f} s (+ {report.russian_compile_seconds:.2f} s "
        f"to compile the rules)"
    )
    yield (
        f"Russian forms written: {report.russian_forms} ({report.russian_distinct} distinct; "
        f"forms equal to name_uk left out); curated rows used for {report.curated_ru} "
        f"settlements, OSM Russian names for {report.osm_russian}"
    )
    yield f"ISO codes checked against geoBoundaries: {report.iso_checked}"
    for name, size in report.sizes.items():
        yield f"{name}: {size:,} bytes"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help="folder with the ua-settlements inputs (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="where to write the tables (default: %(default)s)",
    )
    parser.add_argument(
        "--boundaries",
        type=Path,
        default=DEFAULT_BOUNDARIES,
        help="geoBoundaries ADM1 GeoJSON for the ISO check (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    if not (args.source / "ua_settlements.csv.gz").is_file():
        parser.error(f"no ua_settlements.csv.gz in {args.source}")
    report = derive(args.source, args.out, args.boundaries)
    for line in _lines(report):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
