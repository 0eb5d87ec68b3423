"""The Typer application object and shared option helpers; command modules register on it."""

from __future__ import annotations

import logging

import typer

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


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress and decisions to stderr."),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
