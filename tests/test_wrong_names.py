"""``gazetteer/wrong_names.csv``: a name a source gives a place in error is taken from that place.

GeoNames lists "Донецьке" (and "Donetske") among Donetsk city's alternate names. Донецьке is a
village 10 km west of Lyman, and another in Kharkiv oblast; the city is Донецьк. With the wrong
name, "Donetske" in a text was the city, over 100 km from either village.
"""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest

from geo.core.errors import GazetteerError
from geo.gazetteer.overlays import apply_overlays
from geo.gazetteer.store import GazetteerStore, Place, add_names, upsert_place

DONETSK_CITY = "gn:709717"
# the villages, with their points in the national settlement table (KATOTTH)
DONETSKE_KRAMATORSK_RAION = (48.9339, 37.6903)  # UA14120130020047822, 10 km west of Lyman
DONETSKE_KHARKIV_OBLAST = (49.1484, 37.2472)  # UA63040130090038293, Izium raion
VILNIANSK = "gn:689584"  # Софіївка before its Soviet-era renamings, as GeoNames still lists
SOFIIVKA_NOVOMYKOLAIVKA = (48.0324, 35.9583)  # UA23060190490051601, Zaporizhzhia oblast
VILLAGE_KM = 3.0


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return 12_742.0 * math.asin(math.sqrt(h))


def test_the_default_store_gives_donetske_to_the_villages_only(gazetteer_store):
    conn = gazetteer_store.conn
    city_names = {
        n for (n,) in conn.execute("SELECT name FROM names WHERE place_id = ?", (DONETSK_CITY,))
    }
    assert "Донецьк" in city_names  # the city keeps its own names
    assert not {"Донецьке", "Donetske"} & city_names
    villages = conn.execute(
        "SELECT p.lat, p.lon FROM names n JOIN places p USING (place_id) WHERE n.name = 'Донецьке'"
    ).fetchall()
    assert len(villages) == 2
    for point in (DONETSKE_KRAMATORSK_RAION, DONETSKE_KHARKIV_OBLAST):
        assert min(km(point, v) for v in villages) < VILLAGE_KM


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # both were the city, 100 km south, before
        ("Росіяни обстріляли Донецьке на Лиманському напрямку.", DONETSKE_KRAMATORSK_RAION),
        ("Russian forces shelled Donetske and Maiaky near Sloviansk.", DONETSKE_KRAMATORSK_RAION),
        # a guard: the oblast named settled it even then
        (
            "Russian artillery shelled Donetske in the Kharkiv region overnight.",
            DONETSKE_KHARKIV_OBLAST,
        ),
    ],
)
def test_donetske_is_a_village_not_the_city(records, text, expected):
    (record,) = [r for r in records(text) if r["location"].startswith(("Донецьк", "Donetsk"))]
    assert record["place_id"] != DONETSK_CITY
    assert km((record["latitude"], record["longitude"]), expected) < VILLAGE_KM, record


def test_a_lone_donetske_is_left_open_between_its_villages(resolver):
    res = resolver.resolve("Донецьке")
    assert res.place is None or res.place.place_id != DONETSK_CITY
    assert res.place is None or res.place.population < 5_000


def _tiny_store(tmp_path: Path) -> sqlite3.Connection:
    store = GazetteerStore(tmp_path / "tiny.sqlite", create=True)
    conn = store.conn
    for place_id, lat, lon in (("gn:1", 48.0, 37.8), ("ua:2", 48.93, 37.69)):
        upsert_place(
            conn,
            Place(
                place_id,
                "Town",
                "settlement",
                "PPL",
                100,
                "UA",
                "UA.05",
                None,
                lat,
                lon,
                "geonames",
            ),
        )
    add_names(
        conn,
        [
            ("donetske", "gn:1", "Донецьке", "cyrl", "alternate", "geonames", None),
            ("donetske", "ua:2", "Донецьке", "cyrl", "official", "ua:settlements", None),
        ],
    )
    return conn


def _write(folder: Path, text: str) -> Path:
    path = folder / "wrong_names.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wrong_name_leaves_its_namesakes_alone(tmp_path):
    conn = _tiny_store(tmp_path)
    _write(tmp_path, 'name,place_id,reason\nДонецьке,gn:1,"not the city\'s name"\n')
    assert apply_overlays(conn, tmp_path) == 1
    left = conn.execute("SELECT place_id FROM names WHERE key = 'donetske'").fetchall()
    assert left == [("ua:2",)]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("Донецьке,gn:404,stale", "nothing to remove"),  # no such place
        ("Донецьк,gn:1,stale", "nothing to remove"),  # the place has no such name
        ("Донецьке,gn:1,", "no reason"),
    ],
)
def test_a_row_that_corrects_nothing_or_says_not_why_is_refused(tmp_path, row, problem):
    conn = _tiny_store(tmp_path)
    path = _write(tmp_path, f"name,place_id,reason\n{row}\n")
    with pytest.raises(GazetteerError) as caught:
        apply_overlays(conn, tmp_path)
    assert problem in str(caught.value)
    assert str(caught.value).startswith(f"{path}, row 2: ")


def test_an_old_name_of_a_town_is_today_a_village_of_it(records, resolver):
    """A Zaporizhzhia administration's list: "Софіївці" is the village 40 km east of Vilniansk,
    which GeoNames still calls Софіївка, as it was called before its Soviet-era renamings."""
    text = (
        "Російські війська за добу здійснили 651 обстріл по 17 населених пунктах Запорізької "
        "області, повідомив очільник ОВА Іван Федоров. Федоров зазначив, що війська РФ "
        "здійснили 4 авіаційних удари по Софіївці, Оріхову, Залізничному, Солодкому."
    )
    (record,) = [r for r in records(text) if r["location"] == "Софіївці"]
    assert record["place_id"] != VILNIANSK
    assert km((record["latitude"], record["longitude"]), SOFIIVKA_NOVOMYKOLAIVKA) < VILLAGE_KM
    assert resolver.resolve("Вільнянськ").place.place_id == VILNIANSK  # its own name stays
