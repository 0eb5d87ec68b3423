"""End to end from text to records: the seed story, the bundled sitrep, and the CLI contract."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from geo.core.schema import EVENT_COLUMNS
from geo.extract import ExtractStats, extract_frame

ROOT = Path(__file__).resolve().parents[1]
SITREP = ROOT / "examples" / "sitrep_2023-03-21.txt"
CLI = [sys.executable, "-m", "geo"]


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def seed(shared_dir, extractor):
    return extract_frame(
        [shared_dir / "seeds" / "000_ce6ce7db5390928b.txt"], date(2023, 3, 21), extractor=extractor
    )


@pytest.fixture(scope="module")
def sitrep(extractor):
    return extract_frame([SITREP], date(2023, 3, 21), extractor=extractor)


def rows(frame, location, **where):
    sel = frame[frame["location"] == location]
    for key, value in where.items():
        sel = sel[sel[key] == value]
    return sel


# -- the seed story (acceptance case) ------------------------------------------------------------


@pytest.mark.parametrize(
    "name, lat, lon",
    [
        ("Bakhmut", 48.59419, 37.99886),  # GeoNames 713174
        ("Lyman", 48.99012, 37.80843),  # GeoNames 704204
        ("Avdiivka", 48.14019, 37.75008),  # GeoNames 713122
    ],
)
def test_seed_towns_within_2_km(seed, name, lat, lon):
    hits = rows(seed, name)
    assert len(hits)
    for _, r in hits.iterrows():
        assert km(r.latitude, r.longitude, lat, lon) < 2.0


@pytest.mark.parametrize(
    "name, country, lat, lon",
    [
        ("London", "GB", 51.50853, -0.12574),  # "Justice ministers ... gathered in London"
        ("Brussels", "BE", 50.85045, 4.34878),  # "European Union countries agreed in Brussels"
    ],
)
def test_seed_meetings_are_in_the_capitals_not_their_namesakes(seed, name, country, lat, lon):
    hits = rows(seed, name)
    assert len(hits)
    for _, r in hits.iterrows():
        assert r.country == country and km(r.latitude, r.longitude, lat, lon) < 5.0


def test_seed_villages_near_bakhmut_or_honestly_at_region_level(seed):
    """Donetsk oblast has several Bohdanivkas and Hryhorivkas (50 of each in Ukraine): the ones
    beside Bakhmut, Ivanivske and Lyman in the same enumeration are meant (points: the settlement
    table, KATOTTH UA14020130020016018 and UA14020130030056885)."""
    bakhmut = (48.59419, 37.99886)
    expected = {
        "Ivanivske": (48.5751, 37.9204),
        "Bohdanivka": (48.6179, 37.8972),
        "Hryhorivka": (48.6393, 37.8586),
    }
    for name, point in expected.items():
        r = rows(seed, name).iloc[0]
        assert int(r.geo_precision) == 1 and r.admin1 == "Donetska oblast", r.resolution_reason
        assert (
            km(r.latitude, r.longitude, *point) < 2 and km(r.latitude, r.longitude, *bakhmut) < 15
        )


def test_seed_region_claims_and_attribution(seed):
    for name, place in (("Kherson", "adm:UA.08"), ("Zaporizhzhia", "adm:UA.26")):
        r = rows(seed, name).iloc[0]
        assert (r.place_id, r.geo_precision, r.claimant, r.stance) == (
            place,
            3,
            "Ukrainian military",
            "on the defensive",
        )
    repelled = rows(seed, "Bakhmut", stance="repelled").iloc[0]
    assert (repelled.claimant, repelled.quantity, repelled.quantity_unit, repelled.event_date) == (
        "Ukrainian military",
        "69",
        "attacks",
        "2023-03-20",
    )
    west = rows(seed, "Bakhmut", direction="west").iloc[0]
    assert (west.claimant, west.stance, west.geo_precision, west.anchor_place) == (
        "British intelligence",
        "under attack",
        2,
        "Bakhmut",
    )


def test_seed_metonymy_and_spam(seed):
    assert "Beijing" not in set(seed["location"]) and "Washington" not in set(seed["location"])
    moscow = rows(seed, "Moscow")
    assert set(moscow["stance"]) == {
        "met"
    }  # "in Moscow" twice; "according to Moscow" is not a site
    assert len(moscow) == 2
    assert not seed["quote"].str.contains("Best Wishes|your posts").any()
    assert set(seed["location"]) >= {"Kremlin", "London", "Brussels"}


# -- the bundled sitrep -------------------------------------------------------------------------


def test_sitrep_conflicting_claims_about_krasnohorivka(sitrep):
    k = rows(sitrep, "Krasnohorivka")
    assert set(zip(k.claimant, k.stance, strict=True)) == {
        ("Ukrainian military", "repelled"),
        ("Russian MoD", "captured"),
    }
    assert set(k.place_id) == {"gn:704393"}  # the Donetsk-oblast town, not the Zhytomyr village


def test_sitrep_dateline_anchor_and_paired_hints(sitrep):
    assert "KYIV" not in set(sitrep["location"])
    assert "Donetsk" not in set(sitrep["location"])  # only an anchor ("west of Donetsk")
    assert rows(sitrep, "Kupiansk").iloc[0].admin1 == "Kharkivska oblast"
    assert rows(sitrep, "Kreminna").iloc[0].admin1 == "Luhanska oblast"
    assert rows(sitrep, "Avdiivka", claimant="Russian MoD").iloc[0].stance == "advancing"
    assert rows(sitrep, "Zaporizhzhia Nuclear Power Plant").iloc[0].claimant == "IAEA"


def test_every_record_has_the_schema(sitrep):
    assert list(sitrep.columns) == [*EVENT_COLUMNS, "geometry"]
    assert sitrep["event_id"].is_unique
    assert sitrep["quote"].notna().all() and sitrep["claimant"].notna().all()


def test_document_with_thousands_of_place_names(tmp_path, extractor):
    text = " ".join(["Bakhmut, Lyman, Avdiivka and Marinka were shelled."] * 2500)
    path = tmp_path / "many.txt"
    path.write_text(text, encoding="utf-8")
    stats = ExtractStats()
    frame = extract_frame([path], date(2023, 3, 21), extractor=extractor, stats=stats)
    assert len(frame) == 10_000
    assert frame["latitude"].notna().sum() == 5_000  # only the first 5,000 are resolved
    assert any("10,000 place mentions" in m for m in stats.messages)


# -- the CLI contract -----------------------------------------------------------------------------


def run_cli(*args, stdin: bytes | None = None):
    return subprocess.run(
        [*CLI, *map(str, args)], input=stdin, capture_output=True, cwd=ROOT, timeout=120
    )


def test_cli_extract_prints_a_feature_collection(shared_dir):
    out = run_cli(
        "extract", shared_dir / "seeds" / "000_ce6ce7db5390928b.txt", "--published", "2023-03-21"
    )
    assert out.returncode == 0, out.stderr
    fc = json.loads(out.stdout)
    assert fc["type"] == "FeatureCollection" and "crs" not in fc
    assert all(set(EVENT_COLUMNS) <= set(f["properties"]) for f in fc["features"])
    assert b"15 events" in out.stderr


def test_cli_extract_stdin_jsonl_and_bad_documents(tmp_path):
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(
        json.dumps(
            {
                "id": "wire-1",
                "text": "Russian forces shelled Kherson overnight.",
                "published": "2023-03-21",
            }
        )
        + "\nnot json\n",
        encoding="utf-8",
    )
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 50)
    out_file = tmp_path / "out" / "events.geojson"
    out = run_cli("extract", jsonl, tmp_path / "blob.txt", "-o", out_file)
    assert out.returncode == 0, out.stderr
    features = json.loads(out_file.read_text())["features"]
    assert [f["properties"]["doc_id"] for f in features] == ["wire-1"]
    assert features[0]["properties"]["event_date"] == "2023-03-20"
    assert b"not a document" in out.stderr and b"binary" in out.stderr
    piped = run_cli(
        "extract",
        "-",
        "--published",
        "2023-03-21",
        stdin=b"Defenders held Bakhmut, the General Staff said.",
    )
    assert piped.returncode == 0
    assert json.loads(piped.stdout)["features"][0]["properties"]["doc_id"] == "<stdin>"


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "no/such/file.txt"], b"no input could be read"),
        (
            ["extract", "examples/sitrep_2023-03-21.txt", "--published", "21/03/2023"],
            b"--published must be a date",
        ),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(args, message):
    out = run_cli(*args)
    assert out.returncode == 2
    assert message in out.stderr
    assert b"Traceback" not in out.stderr


def test_cli_run_writes_map_geojson_and_report(tmp_path):
    out = run_cli("run", SITREP, "--published", "2023-03-21", "-o", tmp_path / "run")
    assert out.returncode == 0, out.stderr
    for name in ("map.html", "events.geojson", "report.html"):
        assert (tmp_path / "run" / name).stat().st_size > 1000
    assert b"19 events" in out.stdout
    features = json.loads((tmp_path / "run" / "events.geojson").read_text())["features"]
    kinds = {f["properties"]["location"]: f["geometry"]["type"] for f in features}
    assert kinds["Zaporizhzhia region"] == "Polygon"  # region-level claim drawn as the region


def test_cli_run_joins_an_event_table_to_the_claims(tmp_path):
    out = run_cli(
        "run",
        SITREP,
        "--published",
        "2023-03-21",
        "--events",
        ROOT / "examples" / "events" / "acled_sample.csv",
        "-o",
        tmp_path / "run",
    )
    assert out.returncode == 0, out.stderr
    assert b"31 table events" in out.stdout
    features = json.loads((tmp_path / "run" / "events.geojson").read_text())["features"]
    claims = {
        (f["properties"]["location"], f["properties"]["claimant"]): f["properties"]
        for f in features
        if f["properties"].get("record_kind") == "text claim"
    }
    # The ACLED sample has the Russian MoD capturing Marinka (contradicting Ukraine's "repelled")
    # and the General Staff repelling attacks at Krasnohorivka (contradicting the MoD's "captured").
    assert claims[("Marinka", "Ukrainian military")]["join_status"] == "contradicted"
    assert claims[("Krasnohorivka", "Russian MoD")]["join_status"] == "contradicted"
    assert claims[("Chasiv Yar", "Ukrainian military")]["join_status"] == "corroborated"
    assert {f["properties"]["record_kind"] for f in features} == {"text claim", "event table"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # Neither name is confident alone; together they pick the pair that lie together.
        (
            "Russian forces attacked Lyman and Novoselivka overnight, the General Staff said.",
            {"Lyman": (48.99012, 37.80843), "Novoselivka": (49.0701, 37.69517)},
        ),  # GeoNames 704204, 699185
        (
            "Fighting continued near Hryhorivka and Vasylivka in the south.",
            {"Hryhorivka": (47.69431, 35.35698), "Vasylivka": (47.44218, 35.28213)},
        ),  # GeoNames 708120, 686729
        # A confident anchor pulls an ambiguous neighbour: the Mykolaivka 13 km from Sloviansk.
        (
            "Russian troops shelled Mykolaivka and Sloviansk on Sunday.",
            {"Mykolaivka": (48.86193, 37.76835), "Sloviansk": (48.84974, 37.59739)},
        ),  # GeoNames 700119, 693468
    ],
)
def test_co_mentioned_places_disambiguate_each_other(tmp_path, extractor, sentence, expected):
    path = tmp_path / "s.txt"
    path.write_text(sentence, encoding="utf-8")
    frame = extract_frame([path], date(2023, 3, 21), extractor=extractor)
    for name, (lat, lon) in expected.items():
        r = rows(frame, name).iloc[0]
        assert km(r.latitude, r.longitude, lat, lon) < 2.0, (name, r.place_id, r.resolution_reason)


def test_cli_usage_errors_are_reported_without_a_traceback():
    out = run_cli("extract", "examples/sitrep_2023-03-21.txt", "--no-such-option")
    assert out.returncode == 2
    assert b"No such option" in out.stderr and b"Traceback" not in out.stderr
    assert out.stdout == b""


def test_cli_extract_with_two_workers_gives_the_same_records(tmp_path, shared_dir):
    seed = shared_dir / "seeds" / "000_ce6ce7db5390928b.txt"
    one = run_cli("extract", SITREP, seed, "--published", "2023-03-21", "-q")
    two = run_cli("extract", SITREP, seed, "--published", "2023-03-21", "-q", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert json.loads(one.stdout) == json.loads(two.stdout)
    bad = run_cli("extract", SITREP, "--workers", "0")
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr


def test_anaphora_reaches_back_over_sentences_without_places(tmp_path, extractor):
    text = (
        "Russia's defence ministry said on Tuesday its forces had repelled attacks. "
        "It gave no figures for its own losses. "
        "The ministry also said Russian units were advancing on the outskirts of Avdiivka."
    )
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    frame = extract_frame([path], date(2023, 3, 21), extractor=extractor)
    assert rows(frame, "Avdiivka").iloc[0].claimant == "Russian MoD"


def test_a_village_is_the_namesake_beside_its_sentence_neighbours(tmp_path, extractor):
    # 50 villages are called Dibrova; the one in Kreminna's hromada (Luhansk oblast) is meant.
    path = tmp_path / "isw.txt"
    path.write_text(
        "Russian milbloggers claimed that Russian forces advanced west of Kreminna and captured "
        "several positions near Dibrova.",
        encoding="utf-8",
    )
    frame = extract_frame([path], date(2023, 3, 21), extractor=extractor)
    dibrova = rows(frame, "Dibrova").iloc[0]
    assert dibrova.resolution == "context" and dibrova.admin1 == "Luhanska oblast"
    assert km(dibrova.latitude, dibrova.longitude, 48.9972, 38.1070) < 2
    assert "km from co-mentioned places" in dibrova.resolution_reason
    # a big city is left alone: Kharkiv beside Kherson stays Kharkiv
    path.write_text(
        "Missiles struck Kherson and Kharkiv overnight, officials said.", encoding="utf-8"
    )
    frame = extract_frame([path], date(2023, 3, 21), extractor=extractor)
    assert rows(frame, "Kharkiv").iloc[0].place_id == "gn:706483"


RUSSIAN_MOD_STORY = (
    "MOSCOW, March 21 (Reuters) - Russia's Defence Ministry said on Tuesday its troops had "
    "repelled Ukrainian counterattacks in the Kupyansk direction and near Krasny Liman, "
    "and had inflicted heavy losses near Artyomovsk.\n"
    "In the South Donetsk direction, units of the Vostok group struck Ukrainian positions "
    "near Ugledar and Novomikhailovka, the ministry said.\n"
    "The ministry said air defences shot down 12 Ukrainian drones over the Zaporozhye region "
    "and the Donetsk People's Republic.\n"
)


def test_russian_era_spellings_axes_units_and_entities(tmp_path, extractor):
    path = tmp_path / "mod.txt"
    path.write_text(RUSSIAN_MOD_STORY, encoding="utf-8")
    frame = extract_frame([path], date(2023, 3, 21), extractor=extractor)
    got = {r.location: r for r in frame.itertuples()}
    assert "MOSCOW" not in got and "Vostok" not in got  # dateline; a military unit's name
    assert (got["Kupyansk"].place_id, got["Kupyansk"].geo_precision) == (
        "gn:703656",
        2,
    )  # an axis, not the town
    assert got["Krasny Liman"].place_id == "gn:704204" and got["Artyomovsk"].place_id == "gn:713174"
    assert got["Ugledar"].place_id == "gn:690823" and got["Ugledar"].claimant == "Russian MoD"
    # only a Siberian Novomikhaylovka has this spelling:
    # 3,000 km from Ugledar, so the oblast instead
    assert (got["Novomikhailovka"].resolution, got["Novomikhailovka"].place_id) == (
        "region_fallback",
        "adm:UA.05",
    )
    assert (
        got["Zaporozhye region"].place_id == "adm:UA.26"
        and got["Zaporozhye region"].geo_precision == 3
    )
    assert got["Donetsk People's Republic"].place_id == "adm:UA.05"
    assert set(frame["claimant"]) == {"Russian MoD"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "KYIV, March 21 (Reuters) - Russian forces shelled Kherson. Two people died\n"
            "A headline without a full stop\n\n   \nThe governor said so.",
            [
                "Russian forces shelled Kherson.",
                "Two people died",
                "A headline without a full stop",
                "The governor said so.",
            ],
        ),
        # a hard-wrapped English line that ends in a comma or a word no sentence ends with, or
        # one lower-case word wrapped onto the next, goes on in the next line; headlines, list
        # dashes and Cyrillic posts keep their breaks
        (
            "Drones had attacked the regions of Odessa and\nMykolaiv. Russian forces shelled\n"
            "the town of Kupiansk,\nofficials said.\nFighting continues in the east\n"
            "Russian troops attacked Bakhmut.\n- Lyman\n- Siversk\nУдари по Херсону,\n"
            "Бериславу та\nКозацькому.",
            [
                "Drones had attacked the regions of Odessa and Mykolaiv.",
                "Russian forces shelled the town of Kupiansk, officials said.",
                "Fighting continues in the east",
                "Russian troops attacked Bakhmut.",
                "- Lyman",
                "- Siversk",
                "Удари по Херсону,",
                "Бериславу та",
                "Козацькому.",
            ],
        ),
    ],
)
def test_sentences_keep_paragraphs_apart_skip_datelines_and_join_wrapped_lines(text, expected):
    """Offsets index the text (a joined line break reads as a space)."""
    from geo.extract import sentences

    found = list(sentences(text))
    assert [s for _, s in found] == expected
    assert all(text[o : o + len(s)].replace("\n", " ") == s for o, s in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # set 93 (belta.by): the quotation opens a sentence of its own
            'Об этом сообщает ТАСС со ссылкой на Минобороны РФ."В результате активных действий '
            'освобожден населенный пункт Новогродовка", - говорится в сообщении ведомства.',
            [
                "Об этом сообщает ТАСС со ссылкой на Минобороны РФ.",
                '"В результате активных действий освобожден населенный пункт Новогродовка", - '
                "говорится в сообщении ведомства.",
            ],
        ),
        (  # set 94: after a lower-case word
            "Ворог обстріляв населені пункти області.По Нікополю вдарили дронами.",
            ["Ворог обстріляв населені пункти області.", "По Нікополю вдарили дронами."],
        ),
        (  # abbreviations and names keep their full stops
            "Донбасс.Реалии пишут про обстріл пгт.Іванівка, м.Київ та обл.Донецьк.",
            ["Донбасс.Реалии пишут про обстріл пгт.Іванівка, м.Київ та обл.Донецьк."],
        ),
    ],
)
def test_sentences_run_together_without_a_space_are_split(text, expected):
    from geo.extract import sentences

    found = list(sentences(text))
    assert [s for _, s in found] == expected
    assert all(text[o : o + len(s)] == s for o, s in found)


def test_the_regions_of_a_wrapped_line_stay_regions(records):
    rows = records("Six drones had attacked the regions of Odessa and\nMykolaiv.")
    assert [(r["location"], r["geo_precision"]) for r in rows] == [("Odessa", 3), ("Mykolaiv", 3)]


def test_an_overlong_sentence_is_cut_into_clauses_and_every_claim_quotes_one(extractor):
    """Text run together with no space after its full stops (blingfire passes up to 64,000
    characters on as one sentence) is cut at clause breaks: 400 claims, each quoting at most
    MAX_SENTENCE_CHARS of the text at its own offset, every one still found; a long real
    roundup sentence stays whole."""
    from geo.extract import MAX_SENTENCE_CHARS, sentences
    from geo.text.sources import Document

    claim = "Генштаб ЗСУ повідомив, що оборонці відбили 40 атак під Бахмутом."
    text = claim * 400
    found = list(sentences(text))
    assert len(found) > 1
    assert all(len(s) <= MAX_SENTENCE_CHARS for _, s in found)
    assert all(text[offset : offset + len(s)] == s for offset, s in found)
    records = extractor.document_records(Document(doc_id="run-on", text=text))
    assert len(records) == 400
    assert {r["place_name"] for r in records} == {"Bakhmut"}
    assert max(len(r["quote"]) for r in records) <= MAX_SENTENCE_CHARS
    roundup = "Сили оборони відбили атаки в районах " + ", ".join(["Бахмута"] * 120) + "."
    assert 1_000 < len(roundup) <= MAX_SENTENCE_CHARS
    assert [s for _, s in sentences(roundup)] == [roundup]


def test_documents_are_prepared_in_bounded_batches_with_the_same_records(tmp_path, extractor):
    from geo.extract import BATCH, BATCH_CHARS, batches, extract_records
    from geo.text.sources import Document, iter_documents

    small = [Document(doc_id=f"d{i}", text="Fighting near Bakhmut.") for i in range(BATCH + 5)]
    assert [len(b) for b in batches(small)] == [BATCH, 5]
    big = [Document(doc_id=f"b{i}", text="x" * (BATCH_CHARS // 2)) for i in range(5)]
    assert [len(b) for b in batches(big)] == [
        2,
        2,
        1,
    ]  # a few huge documents are not held 32 at a time
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"a{i}",
                    "text": f"Russian forces shelled {place} overnight, the governor said.",
                }
            )
            + "\n"
            for i, place in enumerate(["Kherson", "Bakhmut", "Lyman"] * 15)
        ),
        encoding="utf-8",
    )
    streamed = list(extract_records([path], extractor=extractor))
    one_by_one = [r for doc in iter_documents([path]) for r in extractor.document_records(doc)]
    assert streamed == one_by_one and len(streamed) == 45


def test_extract_writes_the_format_its_output_suffix_names(tmp_path):
    import csv

    import pyogrio
    from defusedxml import ElementTree

    for suffix in (".csv", ".kml", ".gpkg"):
        out_file = tmp_path / f"events{suffix}"
        out = run_cli("extract", SITREP, "--published", "2023-03-21", "-q", "-o", out_file)
        assert out.returncode == 0, out.stderr
        if suffix == ".csv":
            rows = list(csv.DictReader(out_file.open(encoding="utf-8", newline="")))
            bakhmut = [r for r in rows if r["place_name"] == "Bakhmut"]
            assert (
                bakhmut
                and km(
                    float(bakhmut[0]["latitude"]), float(bakhmut[0]["longitude"]), 48.5942, 37.9989
                )
                < 2
            )
        elif suffix == ".kml":
            names = [e.text for e in ElementTree.parse(out_file).iter() if e.tag.endswith("name")]
            assert "Bakhmut" in names
        else:
            assert len(pyogrio.read_dataframe(out_file, layer="events")) == len(rows)
    refused = run_cli("extract", SITREP, "-o", tmp_path / "events.txt")
    assert refused.returncode == 2 and b"cannot tell the format" in refused.stderr
    assert not (tmp_path / "events.txt").exists()
