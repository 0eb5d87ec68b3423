"""One grouping and one colour per claimant in every output: the HTML map, the static image, the
report and the KML all draw an event table's sources under their canonical claimant
(geo/data/claimants.csv) in the map's colours."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest
import shapely
from test_render_fixtures import _row

from geo.core.claimants import claimant_palette
from geo.core.io.events import to_kml
from geo.events import load_events, validate_events
from geo.render import layers as ly
from geo.render import static
from geo.render.report import render_report

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("acled_sample.csv", "viina_sample.csv")


@pytest.fixture(scope="module")
def sample_events(resolver) -> pd.DataFrame:
    """The two bundled sample tables, geocoded: 19+ raw sources."""
    folder = ROOT / "examples" / "events"
    frames = [validate_events(load_events(folder / t), resolver) for t in TABLES]
    return pd.concat(frames, ignore_index=True)


def _map_colors(events: pd.DataFrame) -> dict[str, str]:
    mapped, _ = ly.split_mapped(events)
    part = ly.event_payload(mapped)["claimants"]
    return dict(zip(part["names"], part["colors"], strict=True))


def test_palette_is_the_maps(sample_events):
    drawn, palette = claimant_palette(sample_events)
    assert sample_events["claimant"].nunique() >= 19
    assert drawn.nunique() <= 8
    map_colors = _map_colors(sample_events)
    assert {name: palette[name] for name in map_colors} == map_colors


def test_kml_folders_are_the_maps_claimants(sample_events, tmp_path):
    path = to_kml(sample_events, tmp_path / "events.kml")
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    folders = {}
    for folder in ElementTree.parse(path).getroot().iterfind(".//k:Folder", ns):
        abgr = folder.findtext("k:Style/k:IconStyle/k:color", namespaces=ns)
        folders[folder.findtext("k:name", namespaces=ns)] = f"#{abgr[6:8]}{abgr[4:6]}{abgr[2:4]}"
    drawn, palette = claimant_palette(sample_events)
    assert folders == {name: palette[name] for name in drawn.unique()}
    assert {name: folders[name] for name in _map_colors(sample_events)} == _map_colors(
        sample_events
    )
    # The source as written stays in each placemark's data: nothing of the table is lost.
    text = path.read_text(encoding="utf-8")
    assert "General Staff of the Armed Forces of Ukraine" in text


def test_static_legend_lists_the_maps_claimants_in_their_colours(sample_events):
    fig = static.draw_static(sample_events, title="samples")
    try:
        legend = fig.legends[0]
        entries = {
            t.get_text().rsplit(" (", 1)[0]: h.get_color()
            for t, h in zip(legend.get_texts(), legend.legend_handles, strict=True)
        }
    finally:
        static.plt.close(fig)
    map_colors = _map_colors(sample_events)
    assert {name: entries[name] for name in map_colors} == map_colors


def test_report_groups_sources_and_never_pairs_one_claimants_outlets():
    """Two sources of the Ukrainian military (the General Staff, and the armed forces via an
    agency) are one claimant: they never make a pair with each other; the Russian MoD's
    "captured" against their "held" is the one conflict, drawn in the map's colours."""
    at = shapely.Point(37.50692, 48.00462)
    rows = [
        _row("kr-1", "General Staff of the Armed Forces of Ukraine", "held", "Krasnohorivka", at),
        _row("kr-2", "Ukrainian Army; Ukrinform", "captured", "Krasnohorivka", at),
        _row("kr-3", "Ministry of Defence of Russia; TASS", "captured", "Krasnohorivka", at),
    ]
    frame = pd.DataFrame(rows)
    frame["claimant_kind"] = "event table"
    frame["doc_id"] = "acled_sample.csv"
    drawn, palette = claimant_palette(frame)
    assert list(drawn) == ["Ukrainian military", "Ukrainian military", "Russian MoD"]
    page = render_report(frame, title="grouping")
    assert "Conflicting claims (1)" in page
    sides = re.findall(r'<span class="swatch" style="background:(#[0-9a-f]{6})"></span>([^:<]+):'
                       r" <b>(\w+)</b> \(", page)  # fmt: skip
    assert sides == [
        (palette["Ukrainian military"], "Ukrainian military", "held"),
        (palette["Russian MoD"], "Russian MoD", "captured"),
    ]
    (uri,) = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", page)
    svg = base64.b64decode(uri).decode()  # the pair's marker: half in each side's colour
    assert palette["Ukrainian military"] in svg and palette["Russian MoD"] in svg
