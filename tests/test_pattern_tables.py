"""The pattern tables stay consistent: every alternative of a rule can be reached through its triggers."""

from __future__ import annotations

import itertools
import re
import tomllib
from importlib import resources

import pytest


def _top_level_alternatives(pattern: str) -> list[str]:
    body = re.sub(r"^\\b\(|\)\\b$", "", pattern)
    parts, depth, current = [], 0, ""
    for ch in body:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def _spellings(alternative: str) -> list[str]:
    """Literal spellings of an alternative: optional groups/characters and flat (a|b) groups expanded."""
    text = alternative.replace("\\b", "").replace("^", "").replace("\\s", " ").replace("\\.", ".")
    text = re.sub(r"\[([a-z]+)\]", lambda m: f"({'|'.join(m.group(1))})", text)  # [cs] → (c|s)
    text = re.sub(r"(\w|')\?", r"(\1|)", text)  # e'? → (e'|)
    text = re.sub(r"\(([^()]*)\)\?", r"(\1|)", text)
    groups = re.findall(r"\(([^()]*)\)", text)
    frame = re.sub(r"\(([^()]*)\)", "{}", text)
    options = [g.split("|") for g in groups]
    return [frame.format(*choice) for choice in itertools.product(*options)][:500]


def _rules():
    data = tomllib.loads(resources.files("geo.data").joinpath("claims.toml").read_text("utf-8"))
    for table in ("claimant", "stance", "actor"):
        for rule in data[table]:
            yield pytest.param(rule, id=f"{table}:{rule['name']}")


@pytest.mark.parametrize("rule", list(_rules()))
def test_every_alternative_contains_a_trigger(rule):
    triggers = [t.lower() for t in rule["triggers"]]
    missing = []
    for alternative in _top_level_alternatives(rule["pattern"]):
        if "((" in alternative:
            continue  # nested groups are not expanded here; the claim tests cover those rules
        for spelling in _spellings(alternative):
            if not any(t in spelling.lower() for t in triggers):
                missing.append(spelling)
    assert not missing, f"{rule['name']}: no trigger in {missing[:5]}"
