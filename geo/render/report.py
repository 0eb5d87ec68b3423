"""``report.html``: the map, a table of claims by place and claimant, and conflicting claims.

Conflicting claims are pairs of claims about the same place (``place_id``, else the place name)
whose day ranges overlap (a claim covers its ``event_date`` widened by its ``time_precision``),
made by different claimants with different stances. A claim repeated by several reports (copies
of a wire story, reposts) is one claim with its count of reports, so the pairs grow with the
distinct claims, not with the square of the copies. Each pair is shown with a small map of its
place (an inline SVG image, :func:`geo.render.static.place_map_uri`: no request, no script) and
both quotes, cut to :data:`QUOTE_CHARS_IN_REPORT` with the whole text one click away; past
:data:`CONFLICT_CARDS_MAX` pairs the others are counted by place under the cards. The page
fits its window down to a phone's width: tables wrap, and on a narrow window every row becomes a
card. Every value from the data is escaped by the template; the map is embedded as a fragment
(:func:`geo.render.map.map_fragment`).
"""

from __future__ import annotations

import logging
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from markupsafe import Markup

from geo.core import style as st
from geo.core.claimants import claimant_palette
from geo.core.io.files import write_text
from geo.core.io.safe import replace_surrogates
from geo.core.records import normalize_events
from geo.core.schema import CONTRADICTING_STANCES
from geo.render import layers as ly
from geo.render.map import build_map, map_fragment

log = logging.getLogger(__name__)

# Half-width in days of the interval a date of a given precision stands for.
PRECISION_DAYS = {1: 0, 2: 3, 3: 15}  # ACLED time_precision: 1 day, 2 week, 3 month or coarser
QUOTE_CHARS_IN_REPORT = 300
GRID_CLAIMANTS_MAX = 8
"""Most claimants the claims table shows as columns; with more, each place lists its claims."""
PLACE_MAPS_MAX = 60
"""Most small maps in a report (one per place and pair of claimants; ~0.2 s and 10-50 kB each)."""
CONFLICT_CARDS_MAX = 200
"""Most conflicting claims shown as cards; the others are counted by place under the cards."""


def conflicting_claims(events: pd.DataFrame) -> pd.DataFrame:
    """Pairs of claims that exclude each other: same place, overlapping days, different claimants,
    and stances in :data:`geo.core.schema.CONTRADICTING_STANCES`
    (held/repelled vs captured/withdrew).

    A claim repeated by several reports (the same place, claimant and stance, case aside, over
    the same days: copies of a wire story, reposts) is one claim, represented by its first
    record: ``reports_a``/``reports_b`` count the reports making each side (a merged record
    counts its ``n_reports``) and ``reports`` the pairs of reports the row stands for, so the
    pairs grow with the distinct claims, not with the square of the copies."""
    frame = normalize_events(events)
    place = frame["place_id"].fillna(frame["place_name"].str.strip().str.lower())
    dates = pd.to_datetime(frame["event_date"], errors="coerce", format="mixed")
    half = pd.to_numeric(frame["time_precision"], errors="coerce").map(PRECISION_DAYS).fillna(0)
    claims = pd.DataFrame(
        {
            "row": range(len(frame)),
            "place": place,
            "place_name": frame["place_name"],
            "claimant": frame["claimant"],
            "stance": frame["stance"],
            "start": dates - pd.to_timedelta(half, unit="D"),
            "end": dates + pd.to_timedelta(half, unit="D"),
            "event_date": frame["event_date"],
            "quote": frame["quote"],
            "reports": _reports(frame),
        }
    ).dropna(subset=["place", "start", "claimant", "stance"])
    claims = claims[claims["stance"].str.lower().isin(_CLASHING)]
    claims = _one_per_claim(claims)
    pairs = claims.merge(claims, on="place", suffixes=("_a", "_b"))
    pairs = pairs[
        (pairs["row_a"] < pairs["row_b"])
        & (pairs["claimant_a"].str.lower() != pairs["claimant_b"].str.lower())
        & np.array(
            [
                (a, b) in CONTRADICTING_STANCES
                for a, b in zip(
                    pairs["stance_a"].str.lower(), pairs["stance_b"].str.lower(), strict=True
                )
            ],
            dtype=bool,
        )
        & (pairs["start_a"] <= pairs["end_b"])
        & (pairs["start_b"] <= pairs["end_a"])
    ]
    pairs = pairs.assign(reports=pairs["reports_a"] * pairs["reports_b"])
    return pairs.sort_values(["place_name_a", "start_a"]).reset_index(drop=True)


_CLASHING = frozenset(s for pair in CONTRADICTING_STANCES for s in pair)


def _reports(frame: pd.DataFrame) -> pd.Series:
    """How many reports each record stands for: its ``n_reports`` when merged, else 1."""
    if "n_reports" not in frame:
        return pd.Series(1, index=frame.index, dtype=int)
    counts = pd.to_numeric(frame["n_reports"], errors="coerce").fillna(1)
    return counts.clip(lower=1).astype(int)


def _one_per_claim(claims: pd.DataFrame) -> pd.DataFrame:
    """``claims`` with the records of one claim (same place, claimant, stance, days) folded
    into the first, its ``reports`` the sum of theirs."""
    same = pd.DataFrame(
        {
            "place": claims["place"],
            "claimant": claims["claimant"].str.lower(),
            "stance": claims["stance"].str.lower(),
            "start": claims["start"],
            "end": claims["end"],
        }
    )
    total = claims["reports"].groupby([same[c] for c in same.columns], sort=False).transform("sum")
    return claims.assign(reports=total)[~same.duplicated()]


def claims_table(events: pd.DataFrame) -> tuple[list[str], pd.DataFrame]:
    """(claimants, table place × claimant of "stance ×n" cells) for the mapped and named claims."""
    frame = normalize_events(events)
    frame = frame[frame["place_name"].notna() | frame["location"].notna()]
    place = frame["place_name"].fillna(frame["location"])
    claimant = frame["claimant"].fillna(st.UNKNOWN_CLAIMANT)
    stance = frame["stance"].fillna("reported")
    counts = (
        pd.DataFrame({"place": place, "claimant": claimant, "stance": stance})
        .value_counts()
        .reset_index(name="n")
    )
    counts["cell"] = counts["stance"] + counts["n"].map(lambda n: f" ×{n}" if n > 1 else "")
    table = counts.groupby(["place", "claimant"])["cell"].agg(", ".join).unstack(fill_value="")
    return list(table.columns), table.sort_index()


def render_report(
    events: pd.DataFrame,
    *,
    control: gpd.GeoDataFrame | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    title: str = "Frontline claims",
    self_contained: bool = False,
) -> str:
    """The report page as HTML text; ``self_contained``: every asset inlined and tiles off, so
    the page opens with no network (as :func:`geo.render.map.write_map` does for a map)."""
    frame = normalize_events(events)
    m = build_map(frame, control=control, boundaries=boundaries, title=title)
    if self_contained:
        from geo.render.assets import inline_assets

        inline_assets(m)
    drawn, palette = claimant_palette(frame)  # event-table sources grouped, as on the map
    conflicts = conflicting_claims(frame.assign(claimant=drawn))
    claimants, table = claims_table(frame.assign(claimant=drawn))
    mapped, unresolved = ly.split_mapped(frame)
    shown, hidden = _shown_conflicts(conflicts)
    rows = [_conflict_row(r, palette) for r in shown.itertuples()]
    for row, uri in zip(rows, _place_maps(frame, shown), strict=True):
        row["map"] = uri
    page = ly.render_html(
        "report.html.j2",
        title=title,
        summary=(
            f"{len(frame)} claims: {len(mapped)} mapped, {len(unresolved)} unresolved; "
            f"{_conflicts_text(conflicts)}."
        ),
        map_fragment=Markup(map_fragment(m)),
        conflicts=rows,
        conflicts_total=len(conflicts),
        hidden=hidden,
        hidden_total=sum(n for _, n in hidden),
        claimants=[{"name": c, "color": palette[c]} for c in claimants],
        grid=len(claimants) <= GRID_CLAIMANTS_MAX,
        table=[{"place": place, "cells": list(values)} for place, values in table.iterrows()],
    )
    return replace_surrogates(page)


def _conflicts_text(conflicts: pd.DataFrame) -> str:
    """The summary's count: conflicting pairs of claims and, when claims were repeated, the
    pairs of reports they stand for."""
    n, reports = len(conflicts), int(conflicts["reports"].sum()) if len(conflicts) else 0
    text = f"{n} conflicting pair{'' if n == 1 else 's'} of claims"
    return text if reports == n else f"{text} (in {reports:,} pairs of reports)"


def _shown_conflicts(conflicts: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """The conflicts shown as cards (at most :data:`CONFLICT_CARDS_MAX`: the most-reported of
    each place first, then the most-reported others; in place order) and, for the others, each
    place's name and how many are not shown."""
    if len(conflicts) <= CONFLICT_CARDS_MAX:
        return conflicts, []
    rank = conflicts.assign(
        _later=conflicts.groupby("place", sort=False)["reports"]
        .rank(method="first", ascending=False)
        .gt(1),
        _order=range(len(conflicts)),
    ).sort_values(["_later", "reports", "_order"], ascending=[True, False, True], kind="stable")
    keep = np.zeros(len(conflicts), dtype=bool)
    keep[rank["_order"].to_numpy()[:CONFLICT_CARDS_MAX]] = True
    rest = conflicts[~keep]
    names = rest["place_name_a"].fillna(rest["place"]).astype(str)
    hidden = [(str(name), int(n)) for name, n in names.value_counts(sort=False).items()]
    return conflicts[keep].reset_index(drop=True), hidden


def _quote(text: object) -> dict[str, str]:
    """A quote as the report shows it: ``short`` (cut to :data:`QUOTE_CHARS_IN_REPORT`) and
    ``full`` when it was cut (the page shows it on demand)."""
    short = ly.truncate(text, QUOTE_CHARS_IN_REPORT) or ""
    return {"short": short, "full": str(text) if short and short != text else ""}


def _conflict_row(r, palette: dict[str, str]) -> dict[str, object]:
    """The template's values for one conflicting pair (a row of :func:`conflicting_claims`);
    ``palette``: the map's claimant colours."""
    days = (
        str(r.start_a.date()) if r.start_a == r.end_b else f"{r.start_a.date()} – {r.end_b.date()}"
    )
    return {
        "place": r.place_name_a,
        "days": days,
        "sides": [
            {
                "claimant": claimant,
                "stance": stance,
                "date": date,
                "color": palette[claimant],
                "quote": _quote(quote),
                "reports": int(reports),
            }
            for claimant, stance, date, quote, reports in (
                (r.claimant_a, r.stance_a, r.event_date_a, r.quote_a, r.reports_a),
                (r.claimant_b, r.stance_b, r.event_date_b, r.quote_b, r.reports_b),
            )
        ],
        "reports": int(r.reports),
    }


def _place_maps(frame: gpd.GeoDataFrame, conflicts: pd.DataFrame) -> list[str | None]:
    """A small map (``data:`` URI) for each conflicting pair that is mapped, drawn once per
    place and pair of claimants, for the first :data:`PLACE_MAPS_MAX` of those; None for the
    others."""
    if conflicts.empty:
        return []
    from geo.render.static import place_map_uri  # matplotlib, only when there is a pair

    mapped, _ = ly.split_mapped(frame.assign(frame_row=range(len(frame))))
    position = {row: k for k, row in enumerate(mapped["frame_row"].tolist())}
    claimants, palette = claimant_palette(mapped)  # once for all the small maps
    drawn: dict[tuple, str] = {}
    out: list[str | None] = []
    keys = zip(conflicts["place"], conflicts["claimant_a"], conflicts["claimant_b"], strict=True)
    for key, a, b in zip(keys, conflicts["row_a"], conflicts["row_b"], strict=True):
        pair = [position[r] for r in (a, b) if r in position]
        if key not in drawn and len(drawn) < PLACE_MAPS_MAX and len(pair) == 2:
            colors = [palette[claimants.iat[k]] for k in pair]
            drawn[key] = place_map_uri(mapped, pair, colors)
        out.append(drawn.get(key))
    return out


def write_report(
    events: pd.DataFrame,
    path: str | Path,
    *,
    control: gpd.GeoDataFrame | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    title: str = "Frontline claims",
    self_contained: bool = False,
) -> Path:
    """Write ``report.html`` (folders are created); ``self_contained`` as in
    :func:`render_report`."""
    page = render_report(
        events, control=control, boundaries=boundaries, title=title, self_contained=self_contained
    )
    path = write_text(path, page)
    log.info("wrote %s", path)
    return path
