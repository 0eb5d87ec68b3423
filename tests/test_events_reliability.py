"""A fatalities count that is no count (``1e400``, NaN, negative, absurd) is flagged on its row
like bad coordinates are, the value emptied and the row kept, so every output of ``events
import``/``check``/``join`` and ``run --events`` is written; a malformed ``time_precision`` is
none rather than a traceback."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from geo.events import load_events

CLI = [sys.executable, "-m", "geo"]
HEADER = (
    "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
    "country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities"
).split(",")


def _row(event_id: str, fatalities: str, time_precision: str = "1") -> list[str]:
    return [
        event_id, "20 March 2023", "2023", time_precision, "Battles", "Armed clash",
        "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)", "Ukraine",
        "Donetsk", "Bakhmutskyi", "Bakhmut", "48.5942", "37.9989", "1",
        "Ministry of Defence of Russia", "Russian forces attacked near Bakhmut.", fatalities,
    ]  # fmt: skip


def _acled(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def _cli(*args: object) -> subprocess.CompletedProcess:
    done = subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=600)
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.mark.parametrize(
    "cell, why",
    [
        ("1e400", "is infinite"),
        ("-inf", "is infinite"),
        ("nan", "is not a number"),
        ("unknown", "is not a number"),
        ("-4", "is negative"),
        ("2.5", "is not a whole number"),
        ("1e9", "is more than 100,000"),
    ],
)
def test_a_fatalities_cell_that_is_no_count_is_flagged_and_emptied(tmp_path, cell, why):
    table = _acled(tmp_path / "acled.csv", [_row("UKR1", "3"), _row("UKR2", cell)])
    events = load_events(table)
    assert len(events) == 2  # the row is kept
    good, bad = events.iloc[0], events.iloc[1]
    assert good["quantity"] == 3 and good["quantity_unit"] == "fatalities"
    assert good["quality_flag"] == ""
    assert pd.isna(bad["quantity"]) and pd.isna(bad["quantity_unit"])
    assert bad["quality_flag"] == "bad_fatalities"
    assert bad["quality_detail"] == f"fatalities {cell!r} {why}; emptied"
    assert bad["orig_fatalities"] == cell  # the original value stays


def test_zero_blank_and_the_largest_count_are_no_defect(tmp_path):
    table = _acled(
        tmp_path / "acled.csv", [_row("UKR1", "0"), _row("UKR2", ""), _row("UKR3", "100000")]
    )
    events = load_events(table)
    assert events["quality_flag"].tolist() == ["", "", ""]
    assert events["quantity"].tolist()[0] == 0 and events["quantity"].tolist()[2] == 100_000
    assert pd.isna(events["quantity"].iloc[1])


def test_a_time_precision_of_1e400_or_2_5_is_none_not_a_traceback(tmp_path):
    table = _acled(
        tmp_path / "acled.csv",
        [_row("UKR1", "0", "1e400"), _row("UKR2", "0", "2.5"), _row("UKR3", "0", "2")],
    )
    events = load_events(table)
    assert events["time_precision"].tolist() == [1, 1, 2]  # dated rows: to the day


def test_events_import_check_and_join_write_every_output_for_a_1e400_count(tmp_path):
    table = _acled(tmp_path / "fat.csv", [_row("UKR19", "1e400"), _row("UKR20", "2")])
    out = tmp_path / "out"

    done = _cli("events", "import", table, "-o", out / "fat.geojson")
    assert done.returncode == 0, done.stderr
    assert "bad_fatalities         1" in done.stderr
    features = json.loads((out / "fat.geojson").read_text(encoding="utf-8"))["features"]
    props = {f["properties"]["event_id"]: f["properties"] for f in features}
    assert props["UKR19"]["quantity"] is None and props["UKR19"]["quality_flag"] == "bad_fatalities"
    assert props["UKR20"]["quantity"] == 2

    done = _cli("events", "import", table, "-o", out / "fat.csv", "-q")
    assert done.returncode == 0, done.stderr
    written = pd.read_csv(out / "fat.csv")
    assert not np.isinf(written["quantity"]).any()
    assert pd.isna(written["quantity"].iloc[0]) and written["quantity"].iloc[1] == 2

    done = _cli("events", "check", table, "-o", out / "check.csv", "-q")
    assert done.returncode == 0, done.stderr
    report = pd.read_csv(out / "check.csv", keep_default_na=False)
    assert report["check_status"].tolist()[0] == "flagged"
    assert report["quality_flag"].tolist() == ["bad_fatalities", ""]
    assert "fatalities '1e400' is infinite; emptied" in report["quality_detail"].iloc[0]

    story = tmp_path / "sitrep.txt"
    story.write_text(
        "Yesterday Ukrainian forces repelled attacks near Bakhmut.\n", encoding="utf-8"
    )
    done = _cli(
        "events", "join", table, story, "--published", "2023-03-21", "-o", out / "joined.geojson"
    )
    assert done.returncode == 0, done.stderr
    joined = json.loads((out / "joined.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["record_kind"] for f in joined} == {"text claim", "event table"}

    done = _cli("run", story, "--published", "2023-03-21", "--events", table, "-o", out / "run")
    assert done.returncode == 0, done.stderr
    assert ".tmp" not in done.stderr
    assert {p.name for p in (out / "run").iterdir()} >= {
        "map.html",
        "events.geojson",
        "report.html",
    }


def test_columns_differing_only_in_case_are_written_apart_to_a_geopackage(tmp_path, capsys):
    """A table with "notes" and "NOTES" could be written as GeoJSON and CSV but not as a
    GeoPackage (SQLite column names ignore case: "Error adding field 'orig_NOTES'"); the second
    is now written as NOTES_2, with a warning naming both."""
    import pyogrio

    from geo.cli import main

    table = tmp_path / "cols.csv"
    table.write_text(
        "event_id_cnty,event_date,sub_event_type,location,latitude,longitude,notes,NOTES\n"
        "K1,2023-03-20,Armed clash,Bakhmut,48.59,37.99,first note,SECOND NOTE\n",
        encoding="utf-8",
    )
    out = tmp_path / "events.gpkg"
    assert main(["events", "import", str(table), "-o", str(out), "-q"]) == 0
    assert "'orig_NOTES' as 'orig_NOTES_2'" in capsys.readouterr().err
    frame = pyogrio.read_dataframe(out)
    assert frame.loc[0, "orig_notes"] == "first note"
    assert frame.loc[0, "orig_NOTES_2"] == "SECOND NOTE"
