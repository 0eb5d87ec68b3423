"""Toponym recognition in wire-style sentences: each context pattern, with negative cases."""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km


@pytest.fixture(scope="module")
def find(extractor):
    def _find(sentence: str):
        return extractor.scanner.find(sentence)

    return _find


def sites(mentions):
    return [m.text for m in mentions if m.role == "site"]


def by_text(mentions, text):
    return next(m for m in mentions if m.text == text)


def test_enumeration_shares_the_trailing_region_hint(find):
    ms = find(
        "Defenders in Bakhmut, Lyman, Ivanivske, Bohdanivka, and Hryhorivka, "
        "all in the Donetsk region, had repelled 69 Russian attacks."
    )
    assert sites(ms) == ["Bakhmut", "Lyman", "Ivanivske", "Bohdanivka", "Hryhorivka"]
    assert {m.admin_hint for m in ms if m.role == "site"} == {"Donetsk region"}
    assert by_text(ms, "Donetsk region").role == "hint"
    assert len({m.group for m in ms}) == 1


def test_paired_region_hints_follow_the_order_of_the_enumeration(find):
    ms = find(
        "Ukraine's military said it held positions near Kupiansk and Kreminna, in the Kharkiv and "
        "Luhansk regions."
    )
    assert by_text(ms, "Kupiansk").admin_hint == "Kharkiv"
    assert by_text(ms, "Kreminna").admin_hint == "Luhansk region"
    assert by_text(ms, "Kupiansk").approximate  # "near"


def test_comma_region_after_a_name_is_a_hint(find):
    ms = find("Russian shelling hit Mykolaivka, Donetsk Oblast, on Sunday.")
    assert sites(ms) == ["Mykolaivka"]
    assert by_text(ms, "Mykolaivka").admin_hint == "Donetsk Oblast"


ZATYSHSHIA = (47.681, 36.329)  # the Zaporizhzhia-oblast village; six namesakes lie elsewhere


@pytest.mark.parametrize(
    ("sentence", "name", "point"),
    [
        ("Russian forces had taken control of the village of Zatyshshia in Ukraine's "
         "southeastern Zaporizhzhia region.", "Zatyshshia", ZATYSHSHIA),
        ("Russian forces took Zatyshshia in the southern Zaporizhzhia region.", "Zatyshshia",
         ZATYSHSHIA),
        ("A missile struck a residential building in Dnipro, the capital of the Dnipropetrovsk "
         "region.", "Dnipro", (48.45, 35.05)),
    ],
)  # fmt: skip
def test_a_region_with_its_country_or_compass_is_a_hint(places, sentence, name, point):
    """Wire style puts "Ukraine's" and a compass word between a place and the region that
    locates it: still the place's hint, and no record of the region."""
    found = places(sentence)
    assert [r["location"] for r in found] == [name]
    assert km((found[0]["latitude"], found[0]["longitude"]), point) <= TOLERANCE_KM


NOVOSELIVKA_KUPIANSK = (50.098, 37.360)  # the one of Kupianskyi raion; Kharkiv oblast has 11
PISHCHANE_KUPIANSK = (49.569, 37.831)  # the larger of the two in Kupianskyi raion


@pytest.mark.parametrize(
    ("sentence", "name", "point"),
    [
        ("Russian forces captured the village of Novoselivka in the Kharkiv region's Kupiansk "
         "district.", "Novoselivka", NOVOSELIVKA_KUPIANSK),
        ("Russia said it had captured Pishchane, a village in the Kupiansk district of the "
         "Kharkiv region.", "Pishchane", PISHCHANE_KUPIANSK),
    ],
)  # fmt: skip
def test_a_district_of_a_region_is_the_narrower_hint(places, sentence, name, point):
    """ "in the Kharkiv region's Kupiansk district", "a village in the Kupiansk district of the
    Kharkiv region": the raion, read as the one named after its town, narrows the namesakes the
    oblast leaves open; neither region makes a record."""
    found = places(sentence)
    assert [r["location"] for r in found] == [name]
    assert km((found[0]["latitude"], found[0]["longitude"]), point) <= TOLERANCE_KM
    assert "read as the raion of its town" in found[0]["resolution_reason"]


def test_a_district_two_oblasts_share_is_read_inside_its_oblast(places):
    """ "the Donetsk region's Pokrovsk district": Donetsk oblast's Pokrovskyi raion, not
    Dnipropetrovsk oblast's; its two Ivanivkas stay open (the raion, precision 3)."""
    found = places("Russian troops took Ivanivka in the Donetsk region's Pokrovsk district.")
    assert [(r["location"], r["admin1"], r["geo_precision"]) for r in found] == [
        ("Ivanivka", "Donetska oblast", 3)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia attacked in the Lyman, Siversk and Kupiansk directions.",
         [("Lyman", 2), ("Siversk", 2), ("Kupiansk", 2)]),
        ("Heavy fighting continued on the Pokrovsk and Kurakhove fronts.",
         [("Pokrovsk", 2), ("Kurakhove", 2)]),
        ("Russia attacked Lyman and Siversk from several directions.",
         [("Lyman", 1), ("Siversk", 1)]),
    ],
)  # fmt: skip
def test_a_list_of_towns_before_a_plural_axis_word_is_a_list_of_axes(places, sentence, expected):
    """ "the Lyman, Siversk and Kupiansk directions": each an axis, an area around its town
    (precision 2), as "the Kupiansk direction" and the Cyrillic lists are."""
    assert [(r["location"], r["geo_precision"]) for r in places(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "site", "anchor"),
    [
        ("Russian milbloggers claimed that Russian forces seized Nova Poltavka (northwest of "
         "Pokrovsk).", "Nova Poltavka", "northwest of Pokrovsk"),
        ("Russian forces advanced to the outskirts of Dachne (southwest of Kurakhove).", "Dachne",
         "southwest of Kurakhove"),
        ("Российские войска заняли Котлино (западнее Покровска).", "Котлино",
         "west of Покровска"),
        ("Російські війська захопили Котлине (на захід від Покровська).", "Котлине",
         "west of Покровська"),
    ],
)  # fmt: skip
def test_a_direction_in_brackets_only_locates_the_place_before_it(places, sentence, site, anchor):
    """ISW's "Nova Poltavka (northwest of Pokrovsk)": the town in brackets locates the village
    (its anchor), as "Krasnohorivka, west of Donetsk" does; no record of its own."""
    found = places(sentence)
    assert [r["location"] for r in found] == [site]
    assert f"located {anchor}" in found[0]["resolution_reason"]


def test_the_town_of_a_sector_only_locates_the_places_named_in_it(places):
    """ISW's "east of Pokrovsk near Myrnohrad; southeast of Pokrovsk near Vodyane Druhe and
    Zvirove": each sector's town locates the places after it (their anchor) and makes no record;
    "near Pokrovsk itself" stays a place of the claim."""
    found = places(
        "Russian forces continued assaults near Pokrovsk itself; east of Pokrovsk near Myrnohrad; "
        "southeast of Pokrovsk near Vodyane Druhe and Zvirove on January 13 and 14."
    )
    assert [r["location"] for r in found] == ["Pokrovsk", "Myrnohrad", "Vodyane Druhe", "Zvirove"]
    assert "located southeast of Pokrovsk" in found[3]["resolution_reason"]


@pytest.mark.parametrize(
    ("sentence", "site"),
    [
        ("Российские войска продолжили штурмы юго-восточнее Покровска в районе Водяного "
         "Второго.", "Водяного Второго"),
        ("Противник атакував на схід від Покровська в районі Мирнограда.", "Мирнограда"),
    ],
)  # fmt: skip
def test_a_cyrillic_sector_only_locates_the_places_named_in_it(places, sentence, site):
    """ "юго-восточнее Покровска в районе Водяного Второго": as in English, the sector's town
    anchors the place after it; "Водяного Второго" is the MoD's Russian for Водяне Друге."""
    found = places(sentence)
    assert [(r["location"], r["admin1"]) for r in found] == [(site, "Donetska oblast")]
    assert "located" in found[0]["resolution_reason"]


def test_a_place_after_a_dash_lies_in_the_sector_before_it(places):
    """ "на північний захід від Лиману — у південній частині села Карпівка" (set 74): three
    Karpivkas in Kramatorsk raion, one 21 km north-northwest of Lyman (49.18, 37.75), one 15 km
    southwest; the sector before the dash tells which, and only the village is a site."""
    found = places(
        "Згідно з геолокаційними матеріалами від 13 грудня, українським військовим вдалося "
        "відновити раніше втрачені позиції на північний захід від Лиману — у південній частині "
        "села Карпівка."
    )
    assert [r["location"] for r in found] == ["Карпівка"]
    assert km((found[0]["latitude"], found[0]["longitude"]), (49.179, 37.747)) <= 3


def test_a_village_named_like_a_city_in_a_region_with_its_compass(places):
    """ "the small settlement of Zaporizhzhia in Ukraine's eastern Donetsk region": one of the
    two Donetsk-oblast villages of that name, not the city of 700,000 in its own oblast."""
    found = places(
        "Russian troops have captured the small settlement of Zaporizhzhia in Ukraine's eastern "
        "Donetsk region, Russia's defence ministry said."
    )
    assert [(r["location"], r["admin1"]) for r in found] == [("Zaporizhzhia", "Donetska oblast")]


def test_regions_of_x_and_y_are_regions(find):
    ms = find(
        "Russian forces are on the defensive in the southern regions of Kherson and Zaporizhzhia."
    )
    assert [(m.text, m.region) for m in ms] == [("Kherson", True), ("Zaporizhzhia", True)]


def test_x_region_is_one_region_mention(find):
    ms = find("Drones struck targets in the Zaporizhzhia region overnight.")
    assert [(m.text, m.region, m.locative) for m in ms] == [("Zaporizhzhia region", True, True)]


def test_directions_and_the_town_of(find):
    ms = find(
        "Ukrainian supply lines west of Bakhmut and west of the town of Avdiivka, further south, "
        "are under attack."
    )
    assert [(m.text, m.direction, m.approximate) for m in ms] == [
        ("Bakhmut", "west", True),
        ("Avdiivka", "west", True),
    ]
    ms = find("Russian forces made small gains north-west of Bakhmut.")
    assert by_text(ms, "Bakhmut").direction == "northwest"


def test_appositive_direction_only_locates_the_place_before_it(find):
    ms = find(
        "The defence ministry said its forces had taken control of Krasnohorivka, west of Donetsk."
    )
    assert sites(ms) == ["Krasnohorivka"]
    assert by_text(ms, "Donetsk").role == "anchor"
    assert "located west of Donetsk" in by_text(ms, "Krasnohorivka").notes


@pytest.mark.parametrize(
    "sentence, capital",
    [
        ("The charge was one of several hostile displays, according to Moscow.", "Moscow"),
        (
            "Beijing has repeatedly denied Western accusations that it intends to arm Russia.",
            "Beijing",
        ),
        ("We expect Beijing to use its influence on Moscow to force it to end the war.", "Moscow"),
        ("Washington has noted that China has refused to condemn Russia.", "Washington"),
        ("Without elaborating, the Kremlin said Putin would provide clarifications.", "Kremlin"),
        ("It was a claim Kyiv did not confirm.", "Kyiv"),
        ("Xi is promoting Beijing's role as a potential peacemaker.", "Beijing"),
        # no verb of saying, yet the capital acts: no locative, no strike, no place word
        ("Moscow controls almost 20% of Ukraine's territory, including Crimea.", "Moscow"),
        ("After months of dominating Kiev on the battlefield, Russia claimed two villages.",
         "Kiev"),
        ("Moscow’s attack on Ukraine has been ongoing for almost two and a half years.", "Moscow"),
        ("Kyiv has acknowledged that the situation in Pokrovsk is difficult.", "Kyiv"),
        ("Robotyne is a village that Kyiv had recaptured in the summer.", "Kyiv"),
        ("Russian troops advanced for months, with Kyiv saying the situation was difficult.",
         "Kyiv"),
        ("Moscow and Kyiv have agreed to swap prisoners.", "Kyiv"),
        # a capitalised word before a comma lists no place unless the gazetteer knows it
        ("However, Kyiv along with most Western nations have dismissed this move.", "Kyiv"),
        ("Ukraine-Russia, Kiev takes back Andriivka", "Kiev"),
    ],
)  # fmt: skip
def test_metonymic_capitals_are_actors_not_sites(find, sentence, capital):
    ms = find(sentence)
    assert by_text(ms, capital).role == "actor"
    assert capital not in sites(ms)


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Xi Jinping met Vladimir Putin in Moscow on Monday.", "Moscow"),
        (
            "When the two men met in the Kremlin on Monday afternoon, they exchanged greetings.",
            "Kremlin",
        ),
        ("Justice ministers gathered in London on Monday.", "London"),
        ("Japanese Prime Minister Fumio Kishida arrived in Kyiv on Tuesday.", "Kyiv"),
        ("Russian missiles struck Kyiv overnight, officials said.", "Kyiv"),
        # without a locative: a strike it suffers, a place word, a list of places
        ("Kyiv was hit by a massive drone attack.", "Kyiv"),
        ("Kharkiv, Kyiv and Odesa came under fire.", "Kyiv"),
        ("Drones attacked Kyiv's Darnytskyi district.", "Kyiv"),
        ("Air raid alerts sounded over Kyiv.", "Kyiv"),
        ("Russian drone strikes on Moscow disrupted flights.", "Moscow"),
        # "the capital" between the strike or the locative and the name
        ("Russia struck the capital Kyiv overnight.", "Kyiv"),
        ("Explosions rocked the Ukrainian capital, Kyiv, on Monday.", "Kyiv"),
        ("Explosions were heard in the capital Kyiv.", "Kyiv"),
        ("Drones attacked the Russian capital Moscow.", "Moscow"),
    ],
)
def test_capitals_as_places(find, sentence, place):
    assert place in sites(find(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "White House national security spokesman John Kirby reiterated that call.",
        "Chief prosecutor Karim Khan has called on Russia to return the children.",
        "I appreciate your writing skills, keep writing! Best Wishes to you!!",
        "Several European Union countries agreed to buy shells.",
        "The parade on Victory Day was cancelled.",
        "Western sanctions reduced the cost of Russian energy.",
        "Ukraine and its Western allies argue that any truce would buy time.",
    ],
)
def test_common_words_and_person_names_are_not_places(find, sentence):
    assert [
        m.text for m in find(sentence) if m.role == "site" and m.text not in ("Russia", "Ukraine")
    ] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "in Donbas" right after the place is where it lies: its hint, as "in the Donetsk region"
        ("Russian Troops Free Kurakhovka in Donbas\n\nThe ministry said so on Saturday.",
         ["Kurakhovka"]),
        ("Russia Claims Chasiv Yar Capture as Kyiv Suffers Deadly Strikes\n\nFighting goes on.",
         ["Chasiv Yar", "Kyiv"]),
        ("Russia Strikes Kharkiv Overnight, Killing Three\n\nThe strike hit homes.",
         ["Kharkiv"]),
        # an outlet named after its city, in a headline too
        ("The Kyiv Independent Reports On Kharkiv Shelling\n\nShelling went on.", ["Kharkiv"]),
        # a credit line is no headline, and a sentence of officials' titles neither
        ("Source: Serhii Lysak, Head of Dnipropetrovsk Oblast Military Administration",
         ["Dnipropetrovsk Oblast"]),
        ("This was reported by the Head of the Kharkiv Regional Military Administration, Oleh "
         "Syniehubov, on Telegram.", ["Kharkiv"]),
    ],
)  # fmt: skip
def test_title_case_headlines_keep_their_places(find, text, expected):
    """In a title-case headline every word is capitalised, so a capital next to a name does
    not make it part of a longer name ("John Kirby", "Kyiv Independent")."""
    assert sites(find(text)) == expected


def test_places_outside_the_theatre_need_a_locative(find):
    assert "London" not in sites(find("London calling was a song."))
    assert sites(find("Ministers met in Brussels.")) == ["Brussels"]


# Zarichkove and Pidkolodne are no settlement's names (the store now holds every settlement of
# Ukraine, so the real villages these tests used to name, such as Klishchiivka, are known).


def test_unknown_names_in_an_enumeration_are_kept_unresolved(find):
    ms = find("Russian forces attacked Bakhmut, Zarichkove and Andriivka, the General Staff said.")
    unknown = by_text(ms, "Zarichkove")
    assert unknown.known is False and unknown.role == "site"
    assert {"Bakhmut", "Zarichkove", "Andriivka"} <= set(sites(ms))


def test_villages_missing_from_cities500_are_known(find):
    ms = find(
        "Russian forces attacked Bakhmut, Klishchiivka and Andriivka, the General Staff said."
    )
    assert all(m.known for m in ms) and {"Klishchiivka", "Andriivka"} <= set(sites(ms))


def test_the_village_of_an_unknown_name(find):
    ms = find("Fighting continued around the village of Pidkolodne overnight.")
    assert [(m.text, m.known, m.marked) for m in ms] == [("Pidkolodne", False, True)]


def test_cyrillic_and_possessive_forms(find):
    ms = find("Бої тривають у Бахмуті та біля Бахмут.")  # a case form and a nominative
    assert [m.text for m in ms] == ["Бахмуті", "Бахмут"] and ms[0].query == "bakhmut"
    assert [m.key for m in find("Bakhmut's defenders held on.")] == ["bakhmut"]


def test_lowercase_words_are_not_matched(find):
    assert find("the lyman was calm and the kherson shore quiet") == []


def test_scan_form_folds_like_fold_and_blanks_only_lowercase_runs():
    from geo.text.mentions import fold, scan_form

    text = (
        "Russian forces shelled the Sea of Azov coast near Запоріжжя’s port, "
        "said the ministry of Kyiv."
    )
    form = scan_form(text)
    assert len(form) == len(text) + 2
    reference = f" {fold(text)} "
    assert all(a == b or a == "\0" for a, b in zip(form, reference, strict=True))
    blanked = {w for w, r in zip(form.split(" "), reference.split(" "), strict=True) if w != r}
    # a lower-case word right after a capitalised one stays ("forces", "of" in "Sea of Azov",
    # "coast"), and so does one after a capitalised word's possessive ("Запоріжжя’s port")
    assert blanked == {"\0helled", "\0he", "\0ear", "\0aid", "\0inistry", "\0f"}
    assert " sea of azov " in form and " forces " in form and " coast " in form


def test_scan_form_keeps_the_pieces_of_a_word_an_apostrophe_splits():
    """ "Slov’yans’k", "Arkhanhel’s’ke": the soft sign's apostrophe folds to a space, but the
    pieces are no lower-case words of their own, so none is blanked; a lower-case run after
    a lower-case word's apostrophe ("don’t know") is blanked as before."""
    from geo.text.mentions import scan_form

    assert " slov yans k " in scan_form("Missiles struck Slov’yans’k overnight.")
    assert " arkhanhel s ke in " in scan_form("They freed Arkhanhel's'ke in the south.")
    assert "\0now" in scan_form("We don’t know the village.")


def test_a_document_scanned_at_once_finds_what_each_sentence_finds(extractor):
    from geo.extract import sentences

    text = (
        "KYIV, March 21 (Reuters) - Russian forces attacked Bakhmut, Lyman and Klishchiivka, "
        "all in the Donetsk region, the General Staff said.\n"
        "Fighting raged west of the town of Marinka\n"
        "Moscow said its troops held Kreminna. Officials in Brussels met on Tuesday."
    )
    scanner = extractor.scanner
    hits = scanner.scan(text)
    for index, (offset, sentence) in enumerate(sentences(text)):
        inside = [
            (s - offset, e - offset, k)
            for s, e, k in hits
            if offset <= s and e <= offset + len(sentence)
        ]
        whole = scanner.find(sentence, index, offset, inside)
        alone = scanner.find(sentence, index, offset)
        assert [(m.text, m.start, m.role, m.admin_hint, m.direction) for m in whole] == [
            (m.text, m.start, m.role, m.admin_hint, m.direction) for m in alone
        ]


def test_a_nationality_after_an_enumeration_is_not_an_unknown_place(find):
    sentence = (
        "Ukrainian forces are on the defensive in the southern regions of "
        "Kherson and Zaporizhzhia, British intelligence said."
    )
    assert [m.text for m in find(sentence) if not m.known] == []
    unknown = [
        m.text
        for m in find("Fighting near Bakhmut and Zarichkove, Ukrainian officials said.")
        if not m.known
    ]
    assert unknown == ["Zarichkove"]  # the village stays; the adjective after it does not


@pytest.mark.parametrize(
    ("sentence", "site"),
    [
        ("Remnants of a missile lay by the bus station in South East Kyiv.", "Kyiv"),
        ("Shelling in Central Kharkiv killed two people.", "Kharkiv"),
        ("Russian troops regrouped in eastern Zaporizhzhia and North-West Donetsk.", "Donetsk"),
    ],
)
def test_a_compass_word_before_a_name_qualifies_it(find, sentence, site):
    assert site in sites(find(sentence))


@pytest.mark.parametrize(
    ("sentence", "whole"),
    [("Protests in Northern Ireland continued.", "Northern Ireland"),
     ("A rally in West Virginia drew thousands.", "West Virginia")],
)  # fmt: skip
def test_names_that_begin_with_a_compass_word_stay_whole(find, sentence, whole):
    assert sites(find(sentence)) == [whole]
