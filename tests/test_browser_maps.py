"""Maps in a real browser: Debian chromium driven by Playwright, over file:// and http://.

Leaflet and plugin files are served from the asset cache (``frontline assets fetch``) in place
of the CDNs, which this machine cannot reach; every other request is aborted, and only those
aborted-request errors are tolerated in the console. One screenshot per test goes to
``artifacts/screenshots/``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import mimetypes
import threading
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from jinja2 import Template
from markupsafe import Markup
from test_render_fixtures import SHARED, _row, sample_events

from geo.render.map import build_map, fragment_assets, map_fragment, write_map

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _skip_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} missing: install Debian's chromium (.ci/run does)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (Python) is not installed: pip install -e .[test]"
    return None


@pytest.fixture(scope="module")
def asset_cache():
    """The asset cache, filled from the npm registry if needed; skip if that fails."""
    from geo.render import assets

    try:
        return {a.url: path for a, path in assets.fetch_assets()}
    except assets.AssetError as exc:
        pytest.skip(f"asset cache cannot be filled from the npm registry: {exc}")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    reason = _skip_reason()
    if reason:
        if __import__("os").environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        yield context
        context.close()


class Watched:
    """A page with its console errors, dialogs and aborted requests recorded."""

    def __init__(self, context, cache: dict[str, Path], *, block_everything: bool = False) -> None:
        self.page = context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.aborted: list[str] = []
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.on("dialog", self._dialog)

        def route(route):
            url = route.request.url
            if url.startswith(("file:", "data:", "http://127.0.0.1")):
                return route.continue_()
            cached = None if block_everything else _cached(url)
            if cached is not None:
                return route.fulfill(path=str(cached), content_type=_mime(url))
            self.aborted.append(url)
            return route.abort()

        self.page.route("**/*", route)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def real_errors(self) -> list[str]:
        """Console errors other than the failed loads of requests we aborted."""
        return [
            e
            for e in self.errors
            if "net::ERR_FAILED" not in e and "Failed to load resource" not in e
        ]

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


def _cached(url: str) -> Path | None:
    """The asset cache's copy of a CDN file (scripts, styles and the images they load)."""
    from geo.render import assets

    try:
        asset = assets.asset_for_url(url)
    except assets.AssetError:
        return None
    try:
        return assets.local_file(asset)
    except assets.AssetError:
        return None


def _mime(url: str) -> str:
    return mimetypes.guess_type(url.split("?")[0])[0] or "application/octet-stream"


def _wait_ready(page) -> None:
    page.wait_for_function(
        "() => window.FRONTLINE && Object.keys(window.FRONTLINE).length > 0", timeout=15_000
    )


def _layers(page) -> dict[str, int]:
    return page.evaluate(
        """() => { const reg = Object.values(window.FRONTLINE)[0]; const out = {};
        for (const [name, layer] of Object.entries(reg.layers)) { out[name] = layer.rows ? layer.rows().length : layer.getLayers().length; }
        return out; }"""  # noqa: E501 - JavaScript, kept as written
    )


@pytest.fixture(scope="module")
def sample_map(tmp_path_factory, asset_cache) -> Path:
    path = tmp_path_factory.mktemp("maps") / "sample.html"
    return write_map(build_map(sample_events(), title="Test map"), path)


@pytest.fixture(scope="module")
def http_root(sample_map) -> Iterator[str]:
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(sample_map.parent)
    )
    handler.log_message = lambda *a, **k: None  # type: ignore[assignment]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


EXPECTED_LAYERS = {
    "Russian MoD (4 claims)": 3,  # three points; the Bakhmut claim is a sector
    "Ukrainian military (3 claims)": 3,  # the fourth is unresolved
    "ISW (3 claims)": 3,
    "Donetsk People's Republic officials (1 claim)": 0,
    "Uncertainty circles: near or part of a place (1)": 1,
    "Region-level claims (1)": 1,
    "Direction sectors (1)": 1,
}


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_layers_listed_counted_and_no_console_errors(
    browser, asset_cache, sample_map, http_root, scheme
):
    w = Watched(browser, asset_cache)
    url = sample_map.as_uri() if scheme == "file" else f"{http_root}/{sample_map.name}"
    w.page.goto(url)
    _wait_ready(w.page)
    w.page.wait_for_timeout(300)
    w.shot(f"map_{scheme}")
    assert w.real_errors() == []
    counts = _layers(w.page)
    for name, count in EXPECTED_LAYERS.items():
        assert counts.get(name) == count, (name, counts)
    labels = w.page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    for name in EXPECTED_LAYERS:
        assert any(name in label for label in labels), (name, labels)
    assert "Novoolenivka" in w.page.locator(".fl-unresolved").text_content()
    assert all("tile.openstreetmap.org" in u or "example.org" in u for u in w.aborted), w.aborted
    w.page.close()


def test_toggle_hides_layer_and_hostile_popup_is_text(browser, asset_cache, sample_map):
    w = Watched(browser, asset_cache)
    w.page.goto(sample_map.as_uri())
    _wait_ready(w.page)
    # Click the Chasiv Yar marker where it is drawn on the canvas: a real click, real popup.
    point = w.page.evaluate(
        """() => { const reg = Object.values(window.FRONTLINE)[0];
        reg.map.setView([48.587, 37.835], 11, {animate: false});
        const p = reg.map.latLngToContainerPoint([48.587, 37.835]);
        const r = reg.map.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }"""  # noqa: E501 - JavaScript, kept as written
    )
    w.page.mouse.click(*point)
    popup = w.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    text = popup.inner_text()
    assert "<script>alert(1)</script>" in text and '"><img src=x onerror=alert(1)>' in text
    assert w.page.locator(".leaflet-popup-content img, .leaflet-popup-content script").count() == 0
    assert w.page.locator("img[src='x']").count() == 0
    assert w.page.locator(".leaflet-popup-content a").count() == 0  # javascript: URL is not linked
    w.shot("hostile_popup")
    assert w.dialogs == []
    w.page.keyboard.press("Escape")
    # Untick "Ukrainian military": its markers leave the map.
    name = "Ukrainian military (3 claims)"
    w.page.locator(".leaflet-control-layers-overlays label", has_text=name).locator("input").click()
    on_map = w.page.evaluate(
        """(name) => { const reg = Object.values(window.FRONTLINE)[0]; const g = reg.layers[name];
        return [reg.map.hasLayer(g), g.shownRows().length]; }""",
        name,
    )
    assert on_map == [False, 0]
    w.shot("toggled_off")
    assert w.real_errors() == [] and w.dialogs == []
    w.page.close()


def test_run_self_contained_map_makes_no_request(browser, asset_cache, extractor, tmp_path):
    from datetime import date

    from geo.pipeline import run

    story = tmp_path / "story.txt"
    story.write_text(
        "Ukraine's General Staff said defenders repelled attacks near Bakhmut and Avdiivka.",
        encoding="utf-8",
    )
    result = run(
        [story], tmp_path / "out", published=date(2023, 3, 21), self_contained=True,
        extractor=extractor,
    )  # fmt: skip
    for page in (result.map_html, result.report_html):
        w = Watched(browser, asset_cache, block_everything=True)
        w.page.goto(page.as_uri())
        _wait_ready(w.page)
        w.page.wait_for_timeout(300)
        assert w.aborted == [], page.name  # no tile, script or style even tried to leave
        assert w.real_errors() == [] and w.errors == []
        w.page.close()


def test_self_contained_renders_with_every_request_blocked(browser, asset_cache, tmp_path):
    path = write_map(
        build_map(sample_events(), tiles=None), tmp_path / "offline.html", self_contained=True
    )
    w = Watched(browser, asset_cache, block_everything=True)
    w.page.goto(path.as_uri())
    _wait_ready(w.page)
    w.page.wait_for_timeout(300)
    w.shot("self_contained_offline")
    assert w.aborted == []  # nothing even tried to leave the file
    assert w.real_errors() == [] and w.errors == []
    counts = _layers(w.page)
    assert counts["Russian MoD (4 claims)"] == 3
    drawn = w.page.evaluate(
        """() => { const c = document.querySelector('.leaflet-fl-events-pane canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }"""
    )
    assert drawn > 100  # markers painted on the events canvas
    w.page.close()


# ------------------------------------------------------------------ two maps on one page


EMBED_PAGE = Template(
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Two maps</title>
{{ assets }}
<style>body { margin: 0; font: 14px system-ui, sans-serif; } .row { display: flex; gap: 8px; }
.map-box { position: relative; flex: 1; height: 700px; border: 1px solid #999; }</style>
</head><body>
<div class="row">
{% for f in fragments %}<div class="map-box" data-map="{{ loop.index0 }}">{{ f }}</div>
{% endfor %}</div>
</body></html>
""",
    autoescape=True,
)


def _embed_events() -> tuple:
    """Two different event sets: Donbas (Bakhmut, Avdiivka) and the south
    (Kherson, Zaporizhzhia)."""
    P = shapely.Point
    rows_a = [
        _row(
            "bak-101",
            "Russian MoD",
            "advancing",
            "Bakhmut",
            P(38.001, 48.595),
            event_date="2025-01-03",
        ),
        _row(
            "avd-101",
            "Russian MoD",
            "captured",
            "Avdiivka",
            P(37.752, 48.139),
            event_date="2025-01-04",
        ),
        _row(
            "avd-102",
            "Ukrainian military",
            "repelled",
            "Avdiivka",
            P(37.752, 48.139),
            event_date="2025-01-04",
            quote="Map A: <b>bold</b> claim",
        ),
    ]
    rows_b = [
        _row(
            "khe-101",
            "Russian MoD",
            "struck",
            "Kherson",
            P(32.617, 46.635),
            admin1="Kherson",
            event_date="2025-01-05",
        ),
        _row(
            "zap-101",
            "ISW",
            "reported",
            "Zaporizhzhia",
            P(35.139, 47.838),
            admin1="Zaporizhzhia",
            event_date="2025-01-06",
        ),
        _row(
            "zap-102",
            "ISW",
            "held",
            "Stepnohirsk",
            P(35.4717, 47.5786),
            admin1="Zaporizhzhia",
            event_date="2025-01-06",
        ),
        _row(
            "khe-102",
            "Ukrainian military",
            "repelled",
            "Krynky",
            P(33.086, 46.731),
            admin1="Kherson",
            event_date="2025-01-06",
            quote="Map B: <i>italic</i> claim",
        ),
    ]
    to_frame = lambda rows: gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)  # noqa: E731
    return to_frame(rows_a), to_frame(rows_b)


@contextlib.contextmanager
def _serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *a, **k: None  # type: ignore[assignment]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


_MAP_STATE = """(mapId) => { const reg = window.FRONTLINE[mapId]; const out = {};
  for (const [name, g] of Object.entries(reg.layers)) {
    out[name] = [reg.map.hasLayer(g), g.shownRows ? g.shownRows().length : (g.getLayers ? g.getLayers().filter(l => reg.map.hasLayer(l)).length : null)]; }
  return out; }"""  # noqa: E501 - JavaScript, kept as written


def _click_place(page, map_id: str, latlng: tuple[float, float]) -> None:
    point = page.evaluate(
        """([mapId, ll]) => { const map = window.FRONTLINE[mapId].map; map.setView(ll, 11, {animate: false});
        const p = map.latLngToContainerPoint(ll); const r = map.getContainer().getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""",  # noqa: E501 - JavaScript, kept as written
        [map_id, list(latlng)],
    )
    page.mouse.click(*point)


def test_two_fragments_on_one_page(browser, asset_cache, tmp_path):
    """Two different maps pasted into one page (assets once in the head) work independently."""
    events_a, events_b = _embed_events()
    map_a, map_b = (
        build_map(events_a, title="Map A: Donbas"),
        build_map(events_b, title="Map B: south"),
    )
    ids = [map_a.get_name(), map_b.get_name()]
    page_html = EMBED_PAGE.render(
        assets=Markup(fragment_assets(map_a, map_b)),
        fragments=[
            Markup(map_fragment(map_a, assets=False)),
            Markup(map_fragment(map_b, assets=False)),
        ],
    )
    (tmp_path / "two.html").write_text(page_html, encoding="utf-8")
    assert page_html.count("leaflet@1.9.3/dist/leaflet.js") == 1
    assert "html, body" not in page_html.replace(
        "body { margin", ""
    )  # fragments set no page styles
    w = Watched(browser, asset_cache)
    with _serve(tmp_path) as root:
        w.page.goto(f"{root}/two.html")
        w.page.wait_for_function(
            "() => window.FRONTLINE && Object.keys(window.FRONTLINE).length === 2", timeout=15_000
        )
        w.page.wait_for_timeout(300)
        assert sorted(w.page.evaluate("() => Object.keys(window.FRONTLINE)")) == sorted(ids)
        a, b = (w.page.evaluate(_MAP_STATE, i) for i in ids)
        assert a["Russian MoD (2 claims)"] == [True, 2] and a["Ukrainian military (1 claim)"] == [
            True,
            1,
        ]
        assert b["Russian MoD (1 claim)"] == [True, 1] and b["ISW (2 claims)"] == [True, 2]
        assert b["Ukrainian military (1 claim)"] == [True, 1] and "ISW (2 claims)" not in a
        # Each map's controls sit in its own container.
        boxes = [w.page.locator(f".map-box[data-map='{k}']") for k in (0, 1)]
        assert [box.locator(".leaflet-control-layers").count() for box in boxes] == [1, 1]
        assert "Map A: Donbas" in boxes[0].locator(".fl-title-box").inner_text()
        assert "Map B: south" in boxes[1].locator(".fl-title-box").inner_text()
        # Both maps are narrow (half the window): their layer controls are folded to a button.
        for box in boxes:
            assert "fl-folded" in box.locator(".leaflet-control-layers").get_attribute("class")
        boxes[0].locator(".leaflet-control-layers > .fl-toggle").click()
        # Untick "Ukrainian military" in map A: map B's layer of the same claimant stays.
        boxes[0].locator(
            ".leaflet-control-layers-overlays label", has_text="Ukrainian military"
        ).locator("input").click()
        a, b = (w.page.evaluate(_MAP_STATE, i) for i in ids)
        assert a["Ukrainian military (1 claim)"] == [False, 0]
        assert b["Ukrainian military (1 claim)"] == [True, 1]
        assert (
            boxes[1]
            .locator(".leaflet-control-layers-overlays label", has_text="Ukrainian military")
            .locator("input")
            .is_checked()
        )
        boxes[0].locator(".leaflet-control-layers > .fl-toggle").click()  # fold it again
        # A popup in each map, opened by a real click on its canvas marker, inside that map.
        _click_place(w.page, ids[0], (48.595, 38.001))
        boxes[0].locator(".leaflet-popup-content").wait_for(timeout=5_000)
        assert "Bakhmut" in boxes[0].locator(".leaflet-popup-content").inner_text()
        _click_place(w.page, ids[1], (46.731, 33.086))
        boxes[1].locator(".leaflet-popup-content").wait_for(timeout=5_000)
        text_b = boxes[1].locator(".leaflet-popup-content").inner_text()
        assert (
            "Krynky" in text_b and "Map B: <i>italic</i> claim" in text_b
        )  # article text stays text
        assert (
            boxes[0].locator(".leaflet-popup-content").count() == 1
        )  # map A's popup is still its own
        w.page.wait_for_timeout(300)  # the popups fade in
        w.shot("two_maps_one_page")
    assert w.real_errors() == [] and w.dialogs == []
    w.page.close()


# ------------------------------------------------------------------ daily control on the slider


CONTROL_DAYS = ("20241231", "20250104", "20250107")


def test_date_slider_drives_daily_control_layers(browser, asset_cache, tmp_path):
    from geo.frontline import read_control

    folder = SHARED / "data" / "deepstate"
    if not folder.is_dir():
        pytest.skip(
            f"{folder} not present: DeepState daily files live in ../shared beside the repo"
        )
    control = pd.concat(
        [read_control(folder / f"deepstatemap_data_{d}.geojson").frame for d in CONTROL_DAYS]
    )
    control = gpd.GeoDataFrame(control, geometry="geometry", crs=4326)
    path = write_map(
        build_map(sample_events(), control=control, tiles=None), tmp_path / "daily.html"
    )
    w = Watched(browser, asset_cache)
    w.page.goto(path.as_uri())
    _wait_ready(w.page)
    map_id = w.page.evaluate("() => Object.keys(window.FRONTLINE)[0]")
    days = ["2024-12-31", "2025-01-04", "2025-01-07"]
    control_names = [f"Control: DeepStateMap, {d} (occupied)" for d in days]
    front_names = [f"Frontline: DeepStateMap, {d}" for d in days]
    panel = w.page.locator(".fl-date")
    slider = panel.locator("input[type=range]")

    def visible(names):
        state = w.page.evaluate(_MAP_STATE, map_id)
        return [state[n][0] for n in names]

    def ticked(names):
        overlays = w.page.locator(".leaflet-control-layers-overlays label")
        return [overlays.filter(has_text=n).locator("input").is_checked() for n in names]

    def points_shown():
        return sum(
            v[1]
            for k, v in w.page.evaluate(_MAP_STATE, map_id).items()
            if "claim" in k and "precision" not in k
        )

    # Opening: the last day, the latest layer of the source.
    assert panel.locator("output").inner_text() == "2025-01-07"
    assert visible(control_names) == [False, False, True] and visible(front_names) == [
        False,
        False,
        True,
    ]
    assert ticked(control_names) == [False, False, True]
    # Home: 2024-12-31, before every dated claim; only the undated claim stays.
    slider.focus()
    w.page.keyboard.press("Home")
    assert panel.locator("output").inner_text() == "2024-12-31"
    assert visible(control_names) == [True, False, False] and visible(front_names) == [
        True,
        False,
        False,
    ]
    assert ticked(control_names) == [True, False, False] and ticked(front_names) == [
        True,
        False,
        False,
    ]
    assert points_shown() == 1  # Krynky, undated
    # Four days on: 2025-01-05 (an event day without a control file) shows the 2025-01-04 layer.
    for _ in range(4):
        w.page.keyboard.press("ArrowRight")
    assert panel.locator("output").inner_text() == "2025-01-05"
    assert visible(control_names) == [False, True, False] and visible(front_names) == [
        False,
        True,
        False,
    ]
    w.shot("daily_control_slider")
    # The user unticks the source's control: moving the slider no longer brings it back.
    w.page.locator(".leaflet-control-layers-overlays label", has_text=control_names[1]).locator(
        "input"
    ).click()
    slider.focus()
    w.page.keyboard.press("End")
    assert visible(control_names) == [False, False, False] and visible(front_names) == [
        False,
        False,
        True,
    ]
    assert ticked(control_names) == [False, False, False]
    # Ticking one of its days turns the source on again, that day only; the slider takes over after.
    w.page.locator(".leaflet-control-layers-overlays label", has_text=control_names[0]).locator(
        "input"
    ).click()
    assert visible(control_names) == [True, False, False] and ticked(control_names) == [
        True,
        False,
        False,
    ]
    slider.focus()
    w.page.keyboard.press("ArrowLeft")  # 2025-01-06: the 2025-01-04 layer
    assert visible(control_names) == [False, True, False]
    w.page.keyboard.press("End")
    assert visible(control_names) == [False, False, True] and ticked(control_names) == [
        False,
        False,
        True,
    ]
    assert w.real_errors() == [] and w.dialogs == []
    w.page.close()
