"""Claim frames: claimant per clause, nearest stance, actors, quantities, dates."""

from __future__ import annotations

from datetime import date

import pytest

from geo.claims import Claimant, analyse_sentence, resolve_date
from geo.claims.analyse import find_claimant

PUBLISHED = date(2023, 3, 21)  # a Tuesday


def claim_at(sentence: str, word: str, previous: Claimant | None = None):
    frame = analyse_sentence(sentence, PUBLISHED, previous=previous)
    return frame, frame.at(sentence.index(word))


@pytest.mark.parametrize(
    "sentence, word, claimant, kind",
    [
        (
            "Ukraine's military said defenders in Bakhmut had repelled 69 Russian attacks.",
            "Bakhmut",
            "Ukrainian military",
            "military",
        ),
        (
            "Ukraine’s military said defenders in Lyman held out.",
            "Lyman",
            "Ukrainian military",
            "military",
        ),
        (
            "According to British intelligence, supply lines west of Bakhmut are under attack.",
            "Bakhmut",
            "British intelligence",
            "intelligence",
        ),
        (
            "Russia's defence ministry said its forces had taken control of Krasnohorivka.",
            "Krasnohorivka",
            "Russian MoD",
            "military",
        ),
        ("The Kremlin said Putin would visit Mariupol.", "Mariupol", "Kremlin", "government"),
        (
            "\u201cWe expect Beijing to act,\u201d said Oleg Nikolenko, "
            "a spokesperson for Ukraine's foreign ministry.",
            "Beijing",
            "Ukrainian MFA",
            "government",
        ),
        (
            "The Institute for the Study of War assessed that "
            "Russian forces advanced near Kreminna.",
            "Kreminna",
            "ISW",
            "osint",
        ),
        ("Russian forces shelled Kherson overnight.", "Kherson", "Unattributed report", "media"),
        (  # occupation and separatist authorities speak for the Russian side
            "Denis Pushilin, the Russian-installed head of the Donetsk region, said Ukrainian "
            "forces shelled Horlivka overnight.",
            "Horlivka",
            "Russian-installed authorities",
            "government",
        ),
        (
            "The self-proclaimed Donetsk People's Republic said its forces captured Marinka.",
            "Marinka",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Vladimir Saldo, the Moscow-appointed governor of the Kherson region, said the "
            "evacuation of Nova Kakhovka would continue.",
            "Nova Kakhovka",
            "Russian-installed authorities",
            "government",
        ),
        (
            "The regional governor said Russian forces shelled Nikopol overnight.",
            "Nikopol",
            "Regional authorities",
            "government",
        ),
        # a numbered brigade of Ukraine's, or "the" one the story is about (not Russia's)
        (
            "Rostyslav Yashchyshyn, spokesman for the 63rd Mechanized Brigade, said Russian "
            "troops attacked Lyman.",
            "Lyman",
            "Ukrainian military",
            "military",
        ),
        (
            "A spokesman for the 79th Air-Assault Brigade said Russian troops attacked Lyman.",
            "Lyman",
            "Ukrainian military",
            "military",
        ),
    ],
)
def test_claimants(sentence, word, claimant, kind):
    _, claim = claim_at(sentence, word)
    assert (claim.claimant, claim.claimant_kind) == (claimant, kind)


def test_two_clauses_two_claimants():
    s = (
        "Russian artillery shelled Kherson overnight, killing two civilians, "
        "the regional governor said, while Ukraine's military said Russian forces remained "
        "on the defensive in the Zaporizhzhia region."
    )
    _, kherson = claim_at(s, "Kherson")
    _, zap = claim_at(s, "Zaporizhzhia")
    assert (kherson.claimant, kherson.stance) == ("Regional authorities", "struck")
    assert (zap.claimant, zap.stance) == ("Ukrainian military", "on the defensive")


def test_anaphoric_subject_inherits_the_previous_claimant():
    previous = Claimant("Russian MoD", "military", "RU", "Russia's defence ministry")
    s = (
        "The ministry also said Russian units were advancing on the outskirts of Avdiivka, "
        "where Ukrainian troops have held since 2014."
    )
    _, claim = claim_at(s, "Avdiivka", previous)
    assert (claim.claimant, claim.stance) == ("Russian MoD", "advancing")
    _, without = claim_at(s, "Avdiivka")
    assert without.claimant == "Unattributed report"


def test_nearest_stance_cue_wins():
    s = (
        "Ukraine's military said it held positions near Kupiansk, "
        "where Russian troops attacked on Monday."
    )
    _, claim = claim_at(s, "Kupiansk")
    assert claim.stance == "held"
    s = (
        "The General Staff said defenders had beaten back assaults near Marinka and Russian forces "
        "were shelling the town of Kostiantynivka."
    )
    assert claim_at(s, "Marinka")[1].stance == "repelled"
    assert claim_at(s, "Kostiantynivka")[1].stance == "struck"


@pytest.mark.parametrize(
    "sentence, stance, event_type, sub_type",
    [
        (
            "Russian forces captured Soledar, the Wagner Group said.",
            "captured",
            "Battles",
            "Armed clash",
        ),
        (
            "Ukrainian troops withdrew from Soledar.",
            "withdrew",
            "Strategic developments",
            "Non-violent transfer of territory",
        ),
        (
            "A missile strike hit Kramatorsk.",
            "struck",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        (
            "Several EU countries agreed in Brussels to buy shells.",
            "agreed",
            "Strategic developments",
            "Agreement",
        ),
        ("Xi met Putin in Moscow.", "met", "Strategic developments", "Other"),
        ("Residents of Dnipro describe a quiet night.", None, "Strategic developments", "Other"),
    ],
)
def test_stances_map_to_acled_types(sentence, stance, event_type, sub_type):
    word = next(
        w for w in ("Soledar", "Kramatorsk", "Brussels", "Moscow", "Dnipro") if w in sentence
    )
    _, claim = claim_at(sentence, word)
    assert (claim.stance, claim.event_type, claim.sub_event_type) == (stance, event_type, sub_type)


def test_actors_and_quantities():
    frame = analyse_sentence(
        "Ukraine's military said defenders in Bakhmut had repelled 69 Russian attacks.", PUBLISHED
    )
    assert (frame.actor1, frame.actor2) == (
        "Military Forces of Ukraine",
        "Military Forces of Russia",
    )
    assert (frame.quantity, frame.quantity_unit) == ("69", "attacks")
    frame = analyse_sentence("Both sides fire thousands of rounds per day.", PUBLISHED)
    assert (frame.quantity, frame.quantity_unit) == (None, "rounds (thousands)")
    frame = analyse_sentence("EU countries agreed to buy 155 mm artillery shells.", PUBLISHED)
    assert (frame.quantity, frame.quantity_unit) == ("155", "mm")
    frame = analyse_sentence("Russia sent tens of thousands of troops into Ukraine.", PUBLISHED)
    assert frame.quantity_unit == "troops (tens of thousands)"


@pytest.mark.parametrize(
    "sentence, expected, precision",
    [
        ("Defenders repelled 69 attacks in the previous day.", date(2023, 3, 20), 1),
        ("On Monday, Xi met Putin.", date(2023, 3, 20), 1),
        ("The ICC issued a warrant on Friday.", date(2023, 3, 17), 1),
        ("He won a third term earlier this month.", date(2023, 3, 1), 3),
        ("Shelling hit Kherson last week.", date(2023, 3, 14), 2),
        ("The offensive began last summer.", date(2022, 6, 1), 3),
        ("Forces have held out since last summer.", PUBLISHED, 1),
        ("The town fell on 20 February 2023.", date(2023, 2, 20), 1),
        ("The town fell on March 4.", date(2023, 3, 4), 1),
        ("Russian forces remain on the defensive.", PUBLISHED, 1),
    ],
)
def test_dates_against_publication(sentence, expected, precision):
    day, prec, _ = resolve_date(sentence, PUBLISHED)
    assert (day, prec) == (expected, precision)


def test_relative_dates_need_a_publication_date():
    assert resolve_date("Defenders repelled attacks on Monday.", None) == (None, None, None)
    assert resolve_date("The town fell on 20 February 2023.", None)[0] == date(2023, 2, 20)


@pytest.mark.parametrize(
    "sentence, word, claimant, stance",
    [
        (
            "Russian milbloggers claimed that Russian forces advanced west of Kreminna.",
            "Kreminna",
            "Russian milbloggers",
            "advancing",
        ),
        (
            "Ukrainian Deputy Defense Minister Hanna Malyar stated that "
            "Russian forces lost the initiative near Vuhledar.",
            "Vuhledar",
            "Ukrainian MoD",
            None,
        ),
        (
            "Maliar added that Ukrainian troops hold the line near Marinka.",
            "Marinka",
            "Ukrainian MoD",
            "held",
        ),
        (
            "Yevgeny Prigozhin said that Wagner fighters control 70 percent of Bakhmut.",
            "Bakhmut",
            "Wagner Group",
            "advancing",
        ),
    ],
)
def test_isw_style_attributions(sentence, word, claimant, stance):
    frame, claim = claim_at(sentence, word)
    assert (claim.claimant, claim.stance) == (claimant, stance)
    if "percent" in sentence:
        assert (frame.quantity, frame.quantity_unit) == ("70", "percent")


def test_trailing_anaphor_credits_the_previous_claimant():
    previous = Claimant("Russian MoD", "military", "RU", "Russia's Defence Ministry")
    s = (
        "In the South Donetsk direction, units of the Vostok group struck Ukrainian positions near "
        "Ugledar, the ministry said."
    )
    _, claim = claim_at(s, "Ugledar", previous)
    assert (claim.claimant, claim.stance) == ("Russian MoD", "struck")


def test_previous_is_only_worked_out_for_a_sentence_that_refers_back():
    calls = []

    def previous():
        calls.append(1)
        return Claimant("Russian MoD", "military", "RU", "Russia's defence ministry")

    analyse_sentence(
        "Russian units advanced near Avdiivka.", PUBLISHED, previous=previous
    )  # no cue
    analyse_sentence(
        "Britain said Russian units advanced near Avdiivka.", PUBLISHED, previous=previous
    )  # no anaphor
    assert not calls
    frame = analyse_sentence(
        "The ministry said Russian units advanced near Avdiivka.", PUBLISHED, previous=previous
    )
    assert calls == [1] and frame.claimant.name == "Russian MoD"


def test_claimant_text_is_kept_as_written():
    assert find_claimant("UKRAINE\u2019S MILITARY said defenders held out.") == Claimant(
        "Ukrainian military", "military", "UA", "UKRAINE'S MILITARY"
    )


def test_letters_lower_casing_cannot_fold_still_match_case_insensitively():
    """IGNORECASE matches a dotless "ı" to "i" and a long "ſ" to "s", which str.lower() keeps:
    such sentences are matched as written, as case-insensitively as any other."""
    claimant = find_claimant("The Ukra\u0131nian military said defenders held out.")
    assert (claimant.name, claimant.text) == ("Ukrainian military", "Ukra\u0131nian military")
    s = (
        "Russian artillery shelled Kherson, the governor said, wh\u0131le Ukraine's military said "
        "Russian forces dug in."
    )
    frame = analyse_sentence(s, PUBLISHED)
    assert [c.name for _, _, c in frame.clauses] == ["Regional authorities", "Ukrainian military"]


def test_a_mention_as_near_to_two_stance_cues_takes_the_earlier():
    s = "Russian troops attacked Avdiivka and Marinka and shelled Kurakhove."
    frame = analyse_sentence(s, PUBLISHED)
    (_, end, first), (start, _, second) = frame.stances
    middle = (end + start) // 2
    assert middle - end == start - middle  # as near to both
    assert [frame.at(p).stance for p in (middle - 1, middle, middle + 1)] == [
        first.name,
        first.name,
        second.name,
    ]
    assert (first.name, second.name) == ("under attack", "struck")


def test_table_words_only_match_from_the_start_of_a_word():
    frame = analyse_sentence(
        "Prussian forces met 5 kilometres from Bakhmut, a preliminary report said.", PUBLISHED
    )
    assert frame.actor1 is None
    assert [rule.name for _, _, rule in frame.stances] == ["met"]
    assert frame.stances[0][0] == len("Prussian forces ")


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian drones hit Kharkiv overnight.",
        "Missiles hitting Odesa killed two people.",
        "Kharkiv was hit by Russian drones overnight.",
        "A building in Kherson was hit by a missile.",
    ],
)
def test_weapons_that_hit_a_place_are_a_strike(records, sentence):
    """ "drones hit", "hit by a missile": the wire's commonest strike verb is the "struck" stance;
    "hit back" is none."""
    (row,) = records(sentence)
    assert row["stance"] == "struck"


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia's 155th Naval Infantry Brigade said its troops captured Lyman.",
        "The 155th Russian Naval Infantry Brigade said its troops captured Lyman.",
    ],
)
def test_a_russian_brigade_is_no_ukrainian_claimant(sentence):
    _, claim = claim_at(sentence, "Lyman")
    assert claim.claimant != "Ukrainian military"
