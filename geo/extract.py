"""From documents to event records: sentences → mentions → places in context → claims → rows.

:class:`Extractor` holds the per-run state (resolver, scanner) and turns one
:class:`~geo.text.sources.Document` into records with the columns of
:data:`geo.core.schema.EVENT_COLUMNS` plus ``geometry``. Resolution uses the document as context:
admin hints stated in the sentence or enumeration, and, for names that stay ambiguous, the
distance to places resolved confidently elsewhere in the same document ("a Bohdanivka beside
Bakhmut is the one near Bakhmut"). Unresolved mentions stay in the output with no geometry.

:func:`extract_records` streams records over many documents, reading them in small batches
(:func:`batches`) whose whole-text passes run back to back (:meth:`Extractor.prepare`);
:func:`extract_frame` collects them into a GeoDataFrame.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import re
import string
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import accumulate, combinations
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import NamedTuple, Protocol

import blingfire
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.claims import Claimant, ClaimFrame, analyse_sentence
from geo.claims.analyse import DEFAULT_CLAIMANT, DocumentClaimants, find_claimant, recredit
from geo.claims.scope import credited_sentences, is_recap, source_line, sources_elsewhere
from geo.claims.tables import date_tables
from geo.core.distance import (
    BEARINGS,
    bearing_deg,
    haversine_km,
    haversine_km_array,
    in_compass_sector,
)
from geo.core.records import PlaceColumns, event_record
from geo.core.schema import EVENT_COLUMNS, INTEGER_COLUMNS, Precision, ResolutionKind
from geo.core.theatre import BOX, THEATRE
from geo.gazetteer import Candidate, GazetteerStore, Place, Resolution, Resolver, name_key
from geo.gazetteer.clusters import CLUSTER_KM, MAX_CANDIDATES, MAX_MEMBERS, choose_together
from geo.gazetteer.resolve import (
    BIG_CITY_POPULATION,
    CHOSEN_CONFIDENCE,
    CONTEXT_BONUS,
    NAMESAKE_KM,
    NAMESAKE_MARGIN,
    SEAT_RANK,
    FrontDistance,
    big_city_over,
    in_unit,
    km_to_nearest,
    place_km,
)
from geo.text.channels import site_claimant
from geo.text.cyrillic import hromada_adjective
from geo.text.lang import document_languages
from geo.text.mentions import Mention, MentionScanner, bullet_axis_line
from geo.text.raions import names_a_raion_noun
from geo.text.sources import Document, iter_documents

log = logging.getLogger(__name__)

CONFIDENT = 0.8
NEIGHBOUR_SENTENCES = 2
CANDIDATES_AS_CONTEXT = 8
CONTEXT_NEAR_KM = 60.0
"""A namesake the document's settled places chose is taken at once when it lies this near one
of them (the resolver notes such closeness); farther, its neighbours in question are asked too."""
STRAY_KM = 150.0
BESIDE_SENTENCE_KM = 10.0
"""A city far from its sentence's places gives way to the one namesake this near one of them
(:meth:`Extractor._namesake_beside_its_sentence`)."""
FAR_FROM_ALL_KM = 400.0
WIDE_NEAR_KM = 100.0
"""A town placed by size alone FAR_FROM_ALL_KM or more from every settled place of its document
gives way to its namesake within WIDE_NEAR_KM of two of them (:meth:`Extractor._by_the_document`;
nearer, CONTEXT_NEAR_KM)."""
CONFIDENT_STRAY_KM = 300.0
"""A confident answer this far from every one of three or more confident places of its own
sentence, lying together, is sought again where they are (:func:`_far_from_its_front`)."""
ANCHOR_KM = 40.0
ANCHOR_RATIO = 1.5
"""A place located from another ("Lozova, near Kupiansk") is the namesake within ANCHOR_KM of
it, when the next lies ANCHOR_RATIO times as far or more."""
ANCHOR_SECTOR_DEG = 67.5
"""How far from its compass word ("Pobeda, southwest of Donetsk") a namesake within ANCHOR_KM
may lie, in degrees of azimuth from the anchor, to be one the text places there: those that do
are chosen from first."""
FAR_CITY_POPULATION = 100_000
FAR_CITY_KM = 400.0
"""A city this large, its name's only place, may lie up to FAR_CITY_KM from the place that
locates it, when it lies the way the text says ("Kropyvnytskyi, north of Mykolaiv")."""
LIST_NEAR_KM = 30.0
"""A namesake left open lies this near its list's settled places to be the one the list means: a
Kherson OVA's "…, Берислав та Михайлівка" is not the Mykhailivka 38 km down the river from them
(the one meant lies 66 km up it)."""
CITY_VILLAGES = 3
"""How many villages of its list must settle beside a big city's namesake for the list to mean
that village (:meth:`Extractor._city_among_villages`)."""
LIST_FAR_KM = 100.0
"""A list member placed this far from every settled member of its list is sought beside them
(:meth:`Extractor._far_from_its_village_list`)."""
_LEFT_OPEN = (ResolutionKind.REGION_FALLBACK, ResolutionKind.UNRESOLVED)
"""How a resolver leaves namesakes it cannot tell apart: at the region they share, or unplaced."""
BESIDE_KM = 8.0
BESIDE_FAR_KM = 20.0
"""A town chosen by size alone, BESIDE_FAR_KM or more from every settled place of its document,
gives way to the one namesake within BESIDE_KM of two of them."""
VILLAGE_MAX = 10_000
"""A settlement this large is no village ("the village of X" is one of X's smaller namesakes)."""
URBAN_MIN = 2_000
URBAN_RATIO = 3
"""A name marked an urban-type settlement is the largest of its namesakes left open when it has
URBAN_MIN people or more and URBAN_RATIO times the next (:meth:`Extractor._urban_settlements`)."""
STRAY_MAX_POPULATION = 50_000
OTHER_READING_POPULATION = 5_000
"""A village below this size, read confidently from a case form that spells another name too,
gives way to that other name's place in its sentence's oblast ("Сторожевого" beside Сухі Яли:
Сторожеве, not Сторожів of Rivne oblast); a town stays ("в Орехове и под Изюмом": Orikhiv)."""
TOWN_ABROAD_POPULATION = 5_000
"""A town abroad this large, in the theatre's box and named exactly, stays abroad beside a far
home place ("Sudzha and Kramatorsk"); a village abroad that only shares a home village's name
does not (a Russian spelling of a Ukrainian village is read in its sentence's oblast)."""
CITY_ABROAD_POPULATION = 20_000
"""A city abroad this large is meant by its name in a sentence whose places rule out the focus
country's namesake ("Missiles hit Rostov and Kramatorsk": Rostov-on-Don, not the Sumy hamlet)."""
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)*)?"  # KYIV[, Ukraine]
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?)?"  # , March 21[, 2023]
    r"\s*(?:\([^)]{1,40}\))?\s*(?:[-–—]\s+|\.\s*/[A-Z]{2,10}/\.?\s+)"  # (Reuters) - | . /TASS/.
)
_MONTHS = (
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
    "янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|нояб|дек"
)
_CYRILLIC_DATELINE = re.compile(
    r"^[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐа-яёіїєґʼ’'-]{1,25}(?:[ -][А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐа-яёіїєґʼ’'-]{1,25})?"
    r"(?:\s*\([^)\n]{1,40}\))?"  # (Херсонская обл.)
    rf"[.,]\s+\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+\d{{4}}(?:\s*(?:г|р)\.)?)?[.,]?\s*"  # 18 сентября.
    r"(?:/[^/\n]{2,20}/\.?\s+"  # /ТАСС/.
    r"|(?:[A-ZА-ЯЁІЇЄ][\w.]{1,20}\s*|\([^)\n]{1,40}\)\s*)?[-–—]\s+"
    r"(?:РИА Новости(?: [А-ЯЁ][а-яё]+)?\.\s+)?)",  # РИА Новости[ Крым].
    re.IGNORECASE,
)
"""A Russian or Ukrainian agency dateline: "Москва. 18 сентября. INTERFAX.RU - …", "МОСКВА, 18
сентября. /ТАСС/. …", "МОСКВА, 18 сен — РИА Новости. …", "Київ, 5 грудня – …", "ГЕНИЧЕСК
(Херсонская обл.), 26 сен - РИА Новости. …", "СИМФЕРОПОЛЬ, 7 окт – РИА Новости Крым. …"."""


_AGENCIES = (
    "РИА Новости(?: [А-ЯЁ][а-яё]+)?|ТАСС|Интерфакс(?:-Украина)?|Укрінформ|Укринформ|УНІАН|УНИАН"
)
_UNDATED_DATELINE = re.compile(
    r"^[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐʼ’'-]{1,25}(?:[ -][А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐʼ’'-]{1,25})?"  # capitals only
    r"(?:\s*\([^)\n]{1,40}\))?[.,]?\s*"  # (Херсонская обл.),
    rf"(?:/(?:{_AGENCIES})/\.?\s+|[-–—]\s+(?:{_AGENCIES})\.\s+)"
)
"""A dateline whose date a rewrite dropped, the place in capitals before an agency: "ДОНЕЦК -
РИА Новости. …", "ЗАПОРОЖЬЕ, /ТАСС/. …" (a dated one is :data:`_CYRILLIC_DATELINE`'s)."""


def _dateline(paragraph: str) -> re.Match[str] | None:
    """The wire dateline opening ``paragraph``, English or Cyrillic: where the story was
    filed, not where anything happened."""
    return (
        _DATELINE.match(paragraph)
        or _CYRILLIC_DATELINE.match(paragraph)
        or _UNDATED_DATELINE.match(paragraph)
    )


MAX_MENTIONS_PER_DOCUMENT = 5_000


def _far_from_region(elsewhere: Resolution, region: Resolution) -> bool:
    """Is ``elsewhere`` (a name resolved without the region its sentence opens with) no place,
    or one over :data:`OPENING_REGION_KM` from ``region``'s point (the region-level answer)?"""
    if region.place is None or region.place.lat is None or region.place.lon is None:
        return False
    place = elsewhere.place
    if place is None or place.lat is None or place.lon is None or elsewhere.ambiguous:
        return True
    km = haversine_km(place.lat, place.lon, region.place.lat, region.place.lon)
    return km > OPENING_REGION_KM


def _abroad(elsewhere: Resolution, region: Resolution) -> bool:
    """Is ``elsewhere`` a place in another country than ``region``'s?"""
    return (
        elsewhere.place is not None
        and region.place is not None
        and elsewhere.place.country != region.place.country
    )


OPENING_REGION_KM = 300
"""How far from the point of the region a sentence opens with ("In the Kursk region, …") a
namesake found elsewhere may lie and still be the place meant (an oblast is ~200 km across)."""

_NOT_IN_SOFT_HINT = frozenset(
    {ResolutionKind.FUZZY, ResolutionKind.REGION_FALLBACK, ResolutionKind.UNRESOLVED}
)
"""Answers that say a name has no namesake in the region its sentence names (a fuzzy lookalike
there, or the region itself): the region was not where the name is."""


def _namesakes_in(res: Resolution) -> bool:
    """Does a region-level answer have namesakes inside its region ("3 places named 'Алексеевка'
    in Sumska oblast"), left for the places around them to decide, rather than none there? The
    region's own level counts: a hromada's namesakes lie in the hromada, not anywhere in its
    oblast ("Купянск" is in no village's hromada of its sentence)."""
    region = res.place
    if res.resolution is not ResolutionKind.REGION_FALLBACK or region is None:
        return False
    level = {"admin3": "admin3_code", "admin2": "admin2_code"}.get(region.kind, "admin1_code")
    code = getattr(region, level)
    return code is not None and any(
        getattr(c.place, level) == code and c.place.place_id != region.place_id
        for c in res.candidates
    )


CLUSTER_MEMO = 20_000
"""Clusters of names (:meth:`Extractor._cluster`) remembered across documents: channels and
sitreps repeat the same lists day after day."""
_NearMemo = dict[tuple[str, str | None, tuple[tuple[float, float], ...]], Resolution]
"""One document's resolutions in context, by (query, admin hint, co-mentioned points)."""


BATCH = 32
BATCH_CHARS = 1_000_000
"""Documents whose whole-text passes run back to back (:meth:`Extractor.prepare`): up to
:data:`BATCH` of them and about :data:`BATCH_CHARS` characters. ~4 % faster than one document at
a time, for at most a few MB held at once."""


def batches(
    documents: Iterable[Document], size: int = BATCH, chars: int = BATCH_CHARS
) -> Iterator[list[Document]]:
    """``documents`` in consecutive lists of at most ``size``, closed early once they hold
    ``chars`` characters of text (the engine's batches use it too, with their own bounds)."""
    batch: list[Document] = []
    held = 0
    for doc in documents:
        batch.append(doc)
        held += len(doc.text)
        if len(batch) >= size or held >= chars:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


class Prepared(NamedTuple):
    """A document's name-scan hits (:meth:`MentionScanner.scan`) and sentences
    (:func:`sentences`)."""

    hits: list[tuple[int, int, str]]
    sentences: list[tuple[int, str]]


@dataclass(slots=True)
class ExtractStats:
    """Counts for the one-line summary, plus every per-document warning and error."""

    documents: int = 0
    failed: int = 0
    mentions: int = 0
    resolved: int = 0
    unresolved: int = 0
    events: int = 0
    actors: int = 0
    dropped_paragraphs: int = 0
    skipped_files: int = 0
    skipped_messages: int = 0
    skipped_entries: int = 0
    undated: int = 0
    merged: int = 0
    messages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = (
            f"{self.documents} documents ({self.failed} unreadable), {self.mentions} mentions, "
            f"{self.resolved} resolved, {self.unresolved} unresolved, {self.events} events"
        )
        for count, one, many in (
            (self.skipped_files, "other files", "other files"),
            (self.skipped_messages, "channel message", "channel messages"),
            (self.skipped_entries, "feed entry", "feed entries"),
        ):
            if count:
                line += f", {count} {one if count == 1 else many} skipped"
        if self.merged:
            line += f", merged into {_claims(self.merged)} across reports"
        if self.undated:
            line += f"; {_claims(self.undated)} undated: no publication date (give --published)"
        return line


def _claims(n: int) -> str:
    return f"{n} claim{'' if n == 1 else 's'}"


_SKIP_COUNTERS = {
    "file": "skipped_files",
    "message": "skipped_messages",
    "entry": "skipped_entries",
}
"""The :class:`ExtractStats` counter of each kind of notice (:attr:`Document.skipped_unit`)."""


_PARAGRAPH = (
    "\u2029"  # blingfire always ends a sentence at U+2029, so one call covers every paragraph
)


_NAME_ABBREVIATIONS = frozenset(
    "с. м. смт. сщ. с-ще. сел. г. гор. пос. п. пгт. д. х. ст. н.п. нп. "
    "вул. ул. пр. просп. пр-т. пров. пер. бул. пл. ім. им. "
    "ген. генерал-лейт. полк. підполк. подполк. кап. майор. св. р.".split()
)
"""Cyrillic abbreviations that stand before a name and never end a sentence there ("с.
Нововодяне", "м. Куп'янськ", "вул. Бахмутській", "г. Донецк", "ген. Сирський", "р. Дніпро"),
which blingfire takes for sentence ends; after a number "м.", "г." and "р." are metres and a
year, which may."""


def _ends_abbreviated(part: str) -> bool:
    """Does ``part`` end in a :data:`_NAME_ABBREVIATIONS` word not after a number?"""
    space = part.rfind(" ")
    if part[space + 1 :].lower().lstrip("(«\"„“'") not in _NAME_ABBREVIATIONS:
        return False
    before = part[:space].rsplit(maxsplit=1) if space > 0 else []
    return not (before and before[-1][-1:].isdigit())


_CONTINUING = frozenset(
    "a an and as at between by for from in into near of on or over than that the to toward "
    "towards under which who whose with".split()
)
"""English words a sentence cannot end with: a line that ends in one goes on in the next."""
_LINE_STARTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\"“‘'")
"""What a wrapped line's next line may start with (not a list's dash or a digit)."""


def _unwrap(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped English sentences made spaces (the same
    length, so every offset holds): after a comma or a word no sentence ends with ("the regions of
    Odessa and\nMykolaiv."), and between two lower-case words ("shelled\nthe town"). A blank
    line, a line ending in a full stop or a capitalised word, and a line starting otherwise than
    with a letter or a quote (a list's dash) still break; Ukrainian and Russian posts break lines
    on purpose, so Cyrillic text is left as it is. Only the line breaks are looked at, so this
    costs next to nothing per document."""
    joins = [at for at in _line_breaks(text) if _wrapped(text, at)]
    if not joins:
        return text
    parts, last = [], 0
    for at in joins:
        parts += [text[last:at], " "]
        last = at + 1
    parts.append(text[last:])
    return "".join(parts)


def _line_breaks(text: str) -> Iterator[int]:
    at = text.find("\n")
    while at != -1:
        yield at
        at = text.find("\n", at + 1)


def _wrapped(text: str, at: int) -> bool:
    """Does the line break at ``at`` cut an English sentence (see :func:`_unwrap`)?"""
    rest = text[at + 1 : at + 80].lstrip(" \t")
    following = rest[:1]
    if not following or following not in _LINE_STARTS:
        return False
    end = at
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end == 0:
        return False
    if text[end - 1] == ",":  # after a word: "the town of Kupiansk,\nofficials said"
        return end > 1 and text[end - 2].isascii() and text[end - 2].isalpha()
    start = end
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    word = text[start:end]
    return bool(word) and (
        word.lower() in _CONTINUING or (word[-1].islower() and following.islower())
    )


def _join_abbreviations(found: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """``found`` with each sentence that ends in a :data:`_NAME_ABBREVIATIONS` word joined to the
    next one of its paragraph (``text`` is what the offsets index)."""
    joined: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for start, part in found:
        if pending is not None:
            gap = text[pending[0] + len(pending[1]) : start]
            if "\n" in gap or _PARAGRAPH in gap:
                joined.append(pending)
            else:
                start, part = pending[0], text[pending[0] : start + len(part)]
            pending = None
        if part[-1:] == "." and part[-2:-1] >= "\u0400" and _ends_abbreviated(part):
            pending = (start, part)
        else:
            joined.append((start, part))
    if pending is not None:
        joined.append(pending)
    return joined


_BEFORE_A_DATE = re.compile(r"[.!?] (?=\d)")  # after a word of three letters or more (tested)


_RUN_TOGETHER = re.compile(
    r"[.!?](?<=[\w)][.!?])(?=(?P<quote>[\"«„“])[A-ZА-ЯЁІЇЄҐ][\s,a-zа-яёіїєґ]|[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]+\s)"
)
"""A full stop with no space after it, before an opening quote and a capitalised word or before a
capitalised word: where two sentences may run together, which blingfire does not split ("… со
ссылкой на Минобороны РФ.\"В результате …", "… області.По …")."""
_WORD_BEFORE_STOP = re.compile(r"([\w'’-]+)[.!?]$")
_GLUED_AFTER_STOP = frozenset(
    '"«„“' + string.ascii_uppercase + "".join(map(chr, range(0x410, 0x430))) + "ЁІЇЄҐ"
)
"""What :data:`_RUN_TOGETHER` needs right after its full stop: an opening quote or a capital."""


def _stop_before(text: str, stops: tuple[str, ...], follows: Callable[[str], bool]) -> bool:
    """Does one of ``stops`` stand in ``text`` right before a character ``follows`` accepts?
    ``str.find`` skips to each stop (a few dozen a document) where a regex tests every
    character; it gates, or stands for, the whole-text searches of the splits below."""
    for stop in stops:
        after = len(stop)
        at = text.find(stop)
        while at != -1:
            if follows(text[at + after : at + after + 1]):
                return True
            at = text.find(stop, at + 1)
    return False


def _split_run_together(found: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """``found`` (parts of ``text``) with each part cut where two sentences run together
    (:data:`_RUN_TOGETHER`): before an opening quote, or after a lower-case word of four letters
    or more. Not after an abbreviation ("обл.", "пгт.Іванівка", "м.Київ") nor inside a name
    ("Донбасс.Реалии", "Волноваха.City"). One search of the whole text finds most documents have
    no such full stop: the pattern only looks at characters of the part it matches in."""
    if (
        not _stop_before(text, (".", "!", "?"), _GLUED_AFTER_STOP.__contains__)
        or _RUN_TOGETHER.search(text) is None
    ):
        return found
    cut: list[tuple[int, str]] = []
    for start, part in found:
        begin = 0
        for gap in _RUN_TOGETHER.finditer(part):  # the full stop (led by it: a quick scan)
            if gap.group("quote") is None:
                word = _WORD_BEFORE_STOP.search(part, begin, gap.end())
                if word is None or len(word.group(1)) < 4 or not word.group(1).islower():
                    continue
            cut.append((start + begin, part[begin : gap.end()]))
            begin = gap.end()
        cut.append((start + begin, part[begin:]) if begin else (start, part))
    return cut


def _split_before_dates(found: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """``found`` (parts of ``text``) with each part cut where a sentence opens with a date ("…,
    повідомив Олександр Прокудін. 14 грудня окупанти…", "…, сообщил губернатор. 5 октября
    бойцы…"), which blingfire never takes for a sentence start; a period after an abbreviation
    ("пос. 14") does not end one. One search of the whole text finds most documents have none."""
    if not _stop_before(text, (". ", "! ", "? "), str.isdecimal):  # _BEFORE_A_DATE anywhere
        return found
    dates = date_tables().explicit
    cut: list[tuple[int, str]] = []
    for start, part in found:
        if ". " not in part and "! " not in part and "? " not in part:
            cut.append((start, part))
            continue
        begin = 0
        for gap in _BEFORE_A_DATE.finditer(part):
            stop, at = gap.start() + 1, gap.end()  # the sentence ends after its full stop
            word = part[:stop].rsplit(None, 1)[-1].lower()
            if (
                stop < 4
                or not part[stop - 4 : stop - 1].isalnum()
                or word in _NAME_ABBREVIATIONS
                or not any(d.anycase.match(part, at) for d in dates)
            ):
                continue
            cut.append((start + begin, part[begin:stop]))
            begin = at
        cut.append((start + begin, part[begin:]))
    return cut


MAX_SENTENCE_CHARS = 3_000
"""A "sentence" longer than this (blingfire passes up to 64,000 characters on without a break:
a list of thousands of places, text run together with no spaces) is cut into clauses of at most
this length, at the last "; ", then ", ", then space before the limit: every record quotes its
sentence, and per-sentence work grows faster than the sentence. The longest General Staff
roundup sentences run to about 1,500 characters."""


def _bounded(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``found`` with each part over :data:`MAX_SENTENCE_CHARS` cut into clauses (offsets kept:
    each clause is the text at its offset)."""
    if all(len(part) <= MAX_SENTENCE_CHARS for _, part in found):
        return found
    bounded: list[tuple[int, str]] = []
    for start, part in found:
        while len(part) > MAX_SENTENCE_CHARS:
            window = part[:MAX_SENTENCE_CHARS]
            half = MAX_SENTENCE_CHARS // 2
            cut = next(
                (at + 1 for sep in ("; ", ", ", " ") if (at := window.rfind(sep, half)) > 0),
                MAX_SENTENCE_CHARS,
            )
            bounded.append((start, part[:cut].rstrip()))
            rest = part[cut:]
            skipped = len(rest) - len(rest.lstrip())
            start, part = start + cut + skipped, rest.lstrip()
        if part:
            bounded.append((start, part))
    return bounded


def _paragraph_sentences(text: str) -> Iterator[tuple[int, str]]:
    """The reference segmentation: blingfire paragraph by paragraph (used when the one-call
    form cannot map its output back to offsets)."""
    offset = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            skip = _dateline(paragraph)
            body = paragraph[skip.end() :] if skip else paragraph
            base = offset + (skip.end() if skip else 0)
            _, spans = blingfire.text_to_sentences_and_offsets(body)
            yield from _bounded(
                _split_before_dates(
                    _join_abbreviations([(base + a, body[a:b]) for a, b in spans], text), body
                )
            )
        offset += len(paragraph) + 1


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pairs over the paragraphs of ``text`` (blingfire segmentation).

    A wire dateline ("KYIV, March 21 (Reuters) - ") is skipped: it names where the story was
    filed, not where anything happened. Blingfire is called once per document, with paragraph
    breaks as U+2029 (a hard sentence break for it) and datelines blanked; the per-call cost of
    its ctypes wrapper dominates on short paragraphs."""
    text = _unwrap(text)
    parts = []
    for paragraph in text.split("\n"):
        skip = _dateline(paragraph)
        parts.append(" " * skip.end() + paragraph[skip.end() :] if skip else paragraph)
    masked = _PARAGRAPH.join(parts)
    found: list[tuple[int, str]] = []
    cursor = 0
    # Sentence and paragraph breaks alike split: one pass over the output instead of nested splits.
    for part in blingfire.text_to_sentences(masked).replace(_PARAGRAPH, "\n").split("\n"):
        part = part.strip()
        if not part:
            continue
        start = masked.find(part, cursor)
        if start < 0:  # blingfire normalised whitespace: segment paragraph by paragraph instead
            yield from _paragraph_sentences(text)
            return
        cursor = start + len(part)
        # ``part`` equals text[start:cursor]: it holds no paragraph break and starts after any
        # blanked dateline, the only places ``masked`` differs from ``text``.
        found.append((start, part))
    joined = _join_abbreviations(found, masked)
    yield from _bounded(_split_before_dates(_split_run_together(joined, masked), masked))


class _PreviousClaimant:
    """The last credited claimant of a document, for "The ministry also said…". Sentences without
    places are only analysed for a claimant when a later sentence refers back to them."""

    __slots__ = ("claimant", "pending")

    def __init__(self) -> None:
        self.claimant: Claimant | None = None
        self.pending: list[str] = []

    def saw(self, sentence: str) -> None:
        self.pending.append(sentence)

    def set(self, claimant: Claimant) -> None:
        self.claimant = claimant
        self.pending.clear()

    def get(self) -> Claimant | None:
        while self.pending:  # the latest sentence that credits somebody wins
            found = find_claimant(self.pending.pop())
            if found is not None:
                self.claimant = found
                break
        self.pending.clear()
        return self.claimant


def _event_id(doc_id: str, start: int, end: int, place: str | None, stance: str | None) -> str:
    """A stable id: the same claim about the same span of the same document gets the same id."""
    return hashlib.sha1(
        f"{doc_id}\x1f{start}\x1f{end}\x1f{place}\x1f{stance}".encode()
    ).hexdigest()[:16]


_TOO_MANY = PlaceColumns.unresolved("too many mentions in this document to resolve")


def _resolution_columns(res: Resolution | None, resolver: Resolver) -> PlaceColumns | None:
    """The record columns that depend only on the resolution, worked out once per resolution
    rather than once per record (a document names the same few places many times); None for a
    country, which is not an event site."""
    if res is None:
        return _TOO_MANY
    place = res.place
    ambiguous = resolver.describe(res.ambiguous) if res.ambiguous else None
    if place is None or place.lat is None or place.lon is None:  # not res.resolved
        return PlaceColumns.unresolved(
            res.reason, str(res.resolution), round(res.confidence, 3), len(res.candidates),
            ambiguous,
        )  # fmt: skip
    if place.kind == "country":
        return None
    return PlaceColumns(
        True,
        place.place_id,
        place.name,
        res.admin1_name,
        res.admin2_name,
        place.country,
        round(place.lat, 6),
        round(place.lon, 6),
        res.precision,
        str(res.resolution),
        round(res.confidence, 3),
        len(res.candidates),
        res.reason,
        ambiguous,
    )


def _anchors_and_questions(
    mentions: list[Mention], first: list[Resolution]
) -> tuple[list[tuple[int, float, float]], list[int]]:
    """The document's anchors (confident settlements and features: index, lat, lon) and the
    mentions still in question (namesakes, or contested answers context could change)."""
    anchors: list[tuple[int, float, float]] = []
    questions: list[int] = []
    for i, res in enumerate(first):
        if res.ambiguous:  # namesakes: the document's other places may tell them apart
            if not mentions[i].region:
                questions.append(i)
            continue
        place = res.place
        if place is None or place.lat is None or place.lon is None:
            continue  # not res.resolved
        if place.kind not in ("settlement", "feature"):
            continue
        if mentions[i].latin_only:
            continue  # a spelling matched in Latin only: no evidence for the others
        if res.confidence >= CONFIDENT or res.resolution == ResolutionKind.CONTEXT:
            anchors.append((i, place.lat, place.lon))
        if res.confidence < CONFIDENT and not mentions[i].region and _contested(res):
            questions.append(i)
    return anchors, questions


def _repeats_follow_their_anchor(mentions: list[Mention], first: list[Resolution]) -> None:
    """A name its anchor placed where its name alone does not lead ("the villages of Olgino and
    Arkhangelsk, a few miles to the southwest of Vysokopillya": Arkhanhelske, spelt like it) is
    that place where the document repeats it with nothing of its own to locate it ("Battles are
    going on for … Arkhangelsk"), when the name alone lies over :data:`STRAY_KM` from it or is
    left open. ``first`` is updated in place."""
    located: dict[str, Resolution | None] = {}  # None: two places, no rule
    for m, res in zip(mentions, first, strict=True):
        if m.by_anchor and res.place is not None and res.place.lat is not None:
            known = located.setdefault(m.key, res)
            if known is not None and known.place != res.place:
                located[m.key] = None
    for i, m in enumerate(mentions):
        chosen = located.get(m.key)
        res = first[i]
        if (
            chosen is None
            or chosen.place is None
            or m.anchor is not None
            or m.admin_hint is not None
            or m.region
            or m.axis
            or m.metonymic
            or res.place == chosen.place
        ):
            continue
        if res.place is not None and (
            res.place.lat is None or place_km(res.place, chosen.place) <= STRAY_KM
        ):
            continue
        note = f"{m.text}: the {chosen.place.name} its anchor locates elsewhere in this document"
        first[i] = replace(chosen, reason=f"{note}; {chosen.reason}")


def _lone_repeats(
    mentions: list[Mention],
    final: list[Resolution],
    i: int,
    was: Place,
    names: Sequence[str],
) -> list[int]:
    """The mentions that repeat mention ``i``'s name (``names``: each mention's), placed at
    ``was``, where a rule found ``i`` should not be, with no hint, region, axis or metonymy of
    their own and alone in their sentences: the rule that moves ``i`` moves them too."""
    return [
        j
        for j, n in enumerate(mentions)
        if j != i
        and names[j] == names[i]
        and (other := final[j].place) is not None
        and other.place_id == was.place_id
        and not (n.admin_hint or n.region or n.axis or n.metonymic)
        and not any(k.sentence == n.sentence for k in mentions if k is not n and k.known)
    ]


def _one_place_per_name(
    mentions: list[Mention], queries: list[str], first: list[Resolution], final: list[Resolution]
) -> None:
    """A name the document repeats that its neighbours decided in one sentence ("просунутися
    до Приморського і Оріхова": the Zaporizhzhia village) and nothing decided in another (chosen
    by size alone, or left open: "відтиснути війська з Приморського") is the decided place in
    both, as a reader takes it; names decided apart stay apart, and a name placed by its own
    region ("Lyman in the Kramatorsk district") is decided there too. A name only a region decides
    ("села Алексеевка" in Dnipropetrovsk oblast, its namesakes there left open) takes that oblast
    where size alone placed it elsewhere ("В Алексеевке"). ``final`` is updated in place."""
    decided: dict[str, dict[str, Resolution]] = {}
    regions: dict[str, dict[str, Resolution]] = {}
    names = [name_key(query) for query in queries]  # "Алексеевка" and the key of "Алексеевке"
    _one_name_per_namesakes(mentions, first, names)
    own_regions = [  # the mentions their own region decides
        bool(
            m.admin_hint and not m.soft_hint and res.place is not None and not res.ambiguous
            and res.place.kind in ("settlement", "feature")
            and (not _outgrew(res) or m.urban)  # its marker, not size alone, chose it
        )
        for m, res in zip(mentions, final, strict=True)
    ]  # fmt: skip
    by_region = {  # and the names whose repeat's region decides only the oblast
        name
        for name, own, m, res in zip(names, own_regions, mentions, final, strict=True)
        if own or (m.admin_hint and res.resolution == ResolutionKind.REGION_FALLBACK)
    }
    guessed = [  # placed by its neighbours alone, where a repeat names its region
        names[i] in by_region and not own and res.resolution == ResolutionKind.CONTEXT
        for i, (own, res) in enumerate(zip(own_regions, final, strict=True))
    ]
    for i, m in enumerate(mentions):
        res, before = final[i], first[i]
        if m.region or m.axis or m.metonymic or res.place is None:
            continue
        if res.place.kind not in ("settlement", "feature"):
            if m.admin_hint and res.resolution == ResolutionKind.REGION_FALLBACK:
                # "села Алексеевка в Днепропетровской области": its namesakes there are open,
                # but the oblast is decided for the name's repeats ("В Алексеевке …")
                regions.setdefault(names[i], {})[res.place.place_id] = res
            continue
        if res.ambiguous:
            continue
        if guessed[i]:
            continue  # its neighbours' guess is no decision
        if (
            before.place is None
            or before.ambiguous
            or before.place.place_id != res.place.place_id
            or own_regions[i]  # its own region decides
        ):
            decided.setdefault(names[i], {})[res.place.place_id] = res
    for name, region in regions.items():
        decided.setdefault(name, region)  # a place decided elsewhere says more than its oblast
    if not decided:
        return
    for i, m in enumerate(mentions):
        chosen = decided.get(names[i])
        res = final[i]
        if chosen is None or len(chosen) != 1 or m.region or m.axis or m.metonymic:
            continue
        if not (res.ambiguous or (res.place is not None and _outgrew(res)) or guessed[i]):
            continue  # decided on its own, or no place at all
        (again,) = chosen.values()
        if again.place is None or (res.place is not None and res.place == again.place):
            continue
        own = [c.place for c in res.ambiguous] if res.ambiguous else [res.place]
        if m.admin_hint is not None and again.place.admin1_code not in {
            p.admin1_code for p in own if p is not None
        }:
            continue  # "Михайлівку Запорізької області": its own region, not the other's
        name = again.place.name
        if again.place.kind in ("settlement", "feature"):
            note = f"{m.text}: the {name} its neighbours decide elsewhere in this document"
        elif res.place is not None and res.place.admin1_code == again.place.admin1_code:
            continue  # already in the oblast the document gives the name
        else:
            note = f"{m.text}: in {name}, where this document places it elsewhere"
        final[i] = replace(again, reason=f"{note}; {again.reason}")


def _one_name_per_namesakes(
    mentions: list[Mention], first: list[Resolution], names: list[str]
) -> None:
    """Give Cyrillic names with the same namesakes one name in ``names`` (in place):
    "Колесниковка" and its genitive "Колесниковки", which the store files under two
    romanisations ("kolesnikovka", "kolesnykovka") of the same four villages. Only names with as
    many namesakes as another name of the document has are compared as sets."""
    counts: dict[int, set[str]] = {}  # number of namesakes → the names with that many
    for i, res in enumerate(first):
        if len(res.candidates) >= 2 and mentions[i].text[:1] >= "\u0400":
            counts.setdefault(len(res.candidates), set()).add(names[i])
    shared = {count for count, spelled in counts.items() if len(spelled) > 1}
    if not shared:
        return
    one: dict[frozenset[str], str] = {}
    for i, res in enumerate(first):
        if len(res.candidates) in shared and mentions[i].text[:1] >= "\u0400":
            ids = frozenset(c.place.place_id for c in res.candidates)
            names[i] = one.setdefault(ids, names[i])


def _documents_places(
    i: int,
    mentions: list[Mention],
    final: list[Resolution],
    anchors: list[tuple[int, float, float]],
) -> list[tuple[float, float]]:
    """The points of the document's settled places other than mention ``i``'s name, each once:
    its first pass's anchors, axes aside, where they still stand."""
    key = mentions[i].key
    return list(
        dict.fromkeys(
            (lat, lon)
            for j, lat, lon in anchors
            if mentions[j].key != key
            and not mentions[j].axis
            and (anchor := final[j].place) is not None
            and (anchor.lat, anchor.lon) == (lat, lon)  # not moved since the first pass
        )
    )


def _outgrew(res: Resolution) -> bool:
    """Was the place chosen over alike-scoring namesakes by size alone (a village of 3,000 over
    villages of 500)? Then it does not stand on its own against its sentence's places: in
    "Станіслав, Благовіщенське, Інгулець та місто Херсон" every village is near Kherson."""
    scored = res.candidates
    return (
        len(scored) >= 2
        and scored[1].place.kind == "settlement"
        and scored[0].score - scored[1].score <= NAMESAKE_MARGIN
        and not big_city_over(scored[0].place, scored[1].place)  # its size is evidence enough
    )


def _renamed_over_current(res: Resolution) -> bool:
    """Was the place matched by a name it bore before a renaming, while a namesake bears that
    name today ("Красный Лиман": Lyman until 2016, and the village Червоний Лиман by Pokrovsk,
    «Красный Лиман» in Russian)? Then its list decides, as for a town chosen by size."""
    scored = res.candidates
    return (
        len(scored) >= 2
        and scored[0].name_kind == "historical"
        and any(c.name_kind != "historical" and c.place.kind == "settlement" for c in scored[1:])
    )


TOWN_FAR_KM = 60.0
"""A town chosen by size gives way to the namesake its list surrounds when every other place of
the list lies this far from the town ("north — near Holubivka, Kindrashivka" around Kupiansk:
not Holubivka of Luhansk oblast, 140 km away)."""


def _far_from_all(town: Place, chosen: Place, near: list[tuple[float, float]]) -> bool:
    """Do the list's other places (``near``, at least two) all lie over :data:`TOWN_FAR_KM` from
    ``town``, and on average within a cluster's spread of ``chosen`` and at most half as far as
    the nearest of them is from the town? A long list (:data:`LONG_LIST` places or more) also
    passes on its median distance from the town — over :data:`CLUSTER_KM` and three times their
    mean distance from ``chosen`` — so that a few members nearer the town do not hold a list of
    twenty."""
    if len(near) < 2 or town.lat is None or town.lon is None or chosen.lat is None:
        return False
    to_town = sorted(haversine_km(town.lat, town.lon, lat, lon) for lat, lon in near)
    to_chosen = [haversine_km(chosen.lat, chosen.lon or 0.0, lat, lon) for lat, lon in near]
    mean = sum(to_chosen) / len(to_chosen)
    if to_town[0] > TOWN_FAR_KM and mean <= CLUSTER_KM * 1.25 and 2 * mean <= to_town[0]:
        return True
    median = to_town[len(to_town) // 2]  # many places: a clear contrast, though nearer 60 km
    return len(near) >= LONG_LIST and median > CLUSTER_KM >= mean and 3 * mean <= median


def _near_any(place: Place | None, points: list[tuple[float, float]]) -> bool:
    """Does ``place`` lie within :data:`CONTEXT_NEAR_KM` of one of ``points``?"""
    return (
        place is not None
        and place.lat is not None
        and (km_to_nearest(place, points) < CONTEXT_NEAR_KM)
    )


LIST_CITY_POPULATION = 100_000
"""A city this large is only given up for a village of its name by a whole list around the
village (:meth:`Extractor._city_in_a_village_list`)."""
LIST_VILLAGE_POPULATION = 10_000
LIST_VILLAGE_KM = 25.0
"""…and only by a list of villages (none of this many people) all within this reach of it."""
LIST_VILLAGE_RATIO = 2 / 3
"""Of two villages a list surrounds, the nearer (by the sum of its distances to the list's
places) is chosen only when that sum is at most this share of the other's."""


def _lists(mentions: list[Mention]) -> list[list[int]]:
    """The indexes of the mentions of each list (a sentence's group), in order."""
    lists: dict[tuple[int, int], list[int]] = {}
    for i, m in enumerate(mentions):
        if m.group >= 0:
            lists.setdefault((m.sentence, m.group), []).append(i)
    return list(lists.values())


def _member_points(res: Resolution) -> list[tuple[float, float]]:
    """Where a list member may be: its place, or every namesake when they are left open."""
    places = [c.place for c in res.ambiguous] if res.ambiguous else [res.place]
    return [
        (p.lat, p.lon)
        for p in places
        if p is not None and p.lat is not None and p.lon is not None and p.kind == "settlement"
    ]


def _surrounded(reach: list[float], long: bool, from_city: float) -> bool:
    """Does a list surround a village whose distances to its other members are ``reach``? Each
    member within :data:`LIST_VILLAGE_KM`; for a long list along a front ("Любицьке, Гуляйполе,
    Левадне, Роботине, Чарівне, Малинівка, Новодарівка, Кам'янське, П'ятихатки": 100 km from end
    to end), one member within it and the median member at most half as far as it lies from the
    city of the name (``from_city``, the median member's distance from the city)."""
    if not long:
        return max(reach) <= LIST_VILLAGE_KM
    return min(reach) <= LIST_VILLAGE_KM and 2 * _median(reach) <= from_city


def _median(values: list[float]) -> float:
    """The middle value (the upper one of an even count), as the list rules here take it."""
    return sorted(values)[len(values) // 2]


def _toward(
    m: Mention,
    anchors: list[Place],
    by_km: list[tuple[float, int]],
    namesakes: tuple[Candidate, ...],
) -> list[tuple[float, int]]:
    """Of ``namesakes`` within :data:`ANCHOR_KM` of the one anchor (``by_km``: their distances
    from it, nearest first), those lying the way the text's compass word says, within
    :data:`ANCHOR_SECTOR_DEG` of it ("Pobeda, southwest of Donetsk": the village 28 km
    southwest, not the one 40 km southeast); none without a compass word or with an anchor
    that has namesakes (the word needs the one place it is read from)."""
    direction = m.anchor_direction  # a compass word, as the scanner normalised it
    if direction not in BEARINGS or len(anchors) != 1:
        return []
    anchor = _point(anchors[0])
    return [
        (km, i)
        for km, i in by_km
        if km <= ANCHOR_KM and _lies_toward(anchor, namesakes[i].place, direction)
    ]


def _lies_toward(anchor: tuple[float, float], place: Place, direction: str) -> bool:
    """Does located ``place`` lie the way the compass word ``direction`` (a key of
    :data:`BEARINGS`) says from ``anchor``, within :data:`ANCHOR_SECTOR_DEG`?"""
    if place.lat is None or place.lon is None:
        return False
    bearing = bearing_deg(*anchor, place.lat, place.lon)
    return in_compass_sector(bearing, direction, ANCHOR_SECTOR_DEG)


def _nearer_by_far(town: Place, chosen: Place, settled: list[tuple[float, float]]) -> bool:
    """Does ``town`` lie over :data:`TOWN_FAR_KM` from every settled place of its list (at
    least two), while ``chosen``, another namesake, lies within :data:`CLUSTER_KM` of one of
    them and a third as far as the town? For lists too spread for :func:`_far_from_all`'s
    mean: a front's villages from Stepnohirsk to Huliaipole. In a list of :data:`LONG_LIST`
    settled places the town is judged by their median, so that one member nearer it does not
    hold the list ("Білозерка, Томина Балка, Інгулець, Берислав, Давидів Брід …": the
    Kherson-oblast Інгулець, not the larger one by Kryvyi Rih, 58 km from Давидів Брід)."""
    if len(settled) < 2 or town.lat is None or chosen.lat is None:
        return False
    if town.place_id == chosen.place_id:
        return False
    if len(settled) >= LONG_LIST:  # a long list: its median member, as for _far_from_all
        lat, lon = _point(town)
        far = _median([haversine_km(lat, lon, *point) for point in settled])
    else:
        far = km_to_nearest(town, settled)
    near = km_to_nearest(chosen, settled)
    return far > TOWN_FAR_KM and near <= CLUSTER_KM and 3 * near <= far


def _named_oblast(
    mentions: list[Mention],
    regions: dict[int, Resolution],
    hint_oblasts: Callable[[str], frozenset[str]],
    focus: tuple[str, ...],
) -> str | None:
    """The code of the one oblast a document names, or None when it names none or several:
    its regions in the focus countries (the oblast, or a raion placed in it without doubt; not
    an axis, nor a hromada, whose names many share; "the Kursk region" across the border
    does not count) and the regions its names carry as hints ("Белогоровка Луганской
    области"), each hint of one oblast only."""
    named = {
        res.place.admin1_code
        for i, res in regions.items()
        if res.place is not None
        and res.place.kind in ("admin1", "admin2")
        and res.place.country in focus
        and not (mentions[i].axis or res.ambiguous)
    }
    for m in mentions:
        if m.admin_hint is not None and not (m.region or m.axis or m.soft_hint):
            hinted = hint_oblasts(m.admin_hint)
            if len(hinted) == 1:
                named |= hinted
    return named.pop() if len(named) == 1 else None


HOME_SHARE = 0.8
HOME_MIN_PLACES = 3
"""A document is a report from one oblast when it names the oblast (or a raion of it, or as a
hint of its names), and no other, and this share of its settled places, and at least this
many, lie in it (:meth:`Extractor._at_home`); a raion of it the document names counts toward
this many ("по Харківському, Чугуївському, Ізюмському, Богодухівському та Куп’янському
районах" with Kupiansk and Chuhuiv settled: "по селу Золочів" is the Kharkiv-oblast one)."""
HOME_KM = 80.0
"""The farthest from the places of a one-oblast report its namesake may lie that takes the
place of a town chosen by size ("Каменское": 47 km from Білогір'я)."""


def _home_oblast(
    mentions: list[Mention], final: list[Resolution], focus: tuple[str, ...], named: str | None
) -> tuple[tuple[tuple[float, float], ...], int, int] | None:
    """Is this a one-oblast document: does it name one oblast only (``named``:
    :func:`_named_oblast`; a General Staff roundup names several) and place nearly all its
    settled places there, or settle none at all? Then (their points, how many lie there, how
    many there are), else None. Settled places are settlements placed without doubt: not
    chosen by size alone, not namesakes left open, not chosen by their neighbours over a
    namesake in the oblast named; and a village elsewhere over :data:`HOME_STRAY_KM` from
    every one there is in question itself (:meth:`Extractor._lookalike_at_home`), not
    counted."""
    if named is None:
        return None
    placed: dict[str, Place] = {}
    raions = _named_raions(mentions, final, named)  # "по Харківському, Чугуївському … районах"
    for m, res in zip(mentions, final, strict=True):
        place = res.place
        if (
            place is None
            or m.region
            or m.axis
            or place.kind != "settlement"
            or not _settled(m, res, focus)
            or _outgrew(res)
            or (place.admin1_code != named and _context_chose_over(res, named))
        ):
            continue
        placed[place.place_id] = place
    if not placed:  # nothing settled anywhere: the oblast it names is all it says
        return (), 0, 0
    points = tuple(_point(p) for p in placed.values() if p.admin1_code == named)
    if len(points) + len(raions) < HOME_MIN_PLACES:  # a raion named counts as a place there,
        return None  # but its centre is no point to measure the oblast's names from
    others = [p for p in placed.values() if p.admin1_code != named]
    counted = len(points) + sum(  # a village far from them all is in question, not counted
        1
        for p in others
        if p.population >= VILLAGE_MAX or km_to_nearest(p, list(points)) <= HOME_STRAY_KM
    )
    if len(points) < HOME_SHARE * counted:
        return None
    return points, len(points), counted


HROMADA_PLACES = 2
"""How many of its other names a document must place in a hromada it names for a name with a
namesake there to be read as that one (:meth:`Extractor._in_a_named_hromada`)."""


def _named_beside(i: int, mentions: list[Mention]) -> bool:
    """Does mention ``i``'s sentence name another place (not a region, not an axis)?"""
    sentence, key = mentions[i].sentence, mentions[i].key
    return any(
        m.sentence == sentence and m.key != key and not (m.region or m.axis or m.frames)
        for m in mentions
    )


def _named_raions(mentions: list[Mention], final: list[Resolution], code: str) -> dict[str, Place]:
    """The raions of oblast ``code`` a document names and places without doubt, by code."""
    return {
        place.admin2_code: place
        for m, res in zip(mentions, final, strict=True)
        if m.region
        and not m.axis
        and (place := res.place) is not None
        and place.kind == "admin2"
        and place.admin1_code == code
        and place.admin2_code is not None
        and not res.ambiguous
    }


def _not_placed(res: Resolution, note: str) -> Resolution:
    """``res`` left without a place, ``note`` saying why, its candidates kept."""
    return Resolution(res.query, None, None, ResolutionKind.UNRESOLVED, 0.0, note, res.candidates)


def _may_come_home(res: Resolution, code: str) -> bool:
    """Is this a settlement outside the oblast ``code`` chosen over a namesake there by size
    alone or by its neighbours, which a one-oblast report may read at home?"""
    place = res.place
    return (
        place is not None
        and place.admin1_code != code
        and place.kind == "settlement"
        and (
            (_outgrew(res) and any(c.place.admin1_code == code for c in res.candidates))
            or _context_chose_over(res, code)
        )
    )


def _context_chose_over(res: Resolution, code: str) -> bool:
    """Did the places around it choose this answer over a namesake in the oblast ``code``
    ("Mykhailivka" of a Kherson administration's list: a Mykolaiv-oblast village 32 km from
    Beryslav, over the Kherson-oblast ones)?"""
    return res.resolution is ResolutionKind.CONTEXT and any(
        c.place.admin1_code == code and c.place.kind == "settlement" for c in res.candidates
    )


HOME_STRAY_KM = 120.0
"""A village placed in another oblast this far from every settled place of a one-oblast report,
beside its places, is looked for again there (:meth:`Extractor._lookalike_at_home`)."""
FAR_FROM_HOME_KM = 300.0
"""A name listed with the places of a one-oblast report and placed this far from all of them
is no answer (:meth:`Extractor._far_from_its_list`)."""
LISTED_AT_HOME = 3
"""How many of its list's places must lie in a one-oblast report's oblast for that."""


TOWN_READING_POPULATION = 10_000
TOWN_READING_RATIO = 20
"""A case form that is also a village's name reads as the town whose form it is when the town
has this many people and this many times the village's (:meth:`Extractor._town_reading`)."""

LONG_LIST = 5
"""From this many places beside it, a town chosen by size is judged by the median distance of
the list's places ("на Покровському напрямку … Шахове, …, Миколаївка, …, Новоукраїнка": not
the Mykolaivka by Sloviansk, a median 59 km from the others, which lie 3–24 km from the
Mykolaivka of Pokrovsk raion)."""


def _in_question(m: Mention, res: Resolution) -> bool:
    """Could the places named beside this mention change its answer? Namesakes nothing told
    apart, a town chosen over its namesakes by size alone, a case form of several names read as
    something less than a city ("Тернів": the village Тернів, or Терни), a hromada whose name
    several bear."""
    if m.frames or m.axis or not m.known:
        return False
    if m.direction:  # "севернее Вербового": only namesakes left open are asked again
        return bool(res.ambiguous) and not m.region
    if m.region:
        return bool(res.ambiguous) and _hromada(m)
    if res.ambiguous:
        return True
    place = res.place
    if m.readings and (place is None or SEAT_RANK.get(place.feature_code or "", 0) < 2):
        return True  # "Тернів" (a village) or Терни; "Харкова" is Kharkiv whatever else it spells
    return (
        place is not None
        and place.kind == "settlement"
        and (_outgrew(res) or _renamed_over_current(res))
    )


def _axis_of_the_sentence_before(
    before: list[int], mentions: list[Mention], settled: set[int]
) -> list[int]:
    """The settled axis that the sentence before ``sentence`` names and nothing else (a
    roundup's heading: "На Куп’янському напрямку за добу відбулося п’ять ворожих атак. Сили
    оборони відбивали штурмові дії противника біля Петропавлівки, Зеленого Гаю, Вишневого та
    Лозової."), for a list whose own sentence settles nothing
    (:meth:`Extractor._nearer_its_axis`). ``before``: the mentions of that sentence."""
    if not before or not all(mentions[j].axis or mentions[j].region for j in before):
        return []
    return [j for j in before if mentions[j].axis and j in settled]


def _by_list(
    asked: list[int], beside: list[int], mentions: list[Mention]
) -> list[tuple[list[int], list[int]]]:
    """The names of one sentence in question (``asked``) with the settled places (``beside``)
    each is clustered with. A sentence of two lists or more ("наступали на Білогорівку,
    Григорівку, Верхньокам’янське; на Бахмутському – на Новолуганське, Спірне, Вершину", one
    list per axis) asks each list's names with that list's settled places, when it has any: a
    list lies along one stretch of front, the sentence along several. Otherwise, and for names
    outside those lists, the sentence is one cluster."""

    def list_of(j: int) -> tuple[int, int]:  # a list's number counts within its sentence
        return mentions[j].sentence, mentions[j].group

    sizes: dict[tuple[int, int], int] = {}
    for j in {*asked, *beside}:
        sizes[list_of(j)] = sizes.get(list_of(j), 0) + 1
    lists = {g for g, n in sizes.items() if g[1] >= 0 and n > 1}
    if len(lists) < 2:
        return [(asked, beside)]
    parts = []
    rest = [j for j in asked if list_of(j) not in lists]
    for g in sorted(lists):
        own = [j for j in asked if list_of(j) == g]
        if not own:
            continue
        settled = [j for j in beside if list_of(j) == g]
        if settled:
            parts.append((own, settled))
        else:
            rest += own
    if rest:
        parts.append((sorted(rest), beside))
    return parts


def _borne_out(res: Resolution, beside: list[Resolution]) -> bool:
    """Is a town chosen by size (not namesakes left open, nor another reading) already borne
    out by a settled place of its sentence within :data:`~geo.gazetteer.clusters.CLUSTER_KM`
    ("Mariupol and Volnovakha")? Then no cluster could trade it for a namesake."""
    place = res.place
    if res.ambiguous or place is None or place.lat is None or place.lon is None:
        return False
    if not _outgrew(res):
        return False
    return any(
        other.place is not None
        and other.place.lat is not None
        and other.place.lon is not None
        and place_km(place, other.place) <= CLUSTER_KM
        for other in beside
    )


def _place_id(res: Resolution) -> str | None:
    return res.place.place_id if res.place is not None else None


def _point(place: Place) -> tuple[float, float]:
    """(lat, lon) of a located place."""
    return (place.lat or 0.0, place.lon or 0.0)


def _far_from_its_front(place: Place, points: list[tuple[float, float]]) -> bool:
    """Does a confident ``place`` lie over :data:`CONFIDENT_STRAY_KM` from every one of three or
    more confident places of its own sentence (``points``) that lie within :data:`STRAY_KM` of
    each other (a village of one front's list placed at the far end of the country by the only
    spelling the store has)? A roundup that names places of several fronts in one sentence
    ("під Бахмутом, біля Нової Каховки та в районі Харкова") is no such list."""
    if len(points) < 3 or place.lat is None or place.lon is None:
        return False
    return all(
        haversine_km(place.lat, place.lon, lat, lon) > CONFIDENT_STRAY_KM for lat, lon in points
    ) and all(haversine_km(*a, *b) <= STRAY_KM for a, b in combinations(points, 2))


def _anchors_by_sentence(
    mentions: list[Mention], anchors: list[tuple[int, float, float]]
) -> dict[int, list[tuple[int, float, float]]]:
    """The document's confident places (axes aside) by sentence, once per document."""
    found: dict[int, list[tuple[int, float, float]]] = {}
    for j, lat, lon in anchors:
        if not mentions[j].axis:
            found.setdefault(mentions[j].sentence, []).append((j, lat, lon))
    return found


SEAT_SIZE_RATIO = 5
"""Of hromadas named alike about as near a document's places, the one whose centre has this
many times the people of each other's is the one meant
(:meth:`Extractor._hromada_by_its_neighbours`)."""


def _latin_hromada_adjectives(name: str) -> list[str]:
    """The romanised Ukrainian adjectives a hromada named after the town ``name`` may bear:
    "Pokrovsk" → Pokrovska, "Pokrovske" → Pokrovska, "Semenivka" → Semenivska, "Mena" → Menska,
    "Nikopol" → Nikopolska (the store spells hromadas so: "Pokrovska hromada")."""
    forms = []
    if name.endswith("sk"):
        forms.append(f"{name}a")
    if name.endswith("ka"):
        forms.append(f"{name[:-2]}ska")
    if name.endswith("ske"):
        forms.append(f"{name[:-1]}a")
    if name[-1:] in ("a", "e", "o", "y", "i"):
        forms.append(f"{name[:-1]}ska")
    else:
        forms.append(f"{name}ska")
    return list(dict.fromkeys(forms))


def _hromada(m: Mention) -> bool:
    """Does the mention name a hromada ("Олександрівська громада")?"""
    return m.region and (m.query or "").endswith("hromada")


_NAMED = (ResolutionKind.EXACT, ResolutionKind.ALIAS)
"""Resolutions by a name the place bears, not a lookalike's."""


def _town_abroad(place: Place, res: Resolution, focus: tuple[str, ...], least: int) -> bool:
    """Is ``res`` a town outside the focus countries of ``least`` people or more, in the
    theatre's box (Ukraine and the border regions around it), by a name it bears (not a
    lookalike's)? Such a town is meant by its name beside home places: "Sudzha and
    Kramatorsk", "Valuyki and Kupiansk"."""
    return (
        place.country not in focus
        and place.population >= least
        and res.resolution in _NAMED
        and _in_the_box(place)
    )


def _town_beside_a_city(place: Place, anchor: Place, focus: tuple[str, ...]) -> bool:
    """Is ``place`` a town of the focus country (:data:`VILLAGE_MAX` people or more) whose
    sentence's nearest confident place is a city of :data:`LIST_CITY_POPULATION`? A city named
    with it makes no list of neighbours ("Из Балаклеи пешком отступали в Луганск"), so the town
    is not sought in the city's oblast when that has none of its name."""
    return (
        place.country in focus
        and place.population >= VILLAGE_MAX
        and anchor.kind == "settlement"
        and anchor.population >= LIST_CITY_POPULATION
    )


def _in_the_box(place: Place) -> bool:
    """Does ``place`` lie in the theatre's box (Ukraine and the border regions around it)?"""
    west, south, east, north = BOX
    return (
        place.lat is not None
        and place.lon is not None
        and south <= place.lat <= north
        and west <= place.lon <= east
    )


def _axes_outside_the_box(mentions: list[Mention], final: list[Resolution]) -> None:
    """An axis of this war lies in its theatre: "the Mariinsk direction" (Marinka's, misspelt)
    is no front by the Siberian town of that name, so an axis resolved outside the theatre's
    box is left unplaced, with the reason, rather than drawn there."""
    for i, res in enumerate(final):
        place = res.place
        if mentions[i].axis and place is not None and place.lat is not None:
            if not _in_the_box(place):
                note = (
                    f"{mentions[i].text}: an axis, but {place.name}, where its name leads, lies "
                    "outside the theatre; not placed"
                )
                final[i] = _not_placed(res, note)


def _listed_under_oblast(
    i: int, mentions: list[Mention], final: list[Resolution], focus: tuple[str, ...]
) -> str | None:
    """The code of the one oblast of the focus countries that mention ``i``'s sentence names,
    when ``i`` stands in a list whose other settled members all lie in that oblast ("the
    liberation of settlements in the Kherson region, those of Starosillya, Arkhangelsk and
    Velyka Oleksandrivka"); else None."""
    m = mentions[i]
    if m.group < 0:
        return None
    named: set[str | None] = set()
    listed: set[str | None] = set()
    for j, other in enumerate(mentions):
        if j == i or other.sentence != m.sentence:
            continue
        place = final[j].place
        if place is None:
            continue
        if other.region and place.kind == "admin1" and place.country in focus:
            named.add(place.admin1_code)
        elif other.group == m.group and _settled(other, final[j], focus):
            listed.add(place.admin1_code)
    return named.pop() if len(named) == 1 and listed <= named and listed else None


def _beside_two(res: Resolution, points: Sequence[tuple[float, float]], km: float) -> list[Place]:
    """The settlements among ``res``'s candidates within ``km`` of two of ``points`` at least."""
    reach = km / 111.0  # degrees of latitude: a cheap test before the haversine
    return [
        c.place
        for c in res.candidates
        if c.place.kind == "settlement"
        and (lat := c.place.lat) is not None
        and (lon := c.place.lon) is not None
        and sum(abs(lat - p[0]) <= reach and haversine_km(lat, lon, *p) <= km for p in points) >= 2
    ]


def _located_settlement(res: Resolution) -> Place | None:
    """``res``'s place when it is a settlement with a point, else None."""
    place = res.place
    if place is None or place.kind != "settlement" or place.lat is None or place.lon is None:
        return None
    return place


def _unplaced(res: Resolution) -> bool:
    """Is ``res`` no place, or only the region a hint named?"""
    return res.place is None or res.resolution is ResolutionKind.REGION_FALLBACK


def _settled(m: Mention, res: Resolution, focus: tuple[str, ...]) -> bool:
    """Is this a settled place that may tell its sentence's namesakes apart (a hromada's seat
    among them: "у Великобурлуцькій громаді … Катеринівку")?"""
    place = res.place
    return (
        (not m.region or _hromada(m))
        and not res.ambiguous
        and place is not None
        and place.lat is not None
        and place.kind in ("settlement", "feature")
        and place.country in focus
        and bool(res.candidates)
    )


def _readings(m: Mention, query: str) -> tuple[str, ...]:
    """The queries a mention may stand for, its own first."""
    return tuple(dict.fromkeys((query, *m.readings))) if m.readings and not m.region else (query,)


def _contenders(res: Resolution, focus: tuple[str, ...]) -> list[Candidate]:
    """The candidates of ``res`` that context could still make the answer: located settlements
    within the largest context bonus (plus the namesake margin) of the best, in the focus
    countries when any is, best first."""
    located = [
        c for c in res.candidates if c.place.kind == "settlement" and c.place.lat is not None
    ]
    if _namesakes_in(res):  # the namesakes inside the region the text names
        region = res.place.admin1_code if res.place is not None else None
        located = [c for c in located if c.place.admin1_code == region]
    if not located:
        return []
    floor = max(c.score for c in located) - CONTEXT_BONUS - NAMESAKE_MARGIN
    kept = [c for c in located if c.score >= floor]
    if any(c.place.country in focus for c in kept):
        kept = [c for c in kept if c.place.country in focus]
    return sorted(kept, key=lambda c: c.score, reverse=True)


def _crowded_out(
    found: list[tuple[Resolution, Candidate]], most: int, points: list[tuple[float, float]]
) -> list[tuple[Resolution, Candidate]]:
    """The first ``most`` of a name's namesakes (the likeliest first) that a cluster may try; of
    a name with more ("Ивановка": 123 settlements), half are the likeliest and half those nearest
    the document's settled places, so that the village by the report's other places is among
    them ("по направлению Ягодное и Ивановка" in a Kupiansk report: the pair by Kupiansk, not a
    pair as tight 400 km away that ranks higher)."""
    if len(found) <= most or not points:
        return found[:most]
    half = most // 2
    rest = found[half:]
    at = np.array(points)
    where = np.array([(c.place.lat, c.place.lon) for _, c in rest], dtype=float)
    near = haversine_km_array(where[:, None, 0], where[:, None, 1], at[None, :, 0], at[None, :, 1])
    order = np.argsort(near.min(axis=1), kind="stable")[: most - half]
    return found[:half] + [rest[k] for k in sorted(order.tolist())]


def _contested(res: Resolution) -> bool:
    """Could co-mentioned places change this answer? Only if a runner-up trails by less than
    the largest context bonus plus the namesake margin."""
    scored = res.candidates
    return len(scored) >= 2 and scored[0].score - scored[1].score < CONTEXT_BONUS + NAMESAKE_MARGIN


def _record(
    doc: Document,
    published: str | None,
    event_date: str | None,
    sentence: str,
    m: Mention,
    place: PlaceColumns,
    frame: ClaimFrame,
    position: int,
    lang: str,
) -> dict:
    """One record: the per-resolution columns plus what the mention and its clause add."""
    direction = m.direction
    precision = place.precision
    if place.located:
        key = place.place_id
        if precision == Precision.SETTLEMENT and (direction or m.approximate):
            precision = Precision.APPROXIMATE
    else:
        key = m.key
    reason = "; ".join([*m.notes, place.reason]) if m.notes else place.reason
    claim = frame.at(position)
    stance = claim.stance
    return event_record(
        place,
        event_id=_event_id(doc.doc_id, m.start, m.end, key, stance),
        doc_id=doc.doc_id,
        source_title=doc.title,
        source_url=doc.url,
        published=published,
        event_date=event_date,
        time_precision=frame.time_precision,
        event_type=claim.event_type,
        sub_event_type=claim.sub_event_type,
        claimant=claim.claimant,
        claimant_kind=claim.claimant_kind,
        actor1=frame.actor1,
        actor2=frame.actor2,
        stance=stance,
        quantity=frame.quantity,
        quantity_unit=frame.quantity_unit,
        location=m.text,
        precision=precision,
        direction=direction,
        anchor_place=(place.place_name if place.located else m.text) if direction else None,
        reason=reason,
        quote=sentence,
        lang=lang,
    )


@dataclass(slots=True)
class _Round:
    """What the second round of a document's resolution reads and writes: its mentions, their
    queries, the first pass's answers, the answers so far (``final``, updated in place), the
    front line of its date and the document's settled places (``around``)."""

    mentions: list[Mention]
    queries: list[str]
    first: list[Resolution]
    final: list[Resolution]
    front: FrontDistance | None
    around: list[tuple[float, float]]


class Fronts(Protocol):
    """Front lines by date (:class:`geo.frontline.nearness.FrontLines`): the one for a report."""

    def at(self, day: date | None) -> FrontDistance | None: ...


class Extractor:
    """Turns documents into event records with one resolver and one scanner; with ``fronts``
    (a control layer's front lines), the front line of each document's date weighs namesakes."""

    def __init__(
        self,
        resolver: Resolver | None = None,
        store: GazetteerStore | None = None,
        *,
        fronts: Fronts | None = None,
    ) -> None:
        self.resolver = resolver or Resolver(store)
        self.scanner = MentionScanner(self.resolver.store)
        self.fronts = fronts
        self._clusters: dict[tuple, list[Resolution | None]] = {}

    def with_fronts(self, fronts: Fronts | None) -> Extractor:
        """This extractor (same resolver and scanner) weighing namesakes by ``fronts``."""
        twin = copy.copy(self)
        twin.fronts = fronts
        return twin

    # -- resolution in document context ---------------------------------------------------------

    def _query(self, m: Mention) -> str:
        text = m.query or m.text  # an inflected form resolves as its nominative's key
        return (
            f"{text} region"
            if m.region
            and not text.lower().endswith(
                (
                    "region",
                    "oblast",
                    "province",
                    "raion",
                    "rayon",
                    "district",
                    "republic",
                    "hromada",
                )
            )
            else text
        )

    def _resolve(
        self, mentions: list[Mention], front: FrontDistance | None = None
    ) -> dict[int, Resolution]:
        """Resolve every site mention of one document, using the document as context.

        Pass 1 resolves each name alone (with its admin hint). Confident settlements become
        anchors for the whole document. Pass 2 re-resolves the names still in question
        (:meth:`_in_context`), and a small village far from its sentence's places is looked for
        in their oblast (:meth:`_stray_from_sentence`). ``front``, the front line of the
        document's date, weighs the namesakes the document itself leaves undecided.
        """
        queries = [self._query(m) for m in mentions]
        soft = [m.admin_hint if m.soft_hint else None for m in mentions]
        # regions first: the one oblast they name, if one, narrows the hints of the others
        alone = {i: self._alone(queries[i], m) for i, m in enumerate(mentions) if m.region}
        oblast = _named_oblast(mentions, alone, self.resolver.hint_oblasts, self.resolver.focus)
        first = [
            alone[i] if i in alone else self._alone(queries[i], m, oblast)
            for i, m in enumerate(mentions)
        ]
        for i, m in enumerate(mentions):
            if m.admin_hint is not None and first[i].query in m.readings:
                # read in the region named as another nominative ("у Лиманській громаді … у
                # Зарічному": Зарічне, not Зарічний): asked again under that one
                queries[i] = first[i].query
        for i, m in enumerate(mentions):
            if m.anchor is not None:  # "Karlivka, southeast of Pokrovsk": near Pokrovsk
                first[i] = self._by_anchor(queries[i], m, first[i])
        _repeats_follow_their_anchor(mentions, first)
        anchors, ambiguous = _anchors_and_questions(mentions, first)
        final = list(first)
        # key → its anchor points, each once
        anchored: dict[str, dict[tuple[float, float], None]] = {}
        for j, lat, lon in anchors:
            anchored.setdefault(mentions[j].key, {})[(lat, lon)] = None
        memo: _NearMemo = {}  # a name the document repeats meets the same context each time
        for i in ambiguous:
            final[i] = self._in_context(
                i, mentions, queries, first, anchored, ambiguous, memo, front
            )
        urban = self._urban_settlements(mentions, final)
        final = [self._hromada_seat(m, res, oblast) for m, res in zip(mentions, final, strict=True)]
        self._hromadas_of_one_oblast(mentions, final)
        self._cities_beside_their_sentences(mentions, queries, final)
        self._second_round(mentions, queries, first, final, front)
        self._keep_listed_in_region(mentions, queries, soft, final)
        _one_place_per_name(mentions, queries, first, final)
        self._cities_read_beside_their_sentences(mentions, final)
        focus = self.resolver.focus
        self._abroad_in_a_home_list(mentions, queries, final)
        self._alias_abroad_far_from_its_list(mentions, queries, final)
        self._city_in_a_village_list(mentions, final)
        self._in_a_named_hromada(mentions, queries, final)
        home = self._at_home(mentions, queries, final, front, oblast)
        self._far_from_its_list(mentions, queries, final, home)
        self._lookalike_at_home(mentions, queries, final, home)
        self._lookalike_by_its_list(mentions, queries, final)
        self._hromada_by_its_neighbours(mentions, final)
        _axes_outside_the_box(mentions, final)
        self._villages_by_their_neighbours(mentions, first, final)
        self._namesakes_by_their_list(mentions, final)
        self._soft_hint_far_from_its_sentence(mentions, queries, final)
        by_sentence = _anchors_by_sentence(mentions, anchors)
        for i, res in enumerate(final):
            m = mentions[i]
            place = res.place
            if (
                m.admin_hint
                or m.region
                or m.axis  # axes lie far apart by nature: "на Авдіївському … Запорізькому"
                or m.by_anchor  # its own anchor placed it: "Lozova, near Kupiansk, and …"
                or i in urban  # its marker chose it among namesakes none of which is nearer
                or place is None
                or place.lat is None  # not res.resolved
                or place.kind != "settlement"
                or place.population >= STRAY_MAX_POPULATION
            ):
                continue
            if (
                res.confidence >= CONFIDENT
                and place.country in focus
                and not _outgrew(res)
                and not m.latin_only  # matched in Latin only, it must stand by its list
            ):
                # a confident answer in the focus country stands on its own, unless it is one
                # reading of a case form and another is found where its sentence is
                # ("Сторожевого, рядом с Сухими Ялами": Сторожеве, not Сторожів of Rivne oblast)
                if m.readings and place.population < OTHER_READING_POPULATION:
                    other = self._reading_from_sentence(i, res, mentions, final, anchors, front)
                    final[i] = other or final[i]
                elif len(by_sentence.get(m.sentence, ())) > 2 and _far_from_its_front(
                    place, [(lat, lon) for j, lat, lon in by_sentence[m.sentence] if j != i]
                ):
                    # "…, Rodynske, Dorozhne, Novopavlivka, …": the Vinnytsia-oblast village
                    # once called Dorozhne, 600 km from the list, is sought where the list is
                    again = self._stray_from_sentence(
                        i, res, mentions, queries, final, anchors, front
                    )
                    final[i] = again or final[i]
                continue
            stray = self._stray_from_sentence(i, res, mentions, queries, final, anchors, front)
            if stray is not None:
                final[i] = stray
            elif _outgrew(res):
                if all(j == i for j, _, _ in by_sentence.get(m.sentence, ())):
                    # "…обійти Ямпіль з півночі та півдня" in a report of Lyman and Siversk:
                    # size alone chose a town 700 km from every place the document settled
                    final[i] = self._by_the_document(i, mentions, queries, final, anchors)
                if final[i] is res:  # "между Майским и Николаевкой" in a report on Chasiv Yar
                    final[i] = self._beside_the_documents_places(i, mentions, final, anchors)
        return dict(enumerate(final))

    def _urban_settlements(self, mentions: list[Mention], final: list[Resolution]) -> set[int]:
        """A name its marker says is an urban-type settlement ("селище Очеретиного Донецької
        області", "смт", "в посёлке"), whose namesakes nothing else told apart, is the largest of
        them when it has :data:`URBAN_MIN` people or more and :data:`URBAN_RATIO` times the next:
        the selyshche of 4,100 people, not the village of 940 that shares its name and oblast.
        ``final`` is updated in place; returns the mentions so decided."""
        decided: set[int] = set()
        for i, m in enumerate(mentions):
            res = final[i]
            if not m.urban or len(res.ambiguous) < 2:
                continue
            largest, second = sorted(
                (c.place for c in res.ambiguous), key=attrgetter("population"), reverse=True
            )[:2]
            if (
                largest.kind == "settlement"
                and largest.population >= URBAN_MIN
                and largest.population >= URBAN_RATIO * second.population
            ):
                why = (
                    f"{m.text}: an urban-type settlement, the largest of its namesakes "
                    f"({largest.population:,} people)"
                )
                chosen = self.resolver.choose(res, largest.place_id, why)
                if chosen is not None:
                    final[i] = chosen
                    decided.add(i)
        return decided

    def _cities_read_beside_their_sentences(
        self, mentions: list[Mention], final: list[Resolution]
    ) -> None:
        """A city (:data:`STRAY_MAX_POPULATION` or more) read from a case form that spells
        another name too, over :data:`STRAY_KM` from every settled place of its sentence, is that
        other name's one place within :data:`BESIDE_SENTENCE_KM` of one of them: "на напрямку
        Бердичів, Очеретиного" is the genitive of Бердичі, 7 km from Ocheretyne, not the city of
        Berdychiv 650 km west. ``final`` is updated in place."""
        focus = self.resolver.focus
        for i, m in enumerate(mentions):
            city = final[i].place
            if (
                not m.readings
                or city is None
                or city.kind != "settlement"
                or city.lat is None
                or city.population < STRAY_MAX_POPULATION
                or m.admin_hint
                or m.region
                or m.axis
                or m.metonymic
            ):
                continue
            near = [
                _point(place)
                for j, n in enumerate(mentions)
                if j != i
                and n.sentence == m.sentence
                and n.key != m.key
                and _settled(n, final[j], focus)
                and (place := final[j].place) is not None
            ]
            if not near or km_to_nearest(city, near) <= STRAY_KM:
                continue
            beside: dict[str, tuple[str, Resolution, Place]] = {}
            for reading in m.readings:
                other = self.resolver.resolve(reading)
                for c in other.ambiguous or other.candidates:
                    if (
                        c.place.kind == "settlement"
                        and c.place.lat is not None
                        and km_to_nearest(c.place, near) <= BESIDE_SENTENCE_KM
                    ):
                        beside.setdefault(c.place.place_id, (reading, other, c.place))
            if len(beside) != 1:
                continue
            ((_, other, place),) = beside.values()
            why = f"{m.text}: a form of {place.name}'s name beside its sentence's places"
            chosen = self.resolver.choose(other, place.place_id, f"{why}, not {city.name}")
            if chosen is None:
                continue
            final[i] = chosen
            for j in _lone_repeats(mentions, final, i, city, [n.key for n in mentions]):
                final[j] = chosen  # its repeats alone in their sentences follow

    def _cities_beside_their_sentences(
        self, mentions: list[Mention], queries: list[str], final: list[Resolution]
    ) -> None:
        """Each city (:data:`STRAY_MAX_POPULATION` or more) placed without a hint of its own,
        asked :meth:`_namesake_beside_its_sentence` before the namesakes are resolved together,
        so that the namesake it gives way to is context for them. ``final`` is updated in
        place."""
        by_sentence: dict[int, list[int]] | None = None
        for i, m in enumerate(mentions):
            place = final[i].place
            if (
                place is None
                or place.kind != "settlement"
                or place.population < STRAY_MAX_POPULATION
                or m.admin_hint
                or m.region
                or m.axis
                or m.metonymic
                or m.by_anchor
            ):
                continue
            if by_sentence is None:  # built once, for the first city asked
                by_sentence = {}
                for j, n in enumerate(mentions):
                    by_sentence.setdefault(n.sentence, []).append(j)
            beside = [j for j in by_sentence[m.sentence] if j != i]
            if beside:
                final[i] = self._namesake_beside_its_sentence(
                    i, final[i], beside, mentions, queries, final
                )

    def _namesake_beside_its_sentence(
        self,
        i: int,
        res: Resolution,
        beside: list[int],
        mentions: list[Mention],
        queries: list[str],
        final: list[Resolution],
    ) -> Resolution:
        """Mention ``i``, placed at a city (:data:`STRAY_MAX_POPULATION` or more) over
        :data:`STRAY_KM` from every confident settlement of its own sentence: its namesake
        within :data:`BESIDE_SENTENCE_KM` of one of them, when exactly one is. "Russian troops
        halt a counteroffensive on the Sumy front, regain control of Konstantinovka, and advance
        toward Kondratovka and Andreyevka" is the Sumy-oblast village 3 km from Kindrativka, not
        the Donetsk-oblast city 400 km off. A city named with far places keeps its place ("Missiles
        hit Kharkiv and Kostiantynivka"): no namesake lies beside them. ``beside`` are the other
        mentions of its sentence."""
        place = res.place
        if place is None or place.lat is None or place.lon is None:
            return res
        m = mentions[i]
        neighbours = [
            other
            for j in beside
            if not ((n := mentions[j]).axis or n.region or n.metonymic)
            and final[j].confidence >= CONFIDENT
            and not _outgrew(final[j])  # chosen by size alone, it is no evidence
            and (other := _located_settlement(final[j])) is not None
        ]
        near = [_point(other) for other in neighbours]
        if not near or any(
            haversine_km(place.lat, place.lon, lat, lon) <= STRAY_KM for lat, lon in near
        ):  # most cities lie by their sentence's places: a scalar check, no arrays
            return res
        taken = {other.place_id for other in neighbours}  # "west of Mykolaivka and … Mykolaiv"
        namesakes = [
            c.place
            for c in res.candidates
            if c.place.kind == "settlement"
            and c.place.place_id != place.place_id
            and c.place.place_id not in taken
            and c.place.country == place.country
            and c.place.lat is not None
            and km_to_nearest(c.place, near) <= BESIDE_SENTENCE_KM
        ]
        if len(namesakes) != 1:
            return res
        why = f"{m.text}: the namesake beside its sentence's places, not {place.name}"
        chosen = self.resolver.choose(res, namesakes[0].place_id, why)
        if chosen is None:
            return res
        names = [name_key(query) for query in queries]
        for j in _lone_repeats(mentions, final, i, place, names):
            # its repeats alone in their sentences: the same place
            final[j] = self.resolver.choose(final[j], namesakes[0].place_id, why) or final[j]
        return chosen

    def _by_the_document(
        self,
        i: int,
        mentions: list[Mention],
        queries: list[str],
        final: list[Resolution],
        anchors: list[tuple[int, float, float]],
    ) -> Resolution:
        """Mention ``i``, alone in its sentence and placed by size alone (:func:`_outgrew`),
        over :data:`STRAY_KM` from every settled place of the document (axes aside, where they
        still stand): its namesake within :data:`CONTEXT_NEAR_KM` of two of them at least, when
        they decide one; else its answer as it stands."""
        res = final[i]
        m, place = mentions[i], res.place
        points = _documents_places(i, mentions, final, anchors)
        if place is None or len(points) < 2 or km_to_nearest(place, points) <= STRAY_KM:
            return res
        again = self.resolver.resolve(queries[i], near=tuple(points))
        found = _located_settlement(again)
        if again.ambiguous or found is None:
            return res
        # a town hundreds of km from every place of the document asks less of its namesake
        # ("in Yampil" in a report on Kupiansk, Kostiantynivka and Vovchansk: the Donetsk-oblast
        # Yampil, 49 and 87 km from two of them, not the Vinnytsia town 650 km off)
        wide = km_to_nearest(place, points) >= FAR_FROM_ALL_KM
        near_km = WIDE_NEAR_KM if wide else CONTEXT_NEAR_KM
        by = {p for p in points if haversine_km(*_point(found), *p) < near_km}
        if len(by) < 2:  # one place near it is no evidence against size
            return res
        m.notes.append(f"{m.text}: the namesake by the document's places, not {place.name}")
        return again

    def _beside_the_documents_places(
        self,
        i: int,
        mentions: list[Mention],
        final: list[Resolution],
        anchors: list[tuple[int, float, float]],
    ) -> Resolution:
        """Mention ``i``, placed by size alone (:func:`_outgrew`) at a town
        :data:`BESIDE_FAR_KM` or more from every settled place of the document: the one
        namesake within :data:`BESIDE_KM` of two of them at least, when one is. "на участке между
        Майским и Николаевкой" in a report on Chasiv Yar, Stupochky and Maiske is the village of
        644 people 3 km from Chasiv Yar, not the town of 16,000 by Sloviansk, 26 km off."""
        res = final[i]
        m, place = mentions[i], res.place
        points = _documents_places(i, mentions, final, anchors)
        if place is None or len(points) < 2 or km_to_nearest(place, points) < BESIDE_FAR_KM:
            return res
        beside = [c for c in _beside_two(res, points, BESIDE_KM) if c.country == place.country]
        if len(beside) != 1:
            return res
        why = f"{m.text}: the namesake beside the document's places, not {place.name}"
        return self.resolver.choose(res, beside[0].place_id, why) or res

    def _abroad_in_a_home_list(
        self, mentions: list[Mention], queries: list[str], final: list[Resolution]
    ) -> None:
        """A name placed outside the focus countries by size alone (over alike namesakes, or as
        one reading of a case form), listed with settled places all in them ("по Степногорску и
        Железнодорожному": the Zaporizhzhia village, not the Moscow-oblast town its dative also
        spells), is resolved again inside them, with its sentence's places as context; kept
        only if that finds one, or, for a case form over :data:`FAR_FROM_HOME_KM` from them whose
        reading has namesakes there that nothing tells apart, their region ("в Отрадном" beside
        Vovchansk: Kharkiv oblast, not Otradnyy of Samara oblast). A case form alone in its
        sentence whose name as written is a small town abroad ("жительница Межевой": not the
        Chelyabinsk-oblast Межевой) is read at home too, when one place there bears its other
        reading."""
        focus = self.resolver.focus
        for i, res in enumerate(final):
            m, place = mentions[i], res.place
            if place is None or place.country in focus or m.region or m.metonymic or m.admin_hint:
                continue
            oblast = _listed_under_oblast(i, mentions, final, focus)
            if oblast is not None:  # "settlements in the Kherson region, … Arkhangelsk and …"
                again = self.resolver.resolve(queries[i], admin1=oblast)
                found = again.place
                if (
                    found is not None
                    and found.admin1_code == oblast
                    and found.kind == "settlement"
                    and again.resolved
                    and not again.ambiguous
                    and again.resolution is not ResolutionKind.REGION_FALLBACK
                ):
                    note = (
                        f"{place.name} ({place.country}) is abroad; its list is in "
                        f"{again.admin1_name or oblast}, which its sentence names"
                    )
                    final[i] = replace(again, reason=f"{note}; {again.reason}")
                    continue
            if not (m.readings or _outgrew(res)):
                continue  # "Missiles hit Rostov and Kramatorsk": Rostov-on-Don, by far
            if not m.readings and _town_abroad(place, res, focus, CITY_ABROAD_POPULATION):
                continue  # "Missiles hit Valuyki and Kupiansk": the Belgorod-oblast town
            beside = [
                final[j].place
                for j, other in enumerate(mentions)
                if j != i and other.sentence == m.sentence and final[j].place is not None
            ]
            points = tuple(
                (p.lat, p.lon)
                for p in beside
                if p is not None and p.lat is not None and p.lon is not None
            )
            if any(p is not None and p.country not in focus for p in beside):
                continue
            if not points and not (m.readings and place.population < STRAY_MAX_POPULATION):
                continue  # alone, only a small town's name abroad gives way to a home reading
            far = bool(points) and km_to_nearest(place, points) > FAR_FROM_HOME_KM
            regional: Resolution | None = None
            for query in (queries[i], *m.readings):  # "Железнодорожному": -ный or -ное
                again = self.resolver.resolve(query, country=focus[0], near=points or None)
                if again.place is None or again.place.country not in focus or not again.resolved:
                    continue
                if not again.ambiguous:
                    note = f"{place.name} ({place.country}) is abroad; its list is in {focus[0]}"
                    final[i] = replace(again, reason=f"{note}; {again.reason}")
                    break
                if far and regional is None and again.resolution is ResolutionKind.REGION_FALLBACK:
                    regional = again
            else:
                if regional is not None:
                    # "вели бои в Отрадном" beside Vovchansk: one of two Odradne of Kharkiv
                    # oblast, not Otradnyy of Samara oblast 1,000 km away; the oblast, honestly
                    note = (
                        f"{place.name} ({place.country}) is abroad, "
                        f"{km_to_nearest(place, points):.0f} km from its sentence's places"
                    )
                    final[i] = replace(regional, reason=f"{note}; {regional.reason}")

    def _alias_abroad_far_from_its_list(
        self, mentions: list[Mention], queries: list[str], final: list[Resolution]
    ) -> None:
        """A place outside the focus countries matched by a name other than its own (an old or
        alternate name: "Stepnoy", Elista's from 1944 to 1957), listed with :data:`LISTED_AT_HOME`
        settled places at home or more and over :data:`FAR_FROM_HOME_KM` from all of them
        ("Malaya Tokmachka, Krasnoye, Malinovka, Stepnoy and Kamensky"), is looked for at home
        near them; when nothing there answers, a town of :data:`STRAY_MAX_POPULATION` or more
        is not placed (no point 600 km into Russia for a Zaporizhzhia village), and a village
        is left to the search of its sentence's oblast, as the other strays are. ``final`` is
        updated in place."""
        focus = self.resolver.focus
        for members in _lists(mentions):
            home = [
                _point(place)
                for j in members
                if (place := final[j].place) is not None
                and place.country in focus
                and place.kind == "settlement"
                and _settled(mentions[j], final[j], focus)
            ]
            if len(home) < LISTED_AT_HOME:
                continue
            for i in members:
                m, res = mentions[i], final[i]
                place = res.place
                if (
                    place is None
                    or place.lat is None
                    or place.country in focus
                    or m.region
                    or m.metonymic
                    or not res.candidates
                    or res.candidates[0].name_kind == "official"
                    or (far := km_to_nearest(place, home)) <= FAR_FROM_HOME_KM
                ):
                    continue
                again = self.resolver.resolve(queries[i], country=focus[0], near=tuple(home))
                if (
                    again.resolved
                    and not again.ambiguous
                    and again.place is not None
                    and again.place.country in focus
                    and again.resolution is not ResolutionKind.REGION_FALLBACK
                ):
                    note = f"{place.name} ({place.country}) is far from its list at home"
                    final[i] = replace(again, reason=f"{note}; {again.reason}")
                    continue
                if place.population < STRAY_MAX_POPULATION:
                    continue  # a village: sought in its sentence's oblast with the other strays
                note = (
                    f"{m.text}: {place.name} ({place.country}), by the name "
                    f"{res.candidates[0].matched_name!r}, lies "
                    f"{far:.0f} km from the places listed with it; "
                    "not placed"
                )
                final[i] = _not_placed(res, note)

    def _city_in_a_village_list(self, mentions: list[Mention], final: list[Resolution]) -> None:
        """A city of :data:`LIST_CITY_POPULATION` or more listed with villages (places under
        :data:`LIST_VILLAGE_POPULATION`) that all lie within :data:`LIST_VILLAGE_KM` of a village
        that shares its name, the settled ones all over :data:`TOWN_FAR_KM` from the city, is
        that village: "assault operations near Zaporizhzhia, Mirne, Razliv, and Vesele" names
        the Donetsk-oblast village Zaporizhzhia, not the city 130 km west. A long list along a
        front (:data:`LONG_LIST` settled places) may hold one small town and spread further
        (:func:`_surrounded`): "… Huliaipole, Levadne, Robotyne, Charivne, Malynivka, Novodarivka,
        Kamianske, and Piatykhatky" names the Zaporizhzhia village Kamianske, not the city of
        240,000 in Dnipropetrovsk oblast. The other places count by their place, or by every
        namesake when left open; at least two must. Of villages that fit, the one nearest the
        list wins by :data:`LIST_VILLAGE_RATIO`, or none does. ``final`` is updated in place."""
        focus = self.resolver.focus
        for listed in _lists(mentions):
            members = [
                i
                for i in listed
                if not any((mentions[i].region, mentions[i].axis, mentions[i].metonymic,
                            mentions[i].frames))
            ]  # fmt: skip
            if len(members) < 3:
                continue
            for i in members:
                res, city = final[i], final[i].place
                if (
                    city is None
                    or city.kind != "settlement"
                    or city.population < LIST_CITY_POPULATION
                    or city.lat is None
                ):
                    continue
                others = [_member_points(final[j]) for j in members if j != i]
                others = [points for points in others if points]
                settled = [points[0] for points in others if len(points) == 1]
                towns = [  # "strikes hit Zaporizhzhia, Pokrovsk and Kurakhove": cities all
                    other.population
                    for j in members
                    if j != i
                    and (other := final[j].place) is not None
                    and other.kind == "settlement"
                    and other.population >= LIST_VILLAGE_POPULATION
                ]
                long = len(settled) >= LONG_LIST  # a front's list may hold one small town
                if (
                    len(others) < 2
                    or not settled
                    or km_to_nearest(city, settled) <= TOWN_FAR_KM
                    or len(towns) > (1 if long else 0)
                    or max(towns, default=0) >= STRAY_MAX_POPULATION
                ):
                    continue
                from_city = (  # the list's median member's distance from the city
                    _median([haversine_km(*_point(city), *point) for point in settled])
                    if long
                    else 0.0
                )
                fits = sorted(
                    (sum(reach), c.place.place_id)
                    for c in res.candidates
                    if c.place.kind == "settlement"
                    and c.place.country in focus
                    and c.place.place_id != city.place_id
                    and c.place.lat is not None
                    and _surrounded(
                        reach := [km_to_nearest(c.place, points) for points in others],
                        long,
                        from_city,
                    )
                )
                if not fits or (len(fits) > 1 and fits[0][0] > LIST_VILLAGE_RATIO * fits[1][0]):
                    continue  # none, or two villages the list surrounds alike
                why = (
                    f"{mentions[i].text}: listed with places all over {TOWN_FAR_KM:.0f} km from "
                    f"{city.name}, around the village of that name"
                )
                chosen = self.resolver.choose(res, fits[0][1], why)
                if chosen is not None:
                    final[i] = chosen

    def _at_home(
        self,
        mentions: list[Mention],
        queries: list[str],
        final: list[Resolution],
        front: FrontDistance | None,
        code: str | None,
    ) -> tuple[str, tuple[tuple[float, float], ...]] | None:
        """A report from one oblast (:func:`_home_oblast`: it names ``code`` and no other, and
        nearly all its settled places lie there, or it settles none) reads its names that
        nothing else decided in that oblast, nearest its places there. A town chosen over its
        namesakes by size alone gives way to a namesake in the oblast a third as far from them,
        within :data:`HOME_KM` ("в Каменском" in a Zaporizhzhia administration's report: the village
        by Vasylivka, not the Dnipropetrovsk city). Namesakes left open, and a name its
        neighbours chose over a namesake in the oblast, are decided by one within
        :data:`~geo.gazetteer.clusters.CLUSTER_KM` of them; a name alone in its sentence, whose
        namesakes left open have one in the oblast, by that one within :data:`HOME_KM`. Not a
        name whose sentence has settled places elsewhere (other than such names: "hit
        Kamyanske and Yehorivka"), a region, an axis, or a name with a region of its own;
        kept only if the oblast decides. ``final`` is updated in place; the oblast's code and
        its settled places are returned for a one-oblast report, else None."""
        focus = self.resolver.focus
        home = _home_oblast(mentions, final, focus, code)
        if home is None or code is None:
            return None
        points, count, total = home
        near = list(points)
        raions = _named_raions(mentions, final, code)
        for i, res in enumerate(final):
            m, place = mentions[i], res.place
            if m.region or m.axis or m.metonymic or m.frames or m.admin_hint or not m.known:
                continue
            if res.ambiguous:
                at_home = sum(c.place.admin1_code == code for c in res.ambiguous)
                if not at_home:
                    continue
                # a name alone in its sentence with one namesake in the oblast: the oblast
                # decides, as far as HOME_KM ("освободили населенный пункт Искра" in a report
                # from the DPR); a list's member lies by its list ("окрестности
                # Железнодорожного и Красного"), and of several namesakes the one by the
                # report's places is meant
                reach = HOME_KM if at_home == 1 and not _named_beside(i, mentions) else CLUSTER_KM
            elif place is not None and _may_come_home(res, code):
                if not _outgrew(res):
                    reach = CLUSTER_KM  # its neighbours' choice gives way to a namesake as near
                elif near:
                    reach = min(HOME_KM, km_to_nearest(place, near) / 3)
                else:
                    reach = HOME_KM
            else:
                continue
            elsewhere = [
                final[j].place
                for j, other in enumerate(mentions)
                if j != i
                and other.sentence == m.sentence
                and _settled(other, final[j], focus)
                and not _may_come_home(final[j], code)  # "hit Kamyanske and Yehorivka": both
                # a name its context placed unsurely is no evidence ("Покровку" of a Kherson
                # list, first read 261 km off in Kirovohrad oblast)
                and final[j].confidence >= CONFIDENT
            ]
            if any(p is not None and p.admin1_code != code for p in elsewhere):
                continue  # its own sentence names places elsewhere
            again = self.resolver.resolve(queries[i], admin1=code, near=points or None, front=front)
            if again.ambiguous and raions:
                again = self._in_a_named_raion(queries[i], again, raions, front)
            if again.ambiguous and near:
                again = self._nearest_and_largest(again, near)
            found = again.place
            if (
                found is None
                or found.admin1_code != code
                or found.lat is None
                or again.ambiguous
                or again.resolution is ResolutionKind.REGION_FALLBACK
                or (near and km_to_nearest(found, near) > reach)
            ):
                continue
            oblast_name = again.admin1_name or code
            note = (
                f"{m.text}: {count} of the document's {total} settled places lie in "
                f"{oblast_name}, which it names"
                if total
                else f"{m.text}: the document names {oblast_name} and settles no place elsewhere"
            )
            final[i] = replace(again, reason=f"{note}; {again.reason}")
        self._readings_at_home(mentions, final, front, code, points)
        return code, points

    def _readings_at_home(
        self,
        mentions: list[Mention],
        final: list[Resolution],
        front: FrontDistance | None,
        code: str,
        points: tuple[tuple[float, float], ...],
    ) -> None:
        """In a one-oblast report (:meth:`_at_home`), a case form placed outside the oblast whose
        other reading names one place there, within :data:`HOME_KM` of the report's places, is
        that place: "удари по Темирівці" in a Zaporizhzhia administration's report is
        Темирівка by Huliaipole, not the village Темирівці of Ivano-Frankivsk oblast. Not where
        the name's own sentence settles places elsewhere. ``final`` is updated in place."""
        focus = self.resolver.focus
        for i, res in enumerate(final):
            m, place = mentions[i], res.place
            if (
                not m.readings
                or m.region
                or m.axis
                or m.metonymic
                or m.admin_hint
                or place is None
                or place.kind != "settlement"
                or place.admin1_code == code
                or any(
                    j != i
                    and other.sentence == m.sentence
                    and _settled(other, final[j], focus)
                    and (p := final[j].place) is not None
                    and p.admin1_code != code
                    for j, other in enumerate(mentions)
                )
            ):
                continue
            for reading in m.readings:
                again = self.resolver.resolve(
                    reading, admin1=code, near=points or None, front=front
                )
                found = again.place
                if (
                    found is not None
                    and found.admin1_code == code
                    and found.lat is not None
                    and not again.ambiguous
                    and again.resolution is not ResolutionKind.REGION_FALLBACK
                    and (not points or km_to_nearest(found, points) <= HOME_KM)
                ):
                    note = f"{m.text}: read as a form of {reading}, in the oblast the report names"
                    final[i] = replace(again, reason=f"{note}; {again.reason}")
                    break

    def _in_a_named_hromada(
        self, mentions: list[Mention], queries: list[str], final: list[Resolution]
    ) -> None:
        """A report on a hromada's villages (it names the hromada, placed at its centre, and
        places :data:`HROMADA_PLACES` of its other names in it) reads a name that has a namesake
        there as that one, whatever size or its neighbours chose: "Хотінська громада … двоє
        людей в Олексіївці та шестеро в Кіндратівці … Населення з Володимирівки,
        Новомиколаївки та Андріївки евакуйовано. Чотирьох людей забрали з Костянтинівки" is
        Khotin hromada's Kindrativka and Kostiantynivka, not the Donetsk-oblast town and its
        neighbour. Not a region, an axis or a name with a hint of its own. ``final`` is updated
        in place."""
        hromadas: dict[str, tuple[str, str]] = {}  # code → (its name as a hint, its oblast)
        for m, res in zip(mentions, final, strict=True):
            place = res.place
            if _hromada(m) and place is not None and place.admin3_code and place.admin1_code:
                hromadas[place.admin3_code] = (m.query or m.text, place.admin1_code)
        if not hromadas:
            return
        inside: dict[str, set[str]] = {}  # code → the keys of the names placed in it
        for m, res in zip(mentions, final, strict=True):
            place = res.place
            if not m.region and place is not None and place.admin3_code in hromadas:
                inside.setdefault(place.admin3_code, set()).add(m.key)
        for i, m in enumerate(mentions):
            place = final[i].place
            if m.region or m.axis or m.metonymic or m.frames or m.admin_hint or not m.known:
                continue
            if place is not None and place.admin3_code in hromadas:
                continue
            for code, keys in inside.items():
                if len(keys - {m.key}) < HROMADA_PLACES:
                    continue
                hint, oblast = hromadas[code]
                again = self.resolver.resolve(queries[i], admin1=oblast, admin2=hint)
                found = again.place
                if (
                    again.ambiguous
                    or found is None
                    or found.kind != "settlement"  # none there: the hromada at region level
                    or found.admin3_code != code
                ):
                    continue
                note = f"{m.text}: in {hint}, where the document places {len(keys)} of its names"
                final[i] = replace(again, reason=f"{note}; {again.reason}")
                break

    def _in_a_named_raion(
        self,
        query: str,
        res: Resolution,
        raions: dict[str, Place],
        front: FrontDistance | None,
    ) -> Resolution:
        """``res`` (namesakes of a one-oblast report left open in its oblast) decided by the
        raions the report names: the one namesake in one of them ("обстрелам подверглись
        населенные пункты Изюмского, Купянского, Чугуевского и Харьковского районов … с.
        Чернещина": the Cherneshchyna of Izium raion, not those of Berestyn or Bohodukhiv raion),
        else ``res``."""
        inside = [c.place.admin2_code for c in res.ambiguous if c.place.admin2_code in raions]
        if len(inside) != 1 or inside[0] is None:  # none, or two namesakes in named raions
            return res
        raion = raions[inside[0]]
        again = self.resolver.resolve(
            query, admin1=raion.admin1_code, admin2=raion.name, front=front
        )
        if again.ambiguous or again.place is None or again.place.admin2_code != raion.admin2_code:
            return res
        note = f"{query}: the one in {raion.name}, which the document names"
        return replace(again, reason=f"{note}; {again.reason}")

    def _far_from_its_list(
        self,
        mentions: list[Mention],
        queries: list[str],
        final: list[Resolution],
        home: tuple[str, tuple[tuple[float, float], ...]] | None,
    ) -> None:
        """In a one-oblast report (``home``: the oblast's code and its settled places), a name
        listed with :data:`LISTED_AT_HOME` places of the oblast or more and placed outside it,
        over :data:`FAR_FROM_HOME_KM` from every settled place there, is read in the oblast:
        its one namesake there within :data:`HOME_KM` of those places, or the oblast itself when
        several are ("Софіївка" in a Kherson administration's list: one of Kherson oblast's
        Sofiivkas, not the largest, 330 km north). Else it is left unplaced with the reason,
        rather than drawn across the country ("Львов" in a list of right-bank villages: the
        outlet's spelling of Львове, not Lviv). Not a name with a region of its own, a region,
        an axis or a seat of government speaking."""
        if home is None:
            return
        code, points = home
        near = list(points)
        if not near:
            return  # nothing settled to be far from
        for members in _lists(mentions):
            at_home = {
                place.place_id
                for j in members
                if (place := final[j].place) is not None
                and place.admin1_code == code
                and not mentions[j].region
            }
            if len(at_home) < LISTED_AT_HOME:
                continue
            for i in members:
                m, res = mentions[i], final[i]
                place = res.place
                if (
                    m.region
                    or m.axis
                    or m.metonymic
                    or m.admin_hint
                    or place is None
                    or place.lat is None
                    or place.kind != "settlement"
                    or place.admin1_code == code
                ):
                    continue
                far = km_to_nearest(place, near)
                if far <= FAR_FROM_HOME_KM:
                    continue
                oblast = self.resolver.admin_name(code) or code
                note = (
                    f"{m.text}: {place.name} lies {far:.0f} km from every settled place of this "
                    f"report on {oblast}, with which it is listed"
                )
                there = self.resolver.resolve(queries[i], admin1=code)
                if (
                    there.place is not None
                    and there.place.admin1_code == code
                    and (
                        _namesakes_in(there)
                        or (
                            there.place.kind == "settlement"
                            and km_to_nearest(there.place, near) <= HOME_KM
                        )
                    )
                ):
                    final[i] = replace(there, reason=f"{note}; read there; {there.reason}")
                else:
                    final[i] = _not_placed(res, f"{note}; not placed")

    def _lookalike_at_home(
        self,
        mentions: list[Mention],
        queries: list[str],
        final: list[Resolution],
        home: tuple[str, tuple[tuple[float, float], ...]] | None,
    ) -> None:
        """In a one-oblast report (``home``: the oblast's code and its settled places), a village
        placed in another oblast over :data:`HOME_STRAY_KM` from every settled place of the
        report, named in a sentence whose other settled places all lie in the oblast, is the
        oblast's one settlement spelt like it within :data:`HOME_KM` of those places
        ("Stepova Novoselivka, Kolesnykivka, Berestove" on "the Kharkiv front": Kolisnykivka,
        not the Luhansk-oblast village 160 km away); with none, over :data:`FAR_FROM_HOME_KM`
        it is not placed ("near Tykhyi and Vovchansk": no Zakarpattia village 1,000 km west).
        Not a town of :data:`VILLAGE_MAX` people or more (Nova Kakhovka in a roundup, where the
        wounded were taken), nor a name with a region of its own, a region, an axis or a seat
        of government speaking.
        ``final`` is updated in place."""
        if home is None or not home[1]:
            return
        code, points = home
        near = list(points)
        focus = self.resolver.focus
        for i, res in enumerate(final):
            m, place = mentions[i], res.place
            if (
                m.region
                or m.axis
                or m.metonymic
                or m.frames
                or m.admin_hint
                or not m.known
                or place is None
                or place.lat is None
                or place.kind != "settlement"
                or place.admin1_code == code
                or place.country not in focus
                or place.population >= VILLAGE_MAX
            ):
                continue
            far = km_to_nearest(place, near)
            if far <= HOME_STRAY_KM:
                continue
            beside = [
                final[j].place
                for j, other in enumerate(mentions)
                if j != i and other.sentence == m.sentence and _settled(other, final[j], focus)
            ]
            if not beside or any(p is None or p.admin1_code != code for p in beside):
                continue
            oblast = self.resolver.admin_name(code) or code
            found = self.resolver.lookalike(
                queries[i], code, [_point(p) for p in beside if p is not None]
            )
            if (
                found is not None
                and found.place is not None
                and km_to_nearest(found.place, near) <= HOME_KM
            ):
                note = f"{m.text}: {place.name} lies {far:.0f} km from this report on {oblast}"
                final[i] = replace(found, reason=f"{note}; {found.reason}")
            elif far > FAR_FROM_HOME_KM:
                note = (
                    f"{m.text}: {place.name} lies {far:.0f} km from every settled place of this "
                    f"report on {oblast}, beside its places; not placed"
                )
                final[i] = _not_placed(res, note)

    def _lookalike_by_its_list(
        self, mentions: list[Mention], queries: list[str], final: list[Resolution]
    ) -> None:
        """A list member that its one spelling placed over :data:`HOME_STRAY_KM` from each of
        its list's other settled members (two at least) is the settlement spelt like it within
        :data:`CLUSTER_KM` of them, in one of their oblasts, when just one such lies there:
        "біля Синьківки, Глушківки, Колесниківки та Стельмахівки" on the Kupiansk front is
        Kharkiv oblast's Колісниківка (Колесниковка in Russian, whose vowel the outlet kept),
        5 km from Hlushkivka, not the Luhansk-oblast Колесниківка 130 km east. Not a town of
        :data:`VILLAGE_MAX` people or more, nor a name with a region of its own, a region, an
        axis, or one whose namesakes were left open. ``final`` is updated in place."""
        focus = self.resolver.focus
        for members in _lists(mentions):
            if len(members) < 3:
                continue
            settled = {
                j: place
                for j in members
                if _settled(mentions[j], final[j], focus)
                and (place := final[j].place) is not None
                and place.kind == "settlement"
            }
            for i in members:
                m, place = mentions[i], settled.get(i)
                if (
                    place is None
                    or place.population >= VILLAGE_MAX
                    or m.admin_hint
                    or m.axis
                    or m.region
                    or m.metonymic
                ):
                    continue
                others = [p for j, p in settled.items() if j != i]
                if len(others) < 2:
                    continue
                points = [_point(p) for p in others]
                if km_to_nearest(place, points) <= HOME_STRAY_KM:
                    continue
                found = []
                for code in dict.fromkeys(p.admin1_code for p in others if p.admin1_code):
                    like = self.resolver.lookalike(queries[i], code, points)
                    if (
                        like is not None
                        and like.place is not None
                        and like.place.place_id != place.place_id
                        and km_to_nearest(like.place, points) <= CLUSTER_KM
                    ):
                        found.append(like)
                if len(found) == 1:
                    (like,) = found
                    far = km_to_nearest(place, points)
                    note = f"{m.text}: {place.name} lies {far:.0f} km from its list's places"
                    final[i] = replace(like, reason=f"{note}; {like.reason}")

    def _hromada_by_its_neighbours(self, mentions: list[Mention], final: list[Resolution]) -> None:
        """An English hromada named after a town ("the Pokrovsk community") placed at a centre
        over :data:`HOME_STRAY_KM` from every settled place of the document is the hromada
        whose Ukrainian adjective the name makes (:func:`_latin_hromada_adjectives`:
        Pokrovska) nearest those places, when its centre lies within :data:`HOME_KM` of them
        and a third as far as the first; of such hromadas about as near (within 1.5 times),
        the one whose centre has :data:`SEAT_SIZE_RATIO` times the people of each other's. In
        a report on Nikopol, Marhanets and Myrove, "the Pokrovsk community" is the town of
        Pokrov's (Pokrovska hromada of Nikopol raion; the village Pokrovske's beside it is a
        fifteenth its size), not the Donetsk city's 250 km away. ``final`` is updated in
        place."""
        focus = self.resolver.focus
        for i, res in enumerate(final):
            m, place = mentions[i], res.place
            if not (_hromada(m) and m.text[:1] < "\u0400") or place is None or place.lat is None:
                continue
            points = [
                _point(p)
                for j, other in enumerate(mentions)
                if other.query != m.query  # its repeats count for nothing
                and (p := final[j].place) is not None
                and _settled(other, final[j], focus)
            ]
            if not points:
                continue
            far = km_to_nearest(place, points)
            if far <= HOME_STRAY_KM:
                continue
            name = (m.query or "").removesuffix(" hromada")
            seats = {
                centre.place_id: centre
                for form in _latin_hromada_adjectives(name)
                for hit in self.resolver.store.lookup(name_key(form))
                if hit.place.kind == "admin3"
                and (centre := self.resolver.hromada_centre(hit.place.admin3_code)) is not None
                and centre.lat is not None
            }
            km = {pid: km_to_nearest(centre, points) for pid, centre in seats.items()}
            if not km or min(km.values()) > min(HOME_KM, far / 3):
                continue
            reach = ANCHOR_RATIO * min(km.values())
            close = [seats[pid] for pid, d in km.items() if d <= reach]
            seat = max(close, key=lambda p: p.population)
            if any(
                p is not seat and p.population * SEAT_SIZE_RATIO > seat.population for p in close
            ):
                continue  # two hromadas of the name about as near and alike in size
            unit = self.resolver.admin_name(seat.admin3_code) or name
            note = (
                f"{unit}: placed at its centre {seat.name}, {km[seat.place_id]:.0f} km from the "
                f"document's places ({place.name}, the centre first found, lies {far:.0f} km away)"
            )
            first, _, rest = res.reason.partition("; ")  # "…: placed at its centre Pokrovsk"
            reason = rest if "placed at its centre" in first else res.reason
            final[i] = self._at_seat(res, Candidate(seat, 1.0, name, "alias", (note,)), reason)

    def _nearest_and_largest(
        self, res: Resolution, points: list[tuple[float, float]]
    ) -> Resolution:
        """Of namesakes left open, the one both nearest ``points`` and the largest, by twice
        its runner-up's people ("Каменское" of a Zaporizhzhia report: the village of 2,639
        by Vasylivka over one of 292 farther south); else ``res`` as it was."""
        located = [c.place for c in res.ambiguous if c.place.lat is not None]
        if len(located) < 2:
            return res
        nearest = min(located, key=lambda p: km_to_nearest(p, points))
        largest = sorted(located, key=lambda p: p.population, reverse=True)
        if largest[0] is not nearest or nearest.population < 2 * largest[1].population:
            return res
        chosen = self.resolver.choose(res, nearest.place_id, "the nearest and the largest")
        return chosen if chosen is not None else res

    def _keep_listed_in_region(
        self,
        mentions: list[Mention],
        queries: list[str],
        soft: list[str | None],
        final: list[Resolution],
    ) -> None:
        """A name of a list whose region the sentence names ("Могрица, Яблоновка, ... на
        территории Сумской области") with no namesake there, while most of the list lies there:
        the region (precision 3), not a namesake in another oblast nor nothing (a spelling the
        gazetteer lacks, most likely). ``final`` is updated in place."""

        def oblast(res: Resolution) -> str | None:
            return res.place.admin1_code if res.place is not None else None

        for i, m in enumerate(mentions):
            hint = soft[i]
            if hint is None or m.soft_hint:
                continue  # no soft hint, or it held
            peers = [
                j
                for j in range(len(mentions))
                if j != i and soft[j] == hint and mentions[j].sentence == m.sentence
            ]
            if len(peers) < 2:
                continue
            region = self.resolver.resolve(queries[i], admin1=hint)
            code = oblast(region)
            if region.resolution is not ResolutionKind.REGION_FALLBACK or code is None:
                continue
            inside = [j for j in peers if oblast(final[j]) == code]
            if len(inside) * 2 > len(peers) and oblast(final[i]) != code:
                m.notes.append(
                    f"{queries[i]}: listed with places of {hint}, none of its name there"
                )
                final[i] = region

    def _soft_hint_far_from_its_sentence(
        self, mentions: list[Mention], queries: list[str], final: list[Resolution]
    ) -> None:
        """A region after one name is a soft hint of its sentence's others, but not where it
        sends one over :data:`CONTEXT_NEAR_KM` from the sentence's other places when, without
        it, the name lies by them at half the distance or less: "шлях з Покровського
        Дніпропетровської області до Гуляйполя" is the Zaporizhzhia town, 35 km from Pokrovske,
        not the Dnipropetrovsk-oblast village 155 km west. A neighbour the same soft hint placed
        surely is one of the sentence's places ("На донецькому напрямку … Івано-Дар'ївки та
        Золотарівки": the Luhansk-oblast village 8 km from Ivano-Darivka, not the Donetsk-oblast
        one 90 km south). The name's other readings are tried too ("у районах Зірки, Федорівки,
        Шевченка, Ялти … на новопавлівському напрямку, що межує із Дніпропетровською областю":
        the Шевченко 5 km from Vilne Pole, not the Dnipropetrovsk-oblast village Шевченка 60 km
        north). A name its marker calls a village keeps the hint ("В Чугуевском районе
        … с. Рубежное"). Nor does a name listed with one that has no place in that region, however
        near it sends it ("Марьинка и Красногоровка, громко было на окраинах Очеретинской
        громады": the town 4 km from Marinka, not the Krasnohorivka renamed Yasnohorivka 35 km
        north, in that hromada). ``final`` is updated in place."""
        # the lists (sentence, group) one of whose names had its soft hint dropped
        outside = {(n.sentence, n.group) for n in mentions if n.hint_dropped and n.group >= 0}
        for i, m in enumerate(mentions):
            place = _located_settlement(final[i])
            if place is None or not m.soft_hint or m.village or m.axis or m.region:
                continue
            partner_outside = (m.sentence, m.group) in outside
            near = [
                _point(other)
                for j, n in enumerate(mentions)
                if j != i
                and n.sentence == m.sentence
                and not (n.axis or n.region)
                # a name the same soft hint placed surely is one of the sentence's places too
                and (not n.soft_hint or final[j].confidence >= CONFIDENT)
                and (other := _located_settlement(final[j])) is not None
            ]
            if not near or (km_to_nearest(place, near) <= CONTEXT_NEAR_KM and not partner_outside):
                continue
            for reading in (queries[i], *m.readings):
                plain = self.resolver.resolve(reading, near=tuple(near))
                found = _located_settlement(plain)
                if (
                    plain.ambiguous
                    or found is None
                    or km_to_nearest(found, near) * 2 > km_to_nearest(place, near)
                    or not _near_any(found, near)
                ):
                    continue
                m.admin_hint, m.soft_hint = None, False
                m.notes.append(
                    f"{queries[i]}: by its sentence's places, not in the region it names"
                    + ("" if reading == queries[i] else f", read as a form of {reading}")
                )
                final[i] = plain
                break

    def _alone(self, query: str, m: Mention, oblast: str | None = None) -> Resolution:
        """``query`` resolved with its mention's hint. A soft hint (a region elsewhere in the
        sentence: "В Чугуевском районе ... с. Рубежное") decides namesakes only when one lies
        in it; a name with none there is resolved as if the hint were not given. A hint that
        several units bear ("Шевченковской громады": hromadas of three oblasts) is read in
        ``oblast``, the one oblast the document names, when that decides."""
        res = self.resolver.resolve(query, admin1=m.admin_hint)
        if (
            oblast is not None
            and m.admin_hint is not None
            and res.ambiguous
            and len(hint := self.resolver.hint_oblasts(m.admin_hint)) > 1
            and oblast in hint
        ):
            narrowed = self.resolver.resolve(query, admin1=oblast, admin2=m.admin_hint)
            if (
                narrowed.place is not None
                and not narrowed.ambiguous
                and narrowed.resolution not in _NOT_IN_SOFT_HINT
                and narrowed.place.admin1_code == oblast
            ):
                note = f"{m.admin_hint} read in {narrowed.admin1_name}, the oblast the text names"
                return replace(narrowed, reason=f"{note}; {narrowed.reason}")
        named = m.admin_hint
        not_there = (
            res.resolution in _NOT_IN_SOFT_HINT
            and not _namesakes_in(res)
            and not (named is not None and self._left_open_in(res, named))
        )
        # the name's other readings are sought in the region named: right after it ("східніше
        # Тернів Донецької області": Терни there, not the Lviv-oblast village Тернів the form
        # spells), or a raion or hromada elsewhere in the sentence ("у Бериславському районі …
        # по … Гаврилівці": Гаврилівка there, not Гаврилівець)
        if (
            not_there
            and named is not None
            and (not m.soft_hint or named.endswith((" raion", " hromada")))
        ):
            for reading in m.readings:
                other = self.resolver.resolve(reading, admin1=named)
                if (
                    other.resolution not in _NOT_IN_SOFT_HINT and not other.ambiguous
                ) or self._left_open_in(other, named):
                    m.notes.append(f"{query}: read as a form of {reading}, in the region named")
                    return other
        if m.soft_hint and not_there:
            elsewhere = self.resolver.resolve(query)
            if m.opening_hint and _far_from_region(elsewhere, res):
                # "In Russia's Kursk region, … towards Leonidovo": a Kursk village the
                # gazetteer lacks, not the Sakhalin namesake; the region, honestly
                m.notes.append(f"{query}: in the region its sentence opens with, not found there")
                return res
            if _abroad(elsewhere, res) and _far_from_region(elsewhere, res):
                # "В Донецкой Народной Республике … перешло … Спорное": a Donetsk village the
                # gazetteer does not spell so, not the Magadan namesake 6,000 km away
                m.notes.append(f"{query}: not found in the region its sentence names")
                return res
            m.admin_hint, m.soft_hint, m.hint_dropped = None, False, True
            m.notes.append(f"{query}: not in the region its sentence names")
            res = elsewhere
        if m.readings and not (m.marked or m.admin_hint):
            return self._town_reading(m, res)
        return res

    def _left_open_in(self, res: Resolution, hint: str) -> bool:
        """Are the namesakes ``res`` leaves open all in the units ``hint`` names, several of
        them ("у Лиманській громаді … у Зарічному": one Зарічне in the Lymanska hromada of
        Donetsk oblast, one in that of Odesa oblast)? Then the region named holds the name, and
        the places around it decide which."""
        if not res.ambiguous:
            return False
        units = self.resolver.hint(hint).units
        return len(units) > 1 and all(
            any(in_unit(c.place, unit) for unit in units) for c in res.ambiguous
        )

    def _villages_by_their_neighbours(
        self, mentions: list[Mention], first: list[Resolution], final: list[Resolution]
    ) -> None:
        """A name its marker calls a village ("the village of Konstantinovka", "села
        Константиновка") that size placed at a town of :data:`VILLAGE_MAX` people or more, over
        :data:`TOWN_FAR_KM` from every settled place of the document, is the one village of the
        name in the focus countries within :data:`ANCHOR_KM` of one of them: the Sumy-oblast
        Kostiantynivka beside Kondratovka, not the Donetsk-oblast city of 78,000; of several
        there, the one twice as near as the next ("у села Запорожье" beside Nadiivka, 5 km off,
        not the one 20 km from Andriivka). Where the document's places are around the town, or
        no such village is, the town stands.
        ``final`` is updated in place."""
        if not any(m.village for m in mentions):
            return
        focus = self.resolver.focus
        settled = [
            (i, _point(res.place))
            for i, res in enumerate(final)
            if res.place is not None
            and res.place.kind == "settlement"
            and res.place.country in focus
            and res.place.lat is not None
            and not res.ambiguous
        ]
        for i, m in enumerate(mentions):
            town = final[i].place
            if (
                not m.village
                or town is None
                or town.kind != "settlement"  # "Село Степовое" left in the oblast named before
                or town.population < VILLAGE_MAX
            ):
                continue
            points = [point for j, point in settled if mentions[j].key != m.key]
            if not points or km_to_nearest(town, points) <= TOWN_FAR_KM:
                continue
            near = sorted(
                (
                    (km, c)
                    for c in first[i].candidates
                    if c.place.kind == "settlement"
                    and c.place.population < VILLAGE_MAX
                    and c.place.country in focus
                    and c.place.lat is not None
                    and (km := km_to_nearest(c.place, points)) <= ANCHOR_KM
                ),
                key=itemgetter(0),
            )
            if len(near) == 1 or (near and 2 * near[0][0] < near[1][0]):
                # one village near the document's places, or one twice as near as the next
                why = (
                    f"{m.text}: a village, not {town.name} ({town.population:,} people), far "
                    "from this document's places"
                )
                final[i] = (
                    self.resolver.choose(first[i], near[0][1].place.place_id, why) or final[i]
                )
                self._as_its_village(mentions, first, final, i, town)

    def _namesakes_by_their_list(self, mentions: list[Mention], final: list[Resolution]) -> None:
        """A list member whose namesakes nothing told apart (placed at the region they share, or
        not placed: "в районах Водяного, Октября, Новодонецкого, Макаровки") is the one of them
        within :data:`LIST_NEAR_KM` of its list's settled members (two at least) when every
        other lies twice as far and beyond :data:`ANCHOR_KM`: "в районах населенных пунктов
        Новомихайловка, Павловка и Времевка ДНР" is the Novomykhailivka 25 km from Pavlivka, not
        the one by Lyman, 150 km off, whatever axis another sentence names near that one. Only
        namesakes in the oblasts of the list's settled members count. A member placed far from
        them is sought beside them too (:meth:`_far_from_its_village_list`). ``final`` is
        updated in place."""
        groups: dict[tuple[int, int], list[int]] = {}  # (sentence, group) → its members
        for j, o in enumerate(mentions):
            if o.group >= 0:
                groups.setdefault((o.sentence, o.group), []).append(j)
        for i, m in enumerate(mentions):
            res = final[i]
            left_open = bool(res.ambiguous) and res.resolution in _LEFT_OPEN
            if m.group < 0 or not (left_open or _located_settlement(res) is not None):
                continue
            listed = [
                other
                for j in groups[(m.sentence, m.group)]
                if mentions[j].key != m.key
                and (other := final[j].place) is not None
                and other.kind == "settlement"
                and other.lat is not None
                and not final[j].ambiguous
            ]
            if len(listed) < 2:  # one neighbour is a pair, not a list to be placed by
                continue
            points = [_point(other) for other in listed]
            if not left_open:
                if not (m.axis or m.region or m.admin_hint or m.by_anchor):
                    final[i] = self._far_from_its_village_list(m, res, points)
                continue
            oblasts = {other.admin1_code for other in listed}
            by_km = sorted(  # a Kherson OVA's list keeps to Kherson oblast, though a border
                (km_to_nearest(c.place, points), c.place.place_id)  # village lies nearer
                for c in res.ambiguous
                if c.place.lat is not None and c.place.admin1_code in oblasts
            )
            if (
                by_km
                and by_km[0][0] <= LIST_NEAR_KM
                and all(d > max(ANCHOR_KM, 2 * by_km[0][0]) for d, _ in by_km[1:])
            ):
                why = f"{m.text}: the namesake {by_km[0][0]:.0f} km from the places listed with it"
                final[i] = self.resolver.choose(res, by_km[0][1], why) or res

    def _far_from_its_village_list(
        self, m: Mention, res: Resolution, points: list[tuple[float, float]]
    ) -> Resolution:
        """A list member placed over :data:`LIST_FAR_KM` from every settled member of its list (two
        at least) is the one namesake within :data:`LIST_NEAR_KM` of two of them, when one is:
        "мешканці … навколишніх Терпіння, Костянтинівки, Мирного та Вознесенки" around Melitopol
        is the village by Terpinnia, not the Donetsk-oblast city of 67,000 that the name alone
        means."""
        place = res.place
        if place is None or km_to_nearest(place, points) <= LIST_FAR_KM:
            return res
        beside = [  # "Zaporizhzhia, Pokrovsk and Kurakhove": the city stays
            c for c in _beside_two(res, points, LIST_NEAR_KM) if not big_city_over(place, c)
        ]
        if len(beside) != 1:
            return res
        why = f"{m.text}: the namesake beside the places listed with it, not {place.name}"
        return self.resolver.choose(res, beside[0].place_id, why) or res

    def _as_its_village(
        self,
        mentions: list[Mention],
        first: list[Resolution],
        final: list[Resolution],
        i: int,
        town: Place,
    ) -> None:
        """The other mentions of mention ``i``'s name that size placed at ``town`` take the
        village its marker chose: "liberated the settlements of Konstantinovka and Vodolaghi"
        before "the liberated village of Konstantinovka" is that village too (one place per
        name). A mention its own marker, region or anchor placed keeps its place: "distinct
        from the Ukrainian city of Zaporizhzhia" after "the small village of Zaporizhzhia"."""
        village = final[i].place
        if village is None or village.place_id == town.place_id:
            return
        key = mentions[i].key
        why = f"as '{mentions[i].text}' marked a village in this document"
        for j, m in enumerate(mentions):
            res = final[j]
            if (
                j != i
                and m.key == key
                and res.place is not None
                and res.place.place_id == town.place_id
                and not (m.marked or m.admin_hint or m.anchor or m.by_anchor)
            ):
                final[j] = self.resolver.choose(first[j], village.place_id, why) or res

    def _by_anchor(self, query: str, m: Mention, res: Resolution) -> Resolution:
        """A place located from another ("Karlivka, southeast of Pokrovsk", "northeast of
        Mykolaivka, southeast of Pokrovsk") resolved with that place as its context: the
        Karlivka by Pokrovsk, not the Poltava town its size would choose. The locating phrase
        outweighs size and a curated alias too: "Kostiantynivka, southwest of Donetsk" is the
        village there, not the city 57 km north. A name whose place lies over :data:`STRAY_KM`
        from its anchor (from every namesake of an anchor left open) is not placed there
        (:meth:`_beyond_anchor`: "Arkhangelsk, southwest of Vysokopillya" is no city by the
        White Sea, but the village spelt like it there)."""
        anchor = self.resolver.resolve(m.anchor or "")
        named = [c.place for c in anchor.ambiguous] or ([anchor.place] if anchor.place else [])
        places = [
            p
            for p in named
            if p.lat is not None and p.lon is not None and p.kind in ("settlement", "feature")
        ]
        if len(places) != 1:  # an anchor with namesakes: a namesake near one of them, if any
            paired = self._nearest_to_anchor(m, res, places, res.ambiguous) if places else None
            if paired is not None:
                m.by_anchor = True
                return paired
            return self._beyond_anchor(query, m, res, places) if places else res
        place = places[0]
        again = self.resolver.resolve(query, admin1=m.admin_hint, near=(_point(place),))
        if again.ambiguous:  # "Lozova, near Kupiansk": of the namesakes, the one by the anchor
            nearest = self._nearest_to_anchor(m, again, places, again.ambiguous)
            if nearest is not None:
                m.by_anchor = True
                return nearest
            return self._beyond_anchor(query, m, again if again.place is not None else res, places)
        chosen = again.place
        if chosen is None:
            return res
        if (
            chosen.kind not in ("settlement", "feature")
            or chosen.lat is None
            or place_km(place, chosen) <= ANCHOR_KM
        ):
            return again
        nearer = self._nearest_to_anchor(m, again, places, again.candidates)
        if nearer is not None:
            m.by_anchor = True
            return nearer
        return self._beyond_anchor(query, m, again, places)

    def _beyond_anchor(
        self, query: str, m: Mention, res: Resolution, anchors: list[Place]
    ) -> Resolution:
        """``res``, or, when every place of its name the resolver weighed lies over
        :data:`STRAY_KM` from every place its anchor may be and no region was named for it, the
        one settlement spelt like it within :data:`ANCHOR_KM` of an anchor, in the anchor's
        oblast ("Olgino and Arkhangelsk, a few miles to the southwest of Vysokopillya":
        Arkhanhelske, 10 km away, not the city by the White Sea), else the answer that it is
        not placed: the text's own locating phrase rules those places out, and no later pass
        reopens it. (Namesakes left open are not enough: the small Ukrainka by Pushkine is none
        of the few the resolver could not tell apart, yet the list finds it.)"""
        if m.admin_hint is not None:
            return res
        if res.candidates:  # every namesake the resolver weighed, not only those left open
            named = [c.place for c in res.candidates]
        elif res.place is not None and res.place.kind == "settlement":
            named = [res.place]
        else:
            return res
        pairs = [
            (place_km(a, p), a.name, p.name)
            for a in anchors
            for p in named
            if p.kind == "settlement" and p.lat is not None and p.lon is not None
        ]
        if not pairs:
            return res
        km, anchor, nearest = min(pairs)
        if km <= STRAY_KM or self._city_the_way_its_anchor_says(m, res, anchors):
            return res
        m.by_anchor = True
        like = self._lookalike_by_anchor(query, anchors)
        if like is not None:
            note = f"{nearest}, the nearest place of this name, lies {km:.0f} km from {anchor}"
            return replace(like, reason=f"{note}; {like.reason}")
        return replace(
            res,
            place=None,
            precision=None,
            resolution=ResolutionKind.UNRESOLVED,
            confidence=0.0,
            reason=(
                f"{nearest}, the nearest place of this name, lies {km:.0f} km from {anchor}; "
                "not placed"
            ),
            admin1_name=None,
            admin2_name=None,
            ambiguous=(),
        )

    def _lookalike_by_anchor(self, query: str, anchors: list[Place]) -> Resolution | None:
        """The one settlement spelt like ``query`` (:meth:`Resolver.lookalike`) within
        :data:`ANCHOR_KM` of one of ``anchors``, in that anchor's oblast; None when there is
        none or when namesakes of the anchor find different ones."""
        found: dict[str, Resolution] = {}
        for anchor in anchors:
            if anchor.admin1_code is None or anchor.lat is None or anchor.lon is None:
                continue
            like = self.resolver.lookalike(query, anchor.admin1_code, [_point(anchor)])
            if (
                like is not None
                and like.place is not None
                and place_km(anchor, like.place) <= ANCHOR_KM
            ):
                found.setdefault(like.place.place_id, like)
        return next(iter(found.values())) if len(found) == 1 else None

    @staticmethod
    def _city_the_way_its_anchor_says(m: Mention, res: Resolution, anchors: list[Place]) -> bool:
        """Is ``res`` a city of :data:`FAR_CITY_POPULATION` or more, its name's only place, lying
        the way the text says from an anchor ("Kropyvnytskyi, north of Mykolaiv": 170 km)? A
        writer locates a city by another far off; a village so far from its anchor is no village
        of that name."""
        place, direction = res.place, m.anchor_direction
        if (
            direction not in BEARINGS  # no compass word, or none the scanner normalised
            or place is None
            or place.kind != "settlement"
            or place.population < FAR_CITY_POPULATION
            or sum(c.place.kind == "settlement" for c in res.candidates) > 1
        ):
            return False
        return any(
            a.lat is not None
            and a.lon is not None
            and place_km(a, place) <= FAR_CITY_KM
            and _lies_toward(_point(a), place, direction)
            for a in anchors
        )

    def _nearest_to_anchor(
        self, m: Mention, res: Resolution, anchors: list[Place], namesakes: tuple[Candidate, ...]
    ) -> Resolution | None:
        """Of ``namesakes`` ("Lozova, near Kupiansk": villages 31 and 57 km from Kupiansk), the
        one within :data:`ANCHOR_KM` of the anchor when every other lies at least
        :data:`ANCHOR_RATIO` times as far; None when none stands out. With a compass word, only
        the namesakes lying that way count, when any does (:func:`_toward`). ``anchors`` are the
        places the anchor may be: one, or its namesakes when it has several (then the namesake
        nearest any of them: "Olgino and Arkhangelsk, southwest of Vysokopillya", where both names
        have namesakes, are the pair by the Kherson-oblast town)."""
        by_km = sorted(
            (min(place_km(a, c.place) for a in anchors), i)
            for i, c in enumerate(namesakes)
            if c.place.lat is not None and c.place.lon is not None
        )
        if not by_km:
            return None
        toward = _toward(m, anchors, by_km, namesakes)
        if toward:  # "Pryvillia, about 20 km east of Kramatorsk": not a nearer one west of it
            by_km = toward
        (km, first), *others = by_km
        if km > ANCHOR_KM:
            return None
        if others and others[0][0] < ANCHOR_RATIO * km:
            return None  # alike by distance, and by the compass word if the text gives one
        why = f"{m.anchor_direction} of" if toward else "nearest"
        return self._anchored(res, namesakes[first], f"the namesake {why} that place ({km:.0f} km)")

    def _anchored(self, res: Resolution, namesake: Candidate, why: str) -> Resolution | None:
        """``res`` decided for ``namesake`` by the text's own locating phrase, confidently: no
        later context pass reopens it."""
        chosen = self.resolver.choose(res, namesake.place.place_id, why)
        return replace(chosen, confidence=CONFIDENT) if chosen is not None else None

    def _town_reading(self, m: Mention, res: Resolution) -> Resolution:
        """A case form that spells a village's name and a town's case form ("Глухова": the
        village Глухова, or the genitive of Глухов, a town of 33,000) is the town: in a report a
        town is named far more often than a village its form happens to spell. Only for a town
        of :data:`TOWN_READING_POPULATION` that the name alone decides, over a village it
        outnumbers :data:`TOWN_READING_RATIO` times; not after a marker ("(с. Гресі)": the
        village, not a form of Гресівський) nor with a region to decide in."""
        place = res.place
        if place is None or place.kind != "settlement" or res.precision != Precision.SETTLEMENT:
            return res
        for reading in m.readings:
            other = self.resolver.resolve(reading, admin1=m.admin_hint)
            town = other.place
            if (
                town is not None
                and not other.ambiguous
                and town.kind == "settlement"
                and town.population >= TOWN_READING_POPULATION
                and town.population >= TOWN_READING_RATIO * max(place.population, 1)
            ):
                note = f"a case form of {town.name}, a town, rather than the village {place.name}"
                return replace(other, reason=f"{note}; {other.reason}")
        return res

    def _hromada_seat(self, m: Mention, res: Resolution, oblast: str | None = None) -> Resolution:
        """A hromada ("Олександрівська громада", "Великобурлуцька селищна територіальна
        громада") at its centre (precision 2: the mention is marked approximate), or, when
        several hromadas bear the name alike, unresolved with their centres as the namesakes
        the second round may choose from — only those in ``oblast``, the one oblast the
        document names, when one is."""
        if not _hromada(m):
            return res
        if not any(c.place.kind == "admin3" for c in res.candidates):  # "Олександрівську"
            adjective = hromada_adjective(m.text.split()[0])  # spelled like a town's case form
            if adjective is None:
                return res
            res = self.resolver.resolve(f"{adjective} hromada", admin1=m.admin_hint)
        alike = [
            c
            for c in res.candidates
            if c.place.kind == "admin3" and res.candidates[0].score - c.score <= NAMESAKE_MARGIN
        ]
        if m.admin_hint is None and any(c.place.admin1_code == oblast for c in alike):
            alike = [c for c in alike if c.place.admin1_code == oblast]
        seats = []
        for c in alike:
            centre = self.resolver.hromada_centre(c.place.admin3_code or c.place.place_id[4:])
            if centre is not None:
                note = f"{c.place.name}: placed at its centre {centre.name}"
                seats.append(Candidate(centre, c.score, c.matched_name, c.name_kind, (note,)))
        if not seats:
            return res
        m.approximate = True
        if len(seats) == 1:
            return self._at_seat(res, seats[0], res.reason)
        return Resolution(
            res.query, None, None, ResolutionKind.UNRESOLVED, 0.0,
            f"{len(seats)} hromadas named {alike[0].matched_name!r}; nothing here tells them apart",
            tuple(seats), ambiguous=tuple(seats),
        )  # fmt: skip

    def _at_seat(self, res: Resolution, seat: Candidate, reason: str) -> Resolution:
        """``res`` placed at a hromada's centre ``seat`` (precision 2), its note before
        ``reason``."""
        return replace(
            res,
            place=seat.place,
            precision=Precision.APPROXIMATE,
            reason=f"{seat.notes[0]}; {reason}",
            candidates=(seat,),
            admin1_name=self.resolver.admin_name(seat.place.admin1_code),
            admin2_name=self.resolver.admin_name(seat.place.admin2_code),
        )

    def _hromadas_of_one_oblast(self, mentions: list[Mention], final: list[Resolution]) -> None:
        """The hromadas of a sentence whose placed ones all lie in one oblast ("Обстрілів
        зазнали Білопільська, Краснопільська, Миропільська, Хотінська та Юнаківська громади":
        Bilopillia and Yunakivka, in Sumy oblast; or in lists by kind, "Білопільської та
        Ворожбянської міських територіальних громад, Краснопільської та Хотінської селищних …")
        read those left open among namesakes in that oblast too, when one of each lies there:
        the Krasnopilska hromada of Sumy oblast, not of Zhytomyr. ``final`` is updated in
        place."""
        by_sentence: dict[int, list[int]] = {}
        for i, m in enumerate(mentions):
            if _hromada(m):
                by_sentence.setdefault(m.sentence, []).append(i)
        for hromadas in by_sentence.values():
            oblasts = {
                place.admin1_code
                for i in hromadas
                if (place := final[i].place) is not None and not final[i].ambiguous
            }
            if len(oblasts) != 1 or len(hromadas) < 2:
                continue
            (oblast,) = oblasts
            for i in hromadas:
                res = final[i]
                there = [c for c in res.ambiguous if c.place.admin1_code == oblast]
                if res.place is None and len(there) == 1:
                    why = (
                        f"listed with hromadas of {self.resolver.admin_name(oblast)}, the one of "
                        f"{len(res.ambiguous)} of its name there"
                    )
                    final[i] = replace(
                        self._at_seat(res, there[0], why),
                        resolution=ResolutionKind.CONTEXT,
                        confidence=CHOSEN_CONFIDENCE,
                        ambiguous=(),
                    )

    def _second_round(
        self,
        mentions: list[Mention],
        queries: list[str],
        first: list[Resolution],
        final: list[Resolution],
        front: FrontDistance | None,
    ) -> None:
        """Namesakes resolved together with the places named beside them: the mentions still in
        question (:func:`_in_question`: namesakes nothing decided, a town chosen over its
        namesakes by size alone, a case form with several readings, a hromada of a common name)
        are revisited sentence by sentence, each sentence's places resolved as a cluster
        (:func:`geo.gazetteer.clusters.choose_together`) with its settled places, or, for a name
        alone in its sentence, the settled places of the sentences around it
        (:data:`NEIGHBOUR_SENTENCES`). ``final`` is updated in place."""
        focus = self.resolver.focus
        questions = [
            i
            for i, m in enumerate(mentions)
            if _in_question(m, final[i]) or (first[i].ambiguous and _in_question(m, first[i]))
        ]
        if not questions:
            return
        open_ = set(questions)
        settled = [
            i for i, res in enumerate(final) if i not in open_ and _settled(mentions[i], res, focus)
        ]
        around = [_point(p) for i in settled if (p := final[i].place) is not None]
        state = _Round(mentions, queries, first, final, front, around)
        by_sentence: dict[int, list[int]] = {}
        for j, m in enumerate(mentions):
            by_sentence.setdefault(m.sentence, []).append(j)
        settled_set = set(settled)
        done: set[int] = set()
        for i in questions:
            sentence = mentions[i].sentence
            if sentence in done:
                continue
            done.add(sentence)
            asked = [j for j in questions if mentions[j].sentence == sentence]
            beside = [j for j in settled if mentions[j].sentence == sentence]
            if not beside and len({queries[j] for j in asked}) == 1:
                beside = sorted(
                    (
                        j
                        for j in settled
                        if abs(mentions[j].sentence - sentence) <= NEIGHBOUR_SENTENCES
                    ),
                    key=lambda j: abs(mentions[j].sentence - sentence),
                )
            axis = (
                []
                if beside
                else _axis_of_the_sentence_before(
                    by_sentence.get(sentence - 1, []), mentions, settled_set
                )
            )
            asked = [j for j in asked if not _borne_out(final[j], [final[k] for k in beside])]
            for names, context in _by_list(asked, beside, mentions):
                # a long list in parts, each with the parts decided before it as context: one
                # cluster holds MAX_MEMBERS places, and the names past them would go unasked
                while names:
                    part = names if len(names) <= MAX_MEMBERS - 2 else names[: MAX_MEMBERS // 2]
                    names = names[len(part) :]
                    context = self._city_among_villages(part, context, state)
                    asked_before = list(final) if axis and not context else None
                    self._cluster(part, context, state)
                    if asked_before is not None:
                        self._nearer_its_axis(part, axis, asked_before, state)
                    decided = [j for j in part if _settled(mentions[j], final[j], focus)]
                    left = [j for j in part if j not in decided]
                    if left and decided:
                        # the names the cluster settled are context for each it left open, one
                        # at a time ("в районах Благодатное, Дальнее и Елизаветовка": Дальнее is
                        # settled, then the Єлизаветівка 7 km from it), as the parts of a long
                        # list are
                        for j in left:
                            self._cluster([j], decided + context, state)
                        decided = [j for j in part if _settled(mentions[j], final[j], focus)]
                    if names:
                        context = decided + context

    def _nearer_its_axis(
        self, part: list[int], axis: list[int], asked_before: list[Resolution], state: _Round
    ) -> None:
        """A list alone in its sentence after a roundup's heading of its axis ("На
        Куп’янському напрямку за добу відбулося п’ять ворожих атак. Сили оборони відбивали
        штурмові дії противника біля Петропавлівки, Зеленого Гаю, Вишневого та Лозової."),
        clustered again with the axis's town as context: its answer replaces the list's own
        when it settles as many names, more of them within
        :data:`~geo.gazetteer.clusters.CLUSTER_KM` of the town (the Petropavlivka, Vyshneve and
        Lozova south of Kupiansk, not three that lie together 60 km north-west of it).
        ``asked_before``: ``final`` before the list's own cluster; ``final`` is updated in
        place."""
        mentions, final = state.mentions, state.final
        town = final[axis[0]].place
        if town is None:
            return
        focus = self.resolver.focus

        def placed(answers: list[Resolution]) -> list[float]:
            return [
                place_km(town, place)
                for j in part
                if _settled(mentions[j], answers[j], focus)
                and (place := answers[j].place) is not None
            ]

        own = placed(final)
        near_own = sum(d <= CLUSTER_KM for d in own)
        if near_own == len(part):
            return  # every name settled by the axis's town already
        trial = replace(state, final=list(asked_before))
        self._cluster(part, axis, trial)
        with_axis = placed(trial.final)
        if len(with_axis) >= len(own) and sum(d <= CLUSTER_KM for d in with_axis) > near_own:
            for j in part:
                final[j] = trial.final[j]

    def _city_among_villages(self, part: list[int], context: list[int], state: _Round) -> list[int]:
        """A city of :data:`~geo.gazetteer.resolve.BIG_CITY_POPULATION` listed among villages in
        question ("у Ялті, Запоріжжі, Іванівці, Маліївці, Терновому…" on the Novopavlivka front)
        is no context for them when, clustered without it, :data:`CITY_VILLAGES` of them settle
        as villages within :data:`LIST_NEAR_KM` of one namesake of the city and over
        :data:`TOWN_FAR_KM` from the city itself: the list means that village (Запоріжжя of Donetsk
        oblast). Its size keeps the city in a list of towns ("Zaporizhzhia, Pokrovsk and
        Kurakhove") or of cities ("Kryvyi Rih, Pavlohrad and Lviv"), and where its villages lie
        around it. :meth:`_city_in_a_village_list` judges the cities of lists after the second
        round; a city of this size, settled, would by then have pulled its list's namesakes
        toward itself ("Маліївці": the Khmelnytskyi-oblast village Маліївці, not Маліївка 18 km
        from the Donetsk-oblast Запоріжжя). The context left for the cluster is returned;
        ``final`` is updated in place."""
        if len(part) < CITY_VILLAGES:
            return context
        mentions, first, final = state.mentions, state.first, state.final
        group = (mentions[part[0]].sentence, mentions[part[0]].group)
        for j in context:
            city = final[j].place
            if (
                group[1] < 0
                or (mentions[j].sentence, mentions[j].group) != group
                or city is None
                or city.kind != "settlement"
                or city.population < BIG_CITY_POPULATION
                or not any(big_city_over(city, c.place) for c in first[j].candidates)
            ):
                continue
            without = [k for k in context if k != j]
            trial = replace(state, final=list(final))
            self._cluster(part, without, trial)
            villages = [
                _point(place)
                for k in part
                if _settled(mentions[k], trial.final[k], self.resolver.focus)
                and (place := trial.final[k].place) is not None
                and place.kind == "settlement"
                and place.population < VILLAGE_MAX
            ]
            if len(villages) < CITY_VILLAGES:
                continue
            beside: list[Place] = []
            for c in first[j].candidates:
                place = c.place
                if not big_city_over(city, place) or place.lat is None or place.lon is None:
                    continue
                near = [
                    p for p in villages if haversine_km(place.lat, place.lon, *p) <= LIST_NEAR_KM
                ]
                if len(near) >= CITY_VILLAGES and km_to_nearest(city, near) > TOWN_FAR_KM:
                    beside.append(place)
            if len(beside) != 1:
                continue
            why = f"{mentions[j].text}: the village among those listed with it, not {city.name}"
            chosen = self.resolver.choose(first[j], beside[0].place_id, why)
            if chosen is None:
                continue
            final[:] = trial.final
            for k, m in enumerate(mentions):
                if (
                    m.key == mentions[j].key
                    and _place_id(final[k]) == city.place_id
                    and not m.marked
                ):
                    final[k] = chosen
            return [*without, j]
        return context

    def _cluster(self, asked: list[int], beside: list[int], state: _Round) -> None:
        """One sentence's cluster: its names in question (``asked``, each name once) and the
        settled places ``beside`` them; the decisive choices replace ``state.final``'s answers.
        ``state.around``: the document's settled places (:func:`_crowded_out`)."""
        mentions, queries, first, final = state.mentions, state.queries, state.first, state.final
        front, around = state.front, state.around
        names: dict[tuple[str, ...], list[int]] = {}
        for j in asked:
            names.setdefault(_readings(mentions[j], queries[j]), []).append(j)
        crowded = any(len(first[same[0]].candidates) > MAX_CANDIDATES for same in names.values())
        key = (
            tuple(
                (r, mentions[same[0]].admin_hint, _place_id(final[same[0]]))
                for r, same in names.items()
            ),
            tuple(dict.fromkeys(_place_id(final[j]) for j in beside)),
            front,
            tuple(around) if crowded else (),
        )
        known = self._clusters.get(key)
        if known is None:
            known = self._choose(names, beside, mentions, first, final, front, around)
            if len(self._clusters) >= CLUSTER_MEMO:
                self._clusters.clear()
            self._clusters[key] = known
        for same, decided in zip(names.values(), known, strict=True):
            if decided is not None:
                for j in same:
                    final[j] = decided

    def _choose(
        self,
        names: dict[tuple[str, ...], list[int]],
        beside: list[int],
        mentions: list[Mention],
        first: list[Resolution],
        final: list[Resolution],
        front: FrontDistance | None,
        around: list[tuple[float, float]],
    ) -> list[Resolution | None]:
        """The new answer of each name of a cluster (:meth:`_cluster`), None where it stands."""
        decided: list[Resolution | None] = [None] * len(names)
        options: list[list[tuple[Resolution, Candidate]]] = []
        groups: list[int] = []
        for g, (readings, same) in enumerate(names.items()):
            found = self._options(
                mentions[same[0]], readings, first[same[0]], final[same[0]], around
            )
            if found:
                options.append(found)
                groups.append(g)
        asked_count = len(options)
        seen = set()
        for j in beside:
            place = final[j].place
            if place is None or place.place_id in seen:
                continue
            seen.add(place.place_id)
            options.append([(final[j], Candidate(place, 0.0, place.name, "official"))])
        options = options[:MAX_MEMBERS]
        if len(options) < 2 or not asked_count:
            return decided
        points = [np.array([_point(c.place) for _, c in o]) for o in options]
        together = choose_together(points, range(min(asked_count, len(options))), NAMESAKE_KM)
        firsts = [same[0] for same in names.values()]
        settled = self._placed_beside(names, mentions, final)
        if together is None:  # a list spread along a front: each far answer on its own
            return self._nearest_of_spread(options, asked_count, groups, firsts, mentions, final,
                                           front, decided, settled)  # fmt: skip
        for b in range(min(asked_count, len(options))):
            res, cand = options[b][together.chosen[b]]
            near = [_point(options[o][c][1].place) for o, c in enumerate(together.chosen) if o != b]
            j = firsts[groups[b]]
            town = final[j].place
            if b not in together.decisive and not (
                town is not None
                and (_outgrew(final[j]) or mentions[j].readings or _renamed_over_current(final[j]))
                and (
                    _far_from_all(town, cand.place, near)
                    or _nearer_by_far(town, cand.place, settled[groups[b]])
                )
            ):
                # undecided, unless a town chosen by size, or one reading of a case form, lies
                # far from the whole list ("по …, Новоданилівці, Малинівці": Малинівка by
                # Huliaipole, not the village Малинівці of Khmelnytskyi oblast)
                continue
            decided[groups[b]] = self._together(mentions[j], res, cand, near, front, final[j])
        return decided

    def _placed_beside(
        self,
        names: dict[tuple[str, ...], list[int]],
        mentions: list[Mention],
        final: list[Resolution],
    ) -> list[list[tuple[float, float]]]:
        """For each name of a cluster, the points of the other settlements placed at home in its
        sentence: the list's places as they stand now."""
        sentence = mentions[next(iter(names.values()))[0]].sentence
        focus = self.resolver.focus
        placed: list[tuple[int, tuple[float, float]]] = []
        for k, m in enumerate(mentions):
            place = final[k].place
            if (
                m.sentence != sentence
                or m.region
                or m.axis
                or place is None
                or place.kind != "settlement"
                or place.country not in focus
                or place.lat is None
                or final[k].ambiguous
            ):
                continue
            placed.append((k, _point(place)))
        return [
            list(dict.fromkeys(point for k, point in placed if k not in same))
            for same in names.values()
        ]

    def _nearest_of_spread(
        self,
        options: list[list[tuple[Resolution, Candidate]]],
        asked_count: int,
        groups: list[int],
        firsts: list[int],
        mentions: list[Mention],
        final: list[Resolution],
        front: FrontDistance | None,
        decided: list[Resolution | None],
        settled: list[list[tuple[float, float]]],
    ) -> list[Resolution | None]:
        """A list too spread for one cluster (a front's villages from Stepnohirsk to Huliaipole):
        a name chosen by size alone, or one reading of a case form, that lies over
        :data:`TOWN_FAR_KM` from every settled place of the list, takes its namesake nearest
        them when that one lies within :data:`CLUSTER_KM` of one and a third as far as the
        first answer ("по … Гуляйполю, Темирівці": Темирівка of Zaporizhzhia oblast, not the
        village Темирівці of Ivano-Frankivsk oblast)."""
        for b in range(asked_count):
            j, points = firsts[groups[b]], settled[groups[b]]
            town = final[j].place
            if len(points) < 2 or town is None or not (_outgrew(final[j]) or mentions[j].readings):
                continue
            res, cand = min(options[b], key=lambda option: km_to_nearest(option[1].place, points))
            if _nearer_by_far(town, cand.place, points):
                decided[groups[b]] = self._together(mentions[j], res, cand, points, front,
                                                    final[j])  # fmt: skip
        return decided

    def _options(
        self,
        m: Mention,
        readings: tuple[str, ...],
        first: Resolution,
        final: Resolution,
        around: list[tuple[float, float]],
    ) -> list[tuple[Resolution, Candidate]]:
        """The namesakes a name in question may be, under each of its readings: (the reading's
        resolution, candidate), the likeliest first, as many as a cluster tries
        (:func:`_crowded_out`)."""
        found: list[tuple[Resolution, Candidate]] = []
        for n, reading in enumerate(readings):
            if n == 0:
                res = final if m.region else first  # a hromada: its seats
            else:
                res = self.resolver.resolve(reading, admin1=m.admin_hint)
            found += [(res, c) for c in _contenders(res, self.resolver.focus)]
        most = MAX_CANDIDATES * 2 if len(readings) > 1 else MAX_CANDIDATES
        tried = _crowded_out(found, most, around)
        held = final.place
        if held is not None and all(c.place.place_id != held.place_id for _, c in tried):
            # the place the name holds now stays one of its options: "атакували Кислівку та
            # Іванівку" had the Ivanivka 3 km from the Kharkiv-oblast Kyslivka crowded out of
            # 127, and the cluster took the Kyiv-oblast Kyslivka beside another
            kept = [(res, c) for res, c in found if c.place.place_id == held.place_id][:1]
            if kept:  # within the MAX_CANDIDATES a cluster reads, the others after it
                tried.insert(min(len(tried), MAX_CANDIDATES - 1), kept[0])
        return tried

    def _together(
        self,
        m: Mention,
        res: Resolution,
        cand: Candidate,
        near: list[tuple[float, float]],
        front: FrontDistance | None,
        before: Resolution,
    ) -> Resolution | None:
        """The answer for a name the cluster decided on ``cand``: the resolver's own, given the
        cluster's other places as context, when it agrees (it also weighs size: "Лиман" 20 km
        from a village Лиман is still the town); else that namesake, unless the name was a town
        chosen by size that the context does not overturn."""
        again = self.resolver.resolve(res.query, admin1=m.admin_hint, near=near, front=front)
        if again.place is not None and again.place.place_id == cand.place.place_id:
            return again
        if (
            before.place is not None
            and not before.ambiguous
            and _outgrew(before)
            and not _far_from_all(before.place, cand.place, near)
        ):
            return None  # a town over its namesakes by size: the context did not overturn it
        if before.place is not None and before.place.place_id == cand.place.place_id:
            return None
        return self.resolver.choose(
            res, cand.place.place_id, f"namesake nearest the places named with it ({len(near)})"
        )

    def _in_context(
        self,
        i: int,
        mentions: list[Mention],
        queries: list[str],
        first: list[Resolution],
        anchored: dict[str, dict[tuple[float, float], None]],
        ambiguous: list[int],
        memo: _NearMemo,
        front: FrontDistance | None = None,
    ) -> Resolution:
        """Mention ``i`` again with the document as context: its confident places first (they
        decide most namesakes), then also the leading candidates of other names in question
        within :data:`NEIGHBOUR_SENTENCES` sentences — so "Lyman and Novoselivka" pick the pair
        that lie together even when neither is confident alone; that is kept only if it decides."""
        m = mentions[i]
        near = [point for key, points in anchored.items() if key != m.key for point in points]
        result = first[i]
        reach = NEIGHBOUR_SENTENCES
        if near:
            result = self._near(memo, queries[i], m.admin_hint, near, front)
            if not result.ambiguous:
                if _near_any(result.place, near):
                    return result
                # tipped only by places far from it ("Volchansk, Sinelnikov" in a report whose
                # one settled place is Zagornoye, 300 km south): its own sentence's names in
                # question may outweigh them (not the neighbouring sentences': "Pryvillia" one
                # sentence before does not pull "Tykhe, just inside the border" south)
                reach = 0
        for j in ambiguous:
            if (
                j != i
                and mentions[j].key != m.key
                and abs(mentions[j].sentence - m.sentence) <= reach
            ):
                near += [
                    (c.place.lat, c.place.lon)
                    # the namesakes its own hint left open ("Mayskoye (DPR)": the two in
                    # Donetsk oblast, not the Maiske by Dnipro), else its leading candidates
                    for c in (first[j].ambiguous or first[j].candidates)[:CANDIDATES_AS_CONTEXT]
                    if c.place.lat is not None and c.place.lon is not None and not c.place.is_region
                ]
        if not near:  # no context: the front line, if given, is the last evidence
            if front is not None and result.ambiguous:
                return self.resolver.resolve(queries[i], admin1=m.admin_hint, front=front)
            return result
        again = self._near(memo, queries[i], m.admin_hint, near, front)
        # neighbours' namesakes may pair up and decide; if they do not, they only blur
        return again if not again.ambiguous else result

    def _near(
        self,
        memo: _NearMemo,
        query: str,
        hint: str | None,
        near: list[tuple[float, float]],
        front: FrontDistance | None,
    ) -> Resolution:
        """``query`` resolved with ``near`` as context, once per document for each distinct
        (query, hint, context): every mention of a name the document repeats has the same anchors
        (all but its own), so only the first pays for the distances and the re-scoring. ``memo``
        lives for one document, whose ``front`` is one."""
        key = (query, hint, tuple(near))
        found = memo.get(key)
        if found is None:
            found = memo[key] = self.resolver.resolve(query, admin1=hint, near=key[2], front=front)
        return found

    def _far_from_sentence(
        self,
        i: int,
        res: Resolution,
        mentions: list[Mention],
        final: list[Resolution],
        anchors: list[tuple[int, float, float]],
    ) -> tuple[str, str, Place] | None:
        """(oblast code, note, anchor) when the settlement ``res`` places mention ``i`` at lies
        over STRAY_KM from the nearest confident place of its own sentence (the anchor), in
        another oblast: the oblast where that place is. An anchor counts where it finally
        stands: one the context moved since the first pass ("Karlivka, southeast of Pokrovsk":
        not the Poltava town) is no anchor."""
        m = mentions[i]
        place = res.place
        if place is None or place.lat is None or place.lon is None:
            return None  # the callers pass resolved settlements only
        focus = self.resolver.focus
        same: dict[int, tuple[float, float, Place]] = {}  # anchor → its point and place
        for j, lat, lon in anchors:
            anchor = final[j].place
            if anchor is None or (anchor.lat, anchor.lon) != (lat, lon):
                continue  # moved by the context since the first pass: no longer an anchor
            if (
                j != i
                and mentions[j].sentence == m.sentence
                and not mentions[j].axis
                and not _outgrew(final[j])  # chosen by size alone, it is no evidence
            ):
                if anchor.country in focus:
                    same[j] = (lat, lon, anchor)
        if not same:
            return None
        distance, j = min(
            (haversine_km(place.lat, place.lon, lat, lon), j) for j, (lat, lon, _) in same.items()
        )
        if distance <= STRAY_KM:
            return None
        unit = same[j][2].admin1_code
        if unit is None or unit == place.admin1_code:
            return None
        note = (
            f"{place.name} ({res.admin1_name}) is {distance:.0f} km from {mentions[j].text} "
            "in the same sentence"
        )
        return unit, note, same[j][2]

    def _other_reading(
        self, m: Mention, unit: str, front: FrontDistance | None
    ) -> tuple[str, Resolution] | None:
        """The first other nominative ``m``'s case form may be (:attr:`Mention.readings`) that is
        placed in oblast ``unit``, with that reading."""
        for reading in m.readings:
            other = self.resolver.resolve(reading, admin1=unit, front=front)
            if not (_unplaced(other) or other.ambiguous):
                return reading, other
        return None

    def _reading_from_sentence(
        self,
        i: int,
        res: Resolution,
        mentions: list[Mention],
        final: list[Resolution],
        anchors: list[tuple[int, float, float]],
        front: FrontDistance | None = None,
    ) -> Resolution | None:
        """A small village read confidently from a case form that spells another name too, far
        from its sentence's places (:meth:`_far_from_sentence`), is that other name's place in
        their oblast, when there is one there ("Сторожевого", beside Сухі Яли: Сторожеве, not
        Сторожів of Rivne oblast). The caller has checked it is a small settlement with other
        readings."""
        far = self._far_from_sentence(i, res, mentions, final, anchors)
        found = self._other_reading(mentions[i], far[0], front) if far is not None else None
        if far is None or found is None:
            return None
        reading, other = found
        return replace(other, reason=f"{far[1]}; read as a form of {reading}; {other.reason}")

    def _stray_from_sentence(
        self,
        i: int,
        res: Resolution,
        mentions: list[Mention],
        queries: list[str],
        final: list[Resolution],
        anchors: list[tuple[int, float, float]],
        front: FrontDistance | None = None,
    ) -> Resolution | None:
        """A village placed far from the confident places of its own sentence ("repelled attacks
        near Kreminna and Dibrova") is re-resolved inside the oblast of the nearest of them
        (:meth:`_far_from_sentence`) — found there, under its name or another reading of its case
        form, or honestly at that region's level — rather than left hundreds of km away. (The
        caller has checked it is a small, hint-free settlement, not confidently in the focus
        country.)"""
        far = self._far_from_sentence(i, res, mentions, final, anchors)
        if far is None:
            return None
        unit, note, anchor = far
        again = self.resolver.resolve(queries[i], admin1=unit, front=front)
        found = self._other_reading(mentions[i], unit, front) if _unplaced(again) else None
        if found is not None:
            reading, again = found
            note = f"{note}; read as a form of {reading}"
        elif _unplaced(again):
            place, focus = res.place, self.resolver.focus
            if place is not None and _town_abroad(place, res, focus, TOWN_ABROAD_POPULATION):
                return None  # "Missiles hit Sudzha and Kramatorsk": the Kursk-oblast town
            if (
                place is not None
                and res.resolution in _NAMED  # by a name it bears, not a lookalike's
                and not mentions[i].village  # "вблизи села Широкое": no town
                and _town_beside_a_city(place, anchor, focus)
            ):
                return None  # "Из Балаклеи отступали в Луганск": a town, none of its name there
            city = self._city_abroad(queries[i], res)
            if city is not None:  # "Rostov and Kramatorsk": Rostov-on-Don, not a hamlet
                return replace(city, reason=f"{note}; {city.reason}")
        return replace(again, reason=f"{note}; {again.reason}")

    def _city_abroad(self, query: str, res: Resolution) -> Resolution | None:
        """The town abroad, in the theatre's countries, of at least
        :data:`CITY_ABROAD_POPULATION` (in the country of the largest: "Brest" is Belarus's),
        whose name its focus-country namesake took by the focus bonus alone ("Rostov":
        Rostov-on-Don, not the Sumy hamlet; "Voronezh"), when the sentence's places show the
        namesake is not meant."""
        focus = self.resolver.focus
        abroad = [
            c.place
            for c in res.candidates
            if c.place.kind == "settlement"
            and c.place.country not in focus
            and c.place.country in THEATRE  # not "Атаки": Ataq of Yemen
            and c.place.population >= CITY_ABROAD_POPULATION
        ]
        if not abroad:
            return None
        country = max(abroad, key=lambda p: p.population).country  # "Brest": Belarus's
        again = self.resolver.resolve(query, country=country)
        found = again.place
        if (
            found is None
            or found.population < CITY_ABROAD_POPULATION
            or again.ambiguous
            or not again.resolved
        ):
            return None
        return again

    # -- records ------------------------------------------------------------------------------

    def prepare(self, doc: Document) -> Prepared | None:
        """The passes over a whole document: the name scan and the sentence split (None for an
        unreadable document). :func:`extract_records` runs them for a batch of documents before
        the per-sentence work, so the scanner's trie and blingfire's tables stay in the CPU
        caches."""
        return None if doc.error else self._prepare(doc)

    def _prepare(self, doc: Document) -> Prepared:
        return Prepared(self.scanner.scan(doc.text), list(sentences(doc.text)))

    def document_records(
        self, doc: Document, stats: ExtractStats | None = None, prepared: Prepared | None = None
    ) -> list[dict]:
        """Event records of one document (empty for unreadable ones, with the reason in stats);
        ``prepared`` is :meth:`prepare`'s result when the caller ran it already."""
        stats = stats if stats is not None else ExtractStats()
        if doc.skipped:  # a notice of the files, messages or entries that are not documents
            counter = _SKIP_COUNTERS[doc.skipped_unit]
            setattr(stats, counter, getattr(stats, counter) + doc.skipped)
            stats.messages.append(f"{doc.where}: {doc.error}")
            return []
        stats.documents += 1
        if doc.error:
            stats.failed += 1
            stats.messages.append(f"{doc.where}: skipped: {doc.error}")
            return []
        stats.messages.extend(f"{doc.where}: warning: {w}" for w in doc.warnings)
        stats.dropped_paragraphs += len(doc.dropped_paragraphs)
        per_sentence = self._claim_sentences(
            doc, stats, prepared if prepared is not None else self._prepare(doc)
        )
        sites = [m for _, _, site, _ in per_sentence for m in site]
        if len(sites) > MAX_MENTIONS_PER_DOCUMENT:
            stats.messages.append(
                f"{doc.where}: warning: {len(sites):,} place mentions; only the first "
                f"{MAX_MENTIONS_PER_DOCUMENT:,} were resolved, the rest are recorded unresolved"
            )
        front = self.fronts.at(doc.published) if self.fronts is not None else None
        resolutions = self._resolve(sites[:MAX_MENTIONS_PER_DOCUMENT], front)
        records = []
        number = 0
        published = doc.published.isoformat() if doc.published else None
        languages = document_languages(doc.text) if per_sentence else None
        # id(resolution) → its columns; all stay alive meanwhile
        columns: dict[int, PlaceColumns | None] = {}
        for offset, sentence, site, frame in per_sentence:
            event_date = frame.event_date.isoformat() if frame.event_date else None
            for m in site:
                res = resolutions.get(number)
                number += 1
                if m.frames or (m.title and not frame.stances and source_line(sentence)):
                    # an axis or a jurisdiction framing its sentence's places; an official's
                    # town in a sentence crediting the one before ("Про це повідомив мер …")
                    continue
                if id(res) not in columns:
                    columns[id(res)] = _resolution_columns(res, self.resolver)
                place = columns[id(res)]
                if place is None:
                    continue  # a country named in passing sets focus; it is not an event site
                lang = languages.at(offset) if languages is not None else "en"
                records.append(
                    _record(
                        doc,
                        published,
                        event_date,
                        sentence,
                        m,
                        place,
                        frame,
                        m.start - offset,
                        lang,
                    )
                )
        if doc.published is None:  # relative dates ("on Tuesday") had nothing to count from
            stats.undated += sum(1 for r in records if r["event_date"] is None)
        located = sum(1 for r in records if r["latitude"] is not None)
        stats.mentions += len(records)
        stats.resolved += located
        stats.unresolved += len(records) - located
        stats.events += len(records)
        return records

    def _same_region(self, found: list[Mention], last: Mention | None) -> Mention | None:
        """Give each mention of ``found`` (one sentence's, in order) followed by "в той же
        области" the oblast named last before it as its hint ("Степногорск в Запорожской
        области. … взятия Гуляйполя в той же области, а также Димитрова … в ДНР": Zaporizhzhia
        oblast, not the ДНР of the list after it); the region named last after them."""
        for m in found:
            if m.same_region and last is not None:
                m.admin_hint, m.soft_hint = last.query or last.text, False
                m.notes.append(f"{m.text}: in the same oblast as {last.text}")
            elif (
                m.region
                and not (m.metonymic or m.axis)
                and self.resolver.hint(m.query or m.text).oblast  # not a raion's or hromada's
            ):
                last = m
        return last

    def _claim_sentences(
        self, doc: Document, stats: ExtractStats, prepared: Prepared
    ) -> list[tuple[int, str, list[Mention], ClaimFrame]]:
        """(offset, sentence, its site mentions, its claim frame) of each sentence that names a
        place, in order; the others only tell the next sentence who spoke last."""
        per_sentence: list[tuple[int, str, list[Mention], ClaimFrame]] = []
        indexes: list[int] = []  # the index in ``split`` of each of per_sentence's sentences
        previous = _PreviousClaimant()
        named = DocumentClaimants(doc.text)  # scanned only if a sentence says "Генштаб" alone
        # a channel's messages: the channel; an official website's pages: its office
        default = doc.claimant or site_claimant(doc.url) or DEFAULT_CLAIMANT
        hits, split = prepared
        last_region: Mention | None = None  # the region named last, for "в той же области"
        starts = [start for start, _, _ in hits]
        reach = list(accumulate((end for _, end, _ in hits), max))  # furthest end of hits[:k + 1]
        first = 0
        for index, (offset, sentence) in enumerate(split):
            stop = offset + len(sentence)
            first = bisect_left(starts, offset, first)
            last = bisect_left(starts, stop, first)
            across = (first and reach[first - 1] > offset) or (
                last > first and reach[last - 1] > stop
            )
            if across:  # a name across a sentence break: scan this sentence on its own
                found = self.scanner.find(sentence, index, offset)
            elif (
                last > first
                or " of " in sentence
                or "агломерац" in sentence
                or names_a_raion_noun(sentence)  # "the Kupyansky district"
                or bullet_axis_line(sentence)  # "- Костянтинівський – 15;": an axis of a list
            ):
                found = self.scanner.find(
                    sentence,
                    index,
                    offset,
                    [(s - offset, e - offset, k) for s, e, k in hits[first:last]],
                )
            else:  # no name, no "village of X", agglomeration or district: nothing to find
                previous.saw(sentence)
                continue
            last_region = self._same_region(found, last_region)
            site = [m for m in found if m.role == "site"]
            if not site:
                previous.saw(sentence)
                continue
            frame = analyse_sentence(
                sentence, doc.published, default, previous.get, (named, offset)
            )
            if frame.claimant.text:
                previous.set(frame.claimant)
            per_sentence.append((offset, sentence, site, frame))
            indexes.append(index)
            if len(site) < len(found):  # only then can some mention be an actor
                stats.actors += sum(1 for m in found if m.role == "actor")
        return _credited(split, per_sentence, indexes, named, default)


def _credited(
    split: list[tuple[int, str]],
    per_sentence: list[tuple[int, str, list[Mention], ClaimFrame]],
    indexes: list[int],
    named: DocumentClaimants,
    default: Claimant,
) -> list[tuple[int, str, list[Mention], ClaimFrame]]:
    """``per_sentence`` with the sentences that credit nobody given the claimant a credit
    outside them gives (:mod:`geo.claims.scope`: "Про це повідомив голова ОВА …" for the
    sentences before it, a quotation closed by "— заявив Малашко"), else the document's one
    source when all it credits is one claimant (a regional administration's summary rewritten by a
    news site); a sentence naming its own claimant keeps it, and a recap of earlier news
    ("Нагадаємо, …", "As reported, …") is nobody's."""
    mains = [frame.main for _, _, _, frame in per_sentence]
    if all(main is not default for main in mains):
        return per_sentence
    speakers = {  # credit nobody, but say somebody said it: "Filashkin said", "заявив Кім"
        i for i, (*_, frame) in zip(indexes, per_sentence, strict=True)
        if frame.main is default and frame.reported
    }  # fmt: skip
    own = {i for i, main in zip(indexes, mains, strict=True) if main.text}
    credits = credited_sentences(split, named, speakers, own)
    source = None
    if default is DEFAULT_CLAIMANT:  # a channel's messages are the channel's where they name nobody
        explicit: dict[str, Claimant | None] = {main.name: main for main in mains if main.text}
        known = credits.named.keys() | explicit.keys()
        if len(known) <= 1:
            # the sentences without places count too: one more source ("…, заявили в Минобороны")
            # makes two; the only one ("Обстановку описал военный эксперт Борис Рожин.") is it
            explicit = sources_elsewhere(named, split, indexes, known) | explicit
            source = credits.single_source(explicit)
            if source is not None and source.side and named.voice() not in (None, source.side):
                # a report in the other side's words ("боевики", "киевский режим") tells of the
                # source's claim, and its own narration is not the source's
                source = None
    if source is None and not credits.by_sentence:
        return per_sentence
    out = []
    for index, (offset, sentence, site, frame) in zip(indexes, per_sentence, strict=True):
        given = credits.by_sentence.get(index, source) if frame.main is default else None
        if given is not None and not is_recap(sentence):
            frame = recredit(frame, default, given)
        out.append((offset, sentence, site, frame))
    return out


def extract_records(
    paths: Iterable[str | Path],
    published: date | None = None,
    *,
    extractor: Extractor | None = None,
    stats: ExtractStats | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> Iterator[dict]:
    """Stream event records from files, folders, ``-`` or JSONL (see :func:`iter_documents`)."""
    extractor = extractor or Extractor()
    stats = stats if stats is not None else ExtractStats()
    for batch in batches(iter_documents(paths, published)):
        for doc, prepared in zip(batch, [extractor.prepare(doc) for doc in batch], strict=True):
            yield from extractor.document_records(doc, stats, prepared)
            if on_document is not None and not doc.skipped:
                on_document(doc)


def records_frame(records: Iterable[dict]) -> gpd.GeoDataFrame:
    """Records → GeoDataFrame in schema column order, EPSG:4326, one point per resolved record."""
    rows = list(records)
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    lon = pd.to_numeric(frame["longitude"], errors="coerce").to_numpy(dtype=float)
    lat = pd.to_numeric(frame["latitude"], errors="coerce").to_numpy(dtype=float)
    points = shapely.points(lon, lat)
    points[np.isnan(lon) | np.isnan(lat)] = None
    frame = gpd.GeoDataFrame(
        frame, geometry=gpd.GeoSeries(points, index=frame.index, crs="EPSG:4326")
    )
    for column in INTEGER_COLUMNS:
        frame[column] = frame[column].astype("Int64")
    return frame


def extract_frame(
    paths: Iterable[str | Path], published: date | None = None, **kwargs
) -> gpd.GeoDataFrame:
    """All records of ``paths`` as one GeoDataFrame."""
    return records_frame(extract_records(paths, published, **kwargs))
