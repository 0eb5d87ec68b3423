#!/usr/bin/env python3
"""Benchmark the gazetteer against its floors (issue 3) and print the figures.

    .venv/bin/python scripts/bench_gazetteer.py            # all four measurements
    .venv/bin/python scripts/bench_gazetteer.py --skip-build

1. default build from pip data into a temporary file (floor ≤ 60 s);
2. cache open: GazetteerStore + Resolver + first (cold) resolve, in a fresh process (floor ≤ 0.5 s);
3. warm ``Resolver.resolve`` calls per second over theatre names in the store (floor ≥ 200,000/s);
4. ``frontline geocode --csv`` on a 10,000-row CSV, wall clock including start-up (floor ≤ 5 s).
Exit status 1 when a floor is missed.
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.gazetteer import GazetteerStore, Resolver, build_gazetteer, default_path  # noqa: E402

NAMES = [
    "Bakhmut",
    "Avdiivka",
    "Lyman",
    "Chasiv Yar",
    "Vuhledar",
    "Kupiansk",
    "Kreminna",
    "Siversk",
    "Soledar",
    "Toretsk",
    "Pokrovsk",
    "Selydove",
    "Kurakhove",
    "Marinka",
    "Orikhiv",
    "Tokmak",
    "Nova Kakhovka",
    "Huliaipole",
    "Velyka Novosilka",
    "Myrnohrad",
    "Kramatorsk",
    "Sloviansk",
    "Kostiantynivka",
    "Mariupol",
    "Berdiansk",
    "Melitopol",
    "Izium",
    "Balakliia",
    "Vovchansk",
    "Lysychansk",
    "Sievierodonetsk",
    "Rubizhne",
    "Svatove",
    "Horlivka",
    "Donetsk",
    "Luhansk",
    "Zaporizhzhia",
    "Enerhodar",
    "Kherson",
    "Kharkiv",
    "Artemivsk",
    "Бахмут",
    "Kherson region",
    "Bohdanivka",
    "Hryhorivka",
    "Mykolaivka",
    "Novoselivka",
    "Kursk",
    "Belgorod",
    "Sudzha",
]
HINTS = [None, "Donetsk Oblast", "Zaporizhzhia Oblast", "UA-63", "Kherson region"]
FLOORS = {"build_s": 60.0, "open_s": 0.5, "resolve_per_s": 200_000.0, "batch_s": 5.0}


def bench_build() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        build_gazetteer(Path(tmp) / "gazetteer.sqlite")
        return time.perf_counter() - started


def bench_open(path: Path) -> tuple[float, float]:
    """(open + first query, the same including ``import geo.gazetteer``):
    best of 3 fresh processes."""
    code = (
        "import time; t = time.perf_counter(); from geo.gazetteer import GazetteerStore, Resolver; "
        f"t0 = time.perf_counter(); r = Resolver(GazetteerStore({str(path)!r})); "
        "r.resolve('Bakhmut'); t1 = time.perf_counter(); print(t1 - t0, t1 - t)"
    )
    runs = [
        tuple(
            map(
                float,
                subprocess.run(
                    [sys.executable, "-c", code],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.split(),
            )
        )
        for _ in range(3)
    ]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def bench_resolve(path: Path, calls: int = 1_000_000) -> float:
    resolver = Resolver(GazetteerStore(path))
    queries = [(n, h) for n in NAMES for h in (None, "Donetsk Oblast")]
    for name, hint in queries:
        resolver.resolve(name, admin1=hint)
    work = (queries * (calls // len(queries) + 1))[:calls]
    resolve = resolver.resolve
    started = time.perf_counter()
    for name, hint in work:
        resolve(name, hint)
    return calls / (time.perf_counter() - started)


def bench_batch(path: Path, rows: int = 10_000) -> tuple[float, str]:
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "events.csv", Path(tmp) / "placed.csv"
        with src.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["event_id", "location", "oblast"])
            for i in range(rows):
                name = rng.choice(NAMES) if rng.random() > 0.05 else f"Unknownivka {i}"
                writer.writerow([i, name, rng.choice(HINTS) or ""])
        started = time.perf_counter()
        done = subprocess.run(
            [
                str(ROOT / ".venv" / "bin" / "frontline"),
                "geocode",
                "--csv",
                str(src),
                "--name-col",
                "location",
                "--admin1-col",
                "oblast",
                "-o",
                str(out),
                "--gazetteer",
                str(path),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return time.perf_counter() - started, done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--skip-build", action="store_true", help="Skip the ~25 s build measurement."
    )
    args = parser.parse_args()
    path = default_path()
    if not path.is_file():
        print(f"building the default store at {path} first …")
        build_gazetteer(path)
    figures = {}
    if not args.skip_build:
        figures["build_s"] = bench_build()
        print(
            f"default build          {figures['build_s']:8.1f} s      "
            f"(floor ≤ {FLOORS['build_s']:.0f} s)"
        )
    figures["open_s"], with_import = bench_open(path)
    print(
        f"cache open + 1st query {figures['open_s']:8.3f} s      "
        f"(floor ≤ {FLOORS['open_s']} s; best of 3 fresh "
        f"processes; {with_import:.2f} s including the imports)"
    )
    figures["resolve_per_s"] = bench_resolve(path)
    print(
        f"warm resolve           {figures['resolve_per_s']:8,.0f} /s     "
        f"(floor ≥ {FLOORS['resolve_per_s']:,.0f}/s; "
        f"{len(NAMES)} names × 2 hints, 1,000,000 calls)"
    )
    figures["batch_s"], summary = bench_batch(path)
    print(
        f"geocode --csv 10,000   {figures['batch_s']:8.2f} s      "
        f"(floor ≤ {FLOORS['batch_s']:.0f} s; whole CLI run)"
    )
    print(f"  {summary}")
    missed = [
        k for k, v in figures.items() if (v < FLOORS[k] if k == "resolve_per_s" else v > FLOORS[k])
    ]
    print("all floors met" if not missed else f"MISSED: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
