#!/usr/bin/env python3
"""Accuracy on real data written by others: event rows with a town and a point, and texts that
name the place of an event.

The data is not shipped (its licences do not clear redistribution); point the script at a folder
holding ``structured.csv`` (``dataset,row_id,town,admin1,lat,lon,extra``: an event monitor's town
and province columns and its own geolocated point) and ``headlines.csv``
(``dataset,doc_id,text,place,lat,lon,precision``: a headline or location sentence and the
coder's point). Prints, for the rows: share within 25 km, share answered at settlement level and
how many of those are within 25 km, share confidently wrong (settlement level, > 50 km), against
a naive "most populous namesake" pick; for the texts that name their place: share with an
extracted point within 25 km and share whose nearest point is > 100 km off.

    .venv/bin/python scripts/eval_geocoding.py /path/to/evaldata [--show-misses 20]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import tempfile
from collections import Counter
from pathlib import Path

from geo.core.distance import haversine_km
from geo.events import load_events, validate_events
from geo.extract import Extractor, extract_records
from geo.gazetteer import Resolver, geocode_csv, name_key

NEAR_KM, WRONG_KM, FAR_KM = 25.0, 50.0, 100.0
SETTLEMENT_LEVEL = {
    "1",
    "2",
    "cir_point",
    "bellingcat_point",
}  # UCDP where_prec 1–2, geolocated points


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _settlement_row(row: dict[str, str]) -> bool:
    return '"settlement_level": false' not in row.get("extra", "")


def naive(resolver: Resolver, town: str) -> tuple[float, float] | None:
    """The most populous settlement bearing the name: the baseline a careful user would try."""
    hits = [
        h.place
        for h in resolver.store.lookup(name_key(town))
        if h.place.kind == "settlement" and h.place.lat is not None
    ]
    if not hits:
        return None
    best = max(hits, key=lambda p: p.population)
    return best.lat, best.lon


def evaluate_rows(resolver: Resolver, rows: list[dict[str, str]], show: int) -> None:
    """The rows through ``frontline geocode --csv`` (the batch, whose other rows are context)."""
    rows = [r for r in rows if _settlement_row(r)]
    with tempfile.TemporaryDirectory() as folder:
        source, placed = Path(folder) / "rows.csv", Path(folder) / "placed.csv"
        with source.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["town", "province"])
            writer.writerows([r["town"], r["admin1"]] for r in rows)
        geocode_csv(source, placed, "town", resolver, admin1_col="province")
        answers = _rows(placed)
    counts: Counter[str] = Counter()
    misses = []
    for row, answer in zip(rows, answers, strict=True):
        counts["rows"] += 1
        point = float(row["lat"]), float(row["lon"])
        base = naive(resolver, row["town"])
        if base is not None and haversine_km(*base, *point) <= NEAR_KM:
            counts["naive_near"] += 1
        if not answer["latitude"]:
            counts["unplaced"] += 1
            misses.append((row, answer, None))
            continue
        km = haversine_km(float(answer["latitude"]), float(answer["longitude"]), *point)
        settlement = answer["geo_precision"] in ("1", "2")
        counts["near"] += km <= NEAR_KM
        counts["settlement"] += settlement
        counts["settlement_near"] += settlement and km <= NEAR_KM
        counts["confidently_wrong"] += settlement and km > WRONG_KM
        if km > NEAR_KM:
            misses.append((row, answer, km))
    n = counts["rows"]
    print(f"event rows: {n}")
    print(
        f"  within {NEAR_KM:.0f} km: {counts['near'] / n:.1%} (naive most-populous pick: "
        f"{counts['naive_near'] / n:.1%})"
    )
    print(
        f"  answered at settlement level: {counts['settlement'] / n:.1%}, of which within "
        f"{NEAR_KM:.0f} km: {counts['settlement_near'] / max(counts['settlement'], 1):.1%}"
    )
    print(
        f"  confidently wrong (settlement level, > {WRONG_KM:.0f} km): "
        f"{counts['confidently_wrong'] / n:.1%}; not placed: {counts['unplaced'] / n:.1%}"
    )
    for row, answer, km in misses[:show]:
        where = f"{km:.0f} km" if km is not None else "unplaced"
        print(
            f"    {row['dataset']}:{row['row_id']} {row['town']!r} / {row['admin1']!r} → "
            f"{answer['place_name'] or '-'} ({where}): {answer['reason'][:110]}"
        )


def _names_its_place(row: dict[str, str]) -> bool:
    place = re.split(r"[,(]", row["place"] or "")[0].strip()
    return len(place) >= 4 and name_key(place)[:5] in name_key(row["text"])


def evaluate_texts(extractor: Extractor, rows: list[dict[str, str]], show: int) -> None:
    docs = [r for r in rows if r["precision"] in SETTLEMENT_LEVEL and _names_its_place(r)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "texts.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, r in enumerate(docs):
                fh.write(json.dumps({"id": str(i), "text": r["text"]}, ensure_ascii=False) + "\n")
        points: dict[str, list[tuple[float, float]]] = {}
        for rec in extract_records([path], extractor=extractor):
            if rec["latitude"] is not None:
                points.setdefault(rec["doc_id"], []).append((rec["latitude"], rec["longitude"]))
    near = far = none = 0
    misses = []
    for i, r in enumerate(docs):
        truth = float(r["lat"]), float(r["lon"])
        found = points.get(str(i), [])
        if not found:
            none += 1
            misses.append((r, None))
            continue
        best = min(haversine_km(*p, *truth) for p in found)
        near += best <= NEAR_KM
        far += best > FAR_KM
        if best > NEAR_KM:
            misses.append((r, best))
    n = len(docs)
    print(f"texts that name their place: {n}")
    print(
        f"  an extracted point within {NEAR_KM:.0f} km: {near / n:.1%}; nearest point > "
        f"{FAR_KM:.0f} km off: {far / n:.1%}; no point: {none / n:.1%}"
    )
    for r, km in misses[:show]:
        where = f"{km:.0f} km" if km is not None else "no point"
        print(f"    {r['dataset']}:{r['doc_id']} ({where}) {r['text'][:120]!r}")


CORRUPTIONS = ("swapped", "moved 60-150 km", "wrong oblast", "zero", "out of range")


def _corrupt(row: dict[str, str], kind: str, rng: random.Random, oblasts: list[str]) -> dict:
    lat, lon = float(row["lat"]), float(row["lon"])
    out = dict(row)
    if kind == "swapped":
        out["lat"], out["lon"] = lon, lat
    elif kind == "moved 60-150 km":
        km, bearing = rng.uniform(60, 150), rng.uniform(0, 2 * math.pi)
        out["lat"] = lat + km * math.cos(bearing) / 111.0
        out["lon"] = lon + km * math.sin(bearing) / (111.0 * math.cos(math.radians(lat)))
    elif kind == "wrong oblast":
        here = name_key(row["admin1"] or "")
        out["admin1"] = rng.choice([o for o in oblasts if name_key(o)[:5] != here[:5]])
    elif kind == "zero":
        out["lat"], out["lon"] = 0.0, 0.0
    else:
        out["lat"] = lat + 90.0
    return out


def _check(resolver: Resolver, rows: list[dict], folder: Path) -> list[str]:
    """``check_status`` of each row through ``frontline events check``'s validation."""
    path = folder / "rows.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["event_id", "event_date", "location", "admin1", "latitude", "longitude"])
        for i, r in enumerate(rows):
            date = json.loads(r.get("extra") or "{}").get("date") or "2022-03-01"
            writer.writerow([f"r{i}", date, r["town"], r["admin1"], r["lat"], r["lon"]])
    checked = validate_events(load_events(path, "generic"), resolver=resolver)
    return checked["check_status"].tolist()


def evaluate_checks(resolver: Resolver, rows: list[dict[str, str]], seed: int = 7) -> None:
    rows = [r for r in rows if _settlement_row(r)]
    oblasts = sorted({r["admin1"] for r in rows if r["admin1"].endswith(("Oblast", "oblast"))})
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        clean = Counter(_check(resolver, rows, Path(folder)))
        print(
            f"event checks on the {len(rows)} clean rows: {clean['flagged'] / len(rows):.1%} "
            f"flagged ({dict(clean)})"
        )
        for kind in CORRUPTIONS:
            sample = [r for r in rows if kind != "wrong oblast" or r["admin1"]]
            bad = [_corrupt(r, kind, rng, oblasts) for r in sample]
            status = Counter(_check(resolver, bad, Path(folder)))
            print(f"  corrupted ({kind}): {status['flagged'] / len(bad):.1%} flagged")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args()
    resolver = Resolver()
    evaluate_rows(resolver, _rows(args.folder / "structured.csv"), args.show_misses)
    evaluate_texts(Extractor(resolver), _rows(args.folder / "headlines.csv"), args.show_misses)
    evaluate_checks(resolver, _rows(args.folder / "structured.csv"))


if __name__ == "__main__":
    main()
