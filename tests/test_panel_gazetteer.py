"""The settlement control panel over every gazetteer settlement, with the seed's claims."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_panel_defaults_to_gazetteer_settlements_and_carries_text_claims(
    tmp_path, shared_dir, gazetteer_store
):
    settlements = gazetteer_store.settlements_frame(["UA"])
    assert len(settlements) > 5000 and settlements.crs.to_epsg() == 4326
    seed_events = tmp_path / "seed.geojson"
    cli = [sys.executable, "-m", "geo"]
    subprocess.run(
        [
            *cli,
            "extract",
            shared_dir / "seeds" / "000_ce6ce7db5390928b.txt",
            "--published",
            "2023-03-21",
            "-o",
            seed_events,
            "-q",
        ],
        check=True,
        cwd=ROOT,
    )
    panel_csv = tmp_path / "panel.csv"
    layers = [
        shared_dir / "data" / "deepstate" / f"deepstatemap_data_{d}.geojson"
        for d in ("20240801", "20250107")
    ]
    out = subprocess.run(
        [*cli, "control", "panel", *layers, "-e", seed_events, "-o", panel_csv],
        capture_output=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    rows = [r for r in csv.DictReader(panel_csv.open()) if r["place_id"] == "gn:713174"]  # Bakhmut
    text = {(r["date"], r["claimant"], r["status"]) for r in rows if r["source"] == "text"}
    assert (
        "2023-03-20",
        "Ukrainian military",
        "repelled",
    ) in text  # Bakhmut held by Ukraine's account, March 2023
    layered = {(r["date"], r["inside"]) for r in rows if r["source"] == "DeepStateMap"}
    assert layered == {("2024-08-01", "True"), ("2025-01-07", "True")}  # occupied since May 2023
