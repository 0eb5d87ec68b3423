"""Screenshots of the maps a user meets, at 1400×900 and on a 390×844 phone, to look at.

Writes the pages into a scratch folder and PNGs into ``artifacts/screenshots/`` (not committed):
the demo map and its report (``frontline run`` on the bundled sitrep), the seed story's map
(``../shared/seeds``), a control map (the sitrep's claims over two DeepState days from
``../shared/data/deepstate``) and the two sample event tables. Pages load Leaflet from the asset
cache (``frontline assets fetch``); every other request is blocked, as offline.

    .venv/bin/python scripts/screenshots.py [--out artifacts/screenshots]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.render.map import build_map, write_map  # noqa: E402

SHARED = ROOT.parent / "shared"
SIZES = {"1400x900": (1400, 900), "390x844": (390, 844)}
SITREP = ROOT / "examples" / "sitrep_2023-03-21.txt"
DEEPSTATE_DAYS = ("20250106", "20250107")


def pages(folder: Path) -> dict[str, Path]:
    """Every page to photograph, written into ``folder``; pages whose data is absent are left
    out with a note."""
    from geo.events import load_events, validate_events
    from geo.extract import Extractor, extract_frame
    from geo.frontline import read_control
    from geo.gazetteer import Resolver
    from geo.geometry import claim_geometry
    from geo.pipeline import run

    extractor = Extractor(Resolver())
    demo = run([SITREP], folder / "demo", published=date(2023, 3, 21), extractor=extractor,
               title="Situation report, 21 March 2023", self_contained=True)  # fmt: skip
    out = {"demo_map": demo.map_html, "demo_report": demo.report_html}
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if seeds:
        claims = extract_frame(seeds[:1], date(2023, 3, 21), extractor=extractor)
        events = claim_geometry(claims, extractor.resolver.store)
        out["seed_map"] = write_map(build_map(events, title="Seed story"), folder / "seed.html")
    folder_ds = SHARED / "data" / "deepstate"
    days = [folder_ds / f"deepstatemap_data_{d}.geojson" for d in DEEPSTATE_DAYS]
    if all(p.is_file() for p in days):
        control = pd.concat([read_control(p).frame for p in days], ignore_index=True)
        m = build_map(demo.events, control=control, title="Sitrep and DeepState control")
        out["control_map"] = write_map(m, folder / "control.html")
    else:
        print(f"note: {folder_ds} absent; no control map")
    tables = [ROOT / "examples" / "events" / n for n in ("acled_sample.csv", "viina_sample.csv")]
    frame = pd.concat([validate_events(load_events(p), extractor.resolver) for p in tables])
    m = build_map(frame.reset_index(drop=True), title="ACLED and VIINA samples")
    out["tables_map"] = write_map(m, folder / "tables.html")
    return out


def shoot(targets: dict[str, Path], out: Path) -> list[Path]:
    """PNG of each page at each size, assets from the cache and nothing else from the network."""
    from playwright.sync_api import sync_playwright

    from geo.render import assets

    assets.fetch_assets()
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
        )
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", _serve)
            for name, path in targets.items():
                page.goto(path.as_uri())
                page.wait_for_timeout(1200)
                written.append(out / f"{name}_{size}.png")
                page.screenshot(path=str(written[-1]), full_page=name.endswith("report"))
            page.close()
        browser.close()
    return written


def _serve(route) -> None:
    """Local files as they are, CDN files (and the images their CSS loads) from the cache."""
    from geo.render import assets

    url = route.request.url
    if url.startswith(("file:", "data:")):
        return route.continue_()
    try:
        return route.fulfill(path=str(assets.local_file(assets.asset_for_url(url))))
    except assets.AssetError:
        return route.abort()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "artifacts" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for path in shoot(pages(Path(tmp)), args.out):
            print(path)


if __name__ == "__main__":
    main()
