"""Analyse one sentence into a claim frame: claimant, stance, event type, actors, quantity, date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from geo.claims.dates import resolve_date
from geo.claims.tables import claim_tables

UNATTRIBUTED = "Unattributed report"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})
_SIDE_ACTOR = {"UA": "Military Forces of Ukraine", "RU": "Military Forces of Russia"}


@dataclass(frozen=True, slots=True)
class ClaimFrame:
    """What one sentence claims, shared by every place it mentions."""

    claimant: str
    claimant_kind: str
    claimant_side: str
    claimant_text: str | None
    stance: str | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    quantity: str | None
    quantity_unit: str | None
    event_date: date | None
    time_precision: int | None
    date_phrase: str | None


def _claimant(sentence: str, default: tuple[str, str]) -> tuple[str, str, str, str | None]:
    tables = claim_tables()
    if not tables.reporting_cues.search(sentence):
        return default[0], default[1], "", None
    found = []
    for rule in tables.claimants:
        match = rule.pattern.search(sentence)
        if match:
            found.append((match.start(), rule, match.group(0)))
    if not found:
        return default[0], default[1], "", None
    _, rule, text = min(found, key=lambda f: f[0])
    return rule.name, rule.kind, rule.side, text


def analyse_sentence(sentence: str, published: date | None, default_claimant: tuple[str, str] = (UNATTRIBUTED, "media")) -> ClaimFrame:
    """The claim frame of ``sentence``; ``default_claimant`` is used when nobody is credited."""
    tables = claim_tables()
    sentence = sentence.translate(_APOSTROPHES)
    claimant, kind, side, claimant_text = _claimant(sentence, default_claimant)
    stance = event_type = sub_event_type = None
    for rule in tables.stances:
        if rule.pattern.search(sentence):
            stance, event_type, sub_event_type = rule.name, rule.event_type, rule.sub_event_type
            break
    actors: list[tuple[int, str]] = []
    for rule in tables.actors:
        match = rule.pattern.search(sentence)
        if match:
            name = _SIDE_ACTOR.get(side, rule.name) if rule.side == "claimant" else rule.name
            if rule.side == "claimant" and side not in _SIDE_ACTOR:
                continue
            actors.append((match.start(), name))
    ordered = list(dict.fromkeys(name for _, name in sorted(actors)))
    quantity = unit = None
    q = tables.quantity.search(sentence)
    if q:
        number, unit = q.group("number").replace(",", ""), q.group("unit").lower()
        if number[0].isdigit():
            quantity = number
        else:  # "tens of thousands": no number to record, keep the words with the unit
            unit = f"{unit} ({number.lower()})"
    event_date, precision, phrase = resolve_date(sentence, published)
    return ClaimFrame(
        claimant=claimant,
        claimant_kind=kind,
        claimant_side=side,
        claimant_text=claimant_text,
        stance=stance,
        event_type=event_type or "Strategic developments",
        sub_event_type=sub_event_type or "Other",
        actor1=ordered[0] if ordered else None,
        actor2=ordered[1] if len(ordered) > 1 else None,
        quantity=quantity,
        quantity_unit=unit,
        event_date=event_date,
        time_precision=precision,
        date_phrase=phrase,
    )
