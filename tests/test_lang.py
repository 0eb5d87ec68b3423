"""The language of a text: letters only Ukrainian or only Russian writes decide before lingua."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.text import lang
from geo.text.lang import (
    cyrillic_language,
    detect,
    detected_language,
    document_languages,
    letters_language,
)

UK = (
    "Сили оборони відбили 12 атак противника поблизу Кліщіївки та Іванівського, "
    "повідомили в Генеральному штабі ЗСУ. Ворог продовжує наступ на Покровському напрямку."
)
RU = (
    "Подразделения группировки войск «Южная» улучшили положение по переднему краю и "
    "нанесли поражение живой силе противника в районах населенных пунктов Клещеевка."
)


def test_letters_decide_prose() -> None:
    assert letters_language(UK) == "uk"
    assert letters_language(RU) == "ru"


@pytest.mark.parametrize(
    "sample",
    [
        "Енергодар → Энергодар",  # short: a name in both spellings
        "Бои продолжаются под Кременной и у Кремінна, сообщили в ведомстве в полдень.",  # both
        "Подразделения группировки «Восток» продолжили наступление на Угледар.",  # no ы, no і
        "Командир полку заявив про наступ ворога на Угледар сьогодні вранці",  # one і
    ],
)
def test_ambiguous_samples_go_to_the_detector(sample: str) -> None:
    assert letters_language(sample) is None


def test_letters_agree_with_the_detector_on_generated_articles() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from bench_corpora import CYRILLIC_CORPORA

    rng = random.Random(3)
    decided = 0
    for code in ("uk", "ru"):
        for i in range(60):
            text = CYRILLIC_CORPORA[code].article(rng, i, 0.4)["text"]
            for part in [text, *text.split("\n")[:2]]:
                sample = lang._sample(part)
                found = letters_language(sample)
                if found is not None:
                    decided += 1
                    assert found == detected_language(sample) == code
    assert decided > 200


def test_letters_spare_the_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(lang, "detected_language", lambda s: calls.append(s) or "ru")
    cyrillic_language.cache_clear()
    try:
        assert cyrillic_language(UK) == "uk"
        assert cyrillic_language(RU) == "ru"
        assert not calls
        assert cyrillic_language("Енергодар → Энергодар") == "ru"  # asked
        assert calls == ["Енергодар → Энергодар"]
    finally:
        cyrillic_language.cache_clear()


def test_document_languages() -> None:
    assert document_languages("Fighting near Bakhmut, officials said.").langs == ("en",)
    assert document_languages("“Fighting” near Bakhmut.").langs == ("en",)  # not ASCII, no Cyrillic
    assert document_languages(UK).langs == ("uk",)
    assert document_languages(RU).langs == ("ru",)
    mixed = document_languages(f"Officials in Kyiv quoted the statement.\n{UK}\n{RU}")
    assert mixed.langs == ("en", "uk", "ru")
    assert mixed.at(0) == "en" and mixed.at(50) == "uk"
    assert detect("No Cyrillic here.") == "en"
    assert detect(RU) == "ru"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ASCII",
        "“curly” quotes — and dashes",
        "Київ",
        "Ѐӿ",  # the ends of the Cyrillic block
        "Ԁ after it, Ͽ before it",
        "mixed Бахмут and Bakhmut",
        "12 345 ₴ № 7",
        "a lone surrogate \ud800 here",
        "emoji 🇺🇦 and ґ",
    ],
)
def test_byte_checks_equal_the_regexes(text: str) -> None:
    assert lang.has_cyrillic(text) == bool(lang._CYRILLIC.search(text))
    assert lang.has_latin(text) == bool(lang._LATIN.search(text))


@given(st.text(alphabet=st.characters(codec=None), max_size=60))
def test_byte_checks_equal_the_regexes_on_any_text(text: str) -> None:
    assert lang.has_cyrillic(text) == bool(lang._CYRILLIC.search(text))
    assert lang.has_latin(text) == bool(lang._LATIN.search(text))
