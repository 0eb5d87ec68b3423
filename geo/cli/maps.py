"""``frontline map``, ``frontline export`` and ``frontline assets fetch``: thin skins over
:mod:`geo.render` and :mod:`geo.export`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import geopandas as gpd
import pandas as pd
import shapely
import typer

from geo.cli._app import app, check_outputs, say_notes
from geo.core.errors import InputError
from geo.core.io import (
    FORMATS,
    check_target,
    detect_format,
    read_boundaries,
    read_control_layers,
    read_numbered_features,
    write_events,
)
from geo.core.records import check_coordinates, normalize_events

if TYPE_CHECKING:
    from geo.frontline.nearness import FrontLines

log = logging.getLogger(__name__)

assets_app = typer.Typer(
    help="Manage the JS/CSS asset cache used by self-contained maps.", no_args_is_help=True
)
app.add_typer(assets_app, name="assets")


FLAG_BAD_HELP = (
    "Rows whose coordinates are NaN or out of range are written without geometry, flagged "
    "invalid_coordinates, with a warning naming each (default: refuse, naming the first)."
)


def load_control_files(paths: list[Path]) -> gpd.GeoDataFrame | None:
    """Control-of-terrain layers (:func:`geo.core.io.read_control_layers`); repairs are reported."""
    frame, notes = read_control_layers(paths)
    say_notes(notes)
    return frame


def load_fronts(paths: list[Path]) -> FrontLines | None:
    """The front lines of control layers, as namesake evidence (None for no paths)."""
    from geo.frontline.nearness import FrontLines

    frame = load_control_files(paths)
    return FrontLines(frame) if frame is not None else None


@app.command("map")
def map_command(
    events: Path = typer.Argument(
        ..., help="Event records: GeoJSON, GeoPackage, KML or CSV written by frontline."
    ),
    output: Path = typer.Option(
        ..., "--output", "-o", help="HTML file to write (folders are created)."
    ),
    control: list[Path] = typer.Option(
        [], "--control", help="Control-of-terrain layer (GeoJSON/GPKG); repeatable."
    ),
    boundaries: Path | None = typer.Option(
        None, "--boundaries", help="Admin boundaries drawn as outlines."
    ),
    title: str = typer.Option("Frontline claims", "--title", help="Title shown on the map."),
    self_contained: bool = typer.Option(
        False,
        "--self-contained",
        help="Inline every JS/CSS asset; open on the vector basemap with tiles off: no request.",
    ),
    fragment: bool = typer.Option(
        False, "--fragment", help="Write an embeddable HTML fragment instead of a page."
    ),
    no_assets: bool = typer.Option(
        False,
        "--no-assets",
        help="With --fragment: leave out the asset tags "
        "(the host page loads them once; see README, 'Reports and embedding').",
    ),
    no_tiles: bool = typer.Option(
        False, "--no-tiles", help="Only the vector basemap, no tile layer."
    ),
    png: Path | None = typer.Option(
        None, "--png", help="Also write a static PNG (matplotlib, no tiles)."
    ),
    svg: Path | None = typer.Option(None, "--svg", help="Also write a static SVG."),
    report: Path | None = typer.Option(
        None, "--report", help="Also write report.html (map, claims table, conflicts)."
    ),
    flag_bad: bool = typer.Option(
        False, "--flag-bad-coordinates", help=FLAG_BAD_HELP.replace("written", "drawn")
    ),
) -> None:
    """Draw a layered HTML map of claims (and control-of-terrain layers).

    Example:

        frontline map events.geojson --control deepstate_20250107.geojson \\
            --boundaries ukr_adm1.geojson -o maps/donbas.html --png maps/donbas.png

    Offline, single file (run `frontline assets fetch` once first):

        frontline map events.geojson -o maps/offline.html --self-contained
    """
    from geo.render.map import build_map, write_map

    check_outputs(output, report)
    check_target(output, (".html", ".htm"))
    if no_assets and not fragment:
        raise InputError("--no-assets only applies with --fragment (a page needs its assets)")
    images = [t for t in (png, svg) if t]
    if images:  # matplotlib loads only when an image is asked for (a second of start-up)
        from geo.render.static import STATIC_SUFFIXES

        for image in images:
            check_target(image, STATIC_SUFFIXES)
    frame, rows = read_numbered_features(events)  # build_map normalises the records, once
    if flag_bad or images or report:  # once, for the map, the images and the report alike
        on_bad: Literal["raise", "flag"] = "flag" if flag_bad else "raise"
        frame = check_coordinates(
            normalize_events(frame), on_bad=on_bad, source=str(events), rows=rows
        )
    control_frame = load_control_files(control)
    boundary_frame = read_boundaries(boundaries)
    if boundary_frame is not None or _region_points(frame):
        # Region claims drawn as their region (an imported outline wins: one shape each), also
        # the rows an imported event table placed at a region's point (ACLED geo_precision 3).
        from geo.geometry import claim_geometry

        frame = claim_geometry(normalize_events(frame), boundaries=boundary_frame)
    tiles = None if no_tiles else "OpenStreetMap"  # self-contained: a layer, off at opening
    m = build_map(
        frame,
        control=control_frame,
        boundaries=boundary_frame,
        title=title,
        tiles=tiles,
        source=str(events),
        rows=rows,
    )
    written = write_map(
        m, output, self_contained=self_contained, fragment=fragment, fragment_assets=not no_assets
    )
    typer.echo(f"map: {written} ({written.stat().st_size / 1024:.0f} kB, {len(frame)} events)")
    _write_extras(frame, images, report, control_frame, boundary_frame, title, self_contained)


def _write_extras(
    frame: gpd.GeoDataFrame,
    images: list[Path],
    report: Path | None,
    control: gpd.GeoDataFrame | None,
    boundaries: gpd.GeoDataFrame | None,
    title: str,
    self_contained: bool,
) -> None:
    """The static images (PNG/SVG) and the report ``frontline map`` was asked for as well (the
    report self-contained when the map is: no page of one command needs the network)."""
    if images:
        from geo.render.static import write_static

        for target in images:
            image = write_static(frame, target, control=control, boundaries=boundaries, title=title)
            typer.echo(f"static: {image}")
    if report:
        from geo.render.report import write_report

        page = write_report(
            frame,
            report,
            control=control,
            boundaries=boundaries,
            title=title,
            self_contained=self_contained,
        )
        typer.echo(f"report: {page}")


@app.command("export")
def export_command(
    events: Path = typer.Argument(..., help="Event records (GeoJSON, GeoPackage, KML or CSV)."),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="geojson | gpkg | kml | csv (default: the one the --output suffix names).",
    ),
    output: Path = typer.Option(..., "--output", "-o", help="File to write (folders are created)."),
    control: list[Path] = typer.Option(
        [], "--control", help="GeoPackage only: control layers to add as layer 'control'."
    ),
    flag_bad: bool = typer.Option(False, "--flag-bad-coordinates", help=FLAG_BAD_HELP),
) -> None:
    """Convert event records to another format.

    Examples:

        frontline export events.geojson --format gpkg -o out/events.gpkg
        frontline export events.gpkg --format csv -o out/events.csv   # ACLED-like columns
        frontline export events.csv --format kml -o out/events.kml    # folder + style per claimant
    """

    check_outputs(output)
    named = FORMATS.get(output.suffix.lower())
    fmt = detect_format(output, fmt)  # an unknown format or suffix: one line before any work
    if named is not None and named != fmt:
        message = f"--format {fmt} but the file name ends in {output.suffix}"
        raise InputError(message, source=str(output))
    if control and fmt != "gpkg":
        raise InputError("--control is for GeoPackage output only (-o …gpkg)")
    frame, rows = read_numbered_features(events)  # write_events normalises the records
    layers = {"control": load_control_files(control)} if fmt == "gpkg" and control else {}
    on_bad: Literal["raise", "flag"] = "flag" if flag_bad else "raise"
    written = write_events(
        frame, output, fmt, on_bad_coordinates=on_bad, source=str(events), rows=rows, **layers
    )
    typer.echo(f"export: {written} ({len(frame)} events, {fmt})")


@assets_app.command("fetch")
def assets_fetch() -> None:
    """Download every JS/CSS file our maps use from the npm registry into the user cache.

    Example:

        frontline assets fetch && frontline map events.geojson -o map.html --self-contained

    The cache lives in the user cache folder (override with FRONTLINE_ASSET_CACHE).
    """
    from geo.render.assets import cache_dir, fetch_assets

    for asset, path in fetch_assets():
        typer.echo(f"{asset.spec:<28} {path.relative_to(cache_dir())}")
    typer.echo(f"cache: {cache_dir()}")


def _region_points(frame: pd.DataFrame) -> bool:
    """Whether any record is region-level (``geo_precision`` 3) yet stored as a point, as
    ``frontline events import`` writes an event table's region rows."""
    if "geo_precision" not in frame or not len(frame):
        return False
    precision = pd.to_numeric(frame["geo_precision"], errors="coerce")
    region = precision.eq(3).fillna(False).to_numpy(dtype=bool)
    return bool((region & (shapely.get_type_id(frame.geometry.values) == 0)).any())
