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

from geo.core.io import read_boundaries, read_control_layers, to_geojson
from geo.extract import Extractor, ExtractStats, extract_records, records_frame
from geo.geometry import claim_geometry

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
    workers: int | None = 1,
    scheduler: str = "processes",
) -> RunResult:
    """Run every stage and write ``map.html``, ``events.geojson`` and ``report.html``
    to ``out_dir``.

    ``workers``/``scheduler`` other than ``1``/``"processes"`` extract on :mod:`geo.engine` workers
    (same records), opening the extractor's gazetteer store."""
    from geo.render import build_map, write_map
    from geo.render.report import write_report

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    extractor = extractor or Extractor()
    control_frame, control_notes = read_control_layers(control)
    notes += control_notes
    if control_frame is not None and extractor.fronts is None:
        from geo.frontline.nearness import FrontLines

        extractor = extractor.with_fronts(FrontLines(control_frame))  # weighs namesakes
    stats = ExtractStats()
    records = _records(paths, published, extractor, stats, on_document, workers, scheduler)
    claims = records_frame(records)
    events = claim_geometry(claims, extractor.resolver.store)
    table_count = 0
    if event_tables:
        events, table_count = _join_tables(events, event_tables, extractor)
    boundary_frame = read_boundaries(boundaries)
    result = RunResult(
        out_dir=out,
        map_html=out / "map.html",
        events_geojson=out / "events.geojson",
        report_html=out / "report.html",
        stats=stats,
        events=events,
        table_events=table_count,
        control_layers=0 if control_frame is None else len(control),
        notes=notes,
    )
    to_geojson(events, result.events_geojson)
    fmap = build_map(events, control=control_frame, boundaries=boundary_frame, title=title)
    write_map(fmap, result.map_html, self_contained=self_contained)
    write_report(
        events, result.report_html, control=control_frame, boundaries=boundary_frame, title=title
    )
    return result
