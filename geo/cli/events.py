"""``frontline events import / check / join``: thin skins over :mod:`geo.events`."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from geo.cli._app import app, check_country, check_outputs, check_range, parse_published

if TYPE_CHECKING:
    import geopandas as gpd

log = logging.getLogger(__name__)
_stderr = Console(stderr=True)

events_app = typer.Typer(
    help="Event tables (ACLED, VIINA, your own CSV/XLSX/JSON): import, check, join to text claims.",
    no_args_is_help=True,
)
app.add_typer(events_app, name="events")

MAX_RADIUS_KM = 100.0  # "the same place" further apart than this joins unrelated events
MAX_WINDOW_DAYS = 366

FormatOption = typer.Option(
    None, "--format", "-f", help="acled, viina or generic (default: detected from the columns)."
)
MapOption = typer.Option(
    None,
    "--map",
    "-m",
    help="COLUMN=FIELD, repeatable, e.g. --map Ort=location --map Datum=event_date.",
)
MappingOption = typer.Option(
    None, "--mapping", help='TOML file with a [columns] table of "COLUMN" = "field" lines.'
)
CountryOption = typer.Option(
    None, "--country", help="Default ISO country of rows that name none (VIINA: UA)."
)
GazetteerOption = typer.Option(
    None, "--gazetteer", help="Gazetteer store (default: see `frontline gazetteer stats`)."
)
QuietOption = typer.Option(False, "--quiet", "-q", help="No summary on stderr.")


def _validated(
    path: Path,
    fmt: str | None,
    maps: list[str] | None,
    mapping: Path | None,
    country: str | None,
    gazetteer: Path | None,
):
    from geo.events import load_events, validate_events
    from geo.events.formats import parse_map_options
    from geo.gazetteer import GazetteerStore, Resolver

    started = time.perf_counter()
    country = check_country("--country", country)
    events = load_events(
        path, fmt, parse_map_options(maps or []), mapping_file=mapping, country=country
    )
    resolver = Resolver(GazetteerStore(gazetteer) if gazetteer else None)
    checked = validate_events(events, resolver, country=country)
    log.info("imported and checked %d rows in %.2f s", len(checked), time.perf_counter() - started)
    return checked


def _summary(events, quiet: bool) -> None:
    from geo.events import flag_counts

    if quiet:
        return
    counts = flag_counts(events)
    located = int(events.geometry.notna().sum())
    fmt, enc = events.attrs.get("events_format", "?"), events.attrs.get("encoding", "?")
    _stderr.print(
        f"{len(events)} rows ({fmt}, {enc}): {located} located, {counts.pop('ok')} without flags",
        highlight=False,
        soft_wrap=True,
    )
    for flag, n in counts.items():
        _stderr.print(f"  {flag:22s} {n}", highlight=False, soft_wrap=True)
    if "check_status" in events:
        unverified = int((events["check_status"] == "unverified").sum())
        if unverified:
            _stderr.print(
                f"  {unverified} rows unverified (place unknown; see check_detail)",
                highlight=False,
                soft_wrap=True,
            )


@events_app.command("import")
def import_command(
    path: Path = typer.Argument(
        ..., help="ACLED export, VIINA events file, or any CSV/XLSX/JSON table."
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Output: .geojson, .csv or .gpkg."),
    fmt: str | None = FormatOption,
    maps: list[str] | None = MapOption,
    mapping: Path | None = MappingOption,
    country: str | None = CountryOption,
    gazetteer: Path | None = GazetteerOption,
    quiet: bool = QuietOption,
) -> None:
    """Import an event table into the record schema, geocoded and checked; every row is kept.

    Examples:

        frontline events import acled_export.csv -o events.geojson

        frontline events import viina_events.csv -o events.gpkg

        frontline events import incidents.xlsx --map Ort=location --map Datum=event_date --country UA -o events.geojson

    Rows without coordinates are placed at their named place (or its region); rows with
    coordinates are checked against it. Each feature carries quality_flag / quality_detail
    (see `frontline events check`) and the original columns as orig_<column>.
    """  # noqa: E501 - typer prints this help as written: an example command stays on one line
    from geo.events.output import write_table

    check_outputs(output)
    checked = _validated(path, fmt, maps, mapping, country, gazetteer)
    write_table(checked, output)
    _summary(checked, quiet)


@events_app.command("check")
def check_command(
    path: Path = typer.Argument(..., help="The event table to check."),
    output: Path = typer.Option(
        ..., "--output", "-o", help="Report CSV: every input row plus the verdict."
    ),
    fmt: str | None = FormatOption,
    maps: list[str] | None = MapOption,
    mapping: Path | None = MappingOption,
    country: str | None = CountryOption,
    gazetteer: Path | None = GazetteerOption,
    quiet: bool = QuietOption,
) -> None:
    """Write a data-quality report: every input row back with quality_flag and quality_detail.

    Example:

        frontline events check acled_export.csv -o report.csv

    quality_flag is empty when the row is fine, else ";"-joined codes: swapped_latlon,
    far_from_named_place, outside_admin1, bad_coordinates, no_place, bad_fatalities, missing_date,
    bad_date, future_date, duplicate_id, blank_row, uncomputed_formula, mixed_encoding.
    quality_detail says why (distances in km).
    check_status is verified, placed, flagged or unverified (the place is unknown: check_detail
    says why). The report also has the place the gazetteer matched (place_id, place_name,
    latitude, longitude, distance_km). Counts per flag go to stderr.
    """
    from geo.events.output import write_check_report

    check_outputs(output)
    checked = _validated(path, fmt, maps, mapping, country, gazetteer)
    write_check_report(checked, output)
    _summary(checked, quiet)


def _imported_records(path: Path) -> gpd.GeoDataFrame:
    """The records of a GeoJSON written by ``events import``, with every schema column."""
    from geo.core.io import read_features
    from geo.core.records import normalize_events

    events = read_features(path)
    for col in normalize_events(None).columns:
        if col not in events:
            events[col] = None
    return events


CLAIMS_SUFFIXES = (".geojson", ".gpkg", ".kml", ".csv")


def _claims_file(path: Path) -> bool:
    """Is ``path`` a claims file rather than a text? By its suffix, or, for ``.json`` (which
    `frontline extract -o claims.json` writes as GeoJSON), by a FeatureCollection at its head."""
    suffix = path.suffix.lower()
    if suffix in CLAIMS_SUFFIXES:
        return True
    if suffix != ".json" or not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return b'"FeatureCollection"' in head


def _claims(paths: list[Path], published: str | None) -> gpd.GeoDataFrame:
    """The claims of ``join``, every CLAIMS path joined: texts are extracted, claims files read;
    a path given twice is read once, said on stderr. A text that cannot be read is said on
    stderr as `extract` says it; when none can be, the join stops with one line."""
    import pandas as pd

    from geo.cli.extract import report_stats
    from geo.core.errors import InputError
    from geo.core.io import read_events
    from geo.extract import ExtractStats, extract_records, records_frame

    unique = list(dict.fromkeys(paths))
    if len(unique) < len(paths):
        twice = sorted({str(p) for p in paths if paths.count(p) > 1})
        _stderr.print(
            f"read once: {', '.join(twice)} (given twice)",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    files = [_claims_file(p) for p in unique]
    texts = [str(p) for p, is_file in zip(unique, files, strict=True) if not is_file]
    frames = [read_events(p) for p, is_file in zip(unique, files, strict=True) if is_file]
    if texts:
        stats = ExtractStats()
        records = extract_records(texts, parse_published(published), stats=stats)
        frames.append(records_frame(records))
        report_stats(stats, quiet=True)  # each unreadable text named, as `extract` names it
        if stats.documents and stats.failed == stats.documents:
            raise InputError("no input could be read: " + "; ".join(stats.messages[:3]))
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


@events_app.command("join")
def join_command(
    events_path: Path = typer.Argument(
        ..., metavar="EVENTS", help="Event table (raw, or GeoJSON from `events import`)."
    ),
    claims_path: list[Path] = typer.Argument(
        ...,
        metavar="CLAIMS",
        help="Claims files from `frontline extract` and/or texts (all joined).",
    ),
    output: Path = typer.Option(
        ..., "--output", "-o", help="Claims and records with their links (.geojson/.csv/.gpkg)."
    ),
    published: str | None = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) when CLAIMS are texts."
    ),
    radius_km: float = typer.Option(
        5.0, "--radius-km", help="Settlement-level points this close are the same place."
    ),
    window_days: int = typer.Option(
        2, "--window-days", help="Dates at most this many days apart are the same time."
    ),
    links_out: Path | None = typer.Option(
        None, "--links", help="Also write the (claim, record) pairs as CSV."
    ),
    weekly_out: Path | None = typer.Option(
        None, "--weekly", help="Also write events per oblast per ISO week per claimant (GeoJSON)."
    ),
    fmt: str | None = FormatOption,
    maps: list[str] | None = MapOption,
    mapping: Path | None = MappingOption,
    country: str | None = CountryOption,
    gazetteer: Path | None = GazetteerOption,
    quiet: bool = QuietOption,
) -> None:
    """Join event-table records to text claims about the same place and days.

    Example:

        frontline events join acled_export.csv story.txt --published 2023-03-21 -o joined.geojson --links links.csv

    A claim is corroborated by an independent record (another claimant and document) telling a
    compatible story, and contradicted by one that excludes it (text: attack repelled at X;
    record: the other side captured X within the window). Output features have record_kind
    (text claim / event table), join_status and join_detail.
    """  # noqa: E501 - typer prints this help as written: an example command stays on one line
    from geo.core.io import write_csv, write_geojson
    from geo.events.aggregate import weekly_counts
    from geo.events.join import join_claims
    from geo.events.output import write_table

    check_outputs(output, links_out, weekly_out)
    check_range("--radius-km", radius_km, 0, MAX_RADIUS_KM)
    check_range("--window-days", window_days, 0, MAX_WINDOW_DAYS)
    parse_published(published)
    if events_path.suffix.lower() == ".geojson":
        events = _imported_records(events_path)
    else:
        events = _validated(events_path, fmt, maps, mapping, country, gazetteer)
    claims = _claims(claims_path, published)
    result = join_claims(events, claims, radius_km=radius_km, window_days=window_days)
    write_table(result.combined(), output)
    if links_out is not None:
        write_csv(result.links, links_out)
    if weekly_out is not None:
        write_geojson(weekly_counts(result.events), weekly_out)
    if not quiet:
        status = result.claims["join_status"].value_counts().to_dict()
        _stderr.print(
            f"{len(result.claims)} claims, {len(result.events)} records, "
            f"{len(result.links)} links: "
            + ", ".join(f"{k} {v}" for k, v in sorted(status.items())),
            highlight=False,
            soft_wrap=True,
        )
