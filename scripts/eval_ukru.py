#!/usr/bin/env python3
"""Issue 12's accuracy measure on Ukrainian, Russian and English text written by others.

"On held-out Ukrainian and Russian sitrep text: ≥ 90% of the settlements named are placed within
25 km, ≤ 5% of output points are not places named in the text" (the gazetteer issue set the same
floor for English front reporting). This script runs the extraction
in-process on a JSONL of passages annotated by reading and prints, per language:

* settlements named (gold places, each passage's list counted once per place) and the share
  placed within 25 km — by the nearest point of that passage, whichever record it is (so a
  place whose own mention was missed can pass on a neighbour named nearby);
* output points (records with coordinates) and the share that are strays: farther than 25 km
  from every gold settlement of the passage, not a region-level record of an oblast the passage
  names, and not a mention of a place the annotator could not place (``unscored``);
* the misses and strays, each with the sentence it came from.

One passage a line:
``{"url", "lang": "uk"|"ru"|"en", "text", "gold": [{"name", "katotth", "lat", "lon"}],
"oblasts": ["Донецька", "Sumska", …], "unscored": ["Старые Терны", …]}`` — ``gold`` lists every
Ukrainian settlement the text names as a place (Russian and English spellings mapped to the
Ukrainian settlement), ``oblasts`` the oblasts it names, including the gazetteer's admin1 spelling
when its first four letters differ ("Sumy" → "Sumska"), ``unscored`` places named but not scored
(outside Ukraine or not identifiable). The passages are third parties' words and are not in the
repository; the annotated sets live outside it (``dev.jsonl`` and ``heldout.jsonl`` per set, split
by a hash of the url).

    .venv/bin/python scripts/eval_ukru.py /path/to/heldout.jsonl [--show 30]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from geo.core.distance import haversine_km
from geo.extract import Extractor, extract_records
from geo.gazetteer import name_key

NEAR_KM = 25.0
REGION_PRECISION = 3


@dataclass
class Tally:
    """Counts of one language, and the lines that explain them."""

    named: int = 0
    placed: int = 0
    points: int = 0
    strays: int = 0
    misses: list[str] = field(default_factory=list)
    stray_lines: list[str] = field(default_factory=list)


def load_passages(path: Path) -> list[dict]:
    """The annotated passages of a JSONL file, in file order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def records_by_passage(passages: list[dict], extractor: Extractor) -> dict[str, list[dict]]:
    """Every record of every passage, by passage index (as the JSONL ``id``)."""
    found: dict[str, list[dict]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "passages.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, p in enumerate(passages):
                line = {"id": str(i), "text": p["text"], "url": p.get("url", "")}
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        for rec in extract_records([path], extractor=extractor):
            found[rec["doc_id"]].append(rec)
    return found


def _stem(name: str) -> str:
    return name_key(name)[:4]


def _names_a_region(rec: dict, passage: dict) -> bool:
    """Is a region-level record one of the oblasts the passage names?"""
    if rec.get("geo_precision") != REGION_PRECISION:
        return False
    stems = {_stem(o) for o in passage.get("oblasts", [])}
    return bool(stems & {_stem(rec.get("place_name") or ""), _stem(rec.get("admin1") or "")})


def _unscored(rec: dict, passage: dict) -> bool:
    """Is the record a mention of a place the annotator named but did not score?"""
    written = name_key(rec.get("location") or "")[:5]
    return any(name_key(u)[:5] == written for u in passage.get("unscored", []))


def _point(rec: dict) -> tuple[float, float] | None:
    if rec.get("latitude") is None or rec.get("longitude") is None:
        return None
    return float(rec["latitude"]), float(rec["longitude"])


def _quote(rec: dict) -> str:
    return " ".join(str(rec.get("quote") or "").split())[:160]


def score_passage(passage: dict, records: list[dict], tally: Tally) -> None:
    """Add one passage's gold places and output points to ``tally``."""
    points = [(rec, p) for rec in records if (p := _point(rec)) is not None]
    gold = [(g["name"], (g["lat"], g["lon"])) for g in passage["gold"]]
    for name, where in gold:
        tally.named += 1
        best = min((haversine_km(*p, *where) for _, p in points), default=None)
        if best is not None and best <= NEAR_KM:
            tally.placed += 1
            continue
        off = "no point" if best is None else f"nearest point {best:.0f} km"
        tally.misses.append(f"{name} ({off}) — {passage['url']}")
    for rec, p in points:
        tally.points += 1
        near = any(haversine_km(*p, *where) <= NEAR_KM for _, where in gold)
        if near or _names_a_region(rec, passage) or _unscored(rec, passage):
            continue
        tally.strays += 1
        tally.stray_lines.append(
            f"{rec.get('location')!r} → {rec.get('place_name')} ({p[0]:.2f}, {p[1]:.2f}) "
            f"[{rec.get('resolution')}]: {_quote(rec)}"
        )


def evaluate(passages: list[dict], extractor: Extractor) -> dict[str, Tally]:
    """Tallies by language of ``passages`` run through ``extractor``."""
    found = records_by_passage(passages, extractor)
    tallies: dict[str, Tally] = {}
    for i, passage in enumerate(passages):
        tally = tallies.setdefault(passage["lang"], Tally())
        score_passage(passage, found.get(str(i), []), tally)
    return tallies


def report(tallies: dict[str, Tally], show: int) -> None:
    """Print the figures of each language, then up to ``show`` misses and strays."""
    for lang, t in sorted(tallies.items()):
        placed = t.placed / t.named if t.named else 0.0
        stray = t.strays / t.points if t.points else 0.0
        print(
            f"{lang}: settlements named {t.named}, placed within {NEAR_KM:.0f} km "
            f"{t.placed} ({placed:.1%}); output points {t.points}, strays {t.strays} "
            f"({stray:.1%})"
        )
        for line in t.misses[:show]:
            print(f"  miss: {line}")
        for line in t.stray_lines[:show]:
            print(f"  stray: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("passages", type=Path, help="annotated JSONL (see the module docstring)")
    parser.add_argument("--show", type=int, default=30, help="misses and strays listed per lang")
    args = parser.parse_args()
    report(evaluate(load_passages(args.passages), Extractor()), args.show)


if __name__ == "__main__":
    main()
