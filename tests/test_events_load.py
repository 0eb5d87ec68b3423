"""Importing event tables: format detection, the record mapping,
and bad input handled row by row."""

from __future__ import annotations

import json
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from geo.core.errors import InputError
from geo.events import load_events
from geo.events.formats import ACLED as ACLED_SPEC
from geo.events.formats import VIINA as VIINA_SPEC
from geo.events.formats import detect_format, parse_map_options
from geo.events.load import parse_date

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "events"
ACLED = EXAMPLES / "acled_sample.csv"
VIINA = EXAMPLES / "viina_sample.csv"


def flags(frame) -> dict[int, str]:
    return {int(r): f for r, f in zip(frame["source_row"], frame["quality_flag"], strict=True) if f}


def test_acled_sample_maps_onto_the_schema_and_keeps_every_column():
    events = load_events(ACLED)
    assert events.attrs["events_format"] == "acled"
    assert len(events) == 31  # the blank row is kept
    row = events.set_index("source_row").loc[2]
    assert row["event_id"] == "UKR100101" and row["event_date"] == "2023-03-20"
    assert row["claimant"] == "General Staff of the Armed Forces of Ukraine; Ukrinform"
    assert row["stance"] == "repelled" and row["orig_admin3"] == "Bakhmutska"
    assert {c for c in events.columns if c.startswith("orig_")} >= {
        "orig_event_id_cnty",
        "orig_notes",
        "orig_fatalities",
    }
    by_row = events.set_index("source_row")
    assert by_row.loc[8, "stance"] == "captured"  # "Russian forces captured … Marinka"
    assert by_row.loc[4, "stance"] == "struck"
    assert by_row.loc[10, "event_date"] == "2023-03-21"  # ISO date among "20 March 2023" dates
    assert by_row.loc[28, "event_date"] == "2023-03-21"  # 21/03/2023
    assert by_row.loc[21, "latitude"] == pytest.approx(47.5676)  # "47,5676"
    assert flags(events) == {
        10: "duplicate_id",
        25: "bad_coordinates",
        26: "duplicate_id",
        27: "missing_date",
        29: "blank_row",
    }


def test_viina_sample_is_detected_with_geonames_ids_and_compact_dates():
    events = load_events(VIINA)
    assert events.attrs["events_format"] == "viina"
    row = events.set_index("source_row").loc[2]
    assert (row["place_id"], row["event_date"], row["geo_precision"]) == (
        "gn:713174",
        "2023-03-20",
        1,
    )
    assert row["source_url"].startswith("https://") and row["claimant"] == "pravdaua"
    assert flags(events) == {19: "bad_date"}
    assert "20231341" in events.set_index("source_row").loc[19, "quality_detail"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("20 March 2023", "2023-03-20"),
        ("2023-03-20", "2023-03-20"),
        ("20230320", "2023-03-20"),
        ("20/03/2023", "2023-03-20"),
        ("20.03.2023", "2023-03-20"),
        ("March 20, 2023", "2023-03-20"),
        ("2023-03-20T14:05:00", "2023-03-20"),
        ("44995", "2023-03-10"),
        ("32/13/2023", None),
        ("", None),
    ],
)
def test_dates_in_mixed_formats(text, expected):
    day = parse_date(text)
    assert (day.isoformat() if day else None) == expected


def test_implausible_dates_are_flagged_on_every_path(tmp_path):
    """A truncated compact date, a year out of 1901–2099 read by any format and a timestamp
    whose time is no time were read as days (2023-03-02, 9999-09-09, 0001-01-01, 2023-03-20)."""
    path = tmp_path / "viina.csv"
    path.write_text(
        "event_id,date,geonameid,asciiname,ADM1_NAME,longitude,latitude,GEO_PRECISION,text,source\n"
        '1,20230320,713174,Bakhmut,Donetska oblast,37.99,48.59,ADM3,"shelled",pravda\n'
        '2,2023032,713174,Bakhmut,Donetska oblast,,,PPL,"short date",pravda\n'
        '3,999999,713174,Bakhmut,Donetska oblast,,,PPL,"six nines",pravda\n'
        '4,0001-01-01,713174,Bakhmut,Donetska oblast,,,PPL,"year 1",pravda\n'
        '5,2023-03-20T25:00,713174,Bakhmut,Donetska oblast,,,PPL,"hour 25",pravda\n',
        encoding="utf-8",
    )
    events = load_events(path).set_index("source_row")
    assert flags(events.reset_index()) == {r: "bad_date" for r in (3, 4, 5, 6)}
    assert events["event_date"].isna().tolist() == [False, True, True, True, True]
    assert "'2023032'" in events.loc[3, "quality_detail"]


def test_a_date_after_today_is_kept_and_flagged(tmp_path):
    """A table records what happened: "2032-03-20" (a typo for 2023) is flagged future_date,
    the row and its date kept; today's and tomorrow's (a time zone ahead) are not."""
    today = date.today()
    path = tmp_path / "viina.csv"
    rows = [
        "2032-03-20",
        today.isoformat(),
        (today + timedelta(days=1)).isoformat(),
        (today + timedelta(days=2)).isoformat(),
    ]
    path.write_text(
        "event_id,date,geonameid,asciiname,ADM1_NAME,longitude,latitude,GEO_PRECISION,text,source\n"
        + "".join(
            f'{i},{d},713174,Bakhmut,Donetska oblast,37.99,48.59,ADM3,"shelled",pravda\n'
            for i, d in enumerate(rows, 1)
        ),
        encoding="utf-8",
    )
    events = load_events(path)
    assert flags(events) == {2: "future_date", 5: "future_date"}
    assert events["event_date"].tolist() == rows
    assert "2032-03-20 is after today" in events.loc[0, "quality_detail"]


@pytest.mark.parametrize(
    "text", ["2023032", "999999", "0001-01-01", "2023-03-20T25:00", "31 December 1899", "99999"]
)
def test_implausible_date_cells_are_no_date(text):
    assert parse_date(text) is None


def test_unknown_columns_name_what_was_expected(tmp_path):
    path = tmp_path / "mystery.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_events(path)
    message = str(err.value)
    assert "'foo', 'bar'" in message and "event_id_cnty" in message and "asciiname" in message
    assert "--map COLUMN=FIELD" in message and str(path) in message


def test_acled_table_missing_a_required_column(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(
        "event_id_cnty,event_date,sub_event_type,location,longitude\n"
        "UKR1,2023-03-20,Armed clash,Bakhmut,38\n"
    )
    with pytest.raises(InputError, match="lacks column\\(s\\) latitude"):
        load_events(path)


@pytest.mark.parametrize(
    ("sample", "header", "renamed"),
    [
        (ACLED, "latitude,longitude", "Lat,Lon"),
        (ACLED, "latitude,longitude", "LATITUDE,LONGITUDE"),
        (VIINA, "longitude,latitude", "lng,lat"),
        (VIINA, "longitude,latitude", "Longitude,Latitude"),
    ],
)
def test_a_known_table_with_coordinates_spelled_otherwise(
    tmp_path, caplog, sample, header, renamed
):
    """An ACLED export whose coordinate columns a spreadsheet renamed ("Lat", "Lon") was "a
    ACLED table that lacks latitude, longitude"; it is read as the original, saying how."""
    text = sample.read_text(encoding="utf-8")
    path = tmp_path / sample.name
    path.write_text(text.replace(header, renamed, 1), encoding="utf-8")
    with caplog.at_level("INFO", logger="geo.events.formats"):
        events = load_events(path)
    original = load_events(sample)
    assert events["latitude"].equals(original["latitude"])
    assert events["longitude"].equals(original["longitude"])
    assert events.attrs["events_format"] == original.attrs["events_format"]
    lat, lon = renamed.split(",") if header.startswith("lat") else renamed.split(",")[::-1]
    assert f"read column {lat!r} as latitude" in caplog.text
    assert f"{lon!r} as longitude" in caplog.text


def test_two_columns_of_one_coordinate_in_an_event_table(tmp_path):
    """A generic table's `lat` beside its `Latitude` (or `x` beside `lon`): the first had been
    taken silently. It is one line naming both, unless --map says which one is meant."""
    path = tmp_path / "sheet.csv"
    path.write_text(
        "event_id,date,location,lat,Latitude,x,lon\n"
        "e1,2023-03-20,Bakhmut,48.5942,48.60,0,37.9989\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        load_events(path)
    assert str(err.value) == (
        f"{path}: columns 'lat' and 'Latitude' could each be the latitude; rename the one meant "
        "to 'latitude' or remove the other"
    )
    with pytest.raises(InputError, match="columns 'x' and 'lon' could each be the longitude"):
        load_events(path, mapping={"Latitude": "latitude"})
    events = load_events(path, mapping={"Latitude": "latitude", "lon": "longitude"})
    assert events["latitude"].tolist() == [48.60] and events["longitude"].tolist() == [37.9989]


@pytest.mark.parametrize(
    ("row", "error"),
    [
        ("UKR1,2023-03-20,Armed clash,Bakhmut,48.59,37.99,extra,more", "row 3: 8 cells where the"),
        ("UKR1,2023-03-20,Armed clash,Bakhmut,48.59,37.99,,", None),
    ],
    ids=["extra-cells", "trailing-delimiters"],
)  # fmt: skip
def test_a_row_longer_than_its_header(tmp_path, row, error):
    """pandas took such a row's first cells for an index and shifted the rest: a date in the
    place's column, flags that named the wrong problem. Empty extra cells are only dropped."""
    path = tmp_path / "acled.csv"
    path.write_text(
        "event_id_cnty,event_date,sub_event_type,location,latitude,longitude\n"
        "UKR0,2023-03-20,Armed clash,Lyman,48.99,37.80\n" + row + "\n"
    )
    if error is not None:
        with pytest.raises(InputError, match=error):
            load_events(path)
        return
    events = load_events(path)
    assert list(events["location"]) == ["Lyman", "Bakhmut"]
    assert list(events["event_date"].astype(str)) == ["2023-03-20", "2023-03-20"]


def test_bad_mapping_options():
    with pytest.raises(InputError, match="COLUMN=FIELD"):
        parse_map_options(["location"])
    with pytest.raises(InputError, match="maps column 'Ort' twice .location, admin1."):
        parse_map_options(["Ort=location", "Ort=admin1"])
    with pytest.raises(InputError, match="maps two columns onto location: 'Ort' and 'Datum'"):
        parse_map_options(["Ort=location", "Datum=location"])
    assert parse_map_options(["Ort=location", " Ort = location"]) == {"Ort": "location"}
    with pytest.raises(InputError, match="unknown field 'town_name'"):
        detect_format(["Ort"], mapping={"Ort": "town_name"})
    with pytest.raises(InputError, match="no column 'Place'"):
        detect_format(["Ort"], mapping={"Place": "location"})


def test_cp1251_csv_with_a_toml_mapping_semicolons_and_decimal_commas(tmp_path):
    text = (
        "Дата;Населений пункт;Область;Широта;Довгота;Опис\n"
        "20.03.2023;Бахмут;Донецька область;48,5942;37,9989;обстріл\n"
        "21.03.2023;Авдіївка;Донецька область;;;бої\n"
        ";;;;;\n"
        "21.03.2023;Лиман;Донецька область;48.99O;37.8084;опечатка\n"
    )
    path = tmp_path / "events_cp1251.csv"
    path.write_bytes(text.encode("cp1251"))
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        'country = "UA"\n[columns]\n"Дата" = "event_date"\n"Населений пункт" = "location"\n'
        '"Область" = "admin1"\n"Широта" = "latitude"\n"Довгота" = "longitude"\n"Опис" = "notes"\n',
        encoding="utf-8",
    )
    events = load_events(path, mapping_file=mapping)
    assert events.attrs["encoding"].replace("_", "").lower() in ("cp1251", "windows1251")
    assert events["location"].tolist()[:2] == ["Бахмут", "Авдіївка"]
    assert events["latitude"].iloc[0] == pytest.approx(48.5942)
    assert events["event_date"].tolist()[:2] == ["2023-03-20", "2023-03-21"]
    assert events["orig_Опис"].iloc[0] == "обстріл"
    assert flags(events) == {4: "blank_row", 5: "bad_coordinates"}
    assert "latitude '48.99O'" in events["quality_detail"].iloc[3]


def test_spreadsheet_formulas_use_cached_values_and_report_missing_ones(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["location", "latitude", "longitude", "date"])
    sheet.append(["Bakhmut", "=48.5942", "=ROUND(37.99886,4)", "2023-03-20"])
    sheet.append(["Lyman", "=48.9901", "=37.8084", "2023-03-21"])
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    # Give the first data row cached values, as a spreadsheet app would on save;
    # leave row 3 uncomputed.
    cached = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(cached, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode()
                xml = xml.replace("<f>48.5942</f><v />", "<f>48.5942</f><v>48.5942</v>")
                xml = xml.replace(
                    "<f>ROUND(37.99886,4)</f><v />", "<f>ROUND(37.99886,4)</f><v>37.9989</v>"
                )
                data = xml.encode()
            dst.writestr(item, data)
    events = load_events(cached)
    assert events["latitude"].iloc[0] == pytest.approx(48.5942)
    assert events["longitude"].iloc[0] == pytest.approx(37.9989)
    assert flags(events) == {3: "uncomputed_formula"}
    assert "latitude: =48.9901" in events["quality_detail"].iloc[1]


def test_json_records(tmp_path):
    path = tmp_path / "events.json"
    path.write_text(
        json.dumps(
            {
                "data": [
                    {
                        "event_id_cnty": "UKR1",
                        "event_date": "2023-03-20",
                        "sub_event_type": "Armed clash",
                        "location": "Bakhmut",
                        "latitude": 48.5942,
                        "longitude": 37.9989,
                        "source": "Ukrinform",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    events = load_events(path)
    assert events.attrs["events_format"] == "acled"
    assert (
        events["latitude"].iloc[0] == pytest.approx(48.5942)
        and events["stance"].iloc[0] == "under attack"
    )


# -- hostile and broken tables (issue 15) -----------------------------------------------------


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _rewrite_member(path: Path, member: str, edit) -> None:
    """Rewrite one member of a zip archive in place (as another tool would have written it)."""
    with zipfile.ZipFile(path) as src:
        items = [(item, src.read(item.filename)) for item in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item, data in items:
            dst.writestr(item, edit(data) if item.filename == member else data)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "header_only.csv",
            "event_id_cnty,event_date,sub_event_type,location,latitude,longitude\n",
        ),
        ("header_only.json", "[]"),
    ],
)
def test_a_table_with_a_header_and_no_rows_is_one_line(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="no rows") as err:
        load_events(path)
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)


def test_a_spreadsheet_with_a_header_and_no_rows_is_one_line(tmp_path):
    path = _xlsx(tmp_path / "empty.xlsx", [["location", "date", "latitude", "longitude"]])
    with pytest.raises(InputError, match="no rows"):
        load_events(path)


def test_duplicate_spreadsheet_headers_are_renamed_with_a_warning(tmp_path, caplog):
    path = _xlsx(
        tmp_path / "dup.xlsx",
        [
            ["location", "date", "location", None, None, "latitude", "longitude"],
            ["Bakhmut", "2023-03-21", "second", "x", "y", "48.59", "38.0"],
        ],
    )
    events = load_events(path)
    assert len(events) == 1 and events["location"].iloc[0] == "Bakhmut"
    assert events["orig_location.1"].iloc[0] == "second"
    assert events["orig_Unnamed: 3"].iloc[0] == "x" and events["orig_Unnamed: 4"].iloc[0] == "y"
    assert f"{path}: column 'location' appears twice; the second is read as 'location.1'" in (
        caplog.text
    )


def test_duplicate_csv_headers_are_reported(tmp_path, caplog):
    path = tmp_path / "dup.csv"
    path.write_text("location,date,location\nBakhmut,2023-03-21,X\n", encoding="utf-8")
    events = load_events(path)
    assert events["orig_location.1"].iloc[0] == "X"
    assert "column 'location' appears twice; the second is read as 'location.1'" in caplog.text


def test_a_spreadsheet_with_a_stale_dimension_record_loses_no_rows(tmp_path):
    rows = [["location", "date", "latitude", "longitude"]] + [
        ["Bakhmut", f"2023-03-{day:02d}", "48.59", "38.0"] for day in range(1, 11)
    ]
    path = _xlsx(tmp_path / "stale.xlsx", rows)
    _rewrite_member(  # the dimension record says A1:C2, as some writers leave it
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b'<dimension ref="A1:D11"', b'<dimension ref="A1:C2"'),
    )
    with zipfile.ZipFile(path) as archive:
        assert b'<dimension ref="A1:C2"' in archive.read("xl/worksheets/sheet1.xml")
    events = load_events(path)
    assert len(events) == 10
    assert events["event_date"].tolist() == [f"2023-03-{day:02d}" for day in range(1, 11)]
    assert events["longitude"].tolist() == [38.0] * 10  # column D, outside the stale record


def _bomb(path: Path, member: str, head: bytes, unit: bytes, size: int, tail: bytes) -> None:
    """A zip whose ``member`` inflates to about ``size`` bytes of ``unit`` repeated."""
    with zipfile.ZipFile(path, "a" if path.exists() else "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(member, "w", force_zip64=True) as out:
            out.write(head)
            chunk = unit * (1_000_000 // len(unit))
            for _ in range(size // len(chunk)):
                out.write(chunk)
            out.write(tail)


def test_a_spreadsheet_zip_bomb_is_refused_before_it_is_read(tmp_path):
    import time

    path = _xlsx(tmp_path / "bomb.xlsx", [["location", "date"], ["Bakhmut", "2023-03-21"]])
    with zipfile.ZipFile(path) as src:
        items = [(i, src.read(i.filename)) for i in src.infolist()]
    path.unlink()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item, data in items:
            if item.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(item, data)
    row = b'<row><c t="inlineStr"><is><t>Bakhmut</t></is></c></row>'
    _bomb(
        path,
        "xl/worksheets/sheet1.xml",
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
        row,
        600_000_000,
        b"</sheetData></worksheet>",
    )
    assert path.stat().st_size < 2_000_000
    started = time.perf_counter()
    with pytest.raises(InputError, match="zip bomb") as err:
        load_events(path)
    assert time.perf_counter() - started < 5
    assert "xl/worksheets/sheet1.xml" in str(err.value)


def test_mixed_encoding_rows_are_decoded_one_by_one_and_flagged(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "location,date,latitude,longitude,notes\n"
        'Бахмут,2023-03-21,48.59,38.0,"бої, два рядки\nтривають"\n'.encode()
        + "Херсон,2023-03-22,46.63,32.6,обстріл\n".encode("cp1251")
        + "Київ,2023-03-23,50.45,30.52,тихо\n".encode()
    )
    events = load_events(path)
    assert events["location"].tolist() == ["Бахмут", "Херсон", "Київ"]
    assert events["quote"].tolist() == ["бої, два рядки\nтривають", "обстріл", "тихо"]
    assert flags(events) == {3: "mixed_encoding"}
    assert (
        "not UTF-8 like the rest of the file; read as cp1251" in (events["quality_detail"].iloc[1])
    )
    assert events.attrs["encoding"] == "utf-8 (1 row cp1251)"


def test_json_tables_nested_too_deeply_or_with_huge_numbers_are_one_line(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        load_events(deep)
    huge = tmp_path / "huge.json"
    huge.write_text('[{"location": "Bakhmut", "fatalities": ' + "9" * 5000 + "}]")
    with pytest.raises(InputError, match="invalid JSON"):
        load_events(huge)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"event_id_cnty": "J3", "event_date": broken',
         "invalid JSON on line 4 (Expecting value at column 39)"),
        ('["J3", "2023-03-20"]', "line 4 is not a JSON object"),
    ],
    ids=["not-json", "not-an-object"],
)  # fmt: skip
def test_a_bad_jsonl_line_is_refused_naming_its_line(tmp_path, bad, message):
    """Each line is parsed alone, so the error said "line 1" whichever line was bad; a bad line
    refuses the table as a malformed CSV row does (its fields are unknown)."""
    good = (
        '{"event_id_cnty": "J%d", "event_date": "2023-03-20", "sub_event_type": "Armed clash", '
        '"location": "Bakhmut", "latitude": 48.59, "longitude": 37.99}'
    )
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join([good % 1, good % 2, "", bad, good % 4]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_events(path)
    assert message in str(err.value) and err.value.source == str(path)


def test_a_spreadsheet_with_xml_entities_is_refused(tmp_path):
    path = _xlsx(tmp_path / "laughs.xlsx", [["location", "date"], ["Bakhmut", "2023-03-21"]])
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    _rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: laughs + xml.split(b"?>", 1)[-1].replace(b"Bakhmut", b"&lol2;"),
    )
    with pytest.raises(InputError, match="cannot read spreadsheet.*Entit") as err:
        load_events(path)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("header", "row", "read", "ignored", "why"),
    [
        ("date,event_date", "2023-01-01,2023-03-20", "event_date", "date", "the field's own name"),
        ("event_date,date", "2023-03-20,2023-01-01", "event_date", "date", "the field's own name"),
        ("Date,DATE", "2023-03-20,2023-01-01", "Date", "DATE", "the first in the file"),
    ],
)  # fmt: skip
def test_two_columns_naming_one_field_in_a_generic_table(
    tmp_path, caplog, header, row, read, ignored, why
):
    """A generic table's `date` beside its `event_date`: the first had been read, silently. The
    field's own name is read, else the more specific name, else the first, and a warning names
    the file and both columns."""
    path = tmp_path / "sheet.csv"
    path.write_text(
        f"id,{header},name,town,lat,lon\ne1,{row},Donetsk Oblast,Bakhmut,48.59,37.99\n",
        encoding="utf-8",
    )
    events = load_events(path)
    assert events["event_date"].tolist() == ["2023-03-20"]
    assert events["location"].tolist() == ["Bakhmut"]
    assert events[f"orig_{ignored}"].tolist() == ["2023-01-01"]  # nothing lost
    named = sorted([read, ignored], key=header.split(",").index)
    assert (
        f"{path}: columns {named[0]!r} and {named[1]!r} both name the field event_date; "
        f"read {read!r} ({why}), ignored {ignored!r} (kept as orig_{ignored}; "
        f"--map '{ignored}=event_date' reads it instead)"
    ) in caplog.text
    assert (
        f"{path}: columns 'name' and 'town' both name the field location; read 'town' "
        "(a more specific name than 'name'), ignored 'name'"
    ) in caplog.text
    mapped = load_events(path, mapping={ignored: "event_date"})
    assert mapped["event_date"].tolist() == ["2023-01-01"]


@pytest.mark.parametrize(
    ("header", "read", "why"),
    [
        ("notes,NOTES", "notes", "ACLED's spelling"),
        ("NOTES,notes", "notes", "ACLED's spelling"),
        ("NOTES,Notes", "NOTES", "the first in the file"),
    ],
)
def test_acled_columns_differing_only_in_case(tmp_path, caplog, header, read, why):
    """An ACLED export with `notes` and `NOTES`: the last had been read, silently. The one
    spelled as ACLED spells it is read, else the first, with a warning naming both, as in a
    generic table."""
    first, second = header.split(",")
    path = tmp_path / "acled.csv"
    path.write_text(
        f"event_id_cnty,event_date,sub_event_type,location,latitude,longitude,{header}\n"
        f"UKR1,2023-03-20,Armed clash,Bakhmut,48.59,37.99,{first} text,{second} text\n",
        encoding="utf-8",
    )
    events = load_events(path)
    ignored = second if read == first else first
    assert events["quote"].tolist() == [f"{read} text"]
    assert events[f"orig_{ignored}"].tolist() == [f"{ignored} text"]
    assert (
        f"{path}: columns {first!r} and {second!r} both name the field notes; read {read!r} "
        f"({why}), ignored {ignored!r} (kept as orig_{ignored}; --map '{ignored}=notes' reads it "
        "instead)"
    ) in caplog.text
    assert load_events(path, mapping={ignored: "notes"})["quote"].tolist() == [f"{ignored} text"]


def test_known_formats_spell_the_columns_they_read():
    for spec in (ACLED_SPEC, VIINA_SPEC):
        assert {c.lower() for c in spec.codebook} == set(spec.columns)


def test_a_known_format_checks_its_mapping_as_a_generic_table_does(tmp_path):
    """`--format acled --map nope=notes` had ended in a KeyError's traceback; a --map of a
    known format is checked as a generic table's is, and a column in another case is found."""
    path = tmp_path / "acled.csv"
    path.write_text(
        "event_id_cnty,event_date,sub_event_type,location,latitude,longitude,Remarks\n"
        "UKR1,2023-03-20,Armed clash,Bakhmut,48.59,37.99,shelled at dawn\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"--map nope=notes: no column 'nope'; columns present"):
        load_events(path, "acled", {"nope": "notes"})
    with pytest.raises(InputError, match="--map Remarks=remarks: unknown field 'remarks'"):
        load_events(path, "acled", {"Remarks": "remarks"})
    events = load_events(path, "acled", {"remarks": "notes"})
    assert events.attrs["events_format"] == "acled"
    assert events["quote"].tolist() == ["shelled at dawn"]
