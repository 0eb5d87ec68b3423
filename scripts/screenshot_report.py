"""Screenshots of a report page at a desktop and a phone width, with the page's widths measured.

Writes ``artifacts/screenshots/<name>_<width>.png`` (full page) for each report given, and
prints the page's scroll width against the window's and its widest elements, so a table or
quote that overflows shows up before anyone opens the images. Every request other than
``file:``/``data:`` is refused and listed (a self-contained report should list none). Static
images (PNG/SVG) given on the command line are copied beside them for one place to look.

    .venv/bin/python scripts/screenshot_report.py maps/run/report.html [map.png] [--name seed]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
WINDOWS = ((1400, 900), (390, 844))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
WIDEST = """() => [...document.querySelectorAll('body *')].filter(e => !e.closest('.folium-map'))
  .map(e => [e.getBoundingClientRect().right, e.tagName + '.' + e.className])
  .sort((a, b) => b[0] - a[0]).slice(0, 3)"""


def shoot(context, report: Path, name: str, width: int, height: int) -> None:
    """One full-page screenshot of ``report`` in a ``width`` × ``height`` window, and its
    widths printed."""
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    refused: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            return r.continue_()
        refused.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.goto(report.as_uri())
    page.wait_for_timeout(1500)
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    widest = page.evaluate(WIDEST)
    out = SHOTS / f"{name}_{width}.png"
    page.screenshot(path=str(out), full_page=True)
    print(f"{out}: window {width}, page {scroll} px wide; widest {widest}")
    print(f"  requests refused: {len(refused)} {refused[:3]}")
    page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="report.html pages and PNG/SVG images")
    parser.add_argument("--name", default="report", help="screenshot file name prefix")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = [f for f in args.files if f.suffix.lower() in (".html", ".htm")]
    for image in (f for f in args.files if f not in pages):
        shutil.copy(image, SHOTS / f"{args.name}_{image.name}")
        print(f"{SHOTS / f'{args.name}_{image.name}'}: copied")
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        for k, report in enumerate(pages):
            for width, height in WINDOWS:
                shoot(context, report.resolve(), f"{args.name}{k or ''}", width, height)
        context.close()


if __name__ == "__main__":
    main()
