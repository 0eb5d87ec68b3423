"""Documents in: encodings, HTML, JSONL, folders, stdin-like bytes, boilerplate, bad input."""

from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.text import sources
from geo.text.sources import document_from_bytes, iter_documents

STORY = (
    "Ukrainian forces repelled attacks near Bakhmut, the General Staff said.\n"
    "Russian forces shelled Kherson overnight."
)


def test_utf8_text_keeps_paragraphs_and_title():
    doc = document_from_bytes(STORY.encode(), "a.txt")
    assert doc.error is None and doc.warnings == []
    assert doc.paragraphs == STORY.split("\n")
    assert doc.title.startswith("Ukrainian forces repelled")


def test_utf16_with_bom_is_decoded():
    doc = document_from_bytes(
        codecs.BOM_UTF16_LE + "Бахмут утримують.".encode("utf-16-le"), "u16.txt"
    )
    assert doc.text == "Бахмут утримують."
    assert doc.warnings == []


def test_cp1251_is_detected_with_a_warning():
    text = "Российские войска обстреляли Херсон ночью, сообщили местные власти. " * 5
    doc = document_from_bytes(text.encode("cp1251"), "ru.txt")
    assert "Херсон" in doc.text
    assert any("encoding guessed" in w for w in doc.warnings)


def test_binary_content_is_an_error_not_a_crash():
    doc = document_from_bytes(bytes(range(256)) * 40, "blob.bin")
    assert doc.error is not None and "binary" in doc.error


def test_empty_file_warns():
    doc = document_from_bytes(b"", "empty.txt")
    assert doc.error is None
    assert "document has no text" in doc.warnings


def test_html_strips_scripts_navigation_and_comments_and_reads_metadata():
    html = """<!doctype html><html><head><title>Site title</title>
    <meta property="og:title" content="Fighting near Avdiivka">
    <meta property="article:published_time" content="2023-03-21T08:00:00Z">
    <link rel="canonical" href="https://example.org/avdiivka">
    <script>var lyman = "Lyman"; document.write('<p>Odesa</p>')</script>
    <style>p {color: red}</style></head>
    <body><nav><a href="/">Mariupol news</a></nav>
    <article><p>Russian forces attacked Avdiivka, the military said.</p>
    <p>Defenders held positions near Marinka.</p>
    <img src="data:image/png;base64,%s"></article>
    <div class="comments"><p>Great article about Lviv!</p></div>
    <footer>Subscribe from Kharkiv</footer></body></html>""" % ("A" * 200_000)
    doc = document_from_bytes(html.encode(), "page.html", html=True)
    assert doc.title == "Fighting near Avdiivka"
    assert doc.url == "https://example.org/avdiivka"
    assert doc.published == date(2023, 3, 21)
    assert "Avdiivka" in doc.text and "Marinka" in doc.text
    for gone in ("Lyman", "Odesa", "Mariupol", "Lviv", "Kharkiv", "AAAA"):
        assert gone not in doc.text


def test_seed_spam_comment_is_dropped(shared_dir):
    seed = shared_dir / "seeds" / "000_ce6ce7db5390928b.txt"
    doc = next(iter_documents([seed]))
    assert "Best Wishes" not in doc.text and "your posts" not in doc.text
    assert len(doc.dropped_paragraphs) == 2
    assert "Fighting raged on in the eastern Ukrainian town of Bakhmut" in doc.text


def test_everything_after_a_comments_heading_is_dropped():
    text = (
        "Russian troops advanced near Kreminna.\n"
        "Comments (2)\n"
        "Kherson is lovely in spring.\n"
        "I agree."
    )
    doc = document_from_bytes(text.encode(), "c.txt")
    assert doc.paragraphs == ["Russian troops advanced near Kreminna."]
    assert doc.dropped_paragraphs == ["Comments (2)", "Kherson is lovely in spring.", "I agree."]


def test_headlines_of_other_stories_are_dropped_with_the_lead_on_its_own_line():
    """A page's links to its other stories ("Read also: …", "Читайте також:" with the headline
    on the next line) are other reports, with other dates: none of this document's claims."""
    text = (
        "Twenty-one settlements came under enemy fire, Yuriy Malashko said.\n"
        "Read also: Kherson region struck 73 times in past day. One civilian injured\n"
        "The invaders hit Kamianske and Yehorivka with MLRS.\n"
        "Читайте також:\n"
        "Окупанти обстріляли село на Чернігівщині: пошкоджено будинки\n"
        "Four civilians were injured in the shelling."
    )
    doc = document_from_bytes(text.encode(), "r.txt")
    assert doc.paragraphs == [
        "Twenty-one settlements came under enemy fire, Yuriy Malashko said.",
        "The invaders hit Kamianske and Yehorivka with MLRS.",
        "Four civilians were injured in the shelling.",
    ]
    assert len(doc.dropped_paragraphs) == 3


def test_a_read_also_lead_glued_to_the_article_text_keeps_the_paragraph():
    # the line break after the headline was lost: the paragraph holds the article's text too
    text = (
        "Read also: Russians shell village in Sumy region with cluster munitions, one killed and "
        'one wounded"Combat operations are ongoing on the outskirts of Vovchansk," the General '
        "Staff said in its evening update, adding that Russian forces had attacked near Lyptsi, "
        "Hlyboke and Vovchansk eleven times since the morning."
    )
    doc = document_from_bytes(text.encode(), "g.txt")
    assert doc.paragraphs == [text]


def test_jsonl_documents_and_a_bad_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps(
            {
                "id": "r1",
                "title": "T1",
                "text": "Shelling in Kherson.",
                "published": "2023-03-20",
                "url": "https://x.org/1",
            }
        ),
        "{not json",
        json.dumps({"id": "r2", "text": 42}),
        "",
        json.dumps({"id": "r3", "text": "Fighting near Bakhmut."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    docs = list(iter_documents([path]))
    assert [d.doc_id for d in docs] == ["r1", f"{path}:2", f"{path}:3", "r3"]
    assert docs[0].published == date(2023, 3, 20) and docs[0].url == "https://x.org/1"
    assert docs[1].error.startswith("not a document") and docs[2].error.startswith("not a document")
    assert docs[3].error is None and docs[3].published is None


def test_folder_is_read_recursively_and_missing_paths_are_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Lyman.", encoding="utf-8")
    (tmp_path / "two.html").write_text("<p>Kupiansk.</p>", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    docs = list(iter_documents([tmp_path, tmp_path / "nope.txt"], published=date(2023, 3, 1)))
    assert [d.doc_id for d in docs] == [
        str(tmp_path / "a" / "one.txt"),
        str(tmp_path / "two.html"),
        str(tmp_path),  # the notice of what the folder holds besides documents
        str(tmp_path / "nope.txt"),
    ]
    assert docs[0].published == date(2023, 3, 1)
    assert docs[1].text == "Kupiansk."
    assert docs[2].skipped == 1 and docs[2].error.startswith(
        "skipped 1 file that is not a document (1 .png): image.png; documents are "
    )
    assert docs[3].error == "no such file or folder"


def test_oversized_document_is_truncated_with_a_warning(monkeypatch):
    monkeypatch.setattr(sources, "MAX_DOCUMENT_CHARS", 1000)
    doc = document_from_bytes(("Bakhmut is under attack. " * 400).encode(), "big.txt")
    assert len(doc.text) <= 1000
    assert any("only the first 1,000" in w for w in doc.warnings)


def test_a_folder_s_broken_links_and_pipes_are_named_not_passed_over(tmp_path):
    """A dangling or looping link and a FIFO in a folder had been skipped with no line and no
    count; each is now an unreadable document named on stderr, and the rest are read."""
    import os

    (tmp_path / "a.txt").write_text("Russian forces shelled Kupiansk.", encoding="utf-8")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    docs = {Path(d.doc_id).name: d for d in iter_documents([tmp_path])}
    assert docs["a.txt"].text == "Russian forces shelled Kupiansk."
    assert docs["broken.txt"].error == "a link to nothing readable (broken, or looping)"
    assert docs["loop1.txt"].error == docs["loop2.txt"].error == docs["broken.txt"].error
    assert docs["pipe.txt"].error == "not a regular file (a pipe, a socket or a device)"


def test_a_file_over_the_document_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    """A 3 GB file had been read whole (6.7 GB of memory) to be called binary, or to end in a
    MemoryError traceback; the limit is checked on the file's size first (a sparse file here)."""
    monkeypatch.setattr(sources, "MAX_DOCUMENT_BYTES", 1_000_000)
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(3_000_000)
    small = tmp_path / "small.txt"
    small.write_text("Russian forces shelled Kupiansk.", encoding="utf-8")
    refused, read = iter_documents([big, small])
    assert refused.error.startswith("2.9 MB is over the 1 MB limit for one document")
    assert read.error is None and read.text == "Russian forces shelled Kupiansk."


def test_stdin_over_the_limit_is_refused_without_reading_all_of_it(monkeypatch):
    import io
    import sys

    from geo.text import channels

    monkeypatch.setattr(sources, "MAX_DOCUMENT_BYTES", 1_000_000)
    monkeypatch.setattr(channels, "MAX_EXPORT_BYTES", 2 * 2**20)  # stdin may be an export
    stream = io.BytesIO(b"a" * 5_000_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    (doc,) = iter_documents(["-"])
    assert doc.doc_id == "<stdin>"
    assert doc.error.startswith("input is over the 2 MB limit for one document")
    assert stream.tell() == 2 * 2**20 + 1  # read to the limit and one byte, not to the end


def test_jsonl_lone_surrogate_escapes_are_replaced_with_a_warning(tmp_path, extractor):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "half", '
        '"text": "Russian forces shelled Kherson \\ud800 overnight, the governor said.", '
        '"title": "x\\udc00"}\n'
        '{"id": "pair", "text": "Fighting near Bakhmut \\ud83d\\ude00 continued."}\n',
        encoding="utf-8",
    )
    half, pair = iter_documents([path])
    assert "\ufffd" in half.text and half.title == "x\ufffd"
    assert half.warnings == ["lone UTF-16 surrogate escapes replaced with U+FFFD"]
    assert (
        "\U0001f600" in pair.text and pair.warnings == []
    )  # a whole pair is one character, left alone
    records = extractor.document_records(half)  # blingfire and the JSON writer need encodable text
    assert [r["location"] for r in records] == ["Kherson"]


# -- hostile and broken input (issue 15) ------------------------------------------------------


def test_invisible_format_characters_are_removed_before_the_scan(extractor):
    text = (
        "Russian forces attacked Бахм\u200bут overnight, the General Staff said.\n"
        "Ukrainian forces held Bakh\u00admut and Sol\u200dedar, the mi\u2066litary\u2069 said.\n"
        "\ufeffShelling hit Kher\u200eson."
    )
    doc = document_from_bytes(text.encode(), "zw.txt")
    for invisible in "\u200b\u00ad\u200d\u2066\u2069\u200e\ufeff":
        assert invisible not in doc.text and invisible not in (doc.title or "")
    assert doc.warnings == []  # invisible characters are common on the web: no warning
    records = extractor.document_records(doc)
    found = {r["location"] for r in records}
    assert {"Бахмут", "Bakhmut", "Soledar", "Kherson"} <= found
    for record in records:  # quotes and offsets come from the same cleaned text
        assert record["location"] in record["quote"]
        assert "\u200b" not in record["quote"] and "\u00ad" not in record["quote"]


def test_decomposed_letters_are_composed_so_names_match(extractor):
    doc = document_from_bytes("Russian forces shelled Київ overnight.".encode(), "d.txt")
    decomposed = document_from_bytes(
        "Russian forces shelled Киі\u0308в overnight.".encode(), "nfd.txt"
    )
    assert decomposed.text == doc.text
    assert [r["location"] for r in extractor.document_records(decomposed)] == ["Київ"]


def test_nul_bytes_are_reported_and_removed_from_text_and_quote(tmp_path, extractor):
    path = tmp_path / "nul.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "nul",
                "text": "Russian forces shelled Kherson\u0000 overnight. "
                "Ukrainian forces repelled attacks near Bakh\u0000mut, the General Staff said.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (doc,) = iter_documents([path])
    assert "\x00" not in doc.text
    assert doc.warnings == ["2 NUL characters removed (a sign of a corrupt or binary file)"]
    records = extractor.document_records(doc)
    assert [r["location"] for r in records] == ["Kherson", "Bakhmut"]
    assert [r["quote"] for r in records] == [
        "Russian forces shelled Kherson overnight.",
        "Ukrainian forces repelled attacks near Bakhmut, the General Staff said.",
    ]


def test_control_characters_are_removed_with_a_warning():
    doc = document_from_bytes(b"Shelling near Kherson\x07\x1b[31m overnight.", "c.txt")
    assert doc.text == "Shelling near Kherson[31m overnight."
    assert doc.warnings == ["2 control characters removed"]


def test_jsonl_unreadable_published_values_are_warned_about(tmp_path):
    path = tmp_path / "dates.jsonl"
    values = ["2023-03-21", "21-03-2023x", "not a date at all", ["x"], 20230321, {"y": 1}, None]
    path.write_text(
        "\n".join(
            json.dumps({"id": f"d{i}", "text": "Shelling near Kherson.", "published": v})
            for i, v in enumerate(values)
        ),
        encoding="utf-8",
    )
    docs = list(iter_documents([path]))
    assert docs[0].published == date(2023, 3, 21) and docs[0].warnings == []
    for doc, value in zip(docs[1:6], values[1:6], strict=True):
        assert doc.published is None
        assert doc.warnings == [f"unreadable published date {value!r}; the document has none"]
    assert docs[6].published is None and docs[6].warnings == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "far.jsonl",
            b'{"id": "d", "text": "Shelling near Kherson.", "published": "9999-03-21"}\n',
        ),
        (
            "feed.rss",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>c</title><item>'
            b"<title>t</title><description>Shelling near Kherson.</description>"
            b"<pubDate>Tue, 21 Mar 9999 10:00:00 GMT</pubDate></item></channel></rss>",
        ),
        (
            "page.html",
            b'<html><head><meta property="article:published_time" content="9999-03-21T10:00:00Z">'
            b"</head><body><p>Shelling near Kherson.</p></body></html>",
        ),
    ],
    ids=["jsonl", "feed", "page"],
)
def test_a_date_of_the_year_9999_is_warned_about_and_dropped(tmp_path, name, data):
    """A placeholder or a typo, as the event tables read such years: the document is undated,
    with a warning that names the date, never dated 9999."""
    path = tmp_path / name
    path.write_bytes(data)
    (doc,) = iter_documents([path])
    assert doc.published is None
    assert "published date 9999-03-21 is no real date; the document has none" in doc.warnings


def test_jsonl_non_text_title_and_url_are_ignored_with_a_warning(tmp_path):
    path = tmp_path / "odd.jsonl"
    record = {"id": ["x"], "text": "Shelling near Kherson.", "title": {"a": 1}, "url": 5}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = iter_documents([path])
    assert doc.error is None and doc.doc_id == '["x"]'
    assert doc.url is None and doc.title == "Shelling near Kherson."
    assert doc.warnings == [
        "field 'title' is not text; ignored",
        "field 'url' is not text; ignored",
    ]


def test_jsonl_line_nested_too_deeply_is_one_bad_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(
        "[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "ok", "text": "Kherson."}),
        encoding="utf-8",
    )
    deep, ok = iter_documents([path])
    assert deep.error == "not a document (JSON nested too deeply)"
    assert ok.error is None and ok.text == "Kherson."


def test_folders_report_the_files_they_skip(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "story.txt").write_text("Shelling near Kherson.", encoding="utf-8")
    for name in ("data.json", "table.csv", "note.rtf", "sub/scan.pdf", "sub/more.json"):
        (tmp_path / name).write_bytes(b"\x00\x01 not text")
    docs = list(iter_documents([tmp_path]))
    assert [d.doc_id for d in docs] == [str(tmp_path / "story.txt"), str(tmp_path)]
    notice = docs[1]
    assert notice.skipped == 5
    assert notice.error == (
        "skipped 5 files that are not documents (2 .json, 1 .csv, 1 .pdf, 1 .rtf): data.json, "
        "note.rtf, sub/more.json, sub/scan.pdf, table.csv; documents are "
        + ", ".join(sorted(sources.TEXT_SUFFIXES))
    )


def test_skipped_files_reach_the_stats_but_are_not_documents(tmp_path, extractor):
    from geo.extract import ExtractStats, extract_records

    (tmp_path / "story.txt").write_text("Russian forces shelled Kherson.", encoding="utf-8")
    for i in range(8):
        (tmp_path / f"t{i}.csv").write_text("a,b\n", encoding="utf-8")
    stats = ExtractStats()
    seen = []
    records = list(
        extract_records([tmp_path], extractor=extractor, stats=stats, on_document=seen.append)
    )
    assert [r["location"] for r in records] == ["Kherson"]
    assert stats.documents == 1 and stats.failed == 0 and stats.skipped_files == 8
    assert len(seen) == 1  # the progress bar counts documents only
    (message,) = stats.messages
    assert message.startswith(f"{tmp_path}: skipped 8 files that are not documents (8 .csv): ")
    assert message.count(".csv") == 6  # "8 .csv", then five names and "3 more"
    assert "and 3 more" in message
    assert ", 8 other files skipped" in stats.summary()


def test_every_format_character_counts_as_invisible():
    import sys
    import unicodedata

    format_chars = [
        chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"
    ]
    assert sources.normalise_text("".join(format_chars)) == ("", [])
    # those beyond the Basic Multilingual Plane go too, in text that holds only them or also
    # other characters from beyond it (an emoji)
    beyond = [ch for ch in format_chars if ord(ch) > 0xFFFF]
    assert beyond and sources.normalise_text(f"Бах{beyond[0]}мут")[0] == "Бахмут"
    assert sources.normalise_text(f"Kyiv\U0001f600 {''.join(beyond)}x")[0] == "Kyiv\U0001f600 x"
    assert sources.normalise_text("Bakhmut, Київ\t\n-") == ("Bakhmut, Київ\t\n-", [])


def _normalised_by_the_regexes(text: str) -> tuple[str, list[str]]:
    """normalise_text as it was before its printable shortcut: every regex pass, always."""
    import unicodedata

    warnings: list[str] = []
    nul = text.count("\x00")
    if nul:
        text = text.replace("\x00", "")
        warnings.append(
            f"{sources._plural(nul, 'NUL character')} removed (a sign of a corrupt or binary file)"
        )
    text, controls = sources._CONTROL.subn("", text)
    if controls:
        warnings.append(f"{sources._plural(controls, 'control character')} removed")
    text = sources._INVISIBLE_ASTRAL.sub("", sources._INVISIBLE.sub("", text))
    return unicodedata.normalize("NFC", text), warnings


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec=None), max_size=40))
def test_printable_shortcut_normalises_as_the_regexes(text: str) -> None:
    assert sources.normalise_text(text) == _normalised_by_the_regexes(text)


@pytest.mark.parametrize(
    "text", ["Київ\u00ad\n", "a\x01b\n", "x\u200by", "Бахмут\x85 \u2028", "é\n\x7f", "\U000e0001q"]
)
def test_printable_shortcut_keeps_cleaning(text: str) -> None:
    assert sources.normalise_text(text) == _normalised_by_the_regexes(text)


@pytest.mark.parametrize(
    ("tag", "depth"), [("div", 100_000), ("div", 300_000), ("span", 300_000), ("li", 300_000)]
)
def test_deeply_nested_html_is_read_in_linear_time(tag, depth):
    import time

    html = (
        "<html><body><article><p>Russian forces attacked Bakhmut.</p>"
        + f"<{tag}>" * depth
        + "<p>Ukrainian forces held Kherson.</p>"
        + f"</{tag}>" * depth
        + "<p>Shelling hit Lyman.</p></article></body></html>"
    )
    started = time.perf_counter()
    doc = document_from_bytes(html.encode(), "deep.html", html=True)
    elapsed = time.perf_counter() - started
    assert elapsed < 30, f"{depth} levels of <{tag}> took {elapsed:.1f} s"  # was 28 s / 291 s
    assert doc.paragraphs == [
        "Russian forces attacked Bakhmut.",
        "Ukrainian forces held Kherson.",
        "Shelling hit Lyman.",
    ]
    # <li><li>… are siblings (an <li> closes the open one), not nested: nothing to cut
    cut = any(f"nested deeper than {sources.MAX_HTML_DEPTH}" in w for w in doc.warnings)
    assert cut == (tag != "li")


def test_many_blocks_each_deeply_nested_stay_linear():
    import time

    chain = "<div>" * 500 + "<p>Fighting near Bakhmut.</p>" + "</div>" * 500
    html = "<html><body>" + chain * 400 + "</body></html>"  # 200,000 nested blocks
    started = time.perf_counter()
    doc = document_from_bytes(html.encode(), "chains.html", html=True)
    elapsed = time.perf_counter() - started
    assert elapsed < 30, f"took {elapsed:.1f} s"  # a guard against quadratic blow-up
    assert doc.error is None and doc.text.startswith("Fighting near Bakhmut.")


def test_inline_tags_inside_a_word_do_not_split_it_and_loose_text_is_kept():
    html = (
        "<html><body><article>Intro about <i>Sol</i>edar<p>Russian forces shelled\n  "
        "Kher<b>son</b> and Bakh<wbr>mut; <a href='/x'>Lyman</a> held.<br>Next line about "
        "<span>Av</span><span>diivka</span>.</p>Loose text on Siversk<div><p>Inner Toretsk</p>"
        "</div><ul><li>Vuhledar</li><li>Marinka</li></ul></article></body></html>"
    )
    doc = document_from_bytes(html.encode(), "inline.html", html=True)
    assert doc.paragraphs == [
        "Intro about Soledar",
        "Russian forces shelled Kherson and Bakhmut; Lyman held.",
        "Next line about Avdiivka.",
        "Loose text on Siversk",
        "Inner Toretsk",
        "Vuhledar",
        "Marinka",
    ]
