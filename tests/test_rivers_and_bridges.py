"""Rivers and bridges named like settlements: "crossed the Dnipro" and "форсировать Днепр" are
the river, "у Антоновского моста" a bridge, none a town or village of the name; the city stays
the city where English writes it without "the" or with a city word after it."""

from __future__ import annotations

import pytest

from tests.test_mentions_uk_ru import TOLERANCE_KM, km

DNIPRO_CITY = (48.45, 35.05)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ukrainian marines crossed the Dnipro near Krynky.", ["Krynky"]),
        ("Ukrainian forces pushed Russian troops back across the Oskil near Kupiansk.",
         ["Kupiansk"]),
        ("ЗСУ форсували Дніпро біля Кринок.", ["Кринок"]),
        # a reservoir named after its town is the water (240 km of it), not the town
        ("Russian forces advance along the shore of the former Kakhovka Reservoir, where they "
         "would take control of Enerhodar.", ["Enerhodar"]),
        ("Shelling hit Nikopol, on the bank of the former Kakhovka reservoir.", ["Nikopol"]),
        # an operational-tactical group named after a city is the unit
        ('In the area of responsibility of the "Kharkiv" OTG, the occupiers focus their efforts '
         "on Vovchansk.", ["Vovchansk"]),
    ],
)  # fmt: skip
def test_rivers_and_bridges_are_no_settlements(places, sentence, expected):
    assert [r["location"] for r in places(sentence)] == expected


ANTONIVSKYI_BRIDGE = (46.672, 32.716)
CRIMEAN_BRIDGE = (45.309, 36.506)


@pytest.mark.parametrize(
    ("sentence", "location", "point"),
    [
        ("Российские войска пытаются форсировать Днепр у Антоновского моста.",
         "Антоновского моста", ANTONIVSKYI_BRIDGE),
        ("ЗСУ вдарили по Антонівському мосту.", "Антонівському мосту", ANTONIVSKYI_BRIDGE),
        ("Удар по Крымскому мосту нанесли ночью.", "Крымскому мосту", CRIMEAN_BRIDGE),
    ],
)  # fmt: skip
def test_a_bridge_is_the_curated_bridge_not_a_village(places, sentence, location, point):
    """The Antonivskyi and Crimean bridges by their Ukrainian and Russian names, in any case
    (curated features), not the village Антоновское of Dnipropetrovsk oblast."""
    found = places(sentence)
    assert [r["location"] for r in found] == [location]
    assert km((found[0]["latitude"], found[0]["longitude"]), point) <= TOLERANCE_KM


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian drones struck Dnipro overnight.",
        "The Dnipro city council said two people died.",
    ],
)
def test_rivers_and_bridges_leave_the_city_its_name(places, sentence):
    found = places(sentence)
    assert [r["location"] for r in found] == ["Dnipro"]
    assert km((found[0]["latitude"], found[0]["longitude"]), DNIPRO_CITY) <= TOLERANCE_KM


def test_the_antonivskyi_bridge_as_the_press_spells_it_places_its_neighbours(records):
    """ "the Antonovskiy bridge" (a lower-case "bridge" after a spelling the aliases lacked) is
    the bridge at Kherson; as an anchor it tells the two Kozachi Laheri of Kherson oblast apart:
    the one 21 km from it, on the left bank."""
    rows = records(
        "Russian sources report a Ukrainian presence west of Kozachi Laheri. The beachhead is "
        "like the one by the Antonovskiy bridge."
    )
    places = {r["location"]: r for r in rows}
    assert places["Antonovskiy bridge"]["place_name"] == "Antonivskyi Bridge"
    laheri = places["Kozachi Laheri"]
    assert km((laheri["latitude"], laheri["longitude"]), (46.704, 32.983)) < TOLERANCE_KM
