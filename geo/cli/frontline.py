"""``frontline diff`` and ``frontline control …``: control-of-terrain layers from the command line.

A thin skin over :mod:`geo.frontline`; every command calls the functions users import.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd
import typer

from geo.cli._app import (
    app,
    check_country,
    check_outputs,
    check_range,
    date_option,
    say_notes,
)
from geo.core.io import check_target, write_csv, write_geojson
from geo.core.io.control import one_date
from geo.frontline import (
    area_disagreement,
    control_panel,
    disagreement_labels,
    read_control,
    read_points,
)
from geo.frontline.diff import diff_layers
from geo.frontline.line import DEFAULT_TOLERANCE_KM, frontline_lines, read_outline
from geo.frontline.series import CHART_SUFFIXES, daily_summary, plot_summary

log = logging.getLogger(__name__)

MAX_TOLERANCE_KM = 500.0  # wider than any coastal or border strip worth cutting

GEOJSON_SUFFIXES = (".geojson", ".json")
"""What ``-o`` of ``diff``, ``control line`` and ``control disagree`` may end in: they write
GeoJSON, and a file named ``.csv`` or ``.gpkg`` holding GeoJSON would mislead whatever opens it."""

control_app = typer.Typer(
    name="control",
    help="Control-of-terrain layers: per-day change tables, frontline lines, settlement panels.",
    no_args_is_help=True,
)
app.add_typer(control_app, name="control")


def _say_notes(path: str, notes: list[str]) -> None:
    say_notes([f"{path}: {note}" for note in notes])


def _check_output(path: Path | None, suffixes: tuple[str, ...]) -> None:
    """:func:`check_outputs`, and the suffix of the one format the command writes."""
    check_outputs(path)
    if path is not None:
        check_target(path, suffixes)


def _day(option: str, value: str | None) -> str | None:
    """A layer's date option as YYYY-MM-DD; a bad one is blamed on the option, not the file."""
    day = date_option(option, value, example="2025-01-02")
    return None if day is None else day.isoformat()


@app.command("diff")
def diff_command(
    layer_a: Path = typer.Argument(
        ..., help="Earlier control layer (GeoJSON, GPKG, KML, KMZ, Shapefile)."
    ),
    layer_b: Path = typer.Argument(..., help="Later control layer."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write gained/lost polygons as GeoJSON."
    ),
    date_a: str | None = typer.Option(
        None, "--date-a", help="Date of A (YYYY-MM-DD) when its file has none."
    ),
    date_b: str | None = typer.Option(
        None, "--date-b", help="Date of B (YYYY-MM-DD) when its file has none."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the summary as one JSON line (default: indented)."
    ),
) -> None:
    """Ground gained and lost between two control layers, in km² (geodesic, WGS84).

    B is the later layer. Example, two DeepStateMap days:

        frontline diff deepstatemap_data_20250103.geojson \\
            deepstatemap_data_20250104.geojson -o changes.geojson

    prints area_a_km2 111885.56, area_b_km2 111895.78, gained_km2 10.71,
    lost_km2 0.49, net_km2 10.22 as JSON; changes.geojson holds one polygon
    per gained or lost patch with its area_km2. Files without a date in
    their name or properties need --date-a / --date-b.
    """
    _check_output(output, GEOJSON_SUFFIXES)
    day_a, day_b = _day("--date-a", date_a), _day("--date-b", date_b)
    a = one_date(read_control(layer_a, date=day_a))
    b = one_date(read_control(layer_b, date=day_b))
    _say_notes(str(layer_a), a.notes)
    _say_notes(str(layer_b), b.notes)
    result = diff_layers(a.frame, b.frame)
    if output is not None:
        write_geojson(result.changes(), output)
    typer.echo(json.dumps(result.summary(), indent=None if as_json else 2))


@control_app.command("summary")
def summary_command(
    files: list[Path] = typer.Argument(
        ..., help="Control layers of one source, one file per date."
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Write the per-day table as CSV."),
    chart: Path | None = typer.Option(
        None, "--chart", help="Also draw area and daily change as a PNG."
    ),
) -> None:
    """Per-day table over a series of layers: date, area_km2, gained_km2, lost_km2, net_km2.

    Files are ordered by their dates (a date property, else the date in the file name); only
    two layers are held in memory at a time.

    Example:

        frontline control summary deepstate/deepstatemap_data_*.geojson \\
            -o daily.csv --chart daily.png
    """
    _check_output(output, (".csv",))
    if chart is not None:
        check_target(chart, CHART_SUFFIXES)
    table = daily_summary(files)
    write_csv(table, output)
    if chart is not None:
        plot_summary(table, chart)
    typer.echo(
        f"{len(table)} layers, {table['date'].iloc[0]} to {table['date'].iloc[-1]}: "
        f"{table['area_km2'].iloc[0]:,.2f} km² to {table['area_km2'].iloc[-1]:,.2f} km² -> {output}"
    )


@control_app.command("line")
def line_command(
    file: Path = typer.Argument(..., help="A control layer (occupied area)."),
    output: Path = typer.Option(
        ..., "--output", "-o", help="Write the frontline as GeoJSON lines."
    ),
    date: str | None = typer.Option(
        None, "--date", help="Date of the layer (YYYY-MM-DD) when the file has none."
    ),
    outline: Path | None = typer.Option(
        None,
        "--outline",
        help="Land outline of the country (any vector file); default: Ukraine's, from the shipped "
        "oblast boundaries.",
    ),
    tolerance_km: float = typer.Option(
        DEFAULT_TOLERANCE_KM,
        "--tolerance-km",
        help="Cut the boundary within this distance of border and coast (widen it for a coarse "
        "--outline).",
    ),
) -> None:
    """The frontline: the occupied area's boundary minus the international border and coastline.

    Example:

        frontline control line deepstatemap_data_20250107.geojson \\
            -o front_20250107.geojson

    The default outline is Ukraine's land from the shipped oblast boundaries (~330 m off at
    most), hence the narrow 3 km strip, which keeps the front along the Russian border. With a
    coarser land outline of your own, widen it:

        frontline control line layer.geojson --outline country.gpkg \\
            --tolerance-km 15 -o front.geojson
    """
    _check_output(output, GEOJSON_SUFFIXES)
    check_range("--tolerance-km", tolerance_km, 0, MAX_TOLERANCE_KM)
    layer = read_control(file, date=_day("--date", date))
    _say_notes(str(file), layer.notes)
    land = read_outline(str(outline)) if outline is not None else None
    lines = frontline_lines(layer.frame, outline=land, tolerance_km=tolerance_km)
    write_geojson(lines, output)
    for row in lines.itertuples():
        typer.echo(f"{row.source} {row.date}: frontline {row.length_km:,.2f} km -> {output}")


@control_app.command("panel")
def panel_command(
    layers: list[Path] = typer.Argument(
        None, help="Control layers (one per date and source); may be none."
    ),
    settlements: Path | None = typer.Option(
        None,
        "--settlements",
        "-s",
        help="Settlement points with place_id, place_name: GeoJSON/GPKG, or CSV "
        "with longitude/latitude (default: every gazetteer settlement in --country).",
    ),
    country: str = typer.Option(
        "UA", "--country", help="Country of the gazetteer settlements used by default."
    ),
    events: Path | None = typer.Option(
        None, "--events", "-e", help="Event records (CSV or GeoJSON) whose claims join by place_id."
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Write the panel as CSV."),
) -> None:
    """Settlement control panel: each settlement's status per date under each source, as CSV.

    One row per (place, date, source, claimant): status is the layer's status where the settlement
    lies inside it, else 'outside' ('no_coordinates' or 'invalid_coordinates', inside empty, for a
    settlement without a usable point, with a warning naming it); rows with source 'text' are
    claims from documents (status = stance).

    Example:

        frontline control panel deepstate/*.geojson -e events.geojson -o panel.csv

        frontline control panel deepstate/*.geojson -s settlements.csv -o panel.csv
    """
    _check_output(output, (".csv",))
    code = check_country("--country", country) or "UA"
    if settlements is None:
        from geo.gazetteer import GazetteerStore

        places = GazetteerStore().settlements_frame([code])
    else:
        places = read_points(settlements, required=("place_id", "place_name"))
    frame = None
    if layers:
        loaded = [read_control(p) for p in layers]
        for path, layer in zip(layers, loaded, strict=True):
            _say_notes(str(path), layer.notes)
        frame = pd.concat([layer.frame for layer in loaded], ignore_index=True)
    claims = (
        read_points(events, required=("place_id", "event_date", "claimant", "stance"))
        if events
        else None
    )
    panel = control_panel(places, frame, claims)
    write_csv(panel, output)
    typer.echo(
        f"{panel['place_id'].nunique()} settlements, {len(panel)} rows "
        f"({int(panel['inside'].eq(True).sum())} inside a control layer, "
        f"{int((panel['source'] == 'text').sum())} text claims) -> {output}"
    )


@control_app.command("disagree")
def disagree_command(
    layer_a: Path = typer.Argument(..., help="One claimant's control layer."),
    layer_b: Path = typer.Argument(..., help="Another claimant's control layer for the same date."),
    output: Path = typer.Option(
        ..., "--output", "-o", help="Write the disputed polygons as GeoJSON."
    ),
    claimant_a: str | None = typer.Option(
        None, "--claimant-a", help="Who draws A (default: its claimant)."
    ),
    claimant_b: str | None = typer.Option(
        None, "--claimant-b", help="Who draws B (default: its claimant)."
    ),
    date: str | None = typer.Option(
        None, "--date", help="Date of both layers when the files have none."
    ),
) -> None:
    """Where two claimants' layers disagree: ground only one of them marks, in km².

    Example:

        frontline control disagree deepstate_20250105.geojson isw.gpkg \\
            --claimant-b ISW --date 2025-01-05 -o dispute.geojson

    Layers of two different dates are compared with a warning naming both: the
    ground that changed hands between the dates counts as disputed. Two layers of one
    claimant (two DeepStateMap files) are told apart by their dates, else their file names.
    """
    _check_output(output, GEOJSON_SUFFIXES)
    day = _day("--date", date)
    a = one_date(read_control(layer_a, date=day, claimant=claimant_a))
    b = one_date(read_control(layer_b, date=day, claimant=claimant_b))
    _say_notes(str(layer_a), a.notes)
    _say_notes(str(layer_b), b.notes)
    labels = disagreement_labels(a.frame, b.frame, source_a=layer_a, source_b=layer_b)
    disputed = area_disagreement(a.frame, b.frame, name_a=labels[0], name_b=labels[1])
    write_geojson(disputed, output)
    totals = disputed.groupby("claimed_by")["area_km2"].sum()
    for name in labels:
        typer.echo(f"only {name}: {totals.get(name, 0.0):,.2f} km²")
