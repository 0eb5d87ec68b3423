"""Publication dates from the text when ``--published`` is absent (issue 13, item 7): datelines
and page metadata date the document; a dateline without a year does not (no year is guessed);
an undated run says so in its summary."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from geo.extract import ExtractStats, extract_frame
from geo.text.sources import dateline_date, document_from_bytes, iter_documents

ROOT = Path(__file__).resolve().parents[1]
SITREP = ROOT / "examples" / "sitrep_2023-03-21.txt"
MARCH_21 = date(2023, 3, 21)


@pytest.mark.parametrize(
    "text",
    [
        "KYIV, Ukraine, March 21, 2023 — Ukrainian forces repelled attacks near Bakhmut.",
        "KYIV, March 21, 2023 (Reuters) - Ukrainian forces repelled attacks near Bakhmut.",
        "21 березня 2023 р.\nОборонці відбили атаки під Бахмутом.",
        "21 березня 2023 р., 10:15\nОборонці відбили атаки під Бахмутом.",
        "МОСКВА, 21 марта 2023 г. - Минобороны России сообщило об ударах.",
        "Heavy fighting around Bakhmut\nBAKHMUT, Ukraine, 21.03.2023 - Shelling went on.",
        "Tuesday, March 21, 2023\nUkrainian forces repelled attacks near Bakhmut.",
    ],
)
def test_datelines_with_a_year_date_the_document(text):
    assert dateline_date(text)[0] == MARCH_21
    doc = document_from_bytes(text.encode(), "story.txt")
    assert doc.published == MARCH_21 and doc.warnings == []


@pytest.mark.parametrize(
    "text",
    [
        "Xi Jinping met Putin in Moscow on Monday.\nThe talks went on.",
        "Russia fired 40 missiles at Ukraine\nMost were shot down, the air force said.",
        "Over 40 attacks in 2023 - the General Staff said.",
        "Bakhmut, 40 attacks - the General Staff said.",
        "The offensive began on February 24, 2022 - a year ago.\nIt goes on.",
    ],
)
def test_text_that_is_no_dateline_dates_nothing(text):
    assert dateline_date(text) == (None, None)
    assert document_from_bytes(text.encode(), "story.txt").published is None


def test_a_dateline_without_a_year_is_not_guessed_and_is_warned_about():
    (doc,) = iter_documents([SITREP])
    assert doc.published is None
    assert doc.warnings == [
        "the dateline's date 'March 21' names no year, so it does not date the document "
        "(give --published)"
    ]


def test_published_option_and_page_metadata_win_over_the_dateline():
    text = "KYIV, Ukraine, March 21, 2023 — Fighting went on."
    assert document_from_bytes(text.encode(), "a.txt", date(2023, 3, 22)).published == date(
        2023, 3, 22
    )
    page = (
        '<html><head><meta property="article:published_time" content="2023-03-20T09:00:00Z">'
        f"</head><body><p>{text}</p></body></html>"
    )
    assert document_from_bytes(page.encode(), "a.html").published == date(2023, 3, 20)


@pytest.mark.parametrize(
    "ld",
    [
        {"@type": "NewsArticle", "datePublished": "2023-03-21T08:15:00+02:00"},
        [{"@type": "BreadcrumbList"}, {"@type": "NewsArticle", "datePublished": "2023-03-21"}],
        {
            "@context": "https://schema.org",
            "@graph": [{"@type": "WebPage"}, {"datePublished": "2023-03-21"}],
        },
    ],  # fmt: skip
)
def test_json_ld_date_published_dates_a_page(ld):
    page = (
        "<html><head><title>Sitrep</title>"
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
        "<body><p>Ukrainian forces repelled attacks near Bakhmut.</p>"
        '<time datetime="2024-01-01">a comment</time></body></html>'
    )
    assert document_from_bytes(page.encode(), "a.html").published == MARCH_21


def test_broken_json_ld_falls_back_to_the_time_element():
    page = (
        '<html><head><script type="application/ld+json">{"datePublished": </script></head>'
        '<body><p>Text.</p><time datetime="2023-03-21T10:00">21 March</time></body></html>'
    )
    assert document_from_bytes(page.encode(), "a.html").published == MARCH_21


def test_dated_dateline_dates_the_claims(extractor):
    text = (
        "KYIV, Ukraine, March 21, 2023 — Ukraine's military said on Monday it held positions "
        "near Kupiansk."
    )
    frame = extract_frame_from_text(extractor, text)
    assert list(frame.location) == ["Kupiansk"]  # the dateline's KYIV is no event site
    assert frame.published.iloc[0] == "2023-03-21" and frame.event_date.iloc[0] == "2023-03-20"


def extract_frame_from_text(extractor, text: str):
    """The records of ``text`` read as a file (so the document is finished as any input is)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        story = Path(folder) / "story.txt"
        story.write_text(text, "utf-8")
        return extract_frame([story], extractor=extractor)


def test_an_undated_run_says_so_in_its_summary(extractor):
    stats = ExtractStats()
    frame = extract_frame([SITREP], extractor=extractor, stats=stats)
    undated = int(frame.event_date.isna().sum())
    assert undated == len(frame) > 0  # the story dates its claims only relative to publication
    assert stats.summary().endswith(
        f"; {undated} claims undated: no publication date (give --published)"
    )
    dated = ExtractStats()
    extract_frame([SITREP], MARCH_21, extractor=extractor, stats=dated)
    assert "undated" not in dated.summary()
