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
  names (or of a raion or hromada its sentence names as one), not a hromada its sentence names
  as one placed at its centre within 60 km of the passage's places (a second line gives the
  figure with those counted as strays, as the annotation's letter, settlements only, has it;
  from the 2026-12-05 round), and not a mention of a place the annotator could not place
  (``unscored``); when some strays are axes (precision-2 records of
  "на Покровському напрямку", "the Lyman direction", which the annotation leaves out as no
  settlement), a second line gives the figure without them;
* the misses and strays, each with the sentence it came from;
* with ``--by-cause``, the share placed within 5 km (a point on the place itself, not on a
  neighbour) and the misses and strays counted by a rough cause read off the records: a miss whose
  name no record reads, reads but leaves unresolved or at region level, or places over 25 km away;
  a stray that is an axis ("на Покровському напрямку"), a region-level record of a region not named,
  an oblast read as a town, a named place sent to a namesake, or a word that names no place of the
  passage. The causes compare names by likeness (rapidfuzz ratio of their ``name_key`` ≥ 60, so
  "Рубежное" reads "Рубіжне"), so they are a guide for choosing fixes, not a verdict.

One passage a line:
``{"url", "lang": "uk"|"ru"|"en", "text", "gold": [{"name", "katotth", "lat", "lon"}],
"oblasts": ["Донецька", "Sumska", …], "unscored": ["Старые Терны", …]}`` — ``gold`` lists every
Ukrainian settlement the text names as a place (Russian and English spellings mapped to the
Ukrainian settlement), ``oblasts`` the oblasts it names, including the gazetteer's admin1 spelling
when its first four letters differ ("Sumy" → "Sumska"), ``unscored`` places named but not scored
(outside Ukraine or not identifiable). The passages are third parties' words and are not in the
repository; the annotated sets live outside it (``dev.jsonl`` and ``heldout.jsonl`` per set, split
by a hash of the url).

    .venv/bin/python scripts/eval_ukru.py /path/to/heldout.jsonl [--show 30] [--by-cause]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from geo.core.distance import haversine_km
from geo.extract import Extractor, extract_records
from geo.gazetteer import name_key

NEAR_KM = 25.0
STRICT_KM = 5.0
REGION_PRECISION = 3
ALIKE = 60  # rapidfuzz ratio of two name keys above which a cause counts them the same name
AXIS_WORD = r"(?:напрям|направлен|direction|axis|sector)"
AXIS_AFTER = (  # "Покровському напрямку", "Lyman direction", or a list's member before the
    # word the list shares: "на краматорському, бахмутському … та запорізькому напрямках"
    rf"(?:\W+(?:\w+\W+)?|(?:\s*(?:,|\s(?:і|й|та|и|and))\s*[\w'’ʼ-]+)+\s+){AXIS_WORD}"
)
AXIS_BEFORE = AXIS_WORD + r"\w*\W+"  # "на напрямку Сватове–Кремінна"


@dataclass
class Tally:
    """Counts of one language, and the lines that explain them."""

    named: int = 0
    placed: int = 0
    placed_strict: int = 0
    points: int = 0
    strays: int = 0
    axis_points: int = 0  # precision-2 records of an axis ("на Покровському напрямку")
    axis_strays: int = 0
    hromada_points: int = 0  # hromadas the text names, at their centre: no strays, counted apart
    misses: list[str] = field(default_factory=list)
    stray_lines: list[str] = field(default_factory=list)
    causes: Counter[str] = field(default_factory=Counter)


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


_UNIT_WORD = re.compile(r"район|district|raion|громад|общин|hromada|communit|округ", re.IGNORECASE)


def _names_a_region(rec: dict, passage: dict) -> bool:
    """Is a region-level record one of the oblasts the passage names, or a raion or hromada its
    sentence names as one ("населенные пункты Изюмского, Купянского … районов")? The annotation
    lists oblasts only; a raion named in the text is a place named in the text."""
    if rec.get("geo_precision") != REGION_PRECISION:
        return False
    stems = {_stem(o) for o in passage.get("oblasts", [])}
    if stems & {_stem(rec.get("place_name") or ""), _stem(rec.get("admin1") or "")}:
        return True
    unit = str(rec.get("place_name") or "").endswith(("raion", "hromada"))
    return unit and _UNIT_WORD.search(str(rec.get("quote") or "")) is not None


HROMADA_KM = 60.0
"""A hromada placed at its centre (precision 2, "Myrivska hromada: placed at its centre
Myrove") is a place the text names when its sentence names it as one and the centre lies this
near a gold settlement of the passage (a hromada spans some 20–40 km); farther, it is a
namesake's hromada, a stray."""


def _names_a_hromada(rec: dict, gold: list[tuple[str, tuple[float, float]]]) -> bool:
    """Is a precision-2 record a hromada its sentence names as one, near the passage's places?"""
    point = _point(rec)
    if rec.get("geo_precision") != 2 or point is None or not gold:
        return False
    if "hromada: placed at its centre" not in str(rec.get("resolution_reason") or ""):
        return False
    if _UNIT_WORD.search(str(rec.get("quote") or "")) is None:
        return False
    return min(haversine_km(*point, *where) for _, where in gold) <= HROMADA_KM


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


def _alike(name: str, other: str) -> bool:
    """Are two spellings (any script, any case ending) likely the same name?"""
    return fuzz.ratio(name_key(name), name_key(other)) >= ALIKE


def miss_cause(name: str, records: list[dict]) -> str:
    """Why a gold place has no point within 25 km, judged from the records reading its name."""
    reading = [rec for rec in records if _alike(rec.get("location") or "", name)]
    if not reading:
        return "miss: no record reads the name"
    if all(_point(rec) is None or rec.get("geo_precision") == REGION_PRECISION for rec in reading):
        return "miss: read, but unresolved or left at region level"
    return "miss: read, but placed over 25 km away (a namesake)"


def _is_axis(rec: dict) -> bool:
    """Is the record's name next to a word for an axis ("Покровському напрямку", "напрямку
    Сватове", "Lyman direction")?"""
    location = rec.get("location") or ""
    if re.search(AXIS_WORD, location, re.IGNORECASE):
        return True
    sentence = " ".join(str(rec.get("quote") or "").split())
    name = re.escape(location)
    pattern = f"{name}{AXIS_AFTER}|{AXIS_BEFORE}{name}"
    return bool(location) and re.search(pattern, sentence, re.IGNORECASE) is not None


def stray_cause(rec: dict, passage: dict) -> str:
    """The rough kind of a stray: axis, unnamed region, oblast as town, namesake or no place."""
    if _is_axis(rec):
        return "stray: an axis read as its town"
    if rec.get("geo_precision") == REGION_PRECISION:
        return "stray: region-level record of a region the passage does not name"
    location = rec.get("location") or ""
    if any(_alike(location, oblast) for oblast in passage.get("oblasts", [])):
        return "stray: named like an oblast of the passage (the oblast read as a town?)"
    if any(_alike(location, g["name"]) for g in passage["gold"]):
        return "stray: a named place sent to a namesake"
    return "stray: a word that names no place of the passage"


def score_passage(passage: dict, records: list[dict], tally: Tally) -> None:
    """Add one passage's gold places and output points to ``tally``."""
    points = [(rec, p) for rec in records if (p := _point(rec)) is not None]
    gold = [(g["name"], (g["lat"], g["lon"])) for g in passage["gold"]]
    for name, where in gold:
        tally.named += 1
        best = min((haversine_km(*p, *where) for _, p in points), default=None)
        if best is not None and best <= STRICT_KM:
            tally.placed_strict += 1
        if best is not None and best <= NEAR_KM:
            tally.placed += 1
            continue
        off = "no point" if best is None else f"nearest point {best:.0f} km"
        tally.misses.append(f"{name} ({off}) — {passage['url']}")
        tally.causes[miss_cause(name, records)] += 1
    for rec, p in points:
        tally.points += 1
        axis = rec.get("geo_precision") == 2 and _is_axis(rec)
        tally.axis_points += axis
        near = any(haversine_km(*p, *where) <= NEAR_KM for _, where in gold)
        if near or _names_a_region(rec, passage) or _unscored(rec, passage):
            continue
        if _names_a_hromada(rec, gold):
            tally.hromada_points += 1  # counted apart: strays by the annotation's letter
            continue
        tally.strays += 1
        tally.axis_strays += axis
        tally.causes[stray_cause(rec, passage)] += 1
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


def report(tallies: dict[str, Tally], show: int, by_cause: bool = False) -> None:
    """Print the figures of each language, then up to ``show`` misses and strays (and, with
    ``by_cause``, the share placed within 5 km and the misses and strays by cause)."""
    for lang, t in sorted(tallies.items()):
        placed = t.placed / t.named if t.named else 0.0
        stray = t.strays / t.points if t.points else 0.0
        print(
            f"{lang}: settlements named {t.named}, placed within {NEAR_KM:.0f} km "
            f"{t.placed} ({placed:.1%}); output points {t.points}, strays {t.strays} "
            f"({stray:.1%})"
        )
        if t.axis_strays:  # the annotation leaves axes out; say what they weigh
            rest, others = t.points - t.axis_points, t.strays - t.axis_strays
            print(
                f"  of them axes (areas around a town, precision 2): {t.axis_points} points, "
                f"{t.axis_strays} strays; the other points: {rest}, strays {others} "
                f"({others / rest if rest else 0.0:.1%})"
            )
        if t.hromada_points:  # the annotation lists settlements only; say what they weigh
            letter = t.strays + t.hromada_points
            print(
                f"  hromadas its sentences name, placed at their centre near the passage's "
                f"places: {t.hromada_points} points, not strays (counted as strays: {letter}, "
                f"{letter / t.points if t.points else 0.0:.1%})"
            )
        if by_cause:
            print_causes(t)
        for line in t.misses[:show]:
            print(f"  miss: {line}")
        for line in t.stray_lines[:show]:
            print(f"  stray: {line}")


def print_causes(t: Tally) -> None:
    """The share placed within 5 km, then the misses and strays counted by cause."""
    strict = t.placed_strict / t.named if t.named else 0.0
    print(f"  placed within {STRICT_KM:.0f} km {t.placed_strict} ({strict:.1%})")
    for cause, count in sorted(t.causes.items(), key=lambda item: (item[0][:4], -item[1])):
        print(f"  {count:4d}  {cause}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("passages", type=Path, help="annotated JSONL (see the module docstring)")
    parser.add_argument("--show", type=int, default=30, help="misses and strays listed per lang")
    parser.add_argument(
        "--by-cause", action="store_true", help="also the 5 km share and misses/strays by cause"
    )
    args = parser.parse_args()
    report(evaluate(load_passages(args.passages), Extractor()), args.show, args.by_cause)


if __name__ == "__main__":
    main()
