"""Find place mentions in sentences: a gazetteer-backed multi-pattern scan plus context patterns.

The scan is one pass of an Aho-Corasick automaton (pyahocorasick) over a length-preserving
folded copy of the whole document (:meth:`MentionScanner.scan`, folded with numpy lookups), so
offsets map back to the original text; each sentence then takes its share of the hits. Matches
must sit on word boundaries, start with a capital letter, and the longest match wins. Context
then decides what each match is; the context patterns all end at the mention, so the word
before it says which can match and only those regexes run:

* ``the town/village/city of X`` marks a place; ``X region/oblast`` or ``regions of X and Y``
  makes X a region; ``west of X`` / ``outskirts of X`` / ``near X`` make it relative (direction,
  precision 2);
* enumerations ("Bakhmut, Lyman, Ivanivske, Bohdanivka, and Hryhorivka") are grouped and a
  following "all in the Donetsk region" becomes the admin hint of every member (the region
  phrase itself is then a hint, not an event site);
* seats of government used as actors ("Moscow said", "according to Beijing", "influence on
  Moscow", "the Kremlin said") are metonymic: actors, not event sites
  (``geo/data/metonyms.csv``);
* a match glued to another capitalised word ("John Kirby", "European Union", "White House") is
  part of a name, not a place; common words that are also place names (``gazetteer/
  not_places.csv``) need an explicit place marker; places outside the theatre need a locative
  ("in London").

Ukrainian and Russian names inflect: the automaton also holds every case form of the theatre's
Cyrillic names (:mod:`geo.text.inflect`, "під Бахмутом" → the key of Бахмут) and the axes of the
reports ("на Покровському напрямку" → Покровськ), and a Cyrillic hit reads its context from the
word table of :mod:`geo.text.cyrillic` instead of the English patterns. An apostrophe inside a
Cyrillic word is a letter ("Лук'янці" is one word); a chain of names joined by hyphens
("Куп'янськ-Сватове-Кремінна") gives each name.

Capitalised names that context marks as places but the gazetteer lacks are kept (``known=False``)
so they surface as unresolved records rather than vanishing.
"""

from __future__ import annotations

import csv
import logging
import pickle
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import ahocorasick
import numpy as np

from geo.core.errors import InputError
from geo.core.io.files import atomic_path
from geo.core.patterns import last_words_at
from geo.core.theatre import FOCUS, THEATRE, theatre
from geo.gazetteer.hints import HintReader, hint_stem, level_of
from geo.gazetteer.names import bgn_romanisation, has_cyrillic, name_key, variants
from geo.gazetteer.store import GazetteerStore, NameHit, overlay_dir
from geo.text import cyrillic
from geo.text.inflect import LOCATIVES, case_forms
from geo.text.raions import LatinRaions, names_a_raion_noun

log = logging.getLogger(__name__)

SCAN_MIN_POPULATION = 15_000
SCANNER_VERSION = "25"

_DIRECTION = re.compile(
    r"\b(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"(?:\s+(?:and|or)\s+(?:north|south|east|west)(?:ern)?)?\s+of\s+"
    r"(?:the\s+(?:front-?line\s+)?(?:town|village|city|settlement)\s+of\s+|"
    r"the\s+(?:regional|oblast)\s+capital,?\s+)?$",
    re.IGNORECASE,
)
_APPROXIMATE = re.compile(
    r"\b(?P<rel>outskirts|edge|vicinity|suburbs|approaches|direction|axis|area)\s+of\s+"
    r"(?:the\s+(?:town|village|city)\s+of\s+)?$"
    r"|\b(?P<near>near|around|outside|close to|towards?)\s+"
    r"(?:the\s+(?:town|village|city)\s+of\s+)?$",
    re.IGNORECASE,
)
_VILLAGE_BEFORE = re.compile(r"\bvillages?\s+(?:of\s+)?$", re.IGNORECASE)
"""A marker that says village ("the village of X", "X village" aside): no town of 10,000 is
meant."""
_SETTLEMENT_NOUN = "town|village|city|settlement|hamlet"
"""The nouns that say a name is a settlement ("the village of X", "X village in Y Region")."""
_MARKER = re.compile(
    rf"\b({_SETTLEMENT_NOUN}|urban-type settlement|port|region|oblast)\s+of\s+$",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"\b(in|at|near|to|into|from|outside|around|toward|towards|across|inside|within|via)\s+(the\s+)?$",
    re.IGNORECASE,
)
_LIST_OPENER = re.compile(r"\b(?:near|of|in|at|around|towards?|outside|villages?)\s+$")
"""The word before the first name of a list of villages ("near Druzhba and Pivnichne")."""
_REGION_AFTER = re.compile(
    r"^\s+(region|oblast|province|krai|kray|governorate|district|raion|rayon|"
    r"hromada|community|communitie|people['’]s\s+republic)s?\b",
    re.IGNORECASE,
)
_AREAS_AFTER = re.compile(r"^\s+(areas?)\b", re.IGNORECASE)
"""Areas after an oblast's name ("the Kharkiv and Donetsk areas", "in the Zaporizhzhia area"):
the oblasts."""
_PAIRED_REGION_AFTER = re.compile(
    r"^[-–]\s*[A-Z][\w'’]+\s+(?:(?:region|oblast)s?|(?:administrative\s+)?borders?)\b",
    re.IGNORECASE,
)
"""The first of two hyphened regions ("the Kherson-Mykolaiv region border", "the
Donetsk-Zaporizhzhia border"): a region too."""
_PAIRED_BORDER = re.compile(r"^\s+(?:administrative\s+)?borders?\b", re.IGNORECASE)
"""After the second of two hyphened names: "the Donetsk-Zaporizhzhia border" runs between two
oblasts, not two cities."""
_PAIRED_BEFORE = re.compile(r"\b[A-Z][\w'’]+\s*[-–]\s*$")
_REGION_LEAD = re.compile(
    r"(?:\b(?:regions?|oblasts?|provinces?)\s*(?:--|[—–:-])\s*|"  # "four regions -- Donetsk"
    r"\b(?:regions|oblasts|provinces)\b[^.;:—–]{1,48}(?:--|[—–:])\s*|"
    r"\bannex(?:ed|es|ing)?\s+(?:the\s+)?|"
    r"\bannexation\s+of\s+(?:the\s+)?|\b(?:settlements|villages|towns|communities|hromadas|"
    r"localities)\s+(?:in|of|across|throughout)\s+(?:the\s+)?|"
    r"\b(?:(?:counter-?)?offensives?|advances?|advancements|gains)\s+in\s+|"
    r"\b(?:regions?|oblasts?|provinces?),?\s+(?:comprising|including|made\s+up\s+of|"
    r"consisting\s+of|which\s+(?:comprises|includes))\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
"""Before a name that is a city's and an oblast's, words that make it the oblast: "four
regions — Donetsk, Luhansk, …", "eight Ukrainian oblasts in the past day — Sumy, …" (the list's
other members follow it: :func:`_enumerations`), "annexed Donetsk", "20 settlements in
Zaporizhzhia", a campaign across it ("the Russian offensive in Donetsk", "Ukrainian
advancements in Donetsk"), a region made of it ("the Donbas region, comprising Donetsk and
Luhansk")."""
_TOWN_WORD_AFTER = re.compile(r"^\s+(?:city|town)\b", re.IGNORECASE)
"""After a name: "Kharkiv city" is the city whatever stands before it."""
_SETTLEMENT_OF = (
    r"(?:(?:small|tiny|frontline|front-line|border|eastern|southern|northern|western|"
    r"industrial|mining|key|strategic|embattled|occupied|devastated)\s+)?"
    r"(?:city|town|village|settlement|hamlet|port|township)\s+of"
)
"""Between a region and the place it holds: "… town of", "… border village of"."""
_SETTLEMENT_OF_AFTER = re.compile(rf"^\s+{_SETTLEMENT_OF}\s+[A-Z]")
"""After an oblast's name: the settlement it holds follows ("the Donetsk town of Toretsk", "the
Kharkiv border village of Lyptsi"); the name is the oblast, not its capital."""
_REPUBLIC_ACRONYM = re.compile(r"^(?:DPR|LPR|DNR|LNR)$")
"""The Russian-installed republics by their acronyms: after a locative, the oblasts."""
_REGION_LEAD_LAST = frozenset(
    "annex annexed annexes annexing of in across throughout the comprising including comprises "
    "includes".split()
)
"""The words :data:`_REGION_LEAD` may end with (or a dash or colon)."""
_TERRITORY_OF = re.compile(
    r"\b(?<!residential )(?<!central )(?<!industrial )(?<!historic )(?<!downtown )"
    r"(?:all|most|much|parts?|the rest|half|the remainder|the whole|the entirety)\s+of\s+$",
    re.IGNORECASE,
)
"""A share of a territory before a name that is a city's and an oblast's ("all of Luhansk",
"most of Donetsk", "parts of Zaporizhzhia"): the oblast. A city's quarters are not
("residential parts of Kherson")."""
_PERCENT_OF = re.compile(r"\d\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_HELD_SHARE = re.compile(
    r"\b(?:hold|holds|held|holding|control|controls|controlled|controlling|occup(?:y|ies|ied|ying)"
    r"|captured|seized|liberated|territory)\b",
    re.IGNORECASE,
)
"""A percentage of a territory held ("Russian forces hold 60 percent of Donetsk and 98.5 percent
of Luhansk"): the oblast; a percentage alone may be a city's ("40% of Kharkiv was without
power")."""
_SEIZED_BEFORE = re.compile(
    r"\b(?:(?:control|capture|liberation|seizure)\s+(?:of|over)|advances?\s+on|"
    r"captured|capturing|seized|seizing|liberated|liberating|took|taken|taking|entered|"
    r"entering|stormed|storming|recaptured|retook|retaken)\s+$",
    re.IGNORECASE,
)
"""Before a romanised Ukrainian or Russian common word (Pobeda), what makes it a place taken or
fought for: "in control of Pobeda", "the advance on Pobeda", "captured Druzhba"."""
_NAME_AFTER_OF = re.compile(r"^\s+of\s+([A-Z][\w'’-]*)")
"""After "X district": the name of what it is a district of ("of Kharkiv")."""
_RAION_NOUNS = (" district", " raion", " rayon")
"""The English words for a raion, as a name's key ends with them."""
_RAION_BEFORE_OF = re.compile(r"\b([A-Z][\w'’-]*)\s+(?:district|raion|rayon)\s+of\s+$")
"""Before a name: "Kupyansk district of" (the raion's town)."""
_CITY_DISTRICT_AFTER = re.compile(
    r"^\s+of\s+[A-Z](?![\w'’-]*\s+(?:region|oblast|province)s?\b)"
)  # "the Shevchenkivskyi district of Kharkiv"; "districts of Kharkiv region" are raions
"""After "X district": "of Kharkiv" makes it a district of a city, not a raion."""
_DISTRICT_LIST_AFTER = re.compile(
    r"^(?:(?:\s*,\s*|,?\s+and\s+)[A-Z][\w'’-]*)+\s+districts(?=\s+of\s|\))"
)
"""After a name, the rest of a list of districts of something: "Kirovsky" of "the Kirovsky and
Kuibyshevsky districts of Donetsk", "Kirov" of "Makeyevka (the Kirov and Chervonogvardeisky
districts)"."""
_BRACKET_AFTER_A_NAME = re.compile(
    r"\b(?!(?:Oblast|Region|Province|District)\b)([A-Z][\w'’-]*)\s+\((?:the\s+)?$"
)
"""Before a name, a bracket opened after another: "Makeyevka (the " of "Makeyevka (the Kirov and
Chervonogvardeisky districts)", whose districts are Makeyevka's."""
_REGIONS_OF = re.compile(
    r"\b(regions?|oblasts?|provinces?|republics)\s+of\s+(the\s+)?$", re.IGNORECASE
)
"""Before a name: "the regions of Donetsk and Luhansk", "the southern region of Kherson"."""
_NEAR_ANCHOR_GAP = re.compile(
    r"^\s*[,(]\s*(?:near|close to|not far from|outside)\s+(?:the\s+(?:town|city|village)\s+of\s+)?$"
)
"""Between a place and an appositive "near" phrase that locates it ("Lozova, near Kupiansk,"),
closed by a comma or a bracket. (Ukrainian and Russian lists put "біля" among their members:
"в Трудовому, Кураховому, біля Шевченка, Відродження".)"""
_APPOSITIVE_GAP = re.compile(
    r"^\s*[,(]\s*(?:(?:the|a|an)\s+[\w\s'’-]{0,60}?\s*)?"
    r"(?:(?:situated|located|lying|which\s+(?:is|lies))\s+)?"
    r"(?:(?:about|some|around|roughly|nearly|just|approximately)\s+)?"
    r"(?:(?:\d+(?:[.,]\d+)?|a\s+few|several|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s*"
    r"(?:km|kilometres|kilometers|miles)\s*(?:\([^)]{0,30}\)\s*)?)?$",
    re.IGNORECASE,
)
"""Between a place and the direction that locates it: "Krasnohorivka, west of Donetsk", "Pobeda,
a small village about five kilometers (three miles) west of Donetsk city"."""
_CYRILLIC_APPOSITIVE_GAP = re.compile(
    r"^\s*(?:[,(–—-]\s*"
    r"(?:(?:сел[оаіуе]|селищ[еау]|поселок|посёлок|поселк[аеу]|посёлк[аеу]|смт|пгт|"
    r"город[ау]?|міст[оау]|населенн(?:ый|ого|ом)\s+пункт[ае]?|населен(?:ий|ого|ому)\s+пункт[уі]?)"
    r"\s+)?"
    r"(?:(?:расположенн\w*|розташован\w*|находящ\w*|что|що)\s+(?:(?:находится|лежит|лежить|"
    r"знаходиться)\s+)?)?)?"
    r"(?:(?:примерно|около|приблизно|близько|всего|лише|лишь|в|у|за)\s+){0,2}"
    r"(?:\d+(?:[.,]\d+)?\s*(?:км|километрах|кілометрах)\.?\s*)?$",
    re.IGNORECASE,
)
"""Between a Cyrillic place and a direction phrase that locates it: "Николаевки – села западнее
Часова Яра", "у селі Миколаївка західніше Часового Яру", "Берестове, розташоване за 10 км на схід
від Сіверська"."""
_CYRILLIC_NEAR_GAP = re.compile(
    r"^\s+(?:рядом\s+с|возле|вблизи|неподалеку\s+от|недалеко\s+от|поблизу|неподалік\s+від|"
    r"недалеко\s+від)\s+(?:(?:сел\w*|селищ\w*|посел\w*|посёл\w*|смт|пгт|город\w*|міст\w*)\s+)?$",
    re.IGNORECASE,
)
"""Between a Cyrillic place and a "near" phrase that locates it, with no comma (lists put "біля"
among their members: "в Трудовому, Кураховому, біля Шевченка"): "у Радостного рядом с
Нечаевкой"."""
_AXIS_AFTER = re.compile(
    r"^\s+(direction|axis|sector|front|(?:counter-?)?offensive|counter-?attack)\b", re.IGNORECASE
)
_CAMPAIGN = re.compile(r"\s+(?:(?:counter-?)?offensive|counter-?attack)\b", re.IGNORECASE)
"""An offensive named after an oblast's name ("Russia's Sumy offensive", "the Kherson
counteroffensive"): a campaign across the oblast, not an area around its capital."""
_LINE_AFTER = re.compile(r"^\s+(?:front\s+)?line\b", re.IGNORECASE)
"""After the last town of a hyphenated chain ("the Kupiansk-Svatove line"): a front line."""
_RIVERS = frozenset(name_key(river) for river in theatre().rivers)
"""Keys of the rivers named like a settlement (``geo/data/theatre.toml``): after "the", a river."""
_REACHES = frozenset(("lower", "upper", "middle"))
_RIVER_AFTER = re.compile(r"\s+rivers?\b", re.IGNORECASE)
"""After a river's name, its noun ("get to Oskil river"): the river, with or without "the"."""
"""A river's reach between "the" and its name ("flood levels in the lower Dnipro")."""
_CITY_WORD_AFTER = re.compile(
    r"^\s+(?:city|town|region|regional|oblast|district|raion|military|administration|council|"
    r"mayor|governor|authorities|officials|police|metro|airport|station)\b",
    re.IGNORECASE,
)
_PLACE_OBJECT_BEFORE = re.compile(
    r"\b(?:on|over|above|against|onto|of|struck|strikes?|striking|hit|hits|hitting|attack(?:ed|s|ing)?|"
    r"target(?:ed|s|ing)?|shell(?:ed|s|ing)|bomb(?:ed|s|ing)|pound(?:ed|s|ing)|rocked|shook|"
    r"visit(?:ed|s|ing)?|left|leav(?:e|es|ing)|fled|flee(?:ing)?|reach(?:ed|es|ing)?|"
    r"enter(?:ed|s|ing)?|encircl(?:e|ed|ing)|captur(?:e|ed|ing)|seiz(?:e|ed|ing)|tak(?:e|en|ing)|"
    r"took|defend(?:ed|s|ing)?|evacuat(?:e|ed|ing)|liberat(?:e|ed|ing)|surround(?:ed|ing)?|"
    r"besieg(?:e|ed|ing)|march(?:ed|ing)?\s+on|"
    r"(?:in|at|near|to|into|from|outside|around|across)(?:\s+(?:north|south|east|west|"
    r"central|northern|southern|eastern|western)){1,2})\s+"
    r"(?:the\s+(?:(?:Ukrainian|Russian|Belarusian|Moldovan)\s+)?capital,?\s+|the\s+)?$"
    r"|\b(?:in|at|near|to|into|from|outside|around|across)\s+the\s+"
    r"(?:(?:Ukrainian|Russian|Belarusian|Moldovan)\s+)?capital,?\s+$",
    re.IGNORECASE,
)
"""Before a seat of government named without a locative, the words that keep it a place: a
strike or a move with it as the object ("struck Kyiv", "attacks on Moscow", "left Kyiv", "struck
the capital Kyiv", "rocked the Ukrainian capital, Kyiv"), a locative before "the capital" ("in
the capital Kyiv") or before a compass word qualifying it ("in South East Kyiv")."""
_PLACE_WORD_AFTER = re.compile(
    r"^(?:\s+(?:city|town|region|regional|oblast|district|raion|metro|airport|station|residents|"
    r"mayor|governor|skyline|suburbs?|outskirts|centre|center)\b|"
    r"(?:'s|’s)\s+(?:\w+\s+){0,2}(?:districts?|residents|streets|outskirts|suburbs|mayor|metro|"
    r"skies|sky|centre|center|city|region|oblast|airports?|railway|station|power|infrastructure|"
    r"buildings?|hospitals?|schools?|defen[cs]es|air|neighbourhoods?|neighborhoods?|energy|"
    r"grid|homes?|houses?|residential|apartments?)\b|"
    r"\s+(?:suffer(?:s|ed)?|endured?|endures)\b|"
    r"\s+(?:was|were|is|has been|had been|came|comes|remained|remains)\s+(?:\w+\s+)?"
    r"(?:hit|struck|attacked|targeted|shelled|bombed|rocked|shaken|under|plunged|left|without|"
    r"quiet|calm|safe)\b)",
    re.IGNORECASE,
)
"""After a seat of government, the words that keep it a place: a place noun ("Kyiv city",
"Kyiv's Darnytskyi district", "Moscow residents") or a strike it suffers ("Kyiv was hit")."""
_BANK_BEFORE = re.compile(r"\bbanks?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_BANK_AFTER = re.compile(
    r"^['’]s\s+(?:(?:west|east|left|right|northern|southern|western|eastern|opposite)\s+)?banks?\b",
    re.IGNORECASE,
)
"""A river's bank ("the left bank of the Dnipro", "the Dnipro's west bank"): the river, not the
city of its name."""
_UNIT_AFTER = re.compile(
    r"^[\"»”’']?\s+(group|grouping|battalion|brigade|division|regiment|army|corps|fleet|detachment"
    r"|group of forces|otg|osg|osgt)\b",
    re.IGNORECASE,
)
_CLOSING_QUOTES = "\"»”’'"
"""A quote closing a unit's name before its noun ('the "Kharkiv" OTG')."""
_FORCES_AFTER = re.compile(
    r"^\s+(?:forces|troops|militias?|separatists|fighters|militants|rebels)\b", re.IGNORECASE
)
"""After a name with no locative before it: the fighters it names ("Donbass forces", "Luhansk
militias"), not a place."""
_UNIT_BEFORE = re.compile(
    r"\b(?:group|grouping|battlegroup|battalion|brigade|regiment|detachment|group of forces)"
    r"\s+[\"«“']?$",
    re.IGNORECASE,
)
"""A unit named after its word ("the operational-tactical group Khortytsia", "Battlegroup
Dnepr"): the unit, not the place."""
_UNIT_QUOTES = " \"«“'"
_UNIT_TAILS = frozenset(w[-5:] for w in ("group", "grouping", "battalion", "brigade", "regiment",
                                          "detachment", "forces"))  # fmt: skip
"""The last letters of the words :data:`_UNIT_BEFORE` ends with: most names are settled by them
alone."""
_OFFICIAL_AFTER = re.compile(
    r"^(?:\s+(?:oblast|region|regional|city|municipal|military|state|district))*\s+"
    r"(?:governor|mayor|administration|council|police|prosecutor|authorities|officials)\b"
    r"(?!['’]?s?\s+(?:building|headquarters|offices?|premises)\b)",
    re.IGNORECASE,
)
"""An official or office after a place ("Kharkiv regional governor Oleh Syniehubov said",
"Zaporizhzhia Oblast Governor", "the Kharkiv regional military administration said"): the
place is their jurisdiction, which frames the places they report (:func:`_frames_of_sites`);
the office's building is a site."""
_REGIONAL_OFFICE = re.compile(r"\b(?:oblast|region|regional|state)\b", re.IGNORECASE)
"""An office of the oblast ("the Donetsk regional military administration", "Kharkiv regional
governor"), whose name is the oblast's, not its capital's."""
_SPEECH_VERBS = frozenset(
    "said says told added wrote writes stated noted stressed explained emphasised emphasized "
    "commented posted".split()
)
_SPEAKER_AFTER = re.compile(
    rf"^\s+(?:(?:also|later|then)\s+)?(?:{'|'.join(sorted(_SPEECH_VERBS))})\b"
)
_SPEAKER_BEFORE = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)
"""A name that speaks ("Tymoshenko said", "According to Chaus,"): a person, not a site, unless a
locative or a marker makes it a place; seats of government speaking are metonyms, read before."""
_SPEAKER_END = re.compile(
    r"^\s*(?:[.;:!?)\"”]|$|\s(?:on|in)\s+(?:Telegram|Facebook|X|a\s+statement|an?\s+interview|"
    r"his|her|a\s+post)\b)"
)
"""A name right after a speech verb that ends its sentence ("- writes Rudenko.", ", said Chaus on
Telegram") is the speaker; one that opens what was said is not ("the ministry said Bakhmut was
shelled", "officials said Kupiansk, Kreminna and Lyman were shelled")."""
_ADJECTIVE_ENDINGS = ("ой", "ої", "ого", "ій", "ий", "ей", "ая")
"""Adjective endings of a name after a title ("Харьковской", "Запорізької", "Херсонского"): the
unit of an office ("ОВА", "горсовета") follows, not the town of a mayor ("мэр Донецка")."""
_TITLE_OF = re.compile(r"\bmayors?\s+of\s+(?:the\s+(?:city|town)\s+of\s+)?$", re.IGNORECASE)
"""The town of an official's title ("the mayor of Enerhodar said"), as "мэр Энергодара": the
place of the claim when the sentence names no other, else it frames them."""
_PLACE_NOUN_AFTER = re.compile(rf"^\s+(?:{_SETTLEMENT_NOUN.title()}|Township)\b(?![’']|\s+[A-Z])")
"""A capitalised place noun after a name, as state media write them ("liberated Zagornoye
Village", "shelling hit Kherson City"): the place itself, not a longer name; one more capitalised
word after it ("Kharkiv City Council") leaves the name to the facility and office rules."""
_STREET_AFTER = re.compile(
    r"^\s+(?:(?:and|or)\s+[A-Z][\w'’-]+\s+)?(?:streets?|avenues?|lanes?|boulevards?)\b"
    r"|^(?:\s*,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*,?\s+(?:and|or)\s+[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?\s+rivers\b|^\s+rivers\b|^\s+(?:[Ww]ater\s+)?[Rr]eservoirs?\b"
)
"""A street after a name ("Kolosova and Lermentova streets", "Kharkivska street"): the street,
not the place (capitalised, "Kharkiv Street", it is part of a longer name already); rivers
named in a list ("the Dnipro and Inhulets rivers", "the Pivdennyi Buh and Dnipro rivers"); a
reservoir named after its town ("the former Kakhovka Reservoir", 240 km of water, not the town)."""
_FACILITY_AFTER = re.compile(
    r"^(?:\s+[A-Z][\w'’-]*){0,3}?\s+(?:University|TV|Tower|Bridge|Airport|Airfield|Station|"
    r"Theat(?:er|re)|Lavra|Monastery|Cathedral|Plant|Hospital|Stadium|Zoo|Port|Dam|Refinery|"
    r"Polytechnic|Railway|Academy|Institute|Mall|Market|Square|School|College|"
    r"City Council|City Palace|Palace|Regional State Administration|Drama)\b"
)
"""A facility named after its town ("Kharkiv National University", "Irpin Bridge", "Kyiv TV
tower"): the town is the site (approximately), unlike an organisation ("Kyiv Independent")."""
_UNIT_KEY_ENDINGS = (*_RAION_NOUNS, " hromada", " community")
"""Keys of the English names of raions and hromadas ("Bohodukhiv district")."""
_REGION_IN_KEY = re.compile(
    r"\b(oblast|region|province|krai|kray|governorate|people(?:['’]s)? republic)\b"
)
_PLURAL_REGION = re.compile(r"\b(region|oblast|province|republic)s\b", re.IGNORECASE)
_ENUM_GAP = re.compile(
    r"^(\s*,\s*(?:(?:and|or|і|й|та|и|а також|а также)\s+)?|\s+(?:and|or|і|й|та|и)\s+|\s*/\s*)"
    r"(?:(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?\s+|central\s+)?$",
    re.IGNORECASE,
)
"""What joins the names of a list: a comma, "and"/"or", or their Ukrainian and Russian
equivalents ("Мирополье и Мельня", "Кліщіївка, Андріївка та Курдюмівка"), and a compass word
that qualifies the next ("eastern Donetska and southern Mykolaivska oblasts")."""
_HINT_GAP = re.compile(
    r"^[\"”»]?"  # a quote closing on the name: "… liberated the settlement of Maliyevka" in …
    rf"\s*(?:(?:{_SETTLEMENT_NOUN})\s+)?"  # "Zagornoye village in …"
    r"[,(]?\s*(?:(?:all|both|each)\s+|(?:a|the)\s+(?:small\s+|front-?line\s+|regional\s+)?"
    rf"(?:{_SETTLEMENT_NOUN}|capital|administrative\s+cent(?:re|er))s?\s+)?"
    r"(?:in\s+(?:the|a)\s+(?:far\s+)?(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+)?"
    r"(?:corner|part|edge|tip|end)\s+of\s+)?"  # "in the southeast corner of the … region"
    r"(?:(?:in|of|в|у|во|(?:just\s+)?(?:inside|within))\s+)?(?:the\s+|Ukraine['’]s\s+)?"
    r"(?:(?:(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western|central|"
    r"(?:Russian-|partially\s+)?occupied|embattled|frontline|front-line)\s+)?$",
    re.IGNORECASE,
)
"""What may stand between places and the region after them that locates them: "Bakhmut, Lyman
and Bohdanivka, all in the Donetsk region", "the village of Zatyshshia in Ukraine's
southeastern Zaporizhzhia region", "Pishchane, a village in the Kupiansk district", "Zagornoye
Village in Zaporozhye Region"."""
_HELD_BY = re.compile(
    r"-(?:occupied|held|controlled|annexed|seized|captured|liberated|retaken|besieged|"
    r"encircled|surrounded|defended|shelled|bombed|struck)$",
    re.IGNORECASE,
)
"""Who holds or hit the place: the capitalised word before a name that is no part of it
("Russian-occupied Melitopol", "Ukrainian-held Kostiantynivka", "Kyiv-controlled Kramatorsk")."""
_METONYMY_AFTER = re.compile(
    r"^(?:-(?:backed|installed|appointed|controlled|led|aligned|friendly)\b|(?:'s|’s)?\s+"
    r"(?:(?:has|had|have|is|was|has been|would|will|also|repeatedly|officially|reportedly|"
    r"seemingly|apparently|clearly|now|still|again|already|long)\s+)*"
    r"(?:said|says|say|stated|states|denied|denies|noted|notes|claimed|claims|announced|accused|warned|"
    r"insisted|insists|believes|wants|rejected|rejects|responded|argued|demanded|refused|sees|called|"
    r"(?:did|does|do|has|have|had|would|could)\s+not\s+\w+|confirmed|confirms|commented|dismissed|"
    r"doubled|hopes|seeks|sought|plans|planned|intends|intended|aims|aimed|expects|ordered|"
    r"threatened|insisted|vowed|pledged|signalled|signaled|appears|appeared|"
    r"troops|forces|officials|authorities|regime|propaganda|leadership)\b)",
    re.IGNORECASE,
)
_METONYMY_BEFORE = re.compile(
    r"\b(according to|influence on|pressure on|ties with|relations with|talks with|sanctions on|"
    r"support from|warned|accused|urged|against|a claim(?: that)?|loyal to|allegiance to|"
    r"(?:supplied|delivered|provided|transferred|pledged|promised|sold|shipped|donated|"
    r"aid|weapons|arms|ammunition|assistance|fell|lost|surrendered|ceded)\s+to|"
    r"backed by|allied with|(?:forces|troops|regime|army|military|authorities|government|"
    r"leadership|officials|allies|partners|position|stance)\s+of|"
    r"(?:captured|seized|taken|occupied|annexed|controlled|claimed|held|"
    r"launched|ordered|denied|appointed|installed)"
    r"(?:\s+(?:in|on|since|during)\s+\w+(?:\s+\d{1,4})?|\s+(?:last|this|earlier)\s+\w+)?"
    r"\s+by)\s+(the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE_ROLE = re.compile(
    r"^(?:'s|’s)\s+(role|position|proposals?|plan|stance|policy|government|view|claims?|aims?|"
    r"allies?|war|invasion|forces|troops|army|military|regime|side|officials|authorities|"
    r"leadership|command|proxies|fighters|militants|soldiers|units|drones|missiles)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"[А-ЯІЇЄҐЁ]{2,}")
"""An abbreviation in capitals ("БПЛА", "ЗСУ"): after a Cyrillic name it starts a new phrase; it
does not continue the name as a capitalised word does ("Нова Каховка")."""
_OPENERS = " \t«»\"„“”'’(—–-"  # what may stand before a sentence's first word
_CAPITALS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐ"
)  # as [A-ZА-ЯІЇЄҐ] in _NAME
_WORD_LETTERS = "A-Za-zА-Яа-яІіЇїЄєҐґ'’-"
_WORD_BEFORE = re.compile(rf"([{_WORD_LETTERS}]+)\s+$")
_WHOLE_WORD = re.compile(rf"[{_WORD_LETTERS}]+")  # what _WORD_BEFORE's group takes whole
_WORD_WINDOW = 40  # the characters before a mention _WORD_BEFORE searches
_WORD_AFTER = re.compile(r"^\s+([A-Za-zА-Яа-яІіЇїЄєҐґ'’-]+)")
_NAME = r"[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ'’]+(?:-[A-ZА-ЯІЇЄҐ]?[a-zа-яіїєґ'’]+)*"
_MARKED_UNKNOWN = re.compile(rf"\b(?i:{_SETTLEMENT_NOUN})\s+of\s+({_NAME})")
_CONJUNCTION = r"(?:and|or|и|і|й|та|или|або)"  # "Строевка и Кондрашовка", "Липці та Вовчанськ"
_ENUM_NEXT = re.compile(rf"(?:\s*,\s*(?:{_CONJUNCTION}\s+)?|\s+{_CONJUNCTION}\s+)({_NAME})")
_ENUM_PREV = re.compile(rf"({_NAME})(?:\s*,\s*(?:{_CONJUNCTION}\s+)?|\s+{_CONJUNCTION}\s+)$")
_ENUM_AFTER = (",", "and", "or", "и ", "і ", "й ", "та ", "или ", "або ")
_ENUM_BEFORE = (",", " and", " or", "/", " и", " і", " й", " та", " или", " або")
_FUNCTION_WORDS = {
    "in",
    "at",
    "near",
    "to",
    "into",
    "from",
    "of",
    "the",
    "and",
    "or",
    "on",
    "by",
    "for",
    "with",
    "outside",
    "around",
    "toward",
    "towards",
    "across",
    "inside",
    "within",
    "via",
    "a",
    "an",
    "as",
    "that",
    "while",
    "when",
    "where",
    "since",
    "after",
    "before",
    "but",
    "both",
    "all",
}
_COMPASS_QUALIFIERS = frozenset(
    f"{a}{sep}{b}" for a in ("north", "south") for b in ("east", "west") for sep in ("", "-", " ")
) | {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "northeastern", "northwestern", "southeastern", "southwestern", "downtown", "greater",
}  # fmt: skip
"""Capitalised words that qualify the place after them ("in South East Kyiv", "Central
Kharkiv") rather than begin a longer name: names that do begin with one ("North Korea", "West
Bank") are in the gazetteer whole, and the longest match wins."""
_REGION_WORDS = {
    "region",
    "regions",
    "oblast",
    "oblasts",
    "province",
    "provinces",
    "krai",
    "kray",
    "governorate",
    "direction",
    "axis",
    "front",
    "sector",
}


_MARKER_WORDS = tuple(_SETTLEMENT_NOUN.split("|"))  # _MARKED_UNKNOWN needs one (lower-cased)


def _has_marker_word(lowered: str) -> bool:
    """Does ``lowered`` hold a settlement noun anywhere (a few ``in`` tests, no regex)?"""
    return any(word in lowered for word in _MARKER_WORDS)


def _regions_of(sentence: str, start: int, end: int) -> bool:
    """Does "regions of (the)" end at ``end``? The pattern ends in "of" or "the" and whitespace,
    so most group leads ("in Bakhmut", "Bakhmut, Lyman") are settled without the regex."""
    if not sentence[end - 1 : end].isspace():
        return False
    head = sentence[start:end].rstrip()
    if head[-2:].lower() != "of" and head[-3:].lower() != "the":
        return False
    lowered = sentence[start:end].lower()  # the nouns' letters that IGNORECASE folds alone:
    if not any(stem in lowered for stem in ("reg", "obla", "prov", "repub")):  # no "ſ", "ı"
        return False
    return _REGIONS_OF.search(sentence, start, end) is not None


_LOCATIVE_LAST = frozenset(
    "in at near to into from outside around toward towards across inside within via the".split()
)
_APPROXIMATE_LAST = frozenset(
    "near around outside to toward towards".split()
)  # "close to" ends in "to"
_APPROXIMATE_NOUNS = frozenset(
    "outskirts edge vicinity suburbs approaches direction axis area".split()
)
_PLACE_NOUNS = frozenset("town village city settlement".split())  # "west of the town of X"
_MARKER_NOUNS = _PLACE_NOUNS | {
    "hamlet",
    "port",
    "region",
    "oblast",
}  # "urban-type settlement" ends in one
_REGION_PLURALS = frozenset(
    "regions oblasts provinces republics region oblast province".split()
)  # the word before "of" that _REGIONS_OF may follow
_DIRECTION_WORDS = frozenset(
    f"{point}{suffix}"
    for point in (
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    )
    for suffix in ("", "ern")
)


_CASE_PREPOSITIONS = frozenset({"у", "в", "во", "на"})
"""Prepositions after which a word that is both a name and a case form of another name is the
case form (:func:`build_automaton`)."""
_NO_CUES = (False, False, False, None, False)
_NO_CYRILLIC = (False, False, False)  # (marked, locative, approximate)
_CUE_LAST = _LOCATIVE_LAST | _APPROXIMATE_LAST | {"of", "capital"}  # a word a pattern can end with


def _plain_word(word: str) -> bool:
    return not word or word.isalpha() or word in _DIRECTION_WORDS


def _before_patterns(before: str, words: list[str]) -> tuple:
    """(regions of, marked, locative, direction match, approximate) for the text before a mention.

    Every such pattern ends at the mention (``…word\\s+$``), so the last words before it say
    which can match at all ("west of" needs a point of the compass before "of"); only those
    regexes run, and they still decide. ``words`` are the whitespace-split tail of ``before``
    (empty when it does not end in a space). Words that are not plain letters fall back to every
    pattern."""
    if not words:
        return _NO_CUES
    last = words[-1].lower()
    if not last[-1].isalpha():
        return _NO_CUES  # "Bakhmut, Lyman": every pattern needs a word right before the space
    if not _plain_word(last):
        return _every_pattern(before)
    if last not in _CUE_LAST:
        return _NO_CUES
    second = words[-2].lower() if len(words) > 1 and last in ("of", "the") else ""
    third = words[-3].lower() if len(words) > 2 and last == "the" and second == "of" else ""
    if not (_plain_word(second) and _plain_word(third)):
        return _every_pattern(before)
    has_of = " of " in before[-60:]
    of = has_of and last == "of"
    regions_of = (
        (of and second in _REGION_PLURALS)
        or (has_of and last == "the" and second == "of" and third in _REGION_PLURALS)
    ) and _REGIONS_OF.search(before) is not None
    marked = (
        of
        and second in _MARKER_NOUNS
        and _MARKER.search(before, last_words_at(before, _MARKER_WORDS_MOST)) is not None
    )
    locative = (
        last in _LOCATIVE_LAST and _LOCATIVE.search(before, max(0, len(before) - 24)) is not None
    )
    direction = (
        _DIRECTION.search(before, last_words_at(before, _DIRECTION_WORDS_MOST))
        if (of and (second in _DIRECTION_WORDS or second in _PLACE_NOUNS))
        or (last == "capital" and has_of)  # "south-west of the regional capital Donetsk"
        else None
    )
    approximate = (
        direction is None
        and (
            last in _APPROXIMATE_LAST
            or (of and (second in _APPROXIMATE_NOUNS or second in _PLACE_NOUNS))
        )
        and _APPROXIMATE.search(before, last_words_at(before, _APPROXIMATE_WORDS_MOST)) is not None
    )
    return regions_of, marked, locative, direction, approximate


# The most words (whitespace-separated, the first maybe in part) a match of each end-anchored
# pattern spans: "north-east and western of the front-line settlement of ", "outskirts of
# the town of ", "urban-type settlement of ". Every match starts within that many last words,
# so the search starts there (last_words_at): the same leftmost match (tests/test_fast_gates.py).
_DIRECTION_WORDS_MOST = 8
_APPROXIMATE_WORDS_MOST = 5
_MARKER_WORDS_MOST = 3


def _every_pattern(before: str) -> tuple:
    """:func:`_before_patterns` without the word gate, for unusual words before a mention."""
    has_of = " of " in before[-60:]
    regions_of = has_of and _REGIONS_OF.search(before) is not None
    marked = has_of and _MARKER.search(before) is not None
    locative = _LOCATIVE.search(before, max(0, len(before) - 24)) is not None
    direction = _DIRECTION.search(before) if has_of else None
    return (
        regions_of,
        marked,
        locative,
        direction,
        direction is None and _APPROXIMATE.search(before) is not None,
    )


def _word_before(before: str, words: list[str]) -> tuple[str | None, int]:
    """The word right before a mention (letters, apostrophes, hyphens) and where it starts in
    ``before``. A last word that is all such characters and starts inside the window is taken as
    is (the regex would find just it: the space before it is no letter); anything else goes to the
    regex, whose search from every position of the window costs several times more."""
    if not words:
        return None, 0
    word = words[-1]
    if word.isascii() and word.isalpha():
        return word, len(before.rstrip()) - len(word)
    cut = len(before.rstrip()) - len(word)
    if cut >= len(before) - _WORD_WINDOW and _WHOLE_WORD.fullmatch(word):
        return word, cut  # "під", "селище": Cyrillic words
    found = _WORD_BEFORE.search(before, max(0, len(before) - _WORD_WINDOW))
    return (found.group(1), found.start()) if found else (None, 0)


_NO_NEIGHBOURS: tuple[tuple[int, int], ...] = ()


def _neighbours(sentence: str, a: int, b: int) -> tuple[tuple[int, int], ...]:
    """Spans of the names enumerated right after and right before ``sentence[a:b]``
    ("Bakhmut, Klishchiivka and Andriivka"); the regexes only run where a separator ("," "and"
    "or") touches the span."""
    after = (
        _ENUM_NEXT.match(sentence, b)
        if sentence[b : b + 48].lstrip().startswith(_ENUM_AFTER)
        else None
    )
    before = (
        _ENUM_PREV.search(sentence, max(0, a - 40), a)
        if sentence[max(0, a - 6) : a].rstrip().endswith(_ENUM_BEFORE)
        else None
    )
    if after is None:
        return _NO_NEIGHBOURS if before is None else (before.span(1),)
    return (after.span(1),) if before is None else (after.span(1), before.span(1))


_OBLAST_ALIASES = "overlay:ua_admin_aliases.csv"
"""The source of curated oblast names: in Ukrainian text "на Харківщині" is the oblast, not
the village Харківщина."""


@cache
def _cyrillic_words() -> frozenset[str]:
    """Lower-case Cyrillic cue words ("Під", "Біля" opening a sentence begin no longer name)."""
    return cyrillic.cues().words


_TOWN = 10_000
"""People: a settlement this big is a town a title can head ("мэр Донецка"); a name no such town
bears, and a region does, is the region after a title ("Глава Чечни", though a village is
called Чечня)."""


class _Key(NamedTuple):
    """What the gazetteer says about a matched key (see :meth:`MentionScanner._key`)."""

    country_only: bool  # the biggest place with this name is a country: never an event site
    region_first: bool  # a region, and no town, has this name ("Чечня"): a title's office
    country: bool  # some place with this name is a country
    theatre: bool  # some place with this name is in the theatre (or is a country)
    region: bool  # the key itself says region/oblast
    not_place: bool  # a common word first (gazetteer/not_places.csv)
    metonym: bool  # a seat of government that can stand for its government
    oblast_name: bool  # a curated name of an oblast ("Донеччина", "Харківщина"; Cyrillic text)
    oblast_too: bool  # an oblast (admin1) has this name too ("Zaporizhzhia", a city as well)
    renamed_capital: bool  # the oblast's, and only a renamed city's old name ("Dnipropetrovsk")
    unit_adjective: bool  # in Cyrillic only a raion's or hromada's; a settlement's only in Latin


@dataclass(slots=True)
class Mention:
    """One place mention in a sentence, with what its context says about it."""

    text: str
    key: str
    start: int  # offset in the document text
    end: int
    sentence: int
    known: bool = True
    region: bool = False
    oblast_too: bool = False  # English: an oblast bears the name too ("Zaporizhzhia")
    direction: str | None = None
    approximate: bool = False
    axis: bool = False  # "the Kupiansk direction", "на Покровському напрямку"
    jurisdiction: bool = False  # "Kharkiv regional governor", "the Kherson city council"
    regional_office: bool = False  # the jurisdiction is an oblast's: "Kharkiv regional governor"
    frames: bool = False  # an axis or jurisdiction framing its sentence's places: no record
    title: bool = False  # "мэр Энергодара", "the mayor of Enerhodar": the town of an official
    latin_only: bool = False  # a Cyrillic list member the store spells only in Latin ("Окоп")
    marked: bool = False
    village: bool = False  # its marker says village: "the village of X", "с. X", "села X"
    urban: bool = False  # its marker says urban-type settlement: "селище X", "смт X"
    locative: bool = False
    metonymic: bool = False
    role: str = "site"  # site | hint | actor
    admin_hint: str | None = None
    soft_hint: bool = False  # the hint is a region elsewhere in the sentence, not right after
    opening_hint: bool = False  # … the region that opens the sentence ("In the Kursk region, …")
    hint_dropped: bool = False  # a soft hint dropped: no place of the name lies in that region
    group: int = -1
    context_start: int | None = None  # where a direction phrase ("west of") begins
    notes: list[str] = field(default_factory=list)
    query: str | None = None  # what to resolve when the text is an inflected form ("Бахмутом")
    readings: tuple[str, ...] = ()  # keys of other nominatives the form may be ("Тернів": Терни)
    anchor: str | None = None  # "Karlivka, southeast of Pokrovsk": the query of the place it is by
    anchor_direction: str | None = None  # "southeast": where it lies from its anchor
    by_anchor: bool = False  # its anchor chose it among namesakes ("Lozova, near Kupiansk")
    same_region: bool = False  # "в той же области": in the oblast the text named last


def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if low in "'’ʼ‘`´":
        return " "  # "Bakhmut's" scans as "bakhmut s"; names keep apostrophe-free forms too
    if low == "ё":
        return "е"  # Russian text writes "Новоселка" for the dictionary's "Новосёлка"
    if ord(low) < 128 or "\u0400" <= low <= "\u04ff":
        return low
    base = unicodedata.normalize("NFD", low)[0]
    return base if ord(base) < 128 else low


_CONTEXT_CHARS = 90
_SEPARATORS = (
    "".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum() and chr(c) != "-")
    + "“”„«»–—…\u00a0\t\n\r\u2028\u2029"
)


@cache
def _fold_table() -> dict[int, str]:
    table = {cp: _fold_char(chr(cp)) for cp in range(0x80, 0x530) if _fold_char(chr(cp)) != chr(cp)}
    table |= {cp: _fold_char(chr(cp)) for cp in (0x2019, 0x02BC, 0x2018, 0x60, 0xB4)}
    table |= {cp: chr(cp).lower() for cp in range(ord("A"), ord("Z") + 1)}
    table |= {ord(c): " " for c in _SEPARATORS}
    table[ord("'")] = " "
    return table


_APOSTROPHES = "'’ʼ‘`´"
_WORD_APOSTROPHE = "ʼ"  # what an apostrophe inside a Cyrillic word folds to
_CYRILLIC_LETTERS = frozenset(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐ"
)


def _apostrophes(text: str) -> tuple[list[int], list[int]]:
    """The apostrophes inside words of ``text``: where one stands between two Cyrillic letters
    (a letter of a Ukrainian word), and where, in ``text`` padded with a space, a piece of a
    word starts after one between any two letters ("Slov’yans’k", "Ukraine’s"). Found with
    ``str.find`` per apostrophe character: most documents hold a few apostrophes or none, so
    this costs far less than a pass over every character."""
    cyrillic, pieces = [], []
    for mark in _APOSTROPHES:
        at = text.find(mark, 1)
        while at != -1:
            before, after = text[at - 1], text[at + 1 : at + 2]
            if before in _CYRILLIC_LETTERS and after in _CYRILLIC_LETTERS:
                cyrillic.append(at)
            elif before.isalpha() and after.isalpha():
                pieces.append(at + 2)
            at = text.find(mark, at + 1)
    return cyrillic, pieces


def fold(text: str) -> str:
    """Lower-case, diacritic-free copy of ``text`` with the same length; apostrophes and
    punctuation become spaces, so every word stands between spaces (hyphens stay).

    An apostrophe between two Cyrillic letters is a letter of a Ukrainian word ("Лук'янці",
    "Куп’янськ"), never a boundary: it folds to ``ʼ`` whichever of ' ’ ʼ ‘ ` ´ is written, so
    "Лук" (Luuq) is no match inside "Лук'янці" and every spelling of "Куп'янськ" is one word."""
    folded = text.translate(_fold_table())
    inner = _apostrophes(text)[0]
    if not inner:
        return folded
    chars = list(folded)
    for i in inner:
        chars[i] = _WORD_APOSTROPHE
    return "".join(chars)


@lru_cache(maxsize=32_768)
def _folded_name(written: str) -> str:
    """A name as written, folded with single spaces: the key of the case-form tables (a
    document names its places again and again)."""
    return " ".join(fold(written).split())


_LUT_SIZE = 0x2030  # every code point the fold table touches lies below this


@cache
def _fold_lut() -> tuple[np.ndarray, np.ndarray]:
    """The fold table as an array (code point → folded code point) and a lower-case flag per
    code point, for folding a whole document with a few vector operations."""
    lut = np.arange(_LUT_SIZE, dtype=np.uint32)
    for cp, folded in _fold_table().items():
        lut[cp] = ord(folded)
    lower = np.array([chr(cp).islower() for cp in range(_LUT_SIZE)])
    return lut, lower


def scan_form(text: str) -> str:
    """``fold(text)`` padded with a space each side, for the scanner automaton, with the first
    letter of each lower-case word that follows another lower-case word set to NUL.

    Names start with a capital, so a run of lower-case words ("said on Monday that the") can
    only hold a name's inner words right after a capitalised one ("Sea of Azov", "Kakhovka
    reservoir"); blanking the rest keeps the automaton from reporting hundreds of common words
    that happen to be place names somewhere ("The", "And", "Spring") only to drop them. The
    price: a name with two lower-case inner words in a row ("Rostov on the Don") is missed when
    written that way; hyphenated forms ("Rostov-on-Don") are one word and still found. The
    pieces of a word an apostrophe splits ("Slov’yans’k", the BGN/PCGN spelling) are one word."""
    lut, lower = _fold_lut()
    codes = np.frombuffer(f" {text} ".encode("utf-32-le"), dtype=np.uint32)
    known = codes < _LUT_SIZE
    clipped = np.where(known, codes, 0)
    folded = np.where(known, lut[clipped], codes)
    inner, pieces = _apostrophes(text)  # the apostrophe of a Ukrainian word ("Лук'янці")
    if inner:
        folded[np.array(inner) + 1] = ord(_WORD_APOSTROPHE)
    space = folded == 32
    starts = np.flatnonzero(space[:-1] & ~space[1:]) + 1
    low = lower[clipped[starts]]
    if pieces:  # a piece of a word, and the words after it, count as the word it belongs to
        pieces.sort()  # in order, so that the pieces of "Slov’yans’k" take "Slov"'s case in turn
        for k, piece in zip(np.searchsorted(starts, pieces).tolist(), pieces, strict=True):
            if k < len(starts) and starts[k] == piece:  # (a piece after a letter: k > 0)
                low[k] = low[k - 1]
    folded[starts[1:][low[1:] & low[:-1]]] = 0
    return folded.tobytes().decode("utf-32-le")


def _feature_tails(names: list[str]) -> dict[str, re.Pattern[str]]:
    """The features whose names the scan may not see whole, by the key of the capitalised words
    they start with: those with two words or more after their head, which text may write in
    lower case ("the Zaporizhzhia nuclear power plant", "the Avdiivka coke and chemical plant",
    "the Kakhovka hydroelectric dam") and :func:`scan_form` then blanks from the second on. The
    head is the first word, or all the words up to the first lower-case one ("Nova Kakhovka").
    For each head, one pattern of the words after it, longest first, that
    :meth:`MentionScanner.find` tries right after a hit on the head."""
    tails: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if not words[0][:1].isupper():
            continue  # "crash site of MH17": the scan finds no name starting in lower case
        first_lower = next((i for i, w in enumerate(words) if w[:1].islower()), len(words))
        for head in {1, first_lower}:
            if len(words) - head >= 2:
                tail = r"\s+".join(re.escape(w) for w in words[head:])
                tails.setdefault(name_key(" ".join(words[:head])), set()).add(tail)
    return {
        key: re.compile(
            rf"\s+(?:{'|'.join(sorted(alternatives, key=lambda t: (-len(t), t)))})(?!\w)",
            re.IGNORECASE,
        )
        for key, alternatives in tails.items()
    }


@cache
def _metonyms() -> dict[str, tuple[str, str]]:
    rows = csv.DictReader(
        resources.files("geo.data").joinpath("metonyms.csv").open(encoding="utf-8")
    )
    # every romanisation: a Cyrillic hit may carry any of its name's keys ("kiyiv" for Київ)
    return {key: (r["actor"], r["kind"]) for r in rows for key in variants(r["name"])}


def _not_places() -> tuple[frozenset[str], frozenset[str]]:
    """Keys of the common words (``not_places.csv``), and those of them that are only a
    Ukrainian or Russian word's romanisation ("druzhba", "pobeda"): no English word, so in
    English text a list with a place is enough to make it a village."""
    path = overlay_dir() / "not_places.csv"
    if not path.is_file():
        return frozenset(), frozenset()
    with path.open(encoding="utf-8", newline="") as fh:
        names = [r["name"] for r in csv.DictReader(fh)]
    # every romanisation: a Cyrillic hit may carry any of its name's keys ("peremoga")
    keys = frozenset(key for name in names for key in variants(name))
    latin = frozenset(key for name in names if not has_cyrillic(name) for key in variants(name))
    return keys, keys - latin


@cache
def _demonyms() -> frozenset[str]:
    """Keys of nationality adjectives ("British", "Ukrainian", "Saudi Arabian"), from the
    countryinfo package: "…regions of Kherson and Zaporizhzhia, British intelligence said" names
    no village called British."""
    from countryinfo import all_countries

    keys = {
        name_key(part)
        for country in all_countries()
        for part in re.split(r"[,/]", country.demonym() or "")
    }
    return frozenset(keys - {""})


Readings = dict[str, tuple[str, ...]]
"""Folded case forms that several nominatives take ("тернів": Тернів as written and the
genitive of Терни; "зарічного": of Зарічне and of Зарічний) → the keys of all of them."""


def build_automaton(
    store: GazetteerStore,
) -> tuple[ahocorasick.Automaton, dict[str, str], Readings]:
    """The scanner's automaton: every scan name of ``store`` as written (folded) and as its key,
    then every case form of the theatre's Cyrillic names (:func:`geo.text.inflect.case_forms`)
    mapped to the key of its nominative. A name as written wins over a form that spells the same
    ("Іванівці" is a village, not only "in Іванівка"); among forms, the bigger place's wins.

    Also returns the locative forms a name as written took (folded form → the key of the
    nominative it is a case of): after "у", "в", "на" the case form is the reading ("у
    Малинівці" is in Малинівка; the village Малинівці would be "у Малинівцях"); and every
    form several nominatives share, with all their keys (:data:`Readings`), which the
    extractor tells apart by the places named beside them."""
    automaton = ahocorasick.Automaton()
    add_names(automaton, store)
    shared: dict[str, dict[str, None]] = {}
    shadowed = add_case_forms(automaton, store, shared)
    automaton.make_automaton()
    return automaton, shadowed, {form: tuple(keys) for form, keys in shared.items()}


def _add(
    automaton: ahocorasick.Automaton, written: str, key: str, over: set[str] | None = None
) -> None:
    """Add one name (folded, as whole words) unless a name already spells the same (a folded
    name in ``over`` gives way, once)."""
    folded = " ".join(fold(written).split())
    form = f" {folded} "
    if len(folded) < 3:
        return
    if form not in automaton or (over is not None and folded in over):
        automaton.add_word(form, (len(folded), key))
        if over is not None:
            over.discard(folded)


def _hyphenated_key(written: str, key: str) -> str | None:
    """``key`` with a hyphen wherever ``written`` has one between its words: the key of the
    Russian "Каменка-Днепровская" is "kamenka dneprovskaya", but text writes the romanised
    name as hyphenated as the Cyrillic one ("Kamenka-Dneprovskaya"), and the scan keeps
    hyphens. None when the words do not pair up one to one."""
    parts = re.split(r"(\s*-\s*|\s+)", written.strip())
    words = key.split()
    if len(parts) != 2 * len(words) - 1:
        return None
    joined = [words[0]]
    for separator, word in zip(parts[1::2], words[1:], strict=True):
        joined.append(("-" if "-" in separator else " ") + word)
    return "".join(joined)


_CAPITAL_AFTER_HYPHEN = re.compile(r"(?<=\w)-(?=[А-ЯЁІЇЄҐ])")


def _spaced_too(written: str, forms: set[str]) -> list[str]:
    """The case ``forms`` of ``written``, and when each hyphen of it joins two capitalised words
    ("Михальчина-Слобода"), each form with spaces for the hyphens too, as reports often write
    such names ("Михальчина Слобода", "Михальчину Слободу"); sorted, so the automaton is built
    the same way every time."""
    hyphens = written.count("-")
    if not hyphens or len(_CAPITAL_AFTER_HYPHEN.findall(written)) != hyphens:
        return sorted(forms)
    return sorted({*forms, *(form.replace("-", " ") for form in (written, *forms))})


def add_names(automaton: ahocorasick.Automaton, store: GazetteerStore) -> None:
    """Every scan name of ``store``, as written and as its key; and a Ukrainian name's BGN/PCGN
    romanisation as written, with the apostrophes for the soft sign ("Slov'yans'k",
    "Arkhanhel's'ke"), which the key drops but the scan reads as word breaks."""
    romanised: set[str] = set()
    for written, key in store.iter_scan_names(THEATRE, SCAN_MIN_POPULATION):
        _add(automaton, written, key)
        _add(automaton, key, key)
        if "-" in written:  # "Kamenka-Dneprovskaya": the romanisation as hyphenated as the name
            hyphenated = _hyphenated_key(written, key)
            if hyphenated is not None:
                _add(automaton, hyphenated, key)
        if written not in romanised and has_cyrillic(written):
            romanised.add(written)
            bgn = bgn_romanisation(written)
            if bgn is not None:
                _add(automaton, bgn, name_key(bgn))


def add_case_forms(
    automaton: ahocorasick.Automaton,
    store: GazetteerStore,
    shared: dict[str, dict[str, None]] | None = None,
) -> dict[str, str]:
    """Every case form of the theatre's Cyrillic names, and of the axes of the reports ("на
    Покровському напрямку" → Покровськ), mapped to the key of the nominative; returns the
    locative forms a name as written holds instead (folded form → the form's nominative key,
    the biggest place's first). ``shared`` gathers the forms several nominatives take (folded
    form → their keys, the one the automaton holds first)."""
    # "Торецька" (громада) gives way to "біля Торецька"
    units = {" ".join(fold(name).split()) for name in store.unit_only_names()}
    forms: set[str] = set()  # what this function added: the rest are names as written
    shadowed: dict[str, str] = {}
    for written, lang in store.iter_cyrillic_names(THEATRE):
        key = name_key(written)
        locatives: set[str] | None = None
        for form in _spaced_too(written, case_forms(written, lang)):
            folded = " ".join(fold(form).split())
            spelled = f" {folded} "
            if shared is not None and spelled in automaton:
                held = automaton.get(spelled)[1]
                if held != key:
                    shared.setdefault(folded, {held: None})[key] = None
            if spelled in automaton and spelled not in forms and folded not in units:
                if locatives is None:
                    locatives = case_forms(written, lang, LOCATIVES)
                if form in locatives and automaton.get(spelled)[1] != key:
                    shadowed.setdefault(folded, key)
                continue
            _add(automaton, form, key, units)
            forms.add(spelled)
    for lang, phrase, town in cyrillic.axis_phrases():
        for form in {phrase, *case_forms(phrase, lang)}:
            _add(automaton, form, name_key(town))
    for lang, phrase in cyrillic.former_raion_phrases():  # "в Оріхівському районі"
        for form in {phrase, *case_forms(phrase, lang)}:
            _add(automaton, form, name_key(phrase.split()[0]))
    return shadowed


class MentionScanner:
    """Scans sentences for gazetteer names; one instance per store
    (the automaton is cached on disk)."""

    def __init__(self, store: GazetteerStore) -> None:
        self.store = store
        self.automaton, self.case_readings, self.readings = self._load_or_build()
        self.not_places, self._romanised_not_places = _not_places()
        self.demonyms = _demonyms()
        self.metonyms = dict(_metonyms())  # grows by the case forms met (:meth:`_key`)
        self._keys: dict[str, _Key] = {}
        self._feature_tails = _feature_tails(store.feature_names())
        self._hints = HintReader(store, FOCUS)  # "the Kupyansk district of Kharkiv": a raion
        self._latin_raions = LatinRaions(store)  # "the Kupyansky district": Kupianskyi raion

    @staticmethod
    def cache_path(store: GazetteerStore) -> Path:
        """Where the automaton for ``store`` is cached: beside it, one file per build, scanner
        version and word table (the table's axes and former raions are phrases of the
        automaton, so an edited table is a new cache, not a stale one)."""
        version = f"{SCANNER_VERSION}.{cyrillic.table_digest()}"
        return store.path.with_name(
            f"{store.path.name}.scan-v{version}-{MentionScanner._built(store)}.pickle"
        )

    @staticmethod
    def _built(store: GazetteerStore) -> str:
        """The store's build stamp, as cache file names carry it."""
        return (store.meta("built") or "unbuilt").replace(":", "")

    def _load_or_build(self) -> tuple[ahocorasick.Automaton, dict[str, str], Readings]:
        path = self.cache_path(self.store)
        if path.is_file():
            try:
                with path.open("rb") as fh:
                    return pickle.load(fh)
            except Exception as exc:  # a damaged cache, of whatever kind, is rebuilt
                log.warning("scanner cache %s unreadable (%s); rebuilding", path, exc)
        tables = build_automaton(self.store)
        # the caches of earlier builds go; another scanner version's cache of this build stays,
        # so two installs sharing one gazetteer do not delete each other's cache in turn
        current = f"-{self._built(self.store)}.pickle"
        for stale in path.parent.glob(f"{self.store.path.name}.scan-*.pickle"):
            if stale.name.endswith(current):
                continue
            try:
                stale.unlink(missing_ok=True)
            except OSError:  # a read-only gazetteer folder: leave it
                break
        try:  # workers building at the same time each write their own temporary file
            with atomic_path(path) as tmp, tmp.open("wb") as fh:
                pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        except InputError as exc:  # a read-only or full disk: the scanner works uncached
            log.warning("could not cache the scanner (%s)", exc)
        return tables

    def _seat_of_government(self, hit: NameHit) -> str | None:
        """The metonym key of the seat of government ``hit`` reaches, if it is one (a town
        whose main name is in ``metonyms.csv``)."""
        if hit.place.kind != "settlement":
            return None
        key = name_key(hit.place.name)
        return key if key in self.metonyms else None

    def _key(self, key: str) -> _Key:
        """What the gazetteer says about a matched key, worked out once per key."""
        info = self._keys.get(key)
        if info is None:
            hits = self.store.lookup(key)
            if key not in self.metonyms:
                # "назначенной Киевом": a case form the gazetteer holds as an alternate name of
                # the capital itself ("Kievom"), not reached through the name "Киев"
                seat = next((s for h in hits if (s := self._seat_of_government(h))), None)
                if seat is not None:
                    self.metonyms[key] = self.metonyms[seat]
            biggest = max(hits, key=lambda h: h.place.population).place.kind if hits else None
            info = self._keys[key] = _Key(
                country_only=biggest == "country",
                region_first=any(h.place.kind == "admin1" for h in hits)
                and not any(
                    h.place.kind == "settlement" and h.place.population >= _TOWN for h in hits
                ),
                country=any(h.place.kind == "country" for h in hits),
                theatre=any(h.place.country in THEATRE or h.place.kind == "country" for h in hits),
                region=_REGION_IN_KEY.search(key) is not None,
                not_place=key in self.not_places,
                metonym=key in self.metonyms,
                oblast_name=_oblast_name(hits),
                oblast_too=any(h.place.kind == "admin1" for h in hits),
                renamed_capital=_renamed_capital(hits),
                unit_adjective=_unit_adjective(hits),
            )
        return info

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of every whole-word gazetteer name in ``text`` that starts with a
        capital, overlaps included, by start. One automaton pass serves a whole document;
        :meth:`find` then picks the longest per sentence."""
        found = []
        form = scan_form(text)
        for end, (length, key) in self.automaton.iter(form):
            start = end - length - 1  # in the text: the folded copy has one leading space
            if text[start] in _CAPITALS:
                found.append((start, 1 - end, key))  # sorts by start, then longest first
        if "-" in text:
            found += [(s, -e, k) for s, e, k in self._chains(text, form, found)]
        if cyrillic.may_name_an_axis(text):
            found += self._lower_case_axes(text, found)
        found.sort()
        return [(start, -negative_end, key) for start, negative_end, key in found]

    @staticmethod
    def _lower_case_axes(
        text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """(start, -end, key) of every axis Russian spells in lower case ("на купянском
        направлении", "на краматорском, константиновском и славянском направлениях"), as
        :meth:`scan` keeps hits: the scan form blanks a lower-case word after another, so the
        automaton, which holds the axis phrases, never sees them. Only adjectives of the axis
        table count, keyed by their town as the automaton keys a capitalised axis; the last
        spans its axis word, as a capitalised axis's hit does, and the others of its list are
        read as a list's axes (:meth:`_mention`)."""
        axes = []
        starts = {s for s, _, _ in found}
        for start, end, axis_end in cyrillic.lower_case_axes(text):
            town = cyrillic.axis_town(text[start:end])
            if town is not None and start not in starts:
                axes.append((start, -(axis_end or end), name_key(town)))
        return axes

    def _chains(
        self, text: str, form: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Each name of a chain of names joined by hyphens ("Куп'янськ-Сватове-Кремінна",
        "Kupiansk-Svatove": a route or an axis), when the whole word is no name (no hit of
        ``found``, as :meth:`scan` keeps them, lies in it: "Олександро-Шультине", "Нью-Йорк"
        stay whole) and every part of it is a capitalised name on its own. ``form`` is
        :func:`scan_form` of ``text``."""
        chains: list[tuple[int, int, str]] = []
        at = text.find("-", 1)
        while at != -1:
            if text[at + 1 : at + 2] in _CAPITALS and text[at - 1].isalpha():
                start, end = form.rfind(" ", 0, at + 1), form.find(" ", at + 1) - 1
                if not any(s < end and start < -e for s, e, _ in found):
                    chains += self._chain_parts(text, form, start, end)
                at = end
            at = text.find("-", at + 1)
        return chains

    def _chain_parts(
        self, text: str, form: str, start: int, end: int
    ) -> list[tuple[int, int, str]]:
        """(start, end, key) of every part of the hyphenated word ``text[start:end]``, or none
        unless each part is a capitalised name as written: a case form among them ("Орехово-
        Василевку") is an inflected hyphenated name the automaton lacks, not a chain."""
        word = form[start + 1 : end + 1]
        if name_key(word.partition("-")[0]) in _COMPOUND_PREFIXES:
            # "Novo-Fedorivka", "Ново-Михайловку": one name, Novofedorivka, not Nove and Fedorivka
            joined = word.replace("-", "", 1)
            whole = [
                (start, end, key)
                for stop, (length, key) in self.automaton.iter(f" {joined} ")
                if length == len(joined) and stop == length + 1
            ]
            return whole[:1]
        spans, at = set(), start
        for part in word.split("-"):
            if not part or text[at] not in _CAPITALS:
                return []
            spans.add((at, at + len(part)))
            at += len(part) + 1
        probe = f" {word.replace('-', ' ')} "
        hits = {}
        for stop, (length, key) in self.automaton.iter(probe):
            span = (start + stop - length - 1, start + stop - 1)
            if span in spans and name_key(text[span[0] : span[1]]) == key:
                hits[span] = key
        if len(hits) < len(spans):
            return []
        return [(s, e, key) for (s, e), key in hits.items()]

    @staticmethod
    def _longest(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Non-overlapping hits, leftmost first and the longest at each start."""
        chosen, last_end = [], -1
        for start, end, key in hits:
            if start >= last_end:
                chosen.append((start, end, key))
                last_end = end
        return chosen

    def find(
        self,
        sentence: str,
        sentence_index: int = 0,
        offset: int = 0,
        hits: list[tuple[int, int, str]] | None = None,
    ) -> list[Mention]:
        """Mentions in one sentence; ``offset`` is the sentence's position in the document and
        ``hits`` the sentence's share of :meth:`scan` over the document (relative to the sentence),
        when the caller scanned the whole document at once."""
        mentions: list[Mention] = []
        if hits is None:
            hits = self.scan(sentence)
        for start, end, key in self._longest(hits):
            info = self._key(key)
            if info.country_only:
                continue  # "Ukraine", "Russia": context for the reader, never an event site
            tails = self._feature_tails.get(key)
            m = (
                self._feature(sentence, start, end, tails, sentence_index, offset)
                if tails is not None
                else None
            ) or self._mention(sentence, start, end, key, info, sentence_index, offset)
            if m is not None:
                if sentence[start] >= "\u0400" and not (m.region or m.axis or m.metonymic):
                    m.readings = self._other_readings(sentence[start:end], m.key)
                mentions.append(m)
        if mentions or " of " in sentence:
            unknown = self._unknown_in_context(sentence, sentence_index, offset, mentions, hits)
            if unknown:
                mentions += unknown
                mentions.sort(key=lambda m: m.start)
        latin_raions = names_a_raion_noun(sentence)
        if latin_raions:
            mentions = self._adjectival_raions(sentence, sentence_index, offset, mentions)
        if "-" in sentence and len(mentions) > 1:
            _chain_axes(sentence, offset, mentions)
        if "агломерац" in sentence:  # "Покровсько-Мирноградська агломерація": the first town
            mentions = self._agglomerations(sentence, sentence_index, offset, mentions)
        if mentions and "район" in sentence:  # "Київський район Харкова": the city
            mentions = _city_districts(sentence, offset, mentions, self._population)
        if bullet_axis_line(sentence):  # "- Покровський – 32 атаки;": an axis
            mentions = _bullet_axis(sentence, sentence_index, offset, mentions)
        self._group(sentence, offset, mentions)
        if "ра" in sentence or latin_raions:  # "район", "района", "Marinsky district": an
            _former_raions(mentions)  # abolished raion may be named
        return mentions

    def _adjectival_raions(
        self, sentence: str, sentence_index: int, offset: int, mentions: list[Mention]
    ) -> list[Mention]:
        """ "the Kupyansky district", "the Chuguevsky and Izyumsky districts": raions named by a
        romanised adjective no gazetteer name spells (:mod:`geo.text.raions`), in place of any
        mention the scanner made of the word ("Pokrovsky", a village's name); a raion abolished in
        2020 ("Marinsky district") is read as "Марьинский район" is, and becomes the area around
        its town in :func:`_former_raions`. A mention of the word and its noun stays as the
        scanner read it when that is the raion ("Iziumskyi raion of Kharkiv oblast"), and
        resolves as the raion when it is a foreign name ("Pokrovsky District" of Oryol oblast)."""
        found = self._latin_raions.in_sentence(sentence)
        if not found:
            return mentions
        kept = list(mentions)
        for start, word_end, end, raion in found:
            inside = [m for m in kept if m.start - offset < end and start < m.end - offset]
            if any(m.start - offset < start for m in inside):
                continue  # a longer name ends with the word
            spanning = [m for m in inside if m.end - offset > word_end]
            if spanning:
                m = spanning[0]
                if not (m.region or name_key(m.query or m.text) == name_key(raion.query)):
                    m.region, m.query = True, raion.query  # "Pokrovsky District" of Oryol
                continue
            kept = [m for m in kept if all(m is not other for other in inside)]
            text = sentence[start:end]
            m = Mention(text, name_key(raion.query), offset + start, offset + end,
                        sentence_index, region=True, query=raion.query)  # fmt: skip
            if not raion.former:
                m.notes.append(f"{text}: {raion.query}")
            kept.append(m)
        return sorted(kept, key=lambda m: m.start)

    def _agglomerations(
        self, sentence: str, sentence_index: int, offset: int, mentions: list[Mention]
    ) -> list[Mention]:
        """ "Покровско-Мирноградская агломерация", "Костянтинівсько-Дружківської агломерації":
        the area around the first town of a hyphenated agglomeration (an axis; precision 2)."""
        found = []
        for match in _AGGLOMERATION.finditer(sentence):
            town = _agglomeration_town(match.group(1))
            if town is None or not self.store.lookup(name_key(town)):
                continue
            start, end = match.span()
            if any(m.start - offset < end and start < m.end - offset for m in mentions):
                continue
            m = Mention(match.group(0), name_key(town), offset + start, offset + end,
                        sentence_index, approximate=True, axis=True, query=town)  # fmt: skip
            m.notes.append(f"{match.group(0)}: the area around {town}")
            found.append(m)
        return sorted([*mentions, *found], key=lambda m: m.start) if found else mentions

    def _axis_in_list(
        self, sentence: str, start: int, end: int, sentence_index: int, offset: int
    ) -> Mention | None:
        """An axis adjective of a list of axes that spells no case form of a name ("Курахівському"
        of "на Авдіївському, Курахівському і Запорізькому напрямках"), as an axis mention."""
        text = sentence[start:end]
        town = cyrillic.axis_town(text) if text[:1] >= "\u0400" else None
        if town is None:
            return None
        before = sentence[max(0, start - _CONTEXT_CHARS) : start]
        after = sentence[end : end + _CONTEXT_CHARS]
        axis = cyrillic.axis_in_list(text, before, after, sentence, (start, end))
        if axis is None:
            return None
        return _axis_mention(text, town, (offset + start, offset + end), sentence_index,
                             f"{text} {axis}: an axis")  # fmt: skip

    def _population(self, key: str) -> int:
        """The population of the largest place named ``key``."""
        return max((h.place.population for h in self.store.lookup(key)), default=0)

    def _other_readings(self, written: str, key: str) -> tuple[str, ...]:
        """The keys of the other nominatives a Cyrillic case form may be ("Тернів": Терни)."""
        shared = self.readings.get(_folded_name(written))
        return tuple(k for k in shared if k != key) if shared else ()

    def _mention(
        self,
        sentence: str,
        start: int,
        end: int,
        key: str,
        info: _Key,
        sentence_index: int,
        offset: int,
    ) -> Mention | None:
        """The mention a gazetteer hit makes in its context, or None when the context says it is
        not a place (a unit's name, part of a longer name, a common word, far from the theatre).

        The "before" patterns all end at the mention, so the word just before it decides which of
        them can match at all; only those run."""
        if sentence[start] >= "\u0400":  # Ukrainian or Russian: the cues of geo.text.cyrillic
            return self._cyrillic_mention(sentence, start, end, key, info, sentence_index, offset)
        needs_context = not info.metonym and not info.theatre or info.not_place
        if needs_context and _no_context_can_place(
            sentence, start, end, info, key in self._romanised_not_places
        ):
            return None
        window = max(0, start - _CONTEXT_CHARS)
        before, after = sentence[window:start], sentence[end : end + _CONTEXT_CHARS]
        spaced_after = after[:1].isspace()
        if (
            (spaced_after and _STREET_AFTER.match(after))
            or ((spaced_after or after[:1] in _CLOSING_QUOTES) and _UNIT_AFTER.match(after))
            or (
                before.rstrip(_UNIT_QUOTES)[-5:].lower() in _UNIT_TAILS
                and _UNIT_BEFORE.search(before)
            )
        ):
            return None  # "the Vostok group", "the group Khortytsia": a military unit's name;
            # "Kolosova and Lermentova streets": streets named after a person or a town
        region_after = _REGION_AFTER.match(after) if spaced_after else None
        areas = (
            region_after is None and spaced_after and info.oblast_too and _AREAS_AFTER.match(after)
        )
        if areas:
            region_after = areas
        of_what = _city_district_tail(sentence[start:end], before, after, region_after)
        if of_what is not None and not self._raion_of_oblast(sentence[start:end], of_what):
            # "the Kupyansk district of Kharkiv" is a raion; "the Shevchenkivskyi district of
            # Kharkiv", "the Kirovsky and Kuibyshevsky districts of Donetsk" are the city's
            return None  # "the Shevchenkivskyi district of Kharkiv": the city is the place
        words = before[-48:].split() if before[-1:].isspace() else []
        if (after[:1] in ("'", "’") and _BANK_AFTER.match(after)) or (
            words and words[-1] in ("of", "the") and _BANK_BEFORE.search(before)
        ):
            return None  # "the left bank of the Dnipro", "the Dnipro's west bank": a river
        if key in _RIVERS and _a_river(words, after):
            return None  # "crossed the Dnipro", "along the Oskil", "get to Oskil river"
        regions_of, marked, locative, direction, approximate = _before_patterns(before, words)
        if info.not_place and not locative and key in self._romanised_not_places:
            # "in control of Pobeda", "the Russian advance on Pobeda": a romanised word taken
            locative = _SEIZED_BEFORE.search(before) is not None
        region = (
            bool(region_after or regions_of)
            or _names_a_region(sentence[start:end], info)
            or info.renamed_capital  # "progress in Dnipropetrovsk": the oblast, not Dnipro
        )
        last = words[-1].lower() if words else ""  # the new before-cues need "of" / "to"
        if not region and info.oblast_too:
            region = _oblast_by_context(
                sentence[start:end], before, last, after, locative
            ) or self._oblast_of_raion_before(last, before, sentence[start:end])
        metonym = info.metonym and (
            _metonymic_context(before, after)
            or (  # named with no locative: a place only where the context makes it one
                not (locative or marked or region or direction or approximate)
                and not self._capital_placed(sentence, start, end, before, after)
            )
        )
        if not metonym and (
            (info.not_place and not (locative or marked))
            or (not info.theatre and not (locative or marked or region))
            or (spaced_after and not (locative or marked) and _FORCES_AFTER.match(after))
        ):
            # a common word needs a locative or a marker ("The region" is no region), and a
            # place outside the theatre a locative or a region word; "Russian troops and
            # Donbass forces had seized Lisichansk": the fighters a name names
            return None
        m = Mention(
            sentence[start:end],
            key,
            offset + start,
            offset + end,
            sentence_index,
            region=region,
            marked=marked,
            locative=locative,
            oblast_too=info.oblast_too,
            village=marked and _VILLAGE_BEFORE.search(before) is not None,
        )
        official = _OFFICIAL_AFTER.match(after) if spaced_after else None
        if official is not None:
            m.jurisdiction = True
            if _REGIONAL_OFFICE.search(official.group(0)):  # its oblast, not the capital
                m.region = m.regional_office = True
        elif last == "of" and _TITLE_OF.search(before):
            m.jurisdiction = m.title = True
            m.notes.append(f"{m.text}: the town of an official's title")
        elif not (marked or metonym) and _speaks(before, after, last, locative):
            return None  # "Tymoshenko said", "according to Chaus", "- writes Rudenko.": who speaks
        if spaced_after:
            _read_axis_after(m, after, info)
        if region_after:
            m.text = sentence[start : end + region_after.end()]
            m.end = offset + end + region_after.end()
            m.query = _region_noun_query(sentence[start:end], region_after.group(0), bool(areas))
            after = sentence[end + region_after.end() :]
        if direction:
            m.direction = direction.group("dir").lower().replace("-", "")
            m.approximate = True
            m.context_start = offset + window + direction.start()
        elif approximate:
            m.approximate = True
        if metonym:
            m.metonymic = True
            m.role = "actor"
            m.notes.append(f"metonymy: {self.metonyms[key][0]}")
            return m
        return m if self._accept(m, info, start, before, after, words) else None

    def _feature(
        self,
        sentence: str,
        start: int,
        end: int,
        tails: re.Pattern[str],
        sentence_index: int,
        offset: int,
    ) -> Mention | None:
        """ "the Zaporizhzhia nuclear power plant", "the Avdiivka coke and chemical plant": a
        feature of the gazetteer named after the town before its lower-case words, where the scan,
        which skips a lower-case word after another, found only the town. ``tails`` are the
        words such features have after the hit (:func:`_feature_tails`); None when none follows
        or the whole is no feature's name."""
        found = tails.match(sentence, end)
        if found is None:
            return None
        stop = found.end()
        text = sentence[start:stop]
        key = name_key(text)
        if not any(h.place.kind == "feature" for h in self.store.lookup(key)):
            return None
        m = Mention(text, key, offset + start, offset + stop, sentence_index)
        m.notes.append(f"{text}: a site of its own, not {sentence[start:end]}")
        return m

    def _raion_of_oblast(self, written: str, after: str) -> bool:
        """Is "X district" (``written`` X, or "X district") a raion of the oblast named after
        it ("the Kupyansk district of Kharkiv": Kupianskyi raion of Kharkiv oblast)? Then "of
        Kharkiv" is the oblast, where "the Shevchenkivskyi district of Kharkiv", a city
        district, is the city. Read by the resolver's hint reader, lookalikes aside."""
        named = _NAME_AFTER_OF.match(after)
        if named is None:
            return False
        oblasts = {
            h.place.admin1_code
            for h in self.store.lookup(name_key(named.group(1)))
            if h.place.kind == "admin1"
        }
        if not oblasts:
            return False
        stem = written.rsplit(" ", 1)[0] if written.lower().endswith(_RAION_NOUNS) else written
        hint = self._hints.read(f"{stem} district", None)
        return not hint.fuzzy and any(u.level == 2 and u.parent in oblasts for u in hint.units)

    def _oblast_of_raion_before(self, last: str, before: str, written: str) -> bool:
        """Is a name an oblast's after "X district of" where X names a raion of that oblast
        ("the Kupyansk district of Kharkiv")?"""
        if last != "of":
            return False
        raion = _RAION_BEFORE_OF.search(before)
        return raion is not None and self._raion_of_oblast(raion.group(1), f" of {written}")

    def _capital_placed(self, sentence: str, start: int, end: int, before: str, after: str) -> bool:
        """Is a seat of government named in English without a locative ("in", "near", "west of")
        still a place? Only as the object of a strike or a move ("Russian missiles struck Kyiv",
        "left Moscow"), with a place word after it ("Kyiv city", "Kyiv's Darnytskyi district",
        "Kyiv was hit"), listed with places that are no seats ("Kharkiv, Kyiv and Odesa"), or
        as an acronym (the DPR). Otherwise it stands for its government: "Moscow controls almost
        20%", "Moscow's attack", "a village that Kyiv had recaptured", "with Kyiv saying"."""
        if _REPUBLIC_ACRONYM.match(sentence[start:end]):  # "the DPR": its own reading decides
            return True
        possessive = after.startswith(("'s", "’s"))  # "part of Moscow's efforts": its noun decides
        if not possessive and _PLACE_OBJECT_BEFORE.search(before):
            return True
        if _PLACE_WORD_AFTER.match(after):
            return True
        return any(  # a gazetteer name: "However, Kyiv along with …" lists no place
            (key := name_key(sentence[a:b])) not in self.metonyms and self.store.lookup(key)
            for a, b in _neighbours(sentence, start, end)
        )

    def _cyrillic_mention(
        self,
        sentence: str,
        start: int,
        end: int,
        key: str,
        info: _Key,
        sentence_index: int,
        offset: int,
    ) -> Mention | None:
        """:meth:`_mention` for a Ukrainian or Russian hit, with the cues of
        :mod:`geo.text.cyrillic`: a region or axis word after the name, a title, unit word or
        speech verb saying it is no site; a seat of government speaking for its government ("Київ
        заявив", "у Москві заявили") is an actor, as in English; an inflected form ("Бахмутом")
        resolves as the key of its nominative (``query``)."""
        before = sentence[max(0, start - _CONTEXT_CHARS) : start]
        after = sentence[end : end + _CONTEXT_CHARS]
        # "с.Широкое", "м.Херсон": an abbreviated marker glued to the name is a word of its own
        words = before[-48:].split() if before[-1:].isspace() or before[-1:] == "." else []
        if info.metonym and cyrillic.metonymic(words, after):
            m = Mention(sentence[start:end], key, offset + start, offset + end, sentence_index,
                        metonymic=True, role="actor")  # fmt: skip
            m.notes.append(f"metonymy: {self.metonyms[key][0]}")
            return m
        if words and words[-1].lower() in _CASE_PREPOSITIONS:  # "у Малинівці": in Малинівка
            reading = self.case_readings.get(_folded_name(sentence[start:end]))
            if reading is not None:
                key, info = reading, self._key(reading)
        marked, locative, approximate = cyrillic.before_cues(words) if words else _NO_CYRILLIC
        text = sentence[start:end]
        if cyrillic.not_a_site(before, after, locative) or (
            not locative and cyrillic.given_name_before_surname(text, after)
        ):
            return None  # "Губернатор Владимир Сальдо": a person
        region_after = cyrillic.region_after(after)
        level = (
            None
            if region_after
            else _cyrillic_level(text, after)
            or cyrillic.region_list_before(before, text)
            or cyrillic.elided_region(before, text, after)
        )
        office = cyrillic.office_unit(text, after) if level is None else None
        if office is not None:  # "Херсонської МВА": the city's hromada, not the oblast
            level = office
        region = (
            region_after is not None
            or level is not None
            or _names_a_region(text, info)
            or info.oblast_name
        )
        if not region and info.oblast_too and words and words[-1].lower().lstrip(_OPENERS) == "на":
            # "на Запоріжжі": the oblast; "у Запоріжжі", "атаки РФ на Запорожье": the city
            region = cyrillic.is_locative(text) and not cyrillic.target_of_attack(words[:-1])
        if (
            not (locative or marked or region)
            and (info.not_place or not info.theatre or name_key(text) in self.not_places)
        ) or (info.unit_adjective and not (marked or region)):
            # a common word as written ("Українці", read as a case form of Українка) too; a
            # place outside the theatre named without a locative; "з Покровською" (лінією): a
            # hromada's adjective, not Pokrovsk in Yakutia
            return None
        opening = start == len(before) and not before.strip(_OPENERS)  # the sentence's first word
        if opening and not (locative or marked or region) and self._common_word(text, key, after):
            return None  # "Машину можно восстановить": машина, not a case form of Машино
        if opening and after[:1] == ":" and " " not in text and cyrillic.surname(text):
            return None  # "Рогов: ВСУ обстреляли …": a speaker's surname opening a headline
        if (
            _district_or_land_axis(text, before, after, sentence, end)
            or _acronym(text, key)  # "у місцевій РВА", not the genitive of the village Рів
            or (not (region or marked) and _land_of_a_town(text, words))  # "на Оріхівщині"
        ):
            return None  # the land around Orikhiv, not the village Оріхівщина
        m = Mention(text, key, offset + start, offset + end, sentence_index, region=region,
                    marked=marked, locative=locative, approximate=approximate,
                    village=marked and cyrillic.village_before(words),
                    urban=marked and cyrillic.urban_settlement_before(words))  # fmt: skip
        if region_after is not None:
            stop, level = region_after
            m.text, m.end, after = sentence[start : end + stop], offset + end + stop, after[stop:]
            m.query = _region_query(text, key, level)
        elif level is not None:  # "Донецької й Луганської областей", "Харківська ОВА"
            m.query = _region_query(text, key, level)
            m.jurisdiction = cyrillic.office_after(after) is not None
        elif name_key(text) != key:
            m.query = key  # a case form ("Торецька" is also a громада): its nominative's place
        if region_after is None and level is None:
            m.same_region = cyrillic.same_region_after(after)
        _read_cyrillic_axis(m, (sentence, start, end), (before, after), words, info.oblast_too,
                            region_noun=region_after is not None)  # fmt: skip
        if cyrillic.resident_before(words):  # "житель Лисичанська": frames, as a jurisdiction
            m.jurisdiction = True
        if cyrillic.title_before(before):  # "глава Чечни": the region's head, as "глава ДНР"
            _official_place(m, region or info.region_first)
        if not (region or m.axis or m.jurisdiction or locative or marked) and (
            cyrillic.adjective_of_noun(text, after)
        ):
            return None  # "Мирный житель", "Передовая линия": a noun phrase, not Мирне
        if region:  # "Кліщіївка Бахмутського району": a region after a name is its hint
            return m
        self._hint_by_adjective(m, words)  # "донецкой Новоукраинки": the oblast's adjective
        direction = cyrillic.direction_before(words)
        if direction is not None:  # "західніше Бахмута": a sector from the place
            m.direction, m.approximate = direction[0], True
            phrase = " ".join(words[-direction[1] :])
            phrase_start = len(before.rstrip()) - len(phrase.lstrip(_OPENERS))
            m.context_start = offset + start - len(before) + phrase_start
        return m if self._accept(m, info, start, before, after, words) else None

    def _hint_by_adjective(self, m: Mention, words: list[str]) -> None:
        """An oblast's adjective in lower case right before the name is its soft hint:
        "донецкой Новоукраинки", "під харківським Куп'янськом", "курской Суджи" (a Russian
        oblast too). Any other word hints nothing, a raion's or hromada's adjective included
        ("покровском" names no oblast)."""
        word = words[-1] if words else ""
        if m.admin_hint is not None or len(word) < 6 or not word[0].islower():
            return
        nominative = cyrillic.region_nominative(word, "oblast")
        if nominative is None:
            return
        hint = f"{nominative[0].upper()}{nominative[1:]} oblast"
        if not self._hints.read(hint, None).oblast:
            return
        m.admin_hint, m.soft_hint = hint, True
        m.notes.append(f"{word} {m.text}: in {hint}")

    def _common_word(self, word: str, key: str, after: str) -> bool:
        """Is ``word``, opening its sentence with no preposition or marker, a common word: a
        noun (:meth:`_common_noun`), an adverb of measure ("Ровно неделю назад": not Rivne) or
        an adjective in an oblique case ("Хорошего здесь мало")?"""
        return (
            self._common_noun(word, key)
            or cyrillic.adverb_of_measure(word, after)
            or cyrillic.oblique_adjective(word)
        )

    def _common_noun(self, word: str, key: str) -> bool:
        """Is ``word`` a case form of a common noun rather than of the places of ``key`` it was
        read as ("Машину": машина, not Машино; "Горлівку" is a form of Горлівка itself)?"""
        lemmas = cyrillic.common_noun_lemmas(word)
        if not lemmas:
            return False
        read_as = {hit.place.place_id for hit in self.store.lookup(key)}
        return not any(
            hit.place.place_id in read_as
            for lemma in lemmas
            for hit in self.store.lookup(name_key(lemma))
        )

    def _accept(
        self, m: Mention, info: _Key, start: int, before: str, after: str, words: list[str]
    ) -> bool:
        """Is a non-metonymic hit a place here, rather than a common word or part of a longer name?
        (:meth:`_mention` has already required a locative, marker or region outside the theatre.)"""
        if info.not_place and not (
            m.marked
            or (m.locative and m.text[:1] < "\u0400" and m.key in self._romanised_not_places)
        ):
            return False  # "Victory Day"; but "near Pobeda", no English word, is the village
        previous, cut = _word_before(before, words)
        if (
            previous
            and not m.title  # "голови МВА Херсона": the office's acronym
            and previous[0] in _CAPITALS
            and previous.lower() not in _FUNCTION_WORDS
            and previous.lower() not in _COMPASS_QUALIFIERS
            and previous.lower() not in _cyrillic_words()  # "Під Бахмутом" opening a clause
            and not self._country_possessive(previous)  # "in east Ukraine's Donetsk"
            and not _HELD_BY.search(previous)  # "Russian-occupied Melitopol", "Kyiv-held Siversk"
        ):
            if (
                (before[:cut].strip() or start > len(before))
                and not before[:cut].rstrip().endswith((".", ":", "“", '"', "("))
                and not _title_case(before, after)  # "Russian Troops Free Kurakhovka in Donbas"
            ):
                return False  # "John Kirby", "Chinese President Xi"
        next_word = _WORD_AFTER.match(after)
        if next_word and not (m.region or m.title) and next_word.group(1)[0] in _CAPITALS:
            # after a title's town, a capital starts the official's name ("мэр Горловки Иван")
            if (
                next_word.group(1).lower() not in _REGION_WORDS
                and not cyrillic.region_follows(after)
                # "Широкое Широковской громады": the hromada after the name, as a region would be
                and not cyrillic.hromada_name(after[next_word.end(1) :])
                and not after[: next_word.start(1)].strip(" ")
                and not self._names_an_oblast(next_word.group(1))
                and not _PLACE_NOUN_AFTER.match(after)  # "Zagornoye Village", "Kherson City"
            ):
                facility = _FACILITY_AFTER.match(after) if info.theatre else None
                if facility is not None:
                    m.approximate = True  # "Kharkiv National University", "the Kyiv TV tower"
                    m.notes.append(f"a site in {m.text}: {m.text}{facility.group(0)}")
                elif m.text[0] >= "\u0400" and _ACRONYM.fullmatch(next_word.group(1)):
                    return True  # "в Семеновке БПЛА попал", "у Херсоні ЗСУ": a new phrase
                elif not _title_case(before, after) or _OUTLET_AFTER.match(after):
                    return False  # "European Union", "White House", "Kyiv Independent"
        return True

    def _names_an_oblast(self, word: str) -> bool:
        """Is ``word`` a curated name of an oblast ("ДНР", "ЛНР", "DNR")? Then it says where the
        name before it is ("Горловку ДНР": its hint), not that both are one name."""
        return self._key(name_key(word)).oblast_name

    def _country_possessive(self, word: str) -> bool:
        """Is ``word`` a country's or a region's possessive ("Ukraine's", "Russia’s", "Donetsk
        Oblast's"), which locates the name after it rather than being part of a longer name?"""
        stem = word[:-2] if word.endswith(("'s", "’s")) else None
        if stem is None:
            return False
        return stem.lower() in _REGION_WORDS or self._key(name_key(stem)).country

    def _unknown_in_context(
        self,
        sentence: str,
        sentence_index: int,
        offset: int,
        known: list[Mention],
        hits: list[tuple[int, int, str]],
    ) -> list[Mention]:
        """Capitalised names the gazetteer lacks, where context says they are places: after "the
        village of", or as members of an enumeration with known places ("Bakhmut, Klishchiivka
        and Andriivka").

        The enumeration search starts from the known sites and walks to neighbouring names
        (:func:`_neighbours`) until it reaches known mentions; partial spans of multi-word known
        names ("Kakhovka" of "Nova Kakhovka") are walked through too and only dropped at the end.
        Most sentences have no separator next to any site and no "village of", so they return
        before any set, sort or regex."""
        spans: dict[tuple[int, int], bool] = {}
        if "of" in sentence and _has_marker_word(sentence.lower()):
            # _MARKED_UNKNOWN needs a lower-case "of" and a settlement noun
            for match in _MARKED_UNKNOWN.finditer(sentence):
                spans[match.span(1)] = True
        pending: list[tuple[int, int]] = []
        for m in known:
            if m.role == "site":
                near = _neighbours(sentence, m.start - offset, m.end - offset)
                if near and not self._key(m.key).country:
                    pending += near
        if not pending and not spans:
            return []
        taken = {(m.start - offset, m.end - offset) for m in known}
        sites = {(m.start - offset, m.end - offset) for m in known if m.role == "site" and m.known}
        while pending:  # every span reachable from a site through spans not known and not marked
            span = pending.pop()
            if span not in spans and span not in taken and span[0] > 0:
                spans[span] = False
                pending += _neighbours(sentence, *span)
        found = []
        for (s, e), marked in sorted(spans.items()):
            text = sentence[s:e]
            if any(a <= s < b or a < e <= b for a, b in taken) or text.lower() in _FUNCTION_WORDS:
                continue
            if text.endswith(("'s", "’s")) or sentence.startswith(("'s", "’s"), e):
                continue
            unknown = self._unknown(sentence, s, e, marked, sites, hits, sentence_index, offset)
            if unknown is not None:
                found.append(unknown)
        return found

    def _unknown(
        self,
        sentence: str,
        s: int,
        e: int,
        marked: bool,
        sites: set[tuple[int, int]],
        hits: list[tuple[int, int, str]],
        sentence_index: int,
        offset: int,
    ) -> Mention | None:
        """The mention :meth:`_unknown_in_context` makes of ``sentence[s:e]``, or None."""
        text = sentence[s:e]
        if sentence[e : e + 1].isalpha():
            return None  # "Deep" of "DeepState": part of a word written in camel case
        key = name_key(text)
        common = (  # "Дружбы": a case form the scanner read as the common word Дружба
            key
            if key in self.not_places
            else next((k for a, b, k in hits if a == s and b == e and k in self.not_places), None)
        )
        if common is not None:
            if self._listed_between(sentence, s, e, common, sites):
                return _listed_common_word(sentence, s, e, common, sentence_index, offset)
            return None  # the scanner saw it and rejected it in this context
        if self.store.lookup(key):
            if text[0] < "\u0400" or any(h[0] == s and h[1] == e for h in hits):
                return None  # the scanner saw it and rejected it in this context
            if cyrillic.not_a_settlement_name(text, sentence[e:]):
                return None
            return self._latin_spelled(text, key, offset + s, sentence_index)
        if key in self.demonyms:
            return None  # "…, British intelligence said": an adjective, not an unknown village
        if not marked and text[0] < "\u0400" and _SPEAKER_AFTER.match(sentence[e:]):
            return None  # "Russian drones hit Kharkiv, Syniehubov said": who speaks
        before = sentence[max(0, s - _CONTEXT_CHARS) : s]
        if not marked and (
            _SPEAKER_BEFORE.search(before)
            if text[0] < "\u0400"
            else cyrillic.speaker_before(before)
        ):
            return None  # "According to Prokudin, Lvove, …", "По словам Сальдо, Алешки …"
        if text[0] >= "\u0400" and cyrillic.after_a_given_name(before):
            return None  # "Александр Дремлюгин, Симферополь": a byline's author
        axis = self._axis_in_list(sentence, s, e, sentence_index, offset)
        if axis is not None:  # "на Авдіївському, Курахівському … напрямках": no case form
            return axis
        if text[0] >= "\u0400" and cyrillic.not_a_settlement_name(text, sentence[e:]):
            return None  # "Наталья Петрова", "Кировский и Червоногвардейский районы"
        nxt = _WORD_AFTER.match(sentence[e:])
        if (
            nxt
            and nxt.group(1)[0] in _CAPITALS
            and not sentence[e:].startswith(",")
            and not cyrillic.region_follows(sentence[e:])  # "… Кондрашовка Харьковской области"
        ):
            return None  # part of a longer name
        m = Mention(
            text,
            key,
            offset + s,
            offset + e,
            sentence_index,
            known=False,
            marked=marked,
            locative=bool(_LOCATIVE.search(sentence[max(0, s - _CONTEXT_CHARS) : s])),
        )
        m.notes.append("not in gazetteer; context marks it as a place")
        return m

    @staticmethod
    def _latin_spelled(text: str, key: str, start: int, sentence_index: int) -> Mention:
        """A Cyrillic list member the store names only in Latin ("Строевка и Кондрашовка":
        GeoNames' Kondrashovka, the Russian spelling of Кіндрашівка): a place, as its list says,
        but weak evidence of which: no anchor, and looked for again in the oblast of its list when
        placed far from it ("Окоп" of a Sumy list is no Poltava Okip)."""
        m = Mention(text, key, start, start + len(text), sentence_index, latin_only=True)
        m.notes.append(f"{text}: listed with places; the store spells it only in Latin")
        return m

    def _listed_between(
        self, sentence: str, start: int, end: int, key: str, sites: set[tuple[int, int]]
    ) -> bool:
        """Is the common word ``sentence[start:end]`` (a village's name too: Победа, Перемога,
        Дружба, Надія) listed with places as one of them? Then it is the village, as a marker
        would say. In Cyrillic text: between two list members, one a known place ("Марьинка,
        Победа, Новоселка", "Новоєгорівки, Надії, Зеленого Гаю"), or first after "near" with a
        known place next ("в районе Дружбы и Северного"). Romanised in English text it is no
        English word: between two known places, or first after a locative with one ("in the
        direction of Druzhba and Pivnichne")."""
        if not self._key(key).theatre:
            return False
        near = _neighbours(sentence, start, end)
        between = len(near) == 2 and all(span in sites for span in near)
        if between or not any(span in sites for span in near):
            return between
        if sentence[start] >= "\u0400":  # "в районе Дружбы и Северного": "near" opens the list
            return (
                len(near) == 2
                or cyrillic.before_cues(sentence[max(0, start - 40) : start].split())[2]
            )
        if key not in self._romanised_not_places:
            return False
        return bool(_LIST_OPENER.search(sentence, max(0, start - 24), start))

    def _group(self, sentence: str, offset: int, mentions: list[Mention]) -> None:
        """Group enumerations, apply trailing region hints, and mark appositive anchors.

        "Bakhmut, Lyman and Bohdanivka, all in the Donetsk region": one group, one hint.
        "Kupiansk and Kreminna, in the Kharkiv and Luhansk regions": hints paired in order.
        "Krasnohorivka, west of Donetsk": Donetsk only locates Krasnohorivka (role ``anchor``).
        """
        if not mentions:
            return
        if len(mentions) == 1 and mentions[0].known:
            # alone: its own "regions of" context was read when it was found
            mentions[0].group = 0
            return
        offices = [m for m in mentions if m.regional_office]
        for m in offices:  # "Synegubov, Kharkiv regional governor": no region after a name
            m.region = False
        groups = _enumerations(sentence, offset, mentions)
        _oblast_after_places(sentence, offset, groups)
        _apply_region_hints(sentence, offset, groups)
        _axis_lists(sentence, offset, groups)
        _possessive_regions(sentence, offset, mentions)
        _mark_anchors(sentence, offset, mentions)
        _residents_of_lists(sentence, offset, mentions)
        _frames_of_sites(sentence, offset, mentions)
        for m in offices:  # framing its sentence's places it is their hint; else the oblast
            m.region = not m.frames
        _regions_qualify(sentence, offset, mentions)
        _opening_region(sentence, offset, mentions)


def _listed_common_word(
    sentence: str, s: int, e: int, key: str, sentence_index: int, offset: int
) -> Mention:
    """The village a common word listed with places names ("near Druzhba and Pivnichne",
    "в районе Дружбы и Северного"), with the cues before it."""
    text = sentence[s:e]
    before = sentence[max(0, s - _CONTEXT_CHARS) : s]
    words = before[-48:].split() if before[-1:].isspace() else []
    if text[0] >= "\u0400":
        marked, locative, approximate = cyrillic.before_cues(words)
    else:
        _, marked, locative, _, approximate = _before_patterns(before, words)
    m = Mention(text, key, offset + s, offset + e, sentence_index, marked=marked,
                locative=locative, approximate=approximate)  # fmt: skip
    if name_key(text) != key:
        m.query = key  # a case form ("Дружбы"): its nominative's place
    m.notes.append(f"{text}: a common word listed with places, so a place")
    return m


def _read_cyrillic_axis(
    m: Mention,
    where: tuple[str, int, int],
    window: tuple[str, str],
    words: list[str],
    oblast_too: bool,
    *,
    region_noun: bool = False,
) -> None:
    """Read ``m`` as an axis when an axis word follows it or its list ("на Покровському
    напрямку": an area around the town, in the oblast the table's hint names); an axis named
    after an oblast with a part of the front before it ("на западе Запорожского направления")
    is the oblast's, as "на Запорожском направлении" is. ``where``: the sentence and the
    name's span in it (a list of nine axes runs past the window; a roundup names the axis word
    once for two axes); ``window``: the context before and after the name. A region noun read
    after the name (``region_noun``: "на Сумському прикордонні", "районі") is no axis whose
    noun a report left out."""
    if region_noun:
        return
    sentence, start, end = where
    text, key = sentence[start:end], m.key
    before, after = window
    axis = cyrillic.axis_word(text, after) or cyrillic.axis_in_list(
        text, before, after, sentence, (start, end)
    )
    if axis is None:
        return
    m.approximate = m.axis = True
    town = cyrillic.axis_town(text)
    m.query = name_key(town) if town is not None else m.query
    m.admin_hint = cyrillic.axis_hint(m.query or key) or m.admin_hint
    m.notes.append(f"{text}{'' if axis in text.lower() else ' ' + axis}: an axis")
    if oblast_too and cyrillic.part_of_before(words):
        m.region = True


_BULLETS = "-–—•·*"
_BULLET_AXIS = re.compile(r"[ \t]*[-–—•·*][ \t]*([А-ЯІЇЄҐЁ][\w'’ʼ-]+)[ \t]*[-–—:][ \t]*\d")
"""A bullet of the General Staff's list of axes, its adjective alone and the count after a dash
or a colon ("- Покровський – 32 атаки;", "• Лиманський: 12;", after "на таких напрямках:")."""


def bullet_axis_line(sentence: str) -> bool:
    """Is ``sentence`` shaped as a bullet of a list of axes (:data:`_BULLET_AXIS`)? The bullet
    is tested before the pattern: most lines open otherwise."""
    return sentence.lstrip(" \t")[:1] in _BULLETS and _BULLET_AXIS.match(sentence) is not None


def _bullet_axis(
    sentence: str, sentence_index: int, offset: int, mentions: list[Mention]
) -> list[Mention]:
    """``mentions`` with the axis a bullet line names (:data:`_BULLET_AXIS`) in place of what
    the scanner read its adjective as: the raion it also names ("Покровський", "Куп'янський"),
    a raion abroad ("Лиманський"), or nothing ("Костянтинівський"). Only adjectives of the axis
    table count; the area around the town, as "на Покровському напрямку" is."""
    found = _BULLET_AXIS.match(sentence)
    town = cyrillic.axis_town(found.group(1)) if found else None
    if found is None or town is None:
        return mentions
    start, end = found.span(1)
    note = f"{found.group(1)}: an axis of a bulleted list"  # its count is the quantity
    m = _axis_mention(found.group(1), town, (offset + start, offset + end), sentence_index, note)
    kept = [x for x in mentions if x.end - offset <= start or x.start - offset >= end]
    return sorted([*kept, m], key=lambda x: x.start)


def _axis_mention(
    text: str, town: str, span: tuple[int, int], sentence_index: int, note: str
) -> Mention:
    """The axis mention of an adjective the scanner read as no axis (``span`` in the document):
    the area around ``town``, in the unit the axis table hints."""
    query = name_key(town)
    m = Mention(text, query, *span, sentence_index, approximate=True, axis=True, query=query,
                admin_hint=cyrillic.axis_hint(query))  # fmt: skip
    m.notes.append(note)
    return m


def _read_axis_after(m: Mention, after: str, info: _Key) -> None:
    """ "The Kupyansk direction": an area around the place, not the place; "Russia's Sumy
    offensive", named like an oblast: a campaign across the oblast."""
    axis_after = _AXIS_AFTER.match(after)
    if axis_after is None:
        return
    if info.oblast_too and _CAMPAIGN.match(axis_after.group(0)):
        m.region = True
        m.notes.append(f"{m.text}{axis_after.group(0)}: a campaign in the oblast")
        return
    m.approximate = m.axis = True
    m.admin_hint = cyrillic.axis_hint(m.key)  # "the Kamianske direction": Zaporizhzhia's
    m.notes.append(f"{m.text}{axis_after.group(0)}: an axis around the place")


def _chain_axes(sentence: str, offset: int, mentions: list[Mention]) -> None:
    """Every town of a hyphenated chain whose last town is an axis or ends a front line is an
    axis too: "along the Izium-Slovyansk axis", "along the Kupiansk-Svatove line" (an area
    around each town, no point on it). A road ("the Bakhmut-Lysychansk highway") keeps its
    towns."""
    for i in range(len(mentions) - 1, 0, -1):
        first, last = mentions[i - 1], mentions[i]
        if sentence[first.end - offset : last.start - offset] not in ("-", "–"):
            continue
        if not last.axis:
            after = sentence[last.end - offset : last.end - offset + _CONTEXT_CHARS]
            if last.region or last.text[:1] >= "\u0400" or not _LINE_AFTER.match(after):
                continue
            _as_axis(last, f"{last.text}: the end of a front line")
        if not (first.axis or first.region):
            _as_axis(first, f"{first.text}-{last.text}: a chain of axes")


def _as_axis(m: Mention, note: str) -> None:
    """Read ``m`` as an axis: an area around its town, in the oblast its axis lies in."""
    m.approximate = m.axis = True
    m.admin_hint = m.admin_hint or cyrillic.axis_hint(m.key)
    m.notes.append(note)


def _oblast_name(hits: Sequence[NameHit]) -> bool:
    """Does the key name an oblast by its regional name ("Харківщина", "Донеччина")? A Latin
    alias of the oblast ("Kharkov") is first the city's name: "у Харкові", "в Харькове" scan
    as its key and are the city."""
    aliases = [h for h in hits if h.place.kind == "admin1" and h.source == _OBLAST_ALIASES]
    if any(has_cyrillic(h.name) for h in aliases):
        return True
    return bool(aliases) and not any(h.place.kind == "settlement" for h in hits)


def _speaks(before: str, after: str, last: str, locative: bool) -> bool:
    """Does the context make a Latin name the one who speaks ("Tymoshenko said", "according to
    Chaus", "- writes Rudenko.")? ``last`` is the word before it, lower-cased."""
    return bool(
        (not locative and _SPEAKER_AFTER.match(after))
        or (last == "to" and _SPEAKER_BEFORE.search(before))
        or (last in _SPEECH_VERBS and _SPEAKER_END.match(after))
    )


def _a_river(words: list[str], after: str) -> bool:
    """Is a name that is a river's (:data:`_RIVERS`) the river here: after "the" ("crossed the
    Dnipro", "in the lower Dnipro"; not "the Dnipro city council") or before its noun ("to get
    to Oskil river")? ``words`` are the words before it."""
    if _RIVER_AFTER.match(after):
        return True
    return (
        bool(words)
        and (
            words[-1] in ("the", "The")
            or (words[-1] in _REACHES and len(words) > 1 and words[-2] in ("the", "The"))
        )
        and not _CITY_WORD_AFTER.match(after)
    )


def _oblast_by_context(text: str, before: str, last: str, after: str, locative: bool) -> bool:
    """Does the context make a name that is also an oblast's the oblast? "the Kherson-Mykolaiv
    region border", "the Donetsk-Zaporizhzhia border", "most of Donetsk", "annexed Luhansk",
    "settlements in Zaporizhzhia", "in the DPR". Not before a possessive: "part of Moscow's
    efforts" is no share of Moscow oblast. ``last`` is the word before the name, lower-cased."""
    if after[:1] in ("-", "–"):
        return _PAIRED_REGION_AFTER.match(after) is not None
    if _PAIRED_BORDER.match(after) and _PAIRED_BEFORE.search(before):
        return True  # "the Donetsk-Zaporizhzhia border": the second oblast of the pair
    if after.startswith(("'s", "’s")):
        return False
    if _SETTLEMENT_OF_AFTER.match(after):
        return True  # "the Donetsk town of Toretsk", "the Kharkiv village of Lyptsi"
    if locative and _REPUBLIC_ACRONYM.match(text):
        return True  # "… and Krasny Liman in the DPR": the oblast, a hint to its list
    return bool(
        (last == "of" and _TERRITORY_OF.search(before))
        or (last == "of" and _PERCENT_OF.search(before[-40:]) and _HELD_SHARE.search(before[-120:]))
        or (
            (last in _REGION_LEAD_LAST or last[-1:] in "—–-:")
            and _REGION_LEAD.search(before)
            and not _TOWN_WORD_AFTER.match(after)  # "the offensive in Kharkiv city"
        )
    )


def _unit_adjective(hits: Sequence[NameHit]) -> bool:
    """Does the key name, in Cyrillic, raions or hromadas only, and a settlement only by a Latin
    name ("Покровська": four hromadas, and Pokrovsk in Yakutia by its alternate "Pokrovska")?
    Then a Cyrillic case form of it with no unit noun after is an adjective ("з Покровською"
    лінією), no settlement."""
    cyrillic_hits = [h for h in hits if has_cyrillic(h.name)]
    return (
        bool(cyrillic_hits)
        and all(h.place.kind in ("admin2", "admin3") for h in cyrillic_hits)
        and any(h.place.kind == "settlement" for h in hits)
    )


def _renamed_capital(hits: Sequence[NameHit]) -> bool:
    """Is the name an oblast's that its capital bore only before a renaming ("Dnipropetrovsk":
    Dnipro since 2016; "Kirovohrad": Kropyvnytskyi)? In English reporting it is then the oblast.
    (Russian-style spellings the city still carries as alternates, "Dnepropetrovsk", stay the
    city; Ukrainian and Russian text reads its own cues.)"""
    towns = [h for h in hits if h.place.kind == "settlement" and h.place.country == "UA"]
    return (
        bool(towns)
        and all(h.name_kind == "historical" for h in towns)
        and any(h.place.kind == "admin1" and h.place.country == "UA" for h in hits)
    )


def _city_district_tail(
    written: str, before: str, after: str, region_after: re.Match[str] | None
) -> str | None:
    """The " of Kharkiv" after a name that may be a district of a city: "the Shevchenkivskyi
    district of Kharkiv" (the noun read as a region word after it, or part of the gazetteer's
    name), "Kirovsky" of "the Kirovsky and Kuibyshevsky districts of Donetsk", and "Kirov" of
    "Makeyevka (the Kirov and Chervonogvardeisky districts)" as if "of Makeyevka" followed (a list:
    one district in brackets after a village is the village's raion); None when no district noun
    follows, or its districts are of a region ("districts of Kharkiv region": raions)."""
    if region_after is not None:
        if f" {region_after.group(1).lower()}" not in _RAION_NOUNS:
            return None
        of_what = after[region_after.end() :]
    elif written.lower().endswith(_RAION_NOUNS):
        of_what = after
    else:
        listed = _DISTRICT_LIST_AFTER.match(after) if "districts" in after else None
        if listed is None:
            return None
        of_what = after[listed.end() :]
        if of_what.startswith(")"):  # a list only: "Solone (Pokrovskyi raion)" is its raion
            bracketed = _BRACKET_AFTER_A_NAME.search(before)
            return f" of {bracketed.group(1)}" if bracketed else None
    return of_what if _CITY_DISTRICT_AFTER.match(of_what) else None


def _names_a_region(written: str, info: _Key) -> bool:
    """Does the hit itself name a region ("Donetsk Oblast", whose key is the stem "donetsk")?"""
    return info.region or _REGION_IN_KEY.search(written.lower()) is not None


def _title_case(before: str, after: str) -> bool:
    """Is the line around a Latin mention a title-case headline ("Russia Claims Chasiv Yar
    Capture as Kyiv Suffers Deadly Strikes")? Then a capital letter next to a name says
    nothing about a longer name. The whole line must be in view (``before`` and ``after`` are
    windows), end in no full stop, have no colon before the name ("Source: Serhii Lysak, Head
    of …"), and have at least three words of four letters or more, at most one of them
    lower-case: "This was reported by the Head of the Kharkiv Regional Military
    Administration, Oleh Syniehubov" is no headline."""
    if "\n" not in before and len(before) >= _CONTEXT_CHARS:
        return False  # the line starts out of view: too long for a headline
    if "\n" not in after and len(after) >= _CONTEXT_CHARS:
        return False
    head = before.rsplit("\n", 1)[-1]
    line = head + " " + after.split("\n", 1)[0]
    if line[:1] >= "\u0400" or line.rstrip().endswith((".", ";")) or ":" in head:
        return False  # "Source: Serhii Lysak, Head of …": a credit line, not a headline
    long = [w for w in _TITLE_WORD.findall(line) if len(w) >= 4]
    return len(long) >= 3 and sum(not w[0].isupper() for w in long) <= 1


_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_OUTLET_AFTER = re.compile(r"^\s+(?:Independent|Post|Times|Herald|Telegraph)\b")
"""After a city's name, the outlets named after it ("The Kyiv Independent Reports …" in a
title-case headline, where capitals prove nothing else)."""


def _no_context_can_place(
    sentence: str, start: int, end: int, info: _Key, romanised: bool = False
) -> bool:
    """For a hit only context can make a place, the two cheap cases where none can: an English
    common word needs "the village of" before it (a ``romanised`` Ukrainian or Russian one, no
    English word, a locative will do: "near Pobeda"), and nothing stands before a sentence's
    first word."""
    if (
        info.not_place
        and not info.metonym
        and not romanised
        and " of " not in sentence[max(0, start - 60) : start]
    ):
        return True
    return (
        start == 0
        and not info.metonym
        and not info.region
        and not _REGION_AFTER.match(sentence[end : end + _CONTEXT_CHARS])
    )


def _region_noun_query(name: str, noun: str, areas: bool) -> str | None:
    """The query of a name with the region noun after it, where the noun alone would mislead:
    "the Donetsk areas", "… People's Republics" (the name: the oblast), "Chuhuiv districts"
    (the raion), "the village of Mena community" (the hromada); None for the others."""
    noun = noun.strip().lower()
    if areas or "republic" in noun:
        return name
    if noun.endswith(("districts", "raions", "rayons")):
        return f"{name} district"
    if "communit" in noun or noun.startswith("hromad"):
        return f"{name} hromada"  # "Semenivka hromada", "Mena community": the hromada
    return None


def _metonymic_context(before: str, after: str) -> bool:
    """Does the context make a metonym name its government ("Moscow said", "Kyiv's envoy")?"""
    return bool(
        _METONYMY_AFTER.match(after)
        or _METONYMY_BEFORE.search(before)
        or _POSSESSIVE_ROLE.match(after)
    )


def _enumerations(sentence: str, offset: int, mentions: list[Mention]) -> list[list[Mention]]:
    """Consecutive mentions joined by commas and "and" as groups (each mention's ``group`` is
    set); a group after "regions of", or ending in a plural region, is all regions."""
    groups: list[list[Mention]] = []
    i, count = 0, len(mentions)
    while i < count:
        # all_region: of mentions[i : j + 1]
        j, member, all_region = i, mentions[i], mentions[i].region
        while j + 1 < count:
            nxt = mentions[j + 1]
            if (
                nxt.metonymic
                or member.metonymic
                or not _ENUM_GAP.match(sentence[member.end - offset : nxt.start - offset])
            ):
                break
            if (
                nxt.region
                and not all_region
                and not nxt.text.lower().endswith("s")
                and (nxt.text[:1] >= "\u0400" or " " in nxt.text)
            ):
                break  # "Lyman, Donetsk Oblast", "Zaliznychne, Chuguyiv District": a hint, not a
                # member; a bare oblast's name is one ("…, Dnipropetrovsk and Kherson regions")
            if (
                all_region
                and not nxt.region
                and (member.text[:1] >= "\u0400" or " " in member.text)
            ):
                break  # "Гряниківка на Харківщині та Спірне Донецької області", "Kurakhovka, in
                # the Donetsk People's Republic, and Pershotravnevoye …": a new part (a bare
                # oblast's name stays in its list: "settlements of Kharkiv, Kupyansk and …")
            j, member, all_region = j + 1, nxt, all_region and nxt.region
        members = mentions[i : j + 1]
        lead = members[0].start - offset
        regional = _regions_of(sentence, max(0, lead - _CONTEXT_CHARS), lead) or (
            len(members) > 1 and members[-1].region and members[-1].text.lower().endswith("s")
        )
        if (
            not regional and len(members) > 1 and _campaign_before(sentence, lead)
        ):  # "focus its military efforts on capturing Donetsk and Lugansk"
            regional = all(m.region or m.oblast_too for m in members)
        if not regional and members[0].region and members[0].oblast_too:
            # "parts of Kherson and Zaporizhzhia", "annexed Donetsk, Luhansk, …": each oblast
            for m in members[1:]:
                m.region = m.region or m.oblast_too
        unit = _plural_unit(members[-1].text) if regional else None
        for m in members:
            m.group = len(groups)
            if regional:
                m.region = True
                if unit and m.query is None:  # "Kharkiv, Kupiansk and Chuhuiv districts",
                    m.query = f"{m.text} {unit}"  # "Semenivka and Novhorod-Siverska communities"
        groups.append(members)
        i = j + 1
    return groups


def _plural_unit(last: str) -> str | None:
    """The unit a list's plural noun makes of its members: "Kharkiv, Kupiansk and Chuhuiv
    districts" (raions), "Semenivka and Novhorod-Siverska communities" (hromadas); else None."""
    last = last.lower()
    if last.endswith(("districts", "raions")):
        return "district"
    if last.endswith(("communities", "hromadas")):
        return "hromada"
    return None


_CAMPAIGN_BEFORE = re.compile(
    r"\b(?:captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|seizure\s+of|conquer(?:s|ed|ing)?|"
    r"(?:full\s+)?control\s+(?:of|over)|occupation\s+of|occupy(?:ing)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Before a list of names that are cities' and oblasts' alike: a campaign for them ("capturing
Donetsk and Lugansk", "full control of Donetsk and Luhansk"), which is for the oblasts."""


def _campaign_before(sentence: str, lead: int) -> bool:
    """Does a list whose first member starts at ``lead`` follow "capturing", "control of" …?"""
    return _CAMPAIGN_BEFORE.search(sentence, max(0, lead - 40), lead) is not None


_COMPOUND_PREFIXES = frozenset(
    name_key(prefix)
    for prefix in (
        "Novo Staro Velyko Veliko Malo Verkhnyo Verkhnio Verkhne Nyzhnyo Nyzhnio Nizhne "
        "Ново Старо Велико Мало Верхньо Верхне Нижньо Нижне"
    ).split()
)
"""The first parts that make one name of a hyphenated word ("Novo-Kryvorizhia",
"Ново-Михайловка"), written so by outlets for Novokryvorizhzhia and Новомихайловка: no chain of
two places, though "Ново" is an alternate name of a village Nove."""
_IN_GAP = re.compile(r"^(?:\s+(?:settlements?|villages?))?,?\s+(?:also\s+|both\s+|all\s+)?in\s+$")
"""Between a list's last place and an oblast's name: " in " ("near Novodanilovka and Malaya
Tokmachka in Zaporizhzhia"), ", also in " ("near Chervonaya Dibrova settlement, also in
Luhansk")."""


def _oblast_after_places(sentence: str, offset: int, groups: list[list[Mention]]) -> None:
    """ "near the Novodanilovka and Malaya Tokmachka in Zaporizhzhia": a name an oblast shares,
    right after "in" that follows a list of places, is the oblast they lie in (villages named
    as such are not "in" a city): their soft hint, dropped for a place with no namesake there,
    and no record of its own; "… in Zaporizhzhia city" stays the city. English only: Ukrainian
    and Russian say which by the case and the region word."""
    for current, following in pairwise(groups):
        named = following[0]
        if (
            len(following) != 1
            or named.region
            or not named.oblast_too
            or named.metonymic
            or named.text[:1] >= "\u0400"
            or not all(
                m.role == "site" and not (m.region or m.axis or m.metonymic) for m in current
            )
            or not any(m.known for m in current)  # (unknown members the list made places)
            or not _IN_GAP.match(sentence[current[-1].end - offset : named.start - offset])
            or _TOWN_WORD_AFTER.match(sentence[named.end - offset :])
        ):
            continue
        named.region, named.role, named.group = True, "hint", current[0].group
        for m in current:  # soft: "Refugees from Mariupol in Zaporizhzhia" keep Mariupol
            if m.admin_hint is None:
                m.admin_hint, m.soft_hint = _hint_of(named), True


def _apply_region_hints(sentence: str, offset: int, groups: list[list[Mention]]) -> None:
    """A group of regions right after a group of places hints where those places are: one
    region for all of them, or one each, paired in order. A region right after such a hint is
    the wider unit of the same hint ("Кліщіївка Бахмутського району Донецької області")."""
    for k, (current, following) in enumerate(pairwise(groups)):
        if following[0].role == "hint" or not all(m.region and not m.metonymic for m in following):
            continue  # (a hint already: :func:`_oblast_after_places`)
        gap = sentence[current[-1].end - offset : following[0].start - offset]
        if k and _POSSESSIVE_GAP.match(gap) and current[0].role == "hint":
            _narrower_hint(groups[k - 1], current, following)
            continue
        if not _HINT_GAP.match(gap) or not _in_the_region(gap, following[-1]):
            continue
        if current[0].role == "hint" and len(following) == 1:
            following[0].role, following[0].group = "hint", current[0].group
            continue
        if current[0].region:
            if _unit_in_oblast(current, following):  # "в Покровском районе Донецкой области"
                current[0].admin_hint = following[0].query or following[0].text
                following[0].role, following[0].group = "hint", current[0].group
            continue
        if len(following) == 1:
            pairs = [(m, following[0]) for m in current]
        elif len(following) == len(current):
            pairs = list(zip(current, following, strict=True))
        else:
            continue
        for member, region in pairs:
            member.admin_hint = _hint_of(region)
            # a Cyrillic list's raion or oblast after its last name is that name's own; the
            # others take it softly, dropped where they have no namesake there ("Липці,
            # Вовчанськ та Глибоке Харківського району": Vovchansk lies in Chuhuiv raion)
            member.soft_hint = (
                len(following) == 1 and member is not current[-1] and member.text[:1] >= "\u0400"
            )
        for region in following:
            region.role = "hint"
            region.group = current[0].group


_AXES_AFTER = re.compile(r"\s+(directions|axes|sectors|fronts)\b", re.IGNORECASE)  # at a pos


def _axis_lists(sentence: str, offset: int, groups: list[list[Mention]]) -> None:
    """ "in the Lyman, Siversk and Kupiansk directions", "on the Pokrovsk and Kurakhove
    fronts": every town of a list before a plural axis word is an axis (an area around it,
    precision 2), as "the Kupiansk direction" is; Ukrainian and Russian lists are read in
    :mod:`geo.text.cyrillic`. A member no place is named ("the Volyn, Polissia and Slobozhansk
    directions") is no site at all: the lookalike village Slobozhanske is not meant."""
    for group in groups:
        last = group[-1]
        if len(group) < 2 or last.axis or last.text[:1] >= "\u0400":
            continue
        found = _AXES_AFTER.match(sentence, last.end - offset)
        if found is None:
            continue
        for m in group:
            if m.region or m.metonymic:
                continue
            if not m.known:  # "Slobozhansk": no town of that name, no lookalike's point
                m.frames = True
                m.notes.append(f"{m.text} of the {found.group(1).lower()} listed: no town's name")
                continue
            _as_axis(m, f"{m.text} of the {found.group(1).lower()} listed: an axis around it")


def _hint_of(region: Mention) -> str:
    """The admin hint a region after places gives them ("the Kharkiv and Luhansk regions":
    "Kharkiv" for the first)."""
    return _PLURAL_REGION.sub(r"\1", region.query or region.text)


def _narrower_hint(places: list[Mention], oblast: list[Mention], unit: list[Mention]) -> None:
    """ "Novoselivka in the Kharkiv region's Kupiansk district": the district, within the
    oblast, is the narrower hint of the places the oblast locates; neither makes a record."""
    if len(oblast) != 1 or len(unit) != 1:
        return
    wide = _hint_of(oblast[0])
    narrow = f"{unit[0].query or unit[0].text}, {oblast[0].query or oblast[0].text}"
    for m in places:
        if m.admin_hint == wide:
            m.admin_hint = narrow
    unit[0].role, unit[0].group = "hint", oblast[0].group


_COORDINATED = re.compile(
    r"^\s*,?\s*(?:and|or|as well as|та|і|й|и|а также|а також)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
"""The gap of an axis joined to a place as a second location of the same claim ("in the Kupyansk
direction and near Krasny Liman", "на Купянском направлении и в районе Синьковки")."""


_POSSESSIVE_GAP = re.compile(rf"^(?:['’]s|\s+{_SETTLEMENT_OF})\s+$")
"""Between a region and the place it holds: "Donetsk Oblast's Pokrovsk", "the Donetsk town of
Toretsk" (the second read as a region by :data:`_SETTLEMENT_OF_AFTER`)."""


def _possessive_regions(sentence: str, offset: int, mentions: list[Mention]) -> None:
    """ "Donetsk Oblast's Pokrovsk", "Kharkiv region's Kupiansk", "the Kherson village of
    Sadove": the region says where the place after it is (its hint), as a region after a name
    does; no record of its own."""
    for region, place in zip(mentions, mentions[1:], strict=False):
        if (
            region.region
            and region.role == "site"
            and not place.region
            and place.admin_hint is None
            and _POSSESSIVE_GAP.match(sentence[region.end - offset : place.start - offset])
        ):
            region.role = "hint"
            place.admin_hint = region.query or region.text


def _official_place(m: Mention, region: bool) -> None:
    """A place after an official's title: an office's oblast or raion ("голова Харківської
    ОВА", "глава Днепропетровской ОГА") frames its sentence; a mayor's town ("мэр Донецка",
    "голови МВА Херсона") is the place of a claim that names no other (:func:`_frames_of_sites`)."""
    m.jurisdiction = True
    if region or m.text.lower().endswith(_ADJECTIVE_ENDINGS):
        m.frames = True
        m.notes.append(f"{m.text}: the place of an official's title")
    else:
        m.title = True
        m.notes.append(f"{m.text}: the town of an official's title")


def _frames_of_sites(sentence: str, offset: int, mentions: list[Mention]) -> None:
    """ "In the Kupiansk direction, Ukrainian forces repelled an attack near Petropavlivka",
    "Kharkiv regional governor Oleh Syniehubov said Kupiansk was shelled": an axis or an
    official's jurisdiction named with settlements only frames them (``frames``: resolved with
    the document, so its town tells namesakes apart, but no record), as a region after a town
    does; a point at Kharkiv would say the city was hit. Alone in its sentence ("Kharkiv's mayor
    said the city was shelled"), or for an axis joined to a place by "and", it stays a place of
    the claim (an axis: an area around its town)."""
    sites = [m for m in mentions if m.role == "site" and not m.metonymic]
    if not any(m.axis or m.jurisdiction for m in sites) or not any(
        m.known and not (m.axis or m.region or m.jurisdiction) for m in sites
    ):
        return
    framing = [
        m
        for i, m in enumerate(sites)
        if m.jurisdiction or (m.axis and not _coordinated(sentence, offset, sites, i))
    ]
    if not framing:
        return
    named = ", ".join(m.text for m in framing if m.axis)
    frames = {id(m) for m in framing}
    office = next((m for m in framing if m.regional_office), None)
    for m in sites:
        if id(m) in frames:
            m.frames = True
            continue
        if office is not None and m.admin_hint is None and not m.region:
            # "Kharkiv regional governor … Zolochiv": the oblast tells its namesakes apart
            m.admin_hint, m.soft_hint = f"{office.text} Oblast", True
        if named and not (m.axis or m.region):
            m.notes.append(f"axis: {named}")
            axis = next((a for a in framing if a.axis and a.key == m.key), None)
            if axis is not None and m.admin_hint is None and axis.admin_hint is not None:
                # "… in the Novopavlivka direction, near Novopavlivka": the axis's own town
                m.admin_hint = axis.admin_hint


def _coordinated(sentence: str, offset: int, sites: list[Mention], i: int) -> bool:
    """Is the axis ``sites[i]`` joined by "and" to a place next to it (not to another axis)?"""
    neighbours = [(sites[j], j > i) for j in (i - 1, i + 1) if 0 <= j < len(sites)]
    axis = sites[i]
    for other, after in neighbours:
        if other.axis or other.region:
            continue
        gap = (
            sentence[axis.end - offset : other.start - offset]
            if after
            else sentence[other.end - offset : axis.start - offset]
        )
        axis_word = _AXIS_AFTER.match(gap) if after else None  # "Kupyansk| direction and near"
        if _COORDINATED.match(gap[axis_word.end() :] if axis_word else gap):
            return True
    return False


_SECTOR_GAP = re.compile(
    r"^\s+(?:near|around|in the direction of|towards?|в районе|в районі|у районі|поблизу|біля|"
    r"возле|около|вблизи)\s+$"
    r"|^\s*[—–]\s*(?:у|в|біля|поблизу|около|возле|вблизи)\s+(?:[а-яёіїєґ'’]+\s+){0,3}$",
    re.IGNORECASE,
)
"""ISW's "southeast of Pokrovsk near Vodyane Druhe and Zvirove", "юго-восточнее Покровска в
районе Водяного Второго": a sector named by its town, then the places in it; after a dash, a
place in the sector ("на північний захід від Лиману — у південній частині села Карпівка")."""


_VILLAGES_BEFORE = re.compile(r"\b(?:villages|settlements|hamlets)\s+(?:of\s+)?$", re.IGNORECASE)


def _villages_listed(
    sentence: str, offset: int, mentions: list[Mention], last: Mention
) -> list[Mention]:
    """The places an appositive after ``last`` locates: ``last``, and the members of its list
    before it when the text names them as villages ("the villages of Uspenovka and Annovka,
    south of Kurakhovo": both lie there). A plain list ("Kharkiv, Izium and Lozova, south of
    Kupiansk") leaves the phrase to its last member."""
    if last.group < 0:
        return [last]
    listed = [
        m
        for m in mentions
        if m.group == last.group and m.end <= last.start and m.role == "site" and not m.region
    ]
    if not listed:
        return [last]
    before = sentence[max(0, listed[0].start - offset - 40) : listed[0].start - offset]
    if not _VILLAGES_BEFORE.search(before):
        return [last]
    return [m for m in listed if m.anchor is None] + [last]


def _mark_anchors(sentence: str, offset: int, mentions: list[Mention]) -> None:
    """ "Krasnohorivka, west of Donetsk": the place after a direction only locates the site
    before it (role ``anchor``); "southeast of Pokrovsk near Vodyane Druhe and Zvirove": the
    town of a sector only locates the places named in it after."""
    for m, nxt in pairwise(mentions):
        if (
            m.direction
            and m.role == "site"
            and not (m.region or nxt.region or nxt.metonymic or nxt.direction)
            and nxt.role == "site"
            and _SECTOR_GAP.match(sentence[m.end - offset : nxt.start - offset])
        ):
            m.role = "anchor"
            for member in mentions:
                if member.group == nxt.group and member.role == "site" and not member.region:
                    if member.anchor is None:
                        member.anchor, member.anchor_direction = m.query or m.key, m.direction
                    member.notes.append(f"located {m.direction} of {m.text}")
    for prev, m in pairwise(mentions):
        if (
            m.direction
            and m.context_start is not None
            and prev.role == "site"
            and not prev.metonymic
        ):
            gap = sentence[prev.end - offset : m.context_start - offset]
            if (
                _APPOSITIVE_GAP.match(gap)
                or gap == " "
                or (m.text[:1] >= "\u0400" and _CYRILLIC_APPOSITIVE_GAP.match(gap))
            ):
                m.role = "anchor"
                members = _villages_listed(sentence, offset, mentions, prev)
                for member in members:  # "the villages of Uspenovka and Annovka, south of …"
                    member.anchor = m.query or m.key
                    member.anchor_direction = m.direction
                    member.notes.append(f"located {m.direction} of {m.text}")
        elif (
            m.approximate
            and prev.role == "site"
            and not (prev.metonymic or prev.region or m.region or m.axis or m.metonymic)
            and (
                _NEAR_ANCHOR_GAP.match(sentence[prev.end - offset : m.start - offset])
                or (
                    m.text[:1] >= "\u0400"
                    and _CYRILLIC_NEAR_GAP.match(sentence[prev.end - offset : m.start - offset])
                )
            )
            and sentence[m.end - offset :].lstrip()[:1] in ("", ",", ")", ".", ";")
            and not prev.key.endswith(_UNIT_KEY_ENDINGS)  # "Bohodukhiv district, outside …"
        ):  # "the capture of Lozova, near Kupiansk, and …", "… freed Lozova, near Kupiansk."
            m.role = "anchor"
            prev.anchor = m.query or m.key
            prev.notes.append(f"located near {m.text}")


# -- Ukrainian and Russian regions: oblasts, raions, city districts, offices ----------------------


def _cyrillic_level(text: str, after: str) -> str | None:
    """The level of a Cyrillic name that is a region without a region noun right after it: one
    of a list sharing a plural noun ("Донецької й Луганської областей"), a name the scanner read
    with its noun ("Днепропетровская область"), or an oblast's office ("Харківська ОВА")."""
    return (
        cyrillic.region_in_list(text, after)
        or cyrillic.region_word(text)
        or ("oblast" if cyrillic.office_after(after) == "oblast" else None)
    )


def _land_of_a_town(text: str, words: list[str]) -> bool:
    """Is ``text`` a "-щина" land after "на" ("на Оріхівщині", "на Гуляйпільщині": the country
    around a town), where a village of that name would take "у"? (An oblast's land, "на
    Харківщині", is read as the oblast before this is asked.)"""
    return (
        bool(words)
        and words[-1].lower().lstrip(_OPENERS) == "на"
        and text.lower().endswith(("щині", "щини"))
    )


def _region_query(text: str, key: str, level: str) -> str:
    """What a Cyrillic region resolves as: its adjective in the nominative with the level
    ("Сумского района" → "Сумский raion", not the village Сумское of the scanner's key)."""
    words = text.split()
    if len(words) > 1 and cyrillic.region_word(text) is not None:
        words = words[:-1]  # "Днепропетровская область": the noun is the level
    nominative = cyrillic.region_nominative(words[-1], level) if words else None
    if nominative is None:
        return f"{key} {level}"
    return " ".join([*words[:-1], nominative, level])  # the resolver reads Cyrillic names


_CYRILLIC_COORDINATED = re.compile(r"^\s*,?\s*(?:та|і|й|и|а також|а также|або|или)\s+\S*\s*$")


def _regions_qualify(sentence: str, offset: int, mentions: list[Mention]) -> None:
    """ "Запорізької області, серед них Гуляйполе і П'ятихатки", "В Чугуевском районе противник
    обстрелял с. Рубежное": the one Ukrainian or Russian oblast or raion of a sentence that names
    settlements too says where they are. Each settlement without a hint of its own takes it as a
    soft hint (``soft_hint``: dropped when the settlement has no namesake there), and the region
    frames them (no record of its own), as a region right after a name does. A region joined to
    a place by "і"/"и" ("по Сумській області та Харкову") is a place of the claim too. A region
    that is the hint of the names right before it is the hint of the sentence's others too."""
    across = _across_a_border(sentence, offset, mentions)
    regions = [
        m
        for m in mentions
        if m.region
        and m.role in ("site", "hint")
        and not m.metonymic
        and m.text[:1] >= "\u0400"
        and id(m) not in across
    ]
    if len(regions) > 1 and any(m.axis for m in regions):
        # an oblast's axis beside another region ("На Донецком направлении … освободили Красную
        # Гору Донецкой народной республики"): the axis frames the sentence as any axis does,
        # and the other regions say where its places are
        regions = [m for m in regions if not m.axis]
    named = [m for m in regions if m.role == "site"]  # the others are hints of names before them
    if len(named) > 1:
        _regions_in_turn(sentence, offset, mentions, named)
        return
    if len(regions) > 1 and named == regions[-1:] and _trails(sentence, offset, mentions, named[0]):
        # a list in parts, each closed by its region ("Новоселовское и Белогоровка Луганской
        # области; Верхнекаменское, …, Новоселка Донецкой области и … Степное на Запорожье")
        _regions_in_turn(sentence, offset, mentions, regions)
        return
    if not named and len(regions) != 1:
        return
    # a hint already when no other ("Рубіжне, Кочеток та Печеніги в Чугуївському районі")
    region = named[0] if named else regions[0]
    if _CYRILLIC_IN.search(sentence[max(0, region.start - offset - 4) : region.start - offset]):
        if not _in_the_region(" в ", region):  # "из Херсона в Николаевскую область": whither
            return
    hint = region.query or region.text  # "ДНР: в Горловке …": the hint reader knows "ДНР"
    places = _in_its_clause(sentence, offset, region, mentions)
    if not places:
        # every settlement has a hint of its own ("На Харківщині ворог атакував Липці, Вовчанськ
        # та Глибоке Харківського району"): an oblast opening the sentence still only frames them
        region.frames = (
            region.role == "site"
            and any(
                m.start > region.end
                and m.role == "site"
                and m.known
                and m.admin_hint is not None
                and not (m.region or m.axis or m.metonymic)
                for m in mentions
            )
            and sentence[: region.start - offset].strip().lower() in ("на", "у", "в")
        )
        return
    for m in places:
        gap = (
            sentence[region.end - offset : m.start - offset]
            if m.start > region.start
            else sentence[m.end - offset : region.start - offset]
        )
        if _CYRILLIC_COORDINATED.match(gap):
            return
    region.frames = region.role == "site"
    _soft_hint(region, places, hint)


_CLAUSE_BREAK = re.compile(r";|,\s+(?:а|але|но)\s+(?!такж|також)", re.IGNORECASE)
"""Where a clause of its own begins: "…, а «Юг» взял под контроль Северск и Червоное в ДНР",
"…; на Запоріжжі …" (not "а також", which goes on with one list)."""


def _in_its_clause(
    sentence: str, offset: int, region: Mention, mentions: list[Mention]
) -> list[Mention]:
    """The places a region closing its clause locates (of ``mentions``, the :func:`_hintable`
    ones): those of that clause, when a clause break (:data:`_CLAUSE_BREAK`) lies between the
    region and the places before it ("«Север» освободила Лиман на харьковском направлении,
    «Запад» — Куриловку и Кучеровку, а «Юг» взял под контроль Северск и Червоное в ДНР": ДНР is
    where Северск and Червоное lie, not the Kharkiv-oblast villages of the other groups'
    clauses). A region opening the sentence, one before its places, or one whose clause names no
    settlement ("…, но ВСУ сопротивляются, сообщил глава ДНР") is every place's."""
    places = [m for m in mentions if _hintable(m)]
    if not places or any(m.start > region.start for m in places):
        return places
    breaks = [
        found.end() + offset for found in _CLAUSE_BREAK.finditer(sentence, 0, region.start - offset)
    ]
    if not breaks:
        return places
    clause = [
        m
        for m in mentions
        if breaks[-1] <= m.start < region.start
        and m.role == "site"
        and m.known
        and not (m.region or m.axis or m.metonymic)
    ]
    return [m for m in clause if _hintable(m)] if clause else places


_OPENS_IN = re.compile(
    r"^\s*In\s+(?:the\s+|(?:Russia|Ukraine)['’]s\s+|(?:occupied|Russian|Ukrainian)\s+)?$",
    re.IGNORECASE,
)
"""Before a region that opens its sentence: "In the Kharkiv region, …", "In Russia's Kursk
region, …"."""


def _opening_region(sentence: str, offset: int, mentions: list[Mention]) -> None:
    """ "In the Kharkiv region, Sosnovka was shelled", "In the Kupyansky district, the villages
    of Dvurechnaya, Grushevka … were shelled": an English oblast or raion that opens its sentence,
    closed by a comma, is the soft hint of the settlements after it (up to the next region), and
    frames them, as a Ukrainian or Russian one does (:func:`_regions_qualify`): Sosnovka is the
    Kharkiv-oblast village, not the Lviv-oblast town its size would choose."""
    region = mentions[0]
    start, end = region.start - offset, region.end - offset
    if (
        not region.region
        or region.role != "site"
        or region.metonymic
        or region.text[:1] >= "\u0400"
        or sentence[end : end + 1] != ","
        or not _OPENS_IN.match(sentence[:start])
    ):
        return
    places = []
    for m in mentions[1:]:
        if m.region:
            break
        if _hintable(m):
            places.append(m)
    if places:
        region.frames = True
        _soft_hint(region, places, region.query or region.text)
        for m in places:
            m.opening_hint = True


def _hintable(m: Mention) -> bool:
    """Is ``m`` a known settlement of the claim without a hint of its own, which a region of
    its sentence may locate?"""
    return (
        m.role == "site"
        and m.known
        and not (m.region or m.axis or m.metonymic or m.jurisdiction or m.same_region)
        and m.admin_hint is None
    )


def _regions_in_turn(
    sentence: str, offset: int, mentions: list[Mention], regions: list[Mention]
) -> None:
    """Several regions, each opening its clause with "в/у" ("В Чугуевском районе поврежден дом
    (с. Рубежное) …; в Богодуховском районе … (с. Ивашки)"): each is the soft hint of the
    settlements after it, up to the next region, and frames them. A region right after a
    settlement ("поблизу Тихого на Харківщині, Ямполя та Новоекономічного на Донеччині") closes
    its part of the list instead: the hint of the settlements before it, back to the region
    before, as does a region that is already the hint of the name right before it ("Белогоровка
    Луганской области") in a list whose last part a trailing region closes."""
    previous_end = offset
    for region, following in zip(regions, [*regions[1:], None], strict=True):
        start = region.start - offset
        if region.role == "hint" or _trails(sentence, offset, mentions, region):
            places = [
                m for m in mentions if previous_end <= m.start < region.start and _hintable(m)
            ]
            previous_end = region.end
            if places:
                region.frames = region.role == "site"
                _soft_hint(region, places, region.query or region.text)
            continue
        previous_end = region.end
        if not (
            _CYRILLIC_IN.search(sentence[max(0, start - 4) : start])
            and region.text.lower().endswith(_LOCATIVE_REGION)
        ):
            continue
        stop = following.start if following is not None else offset + len(sentence)
        places = [m for m in mentions if region.end <= m.start < stop and _hintable(m)]
        if not places:
            continue
        region.frames = True
        _soft_hint(region, places, region.query or region.text)


def _soft_hint(region: Mention, places: list[Mention], hint: str) -> None:
    """Give ``places`` the soft hint ``hint`` of ``region`` (dropped for a place with no
    namesake there: :meth:`geo.extract.Extractor._alone`)."""
    for m in places:
        m.admin_hint, m.soft_hint = hint, True
        m.notes.append(f"in {region.text}")


_CITY_DISTRICTS_BEFORE = re.compile(
    r"район\w*\s+(?:города|міста)\s*[—–:-]?\s*"
    r"(?:[А-ЯІЇЄҐ][\w'’ʼ-]+(?:\s*,\s*|\s+(?:и|і|та|й)\s+))*$",
    re.IGNORECASE,
)
"""A city's districts named after "районам города": "по двум районам города — Киевскому и
Кировскому" (adjectives, each no settlement of its name)."""


_ACRONYM_MAX = 4


def _acronym(text: str, key: str) -> bool:
    """Is a Cyrillic word of up to :data:`_ACRONYM_MAX` letters written in capitals, that is
    only a case form of a name, an acronym ("РВА", районна військова адміністрація, is no
    genitive of the village Рів)? A name in capitals itself ("ДНР") is not."""
    return text.isupper() and len(text) <= _ACRONYM_MAX and name_key(text) != key


def _district_or_land_axis(text: str, before: str, after: str, sentence: str, end: int) -> bool:
    """Is a Cyrillic adjective one of a city's districts listed after it ("по двум районам
    города — Киевскому и Кировскому") or an axis named after a land ("на Волинському,
    Поліському напрямках": a border region)? Neither is a point."""
    if (
        "айон" in before  # "районам", "Районы": only then can a city's districts be listed
        and _CITY_DISTRICTS_BEFORE.search(before)
        and cyrillic.region_nominative(text, "raion")
    ):
        return True
    return cyrillic.region_axis(text, before, after, sentence, end)


_TRAILING_REGION = re.compile(r"^\s+(?:на|в|у|во)\s+$", re.IGNORECASE)


def _trails(sentence: str, offset: int, mentions: list[Mention], region: Mention) -> bool:
    """Does a region follow a settlement with only "на"/"в"/"у" between them ("Тихого на
    Харківщині")?"""
    before = [m for m in mentions if m.end <= region.start]
    if not before or not _hintable(before[-1]):
        return False
    gap = sentence[before[-1].end - offset : region.start - offset]
    return _TRAILING_REGION.match(gap) is not None


CITY_WITH_DISTRICTS = 100_000
"""A city this large has districts of its own ("Київський район Харкова", "Киевский район
Донецка"); a raion named before a smaller town is the raion it lies in."""


def _city_districts(
    sentence: str, offset: int, mentions: list[Mention], population: Callable[[str], int]
) -> list[Mention]:
    """ "Київський район Харкова", "в Киевском районе Донецка": a city's district is the city,
    approximately (precision 2), never the raion or the town its adjective also names; the
    district itself makes no mention."""
    dropped: set[int] = set()
    for m in mentions:
        if m.region or not m.known or m.text[:1] < "\u0400":
            continue
        start = m.start - offset
        found = cyrillic.district_of_city().search(sentence, max(0, start - 120), start)
        if found is None or population(m.query or m.key) < CITY_WITH_DISTRICTS:
            continue
        m.approximate = True
        m.notes.append(f"a district of the city: {sentence[found.start() : m.end - offset]}")
        dropped.update(
            id(d) for d in mentions if found.start() <= d.start - offset and d.end <= m.start
        )
    return [m for m in mentions if id(m) not in dropped] if dropped else mentions


def _unit_in_oblast(current: list[Mention], following: list[Mention]) -> bool:
    """Is ``current`` one raion or hromada and ``following`` the one wider unit it lies in
    ("Покровського району Донецької області", "Краснопільську громаду Сумського району", "the
    Borova district of the Kharkiv region")? The wider unit then tells its namesakes apart."""
    if len(current) != 1 or len(following) != 1:
        return False
    unit, wider = current[-1].query or "", following[0].query or ""
    if unit.endswith(_UNIT_LEVELS[:2]) and wider.endswith(
        _UNIT_LEVELS[_UNIT_LEVELS.index(" " + unit.rsplit(maxsplit=1)[-1]) + 1 :]
    ):
        return True
    if current[-1].text[:1] >= "\u0400":
        return False
    narrow = level_of(name_key(current[-1].text))
    broad = level_of(name_key(following[0].text))
    return narrow in (2, 3) and broad is not None and broad < narrow


_UNIT_LEVELS = (" hromada", " raion", " oblast")

_RAION_QUERY = " raion"


def _former_raions(mentions: list[Mention]) -> None:
    """ "в Марьинском районе", "Оріхівського району": a raion abolished in 2020 is an area
    around the town it was named after (precision 2), looked for in its oblast; as the hint of
    settlements ("Красногоровка Марьинского района") it names that oblast."""
    for m in mentions:
        if not m.region:
            continue
        if m.query and m.query.endswith(_RAION_QUERY):
            former = cyrillic.former_raion(m.query[: -len(_RAION_QUERY)])
        elif m.query is None and m.text[:1] < "\u0400" and level_of(key := name_key(m.text)) == 2:
            former = cyrillic.former_raion_of_town(hint_stem(key))  # "the Borova district"
        else:
            continue
        if former is None:
            continue
        town, oblast = former
        named = m.query or m.text
        for other in mentions:
            if other.admin_hint == named:
                other.admin_hint = oblast
        m.region, m.approximate, m.query, m.admin_hint = False, True, town, oblast
        m.notes.append(f"{m.text}: a raion abolished in 2020, the area around {town}")


_AGGLOMERATION = re.compile(
    r"(?<![\w'’ʼ-])([А-ЯІЇЄҐ][\w'’ʼ]+?)[оа]-[А-ЯІЇЄҐ][\w'’ʼ]+\s+агломерац[\w]*", re.IGNORECASE
)


def _agglomeration_town(stem: str) -> str | None:
    """The town the first part of a hyphenated agglomeration names ("Покровск" of "Покровско-":
    the axis adjective's town, Покровськ, or the stem itself as a town's name)."""
    for ending in ("ий", "ое"):
        town = cyrillic.axis_town(stem + ending)
        if town is not None:
            return town
    return stem


_LIST_GAP = re.compile(r"^\s*(?:,|і|й|та|и)?\s*$")


def _residents_of_lists(sentence: str, offset: int, mentions: list[Mention]) -> None:
    """ "пострадали жители Шебекино и Грайворона": residents of a list of places are harmed in
    each of them, so the resident word frames nothing (unlike "житель Лисичанска погиб при
    обстреле Северодонецка")."""
    for m, nxt in pairwise(mentions):
        if (
            m.jurisdiction
            and not m.region
            and _LIST_GAP.match(sentence[m.end - offset : nxt.start - offset])
            and cyrillic.resident_before(
                sentence[max(0, m.start - offset - 30) : m.start - offset].split()
            )
        ):
            m.jurisdiction = False


_CYRILLIC_IN = re.compile(r"(?<!\w)(?:в|у|во)\s+$", re.IGNORECASE)
_BORDER_WITH = re.compile(
    r"(?<![\w'’ʼ-])(?:кордон\w*|меж[іеа]|межею|границ\w*)\s+(?:з|із|зі|с|со)\s+\Z", re.IGNORECASE
)
"""A border with a region before it ("недалеко від адміністративного кордону з Луганською
областю", "у границы с Белгородской областью"): the region across it, where the sentence's
places are not."""


def _across_a_border(sentence: str, offset: int, mentions: list[Mention]) -> set[int]:
    """The ``id`` of each region of a sentence named after a border word
    (:data:`_BORDER_WITH`), and of the regions of its list (:func:`_enumerations`' group:
    "кордону з Запорізькою та Донецькою областями")."""
    bordered = [
        m
        for m in mentions
        if m.region
        and _BORDER_WITH.search(sentence, max(0, m.start - offset - 40), m.start - offset)
    ]
    if not bordered:
        return set()
    lists = {m.group for m in bordered if m.group >= 0}
    return {id(m) for m in mentions if m.region and m.group in lists} | {id(m) for m in bordered}


# not "округе": the occupation's "муниципальный округ" is a pre-2020 raion, wider than the
# hromada it is read as, so it is no hint ("в селе Чапаевка, расположенном в Пологовском
# муниципальном округе" is not in Polohy hromada)
_LOCATIVE_REGION = (
    "області", "области", "районі", "районе", "громаді", "громаде", "общине", "краї", "крае",
    "республике", "республіці",  # "село Макеевку в Луганской Народной Республике"
    "днр", "лнр",  # indeclinable: "к пункту Ямполь в ДНР" says where, as "в Донецкой области"
)  # fmt: skip


def _in_the_region(gap: str, region: Mention) -> bool:
    """Does "в/у" between a place and a region say where the place is ("Вишневое в
    Днепропетровской области": the locative), not whither ("из Херсона в Николаевскую
    область")? Any other gap passes."""
    return _CYRILLIC_IN.search(gap) is None or region.text.lower().endswith(_LOCATIVE_REGION)
