"""What the map's reader relies on, without a browser: colours told apart, a shape per stance,
event-table sources grouped into claimants, disputed places found, every name searchable.

Browser checks of the same (popups, panels, search in Chromium) are in
tests/test_browser_map_reading.py.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from test_render_fixtures import _row

from geo.core import style as st
from geo.core.claimants import canonical_source, canonical_sources
from geo.core.schema import STANCES
from geo.render import layers as ly
from geo.render.search import place_forms, search_entries

ROOT = Path(__file__).resolve().parents[1]


def test_well_known_claimants_are_pairwise_far_apart():
    colors = sorted(set(st.KNOWN_CLAIMANTS.values()) | {st.UNKNOWN_COLOR})
    for a, b in itertools.combinations(colors, 2):
        assert st.color_difference(a, b) >= st.MIN_CLAIMANT_DELTA_E, (a, b)


def test_palette_is_far_from_itself_and_from_the_table():
    table = set(st.KNOWN_CLAIMANTS.values()) | {st.UNKNOWN_COLOR}
    for a, b in itertools.combinations(st.PALETTE, 2):
        assert st.color_difference(a, b) >= st.MIN_CLAIMANT_DELTA_E, (a, b)
    for a, b in itertools.product(st.PALETTE, table):
        assert st.color_difference(a, b) >= st.MIN_CLAIMANT_DELTA_E, (a, b)


def test_two_ukrainian_and_two_russian_claimants_are_told_apart():
    names = ["Ukrainian military", "Ukrainian government", "Russian MoD", "Kremlin"]
    colors = st.claimant_colors(names)
    assert colors["Ukrainian military"] == "#1f5fbf" and colors["Russian MoD"] == "#c62828"
    for a, b in itertools.combinations(names, 2):
        assert st.color_difference(colors[a], colors[b]) >= st.MIN_CLAIMANT_DELTA_E, (a, b)


def test_unknown_claimants_whose_hashes_collide_get_distinct_colours():
    names = [f"Telegram channel {k}" for k in range(12)]
    preferred = [st.claimant_color(n) for n in names]
    assert len(set(preferred)) < len(names)  # 12 names, 10 palette colours: the hash collides
    colors = st.claimant_colors(["Ukrainian military", "Russian MoD", *names[:8]])
    assert len(set(colors.values())) == 10  # every one distinct while the palette allows
    for a, b in itertools.combinations(colors.values(), 2):
        assert st.color_difference(a, b) >= st.MIN_CLAIMANT_DELTA_E
    assert st.claimant_colors(reversed(list(colors))) == colors  # order of arrival is irrelevant
    aliases = st.claimant_colors(["Russian MoD", "russian  mod"])
    assert aliases["Russian MoD"] == aliases["russian  mod"]  # one claimant, one colour


def test_each_stance_has_its_own_shape_and_fill():
    looks = {s: st.stance_style(s) for s in STANCES}
    assert set(looks["repelled"].items()) != set(looks["held"].items())
    assert looks["repelled"]["shape"] != looks["held"]["shape"]
    assert looks["reported"]["shape"] != looks["met"]["shape"]
    signatures = {(v["shape"], v["fillOpacity"], v["dashArray"]) for v in looks.values()}
    assert len(signatures) == len(STANCES)
    for look in looks.values():
        vertices = st.SHAPES[str(look["shape"])]
        assert all(abs(x) <= 1 and abs(y) <= 1 for x, y in vertices)  # inside the marker radius


@pytest.mark.parametrize(
    ("source", "claimant"),
    [
        ("General Staff of the Armed Forces of Ukraine; Ukrinform", "Ukrainian military"),
        ("Ministry of Defence of Russia; RIA Novosti", "Russian MoD"),
        ("Donetsk Regional Military Administration", "Regional authorities"),
        ("Ukrinform", "Ukrainian media"),
        ("pravdaua", "Ukrainian media"),
        ("ria", "Russian media"),
        ("interfaxua", "Ukrainian media"),
        ("Institute for the Study of War", "ISW"),
        ("some local channel", "viina_sample.csv: other sources"),
    ],
)
def test_event_table_sources_map_to_canonical_claimants(source, claimant):
    assert canonical_source(source, "viina_sample.csv") == claimant


def test_sample_tables_give_few_claimants():
    sources = pd.concat(
        [
            pd.read_csv(ROOT / "examples" / "events" / name, dtype=str)["source"].fillna("")
            for name in ("acled_sample.csv", "viina_sample.csv")
        ],
        ignore_index=True,
    )
    tables = pd.Series("tables", index=sources.index)
    assert sources.nunique() >= 19
    assert canonical_sources(sources, tables).nunique() <= 7


def test_disputed_pairs_are_the_reports_conflicts():
    point = shapely.Point(37.50692, 48.00462)
    rows = [
        _row("kr-1", "Ukrainian military", "repelled", "Krasnohorivka", point),
        _row("kr-2", "Russian MoD", "captured", "Krasnohorivka", point),
        _row("kr-3", "ISW", "under attack", "Krasnohorivka", point),  # no conflict with either
        _row("ba-1", "Russian MoD", "captured", "Bakhmut", shapely.Point(38.0, 48.59)),
    ]
    frame = pd.DataFrame(rows)
    frame["place_id"] = ["gn:704393", "gn:704393", "gn:704393", "gn:713174"]
    mapped = gpd.GeoDataFrame(frame, geometry="geometry", crs=4326)
    payload = ly.event_payload(mapped)
    assert payload["dp"] == [[0, 1]]


def test_place_forms_keep_names_a_reader_types_and_drop_foreign_ones():
    stored = [
        ("Avdiyivka", "latn", "official"),
        ("Avdiivka", "latn", "alias"),
        ("Авдіївка", "uk", "same key"),
        ("Авдеевка", "cyrl", "alternate"),
        ("Аўдзееўка", "cyrl", "alternate"),  # Belarusian
        ("a fu di fu ka", "latn", "alternate"),  # pinyin
        ("Avdeevka", "latn", "alternate"),
    ]
    forms = place_forms(["Avdiyivka"], stored)
    assert forms[0] == "Avdiyivka"
    assert {"Avdiivka", "Авдіївка", "Авдеевка", "Avdeevka"} <= set(forms)
    assert "Аўдзееўка" not in forms and "a fu di fu ka" not in forms


def test_search_index_holds_every_form_from_the_store(gazetteer_store):
    point = shapely.Point(37.75008, 48.14019)  # GeoNames 713122, Avdiivka
    row = _row("av-1", "Russian MoD", "advancing", "Avdiyivka", point)
    frame = pd.DataFrame([row])
    frame["place_id"] = "gn:713122"
    names, rows = search_entries(frame, gazetteer_store)
    assert rows == [0]
    forms = names[0].split(" · ")
    for form in ("Avdiyivka", "Avdiivka", "Авдіївка", "Авдеевка"):
        assert form in forms, (form, forms)
    place = gazetteer_store.place("gn:713122")
    assert abs(place.lat - 48.14019) < 0.01 and abs(place.lon - 37.75008) < 0.01


def test_disputes_agree_with_the_reports_conflicting_claims():
    from test_render_fixtures import sample_events

    from geo.core.records import normalize_events
    from geo.render.report import conflicting_claims

    rng_days = ["2025-01-04", "2025-01-05", "2025-01-20", None]
    rows = []
    for k in range(40):  # four places, four claimants, every stance, dates near and far
        place = ["Krasnohorivka", "Bakhmut", "Avdiivka", "Marinka"][k % 4]
        row = _row(f"x-{k}", ["Ukrainian military", "Russian MoD", "ISW", "DeepState"][k % 3],
                   STANCES[k % len(STANCES)], place, shapely.Point(37.5 + k % 4, 48.0),
                   event_date=rng_days[k % 4], time_precision=1 + k % 3)  # fmt: skip
        rows.append(row)
    frame = pd.concat([sample_events(), gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)])
    mapped, _ = ly.split_mapped(normalize_events(frame.reset_index(drop=True)))
    expected = conflicting_claims(mapped)
    pairs = sorted(zip(expected["row_a"], expected["row_b"], strict=True))
    assert len(pairs) >= 5  # the mix holds conflicts to find
    assert ly._disputes(mapped) == [list(p) for p in pairs]


def test_merged_counts_and_actors_reach_the_popup_details():
    point = shapely.Point(37.99886, 48.59419)
    rows = [
        _row("m-1", "Ukrainian military", "repelled", "Bakhmut", point,
             actor1="Military Forces of Ukraine", actor2="Military Forces of Russia"),
        _row("m-2", "Russian MoD", "advancing", "Bakhmut", point),
    ]  # fmt: skip
    mapped = gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)
    mapped["n_reports"] = [3.0, None]
    detail = ly.event_payload(mapped)["detail"]
    keys = detail["keys"]
    first = dict(zip(keys, detail["v"][detail["i"][0]], strict=True))
    second = dict(zip(keys, detail["v"][detail["i"][1]], strict=True))
    assert first["n_reports"] == 3 and not second["n_reports"]  # the popup's "Reports" row
    assert first["actor1"] == "Military Forces of Ukraine"
    assert first["actor2"] == "Military Forces of Russia"


def test_copies_of_a_dispute_are_one_pair():
    """30 copies of a claim and of its counter-claim: one disputed pair (their first records),
    not 900, so the popup says it once and the payload stays the size of the records."""
    point = shapely.Point(37.50692, 48.00462)
    rows = [
        _row(f"kr-{k}", claimant, stance, "Krasnohorivka", point)
        for k in range(30)
        for claimant, stance in (("Ukrainian military", "repelled"), ("Russian MoD", "captured"))
    ]
    mapped = gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)
    assert ly._disputes(mapped) == [[0, 1]]
