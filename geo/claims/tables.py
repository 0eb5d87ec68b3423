"""Load and compile the claim and date pattern tables once.

Each rule is a regular expression plus ``triggers``: lower-case substrings one of which must
occur for the regex to have a chance. One Aho-Corasick pass over the lower-cased sentence
(:class:`Gate`) picks the few rules worth running, so the cost per sentence grows with what the
sentence says, not with the size of the tables.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    kind: str = ""
    side: str = ""
    event_type: str = ""
    sub_event_type: str = ""


class Gate:
    """Which of N trigger lists has a trigger inside a text (one automaton pass)."""

    def __init__(self, triggers: Sequence[Sequence[str] | None]) -> None:
        self.always = frozenset(i for i, t in enumerate(triggers) if not t)
        self.automaton = ahocorasick.Automaton()
        owners: dict[str, list[int]] = {}
        for index, words in enumerate(triggers):
            for word in words or ():
                owners.setdefault(word.lower(), []).append(index)
        for word, indexes in owners.items():
            self.automaton.add_word(word, tuple(indexes))
        if owners:
            self.automaton.make_automaton()
        self.empty = not owners

    def open(self, lowered: str) -> set[int]:
        hits = set(self.always)
        if not self.empty:
            for _, indexes in self.automaton.iter(lowered):
                hits.update(indexes)
        return hits


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Rules with a trigger gate; :meth:`finditer` runs only the rules the gate opens."""

    rules: tuple[Rule, ...]
    gate: Gate

    def first(self, text: str, lowered: str) -> tuple[Rule, str] | None:
        """The leftmost match of any opened rule (earlier rule wins a tie), as (rule, matched text)."""
        best = None
        for index in self.gate.open(lowered):
            match = self.rules[index].pattern.search(text)
            if match is not None and (best is None or (match.start(), index) < best[:2]):
                best = (match.start(), index, match.group(0))
        return (self.rules[best[1]], best[2]) if best else None

    def finditer(self, text: str, lowered: str) -> Iterator[tuple[int, int, Rule, str]]:
        """(start, end, rule, matched text), left to right, overlaps dropped (earlier rule wins)."""
        found = []
        for index in sorted(self.gate.open(lowered)):
            rule = self.rules[index]
            found += [(m.start(), index, m.end(), m.group(0)) for m in rule.pattern.finditer(text)]
        found.sort()
        last_end = -1
        for start, index, end, written in found:
            if start >= last_end:
                last_end = end
                yield start, end, self.rules[index], written


@dataclass(frozen=True, slots=True)
class ClaimTables:
    reporting_gate: Gate
    reporting_cues: re.Pattern[str]
    anaphora: re.Pattern[str]
    clause_split: re.Pattern[str]
    claimants: RuleSet
    stances: RuleSet
    actors: RuleSet
    quantity_gate: Gate
    quantity: re.Pattern[str]

    def reports(self, sentence: str, lowered: str) -> bool:
        """Does the sentence credit anybody ("said", "according to", "in its update")?"""
        return bool(self.reporting_gate.open(lowered)) and self.reporting_cues.search(sentence) is not None


@dataclass(frozen=True, slots=True)
class DateRule:
    pattern: re.Pattern[str]
    unit: str
    offset: int
    precision: int


@dataclass(frozen=True, slots=True)
class DateTables:
    relative: tuple[DateRule, ...]
    relative_gate: Gate
    explicit_gate: Gate
    explicit: re.Pattern[str]


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("geo.data").joinpath(name).read_text("utf-8"))


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _ruleset(rows: list[dict], **fields: str) -> RuleSet:
    rules = tuple(
        Rule(r["name"], _compile(r["pattern"]), **{attr: r.get(key, "") for attr, key in fields.items()}) for r in rows
    )
    return RuleSet(rules, Gate([r.get("triggers") for r in rows]))


@cache
def claim_tables() -> ClaimTables:
    data = _load("claims.toml")
    return ClaimTables(
        reporting_gate=Gate([data["reporting_triggers"]]),
        reporting_cues=_compile(data["reporting_cues"]),
        anaphora=_compile(data["anaphora"]),
        clause_split=_compile(data["clause_split"]),
        claimants=_ruleset(data["claimant"], kind="kind", side="side"),
        stances=_ruleset(data["stance"], event_type="event_type", sub_event_type="sub_event_type"),
        actors=_ruleset(data["actor"], side="side"),
        quantity_gate=Gate([data["quantity"]["triggers"]]),
        quantity=_compile(data["quantity"]["pattern"]),
    )


@cache
def date_tables() -> DateTables:
    data = _load("dates.toml")
    rules = tuple(DateRule(_compile(r["pattern"]), r["unit"], int(r["offset"]), int(r["precision"])) for r in data["relative"])
    return DateTables(
        relative=rules,
        relative_gate=Gate([r.get("triggers") for r in data["relative"]]),
        explicit_gate=Gate([data["explicit"]["triggers"]]),
        explicit=_compile(data["explicit"]["pattern"]),
    )
