"""The whole pipeline in one call:
documents (+ event tables, control layers) → map, GeoJSON, report.

``run(...)`` is what ``frontline run`` and ``scripts/demo`` call. It streams documents through
:class:`geo.extract.Extractor`, gives claims their geometry (:mod:`geo.geometry`), joins event
tables when given (:mod:`geo.events`), loads control-of-terrain layers (:mod:`geo.core.io`)
and writes ``map.html``, ``events.geojson`` and ``report.html`` into one folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.core.errors import InputError
from geo.core.io import atomic_folder, read_boundaries, read_control_layers, to_geojson
from geo.extract import Extractor, ExtractStats, extract_records, records_frame
from geo.geometry import claim_geometry
from geo.merge import merge_reports

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RunResult:
    """Where the outputs went and what the run counted."""

    out_dir: Path
    map_html: Path
    events_geojson: Path
    report_html: Path
    stats: ExtractStats
    events: gpd.GeoDataFrame
    table_events: int = 0
    control_layers: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = self.stats.summary()
        if self.table_events:
            line += f", {self.table_events} table events"
        if self.control_layers:
            line += f", {self.control_layers} control layers"
        return line


load_control = read_control_layers  # old name
load_boundaries = read_boundaries  # old name


def _records(
    paths: Iterable[str | Path],
    published: date | None,
    extractor: Extractor,
    stats: ExtractStats,
    on_document: Callable | None,
    workers: int | None,
    scheduler: str,
) -> Iterator[dict]:
    """The records of ``paths``, extracted here or on :mod:`geo.engine` workers."""
    if workers == 1 and scheduler == "processes":
        return extract_records(
            paths, published, extractor=extractor, stats=stats, on_document=on_document
        )
    from geo.engine import extract_parallel

    return extract_parallel(
        paths,
        published,
        workers=workers,
        scheduler=scheduler,
        gazetteer=extractor.resolver.store.path,
        stats=stats,
        on_document=on_document,
        fronts=extractor.fronts,
    )


def _join_tables(
    events: gpd.GeoDataFrame, event_tables: Sequence[str | Path], extractor: Extractor
) -> tuple[gpd.GeoDataFrame, int]:
    """The claims joined to the event tables' records (geocoded and checked), and how many
    records the tables hold."""
    from geo.events import join_claims, load_events, validate_events

    tables = [validate_events(load_events(p), resolver=extractor.resolver) for p in event_tables]
    table = pd.concat(tables, ignore_index=True)
    return join_claims(table, events).combined(), len(table)


RUN_OUTPUTS = ("map.html", "events.geojson", "report.html")
"""What ``run`` writes into its folder: the only names a folder it replaces may hold."""


@dataclass(slots=True)
class _Layers:
    """Everything a run draws, before it is written."""

    events: gpd.GeoDataFrame
    table_count: int
    control: gpd.GeoDataFrame | None
    boundaries: gpd.GeoDataFrame | None
    notes: list[str]


def _gather(
    records: Iterable[dict],
    extractor: Extractor,
    boundaries: str | Path | None,
    event_tables: Sequence[str | Path],
    merge: bool = False,
    stats: ExtractStats | None = None,
) -> _Layers:
    """Claims (merged across reports when ``merge``) and joined event-table rows with their
    geometry (region rows of both get the region's shape, from ``boundaries`` when given), and
    the boundaries (the control layers, read before extraction as they weigh namesakes, are set
    by the caller)."""
    events = records_frame(records)
    if merge:
        events = merge_reports(events)
        if stats is not None:
            stats.merged = len(events)
    table_count = 0
    if event_tables:
        events, table_count = _join_tables(events, event_tables, extractor)
    boundary_frame = read_boundaries(boundaries)
    events = claim_geometry(events, extractor.resolver.store, boundary_frame)
    return _Layers(events, table_count, None, boundary_frame, [])


def _check_something_to_map(layers: _Layers, stats: ExtractStats, out: Path) -> None:
    """Stop with one line (the previous folder left as it was) when nothing could be read or
    nothing was found: a folder with an empty map would only hide the mistake."""
    if stats.documents and stats.failed == stats.documents:
        raise InputError("no input could be read: " + "; ".join(stats.messages[:3]))
    if len(layers.events):
        return
    read = f"{stats.documents} document{'s' if stats.documents != 1 else ''} read"
    found = f"no claims found in the input ({read}, {stats.mentions} place mentions)"
    if layers.control is None:
        raise InputError(
            f"{found} and no --control or --events layer: nothing to map; {out} was not written"
        )
    layers.notes.append(f"{found}: the map shows the control layers only")


def run(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    published: date | None = None,
    control: Sequence[str | Path] = (),
    boundaries: str | Path | None = None,
    event_tables: Sequence[str | Path] = (),
    title: str = "Frontline claims",
    self_contained: bool = False,
    extractor: Extractor | None = None,
    on_document: Callable | None = None,
    merge_reports: bool = False,
    workers: int | None = 1,
    scheduler: str = "processes",
) -> RunResult:
    """Run every stage and write ``map.html``, ``events.geojson`` and ``report.html``
    to ``out_dir``.

    The folder is built aside and swapped in whole (:func:`geo.core.io.atomic_folder`): a
    failed or killed run leaves the previous one as it was, a second run into the same folder
    stops with one line, and a folder holding other files is refused. Input with no claims and
    no layer to draw stops with one line and writes nothing.

    ``merge_reports`` merges the records of one claim across reports (:mod:`geo.merge`).
    ``workers``/``scheduler`` other than ``1``/``"processes"`` extract on :mod:`geo.engine` workers
    (same records), opening the extractor's gazetteer store."""
    out = Path(out_dir)
    with atomic_folder(out, replaces=RUN_OUTPUTS) as work:
        extractor = extractor or Extractor()
        control_frame, control_notes = read_control_layers(control)
        if control_frame is not None and extractor.fronts is None:
            from geo.frontline.nearness import FrontLines

            extractor = extractor.with_fronts(FrontLines(control_frame))  # weighs namesakes
        stats = ExtractStats()
        records = _records(paths, published, extractor, stats, on_document, workers, scheduler)
        layers = _gather(records, extractor, boundaries, event_tables, merge_reports, stats)
        layers.control, layers.notes = control_frame, list(control_notes)
        _check_something_to_map(layers, stats, out)
        _write(work, layers, title, self_contained)
    return RunResult(
        out_dir=out,
        map_html=out / "map.html",
        events_geojson=out / "events.geojson",
        report_html=out / "report.html",
        stats=stats,
        events=layers.events,
        table_events=layers.table_count,
        control_layers=0 if layers.control is None else len(control),
        notes=layers.notes,
    )


def _write(folder: Path, layers: _Layers, title: str, self_contained: bool) -> None:
    """The run's three files, into ``folder``."""
    from geo.render import build_map, write_map
    from geo.render.report import write_report

    events, control, boundaries = layers.events, layers.control, layers.boundaries
    to_geojson(events, folder / "events.geojson")
    # self-contained: write_map opens it on the vector basemap, tiles a layer to switch on
    fmap = build_map(events, control=control, boundaries=boundaries, title=title)
    write_map(fmap, folder / "map.html", self_contained=self_contained)
    write_report(
        events, folder / "report.html", control=control, boundaries=boundaries, title=title,
        self_contained=self_contained,
    )  # fmt: skip
