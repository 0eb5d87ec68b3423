"""Analyse one sentence into a claim frame: claimants per clause, stance cues, actors, quantity, date.

A sentence can carry several claims ("Russian artillery shelled Kherson, the governor said,
while Ukraine's military said Russian forces remained on the defensive in Zaporizhzhia"), so the
frame keeps one claimant per clause and every stance cue with its position; :meth:`ClaimFrame.at`
gives the claimant and the nearest stance for a mention at a given position.

The sentence is lower-cased and scanned for the triggers of every table once
(:func:`geo.claims.tables.read`): the reporting, clause, claimant, stance, actor, quantity and
date stages all read their gates off that one scan and run their regexes on its lower-cased text.
A sentence of one clause (nearly all of them) is its own clause and reuses the scan, and its
reporting-cue verdict, for its claimant; the clauses of a sentence that splits take the hits
inside them (:meth:`geo.claims.tables.Triggers.cut`) instead of being lower-cased and scanned again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from geo.claims.dates import resolve_text
from geo.claims.tables import ClaimTables, Rule, Tables, Text, tables

UNATTRIBUTED = "Unattributed report"
_APOSTROPHES = ("\u2019", "\u02bc", "\u2018", "`")  # written for the "'" the tables spell
_SIDE_ACTOR = {"UA": "Military Forces of Ukraine", "RU": "Military Forces of Russia"}


@dataclass(frozen=True, slots=True)
class Claimant:
    name: str
    kind: str
    side: str
    text: str | None  # as written; None when defaulted or inherited


@dataclass(frozen=True, slots=True)
class MentionClaim:
    """The claim about one mention: who says it and what stance."""

    claimant: str
    claimant_kind: str
    stance: str | None
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class ClaimFrame:
    """What one sentence claims; per-mention details come from :meth:`at`."""

    clauses: tuple[tuple[int, int, Claimant], ...]
    stances: tuple[tuple[int, int, Rule], ...]
    actor1: str | None
    actor2: str | None
    quantity: str | None
    quantity_unit: str | None
    event_date: date | None
    time_precision: int | None
    date_phrase: str | None

    @property
    def claimant(self) -> Claimant:
        """The sentence's main claimant: the first credited one, else the first clause's."""
        credited = [c for _, _, c in self.clauses if c.text]
        return credited[0] if credited else self.clauses[0][2]

    def at(self, position: int) -> MentionClaim:
        """Claimant of the clause holding ``position`` and the stance cue nearest to it."""
        claimant = self.claimant
        for start, end, clause_claimant in self.clauses:
            if start <= position < end:
                claimant = clause_claimant if clause_claimant.text or not self.claimant.text else self.claimant
                break
        if not self.stances:
            return MentionClaim(claimant.name, claimant.kind, None, "Strategic developments", "Other")
        _, _, rule = min(self.stances, key=lambda s: (min(abs(position - s[0]), abs(position - s[1])), s[0]))
        return MentionClaim(claimant.name, claimant.kind, rule.name, rule.event_type, rule.sub_event_type)


def find_claimant(text: str) -> Claimant | None:
    """Who ``text`` credits: the leftmost claimant it names, if it also has a reporting cue."""
    both = tables()
    return _claimant(both.claims, both.triggers.read(_straighten(text)))


def _straighten(text: str) -> str:
    """Apostrophes as the tables spell them ("ukraine's"). Replacing the few present is much
    cheaper than ``str.translate``, which looks up every character of the sentence."""
    for apostrophe in _APOSTROPHES:
        if apostrophe in text:
            text = text.replace(apostrophe, "'")
    return text


def _claimant(claims: ClaimTables, text: Text, credits: bool | None = None) -> Claimant | None:
    """:func:`find_claimant` of a text already read; ``credits`` is its reporting-cue verdict
    when the caller has it. Cheapest test first: the claimant gate, the cue, the claimant rules."""
    if not text.opened & claims.claimants.bits.mask or not (claims.reports(text) if credits is None else credits):
        return None
    first = claims.claimants.first(text)
    if first is None:
        return None
    rule, written = first
    return Claimant(rule.name, rule.kind, rule.side, written)


def _inherit(
    claims: ClaimTables, text: Text, default: Claimant, previous: Claimant | Callable[[], Claimant | None]
) -> tuple[Claimant | None, bool]:
    """The previous sentence's claimant if this one refers back to it ("The ministry also said",
    "…, it added"), and whether the reference is the subject. ``previous`` is only called then."""
    anaphor = text.search(claims.anaphora)
    earlier = (previous() if callable(previous) else previous) if anaphor else None
    if earlier is None or earlier.name == default.name:
        return None, False
    inherited = Claimant(earlier.name, earlier.kind, earlier.side, f"{earlier.text or earlier.name} (inherited)")
    return inherited, anaphor.start() == 0


def _clauses(claims: ClaimTables, text: Text) -> list[tuple[int, int]]:
    """(start, end) of each clause."""
    if not claims.may_split(text):
        return [(0, len(text.written))]
    pattern, subject = text.matcher(claims.clause_split)
    bounds, start = [], 0
    for match in pattern.finditer(subject):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text.written)))
    return bounds


def _credit_clauses(
    both: Tables, text: Text, credits: bool | None, inherited: Claimant | None, leading: bool, fallback: Claimant
) -> tuple[tuple[int, int, Claimant], ...]:
    """The claimant of each clause. A sentence of one clause is its own clause, with its cue
    verdict if known; the clauses of a sentence that splits are cut from its scan."""
    claims = both.claims
    bounds = _clauses(claims, text)
    clauses = []
    for i, (start, end) in enumerate(bounds):
        if i == 0 and leading:
            claimant = inherited  # "The ministry also said…": the subject is the anaphor
        elif len(bounds) == 1:
            claimant = _claimant(claims, text, credits) or inherited or fallback
        else:  # "…, the ministry said." credits every clause that names nobody else
            claimant = _claimant(claims, both.triggers.cut(text, start, end)) or inherited or fallback
        clauses.append((start, end, claimant))
    return tuple(clauses)


def _actors(claims: ClaimTables, text: Text, clauses: tuple[tuple[int, int, Claimant], ...]) -> list[str]:
    """Actor names in order of appearance; "our forces" become the first credited claimant's side."""
    side = next((c.side for _, _, c in clauses if c.text), "")
    ordered: list[str] = []
    for _, _, rule in claims.actors.findall(text):
        if rule.side == "claimant":
            if side not in _SIDE_ACTOR:
                continue
            name = _SIDE_ACTOR[side]
        else:
            name = rule.name
        if name not in ordered:
            ordered.append(name)
    return ordered


def _quantity(claims: ClaimTables, text: Text) -> tuple[str | None, str | None]:
    """(number, unit) of the first quantity; words like "tens of thousands" go with the unit."""
    q = text.search(claims.quantity) if text.opened & claims.quantity_gate.mask else None
    if q is None:
        return None, None
    number, unit = text.written_of(q, "number").replace(",", ""), text.written_of(q, "unit").lower()
    if number[0].isdigit():
        return number, unit
    return None, f"{unit} ({number.lower()})"


def analyse_sentence(
    sentence: str,
    published: date | None,
    default: Claimant = Claimant(UNATTRIBUTED, "media", "", None),
    previous: Claimant | Callable[[], Claimant | None] | None = None,
) -> ClaimFrame:
    """The claim frame of ``sentence``. ``default`` credits unattributed claims; ``previous``
    is the claimant of the sentence before, inherited by "The ministry also said…" (or a callable
    giving it, so it is only worked out when a sentence refers back)."""
    both = tables()
    claims, text = both.claims, both.triggers.read(_straighten(sentence))
    credits = claims.reports(text) if previous is not None else None
    inherited, leading = _inherit(claims, text, default, previous) if credits else (None, False)
    clauses = _credit_clauses(both, text, credits, inherited, leading, default)
    ordered = _actors(claims, text, clauses)
    quantity, unit = _quantity(claims, text)
    event_date, precision, phrase = resolve_text(text, published)
    return ClaimFrame(
        clauses=clauses,
        stances=tuple(claims.stances.findall(text)),
        actor1=ordered[0] if ordered else None,
        actor2=ordered[1] if len(ordered) > 1 else None,
        quantity=quantity,
        quantity_unit=unit,
        event_date=event_date,
        time_precision=precision,
        date_phrase=phrase,
    )
