"""Claims in Ukrainian and Russian: the claimant, stance, actor, quantity and date tables read
General Staff roundups, Russian MoD briefings, regional administrations' and DeepState's posts,
and name what they find with the same canonical English names as English text. Each family is
tested in both languages with the inflected forms the sources write, and with the negatives: a
claimant without a reporting cue, a negated or attempted verb, a verb in a sense that is not
military."""

from __future__ import annotations

import math
from datetime import date

import pytest

from geo.claims import Claimant, analyse_sentence, resolve_date
from tests.test_claims import PUBLISHED, claim_at


@pytest.mark.parametrize(
    "sentence, word, claimant, kind",
    [
        # Ukrainian: the General Staff, its groupings, the Air Force, the MoD
        (
            "Генштаб ЗСУ повідомив, що оборонці відбили 40 атак під Бахмутом.",
            "Бахмутом",
            "Ukrainian military",
            "military",
        ),
        (
            "За даними Генерального штабу, протягом минулої доби біля Мар'їнки відбулося 69 "
            "боєзіткнень.",
            "Мар'їнки",
            "Ukrainian military",
            "military",
        ),
        (
            "Сили оборони продовжують утримувати позиції в Авдіївці, зазначили в Генштабі.",
            "Авдіївці",
            "Ukrainian military",
            "military",
        ),
        (
            "Повітряні сили повідомили, що вночі ворог атакував Одесу ударними дронами.",
            "Одесу",
            "Ukrainian military",
            "military",
        ),
        (
            "В угрупованні військ «Хортиця» заявили, що окупанти штурмували Кліщіївку.",
            "Кліщіївку",
            "Ukrainian military",
            "military",
        ),
        (
            "Заступниця міністра оборони Ганна Маляр заявила, що бої за Бахмут тривають.",
            "Бахмут",
            "Ukrainian MoD",
            "government",
        ),
        (
            "ЗСУ звільнили Клищіївку, повідомив речник Східного угруповання Ілля Євлаш.",
            "Клищіївку",
            "Ukrainian military",
            "military",
        ),
        # Russian-language reports of the Ukrainian side
        (
            "Генштаб ВСУ сообщил, что украинские военные отразили 15 атак у Марьинки.",
            "Марьинки",
            "Ukrainian military",
            "military",
        ),
        # the Russian MoD, in both languages, and its groupings
        (
            "Министерство обороны РФ заявило, что подразделения группировки войск «Юг» "
            "освободили Марьинку.",
            "Марьинку",
            "Russian MoD",
            "military",
        ),
        (
            "Минобороны России сообщило, что за минувшие сутки отражены три контратаки ВСУ у "
            "Кременной.",
            "Кременной",
            "Russian MoD",
            "military",
        ),
        (
            "Пресс-центр группировки войск «Восток» сообщил, что артиллерия нанесла удар по "
            "Угледару.",
            "Угледару",
            "Russian MoD",
            "military",
        ),
        (
            "У Міноборони РФ заявили про захоплення Мар'їнки.",
            "Мар'їнки",
            "Russian MoD",
            "military",
        ),
        # regional administrations: the canonical name the English table uses
        (
            "Голова Харківської ОВА Олег Синєгубов повідомив, що росіяни обстріляли Куп'янськ.",
            "Куп'янськ",
            "Regional authorities",
            "government",
        ),
        (
            "Сьогодні близько 10:00 окупанти обстріляли Херсон, загинули двоє людей, — повідомив "
            "начальник Херсонської обласної військової адміністрації Олександр Прокудін.",
            "Херсон",
            "Regional authorities",
            "government",
        ),
        (
            "Мер Харкова Ігор Терехов повідомив про удар по Харкову.",
            "Харкову",
            "Regional authorities",
            "government",
        ),
        # the governors of Russia's border oblasts speak for Russia's side, not as Ukraine's
        # regional administrations do ("Regional authorities" has no side)
        (
            "Губернатор Белгородской области сообщил об обстреле Шебекино.",
            "Шебекино",
            "Russian government",
            "government",
        ),
        (
            "Губернатор Белгородской области Вячеслав Гладков сообщил об обстреле Шебекино.",
            "Шебекино",
            "Russian government",
            "government",
        ),
        # an occupation head called governor is an occupation authority
        (
            "Губернатор Херсонской области Владимир Сальдо сообщил об обстреле Алешек.",
            "Алешек",
            "Russian-installed authorities",
            "government",
        ),
        # analysts and mappers
        (
            "Аналітики Інституту вивчення війни зазначили, що російські війська просунулися біля "
            "Кремінної.",
            "Кремінної",
            "ISW",
            "osint",
        ),
        (
            "По оценке Института изучения войны, российские войска продвинулись у Кременной.",
            "Кременной",
            "ISW",
            "osint",
        ),
        (
            "DeepState повідомляє, що ворог просунувся в Новомихайлівці.",
            "Новомихайлівці",
            "DeepState",
            "osint",
        ),
        # occupation and separatist authorities, Russian-side voices
        (
            "Глава ДНР Денис Пушилин заявил, что ВСУ обстреляли Горловку.",
            "Горловку",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Народная милиция ЛНР сообщила об обстреле Первомайска.",
            "Первомайска",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Гауляйтер Сальдо заявив, що ЗСУ обстріляли Нову Каховку.",
            "Нову Каховку",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Балицкий сообщил, что ВСУ нанесли удар по Мелитополю.",
            "Мелитополю",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Песков заявил, что Кремль следит за ситуацией в Бахмуте.",
            "Бахмуте",
            "Kremlin",
            "government",
        ),
        # a foreign ministry of defence is not Ukraine's nor Russia's
        (
            "Міноборони Великої Британії повідомило, що росіяни обстрілюють Херсон.",
            "Херсон",
            "British intelligence",
            "intelligence",
        ),
        (
            "Минобороны Великобритании сообщило, что российские войска штурмуют Авдеевку.",
            "Авдеевку",
            "British intelligence",
            "intelligence",
        ),
        # set 55-56 (2026-12-06): an imperfective neuter past ("сообщало"), "в ДНР сообщили" in
        # full, a channel written in Latin, "из информации"; Putin as the one reported to
        (
            "Напомним, что ранее Минобороны России сообщало, что ВС РФ отразили атаки у Павловки.",
            "Павловки",
            "Russian MoD",
            "military",
        ),
        (
            "В Донецкой народной республике сообщили о взятии под контроль двух населенных "
            "пунктов, прилегающих к городу Бахмут.",
            "Бахмут",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Из информации, представленной журналистами «WarGonzo», украинским войскам удалось "
            "продвинуться вплоть до населённого пункта Грушевка.",
            "Грушевка",
            "Russian milbloggers",
            "osint",
        ),
        # a regional head's Russian spelling, a civil-military administration's head
        (
            "Сергей Лысак также сообщил, что в Днепре произошел прилет по торговому центру.",
            "Днепре",
            "Regional authorities",
            "government",
        ),
        (
            "Голова Сумської обласної військово-цивільної адміністрації повідомив про обстріл "
            "Горобівки.",
            "Горобівки",
            "Regional authorities",
            "government",
        ),
        # a brigade's spokesman or press officer, a grouping named after its sector
        (
            "Про це розповів речник 63 окремої механізованої бригади Ростислав Ящишин, "
            "зазначивши, що росіяни атакують Лиман.",
            "Лиман",
            "Ukrainian military",
            "military",
        ),
        (
            "Андріївка залишається під контролем, про це повідомили в угрупованні військ «Курськ».",
            "Андріївка",
            "Ukrainian military",
            "military",
        ),
        (
            "Командующий войсками группировки «Восток» Андрей Иванаев доложил президенту России "
            "Владимиру Путину о начале операции по занятию города Гуляйполе.",
            "Гуляйполе",
            "Russian MoD",
            "military",
        ),
        # sets 62-64: "объявило", "заявлял", "писало"; a grouping's press centre and a grouping
        # named by its adjective
        (
            "Минобороны России объявило об освобождении села Волчье в субботу.",
            "Волчье",
            "Russian MoD",
            "military",
        ),
        (
            "Ранее Сальдо заявлял, что дрон сбросил взрывчатку на машину скорой помощи в Алешках.",
            "Алешках",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Оборонное ведомство России писало об установлении контроля над селом Сосновка.",
            "Сосновка",
            "Russian MoD",
            "military",
        ),
        (
            "Отражены две контратаки в районе Благодатовки, сказал начальник пресс-центра "
            "группировки Иван Бигма.",
            "Благодатовки",
            "Russian MoD",
            "military",
        ),
        (
            "Украинские войска держат ситуацию в Волчанске под контролем, – заявили в ГШУ.",
            "Волчанске",
            "Ukrainian military",
            "military",
        ),
        (
            "Пушилин упомянул также о боях бойцов группировки в районе Орестополя.",
            "Орестополя",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Ранее Балицкий назвал атаки на школы в Васильевке террористическими актами.",
            "Васильевке",
            "Russian-installed authorities",
            "government",
        ),
        (
            "За інформацією українського командування, противник здійснив 24 атаки поблизу Ямполя.",
            "Ямполя",
            "Ukrainian military",
            "military",
        ),
        # set 74: "пояснив" (explained) reports too
        (
            "Трегубов пояснив, що загарбники намагаються зачепитися за місцевість на південь від "
            "Покровська.",
            "Покровська",
            "Ukrainian military",
            "military",
        ),
        (
            "Как пояснил Марочко, украинские войска стягивают резервы под Купянск.",
            "Купянск",
            "Russian-installed authorities",
            "government",
        ),
        # set 75: the occupation's Rogov with an adverb before his verb, or by his full name;
        # a war correspondent by his surname before a verb
        (
            "Рогов также подчеркнул, что за село Работино продолжаются кровопролитные бои.",
            "Работино",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Украинские боевики попытались окружить село Работино, сообщил представитель "
            "главного совета администрации Запорожской области Владимир Рогов.",
            "Работино",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Котенок также добавил, что бои за Синьковку продолжаются.",
            "Синьковку",
            "Russian milbloggers",
            "osint",
        ),
        (
            "Как подчеркнул подполковник ЛНР Андрей Марочко, украинские войска несут потери под "
            "Кременной.",
            "Кременной",
            "Russian-installed authorities",
            "government",
        ),
        (
            "Отражены пять атак у Клещеевки, следует из заявления начальника пресс-центра "
            'группировки "Юг" Вадима Астафьева.',
            "Клещеевки",
            "Russian MoD",
            "military",
        ),
        (
            "Подразделения Южной группировки войск нанесли удары по противнику у Часова Яра, "
            "сообщили в ведомстве.",
            "Часова Яра",
            "Russian MoD",
            "military",
        ),
        # set 69: Ukraine's groupings as Ukrainian outlets writing in Russian name them, a Ukrainian
        # corps' spokesman, a grouping's commander, and Putin only where he is the venue
        (
            'Восемь сел у Покровска под контролем, заявил спикер группировки войск (сил) "Схід" '
            "майор Григорий Шаповал.",
            "Покровска",
            "Ukrainian military",
            "military",
        ),
        (
            "Силы обороны контролируют северные части Покровска, сообщил спикер 7-го корпуса "
            "Десантно-штурмовых войск ВСУ Сергей Окишев.",
            "Покровска",
            "Ukrainian military",
            "military",
        ),
        (
            "Ведется дозачистка кварталов Димитрова, заявил командующий группировкой Валерий "
            "Солодчук на совещании с президентом РФ Владимиром Путиным.",
            "Димитрова",
            "Russian MoD",
            "military",
        ),
        # set 67: a day and month between the spokesman and his verb
        (
            'Представитель группировки войск "Днепр" Виктор Трегубов 15 августа заявил, что '
            "украинские силы стабилизировали прорыв вблизи Покровска.",
            "Покровска",
            "Ukrainian military",
            "military",
        ),
        # set 69: a corps of the Air Assault Forces, a brigade speaking, an OSUV's spokesman
        (
            "Ситуація у Серебрянці надскладна, про це йдеться у повідомленні 7-го корпусу ДШВ.",
            "Серебрянці",
            "Ukrainian military",
            "military",
        ),
        (
            "У бригаді повідомляють, що мета ворога – контроль над Дронівкою.",
            "Дронівкою",
            "Ukrainian military",
            "military",
        ),
        (
            "Окупанти атакують Костянтинівку, розповів речник ОСУВ «Дніпро» Олексій Бєльський.",
            "Костянтинівку",
            "Ukrainian military",
            "military",
        ),
        (  # set 76: an operational-tactical group by its abbreviation, its spokesman by name
            "Як інформує «Kreschatic» із посиланням на пояснення, озвучене речником "
            "оперативно-тактичного угруповання військ (ОТУВ) «Луганськ» Дмитром Запорожцем, "
            "окупанти атакували Торецьк.",
            "Торецьк",
            "Ukrainian military",
            "military",
        ),
        (  # set 95: the Defence Forces after the verb
            "На Запоріжжі стався вибух у Василівці, про це повідомили Сили оборони "
            "Запорізького краю.",
            "Василівці",
            "Ukrainian military",
            "military",
        ),
        (  # set 95: a raion council's deputy (Ukrainian), a city council's (Russian)
            "Окупанти виводять війська з Василівки, розповів депутат Запорізької райради "
            "Дмитро Кирильчук.",
            "Василівки",
            "Regional authorities",
            "government",
        ),
        (  # set 91: the head of a raion's military administration, "ВА" for short
            "Голова ВА Сєверодонецького району Роман Власенко повідомив, що ЗСУ наступають біля "
            "Сватового.",
            "Сватового",
            "Regional authorities",
            "government",
        ),
        (
            "Обстрелу подверглась Каховка, сообщил депутат городского совета Сергей Иванов.",
            "Каховка",
            "Regional authorities",
            "government",
        ),
        (  # set 93: a present-tense verb after "у ЗСУ", "у ГШ", a denial
            "У ЗСУ наголошують, що українські підрозділи продовжують бої біля Мирнограда.",
            "Мирнограда",
            "Ukrainian military",
            "military",
        ),
        (  # set 90: the General Staff "of Ukraine", without "ЗСУ"
            "Шість атак було відбито біля Глибокого, повідомив Генеральний штаб України.",
            "Глибокого",
            "Ukrainian military",
            "military",
        ),
        (  # set 92: the Azov brigade by name, and "повідомили в бригаді" after the news
            "Бригада «Азов» повідомила, що повернула під контроль частину селища Нью-Йорк.",
            "Нью-Йорк",
            "Ukrainian military",
            "military",
        ),
        (
            "Бійці відбили штурм біля Нью-Йорка, повідомили в бригаді.",
            "Нью-Йорка",
            "Ukrainian military",
            "military",
        ),
        (
            "Генштаб ЗСУ звітує, що диверсанти проникли у Кучерів Яр.",
            "Кучерів Яр",
            "Ukrainian military",
            "military",
        ),
        (
            "У ГШ додали, що диверсанти проникли у Вільне.",
            "Вільне",
            "Ukrainian military",
            "military",
        ),
        (
            'Угруповання військ "Схід" спростувало інформацію про повний контроль росіянами '
            "міста Родинське.",
            "Родинське",
            "Ukrainian military",
            "military",
        ),
    ],
)
def test_claimants(sentence, word, claimant, kind):
    _, claim = claim_at(sentence, word)
    assert (claim.claimant, claim.claimant_kind) == (claimant, kind)


@pytest.mark.parametrize(
    "sentence, word",
    [
        # a claimant named without a reporting cue credits nobody
        ("Генштаб ЗСУ провів нараду щодо оборони Бахмута.", "Бахмута"),
        ("Минобороны России направило новые части под Кременную.", "Кременную"),
        # Russian "мер" (measures) is no Ukrainian mayor
        ("По данным ТАСС, ряд мер безопасности введен в Белгороде.", "Белгороде"),
        # a DPR place name in an MoD sentence is no DPR claim
        (
            "В результате активных действий освобожден населенный пункт Андреевка Донецкой "
            "Народной Республики, сообщается в сводке.",
            "Андреевка",
        ),
        # a Russian brigade's spokesman is no Ukrainian one (and no row of his own)
        ("Речник російської 20 бригади заявив, що захопили Лиман.", "Лиман"),
        # Putin is reported to; nobody here reports
        ("Путину доложили о начале операции по занятию города Гуляйполе.", "Гуляйполе"),
        # a kitten is no war correspondent
        ("В Купянске котенок спасен из-под завалов, сообщили волонтеры.", "Купянске"),
    ],
)
def test_no_claimant_without_a_cue_or_a_speaker(sentence, word):
    _, claim = claim_at(sentence, word)
    assert claim.claimant == "Unattributed report"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # set 60: the occupation's head named, then "главы региона": his
        (
            "Губернатор Херсонской области Владимир Сальдо сообщил об обстрелах. Минобороны "
            "России сообщило об отражении атак. По информации главы региона, самые большие потери "
            "зафиксированы на дороге между Заводовкой и Горностаевкой.",
            "Russian-installed authorities",
        ),
        # the Ukrainian administration named, then "губернатор": the Ukrainian
        (
            "Глава Херсонской ОВА Прокудин рассказал об обстреле. Как сообщил губернатор, "
            "обстрелам подверглись Белозерка и Антоновка.",
            "Regional authorities",
        ),
        # neither: the regional authorities, as before
        (
            "Как сообщил губернатор, обстрелам подвергся ряд населенных пунктов: Алешки, Великие "
            "Копани.",
            "Regional authorities",
        ),
    ],
)
def test_a_regional_head_by_title_is_the_side_the_report_names(records, text, claimant):
    found = records(text)
    assert found and {r["claimant"] for r in found} == {claimant}


@pytest.mark.parametrize(
    "sentence, word, claimant",
    [
        # a claimant opening a headline or a post, then a colon or a dash: its source
        (
            "Генштаб ЗСУ: на Покровському напрямку ворог 40 разів атакував позиції захисників.",
            "Покровському",
            "Ukrainian military",
        ),
        ("«Минобороны РФ: российские войска освободили Курахово.", "Курахово", "Russian MoD"),
        ("Минобороны РФ — российские войска освободили Курахово.", "Курахово", "Russian MoD"),
        ("ISW: Russian forces advanced near Pokrovsk.", "Pokrovsk", "ISW"),
        ("Ukraine's military: Russian forces attacked Bakhmut.", "Bakhmut", "Ukrainian military"),
        # set 77: a given name before the surname ("Евгений Балицкий: …")
        (
            "Евгений Балицкий: Выходные в Запорожской области не прошли без атак противника на "
            "Васильевку.",
            "Васильевку",
            "Russian-installed authorities",
        ),
        (
            "Удар по Запорожью и Балицкий: противник атаковал Васильевку.",
            "Васильевку",
            "Unattributed report",
        ),
        # a claimant elsewhere, or with no colon after it, is no headline source
        ("Russian forces attacked Bakhmut, ISW: more later.", "Bakhmut", "Unattributed report"),
        ("Удар по Бахмуту: Генштаб ЗСУ провів нараду.", "Бахмуту", "Unattributed report"),
        ("Генштаб ЗСУ провів нараду: оборона Бахмута.", "Бахмута", "Unattributed report"),
    ],
)
def test_a_claimant_opening_a_headline_is_its_source(sentence, word, claimant):
    _, claim = claim_at(sentence, word)
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    "sentence, word, stance",
    [
        # repelled: past tense of every gender and number, passive, "gave a rebuff", failure
        ("Оборонці відбили 12 атак біля Богданівки.", "Богданівки", "repelled"),
        ("Біля Іванівського відбито 7 атак противника.", "Іванівського", "repelled"),
        ("Сили оборони відбили 12 штурмових дій поблизу Кліщіївки.", "Кліщіївки", "repelled"),
        ("Наші воїни дали гідну відсіч окупантам під Мар'їнкою.", "Мар'їнкою", "repelled"),
        ("Противник безуспішно атакував Степове.", "Степове", "repelled"),
        ("Поблизу Степового противник не мав успіху.", "Степового", "repelled"),
        ("Противник безуспешно пытался атаковать Работино.", "Работино", "repelled"),
        ("Ворогу не вдалося просунутися біля Роботиного.", "Роботиного", "repelled"),
        ("Подразделения отразили атаку штурмовых групп у Кременной.", "Кременной", "repelled"),
        ("У Работино отражены три контратаки.", "Работино", "repelled"),
        ("Противнику не удалось прорваться к Клещеевке.", "Клещеевке", "repelled"),
        # captured
        ("Українські військові звільнили Клищіївку.", "Клищіївку", "captured"),
        ("Росіяни захопили Мар'їнку.", "Мар'їнку", "captured"),
        ("Окупанти зайняли Іванівське.", "Іванівське", "captured"),
        ("Сили оборони взяли під контроль Андріївку.", "Андріївку", "captured"),
        ("Освобожден населенный пункт Первомайское.", "Первомайское", "captured"),
        ("Российские войска освободили Марьинку.", "Марьинку", "captured"),
        ("Подразделения взяли под контроль Авдеевку.", "Авдеевку", "captured"),
        ("Бахмут перешел под полный контроль российских войск.", "Бахмут", "captured"),
        # advancing
        ("Ворог просунувся в Новомихайлівці.", "Новомихайлівці", "advancing"),
        ("Окупанти просунулися поблизу Уманського.", "Уманського", "advancing"),
        ("Зафіксовано просування противника біля Синьківки.", "Синьківки", "advancing"),
        ("Сили оборони мають частковий успіх біля Вербового.", "Вербового", "advancing"),
        ("Российские войска продвинулись у Кременной.", "Кременной", "advancing"),
        (
            "Сили оборони продовжують наступальну операцію на південь від Бахмута.",
            "Бахмута",
            "advancing",
        ),
        (
            "Сили оборони закріплюються на досягнутих рубежах біля Роботиного.",
            "Роботиного",
            "advancing",
        ),
        ("Подразделения улучшили тактическое положение у Синьковки.", "Синьковки", "advancing"),
        # under attack
        (
            "На Бахмутському напрямку противник продовжує штурмові дії.",
            "Бахмутському",
            "under attack",
        ),
        ("Противник проводив штурмові дії біля Кліщіївки.", "Кліщіївки", "under attack"),
        ("Ворог 12 разів атакував позиції біля Степового.", "Степового", "under attack"),
        ("Окупанти штурмували Мар'їнку.", "Мар'їнку", "under attack"),
        ("Противник вів наступальні дії біля Куп'янська.", "Куп'янська", "under attack"),
        ("ВСУ атаковали позиции у Работино.", "Работино", "under attack"),
        ("Противник вел наступательные действия у Орехова.", "Орехова", "under attack"),
        ("Славянск находится под ударом.", "Славянск", "under attack"),
        # shelling and strikes
        ("Росіяни обстріляли Херсон.", "Херсон", "struck"),
        ("Ворог завдав ракетного удару по Краматорську.", "Краматорську", "struck"),
        ("Окупанти завдали 27 авіаційних ударів по Авдіївці.", "Авдіївці", "struck"),
        ("Внаслідок обстрілу Нікополя загинули двоє людей.", "Нікополя", "struck"),
        ("ВСУ обстреляли Донецк.", "Донецк", "struck"),
        ("Российская авиация нанесла удар по Часову Яру.", "Часову Яру", "struck"),
        ("Нанесено поражение живой силе у Красного Лимана.", "Красного Лимана", "struck"),
        # held and on the defensive
        ("Наші захисники утримують позиції в Бахмуті.", "Бахмуті", "held"),
        ("Захисники продовжують стримувати противника біля Мар'їнки.", "Мар'їнки", "held"),
        ("Оборонці тримають кругову оборону в Авдіївці.", "Авдіївці", "held"),
        ("Запеклі бої за Мар'їнку тривають.", "Мар'їнку", "held"),
        ("ВСУ удерживают позиции в Угледаре.", "Угледаре", "held"),
        ("Идут бои за Артемовск.", "Артемовск", "held"),
        ("Окупанти перейшли до оборони біля Мелітополя.", "Мелітополя", "on the defensive"),
        ("Росіяни окопуються поблизу Токмака.", "Токмака", "on the defensive"),
        ("Российские войска перешли к обороне под Херсоном.", "Херсоном", "on the defensive"),
        # set 64: "взяли село"; a word ending in "не" is no negation ("россияне захватили")
        ("Днем ранее ВС РФ взяли село Новопетровское.", "Новопетровское", "captured"),
        ("Росіяни взяли село Кліщіївка.", "Кліщіївка", "captured"),
        ("Вчера россияне захватили поселок Песчаное.", "Песчаное", "captured"),
        ("На Украине россияне продвинулись у Кременной.", "Кременной", "advancing"),
        # set 66: a handover named as a noun
        ("Сообщено о переходе под контроль ВС РФ села Круглое.", "Круглое", "captured"),
        ("Оголошено про перехід під контроль села Кругле.", "Кругле", "captured"),
        # withdrew
        ("Сили оборони відійшли з Соледару.", "Соледару", "withdrew"),
        ("Российские войска отошли от Херсона.", "Херсона", "withdrew"),
    ],
)
def test_stances(sentence, word, stance):
    _, claim = claim_at(sentence, word)
    assert claim.stance == stance


@pytest.mark.parametrize(
    "sentence, word, not_stance",
    [
        # negated, attempted or hoped-for: no result is claimed
        ("Окупанти так і не захопили Вугледар.", "Вугледар", "captured"),
        ("Ворог намагався захопити Кліщіївку.", "Кліщіївку", "captured"),
        ("Ворог не просунувся біля Авдіївки.", "Авдіївки", "advancing"),
        ("Противник пытался продвинуться у Кременной.", "Кременной", "advancing"),
        ("Российские войска не освободили Угледар.", "Угледар", "captured"),
        ("Россияне не взяли село Новопетровское.", "Новопетровское", "captured"),
        ("ВС РФ взяли в плен пятерых военных у Покровска.", "Покровска", "captured"),
        # the same verbs in senses that are not military
        ("Зеленський звільнив з посади голову Херсонської ОВА.", "Херсонської", "captured"),
        ("З полону звільнили 100 захисників Маріуполя.", "Маріуполя", "captured"),
        ("Эти данные отражены в отчете ООН о Херсоне.", "Херсоне", "repelled"),
        ("Сили оборони зайняли оборону біля Бахмута.", "Бахмута", "captured"),
        ("Наступного дня мешканці Ізюма повернулися додому.", "Ізюма", "advancing"),
    ],
)
def test_negated_attempted_and_other_senses(sentence, word, not_stance):
    _, claim = claim_at(sentence, word)
    assert claim.stance != not_stance


def test_taking_up_a_defence_is_on_the_defensive_not_a_capture():
    _, claim = claim_at("Сили оборони зайняли оборону біля Бахмута.", "Бахмута")
    assert claim.stance == "on the defensive"


@pytest.mark.parametrize(
    "sentence, claimant, actors",
    [
        (  # "the enemy" of a Ukrainian claimant is Russia
            "Генштаб ЗСУ повідомив, що оборонці відбили атаки противника під Бахмутом.",
            "Ukrainian military",
            ("Military Forces of Ukraine", "Military Forces of Russia"),
        ),
        (  # and of a Russian one, Ukraine
            "Минобороны России сообщило, что наши войска отразили атаки противника у Кременной.",
            "Russian MoD",
            ("Military Forces of Russia", "Military Forces of Ukraine"),
        ),
        (
            "Окупанти обстріляли позиції ЗСУ біля Вугледара.",
            None,
            ("Military Forces of Russia", "Military Forces of Ukraine"),
        ),
        (
            "Российские войска отразили атаки ВСУ у Работино.",
            None,
            ("Military Forces of Russia", "Military Forces of Ukraine"),
        ),
        (  # without a claimant's side "the enemy" is nobody in particular
            "Противник обстріляв Херсон.",
            None,
            (None, None),
        ),
        (
            "Бійці ПВК «Вагнер» штурмували Соледар.",
            None,
            ("Wagner Group", None),
        ),
    ],
)
def test_actors(sentence, claimant, actors):
    frame = analyse_sentence(sentence, PUBLISHED)
    assert frame.claimant.name == (claimant or "Unattributed report")
    assert (frame.actor1, frame.actor2) == actors


@pytest.mark.parametrize(
    "sentence, quantity, unit",
    [
        ("Оборонці відбили 40 атак під Бахмутом.", "40", "атак"),
        ("Протягом минулої доби відбулося 69 боєзіткнень.", "69", "боєзіткнень"),
        ("За добу відбулося 69 бойових зіткнень.", "69", "бойових зіткнень"),
        ("Сили оборони відбили 12 штурмів біля Мар'їнки.", "12", "штурмів"),
        ("Ворог завдав 27 авіаційних ударів.", "27", "ударів"),
        ("Потери ВСУ составили до 120 военнослужащих.", "120", "военнослужащих"),
        ("Втрати ворога склали 1 020 осіб.", "1020", "осіб"),  # thousands apart by a space
        ("Втрати ворога склали 1\u00a0020 осіб.", "1020", "осіб"),  # by a no-break space
        ("Ворог просунувся на 2,5 км.", "2.5", "км"),  # a decimal comma
        ("Сбиты 25 беспилотников.", "25", "беспилотников"),
        (
            "За сутки сбиты 29 беспилотных летательных аппаратов.",
            "29",
            "беспилотных летательных аппаратов",
        ),
        ("Протягом дня ворог здійснив десятки атак.", None, "атак (десятки)"),
    ],
)
def test_quantities(sentence, quantity, unit):
    frame = analyse_sentence(sentence, PUBLISHED)
    assert (frame.quantity, frame.quantity_unit) == (quantity, unit)


@pytest.mark.parametrize(
    "sentence, expected, precision",
    [
        ("Бої тривали 20 березня.", date(2023, 3, 20), 1),
        ("Удар нанесен 20 марта 2023 года.", date(2023, 3, 20), 1),
        ("Оперативна інформація станом на 22:00 20.03.2023.", date(2023, 3, 20), 1),
        ("Вчора ворог обстріляв Херсон.", date(2023, 3, 20), 1),
        ("Вчера ВСУ обстреляли Донецк.", date(2023, 3, 20), 1),
        ("Сьогодні вранці окупанти атакували Одесу.", PUBLISHED, 1),
        ("Сегодня подразделения отразили атаку.", PUBLISHED, 1),
        ("Станом на 22:00 відбулося 40 боєзіткнень.", PUBLISHED, 1),
        ("За минулу добу відбулося 69 боєзіткнень.", date(2023, 3, 20), 1),
        ("Минулої доби ворог завдав 3 ракетних удари.", date(2023, 3, 20), 1),
        ("За минувшие сутки отражены три атаки.", date(2023, 3, 20), 1),
        ("В ночь на вторник дроны атаковали Киев.", PUBLISHED, 1),
        ("В ніч на понеділок ворог атакував Одесу.", date(2023, 3, 20), 1),
        ("В ночь с воскресенья на понедельник дроны атаковали Одессу.", date(2023, 3, 20), 1),
        ("У п'ятницю росіяни обстріляли Херсон.", date(2023, 3, 17), 1),
        ("Минулого тижня ворог обстріляв Нікополь.", date(2023, 3, 14), 2),
        ("На прошлой неделе ВСУ обстреляли Донецк.", date(2023, 3, 14), 2),
        ("Наступ почався минулого літа.", date(2022, 6, 1), 3),
        ("Оборонці тримаються з минулого літа.", PUBLISHED, 1),  # since: a state, not the claim
        ("Город находится под контролем с прошлой весны.", PUBLISHED, 1),
        ("Торік ворог захопив Соледар.", date(2022, 1, 1), 3),
        ("The town fell last year.", date(2022, 1, 1), 3),
        ("Fighting there began this year.", date(2023, 1, 1), 3),
    ],
)
def test_dates_against_publication(sentence, expected, precision):
    day, prec, _ = resolve_date(sentence, PUBLISHED)
    assert (day, prec) == (expected, precision)


def test_typographic_apostrophes_read_as_the_tables_spell_them():
    frame = analyse_sentence("У п\u2019ятницю окупанти обстріляли Куп\u02bcянськ.", PUBLISHED)
    assert (frame.event_date, frame.stances[0][2].name) == (date(2023, 3, 17), "struck")


def test_two_clauses_two_claimants():
    s = (
        "Генштаб ЗСУ повідомив, що ворог обстріляв Херсон, тоді як у Міноборони РФ заявили про "
        "захоплення Мар'їнки."
    )
    _, kherson = claim_at(s, "Херсон")
    _, marinka = claim_at(s, "Мар'їнки")
    assert (kherson.claimant, kherson.stance) == ("Ukrainian military", "struck")
    assert (marinka.claimant, marinka.stance) == ("Russian MoD", "captured")


@pytest.mark.parametrize(
    "sentence",
    [
        "У відомстві також повідомили, що окупанти обстріляли Бериславщину.",
        "Також повідомляється, що окупанти обстріляли Бериславщину.",
        "Окупанти обстріляли Бериславщину, — додали в міністерстві.",
        "В ведомстве также сообщили, что ВСУ обстреляли Бериславщину.",
        "Он добавил, что ВСУ обстреляли Бериславщину.",
        "Там говорят, что отражены атаки на Бериславщину.",  # set 63
    ],
)
def test_anaphoric_subject_inherits_the_previous_claimant(sentence):
    previous = Claimant("Regional authorities", "government", "", "Херсонська ОВА")
    _, claim = claim_at(sentence, "Бериславщину", previous)
    assert claim.claimant == "Regional authorities"
    assert claim_at(sentence, "Бериславщину")[1].claimant == "Unattributed report"


def test_claimant_text_is_kept_as_written():
    frame = analyse_sentence(
        "ГЕНШТАБ ЗСУ повідомив, що оборонці відбили атаки під Бахмутом.", PUBLISHED
    )
    assert (frame.claimant.name, frame.claimant.text) == ("Ukrainian military", "ГЕНШТАБ ЗСУ")


def test_old_rounded_letters_still_match_case_insensitively():
    """IGNORECASE matches the old rounded "ᲂ" (U+1C82) to "о", which str.lower() keeps: such a
    sentence is matched as written, as case-insensitively as any other."""
    frame = analyse_sentence("Генштабᲂм ЗСУ повідомлено, що оборонці відбили атаки.", PUBLISHED)
    assert (frame.claimant.name, frame.claimant.text) == ("Ukrainian military", "Генштабᲂм ЗСУ")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


# One post of each kind, naming its place in the nominative (inflected names are the mention
# scanner's business): (text, place as written, claimant, stance, lat, lon of the place).
POSTS = [
    (
        "Генштаб ЗСУ повідомив, що оборонці відбили 40 атак біля населеного пункту Бахмут.",
        "Бахмут",
        "Ukrainian military",
        "repelled",
        48.59419,  # GeoNames 713174
        37.99886,
    ),
    (
        "В результате активных действий подразделений группировки войск «Юг» освобожден "
        "населенный пункт Марьинка, сообщило Минобороны России.",
        "Марьинка",
        "Russian MoD",
        "captured",
        47.94527,  # GeoNames 701845
        37.50544,
    ),
    (
        "DeepState повідомляє, що ворог просунувся в районі н.п. Авдіївка.",
        "Авдіївка",
        "DeepState",
        "advancing",
        48.14019,  # GeoNames 713122
        37.75008,
    ),
    (
        "Вчора росіяни обстріляли Херсон, повідомив начальник Херсонської ОВА.",
        "Херсон",
        "Regional authorities",
        "struck",
        46.63695,  # GeoNames 706448
        32.61458,
    ),
]


def test_cyrillic_posts_end_to_end(tmp_path, extractor):
    """Whole posts through extraction: each record names the place, the canonical claimant and
    stance, and lies within 5 km of the settlement."""
    from geo.extract import extract_frame

    path = tmp_path / "posts.txt"
    path.write_text("\n\n".join(text for text, *_ in POSTS), encoding="utf-8")
    frame = extract_frame([path], PUBLISHED, extractor=extractor)
    for _, place, claimant, stance, lat, lon in POSTS:
        (row,) = frame[frame["location"] == place].itertuples()
        assert (row.claimant, row.stance) == (claimant, stance), place
        assert km(row.latitude, row.longitude, lat, lon) < 5, place
    kherson = frame[frame["location"] == "Херсон"].iloc[0]
    assert str(kherson["event_date"])[:10] == "2023-03-20"  # "вчора"
    bakhmut = frame[frame["location"] == "Бахмут"].iloc[0]
    assert (float(bakhmut["quantity"]), bakhmut["quantity_unit"]) == (40, "атак")


def test_a_headline_credit_by_title_is_settled_too(records):
    """Set 61: a headline closed by "— губернатор Сальдо" credits the occupation's head; the
    title's own row ("Regional head (side not stated)") is never a record's claimant."""
    found = records(
        "В Херсонской области в результате обстрела ВСУ ранена женщина — губернатор Сальдо\n\n"
        "В Алешках враг нанес удар по жилому сектору, сообщил губернатор региона Владимир "
        "Сальдо. Кроме того, в Великих Копанях разрушен жилой дом."
    )
    assert found and {r["claimant"] for r in found} == {"Russian-installed authorities"}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # set 65: a Ukrainian outlet writing in Russian quotes Ukraine's «Восток» grouping
        (
            "Силы обороны сдерживают оккупантов на Славянском направлении. По данным Группировки "
            '"Восток", враг пытается обойти Северск, россияне несут потери.',
            "Ukrainian military",
        ),
        # a Russian report: the grouping is Russia's, whether the text says so or not
        (
            "Подразделения группировки «Восток» отразили атаки боевиков ВСУ. По данным "
            "группировки «Восток», противник потерял до 200 военнослужащих у Северска.",
            "Russian MoD",
        ),
        (
            "По данным группировки «Север», противник потерял до 200 человек у Волчанска.",
            "Russian MoD",
        ),
        (
            "Силы обороны отбили атаки оккупантов. По данным российской группировки «Восток», "
            "противник потерял до 200 военнослужащих у Северска.",
            "Russian MoD",
        ),
        # a grouping's press centre is read the same way; a Ukrainian grouping's is Ukraine's
        (
            "Силы обороны сдерживают оккупантов. Враг пытается обойти Северск, россияне несут "
            "потери, сообщил начальник пресс-центра группировки.",
            "Ukrainian military",
        ),
        (
            "Противник пытается обойти Северск, сообщил пресс-центр группировки «Хортица».",
            "Ukrainian military",
        ),
    ],
)
def test_a_grouping_named_alone_takes_the_documents_side(records, text, claimant):
    found = [r for r in records(text) if r["place_name"] in ("Siversk", "Vovchansk")]
    assert found and {r["claimant"] for r in found} == {claimant}


@pytest.mark.parametrize(
    ("text", "place", "claimant"),
    [
        # set 65: a grouping's briefing credited to "the military department" is Russia's MoD
        (
            '"Подразделения группировки войск "Север" заняли более выгодные рубежи. Нанесено '
            'поражение бригаде ВСУ в районе Хотени", - говорится в сводке военного ведомства.',
            "Khotin",
            "Russian MoD",
        ),
        # the same words in a report in Ukraine's voice are Ukraine's ministry
        (
            "Силы обороны отбили атаки оккупантов, сообщила группировка «Восток». Враг потерял "
            "100 человек у Хотени, говорится в сводке военного ведомства.",
            "Khotin",
            "Ukrainian MoD",
        ),
        # set 68: a Ukrainian outlet's Russian edition, "- Генштаб" with no country named
        (
            "Оккупанты пытаются прорвать оборону возле Киева, - Генштаб\n\n"
            "На Авдеевском направлении Силы обороны отражают штурм оккупантов в районе "
            "населенного пункта Верхнеторецкое, сообщил Генштаб.",
            "Verkhnotoretske",
            "Ukrainian military",
        ),
        # the same words in a report in Russia's voice are Russia's General Staff
        (
            "Наши бойцы отразили атаки боевиков киевского режима в районе населенного пункта "
            "Верхнеторецкое, сообщил Генштаб.",
            "Verkhnotoretske",
            "Russian MoD",
        ),
        # a text in neither voice leaves the country unstated
        (
            "В районе населенного пункта Верхнеторецкое продолжаются бои, сообщил Генштаб.",
            "Verkhnotoretske",
            "General Staff (country not stated)",
        ),
        # set 65: RIA's formula from occupied Kherson oblast, in Russia's voice or in neither
        (
            "Украинские войска ночью обстреляли Новую Каховку, сообщил журналистам представитель "
            'экстренных служб региона. "Киевский режим продолжил обстреливать Каховку", - '
            "сказал он.",
            "Nova Kakhovka",
            "Russian-installed authorities",
        ),
        (
            "Украинские войска ночью обстреляли Новую Каховку, сообщил журналистам представитель "
            "экстренных служб региона.",
            "Nova Kakhovka",
            "Russian-installed authorities",
        ),
        # in a report in Ukraine's voice, Ukraine's own services
        (
            "Оккупанты обстреляли Новую Каховку, россияне били из артиллерии, сообщил "
            "представитель экстренных служб региона.",
            "Nova Kakhovka",
            "Ukrainian government",
        ),
    ],
)
def test_an_institution_named_without_its_side_takes_it_from_the_document(
    records, text, place, claimant
):
    """A ministry beside a grouping takes the grouping's side; a General Staff and the region's
    emergency services with no state claimant to settle them take the document's voice."""
    found = [r for r in records(text) if r["place_name"] == place]
    assert found and {r["claimant"] for r in found} == {claimant}


def test_an_occupation_deputy_and_the_sentences_that_refer_back_to_him(records):
    """Set 69: a deputy of the occupation's Zaporizhzhia assembly speaks for the Russian-installed
    authorities, and "Также, по его словам, …" and "Парламентарий также отметил …" go on in his
    name; a Russian MoD quotation closed by "— говорится в telegram-канале МО РФ" is the MoD's."""
    found = records(
        "Депутат Законодательного собрания Запорожской области Сергей Юрченко сообщил ТАСС, что "
        "российские войска ведут бои в центре Гуляйполя.\n"
        "Также, по его словам, после освобождения Новоданиловки будет освобожден Орехов.\n"
        "Парламентарий также отметил, что российские войска продвигаются к Степногорску.\n"
        '"Освобожден населенный пункт Александро-Шультино", — говорится в telegram-канале МО РФ.'
    )
    by_place = {r["location"]: r["claimant"] for r in found}
    assert {by_place[p] for p in ("Гуляйполя", "Новоданиловки", "Степногорску")} == {
        "Russian-installed authorities"
    }
    assert by_place["Александро-Шультино"] == "Russian MoD"


def test_a_ukrainian_report_it_is_said_in(records):
    """ "…, йдеться у зведенні Генштабу ЗСУ": the summary's author, with the cue before it."""
    found = records("Ворог атакував біля Серебрянки, йдеться у зведенні Генштабу ЗСУ.")
    assert [r["claimant"] for r in found] == ["Ukrainian military"]


def test_a_passive_announcement_goes_on_in_the_last_claimants_name(records):
    """Set 66: "Также было объявлено о переходе под контроль …" after the MoD's report is the
    MoD's, as "Также сообщается" is."""
    found = records(
        "Минобороны России сообщило об освобождении Угледара.\n"
        "Также было объявлено о переходе под контроль ВС РФ села Круглое в Харьковской области."
    )
    kruhle = [r for r in found if r["location"] == "Круглое"]
    assert [(r["claimant"], r["stance"]) for r in kruhle] == [("Russian MoD", "captured")]


@pytest.mark.parametrize(
    "text, claimant",
    [
        # set 81: a brigade is the source (unian.net), in both languages; "В бригаде объяснили"
        (
            "Как сообщает 81-я отдельная аэромобильная Слобожанская бригада, противник пытается "
            "обойти оборону в селе Дроновка.",
            "Ukrainian military",
        ),
        (
            "Як повідомляє 81-ша окрема аеромобільна бригада, противник атакує Дронівку.",
            "Ukrainian military",
        ),
        ("В бригаде объяснили, что враг сможет наступать на Дроновку.", "Ukrainian military"),
        # a Russian brigade reporting is no Ukrainian one
        ("Как сообщает 1-я бригада ВС РФ, противник отступил из Дроновки.", "Unattributed report"),
        # the Southern Defence Forces, the source a news site cites
        (
            "Ворог атакував біля Гуляйполя, повідомляє «Главком» з посиланням на Сили оборони "
            "півдня.",
            "Ukrainian military",
        ),
        # set 81: the channel the MoD posted in stands between the cue and the ministry
        (
            "Войска заняли позиции около Луговки Сумской области, говорится в сообщении в канале "
            "Max Минобороны России.",
            "Russian MoD",
        ),
        (
            "Российские войска продвинулись к Купянску, сообщили в своем телеграм-канале в "
            "Минобороны России.",
            "Russian MoD",
        ),
        # set 81: ISW relaying Russian bloggers
        (
            "Російські блогери стверджували, що українські війська контратакували в межах "
            "Куп’янська.",
            "Russian milbloggers",
        ),
        (
            "Российские военные блогеры утверждают, что ВСУ отошли от Купянска.",
            "Russian milbloggers",
        ),
        # set 80: an officer of the AFU, cited by a news site a Russian agency cites
        (
            "Подразделения ВСУ оставили позиции у Грабовского. Об этом сообщает издание "
            "«Украинская правда» со ссылкой на офицера Главного управления коммуникаций ВСУ "
            "Дмитрия Лихового.",
            "Ukrainian military",
        ),
        # set 80: a war correspondent's headline
        (
            "Павел Кукушкин: Южнее Часов Яра село Ступочки уже под контролем наших войск.",
            "Russian milbloggers",
        ),
        # set 83: the Centre for Countering Disinformation, and a Russian war channel
        (
            '"Насправді, бої за Гуляйполе і Мирноград досі тривають", - зазначив керівник ЦПД.',
            "Ukrainian government",
        ),
        (
            "Российские подразделения выбили ВСУ из Гуляйполя, сообщил в субботу "
            "Telegram-канал «Фронтовая птичка».",
            "Russian milbloggers",
        ),
        # set 82: a district military administration, a hromada's head, the Mykolaiv governor
        (
            "Обстріляли Берислав. Про це повідомив начальник Бериславської районної військової "
            "адміністрації Володимир Літвінов.",
            "Regional authorities",
        ),
        (
            "Під вогнем опинилася Бериславська громада. Про це повідомив начальник Бериславської "
            "РВА Володимир Літвінов.",
            "Regional authorities",
        ),
        (
            "За словами голови громади Миколи Торяника, місцеві жителі залишаються в Кіндратівці.",
            "Regional authorities",
        ),
        (
            "Враг обстрелял Очаков, сообщает глава Николаевской ОВВ Виталий Ким.",
            "Regional authorities",
        ),
        # set 80: the head of the oblast council
        (
            "Окупанти обстріляли Покровську громаду Синельниківського району, повідомляє голова "
            "Дніпропетровської облради Микола Лукашук.",
            "Regional authorities",
        ),
    ],
)
def test_sources_of_the_2025_reports(records, text, claimant):
    found = records(text)
    assert found and {r["claimant"] for r in found} == {claimant}, [r["claimant"] for r in found]


def test_a_quotation_is_its_speaker_s_not_a_claimant_it_quotes(records):
    """Set 81: ISW's quotation, closed by "– зазначили аналітики", quotes Russian bloggers in
    its last sentence. That sentence is the bloggers' claim; the quotation's first sentence is
    ISW's, the claimant named before the quotation opened, not the bloggers it quotes later."""
    found = records(
        "За даними Інституту вивчення війни (ISW), українські війська просунулися на півдні від "
        "Западного.\n"
        "“22 та 23 грудня російські війська атакували поблизу Куп’янська. Російські блогери "
        "стверджували, що українські війська контратакували поблизу Кіндрашівки”, – зазначили "
        "аналітики."
    )
    by_place = {r["location"]: r["claimant"] for r in found}
    assert by_place["Куп’янська"] == "ISW"
    assert by_place["Кіндрашівки"] == "Russian milbloggers"


@pytest.mark.parametrize(
    "text, claimant",
    [
        # set 85 (0642.ua): the head of the Luhansk military-civil administration, by title,
        # credits the sentence before; the ones after go on in his name
        (
            "Ворог вдарив із двох боків – в районі Новоселівського та в Білогорівці.\n"
            "Про це повідомив очільник Луганської ВЦА Артем Лисогор.\n"
            "Також авіація противника застосовувалася у Стельмахівці.",
            "Regional authorities",
        ),
        ("Ворог обстріляв Білогорівку, пише Лисогор.", "Regional authorities"),
        # set 84 (news.mail.ru): "военные паблики", the Russian war channels
        (
            "Военные паблики пишут о позиционных боях под Степногорском и Приморским.",
            "Russian milbloggers",
        ),
        # set 87 (unn.ua): Kim by surname after a Russian cue
        (
            "Что касается районов области, то ситуация, по информации Кима, такова: обстрелам "
            "подверглась Широковская громада и пгт Березнеговатое.",
            "Regional authorities",
        ),
        ("Утром в Николаеве раздавались взрывы, сообщил Ким в Telegram.", "Regional authorities"),
        # set 87 (rbc.ua): a war channel by name, and its authors, referred back to
        (
            'Telegram-канал "Старше Эдды" отмечает, что украинские войска могли выбить '
            "россиян из Волохова Яра.\nКроме того, авторы пишут, что часть подразделений "
            "продвигается на Савинцы.",
            "Russian milbloggers",
        ),
        # set 87 (gordonua.com): Operational Command South, which "проинформировало"
        (
            "В Херсонской области силы обороны освободили Новодмитровку и Костырку.\n"
            'Об этом в Facebook проинформировало оперативное командование "Юг" ВСУ.',
            "Ukrainian military",
        ),
        (
            "Ворог обстріляв Миколаїв, повідомило оперативне командування «Південь».",
            "Ukrainian military",
        ),
        # set 87: a head "рассказывал" (the past imperfective); Stremousov by name (rg.ru)
        (
            "Глава Херсонской областной военной администрации Ярослав Янушевич рассказывал, что "
            "ВСУ вошли в Давыдов Брод.",
            "Regional authorities",
        ),
        (
            "Украинским войскам удалось закрепиться на окраине Снигиревки, отметил Стремоусов.",
            "Russian-installed authorities",
        ),
        # set 89: Operational Command North by its abbreviation, in a line of its own
        (
            "У Глухові пошкоджені 2 приватні житлові будинки.\nПовідомили в ОК «Північ»",
            "Ukrainian military",
        ),
        (
            "Середина-Буда – 6 приходів, повідомляють на сторінці Оперативного командування "
            "“Північ” у фейсбуці.",
            "Ukrainian military",
        ),
        # set 87 (lviv.media): "besides those OK South reported" is the head of the OVA's list
        (
            "Про це повідомив начальник Херсонської ОВА Ярослав Янушевич.\nКрім тих, про які "
            'повідомило ОК "Південь", — це Нововасилівка та Трифонівка.',
            "Regional authorities",
        ),
        # set 88: one war blogger, Podolyaka by name
        (
            "26 декабря военный блогер Юрий Подоляка заявил, что российские силы вошли в "
            "Гуляйполе.",
            "Russian milbloggers",
        ),
        # set 85 (society.comments.ua): the Joint Forces Grouping's report
        (
            "У Вовчанську тривають тяжкі бої, про це йдеться у повідомленні Групування "
            "об'єднаних сил.",
            "Ukrainian military",
        ),
        (
            "Противник атаковал Волчанск, сообщили в группировке объединенных сил.",
            "Ukrainian military",
        ),
    ],
)
def test_sources_of_the_northern_and_southern_fronts(records, text, claimant):
    found = records(text)
    assert found and {r["claimant"] for r in found} == {claimant}, [r["claimant"] for r in found]


@pytest.mark.parametrize(
    "voice, claimant",
    [
        ("", "Russian MoD"),
        (
            "Оккупанты потеряли до 30 военнослужащих. Силы обороны держат позиции. ",
            "Ukrainian military",
        ),
    ],
)
def test_a_grouping_s_statement_as_a_title_line_is_the_document_s_source(records, voice, claimant):
    """Set 85 (kharkov-news.ru): a page that opens "Заявление начальника пресс-центра
    группировки «Запад»" and then gives the statement, naming no one; the grouping is the
    Russian MoD's, unless the page speaks of "оккупанты" and "Силы обороны"."""
    found = records(
        "Заявление начальника пресс-центра группировки «Запад»\n"
        "На Купянском направлении нанесено огневое поражение подразделениям противника в районе "
        "населенного пункта Терны Донецкой Народной Республики.\n"
        "Отражена контратака 47-й бригады ВСУ в районе населенного пункта Синьковка.\n" + voice
    )
    assert found and {r["claimant"] for r in found} == {claimant}, [r["claimant"] for r in found]
