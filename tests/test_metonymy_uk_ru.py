"""Seats of government standing for their governments in Ukrainian and Russian, as "Moscow
said" does in English (``geo/data/metonyms.csv``): "Київ заявив", "у Москві заявили", "за
словами Москви" name an actor and credit a claimant, and put no point on Kyiv or Moscow; the
same names struck or attacked ("обстріл Києва", "дрони атакували Москву") stay places."""

from __future__ import annotations

from datetime import date

import pytest

from geo.text.sources import Document
from tests.test_mentions_uk_ru import km

KYIV = (50.45, 30.52)
MOSCOW = (55.75, 37.62)
BELGOROD = (50.60, 36.59)
TOLERANCE_KM = 10.0


@pytest.mark.parametrize(
    "sentence, seat, government",
    [
        ("Київ заявив, що російські війська обстріляли Херсон.", "Київ", "Ukrainian government"),
        ("Москва заявила, що ЗСУ обстріляли Бєлгород.", "Москва", "Russian government"),
        ("У Москві заявили, що ЗСУ обстріляли Бєлгород.", "Москві", "Russian government"),
        ("В Москве заявили, что ВСУ обстреляли Белгород.", "Москве", "Russian government"),
        ("Москва відкинула звинувачення в обстрілі Херсона.", "Москва", "Russian government"),
        ("За словами Москви, ЗСУ обстріляли Бєлгород.", "Москви", "Russian government"),
        ("В Киеве ответили, что российские войска обстреляли Херсон.", "Киеве",
         "Ukrainian government"),
        ("Переговори з Києвом зірвано, російські війська обстріляли Херсон.", "Києвом",
         "Ukrainian government"),
        ("Киев заявил, что российские войска обстреляли Херсон.", "Киев", "Ukrainian government"),
    ],
)  # fmt: skip
def test_a_seat_of_government_speaking_is_an_actor(extractor, sentence, seat, government):
    (mention,) = [m for m in extractor.scanner.find(sentence) if m.text == seat]
    assert (mention.role, mention.metonymic) == ("actor", True)
    assert mention.notes == [f"metonymy: {government}"]


@pytest.mark.parametrize(
    "sentence, seat",
    [
        # its army's losses and moves: the state, not the city
        ("По данным Минобороны России, за сутки Киев потерял до 210 военнослужащих.", "Киев"),
        ("Київ відправив резерви під Покровськ.", "Київ"),
        # its forces (set 73: RIA's "под огнем вооруженных сил Киева")
        ("Двое жителей Алешек оказались под огнем вооруженных сил Киева.", "Киева"),
        ("Село обстріляли підрозділи збройних сил Москви.", "Москви"),
    ],
)
def test_a_seat_of_government_losing_or_sending_troops_is_an_actor(extractor, sentence, seat):
    (mention,) = [m for m in extractor.scanner.find(sentence) if m.text == seat]
    assert (mention.role, mention.metonymic) == ("actor", True)


@pytest.mark.parametrize(
    "sentence, seat, point",
    [
        ("Обстріл Києва тривав дві години.", "Києва", KYIV),
        ("Росія завдала удару по Києву.", "Києву", KYIV),
        ("Київ атакували дрони, повідомили в КМВА.", "Київ", KYIV),  # object first: a place
        ("У Києві пролунали вибухи.", "Києві", KYIV),
        ("Дрони атакували Москву.", "Москву", MOSCOW),
        ("В Москве прогремели взрывы.", "Москве", MOSCOW),
    ],
)
def test_the_same_names_struck_or_where_something_happens_stay_places(
    extractor, sentence, seat, point
):
    doc = Document("post", sentence, published=date(2023, 3, 21))
    (record,) = [r for r in extractor.document_records(doc) if r["location"] == seat]
    assert km((record["latitude"], record["longitude"]), point) < TOLERANCE_KM


@pytest.mark.parametrize(
    "text, claimant",
    [
        ("У Москві заявили, що ЗСУ обстріляли Бєлгород.", "Russian government"),
        ("За словами Москви, ЗСУ обстріляли Бєлгород.", "Russian government"),
        ("Москва заявила, що ЗСУ обстріляли Бєлгород.", "Russian government"),
        ("На Банковій заявили, що ЗСУ обстріляли Бєлгород.", "Ukrainian government"),
        ("На Банковой заявили, что ВСУ обстреляли Белгород.", "Ukrainian government"),
    ],
)
def test_only_the_site_gets_a_record_credited_to_the_government(extractor, text, claimant):
    """The seat speaking is no event site: the one record is Belgorod's, credited to the
    government the seat (or "Банкова", the street of the President's Office) stands for."""
    doc = Document("post", text, published=date(2023, 3, 21))
    (record,) = extractor.document_records(doc)
    assert record["claimant"] == claimant
    assert km((record["latitude"], record["longitude"]), BELGOROD) < TOLERANCE_KM
