"""``frontline geocode`` and ``frontline gazetteer …``:
output shape, exit codes, batch CSV, errors."""

from __future__ import annotations

import csv
import json

import pytest

from geo.cli import main
from geo.core.distance import haversine_km as km


@pytest.fixture()
def run(gazetteer_store, capsys):
    """Run the CLI in-process against the default store; returns (exit code, stdout, stderr)."""

    def _run(*args: str) -> tuple[int, str, str]:
        code = main(
            [*args[:2], "--gazetteer", str(gazetteer_store.path), *args[2:]]
            if args[0] == "gazetteer"
            else [args[0], "--gazetteer", str(gazetteer_store.path), *args[1:]]
        )
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.mark.parametrize(
    ("args", "place", "resolution"),
    [
        (("Bakhmut",), "Bakhmut (gn:713174)", "exact"),
        (("Avdiivka",), "Avdiyivka (gn:713122)", "alias"),
        (("Lyman", "--admin1", "Donetsk Oblast"), "Lyman (gn:704204)", "context"),
        (("Kherson region",), "Khersonska oblast (adm:UA.08)", "precision 3 (region)"),
        (("Artemivsk",), "Bakhmut (gn:713174)", "alias"),
        (("Бахмут",), "Bakhmut (gn:713174)", "exact"),
    ],
)
def test_geocode_done_when_examples(run, args, place, resolution):
    code, out, err = run("geocode", *args)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith(place)
    assert resolution in lines[1]
    assert len(lines) == 3 and lines[2].strip()  # the one-line reason


def test_geocode_json(run):
    code, out, _ = run("geocode", "Lyman", "--admin1", "UA-14", "--json")
    assert code == 0
    d = json.loads(out)
    assert d["place_id"] == "gn:704204" and d["geo_precision"] == 1 and d["resolution"] == "context"
    assert abs(d["latitude"] - 48.99) < 0.05 and d["candidates"]


def test_geocode_unresolved_exits_1_with_reason(run):
    code, out, _ = run("geocode", "Qwertyuiopgrad")
    assert code == 1
    assert "unresolved" in out and "no place has this name" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("",), "empty place name"),
        (("   ",), "empty place name"),
        (("z" * 10_240,), "limit 200"),
        (("Bakhmut", "--country", "ZZ"), "unknown country code 'ZZ'"),
        ((), "give a place NAME or --csv"),
    ],
)
def test_geocode_bad_input_one_line_exit_2(run, args, message):
    code, out, err = run("geocode", *args)
    assert code == 2
    assert err.count("\n") == 1 and message in err and err.startswith("frontline: error:")


def test_missing_store_tells_how_to_build(tmp_path, capsys):
    code = main(["geocode", "Bakhmut", "--gazetteer", str(tmp_path / "none.sqlite")])
    err = capsys.readouterr().err
    assert code == 2 and "frontline gazetteer build" in err


def test_gazetteer_env_var(gazetteer_store, monkeypatch, capsys):
    monkeypatch.setenv("FRONTLINE_GAZETTEER", str(gazetteer_store.path))
    assert main(["geocode", "Soledar"]) == 0
    assert "Soledar (gn:706757)" in capsys.readouterr().out


def _write_csv(path, rows, encoding="utf-8"):
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh).writerows(rows)


def test_batch_csv_every_row_back(run, tmp_path):
    src, out = tmp_path / "events.csv", tmp_path / "placed.csv"
    _write_csv(
        src,
        [
            ["event_id", "location", "oblast", "cc"],
            ["1", "Bakhmut", "", ""],
            ["2", "Lyman", "Donetsk Oblast", "UA"],
            ["3", "Bohdanivka", "Donetsk Oblast", ""],
            ["4", "Qwertyuiopgrad", "", ""],
            ["5", "", "", ""],
            ["6", "Donetsk", "", "ZZ"],
            ["7", "Kherson region", "", ""],
        ],
    )
    code, stdout, err = run(
        "geocode",
        "--csv",
        str(src),
        "--name-col",
        "location",
        "--admin1-col",
        "oblast",
        "--country-col",
        "cc",
        "-o",
        str(out),
    )
    assert code == 0, err
    assert "7 rows: 4 placed, 3 unresolved" in stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["event_id"] for r in rows] == ["1", "2", "3", "4", "5", "6", "7"]
    by_id = {r["event_id"]: r for r in rows}
    assert by_id["1"]["place_id"] == "gn:713174" and float(by_id["1"]["latitude"]) == pytest.approx(
        48.594, abs=0.05
    )
    assert by_id["2"]["place_id"] == "gn:704204" and by_id["2"]["geo_precision"] == "1"
    # four Bohdanivkas in Donetsk oblast; the table's other rows (Bakhmut, 8 km away) decide
    assert by_id["3"]["resolution"] == "context" and by_id["3"]["geo_precision"] == "1"
    assert "the table's other places" in by_id["3"]["reason"]
    assert km(float(by_id["3"]["latitude"]), float(by_id["3"]["longitude"]), 48.6179, 37.8972) < 1
    assert by_id["4"]["resolution"] == "unresolved" and by_id["4"]["latitude"] == ""
    assert by_id["5"]["reason"] == "empty name"
    assert "unknown country code" in by_id["6"]["reason"]
    assert by_id["7"]["place_id"] == "adm:UA.08"
    for column in (
        "latitude",
        "longitude",
        "place_id",
        "place_name",
        "admin1",
        "country",
        "geo_precision",
        "resolution",
        "confidence",
        "reason",
    ):
        assert column in rows[0]


def test_batch_csv_cp1251(run, tmp_path):
    src, out = tmp_path / "cp1251.csv", tmp_path / "out.csv"
    _write_csv(
        src,
        [
            ["назва", "область"],
            ["Бахмут", "Донецька область"],
            ["Лиман", "Донецька область"],
            ["Авдіївка", ""],
            ["Костянтинівка", "Донецька область"],
            ["Покровськ", ""],
        ],
        encoding="cp1251",
    )
    code, stdout, err = run(
        "geocode",
        "--csv",
        str(src),
        "--name-col",
        "назва",
        "--admin1-col",
        "область",
        "-o",
        str(out),
    )
    assert code == 0, err
    assert "input windows-1251" in stdout or "input cp1251" in stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["place_id"] for r in rows] == [
        "gn:713174",
        "gn:704204",
        "gn:713122",
        "gn:705104",
        "gn:704422",
    ]
    assert rows[0]["назва"] == "Бахмут"


def test_batch_csv_read_back_keeps_its_cells_and_the_input_admin1(run, tmp_path):
    """Geocoding its own output again (a table placed in steps) had added a ``'`` to every cell
    the formula guard marks, once more each pass (``'=…`` → ``''=…``), and the gazetteer's
    oblast had overwritten the input's ``admin1`` hints. The mark is taken off on reading, the
    input's columns keep their values and the results the input has a column of are written as
    ``geocoded_<name>``."""
    src = tmp_path / "acled.csv"
    _write_csv(
        src,
        [
            ["event_id", "location", "admin1", "notes"],
            ["UKR1", "Bakhmut", "Donetsk", '=HYPERLINK("http://x")'],
            ["UKR2", "Lyman", "Donetsk", "-shelling reported"],
        ],
    )
    passes = [src, tmp_path / "pass1.csv", tmp_path / "pass2.csv"]
    said = []
    for before, after in zip(passes, passes[1:], strict=False):
        args = ("--csv", str(before), "--name-col", "location", "--admin1-col", "admin1")
        code, stdout, err = run("geocode", *args, "-o", str(after))
        assert code == 0, err
        said.append(stdout)
    assert "; the input's admin1 kept, the results as geocoded_admin1 -> " in said[0]
    first = list(csv.DictReader(passes[1].open(encoding="utf-8")))
    last = list(csv.DictReader(passes[2].open(encoding="utf-8")))
    for rows in (first, last):
        assert [r["notes"] for r in rows] == ['\'=HYPERLINK("http://x")', "'-shelling reported"]
        assert [r["admin1"] for r in rows] == ["Donetsk", "Donetsk"]
    assert [r["geocoded_admin1"] for r in first] == ["Donetska oblast"] * 2
    assert [r["place_id"] for r in first] == ["gn:713174", "gn:704204"]
    # the second pass keeps the first's results and adds its own beside them
    assert [r["place_id"] for r in last] == [r["geocoded_place_id"] for r in last]
    assert [r["geocoded_admin1_2"] for r in last] == ["Donetska oblast"] * 2


def test_batch_csv_row_wider_than_its_header_is_one_line(run, tmp_path):
    """A row with a filled cell past the header's width had that cell written over by the
    first result column; it is refused, naming the row."""
    src = tmp_path / "e.csv"
    src.write_text("id,place\n1,Bakhmut\n2,Lyman,Donetsk\n", encoding="utf-8")
    code, _, err = run(
        "geocode", "--csv", str(src), "--name-col", "place", "-o", str(tmp_path / "o.csv")
    )
    assert code == 2
    assert err.strip() == (
        f"frontline: error: {src}, row 3: 3 cells where the header has 2; quote a cell that "
        "holds the delimiter"
    )
    assert not (tmp_path / "o.csv").exists()


def test_batch_csv_missing_column_lists_available(run, tmp_path):
    src = tmp_path / "events.csv"
    _write_csv(src, [["id", "place", "oblast"], ["1", "Bakhmut", ""]])
    code, _, err = run(
        "geocode", "--csv", str(src), "--name-col", "location", "-o", str(tmp_path / "o.csv")
    )
    assert code == 2
    assert "no column 'location'" in err and "'id', 'place', 'oblast'" in err and str(src) in err


def test_batch_csv_needs_output(run, tmp_path):
    src = tmp_path / "e.csv"
    _write_csv(src, [["place"], ["Bakhmut"]])
    code, _, err = run("geocode", "--csv", str(src), "--name-col", "place")
    assert code == 2 and "-o OUT.csv" in err


def test_gazetteer_stats(run):
    code, out, _ = run("gazetteer", "stats", "--json")
    assert code == 0
    stats = json.loads(out)
    assert stats["places"] > 200_000 and stats["admin_units"] > 3_000
    assert stats["places_by_source"]["geonames:cities500"] > 200_000


def test_gazetteer_lookup_shows_provenance(run):
    code, out, _ = run("gazetteer", "lookup", "Artemovsk", "--names")
    assert code == 0
    assert "gn:713174" in out and "overlay:aliases.csv" in out
    assert "Soviet-era" in out  # the overlay's reason
    assert (
        "gn:1511369" in out and "Krasnoyarskiy kray, RU" in out
    )  # the Siberian namesake, listed too


def test_gazetteer_lookup_unknown(run):
    code, out, _ = run("gazetteer", "lookup", "Qwertyuiopgrad")
    assert code == 1 and "no place has the name" in out


def test_help_texts_teach_with_examples(capsys):
    for args in (
        ["geocode"],
        ["gazetteer", "build"],
        ["gazetteer", "import"],
        ["gazetteer", "stats"],
        ["gazetteer", "lookup"],
    ):
        assert main([*args, "--help"]) == 0
        assert "Example" in capsys.readouterr().out


def test_geocode_output_read_again_gives_the_geocoded_places(run, tmp_path, caplog):
    """`geocode --csv` over a table that had latitude/longitude writes its results as
    geocoded_latitude/geocoded_longitude; mapped or imported again, the input's coordinates had
    been read, under the geocoder's place name, precision and resolution. Every reader takes the
    geocoder's (the latest pass's), keeps the input's, and says so naming the file, the columns
    and the rows the geocoder left unplaced."""
    from geo.core.io import read_events, read_features
    from geo.events import load_events

    src, placed = tmp_path / "sheet.csv", tmp_path / "placed.csv"
    _write_csv(
        src,
        [
            ["id", "location", "latitude", "longitude", "place_name"],
            ["1", "Lyman", "50.0", "30.0", "somewhere"],
            ["2", "Qwertyuiopgrad", "49.0", "31.0", ""],
            ["3", "Bakhmut", "", "", ""],
        ],
    )
    code, _, err = run("geocode", "--csv", str(src), "--name-col", "location", "-o", str(placed))
    assert code == 0, err
    lyman, bakhmut = (48.99012, 37.80843), (48.59419, 37.99886)
    with caplog.at_level("WARNING"):
        events = read_events(placed)
    assert list(zip(events["latitude"], events["longitude"], strict=True))[::2] == [lyman, bakhmut]
    assert events["geometry"].iloc[1] is None and events["resolution"].iloc[1] == "unresolved"
    assert events["place_name"].fillna("").tolist() == ["Lyman", "", "Bakhmut"]
    features = read_features(placed)
    assert features["input_latitude"].tolist() == ["50.0", "49.0", None]
    assert features["input_place_name"].tolist() == ["somewhere", None, None]
    assert (
        f"{placed}: read frontline geocode's results 'geocoded_latitude' as latitude, "
        "'geocoded_longitude' as longitude, 'geocoded_place_name' as place_name, not the input's "
        "'latitude' (kept as 'input_latitude'), 'longitude' (kept as 'input_longitude'), "
        "'place_name' (kept as 'input_place_name'); row 3: the input's coordinates but none from "
        "the geocoder, not drawn"
    ) in caplog.text

    caplog.clear()
    with caplog.at_level("WARNING"):
        imported = load_events(placed)
    assert list(zip(imported["latitude"], imported["longitude"], strict=True))[::2] == [
        lyman,
        bakhmut,
    ]
    assert imported["orig_latitude"].tolist() == ["50.0", "49.0", ""]
    assert (
        f"{placed}: read 'geocoded_latitude' as latitude, 'geocoded_longitude' as longitude "
        "(frontline geocode's results), not the input's 'latitude', 'longitude' (kept as "
        "orig_latitude, orig_longitude; --map latitude=latitude --map longitude=longitude "
        "reads them)"
    ) in caplog.text

    # a second pass (a table placed in steps): its results, geocoded_latitude_2, are read
    again = tmp_path / "again.csv"
    code, _, err = run("geocode", "--csv", str(placed), "--name-col", "location", "-o", str(again))
    assert code == 0, err
    with caplog.at_level("WARNING"):
        events = read_events(again)
    assert "'geocoded_latitude_2' as latitude" in caplog.text
    assert list(zip(events["latitude"], events["longitude"], strict=True))[::2] == [lyman, bakhmut]
