"""``frontline events import / check / join`` end to end on the samples."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from geo.cli import main

ROOT = Path(__file__).resolve().parents[1]
ACLED = ROOT / "examples" / "events" / "acled_sample.csv"
VIINA = ROOT / "examples" / "events" / "viina_sample.csv"
STORY = ROOT / "examples" / "sitrep_2023-03-21.txt"


@pytest.fixture(autouse=True)
def _gazetteer(gazetteer_store):
    """Make sure the default gazetteer is built before the CLI opens it."""


def test_check_writes_every_input_row_with_the_verdict(tmp_path, capsys):
    out = tmp_path / "report.csv"
    assert main(["events", "check", str(ACLED), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 31
    assert rows[0]["event_id_cnty"] == "UKR100101" and rows[0]["quality_flag"] == ""
    assert rows[2]["quality_flag"] == "swapped_latlon" and rows[2]["latitude"] == "37.9989"
    assert rows[2]["checked_latitude"].startswith("48.59")
    err = capsys.readouterr().err
    assert (
        "31 rows (acled, utf-8)" in err
        and "swapped_latlon" in err
        and "far_from_named_place" in err
    )


def test_import_writes_geojson_with_original_columns(tmp_path):
    out = tmp_path / "viina.geojson"
    assert main(["events", "import", str(VIINA), "-o", str(out), "-q"]) == 0
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert len(features) == 20
    props = features[0]["properties"]
    assert (
        props["orig_asciiname"] == "Bakhmut"
        and props["place_id"] == "gn:713174"
        and props["quality_flag"] == ""
    )


def test_import_generic_table_with_map_options(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "Ort,Datum,Breite,Laenge\nLyman,2023-03-20,48.9901,37.8084\nSiversk,2023-03-21,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "mine.geojson"
    assert (
        main(
            [
                "events",
                "import",
                str(path),
                "--map",
                "Ort=location",
                "--map",
                "Datum=event_date",
                "--map",
                "Breite=latitude",
                "--map",
                "Laenge=longitude",
                "--country",
                "UA",
                "-o",
                str(out),
                "-q",
            ]
        )
        == 0
    )
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["place_id"] for f in features] == ["gn:704204", "gn:694403"]


def test_unknown_columns_are_one_clear_error(tmp_path, capsys):
    path = tmp_path / "odd.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["events", "import", str(path), "-o", str(tmp_path / "x.geojson")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("frontline: error:") and "expected an ACLED or VIINA table" in err


def test_join_with_the_example_story(tmp_path, capsys):
    if not STORY.is_file():
        pytest.skip(f"example story {STORY} not present yet")
    out, links = tmp_path / "joined.geojson", tmp_path / "links.csv"
    weekly = tmp_path / "weekly.geojson"
    assert (
        main(
            [
                "events",
                "join",
                str(ACLED),
                str(STORY),
                "--published",
                "2023-03-21",
                "-o",
                str(out),
                "--links",
                str(links),
                "--weekly",
                str(weekly),
            ]
        )
        == 0
    )
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    kinds = {f["properties"]["record_kind"] for f in features}
    assert kinds == {"text claim", "event table"}
    assert any(f["properties"]["join_status"] == "contradicted" for f in features)
    assert "contradicts" in links.read_text(encoding="utf-8")
    assert json.loads(weekly.read_text(encoding="utf-8"))["features"]
    assert "links:" in capsys.readouterr().err


def test_join_reads_the_claims_extract_wrote_as_json(tmp_path, capsys):
    """`extract -o claims.json` writes GeoJSON; `join` read it as a text and found 0 claims."""
    claims = tmp_path / "claims.json"
    assert main(["extract", str(STORY), "--published", "2023-03-21", "-o", str(claims)]) == 0
    out = tmp_path / "joined.geojson"
    assert main(["events", "join", str(ACLED), str(claims), "-o", str(out)]) == 0
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    texts = [f for f in features if f["properties"]["record_kind"] == "text claim"]
    assert len(texts) == len(json.loads(claims.read_text(encoding="utf-8"))["features"]) > 5


@pytest.mark.parametrize("name, content", [("missing.txt", None), ("blob.txt", b"\x00\xff" * 600)])
def test_join_says_which_claims_it_cannot_read(tmp_path, capsys, name, content):
    """A missing or binary CLAIMS path stops the join with one line naming it (exit 2, no
    output), as `extract` does; it had written "0 claims" and exited 0."""
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "joined.geojson"
    assert main(["events", "join", str(ACLED), str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no input could be read" in err and name in err
    assert not out.exists()


def test_join_warns_of_an_unreadable_text_beside_readable_ones(tmp_path, capsys):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\xff" * 600)
    out = tmp_path / "joined.geojson"
    args = ["events", "join", str(ACLED), str(folder), "--published", "2023-03-21"]
    assert main([*args, "-o", str(out)]) == 0
    assert "blob.txt: skipped" in capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8"))["features"]


@pytest.mark.parametrize("command", ["import", "check", "join"])
def test_help_teaches_with_an_example(command, capsys):
    assert main(["events", command, "--help"]) == 0
    assert "frontline events " + command in capsys.readouterr().out
