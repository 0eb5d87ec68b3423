"""Imports end to end: GeoNames dumps (plain and zipped), alternate names, user CSV, boundaries;
idempotency, malformed lines, truncated archives, transactions; the atomic build."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from geo.cli import main
from geo.core.errors import GazetteerError, InputError
from geo.gazetteer import GazetteerStore, Resolver, build_gazetteer
from geo.gazetteer import build as build_module
from geo.gazetteer.importers import detect_kind, import_file
from geo.gazetteer.store import SCHEMA_VERSION, remember_checked

SHARED = Path(__file__).resolve().parents[2] / "shared"
BOUNDARIES = SHARED / "data" / "boundaries" / "geoBoundaries-UKR-ADM1_simplified.geojson"


def geonames_line(
    gid, name, lat, lon, admin1="05", admin2="1402", population=0, alternates="", code="PPL"
):
    """One line of a GeoNames dump: 19 tab-separated columns."""
    ascii_name = name
    return "\t".join(
        [
            str(gid),
            name,
            ascii_name,
            alternates,
            f"{lat}",
            f"{lon}",
            "P",
            code,
            "UA",
            "",
            admin1,
            admin2,
            "",
            "",
            str(population),
            "",
            "150",
            "Europe/Kyiv",
            "2024-03-01",
        ]
    )


# Village coordinates as GeoNames/Wikipedia give them (to about 1 km); ids above cities500's range.
VILLAGES = [
    geonames_line(
        11999001,
        "Bohdanivka",
        48.6353,
        37.8717,
        population=500,
        alternates="Bogdanovka,Богданівка,Богдановка",
    ),
    geonames_line(
        11999002,
        "Klishchiivka",
        48.5331,
        37.9664,
        population=400,
        alternates="Kleshcheevka,Кліщіївка",
    ),
    geonames_line(11999003, "Andriivka", 48.4983, 37.9658, population=300, alternates="Андріївка"),
    geonames_line(
        11999004,
        "Robotyne",
        47.4433,
        35.8378,
        admin1="26",
        admin2="",
        population=480,
        alternates="Rabotino,Роботине,Работино",
    ),
    # an upgrade of a cities500 row (same geonameid): new population, same place
    geonames_line(
        710915,
        "Chasiv Yar",
        48.58768,
        37.83409,
        population=12557,
        alternates="Chasov Yar,Часів Яр",
        code="PPLA3",
    ),
    # a non-populated feature (class H would be a stream): skipped by the P filter
    "\t".join(
        [
            "11999005",
            "Bakhmutka",
            "Bakhmutka",
            "",
            "48.6",
            "38.0",
            "H",
            "STM",
            "UA",
            "",
            "05",
            "",
            "",
            "",
            "0",
            "",
            "100",
            "Europe/Kyiv",
            "2024-03-01",
        ]
    ),
]


@pytest.fixture()
def store(gazetteer_store, tmp_path) -> GazetteerStore:
    """A private copy of the default store, safe to write to."""
    path = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer_store.path, path)
    remember_checked(path)  # a byte copy of the checked default store: no second quick_check
    s = GazetteerStore(path)
    yield s
    s.close()


@pytest.fixture()
def ua_txt(tmp_path) -> Path:
    path = tmp_path / "UA.txt"
    path.write_text("\n".join(VILLAGES) + "\n", encoding="utf-8")
    return path


def counts(store: GazetteerStore) -> tuple[int, int]:
    return (
        store.conn.execute("SELECT COUNT(*) FROM places").fetchone()[0],
        store.conn.execute("SELECT COUNT(*) FROM names").fetchone()[0],
    )


def test_geonames_dump_merges_into_the_settlement_table_and_upgrades_cities500(store, ua_txt):
    """The store has every Ukrainian settlement already: the dump's villages are those
    settlements (a shared name within 10 km), so they gain names, not duplicates."""
    before = counts(store)
    report = import_file(store, ua_txt)
    assert report.kind == "geonames" and report.places == 5 and report.skipped == 0
    after = counts(store)
    assert after[0] == before[0]  # no new place: four villages merged, Chasiv Yar upgraded
    chasiv = store.place("gn:710915")
    assert chasiv.population == 12557 and chasiv.source == "geonames:UA.txt"
    resolver = Resolver(store)
    robotyne = resolver.resolve("Rabotino")  # the dump's alternate name, on the table's village
    assert robotyne.place.place_id == resolver.resolve("Роботине").place.place_id
    assert robotyne.place.place_id.startswith("ua:") and robotyne.place.population == 480
    assert abs(robotyne.place.lat - 47.4462) < 0.01 and abs(robotyne.place.lon - 35.8341) < 0.01
    klishchiivka = resolver.resolve("Kleshcheevka").place
    assert klishchiivka.place_id == "ua:UA14020010120064151"
    assert store.place("gn:11999002") is None and store.place("gn:11999005") is None
    assert store.meta(f"import:{ua_txt}").startswith(f"{ua_txt}: geonames import")


def test_geonames_reimport_is_idempotent(store, ua_txt):
    import_file(store, ua_txt)
    once = counts(store)
    report = import_file(store, ua_txt)
    assert counts(store) == once
    assert report.names == 0 and report.places == 5


def test_geonames_zip_and_country_filter(store, ua_txt, tmp_path):
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(ua_txt, "UA.txt")
        zf.writestr("readme.txt", "GeoNames readme")
    assert detect_kind(archive) == "geonames"
    assert import_file(store, archive, countries=["RU"]).places == 0
    assert import_file(store, archive).places == 5
    assert store.place("gn:710915").source == "geonames:UA.zip"  # the cities500 upgrade
    andriivka = [h.place for h in store.lookup("geonames:11999003")]  # merged into the table's
    assert len(andriivka) == 1 and andriivka[0].place_id.startswith("ua:")


def test_malformed_geonames_lines_are_reported_and_skipped(store, tmp_path):
    path = tmp_path / "UA.txt"
    bad_columns = "11999010\tBrokenivka\t48.1\t37.1"
    bad_number = geonames_line(11999011, "Nanivka", "not-a-number", 37.5)
    bad_range = geonames_line(11999012, "Polivka", 148.0, 37.5)
    path.write_text(
        "\n".join([VILLAGES[0], bad_columns, VILLAGES[1], bad_number, bad_range]) + "\n"
    )
    report = import_file(store, path)
    assert report.places == 2 and report.skipped == 3
    assert report.problems[0] == f"{path}, line 2: expected 19 tab-separated columns, found 4"
    assert "line 4: bad number" in report.problems[1] and "'not-a-number'" in report.problems[1]
    assert "line 5: coordinates out of range" in report.problems[2]
    assert store.lookup("geonames:11999001") and store.place("gn:11999010") is None


def test_file_of_only_malformed_lines_writes_nothing(store, tmp_path):
    path = tmp_path / "UA.txt"
    path.write_text("this is not\ta geonames dump\n" * 5)
    before = counts(store)
    with pytest.raises(GazetteerError, match="no usable GeoNames rows"):
        import_file(store, path)
    assert counts(store) == before


def test_truncated_zip_is_a_clear_error_and_store_untouched(store, tmp_path):
    big = tmp_path / "UA.txt"
    lines = [
        geonames_line(12000000 + i, f"Selo {i}", 48 + i / 1e5, 37.0, population=i)
        for i in range(20_000)
    ]
    big.write_text("\n".join(lines) + "\n")
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(big, "UA.txt")
    data = archive.read_bytes()
    before = counts(store)
    # cut inside the compressed data: the central directory is gone
    (tmp_path / "cut.zip").write_bytes(data[: len(data) // 2])
    with pytest.raises(GazetteerError, match="zip"):
        import_file(store, tmp_path / "cut.zip", kind="geonames")
    # corrupt the middle of the compressed stream but keep the directory: fails mid-import
    mid = len(data) // 2
    (tmp_path / "bad.zip").write_bytes(
        data[:mid] + bytes(b ^ 0xFF for b in data[mid : mid + 64]) + data[mid + 64 :]
    )
    with pytest.raises(GazetteerError, match="truncated or corrupt zip"):
        import_file(store, tmp_path / "bad.zip")
    assert counts(store) == before  # rolled back: not a single row from the half-read archive
    assert store.place("gn:12000000") is None


def test_alternate_names_import(store, ua_txt, tmp_path):
    import_file(store, ua_txt)
    path = tmp_path / "alternateNamesV2.txt"
    path.write_text(
        "\n".join(
            [
                "\t".join(["90000001", "11999002", "ru", "Клещеевка", "", "", "", "", "", ""]),
                "\t".join(
                    [
                        "90000002",
                        "11999002",
                        "link",
                        "https://en.wikipedia.org/wiki/Klishchiivka",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ]
                ),
                "\t".join(
                    ["90000003", "713174", "en", "Artemovsk-on-Bakhmutka", "", "", "", "1", "", ""]
                ),
                "\t".join(["90000004", "99999999999", "en", "Nowhere", "", "", "", "", "", ""]),
                "garbage line",
            ]
        )
        + "\n"
    )
    assert detect_kind(path) == "alternatenames"
    report = import_file(store, path)
    assert report.read == 4 and report.skipped == 1 and "line 5" in report.problems[0]
    resolver = Resolver(store)
    klishchiivka = "ua:UA14020010120064151"  # the dump's 11999002, merged into the table's village
    assert resolver.resolve("Клещеевка").place.place_id == klishchiivka
    assert resolver.resolve("Kleshcheyevka").place.place_id == klishchiivka  # BGN, Russian name
    hit = [h for h in store.lookup("artemovsk on bakhmutka") if h.place.place_id == "gn:713174"]
    assert hit and hit[0].name_kind == "historical"
    assert not store.lookup("https en wikipedia org wiki klishchiivka")
    again = import_file(store, path)
    assert again.names == 0


def test_user_csv_import(store, tmp_path):
    path = tmp_path / "my_places.csv"
    path.write_text(
        "name,lat,lon,admin1,country,aliases\n"
        "Krasnohorivka mine No. 5,48.0021,37.5123,Donetsk Oblast,UA,Mine 5|Shakhta 5\n"
        "Bad row,north,37.5,,UA,\n"
        "Nowhere,48.0,37.0,Atlantis Oblast,UA,\n"
        "Tsentralnyi market,47.0950,37.5450,UA-14,,Central market Mariupol\n",
        encoding="utf-8",
    )
    report = import_file(store, path)
    assert report.kind == "csv" and report.places == 2 and report.skipped == 2
    assert "row 3: lat/lon are not numbers" in report.problems[0]
    assert "Atlantis Oblast" in report.problems[1]
    resolver = Resolver(store)
    res = resolver.resolve("Shakhta 5")
    assert res.place.admin1_code == "UA.05" and abs(res.place.lon - 37.5123) < 1e-6
    assert "user import" in res.reason
    once = counts(store)
    import_file(store, path)
    assert counts(store) == once


def test_user_csv_frontline_wrote_imports_without_the_formula_guard(store, tmp_path):
    """Frontline's CSV writers put a ' before a cell starting with = + - @ (a spreadsheet would
    run it); the import kept it, so a table frontline wrote and the user edited came back with
    "'=Krasnohorivka mine No. 5" and "'-Central market". Only that ' is taken off: a name
    that starts with ' before anything else ('Ostriv) keeps it."""
    import pandas as pd

    from geo.core.io import write_csv

    names = {  # name → aliases
        "=Krasnohorivka mine No. 5": "Mine 5|Shakhta 5",
        "Tsentralnyi market": "-Central market Mariupol|Центральний ринок",
        "'Ostriv": "",
        "@Avdiivka coke plant": "+AKHZ",
        "'=quoted formula": "",
    }
    table = pd.DataFrame(
        {
            "name": list(names),
            "lat": [48.0021, 47.0950, 46.9, 48.1447, 48.3],
            "lon": [37.5123, 37.5450, 32.1, 37.7561, 37.6],
            "country": "UA",
            "aliases": list(names.values()),
        }
    )
    path = write_csv(table, tmp_path / "places.csv")
    written = path.read_text(encoding="utf-8")
    assert "'=Krasnohorivka" in written and "'-Central market" in written
    assert "\n'Ostriv," in written and "''=quoted" in written  # as the writer wrote them
    report = import_file(store, path)
    assert report.places == 5 and report.skipped == 0, report.problems
    rows = store.conn.execute(
        "SELECT name, kind FROM names WHERE source = 'user:places.csv'"
    ).fetchall()
    expected = set(names) | {a for v in names.values() for a in v.split("|") if a}
    assert {name for name, _ in rows} == expected
    assert {name for name, kind in rows if kind == "official"} == set(names)


def test_user_csv_problems_name_the_row_as_other_csv_messages_do(store, tmp_path):
    """A CSV import's skipped rows were "line N" and a malformed CSV "row N" by its line count;
    every other CSV message names the row (header = row 1), and a quoted cell holding a line
    break keeps its record one row."""
    path = tmp_path / "my_places.csv"
    header = "name,lat,lon,admin1,country,aliases\n"
    two_lines = (
        '"Krasnohorivka mine No. 5",48.0021,37.5123,Donetsk Oblast,UA,"Mine 5|\nShakhta 5"\n'
    )
    path.write_text(header + two_lines + "Bad row,north,37.5,,UA,\n", encoding="utf-8")
    report = import_file(store, path)
    assert report.problems == [f"{path}, row 3: lat/lon are not numbers ('north', '37.5')"]
    huge = '"' + "x" * 140_000 + '",48.0,37.0,,UA,\n'
    path.write_text(header + two_lines + huge, encoding="utf-8")
    with pytest.raises(InputError) as err:
        import_file(store, path)
    assert str(err.value) == (
        f"{path}, row 3: malformed CSV (field larger than field limit (131072))"
    )


def test_user_csv_without_required_column(store, tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("name,latitude,elevation\nX,48,37\n")
    with pytest.raises(
        InputError,
        match="no longitude column .*available columns: 'name', 'latitude', 'elevation'",
    ):
        import_file(store, path)


@pytest.mark.parametrize("header", ["name,latitude,longitude", "Name,Latitude,Longitude,Notes",
                                    "name,lat,lng"])  # fmt: skip
def test_user_csv_reads_coordinates_spelled_as_frontline_s_other_readers_do(
    store, tmp_path, header
):
    """A CSV with latitude/longitude (as `geocode --csv` and the records CSV write them) imports
    as it is; it had been refused for want of 'lat'."""
    path = tmp_path / "places.csv"
    extra = ",checked" if header.endswith("Notes") else ""
    path.write_text(f"{header}\nZavitne Kholmove,48.3021,37.9012{extra}\n", encoding="utf-8")
    report = import_file(store, path)
    assert (report.places, report.problems) == (1, [])
    (hit,) = [h for h in store.lookup("zavitne kholmove") if h.place.source.startswith("user")]
    assert (hit.place.lat, hit.place.lon) == (48.3021, 37.9012)


@pytest.mark.skipif(not BOUNDARIES.is_file(), reason=f"needs ../shared data ({BOUNDARIES} absent)")
def test_geoboundaries_attach_by_iso(store):
    report = import_file(store, BOUNDARIES)
    assert report.kind == "boundaries" and report.boundaries == 27 and report.skipped == 0
    wkb, kind = store.admin_geometry("UA.05")
    assert kind == "boundary"
    import shapely

    donetsk = shapely.from_wkb(wkb)
    assert donetsk.contains(shapely.Point(37.9989, 48.5942))  # Bakhmut
    assert not donetsk.contains(shapely.Point(35.1171, 47.8517))  # Zaporizhzhia
    region = Resolver(store).resolve("Donetsk Oblast").place
    assert abs(region.lat - 48.0) < 0.4 and abs(region.lon - 37.8) < 0.5
    assert store.stats()["boundaries"] == 27
    import_file(store, BOUNDARIES)  # idempotent
    assert (
        "+boundary:"
        in store.conn.execute("SELECT source FROM admin_units WHERE code='UA.05'").fetchone()[0]
    )
    assert (
        store.conn.execute("SELECT source FROM admin_units WHERE code='UA.05'")
        .fetchone()[0]
        .count("+boundary:")
        == 1
    )


def test_boundary_match_by_name_and_file_without_geometry(store, tmp_path):
    named = tmp_path / "regions.geojson"
    named.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": "Zaporizhzhia Oblast"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [
                                [[34, 46.5], [37, 46.5], [37, 48.3], [34, 48.3], [34, 46.5]]
                            ],
                        },
                    },
                ],
            }
        )
    )
    assert import_file(store, named).boundaries == 1
    assert store.admin_geometry("UA.26")[1] == "boundary"
    empty = tmp_path / "nogeom.geojson"
    empty.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "properties": {"shapeISO": "UA-14"}, "geometry": None}
                ],
            }
        )
    )
    with pytest.raises(GazetteerError, match="no geometry"):
        import_file(store, empty)


def boundary_file(path: Path, ring: list, crs: dict | None = None) -> Path:
    """A one-feature ADM1 boundary file keyed as geoBoundaries keys Donetsk Oblast."""
    feature = {
        "type": "Feature",
        "properties": {"shapeISO": "UA-14", "shapeName": "Donetsk Oblast"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    doc = {"type": "FeatureCollection", "features": [feature], **({"crs": crs} if crs else {})}
    path.write_text(json.dumps(doc))
    return path


def test_a_bow_tie_boundary_far_from_the_unit_is_not_imported(store, tmp_path, capsys):
    """A self-intersecting ring at (0, 0) had become Donetsk Oblast's shape and moved its point
    to the Gulf of Guinea."""
    import shapely

    before = store.admin_geometry("UA.05")
    bow_tie = boundary_file(tmp_path / "adm1.geojson", [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]])
    with pytest.warns(UserWarning) as said, pytest.raises(GazetteerError, match="no boundary"):
        import_file(store, bow_tie)
    messages = [str(w.message) for w in said]
    # the repair is a warning; the skip is said once, in the import's list (the error below)
    assert messages == [
        f"{bow_tie}, feature 1: repaired an invalid polygon (Self-intersection[0.5 0.5])"
    ]
    assert store.admin_geometry("UA.05") == before
    region = Resolver(store).resolve("Donetsk Oblast").place
    assert abs(region.lat - 48.0) < 0.4 and abs(region.lon - 37.8) < 0.5
    assert main(["gazetteer", "import", str(bow_tie), "--gazetteer", str(store.path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith(
        f"frontline: error: {bow_tie}: no boundary imported (1 skipped; first: {bow_tie}, "
        "feature 1: the boundary of Donetska oblast (UA-14) lies 6,"
    )
    assert sum("lies 6," in line for line in err) == 1 and "Traceback" not in "".join(err)
    assert shapely.from_wkb(store.admin_geometry("UA.05")[0]).equals(shapely.from_wkb(before[0]))


def test_a_bow_tie_boundary_over_its_unit_is_repaired_with_a_warning(store, tmp_path):
    import shapely

    ring = [[36.5, 47.0], [39.0, 49.3], [39.0, 47.0], [36.5, 49.3], [36.5, 47.0]]
    bow_tie = boundary_file(tmp_path / "adm1.geojson", ring)
    with pytest.warns(UserWarning, match=r"feature 1: repaired an invalid polygon \(Self-inter"):
        assert import_file(store, bow_tie).boundaries == 1
    stored = shapely.from_wkb(store.admin_geometry("UA.05")[0])
    assert stored.is_valid and stored.geom_type == "MultiPolygon"
    assert stored.area == pytest.approx(2.5 * 2.3 / 2)  # two triangles, half the box


def test_a_boundary_file_with_an_unknown_crs_member_is_refused(store, tmp_path):
    ring = [[36.5, 47.0], [39.0, 47.0], [39.0, 49.3], [36.5, 49.3], [36.5, 47.0]]
    crs = {"type": "name", "properties": {"name": "EPSG:99999"}}
    path = boundary_file(tmp_path / "adm1.geojson", ring, crs)
    with pytest.raises(InputError, match="crs member names 'EPSG:99999', which is no CRS"):
        import_file(store, path)


def test_import_cli_reports_and_exit_codes(store, ua_txt, tmp_path, capsys):
    assert main(["gazetteer", "import", str(ua_txt), "--gazetteer", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert "geonames import" in out and "5 places" in out
    truncated = tmp_path / "UA.zip"
    truncated.write_bytes(b"PK\x03\x04" + b"\0" * 40)
    assert main(["gazetteer", "import", str(truncated), "--gazetteer", str(store.path)]) == 2
    assert "zip" in capsys.readouterr().err
    assert (
        main(["gazetteer", "import", str(tmp_path / "x.bin"), "--gazetteer", str(store.path)]) == 2
    )
    assert (
        main(
            [
                "gazetteer",
                "import",
                str(ua_txt),
                "--kind",
                "nonsense",
                "--gazetteer",
                str(store.path),
            ]
        )
        == 2
    )


# -- the atomic build ------------------------------------------------------------------------------


def _fake_previous_cache(path: Path) -> bytes:
    store = GazetteerStore(path, create=True)
    store.conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
    store.conn.execute("INSERT INTO meta VALUES ('built', 'previous')")
    store.conn.commit()
    store.close()
    return path.read_bytes()


def test_build_failing_midway_leaves_previous_cache(tmp_path, monkeypatch):
    target = tmp_path / "gazetteer.sqlite"
    previous = _fake_previous_cache(target)

    def crash(*_args, **_kwargs):
        raise KeyboardInterrupt  # the user pressing Ctrl-C half-way

    monkeypatch.setattr(build_module, "_load_countries", crash)
    with pytest.raises(KeyboardInterrupt):
        build_gazetteer(target)
    assert target.read_bytes() == previous
    assert GazetteerStore(target).meta("built") == "previous"
    assert not list(tmp_path.glob("*-building-*"))  # no temp file left behind


def test_build_killed_midway_leaves_previous_cache(tmp_path):
    target = tmp_path / "gazetteer.sqlite"
    previous = _fake_previous_cache(target)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from geo.gazetteer import build_gazetteer; build_gazetteer(sys.argv[1])",
            str(target),
        ]
    )
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob("*-building-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert target.read_bytes() == previous
    assert GazetteerStore(target).meta("built") == "previous"
    assert list(tmp_path.glob("*-building-*"))  # the dead build's temp file …
    build_module._remove_stale_temps(target)
    assert not list(tmp_path.glob("*-building-*"))  # … is cleared by the next build


def test_corrupt_cache_is_a_clear_error(tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError, match="not a usable gazetteer database|schema"):
        GazetteerStore(path)
    conn = sqlite3.connect(tmp_path / "empty.sqlite")
    conn.close()
    with pytest.raises(GazetteerError):
        GazetteerStore(tmp_path / "empty.sqlite")


def test_user_csv_of_geocode_output_imports_the_geocoded_coordinates(store, tmp_path, caplog):
    """A `geocode --csv` output whose input had latitude/longitude holds the geocoder's as
    geocoded_latitude/geocoded_longitude: the input's had been imported. The geocoder's are, as
    the other readers take them, with a warning naming the file and both columns."""
    path = tmp_path / "placed.csv"
    path.write_text(
        "name,latitude,longitude,geocoded_latitude,geocoded_longitude\n"
        "Zavitne Kholmove,50.0,30.0,48.3021,37.9012\n",
        encoding="utf-8",
    )
    with caplog.at_level("WARNING"):
        report = import_file(store, path)
    assert (report.places, report.problems) == (1, [])
    (hit,) = [h for h in store.lookup("zavitne kholmove") if h.place.source.startswith("user")]
    assert (hit.place.lat, hit.place.lon) == (48.3021, 37.9012)
    assert (
        f"{path}: read 'geocoded_latitude' as latitude, 'geocoded_longitude' as longitude "
        "(frontline geocode's results), not the input's 'latitude', 'longitude'"
    ) in caplog.text
