"""What a hostile-input probe of the document readers (``frontline extract``) found on
2026-12-07, one section a finding (``docs/development.md`` lists them)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from geo.core.io import write_events
from geo.extract import ExtractStats, extract_frame
from geo.text import sources
from geo.text.sources import iter_documents

DATA = Path(__file__).parent / "data" / "channels"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATE = "2023-03-21T10:00:00"
PAGE = (
    "<!doctype html><html><head><title>Shelling of Kherson</title>"
    '<meta property="article:published_time" content="2023-03-21T08:00:00Z"></head>'
    "<body><article><p>Russian forces shelled Kherson overnight, the regional governor said."
    "</p></article></body></html>"
)
MARKS = {
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


def _encoded(text: str, codec: str) -> bytes:
    return MARKS[codec] + text.encode(codec)


def _read(paths: list, folder: Path | None = None) -> list[tuple]:
    """What a run reads: each document's id (its folder left out), error, text and date."""
    docs = iter_documents(paths)
    cut = f"{folder}/" if folder else "\0"
    return [(d.doc_id.replace(cut, ""), d.error, d.text, d.published) for d in docs]


# -- UTF-16 and UTF-32 ------------------------------------------------------------------------


@pytest.mark.parametrize("codec", MARKS)
@pytest.mark.parametrize("name", ["result.json", "feed.rss", "feed.atom", "three_reports.jsonl"])
def test_utf16_and_utf32_files_read_as_their_utf8_twins(tmp_path, codec, name):
    """A feed in UTF-16 was refused ("not well-formed") or skipped in a folder, an export
    refused, a JSONL file split inside its characters."""
    text = (DATA / name).read_text("utf-8")
    if name.startswith("feed"):  # the declaration says what the bytes are
        text = text.replace('encoding="UTF-8"', f'encoding="{codec[:6].upper()}"')
    (tmp_path / "utf8").mkdir()
    (tmp_path / "utf8" / name).write_text((DATA / name).read_text("utf-8"), "utf-8")
    (tmp_path / "marked").mkdir()
    (tmp_path / "marked" / name).write_bytes(_encoded(text, codec))
    expected = _read([tmp_path / "utf8" / name], tmp_path / "utf8")
    assert all(error is None or "skipped" in error for _, error, _, _ in expected)
    assert _read([tmp_path / "marked" / name], tmp_path / "marked") == expected
    assert _read([tmp_path / "marked"], tmp_path / "marked") == expected  # a folder's file too
    data = (tmp_path / "marked" / name).read_bytes()
    if not name.endswith(".jsonl"):  # stdin: a JSONL file is read as one
        on_stdin = [d for d in sources.documents_from_bytes(data, "<stdin>") if not d.skipped]
        assert [(d.doc_id, d.text) for d in on_stdin] == [
            (i, t) for i, error, t, _ in expected if error is None
        ]


@pytest.mark.parametrize("codec", MARKS)
def test_a_marked_page_on_stdin_is_html_and_marked_text_has_no_nul(codec):
    """UTF-16 on stdin was read as text with its markup; UTF-32 as UTF-16, with NULs."""
    (page,) = sources.documents_from_bytes(_encoded(PAGE, codec), "<stdin>")
    assert page.error is None and page.warnings == []
    assert page.text == "Russian forces shelled Kherson overnight, the regional governor said."
    assert page.title == "Shelling of Kherson" and str(page.published) == "2023-03-21"
    story = (EXAMPLES / "sitrep_2023-03-21.txt").read_text("utf-8")
    (doc,) = sources.documents_from_bytes(_encoded(story, codec), "sitrep.txt")
    (plain,) = sources.documents_from_bytes(story.encode(), "sitrep.txt")
    assert (doc.error, doc.warnings, doc.text) == (None, plain.warnings, plain.text)


def test_bytes_that_are_not_what_their_mark_says_are_one_line_naming_the_file(tmp_path):
    """Refused, not read with replacement characters (nor the export with a traceback-like
    ``b'lexical error …\\n … (right here) ------^\\n'``)."""
    story = (EXAMPLES / "sitrep_2023-03-21.txt").read_text("utf-8")
    odd = tmp_path / "sitrep.txt"
    odd.write_bytes(_encoded(story, "utf-16-le") + b"\x41")  # half a character at the end
    lone = tmp_path / "result.json"  # a lone surrogate mid-export
    export = _encoded((DATA / "result.json").read_text("utf-8"), "utf-16-le")
    lone.write_bytes(export[:4000] + b"\x00\xdc" + export[4000:])
    feed = tmp_path / "feed.rss"
    feed.write_bytes(_encoded((DATA / "feed.rss").read_text("utf-8"), "utf-32-le")[:-2])
    jsonl = tmp_path / "reports.jsonl"
    jsonl.write_bytes(_encoded((DATA / "three_reports.jsonl").read_text("utf-8"), "utf-16-be")[:-1])
    errors = {d.doc_id: d.error for d in iter_documents([odd, lone, feed, jsonl]) if d.error}
    assert errors[str(odd)].startswith("starts with a UTF-16 byte order mark but is not UTF-16")
    assert errors[str(feed)].startswith("starts with a UTF-32 byte order mark but is not UTF-32")
    assert errors[str(lone)] == (
        "not a readable JSON file (not UTF-16 as its byte order mark says "
        "(byte 4,000: illegal encoding))"
    )
    assert errors[str(jsonl)].startswith("not UTF-16 as its byte order mark says")
    for error in errors.values():
        assert "\n" not in error and "\\n" not in error and "b'" not in error


def test_a_broken_export_s_parser_message_is_its_first_line_as_text(tmp_path):
    """yajl gives its message as bytes when the input it quotes is not UTF-8 (a Latin-1
    export, or UTF-16 before it was read as such): it was shown as ``b'lexical error …\\n
    … (right here) ------^\\n'``."""
    export = json.loads((DATA / "result.json").read_text("utf-8"))
    broken = json.dumps(export, ensure_ascii=False).replace('"type": "message"', '"type": ét', 1)
    path = tmp_path / "result.json"
    path.write_bytes(broken.encode("latin-1", "replace"))
    (doc,) = iter_documents([path])
    assert doc.error == "not a readable JSON file (lexical error: invalid char in json text.)"


# -- unique doc_ids ----------------------------------------------------------------------------


def test_messages_without_an_id_or_repeating_one_get_their_own_doc_id(tmp_path, extractor):
    """Messages whose id was null or a list all had the doc_id ``FILE:channel``, and ids
    repeated were repeated doc_ids: --merge-reports took them for one report."""
    texts = [
        "Russian forces shelled Kherson overnight.",
        "Ukrainian forces repelled attacks near Bakhmut.",
        "Russian forces shelled Avdiivka.",
        "Russian forces shelled Vuhledar.",
        "Russian forces shelled Kupiansk.",
        "Russian forces shelled Lyman.",
        "Russian forces shelled Siversk.",
    ]
    ids = [None, None, [7], [7], 5, 5, "5"]
    messages = [
        {"id": i, "type": "message", "date": DATE, "text": t}
        for i, t in zip(ids, texts, strict=True)
    ]
    del messages[0]["id"]
    path = tmp_path / "result.json"
    export = {"name": "Test chan", "type": "public_channel", "id": 1, "messages": messages}
    path.write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    docs = [d for d in iter_documents([path]) if not d.skipped]
    assert [d.doc_id for d in docs] == [
        f"{path}#1",
        f"{path}#2",
        f"{path}#3",
        f"{path}#4",
        "Test chan/5",
        "Test chan/5#6",
        "Test chan/5#7",
    ]
    assert docs[0].warnings == [f"it has no id (null); read as '{path}#1'"]
    assert docs[2].warnings == [f"it has no id (a list); read as '{path}#3'"]
    assert docs[5].warnings == ["its id 5 repeats an earlier message's; read as 'Test chan/5#6'"]
    assert [d.where for d in docs[4:]] == [f"{path}: message {m}" for m in ("5", "#6", "#7")]
    assert docs[4].warnings == [] and docs[4].url is None
    # the same from bytes (stdin), and every message's claims kept apart
    from_bytes = sources.documents_from_bytes(path.read_bytes(), str(path))
    assert [d.doc_id for d in from_bytes if not d.skipped] == [d.doc_id for d in docs]
    frame = extract_frame([path], extractor=extractor)
    assert frame.groupby("doc_id")["location"].agg(tuple).to_dict() == {
        d.doc_id: (place,)
        for d, place in zip(
            docs,
            ["Kherson", "Bakhmut", "Avdiivka", "Vuhledar", "Kupiansk", "Lyman", "Siversk"],
            strict=True,
        )
    }


def test_feed_entries_repeating_a_guid_get_their_own_doc_id(tmp_path):
    """The second entry took the first's guid: two documents, one doc_id."""
    feed = (DATA / "feed.rss").read_text("utf-8")
    first = "kyivwire-2023-03-21-0815"
    second = "https://kyivwire.example/war/2023/03/22/moscow-claims"
    repeated = feed.replace(f"<guid>{second}</guid>", f"<guid>{first}</guid>")
    path = tmp_path / "feed.rss"
    path.write_text(repeated, "utf-8")
    docs = [d for d in iter_documents([path]) if not d.skipped]
    original = [d for d in iter_documents([DATA / "feed.rss"]) if not d.skipped]
    assert [d.doc_id for d in original][:2] == [first, second]
    assert [d.doc_id for d in docs] == [first, f"{first}#2"]
    assert [d.text for d in docs] == [d.text for d in original]
    assert (
        docs[1].warnings[0] == f"its id {first!r} repeats an earlier entry's; read as '{first}#2'"
    )
    assert docs[1].where == f"{path}: entry 2"


# -- JSONL warnings ----------------------------------------------------------------------------


def test_jsonl_warnings_name_the_file_and_line(tmp_path, extractor):
    path = tmp_path / "reports.jsonl"
    lines = (DATA / "three_reports.jsonl").read_text("utf-8").splitlines()
    second = json.loads(lines[1])
    second["published"], second["title"] = "next Tuesday-ish", 42
    lines[1] = json.dumps(second, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    stats = ExtractStats()
    extract_frame([path], extractor=extractor, stats=stats)
    warnings = [m for m in stats.messages if ": warning: " in m]
    assert warnings == [
        f"{path}:2: warning: field 'title' is not text; ignored",
        f"{path}:2: warning: unreadable published date 'next Tuesday-ish'; the document has none",
    ]
    docs = list(iter_documents([path]))
    assert docs[1].doc_id == second["id"] and docs[1].where == f"{path}:2"


def test_jsonl_records_repeating_an_id_are_documents_apart(tmp_path, extractor):
    """Two lines of one JSONL file with one ``id`` had shared a ``doc_id``: their claims were
    merged as one document's (one report where there were two), and the same claim at the same
    place in both had one ``event_id``. A repeat is ``<id>#<line>``, with a warning naming the
    file and line; the lines are read one at a time, as before."""
    from geo.merge import merge_reports

    path = tmp_path / "reports.jsonl"
    text = "Ukrainian forces repelled Russian attacks near Chasiv Yar, the General Staff said."
    records = [
        {"id": "wire/1", "published": "2023-03-21", "text": text},
        {"id": 7, "published": "2023-03-21", "text": "Fighting near Bakhmut."},
        {"id": "wire/1", "published": "2023-03-21", "text": text},
        {"id": "7", "published": "2023-03-22", "text": "Fighting near Bakhmut."},
        {"id": "wire/1#3", "published": "2023-03-22", "text": "Fighting near Bakhmut."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    docs = list(iter_documents([path]))
    assert [d.doc_id for d in docs] == ["wire/1", "7", "wire/1#3", "7#4", "wire/1#3#5"]
    assert [d.where for d in docs] == [f"{path}:{n}" for n in range(1, 6)]
    stats = ExtractStats()
    frame = extract_frame([path], extractor=extractor, stats=stats)
    assert [m for m in stats.messages if ": warning: " in m] == [
        f"{path}:3: warning: its id 'wire/1' repeats an earlier line's; read as 'wire/1#3'",
        f"{path}:4: warning: its id '7' repeats an earlier line's; read as '7#4'",
        f"{path}:5: warning: its id 'wire/1#3' repeats an earlier line's; read as 'wire/1#3#5'",
    ]
    chasiv = frame[frame["place_name"].fillna("").str.contains("Chasiv")]
    assert sorted(set(chasiv["doc_id"])) == ["wire/1", "wire/1#3"]
    assert chasiv["event_id"].is_unique
    merged = merge_reports(chasiv)
    assert merged["n_reports"].tolist() == [2]


# -- JSON that is no document ------------------------------------------------------------------


def test_a_geojson_layer_is_refused_naming_the_commands_that_read_it(tmp_path, extractor):
    """``frontline extract events.geojson`` read the layer as prose: its place names became
    claims."""
    events = tmp_path / "events.geojson"
    write_events(extract_frame([EXAMPLES / "sitrep_2023-03-21.txt"], extractor=extractor), events)
    stats = ExtractStats()
    frame = extract_frame([events], extractor=extractor, stats=stats)
    assert len(frame) == 0
    refusal = (
        "a GeoJSON FeatureCollection, not a document (frontline map or frontline export read "
        "claims and events in GeoJSON; extract reads text, HTML, JSONL, Telegram exports and "
        "RSS/Atom feeds)"
    )
    assert stats.messages == [f"{events}: skipped: {refusal}"]
    (on_stdin,) = sources.documents_from_bytes(events.read_bytes(), "<stdin>")
    assert on_stdin.error == refusal
    named_json = tmp_path / "events.json"  # by its suffix taken for a Telegram export
    named_json.write_bytes(events.read_bytes())
    assert [d.error for d in iter_documents([named_json])] == [refusal]


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b'[{"event_date": "2023-03-21", "location": "Bakhmut"}]', "a JSON list"),
        (b'{"type": "Point", "coordinates": [37.99, 48.59]}', "a GeoJSON geometry"),
        (b'{"articles": ["Shelling of Kherson."]}', "a JSON object"),
    ],
)
def test_other_json_on_stdin_is_refused_not_read_as_prose(data, what):
    (doc,) = sources.documents_from_bytes(data, "<stdin>")
    assert doc.error is not None and doc.error.startswith(f"{what}, not a document (")


def test_prose_that_opens_with_a_bracket_is_still_prose():
    text = b"[Update] Russian forces shelled Kherson overnight, the governor said. {Reuters}"
    (doc,) = sources.documents_from_bytes(text, "<stdin>")
    assert doc.error is None and doc.text == text.decode()


def test_a_file_given_and_in_a_folder_given_too_is_read_once(tmp_path, caplog):
    """`frontline extract report.txt reports/` had read report.txt twice: its claims twice."""
    folder = tmp_path / "reports"
    folder.mkdir()
    report = folder / "report.txt"
    report.write_text("Russian forces shelled Kupiansk overnight.", encoding="utf-8")
    (folder / "other.txt").write_text("Fighting continued near Lyman.", encoding="utf-8")
    with caplog.at_level("WARNING"):
        docs = list(iter_documents([report, folder, report]))
    assert sorted(Path(d.doc_id).name for d in docs) == ["other.txt", "report.txt"]
    said = [r.getMessage() for r in caplog.records if "given twice" in r.getMessage()]
    assert said == [f"{report}: given twice (itself, or in a folder given too); read once"] * 2
