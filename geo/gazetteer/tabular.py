"""Reading user CSV files: encoding detection (UTF-8 or, e.g., cp1251 via charset-normalizer) and
column checks that name the columns a file does have."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from charset_normalizer import from_bytes

from geo.core.errors import InputError


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Text and encoding name of ``data``:
    UTF-8 (with or without BOM) first, else the best guess."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError(
            "cannot detect the text encoding (not UTF-8, no plausible code page)", source=source
        )
    try:
        return data.decode(best.encoding), best.encoding
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode as {best.encoding}: {exc.reason} at byte {exc.start}", source=source
        ) from exc


def _legacy_encoding(lines: list[bytes]) -> str | None:
    """The code page ``lines`` (not UTF-8) are most likely in, by charset-normalizer."""
    best = from_bytes(b"\n".join(lines)[:200_000]).best()
    return codecs.lookup(best.encoding).name if best is not None else None


def decode_lines(data: bytes, source: str) -> tuple[str, str, dict[int, str]]:
    """(text, encoding, {line index: its encoding}) of ``data``: as :func:`decode_bytes`, but a
    UTF-8 file with some lines in another encoding (rows pasted from an older file) is decoded
    line by line and the odd lines are returned, rather than the whole file read as mojibake."""
    try:
        return data.decode("utf-8-sig"), "utf-8", {}
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    decoded: list[str | None] = []
    utf8_letters = False
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            utf8_letters = utf8_letters or not line.isascii()
        except UnicodeDecodeError:
            decoded.append(None)
    if not utf8_letters:  # no line is UTF-8 beyond ASCII: the file has one legacy encoding
        text, encoding = decode_bytes(data, source)
        return text, encoding, {}
    odd = [i for i, text in enumerate(decoded) if text is None]
    legacy = _legacy_encoding([lines[i] for i in odd])
    for i in odd:  # undetectable: UTF-8 with the bad bytes replaced, still flagged
        decoded[i] = lines[i].decode(legacy or "utf-8", errors="replace")
    text = "\n".join(t or "" for t in decoded).removeprefix("\ufeff")
    return text, "utf-8", {i: legacy or "unknown (bytes replaced)" for i in odd}


def sniff_delimiter(text: str) -> str:
    """The delimiter (, ; tab) the header line of ``text`` uses most."""
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def read_delimited_text(path: str | Path) -> tuple[str, str, str]:
    """(text, encoding, delimiter) of a delimited text file; the delimiter (, ; tab) is sniffed
    from the header line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", source=str(path)) from exc
    text, encoding = decode_bytes(data, str(path))
    return text, encoding, sniff_delimiter(text)


def read_csv(path: str | Path) -> tuple[list[str], list[list[str]], str]:
    """(header, rows, encoding) of a CSV file;
    the delimiter (, ; tab) is sniffed from the header."""
    text, encoding, delimiter = read_delimited_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty CSV file (no header row)", source=str(path)) from None
    header = [h.strip() for h in header]
    rows: list[list[str]] = []
    try:
        rows.extend(reader)
    except csv.Error as exc:  # the row after the last one read, header = row 1 (not the line:
        # a quoted cell may hold line breaks)
        raise InputError(f"malformed CSV ({exc})", source=str(path), row=len(rows) + 2) from exc
    return header, rows, encoding


def column_index(header: list[str], column: str, source: str, option: str) -> int:
    """Index of ``column`` (case-insensitive) or an error listing the available columns."""
    lowered = [h.lower() for h in header]
    if column.lower() in lowered:
        return lowered.index(column.lower())
    available = ", ".join(repr(h) for h in header) or "none"
    raise InputError(
        f"no column {column!r} (given by {option}); available columns: {available}", source=source
    )
