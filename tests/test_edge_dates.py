"""Relative dates at the edges of the calendar: a document dated 0001-01-01 that says
"yesterday" names a day Python's dates cannot hold. The claim is kept and left undated (as with
no publication date at all), never a traceback; the other end (9999-12-31) resolves as usual."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from geo.claims.dates import resolve_date

CLI = [sys.executable, "-m", "geo"]
FIRST, LAST = date(1, 1, 1), date(9999, 12, 31)

# Every relative unit of geo/data/dates.toml that counts back from publication, in the three
# languages: on 0001-01-01 each falls before year 1.
BEFORE_YEAR_ONE = [
    "Yesterday Ukrainian forces repelled attacks near Bakhmut.",
    "Вчора ЗСУ відбили атаки біля Бахмута.",
    "За минувшие сутки ВСУ отразили атаки у Бахмута.",
    "On Tuesday Ukrainian forces repelled attacks near Bakhmut.",
    "В ніч на вівторок ворог атакував Бахмут.",
    "Last week Ukrainian forces repelled attacks near Bakhmut.",
    "Минулого тижня ЗСУ відбили атаки біля Бахмута.",
    "Last month Ukrainian forces repelled attacks near Bakhmut.",
    "В прошлом месяце ВСУ отразили атаки у Бахмута.",
    "Last summer Ukrainian forces repelled attacks near Bakhmut.",
    "Минулого літа ЗСУ відбили атаки біля Бахмута.",
    "Last year Ukrainian forces repelled attacks near Bakhmut.",
    "В прошлом году ВСУ отразили атаки у Бахмута.",
]


@pytest.mark.parametrize("sentence", BEFORE_YEAR_ONE)
def test_a_relative_date_before_year_one_leaves_the_claim_undated(sentence):
    event_date, precision, phrase = resolve_date(sentence, FIRST)
    assert (event_date, precision) == (None, None)
    assert phrase  # the sentence did name a date: it is kept as the phrase


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Today Ukrainian forces repelled attacks near Bakhmut.", FIRST),
        ("This week Ukrainian forces repelled attacks near Bakhmut.", FIRST),
        ("This year Ukrainian forces repelled attacks near Bakhmut.", FIRST),
        ("Earlier this month Ukrainian forces repelled attacks near Bakhmut.", FIRST),
    ],
)
def test_relative_dates_that_stay_in_year_one_still_resolve(sentence, expected):
    assert resolve_date(sentence, FIRST)[0] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Yesterday Ukrainian forces repelled attacks near Bakhmut.", date(9999, 12, 30)),
        ("Last week Ukrainian forces repelled attacks near Bakhmut.", date(9999, 12, 24)),
        ("Last month Ukrainian forces repelled attacks near Bakhmut.", date(9999, 11, 1)),
        ("Last summer Ukrainian forces repelled attacks near Bakhmut.", date(9998, 6, 1)),
        ("Today Ukrainian forces repelled attacks near Bakhmut.", LAST),
        ("On 20 March Ukrainian forces repelled attacks near Bakhmut.", date(9999, 3, 20)),
    ],
)
def test_the_last_day_of_the_calendar_resolves_as_any_other(sentence, expected):
    assert resolve_date(sentence, LAST)[0] == expected


def _extract(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "extract", *args], capture_output=True, text=True, timeout=300)


def _dates(stdout: str) -> list[tuple[object, object, object]]:
    features = json.loads(stdout)["features"]
    return [
        (
            f["properties"]["event_date"],
            f["properties"]["time_precision"],
            f["properties"]["place_name"],
        )
        for f in features
    ]


def test_extract_dated_year_one_by_the_option_is_one_line(tmp_path):
    """``--published 0001-01-01`` is a typo: refused, where it had left "yesterday" undated."""
    story = tmp_path / "y.txt"
    story.write_text(
        "Yesterday Ukrainian forces repelled attacks near Bakhmut.\n", encoding="utf-8"
    )
    done = _extract(str(story), "--published", "0001-01-01")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "frontline: error: --published must be a date from 1901 to 2099, not '0001-01-01'"
    )
    assert done.stdout == ""


def test_extract_of_jsonl_published_year_one_keeps_an_undated_claim(tmp_path):
    corpus = tmp_path / "docs.jsonl"
    record = {
        "id": "tg-1",
        "title": "Зведення",
        "text": "Вчора ЗСУ відбили атаки біля Бахмута.",
        "published": "0001-01-01",
    }
    corpus.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    done = _extract(str(corpus), "-q")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert [(d, p) for d, p, _ in _dates(done.stdout)] == [(None, None)]
