#!/usr/bin/env python3
"""Screenshots of written maps and reports at a desktop and a phone size, to look at by eye.

    .venv/bin/python scripts/screenshot_pages.py maps/run/map.html maps/run/report.html -o shots/
    .venv/bin/python scripts/screenshot_pages.py PAGE.html --zoom 11 --center 48.59,38.0

Each page is opened in Debian's chromium (Playwright) at 1400×900 and 390×844 and saved as
``<stem>_<width>x<height>.png`` in the output folder (not committed). Leaflet and plugins come
from the asset cache (``frontline assets fetch``) in place of the CDNs; every other request is
refused, and the script prints how many requests each page made and which were refused: a
self-contained page should make none.
"""

from __future__ import annotations

import argparse
import mimetypes
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.render import assets  # noqa: E402

SIZES = ((1400, 900), (390, 844))
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def cached(url: str) -> Path | None:
    """The asset cache's copy of a CDN file, or None."""
    try:
        return assets.local_file(assets.asset_for_url(url))
    except assets.AssetError:
        return None


def shoot(context, page_path: Path, out: Path, size: tuple[int, int], view: dict) -> list[str]:
    """One screenshot; returns the URLs requested beyond the page itself."""
    page = context.new_page()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    requested: list[str] = []

    def route(route) -> None:
        url = route.request.url
        if url == page_path.as_uri() or url.startswith("data:"):
            route.continue_()
            return
        requested.append(url)
        local = cached(url)
        if local is None:
            route.abort()
        else:
            route.fulfill(path=str(local), content_type=mimetypes.guess_type(url)[0] or "")

    page.route("**/*", route)
    page.goto(page_path.as_uri())
    page.wait_for_timeout(1500)
    if view:
        page.evaluate(
            "([lat, lon, zoom]) => { const r = Object.values(window.FRONTLINE || {})[0];"
            " if (r) { r.map.setView([lat, lon], zoom, {animate: false}); } }",
            [view["lat"], view["lon"], view["zoom"]],
        )
        page.wait_for_timeout(800)
    target = out / f"{page_path.stem}_{size[0]}x{size[1]}.png"
    page.screenshot(path=str(target))
    page.close()
    return requested


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", type=Path, help="HTML files to open")
    parser.add_argument("-o", "--out", type=Path, default=Path("shots"), help="output folder")
    parser.add_argument("--center", help="lat,lon to centre on after loading")
    parser.add_argument("--zoom", type=int, help="zoom to set after loading (with --center)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    view = {}
    if args.center and args.zoom is not None:
        lat, lon = (float(v) for v in args.center.split(","))
        view = {"lat": lat, "lon": lon, "zoom": args.zoom}
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context()
        for page_path in args.pages:
            for size in SIZES:
                requested = shoot(context, page_path.resolve(), args.out, size, view)
                refused = [u for u in requested if cached(u) is None]
                print(
                    f"{page_path.name} {size[0]}x{size[1]}: {len(requested)} requests, "
                    f"{len(refused)} refused {refused[:3]}"
                )
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
