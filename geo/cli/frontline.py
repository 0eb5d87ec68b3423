"""``frontline diff`` and ``frontline control …``: control-of-terrain layers from the command line.

A thin skin over :mod:`geo.frontline`; every command calls the functions users import.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typer

from geo.cli._app import app
from geo.frontline import read_control
from geo.frontline._io import write_geojson
from geo.frontline.diff import diff_layers

log = logging.getLogger(__name__)

control_app = typer.Typer(
    name="control",
    help="Control-of-terrain layers: per-day change tables, frontline lines, settlement panels.",
    no_args_is_help=True,
)
app.add_typer(control_app, name="control")


def _say_notes(path: str, notes: list[str]) -> None:
    for note in notes:
        typer.echo(f"{path}: {note}", err=True)


@app.command("diff")
def diff_command(
    layer_a: Path = typer.Argument(..., help="Earlier control layer (GeoJSON, GPKG, KML, KMZ, Shapefile)."),
    layer_b: Path = typer.Argument(..., help="Later control layer."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write gained/lost polygons as GeoJSON."),
    date_a: str | None = typer.Option(None, "--date-a", help="Date of A (YYYY-MM-DD) when its file has none."),
    date_b: str | None = typer.Option(None, "--date-b", help="Date of B (YYYY-MM-DD) when its file has none."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON line (default: indented)."),
) -> None:
    """Ground gained and lost between two control layers, in km² (geodesic, WGS84).

    Example:

        frontline diff deepstatemap_data_20250103.geojson deepstatemap_data_20250104.geojson -o changes.geojson

    prints {"date_a": "2025-01-03", "date_b": "2025-01-04", "area_a_km2": 111885.56, ...,
    "gained_km2": 10.71, "lost_km2": 0.49, "net_km2": 10.22}; changes.geojson holds one polygon
    per gained or lost patch with its area_km2.
    """
    a = read_control(layer_a, date=date_a)
    b = read_control(layer_b, date=date_b)
    _say_notes(str(layer_a), a.notes)
    _say_notes(str(layer_b), b.notes)
    result = diff_layers(a.frame, b.frame)
    if output is not None:
        write_geojson(result.changes(), output)
    typer.echo(json.dumps(result.summary(), indent=None if as_json else 2))

