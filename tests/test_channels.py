"""Telegram Desktop exports and RSS/Atom feeds as documents (issue 12, item 4): one document per
message or entry with its own date, id and link; the channel as the default claimant; skipped
messages counted; hostile and oversized input refused in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from geo.core.distance import haversine_km
from geo.extract import ExtractStats, extract_frame
from geo.text import channels, sources
from geo.text.sources import iter_documents

DATA = Path(__file__).parent / "data" / "channels"
EXPORT = DATA / "result.json"
RSS = DATA / "feed.rss"
ATOM = DATA / "feed.atom"
BAKHMUT = (48.5942, 37.9989)  # GeoNames 713174
KM = 5.0


def _articles(paths) -> list[sources.Document]:
    return [d for d in iter_documents(paths) if not d.skipped]


def test_export_messages_are_documents_with_their_own_date_id_and_link():
    docs = _articles([EXPORT])
    assert [d.doc_id for d in docs] == [
        f"GeneralStaffZSU/{n}" for n in (11202, 11203, 11205, 11206)
    ]
    first = docs[0]
    assert first.published == date(2023, 3, 21)
    assert first.url == "https://t.me/GeneralStaffZSU/11202"
    # the entity list is joined as written: bold, hashtag and link texts included
    assert first.text.startswith("Operational update as of 06:00 on 21.03.2023\n")
    assert "repelled more than 80 attacks near #Bakhmut, Chasiv Yar and Marinka." in first.text
    assert first.text.endswith("Kostiantynivka. Details")
    assert docs[1].published == date(2023, 3, 22)
    assert docs[1].title == "GeneralStaffZSU #11203 (edited 2023-03-22T09:02:11)"


def test_service_and_empty_messages_are_skipped_and_counted():
    notices = [d for d in iter_documents([EXPORT]) if d.skipped]
    assert len(notices) == 1
    assert notices[0].skipped == 2 and notices[0].skipped_unit == "message"
    assert notices[0].error == "skipped 2 messages (1 service, 1 without text)"


def test_channel_is_the_default_claimant_and_named_claimants_win(extractor):
    stats = ExtractStats()
    frame = extract_frame([EXPORT], extractor=extractor, stats=stats)
    by = {(r.doc_id, r.location): r for r in frame.itertuples()}
    bakhmut = by[("GeneralStaffZSU/11202", "Bakhmut")]
    assert (bakhmut.claimant, bakhmut.claimant_kind, bakhmut.stance) == (
        "Ukrainian military",
        "military",
        "repelled",
    )
    assert haversine_km(bakhmut.latitude, bakhmut.longitude, *BAKHMUT) < KM
    assert bakhmut.source_url == "https://t.me/GeneralStaffZSU/11202"
    assert bakhmut.published == "2023-03-21"
    # a sentence that names its claimant keeps it; the next one falls back to the channel
    assert by[("GeneralStaffZSU/11203", "Krasnohorivka")].claimant == "Russian MoD"
    assert by[("GeneralStaffZSU/11203", "Kupiansk")].claimant == "Ukrainian military"
    # a forwarded post is the forwarding source's claim
    assert by[("GeneralStaffZSU/11206", "Avdiivka")].claimant == "Russian MoD"
    assert stats.skipped_messages == 2
    assert stats.summary().endswith(", 2 channel messages skipped")


@pytest.mark.parametrize(
    ("names", "claimant", "username"),
    [
        (("Генеральний штаб ЗСУ", None), "Ukrainian military", "GeneralStaffZSU"),
        ((None, "generalstaffzsu"), "Ukrainian military", "GeneralStaffZSU"),
        (("Минобороны России", None), "Russian MoD", "mod_russia"),
        (("DeepStateUA", None), "DeepState", "DeepStateUA"),
        (("Novosti Donbassa", None), "Novosti Donbassa", ""),
    ],
)
def test_channel_names_map_to_canonical_claimants(names, claimant, username):
    found, known = channels.channel_claimant(*names)
    assert (found.name, known) == (claimant, username)
    assert found.text is None  # defaulted, not written in the text


POLICE_POST = (
    "Під ударом армії рф - 23 населених пункти Донеччини. По Селидовому росіяни вдарили керованою "
    "бомбою. За даними Генштабу ЗСУ, оборонці відбили 12 атак біля Покровська."
)


@pytest.mark.parametrize(
    ("url", "claimant"),
    [
        ("https://npu.gov.ua/news/pid-udarom-23-naselenykh-punkty", "Ukrainian government"),
        ("https://kharkivoda.gov.ua/news/123", "Regional authorities"),
        ("https://function.mil.ru/news_page/country.htm", "Russian MoD"),  # a subdomain
        ("https://www.unian.ua/war/123", None),  # an outlet relays: as with no url
        ("https://npu.gov.ua.example.com/news", None),  # not the police's
        ("http://[broken/news", None),
    ],
)
def test_an_official_sites_page_is_its_offices_claim(extractor, url, claimant):
    """Set 77: a National Police post (npu.gov.ua) names no source; it is the police's claim,
    as a channel's post is the channel's. A sentence naming its source keeps it. Any other
    page reads as it does without a url (here the one source named, the document's)."""

    def read(url):
        doc = sources.Document(doc_id="p", text=POLICE_POST, url=url)
        return {r["location"]: r["claimant"] for r in extractor.document_records(doc)}

    found, plain = read(url), read(None)
    assert found["Селидовому"] == (claimant or plain["Селидовому"])
    assert claimant is None or plain["Селидовому"] != claimant
    assert found["Покровська"] == "Ukrainian military"


def test_unknown_channel_is_its_own_claimant_without_links(tmp_path):
    export = json.loads(EXPORT.read_text("utf-8"))
    export["name"] = "Frontline Notes"
    path = tmp_path / "export.txt"  # recognised by its content, not its name
    path.write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    docs = _articles([path])
    assert docs[0].doc_id == "Frontline Notes/11202" and docs[0].url is None
    assert docs[0].claimant.name == "Frontline Notes" and docs[0].claimant.kind == "channel"


def test_in_a_group_chat_each_sender_is_the_claimant(tmp_path):
    export = {
        "name": "Front chat",
        "type": "private_supergroup",
        "messages": [
            {"id": 1, "type": "message", "from": "DeepStateUA", "text": "Shelling."},
            {"id": 2, "type": "message", "from": "Oleh", "text": "Quiet here."},
            {"id": 3, "type": "message", "from": None, "text": "Deleted account."},
        ],
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export), "utf-8")
    claimants = [d.claimant.name for d in _articles([path])]
    assert claimants == ["DeepState", "Oleh", "Front chat"]


def test_published_option_only_dates_messages_without_a_date(tmp_path):
    export = {"name": "x", "messages": [{"id": 1, "type": "message", "text": "Shelling."}]}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export), "utf-8")
    assert _articles([path])[0].published is None
    assert _articles([path])[0].doc_id == "x/1"
    dated = list(iter_documents([path, EXPORT], date(2024, 1, 1)))
    assert dated[0].published == date(2024, 1, 1)
    assert dated[1].published == date(2023, 3, 21)  # the message's own date stands


def test_rss_items_are_documents_with_clean_text():
    docs = _articles([RSS])
    assert [d.doc_id for d in docs] == [
        "kyivwire-2023-03-21-0815",
        "https://kyivwire.example/war/2023/03/22/moscow-claims",
    ]
    first = docs[0]
    assert first.title == "Ukraine says it repelled assaults near Bakhmut"
    assert first.url == "https://kyivwire.example/war/2023/03/21/bakhmut-assaults"
    assert first.published == date(2023, 3, 21)
    assert first.paragraphs == [
        "Ukraine says it repelled assaults near Bakhmut",
        "Ukraine's General Staff said its forces repelled attacks near Chasiv Yar.",
        "Russian artillery shelled Kherson overnight, the regional governor said.",
    ]
    # content:encoded is preferred to the teaser; the aside is dropped as on an HTML page
    assert docs[1].paragraphs[1:] == [
        "Russia's defence ministry said its forces had taken control of Krasnohorivka."
    ]
    notice = [d for d in iter_documents([RSS]) if d.skipped]
    assert notice[0].error == "skipped 1 entry (1 without text)"


def test_atom_entries_take_published_else_updated_and_html_titles_are_text():
    docs = _articles([ATOM])
    assert [(d.title, d.published) for d in docs] == [
        ("Kupiansk holds", date(2023, 3, 21)),
        ("Overnight strikes", date(2023, 3, 22)),
    ]
    assert docs[1].paragraphs[1] == (
        "Russian forces shelled the town of Kostiantynivka, the regional governor said."
    )


def test_feed_claims_are_extracted(extractor):
    frame = extract_frame([RSS, ATOM], extractor=extractor)
    rows = frame.set_index(["doc_id", "location"])
    held = rows.loc[("tag:frontnotes.example,2023-03-21:/kupiansk", "Kreminna")]
    assert (held.claimant, held.stance, held.published) == (
        "Ukrainian military",
        "held",
        "2023-03-21",
    )
    captured = rows.loc[("https://kyivwire.example/war/2023/03/22/moscow-claims", "Krasnohorivka")]
    assert (captured.claimant, captured.stance) == ("Russian MoD", "captured")


def test_folder_reads_exports_and_feeds_by_content_and_skips_other_json(tmp_path):
    for path in (EXPORT, RSS, ATOM):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "feed.xml").write_bytes(RSS.read_bytes())
    (tmp_path / "settings.json").write_text('{"theme": "dark"}', "utf-8")
    docs = list(iter_documents([tmp_path]))
    ids = {d.doc_id for d in docs if not d.skipped}
    assert "GeneralStaffZSU/11202" in ids and "kyivwire-2023-03-21-0815" in ids
    folder_notice = [d for d in docs if d.skipped and d.skipped_unit == "file"]
    assert folder_notice[0].skipped == 1 and "settings.json" in folder_notice[0].error


HOSTILE = [
    (
        "xxe.rss",
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><title>&x;</title></item></channel></rss>",
        "refused: the feed declares entities or external references",
    ),
    (
        "laughs.xml",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b"<rss><channel><item><title>&b;</title></item></channel></rss>",
        "refused: the feed declares entities or external references",
    ),
    ("empty.atom", b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "not a readable feed"),
    ("list.json", b"[1, 2, 3]", "not a Telegram Desktop export"),
    ("broken.json", b'{"name": "x", "messages": [', "not a readable JSON file"),
    ("deep.json", b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "not a readable"),
]


@pytest.mark.parametrize(("name", "data", "error"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_exports_and_feeds_are_one_line(tmp_path, name, data, error):
    path = tmp_path / name
    path.write_bytes(data)
    docs = list(iter_documents([path]))
    assert len(docs) == 1 and docs[0].doc_id == str(path)
    assert error in docs[0].error and "\n" not in docs[0].error


def test_feedparser_is_never_handed_a_path(tmp_path, monkeypatch):
    """feedparser opens a string or bytes argument as a path or URL: the feed must be a stream."""
    import feedparser

    seen = []
    real = feedparser.parse
    monkeypatch.setattr(
        feedparser, "parse", lambda source, **kw: seen.append(source) or real(source, **kw)
    )
    list(iter_documents([RSS]))
    assert seen and all(hasattr(s, "read") for s in seen)


def test_bad_messages_are_named_and_the_rest_read(tmp_path):
    path = tmp_path / "result.json"
    messages = [7, {"id": 3, "text": {"x": 1}}, {"id": 4, "text": "Shelling near Kherson."}]
    path.write_text(json.dumps({"name": "x", "messages": messages}), "utf-8")
    docs = list(iter_documents([path]))
    assert docs[0].doc_id == f"{path}: message 3" and "neither a string nor a list" in docs[0].error
    assert docs[1].doc_id == "x/4" and docs[1].text == "Shelling near Kherson."
    assert docs[2].error == "skipped 1 message (1 not an object)"


def test_oversized_export_in_bytes_is_refused_before_parsing(monkeypatch):
    """Bytes (stdin) are parsed whole, so the size limit holds there."""
    monkeypatch.setattr(channels, "MAX_EXPORT_BYTES", 1000)
    (doc,) = sources.documents_from_bytes(EXPORT.read_bytes(), "<stdin>")
    assert doc.error.startswith("0.0 MB is over the 0.0 MB limit for a channel export or feed")


def _big_export(path: Path, n: int, *, tail: bytes = b"]}") -> Path:
    """A channel export of ``n`` messages written piece by piece (with a BOM, as some tools
    write), ending in ``tail``."""
    with path.open("wb") as fh:
        fh.write(
            b'\xef\xbb\xbf{"name": "Bigchannel", "type": "public_channel", "id": 7, "messages": ['
        )
        for k in range(n):
            message = {
                "id": k + 1,
                "type": "message",
                "date": "2025-01-05T08:00:00",
                "text": ["Shelling near ", {"type": "bold", "text": "Kherson"}, f". #{k}"],
            }
            fh.write((b", " if k else b"") + json.dumps(message).encode())  # fmt: skip
        fh.write(tail)
    return path


def test_export_files_are_streamed_past_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(channels, "MAX_EXPORT_BYTES", 1000)
    path = _big_export(tmp_path / "result.json", 3000)
    assert path.stat().st_size > 100 * channels.MAX_EXPORT_BYTES
    docs = list(iter_documents([path]))
    assert len(docs) == 3000 and all(d.error is None for d in docs)
    assert docs[0].doc_id == "Bigchannel/1" and docs[-1].text == "Shelling near Kherson. #2999"
    assert docs[-1].published == date(2025, 1, 5)


def test_a_broken_off_export_keeps_the_messages_before_the_fault(tmp_path):
    path = _big_export(tmp_path / "result.json", 50, tail=b', {"id": 51, "text": "cut')
    docs = list(iter_documents([path]))
    assert [d.doc_id for d in docs[:50]] == [f"Bigchannel/{k}" for k in range(1, 51)]
    assert docs[50].doc_id == str(path)
    assert docs[50].error.startswith("not a readable JSON file after 50 messages (")
    assert len(docs) == 51


def test_script_in_a_message_is_escaped_in_the_map(extractor, tmp_path):
    from geo.render import build_map, write_map

    frame = extract_frame([EXPORT], extractor=extractor)
    quote = frame.loc[frame.doc_id == "GeneralStaffZSU/11205", "quote"].iloc[0]
    assert "<script>alert('x')</script>" in quote  # kept as written in the record
    html = write_map(build_map(frame), tmp_path / "map.html").read_text("utf-8")
    assert "<script>alert('x')" not in html and "<img src=x" not in html


def test_cli_reads_an_export_from_stdin_and_on_workers(tmp_path):
    """Recognised by content on stdin too; the channel claimant survives the trip to workers."""
    root = Path(__file__).resolve().parents[1]
    cli = [sys.executable, "-m", "geo", "extract"]
    piped = subprocess.run(
        [*cli, "-", "-q"], input=EXPORT.read_bytes(), capture_output=True, cwd=root, timeout=120
    )
    assert piped.returncode == 0, piped.stderr
    features = json.loads(piped.stdout)["features"]
    assert {f["properties"]["doc_id"] for f in features} >= {"GeneralStaffZSU/11202"}
    out = tmp_path / "claims.geojson"
    pooled = subprocess.run(
        [*cli, EXPORT, RSS, "--workers", "2", "-o", out], capture_output=True, cwd=root, timeout=300
    )
    assert pooled.returncode == 0, pooled.stderr
    assert pooled.stderr.decode().endswith(", 2 channel messages skipped, 1 feed entry skipped\n")
    claims = {
        (f["properties"]["doc_id"], f["properties"]["location"]): f["properties"]["claimant"]
        for f in json.loads(out.read_text("utf-8"))["features"]
    }
    assert claims[("GeneralStaffZSU/11202", "Bakhmut")] == "Ukrainian military"
