"""Load documents: text/HTML files, folders, stdin and JSONL; decode; strip markup and boilerplate.

Every input yields a :class:`Document` or, when it cannot be read, a :class:`Document` whose
``error`` says why (so one bad file never stops a batch and nothing is silently dropped).
Encodings: BOMs (UTF-8/UTF-16) are honoured, UTF-8 is tried strictly, anything else is detected
by charset-normalizer and the guess is reported as a warning. HTML is parsed with selectolax:
scripts, styles, navigation, asides, forms and comment sections are removed; title, canonical
URL and publication date come from the page's metadata. Reader comments and boilerplate
paragraphs (``geo/data/boilerplate.toml``) are dropped before extraction and counted.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import sys
import tomllib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from itertools import accumulate
from pathlib import Path

from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from geo.core.patterns import Gate

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson"}
MAX_DOCUMENT_CHARS = 2_000_000
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
_BLOCK_TAGS = (
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "figcaption",
    "div",
)


@dataclass(slots=True)
class Document:
    """One article: cleaned text split into paragraphs, with metadata and what was dropped."""

    doc_id: str
    text: str = ""
    title: str | None = None
    url: str | None = None
    published: date | None = None
    warnings: list[str] = field(default_factory=list)
    dropped_paragraphs: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n") if p.strip()]


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
def _boilerplate() -> tuple[Gate, re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads(
        resources.files("geo.data").joinpath("boilerplate.toml").read_text("utf-8")
    )
    gate = Gate([data["comment_spam"]["triggers"]])
    spam = re.compile("|".join(f"(?:{p})" for p in data["comment_spam"]["patterns"]), re.IGNORECASE)
    cut = re.compile(
        "|".join(f"(?:{p})" for p in data["comments_start"]["patterns"]), re.IGNORECASE
    )
    return gate, spam, cut


def _triggered(gate: Gate, paragraphs: list[str]) -> set[int]:
    """Indexes of the paragraphs holding a spam trigger, from one automaton pass over the whole
    lower-cased document (triggers hold no line break, so each lies within one paragraph)."""
    joined = "\n".join(paragraphs)
    lowered = joined.lower()
    if gate.empty or len(lowered) != len(
        joined
    ):  # "İ" lower-cases to two characters: go paragraph by paragraph
        return {i for i, para in enumerate(paragraphs) if gate.open(para.lower())}
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
    """Split paragraphs into (kept, dropped): reader-comment spam, and everything after a
    "Comments" heading, is dropped."""
    gate, spam, cut = _boilerplate()
    paragraphs = [p if _normalised(p) else " ".join(p.split()) for p in paragraphs]
    triggered = _triggered(gate, paragraphs)
    kept, dropped = [], []
    in_comments = False
    for index, para in enumerate(paragraphs):
        if not para:
            continue
        if in_comments or (len(para) < 60 and cut.fullmatch(para)):
            in_comments = True
            dropped.append(para)
        elif index in triggered and spam.search(para):
            dropped.append(para)
        else:
            kept.append(para)
    return kept, dropped


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode bytes to text; returns (text, warnings). Raises ValueError for binary data."""
    warnings: list[str] = []
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), warnings
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


def html_to_document(html: str, doc_id: str) -> Document:
    """Parse an HTML page into a Document: main text, title, canonical URL, publication date."""
    tree = HTMLParser(html)
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
    title_node = tree.css_first("title")
    title = meta.get("og:title") or (title_node.text(strip=True) if title_node else None)
    canonical = tree.css_first("link[rel=canonical]")
    url = meta.get("og:url") or (canonical.attributes.get("href") if canonical else None)
    time_node = tree.css_first("time[datetime]")
    published = None
    for key in ("article:published_time", "datepublished", "date", "dc.date", "pubdate"):
        if key in meta:
            published = parse_date(meta[key])
            break
    if published is None and time_node is not None:
        published = parse_date(time_node.attributes.get("datetime"))
    for selector in _REMOVE_SELECTORS:
        for node in tree.css(selector):
            node.decompose()
    root = tree.css_first("article") or tree.body or tree.root
    paragraphs = []
    if root is not None:
        blocks = [
            n for n in root.css(",".join(_BLOCK_TAGS)) if not n.css_first(",".join(_BLOCK_TAGS))
        ]
        paragraphs = [n.text(separator=" ", strip=True) for n in blocks] or [
            root.text(separator="\n")
        ]
    doc = Document(doc_id=doc_id, title=title, url=url, published=published)
    doc.text = "\n".join(paragraphs)
    return doc


def _finish(doc: Document, published: date | None) -> Document:
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
    return _finish(doc, published)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(record: dict) -> tuple[dict, bool]:
    """``record`` with lone surrogates in its string fields replaced by U+FFFD,
    and whether any were."""
    clean = {
        key: _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
        for key, value in record.items()
    }
    return clean, clean != record


def _jsonl_documents(path: Path, published: date | None) -> Iterator[Document]:
    with path.open("rb") as fh:
        for line_no, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{line_no}"
            try:
                record = json.loads(raw)
                if not isinstance(record, dict):
                    raise ValueError("a JSONL line must be a JSON object")
                text = record.get("text")
                if not isinstance(text, str):
                    raise ValueError("missing string field 'text'")
            except ValueError as exc:
                yield Document(doc_id=where, error=f"not a document ({exc})")
                continue
            replaced = False
            if (
                b"\\ud" in raw.lower()
            ):  # JSON may escape half a UTF-16 pair, which no text encoding can hold
                record, replaced = _without_lone_surrogates(record)
                text = record["text"]
            doc_id = str(record.get("id") or where)
            is_html = bool(_HTML_SNIFF.match(text[:2048].encode("utf-8", "replace")))
            doc = html_to_document(text, doc_id) if is_html else Document(doc_id=doc_id, text=text)
            doc.title = record.get("title") or doc.title
            doc.url = record.get("url") or doc.url
            if replaced:
                doc.warnings.append("lone UTF-16 surrogate escapes replaced with U+FFFD")
            try:
                doc.published = parse_date(record.get("published")) or doc.published
            except ValueError:
                doc.warnings.append(f"unreadable published date {record.get('published')!r}")
            yield _finish(doc, published)


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    for item in paths:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
        else:
            yield path


def iter_documents(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[Document]:
    """Yield documents from files, folders (recursively), ``-`` (stdin) and JSONL files,
    streaming."""
    for item in _expand(paths):
        if item == "-":
            yield document_from_bytes(sys.stdin.buffer.read(), "<stdin>", published)
            continue
        assert isinstance(item, Path)
        if not item.exists():
            yield Document(doc_id=str(item), error="no such file or folder")
            continue
        if item.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _jsonl_documents(item, published)
            continue
        try:
            data = item.read_bytes()
        except OSError as exc:
            yield Document(doc_id=str(item), error=f"cannot read ({exc.strerror or exc})")
            continue
        html = True if item.suffix.lower() in (".html", ".htm", ".xhtml") else None
        yield document_from_bytes(data, str(item), published, html=html)
