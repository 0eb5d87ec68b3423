"""Benchmark: a 100,000-row ACLED-format CSV imported, geocoded, validated and joined
(floor ≤ 30 s).

Generates the CSV from theatre settlements of the gazetteer (points jittered ≤ 3 km, ~2 % rows
without coordinates, ~1 % swapped lat/lon, ~0.5 % far from their place, decimal commas, a few
unreadable dates and reused ids), extracts the claims of the bundled example story and replays
them over 100 days, then times each stage. Usage::

    .venv/bin/python scripts/bench_events.py [--rows 100000] [--keep FILE.csv]
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from geo.events import join_claims, load_events, validate_events
from geo.events.aggregate import weekly_counts
from geo.extract import extract_frame
from geo.gazetteer import GazetteerStore, Resolver

log = logging.getLogger("bench_events")
ROOT = Path(__file__).resolve().parents[1]
OBLASTS = ("UA.05", "UA.14", "UA.07", "UA.26", "UA.08", "UA.04", "UA.16")  # Donetsk … Mykolaiv
SUB_EVENTS = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Battles", "Non-state actor overtakes territory"),
)


def generate(path: Path, rows: int, store: GazetteerStore, seed: int = 7) -> None:
    """Write an ACLED-format CSV of ``rows`` synthetic records at real theatre settlements."""
    rng = np.random.default_rng(seed)
    places = [
        p for p in store.settlements(["UA"]) if p.admin1_code in OBLASTS and p.lat is not None
    ]
    names = {code: store.admin_unit(code).name for code in OBLASTS}
    pick = rng.integers(0, len(places), rows)
    lat = np.array([places[i].lat for i in pick]) + rng.normal(0, 0.012, rows)
    lon = np.array([places[i].lon for i in pick]) + rng.normal(0, 0.018, rows)
    days = [date(2023, 1, 1) + timedelta(days=int(d)) for d in rng.integers(0, 365, rows)]
    kind = rng.integers(0, len(SUB_EVENTS), rows)
    frame = pd.DataFrame(
        {
            "event_id_cnty": [f"UKR{200000 + i}" for i in range(rows)],
            "event_date": [d.strftime("%d %B %Y") for d in days],
            "year": "2023",
            "time_precision": "1",
            "disorder_type": "Political violence",
            "event_type": [SUB_EVENTS[k][0] for k in kind],
            "sub_event_type": [SUB_EVENTS[k][1] for k in kind],
            "actor1": "Military Forces of Russia (2000-)",
            "actor2": "Military Forces of Ukraine (2019-)",
            "iso": "804",
            "region": "Europe",
            "country": "Ukraine",
            "admin1": [names[places[i].admin1_code] for i in pick],
            "admin2": "",
            "admin3": "",
            "location": [places[i].name for i in pick],
            "latitude": np.round(lat, 4).astype(str),
            "longitude": np.round(lon, 4).astype(str),
            "geo_precision": "1",
            "source": rng.choice(
                [
                    "General Staff of the Armed Forces of Ukraine",
                    "Ukrinform",
                    "Ministry of Defence of Russia",
                    "Suspilne",
                ],
                rows,
            ),
            "source_scale": "National",
            "notes": [
                f"On {d:%d %B %Y}, fighting was reported near {places[i].name}."
                for d, i in zip(days, pick, strict=True)
            ],
            "fatalities": rng.integers(0, 3, rows).astype(str),
        }
    )
    bad = rng.random(rows)
    blank = bad < 0.02
    frame.loc[blank, ["latitude", "longitude"]] = ""
    swap = (bad >= 0.02) & (bad < 0.03)
    frame.loc[swap, ["latitude", "longitude"]] = frame.loc[
        swap, ["longitude", "latitude"]
    ].to_numpy()
    far = (bad >= 0.03) & (bad < 0.035)
    frame.loc[far, "latitude"] = (lat[far] + 0.6).round(4).astype(str)
    comma = (bad >= 0.035) & (bad < 0.04)
    frame.loc[comma, "latitude"] = frame.loc[comma, "latitude"].str.replace(".", ",", regex=False)
    frame.loc[(bad >= 0.04) & (bad < 0.041), "event_date"] = "32/13/2023"
    frame.loc[(bad >= 0.041) & (bad < 0.042), "event_id_cnty"] = "UKR200000"
    frame.to_csv(path, index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Keep the generated CSV here.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    store = GazetteerStore()
    resolver = Resolver(store)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "acled_bench.csv"
        t = time.perf_counter()
        generate(path, args.rows, store)
        log.info(
            "generated %s rows (%.1f MB) in %.1f s",
            f"{args.rows:,}",
            path.stat().st_size / 1e6,
            time.perf_counter() - t,
        )
        story = ROOT / "examples" / "sitrep_2023-03-21.txt"
        base = extract_frame([story], date(2023, 3, 21))
        claims = pd.concat(
            [
                base.assign(
                    event_date=(
                        pd.to_datetime(base["event_date"]) + pd.Timedelta(days=k - 80)
                    ).dt.date.astype(str)
                )
                for k in range(100)
            ],
            ignore_index=True,
        )
        timings = {}
        t0 = time.perf_counter()
        events = load_events(path)
        timings["import"] = time.perf_counter() - t0
        t = time.perf_counter()
        checked = validate_events(events, resolver)
        timings["geocode + validate"] = time.perf_counter() - t
        t = time.perf_counter()
        result = join_claims(checked, claims)
        timings["join"] = time.perf_counter() - t
        t = time.perf_counter()
        weekly = weekly_counts(checked, store)
        timings["weekly aggregation"] = time.perf_counter() - t
        total = time.perf_counter() - t0
    for stage, seconds in timings.items():
        log.info("%-20s %6.2f s", stage, seconds)
    log.info(
        "%-20s %6.2f s  (floor 30 s) for %s rows, %s claims",
        "total",
        total,
        f"{args.rows:,}",
        f"{len(claims):,}",
    )
    flags = (
        checked["quality_flag"][checked["quality_flag"] != ""]
        .str.split(";")
        .explode()
        .value_counts()
    )
    log.info("flags: %s", ", ".join(f"{k} {v}" for k, v in flags.items()))
    log.info(
        "placed %s of %s rows; %s links (%s corroborated, %s contradicted claims); %s weekly cells",
        f"{int(checked.geometry.notna().sum()):,}",
        f"{len(checked):,}",
        f"{len(result.links):,}",
        int(result.claims["corroborated"].sum()),
        int(result.claims["contradicted"].sum()),
        len(weekly),
    )


if __name__ == "__main__":
    main()
