"""Reading the map in Chromium as a person would, at 1400×900, 1280×720 and on a 390×844 phone.

The map is the bundled sitrep's (``examples/sitrep_2023-03-21.txt``, the demo map): claims at
Bakhmut stack three on one point, and Krasnohorivka holds the report's conflicting pair
(Ukrainian military "repelled" against Russian MoD "captured"). Asserted from element boxes and
real clicks: no control covers the data's extent at load and no two panels overlap; every claim at
a shared point opens (one grouped popup); the disputed ring shows both sides; the offline search
finds a place by its English, Ukrainian and Russian names. A second map from the two sample event
tables checks that 20 raw source strings become a few claimants and the panels still keep apart.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from test_browser_maps import (  # noqa: F401 - the fixtures are used by name
    Watched,
    _wait_ready,
    asset_cache,
    browser,
)

from geo.render.layers import LARGE_N
from geo.render.map import build_map, write_map

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SITREP = ROOT / "examples" / "sitrep_2023-03-21.txt"
TABLES = [ROOT / "examples" / "events" / n for n in ("acled_sample.csv", "viina_sample.csv")]
SIZES = {"desktop": (1400, 900), "laptop": (1280, 720), "phone": (390, 844)}
KRASNOHORIVKA = (48.00462, 37.50692)  # GeoNames 704393
BAKHMUT = (48.59419, 37.99886)  # GeoNames 713174

# Every control of the map (panels, layer control, zoom, search, scale, attribution) as boxes in
# map pixels, and the data's extent (what the map opens on) as a box.
_BOXES = """() => { const reg = Object.values(window.FRONTLINE)[0], map = reg.map;
  const box = map.getContainer().getBoundingClientRect();
  const rel = r => ({l: r.left - box.left, t: r.top - box.top, r: r.right - box.left, b: r.bottom - box.top});
  const controls = [...map.getContainer().querySelectorAll('.leaflet-control-container .leaflet-control')]
    .map(c => ({cls: c.className, ...rel(c.getBoundingClientRect())})).filter(c => c.r > c.l && c.b > c.t);
  const nw = map.latLngToContainerPoint(reg.dataBounds.getNorthWest());
  const se = map.latLngToContainerPoint(reg.dataBounds.getSouthEast());
  return {controls, data: {l: nw.x, t: nw.y, r: se.x, b: se.y}, size: map.getSize()}; }"""  # noqa: E501 - JavaScript


def _overlap(a: dict, b: dict) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


@pytest.fixture(scope="module")
def sitrep_events(extractor) -> pd.DataFrame:
    from geo.extract import extract_frame
    from geo.geometry import claim_geometry

    claims = extract_frame([SITREP], date(2023, 3, 21), extractor=extractor)
    return claim_geometry(claims, extractor.resolver.store)


@pytest.fixture(scope="module")
def sitrep_map(tmp_path_factory, sitrep_events, asset_cache) -> Path:
    path = tmp_path_factory.mktemp("reading") / "sitrep.html"
    return write_map(build_map(sitrep_events, title="Situation report, 21 March 2023"), path)


FILLER = LARGE_N + 1_000  # points added to the sitrep's: above LARGE_N, the points are stamped
FILLER_STANCES = ["reported", "advancing", "struck", "under attack"]  # none contradicts another


@pytest.fixture(scope="module")
def large_events(sitrep_events) -> gpd.GeoDataFrame:
    """The sitrep's claims and 21,000 more points in western Ukraine, well away from them
    (dated the days before the sitrep, at 300 named places, by two claimants)."""
    events = sitrep_events
    first_point = events.index[events.geometry.geom_type == "Point"][0]
    filler = events.loc[[first_point] * FILLER].reset_index(drop=True)
    rng = np.random.default_rng(3)
    lon, lat = rng.uniform(24.0, 26.0, FILLER), rng.uniform(49.5, 50.5, FILLER)
    k = np.arange(FILLER)
    filler = filler.set_geometry(gpd.points_from_xy(lon, lat, crs=events.crs))
    filler["longitude"], filler["latitude"] = lon, lat
    filler["event_id"] = [f"filler-{j}" for j in k]
    filler["place_id"] = None
    filler["place_name"] = filler["location"] = [f"Filler {j % 300}" for j in k]
    filler["claimant"] = np.where(k % 2 == 0, "ISW", "DeepState")
    filler["stance"] = np.array(FILLER_STANCES)[k % len(FILLER_STANCES)]
    filler["event_date"] = [f"2023-03-{10 + j % 10:02d}" for j in k]
    filler["direction"] = None
    filler["geo_precision"], filler["uncertainty_m"] = 1, 1_000.0
    return gpd.GeoDataFrame(pd.concat([events, filler], ignore_index=True), crs=events.crs)


@pytest.fixture(scope="module")
def large_map(tmp_path_factory, large_events, asset_cache) -> Path:
    path = tmp_path_factory.mktemp("reading") / "large.html"
    return write_map(build_map(large_events, title="Sitrep among 21,000 claims"), path)


@pytest.fixture(scope="module")
def large_offline_map(tmp_path_factory, large_events, asset_cache) -> Path:
    path = tmp_path_factory.mktemp("reading") / "large_offline.html"
    m = build_map(large_events, title="Sitrep among 21,000 claims", tiles=None)
    return write_map(m, path, self_contained=True)


@pytest.fixture(scope="module")
def tables_map(tmp_path_factory, resolver, asset_cache) -> Path:
    from geo.events import load_events, validate_events

    frame = pd.concat([validate_events(load_events(p), resolver) for p in TABLES])
    path = tmp_path_factory.mktemp("reading") / "tables.html"
    return write_map(build_map(frame.reset_index(drop=True), title="Event tables"), path)


def _open(browser, asset_cache, path: Path, size: tuple[int, int]) -> Watched:
    w = Watched(browser, asset_cache)
    w.page.set_viewport_size({"width": size[0], "height": size[1]})
    w.page.goto(path.as_uri())
    _wait_ready(w.page)
    w.page.wait_for_timeout(300)
    return w


def _assert_panels_clear(w: Watched, name: str) -> dict:
    state = w.page.evaluate(_BOXES)
    data, size = state["data"], state["size"]
    assert 0 <= data["l"] <= data["r"] <= size["x"] and 0 <= data["t"] <= data["b"] <= size["y"]
    for c in state["controls"]:
        assert not _overlap(c, data), (name, c, data)  # no control over the data's extent
        assert c["l"] >= 0 and c["t"] >= 0, (name, c)  # nothing cut off by the map's edges
        assert c["r"] <= size["x"] and c["b"] <= size["y"], (name, c)
    controls = state["controls"]
    for k, a in enumerate(controls):
        for b in controls[k + 1 :]:
            assert not _overlap(a, b), (name, a, b)  # panels never overlap
    return state


@pytest.mark.parametrize("size", list(SIZES))
def test_no_panel_covers_the_data_at_load(browser, asset_cache, sitrep_map, size):
    w = _open(browser, asset_cache, sitrep_map, SIZES[size])
    w.shot(f"reading_sitrep_{size}")
    state = _assert_panels_clear(w, size)
    legend = w.page.locator(".fl-legend")
    if size == "phone":  # every panel folded to its button at load
        assert "fl-folded" in legend.get_attribute("class")
        assert "fl-folded" in w.page.locator(".leaflet-control-layers").get_attribute("class")
        assert all(c["r"] - c["l"] <= 250 for c in state["controls"] if "fl-panel" in c["cls"])
    else:  # open, and whole: its last stance is inside the map
        assert "fl-folded" not in legend.get_attribute("class")
        last = legend.locator("input[data-stance]").last
        last.scroll_into_view_if_needed()
        assert last.is_visible()
    # The legend unfolds on a tap, and folds again.
    legend.locator(".fl-toggle").click()
    assert ("fl-folded" in legend.get_attribute("class")) == (size != "phone")
    assert w.real_errors() == []
    w.page.close()


def _click_popup(w: Watched, latlng: tuple[float, float], *, nearest: bool = False) -> str:
    """Centre the map on a place, click it where it is drawn, return the popup's text
    (``nearest``: on the claim drawn nearest to ``latlng``)."""
    if nearest:
        latlng = w.page.evaluate(_NEAREST, list(latlng))
    point = w.page.evaluate(
        """(ll) => { const reg = Object.values(window.FRONTLINE)[0];
        reg.map.closePopup(); reg.map.setView(ll, 11, {animate: false});
        const p = reg.map.latLngToContainerPoint(ll); const r = reg.map.getContainer().getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""",  # noqa: E501 - JavaScript
        list(latlng),
    )
    w.page.wait_for_timeout(300)  # a closed popup fades out before it leaves the page
    w.page.mouse.click(*point)
    popup = w.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    return popup.inner_text()


_NEAREST = """(ll) => { const ev = Object.values(window.FRONTLINE)[0].events, D = ev.data, K = ev.keys;
  let best = null, d = Infinity;
  for (let i = 0; i < D[K.lat].length; i++) {
    const la = D[K.lat][i] / D[K.scale], lo = D[K.lon][i] / D[K.scale], e = (la - ll[0]) ** 2 + (lo - ll[1]) ** 2;
    if (e < d) { d = e; best = [la, lo]; } }
  return best; }"""  # noqa: E501 - JavaScript


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_claim_at_a_shared_point_opens(browser, asset_cache, sitrep_map, size):
    w = _open(browser, asset_cache, sitrep_map, SIZES[size])
    text = _click_popup(w, BAKHMUT)
    claims = w.page.locator(".leaflet-popup-content .fl-claim")
    assert claims.count() == 3 and "3 claims" in text  # the three stacked on Bakhmut's point
    heads = claims.locator(".fl-claim-head").all_inner_texts()
    # the headline's "Ukraine says" is the General Staff the report quotes, as the two below
    assert sum("Ukrainian military" in h for h in heads) == 3
    assert "(precision" not in text and "near / part of" in text and "settlement" in text
    assert "Military Forces of Ukraine against Military Forces of Russia" in text  # who acted
    w.shot(f"reading_bakhmut_{size}")
    # Krasnohorivka: the disputed ring is drawn over both claims; a click shows both sides.
    text = _click_popup(w, KRASNOHORIVKA)
    banner = w.page.locator(".leaflet-popup-content .fl-disputed").inner_text()
    assert "Ukrainian military: repelled" in banner and "Russian MoD: captured" in banner
    heads = w.page.locator(".leaflet-popup-content .fl-claim-head").all_inner_texts()
    assert len(heads) == 2 and any("repelled" in h for h in heads)
    assert any("captured" in h for h in heads)
    w.shot(f"reading_krasnohorivka_{size}")
    ring = """() => { const reg = Object.values(window.FRONTLINE)[0];
        const name = Object.keys(reg.layers).find(k => k.startsWith('Disputed places'));
        const g = reg.layers[name]; return [name, g.shownRows().length]; }"""  # noqa: E501 - JavaScript
    assert w.page.evaluate(ring) == ["Disputed places (1): claims that exclude each other", 1]
    # Untick Russian MoD: the ring goes (one side hidden); the Ukrainian claim still opens,
    # and its popup still names the other side.
    w.page.keyboard.press("Escape")
    layers = w.page.locator(".leaflet-control-layers")
    if "fl-folded" in layers.get_attribute("class"):
        layers.locator(".fl-toggle").click()
    layers.locator("label", has_text="Russian MoD").locator("input").click()
    assert w.page.evaluate(ring)[1] == 0
    layers.locator(".fl-toggle").click()  # fold the list back off the map
    _click_popup(w, KRASNOHORIVKA)
    heads = w.page.locator(".leaflet-popup-content .fl-claim-head").all_inner_texts()
    assert len(heads) == 1 and "Ukrainian military" in heads[0]
    assert (
        "Russian MoD: captured"
        in w.page.locator(".leaflet-popup-content .fl-disputed").inner_text()
    )
    assert w.real_errors() == [] and w.dialogs == []
    w.page.close()


@pytest.mark.parametrize("query", ["Avdiivka", "Авдіївка", "Авдеевка", "avdeevka"])
def test_search_finds_a_place_by_any_of_its_names(browser, asset_cache, sitrep_map, query):
    w = _open(browser, asset_cache, sitrep_map, SIZES["desktop"])
    w.page.locator(".leaflet-control-search .search-button").click()
    w.page.locator(".leaflet-control-search input").type(query, delay=20)
    tips = w.page.locator(".leaflet-control-search .search-tip")
    tips.first.wait_for(timeout=5_000)
    assert tips.count() == 1 and tips.first.locator("b").inner_text() == "Avdiyivka"
    tips.first.click()
    popup = w.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    assert popup.locator(".fl-popup-head").inner_text().startswith("Avdiyivka")
    at = w.page.evaluate(
        "() => { const p = Object.values(window.FRONTLINE)[0].map._popup.getLatLng(); return [p.lat, p.lng]; }"  # noqa: E501 - JavaScript
    )
    assert abs(at[0] - 48.14019) < 1e-4 and abs(at[1] - 37.75008) < 1e-4  # GeoNames 713122
    assert w.real_errors() == [] and w.dialogs == []
    w.page.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_event_tables_map_has_few_claimants_and_clear_panels(
    browser,
    asset_cache,
    tables_map,
    size,
):
    w = _open(browser, asset_cache, tables_map, SIZES[size])
    w.shot(f"reading_tables_{size}")
    legend = w.page.locator(".fl-legend .fl-legend-list").first.locator("li").all_inner_texts()
    names = {text.rsplit(" (", 1)[0] for text in legend}
    raw = {s for p in TABLES for s in pd.read_csv(p, dtype=str)["source"].dropna()}
    assert len(raw) >= 19 and not names & raw  # no raw source string is a claimant
    assert {"Ukrainian military", "Russian MoD", "Regional authorities"} <= names
    assert {"Ukrainian media", "Russian media"} <= names and len(names) <= 7
    _assert_panels_clear(w, size)
    assert w.real_errors() == []
    w.page.close()


_GROUPS = """() => { const reg = Object.values(window.FRONTLINE)[0], out = {};
  for (const [name, g] of Object.entries(reg.layers)) {
    if (g.rows) { out[name] = [g.rows().length, g.shownRows().length]; } }
  return out; }"""  # noqa: E501 - JavaScript


def test_a_map_above_large_n_stamps_its_points_and_still_reads(browser, asset_cache, large_map):
    """Above LARGE_N no Leaflet object is made per point: they are stamped on one canvas, and
    clicks find the nearest point. Every claim at a shared point still opens, the disputed
    ring still shows both sides, the search still finds a place, the filters still hide."""
    w = _open(browser, asset_cache, large_map, SIZES["desktop"])
    assert w.page.evaluate("() => Object.values(window.FRONTLINE)[0].events.stamped") is True
    groups = w.page.evaluate(_GROUPS)
    isw = next(k for k in groups if k.startswith("ISW"))
    assert groups[isw][0] >= FILLER // 2 and groups[isw][0] == groups[isw][1]
    ring_name = next(k for k in groups if k.startswith("Disputed places"))
    assert groups[ring_name] == [1, 1]
    # No Leaflet layer per point: each claimant's group holds its part of the stamped canvas.
    assert (
        w.page.evaluate(
            "(n) => Object.values(window.FRONTLINE)[0].layers[n].getLayers().length", isw
        )
        == 1
    )
    # A real click on a filler point opens its popup.
    text = _click_popup(w, (50.0, 25.0), nearest=True)
    assert "Filler" in text and w.page.locator(".leaflet-popup-content .fl-claim").count() >= 1
    # Bakhmut: the three claims stacked on its point, in one popup.
    text = _click_popup(w, BAKHMUT)
    assert w.page.locator(".leaflet-popup-content .fl-claim").count() == 3 and "3 claims" in text
    # Krasnohorivka: the ring is drawn over both claims; a click shows both sides.
    _click_popup(w, KRASNOHORIVKA)
    banner = w.page.locator(".leaflet-popup-content .fl-disputed").inner_text()
    assert "Ukrainian military: repelled" in banner and "Russian MoD: captured" in banner
    w.shot("reading_large_krasnohorivka")
    w.page.keyboard.press("Escape")
    # Search: by its Ukrainian name, to its popup.
    w.page.locator(".leaflet-control-search .search-button").click()
    w.page.locator(".leaflet-control-search input").type("Авдіївка", delay=20)
    tips = w.page.locator(".leaflet-control-search .search-tip")
    tips.first.wait_for(timeout=5_000)
    tips.first.click()
    popup = w.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    assert popup.locator(".fl-popup-head").inner_text().startswith("Avdiyivka")
    w.page.keyboard.press("Escape")
    # Filters: a stance unticked in the legend, then the date slider at its first day.
    reported = w.page.locator(".fl-legend label", has_text="reported").locator("input")
    reported.uncheck()
    after = w.page.evaluate(_GROUPS)
    assert 0 < after[isw][1] < groups[isw][1]
    reported.check()
    slider = w.page.locator(".fl-date input[type=range]")
    slider.focus()
    w.page.keyboard.press("Home")
    first_day = w.page.evaluate(_GROUPS)
    assert 0 < first_day[isw][1] < groups[isw][1] and first_day[ring_name][1] == 0
    w.page.keyboard.press("End")
    # A claimant unticked: its points leave the map, and with them the ring it takes part in.
    layers = w.page.locator(".leaflet-control-layers")
    layers.locator("label", has_text="Russian MoD").locator("input").click()
    off = w.page.evaluate(_GROUPS)
    russian = next(k for k in off if k.startswith("Russian MoD"))
    assert off[russian][1] == 0 and off[ring_name][1] == 0 and off[isw] == groups[isw]
    assert w.real_errors() == [] and w.dialogs == []
    w.page.close()


_PAINTED = """() => [...document.querySelectorAll('.leaflet-fl-events-pane canvas')].map(c => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
  for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; })"""


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_self_contained_map_above_large_n_is_clear_and_asks_nothing(
    browser, asset_cache, large_offline_map, size
):
    w = Watched(browser, asset_cache, block_everything=True)
    w.page.set_viewport_size({"width": SIZES[size][0], "height": SIZES[size][1]})
    w.page.goto(large_offline_map.as_uri())
    _wait_ready(w.page)
    w.page.wait_for_timeout(300)
    w.shot(f"reading_large_offline_{size}")
    assert w.aborted == []  # nothing even tried to leave the file
    assert w.real_errors() == [] and w.errors == []
    painted = w.page.evaluate(_PAINTED)
    assert len(painted) == 1 and painted[0] > 5_000  # every point stamped on one canvas
    _assert_panels_clear(w, f"large {size}")
    w.page.close()
