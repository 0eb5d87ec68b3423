"""scripts/eval_ukru.py on three passages of our own: the figures it prints per language."""

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
    ~100 namesakes (not placed: a miss) and Donetsk is named but not annotated (a stray)."""
    passages = eval_ukru.load_passages(PASSAGES)
    eval_ukru.report(eval_ukru.evaluate(passages, extractor), show=5)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "ru: settlements named 2, placed within 25 km 1 (50.0%); output points 2, strays 1 (50.0%)"
    )
    assert out[1].startswith("  miss: Олександрівка (no point) — test:ru-2")
    assert out[2].startswith("  stray: 'Донецка' → Donetsk")
    assert out[3] == (
        "uk: settlements named 2, placed within 25 km 2 (100.0%); output points 2, strays 0 (0.0%)"
    )
    assert len(out) == 4
