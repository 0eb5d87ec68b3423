"""The Typer application object and shared option helpers; command modules register on it."""

from __future__ import annotations

import logging
from importlib import metadata

import typer

import geo

app = typer.Typer(
    name="frontline",
    help="Turn conflict reporting into maps: geoparse news text, geocode it against a cached "
    "gazetteer, join it to event records and render layered maps of frontline claims.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def say_notes(notes: list[str]) -> None:
    """Print what a reader repaired or skipped, one plain line each on stderr (never markup)."""
    for note in notes:
        typer.echo(note, err=True)


def version() -> str:
    """The installed distribution's version, else the package's own ``geo.__version__``."""
    try:
        return metadata.version("frontline")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return geo.__version__


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"frontline {version()}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Log progress and decisions to stderr."
    ),
    _version: bool = typer.Option(
        False,
        "--version",
        callback=_print_version,
        is_eager=True,
        help="Print the version and exit.",
    ),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
