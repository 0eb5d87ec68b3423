"""The committed Ukrainian tables in gazetteer/ (ua_*.csv*): shape, consistency, spot checks.

The tables are derived by scripts/derive_ua_gazetteer.py from ../shared/data/ua-settlements; the
re-run test compares bytes and skips when ../shared is absent.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import math
import re
import sys
from functools import cache
from pathlib import Path

import pytest
from shared_data import BOUNDARIES_ADM1, ua_settlements_dir

from geo.gazetteer.names import name_key, variants
from geo.gazetteer.overlays import strip_region_words

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "gazetteer"
DERIVED = ("ua_settlements.csv.gz", "ua_admin_units.csv", "ua_renames.csv.gz")


def _read(name: str) -> list[dict[str, str]]:
    path = GAZ / name
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def settlements() -> dict[str, dict[str, str]]:
    return {row["katotth"]: row for row in _read("ua_settlements.csv.gz")}


@cache
def admin() -> dict[str, dict[str, str]]:
    return {row["pcode"]: row for row in _read("ua_admin_units.csv")}


@cache
def renames() -> list[dict[str, str]]:
    return _read("ua_renames.csv.gz")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_settlement_table_shape():
    with gzip.open(GAZ / "ua_settlements.csv.gz", "rt", encoding="utf-8") as fh:
        header = fh.readline().strip()
    assert header == "katotth,koatuu,category,name_uk,name_en,name_ru,lat,lon,population,place,adm3"
    rows = _read("ua_settlements.csv.gz")
    assert len(rows) == len(settlements()) == 29_705
    assert all(re.fullmatch(r"UA\d{17}", r["katotth"]) for r in rows)
    assert all(re.fullmatch(r"\d{10}|", r["koatuu"]) for r in rows)
    assert {r["category"] for r in rows} == {"M", "X", "C", "K"}
    assert all(re.fullmatch(r"\d+|", r["population"]) for r in rows)
    assert {r["place"] for r in rows} <= {"city", "town", "village", "hamlet", ""}
    assert sum(bool(r["population"]) for r in rows) > 29_000
    assert (GAZ / "ua_settlements.csv.gz").stat().st_size < 1_200_000


def test_every_settlement_inside_ukraine_with_a_rounded_point():
    for row in settlements().values():
        lat, lon = float(row["lat"]), float(row["lon"])
        assert 44.3 < lat < 52.4 and 22.1 < lon < 40.3, row
        assert len(row["lat"].partition(".")[2]) <= 5 and len(row["lon"].partition(".")[2]) <= 5


def test_admin_units_levels_and_iso():
    units = admin()
    levels = [u["level"] for u in units.values()]
    assert levels.count("1") == 27
    assert levels.count("2") == 139
    assert levels.count("3") == 1775
    iso = {u["pcode"]: u["iso"] for u in units.values() if u["level"] == "1"}
    assert iso["UA14"] == "UA-14" and iso["UA23"] == "UA-23" and iso["UA65"] == "UA-65"
    assert iso["UA44"] == "UA-09" and iso["UA73"] == "UA-77"  # not the OCHA number
    assert iso["UA01"] == "UA-43" and iso["UA80"] == "UA-30" and iso["UA85"] == "UA-40"
    assert len(set(iso.values())) == 27
    assert units["UA14"]["name_uk"] == "Донецька" and units["UA14"]["name_ru"] == "Донецкая"
    assert units["UA1402"]["name_ru"] == "Бахмутский"
    assert units["UA1402001"]["name_ru"] == "Бахмутская"
    assert units["UA23"]["name_ru"] == "Запорожская"
    assert units["UA63"]["name_ru"] == "Харьковская"


def test_admin_units_match_geoboundaries_iso():
    if not BOUNDARIES_ADM1.is_file():
        pytest.skip(f"../shared/data not present: {BOUNDARIES_ADM1}")
    import json

    shapes = json.loads(BOUNDARIES_ADM1.read_text(encoding="utf-8"))["features"]
    assert {u["iso"] for u in admin().values() if u["level"] == "1"} == {
        f["properties"]["shapeISO"] for f in shapes
    }


def test_every_settlement_has_a_parent_chain_to_an_oblast():
    units = admin()
    for row in settlements().values():
        unit, seen = units[row["adm3"]], []
        while unit["parent"]:
            seen.append(unit["level"])
            unit = units[unit["parent"]]
        assert seen + [unit["level"]] == ["3", "2", "1"], row
        assert row["katotth"][:4] == unit["pcode"] or row["katotth"].startswith("UA01")


def test_names_in_every_form():
    for unit in admin().values():
        assert unit["name_en"] and unit["name_uk"]
    named_ru = sum(bool(u["name_ru"]) for u in admin().values())
    assert named_ru > 1_900  # nearly every adjective changes in Russian
    for row in settlements().values():
        for form in filter(None, row["name_ru"].split("|")):
            assert not set(form.lower()) & set("іїєґ’"), (row["name_uk"], form)
            assert form != row["name_uk"]


def test_spot_checks_with_coordinates():
    # katotth: (name_uk, first Russian form, lat, lon, tolerance km): independent figures
    # (Wikipedia/GeoNames town centres), not read back from the table
    expected = {
        "UA14020010010059145": ("Бахмут", "", 48.595, 38.002, 2.0),
        "UA14160010010073615": ("Авдіївка", "Авдеевка", 48.139, 37.748, 3.0),
        "UA14120110010088407": ("Лиман", "", 48.989, 37.802, 2.0),
        "UA14040050010075856": ("Вугледар", "Угледар", 47.780, 37.250, 3.0),
        "UA44120110010072887": ("Сіверськодонецьк", "Северодонецк", 48.948, 38.487, 3.0),
        "UA23100270150025192": ("Роботине", "Работино", 47.446, 35.834, 2.0),
        "UA14160190100077522": ("Ясногорівка", "Ясногоровка", 48.209, 37.728, 2.0),
    }
    for code, (name_uk, name_ru, lat, lon, tolerance) in expected.items():
        row = settlements()[code]
        assert row["name_uk"] == name_uk
        assert row["name_ru"].split("|")[0] == name_ru
        assert _km(float(row["lat"]), float(row["lon"]), lat, lon) < tolerance, row
    assert settlements()["UA14020010010059145"]["population"] == "83146"
    assert settlements()["UA14020010010059145"]["place"] == "town"


def test_stale_english_names_are_old_names_not_current_ones():
    yasno = settlements()["UA14160190100077522"]
    assert yasno["name_en"] == ""  # OCHA still says "Krasnohorivka": that is its old name
    assert sum(bool(r["name_en"]) for r in settlements().values()) < 50
    aidar = [r for r in renames() if r["kind"] == "latin_alias" and r["old_name_en"] == "Novopskov"]
    assert aidar and settlements()[aidar[0]["katotth"]]["name_uk"] == "Айдар"


@pytest.mark.parametrize(
    "code,old_uk,old_ru,current",
    [
        ("UA14020010010059145", "Артемівськ", "Артемовск", "Бахмут"),
        ("UA14020110010025394", "Дзержинськ", "Дзержинск", "Торецьк"),
        ("UA14160210010099403", "Красноармійськ", "Красноармейск", "Покровськ"),
        ("UA14160150010065527", "Димитров", "", "Мирноград"),
        ("UA14160190100077522", "Красногорівка", "Красногоровка", "Ясногорівка"),
        ("UA12020010010037010", "Дніпропетровськ", "Днепропетровск", "Дніпро"),
        ("UA35040210010019355", "Кіровоград", "Кировоград", "Кропивницький"),
    ],
)
def test_famous_renames(code, old_uk, old_ru, current):
    rows = [r for r in renames() if r["katotth"] == code and r["old_name_uk"] == old_uk]
    assert len(rows) == 1, rows
    row = rows[0]
    assert settlements()[code]["name_uk"] == current
    assert row["kind"] == "rename" and row["source"] in ("official", "official-osm-link")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"])
    assert row["old_name_ru"].split("|")[0] == old_ru


def test_krasnohorivka_rename_only_for_the_ocheretyne_village():
    old = {r["katotth"] for r in renames() if r["old_name_uk"] == "Красногорівка"}
    assert "UA14160190100077522" in old
    live = {c for c, r in settlements().items() if r["name_uk"] == "Красногорівка"}
    assert "UA14160130020025938" in live and len(live) == 3  # the town near Marinka keeps it
    assert not old & live


def test_renames_table_shape():
    rows = renames()
    assert list(rows[0]) == [
        "katotth",
        "old_name_uk",
        "old_name_en",
        "old_name_ru",
        "kind",
        "date",
        "source",
    ]
    assert 2_000 < len(rows) < 3_218
    codes = settlements()
    assert all(r["katotth"] in codes for r in rows)
    assert {r["kind"] for r in rows} == {"rename", "spelling", "historical", "latin_alias"}
    assert {r["source"] for r in rows} == {"official", "official-osm-link", "osm", "ocha"}
    for r in rows:
        assert r["old_name_uk"] or r["old_name_en"] or r["old_name_ru"]
        assert name_key(r["old_name_uk"] or r["old_name_en"] or r["old_name_ru"]) != name_key(
            codes[r["katotth"]]["name_uk"]
        )


def _admin_index() -> dict[str, set[str]]:
    """Stem key → P-codes, from every name form of level-1 units and the curated aliases."""
    index: dict[str, set[str]] = {}
    for unit in admin().values():
        if unit["level"] != "1":
            continue
        for name in (unit["name_en"], unit["name_uk"], *unit["name_ru"].split("|")):
            for key in variants(name):
                index.setdefault(strip_region_words(key), set()).add(unit["pcode"])
    for row in _read("ua_admin_aliases.csv"):
        for key in variants(row["name"]):
            index.setdefault(strip_region_words(key), set()).update(row["pcode"].split("|"))
    return index


def test_admin_aliases_are_valid():
    rows = _read("ua_admin_aliases.csv")
    units = admin()
    for row in rows:
        assert row["reason"].strip() and row["lang"].strip(), row
        assert all(units[p]["level"] == "1" for p in row["pcode"].split("|")), row
    covered = {p for row in rows for p in row["pcode"].split("|")}
    assert covered == {p for p, u in units.items() if u["level"] == "1"}


@pytest.mark.parametrize(
    "written,pcode",
    [
        ("Zaporizhia Oblast", "UA23"),
        ("Kharkov Oblast", "UA63"),
        ("Donetzk Oblast", "UA14"),
        ("Tsjernihiv Oblast", "UA74"),
        ("Cherson", "UA65"),
        ("Oblast Mykolajiw", "UA48"),
        ("Zaphorizia Oblast", "UA23"),
        ("Kiyv Oblast", "UA32"),
        ("Donetsk region", "UA14"),
        ("Saporischschja", "UA23"),
        ("Zaporoże", "UA23"),
        ("Ługańsk", "UA44"),
        ("Lugansk", "UA44"),
        ("Dnepropetrovsk", "UA12"),
        ("Kirovograd", "UA35"),
        ("Nikolaev", "UA48"),
        ("Czernihów", "UA74"),
        ("Charkiw", "UA63"),
        ("Donestk", "UA14"),
        ("DPR", "UA14"),
        ("LNR", "UA44"),
        ("Донецкая область", "UA14"),
        ("Луганская", "UA44"),
    ],
)
def test_oblast_spellings_seen_in_data_reach_their_oblast(written, pcode):
    assert pcode in _admin_index().get(strip_region_words(name_key(written)), set())


def test_multi_oblast_hints():
    index = _admin_index()
    assert index["donbas"] == {"UA14", "UA44"} and index["donbass"] == {"UA14", "UA44"}


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "derive_ua_gazetteer", ROOT / "scripts" / "derive_ua_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.shared
def test_rerunning_the_script_gives_the_same_bytes(tmp_path):
    source = ua_settlements_dir()
    report = _load_script().derive(source, tmp_path, BOUNDARIES_ADM1)
    for name in DERIVED:
        assert (tmp_path / name).read_bytes() == (GAZ / name).read_bytes(), name
    assert report.settlements == 29_705
    assert report.kmu_mismatch == 0
    assert report.en_differs == 589
