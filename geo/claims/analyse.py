"""Analyse one sentence into a claim frame: claimants per clause, stance cues, actors, quantity, date.

A sentence can carry several claims ("Russian artillery shelled Kherson, the governor said,
while Ukraine's military said Russian forces remained on the defensive in Zaporizhzhia"), so the
frame keeps one claimant per clause and every stance cue with its position; :meth:`ClaimFrame.at`
gives the claimant and the nearest stance for a mention at a given position.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from geo.claims.dates import resolve_date
from geo.claims.tables import Rule, claim_tables

UNATTRIBUTED = "Unattributed report"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})
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
    tables = claim_tables()
    text = text.translate(_APOSTROPHES)
    lowered = text.lower()
    if not tables.reports(text, lowered):
        return None
    first = tables.claimants.first(text, lowered)
    if first is None:
        return None
    rule, written = first
    return Claimant(rule.name, rule.kind, rule.side, written)


def _clauses(sentence: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in claim_tables().clause_split.finditer(sentence):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(sentence)))
    return bounds


def analyse_sentence(
    sentence: str,
    published: date | None,
    default: Claimant = Claimant(UNATTRIBUTED, "media", "", None),
    previous: Claimant | Callable[[], Claimant | None] | None = None,
) -> ClaimFrame:
    """The claim frame of ``sentence``. ``default`` credits unattributed claims; ``previous``
    is the claimant of the sentence before, inherited by "The ministry also said…" (or a callable
    giving it, so it is only worked out when a sentence refers back)."""
    tables = claim_tables()
    sentence = sentence.translate(_APOSTROPHES)
    lowered = sentence.lower()
    fallback = default
    inherited, leading = None, False
    if previous is not None and tables.reports(sentence, lowered):
        anaphor = tables.anaphora.search(sentence)
        earlier = (previous() if callable(previous) else previous) if anaphor else None
        if earlier is not None and earlier.name != default.name:
            inherited = Claimant(earlier.name, earlier.kind, earlier.side, f"{earlier.text or earlier.name} (inherited)")
            leading = anaphor.start() == 0
    clauses = []
    for i, (start, end) in enumerate(_clauses(sentence)):
        if i == 0 and leading:
            clauses.append((start, end, inherited))  # "The ministry also said…": the subject is the anaphor
        else:  # "…, the ministry said." credits every clause that names nobody else
            clauses.append((start, end, find_claimant(sentence[start:end]) or inherited or fallback))
    stances = tuple((start, end, rule) for start, end, rule, _ in tables.stances.finditer(sentence, lowered))
    side = next((c.side for _, _, c in clauses if c.text), "")
    ordered: list[str] = []
    for _, _, rule, _ in tables.actors.finditer(sentence, lowered):
        if rule.side == "claimant":
            if side not in _SIDE_ACTOR:
                continue
            name = _SIDE_ACTOR[side]
        else:
            name = rule.name
        if name not in ordered:
            ordered.append(name)
    quantity = unit = None
    q = tables.quantity.search(sentence) if tables.quantity_gate.open(lowered) else None
    if q:
        number, unit = q.group("number").replace(",", ""), q.group("unit").lower()
        if number[0].isdigit():
            quantity = number
        else:  # "tens of thousands": no number to record, keep the words with the unit
            unit = f"{unit} ({number.lower()})"
    event_date, precision, phrase = resolve_date(sentence, published)
    return ClaimFrame(
        clauses=tuple(clauses),
        stances=stances,
        actor1=ordered[0] if ordered else None,
        actor2=ordered[1] if len(ordered) > 1 else None,
        quantity=quantity,
        quantity_unit=unit,
        event_date=event_date,
        time_precision=precision,
        date_phrase=phrase,
    )
