"""Run the per-document stages over many documents on local processes or a Dask cluster.

:func:`extract_parallel` gives the same records, in the same order, as
:func:`geo.extract.extract_records`, with the extraction spread over worker processes:

* the driver reads documents (streaming, :func:`~geo.text.sources.iter_documents`) and sends
  them to the workers in batches of ``batch_size`` documents (fewer when the documents are large);
* each worker process builds one :class:`~geo.extract.Extractor` on its first batch and keeps it:
  the gazetteer store is a SQLite file opened per process (queries only), the scanner automaton
  is loaded from its pickle beside the store;
* at most ``max_in_flight`` batches are out at once and results come back in input order, so
  memory stays flat however large the corpus;
* per-batch :class:`~geo.extract.ExtractStats` are merged into the caller's ``stats``;
  unreadable documents are counted there as in a single-process run, and a document whose
  extraction raises is counted as failed with the reason instead of stopping the run.

Back ends: ``scheduler="processes"`` (a :class:`concurrent.futures.ProcessPoolExecutor`, no
extra dependencies), ``"dask"`` (a ``dask.distributed`` ``LocalCluster`` started for the run) or
the address of a running Dask scheduler (``"tcp://10.0.0.5:8786"``). Dask needs
``pip install 'frontline[dask]'``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd

from geo.core.errors import FrontlineError
from geo.extract import Extractor, ExtractStats, Fronts, Prepared, batches, records_frame
from geo.gazetteer import GazetteerStore, default_path
from geo.text.sources import Document, iter_documents

log = logging.getLogger(__name__)

SCHEDULERS = ("processes", "dask")
MAX_BATCH_CHARS = 4_000_000  # a batch closes early when its documents hold this much text
MAX_WORKERS_PER_CPU = 4  # local workers beyond this only thrash (and start for minutes)
_DASK_MISSING = "the dask back end needs the dask extra: pip install 'frontline[dask]'"

Batch = tuple[list[list[dict]], ExtractStats]


def default_workers() -> int:
    """CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def merge_stats(into: ExtractStats, part: ExtractStats) -> ExtractStats:
    """Add the counts of ``part`` to ``into`` and append its messages; returns ``into``."""
    for f in fields(ExtractStats):
        value = getattr(part, f.name)
        if isinstance(value, list):
            getattr(into, f.name).extend(value)
        else:
            setattr(into, f.name, getattr(into, f.name) + value)
    return into


# -- worker side -----------------------------------------------------------------------------

_worker_lock = threading.Lock()  # one Extractor per process; Dask worker threads take turns
# Keyed by process id too: a forked worker must open its own SQLite connection,
# never use the parent's.
_worker_extractors: dict[tuple[int, str | None], Extractor] = {}
_worker_fronts: Fronts | None = None  # a process pool's front lines, set once per worker


def _fresh_lock_after_fork() -> None:
    global _worker_lock
    _worker_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_fresh_lock_after_fork)


def _worker_extractor(gazetteer: str | None) -> Extractor:
    key = (os.getpid(), gazetteer)
    extractor = _worker_extractors.get(key)
    if extractor is None:
        store = GazetteerStore(gazetteer)
        store.conn.execute(
            "PRAGMA query_only = ON"
        )  # workers only read; a shared file stays intact
        extractor = Extractor(store=store)
        _worker_extractors[key] = extractor
    return extractor


def _warm_worker(gazetteer: str | None, fronts: Fronts | None = None) -> None:
    global _worker_fronts
    with _worker_lock:
        _worker_fronts = fronts
        _worker_extractor(gazetteer)


def _prepared(extractor: Extractor, doc: Document) -> Prepared | None | Exception:
    """:meth:`Extractor.prepare`, with a failure kept for :func:`extract_batch` to report (or
    raise) when it reaches that document."""
    try:
        return extractor.prepare(doc)
    except Exception as exc:  # noqa: BLE001 - sorted out per document below
        return exc


def extract_batch(
    gazetteer: str | None, documents: list[Document], fronts: Fronts | None = None
) -> Batch:
    """Records of each document (one list per document, in order) and the batch's stats.

    Runs in a worker; the extractor for ``gazetteer`` is built on the first call and reused.
    ``fronts`` (else the ones the worker was started with) weigh namesakes by the front line."""
    stats = ExtractStats()
    per_document: list[list[dict]] = []
    with _worker_lock:
        extractor = _worker_extractor(gazetteer)
        extractor.fronts = fronts if fronts is not None else _worker_fronts
        for doc, prepared in zip(
            documents, [_prepared(extractor, doc) for doc in documents], strict=True
        ):
            part = ExtractStats()
            try:
                if isinstance(prepared, Exception):
                    raise prepared
                records = extractor.document_records(doc, part, prepared)
            except (FrontlineError, sqlite3.Error, MemoryError):
                raise  # the store or the machine is at fault, not this document
            except Exception as exc:
                log.exception("extraction failed on %s", doc.where)
                part = ExtractStats(
                    documents=1,
                    failed=1,
                    messages=[
                        f"{doc.where}: skipped: extraction failed ({type(exc).__name__}: {exc})"
                    ],
                )
                records = []
            merge_stats(stats, part)
            per_document.append(records)
    return per_document, stats


# -- driver side -----------------------------------------------------------------------------


def _local_store_path(gazetteer: Path | None) -> str:
    """The store path the local workers open; its scanner cache is built here once if missing,
    so the workers load it instead of all building (and writing) it at the same time."""
    from geo.text.mentions import MentionScanner

    store = GazetteerStore(gazetteer or default_path())  # raises GazetteerError when absent
    try:
        cache = MentionScanner.cache_path(store)
        if not cache.is_file():
            log.info("building the scanner cache %s once before starting workers", cache)
            MentionScanner(store)
        return str(store.path.resolve())
    finally:
        store.close()


class _Runner:
    """Submits batches and hands back their futures; one per back end."""

    capacity: int

    def submit(self, batch: list[Document]) -> Any:
        raise NotImplementedError

    def result(self, future: Any) -> Batch:
        raise NotImplementedError

    def close(self) -> None:
        pass


class _InlineRunner(_Runner):
    """``workers=1``: the same batches, run in this process (no pool)."""

    def __init__(self, gazetteer: str, fronts: Fronts | None = None) -> None:
        self.gazetteer = gazetteer
        self.fronts = fronts
        self.capacity = 1

    def submit(self, batch: list[Document]) -> Batch:
        return extract_batch(self.gazetteer, batch, self.fronts)

    def result(self, future: Batch) -> Batch:
        return future


class _ProcessRunner(_Runner):
    def __init__(self, gazetteer: str, workers: int, fronts: Fronts | None = None) -> None:
        self.gazetteer = gazetteer
        self.capacity = workers
        # fork on Linux: workers start with the driver's imports and need no importable __main__
        # (stdin, notebooks, unguarded scripts); elsewhere fork is unsafe, so spawn.
        method = "fork" if sys.platform == "linux" else "spawn"
        self.pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_warm_worker,
            initargs=(gazetteer, fronts),
        )

    def submit(self, batch: list[Document]) -> Future:
        return self.pool.submit(extract_batch, self.gazetteer, batch)

    def result(self, future: Future) -> Batch:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise FrontlineError(
                f"a worker process died ({exc}); out of memory? try fewer --workers"
            ) from exc

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class _DaskRunner(_Runner):
    def __init__(
        self,
        gazetteer: str | None,
        workers: int | None,
        address: str | None,
        fronts: Fronts | None = None,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise FrontlineError(_DASK_MISSING) from None
        self.gazetteer = gazetteer
        self.cluster = None
        self.quieted: tuple[logging.Logger, int] | None = None
        if address is None:
            # The local scheduler runs in this process and logs at INFO;
            # keep that off the user's stderr.
            chatty = logging.getLogger("distributed")
            self.quieted = (chatty, chatty.level)
            chatty.setLevel(max(chatty.getEffectiveLevel(), logging.WARNING))
            self.cluster = LocalCluster(
                n_workers=workers or default_workers(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.WARNING,
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise FrontlineError(
                    f"cannot reach the Dask scheduler at {address} ({exc})"
                ) from exc
        self.capacity = workers or max(1, sum(self.client.nthreads().values()))
        # sent to every worker once, not with each batch
        self.fronts = self.client.scatter(fronts, broadcast=True) if fronts is not None else None

    def submit(self, batch: list[Document]) -> Any:
        return self.client.submit(extract_batch, self.gazetteer, batch, self.fronts, pure=False)

    def result(self, future: Any) -> Batch:
        try:
            return future.result()
        finally:
            future.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        if self.quieted is not None:
            self.quieted[0].setLevel(self.quieted[1])


def _dask_installed() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def _runner(
    scheduler: str, workers: int | None, gazetteer: Path | None, fronts: Fronts | None = None
) -> _Runner:
    if scheduler == "processes":
        store = _local_store_path(gazetteer)
        count = workers or default_workers()
        if count == 1:
            return _InlineRunner(store, fronts)
        return _ProcessRunner(store, count, fronts)
    if scheduler == "dask":
        return _DaskRunner(_local_store_path(gazetteer), workers, None, fronts)
    # A remote cluster opens the store at its own path: the one given, else the workers' default.
    return _DaskRunner(str(gazetteer) if gazetteer else None, workers, scheduler, fronts)


def extract_parallel(
    paths: Iterable[str | Path],
    published: date | None = None,
    *,
    workers: int | None = None,
    scheduler: str = "processes",
    batch_size: int = 200,
    gazetteer: Path | None = None,
    stats: ExtractStats | None = None,
    max_in_flight: int | None = None,
    on_document: Callable[[Document], None] | None = None,
    fronts: Fronts | None = None,
) -> Iterator[dict]:
    """Stream the records of :func:`geo.extract.extract_records`,
    extracted on ``workers`` processes.

    ``scheduler`` is ``"processes"`` (default), ``"dask"`` (a local Dask cluster) or a Dask
    scheduler address. ``workers`` defaults to the CPUs available; ``workers=1`` with
    ``"processes"`` runs in this process. ``max_in_flight`` (default twice the workers) bounds the
    batches submitted but not yet consumed. ``stats`` receives the merged counts and messages;
    ``on_document`` is called for each document once its records have been yielded; ``fronts``
    as in :class:`geo.extract.Extractor`."""
    if batch_size < 1:
        raise FrontlineError(f"batch size must be 1 or more, not {batch_size}")
    if workers is not None and workers < 1:
        raise FrontlineError(f"--workers must be 1 or more, not {workers}")
    local = scheduler in SCHEDULERS
    if local and workers is not None and workers > MAX_WORKERS_PER_CPU * default_workers():
        raise FrontlineError(
            f"--workers {workers} is more than {MAX_WORKERS_PER_CPU} per CPU "
            f"({default_workers()} here): each worker holds the gazetteer scanner in memory"
        )
    if scheduler not in SCHEDULERS and ":" not in scheduler:
        raise FrontlineError(
            "--scheduler must be 'processes', 'dask' or a Dask scheduler address, "
            f"not {scheduler!r}"
        )
    if scheduler != "processes" and not _dask_installed():
        raise FrontlineError(_DASK_MISSING)
    return _stream(
        paths,
        published,
        workers,
        scheduler,
        batch_size,
        gazetteer,
        stats if stats is not None else ExtractStats(),
        max_in_flight,
        on_document,
        fronts,
    )


def _stream(
    paths: Iterable[str | Path],
    published: date | None,
    workers: int | None,
    scheduler: str,
    batch_size: int,
    gazetteer: Path | None,
    stats: ExtractStats,
    max_in_flight: int | None,
    on_document: Callable[[Document], None] | None,
    fronts: Fronts | None = None,
) -> Iterator[dict]:
    runner = _runner(scheduler, workers, gazetteer, fronts)
    limit = max_in_flight or 2 * runner.capacity
    pending: deque[tuple[list[Document], Any]] = deque()

    def drain_one() -> Iterator[dict]:
        batch, future = pending.popleft()
        per_document, part = runner.result(future)
        merge_stats(stats, part)
        for doc, records in zip(batch, per_document, strict=True):
            yield from records
            if on_document is not None and not doc.skipped:
                on_document(doc)

    try:
        for batch in batches(iter_documents(paths, published), batch_size, MAX_BATCH_CHARS):
            pending.append((batch, runner.submit(batch)))
            if len(pending) >= limit:
                yield from drain_one()
        while pending:
            yield from drain_one()
    finally:
        runner.close()


def extract_parallel_frame(
    paths: Iterable[str | Path], published: date | None = None, **kwargs
) -> gpd.GeoDataFrame:
    """All records of ``paths``, extracted in parallel, as one GeoDataFrame
    (see :func:`extract_parallel`)."""
    return records_frame(extract_parallel(paths, published, **kwargs))
