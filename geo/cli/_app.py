"""The Typer application object and shared option helpers; command modules register on it."""

from __future__ import annotations

import logging
import math
import os
import re
import sys
from datetime import date
from importlib import metadata

import typer

import geo
from geo.core.errors import InputError, one_line
from geo.core.io.files import check_target
from geo.core.schema import PLAUSIBLE_YEARS, plausible_year
from geo.core.terminal import terminal_text

app = typer.Typer(
    name="frontline",
    help="Turn conflict reporting into maps: geoparse news text, geocode it against a cached "
    "gazetteer, join it to event records and render layered maps of frontline claims.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def silence_stdout() -> None:
    """Point file descriptor 1 at the null device: what is left in the buffer goes nowhere, so
    the flush at exit fails no more after standard output failed (``> /dev/full``, ``| head``)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def say_notes(notes: list[str]) -> None:
    """Print what a reader repaired or skipped, one plain line each on stderr (never markup; its
    input's control characters shown, not obeyed)."""
    for note in notes:
        typer.echo(terminal_text(note), err=True)


def date_option(option: str, value: str | None, example: str = "2023-03-21") -> date | None:
    """A YYYY-MM-DD option's date (None when not given); one line naming ``option`` otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} must be a date like {example}, not {value!r}") from None


def parse_published(value: str | None) -> date | None:
    """``--published`` as a date; one line unless it is YYYY-MM-DD of a year that can be real."""
    day = date_option("--published", value)
    if day is not None and not plausible_year(day.year):
        first, last = PLAUSIBLE_YEARS
        raise InputError(f"--published must be a date from {first} to {last}, not {value!r}")
    return day


def check_outputs(*paths: str | os.PathLike[str] | None) -> None:
    """Refuse output paths that cannot be written (a folder, a path under a file), or two that
    are one file (the second written would replace the first), before any work is done; None
    (an option not given) is skipped."""
    seen: dict[str, str | os.PathLike[str]] = {}  # real path → the path given
    for path in paths:
        if path is not None:
            target = os.path.realpath(check_target(path))
            if target in seen:
                why = "names the same file as another output; give each output its own file"
                raise InputError(why, source=str(path) if str(path) == str(seen[target])
                                 else f"{path} ({seen[target]})")  # fmt: skip
            seen[target] = path


def check_range(option: str, value: float, low: float, high: float) -> None:
    """One line unless ``value`` is a finite number from ``low`` to ``high``."""
    if not (math.isfinite(value) and low <= value <= high):
        raise InputError(f"{option} must be a number from {low:g} to {high:g}, not {value!r}")


def check_country(option: str, value: str | None) -> str | None:
    """A two-letter ISO 3166-1 code, upper-cased (None stays None); one line otherwise."""
    if value is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        raise InputError(f"{option} must be a two-letter country code such as UA, not {value!r}")
    return value.strip().upper()


def version() -> str:
    """The installed distribution's version, else the package's own ``geo.__version__``."""
    try:
        return metadata.version("frontline")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return geo.__version__


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"frontline {version()}{' (compiled)' if geo.compiled() else ''}")
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
    handler = logging.StreamHandler()
    handler.setFormatter(_TerminalFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])


class _TerminalFormatter(logging.Formatter):
    """Log lines with the control characters of their input strings shown, not obeyed: a
    channel named with an escape sequence does not recolour or retitle the terminal.

    A warning or error of the library is one line in the CLI's own form,
    ``frontline: warning: …``, as its errors and the libraries' warnings are (logging's
    ``WARNING geo.events.load: …`` read as a second kind of message); ``--verbose`` progress
    keeps its level and logger."""

    def format(self, record: logging.LogRecord) -> str:
        if record.levelno >= logging.WARNING:
            level = "warning" if record.levelno < logging.ERROR else "error"
            return f"frontline: {level}: {terminal_text(one_line(record.getMessage()))}"
        return terminal_text(super().format(record))
