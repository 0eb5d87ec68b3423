#!/usr/bin/env python3
"""Benchmark: two ways to find inflected Ukrainian and Russian place names ("під Бахмутом").

A. case forms in the automaton (what frontline does): every case form of every Cyrillic theatre
   name, generated once with pymorphy3 when the scanner's automaton is built; the scan stays one
   Aho-Corasick pass.
B. pymorphy3 at scan time: the automaton holds nominatives only, and every capitalised Cyrillic
   word of a text is lemmatised (its normal form looked up among the nominatives) — a second
   pass over the words.

Prints, for each: automaton build time, entries and pickled size; scan cost per ~5 kB Ukrainian
and Russian article (bench_corpora.py); recall on the hand-written case forms of
bench_corpora.py (each form in a sentence: found, and mapped to its nominative's key).

    .venv/bin/python scripts/bench_inflection.py [--articles 200]
"""

from __future__ import annotations

import argparse
import pickle
import random
import re
import time

import ahocorasick
from bench_corpora import CYRILLIC_CORPORA, RU_PLACES, UK_PLACES

from geo.gazetteer.names import name_key
from geo.gazetteer.store import GazetteerStore
from geo.text.inflect import analyser
from geo.text.mentions import MentionScanner, add_case_forms, add_names

_CAPITALISED = re.compile(r"\b[А-ЯІЇЄҐ][а-яіїєґё'’ʼ-]+")


def build(store: GazetteerStore, forms: bool) -> tuple[ahocorasick.Automaton, float]:
    """The scanner's automaton with or without the case forms, and its build time."""
    start = time.perf_counter()
    automaton = ahocorasick.Automaton()
    add_names(automaton, store)
    if forms:
        add_case_forms(automaton, store)
    automaton.make_automaton()
    return automaton, time.perf_counter() - start


def lemma_keys(text: str, lang: str) -> list[str]:
    """Approach B: the keys of the normal forms of the capitalised words of ``text``."""
    morph = analyser(lang)
    return [name_key(morph.parse(word)[0].normal_form) for word in _CAPITALISED.findall(text)]


def scan_cost(scanner: MentionScanner, texts: list[str], lang: str) -> tuple[float, float]:
    """Milliseconds per article: the automaton scan alone, and the lemmatising of approach B."""
    start = time.perf_counter()
    for text in texts:
        scanner.scan(text)
    scan = (time.perf_counter() - start) * 1e3 / len(texts)
    start = time.perf_counter()
    for text in texts:
        lemma_keys(text, lang)
    return scan, (time.perf_counter() - start) * 1e3 / len(texts)


def recall(scanner: MentionScanner, places: list[tuple[str, ...]], lang: str) -> tuple[int, int]:
    """(approach A, approach B) counts of case forms found and mapped to their nominative's
    place, out of every form of ``places`` (each in "Бої тривають біля/під … ." style)."""
    found_a = found_b = 0
    for nominative, *forms in places:
        places_of = {h.place.place_id for h in scanner.store.lookup(name_key(nominative))}
        for form in forms:
            sentence = f"Бої тривають біля {form} сьогодні."
            keys = [m.query or m.key for m in scanner.find(sentence) if m.role == "site"]
            if any({h.place.place_id for h in scanner.store.lookup(k)} & places_of for k in keys):
                found_a += 1
            lemma = name_key(" ".join(analyser(lang).parse(w)[0].normal_form for w in form.split()))
            if {h.place.place_id for h in scanner.store.lookup(lemma)} & places_of:
                found_b += 1
    return found_a, found_b


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    store = GazetteerStore()
    for forms in (False, True):
        automaton, seconds = build(store, forms)
        size = len(pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL)) / 1e6
        label = "A (names + case forms)" if forms else "B (names only)"
        print(f"automaton {label}: {seconds:.1f} s, {len(automaton):,} entries, {size:.0f} MB")
    scanner = MentionScanner(store)  # approach A, as the pipeline uses it
    rng = random.Random(12)
    for lang, places in (("uk", UK_PLACES), ("ru", RU_PLACES)):
        corpus = CYRILLIC_CORPORA[lang]
        texts = [corpus.article(rng, i, 0.4)["text"] for i in range(args.articles)]
        scan, lemmas = scan_cost(scanner, texts, lang)
        total = sum(len(forms) - 1 for forms in places)
        found_a, found_b = recall(scanner, places, lang)
        print(
            f"{lang}: scan {scan:.2f} ms/article (A: all of it); lemmatising the capitalised "
            f"words {lemmas:.2f} ms/article more (B); recall of {total} case forms: "
            f"A {found_a / total:.0%}, B {found_b / total:.0%}"
        )


if __name__ == "__main__":
    main()
