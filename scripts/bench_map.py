"""Benchmark: ``frontline map events.geojson -o map.html`` against geopandas + ``explore()``.

Both sides run as whole processes on the same 100k-event GeoJSON file (written by frontline),
reading included, as a user meets them: our CLI, and a Python process that reads the file with
``geopandas.read_file`` and saves ``explore(column="claimant")``. Prints the best wall time of
each over ``--repeat`` alternating runs and the best CPU time (user + system: steadier when other
work shares the machine), the HTML sizes, the ratios, and the time until our map is interactive
in headless Chromium (Debian chromium, assets served from the asset cache).
Floors (issue 13): >= 4x faster, >= 4x smaller, interactive <= 3 s.

    .venv/bin/python scripts/bench_map.py [--events 100000] [--repeat 3] [--no-browser]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.core.io import write_events  # noqa: E402
from geo.core.schema import EVENT_COLUMNS  # noqa: E402

CLAIMANTS = [
    "Russian MoD",
    "Ukrainian military",
    "ISW",
    "DeepState",
    "Donetsk People's Republic officials",
    "Ukrainska Pravda",
]
STANCES = [
    "captured",
    "repelled",
    "advancing",
    "under attack",
    "held",
    "struck",
    "on the defensive",
    "reported",
]


def synthetic_events(n: int, seed: int = 7) -> gpd.GeoDataFrame:
    """``n`` claims as a pipeline would produce them: about 4 places per quoted sentence,
    3 sentences per article, places from a pool of 2,000 settlements in the theatre."""
    rng = np.random.default_rng(seed)
    places = 2_000
    place_lon = rng.uniform(33.0, 39.5, places)
    place_lat = rng.uniform(46.6, 49.6, places)
    place_names = [f"Settlement {k}" for k in range(places)]
    sentences = max(n // 4, 1)
    p = rng.integers(0, places, n)
    s = rng.integers(0, sentences, n)
    a = s // 3
    jitter = rng.normal(0, 0.002, (n, 2))
    day = (a % 90).astype(int)
    dates = (pd.Timestamp("2025-01-01") + pd.to_timedelta(day, unit="D")).strftime("%Y-%m-%d")
    claimant = np.array(CLAIMANTS)[s % len(CLAIMANTS)]
    stance = np.array(STANCES)[rng.integers(0, len(STANCES), n)]
    sentence_text = np.array(
        [
            f"Sentence {k}: forces reported fighting near several settlements of the front, "
            "the statement said."
            for k in range(sentences)
        ],
        dtype=object,
    )
    frame = pd.DataFrame({c: [None] * n for c in EVENT_COLUMNS})
    frame["event_id"] = [f"ev{k:06d}" for k in range(n)]
    frame["doc_id"] = [f"doc{k}" for k in a]
    frame["source_title"] = [f"Front report {k}" for k in a]
    frame["source_url"] = [f"https://news.example.org/{k}" for k in a]
    frame["published"] = dates
    frame["event_date"] = dates
    frame["time_precision"] = "day"
    frame["event_type"] = "Battles"
    frame["sub_event_type"] = "Armed clash"
    frame["claimant"] = claimant
    frame["claimant_kind"] = "state"
    frame["stance"] = stance
    frame["location"] = np.array(place_names, dtype=object)[p]
    frame["place_id"] = [str(k) for k in p]
    frame["place_name"] = frame["location"]
    frame["admin1"] = "Donetsk"
    frame["country"] = "Ukraine"
    lon = np.round(place_lon[p] + jitter[:, 0], 6)
    lat = np.round(place_lat[p] + jitter[:, 1], 6)
    frame["longitude"], frame["latitude"] = lon, lat
    frame["geo_precision"] = np.where(rng.random(n) < 0.15, 2, 1)
    frame["uncertainty_m"] = np.where(frame["geo_precision"] == 2, 15_000.0, 2_000.0)
    frame["resolution"] = "exact"
    frame["resolution_reason"] = "unique settlement name"
    frame["confidence"] = np.round(rng.uniform(0.5, 1.0, n), 2)
    frame["quote"] = sentence_text[s]
    return gpd.GeoDataFrame(frame, geometry=shapely.points(lon, lat), crs=4326)


OURS = "import sys; from geo.cli import main; sys.argv[0] = 'frontline'; sys.exit(main())"
THEIRS = (
    "import sys, geopandas; "
    "geopandas.read_file(sys.argv[1]).explore(column='claimant').save(sys.argv[2])"
)


def process_seconds(code: str, *args: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of a fresh Python process running ``code``
    with ``args`` (start-up, imports and reading included), with this tree first on its path;
    fails loudly if it fails. CPU time barely moves when other work shares the machine."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_to_interactive(path: Path) -> float:
    """Seconds from navigation to a map whose features are built and painted, in Chromium."""
    from playwright.sync_api import sync_playwright

    from geo.render import assets

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", headless=True,
            viewport={"width": 1280, "height": 800},
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )  # fmt: skip
        page = context.new_page()

        def route(r):
            url = r.request.url
            if url.startswith("file:"):
                return r.continue_()
            try:
                return r.fulfill(path=str(assets.local_file(assets.asset_for_url(url))))
            except assets.AssetError:
                return r.abort()

        page.route("**/*", route)
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_function(
            "() => window.FRONTLINE && Object.keys(window.FRONTLINE).length > 0", timeout=60_000
        )
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        elapsed = time.perf_counter() - start
        # It answers: a real click on a claim's point opens its popup (groups list their rows).
        point = page.evaluate(
            """() => { const reg = Object.values(window.FRONTLINE)[0], ev = reg.events, D = ev.data, K = ev.keys;
            const g = Object.values(reg.layers).find(l => l.rows && l.rows().length > 1000);
            const i = g.rows()[0], ll = [D[K.lat][i] / D[K.scale], D[K.lon][i] / D[K.scale]];
            reg.map.setView(ll, 12, {animate: false});
            const p = reg.map.latLngToContainerPoint(ll), r = reg.map.getContainer().getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }"""  # noqa: E501 - JavaScript, kept as written
        )
        page.wait_for_timeout(200)
        page.mouse.click(*point)
        page.wait_for_selector(".leaflet-popup-content .fl-claim", timeout=5_000)
        shots = ROOT / "artifacts" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "bench_100k.png"))
        context.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side (best counts)")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="bench_map_"))
    events_path = write_events(synthetic_events(args.events), out / "events.geojson")
    ours_path, theirs_path = out / "ours.html", out / "explore.html"
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for _ in range(args.repeat):  # alternating, so both sides meet the same machine load
        ours.append(process_seconds(OURS, "map", str(events_path), "-o", str(ours_path)))
        theirs.append(process_seconds(THEIRS, str(events_path), str(theirs_path)))
        print(f"run {len(ours)}: ours {ours[-1][0]:.2f} s ({ours[-1][1]:.2f} s CPU), "
              f"explore {theirs[-1][0]:.2f} s ({theirs[-1][1]:.2f} s CPU)", flush=True)  # fmt: skip
    ours_mb = ours_path.stat().st_size / 1e6
    theirs_mb = theirs_path.stat().st_size / 1e6
    print(f"events: {args.events:,} ({events_path.stat().st_size / 1e6:.1f} MB GeoJSON)")
    print(f"{'':<22}{'frontline map':>16}{'read+explore()':>16}{'ratio':>10}{'floor':>8}")
    for label, k in (("process time (s)", 0), ("process CPU (s)", 1)):
        a, b = min(t[k] for t in ours), min(t[k] for t in theirs)
        print(f"{label:<22}{a:>16.2f}{b:>16.2f}{b / a:>9.1f}x{'>= 4x':>8}")
    print(
        f"{'HTML size (MB)':<22}{ours_mb:>16.1f}{theirs_mb:>16.1f}"
        f"{theirs_mb / ours_mb:>9.1f}x{'>= 4x':>8}"
    )
    if not args.no_browser:
        tti = time_to_interactive(ours_path)
        print(f"{'interactive (s)':<22}{tti:>16.2f}{'':>16}{'':>10}{'<= 3 s':>8}")
    print(f"files: {out}")


if __name__ == "__main__":
    main()
