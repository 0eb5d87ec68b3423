"""Dates of claims, resolved against the publication date.

Explicit dates ("20 March 2023", "March 20") go to dateparser, cached by (phrase, publication
date); otherwise a fast table of common relative forms (``geo/data/dates.toml``: "the previous
day", "on Monday", "earlier this month", "last summer") decides. Both tables are gated by the
shared trigger scan of :func:`geo.claims.tables.read`, so :func:`analyse_sentence` hands over
the sentence it already lower-cased and scanned (:func:`resolve_text`) instead of redoing both.
``time_precision`` follows ACLED: 1 day, 2 week, 3 month or coarser.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from functools import lru_cache

from geo.claims.tables import Text, date_tables, read

log = logging.getLogger(__name__)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


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
def _relative(unit: str, offset: int, text: str, published: date) -> date:
    """The date a relative phrase of the table names
    (cached: phrases and publication dates are few)."""
    if unit == "day":
        return published - timedelta(days=offset)
    if unit == "weekday":
        target = next(i for i, d in enumerate(_WEEKDAYS) if d in text)
        return published - timedelta(days=(published.weekday() - target) % 7)
    if unit == "week":
        return published - timedelta(days=7 * offset)
    if unit == "month":
        year, month = published.year, published.month - offset
        while month < 1:
            year, month = year - 1, month + 12
        return date(year, month, 1)
    if unit == "season":
        month = next(m for s, m in _SEASON_START.items() if s in text)
        year = published.year - (1 if month >= published.month or offset else 0)
        return date(year, month, 1)
    return date(published.year, 1, 1)


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
        match = text.search_lowered(tables.explicit)
        if match:
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
            start = found.start()
            if not lowered[max(0, start - 6) : start].strip().endswith("since"):
                return (
                    _relative(rule.unit, rule.offset, found.group(0), published),
                    rule.precision,
                    found.group(0),
                )
            found = text.search_lowered(
                rule.pattern, found.end()
            )  # "since last summer" dates a state, not this claim
    return published, 1, None
