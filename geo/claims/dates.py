"""Dates of claims, resolved against the publication date.

Explicit dates ("20 March 2023", "March 20", "21 березня", "21 марта", "21.03.2023") go to
dateparser, cached by (phrase, publication date); otherwise a fast table of common relative forms in
English, Ukrainian and Russian (``geo/data/dates.toml``: "the previous day", "on Monday", "earlier
this month", "last summer", "вчора", "за минувшие сутки", "в ніч на вівторок") decides. The table
also names the weekdays and seasons in each language and the words ("since", "з", "с") before a
relative date that make it date a state rather than the claim. Both tables are gated by the shared
trigger scan of :func:`geo.claims.tables.read`, so :func:`analyse_sentence` hands over the sentence
it already lower-cased and scanned (:func:`resolve_text`) instead of redoing both.
``time_precision`` follows ACLED: 1 day, 2 week, 3 month or coarser.

A relative date that falls outside the calendar Python can hold (year 1 to 9999: "yesterday" in a
document dated 0001-01-01) leaves the claim undated, as a missing publication date does: the
sentence names a day, and no other day is it.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from geo.claims.tables import DateTables, Text, date_tables, read

log = logging.getLogger(__name__)


@lru_cache(maxsize=65_536)
def parse_absolute(phrase: str, base: date | None = None) -> date | None:
    """An explicit date phrase → date, via dateparser (cached). Year-less dates take the
    publication year and never fall after publication."""
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(phrase, languages=["en", "uk", "ru"], settings=settings)
    return parsed.date() if parsed else None


@lru_cache(maxsize=4096)
def _relative(unit: str, offset: int, text: str, published: date) -> date | None:
    """The date a relative phrase of the table names (cached: phrases and publication dates are
    few); None when that date is outside :class:`datetime.date`'s years 1 to 9999 ("last year"
    in year 1, "yesterday" on 0001-01-01), whichever way the offset counts."""
    try:
        return _relative_date(unit, offset, text, published)
    except (OverflowError, ValueError):  # timedelta past date.min/max; date() of year 0 or 10000
        return None


def _relative_date(unit: str, offset: int, text: str, published: date) -> date:
    if unit == "day":
        return published - timedelta(days=offset)
    if unit == "weekday":
        target = _weekday(date_tables(), text)
        return published - timedelta(days=(published.weekday() - target) % 7)
    if unit == "week":
        return published - timedelta(days=7 * offset)
    if unit == "month":
        year, month = published.year, published.month - offset
        while month < 1:
            year, month = year - 1, month + 12
        return date(year, month, 1)
    if unit == "season":
        month = next(m for s, m in date_tables().seasons.items() if s in text)
        year = published.year - (1 if month >= published.month or offset else 0)
        return date(year, month, 1)
    return date(published.year - offset, 1, 1)


def _weekday(tables: DateTables, text: str) -> int:
    """The weekday (Monday 0) a phrase names; of two, the one named last: "в ночь с понедельника
    на вторник" is Tuesday's night. Words are compared by where they end, so "понеділок" is
    Monday's although it holds Sunday's "неділ"."""

    def end(day: int) -> int:
        return max(text.rfind(word) + len(word) for word in tables.weekdays[day])

    return max(range(7), key=end)


def _dates_a_state(tables: DateTables, lowered: str, start: int) -> bool:
    """Does the word before ``start`` make the date there the start of a state ("since last
    summer", "з минулого літа") rather than the date of the claim?"""
    before = lowered[max(0, start - 16) : start].split()
    return bool(before) and before[-1].lstrip("([\"'«“„") in tables.since


def _explicit(tables: DateTables, text: Text) -> list[re.Match[str]]:
    """The first explicit date of each script whose triggers the text holds, leftmost first."""
    found = [
        text.search_lowered(tables.explicit[i]) for i in tables.explicit_gate.indexes(text.opened)
    ]
    return sorted((match for match in found if match is not None), key=lambda match: match.start())


def resolve_date(
    sentence: str, published: date | None
) -> tuple[date | None, int | None, str | None]:
    """(event_date, time_precision, phrase) for a sentence;
    the publication date when it names none."""
    return resolve_text(read(sentence), published)


def resolve_text(text: Text, published: date | None) -> tuple[date | None, int | None, str | None]:
    """:func:`resolve_date` of a sentence already read (lower-cased and scanned for triggers)."""
    tables = date_tables()
    if text.opened & tables.explicit_gate.mask:
        for match in _explicit(tables, text):
            parsed = parse_absolute(match.group(0), published)
            if parsed is not None:
                return parsed, 1, match.group(0)
    if published is None:
        return None, None, None
    lowered = text.lowered
    for index in tables.relative_gate.indexes(text.opened):  # the table's order is its priority
        rule = tables.relative[index]
        found = text.search_lowered(rule.pattern)
        while found is not None:
            if not _dates_a_state(tables, lowered, found.start()):
                named = _relative(rule.unit, rule.offset, found.group(0), published)
                if named is None:  # outside the calendar: undated, not the publication date
                    return None, None, found.group(0)
                return named, rule.precision, found.group(0)
            found = text.search_lowered(
                rule.pattern, found.end()
            )  # "since last summer" dates a state, not this claim
    return published, 1, None
