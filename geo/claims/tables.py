"""Load and compile the claim and date pattern tables once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    kind: str = ""
    side: str = ""
    event_type: str = ""
    sub_event_type: str = ""


@dataclass(frozen=True, slots=True)
class ClaimTables:
    reporting_cues: re.Pattern[str]
    anaphora: re.Pattern[str]
    clause_split: re.Pattern[str]
    claimants: tuple[Rule, ...]
    stances: tuple[Rule, ...]
    actors: tuple[Rule, ...]
    quantity: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class DateRule:
    pattern: re.Pattern[str]
    unit: str
    offset: int
    precision: int


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("geo.data").joinpath(name).read_text("utf-8"))


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def claim_tables() -> ClaimTables:
    data = _load("claims.toml")
    return ClaimTables(
        reporting_cues=_compile(data["reporting_cues"]),
        anaphora=_compile(data["anaphora"]),
        clause_split=_compile(data["clause_split"]),
        claimants=tuple(Rule(r["name"], _compile(r["pattern"]), r["kind"], r.get("side", "")) for r in data["claimant"]),
        stances=tuple(Rule(r["name"], _compile(r["pattern"]), event_type=r["event_type"],
                           sub_event_type=r["sub_event_type"]) for r in data["stance"]),
        actors=tuple(Rule(r["name"], _compile(r["pattern"]), side=r.get("side", "")) for r in data["actor"]),
        quantity=_compile(data["quantity"]["pattern"]),
    )


@cache
def date_tables() -> tuple[tuple[DateRule, ...], re.Pattern[str]]:
    data = _load("dates.toml")
    rules = tuple(DateRule(_compile(r["pattern"]), r["unit"], int(r["offset"]), int(r["precision"])) for r in data["relative"])
    return rules, _compile(data["explicit"]["pattern"])
