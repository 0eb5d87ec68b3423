"""The offline basemap in Chromium: zero requests from self-contained pages, place names by zoom,
and a visible notice on a page that could not load its scripts.

Reuses the browser, asset-cache and page helpers of ``test_browser_maps``; every request a page
makes is recorded by a Playwright request listener (``page.on("request")``) as well as routed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_browser_maps import Watched, _wait_ready, asset_cache, browser  # noqa: F401
from test_render_fixtures import sample_events

from geo.render.map import NO_TILES_NAME, TILES_NAME, build_map, write_map

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SITREP = ROOT / "examples" / "sitrep_2023-03-21.txt"
DESKTOP = {"width": 1400, "height": 900}


def _cli(*args: str) -> None:
    """Run ``frontline`` in a subprocess, as a user does."""
    out = subprocess.run(
        [sys.executable, "-m", "geo", *args], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr


def _requests_of(browser, asset_cache, page: Path) -> tuple[Watched, list[str]]:  # noqa: F811
    """Open ``page`` with every outside request refused; the URLs it requested (beyond itself)."""
    w = Watched(browser, asset_cache, block_everything=True)
    requested: list[str] = []

    def record(request) -> None:
        if request.url != page.as_uri() and not request.url.startswith("data:"):
            requested.append(request.url)

    w.page.on("request", record)
    w.page.set_viewport_size(DESKTOP)
    w.page.goto(page.as_uri())
    _wait_ready(w.page)
    w.page.wait_for_timeout(800)
    return w, requested


@pytest.fixture(scope="module")
def written_pages(tmp_path_factory, asset_cache) -> dict[str, Path]:  # noqa: F811
    """The pages `run --self-contained` and `map --self-contained --report` write."""
    folder = tmp_path_factory.mktemp("pages")
    _cli("run", str(SITREP), "-o", str(folder / "run"), "--published", "2023-03-21",
         "--self-contained")  # fmt: skip
    events = folder / "run" / "events.geojson"
    _cli("map", str(events), "-o", str(folder / "map.html"), "--self-contained",
         "--report", str(folder / "report.html"))  # fmt: skip
    return {
        "run map": folder / "run" / "map.html",
        "run report": folder / "run" / "report.html",
        "map": folder / "map.html",
        "map --report": folder / "report.html",
    }


@pytest.mark.parametrize("name", ["run map", "run report", "map", "map --report"])
def test_self_contained_pages_make_zero_requests(browser, asset_cache, written_pages, name):  # noqa: F811
    w, requested = _requests_of(browser, asset_cache, written_pages[name])
    w.shot(f"basemap_zero_requests_{name.replace(' ', '_').replace('--', '')}")
    assert requested == [] and w.aborted == []
    assert w.real_errors() == []
    # the tiles are still there to switch on, off at opening; the vector basemap is drawn
    radios = w.page.evaluate(
        """() => [...document.querySelectorAll('.leaflet-control-layers-base label')]
        .map(l => [l.textContent.trim(), l.querySelector('input').checked])"""
    )
    assert radios == [[TILES_NAME, False], [NO_TILES_NAME, True]]
    basemap = w.page.evaluate(
        """() => { const r = Object.values(window.FRONTLINE)[0];
        return ['Countries', 'Ukraine', 'Oblast borders'].map(n =>
            r.layers[n] && r.map.hasLayer(r.layers[n]) && r.layers[n].getLayers().length); }"""
    )
    assert basemap[0] >= 10 and basemap[1:] == [1, 1]  # neighbours, Ukraine, oblast borders
    assert w.page.locator(".fl-offline").count() == 0
    w.page.close()


def _labels_at(page, lat: float, lon: float, zoom: int) -> list[dict]:
    page.evaluate(
        "([lat, lon, zoom]) => Object.values(window.FRONTLINE)[0].map"
        ".setView([lat, lon], zoom, {animate: false})",
        [lat, lon, zoom],
    )
    page.wait_for_timeout(200)
    return page.evaluate(
        """() => [...document.querySelectorAll('.fl-place-label')].map(e => ({
            name: e.textContent, minzoom: Number(e.dataset.minzoom),
            box: e.firstChild.getBoundingClientRect().toJSON()}))"""
    )


@pytest.fixture(scope="module")
def donbas_map(tmp_path_factory, asset_cache) -> Path:  # noqa: F811
    return write_map(
        build_map(sample_events(), title="Labels"),
        tmp_path_factory.mktemp("labels") / "map.html",
        self_contained=True,
    )


def test_place_names_appear_by_zoom_cities_first(browser, asset_cache, donbas_map):  # noqa: F811
    w, _ = _requests_of(browser, asset_cache, donbas_map)
    far = _labels_at(w.page, 48.3, 37.8, 7)
    names = {label["name"] for label in far}
    assert {"Donetsk", "Kramatorsk", "Horlivka"} <= names  # the cities of the front
    assert max(label["minzoom"] for label in far) <= 7  # no town or village yet
    near = _labels_at(w.page, 48.59, 38.0, 11)
    w.shot("basemap_labels_zoom11")
    villages = [label for label in near if label["minzoom"] == 11]
    assert len(villages) >= 10  # villages once zoomed in
    assert "Bakhmut" in {label["name"] for label in near}
    assert len(near) > len([n for n in far if n["minzoom"] <= 7]) / 4
    assert w.real_errors() == []
    w.page.close()


def test_place_names_do_not_overlap(browser, asset_cache, donbas_map):  # noqa: F811
    w, _ = _requests_of(browser, asset_cache, donbas_map)
    boxes = [label["box"] for label in _labels_at(w.page, 48.3, 37.8, 9)]
    assert len(boxes) > 20
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = min(a["right"], b["right"]) - max(a["left"], b["left"])
            overlap_y = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            assert overlap_x <= 2 or overlap_y <= 2, (a, b)
    w.page.close()


def test_page_that_cannot_load_its_scripts_says_so(browser, asset_cache, tmp_path):  # noqa: F811
    path = write_map(build_map(sample_events(), title="Needs the network"), tmp_path / "m.html")
    offline = Watched(browser, asset_cache, block_everything=True)
    offline.page.goto(path.as_uri())
    offline.page.wait_for_timeout(800)
    notice = offline.page.locator(".fl-offline")
    assert notice.is_visible()
    assert "could not load its scripts" in notice.inner_text()
    box = notice.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    offline.shot("basemap_offline_notice")
    offline.page.close()
    online = Watched(browser, asset_cache)  # Leaflet served from the cache: no notice
    online.page.goto(path.as_uri())
    _wait_ready(online.page)
    assert online.page.locator(".fl-offline").count() == 0
    online.page.close()
