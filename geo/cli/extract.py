"""``frontline extract`` and ``frontline run``:
thin skins over :mod:`geo.extract` and :mod:`geo.pipeline`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from geo.cli._app import app, check_outputs, parse_published, say_notes, silence_stdout
from geo.cli.gazetteer import build_resolver
from geo.core.errors import InputError
from geo.core.terminal import terminal_text

_stderr = Console(stderr=True)


_MANY_DOCUMENTS = {".jsonl", ".ndjson", ".json", ".xml", ".rss", ".atom"}
"""Suffixes of files that may hold many documents (JSONL, Telegram exports, feeds)."""


def count_inputs(paths: list[str]) -> int | None:
    """How many documents a run will read (for the progress bar); None when unknown (stdin, or
    a file that may hold many: JSONL, a Telegram export, a feed)."""
    from geo.text.sources import TEXT_SUFFIXES

    total = 0
    for item in paths:
        path = Path(item)
        if item == "-" or path.suffix.lower() in _MANY_DOCUMENTS:
            return None
        if path.is_dir():
            files = [p.suffix.lower() for p in path.rglob("*") if p.is_file()]
            if _MANY_DOCUMENTS.intersection(files):
                return None
            total += sum(1 for suffix in files if suffix in TEXT_SUFFIXES)
        else:
            total += 1
    return total


def progress_bar(total: int | None) -> Progress:
    return Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_stderr,
        transient=True,
        disable=not _stderr.is_terminal,
    )


def parallel_options(workers: int | None, scheduler: str) -> bool:
    """Whether --workers/--scheduler ask for the engine rather than this process alone."""
    return (workers is not None and workers != 1) or scheduler != "processes"


WORKERS_HELP = (
    "Extract on N worker processes (default: this process; with --scheduler dask: every CPU)."
)
SCHEDULER_HELP = (
    "Where workers run: processes (a local pool), dask (a local Dask cluster) or a Dask scheduler "
    "address (tcp://host:8786)."
)


# Options extract and run share.
PublishedOption = typer.Option(
    None, "--published", help="Publication date (YYYY-MM-DD) for relative dates."
)
OnlineOption = typer.Option(
    False,
    "--online",
    help="Ask the online geocoder (Nominatim) for names the gazetteer lacks; answers are stored.",
)
MergeOption = typer.Option(
    False,
    "--merge-reports",
    help="One record per claim across reports: records with the same claimant, place, stance "
    "and event date become one, with n_reports, doc_ids, quotes and first_seen.",
)
WorkersOption = typer.Option(None, "--workers", "-w", help=WORKERS_HELP)
SchedulerOption = typer.Option("processes", "--scheduler", help=SCHEDULER_HELP)


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output and flush it, so a failed write is reported here, as
    one line, rather than as a traceback (or at interpreter exit, when the buffer is flushed).

    A full disk or another OS error (``> /dev/full``) stops with exit 2 and the line ``-o``
    gives for a file (``standard output: cannot write (No space left on device)``). A reader
    that stopped reading (``| head``) is no error of ours: the ``BrokenPipeError`` goes on to
    :func:`geo.cli.main`, which ends every command quietly with exit 1 for it."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        silence_stdout()
        raise InputError(
            f"cannot write ({exc.strerror or exc})", source="standard output"
        ) from None


def _input_names(paths: list[str]) -> str:
    return ", ".join("standard input" if p == "-" else p for p in paths)


def report_stats(stats, quiet: bool) -> None:
    for message in stats.messages:  # quoting its input: no markup, control characters shown
        _stderr.print(Text(terminal_text(message), style="yellow"), highlight=False, soft_wrap=True)
    if not quiet:
        _stderr.print(stats.summary(), highlight=False, soft_wrap=True)


@app.command()
def extract(
    paths: list[str] = typer.Argument(
        ...,
        help="Text/HTML files, folders, JSONL files of documents, Telegram exports (result.json), "
        "RSS/Atom feeds, or - for stdin.",
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="File to write, in the format its suffix names: .geojson (or .json), .csv, .kml or "
        ".gpkg (default: GeoJSON on stdout).",
    ),
    published: str | None = PublishedOption,
    gazetteer: Path | None = typer.Option(
        None, "--gazetteer", help="Gazetteer store (default: see `frontline gazetteer stats`)."
    ),
    online: bool = OnlineOption,
    control: list[Path] = typer.Option(
        [],
        "--control",
        help="Control layer (GeoJSON/GPKG/KML): the front line of each document's date weighs "
        "namesakes; repeatable.",
    ),
    merge_reports: bool = MergeOption,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line on stderr."),
    workers: int | None = WorkersOption,
    scheduler: str = SchedulerOption,
) -> None:
    """Extract attributed, geocoded claims from articles as a GeoJSON FeatureCollection.

    One feature per claim about one place; properties follow the record schema (see README).
    Unresolved mentions are kept with a null geometry. With --control, a namesake the document
    leaves open is decided by the front line of the layer for the document's date, when exactly
    one of them is on it.

    Examples:

        frontline extract story.txt --published 2023-03-21 -o events.geojson

        frontline extract articles/ > events.geojson

        cat story.html | frontline extract - --published 2023-03-21

        frontline extract corpus.jsonl --workers 2 -o events.geojson

        frontline extract result.json feeds/ --merge-reports -o claims.csv
    """
    from geo.core.io import detect_format, geojson_text, to_geojson, write_events
    from geo.extract import Extractor, ExtractStats, extract_records, records_frame

    day = parse_published(published)
    check_outputs(output)
    kind = None if output is None else detect_format(output)  # an unknown suffix: before any work
    if online and parallel_options(workers, scheduler):
        raise InputError("--online works in one process only; drop --workers/--scheduler")
    stats = ExtractStats()
    fronts = None
    if control:
        from geo.cli.maps import load_fronts

        fronts = load_fronts(control)
    total = count_inputs(paths)
    with progress_bar(total) as bar:
        task = bar.add_task("extract", total=total)
        if parallel_options(workers, scheduler):
            from geo.engine import extract_parallel

            stream = extract_parallel(
                paths,
                day,
                workers=workers,
                scheduler=scheduler,
                gazetteer=gazetteer,
                stats=stats,
                on_document=lambda _doc: bar.advance(task),
                fronts=fronts,
            )
        else:
            extractor = Extractor(build_resolver(gazetteer, online), fronts=fronts)
            stream = extract_records(
                paths,
                day,
                extractor=extractor,
                stats=stats,
                on_document=lambda _doc: bar.advance(task),
            )
        records = list(stream)
    frame = records_frame(records)
    if merge_reports:
        from geo.merge import merge_reports as merge

        frame = merge(frame)
        stats.merged = len(frame)
    report_stats(stats, quiet)
    if stats.documents and stats.failed == stats.documents:
        raise InputError("no input could be read: " + "; ".join(stats.messages[:3]))
    if not stats.documents:  # an empty folder, a feed or export with no entries: not an error
        typer.echo(f"{_input_names(paths)}: no documents found", err=True)
    if output is None:
        write_stdout(geojson_text(frame) + "\n")
    elif kind == "geojson":
        to_geojson(frame, output)
    else:
        write_events(frame, output, kind)


@app.command()
def run(
    paths: list[str] = typer.Argument(
        ...,
        help="Articles: text/HTML files, folders, JSONL, Telegram exports, RSS/Atom feeds, or - "
        "for stdin.",
    ),
    output: Path = typer.Option(
        Path("maps/run"), "--output", "-o", help="Folder for map.html, events.geojson, report.html."
    ),
    published: str | None = PublishedOption,
    control: list[Path] = typer.Option(
        [], "--control", help="Control-of-terrain layer (GeoJSON/GPKG/KML); repeatable."
    ),
    boundaries: Path | None = typer.Option(
        None, "--boundaries", help="Admin boundary file drawn on the map."
    ),
    events: list[Path] = typer.Option(
        [], "--events", help="Event table (ACLED/VIINA/CSV) to validate and join; repeatable."
    ),
    title: str = typer.Option("Frontline claims", "--title", help="Map and report title."),
    self_contained: bool = typer.Option(
        False,
        "--self-contained",
        help="Inline every JS/CSS asset and open on the vector basemap (tiles a layer to "
        "switch on): map and report make no request (run `frontline assets fetch` once first).",
    ),
    gazetteer: Path | None = typer.Option(None, "--gazetteer", help="Gazetteer store to use."),
    online: bool = OnlineOption,
    merge_reports: bool = MergeOption,
    workers: int | None = WorkersOption,
    scheduler: str = SchedulerOption,
) -> None:
    """Run the whole pipeline: articles → claims → map, GeoJSON and report in one folder.

    Example:

        frontline run examples/sitrep_2023-03-21.txt --published 2023-03-21 \\
            --control deepstate_20250107.geojson -o maps/sitrep
    """
    from geo.core.io import check_folder_target
    from geo.extract import Extractor
    from geo.pipeline import RUN_OUTPUTS
    from geo.pipeline import run as run_pipeline

    day = parse_published(published)
    check_folder_target(output, RUN_OUTPUTS)  # before the gazetteer loads; again under the lock
    if online and parallel_options(workers, scheduler):
        raise InputError("--online works in one process only; drop --workers/--scheduler")
    extractor = Extractor(build_resolver(gazetteer, online))
    total = count_inputs(paths)
    with progress_bar(total) as bar:
        task = bar.add_task("extract", total=total)
        result = run_pipeline(
            paths,
            output,
            published=day,
            control=control,
            boundaries=boundaries,
            event_tables=events,
            title=title,
            self_contained=self_contained,
            extractor=extractor,
            on_document=lambda _doc: bar.advance(task),
            merge_reports=merge_reports,
            workers=workers if parallel_options(workers, scheduler) else 1,
            scheduler=scheduler,
        )
    report_stats(result.stats, quiet=True)
    say_notes(result.notes)
    write_stdout(
        f"map:    {result.map_html}\nevents: {result.events_geojson}\n"
        f"report: {result.report_html}\n{result.summary()}\n"
    )
