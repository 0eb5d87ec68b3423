"""The folium map, styles, escaping and the payload the browser draws from (no browser here)."""

from __future__ import annotations

import re

import geopandas as gpd
import pytest
from test_render_fixtures import HOSTILE_QUOTE, sample_events

from geo.core.errors import InputError
from geo.core.records import normalize_events
from geo.core.style import claimant_color
from geo.render import layers as ly
from geo.render.map import build_map, map_fragment


def test_claimant_colours_are_stable_and_distinct():
    assert claimant_color("Russian MoD") == claimant_color("  russian   mod ") == "#c62828"
    assert claimant_color("Ukrainian military") == "#1f5fbf"
    assert claimant_color("Some Telegram channel") == claimant_color("some telegram channel")
    assert claimant_color(None) == claimant_color(float("nan"))


def test_map_html_has_every_part():
    m = build_map(sample_events(), title="Donbas, early January")
    html = m.get_root().render()
    for needle in (
        "L.control.layers",
        "Russian MoD (4 claims)",
        "Direction sectors (1)",
        "Region-level claims (1)",
        "Uncertainty circles: near or part of a place (1)",
        "L.Control.Search",
        "L.Control.Measure",
        "L.control.fullscreen",
        "control.scale",
        "Donbas, early January",
        "Claims up to",
        "Unresolved mentions (1)",
        "Oblasts: geoBoundaries (CC BY 4.0)",
        "Place names (",
    ):
        assert needle in html, needle
    assert m._repr_html_()  # Jupyter shows it inline


def test_article_text_never_reaches_html_unescaped():
    html = build_map(sample_events()).get_root().render()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "javascript:alert" not in html  # not linked, not even shipped
    assert (
        "\\u003cscript\\u003ealert(1)" in html
    )  # the quote is data inside JSON, shown via textContent


TEMPLATE_TEXT = "said {{ 7*7 }} and {% raw %} then {# not a comment"


def test_text_in_jinja_syntax_stays_text():
    """Rendered elements are not compiled as templates again: data text holding Jinja syntax
    is neither evaluated (``{{ 7*7 }}`` stays as written, no 49) nor a reason to fail."""
    events = sample_events()
    for column in ("quote", "claimant", "place_name", "source_title"):
        events[column] = events[column].astype(object) + " " + TEMPLATE_TEXT
    m = build_map(events)
    page = m.get_root().render()
    assert page.count(TEMPLATE_TEXT) >= 4
    assert "said 49" not in page
    assert TEMPLATE_TEXT in map_fragment(build_map(events))


def test_quotes_truncated_and_only_http_links():
    mapped, _ = ly.split_mapped(normalize_events(sample_events()))
    payload = ly.event_payload(mapped)
    quotes = payload["cols"]["quote"]["v"]
    assert max(len(q) for q in quotes if q) <= ly.QUOTE_MAX_CHARS
    assert HOSTILE_QUOTE in quotes
    urls = {s[1] for s in payload["sources"]["v"]}
    assert urls == {"https://example.org/report/1", "https://example.org/report/2", None}


def test_detail_tuples_hold_null_for_missing_and_numbers_as_shown():
    """Rows whose details read the same share one tuple; a missing value is null, never an
    empty string."""
    events = normalize_events(sample_events())
    for column in ly.DETAIL_COLUMNS:
        if column in events and column not in ("uncertainty_m", "geo_precision"):
            events[column] = events.loc[0, column]
    events["geo_precision"] = events.loc[0, "geo_precision"]
    events["uncertainty_m"] = 2000
    detail = ly.event_payload(ly.split_mapped(events)[0])["detail"]
    assert len(detail["v"]) == 1 and set(detail["i"]) == {0}
    events.loc[3, "uncertainty_m"] = 15_000
    detail = ly.event_payload(ly.split_mapped(events)[0])["detail"]
    assert len(detail["v"]) == 2 and detail["i"][3] == 1 and set(detail["i"]) == {0, 1}
    row = dict(zip(detail["keys"], detail["v"][0], strict=True))
    assert row["uncertainty_m"] == 2000 and isinstance(row["uncertainty_m"], int)
    assert "" not in detail["v"][0] and row["direction"] is None


def test_one_data_blob_not_a_marker_per_event():
    html = build_map(sample_events()).get_root().render()
    assert "L.circleMarker(" in html and html.count("L.circleMarker(") == 1
    assert html.count("L.marker(") == 0


def test_empty_event_set_renders_a_message():
    html = build_map(sample_events().iloc[0:0]).get_root().render()
    assert "No events to show" in html and "The event table is empty." in html
    html = build_map(sample_events().iloc[[10]]).get_root().render()
    assert "None of the records has a location." in html


def test_bad_coordinates_raise_with_event_id():
    events = sample_events()
    events.loc[0, "geometry"] = events.loc[0, "geometry"].__class__(48.282, 37.176)  # (lat, lon)
    with pytest.raises(InputError, match="pok-001"):
        build_map(events)


def test_fragments_have_unique_ids():
    a = map_fragment(build_map(sample_events()))
    b = map_fragment(build_map(sample_events()))
    ids_a = set(re.findall(r'id="([^"]+)"', a))
    ids_b = set(re.findall(r'id="([^"]+)"', b))
    assert ids_a and not ids_a & ids_b
    assert "<html" not in a


def test_fragment_sets_no_page_styles_and_assets_come_once():
    from geo.render.map import fragment_assets

    m1, m2 = build_map(sample_events()), build_map(sample_events().head(3))
    full = map_fragment(m1)
    bare = map_fragment(m1, assets=False)
    assert "html, body" not in full and "<meta" not in full  # nothing page-wide
    assert f"#{m1.get_name()}" in bare and "leaflet.js" in full and "leaflet.js" not in bare
    head = fragment_assets(m1, m2)
    assert (
        head.count("leaflet@1.9.3/dist/leaflet.js") == 1
        and head.count("leaflet-measure.min.js") == 1
    )
    assert "html, body" in m1.get_root().render()  # a full page still fills the window


def test_control_layers_per_source_and_date():
    from test_render_fixtures import shared_or_skip

    folder = shared_or_skip("deepstate")
    frames = []
    for name in ("deepstatemap_data_20250106.geojson", "deepstatemap_data_20250107.geojson"):
        frame = gpd.read_file(folder / name)
        frame["source"], frame["claimant"], frame["status"] = "DeepState", "DeepState", "occupied"
        frame["date"] = f"2025-01-{name[-10:-8]}"
        frames.append(frame)
    control = gpd.GeoDataFrame(__import__("pandas").concat(frames), crs=4326)
    html = build_map(sample_events(), control=control).get_root().render()
    assert (
        "Control: DeepState, 2025-01-07 (occupied)" in html
        and "Frontline: DeepState, 2025-01-06" in html
    )
    assert "Control of terrain: DeepState" in html


def test_cli_fragment_without_assets(tmp_path):
    import subprocess
    import sys

    from geo.export import to_geojson

    events = tmp_path / "events.geojson"
    to_geojson(sample_events(), events)
    cli = [sys.executable, "-m", "geo", "map", str(events), "--fragment"]
    with_assets = subprocess.run([*cli, "-o", str(tmp_path / "a.html")], capture_output=True)
    without = subprocess.run(
        [*cli, "--no-assets", "-o", str(tmp_path / "b.html")], capture_output=True
    )
    assert with_assets.returncode == without.returncode == 0, without.stderr
    assert "<script src=" in (tmp_path / "a.html").read_text()
    text = (tmp_path / "b.html").read_text()
    assert "<script src=" not in text and "<link " not in text and "<html" not in text
