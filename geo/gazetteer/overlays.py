"""Curated overlays: the committed CSV files in ``gazetteer/`` that we write and cite.

``aliases.csv``   name → existing place (historical names, renamings, English press spellings)
``features.csv``  theatre places that are not settlements (plants, bridges, "directions")
``wrong_names.csv`` name → place a source gives it in error (GeoNames' "Донецьке" for Donetsk city,
                  which is a village by Siversk): removed from that place, kept for the others
Every row carries a ``reason`` column; rows without one are refused so the overlays stay
explainable. Loaded by the default build and re-applied by ``frontline gazetteer build``.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from pathlib import Path

from geo.core.errors import GazetteerError
from geo.gazetteer.names import has_cyrillic, name_key, script_of, variants
from geo.gazetteer.store import Place, add_names, overlay_dir, upsert_place

_REGION_WORDS = re.compile(
    r"\b(oblast|oblasti|region|province|krai|kray|raion|rayon|district|okrug|republic|area|oblasts|regions"
    r"|hromada)\b"
)


def strip_region_words(key: str) -> str:
    """``"donetsk oblast"`` → ``"donetsk"``: the stem of an admin-unit key."""
    return " ".join(_REGION_WORDS.sub(" ", key).split())


def _rows(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise GazetteerError(f"missing columns {missing}", source=str(path))
        rows = []
        for line, row in enumerate(reader, start=2):
            if not (row.get("reason") or "").strip():
                raise GazetteerError("overlay row has no reason", source=str(path), row=line)
            rows.append(row)
        return rows


def apply_overlays(conn: sqlite3.Connection, folder: Path | None = None) -> int:
    """Load ``wrong_names.csv``, ``features.csv`` then ``aliases.csv`` from ``folder``;
    returns the number of rows applied."""
    folder = folder or overlay_dir()
    applied = 0
    wrong = folder / "wrong_names.csv"
    if wrong.is_file():
        for line, row in enumerate(_rows(wrong, ("name", "place_id", "reason")), start=2):
            _remove_wrong_name(conn, row, wrong, line)
            applied += 1
    features = folder / "features.csv"
    if features.is_file():
        for row in _rows(features, ("feature_id", "name", "lat", "lon", "country", "reason")):
            _apply_feature(conn, row)
            applied += 1
    aliases = folder / "aliases.csv"
    if aliases.is_file():
        for line, row in enumerate(_rows(aliases, ("name", "place_id", "kind", "reason")), start=2):
            _apply_alias(conn, row, aliases, line)
            applied += 1
    return applied


def _remove_wrong_name(
    conn: sqlite3.Connection, row: dict[str, str], path: Path, line: int
) -> None:
    """One row of ``wrong_names.csv`` (line ``line`` of ``path``): every key of the name, as
    written, taken from the place a source gave it to; its namesakes keep theirs. A row that
    removes nothing (the place is gone, or the source no longer says so) is refused, so the
    file never carries a correction that corrects nothing."""
    name, place_id = row["name"].strip(), row["place_id"].strip()
    removed = conn.execute(
        "DELETE FROM names WHERE place_id = ? AND name = ? AND source NOT LIKE 'overlay:%'",
        (place_id, name),
    ).rowcount
    if not removed:
        raise GazetteerError(
            f"{name!r} is not a name of {place_id} in the sources, so there is nothing to remove",
            source=str(path),
            row=line,
        )


def _apply_feature(conn: sqlite3.Connection, row: dict[str, str]) -> None:
    """One row of ``features.csv``: the place (``ov:`` id) and its names."""
    admin1 = None
    if row.get("admin1_iso"):
        hit = conn.execute(
            "SELECT code FROM admin_units WHERE iso = ?", (row["admin1_iso"],)
        ).fetchone()
        admin1 = hit[0] if hit else None
    place_id = f"ov:{row['feature_id']}"
    upsert_place(
        conn,
        Place(
            place_id,
            row["name"],
            "feature",
            row.get("feature_code") or "FEAT",
            0,
            row["country"],
            admin1,
            None,
            float(row["lat"]),
            float(row["lon"]),
            "overlay:features.csv",
        ),
    )
    written = [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]
    add_names(
        conn,
        [
            (
                key,
                place_id,
                w,
                script_of(w),
                "official" if i == 0 else "alias",
                "overlay:features.csv",
                row["reason"],
            )
            for i, w in enumerate(written)
            for key in variants(w)
        ],
    )


def _apply_alias(conn: sqlite3.Connection, row: dict[str, str], path: Path, line: int) -> None:
    """One row of ``aliases.csv`` (line ``line`` of ``path``): the name, for a place that must
    exist, replacing what a non-overlay source said under the same key in the same script (a
    Latin alias "Toretsk" keeps the official "Торецьк", whose case forms the scanner needs)."""
    if (
        conn.execute("SELECT 1 FROM places WHERE place_id = ?", (row["place_id"],)).fetchone()
        is None
    ):
        raise GazetteerError(
            f"alias target {row['place_id']} is not in the gazetteer",
            source=str(path),
            row=line,
        )
    key, cyrillic = name_key(row["name"]), has_cyrillic(row["name"])
    replaced = [
        (key, row["place_id"], name)
        for (name,) in conn.execute(
            "SELECT name FROM names WHERE key = ? AND place_id = ? AND source NOT LIKE 'overlay:%'",
            (key, row["place_id"]),
        )
        if has_cyrillic(name) == cyrillic
    ]
    conn.executemany("DELETE FROM names WHERE key = ? AND place_id = ? AND name = ?", replaced)
    add_names(
        conn,
        [
            (
                key,
                row["place_id"],
                row["name"],
                row.get("lang") or script_of(row["name"]),
                row["kind"],
                "overlay:aliases.csv",
                row["reason"],
            )
            for key in variants(row["name"])
        ],
    )
