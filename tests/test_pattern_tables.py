"""The pattern tables stay consistent: every alternative of a rule can be reached through its
triggers, and the patterns take the fast, case-sensitive path on lower-cased text."""

from __future__ import annotations

import itertools
import re
import tomllib
from importlib import resources

import pytest

from geo.claims.tables import lower_case_only


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


def _claims_data() -> dict:
    return tomllib.loads(resources.files("geo.data").joinpath("claims.toml").read_text("utf-8"))


def test_each_clause_boundary_needs_its_trigger_row():
    """Row i of clause_triggers lists what alternative i of clause_split needs (a trigger from
    each list): the split is skipped when no row is complete, so a row too strict loses splits."""
    data = _claims_data()
    alternatives = _top_level_alternatives(data["clause_split"])
    assert len(alternatives) == len(data["clause_triggers"])
    for alternative, needs in zip(alternatives, data["clause_triggers"]):
        literal = alternative.replace("\\s*", "").replace("\\s+", " ").replace("\\w+", "x").replace("?=", "").replace("?:", "")
        for spelling in _spellings(literal):
            assert all(any(t in spelling for t in triggers) for triggers in needs), (alternative, spelling)


def _patterns():
    claims = _claims_data()
    dates = tomllib.loads(resources.files("geo.data").joinpath("dates.toml").read_text("utf-8"))
    yield from (claims[key] for key in ("reporting_cues", "anaphora", "clause_split"))
    yield claims["quantity"]["pattern"]
    yield from (rule["pattern"] for table in ("claimant", "stance", "actor") for rule in claims[table])
    yield dates["explicit"]["pattern"]
    yield from (rule["pattern"] for rule in dates["relative"])


@pytest.mark.parametrize("pattern", list(_patterns()))
def test_patterns_are_lower_case(pattern):
    """Lower-case patterns run case-sensitively on the lower-cased sentence, several times faster
    than IGNORECASE; anything else still works, only slower."""
    assert lower_case_only(pattern)


@pytest.mark.parametrize("pattern, fast", [
    ("\\b(ukraine'?s military|zsu)\\b", True),
    ("(?P<number>\\d+(?:[,.]\\d{3})?)\\s+km", True),
    ("\\bKyiv\\b", False),  # upper case: IGNORECASE would match "kyiv", the lower-cased text has no "K"
    ("(?-i:kyiv)", False),  # an inline flag can make a part case-sensitive
    ("[ -a]", False),  # a range can hold upper-case letters
    ("\\u004byiv", False),  # an escape can name one
    ("\u00e9vacuation", False),  # non-ASCII: IGNORECASE has extra cases ("µ" is "μ") lower() lacks
])
def test_lower_case_only(pattern, fast):
    assert lower_case_only(pattern) is fast
