"""Whose side a Ukrainian or Russian claim is on when the sentence does not say it outright.

"Генштаб" or "Минобороны" alone names no country: Russian outlets quote "Генштаб ВСУ" as readily
as TASS quotes "Минобороны России", so the language of the text cannot tell. The document
decides (its nearest explicit mention), else the channel that posted it, else Ukrainian
orthography; otherwise the claimant stays unstated. "Противник" and "ЗСУ" as actors take their
side from the claimant, also when the claimant is only the channel's default."""

from __future__ import annotations

from datetime import date

import pytest

from geo.claims import Claimant, analyse_sentence
from geo.claims.analyse import DocumentClaimants
from tests.test_claims import PUBLISHED

RU_MOD_CHANNEL = Claimant("Russian MoD", "military", "RU", None)
UA_STAFF_CHANNEL = Claimant("Ukrainian military", "military", "UA", None)
OTHER_CHANNEL = Claimant("Военный обозреватель", "channel", "", None)
GENERAL_STAFF = "General Staff (country not stated)"
MINISTRY = "Defence ministry (country not stated)"


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        # Russian text names no country: never Ukraine's on a guess
        ("Генштаб сообщил, что ВСУ обстреляли Донецк.", GENERAL_STAFF),
        ("По данным Генерального штаба, противник атаковал Работино.", GENERAL_STAFF),
        ("Минобороны сообщило, что войска освободили Марьинку.", MINISTRY),
        ("В Министерстве обороны заявили, что отражены три атаки у Кременной.", MINISTRY),
        ("В МО сообщили, что войска освободили Марьинку.", MINISTRY),
        ("Как отметили в оборонном ведомстве, войска освободили Марьинку.", MINISTRY),
        ("Как указали в российском оборонном ведомстве, войска освободили Марьинку.",
         "Russian MoD"),
        ("Генеральный штаб Вооруженных сил России сообщил об ударах по Херсону.", "Russian MoD"),
        ("Про це повідомив Генеральний штаб Збройних сил України, ворог атакував Куп'янськ.",
         "Ukrainian military"),
        # Ukrainian text: Ukrainian outlets always qualify Russia's ("Міноборони РФ")
        ("Генштаб повідомив, що ворог обстріляв Херсон.", "Ukrainian military"),
        ("Міноборони повідомило, що оборонці відбили атаки під Бахмутом.", "Ukrainian MoD"),
        # a country written after the word is read as written, in either language
        ("Генштаб ВСУ сообщил, что российские войска обстреляли Херсон.", "Ukrainian military"),
        ("Минобороны России сообщило об освобождении Марьинки.", "Russian MoD"),
        ("Генштаб РФ сообщил, что войска продвинулись у Авдеевки.", "Russian MoD"),
        ("Міноборони РФ заявило про захоплення Мар'їнки.", "Russian MoD"),
        # another country's ministry is neither side's, and not a bare one either
        ("Минобороны США сообщило, что Россия обстреливает Херсон.", "Unattributed report"),
        ("Міноборони Великої Британії повідомило, що росіяни штурмують Авдіївку.",
         "British intelligence"),
    ],
)  # fmt: skip
def test_a_bare_staff_or_ministry_without_a_document(sentence, claimant):
    assert analyse_sentence(sentence, PUBLISHED).claimant.name == claimant


@pytest.mark.parametrize(
    "default, claimant",
    [
        (RU_MOD_CHANNEL, "Russian MoD"),
        (UA_STAFF_CHANNEL, "Ukrainian military"),
        (OTHER_CHANNEL, GENERAL_STAFF),  # a channel of no known side decides nothing
    ],
)
def test_the_channel_decides_when_the_document_does_not(default, claimant):
    frame = analyse_sentence("Генштаб сообщил, что ВСУ обстреляли Донецк.", PUBLISHED, default)
    assert (frame.claimant.name, frame.claimant.text) == (claimant, "Генштаб")


def test_the_nearest_explicit_mention_in_the_document_decides():
    text = (
        "Генштаб ВСУ опубликовал утреннюю сводку. Генштаб сообщил, что российские войска "
        "обстреляли Херсон. Позже Минобороны России выступило с заявлением. Генштаб сообщил, "
        "что войска продвинулись у Авдеевки."
    )
    named = DocumentClaimants(text)
    first, second = text.index("Генштаб сообщил"), text.rindex("Генштаб сообщил")
    sentence = "Генштаб сообщил, что войска продвинулись у Авдеевки."
    assert analyse_sentence(sentence, PUBLISHED, document=(named, first)).claimant.name == (
        "Ukrainian military"
    )
    assert analyse_sentence(sentence, PUBLISHED, document=(named, second)).claimant.name == (
        "Russian MoD"
    )
    # the document outranks the channel: a Russian channel quoting "Генштаб ВСУ"
    frame = analyse_sentence(sentence, PUBLISHED, RU_MOD_CHANNEL, document=(named, first))
    assert frame.claimant.name == "Ukrainian military"


def test_a_document_naming_neither_side_leaves_it_to_the_channel():
    text = "Генштаб сообщил, что ВСУ обстреляли Донецк. Об этом пишет Коммерсантъ."
    sentence = text.split(". ")[0] + "."
    frame = analyse_sentence(sentence, PUBLISHED, document=(DocumentClaimants(text), 0))
    assert frame.claimant.name == GENERAL_STAFF


def test_a_document_through_extraction(extractor):
    """End to end: a Russian-language report that quotes the Ukrainian General Staff in its
    first sentence credits the bare "Генштаб" of its second to Ukraine, and its records say so."""
    from geo.text.sources import Document

    doc = Document(
        "report",
        "Генштаб ВСУ опубликовал утреннюю сводку.\n\nГенштаб сообщил, что российские войска "
        "обстреляли Херсон.",
        published=date(2023, 3, 21),
    )
    (record,) = extractor.document_records(doc)
    assert (record["location"], record["claimant"], record["actor1"]) == (
        "Херсон",
        "Ukrainian military",
        "Military Forces of Russia",
    )


@pytest.mark.parametrize(
    "sentence, default, actors",
    [
        # "противник" is the side opposite the channel's, as for a written claimant
        ("Противник атаковал позиции у Кременной.", RU_MOD_CHANNEL,
         ("Military Forces of Ukraine", None)),
        ("Противник атакував позиції біля Кремінної.", UA_STAFF_CHANNEL,
         ("Military Forces of Russia", None)),
        ("Наши подразделения отразили атаки противника у Кременной.", RU_MOD_CHANNEL,
         ("Military Forces of Russia", "Military Forces of Ukraine")),
        # a channel of no known side, or no channel: nobody in particular
        ("Противник атаковал позиции у Кременной.", OTHER_CHANNEL, (None, None)),
        ("Противник атаковал позиции у Кременной.", None, (None, None)),
        # a written claimant outranks the channel's side
        ("Сырский сообщил, что противник атаковал Работино.", RU_MOD_CHANNEL,
         ("Military Forces of Russia", None)),
        # English "the enemy", as the General Staff's English posts write it
        ("The enemy shelled Kherson overnight.", UA_STAFF_CHANNEL,
         ("Military Forces of Russia", None)),
        ("Ukraine's military said the enemy shelled Kherson.", None,
         ("Military Forces of Russia", None)),
        ("The enemy shelled Kherson overnight.", None, (None, None)),
        ("An enemy of the state was arrested in Kherson.", UA_STAFF_CHANNEL, (None, None)),
    ],
)  # fmt: skip
def test_the_enemy_is_the_opponent_of_the_channel_too(sentence, default, actors):
    frame = analyse_sentence(sentence, PUBLISHED, *([default] if default else []))
    assert (frame.actor1, frame.actor2) == actors


UA, RU = "Military Forces of Ukraine", "Military Forces of Russia"


@pytest.mark.parametrize(
    "sentence, claimant, actors",
    [
        # a force acting is the actor; whoever the sentence credits is the claimant
        ("Сили оборони відбили 12 атак під Бахмутом, повідомили в ОВА.", "Regional authorities",
         (UA, None)),
        ("ВСУ нанесли удар по Донецку, сообщил Пушилин.", "Russian-installed authorities",
         (UA, None)),
        ("Вооруженные силы Украины обстреляли Донецк, заявил мэр города.",
         "Regional authorities", (UA, None)),
        ("Украинские военные отразили атаки у Работино, сообщил губернатор.",
         "Regional authorities", (UA, None)),
        ("ЗСУ відбили 12 атак під Бахмутом.", "Unattributed report", (UA, None)),
        ("ВС РФ освободили Марьинку.", "Unattributed report", (RU, None)),
        ("Подразделения ДНР отразили атаку у Угледара.", "Unattributed report", (RU, None)),
        # the same forces speaking are the claimant, and come after the forces said to act
        ("Сили оборони півдня України повідомили, що ворог обстріляв Херсон.",
         "Ukrainian military", (RU, UA)),
        ("Сили оборони півдня повідомляють, що ворог обстріляв Херсон.",
         "Ukrainian military", (RU, UA)),
        ("За даними Сил оборони, ворог обстріляв Херсон.", "Ukrainian military", (RU, UA)),
        ("У ЗСУ заявили, що ворог обстріляв Херсон.", "Ukrainian military", (RU, UA)),
        ("Украинские военные рассказали, что противник атаковал Работино.",
         "Ukrainian military", (RU, UA)),
        ("Генштаб ВСУ сообщил, что противник атаковал Работино.", "Ukrainian military",
         (RU, UA)),
        # ... and the actor when nobody else is said to act
        ("Вооруженные силы Украины сообщили, что отразили атаку у Работино.",
         "Ukrainian military", (UA, None)),
    ],
)  # fmt: skip
def test_a_force_acting_is_the_actor_not_the_claimant(sentence, claimant, actors):
    frame = analyse_sentence(sentence, PUBLISHED)
    assert (frame.claimant.name, (frame.actor1, frame.actor2)) == (claimant, actors)


@pytest.mark.parametrize(
    "sentence, default, claimant, actor",
    [
        ("ЗСУ відбили 12 атак під Бахмутом.", UA_STAFF_CHANNEL, "Ukrainian military",
         "Military Forces of Ukraine"),
        ("ВС РФ освободили Марьинку.", RU_MOD_CHANNEL, "Russian MoD", "Military Forces of Russia"),
        ("ВСУ нанесли удар по Донецку.", RU_MOD_CHANNEL, "Russian MoD",
         "Military Forces of Ukraine"),
    ],
)  # fmt: skip
def test_a_force_acting_in_a_channel_s_post_leaves_the_channel_the_claimant(
    sentence, default, claimant, actor
):
    frame = analyse_sentence(sentence, PUBLISHED, default)
    assert (frame.claimant.name, frame.claimant.text, frame.actor1) == (claimant, None, actor)


def test_a_channel_post_through_extraction(extractor):
    """End to end: a post of the Russian MoD's channel (its default claimant) that says
    "противник" and "Генштаб" without a country: Ukraine's forces acted, Russia's staff speaks."""
    from geo.text.channels import channel_claimant
    from geo.text.sources import Document

    channel, _ = channel_claimant("Минобороны России")
    doc = Document(
        "mod_russia/1",
        "Генштаб сообщил, что противник атаковал позиции у Кременной.",
        published=date(2023, 3, 21),
        claimant=channel,
    )
    (record,) = extractor.document_records(doc)
    assert (record["location"], record["claimant"], record["actor1"]) == (
        "Кременной",
        "Russian MoD",
        "Military Forces of Ukraine",
    )
