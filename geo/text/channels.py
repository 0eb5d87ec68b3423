"""Channel exports and news feeds as documents: one :class:`~geo.text.sources.Document` per
Telegram message or feed entry, each with its own date, id and link.

* **Telegram Desktop's JSON export** of one chat (``result.json``: ``{"name", "type", "id",
  "messages": [...]}``), recognised by its content (a JSON object with a ``messages`` list). A
  message's ``text`` is a string or a list of strings and entity objects (``{"type": "bold",
  "text": ...}``), joined as written (else its ``text_entities``); a part that is no text is
  left out with a warning naming the message; an edited message holds its edited text, and its
  title notes the edit date. Service messages (joins, pins) and messages without text are
  skipped and counted in one notice per export. The channel is the message's **default claimant**: a
  sentence that credits nobody is the channel's claim (a forwarded message's source's, and in a
  group chat its sender's). A channel listed in
  ``geo/data/channels.toml`` maps to its canonical claimant (``Генеральний штаб ЗСУ`` →
  Ukrainian military) and its username gives each message a ``https://t.me/<username>/<id>``
  link; any other channel is its own claimant, and its messages have no link.
* **RSS and Atom feeds**, parsed by feedparser from the bytes in hand (never a URL: nothing is
  fetched), after defusedxml has refused any entity declaration or external reference (in a
  feed that is not well-formed, any its prolog holds: feedparser would take them). Each
  entry is a document: its title (the first paragraph), link, published (else updated) date and
  content (else summary), whose HTML goes through the same cleaning as an HTML page.

A Telegram export *file* is streamed message by message with ijson (:func:`stream_telegram`),
so an export of any size, or of any depth (refused past :data:`MAX_JSON_DEPTH`), is read in flat
memory; an export on stdin or in bytes, and any feed (feedparser parses a whole document), over
:data:`MAX_EXPORT_BYTES` is refused with one line rather than held in memory whole.

Either, in UTF-16 or UTF-32 by its byte order mark, is read as its UTF-8 twin is (sniffed, parsed
and streamed through :func:`~geo.text.sources.as_utf8` and :class:`_Recoded`). Each document's
``doc_id`` is its own within the export or feed: a message without an id, or a message or entry
repeating one, is told apart by its place, with a warning. Every warning about a message or an
entry names the file as given and the message or entry (``result.json: message 7: warning: …``,
``feed.rss: entry 2: warning: …``; :attr:`~geo.text.sources.Document.where`).
"""

from __future__ import annotations

import codecs
import io
import json
import re
import tomllib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

import ijson

from geo.claims import Claimant
from geo.claims.tables import tables
from geo.text.sources import (
    Document,
    as_utf8,
    bom,
    finish_document,
    html_to_document,
    parse_date,
    utf8_head,
)

MAX_EXPORT_BYTES = 128 * 2**20
"""Largest feed, or channel export given as bytes (stdin), read: those are parsed whole, and a
JSON export takes several times its size in memory. Export files are streamed, at any size."""
_EXPORT_KEYS = ("name", "type", "id", "username")
"""The export's own fields a streamed read takes before its ``messages`` list."""
CHANNEL_KIND = "channel"
"""``claimant_kind`` of a channel that is not in the channel table."""
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<")
_JSON_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*\{")


@cache
def _table() -> dict:
    """geo/data/channels.toml: its ``[[channel]]`` and ``[[site]]`` rows, read once."""
    return tomllib.loads(resources.files("geo.data").joinpath("channels.toml").read_text("utf-8"))


@cache
def _channels() -> dict[str, tuple[str, str]]:
    """Lower-cased channel title or username → (canonical claimant, username)."""
    data = _table()
    return {
        name.casefold(): (row["claimant"], row.get("username", ""))
        for row in data["channel"]
        for name in row["names"]
    }


@cache
def _claimant_rules() -> dict[str, tuple[str, str]]:
    """Canonical claimant name → (kind, side), from the claim tables."""
    return {rule.name: (rule.kind, rule.side) for rule in tables().claims.claimants.rules}


def channel_claimant(*names: str | None) -> tuple[Claimant | None, str]:
    """The default claimant for a channel known by any of ``names`` (title, username) and its
    username ("" when unknown): the canonical claimant of the channel table, else the channel's
    own (first) name. ``text`` is None: the claimant is defaulted, not written."""
    given = [n.strip() for n in names if isinstance(n, str) and n.strip()]
    if not given:
        return None, ""
    for name in given:
        known = _channels().get(name.casefold())
        if known is not None:
            canonical, username = known
            kind, side = _claimant_rules().get(canonical, (CHANNEL_KIND, ""))
            return Claimant(canonical, kind, side, None), username
    return Claimant(given[0], CHANNEL_KIND, "", None), ""


@cache
def _sites() -> dict[str, str]:
    """Official website domain → canonical claimant (the ``[[site]]`` rows of channels.toml)."""
    return {
        domain.casefold(): row["claimant"] for row in _table()["site"] for domain in row["domains"]
    }


@lru_cache(maxsize=4_096)
def site_claimant(url: str | None) -> Claimant | None:
    """The default claimant of a page of an official website (``https://npu.gov.ua/news/…``:
    the National Police, "Ukrainian government"), matched on the host or a parent domain of it
    ("function.mil.ru": mil.ru; not "npu.gov.ua.example.com"); None for any other page."""
    try:
        host = urlsplit(url).hostname if url and "://" in url else None
    except ValueError:  # "http://[broken": an untrusted url is no official site
        return None
    if not host:
        return None
    labels = host.casefold().rstrip(".").split(".")
    for i in range(len(labels) - 1):
        canonical = _sites().get(".".join(labels[i:]))
        if canonical is not None:
            kind, side = _claimant_rules().get(canonical, (CHANNEL_KIND, ""))
            return Claimant(canonical, kind, side, None)
    return None


# -- sniffing ---------------------------------------------------------------------------------


def sniff(head: bytes) -> str | None:
    """``"telegram"`` or ``"feed"`` when the first bytes of a file look like one (confirmed when
    it is parsed), else None. UTF-16 and UTF-32 are sniffed as UTF-8 (:func:`utf8_head`)."""
    head = utf8_head(head)
    if _JSON_START.match(head) and b'"messages"' in head:
        return "telegram"
    if _XML_START.match(head) and _FEED_ROOT.search(head):
        return "feed"
    return None


def too_large(size: int, source: str) -> Document | None:
    """The one-line refusal of a channel export or feed over :data:`MAX_EXPORT_BYTES`."""
    if size <= MAX_EXPORT_BYTES:
        return None
    return Document(
        doc_id=source,
        error=f"{size / 2**20:,.1f} MB is over the {MAX_EXPORT_BYTES / 2**20:,.1f} MB limit for a "
        "channel export or feed (export it in parts: Telegram Desktop can limit an export "
        "to a date range)",
    )


_UNITS = {"message": "messages", "entry": "entries"}


def _skip_notice(source: str, skipped: dict[str, int], unit: str) -> Iterator[Document]:
    """One notice for the items (``unit``: message, entry) of ``source`` that are not
    documents, counted by reason."""
    total = sum(skipped.values())
    if total:
        reasons = ", ".join(f"{n:,} {why}" for why, n in skipped.items() if n)
        noun = unit if total == 1 else _UNITS[unit]
        yield Document(
            doc_id=source,
            error=f"skipped {total:,} {noun} ({reasons})",
            skipped=total,
            skipped_unit=unit,
        )


# -- Telegram -----------------------------------------------------------------------------------


MAX_TEXT_NESTING = 8
"""Deepest list of text parts read: Telegram Desktop writes one flat list, but a list within it
(another tool's export) is read as parts too, to this depth; the parts below are left out and
warned about, and the reader never recurses as deep as hostile input goes."""


def telegram_text(text: object, unread: list[str] | None = None) -> str | None:
    """A message's text as written: a string, or a list of strings, entity objects (bold,
    links, hashtags … each with its ``text``) and lists of those, joined; None when it is
    neither. A part that is no text (a number, an entity whose text is an object, a list nested
    past :data:`MAX_TEXT_NESTING`) is left out and described in ``unread``, so that the message
    can say what it lost."""
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return None
    parts: list[str] = []
    _text_parts(text, parts, unread if unread is not None else [], 1)
    return "".join(parts)


def _text_parts(items: list, parts: list[str], unread: list[str], depth: int) -> None:
    """Append the text of each of ``items`` (a list of parts ``depth`` levels deep) to
    ``parts``, and a description of each part that is no text to ``unread``."""
    for item in items:
        part = item["text"] if isinstance(item, dict) and "text" in item else item
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, list) and depth < MAX_TEXT_NESTING:
            _text_parts(part, parts, unread, depth + 1)
        elif isinstance(part, list):
            unread.append(f"a list nested more than {MAX_TEXT_NESTING} levels deep")
        elif isinstance(item, dict):
            what = _json_kind(part) if "text" in item else "missing"
            unread.append(f"an entity whose text is {what}")
        else:
            unread.append(_json_kind(part))


def _json_kind(value: object) -> str:
    """What a JSON value is, for a warning: "an object", "a number", "null" …"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "an object"
    return "a number" if isinstance(value, int | float | Decimal) else type(value).__name__


def _message_text(message: dict) -> tuple[str | None, list[str]]:
    """A message's text (its ``text``, else its ``text_entities`` when ``text`` is missing,
    empty or unreadable: Telegram Desktop writes the same text in both) and what of it could not
    be read; None when neither is a string or a list."""
    unread: list[str] = []
    text = telegram_text(message.get("text", ""), unread)
    if text is None or not text.strip():
        from_entities: list[str] = []
        entities = telegram_text(message.get("text_entities"), from_entities)
        if entities is not None and entities.strip():
            return entities, from_entities
    return text, unread


def _unread_warning(unread: list[str]) -> str:
    """The warning of a message some of whose text parts were left out."""
    kinds = ", ".join(dict.fromkeys(unread))
    noun = "part" if len(unread) == 1 else "parts"
    return f"{len(unread):,} {noun} of its text not read ({kinds})"


def _message_date(message: dict, key: str) -> tuple[date | None, str | None]:
    """The date of ``message[key]`` (ISO local time; else its ``…_unixtime`` twin, as UTC; a
    number in ``key`` itself is read as Unix time), and a warning when a date is given but none
    of it can be read ("date": "garbage", "2023-02-30T10:00:00")."""
    value = message.get(key)
    stamp = message.get(f"{key}_unixtime")
    if isinstance(value, str) and value:
        try:
            found = parse_date(value)
        except (ValueError, OverflowError):
            found = None
        if found is not None:
            return found, None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        stamp = stamp or value
    found = _unix_date(stamp)
    if found is None and (value or stamp):
        shown = ", ".join(repr(v)[:40] for v in (value, stamp) if v)
        return None, f"its date cannot be read ({shown})"
    return found, None


def _unix_date(stamp: object) -> date | None:
    """The UTC date of a Unix time (a number or digits), or None for anything else."""
    try:
        return datetime.fromtimestamp(int(float(str(stamp))), UTC).date() if stamp else None
    except (TypeError, ValueError, OverflowError, OSError):
        return None


class _Export:
    """What every message of one export shares: where it came from and its channel."""

    def __init__(self, export: dict, source: str) -> None:
        self.source = source
        name = export.get("name") if isinstance(export.get("name"), str) else None
        username = export.get("username") if isinstance(export.get("username"), str) else None
        self.claimant, known = channel_claimant(name, username)
        self.username = (username or known or "").lstrip("@")
        self.channel = self.username or name or str(export.get("id") or source)
        self.group = "group" in str(export.get("type", ""))  # a chat: each sender speaks
        self.seen = SeenIds()

    def document(self, message: dict, text: str, number: int) -> Document:
        """The Document of one message with text, the ``number``-th of the export. Its
        ``doc_id`` is ``<channel>/<id>``; a message without an id that is a number or text is
        ``FILE#N`` by its place in the export, and one repeating an earlier message's id
        ``<channel>/<id>#N``, each with a warning: ``--merge-reports`` and provenance tell
        documents apart by ``doc_id``. Its warnings name the file and the message
        (``Document.source``: ``FILE: message <id>``, or ``FILE: message #N`` by its place
        when its id is none or repeated): one export among many is told by its path."""
        given = message.get("id")
        ident = given if isinstance(given, int | str) and not isinstance(given, bool) else None
        ident = None if ident == "" else ident
        label = f"#{number}"
        if ident is None:
            doc_id = f"{self.source}#{number}"
            warning = f"it has no id ({_id_kind(given)}); read as {doc_id!r}"
        elif self.seen.add(ident):
            doc_id, label, warning = f"{self.channel}/{ident}", str(ident), None
        else:
            doc_id = f"{self.channel}/{ident}#{number}"
            warning = f"its id {ident!r} repeats an earlier message's; read as {doc_id!r}"
        url = f"https://t.me/{self.username}/{ident}" if self.username and ident else None
        title = f"{self.channel} #{ident}" if ident is not None else self.channel
        edited = message.get("edited")
        if isinstance(edited, str) and edited:
            title += f" (edited {edited})"
        doc = Document(doc_id=doc_id, text=text, title=title, url=url)
        doc.source = f"{self.source}: message {label}"
        if warning is not None:
            doc.warnings.append(warning)
        doc.published, unread = _message_date(message, "date")
        if unread:
            doc.warnings.append(unread)
        speaker = message.get("forwarded_from") or (message.get("from") if self.group else None)
        doc.claimant = channel_claimant(speaker)[0] or self.claimant
        return doc


def _id_kind(value: object) -> str:
    """What a message's unusable ``id`` is, for its warning ("missing", "null", "a list" …)."""
    if value is None:
        return "null"  # or missing: Telegram Desktop writes an id for every message
    if value == "":
        return "empty"
    return "a list" if isinstance(value, list) else _json_kind(value)


class SeenIds:
    """The ids of one export's messages so far, to tell a repeat. Telegram numbers a chat's
    messages in increasing order: such ids are kept in an array (8 bytes each, so an export
    of millions of messages stays small) and only the others (out of order, past 64 bits,
    text) in a set. An id written as text is the number it spells (``"5"`` is ``5``): both
    make the ``doc_id`` ``<channel>/5``."""

    def __init__(self) -> None:
        self._ordered = array("q")
        self._other: set[int | str] = set()

    def add(self, ident: int | str) -> bool:
        """Record ``ident``; False when it was recorded before."""
        if isinstance(ident, str) and ident.isdecimal() and str(int(ident)) == ident:
            ident = int(ident)
        if isinstance(ident, int) and -(2**63) <= ident < 2**63:
            ordered = self._ordered
            if not ordered or ident > ordered[-1]:
                ordered.append(ident)
                return True
            at = bisect_left(ordered, ident)
            if ordered[at] == ident:
                return False
        if ident in self._other:
            return False
        self._other.add(ident)
        return True


def telegram_documents(
    export: dict, source: str, published: date | None, messages: Iterable[object] | None = None
) -> Iterator[Document]:
    """The documents of a Telegram Desktop export (an object with a ``messages`` list, or the
    export's own fields and ``messages`` streamed apart): one per message with text, then one
    notice counting the messages skipped. ``published`` only dates a message that carries no
    date of its own."""
    channel = _Export(export, source)
    skipped = {"service": 0, "without text": 0, "not an object": 0}
    messages = export["messages"] if messages is None else messages
    for number, message in enumerate(messages, start=1):
        if not isinstance(message, dict):
            skipped["not an object"] += 1
            continue
        if message.get("type", "message") != "message":
            skipped["service"] += 1
            continue
        text, unread = _message_text(message)
        if text is None:
            yield Document(
                doc_id=f"{source}: message {message.get('id', number)}",
                error="its text is neither a string nor a list of strings and entities",
            )
            continue
        if not text.strip():
            skipped["without text"] += 1
            continue
        doc = channel.document(message, text, number)
        if unread:
            doc.warnings.append(_unread_warning(unread))
        yield finish_document(doc, None if doc.published else published)
    yield from _skip_notice(source, skipped, "message")


def read_telegram(data: bytes, source: str, published: date | None) -> Iterator[Document]:
    """The documents of a Telegram export's bytes; one error document when it is none."""
    try:
        export = json.loads(as_utf8(data).decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        yield Document(doc_id=source, error=f"not a readable JSON file ({_first_line(exc)})")
        return
    if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
        yield Document(
            doc_id=source,
            error='a JSON file that is not a Telegram Desktop export (no "messages" list)',
        )
        return
    yield from telegram_documents(export, source, published)


def stream_telegram(path: Path, published: date | None) -> Iterator[Document]:
    """The documents of a Telegram export file, streamed: its own fields are read up to the
    ``messages`` list (Telegram Desktop writes them first), then one message at a time, so
    memory stays flat at any size. A file that breaks off or goes wrong midway yields
    the messages before the fault, then one error document saying where it stopped.

    The file is read twice from its start, through :class:`_DepthChecked`: for the export's
    fields (its first chunk, as a rule), then for its messages, parsed and built by ijson's C
    backend without a Python step per event. Numbers are read exactly (``use_float`` off): an
    integer past 64 bits, which yajl can only read as text, is a Python int, and a fraction a
    Decimal, rather than a parse error that would end the export there."""
    source = str(path)
    read = 0
    try:
        with path.open("rb") as fh:
            export = _export_fields(ijson.parse(_DepthChecked(_from_start(fh))))
            if export is None:
                yield Document(
                    doc_id=source,
                    error='a JSON file that is not a Telegram Desktop export (no "messages" list '
                    "after the export's name, type and id)",
                )
                return
            messages = ijson.items(_DepthChecked(_from_start(fh)), "messages.item")
            for doc in telegram_documents(export, source, published, messages):
                read += doc.error is None
                yield doc
    except (ijson.JSONError, UnicodeDecodeError, ValueError) as exc:
        after = f" after {read:,} messages" if read else ""
        yield Document(doc_id=source, error=f"not a readable JSON file{after} ({_first_line(exc)})")
    except OSError as exc:
        yield Document(doc_id=source, error=f"cannot read ({exc.strerror or exc})")


MAX_JSON_DEPTH = 64
"""Deepest nesting a streamed export may have (a message is 4-5 levels deep); deeper input is
refused rather than built, which would exhaust the stack."""
_DEPTH_STEPS = {"start_map": 1, "start_array": 1, "end_map": -1, "end_array": -1}
"""How each of ijson's events changes the depth (the others leave it)."""


def _from_start(fh: BinaryIO) -> BinaryIO | _Recoded:
    """``fh`` at its start, past a byte order mark (which ijson would take for text); a UTF-16
    or UTF-32 file is read through :class:`_Recoded`, as ijson reads UTF-8 only."""
    fh.seek(0)
    found = bom(fh.read(4))
    fh.seek(len(found[0]) if found else 0)
    if found is None or found[2] == "UTF-8":
        return fh
    return _Recoded(fh, *found)


class _Recoded:
    """A UTF-16 or UTF-32 file read as UTF-8 bytes, chunk by chunk (memory stays flat). Bytes
    that are not the encoding its byte order mark says are a ValueError naming the byte."""

    def __init__(self, fh: BinaryIO, mark: bytes, codec: str, name: str) -> None:
        self._fh = fh
        self._decoder = codecs.getincrementaldecoder(codec)()
        self._name = name
        self._offset = len(mark)

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # a reader's test of what the file gives, not its end
            return b""
        while True:
            chunk = self._fh.read(size)
            try:
                text = self._decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise ValueError(
                    f"not {self._name} as its byte order mark says (byte "
                    f"{self._offset + exc.start:,}: {exc.reason})"
                ) from None
            self._offset += len(chunk)
            if text or not chunk:  # b"" is the end of the file to ijson: never for a split pair
                return text.encode()


class _DepthChecked:
    """A binary file whose chunks are refused (ValueError) once they nest past
    :data:`MAX_JSON_DEPTH` levels, checked before the parser reading it sees them.

    ijson's C parser builds the events of a whole read buffer, each with its prefix (the
    dotted path to it), before handing any out: a check on those events comes after a chunk of
    64 KiB of ``[`` has cost 64K prefixes of up to 64K steps, gigabytes. Here each chunk is
    first read through ijson's prefix-free event stream (``basic_parse``), and its depths
    summed in C, so the refusal costs one chunk whatever the input. A chunk the tokenizer
    cannot read ends the checking: the parser meets the same fault, after the messages before
    it."""

    def __init__(self, fh: BinaryIO | _Recoded) -> None:
        self._fh = fh
        self._events = ijson.sendable_list()
        self._tokens = ijson.basic_parse_coro(self._events)
        self._depth = 0
        self._checking = True

    def read(self, size: int = -1) -> bytes:
        chunk = self._fh.read(size)
        if not chunk or not self._checking:
            return chunk
        try:
            self._tokens.send(chunk)
        except (ijson.JSONError, ValueError):
            self._checking = False
        steps = map(_DEPTH_STEPS.get, map(itemgetter(0), self._events), repeat(0))
        depths = list(accumulate(steps, initial=self._depth))
        del self._events[:]
        if max(depths) > MAX_JSON_DEPTH:
            raise ValueError(f"nested more than {MAX_JSON_DEPTH} levels deep")
        self._depth = depths[-1]
        return chunk


def _export_fields(events: Iterator[tuple]) -> dict | None:
    """The export's own fields (:data:`_EXPORT_KEYS`), consuming ``events`` up to the start of
    its ``messages`` list; None when the file is not an object with such a list."""
    fields: dict = {}
    for number, (prefix, event, value) in enumerate(events):
        if number == 0 and event != "start_map":
            return None
        if prefix == "messages":
            return fields if event == "start_array" else None
        if prefix in _EXPORT_KEYS and event in ("string", "number", "boolean", "null"):
            fields[prefix] = value
    return None


# -- feeds --------------------------------------------------------------------------------------


def _first_line(exc: BaseException) -> str:
    """The first line of an exception's message. yajl (ijson's parser) gives its message as
    bytes of several lines, the last pointing into the input: read as text, not as ``b'…'``."""
    given = exc.args[0] if len(exc.args) == 1 else None
    text = given.decode("utf-8", "replace") if isinstance(given, bytes) else str(exc)
    return (text.splitlines() or [type(exc).__name__])[0].strip()[:200] or type(exc).__name__


_PROLOG_END = re.compile(rb"<\w")
"""The first element: before it is the prolog, where feedparser looks for the DOCTYPE and the
entity declarations it keeps."""
_DECLARATIONS = re.compile(rb"<!ENTITY|<!DOCTYPE[^\[<>]*\[", re.IGNORECASE)
"""An entity declaration, or the start of a DOCTYPE's internal subset (where they live); a
DOCTYPE's name and external id hold no ``<``, so a prolog of endless DOCTYPEs is one pass."""


def _refuse_entities(data: bytes) -> str | None:
    """Why a feed is refused (an entity declaration, an external reference), else None.

    defusedxml reads a well-formed feed. One that is not is read leniently by feedparser, which
    still takes the entity declarations of its prolog (a stray ``&`` before a DOCTYPE ends the
    XML parse before defusedxml sees it): such a feed is refused when its prolog declares
    entities or an internal subset, with defusedxml's reason when it can read the declarations
    from the DOCTYPE on."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    refused = "refused: the feed declares entities or external references ({})"
    try:
        fromstring(data)
    except DefusedXmlException as exc:
        return refused.format(exc)
    except (ParseError, ValueError):
        first = _PROLOG_END.search(data)
        declared = _DECLARATIONS.search(data, 0, first.start() if first else len(data))
        if declared is None:
            return None
        try:
            fromstring(data[declared.start() :])
        except DefusedXmlException as exc:
            return refused.format(exc)
        except (ParseError, ValueError):
            pass
        return refused.format("a DTD internal subset in a feed that is not well-formed")
    return None


def _entry_date(entry: dict) -> date | None:
    """An entry's publication (else update) date, as feedparser read it (UTC)."""
    for key in ("published_parsed", "updated_parsed"):
        # ``in`` first: feedparser warns when an absent "updated…" is read through its alias
        parsed = entry.get(key) if key in entry else None
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _entry_html(entry: dict) -> str:
    """The entry's fullest body: its content, else its summary (HTML or text)."""
    for content in entry.get("content") or ():
        value = content.get("value")
        if value:
            return value
    return entry.get("summary") or ""


def _entry_document(entry: dict, source: str, number: int) -> Document | None:
    """The Document of one feed entry, its warnings naming the file and the entry
    (``Document.source``: ``FILE: entry N``, its place in the feed); None when it holds no
    text."""
    doc_id = entry.get("id") or entry.get("link") or f"{source}#{number}"
    body = html_to_document(_entry_html(entry), doc_id)
    body.source = f"{source}: entry {number}"
    title = entry.get("title") or ""
    if "html" in (entry.get("title_detail") or {}).get("type", ""):
        title = html_to_document(title, doc_id).text
    title = " ".join(title.split()) or None
    if title and not body.text.startswith(title):
        body.text = f"{title}\n{body.text}" if body.text else title
    if not body.text.strip():
        return None
    body.title, body.url = title, entry.get("link") or None
    body.published = _entry_date(entry)
    given = next((entry[key] for key in ("published", "updated") if key in entry), None)
    if body.published is None and given:
        body.warnings.append(f"its date cannot be read ({str(given)[:40]!r})")
    return body


def _unique_entry_id(doc: Document, seen: set[str], number: int) -> None:
    """Make ``doc``'s ``doc_id`` one no earlier entry of the feed has: an entry repeating a
    guid (or, without one, a link) is ``<id>#N`` by its place in the feed, with a warning
    (``--merge-reports`` and provenance tell documents apart by ``doc_id``)."""
    if doc.doc_id in seen:
        given, doc.doc_id = doc.doc_id, f"{doc.doc_id}#{number}"
        doc.warnings.append(f"its id {given!r} repeats an earlier entry's; read as {doc.doc_id!r}")
    seen.add(doc.doc_id)


def read_feed(data: bytes, source: str, published: date | None) -> Iterator[Document]:
    """The documents of an RSS or Atom feed's bytes, one per entry with text; one error
    document when the feed is refused or unreadable."""
    import feedparser

    try:
        data = as_utf8(data)  # feedparser and expat mistake UTF-16 without a declaration
    except ValueError as exc:
        yield Document(doc_id=source, error=str(exc))
        return
    refused = _refuse_entities(data)
    if refused:
        yield Document(doc_id=source, error=refused)
        return
    # A stream, never bytes or a string: feedparser would take those for a path or URL to open.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    if not parsed.entries:
        why = _first_line(parsed.bozo_exception) if parsed.bozo else "it has no entries"
        yield Document(doc_id=source, error=f"not a readable feed ({why})")
        return
    empty = 0
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        doc = _entry_document(entry, source, number)
        if doc is None:
            empty += 1
            continue
        _unique_entry_id(doc, seen, number)
        if parsed.bozo and number == 1:
            why = _first_line(parsed.bozo_exception)
            doc.warnings.append(f"feed not well-formed, read leniently ({why})")
        yield finish_document(doc, None if doc.published else published)
    yield from _skip_notice(source, {"without text": empty}, "entry")


READERS = {"telegram": read_telegram, "feed": read_feed}
"""The reader of each kind :func:`sniff` tells apart."""
