#!/usr/bin/env python3
"""Benchmark: news articles per second, end to end (documents → mentions → resolution → records).

Generates a corpus of ~5 kB wire-style articles from templates with real theatre place names
(a JSONL file in a temp folder; 40 % of sentences carry claims, ~31 per article, twice the
density of the seed story), then streams it through ``geo.extract.extract_records`` on one core,
counting records without holding them. Prints articles/s, ms/article and resident memory at
intervals (flat memory = streaming), then the same figure for articles at the seed story's
density. Floor (issue 4): ≥ 500 articles/s per core, judged on the dense corpus.

``--lang uk`` / ``--lang ru`` generate the same kind of corpus in Ukrainian (General Staff
roundup and regional administration style) or Russian (MoD briefing style), every place name in
the case its preposition asks for ("під Бахмутом", "в Великой Новоселке"), with the forms written
out in the tables below (bench_corpora.py). Floor (issue 12): ≥ 300 articles/s per core each.

    .venv/bin/python scripts/bench_extract.py [--articles 5000] [--lang en|uk|ru]
    FRONTLINE_GAZETTEER=gazetteer .venv-native/bin/python scripts/bench_extract.py  # compiled
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from bench_corpora import CYRILLIC_CORPORA

from geo.extract import Extractor, ExtractStats, extract_records

PLACES = [
    "Bakhmut",
    "Avdiivka",
    "Lyman",
    "Marinka",
    "Vuhledar",
    "Kreminna",
    "Kupiansk",
    "Soledar",
    "Chasiv Yar",
    "Kostiantynivka",
    "Kramatorsk",
    "Sloviansk",
    "Toretsk",
    "Pokrovsk",
    "Kurakhove",
    "Velyka Novosilka",
    "Orikhiv",
    "Huliaipole",
    "Tokmak",
    "Melitopol",
    "Enerhodar",
    "Nova Kakhovka",
    "Kherson",
    "Mykolaiv",
    "Kharkiv",
    "Izium",
    "Svatove",
    "Bilohorivka",
    "Siversk",
    "Horlivka",
    "Mariupol",
    "Berdyansk",
    "Hryhorivka",
    "Bohdanivka",
    "Ivanivske",
    "Novoselivka",
    "Mykolaivka",
    "Krasnohorivka",
    "Ocheretyne",
]
REGIONS = ["Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "Kharkiv"]
CLAIMANTS = [
    "Ukraine's General Staff",
    "Russia's defence ministry",
    "British intelligence",
    "the Institute for the Study of War",
    "the regional governor",
    "Ukraine's military",
]
# Sentences without places: most of a real article (context, diplomacy, quotes, background).
FILLER = [
    "The war has displaced millions of people and destroyed much of the country's infrastructure.",
    "Officials in Brussels are debating a new package of sanctions and ammunition deliveries.",
    "\u201cWe will not give up a single metre of our land,\u201d "
    "a commander told reporters on Tuesday.",
    "Analysts say both sides are preparing for a spring offensive as the ground dries out.",
    "Western governments have pledged more air defence systems, but deliveries have been slow.",
    "Reuters could not independently verify the battlefield reports from either side.",
    "Energy prices fell for a third week as gas storage remained above seasonal averages.",
    "The United Nations said humanitarian access to front-line communities remained limited.",
]
TEMPLATES = [
    "{c} said its forces repelled {n} Russian attacks near {p1}, {p2} and {p3}, "
    "all in the {r} region, over the past day.",
    "According to {c}, Russian forces made small gains west of {p1} and north of the town of {p2}.",
    "Russian artillery shelled {p1} overnight, killing {n} civilians, {c} said.",
    "{c} said on Monday that its troops had taken control of {p1}, a claim Kyiv did not confirm.",
    "Fighting raged on in the eastern Ukrainian town of {p1}, "
    "where Ukrainian forces have held out since last summer.",
    "Ukrainian forces are on the defensive in the southern regions of {r} and {r2}, {c} said.",
    "Beijing has repeatedly denied Western accusations that it intends to arm Russia, "
    "while Washington has noted that China has not condemned the invasion.",
    "Residents of {p1} described a quiet night as electricity returned to parts of the city.",
    "Ministers gathered in Brussels on Tuesday to discuss ammunition deliveries, officials said.",
]


DENSE = 0.4  # share of sentences from TEMPLATES: ~31 claims per 5 kB article (sitrep-like)
SEED_LIKE = 0.1  # ~14 claims per 5 kB article, the density of the seed story (15 in 5.8 kB)


def make_article(rng: random.Random, i: int, claim_share: float = DENSE, lang: str = "en") -> dict:
    if lang != "en":
        return CYRILLIC_CORPORA[lang].article(rng, i, claim_share)
    sentences, size = [], 0
    while size < 5000:
        p = rng.sample(PLACES, 3)
        r, r2 = rng.sample(REGIONS, 2)
        template = rng.choice(TEMPLATES) if rng.random() < claim_share else rng.choice(FILLER)
        s = template.format(
            c=rng.choice(CLAIMANTS), n=rng.randint(2, 90), p1=p[0], p2=p[1], p3=p[2], r=r, r2=r2
        )
        sentences.append(s[0].upper() + s[1:])
        size += len(s) + 1
    paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
    return {
        "id": f"bench-{i}",
        "title": f"Frontline update {i}",
        "text": "\n".join(paragraphs),
        "published": (date(2023, 3, 1 + i % 28)).isoformat(),
    }


def write_corpus(
    path: Path, articles: int, seed: int = 20230321, claim_share: float = DENSE, lang: str = "en"
) -> None:
    """``articles`` generated articles in ``lang`` as a JSONL file of documents."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(articles):
            fh.write(json.dumps(make_article(rng, i, claim_share, lang), ensure_ascii=False) + "\n")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 1e6


def build_kind() -> str:
    """Which frontline is measured: the compiled wheel (``./scripts/native``) or pure Python."""
    from geo import compiled

    if compiled():
        return "compiled (mypyc, ./scripts/native)"
    return "pure Python (./scripts/native builds the compiled one)"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--lang", choices=("en", "uk", "ru"), default="en")
    args = parser.parse_args()
    floor = 500 if args.lang == "en" else 300
    with tempfile.TemporaryDirectory() as tmp:
        corpus, warm = Path(tmp) / "corpus.jsonl", Path(tmp) / "warm.jsonl"
        write_corpus(corpus, args.articles, lang=args.lang)
        write_corpus(warm, 200, seed=1, lang=args.lang)
        size_mb = corpus.stat().st_size / 1e6
        extractor = Extractor()
        # Warm the scanner, imports and the per-name caches on *other* articles: a pass over the
        # measured corpus itself would pre-fill the context-dependent resolver cache and flatter it.
        list(extract_records([warm], extractor=extractor))[:0]
        stats = ExtractStats()
        samples = []
        start, cpu_start = time.perf_counter(), time.process_time()
        records = 0
        for _record in extract_records([corpus], extractor=extractor, stats=stats):
            records += 1
            if records % 20_000 == 0:
                samples.append(rss_mb())
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
    per_s = args.articles / elapsed
    print(f"frontline: {build_kind()}")
    print(
        f"corpus ({args.lang}): {args.articles} articles, {size_mb:.1f} MB "
        f"({size_mb * 1e3 / args.articles:.1f} kB/article)"
    )
    print(
        f"unseen articles, warm process: {elapsed:.2f} s wall, {per_s:,.0f} articles/s, "
        f"{1e3 / per_s:.2f} ms/article, {records:,} records"
    )
    print(
        f"CPU time of this process: {cpu:.2f} s, "
        f"{args.articles / cpu:,.0f} articles per CPU-second "
        "(the per-core figure, robust to other load on the machine)"
    )
    print(f"summary: {stats.summary()}")
    print(f"resident memory while streaming (MB): {', '.join(f'{m:.0f}' for m in samples)}")
    per_core = args.articles / cpu
    print(
        f"floor ≥ {floor} articles/s per core: "
        f"{'met' if per_core >= floor else 'NOT met'} ({per_core:,.0f})"
    )
    seed_like = min(args.articles, 2000)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "seed_like.jsonl"
        write_corpus(corpus, seed_like, seed=7, claim_share=SEED_LIKE, lang=args.lang)
        cpu_start = time.process_time()
        records = sum(1 for _ in extract_records([corpus], extractor=extractor))
        cpu = time.process_time() - cpu_start
    print(
        f"for comparison, {seed_like} articles at the seed story's density "
        f"({records / seed_like:.0f} claims each): "
        f"{seed_like / cpu:,.0f} articles per CPU-second"
    )


if __name__ == "__main__":
    main()
