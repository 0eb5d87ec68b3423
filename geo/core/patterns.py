"""The pattern machinery under the claim, date and boilerplate tables:
trigger gates and twin regexes.

A table rule is a regular expression plus ``triggers``: lower-case substrings one of which must
occur for the regex to have a chance. :class:`Triggers` puts the trigger lists of many tables into
one Aho-Corasick automaton whose payloads are bit masks of the gates a trigger opens, so
:meth:`Triggers.read` lower-cases a text and scans it once and every table reads its gates off
that one :class:`Text`. :class:`Gate` is the stand-alone form for a table read on its own.

The regexes run on that same lower-cased text, compiled case-sensitively (:class:`Twin`): under
IGNORECASE ``re`` folds case character by character, which makes it several times slower. That is
exact while the pattern spells lower-case ASCII or Cyrillic letters and uncased signs
(:func:`lower_case_only`) and the text lower-cases one character to one, without a letter
IGNORECASE matches to another one that ``str.lower`` keeps apart (``ı`` and ``ſ`` to ``i`` and
``s``, the old rounded ``ᲀ``…``ᲈ`` to ``в``, ``д``, ``о``…): :attr:`Text.folds` says so; otherwise
the case-insensitive twin runs on the text as written.

A pattern opening with ``\\b`` gives ``re`` nothing to skip ahead with, so it tries the whole
pattern at every character (several times slower than skipping to a possible first letter). When
every alternative after that ``\\b`` starts with a letter (:func:`word_start_body`), the lower-case
twin leaves the ``\\b`` out and the search checks it where a match starts instead
(:attr:`Twin.word_start`); the tables spell their alternatives that way.

A row's alternation of many names ("генштаб…|гшу|генеральн…|зсу…") is tried alternative by
alternative at every position ``re`` cannot skip; the lower-case twin joins the alternatives that
start with the same letter behind it (:func:`factored`: "г(?:ен(?:штаб…|еральн…)|шу)|зсу…"), so
each position costs one test per distinct first letter. The matches are the same
(``tests/test_pattern_tables.py`` checks it against the whole pattern, as for the twins).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

# Escapes and group names that have no case of their own.
_CASELESS_SYNTAX = re.compile(r"\\[bBdDsSwW]|\\[^0-9A-Za-z]|\(\?P<\w+>")
# Inline flags (which could switch case-insensitivity off) and character ranges (which could
# span upper-case letters): patterns using them keep to case-insensitive matching.
_CASED_SYNTAX = re.compile(r"\(\?[-a-zA-Z]|\[[^\]]*-")
# What IGNORECASE matches to a letter a pattern may spell although str.lower() keeps it apart:
# dotless i and long s (to "i", "s"), the old rounded Cyrillic forms (to "в", "д", "о", "с", "т",
# "ъ", "ѣ", "ꙋ"); "İ" lower-cases to two characters and is caught by the length test instead.
# tests/test_pattern_tables.py checks the list against re itself.
_CASE_TRAPS = re.compile("[\u0131\u017f\u1c80-\u1c88]")
# The lower-case letters of the Cyrillic block's basic range and "ґ": every Ukrainian and Russian
# letter. Each is its upper case's lower case, so the lower-cased text spells it as IGNORECASE
# would match it, but for the traps above.
_CYRILLIC_LOWER = frozenset(map(chr, range(0x430, 0x460))) | {"\u0491"}
# The leading \b a word-start twin leaves out, tested where its match starts (matching at a
# position sees the characters before it, as the \b inside a search would).
_WORD_START = re.compile(r"\b")
# Regex syntax that cannot start a literal, and quantifiers that would make the first one optional.
_NOT_LITERAL = frozenset("\\.^$*+?{}[]|()")
_QUANTIFIERS = frozenset("?*+{")


class Gate:
    """Which of N trigger lists has a trigger inside a text (one automaton pass).

    The claim and date tables share one :class:`Triggers` automaton instead; this stand-alone gate
    serves tables read on their own (``geo/data/boilerplate.toml``)."""

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
        # the first characters of the triggers: a text holding none of them holds no trigger,
        # which one regex search tells faster than the automaton's walk (English triggers in
        # Ukrainian or Russian text)
        heads = "".join(sorted({word[0] for word in owners}))
        self.heads = re.compile(f"[{re.escape(heads)}]") if heads else None

    def may_open(self, lowered: str) -> bool:
        """Could a trigger occur in ``lowered``? False when none of their first characters does."""
        return self.heads is not None and self.heads.search(lowered) is not None

    def open(self, lowered: str) -> set[int]:
        hits = set(self.always)
        if self.may_open(lowered):
            for _, indexes in self.automaton.iter(lowered):
                hits.update(indexes)
        return hits


def lower_case_only(pattern: str) -> bool:
    """Does the pattern spell only lower-case ASCII or Cyrillic letters and signs without case
    ("«", "—"), with no upper-case letter, and no range, inline flag or escape that could stand
    for one? Then matching it case-sensitively in lower-cased text finds what matching it
    case-insensitively in the original text finds."""
    rest = _CASELESS_SYNTAX.sub("", pattern)
    return (
        (rest.isascii() or all(map(_spells_its_own_case, rest)))
        and rest == rest.lower()
        and "\\" not in rest
        and _CASED_SYNTAX.search(rest) is None
    )


def _spells_its_own_case(ch: str) -> bool:
    """Does IGNORECASE match ``ch`` to nothing but what ``str.lower`` folds to it (and the
    :data:`_CASE_TRAPS`)? ASCII and Cyrillic letters do; a sign without case ("«") trivially."""
    return ch.isascii() or ch in _CYRILLIC_LOWER or ch.lower() == ch.upper() == ch.casefold() == ch


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character of ``pattern`` that is regex
    syntax: not escaped and not inside a character class."""
    depth, escaped, in_class = 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (split at the ``|`` outside groups and classes)."""
    cuts = [i for i, ch, depth in _syntax(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def word_start_body(pattern: str) -> str | None:
    """``pattern`` without its leading ``\\b``, when that ``\\b`` governs the whole pattern (no
    top-level ``|``) and every way the rest can start is a character written out, not optional
    (``\\b(said|says)``, ``\\blast week``): then ``re`` skips ahead to those characters, where with
    the ``\\b`` first it tries every position. None for patterns that would gain nothing
    (``\\b(on )?monday``) and for those the ``\\b`` does not wholly govern (``\\bsaid|says``)."""
    if not pattern.startswith("\\b") or len(_alternatives(pattern)) > 1:
        return None
    body = pattern[2:]
    heads = [body]
    if body.startswith("("):
        close = _group_end(body)
        if body[close + 1 : close + 2] in _QUANTIFIERS or (
            body.startswith("(?") and not body.startswith(("(?:", "(?P<"))
        ):
            return None
        inner = body[
            body.index(">") + 1
            if body.startswith("(?P<")
            else 3
            if body.startswith("(?:")
            else 1 : close
        ]
        heads = _alternatives(inner)
    return (
        body
        if all(h and h[0] not in _NOT_LITERAL and h[1:2] not in _QUANTIFIERS for h in heads)
        else None
    )


def _group_end(pattern: str) -> int:
    """Index of the ``)`` closing the group that opens ``pattern``."""
    close = next((i for i, ch, depth in _syntax(pattern) if ch == ")" and depth == 0), None)
    if close is None:
        raise re.error("unbalanced parenthesis", pattern)
    return close


def factored(pattern: str) -> str:
    """``pattern`` with the alternatives of its alternation (the whole pattern's, or its first
    group's when that group spans the alternation: ``(said|says|stated)\\b``) that start with the
    same literal character joined behind it once: ``s(?:aid|ays|tated)``. ``re`` tries the
    alternatives of an alternation one by one at every position it cannot skip, so a table row of
    a hundred names costs a hundred tests per character; factored, it costs one per distinct
    first character. The matches are the same: alternatives that start with different literal
    characters cannot both match at one position, so only their relative order changes, and
    those that share one keep theirs; an alternative that does not start with a literal (a
    group, a class, an escape, an optional character) keeps its place, and nothing moves across
    it. Groups inside the alternatives may be numbered differently (their names stay); the group
    that holds the alternation keeps its number."""
    if len(_alternatives(pattern)) > 1:
        head, inner, tail = "", pattern, ""
    else:
        opening = _opening(pattern)
        if opening is None:
            return pattern
        close = _group_end(pattern)
        head, inner, tail = pattern[:opening], pattern[opening:close], pattern[close:]
    alternatives = _alternatives(inner)
    if len(alternatives) < _FACTOR_FROM:
        return pattern
    return f"{head}{'|'.join(_factored_alternatives(alternatives))}{tail}"


def _opening(pattern: str) -> int | None:
    """The length of the opening of the group ``pattern`` starts with, when it is a plain group:
    ``(``, ``(?:`` or ``(?P<name>`` (not a lookaround, a flag group or a back-reference)."""
    if pattern.startswith("(?:"):
        return 3
    if pattern.startswith("(?P<"):
        return pattern.index(">") + 1
    return 1 if pattern.startswith("(") and not pattern.startswith("(?") else None


def factored_alternation(alternatives: Sequence[str]) -> str:
    """``alternatives`` joined by ``|`` as :func:`factored` joins an alternation, for a pattern
    compiled with or without IGNORECASE: only lower-case ASCII and Cyrillic letters and signs
    without case are joined behind, so two first letters that differ never match one character
    (as "s" and "ſ", or "k" and the Kelvin sign, would under IGNORECASE)."""
    return "|".join(_factored_alternatives(list(alternatives), caseless=True))


def _joinable(first: str, caseless: bool) -> bool:
    """Can alternatives starting with the character ``first`` be joined behind it?"""
    if not first or first in _NOT_LITERAL:
        return False
    if not caseless or first.lower() == first.upper():  # a sign without case ("«", "-", " ")
        return True
    return "a" <= first <= "z" or first in _CYRILLIC_LOWER


def _factored_alternatives(alternatives: list[str], caseless: bool = False) -> list[str]:
    """:func:`factored`'s joining of one alternation, and again inside each joined group;
    ``caseless``: see :func:`factored_alternation`."""
    pieces: list[str] = []
    run: dict[str, list[str]] = {}  # first character → the alternatives it starts, in order

    def flush() -> None:
        for first, alike in run.items():
            if len(alike) == 1:
                pieces.append(alike[0])
            else:
                rests = _factored_alternatives([a[1:] for a in alike], caseless)
                joined = rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})"
                pieces.append(first + joined)  # one piece holds no top-level "|"
        run.clear()

    for alternative in alternatives:
        first = alternative[:1]
        if not _joinable(first, caseless) or alternative[1:2] in _QUANTIFIERS:
            flush()
            pieces.append(alternative)
        else:
            run.setdefault(first, []).append(alternative)
    flush()
    return pieces


_FACTOR_FROM = 4
"""The fewest alternatives :func:`factored` joins: fewer cost too few tests to matter."""


@dataclass(frozen=True, slots=True)
class Twin:
    """One table regex compiled twice: ``anycase`` (IGNORECASE) for text as written, ``lower``
    (case-sensitive) for lower-cased text, None when the pattern is not :func:`lower_case_only`.
    ``word_start``: ``lower`` leaves out the pattern's leading ``\\b`` (:func:`word_start_body`)
    and :meth:`Text.search` tests it where a match starts. The patterns never match an empty string
    (``tests/test_pattern_tables.py``), which the searches here rely on."""

    anycase: re.Pattern[str]
    lower: re.Pattern[str] | None
    word_start: bool

    @classmethod
    def compile(cls, pattern: str) -> Twin:
        anycase = re.compile(pattern, re.IGNORECASE)
        if not lower_case_only(pattern):
            return cls(anycase, None, False)
        body = word_start_body(pattern)
        lower = factored(pattern if body is None else body)
        return cls(anycase, re.compile(lower), body is not None)


@dataclass(frozen=True, slots=True)
class Bits:
    """The bits of the :class:`Triggers` masks that belong to one table: one per trigger list."""

    offset: int
    mask: int

    def indexes(self, opened: int) -> list[int]:
        """The indexes of the opened lists (rules), in table order: the order is the priority."""
        bits = (opened & self.mask) >> self.offset
        found = []
        while bits:
            low = bits & -bits
            found.append(low.bit_length() - 1)
            bits ^= low
        return found


class Text(NamedTuple):
    """One sentence as the tables see it, built once per sentence by :meth:`Triggers.read`.

    ``hits`` are the trigger occurrences, (index of the last character, (length, gates)), in
    scan order; ``opened`` is the union of their gates; ``folds`` says whether case-sensitive
    twins on ``lowered`` find exactly what case-insensitive patterns find in ``written``, at the
    same positions."""

    written: str
    lowered: str
    folds: bool
    opened: int
    hits: list[tuple[int, tuple[int, int]]]

    def search(self, twin: Twin, pos: int = 0) -> re.Match[str] | None:
        """Case-insensitive search of ``written`` from ``pos``; the match's spans index ``written``.
        A :attr:`Twin.word_start` match is the leftmost where the left-out ``\\b`` holds: the same
        match as the whole pattern's, since the ``\\b`` consumes nothing and the rest is tried the
        same way after it."""
        if self.folds and twin.lower is not None:
            lowered = self.lowered
            match = twin.lower.search(lowered, pos)
            if twin.word_start:
                while match is not None and _WORD_START.match(lowered, match.start()) is None:
                    match = twin.lower.search(lowered, match.start() + 1)
            return match
        return twin.anycase.search(self.written, pos)

    def finditer(self, twin: Twin) -> list[re.Match[str]]:
        """Every case-insensitive match in ``written``, as ``finditer`` gives them: for a
        :attr:`Twin.word_start` twin, each where the left-out ``\\b`` holds (see :meth:`search`);
        a match is never empty, so the next search starts where one ends, as finditer's does."""
        if not self.folds or twin.lower is None:
            return list(twin.anycase.finditer(self.written))
        pattern, lowered = twin.lower, self.lowered
        if not twin.word_start:
            return list(pattern.finditer(lowered))
        found = []
        match = pattern.search(lowered)
        while match is not None:
            start = match.start()
            if _WORD_START.match(lowered, start) is None:
                match = pattern.search(lowered, start + 1)
            else:
                found.append(match)
                match = pattern.search(lowered, match.end())
        return found

    def search_lowered(self, twin: Twin, pos: int = 0) -> re.Match[str] | None:
        """Case-insensitive search of ``lowered`` itself (what the date tables read)."""
        if self.folds and twin.lower is not None:
            return self.search(twin, pos)  # on lowered, which is then written folded one to one
        return twin.anycase.search(self.lowered, pos)

    def written_of(self, match: re.Match[str], group: int | str = 0) -> str:
        """A matched group as written (a match in ``lowered`` holds lower-cased groups)."""
        return self.written[match.start(group) : match.end(group)]

    def start(self, gates: Bits) -> int:
        """Where a trigger of ``gates`` starts: the first one the scan met (0 if none did)."""
        for last, (length, bits) in self.hits:
            if bits & gates.mask:
                return last + 1 - length
        return 0


class Triggers:
    """The triggers of every table in one automaton: each table is :meth:`allot`-ed consecutive
    bits, one per trigger list, and a trigger's payload is (its length, the bits of every list
    that holds it), so one scan answers every table's gates at once. Triggers beyond ASCII
    (Ukrainian and Russian ones) sit in a second automaton, scanned only for text holding one of
    their non-ASCII characters (not for English with curly quotes): they cannot occur elsewhere,
    and in one automaton they made every scan of English text slower. Text holding one is scanned
    once, by a third automaton of every trigger (Ukrainian and Russian sentences quote ASCII
    triggers too: "ЗСУ", "ISW", digits), rather than by both and their hits merged."""

    def __init__(self) -> None:
        self.lists: list[Sequence[str] | None] = []
        self.automaton = ahocorasick.Automaton()
        # the triggers beyond ASCII, if any: a character class of their non-ASCII characters
        # and their automaton
        self.wide: tuple[re.Pattern[str], ahocorasick.Automaton] | None = None
        self.always = 0

    def allot(self, lists: Sequence[Sequence[str] | None]) -> Bits:
        """Bits for a table's trigger lists (before :meth:`build`)."""
        offset = len(self.lists)
        self.lists += lists
        return Bits(offset, ((1 << len(lists)) - 1) << offset)

    def build(self) -> Triggers:
        owners: dict[str, int] = {}
        for bit, words in enumerate(self.lists):
            if not words:
                self.always |= 1 << bit  # a rule without triggers always runs
            for word in words or ():
                owners[word.lower()] = owners.get(word.lower(), 0) | 1 << bit
        wide = ahocorasick.Automaton()  # every trigger: for text holding a non-ASCII one
        for word, gates in owners.items():
            wide.add_word(word, (len(word), gates))
            if word.isascii():
                self.automaton.add_word(word, (len(word), gates))
        self.automaton.make_automaton()
        if any(not word.isascii() for word in owners):
            wide.make_automaton()
            beyond = {ch for word in owners for ch in word if not ch.isascii()}
            self.wide = re.compile(f"[{re.escape(''.join(sorted(beyond)))}]"), wide
        return self

    def read(self, written: str) -> Text:
        """``written`` lower-cased and scanned: one automaton pass for every table (of the ASCII
        triggers' automaton, or of every trigger's for text holding a trigger's non-ASCII
        character)."""
        lowered = written.lower()
        ascii_only = lowered.isascii()
        wide = self.wide
        if not ascii_only and wide is not None and wide[0].search(lowered):
            # one pass of the automaton of every trigger: its hits come in scan order, where
            # each ends and the longer first, as the ASCII and the wide ones' merged would
            hits = list(wide[1].iter(lowered))
        else:
            hits = list(self.automaton.iter(lowered))
        opened = self.always
        for _, (_, gates) in hits:
            opened |= gates
        folds = ascii_only or _folds(written, lowered)
        return tuple.__new__(
            Text, (written, lowered, folds, opened, hits)
        )  # minus NamedTuple's Python-level __new__

    def cut(self, text: Text, start: int, end: int) -> Text:
        """``text.written[start:end]`` (a clause) as :meth:`read` would see it, cut from the
        sentence's scan: the hits lying wholly inside, counted from ``start``. Positions only
        agree where lower-casing folds one character to one; elsewhere the clause is read."""
        if not text.folds:
            return self.read(text.written[start:end])
        hits = [
            (last - start, hit)
            for last, hit in text.hits
            if start <= last + 1 - hit[0] and last < end
        ]
        opened = self.always
        for _, (_, gates) in hits:
            opened |= gates
        return tuple.__new__(
            Text, (text.written[start:end], text.lowered[start:end], True, opened, hits)
        )


def _scan_order(hit: tuple[int, tuple[int, int]]) -> tuple[int, int]:
    """Where a trigger hit ends, then the longer first (as one automaton reports them)."""
    last, (length, _) = hit
    return last, -length


def _folds(written: str, lowered: str) -> bool:
    """Is ``lowered`` ``written`` lower-cased one character to one, with no character that
    IGNORECASE matches to a pattern's letter other than its own lower case? (So for ASCII.)"""
    return len(lowered) == len(written) and _CASE_TRAPS.search(lowered) is None


def last_words_at(text: str, count: int) -> int:
    """Where the last ``count`` whitespace-separated words of ``text`` begin (0 if it has fewer).
    An end-anchored pattern whose matches span at most ``count`` words (the first maybe in part)
    finds the same leftmost match searched from there as from the start, without trying every
    position before."""
    parts = text.rsplit(None, count)
    return len(parts[0]) if len(parts) > count else 0
