"""scripts/eval_claimants.py on passages of our own: the claimant figures it prints per language."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.fixture(scope="module")
def eval_claimants():
    sys.path.insert(0, str(SCRIPTS))  # it reads passages as scripts/eval_ukru.py does
    try:
        spec = importlib.util.spec_from_file_location(
            "eval_claimants", SCRIPTS / "eval_claimants.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(SCRIPTS))


PASSAGES = [
    {  # the source line credits both places: right
        "url": "test:uk",
        "lang": "uk",
        "text": "Окупанти обстріляли Оріхів і Гуляйполе. Про це повідомив голова Запорізької "
        "ОВА Іван Федоров.",
    },
    {  # two sources: the middle sentence stays unattributed, which the annotation disputes
        "url": "test:en",
        "lang": "en",
        "text": "Russia's defence ministry said its forces captured Bohdanivka. Fighting "
        "continued near Chasiv Yar. Ukraine's General Staff said it repelled attacks near "
        "Kupiansk.",
    },
]
GOLD = [
    {"url": "test:uk", "sentences": [
        {"quote": "Окупанти обстріляли Оріхів", "claimant": "Regional authorities"},
    ]},
    {"url": "test:en", "sentences": [
        {"quote": "forces captured Bohdanivka", "claimant": "Russian MoD"},
        {"quote": "Fighting continued near Chasiv Yar", "claimant": "Ukrainian military"},
        {"quote": "no record has this quote", "claimant": "ISW"},
    ]},
]  # fmt: skip


def test_figures_per_language(eval_claimants, extractor, tmp_path, capsys, monkeypatch):
    for name, rows in (("p.jsonl", PASSAGES), ("g.jsonl", GOLD)):
        (tmp_path / name).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    monkeypatch.setattr(
        sys, "argv", ["eval_claimants.py", str(tmp_path / "p.jsonl"), str(tmp_path / "g.jsonl"),
                      "--show", "5"]
    )  # fmt: skip
    monkeypatch.setattr(eval_claimants, "Extractor", lambda: extractor)
    eval_claimants.main()
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "en: annotated sentences 3, with records 2; records 2, claimant right 1 (50.0%); "
        "sentences all right 1 (50.0%); unattributed 50.0% (annotation: 0.0%)"
    )
    assert out[1] == "     1 × annotated 'Ukrainian military', read 'Unattributed report'"
    assert out[2].startswith("  'Ukrainian military' ≠ Unattributed report: Fighting continued")
    assert out[3] == (
        "uk: annotated sentences 1, with records 1; records 2, claimant right 2 (100.0%); "
        "sentences all right 1 (100.0%); unattributed 0.0% (annotation: 0.0%)"
    )
    assert len(out) == 4


def test_passages_and_annotation_out_of_order(eval_claimants, extractor):
    with pytest.raises(SystemExit, match="not in the passages' order"):
        eval_claimants.evaluate(PASSAGES, list(reversed(GOLD)), extractor)
