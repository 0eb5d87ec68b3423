"""Maps in a real browser: Debian chromium driven by Playwright, over file:// and http://.

Leaflet and plugin files are served from the asset cache (``frontline assets fetch``) in place
of the CDNs, which this machine cannot reach; every other request is aborted, and only those
aborted-request errors are tolerated in the console. One screenshot per test goes to
``artifacts/screenshots/``.
"""

from __future__ import annotations

import functools
import http.server
import mimetypes
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.render.map import build_map, write_map
from test_render_fixtures import HOSTILE_QUOTE, sample_events

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
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
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
        return [e for e in self.errors if "net::ERR_FAILED" not in e and "Failed to load resource" not in e]

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
    page.wait_for_function("() => window.FRONTLINE && Object.keys(window.FRONTLINE).length > 0", timeout=15_000)


def _layers(page) -> dict[str, int]:
    return page.evaluate(
        """() => { const reg = Object.values(window.FRONTLINE)[0]; const out = {};
        for (const [name, layer] of Object.entries(reg.layers)) { out[name] = layer.getLayers().length; }
        return out; }"""
    )


@pytest.fixture(scope="module")
def sample_map(tmp_path_factory, asset_cache) -> Path:
    path = tmp_path_factory.mktemp("maps") / "sample.html"
    return write_map(build_map(sample_events(), title="Test map"), path)


@pytest.fixture(scope="module")
def http_root(sample_map) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(sample_map.parent))
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
    "Uncertainty circles, precision 2 (1)": 1,
    "Region-level claims, precision 3 (1)": 1,
    "Direction sectors (1)": 1,
}


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_layers_listed_counted_and_no_console_errors(browser, asset_cache, sample_map, http_root, scheme):
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
        const r = reg.map.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }"""
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
        return [reg.map.hasLayer(g), g.getLayers().filter(l => reg.map.hasLayer(l)).length]; }""",
        name,
    )
    assert on_map == [False, 0]
    w.shot("toggled_off")
    assert w.real_errors() == [] and w.dialogs == []
    w.page.close()


def test_self_contained_renders_with_every_request_blocked(browser, asset_cache, tmp_path):
    path = write_map(build_map(sample_events(), tiles=None), tmp_path / "offline.html", self_contained=True)
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
