"""Command-line interface: a thin skin over the library (``frontline --help``).

Each command module registers its commands on :data:`geo.cli._app.app`. :func:`main` turns our
own exceptions into one clear line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import importlib
import inspect
import os
import signal
import sqlite3
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from geo.cli._app import app, silence_stdout
from geo.core.errors import FrontlineError, one_line
from geo.core.terminal import terminal_text

_COMMAND_MODULES = ("extract", "gazetteer", "frontline", "maps", "events")


def _load_commands() -> None:
    for name in _COMMAND_MODULES:
        try:
            importlib.import_module(f"geo.cli.{name}")
        except ModuleNotFoundError as exc:  # a stage not built yet in this checkout
            if exc.name != f"geo.cli.{name}":
                raise
    _reflow_help(app)


def reflow(doc: str) -> str:
    """``doc`` with each prose paragraph on one line, so the help wraps at the terminal's width:
    typer's rich help keeps every line break of a docstring, and a 100-column docstring line on
    an 80-column terminal reads ragged. Indented lines (examples) keep their breaks."""
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(
        p if any(line.startswith(" ") for line in p.splitlines()) else " ".join(p.split("\n"))
        for p in paragraphs
    )


def _reflow_help(typer_app: typer.Typer) -> None:
    """Give every command of ``typer_app`` (and of its sub-apps) its docstring reflowed."""
    for command in typer_app.registered_commands:
        if command.help is None and command.callback is not None and command.callback.__doc__:
            command.help = reflow(command.callback.__doc__)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _reflow_help(group.typer_instance)


def _one_line_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: str | None = None,
) -> None:
    """A library's warning (GDAL, shapely, pandas) as one plain line on stderr: what it says,
    not the file and line of the library that said it."""
    text = terminal_text(one_line(message))
    print(f"frontline: warning: {text} ({category.__name__})", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``frontline`` console script.

    Click (in standalone mode) prints usage errors itself with exit code 2; our own exceptions
    become one line on stderr with exit code 2; a library's warning one line too
    (:func:`_one_line_warning`).
    """
    _load_commands()
    with warnings.catch_warnings(), _terminate_as_exit():
        warnings.showwarning = _one_line_warning
        return _run(argv)


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM (a scheduler's kill, `timeout`) ends the command as Ctrl-C does: through the
    writers' clean-up, which removes their temporary files (a killed GeoPackage write had left
    150 MB of them), with exit code 143; the previous handler is restored after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, frame: object) -> None:
    print("frontline: terminated", file=sys.stderr)
    raise SystemExit(128 + signum)


def _worker_default_sigterm() -> None:
    """A forked worker (``geo.engine``) ends on SIGTERM at once, as before: the exit above is
    the command's, in its main process."""
    if signal.getsignal(signal.SIGTERM) is _terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_worker_default_sigterm)


def _run(argv: list[str] | None) -> int:
    try:
        app(args=argv, prog_name="frontline")
    except FrontlineError as exc:  # its message may quote the input: shown, not obeyed
        print(f"frontline: error: {terminal_text(str(exc))}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:  # a store damaged after it was opened and checked
        print(
            f"frontline: error: the gazetteer store failed ({exc}); "
            "rebuild it with `frontline gazetteer build`",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print("frontline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # a reader that stopped reading (`| head`): the rest is not wanted
        silence_stdout()
        return 1
    except OSError as exc:  # an I/O failure no command reported itself: `geocode > /dev/full`
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"frontline: error: {where}{exc.strerror or exc}", file=sys.stderr)
        silence_stdout()
        return 2
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
