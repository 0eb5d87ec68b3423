#!/usr/bin/env python3
"""Who says it: the claimant of each record against a reader's annotation, on text by others.

The map's layers are its claimants, so a record credited to the wrong one, or to nobody
("Unattributed report") when the article names its source, misleads as much as a misplaced
point. This script runs the extraction in-process on a JSONL of passages and compares the claimant
of every record with the annotation of the sentence it was read from. It prints, per language:

* annotated sentences, and how many of them gave records (a sentence with no record is the
  geoparser's business, not this measure's);
* records from annotated sentences, and the share whose claimant is the annotated one;
* the same share by sentence (every record of the sentence right);
* the share of those records left "Unattributed report", against the annotation's share;
* with ``--show N``, up to N disagreements with their sentence.

Two files: the passages, one a line, ``{"url", "lang", "text"}``; and the annotation, one a line
in the same order, ``{"url", "sentences": [{"quote", "claimant", "why"}]}``, where ``quote`` is
a piece of the passage (25–80 characters) inside the one sentence it labels, and ``claimant`` a
canonical name of ``geo/data/claims.toml`` (or "Unattributed report"). The annotation rules
(what a source stated for a block of text covers) are in the annotators' guide kept beside the
sets, outside the repository, as the passages are.

    .venv/bin/python scripts/eval_claimants.py passages.jsonl gold.jsonl [--show 20]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eval_ukru import load_passages, records_by_passage  # the same passage files and run

from geo.claims.analyse import UNATTRIBUTED
from geo.extract import Extractor


def evaluate(
    passages: list[dict], gold: list[dict], extractor: Extractor, show: int = 0
) -> dict[str, dict]:
    """Per language: counts and the disagreements (at most ``show`` kept)."""
    if [p["url"] for p in passages] != [g["url"] for g in gold]:
        raise SystemExit("the annotation is not in the passages' order (urls differ)")
    by_doc = records_by_passage(passages, extractor)
    results: dict[str, dict] = {}
    for index, (passage, labels) in enumerate(zip(passages, gold, strict=True)):
        lang = passage["lang"]
        out = results.setdefault(
            lang,
            {"sentences": 0, "with_records": 0, "records": 0, "right": 0, "sentences_right": 0,
             "unattributed": 0, "gold_unattributed": 0, "confusions": Counter(), "shown": []},
        )  # fmt: skip
        for label in labels["sentences"]:
            out["sentences"] += 1
            records = [r for r in by_doc[str(index)] if label["quote"] in (r["quote"] or "")]
            if not records:
                continue
            out["with_records"] += 1
            right = [r for r in records if r["claimant"] == label["claimant"]]
            out["records"] += len(records)
            out["right"] += len(right)
            out["sentences_right"] += len(right) == len(records)
            out["unattributed"] += sum(r["claimant"] == UNATTRIBUTED for r in records)
            out["gold_unattributed"] += len(records) * (label["claimant"] == UNATTRIBUTED)
            for r in records:
                if r["claimant"] != label["claimant"]:
                    out["confusions"][(label["claimant"], r["claimant"])] += 1
            if len(right) < len(records) and len(out["shown"]) < show:
                got = sorted({r["claimant"] for r in records})
                out["shown"].append(
                    f"  {label['claimant']!r} ≠ {', '.join(got)}: {records[0]['quote'][:150]}"
                    f" — {passage['url']}"
                )
    return results


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("passages", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print up to N disagreements")
    args = parser.parse_args()
    results = evaluate(
        load_passages(args.passages), load_passages(args.gold), Extractor(), args.show
    )
    for lang, out in sorted(results.items()):
        print(
            f"{lang}: annotated sentences {out['sentences']}, with records {out['with_records']}; "
            f"records {out['records']}, claimant right {out['right']} "
            f"({_share(out['right'], out['records'])}); sentences all right "
            f"{out['sentences_right']} ({_share(out['sentences_right'], out['with_records'])}); "
            f"unattributed {_share(out['unattributed'], out['records'])} "
            f"(annotation: {_share(out['gold_unattributed'], out['records'])})"
        )
        for (want, got), n in out["confusions"].most_common(6):
            print(f"  {n:4d} × annotated {want!r}, read {got!r}")
        for line in out["shown"]:
            print(line)


if __name__ == "__main__":
    main()
