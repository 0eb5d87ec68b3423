"""The pattern tables stay consistent: every alternative of a rule can be reached through its
triggers, and the patterns take the fast paths: case-sensitive on lower-cased text, and without
their leading \\b where every alternative starts with a letter."""

from __future__ import annotations

import itertools
import re
import string
import tomllib
from importlib import resources
from re import _parser  # getwidth(): the shortest match a pattern allows

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo.claims.tables import Twin, lower_case_only, read, word_start_body
from geo.core.patterns import factored, factored_alternation


def _top_level_alternatives(pattern: str) -> list[str]:
    # "\b(a|b)\b" is its group's alternatives; "\blast (a|b)\b" is one alternative
    body = re.sub(r"^\\b\(|\)\\b$", "", pattern) if pattern.startswith("\\b(") else pattern
    parts, depth, current = [], 0, ""
    for ch in body:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def _spellings(alternative: str) -> list[str]:
    """Literal spellings of an alternative:
    optional groups/characters and flat (a|b) groups expanded."""
    # a lookaround only tests what is written around it ("захоп(?<!не захоп)", "мзс(?! рф)")
    text = re.sub(r"\(\?<?[=!][^()]*\)", "", alternative)
    text = text.replace("\\b", "").replace("^", "").replace("\\s", " ").replace("\\.", ".")
    text = re.sub(r"\[([^\]\\^-]+)\]", lambda m: f"({'|'.join(m.group(1))})", text)  # [её] → (е|ё)
    text = re.sub(r"(\w|')\?", r"(\1|)", text)  # e'? → (e'|)
    text = re.sub(r"\(([^()]*)\)\?", r"(\1|)", text)
    groups = re.findall(r"\(([^()]*)\)", text)
    frame = re.sub(r"\(([^()]*)\)", "{}", text)
    options = [g.split("|") for g in groups]
    return [frame.format(*choice) for choice in itertools.product(*options)][:500]


def _claims_data() -> dict:
    return tomllib.loads(resources.files("geo.data").joinpath("claims.toml").read_text("utf-8"))


def _dates_data() -> dict:
    return tomllib.loads(resources.files("geo.data").joinpath("dates.toml").read_text("utf-8"))


def _scripts(row: dict, name: str):
    """A row's English part and its Cyrillic part (Ukrainian and Russian), as (id, part)."""
    if "pattern" in row:
        yield name, row
    if "cyrillic" in row:
        yield f"{name}:cyrillic", row["cyrillic"]


def _table_rows():
    """(id, row) of every rule of the claim and date tables, with its name."""
    data = _claims_data()
    for table in ("claimant", "stance", "actor"):
        for rule in data[table]:
            yield f"{table}:{rule['name']}", rule
    for script in ("", "_cyrillic"):
        yield (
            f"reporting_cues{script}",
            {
                "name": f"reporting cues{script}",
                "pattern": data[f"reporting_cues{script}"],
                "triggers": data[f"reporting_triggers{script}"],
            },
        )
    for rule in _dates_data()["relative"]:
        yield f"relative:{rule['triggers'][0]}", {"name": rule["triggers"][0], **rule}


def _rules():
    for name, row in _table_rows():
        for part_id, part in _scripts(row, name):
            yield pytest.param({"name": part_id, **part}, id=part_id)


@pytest.mark.parametrize("rule", list(_rules()))
def test_every_alternative_contains_a_trigger(rule):
    triggers = [t.lower() for t in rule["triggers"]]
    missing = []
    for alternative in _top_level_alternatives(rule["pattern"]):
        if "((" in alternative:
            continue  # nested groups are not expanded here; the claim tests cover those rules
        for spelling in _spellings(alternative):
            if not any(t in spelling.lower() for t in triggers):
                missing.append(spelling)
    assert not missing, f"{rule['name']}: no trigger in {missing[:5]}"


def test_each_clause_boundary_needs_its_trigger_row():
    """Row i of clause_triggers lists what alternative i of clause_split needs (a trigger from
    each list): the split is skipped when no row is complete, so a row too strict loses splits."""
    data = _claims_data()
    alternatives = _top_level_alternatives(data["clause_split"])
    assert len(alternatives) == len(data["clause_triggers"])
    for alternative, needs in zip(alternatives, data["clause_triggers"], strict=True):
        literal = (
            alternative.replace("\\s*", "")
            .replace("\\s+", " ")
            .replace("\\w+", "x")
            .replace("?=", "")
            .replace("?:", "")
        )
        for spelling in _spellings(literal):
            assert all(any(t in spelling for t in triggers) for triggers in needs), (
                alternative,
                spelling,
            )


def _patterns():
    claims = _claims_data()
    dates = tomllib.loads(resources.files("geo.data").joinpath("dates.toml").read_text("utf-8"))
    yield from (
        claims[key] for key in ("reporting_cues", "reporting_cues_cyrillic", "clause_split")
    )
    yield from claims["anaphora"]
    yield from claims["anaphora_cyrillic"]
    yield from (quantity["pattern"] for quantity in claims["quantity"])
    for name, row in _table_rows():
        yield from (part["pattern"] for _, part in _scripts(row, name))
    yield from (part["pattern"] for _, part in _scripts(dates["explicit"], "explicit"))


@pytest.mark.parametrize("pattern", list(_patterns()))
def test_patterns_are_lower_case(pattern):
    """Lower-case patterns run case-sensitively on the lower-cased sentence, several times faster
    than IGNORECASE; anything else still works, only slower."""
    assert lower_case_only(pattern)


@pytest.mark.parametrize(
    "pattern, fast",
    [
        ("\\b(ukraine'?s military|zsu)\\b", True),
        ("(?P<number>\\d+(?:[,.]\\d{3})?)\\s+km", True),
        (
            "\\bKyiv\\b",
            False,
        ),  # upper case: IGNORECASE would match "kyiv", the lower-cased text has no "K"
        ("(?-i:kyiv)", False),  # an inline flag can make a part case-sensitive
        ("[ -a]", False),  # a range can hold upper-case letters
        ("\\u004byiv", False),  # an escape can name one
        (
            "\u00e9vacuation",
            False,
        ),  # non-ASCII: IGNORECASE has extra cases ("µ" is "μ") lower() lacks
        ("\\b(відби(в|ла|ли)|отразили|ґ)\\b", True),  # Ukrainian and Russian lower case
        ('угруповання [«"]?хортиця', True),  # signs without case
        ("\\bВідбили\\b", False),
        ("\u24d0", False),  # a circled "a" is no letter but has an upper case
    ],
)
def test_lower_case_only(pattern, fast):
    assert lower_case_only(pattern) is fast


def test_text_that_ignorecase_reads_otherwise_is_matched_as_written():
    """Every character IGNORECASE matches to a letter a pattern may spell (ASCII or Cyrillic)
    although str.lower() keeps it apart ("ı", "ſ", the old rounded "ᲀ" for "в") makes the
    sentence not fold, so the case-insensitive twin runs on it as written."""
    letters = string.ascii_lowercase + "".join(map(chr, range(0x430, 0x460))) + "\u0491"
    everything = "".join(map(chr, itertools.chain(range(0xD800), range(0xE000, 0x110000))))
    matched = set(re.findall(f"[{letters}]", everything, re.IGNORECASE))
    apart = {c for c in matched if c.lower() not in letters}
    assert {"\u0131", "\u017f", "\u1c80"} <= apart
    assert [c for c in apart if read(f"x{c}x").folds] == []


def _table_patterns():
    """The patterns of the rule tables, which spell every alternative from a letter."""
    for name, row in _table_rows():
        for part_id, part in _scripts(row, name):
            yield pytest.param(part["pattern"], id=part_id)


@pytest.mark.parametrize("pattern", list(_table_patterns()))
def test_table_patterns_search_from_a_letter(pattern):
    """Without its leading \\b a pattern whose alternatives all start with a letter lets ``re``
    skip to those letters; one alternative starting with a group or "^" makes every search try
    every position (write "(the )?day" as "the day|day", "^ukraine" as "ukraine(?<=^ukraine)")."""
    assert word_start_body(pattern) is not None


@pytest.mark.parametrize("pattern", list(_patterns()))
def test_patterns_never_match_empty(pattern):
    """The searches go on from where a match ends, as finditer does after a non-empty match."""
    assert _parser.parse(pattern).getwidth()[0] > 0


@pytest.mark.parametrize(
    "pattern, body",
    [
        ("\\b(said|says)\\b", "(said|says)\\b"),
        ("\\blast week\\b", "last week\\b"),
        ("\\b(?P<n>dozens|hundreds) of\\b", "(?P<n>dozens|hundreds) of\\b"),
        ("\\b(ukraine(?<=^ukraine) says|kyiv)\\b", "(ukraine(?<=^ukraine) says|kyiv)\\b"),
        ("\\b(on )?monday\\b", None),  # the optional group may start it: no letter to skip to
        ("\\b((our|its) forces|defenders)\\b", None),  # an alternative starting with a group
        ("\\b(^ukraine says|kyiv)\\b", None),
        ("\\b(\\d+|dozens) troops\\b", None),
        ("\\b(a?b|c)\\b", None),  # "a" is optional
        ("\\bsaid\\b|says", None),  # the \\b governs only the first alternative
        ("\\b(?=said)said\\b", None),  # a lookahead first
        ("(said|says)\\b", None),  # no leading \\b to leave out
    ],
)
def test_word_start_body(pattern, body):
    assert word_start_body(pattern) == body


@pytest.mark.parametrize("pattern", [p for p in _patterns() if word_start_body(p) is not None])
def test_word_start_twins_find_what_the_whole_pattern_finds(pattern):
    """The twin without its leading \\b, checking it where a match starts, finds the same
    matches as the whole pattern: inside words, at the start, next to each other."""
    whole, twin = re.compile(pattern), Twin.compile(pattern)
    assert twin.word_start
    for alternative in _top_level_alternatives(pattern):
        for spelling in _spellings(alternative)[:40]:
            for sentence in (
                spelling,
                f"x{spelling} {spelling}, {spelling}{spelling} and {spelling}s",
                f"'{spelling}-{spelling}",
            ):
                text = read(sentence.lower())
                assert [m.span() for m in text.finditer(twin)] == [
                    m.span() for m in whole.finditer(text.lowered)
                ], sentence
                for pos in range(len(sentence)):
                    found, expected = text.search(twin, pos), whole.search(text.lowered, pos)
                    assert (found and found.span()) == (expected and expected.span()), (
                        sentence,
                        pos,
                    )


def test_triggers_beyond_ascii_are_scanned_apart_and_merged_in_scan_order():
    """Cyrillic triggers sit in their own automaton, scanned only for text beyond ASCII; a
    sentence with both kinds gets every hit, in the order one scan would give them."""
    text = read("the general staff (генштаб зсу) said defenders відбили the attack.")
    found = [text.lowered[last + 1 - length : last + 1] for last, (length, _) in text.hits]
    assert {"general staff", "said", "генштаб", "відби"} <= set(found)
    assert [last for last, _ in text.hits] == sorted(last for last, _ in text.hits)


def test_one_scan_of_every_trigger_equals_the_two_scans_merged():
    """Text beyond ASCII is scanned once by the automaton of every trigger; its hits are those
    of the ASCII triggers' automaton and the wide triggers' automaton, merged in scan order."""
    import random
    import sys
    from pathlib import Path

    import ahocorasick

    from geo.claims.tables import tables
    from geo.core.patterns import _scan_order

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from bench_corpora import CYRILLIC_CORPORA

    triggers = tables().triggers
    assert triggers.wide is not None
    wide_only = ahocorasick.Automaton()
    for words in triggers.lists:
        for word in words or ():
            if not word.isascii():
                wide_only.add_word(word.lower(), None)
    wide_only.make_automaton()
    rng = random.Random(4)
    sentences = [
        "the general staff (генштаб зсу) said defenders відбили the attack.",
        "Генштаб ЗСУ: оборонці відбили 12 атак, ISW confirms, said the report.",
    ]
    for code in ("uk", "ru"):
        for i in range(15):
            sentences += CYRILLIC_CORPORA[code].article(rng, i, 0.4)["text"].split(". ")
    checked = 0
    for sentence in sentences:
        text = triggers.read(sentence)
        lowered = sentence.lower()
        ascii_hits = list(triggers.automaton.iter(lowered))
        wide_hits = [
            (last, payload)
            for last, payload in triggers.wide[1].iter(lowered)
            if wide_only.exists(lowered[last + 1 - payload[0] : last + 1])
        ]
        assert text.hits == sorted(ascii_hits + wide_hits, key=_scan_order), sentence
        checked += bool(ascii_hits and wide_hits)
    assert checked


@pytest.mark.parametrize(
    "pattern, joined",
    [
        ("(said|says|stated|told)\\b", "(s(?:a(?:id|ys)|tated)|told)\\b"),
        ("(?P<n>aa|ab|ac|ad)", "(?P<n>a(?:a|b|c|d))"),
        # a group, an escape or an optional first letter stays where it is; nothing crosses it
        ("ab|ac|(x|y)|ad|ae", "a(?:b|c)|(x|y)|a(?:d|e)"),
        ("ab|ac|\\dx|ad|ae", "a(?:b|c)|\\dx|a(?:d|e)"),
        ("a?b|ac|ad|ae|af", "a?b|a(?:c|d|e|f)"),
        ("a|ab|abc|b", "a(?:|b(?:|c))|b"),  # the shorter first still wins, as before
        ("генштаб|гшу|генеральн|зсу", "г(?:ен(?:штаб|еральн)|шу)|зсу"),
        ("(?=a|b|c|d)x", "(?=a|b|c|d)x"),  # a lookahead is not an alternation to join
        ("(a|b)c", "(a|b)c"),  # too few to gain anything
    ],
)
def test_factored_joins_alternatives_behind_their_first_letter(pattern, joined):
    assert factored(pattern) == joined


_ALTERNATIVE = st.text(alphabet="abc", min_size=1, max_size=4).map(
    lambda s: s if len(s) < 2 else f"{s[0]}(?:x|{s[1:]})"  # some alternatives hold groups
) | st.sampled_from(["a?b", "\\d", "(a|c)b", "b+", "c(?<!cc)"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALTERNATIVE, min_size=4, max_size=12), st.text(alphabet="abcx1 ", max_size=30))
def test_factored_patterns_find_what_the_whole_alternation_finds(alternatives, text):
    """Same matches, at the same places, with the same text, leftmost-first alternation and all."""
    pattern = f"({'|'.join(alternatives)})c?"
    whole, joined = re.compile(pattern), re.compile(factored(pattern))
    assert [(m.span(), m.group(1)) for m in joined.finditer(text)] == [
        (m.span(), m.group(1)) for m in whole.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="aksſKK-", min_size=1, max_size=3), min_size=4, max_size=10),
    st.text(alphabet="aksſKKA-S ", max_size=30),
)
@example(["sx", "ſ", "sa", "k"], "sa")  # joined behind "s", "sa" would come before "ſ"
def test_factored_alternation_finds_what_the_alternation_finds_under_ignorecase(words, text):
    """Under IGNORECASE "s" also matches "ſ", and "k" the Kelvin sign: alternatives starting
    with those are never joined behind one letter, so the matches stay the same."""
    escaped = [re.escape(w) for w in words]
    whole = re.compile("|".join(escaped), re.IGNORECASE)
    joined = re.compile(factored_alternation(escaped), re.IGNORECASE)
    assert [m.span() for m in joined.finditer(text)] == [m.span() for m in whole.finditer(text)]
