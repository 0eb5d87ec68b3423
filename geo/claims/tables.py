"""Load and compile the claim and date pattern tables once, behind one trigger automaton.

The tables are data (``geo/data/claims.toml``, ``geo/data/dates.toml``); each rule is a regex plus
the triggers that gate it, in English and, under its ``cyrillic`` keys, in Ukrainian and Russian.
Each script's pattern is compiled and gated on its own (:func:`_by_script`): an English sentence
opens no Cyrillic trigger, so it never pays for a Cyrillic pattern, and an English pattern keeps the
common prefix ``re`` searches fast by. The triggers of every table (reporting cues, clause
boundaries, claimants, stances, actors, quantities, explicit and relative dates) go into one
:class:`~geo.core.patterns.Triggers` automaton, so :func:`read` lower-cases a sentence and scans it
once, and every stage then reads its gates off that one :class:`~geo.core.patterns.Text`: the cost
per sentence grows with what the sentence says, not with the size of the tables or the number of
stages asking. The machinery itself (gates, twin regexes) lives in :mod:`geo.core.patterns`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, reduce
from importlib import resources
from operator import or_
from typing import Literal, NamedTuple

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
    """One script's part of a table row. ``pattern`` is the whole row (every script, any case):
    for readers that search a text with the rule outright (``geo.events.load``)."""

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

    def first(self, text: Text) -> tuple[int, int, Rule] | None:
        """The leftmost match of any opened rule (earlier rule wins a tie), as (start, end,
        rule): the first of :meth:`findall`, found with one search per rule."""
        best: tuple[re.Match[str], Rule] | None = None
        for index in self.bits.indexes(text.opened):  # ascending: a later rule must start earlier
            match = text.search(self.twins[index])
            if match is not None and (best is None or match.start() < best[0].start()):
                best = match, self.rules[index]
        return (best[0].start(), best[0].end(), best[1]) if best else None

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


_NEXT_TO = re.compile(
    r"[\s,«»\"“”„'’()—–-]*(?:(?:also|later|earlier|has|have|had|the|a|an|then|on \w+day|"
    r"\d{1,2} \w+|in (?:a|an|its|his|her|their) \w+|by|in|at|from|"
    r"також|теж|также|раніше|ранее|вже|уже|в|у|во|на|з|із|від|от|"
    r"(?:телеграм-|telegram-)?канал[еі]|max|telegram|телеграм[іе]?|сво[еєё]м?у?)[\s,]+)*$",
    re.IGNORECASE,
)
"""What may stand between a claimant and the reporting cue it speaks with: spaces, commas,
quotes, dashes, a few little words and prepositions ("the ministry also said", "said by the
governor", "— повідомив також голова ОВА", "зазначили в Генштабі"), a day and month ("Виктор
Трегубов 15 августа заявил"), the channel it posted in ("говорится в сообщении в канале Max
Минобороны России", "повідомили у своєму телеграм-каналі")."""
_CUE_REACH = 40
"""How far before a claimant a cue that speaks through it ("according to", "said") may start."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity pattern (``number`` and ``unit`` groups) and how its script writes numbers:
    the characters between thousands, and the decimal mark."""

    pattern: Twin
    thousands: str
    decimal: str

    def number(self, written: str) -> str:
        """The number as written, without thousands separators and with a decimal point."""
        for separator in self.thousands:
            written = written.replace(separator, "")
        return written.replace(self.decimal, ".")


class Reporting(NamedTuple):
    """One script's reporting cues ("said", "повідомив") with their triggers, and the anaphora
    ("The ministry also said", "У відомстві також повідомили") searched when those occur."""

    gate: Bits
    cues: Twin
    anaphora: tuple[Twin, ...]


@dataclass(frozen=True, slots=True)
class ClaimTables:
    reporting: tuple[Reporting, ...]  # per script: English, then Ukrainian and Russian
    cue_bits: int  # the trigger bits of every script's reporting cues: none, no credit
    clause_gate: tuple[int, ...]  # per alternative of the split, the bits it needs all of
    clause_bits: int  # the union of clause_gate: no bit of it, no alternative can be complete
    clause_split: Twin
    claimants: RuleSet
    # a claimant whose country a sentence may leave unstated ("Генштаб") → the (name, kind, side)
    # of the claimant it is, by side
    unstated: dict[str, dict[str, tuple[str, str, str]]]
    # a claimant a sentence may name by its country alone ("Russia says", "Kyiv said") → the
    # pattern of those namings and the (name, kind, side) of the institutions it may stand for
    country_speakers: dict[str, tuple[re.Pattern[str], tuple[tuple[str, str, str], ...]]]
    settled_by_document: frozenset[str]  # the names of both: whom the document must settle
    # the rows of ``unstated`` whose side is the document's voice ("группировка «Восток»"), and
    # the words of each side's voice ([voice])
    voiced: frozenset[str]
    voices: dict[str, Twin]
    stances: RuleSet
    actors: RuleSet
    quantity_gate: Bits  # one bit per quantity pattern (one per script)
    quantities: tuple[Quantity, ...]

    def reports(self, text: Text) -> bool:
        """Does the text credit anybody ("said", "according to", "in its update")? A cue nearly
        always starts at a trigger, so the search starts at one; the whole text is searched only
        when that finds nothing ("in its daily update" starts before "update"). Each script's
        cues are searched only when its triggers occur."""
        for gate, cues, _ in self.reporting:
            if text.opened & gate.mask:
                start = text.start(gate)
                if text.search(cues, start) is not None or (
                    start > 0 and text.search(cues) is not None
                ):
                    return True
        return False

    def speaker(
        self, text: Text, anaphor: re.Match[str] | None | Literal[False] = False
    ) -> tuple[int, int, Rule] | None:
        """The claimant of a text with a reporting cue that speaks (:meth:`speaking`): the
        leftmost, when a cue stands next to it ("Ukraine's General Staff said …", the usual
        case, found with one search per rule and per cue), else the one :meth:`speaking` picks
        from all the text names. ``anaphor`` is the text's :meth:`anaphor` when the caller has
        read it (False: not read)."""
        first = self.claimants.first(text)
        if first is None:
            return None
        start, end, _ = first
        gates = self.claimants.bits.mask
        alone = all(  # no claimant trigger outside the first claimant: it is the only one
            start <= last + 1 - length and last < end
            for last, (length, bits) in text.hits
            if bits & gates
        )
        if anaphor is False:
            anaphor = self.anaphor(text)
        if alone and anaphor is None:
            return first  # the usual case: one claimant, no pronoun to speak instead
        if self._next_to_cue(text, start, end):
            return first
        return self.speaking(text, self.claimants.findall(text), anaphor)

    def _next_to_cue(self, text: Text, start: int, end: int) -> bool:
        """Does a reporting cue stand right after ``text[start:end]`` or right before it?"""
        written = text.written
        for gate, pattern, _ in self.reporting:
            if not text.opened & gate.mask:
                continue
            after = text.search(pattern, end)
            if after is not None and _NEXT_TO.match(written, end, after.start()):
                return True
            before = text.search(pattern, max(0, start - _CUE_REACH))
            while before is not None and before.end() <= start:
                if _NEXT_TO.match(written, before.end(), start):
                    return True
                before = text.search(pattern, before.end())
        return False

    def speaking(
        self, text: Text, found: list[tuple[int, int, Rule]], anaphor: re.Match[str] | None
    ) -> tuple[int, int, Rule] | None:
        """Of the claimants a text names (``found``, left to right), the one that speaks: next
        to a reporting cue ("…, Governor Yevgeny Balitsky said", "according to the regional
        governor"), before one rather than after it when both are; else the leftmost (the
        subject of "Ukraine's General Staff reported that Russian forces …"), unless a pronoun
        or a reference back speaks ("… 'met' the Armed Forces of Ukraine with aimed fire, he
        said.", ``anaphor`` the text's :meth:`anaphor`): then None, and the sentence is the
        claimant's before it. A claimant named as the actor of what is reported ("The Ukrainian
        armed forces attacked …") is no speaker."""
        cues = [
            (match.start(), match.end())
            for gate, pattern, _ in self.reporting
            if text.opened & gate.mask
            for match in text.finditer(pattern)
        ]
        best: tuple[int, int, tuple[int, int, Rule]] | None = None
        written = text.written
        for claimant in found:
            start, end, _ = claimant
            for cue_start, cue_end in cues:
                if cue_start >= end and _NEXT_TO.match(written, end, cue_start):
                    gap, after = cue_start - end, 0  # the speaker before the verb
                elif start >= cue_end and _NEXT_TO.match(written, cue_end, start):
                    gap, after = start - cue_end, 1  # "said Governor X", "according to X"
                else:
                    continue
                if best is None or (after, gap) < best[:2]:
                    best = (after, gap, claimant)
        if best is not None:
            return best[2]
        return None if anaphor is not None else found[0]

    def anaphor(self, text: Text) -> re.Match[str] | None:
        """The leftmost match of the anaphora patterns (an earlier one wins a tie): what one
        pattern joining them with ``|`` would find, but each part can be searched fast (the
        leading one is anchored, the trailing one starts with a comma). A script's anaphora are
        searched only when its cue triggers occur (they refer back to whoever the cue credits)."""
        best = None
        for gate, _, twins in self.reporting:
            if not text.opened & gate.mask:
                continue
            for twin in twins:
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
    explicit_gate: Bits  # one bit per script
    explicit: tuple[Twin, ...]
    weekdays: tuple[tuple[str, ...], ...]  # Monday first: the words (stems) naming each day
    seasons: dict[str, int]  # a season's word (stem) → the month it starts
    since: frozenset[str]  # a word before a relative date that makes it date a state ("since")


@dataclass(frozen=True, slots=True)
class Tables:
    """The claim and date tables and the one automaton that gates both."""

    claims: ClaimTables
    dates: DateTables
    triggers: Triggers


# The suffixes of the top-level keys of claims.toml per script: English, then Ukrainian and Russian.
_SCRIPTS = ("", "_cyrillic")


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("geo.data").joinpath(name).read_text("utf-8"))


def _by_script(row: dict) -> list[tuple[str, list[str] | None]]:
    """(pattern, triggers) of each script a table row gives: English (the row's own keys), then
    Ukrainian and Russian (its ``cyrillic`` keys). A row may give either or both."""
    parts = [row, row["cyrillic"]] if "cyrillic" in row else [row]
    return [(part["pattern"], part.get("triggers")) for part in parts if "pattern" in part]


def _ruleset(triggers: Triggers, rows: list[dict], **fields: str) -> RuleSet:
    """A rule per script of each row, in table order, each gated by its own triggers."""
    rules, twins, lists = [], [], []
    for row in rows:
        scripts = _by_script(row)
        whole = re.compile("|".join(f"(?:{pattern})" for pattern, _ in scripts), re.IGNORECASE)
        extra = {attr: row.get(key, "") for attr, key in fields.items()}
        for pattern, words in scripts:
            twins.append(Twin.compile(pattern))
            lists.append(words)
            rules.append(Rule(row["name"], whole, **extra))
    return RuleSet(tuple(rules), tuple(twins), triggers.allot(lists))


def _unstated(rows: list[dict]) -> dict[str, dict[str, tuple[str, str, str]]]:
    """Claimant rows with ``country_from`` ("Генштаб" alone) → (name, kind, side) of the claimant
    each side's institution is (the rows it names)."""
    known = {row["name"]: (row["name"], row["kind"], row["side"]) for row in rows}
    return {
        row["name"]: {side: known[name] for side, name in row["country_from"].items()}
        for row in rows
        if "country_from" in row
    }


def _country_speakers(
    rows: list[dict], speakers: dict[str, dict]
) -> dict[str, tuple[re.Pattern[str], tuple[tuple[str, str, str], ...]]]:
    """``[country_speakers]`` of claims.toml: claimant → (how a sentence names it by its country
    alone, the (name, kind, side) of the institutions of that side it may stand for)."""
    known = {row["name"]: (row["name"], row["kind"], row["side"]) for row in rows}
    return {
        name: (re.compile(entry["written"], re.IGNORECASE), tuple(known[n] for n in entry["to"]))
        for name, entry in speakers.items()
    }


def _date_rules(rows: list[dict]) -> list[tuple[DateRule, list[str] | None]]:
    """A relative-date rule per script of each row, in table order (the order is the priority),
    with its triggers."""
    return [
        (DateRule(Twin.compile(pattern), r["unit"], int(r["offset"]), int(r["precision"])), words)
        for r in rows
        for pattern, words in _by_script(r)
    ]


@cache
def tables() -> Tables:
    claims, dates, triggers = _load("claims.toml"), _load("dates.toml"), Triggers()
    unstated = _unstated(claims["claimant"])
    speakers = _country_speakers(claims["claimant"], claims["country_speakers"])
    claim = ClaimTables(
        reporting=(
            reporting := tuple(
                Reporting(
                    triggers.allot([claims[f"reporting_triggers{script}"]]),
                    Twin.compile(claims[f"reporting_cues{script}"]),
                    tuple(Twin.compile(pattern) for pattern in claims[f"anaphora{script}"]),
                )
                for script in _SCRIPTS
            )
        ),
        cue_bits=reduce(or_, (r.gate.mask for r in reporting), 0),
        clause_gate=(
            clause_gate := tuple(triggers.allot(needs).mask for needs in claims["clause_triggers"])
        ),
        clause_bits=reduce(or_, clause_gate, 0),
        clause_split=Twin.compile(claims["clause_split"]),
        claimants=_ruleset(triggers, claims["claimant"], kind="kind", side="side"),
        unstated=unstated,
        country_speakers=speakers,
        settled_by_document=frozenset(unstated) | frozenset(speakers),
        voiced=frozenset(r["name"] for r in claims["claimant"] if r.get("side_from") == "voice"),
        voices={side: Twin.compile(words) for side, words in claims["voice"].items()},
        stances=_ruleset(
            triggers, claims["stance"], event_type="event_type", sub_event_type="sub_event_type"
        ),
        actors=_ruleset(triggers, claims["actor"], side="side"),
        quantity_gate=triggers.allot([q["triggers"] for q in claims["quantity"]]),
        quantities=tuple(
            Quantity(Twin.compile(q["pattern"]), q["thousands"], q["decimal"])
            for q in claims["quantity"]
        ),
    )
    relative = _date_rules(dates["relative"])
    explicit = _by_script(dates["explicit"])
    date = DateTables(
        relative=tuple(rule for rule, _ in relative),
        relative_gate=triggers.allot([words for _, words in relative]),
        explicit_gate=triggers.allot([words for _, words in explicit]),
        explicit=tuple(Twin.compile(pattern) for pattern, _ in explicit),
        weekdays=tuple(tuple(words) for words in dates["weekdays"]),
        seasons={word: int(month) for month, words in dates["seasons"].items() for word in words},
        since=frozenset(dates["since"]),
    )
    return Tables(claim, date, triggers.build())


def claim_tables() -> ClaimTables:
    return tables().claims


def date_tables() -> DateTables:
    return tables().dates


def read(written: str) -> Text:
    """``written`` lower-cased and scanned for the triggers of every table, once."""
    return tables().triggers.read(written)
