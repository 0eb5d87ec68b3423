#!/usr/bin/env python3
"""Benchmark: articles per second on one process vs ``geo.engine.extract_parallel`` on N workers.

Generates ~5 kB wire-style articles (``make_article`` from ``bench_extract.py``) into a JSONL file,
then times, end to end and from a cold start (extractor/worker start-up included):

* ``1 process``: :func:`geo.extract.extract_records` with a fresh :class:`~geo.extract.Extractor`;
* ``processes×N``: :func:`geo.engine.extract_parallel` on a process pool;
* ``dask×N`` (with ``--dask``, needs ``pip install 'frontline[dask]'``): a local Dask cluster,
  cluster start-up included.

Every run streams and counts records without holding them; the records of the parallel runs are
checked against the single-process run by a digest of their event ids. ``CPU s`` is the CPU time
of the driver and its finished workers, ``CPUs busy`` that over the wall time: well under the
worker count means the machine was busy with other work (also see the load average printed).
Also prints the driver's peak resident memory.

    .venv/bin/python scripts/bench_engine.py [--articles 4000] [--workers 2]
        [--batch-size 200] [--dask]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import write_corpus  # noqa: E402

from geo.engine import extract_parallel  # noqa: E402
from geo.extract import Extractor, extract_records  # noqa: E402


def cpu_seconds() -> float:
    """CPU time of this process and of its finished (waited-for) descendants."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, records: Callable[[], Iterator[dict]], articles: int) -> dict:
    digest = hashlib.sha1()
    cpu, start = cpu_seconds(), time.perf_counter()
    count = 0
    for record in records():
        digest.update(record["event_id"].encode())
        count += 1
    elapsed = time.perf_counter() - start
    return {
        "label": label,
        "seconds": elapsed,
        "per_s": articles / elapsed,
        "records": count,
        "cpu": cpu_seconds() - cpu,
        "digest": digest.hexdigest()[:12],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--dask", action="store_true", help="also time a local Dask cluster")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, args.articles)
        size_mb = corpus.stat().st_size / 1e6
        runs = [
            timed(
                "1 process", lambda: extract_records([corpus], extractor=Extractor()), args.articles
            )
        ]
        runs.append(
            timed(
                f"processes×{args.workers}",
                lambda: extract_parallel(
                    [corpus], workers=args.workers, batch_size=args.batch_size
                ),
                args.articles,
            )
        )
        if args.dask:
            runs.append(
                timed(
                    f"dask×{args.workers}",
                    lambda: extract_parallel(
                        [corpus], workers=args.workers, batch_size=args.batch_size, scheduler="dask"
                    ),
                    args.articles,
                )
            )
    base = runs[0]
    print(
        f"corpus: {args.articles} articles, {size_mb:.1f} MB "
        f"({size_mb * 1e3 / args.articles:.1f} kB/article), "
        f"{os.cpu_count()} CPUs, load average before: {LOAD_BEFORE}"
    )
    print(
        f"{'run':<14}{'seconds':>9}{'articles/s':>12}{'speed-up':>10}"
        f"{'CPU s':>8}{'CPUs busy':>11}{'records':>10}"
        "  same records"
    )
    for run in runs:
        print(
            f"{run['label']:<14}{run['seconds']:>9.2f}{run['per_s']:>12,.0f}"
            f"{run['per_s'] / base['per_s']:>9.2f}×"
            f"{run['cpu']:>8.1f}{run['cpu'] / run['seconds']:>11.2f}{run['records']:>10,}"
            f"  {'yes' if run['digest'] == base['digest'] else 'NO'}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"driver peak resident memory: {peak:.0f} MB (includes the 1-process run's extractor)")


LOAD_BEFORE = ", ".join(f"{x:.2f}" for x in os.getloadavg())

if __name__ == "__main__":
    main()
