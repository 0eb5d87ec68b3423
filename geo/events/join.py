"""Link event-table records and text claims about the same place and days;
corroborate or contradict.

A claim and a record are **linked** when they share a gazetteer ``place_id`` (settlement level,
or the same written name when either fell back to its region) or when both are settlement-level
points within ``radius_km`` of each other, and their dates are at most ``window_days`` apart.
A linked record **corroborates** a claim when it is independent (another claimant/source and
another document) and tells a compatible story (same stance, or fighting of any kind for a claim
of fighting); it **contradicts** the claim when the stories exclude each other — a claim that an
attack was *repelled* or a place *held* against a record that the other side *captured* it (or
that its defenders withdrew), or a claim of capture against a record of the attack repelled.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.core.distance import haversine_km_array
from geo.core.records import normalize_events
from geo.core.schema import CONTRADICTING_STANCES
from geo.frontline.sides import claimant_side
from geo.gazetteer import name_key

log = logging.getLogger(__name__)

FIGHTING = frozenset(
    {"repelled", "under attack", "advancing", "struck", "on the defensive", "held"}
)
"""Stances that all say "there was fighting here"; any of them corroborates another."""
CONTRADICTS = CONTRADICTING_STANCES
"""(claim stance, record stance) pairs that cannot both be true of one place and time."""
LINK_COLUMNS = (
    "claim_row",
    "event_row",
    "claim_id",
    "event_id",
    "place_name",
    "distance_km",
    "days_apart",
    "relation",
    "independent",
)


@dataclass
class JoinResult:
    """Claims and records annotated with their links, and the links themselves."""

    claims: gpd.GeoDataFrame
    events: gpd.GeoDataFrame
    links: pd.DataFrame

    def combined(self) -> gpd.GeoDataFrame:
        """Claims then records in one frame (schema columns + join columns) for maps and reports."""
        keep = ["join_status", "join_detail", "quality_flag", "quality_detail", "source_row"]
        parts = []
        for frame, kind in ((self.claims, "text claim"), (self.events, "event table")):
            part = normalize_events(frame)
            for col in keep:
                part[col] = frame[col].to_numpy() if col in frame else None
            part["record_kind"] = kind
            parts.append(part)
        return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=4326)


def _days(values: pd.Series) -> np.ndarray:
    return pd.to_datetime(values, errors="coerce", format="ISO8601").to_numpy(dtype="datetime64[D]")


def _keys(frame: pd.DataFrame) -> np.ndarray:
    names = frame["location"] if "location" in frame else pd.Series([None] * len(frame))
    codes, uniques = pd.factorize(names.fillna("").astype(str))
    return np.array([name_key(u) if u else "" for u in uniques] + [""], dtype=object)[codes]


def _fine(frame: pd.DataFrame) -> np.ndarray:
    precision = pd.to_numeric(frame["geo_precision"], errors="coerce").to_numpy(dtype=float)
    return (precision <= 2) & np.asarray(frame["resolution"].astype(str) != "region_fallback")


def link_events(
    events: gpd.GeoDataFrame,
    claims: gpd.GeoDataFrame,
    *,
    radius_km: float = 5.0,
    window_days: int = 2,
) -> pd.DataFrame:
    """Every (claim, record) pair about the same place within ``window_days``, with its relation."""
    c_day, e_day = _days(claims["event_date"]), _days(events["event_date"])
    pairs = _same_place_pairs(events, claims, c_day, e_day, radius_km)
    ci, ei = pairs[:, 0], pairs[:, 1]
    apart = np.abs((e_day[ei] - c_day[ci]).astype(int))
    keep = apart <= window_days
    ci, ei, apart = ci[keep], ei[keep], apart[keep]
    dist = haversine_km_array(
        claims["latitude"].to_numpy(float)[ci],
        claims["longitude"].to_numpy(float)[ci],
        events["latitude"].to_numpy(float)[ei],
        events["longitude"].to_numpy(float)[ei],
    )
    relation, independent = _relations(events, claims, ci, ei)
    links = pd.DataFrame(
        {
            "claim_row": ci,
            "event_row": ei,
            "claim_id": claims["event_id"].to_numpy()[ci],
            "event_id": events["event_id"].to_numpy()[ei],
            "place_name": claims["place_name"].to_numpy()[ci],
            "distance_km": np.round(dist, 2),
            "days_apart": apart,
            "relation": relation,
            "independent": independent,
        },
        columns=list(LINK_COLUMNS),
    )
    log.info("linked %d claims and %d records: %d pairs", len(claims), len(events), len(links))
    return links


def _same_place_pairs(
    events: gpd.GeoDataFrame,
    claims: gpd.GeoDataFrame,
    c_day: np.ndarray,
    e_day: np.ndarray,
    radius_km: float,
) -> np.ndarray:
    """(claim row, record row) pairs, sorted and each once, of dated claims and records about
    the same place: the same place id (and precise enough, or the same name), or precise points
    within ``radius_km`` of each other (records flagged far or bad excepted)."""
    c_fine, e_fine = _fine(claims), _fine(events)
    c_key, e_key = _keys(claims), _keys(events)
    c_ok = ~np.isnat(c_day) & claims["place_id"].notna().to_numpy()
    e_ok = ~np.isnat(e_day)
    left = pd.DataFrame(
        {"claim_row": np.flatnonzero(c_ok), "place_id": claims["place_id"].to_numpy()[c_ok]}
    )
    right = pd.DataFrame(
        {
            "event_row": np.flatnonzero(e_ok & events["place_id"].notna().to_numpy()),
            "place_id": events["place_id"].to_numpy()[e_ok & events["place_id"].notna().to_numpy()],
        }
    )
    by_id = left.merge(right, on="place_id")[["claim_row", "event_row"]].to_numpy()
    same = (c_fine[by_id[:, 0]] & e_fine[by_id[:, 1]]) | (c_key[by_id[:, 0]] == e_key[by_id[:, 1]])
    by_id = by_id[same]
    suspect = (
        events["quality_flag"]
        .fillna("")
        .astype(str)
        .str.contains("far_from_named_place|bad_coordinates", regex=True)
        .to_numpy()
        if "quality_flag" in events
        else False
    )
    by_radius = _near_pairs(events, claims, c_ok & c_fine, e_ok & e_fine & ~suspect, radius_km)
    return (
        np.unique(np.vstack([by_id, by_radius]).astype(int), axis=0)
        if len(by_id) + len(by_radius)
        else np.empty((0, 2), int)
    )


def _relations(
    events: gpd.GeoDataFrame, claims: gpd.GeoDataFrame, ci: np.ndarray, ei: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each pair (claims ``ci``, records ``ei``): contradicts / corroborates / related, and
    whether the record is independent of the claim (another claimant and document)."""
    c_stance = claims["stance"].fillna("").astype(str).str.lower().to_numpy()[ci]
    e_stance = events["stance"].fillna("").astype(str).str.lower().to_numpy()[ei]
    c_claimant = claims["claimant"].fillna("").astype(str).str.casefold().to_numpy()[ci]
    e_claimant = events["claimant"].fillna("").astype(str).str.casefold().to_numpy()[ei]
    independent = (c_claimant != e_claimant) & (
        claims["doc_id"].astype(str).to_numpy()[ci] != events["doc_id"].astype(str).to_numpy()[ei]
    )
    contradicts = np.array(
        [(a, b) in CONTRADICTS for a, b in zip(c_stance, e_stance, strict=True)], dtype=bool
    )
    # a record of a capture contradicts "repelled"/"held" only when the capturer is not the
    # claimant's side
    claim_side = claimant_side(claims["claimant"]).fillna("").to_numpy(dtype=object)[ci]
    actor = events["actor1"] if "actor1" in events else events["claimant"]
    capturer = claimant_side(actor).fillna("").to_numpy(dtype=object)[ei]
    same_side = (claim_side != "") & (claim_side == capturer)
    contradicts &= ~((e_stance == "captured") & same_side)
    agrees = (c_stance == e_stance) & (c_stance != "") | (
        np.isin(c_stance, list(FIGHTING)) & np.isin(e_stance, [*FIGHTING, "reported"])
    )
    relation = np.where(
        contradicts, "contradicts", np.where(agrees & independent, "corroborates", "related")
    )
    return relation, independent


def _near_pairs(
    events: gpd.GeoDataFrame,
    claims: gpd.GeoDataFrame,
    c_mask: np.ndarray,
    e_mask: np.ndarray,
    radius_km: float,
) -> np.ndarray:
    c_idx, e_idx = np.flatnonzero(c_mask), np.flatnonzero(e_mask)
    if c_idx.size == 0 or e_idx.size == 0:
        return np.empty((0, 2), int)
    lat = claims["latitude"].to_numpy(float)[c_idx]
    lon = claims["longitude"].to_numpy(float)[c_idx]
    e_lat = events["latitude"].to_numpy(float)[e_idx]
    e_lon = events["longitude"].to_numpy(float)[e_idx]
    good = np.isfinite(e_lat) & np.isfinite(e_lon)
    e_idx, e_lat, e_lon = e_idx[good], e_lat[good], e_lon[good]
    tree = shapely.STRtree(shapely.points(e_lon, e_lat))
    dlat = radius_km / 110.574
    dlon = radius_km / (111.320 * np.maximum(np.cos(np.radians(lat)), 0.05))
    boxes = shapely.box(lon - dlon, lat - dlat, lon + dlon, lat + dlat)
    qi, ti = tree.query(boxes)
    near = haversine_km_array(lat[qi], lon[qi], e_lat[ti], e_lon[ti]) <= radius_km
    return np.column_stack([c_idx[qi[near]], e_idx[ti[near]]])


def _summaries(
    links: pd.DataFrame, rows: int, by: str, other_id: str, other: pd.DataFrame, other_row: str
) -> pd.DataFrame:
    table = pd.DataFrame(index=pd.RangeIndex(rows))
    for relation in ("corroborates", "contradicts"):
        part = links[links["relation"] == relation]
        table[relation] = part.groupby(by)[other_id].agg(
            lambda s: ";".join(dict.fromkeys(map(str, s)))
        )
    detail = links[links["relation"] != "related"].copy()
    if len(detail):
        who = other["claimant"].fillna("?").astype(str).to_numpy()[detail[other_row].to_numpy()]
        stance = other["stance"].fillna("?").astype(str).to_numpy()[detail[other_row].to_numpy()]
        day = other["event_date"].fillna("?").astype(str).to_numpy()[detail[other_row].to_numpy()]
        detail["text"] = (
            detail["relation"]
            .str.replace("corroborates", "corroborated by")
            .str.replace("contradicts", "contradicted by")
            + " "
            + detail[other_id].astype(str)
            + " ("
            + who
            + ": "
            + stance
            + ", "
            + day
            + ", "
            + detail["distance_km"].map("{:.1f} km".format)
            + ")"
        )
        table["join_detail"] = detail.groupby(by)["text"].agg("; ".join)
    else:
        table["join_detail"] = None
    return table


def join_claims(
    events: gpd.GeoDataFrame,
    claims: gpd.GeoDataFrame,
    *,
    radius_km: float = 5.0,
    window_days: int = 2,
) -> JoinResult:
    """Link ``events`` (validated table records) to ``claims`` (from text) and annotate both.

    Claims get ``corroborated``/``contradicted`` (bool), ``corroborated_by``/``contradicted_by``
    (record ids), ``join_status`` (corroborated, contradicted, both, linked, unlinked) and
    ``join_detail``; records get ``corroborates``/``contradicts`` (claim ids) and the same status.
    """
    claims = claims.reset_index(drop=True)
    events = events.reset_index(drop=True)
    links = link_events(events, claims, radius_km=radius_km, window_days=window_days)
    c_sum = _summaries(links, len(claims), "claim_row", "event_id", events, "event_row")
    e_sum = _summaries(links, len(events), "event_row", "claim_id", claims, "claim_row")
    out_c = claims.copy()
    out_c["corroborated"] = c_sum["corroborates"].notna().to_numpy()
    out_c["contradicted"] = c_sum["contradicts"].notna().to_numpy()
    out_c["corroborated_by"] = c_sum["corroborates"].to_numpy()
    out_c["contradicted_by"] = c_sum["contradicts"].to_numpy()
    out_c["join_detail"] = c_sum["join_detail"].to_numpy()
    linked_c = np.isin(np.arange(len(claims)), links["claim_row"].to_numpy())
    out_c["join_status"] = _status(
        out_c["corroborated"].to_numpy(), out_c["contradicted"].to_numpy(), linked_c
    )
    out_e = events.copy()
    out_e["corroborates"] = e_sum["corroborates"].to_numpy()
    out_e["contradicts"] = e_sum["contradicts"].to_numpy()
    out_e["join_detail"] = e_sum["join_detail"].to_numpy()
    linked_e = np.isin(np.arange(len(events)), links["event_row"].to_numpy())
    out_e["join_status"] = _status(
        pd.notna(out_e["corroborates"]).to_numpy(),
        pd.notna(out_e["contradicts"]).to_numpy(),
        linked_e,
    )
    return JoinResult(out_c, out_e, links)


def _status(corroborated: np.ndarray, contradicted: np.ndarray, linked: np.ndarray) -> np.ndarray:
    return np.select(
        [corroborated & contradicted, contradicted, corroborated, linked],
        ["corroborated and contradicted", "contradicted", "corroborated", "linked"],
        "unlinked",
    )
