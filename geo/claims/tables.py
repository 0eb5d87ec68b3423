"""Load and compile the claim and date pattern tables once, behind one trigger automaton.

The tables are data (``geo/data/claims.toml``, ``geo/data/dates.toml``); each rule is a regex
plus the triggers that gate it. The triggers of every table (reporting cues, clause boundaries,
claimants, stances, actors, quantities, explicit and relative dates) go into one
:class:`~geo.core.patterns.Triggers` automaton, so :func:`read` lower-cases a sentence and scans
it once, and every stage then reads its gates off that one :class:`~geo.core.patterns.Text`: the
cost per sentence grows with what the sentence says, not with the size of the tables or the
number of stages asking. The machinery itself (gates, twin regexes) lives in
:mod:`geo.core.patterns`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, reduce
from importlib import resources
from operator import or_

from geo.core.patterns import (  # noqa: F401 - Gate, lower_case_only, word_start_body: old import path
    Bits,
    Gate,
    Text,
    Triggers,
    Twin,
    lower_case_only,
    word_start_body,
)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    kind: str = ""
    side: str = ""
    event_type: str = ""
    sub_event_type: str = ""


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Rules whose regexes run only when the shared scan opens their bits."""

    rules: tuple[Rule, ...]
    twins: tuple[Twin, ...]
    bits: Bits

    def first(self, text: Text) -> tuple[Rule, str] | None:
        """The leftmost match of any opened rule (earlier rule wins a tie), as
        (rule, text as written)."""
        best: tuple[re.Match[str], Rule] | None = None
        for index in self.bits.indexes(text.opened):  # ascending: a later rule must start earlier
            match = text.search(self.twins[index])
            if match is not None and (best is None or match.start() < best[0].start()):
                best = match, self.rules[index]
        return (best[1], text.written_of(best[0])) if best else None

    def findall(self, text: Text) -> list[tuple[int, int, Rule]]:
        """(start, end, rule), left to right, overlaps dropped (earlier rule wins)."""
        if not text.opened & self.bits.mask:
            return []
        indexes = self.bits.indexes(text.opened)
        if len(indexes) == 1:  # the usual case: one rule's matches come in order and never overlap
            rule = self.rules[indexes[0]]
            return [(m.start(), m.end(), rule) for m in text.finditer(self.twins[indexes[0]])]
        found = []
        for index in indexes:
            found += [(m.start(), index, m.end()) for m in text.finditer(self.twins[index])]
        found.sort()
        kept, last_end = [], -1
        for start, index, end in found:
            if start >= last_end:
                last_end = end
                kept.append((start, end, self.rules[index]))
        return kept


@dataclass(frozen=True, slots=True)
class ClaimTables:
    reporting: Bits
    reporting_cues: Twin
    anaphora: tuple[Twin, ...]
    clause_gate: tuple[int, ...]  # per alternative of the split, the bits it needs all of
    clause_bits: int  # the union of clause_gate: no bit of it, no alternative can be complete
    clause_split: Twin
    claimants: RuleSet
    stances: RuleSet
    actors: RuleSet
    quantity_gate: Bits
    quantity: Twin

    def reports(self, text: Text) -> bool:
        """Does the text credit anybody ("said", "according to", "in its update")? A cue nearly
        always starts at a trigger, so the search starts at one; the whole text is searched only
        when that finds nothing ("in its daily update" starts before "update")."""
        if not text.opened & self.reporting.mask:
            return False
        start = text.start(self.reporting)
        return text.search(self.reporting_cues, start) is not None or (
            start > 0 and text.search(self.reporting_cues) is not None
        )

    def anaphor(self, text: Text) -> re.Match[str] | None:
        """The leftmost match of the anaphora patterns (an earlier one wins a tie): what one
        pattern joining them with ``|`` would find, but each part can be searched fast (the
        leading one is anchored, the trailing one starts with a comma)."""
        best = None
        for twin in self.anaphora:
            match = text.search(twin)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best

    def may_split(self, text: Text) -> bool:
        """Could the clause split match? Only if some alternative finds all it needs, unless
        lower-casing was not exact: then the triggers prove nothing (IGNORECASE matches "whıle",
        with a dotless i, which holds no "while"), and the split had better run than be skipped."""
        opened = text.opened
        if opened & self.clause_bits:  # some trigger of the split: is a row complete?
            for needed in self.clause_gate:
                if opened & needed == needed:
                    return True
        return not text.folds


@dataclass(frozen=True, slots=True)
class DateRule:
    pattern: Twin
    unit: str
    offset: int
    precision: int


@dataclass(frozen=True, slots=True)
class DateTables:
    relative: tuple[DateRule, ...]
    relative_gate: Bits
    explicit_gate: Bits
    explicit: Twin


@dataclass(frozen=True, slots=True)
class Tables:
    """The claim and date tables and the one automaton that gates both."""

    claims: ClaimTables
    dates: DateTables
    triggers: Triggers


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("geo.data").joinpath(name).read_text("utf-8"))


def _ruleset(triggers: Triggers, rows: list[dict], **fields: str) -> RuleSet:
    twins = tuple(Twin.compile(r["pattern"]) for r in rows)
    rules = tuple(
        Rule(r["name"], twin.anycase, **{attr: r.get(key, "") for attr, key in fields.items()})
        for r, twin in zip(rows, twins, strict=True)
    )
    return RuleSet(rules, twins, triggers.allot([r.get("triggers") for r in rows]))


@cache
def tables() -> Tables:
    claims, dates, triggers = _load("claims.toml"), _load("dates.toml"), Triggers()
    claim = ClaimTables(
        reporting=triggers.allot([claims["reporting_triggers"]]),
        reporting_cues=Twin.compile(claims["reporting_cues"]),
        anaphora=tuple(Twin.compile(pattern) for pattern in claims["anaphora"]),
        clause_gate=(
            clause_gate := tuple(triggers.allot(needs).mask for needs in claims["clause_triggers"])
        ),
        clause_bits=reduce(or_, clause_gate, 0),
        clause_split=Twin.compile(claims["clause_split"]),
        claimants=_ruleset(triggers, claims["claimant"], kind="kind", side="side"),
        stances=_ruleset(
            triggers, claims["stance"], event_type="event_type", sub_event_type="sub_event_type"
        ),
        actors=_ruleset(triggers, claims["actor"], side="side"),
        quantity_gate=triggers.allot([claims["quantity"]["triggers"]]),
        quantity=Twin.compile(claims["quantity"]["pattern"]),
    )
    relative = dates["relative"]
    date = DateTables(
        relative=tuple(
            DateRule(Twin.compile(r["pattern"]), r["unit"], int(r["offset"]), int(r["precision"]))
            for r in relative
        ),
        relative_gate=triggers.allot([r.get("triggers") for r in relative]),
        explicit_gate=triggers.allot([dates["explicit"]["triggers"]]),
        explicit=Twin.compile(dates["explicit"]["pattern"]),
    )
    return Tables(claim, date, triggers.build())


def claim_tables() -> ClaimTables:
    return tables().claims


def date_tables() -> DateTables:
    return tables().dates


def read(written: str) -> Text:
    """``written`` lower-cased and scanned for the triggers of every table, once."""
    return tables().triggers.read(written)
