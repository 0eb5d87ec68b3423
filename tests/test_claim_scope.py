"""Credits that reach past their sentence (geo.claims.scope): a source line credits what came
before it, a colon what follows, a closed quotation its speaker, a headline's closing dash its
source, a surname the office the document gave it; a document that credits one claimant only is
that claimant's throughout. Each case is written as the sources write it; the negatives keep
what a sentence credits itself, several sources apart, recaps and a channel's own words."""

from __future__ import annotations

from datetime import date

import pytest

from geo.claims import Claimant
from geo.claims.analyse import UNATTRIBUTED
from geo.text.sources import Document


def claimants(extractor, text: str, claimant: Claimant | None = None) -> dict[str, str]:
    """Each record's location → claimant, for one document."""
    doc = Document(doc_id="t", text=text, published=date(2025, 9, 11), claimant=claimant)
    return {r["location"]: r["claimant"] for r in extractor.document_records(doc)}


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a source line credits the sentences before it (ostro.org, a regional summary)
            "Окупанти обстріляли Оріхів і Гуляйполе. Про це повідомив голова Запорізької ОВА "
            "Іван Федоров.",
            {"Оріхів": "Regional authorities", "Гуляйполе": "Regional authorities"},
        ),
        (  # Russian: "Об этом сообщили в …"
            "Противник обстрелял Белгородку и Шебекино. Об этом сообщили в Минобороны России.",
            {"Белгородку": "Russian MoD"},
        ),
        (  # English
            "Russian troops shelled Beryslav and Bilozerka overnight. This was reported by the "
            "Kherson regional military administration.",
            {"Beryslav": "Regional authorities", "Bilozerka": "Regional authorities"},
        ),
        (  # a colon credits what follows: the post quoted
            "Голова Херсонської ОВА Олександр Прокудін повідомив у телеграм-каналі:\n"
            "«Минулої доби під обстрілами опинилися Кізомис, Станіслав і Білозерка.»",
            {"Кізомис": "Regional authorities", "Білозерка": "Regional authorities"},
        ),
        (  # a headline's closing dash names its source ("– ЗСУ"), which covers the report
            "Сили оборони контролюють північну частину Покровська – ЗСУ\n\n"
            "У Мирнограді українські підрозділи тримають оборону.",
            {"Покровська": "Ukrainian military", "Мирнограді": "Ukrainian military"},
        ),
        (  # one claimant credited, one source: the report is the governor's throughout
            "Russian forces shelled Kherson overnight, the regional governor said. Two people "
            "were wounded in Bilozerka.",
            {"Kherson": "Regional authorities", "Bilozerka": "Regional authorities"},
        ),
        (  # set 75: a report in the words of the source's enemy ("боевиков") tells
            # of the source's claim, and its own narration is nobody's
            "По данным генштаба ВСУ, украинские формирования будто бы продвинулись к селу "
            "Новопрокоповка. Российские подразделения удерживают центр села Работино, не "
            "пропуская дальше украинских боевиков.",
            {"Новопрокоповка": "Ukrainian military", "Работино": "Unattributed report"},
        ),
        (  # … where the report speaks as the source's side does, the source's throughout
            "По данным Генштаба ВСУ, Силы обороны продвинулись к селу Новопрокоповка. Оккупанты "
            "удерживают центр села Работино, но россияне несут потери.",
            {"Новопрокоповка": "Ukrainian military", "Работино": "Ukrainian military"},
        ),
    ],
)
def test_credit_reaches_the_sentences_it_covers(extractor, text, expected):
    found = claimants(extractor, text)
    assert {place: found.get(place) for place in expected} == expected


def test_quotation_is_its_speakers_whose_office_the_document_gave(extractor):
    """A quotation of two sentences closed by "- повідомив Малашко": the head of the regional
    administration the document named a paragraph before, with the General Staff credited
    elsewhere in the document (so no single source decides)."""
    text = (
        "Про це вранці повідомляє у Телеграм голова ОВА Юрій Малашко.\n\n"
        '"Ворог завдав 7 БПЛА-атак по Гуляйполю та Новоданилівці. Вгатив 6 авіабомбами по '
        'Оріхову", - повідомив Малашко.\n\n'
        "Генштаб ЗСУ повідомив, що оборонці відбили 12 атак біля Кліщіївки."
    )
    found = claimants(extractor, text)
    assert found["Гуляйполю"] == found["Оріхову"] == "Regional authorities"
    assert found["Кліщіївки"] == "Ukrainian military"


def test_the_agencys_interlocutor_is_the_one_it_quoted(extractor):
    """Set 76 (TASS): "Собеседник агентства добавил" refers back to the expert the agency quoted,
    Marochko, as "Он добавил" does."""
    text = (
        "Как сообщил ТАСС военный эксперт Андрей Марочко, армия РФ улучшила тактическое положение "
        "у Ступочек. Собеседник агентства добавил, что у Майского армия РФ заняла ряд ключевых "
        "высот. В Минобороны РФ сообщили об освобождении Часова Яра."
    )  # two sources: no single one credits the document
    assert claimants(extractor, text)["Майского"] == "Russian-installed authorities"


def test_according_to_a_named_general_staff_is_no_reference_back(extractor):
    """Set 75: "За даними Генштабу ЗСУ" names its source; only a bare "за даними Генштабу"
    refers back to the one named before. After "…, додав Синєгубов" it had inherited the
    regional governor."""
    text = (
        "У Куп’янську обстрілами пошкоджені три приватні будинки, додав Синєгубов.\n"
        "За даними Генштабу ЗСУ, на Куп’янському напрямку війська РФ вели штурмові дії в районах "
        "Синьківки та Петропавлівки Харківської області."
    )
    found = claimants(extractor, text)
    assert found["Синьківки"] == found["Петропавлівки"] == "Ukrainian military"
    assert found["Куп’янську"] == "Regional authorities"


def test_a_surname_speaks_for_the_grouping_whose_side_the_document_states(extractor):
    """Set 76: "Гордеев отметил" after "Начальник пресс-центра группировки «Восток» Александр
    Гордеев сообщил" is the grouping's press centre, and in a Russian report of "ВСУ" that is
    the Russian MoD's, as the grouping named in the sentence itself would be; the side was left
    unstated."""
    text = (
        "Начальник пресс-центра группировки «Восток» Александр Гордеев сообщил, что подразделения "
        "группировки пресекли попытки противника провести ротацию.\n\n"
        "Гордеев отметил, что войска группировки улучшили положение по переднему краю в районах "
        "Макаровки и Угледара.\n\n"
        "Кроме того, были поражены опорные пункты 72-й механизированной бригады ВСУ в районе "
        "Нескучного, указал начальник пресс-центра."
    )
    found = claimants(extractor, text)
    assert found["Макаровки"] == found["Угледара"] == "Russian MoD"


def test_surname_speaker_in_english(extractor):
    """ "Filashkin said": the head of the Donetsk regional military administration, as the first
    sentence says; the ministry's claim in between keeps its own claimant."""
    text = (
        "Vadym Filashkin, head of the Donetsk regional military administration, announced an "
        "evacuation of Dobropillia. Russia's defence ministry said its forces captured "
        "Bohdanivka. Filashkin said Russian shelling hit Kostiantynivka."
    )
    found = claimants(extractor, text)
    assert found["Kostiantynivka"] == "Regional authorities"
    assert found["Bohdanivka"] == "Russian MoD"


def test_several_sources_leave_the_uncredited_sentence_unattributed(extractor):
    text = (
        "Russia's defence ministry said its forces captured Bohdanivka. Fighting continued near "
        "Chasiv Yar. Ukraine's General Staff said it repelled attacks near Kupiansk."
    )
    found = claimants(extractor, text)
    assert found == {
        "Bohdanivka": "Russian MoD",
        "Chasiv Yar": UNATTRIBUTED,
        "Kupiansk": "Ukrainian military",
    }


@pytest.mark.parametrize(
    "recap",
    [
        "Нагадаємо, раніше окупанти обстріляли Херсон.",
        # set 69: an earlier report told in the passive, dated or not
        "14 декабря сообщалось, что российские войска установили контроль над Херсоном.",
        "Повідомлялося, що окупанти обстріляли Херсон.",
    ],
)
def test_recap_of_earlier_news_is_nobodys(extractor, recap):
    """ "Нагадаємо, …", "14 декабря сообщалось, что …": the news site's recap, which the
    administration's report does not vouch for, though it is the document's one source."""
    text = (
        "Окупанти обстріляли Берислав, повідомив голова Херсонської ОВА Олександр Прокудін.\n"
        + recap
    )
    found = claimants(extractor, text)
    assert found["Берислав"] == "Regional authorities"
    assert [c for place, c in found.items() if place.startswith("Херсон")] == [UNATTRIBUTED]


def test_surname_without_an_office_credits_nobody(extractor):
    """A speaker the document never places in an office is not guessed at."""
    text = "Kovalenko said Russian shelling hit Kostiantynivka overnight."
    assert claimants(extractor, text) == {"Kostiantynivka": UNATTRIBUTED}


def test_channel_message_keeps_the_channel_for_its_own_words(extractor):
    """A channel's message: the sentence it credits to nobody is the channel's, though another
    sentence of it credits the Russian MoD (no single source overrides a channel)."""
    channel = Claimant("Ukrainian military", "military", "UA", None)
    text = (
        "Russia's defence ministry claimed its forces captured Kupiansk. Ukrainian units held "
        "positions near Kupiansk-Vuzlovyi."
    )
    found = claimants(extractor, text, channel)
    assert found["Kupiansk"] == "Russian MoD"
    assert found["Kupiansk-Vuzlovyi"] == "Ukrainian military"


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        # a blog of the Ukrainian military's name is DeepState's, not the military's
        ("The Ukrainian military blog DeepState said Russian troops advanced near Pokrovsk.",
         "DeepState"),
        # Russia's General Staff and its chief are Russia's military command
        ("The Chief of Russia's General Staff, Valery Gerasimov, said Russian forces captured "
         "Kupiansk.", "Russian MoD"),
        # a district administration and its English abbreviations
        ("Roman Vlasenko, head of the Severodonetsk district administration, said that the most "
         "difficult situation is near Kreminna.", "Regional authorities"),
        ("The Chernihiv RMA said Russian troops shelled Semenivka.", "Regional authorities"),
        # the Air Force, the operational groups, the border guards, the National Guard and
        # the spokesmen who speak for them are the Ukrainian military
        ("Ukraine's Air Force said it shot down drones over Kharkiv.", "Ukrainian military"),
        ("Khortytsia group spokesman Nazar Voloshyn said Russian troops attacked near Pokrovsk.",
         "Ukrainian military"),
        ("Прикордонники повідомили, що ворог обстріляв Сумщину.", "Ukrainian military"),
        ("Речник Нацгвардії повідомив про бої біля Часового Яру.", "Ukrainian military"),
        # an oblast administration's Ukrainian abbreviation with the oblast's letter (ХОВА)
        ("Двоє людей отримали поранення внаслідок обстрілів Куп'янська, повідомляє начальник "
         "ХОВА Олег Синєгубов.", "Regional authorities"),
    ],
)  # fmt: skip
def test_claimant_table_rows(extractor, sentence, claimant):
    assert set(claimants(extractor, sentence).values()) == {claimant}


def test_according_to_him_refers_back(extractor):
    """ "According to him, …" credits whoever the sentence before credited, as "He said" does;
    the document credits two claimants, so no single source decides it."""
    text = (
        "Ivan Fedorov, head of the Zaporizhzhia regional military administration, said Russian "
        "troops struck Orikhiv. According to him, Novodanylivka and Mala Tokmachka suffered "
        "airstrikes. Russia's defence ministry said its forces captured Robotyne."
    )
    found = claimants(extractor, text)
    assert found["Novodanylivka"] == found["Mala Tokmachka"] == "Regional authorities"
    assert found["Robotyne"] == "Russian MoD"


def test_a_word_after_says_is_no_speaker(extractor):
    """ "A Ukrainian official says Russian shelling …": "Russian" is no surname, though the
    document names Russia's president a paragraph later."""
    text = (
        "A Ukrainian official says Russian shelling has killed five civilians in Avdiivka.\n\n"
        "Russian President Vladimir Putin recognized the separatist republics."
    )
    assert claimants(extractor, text)["Avdiivka"] == UNATTRIBUTED


def test_the_republic_as_a_place_is_no_speaker(extractor):
    """ "near the village of X in the Donetsk People's Republic": where, not who says it."""
    text = (
        "The ministry also reported that air defence systems hit a MiG-29 near the village of "
        "Krasnoarmeysk in the Donetsk People's Republic."
    )
    assert set(claimants(extractor, text).values()) == {UNATTRIBUTED}


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        ("Russia claimed on Sunday that it took control of a village in the Kharkiv region.",
         "Russian government"),
        ("Units of the Battlegroup Yug have taken control of Kleshcheyevka in the Donetsk "
         "People's Republic (DPR), the Russian Ministry of Defense reported.", "Russian MoD"),
        # the republic named as where, in brackets or after "of the": no speaker
        ("Russian forces took control of the Nevskoe settlement in the Lugansk People's Republic "
         "(LPR), the Russian Ministry of Defense said.", "Russian MoD"),
        ("Russian servicemen struck Ukrainian formations in four settlements of the Donetsk "
         "People's Republic, Russia's defence ministry said.", "Russian MoD"),
    ],
)  # fmt: skip
def test_russian_claimants_in_english(extractor, sentence, claimant):
    assert set(claimants(extractor, sentence).values()) == {claimant}


def test_a_sentence_without_places_can_credit_another_source(extractor):
    """news.ru: the ministry credited in a sentence that names no place, a DPR adviser in the
    last: two sources, so the sentences between are not the adviser's; "По данным ведомства"
    and "— говорится в сообщении" refer back to the ministry."""
    text = (
        "Военнослужащие Вооруженных сил России за неделю освободили шесть населенных пунктов в "
        "зоне проведения спецоперации, заявили в пресс-службе Министерства обороны РФ. По данным "
        "ведомства, четыре населенных пункта были взяты под контроль в ДНР.\n\n"
        "Подразделения освободили населенные пункты Среднее и Клебан-Бык, — говорится в "
        "сообщении.\n\n"
        "Как отметил советник главы ДНР Игорь Кимаковский, трасса между Добропольем и "
        "Краматорском активно использовалась ВСУ."
    )
    found = claimants(extractor, text)
    assert found["Среднее"] == found["Клебан-Бык"] == "Russian MoD"
    assert found["Краматорском"] == "Russian-installed authorities"


def test_a_place_free_credit_vetoes_the_single_source(extractor):
    """The only claimant named beside places is the DPR adviser; the ministry, credited in a
    sentence without places, is a second source: the uncredited sentence stays unattributed."""
    text = (
        "Российские войска продвинулись за неделю, заявили в пресс-службе Министерства обороны "
        "РФ.\n\nБои идут у Торецка.\n\n"
        "Как отметил советник главы ДНР Игорь Кимаковский, трасса между Добропольем и "
        "Краматорском активно использовалась ВСУ."
    )
    found = claimants(extractor, text)
    assert found["Торецка"] == UNATTRIBUTED


def test_posted_credits_and_two_colons_two_sources(extractor):
    """ "The General Staff posted this morning:" credits the post it quotes, and "Russia's
    defence ministry said:" the briefing after it: two sources, each over its own lines."""
    text = (
        "The General Staff posted this morning:\n"
        "Оборонці відбили 40 атак під Бахмутом та біля Авдіївки.\n"
        "Russia's defence ministry said:\n"
        "Подразделения отразили атаки в районе Авдеевки."
    )
    found = claimants(extractor, text)
    assert found["Бахмутом"] == found["Авдіївки"] == "Ukrainian military"
    assert found["Авдеевки"] == "Russian MoD"


def test_quoted_general_staff_is_the_one_the_document_names(extractor):
    """2day.kh.ua: "Про це … повідомив Генштаб ЗСУ." and a quotation closed by "— розповіли в
    Генштабі": the General Staff the document named, so one source covers the list after it."""
    text = (
        "На Куп'янському напрямку противник безуспішно намагався прорвати оборону.\n\n"
        "Про це у вечірньому зведенні повідомив Генштаб ЗСУ.\n\n"
        "Противник здійснив артилерійські обстріли Дворічної та Масютівки.\n\n"
        '"Також противник здійснив невдалі спроби наступальних дій в районах населених пунктів '
        'Гряниківка та Спірне", — розповіли в Генштабі.'
    )
    found = claimants(extractor, text)
    assert found["Гряниківка"] == found["Спірне"] == "Ukrainian military"
    assert found["Дворічної"] == found["Масютівки"] == "Ukrainian military"


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # rbc.ua: the grouping "Схід" and "— додали у ЗСУ" after the quotations
            '"Оборона Покровська триває, наші війська контролюють північну частину міста", - '
            'зазначили у угрупованні військ "Схід".\n\n'
            "Повідомляється, що у районі Мирнограда ситуація залишається складною.\n\n"
            '"Наші захисники зупинили 47 штурмових дій у районах Шахового та Родинського", - '
            "додали у ЗСУ.",
            {"Покровська": "Ukrainian military", "Мирнограда": "Ukrainian military",
             "Родинського": "Ukrainian military"},
        ),
        (  # the General Staff in the Russian prepositional case
            "В Генеральном штабе Вооруженных сил Украины сообщили, что вчера были обстреляны "
            "Копанки и Берестово.",
            {"Берестово": "Ukrainian military"},
        ),
        (  # npu.gov.ua: the headline's dash names the police, the report is theirs
            "Двоє загиблих і двоє поранених за добу – поліція Донеччини документує наслідки "
            "російських влучань\nУ вогні опинились міста Гірник, Костянтинівка та Мирноград.\n"
            "Одна людина загинула від артобстрілу у Гірнику.",
            {"Костянтинівка": "Ukrainian government", "Гірнику": "Ukrainian government"},
        ),
        (  # war-evidence.mkip.gov.ua: an article closed by its source
            "The Russians sent MLRS Grad and heavy artillery to Marhanets and Nikopol. Nikopol "
            "suffered the most.\n\nSource: Dnipropetrovska ODA",
            {"Marhanets": "Regional authorities", "Nikopol": "Regional authorities"},
        ),
        (  # a source line after the outlet that relays it
            "Invaders fired on high-rise buildings in Orikhiv, killing two people.\n\nAccording "
            "to Censor.NET, this was announced on Telegram by the head of the Zaporizhzhia "
            "Regional Military Administration Oleksandr Starukh.",
            {"Orikhiv": "Regional authorities"},
        ),
        (  # discover24.ru: the only source is named in a sentence without places
            "Украинские формирования попытались атаковать район населённого пункта Тёткино. "
            "Обстановку в приграничном регионе в своём Telegram-канале описал военный эксперт "
            "Борис Рожин.\n\nАналогичная ситуация фиксируется и в районе Белополья.",
            {"Тёткино": "Russian milbloggers", "Белополья": "Russian milbloggers"},
        ),
        (  # a wire dateline is no source; "The ministry said" refers back to the ministry
            "MOSCOW (Reuters) - Russia's Defence Ministry said on Friday that its forces had "
            "captured a string of frontline settlements.\n\nThe ministry said that four "
            "settlements were now under its control, including Yampil, east of Sloviansk.",
            {"Yampil": "Russian MoD"},
        ),
        (  # "The police also said" refers back to the police
            "The Ukrainian police reported that a worker was killed in Pervomaiske. The police "
            "also said that Russian forces dropped bombs on the villages of Tiahynka and Vesele. "
            "Russia's defence ministry said its forces hit Kherson.",
            {"Tiahynka": "Ukrainian government", "Vesele": "Ukrainian government"},
        ),
    ],
)  # fmt: skip
def test_credits_as_real_reports_give_them(extractor, text, expected):
    found = claimants(extractor, text)
    assert {place: found.get(place) for place in expected} == expected


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        ("На півночі росіяни просунулися в районі Новоселидівки, пише український військовий "
         "паблік Deep State.", "DeepState"),
        ("Російські пабліки заявляють, що їхні війська вже за два кілометри від Сонцівки.",
         "Russian milbloggers"),
        ("Українські військові пишуть про бої у селі Іллінка.", "Ukrainian military"),
    ],
)  # fmt: skip
def test_more_claimant_rows(extractor, sentence, claimant):
    assert set(claimants(extractor, sentence).values()) == {claimant}


def test_an_outlet_that_could_not_verify_is_no_single_source(extractor):
    """ "Reuters could not independently verify the reports": the wire story has sources of its
    own, so the governor credited once does not cover the reporter's narrative, and Reuters
    alone vouches for nothing."""
    text = (
        "Russian forces shelled Kherson overnight, the regional governor said.\n\n"
        "Fighting raged on in the town of Chasiv Yar.\n\n"
        "Reuters could not independently verify the battlefield reports."
    )
    assert claimants(extractor, text)["Chasiv Yar"] == UNATTRIBUTED
    alone = "Fighting raged on in the town of Chasiv Yar. Reuters could not verify the reports."
    assert claimants(extractor, alone)["Chasiv Yar"] == UNATTRIBUTED


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        # lenta.ru: occupation officials and their advisers who brief on the front
        ("Российская армия продвинулась в районах Кучеровки и Петропавловки, пишет военный "
         "эксперт Андрей Марочко.", "Russian-installed authorities"),
        ("Глава российской военно-гражданской администрации Виталий Ганчев рассказал, что "
         "российские военные подошли к окраинам Купянска.", "Russian-installed authorities"),
        # censor.net/ru: the oblast administration's Russian abbreviation
        ("В Славянске повреждены 4 частных дома, сообщил глава Донецкой ОГА Вадим Филашкин.",
         "Regional authorities"),
        # the imperfect reports too ("сообщал")
        ("В понедельник глава ДНР Денис Пушилин сообщал, что российские войска зашли в "
         "Северск.", "Russian-installed authorities"),
        # set 76: Rogov by "по словам", milbloggers called pro-war
        ("По словам Рогова, российские силы освободили около 20 кв. км в районе Работино.",
         "Russian-installed authorities"),
        ("Российские провоенные блогеры ранее писали, что в центре Великой Новосёлки уже "
         "установлен российский флаг.", "Russian milbloggers"),
        # set 77: the imperfective "информировал"
        ("Ранее, 5 августа, Пасечник информировал, что в Сватово при ударе дрона ВСУ погибли "
         "четыре сотрудника водоканала.", "Russian-installed authorities"),
    ],
)  # fmt: skip
def test_russian_installed_and_russian_spellings(extractor, sentence, claimant):
    assert set(claimants(extractor, sentence).values()) == {claimant}


def test_a_quotation_closed_by_a_pronoun_is_the_last_named_claimant(extractor):
    """lenta.ru: the expert named two sentences before the quotation closed by "— рассказал
    эксперт"; the Ukrainian MP quoted after it makes two sources, so only the closing credit
    reaches the quotation."""
    text = (
        "Подразделения ВС России продвинулись у шести поселений в Харьковской области. Об этом "
        "сообщил военный эксперт Андрей Марочко, передает ТАСС.\n\n"
        "«В районах Старицы и Синельниково ВС РФ расширили зону контроля. Северо-восточнее "
        "Хатнего наши бойцы улучшили тактическое положение», — рассказал эксперт.\n\n"
        "Ранее нардеп Верховной Рады Марьяна Безуглая заявила, что в Купянске для ВСУ "
        "назревает катастрофа. По ее словам, после падения города откроется путь к Изюму."
    )
    found = claimants(extractor, text)
    assert found["Старицы"] == found["Хатнего"] == "Russian-installed authorities"
    assert found["Купянске"] == found["Изюму"] == "Ukrainian government"


def test_a_former_mp_is_no_ukrainian_official(extractor):
    """Oleg Tsarev, "экс-депутат Верховной Рады", writes as a Russian war blogger."""
    text = (
        "Российские подразделения вышли к рубежу обороны ВСУ у Коровьего Яра, сообщил "
        "экс-депутат Верховной Рады Олег Царев."
    )
    assert set(claimants(extractor, text).values()) == {"Russian milbloggers"}


def test_a_headline_closed_by_a_surname_is_that_persons(extractor):
    """en.lb.ua: "… - Haidai", the head of the Luhansk Military Administration, as the source
    line says; his report covers the text."""
    text = (
        "In Popasna, Occupied by Russian Troops, People Are Disappearing En Masse - Haidai\n\n"
        "Heavy fighting continues in Bilohorivka and on the outskirts of Sievierodonetsk.\n\n"
        "This was announced in Telegram by the head of the Luhansk Military Administration "
        "Serhiy Haidai."
    )
    found = claimants(extractor, text)
    assert found["Popasna"] == found["Bilohorivka"] == "Regional authorities"


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # Reuters: the ministry "in Moscow" is Russia's
            "Russian troops have made further gains near Pokrovsk, the Defence Ministry in Moscow "
            "said on Sunday.",
            {"Pokrovsk": "Russian MoD"},
        ),
        (  # lbcgroup.tv: a ministry of no stated country is the side the document names nearest
            "Russia said Sunday that its forces had captured the village of Orikhovo-Vasylivka. "
            "The defense ministry said in a daily briefing that its troops liberated Kurdiumivka.",
            {"Kurdiumivka": "Russian MoD"},
        ),
        (  # "In a post on Telegram, the ministry said …" refers back (two sources: no single)
            "Ukraine's General Staff said fighting continued near Pokrovsk. Russia's defence "
            "ministry said its forces advanced near Kurakhove. In a post on Telegram, the "
            "ministry said troops had captured Yevhenivka.",
            {"Pokrovsk": "Ukrainian military", "Yevhenivka": "Russian MoD"},
        ),
        (  # the Moscow Times: prosecutors are the Ukrainian government
            "Prosecutors in the Donetsk region said two civilians were killed in Toretsk.",
            {"Toretsk": "Ukrainian government"},
        ),
        (  # outlets given as the source of a claim
            "Russian media and war bloggers reported on Thursday that Russian forces had "
            "advanced into Selydove.",
            {"Selydove": "Russian media"},
        ),
        (  # commanders and spokesmen by name
            "In the past 24 hours, seven enemy attacks were repulsed near Synkivka, Fityo said.",
            {"Synkivka": "Ukrainian military"},
        ),
        ("Rogov stated that Ukrainian troops stormed Russian positions near Robotyne.",
         {"Robotyne": "Russian-installed authorities"}),
        (  # "Earlier the same day" is the report's own day, not a recap of earlier news
            "Earlier the same day, Governor Oleksandr Prokudin said that Russia had struck "
            "Kizomys overnight.",
            {"Kizomys": "Regional authorities"},
        ),
    ],
)  # fmt: skip
def test_english_sources_as_wire_stories_give_them(extractor, text, expected):
    found = claimants(extractor, text)
    assert {place: found.get(place) for place in expected} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # topnews.zp.ua: the police's list in a regional administration's report
            "Про це повідомляє Запорізька обласна військова адміністрація.\n\nЗа повідомленням "
            "ГУНП у Запорізькій області окупанти обстріляли Наталівку та Оріхів.",
            {"Наталівку": "Ukrainian government", "Оріхів": "Ukrainian government"},
        ),
        (  # news.ru: the DPR's head called the region's governor is no Ukrainian administration
            "Из-за атак ВСУ в Горловке погиб один человек, сообщил губернатор региона Денис "
            "Пушилин в Telegram-канале.",
            {"Горловке": "Russian-installed authorities"},
        ),
        (  # "Эксперт отметил" refers back to the expert named before
            "Об этом сообщил военный эксперт Андрей Марочко. Эксперт отметил, что ВСУ укрепляют "
            "оборону в районе Двуречной.",
            {"Двуречной": "Russian-installed authorities"},
        ),
    ],
)  # fmt: skip
def test_cyrillic_sources_as_reports_give_them(extractor, text, expected):
    found = claimants(extractor, text)
    assert {place: found.get(place) for place in expected} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # anews.com.tr: "Russia says" in a report of the ministry's briefing is the ministry
            "Russia says its forces took Vesele village near Pokrovsk\n\n"
            "Russian forces have taken control of the village, Russia's defence ministry said on "
            "Friday.",
            {"Vesele": "Russian MoD"},
        ),
        (  # plenglish.com: "highlighted", "recalled" report
            "Pushilin also highlighted that Ukrainian forces began regrouping near Vuhledar.",
            {"Vuhledar": "Russian-installed authorities"},
        ),
        (  # budrigannews: "A ministry report said" refers back; the General Staff makes two
            "Russia's defence ministry said its forces advanced near Kurakhove. A ministry report "
            "said the village of Zolota Nyva had been brought under Russian control. Ukraine's "
            "General Staff said fighting continued near Pokrovsk.",
            {"Zolota Nyva": "Russian MoD", "Pokrovsk": "Ukrainian military"},
        ),
        (  # regional heads by surname alone
            "Two people were wounded in Kupiansk, Syniehubov said.",
            {"Kupiansk": "Regional authorities"},
        ),
        ("Ukrainian military bloggers reported Russian advances near Toretsk.",
         {"Toretsk": "Ukrainian media"}),
        ("Vladyslav Voloshyn, spokesman for the Southern Defense Forces, refuted the Russian "
         "claim that Huliaipole had been captured.", {"Huliaipole": "Ukrainian military"}),
    ],
)  # fmt: skip
def test_english_sources_of_held_out_reports(extractor, text, expected):
    found = claimants(extractor, text)
    assert {place: found.get(place) for place in expected} == expected


def test_he_added_credits_the_speaker_not_the_service_he_names(extractor):
    """2day.kh.ua: "Він додав, що … піротехніки ДСНС знешкодили …" is the governor's, so it
    makes no second source: his quotation closed by "– написав Синєгубов" covers the report."""
    text = (
        "Під вогнем були Стрілеча, Стариця та Землянки.\n"
        '"У Вовчанську госпіталізована 72-річна жінка", – написав Синєгубов.\n'
        "Він додав, що упродовж доби піротехніки Державної служби з надзвичайних ситуацій "
        "знешкодили 49 вибухонебезпечних предметів."
    )
    found = claimants(extractor, text)
    assert found["Стрілеча"] == found["Вовчанську"] == "Regional authorities"


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        ("The defense ministry in Kyiv posted a video of marines hoisting a flag above Davydiv "
         "Brid.", "Ukrainian MoD"),
        ("Ukrainian forces have liberated Storozhove, the joint press centre of the Tavriya "
         "Defence Forces said.", "Ukrainian military"),
    ],
)  # fmt: skip
def test_ukrainian_institutions_as_english_wires_spell_them(extractor, sentence, claimant):
    assert set(claimants(extractor, sentence).values()) == {claimant}


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        # the speaker is the claimant next to the reporting verb, not the actor before it
        ("The Ukrainian armed forces aggressively attacked critical infrastructure in Vasylivka, "
         "Governor Yevgeny Balitsky said.", "Russian-installed authorities"),
        ("Up to three AFU battalions tried to break the Russian defense near Nova Kamianka, "
         "Konashenkov reported.", "Russian MoD"),
        # with no claimant next to a cue, the leftmost still speaks
        ("Ukraine's General Staff reported that Russia's defence ministry units attacked near "
         "Kupiansk.", "Ukrainian military"),
    ],
)  # fmt: skip
def test_the_claimant_next_to_the_reporting_verb_speaks(extractor, sentence, claimant):
    assert set(claimants(extractor, sentence).values()) == {claimant}


def test_a_pronoun_speaks_before_a_claimant_named_in_what_is_said(extractor):
    """russianfreepress: '… "met" the Armed Forces of Ukraine with aimed fire, he said.' is
    Rogov's, named in the sentence before, not the Ukrainian military's; the General Staff
    quoted below makes two sources, so only the reference back decides."""
    text = (
        "Vladimir Rogov, a member of the occupation administration, reported that the Armed "
        "Forces of Ukraine launched an offensive near Orikhiv. Russian riflemen met the Armed "
        "Forces of Ukraine with aimed fire near Robotyne, he said. Ukraine's General Staff said "
        "fighting continued near Bakhmut."
    )
    found = claimants(extractor, text)
    assert found["Robotyne"] == "Russian-installed authorities"
    assert found["Bakhmut"] == "Ukrainian military"
