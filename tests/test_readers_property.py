"""Property tests (hypothesis) over the readers: generated hostile and malformed inputs in, every
row accounted for, never a traceback.

Each example is a file a careless user or an attacker could hand over: article text and HTML
(markup, NUL bytes, zero-width and RTL marks, deep nesting, bad encodings), JSONL lines (objects,
non-objects, broken JSON, odd ``published`` values), event tables (CSV, JSON, XLSX with formula
prefixes and markup in their cells), events files (GeoJSON features that are not objects, unknown
geometry types, missing coordinates, numbers no column holds; CSV with broken WKT) and control
layers (unclosed rings, NaN / Infinity / 500° vertices, points among polygons, markup in
``status``). The properties are:

* the reader returns, or raises one :class:`~geo.core.errors.FrontlineError` whose message is
  one line naming the file (no other exception);
* every input row is accounted for: read, flagged (a quality flag or ``invalid_coordinates``) or
  reported (a document's error, a warning or note naming it);
* no payload markup survives into the text a page would show: the document text of an HTML page
  holds no tag; records keep hostile strings as data, which the writers suite
  (``tests/test_writers_property.py``) shows reach every output inert.

Runs in well under a minute: ``max_examples`` is set per test and there is no deadline.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from test_writers_property import HOSTILE, any_char

from geo.core.errors import FrontlineError, InputError
from geo.core.io import read_events
from geo.core.io.control import read_control
from geo.core.io.events import CSV_COLUMNS
from geo.core.io.safe import xml_text
from geo.core.records import INVALID
from geo.text.sources import document_from_bytes, iter_documents

SETTINGS = settings(
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],  # no explain
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u200f")
TAG = re.compile(r"<(img|script|svg|name|iframe)\b", re.IGNORECASE)

hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.sampled_from(INVISIBLE), st.text(any_char, max_size=6)),
    max_size=6,
).map("".join)
cells = st.one_of(st.just(""), hostile_text, st.sampled_from(HOSTILE))


def one_line(exc: BaseException, path: Path | str) -> None:
    """A refusal is one of ours, on one line, naming the file."""
    assert isinstance(exc, FrontlineError), repr(exc)
    text = str(exc)
    assert "\n" not in text and str(path) in text, text


@contextmanager
def warnings_logged() -> Iterator[list[str]]:
    """The warnings frontline logs meanwhile (caplog is per test, not per example)."""
    lines: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    root = logging.getLogger("geo")
    root.addHandler(handler)
    try:
        yield lines
    finally:
        root.removeHandler(handler)


# ------------------------------------------------------------------------ articles and JSONL


@st.composite
def articles(draw: st.DrawFn) -> tuple[bytes, bool]:
    """Article bytes (text or HTML, maybe deeply nested, maybe not UTF-8) and whether HTML."""
    is_html = draw(st.booleans())
    body = draw(hostile_text)
    if is_html:
        depth = draw(st.sampled_from([0, 1, 50, 5000]))
        tag = draw(st.sampled_from(["div", "b", "p", "li", "span"]))
        body = body.replace("&lt;", "")  # an escaped "<" is text: only raw tags here
        body = f"<html><body>{f'<{tag}>' * depth}<p>{body}</p>{draw(hostile_text)}</body></html>"
    data = body.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data += draw(st.binary(max_size=8))
    return data, is_html


@settings(SETTINGS, max_examples=60)
@given(article=articles())
def test_documents_from_hostile_bytes_are_clean_text(article):
    data, is_html = article
    doc = document_from_bytes(data, "doc", html=is_html)
    if doc.error:
        event("reported unreadable")
        assert "\n" not in doc.error
        return
    event("read")
    assert "\x00" not in doc.text
    assert not any(mark in doc.text for mark in INVISIBLE)
    doc.text.encode("utf-8")  # no lone surrogate left
    if is_html:  # the page's tags are markup, never text
        assert not TAG.search(doc.text), doc.text


jsonl_lines = st.one_of(
    st.fixed_dictionaries(
        {"text": hostile_text},
        optional={
            "id": st.one_of(st.integers(), hostile_text, st.lists(st.integers(), max_size=2)),
            "title": st.one_of(hostile_text, st.integers(), st.none()),
            "published": st.one_of(
                st.sampled_from(["2023-03-21", "21-03-2023", "soon", "9" * 300, ""]),
                st.integers(),
                st.floats(allow_nan=True),
                hostile_text,
            ),
        },
    ).map(lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    st.sampled_from([b"[1, 2]", b"42", b'"text"', b"{", b'{"text": 5}', b"[" * 5000 + b"]" * 5000]),
    st.binary(min_size=1, max_size=10).filter(lambda b: b.strip() and b"\n" not in b),
)


@settings(SETTINGS, max_examples=40)
@given(lines=st.lists(jsonl_lines, min_size=1, max_size=6))
def test_jsonl_every_line_is_a_document_or_an_error(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "feed.jsonl"
    lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
    path.write_bytes(b"\n".join(lines) + b"\n")
    counted = [n for n, line in enumerate(lines, 1) if line.strip()]
    docs = list(iter_documents([path]))
    assert len(docs) == len(counted)
    for doc in docs:
        assert doc.error is None or "\n" not in doc.error
        assert "\x00" not in doc.text
        if doc.error:
            assert doc.doc_id.startswith(f"{path}:")
    ids = [d.doc_id for d in docs if d.error is None]
    assert len(set(ids)) == len(ids)  # a repeated id is told apart by its line
    event(f"{sum(d.error is not None for d in docs)} reported")


@settings(SETTINGS, max_examples=15)
@given(article=articles())
def test_extractor_over_hostile_documents(extractor, article):
    data, is_html = article
    doc = document_from_bytes(data + " Бахм\u200bут".encode(), "doc", html=is_html)
    records = extractor.document_records(doc)
    for record in records:
        assert "\x00" not in (record.get("quote") or "")
    event("records" if records else "no records")


# ---------------------------------------------------------------------------- event tables


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    header = ["event_id_cnty", "event_date", "location", "latitude", "longitude", "notes"]
    rows = []
    for k in range(draw(st.integers(0, 5))):
        date = draw(st.sampled_from(["2023-03-21", "21 March 2023", "", "soon", "=NOW()"]))
        lat = draw(st.sampled_from(["48.59", "48,59", "", "NaN", "inf", "1e400", "=1+1", "91"]))
        lon = draw(st.sampled_from(["38.0", "", "-Infinity", "500", "@SUM(1)"]))
        place = draw(st.one_of(st.sampled_from(["Bakhmut", "Бахм\u200bут", ""]), cells))
        rows.append([f"UKR{k}", date, place, lat, lon, draw(cells)])
    return header, rows


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")  # lone surrogates: bad UTF-8


def write_table(path: Path, header: list[str], rows: list[list[str]]) -> None:
    clean = [[c.encode("utf-8", "replace").decode("utf-8") for c in r] for r in rows]
    if path.suffix == ".csv":
        path.write_bytes(csv_bytes(header, rows))
    elif path.suffix == ".json":
        path.write_text(json.dumps([dict(zip(header, r, strict=True)) for r in clean]))
    else:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(header)
        for row in clean:  # what XML 1.0 cannot hold no workbook holds (openpyxl writes it)
            sheet.append([xml_text(c)[0] for c in row])
        book.save(path)


@pytest.mark.parametrize("suffix", [".csv", ".json", ".xlsx"])
@settings(SETTINGS, max_examples=20)
@given(table=tables())
def test_event_tables_keep_or_flag_every_row(tmp_path_factory, suffix, table):
    from geo.events.load import load_events

    header, rows = table
    path = tmp_path_factory.mktemp("table") / f"events{suffix}"
    write_table(path, header, rows)
    try:
        events = load_events(path, fmt="acled")
    except InputError as exc:
        one_line(exc, path)
        event(f"refused: {str(exc).split(': ', 1)[1][:28]}")  # header only, bad encoding
        return
    event("read")
    assert len(events) == len(rows)
    for k, row in enumerate(rows):
        if not row[1].strip() or row[1] in ("soon", "=NOW()"):
            assert events["quality_flag"].iloc[k], (row, events.iloc[k].to_dict())


# ---------------------------------------------------------------------------- events files

geometry_values = st.one_of(
    st.none(),
    st.just({"type": "Point", "coordinates": [37.5, 48.5]}),
    st.just({"type": "Polygon", "coordinates": [[[37, 48], [38, 48], [38, 49]]]}),
    st.sampled_from(
        [
            {"type": "Blob", "coordinates": [1, 2]},
            {"type": "Point"},
            {"type": "Point", "coordinates": "x"},
            {"type": "Point", "coordinates": [1, "a"]},
            {"type": "LineString", "coordinates": [[1, 2]]},
            {"type": "GeometryCollection", "geometries": [5]},
            {"type": 5},
            5,
            [1, 2],
        ]
    ),
)
property_values = st.dictionaries(
    st.sampled_from(["event_id", "quote", "claimant", "place_name", "quantity", "confidence"]),
    st.one_of(cells, st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.none()),
    max_size=5,
)
features = st.one_of(
    st.builds(
        lambda g, p: {"type": "Feature", "geometry": g, "properties": p},
        geometry_values,
        st.one_of(property_values, st.just([1, 2])),
    ),
    st.sampled_from([1, "x", None, [1, 2], True]),
)


def _read_or_refused(path):
    """The records of ``path``, or None when it was refused with a one-line message."""
    try:
        return read_events(path)
    except InputError as exc:
        one_line(exc, path)
        event("refused with a message")
        return None


@settings(SETTINGS, max_examples=60)
@given(items=st.lists(features, max_size=6), huge=st.booleans())
def test_events_geojson_every_feature_read_flagged_or_reported(tmp_path_factory, items, huge):
    path = tmp_path_factory.mktemp("geojson") / "events.geojson"
    text = json.dumps({"type": "FeatureCollection", "features": items}, allow_nan=True)
    if huge:
        text = text.replace("[37.5, 48.5]", "[37.5, 1e400]")
        text = text.replace("[1, 2]", "[1, " + "9" * 5000 + "]")
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with warnings_logged() as warned:
        events = _read_or_refused(path)
        if events is None:
            return
    objects = [k for k, item in enumerate(items, 1) if isinstance(item, dict)]
    assert len(events) == len(objects)
    for k, item in enumerate(items, 1):
        if not isinstance(item, dict):
            assert any(w.startswith(f"{path}: feature {k}: a JSON ") for w in warned), warned
    for row, k in enumerate(objects):
        geometry = items[k - 1]["geometry"]
        if events.geometry.iloc[row] is None and geometry is not None:
            assert events["resolution"].iloc[row] == INVALID or any(
                w.startswith(f"{path}: feature {k}:") for w in warned
            )
    event(f"{len(items) - len(objects)} skipped, {len(objects)} read")


@settings(SETTINGS, max_examples=30)
@given(rows=st.lists(st.tuples(cells, st.sampled_from(["", "POINT (1 2)", "POLYGON((1 2", "x"])),
                     min_size=1, max_size=5))  # fmt: skip
def test_events_csv_every_row_read_or_flagged(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("csv") / "events.csv"
    header = [*CSV_COLUMNS, "geometry_wkt"]
    body = []
    for k, (quote, wkt) in enumerate(rows):
        cells_of = dict.fromkeys(header, "")
        cells_of.update(event_id=f"e{k}", quote=quote, geometry_wkt=wkt)
        body.append([cells_of[c] for c in header])
    path.write_bytes(csv_bytes(header, body))
    events = _read_or_refused(path)
    if events is None:
        return
    event("read")
    assert len(events) == len(rows)
    for k, (_, wkt) in enumerate(rows):
        if wkt in ("POLYGON((1 2", "x"):
            assert events["resolution"].iloc[k] == INVALID


# --------------------------------------------------------------------------- control layers

fine = st.floats(36, 39).map(lambda v: str(round(v, 3)))
broken = st.one_of(fine, st.sampled_from(["NaN", "Infinity", "-Infinity", "500", '"a"']))


@st.composite
def control_features(draw: st.DrawFn) -> str:
    """One feature: most are polygons with fine vertices; one in four has broken ones."""
    kind = draw(st.sampled_from(["Polygon", "Polygon", "Polygon", "Point", "Blob"]))
    ordinates = broken if draw(st.integers(0, 3)) == 0 else fine
    point = st.tuples(ordinates, ordinates)
    points = draw(st.one_of(st.lists(point, min_size=3, max_size=5), st.lists(point, max_size=2)))
    close = draw(st.booleans()) and points
    ring = [*points, points[0]] if close else points
    coords = "[" + ", ".join(f"[{x}, {y}]" for x, y in ring) + "]"
    if kind == "Polygon":
        coords = f"[{coords}]"
    elif kind == "Point":
        coords = "[37.5, 48.5]"
    status = json.dumps(draw(cells), ensure_ascii=True)
    return (
        f'{{"type": "Feature", "properties": {{"status": {status}, "source": "<b>x</b>"}}, '
        f'"geometry": {{"type": "{kind}", "coordinates": {coords}}}}}'
    )


LABELS = re.compile(r"features? ((?:\d+(?:, )?)+)")


def dropped(notes: list[str]) -> int:
    """How many features the notes say were dropped (each note names them, fewer than 10)."""
    total = 0
    for note in notes:
        if note.startswith("dropped"):
            named = LABELS.findall(note)
            assert named, note
            total += len(named[-1].split(", "))
    return total


@settings(SETTINGS, max_examples=60)
@given(items=st.lists(control_features(), min_size=1, max_size=6))
def test_control_layer_every_feature_kept_or_named(tmp_path_factory, items):
    path = tmp_path_factory.mktemp("control") / "layer.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [' + ", ".join(items) + "]}")
    try:
        layer = read_control(path, date="2025-01-05")
    except InputError as exc:
        one_line(exc, path)
        event(f"refused: {str(exc).split(': ', 1)[1][:28]}")
        return
    event("read")
    assert all("\n" not in note for note in layer.notes)
    assert len(layer.frame) + dropped(layer.notes) == len(items), layer.notes
    assert layer.frame.geometry.is_valid.all()
    assert (layer.frame["source"] == "<b>x</b>").all()  # data, kept as text
