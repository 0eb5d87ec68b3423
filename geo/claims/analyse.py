"""Analyse one sentence into a claim frame:
claimants per clause, stance cues, actors, quantity, date.

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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from geo.claims.dates import resolve_text
from geo.claims.tables import ClaimTables, Rule, Tables, Text, tables
from geo.core.values import value

UNATTRIBUTED = "Unattributed report"
_APOSTROPHES = ("\u2019", "\u02bc", "\u2018", "`")  # written for the "'" the tables spell
_SIDE_ACTOR = {"UA": "Military Forces of Ukraine", "RU": "Military Forces of Russia"}
_OPPONENT = {"UA": "RU", "RU": "UA"}
# Written in Ukrainian: letters Russian lacks, and none that Ukrainian lacks.
_UKRAINIAN = re.compile(r"^(?=.*[іїєґ])(?!.*[ыэъё])", re.IGNORECASE | re.DOTALL)


@value
class Claimant:
    name: str
    kind: str
    side: str
    text: str | None  # as written; None when defaulted or inherited

    def __reduce__(self) -> tuple[type[Claimant], tuple[str, str, str, str | None]]:
        """Pickled by its fields (a channel's claimant travels to worker processes): the
        compiled build's frozen class refuses the attribute-by-attribute default."""
        return (Claimant, (self.name, self.kind, self.side, self.text))


@dataclass(frozen=True, slots=True)
class MentionClaim:
    """The claim about one mention: who says it and what stance."""

    claimant: str
    claimant_kind: str
    stance: str | None
    event_type: str
    sub_event_type: str


@lru_cache(maxsize=4096)
def _mention_claim(
    claimant: str, kind: str, stance: str | None, event_type: str, sub_event_type: str
) -> MentionClaim:
    """One shared (immutable) MentionClaim per distinct value: the claimants and stances of the
    tables are few, and building a frozen dataclass costs several times a cache lookup."""
    return MentionClaim(claimant, kind, stance, event_type, sub_event_type)


@value
class ClaimFrame:
    """What one sentence claims; per-mention details come from :meth:`at`. ``main`` is
    :attr:`claimant`, worked out once: :meth:`at` runs once per mention and needs it."""

    clauses: tuple[tuple[int, int, Claimant], ...]
    stances: tuple[tuple[int, int, Rule], ...]  # left to right, not overlapping
    actor1: str | None
    actor2: str | None
    quantity: str | None
    quantity_unit: str | None
    event_date: date | None
    time_precision: int | None
    date_phrase: str | None
    main: Claimant = field(repr=False, compare=False)
    reported: bool = field(default=False, repr=False, compare=False)
    """Does the sentence hold a reporting cue ("said", "повідомив")? Known when the caller
    passed ``previous``."""
    actor_hits: tuple[tuple[tuple[int, int, Rule], ...], tuple[tuple[int, int], ...]] = field(
        default=((), ()), repr=False, compare=False
    )
    """The actor matches and the claimants' spans (:func:`_speakers`) the actors were ordered
    from, so that :func:`recredit` orders them again for another claimant's side."""

    @property
    def claimant(self) -> Claimant:
        """The sentence's main claimant: the first credited one, else the first clause's."""
        return self.main

    def at(self, position: int) -> MentionClaim:
        """Claimant of the clause holding ``position`` and the stance cue nearest to it (the
        earlier one of two as near). A sentence of one clause has one claimant, its main one."""
        claimant = self.main
        if len(self.clauses) > 1:
            for start, end, clause_claimant in self.clauses:
                if start <= position < end:
                    if clause_claimant.text or not claimant.text:
                        claimant = clause_claimant
                    break
        stances = self.stances
        if not stances:
            return _mention_claim(
                claimant.name, claimant.kind, None, "Strategic developments", "Other"
            )
        rule = stances[0][2]
        if len(stances) > 1:
            nearest = min(abs(position - stances[0][0]), abs(position - stances[0][1]))
            for start, end, other in stances[1:]:  # in order, so only a strictly nearer one wins
                distance = min(abs(position - start), abs(position - end))
                if distance < nearest:
                    nearest, rule = distance, other
        return _mention_claim(
            claimant.name, claimant.kind, rule.name, rule.event_type, rule.sub_event_type
        )


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


def _claimant(
    claims: ClaimTables,
    text: Text,
    credits: bool | None = None,
    anaphor: re.Match[str] | None | Literal[False] = False,
) -> Claimant | None:
    """:func:`find_claimant` of a text already read; ``credits`` is its reporting-cue verdict
    and ``anaphor`` its :meth:`~geo.claims.tables.ClaimTables.anaphor` when the caller has them
    (False: not read). Cheapest test first: the claimant gate, the cue, the claimant rules."""
    if not text.opened & claims.claimants.bits.mask:
        return None
    if not (claims.reports(text) if credits is None else credits):
        return _headline(claims, text)
    speaking = claims.speaker(text, anaphor)
    if speaking is None:  # none, or ", he said": whoever the sentence before credited
        return None
    start, end, rule = speaking
    return Claimant(rule.name, rule.kind, rule.side, text.written[start:end])


def _headline_mark(text: str) -> bool:
    """Does ``text`` hold, in its first 80 characters, what a headline with its source needs
    (:func:`_headline`): a colon or a dash (three ``in`` tests, cheaper than a regex's scan)?"""
    head = text[:80]
    return ":" in head or "—" in head or "–" in head


_HEADLINE_COLON = re.compile(r"\s*[:—–]\s")
"""What follows a claimant that opens a headline or a post as its source ("Генштаб ЗСУ: …",
"ISW: …", "Минобороны РФ — …")."""


_GIVEN_NAMES = re.compile(r"(?:[A-ZА-ЯЁІЇЄҐ][\w'’.-]*\s+)?[A-ZА-ЯЁІЇЄҐ][\w'’.-]*")
"""One or two capitalised words: a given name (and patronymic) before a surname that opens a
headline ("Евгений Балицкий: …", "Денис Владимирович Пушилин" aside)."""


def _headline(claims: ClaimTables, text: Text) -> Claimant | None:
    """The claimant a text opens with, followed by a colon or a dash: its source, though no
    reporting verb says so ("Генштаб ЗСУ: ворог 40 разів атакував…")."""
    written = text.written
    head = written[:80]
    if ":" not in head and "—" not in head and "–" not in head:
        return None
    found = claims.claimants.first(text)  # findall's first: only the text's first words count
    if found is None:
        return None
    start, end, rule = found
    before = written[:start].strip(" \t«»\"„“”'’(")
    if (before and not _GIVEN_NAMES.fullmatch(before)) or not _HEADLINE_COLON.match(written, end):
        return None  # "Евгений Балицкий: …": a given name may precede the surname
    return Claimant(rule.name, rule.kind, rule.side, written[start:end])


def _inherit(
    anaphor: re.Match[str] | None,
    default: Claimant,
    previous: Claimant | Callable[[], Claimant | None] | None,
) -> tuple[Claimant | None, bool]:
    """The previous sentence's claimant if this one refers back to it (``anaphor``: "The
    ministry also said", "…, it added"), and whether the reference is the subject. ``previous``
    is only called then."""
    if anaphor is None:
        return None, False
    earlier = previous() if callable(previous) else previous
    if earlier is None or earlier.name == default.name:
        return None, False
    inherited = Claimant(
        earlier.name, earlier.kind, earlier.side, f"{earlier.text or earlier.name} (inherited)"
    )
    return inherited, anaphor.start() == 0


class DocumentClaimants:
    """The claimants a whole document names, for sentences that name one without its country
    ("Генштаб повідомив…" after a headline that says "Генштаб ЗСУ") and for speakers named by
    surname alone ("— заявив Малашко" after "голова ОВА Юрій Малашко"). The document is scanned
    once, and only when some sentence asks."""

    __slots__ = ("_found", "_offices", "_read", "_text", "_voice")

    def __init__(self, text: str) -> None:
        self._text = text
        self._read: Text | None = None
        self._found: list[tuple[int, int, Rule]] | None = None
        self._offices: dict[str, Claimant | None] = {}
        self._voice: list[str | None] = []

    def voice(self) -> str | None:
        """ "UA" when the document speaks of the war in Ukraine's words ("оккупанты", "россияне",
        "Силы обороны") more often than in Russia's ("киевский режим", "боевики ВСУ"), "RU" for
        the reverse, None when neither ([voice] of claims.toml)."""
        if not self._voice:
            lowered = self._text.lower()
            text = Text(lowered, lowered, True, 0, [])  # the words are lower case: no fold needed
            counts = {
                side: len(text.finditer(words)) for side, words in tables().claims.voices.items()
            }
            ua, ru = counts.get("UA", 0), counts.get("RU", 0)
            self._voice.append("UA" if ua > ru else "RU" if ru > ua else None)
        return self._voice[0]

    def _claimants(self) -> list[tuple[int, int, Rule]]:
        """Every claimant the document names, left to right, not overlapping (so their ends are
        in order too)."""
        if self._found is None:
            self._found = tables().claims.claimants.findall(self._scan())
        return self._found

    def nearest(self, names: Collection[str], position: int) -> str | None:
        """Which of ``names`` (canonical claimants) the document names nearest ``position``."""
        distances = [
            (abs(start - position), rule.name)
            for start, _, rule in self._claimants()
            if rule.name in names
        ]
        return min(distances)[1] if distances else None

    def nearest_side(self, sides: Collection[str], position: int) -> str | None:
        """The side (of ``sides``) of the government or military claimant the document names
        nearest ``position`` ("Russia says it captured …" before "the defense ministry said"); an
        outlet's country tells nothing (Russian papers quote "Генштаб ВСУ" too)."""
        distances = [
            (abs(start - position), side)
            for start, _, rule in self._claimants()
            if rule.kind in _STATE_KINDS
            and (side := rule.side or self._voiced_side(rule.name)) in sides
        ]
        return min(distances)[1] if distances else None

    def _voiced_side(self, name: str) -> str:
        """The side of a claimant row whose side is the document's voice (a grouping of forces
        named alone), as :func:`_state_country` settles it; "" for every other row."""
        claims = tables().claims
        if name not in claims.voiced:
            return ""
        return _voiced(claims.unstated[name], self.voice())[2]

    def last_before(self, position: int) -> Claimant | None:
        """The claimant the document names last before ``position`` ("Об этом сообщил военный
        эксперт Андрей Марочко" before a quotation closed by "— рассказал эксперт")."""
        found = self._claimants()
        at = bisect_right([start for start, _, _ in found], position) - 1
        if at < 0:
            return None
        rule = found[at][2]
        return Claimant(rule.name, rule.kind, rule.side, None)

    def credited_elsewhere(
        self, sentences: Sequence[tuple[int, str]], read: Collection[int]
    ) -> Iterator[tuple[int, Claimant]]:
        """The claimants the sentences of the document (its (offset, text) pairs) other than
        those ``read`` credit, with the sentence's index, in order: "…, заявили в пресс-службе
        Минобороны РФ.", "Обстановку … описал военный эксперт Борис Рожин." Only the sentences
        holding a trigger of the claimant table are read, found by one scan of the document, and
        only as far as the caller asks; a claimant whose country the sentence leaves unstated
        ("Генштаб повідомив") is nobody in particular, and a sentence whose subject refers back
        ("Він додав, що …") credits the speaker before it, whoever it names in what they said."""
        both = tables()
        claims = both.claims
        starts = [offset for offset, _ in sentences]
        gates, cues = claims.claimants.bits.mask, claims.cue_bits
        wanted = gates | cues
        opened: dict[int, int] = {}  # sentence index → the claimant and cue bits the scan found
        for last, (length, bits) in self._scan().hits:
            if bits & wanted:  # most hits are a stance's or a date's: no sentence to find
                index = bisect_right(starts, last + 1 - length) - 1
                opened[index] = opened.get(index, 0) | bits
        for index in sorted(opened.keys() - set(read)):
            bits = opened[index]
            if index < 0 or not bits & gates:
                continue
            if not bits & cues and not _headline_mark(sentences[index][1]):
                continue  # no reporting cue and no headline's colon: it credits nobody
            text = both.triggers.read(_straighten(sentences[index][1]))
            anaphor = claims.anaphor(text)
            if anaphor is not None and anaphor.start() == 0:
                continue  # "Він додав, що … піротехніки ДСНС знешкодили …": the speaker before
            found = _claimant(claims, text, None, anaphor)
            if found is not None and found.name in claims.voiced:
                # "Заявление начальника пресс-центра группировки «Запад»": whose, by the voice
                found = Claimant(*_voiced(claims.unstated[found.name], self.voice()), found.text)
            elif found is None or found.name in claims.unstated:
                continue
            if found.name in claims.country_speakers:  # "Russia said …": the MoD it quotes
                found = _state_country(claims, found, DEFAULT_CLAIMANT, "", (self, starts[index]))
            yield index, found

    def _scan(self) -> Text:
        """The whole document as the tables read it (one automaton pass)."""
        if self._read is None:
            self._read = tables().triggers.read(_straighten(self._text))
        return self._read

    def office_of(self, name: str) -> Claimant | None:
        """The claimant of the person ``name`` (a surname as written, maybe inflected: "Малашка"
        for Малашко): the one the document names nearest a mention of them, within
        :data:`OFFICE_REACH` characters and the same sentence ("голова ОВА Юрій Малашко", "Vadym
        Filashkin, head of the Donetsk regional military administration"). The mention that
        names the person as a speaker has no claimant so near (the sentence would credit it).
        Worked out once per stem and document."""
        stem = name[: max(4, len(name) - (2 if name[:1] >= "\u0400" else 1))]
        if stem not in self._offices:
            self._offices[stem] = self._office(stem)
        return self._offices[stem]

    def _office(self, stem: str) -> Claimant | None:
        text, found, best = self._text, self._claimants(), None
        starts = [start for start, _, _ in found]
        ends = [end for _, end, _ in found]
        for match in re.finditer(rf"(?<![\w'’ʼ-]){re.escape(stem)}[\w'’ʼ-]*", text):
            at, after = match.span()
            sides = []
            before = bisect_right(ends, at) - 1  # the nearest ending before the name
            if before >= 0:
                sides.append((at - ends[before], ends[before], at, found[before][2]))
            later = bisect_left(starts, after)  # the nearest starting after it
            if later < len(found):
                sides.append((starts[later] - after, after, starts[later], found[later][2]))
            for gap, left, right, rule in sides:
                if gap <= OFFICE_REACH and (best is None or gap < best[0]):
                    if not _SENTENCE_END.search(text, left, right):
                        best = (gap, rule)
        if best is None:
            return None
        rule = best[1]
        return Claimant(rule.name, rule.kind, rule.side, None)


_STATE_KINDS = frozenset(("government", "military"))

OFFICE_REACH = 90
"""How near (characters) a claimant must be named to a person's name to be their office."""
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def headline_source(sentence: str) -> Claimant | None:
    """The source a headline names after a closing dash ("За добу ворог здійснив понад 120
    обстрілів …, під ударом опинилися 33 населені пункти - ОВА", "… — Минобороны"), if any."""
    dash = max(sentence.rfind(" - "), sentence.rfind(" – "), sentence.rfind(" — "))
    tail = sentence[dash + 3 :].strip(" .!")
    if dash < 0 or not tail or len(tail) > HEADLINE_SOURCE_CHARS:
        return None
    both = tables()
    # the dash says "so says": with a verb after it, the tables also read the names they take
    # as a source only before one ("ЗСУ", which alone is as often the forces acting)
    said = tail + (" повідомили" if tail[:1] >= "\u0400" else " said")
    found = both.claims.claimants.findall(both.triggers.read(_straighten(said)))
    if not found or found[0][0] > 0:
        return None
    rule = found[0][2]
    return Claimant(rule.name, rule.kind, rule.side, tail)


HEADLINE_SOURCE_CHARS = 80
"""Longest source after a headline's closing dash ("- ОВА", "– Генштаб ЗСУ", "– поліція Донеччини
документує наслідки російських влучань")."""


def state_country(
    claimant: Claimant, sentence: str, document: DocumentClaimants, position: int
) -> Claimant:
    """``claimant`` with its country stated where the document states it (see
    :func:`_state_country`), for a credit read outside a sentence's frame ("…», — розповіли в
    Генштабі." after "Про це повідомив Генштаб ЗСУ.")."""
    document_at = (document, position)
    return _state_country(tables().claims, claimant, DEFAULT_CLAIMANT, sentence, document_at)


def _voiced(by_side: dict[str, tuple[str, str, str]], side: str | None) -> tuple[str, str, str]:
    """The (name, kind, side) a voiced row ("группировка «Восток»") is for ``side`` (a document's
    voice or its channel's side), its ``otherwise`` claimant when neither names one of its own."""
    return by_side.get(side or "otherwise", by_side["otherwise"])


def _state_country(
    claims: ClaimTables,
    claimant: Claimant,
    default: Claimant,
    sentence: str,
    document: tuple[DocumentClaimants, int] | None,
) -> Claimant:
    """``claimant``, or when it is an institution named without its country ("Генштаб",
    "Минобороны", "the defense ministry"), that country's: the one the document names nearest,
    else the side of the document's default claimant (a channel), else Ukraine's in a sentence
    written in Ukrainian, else the row's ``otherwise`` claimant when it has one (a region's head
    by title alone: the regional authorities), else the side of the claimant the document names
    nearest ("Russia said Sunday that its forces had captured …"), else the document's voice
    ("…, - Генштаб" in a Russian-language report of "оккупанты" and "Силы обороны"). Otherwise it
    stays unstated: never Ukraine's for Russian text on a guess. A country named as the speaker
    ("Russia says") is the institution of its side the document names nearest (:func:`_narrowed`).
    """
    by_side = claims.unstated.get(claimant.name)
    if by_side is None:
        speaker = claims.country_speakers.get(claimant.name)
        if speaker is None or document is None or not claimant.text:
            return claimant
        return _narrowed(claims, claimant, speaker, document)
    if claimant.name in claims.voiced:  # a grouping named alone: the document's voice
        voice = document[0].voice() if document is not None else None
        side = default.side if default.side in by_side else voice
        return Claimant(*_voiced(by_side, side), claimant.text)
    choices = {name: (name, kind, side) for name, kind, side in by_side.values()}
    named = document[0].nearest(choices, document[1]) if document is not None else None
    if named is not None:
        stated = choices[named]
    elif default.side in by_side:
        stated = by_side[default.side]
    elif "UA" in by_side and _UKRAINIAN.match(sentence):
        stated = by_side["UA"]
    elif "otherwise" in by_side:  # a title alone ("губернатор"): no guess from other claimants
        stated = by_side["otherwise"]
    elif document is not None and (side := document[0].nearest_side(by_side, document[1])):
        stated = by_side[side]
    elif document is not None and (spoken := document[0].voice() or "") in by_side:
        stated = by_side[spoken]  # "…, - Генштаб" in a report of "оккупанты" and "Силы обороны"
    else:
        return claimant
    return Claimant(*stated, claimant.text)


def _narrowed(
    claims: ClaimTables,
    claimant: Claimant,
    speaker: tuple[re.Pattern[str], tuple[tuple[str, str, str], ...]],
    document: tuple[DocumentClaimants, int],
) -> Claimant:
    """The institution ``claimant`` stands for when a sentence names it by its country alone
    ("Russia says its forces took Vesele" in a report of the Russian defence ministry's
    briefing; "Ukraine said on Friday …" where the document quotes its defence ministry): the
    one of that side the document names nearest; ``claimant`` itself when it names none, or when
    the sentence named it otherwise (Putin, "Russia's president")."""
    written, institutions = speaker
    if written.search(claimant.text or "") is None:
        return claimant
    choices = {name: (name, kind, side) for name, kind, side in institutions}
    for unstated, by_side in claims.unstated.items():  # "the defense ministry said"
        stated = by_side.get(claimant.side)
        if stated is not None and stated[0] in choices:
            choices[unstated] = stated
    named = document[0].nearest(choices, document[1])
    return Claimant(*choices[named], claimant.text) if named is not None else claimant


def _split(
    both: Tables, text: Text, inherited: Claimant | None, leading: bool, fallback: Claimant
) -> tuple[tuple[int, int, Claimant], ...] | None:
    """The clauses of a sentence that :meth:`~geo.claims.tables.ClaimTables.may_split`, each with
    its claimant, cut from the sentence's scan; None when it does not split after all."""
    claims = both.claims
    bounds, start = [], 0
    for match in text.finditer(claims.clause_split):
        bounds.append((start, match.start()))
        start = match.end()
    if not bounds:
        return None
    bounds.append((start, len(text.written)))
    clauses = []
    for i, (start, end) in enumerate(bounds):
        if i == 0 and leading and inherited is not None:  # (leading implies inherited)
            claimant = inherited  # "The ministry also said…": the subject is the anaphor
        else:  # "…, the ministry said." credits every clause that names nobody else
            claimant = (
                _claimant(claims, both.triggers.cut(text, start, end)) or inherited or fallback
            )
        clauses.append((start, end, claimant))
    return tuple(clauses)


def _speakers(text: Text, clauses: tuple[tuple[int, int, Claimant], ...]) -> list[tuple[int, int]]:
    """Where the sentence names its claimants as written ("Генштаб ЗСУ", "Сили оборони півдня
    повідомили"): a force named there speaks rather than acts."""
    spans = []
    for start, end, claimant in clauses:
        if claimant.text:
            at = text.written.find(claimant.text, start, end)
            if at >= 0:
                spans.append((at, at + len(claimant.text)))
    return spans


def _actor_hits(
    claims: ClaimTables, text: Text, clauses: tuple[tuple[int, int, Claimant], ...]
) -> tuple[tuple[tuple[int, int, Rule], ...], tuple[tuple[int, int], ...]]:
    """The actor matches of a sentence and the spans naming its claimants (:func:`_actors`)."""
    found = claims.actors.findall(text)
    return (tuple(found), tuple(_speakers(text, clauses))) if found else ((), ())


def _actors(
    found: tuple[tuple[int, int, Rule], ...], speakers: tuple[tuple[int, int], ...], side: str
) -> list[str]:
    """Actor names in order of appearance; "our forces" become ``side``'s (the claimant's) and
    "the enemy" its opponent's; neither counts when the claimant has no side. The claimant may
    be written or a channel's default (a Telegram channel of the Russian MoD writes "противник"
    for Ukraine's forces as the ministry does in its briefings). A force inside the words that
    name a clause's claimant (``speakers``, :func:`_speakers`: "Генштаб ЗСУ повідомив, що
    ворог…") is the claimant speaking: it comes after the forces the sentence says acted, and is
    actor1 only when no other is named ("ВСУ сообщили, что отразили атаку")."""
    if not found:
        return []
    ordered: list[str] = []
    speaking: list[str] = []
    for start, end, rule in found:
        said = False
        for first, last in speakers:  # nearly always one span, or none
            if first <= start and end <= last:
                said = True
        if rule.side in ("claimant", "opponent"):
            whose = side if rule.side == "claimant" else _OPPONENT.get(side, "")
            if whose not in _SIDE_ACTOR:
                continue
            name = _SIDE_ACTOR[whose]
        else:
            name = rule.name
        names = speaking if said else ordered
        if name not in names:
            names.append(name)
    return ordered + [name for name in speaking if name not in ordered] if speaking else ordered


def _quantity(claims: ClaimTables, text: Text) -> tuple[str | None, str | None]:
    """(number, unit) of the first quantity; words like "tens of thousands" go with the unit.
    Of the quantity patterns the sentence's triggers open, the leftmost match wins."""
    opened = text.opened & claims.quantity_gate.mask
    if not opened:
        return None, None
    found = None
    for index in claims.quantity_gate.indexes(opened):
        quantity = claims.quantities[index]
        match = text.search(quantity.pattern)
        if match is not None and (found is None or match.start() < found[1].start()):
            found = quantity, match
    if found is None:
        return None, None
    quantity, q = found
    number, unit = text.written_of(q, "number"), text.written_of(q, "unit").lower()
    if number[0].isdigit():
        return quantity.number(number), unit
    return None, f"{unit} ({number.lower()})"


DEFAULT_CLAIMANT = Claimant(UNATTRIBUTED, "media", "", None)
"""Who a sentence that credits nobody is attributed to, unless its document names a default."""


def analyse_sentence(
    sentence: str,
    published: date | None,
    default: Claimant = DEFAULT_CLAIMANT,
    previous: Claimant | Callable[[], Claimant | None] | None = None,
    document: tuple[DocumentClaimants, int] | None = None,
) -> ClaimFrame:
    """The claim frame of ``sentence``. ``default`` credits unattributed claims; ``previous``
    is the claimant of the sentence before, inherited by "The ministry also said…" (or a callable
    giving it, so it is only worked out when a sentence refers back); ``document`` is the
    sentence's document and its offset there, whose claimants say whose "Генштаб" it means."""
    both = tables()
    claims, text = both.claims, both.triggers.read(_straighten(sentence))
    credits = claims.reports(text) if previous is not None else None
    anaphor = claims.anaphor(text) if credits else None  # read once: it refers back, or speaks
    inherited, leading = _inherit(anaphor, default, previous)
    clauses = _split(both, text, inherited, leading, default) if claims.may_split(text) else None
    if clauses is None:  # one clause: the sentence itself, with its cue verdict if known
        main = (
            inherited if leading else _claimant(claims, text, credits, anaphor) or inherited
        ) or default
        clauses = ((0, len(text.written), main),)
    else:  # the first credited clause's claimant, else the first clause's
        main = next((c for _, _, c in clauses if c.text), clauses[0][2])
    settled = claims.settled_by_document
    if main.name in settled or (len(clauses) > 1 and any(c.name in settled for _, _, c in clauses)):
        state = {
            c: _state_country(claims, c, default, text.written, document) for _, _, c in clauses
        }
        clauses, main = tuple((s, e, state[c]) for s, e, c in clauses), state[main]
    hits = _actor_hits(claims, text, clauses)
    ordered = _actors(*hits, main.side)
    quantity, unit = _quantity(claims, text)
    event_date, precision, phrase = resolve_text(text, published)
    return ClaimFrame(
        clauses,
        tuple(claims.stances.findall(text)),
        ordered[0] if ordered else None,
        ordered[1] if len(ordered) > 1 else None,
        quantity,
        unit,
        event_date,
        precision,
        phrase,
        main,
        bool(credits),
        hits,
    )


def recredit(frame: ClaimFrame, default: Claimant, claimant: Claimant) -> ClaimFrame:
    """``frame`` with ``claimant`` where it has ``default`` (the claimant of what the sentence
    credits to nobody), and its actors ordered again for that claimant's side ("наші" are the
    claimant's forces): what :func:`analyse_sentence` gives with ``claimant`` as the default,
    without reading the sentence again."""
    clauses = tuple((s, e, claimant if c is default else c) for s, e, c in frame.clauses)
    main = claimant if frame.main is default else frame.main
    ordered = _actors(*frame.actor_hits, main.side) if frame.actor_hits[0] else []
    return ClaimFrame(  # every field, in order: dataclasses.replace costs several times more
        clauses,
        frame.stances,
        ordered[0] if ordered else None,
        ordered[1] if len(ordered) > 1 else None,
        frame.quantity,
        frame.quantity_unit,
        frame.event_date,
        frame.time_precision,
        frame.date_phrase,
        main,
        frame.reported,
        frame.actor_hits,
    )
