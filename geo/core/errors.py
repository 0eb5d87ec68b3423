"""Our exception types. Each carries the input it is about, so the CLI can print one clear line.

As geopy's do, each also subclasses the builtin it refines, so code that knows nothing of
frontline can still catch it: bad input is a :class:`ValueError`, a broken store a
:class:`RuntimeError`, a failed online geocoder a :class:`ConnectionError`.
"""

from __future__ import annotations


def one_line(message: object) -> str:
    """A library's error or warning message on one line (pandas' parser ends its own with a line
    break)."""
    return " ".join(str(message).split())


class FrontlineError(Exception):
    """Base class: a problem a user can act on (bad input, missing cache, bad option)."""

    def __init__(self, message: str, *, source: str | None = None, row: int | None = None) -> None:
        self.message = message
        self.source = source
        self.row = row
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = f"{self.source}"
            if self.row is not None:
                where += f", row {self.row}"
            where += ": "
        return f"{where}{self.message}"


class InputError(FrontlineError, ValueError):
    """An input file, row or value that cannot be used as given."""


class GazetteerError(FrontlineError, RuntimeError):
    """The gazetteer store is missing, corrupt, or an import failed."""


class GeocodingError(FrontlineError, ConnectionError):
    """An online geocoder failed (network, quota, malformed answer)."""
