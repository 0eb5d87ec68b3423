"""The map's offline place search: every name a reader may type for each place on the map.

A reader looks for "Avdiivka" (English press, KMU 2010), "Авдіївка" (Ukrainian), "Авдеевка"
(Russian) or the GeoNames spelling "Avdiyivka". At map-build time the gazetteer store is asked,
in one query, for every name of the places the records point to (``place_id``); with the records'
own ``place_name`` and ``location`` (the text as written) and the KMU 2010 romanisation of each
Ukrainian form, they become one entry per place, shipped in the page: the search needs no network.

Latin alternates that are not romanisations of the place (GeoNames also holds pinyin and other
languages' forms, e.g. "a fu ji yi fu ka") are kept only when their matching key is close to a
name the place is known by (:data:`LATIN_MIN_SIMILARITY`); Cyrillic forms are kept when they are
Ukrainian or Russian.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable

import pandas as pd
from rapidfuzz import fuzz

from geo.core.errors import GazetteerError
from geo.gazetteer.names import has_cyrillic, name_key
from geo.gazetteer.store import GazetteerStore
from geo.gazetteer.ukraine import kmu_latin

log = logging.getLogger(__name__)

SEARCH_LANGS = frozenset({"uk", "ru", "cyrl", "en", "latn", None})
CODE = re.compile(r"[A-Z]{2}\d+|\d+")  # KATOTTH and other codes stored as aliases
LATIN_MIN_SIMILARITY = 75.0  # rapidfuzz ratio of matching keys, 0-100
KIND_RANK = {"official": 0, "alias": 1, "historical": 2, "alternate": 3, "transliteration": 4}
KEPT_KINDS = frozenset({"official", "historical", "alias"})  # curated or official names
UK_RU_LETTERS = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ'’ʼ\- ]+")
MAX_NAMES = 12
SEPARATOR = " · "


def open_store() -> GazetteerStore | None:
    """The default gazetteer store, or None (with a log line) when there is none to read."""
    try:
        return GazetteerStore()
    except GazetteerError as exc:
        log.info("map search: no gazetteer names (%s); records' own names only", exc)
        return None


def gazetteer_names(
    store: GazetteerStore | None, place_ids: Iterable[str]
) -> dict[str, list[tuple[str, str | None, str]]]:
    """``place_id`` → its ``(name, lang, kind)`` from the store (one query), searchable kinds."""
    names: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
    ids = [p for p in place_ids if isinstance(p, str) and p]
    if store is None or not ids:
        return names
    for place_id, name, lang, kind in store.names_of_places(ids):
        if lang in SEARCH_LANGS and not CODE.fullmatch(name):
            names[place_id].append((name, lang, kind))
    return names


def _cyrillic_form(name: str, lang: str | None) -> bool:
    """A Ukrainian or Russian form: tagged so, or Cyrillic in their letters only (GeoNames tags
    Belarusian, Serbian and Bulgarian forms just ``cyrl``, and some Belarusian ones ``uk``)."""
    return lang in ("uk", "ru", "cyrl") and bool(UK_RU_LETTERS.fullmatch(name))


def place_forms(own: list[str], stored: list[tuple[str, str | None, str]]) -> list[str]:
    """The searchable names of one place, most useful first, each once (case-insensitively), at
    most :data:`MAX_NAMES`: the records' own names; the Ukrainian and Russian forms; the KMU 2010
    romanisation of each Ukrainian form ("Avdiivka"); the official and historical names; then the
    Latin alternates whose matching key is close to one of those (best first)."""
    ranked = sorted(stored, key=lambda r: (KIND_RANK.get(r[2], len(KIND_RANK)), r[1] != "uk"))
    cyrillic = [n for n, lang, _ in ranked if _cyrillic_form(n, lang)]
    kmu = [kmu_latin(n) for n, lang, _ in ranked if lang == "uk" and _cyrillic_form(n, lang)]
    official = [n for n, _, kind in stored if kind in KEPT_KINDS and not has_cyrillic(n)]
    keys = {name_key(n) for n in [*own, *cyrillic, *kmu, *official]} - {""}
    close = []
    for name, _, kind in stored:
        if has_cyrillic(name) or kind in KEPT_KINDS:
            continue
        key = name_key(name)
        score = max((fuzz.ratio(key, k) for k in keys), default=0.0)
        if score >= LATIN_MIN_SIMILARITY:
            close.append((-score, name))
    seen: dict[str, str] = {}
    for form in [*own, *cyrillic, *kmu, *official, *(n for _, n in sorted(close))]:
        text = form.strip()
        if text:
            seen.setdefault(text.casefold(), text)
    return list(seen.values())[:MAX_NAMES]


def search_entries(
    mapped: pd.DataFrame, store: GazetteerStore | None
) -> tuple[list[str], list[int]]:
    """(names of each place, one row drawn at it): a place is a ``place_id``, else a place name.

    Rows without a place name or id are not searchable (they are regions or sectors as written).
    """
    name = mapped["place_name"].where(mapped["place_name"].notna(), mapped["location"])
    place = mapped["place_id"].where(mapped["place_id"].notna(), name)
    frame = pd.DataFrame({"place": place, "name": name, "location": mapped["location"]})
    frame = frame[frame["place"].notna() & frame["name"].notna()]
    if frame.empty:
        return [], []
    stored = gazetteer_names(store, mapped["place_id"].dropna().unique().tolist())
    first_rows = frame.reset_index().drop_duplicates("place").set_index("place")["index"]
    written = pd.concat([frame[["place", "name"]], frame[["place", "location"]].rename(
        columns={"location": "name"})]).dropna().drop_duplicates()  # fmt: skip
    own = written.groupby("place", sort=True)["name"].agg(list)
    names = [
        SEPARATOR.join(place_forms([n for n in names if n], stored.get(str(p), [])))
        for p, names in own.items()
    ]
    return names, [int(first_rows[p]) for p in own.index]
