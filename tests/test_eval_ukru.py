"""scripts/eval_ukru.py on five passages of our own: the figures it prints per language."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "eval_ukru.py"
PASSAGES = Path(__file__).resolve().parent / "data" / "ukru" / "passages.jsonl"


@pytest.fixture(scope="module")
def eval_ukru():
    spec = importlib.util.spec_from_file_location("eval_ukru", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_ukru"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_figures_per_language(eval_ukru, extractor, capsys):
    """Ukrainian: both places within 25 km. Russian: Вугледар placed, "Александровка" alone has
    ~100 namesakes (not placed: a miss) and Donetsk is named but not annotated (a stray).
    English: three places within 25 km; the region-level "Sumy Oblast" is not a stray (the
    passage names the oblast, as "Sumska" in the gazetteer), Kharkiv (not annotated) is."""
    passages = eval_ukru.load_passages(PASSAGES)
    eval_ukru.report(eval_ukru.evaluate(passages, extractor), show=5)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "en: settlements named 3, placed within 25 km 3 (100.0%); output points 5, strays 1 (20.0%)"
    )
    assert out[1].startswith("  stray: 'Kharkiv' → Kharkiv (49.98, 36.25)")
    assert out[2] == (
        "ru: settlements named 2, placed within 25 km 1 (50.0%); output points 2, strays 1 (50.0%)"
    )
    assert out[3].startswith("  miss: Олександрівка (no point) — test:ru-2")
    assert out[4].startswith("  stray: 'Донецка' → Donetsk")
    assert out[5] == (
        "uk: settlements named 2, placed within 25 km 2 (100.0%); output points 2, strays 0 (0.0%)"
    )
    assert len(out) == 6


def test_causes_per_language(eval_ukru, extractor, capsys):
    """--by-cause: every place above is placed within 5 km too, except the Russian miss, which
    is read ("Александровка") but left without a point; the Russian stray ("Донецка", a
    correspondent's city) names no place of its passage; the English one (Kharkiv) is named like
    the oblast the passage names."""
    passages = eval_ukru.load_passages(PASSAGES)
    eval_ukru.report(eval_ukru.evaluate(passages, extractor), show=0, by_cause=True)
    out = capsys.readouterr().out.splitlines()
    assert out[1:3] == [
        "  placed within 5 km 3 (100.0%)",
        "     1  stray: named like an oblast of the passage (the oblast read as a town?)",
    ]
    assert out[4:7] == [
        "  placed within 5 km 1 (50.0%)",
        "     1  miss: read, but unresolved or left at region level",
        "     1  stray: a word that names no place of the passage",
    ]
    assert out[8:] == ["  placed within 5 km 2 (100.0%)"]


def test_an_axis_is_its_own_cause(eval_ukru):
    """A stray whose name is followed by "напрямку" or "direction" (maybe through a list of
    others sharing the word), or follows "напрямку", is counted as an axis, one that carries the
    word itself too; any other far record is not."""
    passage = {"gold": [{"name": "Покровськ"}], "oblasts": []}
    axis = {"location": "Куп’янському", "quote": "тиск на Куп’янському напрямку"}
    named = {"location": "Lyman direction", "quote": ""}
    before = {"location": "Сватове", "quote": "вперед на напрямку Сватове–Кремінна"}
    town = {"location": "Терни", "quote": "Терни, Невське - цей напрямок", "geo_precision": 1}
    # a list's member, before the word the list shares
    listed = {
        "location": "бахмутському",
        "quote": "обстріли на краматорському, бахмутському та запорізькому напрямках",
    }
    assert eval_ukru.stray_cause(axis, passage) == "stray: an axis read as its town"
    assert eval_ukru.stray_cause(listed, passage) == "stray: an axis read as its town"
    assert eval_ukru.stray_cause(named, passage) == "stray: an axis read as its town"
    assert eval_ukru.stray_cause(before, passage) == "stray: an axis read as its town"
    no_place = "stray: a word that names no place of the passage"
    assert eval_ukru.stray_cause(town, passage) == no_place


def test_axis_points_are_counted_apart(eval_ukru, capsys):
    """An axis record far from every gold place is a stray, and the second line says how many
    strays and points are axes, and the share without them."""
    passage = {"url": "test:axis", "gold": [{"name": "Покровськ", "lat": 48.28, "lon": 37.18}]}
    axis = {"location": "Куп’янському", "quote": "тиск на Куп’янському напрямку",
            "latitude": 49.71, "longitude": 37.62, "geo_precision": 2}  # fmt: skip
    town = {"location": "Покровськ", "quote": "у Покровську", "latitude": 48.28,
            "longitude": 37.18, "geo_precision": 1}  # fmt: skip
    far = {"location": "Львів", "quote": "у Львові", "latitude": 49.84, "longitude": 24.03,
           "geo_precision": 1}  # fmt: skip
    tally = eval_ukru.Tally()
    eval_ukru.score_passage(passage, [axis, town, far], tally)
    eval_ukru.report({"uk": tally}, show=0)
    assert capsys.readouterr().out.splitlines() == [
        "uk: settlements named 1, placed within 25 km 1 (100.0%); output points 3, strays 2 "
        "(66.7%)",
        "  of them axes (areas around a town, precision 2): 1 points, 1 strays; the other points: "
        "2, strays 1 (50.0%)",
    ]


def test_hromadas_named_and_placed_at_their_centre_are_counted_apart(eval_ukru, capsys):
    """A hromada its sentence names ("Myrivska communities"), placed at its centre near the
    passage's places, is a place the text names: not a stray, and the second line gives the
    figure with it counted as one, as the annotation (settlements only) has it. A hromada
    placed at a namesake's centre 200 km away ("Pokrovsk community": the Donetsk city's, in a
    Nikopol report) stays a stray."""
    passage = {"url": "test:hromada", "gold": [{"name": "Nikopol", "lat": 47.57, "lon": 34.40}]}
    reason = "{} hromada: placed at its centre {}; region name matched official '{}'"
    near = {"location": "Myrivska communities", "quote": "Myrivska communities suffered",
            "latitude": 47.77, "longitude": 34.73, "geo_precision": 2,
            "resolution_reason": reason.format("Myrivska", "Myrove", "Myrivska")}  # fmt: skip
    far = {"location": "Pokrovsk community", "quote": "in the Pokrovsk community",
           "latitude": 48.28, "longitude": 37.18, "geo_precision": 2,
           "resolution_reason": reason.format("Pokrovska", "Pokrovsk", "Pokrovsk")}  # fmt: skip
    town = {"location": "Nikopol", "quote": "Nikopol", "latitude": 47.57, "longitude": 34.40,
            "geo_precision": 1}  # fmt: skip
    tally = eval_ukru.Tally()
    eval_ukru.score_passage(passage, [near, far, town], tally)
    eval_ukru.report({"en": tally}, show=0)
    assert capsys.readouterr().out.splitlines() == [
        "en: settlements named 1, placed within 25 km 1 (100.0%); output points 3, strays 1 "
        "(33.3%)",
        "  hromadas its sentences name, placed at their centre near the passage's places: 1 "
        "points, not strays (counted as strays: 2, 66.7%)",
    ]
