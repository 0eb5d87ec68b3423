"""Credits that reach past their sentence.

A news item names its source once, and the reader carries it over the sentences around:

* a source line credits what came before it: "Про це повідомив голова Запорізької ОВА Юрій
  Малашко.", "Об этом сообщили в Минобороны России.", "This was reported by the regional
  administration.";
* a sentence ending in a colon credits what follows: "Прокудін повідомив у телеграм-каналі:",
  "the General Staff said:";
* a quotation closed by its speaker ("…», — заявив Малашко.", '…," Prokudin said.') is the
  speaker's, back to where it opens;
* a headline ending in its source ("… 33 населені пункти - ОВА") is that source's;
* a speaker named by surname alone ("Малашко повідомив, що …", "Filashkin said") is whoever the
  document said they are ("голова ОВА Юрій Малашко", "Vadym Filashkin, head of the Donetsk
  regional military administration").

:func:`credited_sentences` gives, for the sentences of one document, the claimant such a credit
hands each sentence it covers; :mod:`geo.extract` puts it where the sentence's frame has the
default claimant (:func:`geo.claims.analyse.recredit`), so a claimant the sentence names always
wins. A document whose credits and named claimants are all one claimant is that claimant's
throughout (:meth:`Credits.single_source`): a regional administration's daily summary rewritten by
a news site, a General Staff roundup; a sentence without places that credits another claimant
(:meth:`~geo.claims.analyse.DocumentClaimants.credits_another`) makes two sources, and a recap of
earlier news (:func:`is_recap`) is nobody's.

The cues are data (``[credits]`` in ``geo/data/claims.toml``); the claimants are the claim
tables' (:func:`geo.claims.analyse.find_claimant`). Every test here is gated by a substring or an
anchored match, so a sentence without quotes, colons, source lines or speech verbs costs a few
string tests.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from geo.claims.analyse import (
    Claimant,
    DocumentClaimants,
    find_claimant,
    headline_source,
    state_country,
)

QUOTES_OPEN = '«"“„'
QUOTE_SEARCH_SENTENCES = 12
"""How far back (in sentences) a closed quotation is looked for where it opens."""


@dataclass(frozen=True, slots=True)
class _Cues:
    back: re.Pattern[str]
    recap: re.Pattern[str]
    quote_end: re.Pattern[str]
    speaker: tuple[re.Pattern[str], ...]
    not_names: frozenset[str]
    unverified: re.Pattern[str]
    speaker_back: re.Pattern[str]


@cache
def _cues() -> _Cues:
    data = tomllib.loads(resources.files("geo.data").joinpath("claims.toml").read_text("utf-8"))
    credits = data["credits"]
    return _Cues(
        re.compile(credits["back"], re.IGNORECASE),
        re.compile(credits["recap"], re.IGNORECASE),
        re.compile(credits["quote_end"]),
        tuple(re.compile(pattern) for pattern in credits["speaker"]),
        frozenset(credits["not_names"]),
        re.compile(credits["unverified"], re.IGNORECASE),
        re.compile(credits["speaker_back"], re.IGNORECASE),
    )


@dataclass(slots=True)
class Credits:
    """What the credits of one document hand its sentences: ``by_sentence`` (index → claimant)
    and the claimants they name (``named``, by name)."""

    by_sentence: dict[int, Claimant] = field(default_factory=dict)
    named: dict[str, Claimant] = field(default_factory=dict)

    def single_source(self, explicit: dict[str, Claimant | None]) -> Claimant | None:
        """The document's one source: the claimant its credits and ``explicit`` (the claimants
        its sentences name themselves, by name; None for one that vouches for nothing) all are,
        when they are one."""
        names = self.named.keys() | explicit.keys()
        if len(names) != 1:
            return None
        (name,) = names
        if name in self.named:
            return self.named[name]
        named = explicit[name]
        return None if named is None else _passed_on(named)


def credited_sentences(
    sentences: list[tuple[int, str]],
    document: DocumentClaimants,
    speakers: set[int],
    own: set[int],
) -> Credits:
    """The claimant each sentence of a document (its (offset, text) pairs, in order) gets from
    a credit outside it (see the module docstring); sentences no credit covers are absent.
    ``speakers`` are the sentences worth reading for a speaker named by surname alone (those
    with places that credit nobody though they hold a reporting cue: a speaker elsewhere matters
    only as a source line's or a quotation's); ``own`` those that name their own claimant, which
    bound how far a source line reaches back and a colon forward."""
    credits = Credits()
    found: list[tuple[int, str, Claimant]] = []  # (index, kind, claimant), in order
    for index, (offset, sentence) in enumerate(sentences):
        back = source_line(sentence)
        forward = sentence.endswith(":")
        closed = _closes_quote(sentence)
        quoted = closed >= 0
        headline = index == 0 and _HEADLINE_DASH.search(sentence) is not None
        if not (back or forward or quoted or headline):
            if index in speakers:  # its analysis found no claimant: only a surname can credit
                claimant = _speaker(sentence, document)
                if claimant is not None:  # "Гордеев отметил": whose grouping, the document says
                    claimant = state_country(claimant, sentence, document, offset)
                    found.append((index, "speaker", claimant))
            continue
        claimant = _quotation_speaker(sentence, closed, offset, document) if quoted else None
        if claimant is None:
            claimant = find_claimant(sentence)
        if claimant is None and headline:
            claimant = headline_source(sentence) or _headline_speaker(sentence, document)
            if claimant is not None:  # "… — губернатор Сальдо": whose, the document says
                found.append(
                    (index, "headline", state_country(claimant, sentence, document, offset))
                )
            continue
        if claimant is None:
            claimant = _speaker(sentence, document)
            if claimant is None:
                continue
        # "— розповіли в Генштабі": whose General Staff, the document says
        claimant = state_country(claimant, sentence, document, offset)
        if quoted:
            found.append((index, "quote", claimant))
        if forward:
            found.append((index, "forward", claimant))
        if back:
            found.append((index, "back", claimant))
        if not (quoted or forward or back):
            found.append((index, "speaker", claimant))
    if not found:
        return credits
    credited = sorted({index for index, _, _ in found} | own)
    for kind in ("speaker", "headline", "quote", "forward", "back"):  # nearest scope first
        for index, what, claimant in found:
            if what != kind:
                continue
            passed = credits.named.setdefault(claimant.name, _passed_on(claimant))
            for covered in _covered(kind, index, credited, sentences):
                credits.by_sentence.setdefault(covered, passed)
    return credits


def sources_elsewhere(
    document: DocumentClaimants,
    sentences: list[tuple[int, str]],
    read: set[int] | list[int],
    known: Collection[str],
) -> dict[str, Claimant | None]:
    """The claimants (by name) the document's sentences other than those ``read`` (those with
    places) credit, for the single-source test: one more makes two sources ("…, заявили в
    Минобороны"), the only one is the document's ("Обстановку описал военный эксперт Борис
    Рожин."). An outlet that says it could not verify the reports ("Reuters could not
    independently verify the battlefield reports") is a source of its own that vouches for
    nothing (None): the document is a wire story put together from several, not one source's
    report relayed. The reading stops once these and the ``known`` sources are two."""
    unverified = _cues().unverified
    found: dict[str, Claimant | None] = {}
    for index, claimant in document.credited_elsewhere(sentences, read):
        if unverified.search(sentences[index][1]) is not None:
            found[claimant.name] = None
        else:
            found.setdefault(claimant.name, claimant)
        if len(found.keys() | known) > 1:
            break  # two sources: no single one, whatever the rest credit
    return found


def _covered(kind: str, index: int, credited: list[int], sentences: list[tuple[int, str]]) -> range:
    """The sentences a credit of ``kind`` in sentence ``index`` covers; ``credited`` are the
    sentences that credit somebody, in order, which bound a source line's and a colon's reach."""
    if kind in ("speaker", "headline"):
        return range(index, index + 1)
    if kind == "quote":
        opening = index
        for earlier in range(index, max(-1, index - QUOTE_SEARCH_SENTENCES), -1):
            if sentences[earlier][1].lstrip()[:1] in QUOTES_OPEN:
                opening = earlier
                break
        return range(opening, index + 1)
    if kind == "forward":
        at = bisect_right(credited, index)
        return range(index + 1, credited[at] if at < len(credited) else len(sentences))
    at = bisect_left(credited, index)
    return range(credited[at - 1] + 1 if at else 0, index + 1)


def _passed_on(claimant: Claimant) -> Claimant:
    """The claimant as a default for the sentences a credit covers: named there by nobody."""
    return Claimant(claimant.name, claimant.kind, claimant.side, None)


def _quotation_speaker(
    sentence: str, closed: int, offset: int, document: DocumentClaimants
) -> Claimant | None:
    """The speaker after the quotation ``sentence`` closes (``closed``: where the speech verb's
    stem ends), not a claimant the quotation names ("Російські блогери стверджували, що …”, –
    зазначили аналітики": ISW's quotation): one the words after the closing quote name, or for
    "…», — рассказал эксперт.", "— додав він" whoever the document named last before the
    quotation, which opens in this sentence or an earlier one."""
    quote = max(sentence.rfind(mark, 0, closed) for mark in _QUOTES_CLOSE)
    claimant = find_claimant(sentence[quote + 1 :])
    if claimant is None and _cues().speaker_back.match(sentence, closed):
        opening = min((at for m in "«“„" if (at := sentence.find(m, 0, quote)) >= 0), default=-1)
        claimant = document.last_before(offset + opening)
    return claimant


def _closes_quote(sentence: str) -> int:
    """Where the speech verb after a quotation closing in ``sentence`` ends (its stem: the
    speaker follows), or -1 when none closes there. ``quote_end`` is matched right after each
    closing quote (a sentence holds few), not searched for."""
    if "»" not in sentence and '"' not in sentence and "”" not in sentence:
        return -1
    quote_end = _cues().quote_end
    for close in _QUOTES_CLOSE:
        at = sentence.find(close)
        while at >= 0:
            found = quote_end.match(sentence, at + 1)
            if found is not None:
                return found.end()
            at = sentence.find(close, at + 1)
    return -1


def source_line(sentence: str) -> bool:
    """Does ``sentence`` open as a source line, crediting the one before ("Про це повідомив …",
    "Об этом сообщил …", "This was reported by …")? Then it claims nothing of its own. Its
    first two letters are tested first: few sentences open as a source line can."""
    if sentence[:1].isalpha():  # nearly always: no quote or bracket to skip
        head = sentence[:2].lower()
    else:
        start = _NON_WORD.match(sentence).end()  # type: ignore[union-attr] # matches "" at worst
        head = sentence[start : start + 2].lower()
    if head not in _SOURCE_LINE_HEADS:
        return False
    return _cues().back.match(sentence) is not None


def is_recap(sentence: str) -> bool:
    """Does ``sentence`` recap earlier news ("Нагадаємо, …", "Ранее сообщалось, …", "As
    reported, …")? No credit around it reaches it: the document's source does not vouch for it."""
    return _cues().recap.match(sentence) is not None


_QUOTES_CLOSE = '»"”'
_NON_WORD = re.compile(r"\W*")
_SOURCE_LINE_HEADS = frozenset(
    ("пр", "об", "о ", "це", "эт", "та", "як", "ка", "th", "ac", "so", "дж", "ис")
)
"""The first two letters of every source line ``back`` in claims.toml reads: a sentence that
opens otherwise is not tried against it."""
_HEADLINE_DASH = re.compile(r"\s[-–—]\s*\S[^-–—]{0,80}$")
"""A headline's closing dash and a few words after it: where a source may stand."""


def _headline_speaker(sentence: str, document: DocumentClaimants) -> Claimant | None:
    """The office of a person a headline's closing dash names by surname ("… En Masse -
    Haidai", "… – Малашко"), where the document names it."""
    found = _HEADLINE_SURNAME.search(sentence)
    if found is None or found.group(1) in _cues().not_names:
        return None
    return document.office_of(found.group(1))


_HEADLINE_SURNAME = re.compile(r"\s[-–—]\s*([A-ZА-ЯІЇЄҐ][a-zа-яіїєґё'’ʼ-]{3,})[.!]?\s*$")


def _speaker(sentence: str, document: DocumentClaimants) -> Claimant | None:
    """The claimant of a person ``sentence`` names as its speaker by name alone ("— заявив
    Малашко", "Filashkin said"), from where the document names them with their office."""
    for pattern in _cues().speaker:
        for match in pattern.finditer(sentence):
            name = match.group("name")
            if name in _cues().not_names:
                continue
            found = document.office_of(name)
            if found is not None:
                return found
    return None
