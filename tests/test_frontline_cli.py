"""The ``frontline diff`` and ``frontline control …`` commands, run as a user runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape
from shared_data import DEEPSTATE, SHARED, deepstate  # noqa: F401

import geo.cli
from geo.cli import main


@pytest.fixture(autouse=True)
def only_frontline_commands(monkeypatch):
    """Load only this stage's commands, so other stages' work in progress cannot break these
    tests."""
    monkeypatch.setattr(geo.cli, "_COMMAND_MODULES", ("frontline",))


def assert_rfc7946(path: Path) -> dict:
    text = path.read_text()
    doc = json.loads(text)
    assert "crs" not in doc
    assert not re.search(r"\d\.\d{7,}", text), "coordinates beyond 6 decimals"
    for feature in doc["features"]:
        for polygon in shapely.get_parts(shape(feature["geometry"])):
            if polygon.geom_type == "Polygon":
                assert polygon.exterior.is_ccw
                assert not any(ring.is_ccw for ring in polygon.interiors)
    return doc


def test_diff_prints_summary_and_writes_changes(tmp_path, capsys):
    out = tmp_path / "changes.geojson"
    code = main(
        ["diff", str(deepstate("20250103")), str(deepstate("20250104")), "-o", str(out), "--json"]
    )
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary == {
        "date_a": "2025-01-03",
        "date_b": "2025-01-04",
        "area_a_km2": 111885.56,
        "area_b_km2": 111895.78,
        "gained_km2": 10.71,
        "lost_km2": 0.49,
        "net_km2": 10.22,
    }
    doc = assert_rfc7946(out)
    assert {f["properties"]["change"] for f in doc["features"]} == {"gained", "lost"}


def test_diff_date_options_for_undated_files(tmp_path, capsys):
    a, b = tmp_path / "a.geojson", tmp_path / "b.geojson"
    a.write_text(deepstate("20250103").read_text())
    b.write_text(deepstate("20250104").read_text())
    assert main(["diff", str(a), str(b)]) == 2
    assert "--date" in capsys.readouterr().err
    assert (
        main(["diff", str(a), str(b), "--date-a", "2025-01-03", "--date-b", "2025-01-04", "--json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["net_km2"] == 10.22


def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "layer_20250105.kmz"
    bad.write_text("not a zip")
    assert main(["diff", str(bad), str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("frontline: error:") and "zip" in err


def test_control_summary_writes_table_and_chart(tmp_path, capsys):
    days = ["20250104", "20250102", "20250103"]
    table, chart = tmp_path / "daily.csv", tmp_path / "daily.png"
    code = main(
        [
            "control",
            "summary",
            *[str(deepstate(d)) for d in days],
            "-o",
            str(table),
            "--chart",
            str(chart),
        ]
    )
    assert code == 0
    assert "3 layers, 2025-01-02 to 2025-01-04" in capsys.readouterr().out
    lines = table.read_text().splitlines()
    assert lines[0] == "date,area_km2,gained_km2,lost_km2,net_km2"
    assert lines[3] == "2025-01-04,111895.78,10.71,0.49,10.22"
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_control_line_writes_rfc7946_lines(tmp_path, capsys):
    out = tmp_path / "front.geojson"
    assert main(["control", "line", str(deepstate("20250107")), "-o", str(out)]) == 0
    assert "2025-01-07: frontline 1,156.25 km" in capsys.readouterr().out
    doc = assert_rfc7946(out)
    assert doc["features"][0]["geometry"]["type"] == "MultiLineString"
    assert doc["features"][0]["properties"]["length_km"] == pytest.approx(1156.25)


def test_control_panel_from_csv_files_with_the_seed_claim(tmp_path, capsys):
    settlements = tmp_path / "settlements.csv"
    settlements.write_text(
        "place_id,place_name,latitude,longitude\n"
        "712451,Bakhmut,48.5947,38.0003\n704147,Kurakhove,47.9836,37.2826\n"
    )
    claims = tmp_path / "events.geojson"
    claims.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [38.0003, 48.5947]},
                        "properties": {
                            "place_id": 712451,
                            "event_date": "2023-03-19",
                            "claimant": "Ukraine's military",
                            "stance": "repelled",
                            "quote": "defenders in Bakhmut ... had repelled 69 Russian attacks",
                        },
                    }
                ],
            }
        )
    )
    out = tmp_path / "panel.csv"
    code = main(
        [
            "control",
            "panel",
            str(deepstate("20240801")),
            str(deepstate("20250107")),
            "-s",
            str(settlements),
            "-e",
            str(claims),
            "-o",
            str(out),
        ]
    )
    assert code == 0
    assert (
        "2 settlements, 5 rows (3 inside a control layer, 1 text claims)" in capsys.readouterr().out
    )
    rows = out.read_text().splitlines()
    assert rows[0] == "place_id,place_name,date,source,claimant,status,inside,quote"
    assert rows[1].startswith("712451,Bakhmut,2023-03-19,text,Ukraine's military,repelled,,")
    assert "704147,Kurakhove,2024-08-01,DeepStateMap,DeepStateMap,outside,False," in rows
    assert "704147,Kurakhove,2025-01-07,DeepStateMap,DeepStateMap,occupied,True," in rows


def test_control_panel_settlements_without_coordinates(tmp_path, capsys):
    settlements = tmp_path / "settlements.csv"
    settlements.write_text("place_id,place_name\n712451,Bakhmut\n")
    assert main(["control", "panel", "-s", str(settlements), "-o", str(tmp_path / "p.csv")]) == 2
    assert "longitude and latitude" in capsys.readouterr().err


def test_control_panel_gives_no_verdict_on_settlements_without_usable_coordinates(
    tmp_path, capsys, caplog
):
    """A blank, unreadable or out-of-range point lies in no layer: it was "outside" (inside
    False), a verdict on a place nobody located, with no warning."""
    settlements = tmp_path / "settlements.csv"
    settlements.write_text(
        "place_id,place_name,longitude,latitude\n"
        "712451,Bakhmut,38.0003,48.5947\n"
        "p2,Nowhere,,\n"
        "p3,Bad,abc,48.5\n"
        "p4,Far,37.9,999\n"
        "704508,Kramatorsk,37.5561,48.7231\n"
    )
    out = tmp_path / "panel.csv"
    args = ["control", "panel", str(deepstate("20250107")), "-s", str(settlements), "-o", str(out)]
    assert main(args) == 0
    rows = {r.split(",")[0]: r for r in out.read_text().splitlines()[1:]}
    assert rows["712451"].endswith(",occupied,True,")
    assert rows["704508"].endswith(",outside,False,")
    assert rows["p2"].endswith(",no_coordinates,,") and rows["p3"].endswith(",no_coordinates,,")
    assert rows["p4"].endswith(",invalid_coordinates,,")
    assert "settlements with no coordinates: p2 (Nowhere), p3 (Bad)" in caplog.text
    assert "settlements with invalid coordinates: p4 (Far)" in caplog.text


def test_control_disagree(tmp_path, capsys):
    out = tmp_path / "dispute.geojson"
    code = main(
        [
            "control",
            "disagree",
            str(deepstate("20250103")),
            str(deepstate("20250107")),
            "--claimant-a",
            "A",
            "--claimant-b",
            "B",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    captured = capsys.readouterr()
    printed = captured.out.splitlines()
    assert printed[0].startswith("only A: 0.") and printed[1] == "only B: 40.61 km²"
    doc = assert_rfc7946(out)
    assert {f["properties"]["claimed_by"] for f in doc["features"]} == {"A", "B"}
    assert captured.err == (  # two days apart: a change over time is counted as disputed
        "frontline: warning: layers A (2025-01-03) and B (2025-01-07) are of different dates: "
        "ground that changed hands between them counts as disputed (UserWarning)\n"
    )


def test_control_disagree_of_one_date_says_nothing_of_dates(tmp_path, capsys):
    """Two claimants' layers of one day (the date given, or in the files): no warning."""
    a = _layer(tmp_path / "isw_20250103.geojson", ("2025-01-03", POKROVSK))
    b = _layer(tmp_path / "mod_20250103.geojson", ("2025-01-03", MYRNOHRAD))
    out = tmp_path / "dispute.geojson"
    assert main(["control", "disagree", str(a), str(b), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    other = deepstate("20250107")
    args = ["control", "disagree", str(deepstate("20250103")), str(other), "-o", str(out)]
    assert main([*args, "--date", "2025-01-05"]) == 0
    assert capsys.readouterr().err == ""


def test_control_disagree_tells_two_layers_of_one_source_apart(tmp_path, capsys):
    """Two DeepStateMap layers and no --claimant-a/-b: both sides had been "DeepStateMap",
    printed twice with the sum of both areas, one name in claimed_by and not_by. They are told
    apart by their dates, else (one --date) their file names, else as (A) and (B)."""
    a, b = deepstate("20250103"), deepstate("20250107")
    out = tmp_path / "dispute.geojson"
    cases = [
        ([], ("DeepStateMap 2025-01-03", "DeepStateMap 2025-01-07")),
        (["--date", "2025-01-05"], (f"DeepStateMap ({a.name})", f"DeepStateMap ({b.name})")),
    ]
    for extra, (one, two) in cases:
        assert main(["control", "disagree", str(a), str(b), "-o", str(out), *extra]) == 0
        printed = capsys.readouterr().out.splitlines()
        assert printed[0].startswith(f"only {one}: 0.") and printed[1] == f"only {two}: 40.61 km²"
        sides = {
            (f["properties"]["claimed_by"], f["properties"]["not_by"])
            for f in json.loads(out.read_text())["features"]
        }
        assert sides == {(one, two), (two, one)}
    assert main(["control", "disagree", str(a), str(a), "-o", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == ["only DeepStateMap (A): 0.00 km²", "only DeepStateMap (B): 0.00 km²"]


def _layer(path: Path, *dated: tuple[str, tuple[float, float, float, float]]) -> Path:
    """A hand-drawn control layer: one box per (date property, lon/lat bounds)."""
    features = [
        {
            "type": "Feature",
            "properties": {"date": day, "status": "occupied"},
            "geometry": shapely.geometry.mapping(shapely.box(*bounds)),
        }
        for day, bounds in dated
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


POKROVSK = (37.10, 48.26, 37.22, 48.31)
MYRNOHRAD = (37.23, 48.28, 37.32, 48.33)


def test_a_layer_of_two_dates_is_refused_where_one_date_is_read(tmp_path, capsys):
    """Not merged by diff into one area of no date, nor filed by summary under its first date;
    `control line` draws one line per date as it always did."""
    two = _layer(
        tmp_path / "isw_20250101.geojson", ("2025-01-01", POKROVSK), ("2025-01-02", MYRNOHRAD)
    )
    one = _layer(tmp_path / "isw_20250103.geojson", ("2025-01-03", POKROVSK))
    runs = {
        "diff": ["diff", str(two), str(one)],
        "diff --date-a": ["diff", str(two), str(one), "--date-a", "2025-01-01"],
        "summary": ["control", "summary", str(two), str(one), "-o", str(tmp_path / "d.csv")],
        "disagree": ["control", "disagree", str(one), str(two), "-o", str(tmp_path / "x.json")],
    }
    for name, args in runs.items():
        assert main(args) == 2, name
        captured = capsys.readouterr()
        assert captured.out == "", name
        assert captured.err == (
            f"frontline: error: {two}: the features carry 2 dates (2025-01-01, 2025-01-02); "
            "this reads one layer of one date, so give one file per date\n"
        ), name
    assert not (tmp_path / "d.csv").exists() and not (tmp_path / "x.json").exists()
    lines = tmp_path / "front.geojson"
    assert main(["control", "line", str(two), "-o", str(lines)]) == 0
    dates = [f["properties"]["date"] for f in json.loads(lines.read_text())["features"]]
    assert sorted(dates) == ["2025-01-01", "2025-01-02"]


@pytest.mark.parametrize(
    ("command", "output"),
    [
        (["diff", "{a}", "{b}"], "changes.csv"),
        (["diff", "{a}", "{b}"], "changes.gpkg"),
        (["control", "line", "{a}"], "front.csv"),
        (["control", "disagree", "{a}", "{b}"], "dispute.kml"),
        (["control", "summary", "{a}", "{b}"], "daily.geojson"),
        (["control", "panel", "{a}", "-s", "{s}"], "panel.geojson"),
    ],
)
def test_an_output_named_for_another_format_is_refused_before_any_work(
    tmp_path, capsys, command, output
):
    """`diff -o changes.csv` had written GeoJSON into a file named .csv."""
    a = _layer(tmp_path / "isw_20250102.geojson", ("2025-01-02", POKROVSK))
    b = _layer(tmp_path / "isw_20250103.geojson", ("2025-01-03", MYRNOHRAD))
    s = tmp_path / "settlements.csv"
    s.write_text("place_id,place_name,longitude,latitude\ngn:1,Pokrovsk,37.18,48.28\n")
    out = tmp_path / output
    args = [part.format(a=a, b=b, s=s) for part in command]
    assert main([*args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"frontline: error: {out}: the file name must end in .")
    assert err.count("\n") == 1
    assert not out.exists()


def test_diff_warns_when_b_predates_a_or_shares_its_date(tmp_path, capsys):
    later, earlier = deepstate("20250104"), deepstate("20250103")
    assert main(["diff", str(later), str(earlier), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["net_km2"] == -10.22
    assert captured.err == (
        "frontline: warning: layer B (2025-01-03) predates layer A (2025-01-04): B should be the "
        "later layer; gained and lost are counted from A to B (UserWarning)\n"
    )
    assert main(["diff", str(earlier), str(earlier), "--json"]) == 0
    assert capsys.readouterr().err == (
        "frontline: warning: layers A and B share one date (2025-01-03): the diff is not a "
        "change over time (UserWarning)\n"
    )
    assert main(["diff", str(earlier), str(later), "--json"]) == 0
    assert capsys.readouterr().err == ""


def test_summary_warns_of_two_files_of_one_date(tmp_path, capsys):
    a = _layer(tmp_path / "isw_20250103.geojson", ("2025-01-03", POKROVSK))
    b = _layer(tmp_path / "isw_redrawn_20250103.geojson", ("2025-01-03", MYRNOHRAD))
    assert main(["control", "summary", str(a), str(b), "-o", str(tmp_path / "d.csv")]) == 0
    assert capsys.readouterr().err == (
        f"frontline: warning: {a} and {b} share one date (2025-01-03): the table holds that day "
        "twice (UserWarning)\n"
    )


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (["diff", "{a}", "{b}"], "--date-a"),
        (["diff", "{a}", "{b}"], "--date-b"),
        (["control", "line", "{a}", "-o", "{o}"], "--date"),
        (["control", "disagree", "{a}", "{b}", "-o", "{o}"], "--date"),
    ],
)
def test_a_bad_date_option_is_blamed_on_the_option(tmp_path, capsys, command, option):
    """`--date-a 2025-13-01` had been reported as a fault of layer A's file."""
    a, b = tmp_path / "a.geojson", tmp_path / "b.geojson"
    _layer(a, ("2025-01-02", POKROVSK))
    _layer(b, ("2025-01-03", MYRNOHRAD))
    args = [part.format(a=a, b=b, o=tmp_path / "out.geojson") for part in command]
    assert main([*args, option, "2025-13-01"]) == 2
    assert capsys.readouterr().err == (
        f"frontline: error: {option} must be a date like 2025-01-02, not '2025-13-01'\n"
    )


def test_summary_dates_a_file_as_diff_does(tmp_path, capsys):
    """A file named for one day whose features say another had been filed by summary under the
    name's day and by diff under the features' (the property wins, as in read_control)."""
    early = _layer(tmp_path / "isw_20250110.geojson", ("2025-01-02", POKROVSK))
    late = _layer(tmp_path / "isw_20250105.geojson", ("2025-01-05", MYRNOHRAD))
    out = tmp_path / "d.csv"
    assert main(["control", "summary", str(late), str(early), "-o", str(out)]) == 0
    assert [line.split(",")[0] for line in out.read_text().splitlines()] == [
        "date",
        "2025-01-02",
        "2025-01-05",
    ]
    assert main(["diff", str(early), str(late)]) == 0
    assert "2 layers, 2025-01-02 to 2025-01-05:" in capsys.readouterr().out  # no order warning
