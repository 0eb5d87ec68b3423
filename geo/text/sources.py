"""Load documents: text/HTML files, folders, stdin and JSONL; decode; strip markup and boilerplate.

Every input yields a :class:`Document` or, when it cannot be read, a :class:`Document` whose
``error`` says why (so one bad file never stops a batch and nothing is silently dropped); the
files a folder holds that are not documents are reported as one notice per folder
(:attr:`Document.skipped`). Encodings: a byte order mark (UTF-8, UTF-16, UTF-32) is honoured by
every reader alike (:func:`as_utf8`; bytes that are not what it says are refused), else UTF-8 is
tried strictly, anything else is detected by charset-normalizer and the guess is reported as a
warning. JSON that is no document format (a GeoJSON layer of events) is refused, not read as
prose. Text is then normalised (:func:`normalise_text`): invisible format characters
(zero-width space and joiners, soft hyphens, bidi marks and isolates, a BOM inside the text) are
removed, letters are composed (NFC), and NUL bytes and other control characters are removed with
a warning, before anything scans it, so quotes and offsets all refer to the same cleaned text.

HTML is parsed with selectolax: scripts, styles, navigation, asides, forms and comment sections
are removed; title, canonical URL and publication date come from the page's metadata; the text is
laid out as a browser would (a paragraph per block, inline markup joined, text between blocks
kept), and nesting is bounded (:data:`MAX_HTML_DEPTH`) so that parsing stays linear in the page's
size. Reader comments and boilerplate paragraphs (``geo/data/boilerplate.toml``) are dropped
before extraction and counted.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import sys
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from geo.claims import Claimant
from geo.core.patterns import Gate
from geo.core.schema import plausible_year

if TYPE_CHECKING:
    from geo.text.channels import SeenIds

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson"}
CHANNEL_SUFFIXES = {".json", ".xml", ".rss", ".atom"}
"""Suffixes of Telegram exports and feeds (:mod:`geo.text.channels`): a folder's files with these
are read when their content is one, and otherwise counted among the files that are not documents;
a file named on its own is read as one by its content, whatever its suffix."""
SNIFF_BYTES = 4096
MAX_DOCUMENT_CHARS = 2_000_000
MAX_DOCUMENT_BYTES = 64 * 2**20
"""A text or HTML file (or stdin) this large is refused before it is read: one document is cut
at :data:`MAX_DOCUMENT_CHARS` anyway, and reading gigabytes whole to say so would exhaust
memory. Many documents belong in a JSONL file (one a line, streamed) or a folder."""
SKIPPED_EXAMPLES = 5
"""How many skipped files a folder's notice names (the rest are counted)."""
MAX_DATE_CHARS = 100
"""A longer ``published`` value is not a date (and would only slow the date parser)."""
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
"""Every format character (Unicode category Cf) of the Basic Multilingual Plane: invisible, yet
inside a word it hides the word from the name scan (``Бахм\u200bут``, ``Bakh\u00admut``)."""
_INVISIBLE_ASTRAL = re.compile(
    "[\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
"""The format characters beyond it. Apart because ``re`` tests such ranges one by one at every
character (4x the time of the class above over a 5 kB article); only text that holds a character
beyond the plane is searched for them."""
_CONTROL = re.compile("[\x01-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
"""Control characters that are not whitespace (tabs, line and page breaks stay: they separate
words and paragraphs); NUL is counted on its own."""
_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<p[ >])", re.IGNORECASE)
_REMOVE_SELECTORS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "[class*=comment]",
    "[id*=comment]",
    "[class*=share]",
    "[class*=related]",
    "[class*=newsletter]",
    "[class*=advert]",
    "[role=navigation]",
    "[aria-hidden=true]",
)
MAX_JSON_LD_CHARS = 100_000
"""A longer JSON-LD block is not read for its date (pages put whole catalogues in them)."""
DATELINE_PARAGRAPHS = 3
"""How many opening paragraphs may hold the dateline (the first is often the headline)."""
_DATELINE = re.compile(
    r"(?P<head>[^\W_][^\n()]{2,70}?)\s*(?:\([^()\n]{1,40}\)\s*)?(?:(?P<dash>[-\u2013\u2014])\s|$)"
)
"""A wire dateline ("KYIV, March 21 (Reuters) - …", "KYIV, Ukraine, March 21, 2023 — …") or a
paragraph that is only a date ("21 березня 2023 р., 10:15"): its text before the dash."""
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
MAX_DATE_LINE = 40
"""A paragraph that is only a date ("21 березня 2023 р., 10:15") is at most this long."""
MAX_YEARLESS = 20
"""A dateline's date without a year ("March 21", "21 березня") is at most this long: anything
longer is not asked of the (slow) date parser."""
MAX_HTML_DEPTH = 512
"""Deepest element nesting passed to the HTML parser (Chromium's parser stops at 512 too). The
parser's tree building costs time in proportion to the depth for each element it opens, so a page
nested 300,000 deep would take minutes; tags beyond this depth are dropped, their text kept."""
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment (an unclosed one runs to the end)
    r"|<(script|style|textarea|title|xmp|iframe|noembed|noframes)\b[^<>]*>.*?(?=</\1|\Z)"
    r"|<(/?)([A-Za-z][^\s/<>]*)[^<>]*>",
    re.DOTALL | re.IGNORECASE,
)
"""A comment, a raw-text element's start tag and text (no tags inside), or any other tag."""
_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
_SIBLINGS = frozenset("p li dt dd option optgroup tr td th rb rt rp".split())
"""Elements an opening tag of the same name closes (``<li>a<li>b``: siblings, not nested)."""
_BREAK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre td th tr caption figcaption div article section "
    "main ul ol dl table figure address details summary br hr".split()
)
"""Elements a paragraph break surrounds: the block-level ones, and ``<br>``."""
_BREAK = "\x0c"
"""The paragraph break marked in the page's source: a form feed, which HTML parses as whitespace
(so it stays where it is put, even between table cells) and no page shows; one in the page's own
text only adds a paragraph break."""


@dataclass(slots=True)
class Document:
    """One article: cleaned text split into paragraphs, with metadata and what was dropped.

    A document with ``skipped`` > 0 is no article but a notice: ``error`` says which of a
    folder's files (``skipped_unit`` "file"), or a channel's messages or a feed's entries
    ("message", "entry"), were not read and ``skipped`` how many. ``claimant`` credits the
    sentences that name no claimant (a channel's messages: the channel)."""

    doc_id: str
    text: str = ""
    title: str | None = None
    url: str | None = None
    published: date | None = None
    warnings: list[str] = field(default_factory=list)
    dropped_paragraphs: list[str] = field(default_factory=list)
    error: str | None = None
    skipped: int = 0
    skipped_unit: str = "file"
    claimant: Claimant | None = None
    source: str | None = None
    """Where the document was read when its ``doc_id`` does not say: a JSONL line's
    ``FILE:LINE`` (its ``doc_id`` is the record's ``id``), a channel message's
    ``FILE: message <id>`` (``FILE: message #N`` by its place when its id is none or repeated),
    a feed entry's ``FILE: entry N``."""

    @property
    def where(self) -> str:
        """What messages about the document name: where it was read, else its ``doc_id``."""
        return self.source or self.doc_id

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n") if p.strip()]


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _beyond_bmp(text: str) -> bool:
    """Does ``text`` hold a character beyond the Basic Multilingual Plane (an emoji, a rare
    script)? Each is two UTF-16 code units: one C-level encode, not a pass of ``re``."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def normalise_text(text: str) -> tuple[str, list[str]]:
    """``text`` ready to scan, and warnings: NUL bytes and other control characters removed
    (each kind counted in a warning), invisible format characters removed (no warning: web
    pages are full of them), letters composed (NFC: ``и`` + combining breve is ``й``)."""
    warnings: list[str] = []
    nul = text.count("\x00")
    if nul:
        text = text.replace("\x00", "")
        warnings.append(
            f"{_plural(nul, 'NUL character')} removed (a sign of a corrupt or binary file)"
        )
    # Control and format characters are not printable, nor are line breaks: text printable but
    # for those holds neither kind, which one C-level test tells faster than the regexes' passes.
    clean = text.replace("\n", "").isprintable()
    if not clean:
        text, controls = _CONTROL.subn("", text)
        if controls:
            warnings.append(f"{_plural(controls, 'control character')} removed")
    if text.isascii():  # no format character, nothing to compose: most English stories
        return text, warnings
    if not clean:
        text = _INVISIBLE.sub("", text)
        if _beyond_bmp(text):
            text = _INVISIBLE_ASTRAL.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, warnings


def parse_date(value: object) -> date | None:
    """An ISO date or datetime string (as in JSONL fields and HTML meta tags) → date."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from geo.claims.dates import parse_absolute  # dateparser-backed, cached

    return parse_absolute(text)


@cache
def _boilerplate() -> tuple[Gate, re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads(
        resources.files("geo.data").joinpath("boilerplate.toml").read_text("utf-8")
    )
    gate = Gate([data["comment_spam"]["triggers"]])
    spam = re.compile("|".join(f"(?:{p})" for p in data["comment_spam"]["patterns"]), re.IGNORECASE)
    cut = re.compile(
        "|".join(f"(?:{p})" for p in data["comments_start"]["patterns"]), re.IGNORECASE
    )
    link = re.compile(
        "|".join(f"(?:{p})" for p in data["other_stories"]["patterns"]), re.IGNORECASE
    )
    return gate, spam, cut, link


OTHER_STORY_MAX_CHARS = 200
"""The longest "Read also: …" paragraph dropped as another story's headline; a longer one holds
the article's own text too (a page whose line break after the headline was lost)."""


def _triggered(gate: Gate, paragraphs: list[str]) -> set[int]:
    """Indexes of the paragraphs holding a spam trigger, from one automaton pass over the whole
    lower-cased document (triggers hold no line break, so each lies within one paragraph)."""
    joined = "\n".join(paragraphs)
    lowered = joined.lower()
    if gate.empty or len(lowered) != len(
        joined
    ):  # "İ" lower-cases to two characters: go paragraph by paragraph
        return {i for i, para in enumerate(paragraphs) if gate.open(para.lower())}
    if not gate.may_open(lowered):  # Ukrainian or Russian text: no first letter of a trigger
        return set()
    starts = list(accumulate((len(para) + 1 for para in paragraphs[:-1]), initial=0))
    return {bisect_right(starts, end) - 1 for end, _ in gate.automaton.iter(lowered)}


def _normalised(paragraph: str) -> bool:
    """Whether ``" ".join(paragraph.split())`` would return ``paragraph`` unchanged, checked
    without splitting it into words. Every whitespace character but the ASCII space is
    unprintable, so a printable paragraph's only whitespace is spaces; it is then normalised
    when none of them leads, trails or doubles."""
    return (
        paragraph.isprintable()
        and "  " not in paragraph
        and paragraph[:1] != " "
        and paragraph[-1:] != " "
    )


def clean_paragraphs(paragraphs: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split paragraphs into (kept, dropped): reader-comment spam, everything after a
    "Comments" heading, and the headlines of other stories a page links to ("Read also: Kherson
    region struck 73 times in past day", "Читайте також:" and the headline on the line after
    it) are dropped."""
    gate, spam, cut, link = _boilerplate()
    paragraphs = [p if _normalised(p) else " ".join(p.split()) for p in paragraphs]
    triggered = _triggered(gate, paragraphs)
    kept, dropped = [], []
    in_comments = headline_next = False
    for index, para in enumerate(paragraphs):
        if not para:
            continue
        headline, headline_next = headline_next, False
        if in_comments or (len(para) < 60 and cut.fullmatch(para)):
            in_comments = True
            dropped.append(para)
        elif index in triggered and spam.search(para):
            dropped.append(para)
        elif (lead := link.match(para)) is not None and len(para) <= OTHER_STORY_MAX_CHARS:
            dropped.append(para)
            headline_next = lead.end() == len(para.rstrip())  # "Читайте також:" alone
        elif headline and len(para) <= OTHER_STORY_MAX_CHARS:
            dropped.append(para)
        else:
            kept.append(para)
    return kept, dropped


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),  # before UTF-16 LE, whose mark begins it
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
"""Byte order marks, the codec each declares and its name in messages."""
_XML_ENCODING = re.compile(rb"""\A(<\?xml[^<>]*?\bencoding\s*=\s*)(["'])[^"'<>]*\2""")
"""An XML declaration's ``encoding``, which must name UTF-8 once the bytes are re-encoded."""


def bom(data: bytes) -> tuple[bytes, str, str] | None:
    """The byte order mark ``data`` starts with, its codec and the encoding's name; None when
    it starts with none."""
    return next((found for found in _BOMS if data.startswith(found[0])), None)


def _decode_marked(data: bytes, mark: bytes, codec: str, name: str) -> str:
    """``data`` after its byte order mark, decoded strictly: the mark says what the bytes are,
    so bytes that are not that encoding are a broken file (ValueError, one line), not a guess."""
    try:
        return data[len(mark) :].decode(codec)
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"starts with a {name} byte order mark but is not {name} "
            f"(byte {exc.start + len(mark):,}: {exc.reason})"
        ) from None


def as_utf8(data: bytes) -> bytes:
    """``data`` as UTF-8 when a UTF-16 or UTF-32 byte order mark starts it (the mark dropped,
    an XML declaration's encoding made UTF-8), so that every reader (the sniffing of exports
    and feeds, JSON, feedparser, the HTML test) sees the bytes a UTF-8 file would hold; other
    bytes are returned as they are. ValueError (one line) when the bytes are not what the mark
    says."""
    found = bom(data)
    if found is None or found[2] == "UTF-8":
        return data
    text = _decode_marked(data, *found).encode()
    return _XML_ENCODING.sub(rb"\1\2utf-8\2", text, count=1)


def utf8_head(head: bytes) -> bytes:
    """The first bytes of a file as UTF-8 (:func:`as_utf8`), for sniffing: a character the
    cut split in two is left out, and bytes that are not what their mark says sniff as
    nothing."""
    found = bom(head)
    if found is None or found[2] == "UTF-8":
        return head
    mark, codec, _ = found
    return codecs.getincrementaldecoder(codec)("ignore").decode(head[len(mark) :]).encode()


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode bytes to text; returns (text, warnings). Raises ValueError for binary data, and
    for bytes that are not the encoding their byte order mark (UTF-8, UTF-16, UTF-32) says."""
    warnings: list[str] = []
    found = bom(data)
    if found is not None:
        return _decode_marked(data, *found), warnings
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data[:200_000]).best()
        if best is None:
            raise ValueError("binary or undecodable content (no text encoding fits)") from None
        warnings.append(f"encoding guessed as {best.encoding}")
        text = data.decode(best.encoding, errors="replace")
    if "\x00" in text[:10_000]:
        raise ValueError("binary content (NUL bytes), not a text document")
    return text, warnings


def _open(stack: list[str], name: str) -> bool:
    """Record an element opening; False when it would lie deeper than :data:`MAX_HTML_DEPTH`.
    "<div/>" opens a div: only void elements close themselves."""
    if name in _VOID:
        return True
    if name in _SIBLINGS and stack and stack[-1] == name:
        stack.pop()
    if len(stack) >= MAX_HTML_DEPTH:
        return False
    stack.append(name)
    return True


def _close(stack: list[str], name: str) -> bool:
    """Record an end tag: it closes the innermost open element of its name (and those inside);
    False for a stray one, which closes nothing."""
    if stack and stack[-1] == name:
        stack.pop()
    elif name in stack:
        del stack[len(stack) - 1 - stack[::-1].index(name) :]
    else:
        return False
    return True


def prepare_html(html: str) -> tuple[str, int]:
    """``html`` with a paragraph break (:data:`_BREAK`) marked before every block element and
    ``<br>`` and after every block end tag, the tags opened deeper than :data:`MAX_HTML_DEPTH`
    (and their end tags) replaced by a break or a space (their text stays), and how many were.

    One pass of a regular expression over the tags, not a parser: linear time. The depth is
    approximate (implied end tags other than of siblings are not modelled), which is enough to
    bound the parser's work."""
    out: list[str] = []
    last = cut = 0
    stack: list[str] = []
    dropped: dict[str, int] = {}
    for tag in _MARKUP.finditer(html):
        name = tag.group(3)
        if name is None:
            continue  # a comment, or the raw text of a script, style…
        name = name.lower()
        start, end = tag.span()
        if tag.group(2):  # an end tag
            if not dropped.get(name):
                if _close(stack, name) and name in _BREAK_TAGS:
                    out += (html[last:end], _BREAK)
                    last = end
                continue
            dropped[name] -= 1
        elif _open(stack, name):
            if name in _BREAK_TAGS:
                out += (html[last:start], _BREAK)
                last = start
            continue
        else:
            dropped[name] = dropped.get(name, 0) + 1
        cut += 1  # a tag too deep, or the end tag of one
        out += (html[last:start], _BREAK if name in _BREAK_TAGS else " ")
        last = end
    out.append(html[last:])
    return "".join(out), cut


def _meta(tree: HTMLParser) -> dict[str, str]:
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        key = (
            node.attributes.get("property")
            or node.attributes.get("name")
            or node.attributes.get("itemprop")
            or ""
        ).lower()
        content = node.attributes.get("content")
        if key and content:
            meta.setdefault(key, content)
    return meta


def _json_ld_date(tree: HTMLParser) -> str | None:
    """The ``datePublished`` of the page's first JSON-LD block that gives one (schema.org
    NewsArticle and kin: an object, a list of them, or an ``@graph``)."""
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text()
        if len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else [data]
        items += [g for d in items if isinstance(d, dict) for g in _as_list(d.get("@graph"))]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                return item["datePublished"]
    return None


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else []


def _page_date(tree: HTMLParser, meta: dict[str, str], warnings: list[str]) -> date | None:
    """The publication date a page's metadata gives (meta tags, JSON-LD ``datePublished``, the
    first ``<time datetime>``); one it gives unreadably is warned about."""
    time_node = tree.css_first("time[datetime]")
    given = next(
        (meta[k] for k in ("article:published_time", "datepublished", "date", "dc.date", "pubdate")
         if k in meta),
        None,
    ) or _json_ld_date(tree) or (
        time_node.attributes.get("datetime") if time_node is not None else None
    )  # fmt: skip
    if not given:
        return None
    try:
        day = parse_date(given) if len(given) <= MAX_DATE_CHARS else None
    except (ValueError, OverflowError):
        day = None
    if day is None:
        warnings.append(f"unreadable publication date {given!r} in the page's metadata")
    return day


def _page_text(tree: HTMLParser) -> str:
    """The main text, one paragraph per block as a browser lays it out (the breaks
    :func:`prepare_html` marked): inline markup joined as written (``Kher<b>son</b>`` is one
    word), text between blocks kept, whitespace collapsed."""
    for selector in _REMOVE_SELECTORS:
        for node in tree.css(selector):
            node.decompose()
    root = tree.css_first("article") or tree.body or tree.root
    if root is None:
        return ""
    paragraphs = (" ".join(part.split()) for part in root.text(separator="").split(_BREAK))
    return "\n".join(p for p in paragraphs if p)


def html_to_document(html: str, doc_id: str) -> Document:
    """Parse an HTML page into a Document: main text, title, canonical URL, publication date."""
    html, cut = prepare_html(html)
    tree = HTMLParser(html)
    meta = _meta(tree)
    title_node = tree.css_first("title")
    title = meta.get("og:title") or (title_node.text(strip=True) if title_node else None)
    canonical = tree.css_first("link[rel=canonical]")
    url = meta.get("og:url") or (canonical.attributes.get("href") if canonical else None)
    doc = Document(doc_id=doc_id, title=title, url=url)
    if cut:
        doc.warnings.append(
            f"HTML nested deeper than {MAX_HTML_DEPTH} levels: {cut:,} tags beyond that depth "
            "ignored (their text is kept)"
        )
    doc.published = _page_date(tree, meta, doc.warnings)
    doc.text = _page_text(tree)
    return doc


def _date_in(head: str) -> tuple[date | None, str | None]:
    """The date a dateline's head states, and the phrase (None, None when none). The head is
    "PLACE, [REGION,] DATE" or a DATE alone: the longest comma-separated tail holding a day
    number is given to the project's date parser (dateparser, cached; it knows Ukrainian and
    Russian month names). A date without a year is returned with no date and its phrase."""
    parts = head.split(",")
    for start in range(len(parts)):
        phrase = ",".join(parts[start:]).strip()
        if not _DAY.search(phrase) or (start == 0 and len(parts) > 1 and not _YEAR.search(phrase)):
            continue
        if not _YEAR.search(phrase):
            if len(phrase) > MAX_YEARLESS:
                return None, None
            return None, phrase if parse_date(phrase) is not None else None
        day = parse_date(phrase) if len(phrase) <= MAX_DATE_CHARS else None
        if day is not None:
            return day, phrase
    return None, None


def dateline_date(text: str) -> tuple[date | None, str | None]:
    """The publication date a dateline at the top of ``text`` states, and the dateline's date
    phrase (a phrase with no date means a dateline without a year: no year is guessed, since
    nothing in a file says which year it was written; give ``--published``)."""
    paragraphs = [p for p in text.split("\n", DATELINE_PARAGRAPHS * 2) if p.strip()]
    for paragraph in paragraphs[:DATELINE_PARAGRAPHS]:
        match = _DATELINE.match(paragraph.strip())
        if match is None or not _DAY.search(match.group("head")):
            continue
        if not match.group("dash") and (
            len(match.group("head")) > MAX_DATE_LINE or not _YEAR.search(match.group("head"))
        ):
            continue  # a short paragraph alone is a date line only when it has a year
        day, phrase = _date_in(match.group("head"))
        if phrase is not None:
            return day, phrase
    return None, None


def _date_from_dateline(doc: Document) -> None:
    """Date an undated ``doc`` by its dateline; a dateline without a year is warned about."""
    day, phrase = dateline_date(doc.text)
    if day is not None:
        doc.published = day
    elif phrase is not None:
        doc.warnings.append(
            f"the dateline's date {phrase!r} names no year, so it does not date the document "
            "(give --published)"
        )


def finish_document(doc: Document, published: date | None) -> Document:
    """``doc`` ready to scan: text normalised, cut to :data:`MAX_DOCUMENT_CHARS`, boilerplate
    dropped, title defaulted to a short first line; ``published`` (when given) dates it."""
    doc.text, warnings = normalise_text(doc.text)
    doc.warnings.extend(warnings)
    if doc.title is not None:
        doc.title = normalise_text(doc.title)[0]
    if len(doc.text) > MAX_DOCUMENT_CHARS:
        doc.warnings.append(
            f"document has {len(doc.text):,} characters; "
            f"only the first {MAX_DOCUMENT_CHARS:,} were read"
        )
        doc.text = doc.text[:MAX_DOCUMENT_CHARS]
    lines = doc.text.split("\n")
    if doc.title is None and lines and 0 < len(lines[0]) < 200:
        doc.title = lines[0].strip()
    kept, dropped = clean_paragraphs(lines)
    doc.text = "\n".join(kept)
    doc.dropped_paragraphs = dropped
    if published is not None:
        doc.published = published
    elif doc.published is None and doc.text:
        _date_from_dateline(doc)
    if doc.published is not None and not plausible_year(doc.published.year):
        # "Tue, 21 Mar 9999": a placeholder or a typo, as in an event table
        doc.warnings.append(
            f"published date {doc.published} is no real date; the document has none"
        )
        doc.published = None
    if not doc.text.strip() and doc.error is None:
        doc.warnings.append("document has no text")
    return doc


def document_from_bytes(
    data: bytes, doc_id: str, published: date | None = None, *, html: bool | None = None
) -> Document:
    """Make a Document from raw bytes (file content or stdin)."""
    try:
        text, warnings = decode_bytes(data, doc_id)
    except ValueError as exc:
        return Document(doc_id=doc_id, error=str(exc))
    is_html = html if html is not None else bool(_HTML_SNIFF.match(data[:2048]))
    doc = html_to_document(text, doc_id) if is_html else Document(doc_id=doc_id, text=text)
    doc.warnings.extend(warnings)
    return finish_document(doc, published)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(record: dict) -> tuple[dict, bool]:
    """``record`` with lone surrogates in its string fields replaced by U+FFFD,
    and whether any were."""
    clean = {
        key: _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
        for key, value in record.items()
    }
    return clean, clean != record


def _jsonl_record(raw: bytes) -> tuple[dict, str]:
    """The object and its ``text`` of one JSONL line; ValueError saying why it is none."""
    try:
        record = json.loads(raw)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise ValueError("a JSONL line must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("missing string field 'text'")
    return record, text


def _text_field(record: dict, key: str, doc: Document) -> str | None:
    """A metadata field that must be text: None (with a warning) when it is something else."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    doc.warnings.append(f"field {key!r} is not text; ignored")
    return None


def _published_field(value: object, doc: Document) -> date | None:
    """The ``published`` field as a date; a value that is not one is warned about, not lost."""
    if value is None or value == "":
        return None
    day = None
    if isinstance(value, str) and len(value) <= MAX_DATE_CHARS:
        try:
            day = parse_date(value)
        except (ValueError, OverflowError):
            day = None
    if day is None:
        doc.warnings.append(f"unreadable published date {value!r}; the document has none")
    return day


def _jsonl_document(record: dict, text: str, where: str, replaced: bool) -> Document:
    ident = record.get("id")
    if ident is None or ident == "":
        doc_id = where
    else:  # a number or a list is an id too, written as JSON
        doc_id = ident if isinstance(ident, str) else json.dumps(ident, ensure_ascii=False)
    is_html = bool(_HTML_SNIFF.match(text[:2048].encode("utf-8", "replace")))
    doc = html_to_document(text, doc_id) if is_html else Document(doc_id=doc_id, text=text)
    doc.source = where
    doc.title = _text_field(record, "title", doc) or doc.title
    doc.url = _text_field(record, "url", doc) or doc.url
    if replaced:
        doc.warnings.append("lone UTF-16 surrogate escapes replaced with U+FFFD")
    doc.published = _published_field(record.get("published"), doc) or doc.published
    return doc


class _Undecodable(ValueError):
    """A JSONL file's bytes that are not the encoding its byte order mark says."""


def _jsonl_lines(path: Path) -> Iterator[bytes]:
    """The lines of a JSONL file as UTF-8 bytes (a UTF-8 byte order mark is left to the JSON
    parser). A UTF-16 or UTF-32 file, by its mark, is decoded as it is read, split at line
    feeds only, as a UTF-8 file is; :class:`_Undecodable` where its bytes are not that
    encoding."""
    found = bom(_head(path))
    if found is None or found[2] == "UTF-8":
        with path.open("rb") as fh:
            yield from fh
        return
    name = found[2]
    # "utf-16"/"utf-32" read the byte order from the mark and drop it
    with path.open(encoding=name.lower(), newline="\n") as fh:
        try:
            for line in fh:
                yield line.encode()
        except UnicodeDecodeError as exc:
            raise _Undecodable(f"not {name} as its byte order mark says ({exc.reason})") from None


def _jsonl_documents(path: Path, published: date | None) -> Iterator[Document]:
    from geo.text.channels import SeenIds  # channels reads its documents through this module

    seen = SeenIds()  # the ids alone, not the texts: memory stays flat over a large file
    line_no = 0
    try:
        for line_no, raw in enumerate(_jsonl_lines(path), start=1):
            if not raw.strip():
                continue
            doc = _jsonl_line(raw, f"{path}:{line_no}", published)
            if doc.error is None:
                _unique_line_id(doc, seen, line_no)
            yield doc
    except _Undecodable as exc:  # decoded ahead of the lines: where, only to a chunk
        after = f"; the lines after line {line_no:,} not read" if line_no else ""
        yield Document(doc_id=str(path), error=f"{exc}{after}")


def _unique_line_id(doc: Document, seen: SeenIds, line_no: int) -> None:
    """Make ``doc``'s ``doc_id`` one no earlier line of its JSONL file has: a record repeating
    an ``id`` is ``<id>#<line>``, with a warning naming the file and line (``--merge-reports``
    and provenance tell documents apart by ``doc_id``: the records' claims had been merged as
    one document's)."""
    if seen.add(doc.doc_id):
        return
    given, doc.doc_id = doc.doc_id, f"{doc.doc_id}#{line_no}"
    k = 1
    while not seen.add(doc.doc_id):  # an id that itself reads "<id>#<line>"
        k += 1
        doc.doc_id = f"{given}#{line_no}.{k}"
    doc.warnings.append(f"its id {given!r} repeats an earlier line's; read as {doc.doc_id!r}")


def _jsonl_line(raw: bytes, where: str, published: date | None) -> Document:
    """The document of one JSONL line read at ``where`` (FILE:LINE), or its error."""
    try:
        record, text = _jsonl_record(raw)
    except ValueError as exc:
        return Document(doc_id=where, error=f"not a document ({exc})")
    replaced = False
    if b"\\ud" in raw.lower():  # JSON may escape half a UTF-16 pair, which no encoding holds
        record, replaced = _without_lone_surrogates(record)
        text = record["text"]
    return finish_document(_jsonl_document(record, text, where, replaced), published)


def _skip_notice(folder: Path, skipped: list[Path]) -> Document:
    """One line for the files of ``folder`` that are not documents: counts by suffix and the
    first few names."""
    kinds: dict[str, int] = {}
    for path in skipped:
        kind = path.suffix.lower() or "no suffix"
        kinds[kind] = kinds.get(kind, 0) + 1
    ordered = sorted(kinds.items(), key=lambda k: (-k[1], k[0]))
    counts = ", ".join(f"{n} {kind}" for kind, n in ordered)
    names = [p.relative_to(folder).as_posix() for p in skipped]
    shown = ", ".join(names[:SKIPPED_EXAMPLES])
    if len(names) > SKIPPED_EXAMPLES:
        shown += f" and {len(names) - SKIPPED_EXAMPLES} more"
    noun = "file that is not a document" if len(skipped) == 1 else "files that are not documents"
    return Document(
        doc_id=str(folder),
        error=f"skipped {len(skipped)} {noun} ({counts}): {shown}; "
        f"documents are {', '.join(sorted(TEXT_SUFFIXES))}",
        skipped=len(skipped),
    )


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | str | Document]:
    """Each path, ``-``, or the documents of a folder (recursively, sorted) followed by a
    notice of the files it holds that are not documents. A file given twice, or given and in a
    folder given too, is read once, with a warning: its documents would be claims twice."""
    seen: set[Path] = set()
    for item in paths:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if not path.is_dir():
            if _first_time(path, seen):
                yield path
            continue
        skipped = []
        for found in sorted(p for p in path.rglob("*") if not p.is_dir()):
            suffix = found.suffix.lower()
            if not found.is_file():  # a broken or looping link, a pipe: said, not passed over
                yield Document(doc_id=str(found), error=_not_a_file(found))
            elif suffix in TEXT_SUFFIXES or (suffix in CHANNEL_SUFFIXES and _is_channel(found)):
                if _first_time(found, seen):
                    yield found
            else:
                skipped.append(found)
        if skipped:
            yield _skip_notice(path, skipped)


def _first_time(path: Path, seen: set[Path]) -> bool:
    """Is ``path`` a file not yet read in this run (by its resolved path)? A repeat is said."""
    try:
        key = path.resolve()
    except (OSError, RuntimeError):  # a looping link: its reader says so
        return True
    if key in seen:
        log.warning("%s: given twice (itself, or in a folder given too); read once", path)
        return False
    seen.add(key)
    return True


def _not_a_file(path: Path) -> str:
    """Why a folder's entry that is neither a folder nor a file is not read."""
    if path.is_symlink():
        return "a link to nothing readable (broken, or looping)"
    return "not a regular file (a pipe, a socket or a device)"


def _head(path: Path) -> bytes:
    """The first :data:`SNIFF_BYTES` of a file (empty when it cannot be read)."""
    try:
        with path.open("rb") as fh:
            return fh.read(SNIFF_BYTES)
    except OSError:
        return b""


def _is_channel(path: Path) -> bool:
    """Whether a folder's ``.json``/``.xml``… file holds a Telegram export or a feed."""
    from geo.text.channels import sniff

    return sniff(_head(path)) is not None


_HTML_SUFFIX = {".html": True, ".htm": True, ".xhtml": True}
"""Suffixes that make a file HTML whatever its first bytes look like."""


_JSON_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*[\[{]")
_GEOJSON_TYPE = re.compile(rb'"type"\s*:\s*"(FeatureCollection|Feature)"')
"""The ``type`` a GeoJSON file states, near its start (RFC 7946 writers put it first)."""
_GEOMETRY_TYPES = frozenset(
    "Point MultiPoint LineString MultiLineString Polygon MultiPolygon GeometryCollection".split()
)
DOCUMENT_KINDS = "text, HTML, JSONL, Telegram exports and RSS/Atom feeds"
"""What ``frontline extract`` reads, for the refusal of a file that is none of them."""


def not_a_document(what: str) -> str:
    """The one-line refusal of a file that is ``what`` ("a GeoJSON FeatureCollection", "a JSON
    list"), with the command that reads such a file."""
    if "GeoJSON" in what:
        reader = "frontline map or frontline export read claims and events in GeoJSON"
    else:
        reader = "an event table in JSON is read by frontline events import"
    return f"{what}, not a document ({reader}; extract reads {DOCUMENT_KINDS})"


def geojson_head(head: bytes) -> str | None:
    """ "a GeoJSON FeatureCollection" (or "Feature") when the first bytes of a JSON file say so
    (read without parsing it: a file of events may be hundreds of megabytes), else None."""
    if not _JSON_START.match(head):
        return None
    found = _GEOJSON_TYPE.search(head)
    return f"a GeoJSON {found.group(1).decode()}" if found else None


def _json_kind(data: bytes) -> str | None:
    """What ``data`` is when it is a JSON object or list, which no prose is (a GeoJSON layer
    given to extract by mistake: its place names would be read as sentences); None when it is
    not JSON."""
    if not _JSON_START.match(data):
        return None
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if isinstance(value, list):
        return "a JSON list"
    if not isinstance(value, dict):
        return None
    kind = value.get("type")
    if kind in ("FeatureCollection", "Feature"):
        return f"a GeoJSON {kind}"
    if isinstance(kind, str) and kind in _GEOMETRY_TYPES:
        return "a GeoJSON geometry"
    return "a JSON object"


def documents_from_bytes(
    data: bytes, doc_id: str, published: date | None = None, suffix: str = ""
) -> Iterator[Document]:
    """The documents of one input's bytes: a Telegram export's messages or a feed's entries
    (recognised by content, or by a ``.json``/``.xml``/``.rss``/``.atom`` suffix), else one
    text or HTML document. UTF-16 and UTF-32 (by their byte order mark) are read as UTF-8 is,
    whatever the kind; JSON that is none of these (GeoJSON, a list of records) is refused."""
    from geo.text import channels

    try:
        data = as_utf8(data)
    except ValueError as exc:
        yield Document(doc_id=doc_id, error=str(exc))
        return
    kind = channels.sniff(data[:SNIFF_BYTES])
    if kind is None and suffix in CHANNEL_SUFFIXES:
        kind = "telegram" if suffix == ".json" else "feed"
    if kind is None:
        what = _json_kind(data)
        if what is not None:
            yield Document(doc_id=doc_id, error=not_a_document(what))
            return
        yield document_from_bytes(data, doc_id, published, html=_HTML_SUFFIX.get(suffix))
        return
    refused = channels.too_large(len(data), doc_id)
    if refused is not None:
        yield refused
        return
    yield from channels.READERS[kind](data, doc_id, published)


def _file_documents(path: Path, published: date | None) -> Iterator[Document]:
    """The documents of one file: JSONL streamed line by line, a Telegram export streamed
    message by message; a feed over the size limit, or a GeoJSON file, refused before it is
    read; anything else read whole."""
    from geo.text import channels

    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _jsonl_documents(path, published)
        return
    try:
        head = utf8_head(_head(path))
        kind = channels.sniff(head)
        what = geojson_head(head) if kind is None else None
        if what is not None:  # a layer of events, perhaps of hundreds of MB: refused unread
            yield Document(doc_id=str(path), error=not_a_document(what))
            return
        if kind == "telegram" or (kind is None and suffix == ".json"):
            yield from channels.stream_telegram(path, published)
            return
        size = path.stat().st_size
        refusal = channels.too_large(size, str(path))
        if refusal is not None and (suffix in CHANNEL_SUFFIXES or kind):
            yield refusal
            return
        if size > MAX_DOCUMENT_BYTES:
            yield _too_large(str(path), f"{size / 2**20:,.1f} MB")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Document(doc_id=str(path), error=f"cannot read ({exc.strerror or exc})")
        return
    yield from documents_from_bytes(data, str(path), published, suffix)


def _too_large(source: str, what: str, limit: int | None = None) -> Document:
    """The one-line refusal of a document over ``limit`` bytes (:data:`MAX_DOCUMENT_BYTES`)."""
    limit = limit or MAX_DOCUMENT_BYTES
    return Document(
        doc_id=source,
        error=f"{what} is over the {limit / 2**20:,.0f} MB limit for one document (split it, or "
        "give many documents as a JSONL file, one a line, or a folder)",
    )


def iter_documents(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[Document]:
    """Yield documents from files, folders (recursively), ``-`` (stdin), JSONL files, Telegram
    exports and RSS/Atom feeds, streaming."""
    for item in _expand(paths):
        if isinstance(item, Document):
            yield item
        elif item == "-":  # a page, or a Telegram export or feed (up to their larger limit)
            from geo.text.channels import MAX_EXPORT_BYTES

            limit = max(MAX_DOCUMENT_BYTES, MAX_EXPORT_BYTES)
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                yield _too_large("<stdin>", "input", limit)
            else:
                yield from documents_from_bytes(data, "<stdin>", published)
        elif not Path(item).exists():
            yield Document(doc_id=str(item), error="no such file or folder")
        else:
            yield from _file_documents(Path(item), published)
