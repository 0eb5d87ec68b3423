"""Reliability of the Telegram export and feed readers (the input audit): deep nesting refused in
flat memory, integers past 64 bits read, ``text_entities`` used when ``text`` is empty, nested
text parts read and the unreadable ones warned about, and malformed feeds that declare entities
refused like well-formed ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.extract import ExtractStats, extract_frame
from geo.text import channels, sources
from geo.text.sources import iter_documents

ROOT = Path(__file__).resolve().parents[1]
DATE = "2023-03-21T10:00:00"
BAKHMUT_UK = "Генштаб ЗСУ повідомив, що оборонці відбили 40 атак під Бахмутом."
VUHLEDAR_RU = "Минобороны России заявило об освобождении Угледара."
REFUSED = "refused: the feed declares entities or external references"


def _export(path: Path, messages: list[dict], name: str = "Test chan") -> Path:
    export = {"name": name, "type": "public_channel", "id": 1, "messages": messages}
    path.write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    return path


def _message(ident: object, **fields: object) -> dict:
    return {"id": ident, "type": "message", "date": DATE, **fields}


def _deep_export(path: Path, depth: int, *, before: int = 0) -> Path:
    """An export of ``before`` plain messages, then one whose ``text`` opens ``depth`` lists."""
    plain = ", ".join(json.dumps(_message(k + 1, text=f"Shelling. #{k}")) for k in range(before))
    deep = '{"id": 0, "type": "message", "text": ' + "[" * depth + "]" * depth + "}"
    body = f"{plain}, {deep}" if plain else deep
    path.write_text('{"name": "x", "messages": [' + body + "]}", "utf-8")
    return path


def _cli(*args: object, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geo", "extract", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )


# -- deep nesting ----------------------------------------------------------------------------

_PEAK = """
import sys
from pathlib import Path
from geo.text.channels import stream_telegram
docs = list(stream_telegram(Path(sys.argv[1]), None))
print(docs[-1].error)
status = Path("/proc/self/status").read_text()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""
"""The peak memory of this process's own address space (VmHWM, KB): getrusage's ru_maxrss
would carry over the peak of the test process it was started from (Linux keeps the larger of
the two across exec), over 1 GB late in the suite."""


@pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="peak memory is read from /proc (Linux only)"
)
def test_a_deeply_nested_export_is_refused_in_flat_memory(tmp_path):
    """ijson's C parser builds a whole buffer's prefixes before any depth check on its events
    could run: 100,000 levels took 10.9 GB and 30 s. The depth is checked a chunk ahead."""
    path = _deep_export(tmp_path / "result.json", 100_000)
    run = subprocess.run(
        [sys.executable, "-c", _PEAK, path], capture_output=True, cwd=ROOT, timeout=300, text=True
    )
    assert run.returncode == 0, run.stderr
    error, peak_kb = run.stdout.split("\n")[:2]
    assert error == "not a readable JSON file (nested more than 64 levels deep)"
    assert int(peak_kb) < 1024 * 1024  # KB: under 1 GB (importing geo is ~100 MB)


def test_nesting_is_counted_across_chunks_to_the_limit(tmp_path):
    """The depth carries from one read buffer to the next; the messages before the deep one
    are read, and nesting up to the limit is no fault."""
    limit = channels.MAX_JSON_DEPTH
    # the object, its messages list and a message are 3 levels: its text has the rest
    deep = _deep_export(tmp_path / "deep.json", limit - 2, before=3000)
    docs = list(iter_documents([deep]))
    assert docs[-1].doc_id == str(deep)
    assert docs[-1].error.startswith("not a readable JSON file after ")
    assert docs[-1].error.endswith(f"(nested more than {limit} levels deep)")
    assert 2000 < len(docs) - 1 <= 3000
    assert all(d.error is None for d in docs[:-1])
    at_limit = _deep_export(tmp_path / "at_limit.json", limit - 3, before=3000)
    docs = list(iter_documents([at_limit]))
    assert len(docs) == 3001 and docs[-1].error == "skipped 1 message (1 without text)"


# -- big integers ----------------------------------------------------------------------------


def test_integers_past_64_bits_do_not_end_the_export(tmp_path):
    """yajl reads such an integer as an overflow error with ``use_float``: the file stopped
    after 2 of 6 messages, though stdin read them all. Both read all six alike now."""
    ids = [1, 2, 18446744073709551616, -(2**70), 1.5, 3]
    path = _export(tmp_path / "result.json", [_message(i, text=VUHLEDAR_RU) for i in ids])
    from_file = list(iter_documents([path]))
    from_bytes = list(sources.documents_from_bytes(path.read_bytes(), str(path)))
    assert [d.error for d in from_file] == [None] * 6
    assert [(d.doc_id, d.text) for d in from_file] == [(d.doc_id, d.text) for d in from_bytes]
    assert from_file[2].doc_id == "Test chan/18446744073709551616"
    assert from_file[3].doc_id == f"Test chan/{-(2**70)}"
    assert from_file[4].doc_id == f"{path}#5"  # a fraction is no message id: its place is


# -- the text of a message -------------------------------------------------------------------


def test_text_entities_are_read_when_text_is_empty_or_missing(tmp_path, extractor):
    entities = [
        {"type": "plain", "text": "Генштаб ЗСУ повідомив, що оборонці відбили 40 атак під "},
        {"type": "hashtag", "text": "Бахмутом"},
        {"type": "plain", "text": "."},
    ]
    path = _export(
        tmp_path / "result.json",
        [
            _message(1, text_entities=entities),
            _message(2, text="", text_entities=entities),
            _message(3, text=[], text_entities=entities),
            _message(4, text="", text_entities=[]),  # a photo alone
        ],
    )
    docs = list(iter_documents([path]))
    assert [(d.doc_id, d.text) for d in docs[:3]] == [
        (f"Test chan/{n}", BAKHMUT_UK) for n in (1, 2, 3)
    ]
    assert docs[3].error == "skipped 1 message (1 without text)" and len(docs) == 4
    stats = ExtractStats()
    frame = extract_frame([path], extractor=extractor, stats=stats)
    assert set(frame.doc_id[frame.location == "Бахмутом"]) == {f"Test chan/{n}" for n in (1, 2, 3)}
    assert stats.skipped_messages == 1


def test_nested_text_parts_are_read_and_unreadable_ones_warned_about(tmp_path, extractor):
    text = [
        "Генштаб ЗСУ повідомив, що оборонці відбили 40 атак під Авдіївкою. ",
        ["Оборонці відбили атаки під Бахмутом."],
        {"type": "bold", "text": {"x": "Угледар"}},
    ]
    path = _export(tmp_path / "result.json", [_message(7, text=text)])
    (doc,) = iter_documents([path])
    assert doc.text == (
        "Генштаб ЗСУ повідомив, що оборонці відбили 40 атак під Авдіївкою. "
        "Оборонці відбили атаки під Бахмутом."
    )
    assert doc.where == f"{path}: message 7"
    assert doc.warnings == ["1 part of its text not read (an entity whose text is an object)"]
    stats = ExtractStats()
    frame = extract_frame([path], extractor=extractor, stats=stats)
    assert {"Авдіївкою", "Бахмутом"} <= set(frame.location)
    assert f"{path}: message 7: warning: 1 part of its text not read" in "\n".join(stats.messages)


def test_text_parts_nested_past_the_limit_and_non_text_parts_are_named(tmp_path):
    too_deep = ["Бахмут"]
    for _ in range(channels.MAX_TEXT_NESTING):
        too_deep = [too_deep]
    text = ["Обстріл Херсона. ", too_deep, 12, None, {"type": "bold"}, {"type": "link", "text": 5}]
    path = _export(tmp_path / "result.json", [_message(8, text=text)])
    (doc,) = iter_documents([path])
    assert doc.text == "Обстріл Херсона."
    assert doc.warnings == [
        f"5 parts of its text not read (a list nested more than "
        f"{channels.MAX_TEXT_NESTING} levels deep, a number, null, an entity whose text is "
        "missing, an entity whose text is a number)"
    ]
    just_deep_enough = _export(tmp_path / "ok.json", [_message(9, text=too_deep[0])])
    (doc,) = iter_documents([just_deep_enough])
    assert doc.text == "Бахмут" and doc.warnings == []


# -- feeds -----------------------------------------------------------------------------------

_ITEM = (
    '<rss version="2.0"><channel><title>x</title><item><title>S</title><description>Оборонці '
    "відбили атаки під &place;.</description><pubDate>Tue, 21 Mar 2023 10:00:00 GMT</pubDate>"
    "</item></channel></rss>"
)
_DOCTYPE = '<!DOCTYPE rss [<!ENTITY place "Бахмутом">]>\n'
_LAUGHS = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY place "&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'


@pytest.mark.parametrize(
    ("prolog", "doctype"),
    [
        ("&\n", _DOCTYPE),  # a stray ampersand ends the XML parse before the DOCTYPE
        ("<!-- x -->&\n", _LAUGHS),
        ("&\n", '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/x.dtd" [<!ENTITY place SYSTEM "x">]>'),
    ],
    ids=["entity", "laughs", "external"],
)
def test_malformed_feeds_that_declare_entities_are_refused_like_well_formed_ones(
    tmp_path, prolog, doctype
):
    declaration = '<?xml version="1.0"?>\n'
    well_formed = (declaration + doctype + _ITEM).encode()
    malformed = (declaration + prolog + doctype + _ITEM).encode()
    (expected,) = channels.read_feed(well_formed, "feed.rss", None)
    assert expected.error.startswith(REFUSED)
    path = tmp_path / "feed.rss"
    path.write_bytes(malformed)
    (doc,) = iter_documents([path])
    assert doc.doc_id == str(path) and doc.error == expected.error


def test_malformed_feed_with_an_internal_subset_defusedxml_cannot_name_is_refused(tmp_path):
    data = f"&<!doctype rss [ <!attlist rss a CDATA 'b'>]>\n{_ITEM}".encode()
    (doc,) = channels.read_feed(data, "feed.rss", None)
    assert doc.error == f"{REFUSED} (a DTD internal subset in a feed that is not well-formed)"


def test_malformed_feeds_without_declarations_are_still_read_leniently():
    ampersand = '<?xml version="1.0"?>\n&\n' + _ITEM.replace("&place;", "Бахмутом")
    external_dtd = (
        '<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/x.dtd">\n'
        + _ITEM.replace("&place;", "Бахмутом").replace("<title>S</title>", "<title>S & Co</title>")
    )
    for data in (ampersand, external_dtd):
        (doc,) = channels.read_feed(data.encode(), "feed.rss", None)
        assert doc.error is None and "Оборонці відбили атаки під Бахмутом." in doc.text
        assert doc.warnings[0].startswith("feed not well-formed, read leniently (")


# -- what the user sees ----------------------------------------------------------------------


def test_cli_refuses_deep_exports_and_malformed_entity_feeds_and_reads_the_rest(tmp_path):
    deep = _deep_export(tmp_path / "deep.json", 100_000)
    feed = tmp_path / "feed.rss"
    feed.write_bytes(('<?xml version="1.0"?>\n&\n' + _DOCTYPE + _ITEM).encode())
    refused = _cli(deep, feed, "-o", tmp_path / "refused.geojson")
    assert refused.returncode == 2, refused.stderr
    stderr = refused.stderr.decode()
    assert f"{deep}: skipped: not a readable JSON file (nested more than 64 levels deep)" in stderr
    assert f"{feed}: skipped: {REFUSED} (EntitiesForbidden(name='place'" in stderr
    big = _message(3, text=VUHLEDAR_RU)
    big["id"] = 2**64
    export = _export(
        tmp_path / "result.json",
        [_message(1, text=BAKHMUT_UK), _message(2, text=VUHLEDAR_RU), big, _message(4, text="")],
    )
    out = tmp_path / "claims.geojson"
    read = _cli(export, "-o", out)
    assert read.returncode == 0, read.stderr
    assert "3 documents (0 unreadable)" in read.stderr.decode()
    doc_ids = {f["properties"]["doc_id"] for f in json.loads(out.read_text("utf-8"))["features"]}
    assert doc_ids == {"Test chan/1", "Test chan/2", f"Test chan/{2**64}"}


def test_every_warning_of_an_export_or_feed_names_its_file_and_the_message(tmp_path, extractor):
    """With twenty result.json files, "Test chan/7: warning: message 7: …" could be any of them:
    every warning about a message (or a feed entry) names the file as given and the message."""
    messages = [
        _message(7, text=[BAKHMUT_UK + " ", {"type": "bold", "text": {"x": "Угледар"}}]),
        {"id": 3, "type": "message", "date": "2023-02-30T10:00:00", "text": VUHLEDAR_RU},
        {"type": "message", "date": DATE, "text": "Russian forces shelled Lyman."},
        _message(3, text="Russian forces shelled Siversk.\x00"),
    ]
    (tmp_path / "gs").mkdir()
    (tmp_path / "mod").mkdir()
    exports = [_export(tmp_path / f / "result.json", messages) for f in ("gs", "mod")]
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><guid>g1</guid><title>Shelling</title><pubDate>not a date at all</pubDate>"
        "<description>Russian forces shelled Bakhmut.</description></item>"
        "<item><guid>g1</guid><title>Shelling 2</title>"
        "<pubDate>Tue, 21 Mar 2023 10:00:00 GMT</pubDate>"
        "<description>Russian forces shelled Lyman.</description></item></channel></rss>",
        "utf-8",
    )
    stats = ExtractStats()
    extract_frame([*exports, feed], extractor=extractor, stats=stats)
    warnings = [m for m in stats.messages if ": warning: " in m]
    expected = []
    for path in exports:
        expected += [
            f"{path}: message 7: warning: 1 part of its text not read (an entity whose text is "
            "an object)",
            f"{path}: message 3: warning: its date cannot be read ('2023-02-30T10:00:00')",
            f"{path}: message #3: warning: it has no id (null); read as '{path}#3'",
            f"{path}: message #4: warning: its id 3 repeats an earlier message's; read as "
            "'Test chan/3#4'",
            f"{path}: message #4: warning: 1 NUL character removed (a sign of a corrupt or "
            "binary file)",
        ]
    expected += [
        f"{feed}: entry 1: warning: its date cannot be read ('not a date at all')",
        f"{feed}: entry 2: warning: its id 'g1' repeats an earlier entry's; read as 'g1#2'",
    ]
    assert warnings == expected


@pytest.mark.parametrize(
    "fields, day",
    [
        ({"date": "garbage", "date_unixtime": "1679392800"}, "2023-03-21"),  # its UTC twin
        ({"date": 1679392800}, "2023-03-21"),  # a number in "date": Unix time
        ({"date": "2023-02-30T10:00:00"}, None),  # no such day, and no twin: said, not guessed
        ({"date_unixtime": "1e400"}, None),
    ],
)
def test_a_message_date_falls_back_to_its_unix_twin_and_an_unreadable_one_is_said(
    tmp_path, fields, day
):
    """ "date": "garbage" with a good "date_unixtime" had left the message undated, and no
    warning named a message whose date could not be read (only the summary's undated count)."""
    message = {"id": 3, "type": "message", "text": "Russian forces shelled Bakhmut.", **fields}
    (doc,) = iter_documents([_export(tmp_path / "result.json", [message])])
    assert (str(doc.published) if doc.published else None) == day
    unread = [w for w in doc.warnings if "date cannot be read" in w]
    assert bool(unread) == (day is None) and doc.where == f"{tmp_path / 'result.json'}: message 3"


def test_a_feed_entry_whose_date_cannot_be_read_is_said(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Shelling</title><link>https://ex.org/1</link>"
        "<pubDate>not a date at all</pubDate>"
        "<description>Russian forces shelled Bakhmut.</description></item>"
        "<item><title>Shelling 2</title><link>https://ex.org/2</link>"
        "<pubDate>Tue, 21 Mar 2023 10:00:00 GMT</pubDate>"
        "<description>Russian forces shelled Lyman.</description></item></channel></rss>",
        "utf-8",
    )
    first, second = iter_documents([feed])
    assert first.published is None and first.warnings == [
        "its date cannot be read ('not a date at all')"
    ]
    assert str(second.published) == "2023-03-21" and not second.warnings
