"""Russian forms of Ukrainian place names (Лисичанськ → Лисичанск, Іванівка → Ивановка).

Russian-language text, and English text that romanises the Russian name (Ugledar, Kurakhovo,
Chuguev), name Ukrainian places by their Russian spelling. :func:`russian_forms` derives it from
the official Ukrainian name with an ordered table of orthographic rules
(``geo/data/russian_forms.toml``: ikavism і ← о/е, и/ы, adjective endings, the -івка/-ове suffix
families, apostrophes), and returns several candidates when the rules are ambiguous, most likely
first. Places whose Russian name is not the regular counterpart (Рівне/Ровно, Охтирка/Ахтырка)
come from the curated overlay ``ru_irregular.csv`` (in :func:`geo.gazetteer.store.overlay_dir`),
which takes precedence over the rules.

Only Cyrillic → Cyrillic here: romanising the forms (BGN/PCGN, passport...) is left to
:func:`geo.gazetteer.names.variants`.
"""

from __future__ import annotations

import csv
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from geo.gazetteer.names import script_of
from geo.gazetteer.store import overlay_dir

RULES_FILE = "russian_forms.toml"
IRREGULAR_FILE = "ru_irregular.csv"
MAX_FORMS = 4

_APOSTROPHES = re.compile(r"[\u0027\u2019\u02BC\u2018\u0060\u00B4\u02B9\u02BB]")
_MACRO = re.compile(r"<(AFTER|STEM):(\w+)>|<(\w+)>")
_WORDS = re.compile(r"[\s\-]+")


@dataclass(frozen=True, slots=True)
class Rule:
    """One rewrite: a regex on the lower-cased Ukrainian name and its Russian output(s)."""

    pattern: str
    outputs: tuple[str, ...] | dict[str, str]
    example: str


def normalise(name: str) -> str:
    """NFC, every apostrophe as U+02BC, lower case: the form the rules are written against."""
    return _APOSTROPHES.sub("\u02bc", unicodedata.normalize("NFC", name).strip()).lower()


def _expand(pattern: str, macros: dict[str, str], lists: dict[str, list[str]]) -> str:
    def sub(match: re.Match[str]) -> str:
        kind, list_name, macro = match.groups()
        if macro is not None:
            return macros[macro]
        stems = sorted(lists[list_name], key=len, reverse=True)
        start = macros["S"] if kind == "AFTER" else ""
        return "(?:" + "|".join(f"(?<={start}{stem})" for stem in stems) + ")"

    return _MACRO.sub(sub, pattern)


def load_rules(text: str | None = None) -> tuple[list[Rule], list[frozenset[str]]]:
    """The rule table (``geo/data/russian_forms.toml`` unless ``text`` is given), macros expanded,
    with the letters each rule can start with."""
    if text is None:
        text = resources.files("geo.data").joinpath(RULES_FILE).read_text("utf-8")
    data = tomllib.loads(text)
    macros, lists = data.get("macros", {}), data.get("lists", {})
    rules, starts = [], []
    for i, row in enumerate(data["rule"]):
        source = normalise_pattern(row["uk"])
        starts.append(first_chars(source))
        pattern = _expand(source, macros, lists)
        compiled = re.compile(pattern)
        if compiled.groups:
            raise ValueError(f"rule {i} ({row['uk']!r}) has capturing groups; use (?:...)")
        out = row["ru"]
        if isinstance(out, dict):
            outputs: tuple[str, ...] | dict[str, str] = dict(out)
        else:
            outputs = (out,) if isinstance(out, str) else tuple(out)
        rules.append(Rule(pattern, outputs, row.get("ex", "")))
    return rules, starts


def normalise_pattern(pattern: str) -> str:
    """Apostrophes inside rule patterns are written as U+02BC like the normalised names."""
    return pattern.replace("'", "\u02bc").replace("\u2019", "\u02bc")


def _skip_group(pattern: str, start: int) -> int:
    """Index just past the parenthesised group that opens at ``pattern[start]``."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = pattern.index("]", i + 1)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced parentheses in {pattern!r}")


_LEADING_MACRO = re.compile(r"<(?:S|B|E|HARD|AFTER:\w+|STEM:\w+)>")


def first_chars(source: str) -> frozenset[str]:
    """The letters a rule's match can start with (its source pattern, before macro expansion).

    Leading assertions (macros, lookbehinds) are skipped; what follows must be a letter, a
    class of letters or a group of literal alternatives.
    """
    i = 0
    while True:
        macro = _LEADING_MACRO.match(source, i)
        if macro:
            i = macro.end()
        elif source.startswith(("(?<=", "(?<!"), i):
            i = _skip_group(source, i)
        else:
            break
    rest = source[i:]
    if rest.startswith("["):
        body = rest[1 : rest.index("]")]
        if "-" in body or "^" in body or "\\" in body:
            raise ValueError(f"rule {source!r}: leading class must list letters")
        return frozenset(body)
    if rest.startswith("(?:"):
        body = rest[3 : _skip_group(rest, 0) - 1]
        alternatives = body.split("|")
        if not all(a and a[0].isalpha() for a in alternatives):
            raise ValueError(f"rule {source!r}: leading group must be literal alternatives")
        return frozenset(a[0] for a in alternatives)
    if rest[:1].isalpha() or rest[:1] == "\u02bc":
        return frozenset(rest[0])
    raise ValueError(f"rule {source!r}: cannot tell which letter it starts with")


class RuleSet:
    """The compiled rule table, applied in a single left-to-right pass.

    Rules are grouped by the letter they start with, each group behind a lookahead for that
    letter, so at a given position only the rules that can match there are tried (in file order,
    which is all that matters: rules starting with different letters never compete).
    """

    def __init__(self, rules: list[Rule], starts: list[frozenset[str]]) -> None:
        self.rules = rules
        by_char: dict[str, list[str]] = {}
        self._rule_of: dict[str, int] = {}
        for i, (rule, chars) in enumerate(zip(rules, starts, strict=True)):
            for char in sorted(chars):
                name = f"r{i}_{len(self._rule_of)}"
                self._rule_of[name] = i
                by_char.setdefault(char, []).append(f"(?P<{name}>{rule.pattern})")
        self.regex = re.compile(
            "|".join(
                f"(?={re.escape(char)})(?:{'|'.join(branches)})"
                for char, branches in by_char.items()
            )
        )

    def _choices(self, match: re.Match[str]) -> tuple[str, ...]:
        rule = self.rules[self._rule_of[match.lastgroup]]  # type: ignore[index]
        if isinstance(rule.outputs, dict):
            return (rule.outputs[match.group()],)
        return rule.outputs

    def apply(self, name: str) -> tuple[str, ...]:
        """Candidates for one lower-cased, normalised name: first choice first."""
        sites: list[tuple[str, ...]] = []

        def first(match: re.Match[str]) -> str:
            choices = self._choices(match)
            if len(choices) > 1:
                sites.append(choices)
            return choices[0]

        forms = [self.regex.sub(first, name)]
        for site, choices in enumerate(sites):
            for alternative in choices[1:]:
                if len(forms) >= MAX_FORMS:
                    break
                counter = iter(range(len(sites)))

                def pick(
                    match: re.Match[str],
                    site: int = site,
                    alt: str = alternative,
                    counter: Iterator[int] = counter,
                ) -> str:
                    choices = self._choices(match)
                    if len(choices) > 1 and next(counter) == site:
                        return alt
                    return choices[0]

                form = self.regex.sub(pick, name)
                if form not in forms:
                    forms.append(form)
        return tuple(forms)


def _recase(original: str, form: str) -> str:
    """Give ``form`` the capitalisation of ``original`` word by word."""
    words_in, words_out = _WORDS.split(original.strip()), _WORDS.split(form)
    seps = _WORDS.findall(form)
    if len(words_in) != len(words_out):
        return form[:1].upper() + form[1:]
    out = []
    # a form may have merged or split words: pair what pairs
    for i, (src, dst) in enumerate(zip(words_in, words_out, strict=False)):
        if len(src) > 1 and src.isupper():
            dst = dst.upper()
        elif src[:1].isupper():
            dst = dst[:1].upper() + dst[1:]
        out.append(dst + (seps[i] if i < len(seps) else ""))
    return "".join(out)


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The packaged rule table, compiled once."""
    return RuleSet(*load_rules())


@lru_cache(maxsize=131_072)
def rule_forms(name_uk: str) -> tuple[str, ...]:
    """Russian forms of ``name_uk`` by the rules alone (no curated table), most likely first.

    Names that are not Cyrillic give ``()``; names already in Russian spelling (ы, э, ъ, ё) are
    returned as they are.
    """
    script = script_of(name_uk)
    if script == "ru":
        return (unicodedata.normalize("NFC", name_uk.strip()),)
    if script not in ("uk", "cyrl"):
        return ()
    clean = unicodedata.normalize("NFC", name_uk.strip())
    return tuple(_recase(clean, form) for form in default_rules().apply(normalise(clean)))


@dataclass(frozen=True, slots=True)
class Irregulars:
    """The curated table: forms by Ukrainian name (all places) and by KATOTTH code (one place)."""

    by_name: dict[str, tuple[str, ...]]
    by_code: dict[str, tuple[str, ...]]


def load_irregulars(path: Path | None = None) -> Irregulars:
    """Read ``ru_irregular.csv`` (``name_uk,name_ru,katotth,reason``); rows keep their order."""
    if path is None:
        path = overlay_dir() / IRREGULAR_FILE
    by_name: dict[str, list[str]] = {}
    by_code: dict[str, list[str]] = {}
    if path.is_file():
        with path.open(newline="", encoding="utf-8") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                if not (row.get("reason") or "").strip() or not row.get("name_ru"):
                    raise ValueError(f"{path}:{line}: row needs name_ru and a reason")
                code = (row.get("katotth") or "").strip()
                table, key = (by_code, code) if code else (by_name, normalise(row["name_uk"]))
                forms = table.setdefault(key, [])
                for form in row["name_ru"].split("|"):
                    if form.strip() and form.strip() not in forms:
                        forms.append(form.strip())
    return Irregulars(
        {k: tuple(v) for k, v in by_name.items()}, {k: tuple(v) for k, v in by_code.items()}
    )


@lru_cache(maxsize=1)
def default_irregulars() -> Irregulars:
    """The curated table of the overlay folder, read once."""
    return load_irregulars()


def russian_forms(name_uk: str, katotth: str | None = None) -> tuple[str, ...]:
    """Russian forms of a Ukrainian place name, most likely first.

    A curated row for this settlement (``katotth``) or for this name wins over the rules and is
    returned alone: the curated table lists every form it wants kept.
    """
    curated = default_irregulars()
    if katotth and katotth in curated.by_code:
        return curated.by_code[katotth]
    hit = curated.by_name.get(normalise(name_uk))
    if hit:
        return hit
    return rule_forms(name_uk)
