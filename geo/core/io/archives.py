"""Zip archives (XLSX workbooks, KMZ layers), opened only once their directory shows they are
safe to inflate: a zip bomb is refused before a byte of it is decompressed.

The sizes a zip's directory declares are binding: Python's :mod:`zipfile` never inflates a member
past its declared size (it fails the CRC instead), so checking them bounds the work.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from geo.core.errors import InputError

MAX_ZIP_BYTES = 1 << 30
"""Most bytes all members of an archive may inflate to (1 GiB)."""
MAX_ZIP_RATIO = 100
"""Highest compression ratio of a member that inflates past :data:`RATIO_FROM_BYTES`. Workbook
and KML text compresses 5–20 times; a zip bomb a thousand times."""
RATIO_FROM_BYTES = 1 << 20
"""Members smaller than this (1 MiB) are not judged by their ratio: they cannot do harm."""
MAX_ZIP_MEMBERS = 10_000
"""Most members an archive may hold."""


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_FROM_BYTES and ratio > MAX_ZIP_RATIO:
        return (
            f"{info.filename} would inflate from {info.compress_size:,} to {info.file_size:,} "
            f"bytes ({ratio:,.0f}:1; the limit is {MAX_ZIP_RATIO}:1)"
        )
    return None


def checked_members(path: str | Path, what: str) -> list[zipfile.ZipInfo]:
    """The members of the zip archive at ``path`` (a ``what``: "spreadsheet", "KMZ"), after
    checking their declared sizes against :data:`MAX_ZIP_BYTES`, :data:`MAX_ZIP_RATIO` and
    :data:`MAX_ZIP_MEMBERS`; :class:`InputError` naming the member otherwise."""
    source = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"not a readable {what} (a zip archive): {exc}", source=source) from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise InputError(
            f"refused: the {what} holds {len(members):,} files (the limit is {MAX_ZIP_MEMBERS:,})",
            source=source,
        )
    for info in members:
        problem = _member_problem(info)
        if problem is not None:
            raise InputError(f"refused as a zip bomb: {problem}", source=source)
    total = sum(info.file_size for info in members)
    if total > MAX_ZIP_BYTES:
        raise InputError(
            f"refused as a zip bomb: the {what} would inflate to {total:,} bytes (the limit is "
            f"{MAX_ZIP_BYTES:,})",
            source=source,
        )
    return members
