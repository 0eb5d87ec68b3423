"""Benchmark of the frontline stage against the floors in issue 6.

1. Diff of two DeepState days: read both layers, gained/lost polygons and km² (floor: 1 s), with
   areas within 0.5 % of a direct ring-by-ring pyproj.Geod computation.
2. A year of daily layers (365 files synthesised in a temp dir by buffering the shared DeepState
   files by small, day-varying distances) streamed into the per-day table (floor: 60 s), with
   resident memory sampled along the way to show it stays flat.

Run: .venv/bin/python scripts/bench_frontline.py   (needs ../shared/data/deepstate)
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import geopandas as gpd
import shapely
from pyproj import Geod
from shapely.geometry import shape

from geo.frontline import diff_layers, read_control
from geo.frontline.series import iter_daily_summary

DEEPSTATE = Path(__file__).resolve().parents[2] / "shared" / "data" / "deepstate"
GEOD = Geod(ellps="WGS84")
PAGE = 4096


def rss_mb() -> float:
    """Current resident set size (Linux /proc), MiB."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE / 2**20


def direct_km2(geometry) -> float:
    total = 0.0
    for polygon in shapely.get_parts(geometry):
        total += abs(GEOD.polygon_area_perimeter(*polygon.exterior.coords.xy)[0])
        for hole in polygon.interiors:
            total -= abs(GEOD.polygon_area_perimeter(*hole.coords.xy)[0])
    return total / 1e6


def raw(path: Path):
    return shapely.union_all(
        [shape(f["geometry"]) for f in json.loads(path.read_text())["features"]]
    )


def bench_diff(a: Path, b: Path) -> bool:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = diff_layers(read_control(a).frame, read_control(b).frame)
        times.append(time.perf_counter() - start)
    best, worst = min(times), max(times)
    ra, rb = raw(a), raw(b)
    direct = {
        "area_a_km2": direct_km2(ra),
        "area_b_km2": direct_km2(rb),
        "gained_km2": direct_km2(rb.difference(ra)),
        "lost_km2": direct_km2(ra.difference(rb)),
    }
    ours = {key: getattr(result, key) for key in direct}
    print(
        f"diff {a.name} -> {b.name}: best {best * 1000:.1f} ms, "
        f"worst {worst * 1000:.1f} ms (floor 1000 ms)"
    )
    ok = worst <= 1.0
    for key, value in direct.items():
        rel = abs(ours[key] - value) / value if value else abs(ours[key] - value)
        print(f"  {key}: {ours[key]:,.4f} vs direct Geod {value:,.4f} (rel. diff {rel:.1e})")
        ok &= rel <= 5e-3 or abs(ours[key] - value) < 0.01
    return ok


def synthesise_year(folder: Path) -> list[Path]:
    sources = sorted(DEEPSTATE.glob("deepstatemap_data_*.geojson"))
    frames = [gpd.read_file(p) for p in sources]
    start = date(2025, 1, 1)
    paths = []
    for day in range(365):
        base = frames[day % len(frames)]
        # Grow or shrink by up to ~500 m, so consecutive days differ on every edge.
        distance = 0.0005 * ((day * 7) % 11 - 5) / 5
        layer = base.copy()
        layer.geometry = shapely.buffer(
            base.geometry.values, distance, quad_segs=2, join_style="mitre"
        )
        path = folder / f"deepstatemap_data_{(start + timedelta(days=day)):%Y%m%d}.geojson"
        layer.to_file(path, driver="GeoJSON")
        paths.append(path)
    return paths


def bench_year() -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        paths = synthesise_year(Path(tmp))
        print(
            f"synthesised {len(paths)} daily layers in {time.perf_counter() - t0:.1f} s "
            f"({sum(p.stat().st_size for p in paths) / 2**20:.1f} MiB)"
        )
        samples = []
        start = time.perf_counter()
        rows = 0
        for rows, _ in enumerate(iter_daily_summary(paths), start=1):
            if rows in (10, 50, 100, 200, 300, 365):
                samples.append((rows, rss_mb()))
        elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"per-day table over {rows} files: {elapsed:.1f} s "
        f"({elapsed / rows * 1000:.0f} ms/day, floor 60 s)"
    )
    print("  RSS after N days: " + ", ".join(f"{n}: {mb:.0f} MiB" for n, mb in samples))
    growth = samples[-1][1] - samples[1][1]
    print(
        f"  growth from day 50 to day 365: {growth:+.1f} MiB; "
        f"peak RSS of the process {peak:.0f} MiB"
    )
    return elapsed <= 60 and growth < 20


def main() -> int:
    a = DEEPSTATE / "deepstatemap_data_20250103.geojson"
    b = DEEPSTATE / "deepstatemap_data_20250104.geojson"
    if not a.exists():
        print(f"skip: ../shared/data not present ({DEEPSTATE})")
        return 0
    ok = bench_diff(a, b)
    ok &= bench_diff(
        DEEPSTATE / "deepstatemap_data_20240801.geojson",
        DEEPSTATE / "deepstatemap_data_20260801.geojson",
    )
    ok &= bench_year()
    print("floors met" if ok else "FLOOR MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
