"""The engine: parallel extraction gives the single-process records, in order, with merged stats."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

import geo.engine as engine
from geo.core.errors import FrontlineError
from geo.engine import extract_parallel, extract_parallel_frame, merge_stats
from geo.extract import Extractor, ExtractStats, extract_records
from geo.text.sources import iter_documents

ROOT = Path(__file__).resolve().parents[1]
SITREP = ROOT / "examples" / "sitrep_2023-03-21.txt"
PUBLISHED = date(2023, 3, 21)

DONETSK = [
    "Bakhmut",
    "Avdiivka",
    "Lyman",
    "Chasiv Yar",
    "Marinka",
    "Krasnohorivka",
    "Soledar",
    "Vuhledar",
    "Ivanivske",
    "Bohdanivka",
    "Hryhorivka",
]
TOWNS = [*DONETSK, "Kreminna", "Kupiansk", "Orikhiv"]
CLAIMANTS = [
    "Ukraine's General Staff",
    "Russia's defence ministry",
    "British intelligence",
    "the regional governor",
]
SENTENCES = [
    "{c} said its forces repelled {n} attacks near {e}, {f} and {g}, all in the Donetsk region, "
    "over the past day.",
    "Russian forces made small gains west of {a} and north of the town of {b}, {c} said.",
    "Russian artillery shelled Kherson overnight, killing {n} civilians, {c} said.",
    "Ukrainian forces are on the defensive in the Zaporizhzhia region "
    "and near {a}, {c} said on Tuesday.",
    "{c} said on Monday that its troops had taken control of {a}, a claim Kyiv did not confirm.",
    "Fighting raged on in the eastern town of {a}, "
    "where Ukrainian forces have held out since last summer.",
    "Moscow said the talks had failed, "
    "while officials in Brussels discussed ammunition deliveries.",
    "Reuters could not independently verify the battlefield reports from either side.",
]


def sentence(rng: random.Random, template: str) -> str:
    a, b = rng.sample(TOWNS, 2)
    e, f, g = rng.sample(DONETSK, 3)
    text = template.format(c=rng.choice(CLAIMANTS), n=rng.randint(2, 90), a=a, b=b, e=e, f=f, g=g)
    return text[0].upper() + text[1:]


def wire_article(rng: random.Random, i: int) -> str:
    """A short wire story: headline, dateline paragraph, then paragraphs of two sentences."""
    lines = [
        f"Frontline update {i}: fighting around {rng.choice(TOWNS)}",
        f"KYIV, March {1 + i % 20} (Reuters) - " + sentence(rng, SENTENCES[i % 2]),
    ]
    lines += [
        " ".join(sentence(rng, rng.choice(SENTENCES)) for _ in range(2))
        for _ in range(rng.randint(3, 7))
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """60 wire-style articles, the bundled sitrep, a binary file
    and a JSONL file with a bad line."""
    folder = tmp_path_factory.mktemp("corpus")
    rng = random.Random(20230321)
    for i in range(60):
        (folder / f"wire_{i:03d}.txt").write_text(wire_article(rng, i), encoding="utf-8")
    (folder / "sitrep_2023-03-21.txt").write_bytes(SITREP.read_bytes())
    (folder / "wire_030_scan.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    )
    lines = [
        json.dumps({"id": "feed-1", "text": wire_article(rng, 61), "title": "Feed one"}),
        "{not json",
        json.dumps({"id": "feed-2", "text": wire_article(rng, 62), "url": "https://example.org/2"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single(corpus, extractor) -> tuple[list[dict], ExtractStats]:
    stats = ExtractStats()
    return list(extract_records([corpus], PUBLISHED, extractor=extractor, stats=stats)), stats


def assert_same_run(
    got: tuple[list[dict], ExtractStats], want: tuple[list[dict], ExtractStats]
) -> None:
    records, stats = got
    assert [r["event_id"] for r in records] == [r["event_id"] for r in want[0]]
    assert records == want[0]
    assert stats == want[1]


def parallel(corpus: Path, store, **kwargs) -> tuple[list[dict], ExtractStats]:
    stats = ExtractStats()
    return list(
        extract_parallel([corpus], PUBLISHED, gazetteer=store.path, stats=stats, **kwargs)
    ), stats


def test_corpus_is_a_real_workload(single):
    records, stats = single
    assert stats.documents == 65 and stats.failed == 2  # 60 + sitrep + binary + 3 JSONL lines
    assert len(records) > 500 and len({r["doc_id"] for r in records}) == 63
    assert {"Bakhmut", "Avdiivka", "Lyman", "Kherson", "Zaporizhzhia region"} <= {
        r["location"] for r in records
    }
    assert any(
        r["admin1"] == "Donetska oblast" and r["resolution"] == "region_fallback" for r in records
    )


def test_two_processes_give_the_single_process_records_in_order(corpus, gazetteer_store, single):
    got = parallel(corpus, gazetteer_store, workers=2, batch_size=7)
    assert_same_run(got, single)
    order = [d.doc_id for d in iter_documents([corpus]) if not d.error]
    seen = list(dict.fromkeys(r["doc_id"] for r in got[0]))
    assert seen == [d for d in order if d in seen]


def test_one_worker_runs_inline_with_the_same_records(corpus, gazetteer_store, single):
    assert_same_run(parallel(corpus, gazetteer_store, workers=1, batch_size=25), single)


def test_bad_documents_are_counted_in_merged_stats(corpus, gazetteer_store):
    _, stats = parallel(corpus, gazetteer_store, workers=2, batch_size=5)
    assert stats.failed == 2
    skipped = [m for m in stats.messages if ": skipped: " in m]
    assert any("wire_030_scan.txt: skipped: binary" in m for m in skipped)
    assert any("feed.jsonl:2: skipped: not a document" in m for m in skipped)


def test_in_flight_batches_are_bounded(corpus, gazetteer_store, monkeypatch):
    read = []

    def counting(paths, published=None):
        for doc in iter_documents(paths, published):
            read.append(doc.doc_id)
            yield doc

    monkeypatch.setattr(engine, "iter_documents", counting)
    stream = extract_parallel(
        [corpus],
        PUBLISHED,
        workers=2,
        batch_size=4,
        max_in_flight=3,
        gazetteer=gazetteer_store.path,
    )
    next(stream)
    assert len(read) <= 3 * 4  # the driver reads ahead no further than the batches in flight
    stream.close()


@pytest.mark.parametrize(
    "stage", ["prepare", "document_records"]
)  # the whole-text passes or the rest
def test_documents_that_break_extraction_are_failed_not_fatal(
    corpus, gazetteer_store, monkeypatch, stage
):
    original = getattr(Extractor, stage)

    def fragile(self, doc, *args):
        if doc.doc_id.endswith("wire_007.txt"):
            raise ValueError("pathological input")
        return original(self, doc, *args)

    monkeypatch.setattr(Extractor, stage, fragile)
    stats = ExtractStats()
    frame = extract_parallel_frame(
        [corpus], PUBLISHED, workers=1, gazetteer=gazetteer_store.path, stats=stats
    )
    assert (
        stats.failed == 3 and len(frame) and not frame["doc_id"].str.endswith("wire_007.txt").any()
    )
    assert any(
        "wire_007.txt: skipped: extraction failed (ValueError: pathological input)" in m
        for m in stats.messages
    )


def test_merge_stats_adds_counts_and_keeps_message_order():
    total = ExtractStats(documents=2, events=5, messages=["a"])
    merge_stats(total, ExtractStats(documents=1, failed=1, events=2, messages=["b", "c"]))
    assert (total.documents, total.failed, total.events, total.messages) == (
        3,
        1,
        7,
        ["a", "b", "c"],
    )


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"scheduler": "threads"}, "--scheduler must be"),
        ({"workers": 0}, "--workers must be 1 or more"),
        ({"batch_size": 0}, "batch size must be 1 or more"),
    ],
)
def test_bad_options_fail_at_the_call(kwargs, message):
    with pytest.raises(FrontlineError, match=message):
        extract_parallel([SITREP], **kwargs)


@pytest.mark.parametrize("scheduler", ["dask", "tcp://127.0.0.1:8786"])
def test_dask_back_end_without_the_extra_says_how_to_install(monkeypatch, scheduler):
    monkeypatch.setattr(engine, "_dask_installed", lambda: False)
    with pytest.raises(FrontlineError, match=r"pip install 'frontline\[dask\]'"):
        extract_parallel([SITREP], scheduler=scheduler)


def test_dask_local_cluster_gives_the_single_process_records(corpus, gazetteer_store, single):
    pytest.importorskip(
        "distributed", reason="dask back end not installed (pip install 'frontline[dask]')"
    )
    assert_same_run(
        parallel(corpus, gazetteer_store, scheduler="dask", workers=2, batch_size=10), single
    )
