"""
Word lists that seed_bench strings into newsroom-shaped text: titles, summaries,
bodies of several paragraphs and readers' comments, in English and Armenian.

The words are picked so that pages carry the byte count and the character mix
of real articles (Armenian script is two bytes a letter in UTF-8), not meaning.
"""

# (English, Armenian) pairs: section and tag names are drawn from them.
TOPICS = [
    ("Politics", "Քաղաքականություն"),
    ("Economy", "Տնտեսություն"),
    ("Culture", "Մշակույթ"),
    ("Society", "Հասարակություն"),
    ("Education", "Կրթություն"),
    ("Health", "Առողջապահություն"),
    ("Energy", "Էներգետիկա"),
    ("Agriculture", "Գյուղատնտեսություն"),
    ("Tourism", "Զբոսաշրջություն"),
    ("Science", "Գիտություն"),
    ("Literature", "Գրականություն"),
    ("Music", "Երաժշտություն"),
    ("Theatre", "Թատրոն"),
    ("Courts", "Դատարաններ"),
    ("Elections", "Ընտրություններ"),
    ("Diplomacy", "Դիվանագիտություն"),
    ("Borders", "Սահմաններ"),
    ("Water", "Ջուր"),
    ("Cities", "Քաղաքներ"),
    ("Villages", "Գյուղեր"),
    ("Roads", "Ճանապարհներ"),
    ("Budget", "Բյուջե"),
    ("Taxes", "Հարկեր"),
    ("Work", "Աշխատանք"),
    ("Media", "Լրատվամիջոցներ"),
]

# Places that read the same in both languages' stories, each in its own script.
PLACES = [
    ("Yerevan", "Երևան"),
    ("Gyumri", "Գյումրի"),
    ("Vanadzor", "Վանաձոր"),
    ("Dilijan", "Դիլիջան"),
    ("Sevan", "Սևան"),
    ("Goris", "Գորիս"),
    ("Kapan", "Կապան"),
    ("Ijevan", "Իջևան"),
]

FIRST_NAMES = [
    ("Anna", "Աննա"),
    ("Armen", "Արմեն"),
    ("Lilit", "Լիլիթ"),
    ("Davit", "Դավիթ"),
    ("Mariam", "Մարիամ"),
    ("Tigran", "Տիգրան"),
    ("Ani", "Անի"),
    ("Gor", "Գոռ"),
    ("Nare", "Նարե"),
    ("Hayk", "Հայկ"),
]

SURNAMES = [
    ("Petrosyan", "Պետրոսյան"),
    ("Grigoryan", "Գրիգորյան"),
    ("Sargsyan", "Սարգսյան"),
    ("Hakobyan", "Հակոբյան"),
    ("Avetisyan", "Ավետիսյան"),
    ("Mkrtchyan", "Մկրտչյան"),
    ("Harutyunyan", "Հարությունյան"),
    ("Vardanyan", "Վարդանյան"),
]

ENGLISH_WORDS = """
government parliament minister council mayor court judge law reform budget tax
report study survey figure number share price cost wage salary pension market
bank loan export import trade border road bridge school university teacher
student hospital doctor patient farmer harvest water river lake mountain village
city district region country capital neighbour agreement talks dialogue decision
question answer plan project programme investment company factory worker union
election vote candidate party coalition opposition protest statement interview
journalist editor source document record archive history memory museum theatre
festival concert writer book language energy power grid gas station solar wind
new old large small local national international public private important
difficult recent early late open closed higher lower first second last next
says said announced explained argued warned promised expected adopted rejected
discussed reviewed approved published received reached raised cut built opened
and but while because although since after before during across between within
the a of in on for with about from into over under against among this that these
""".split()

ARMENIAN_WORDS = """
կառավարություն խորհրդարան նախարար ավագանի քաղաքապետ դատարան դատավոր օրենք
բարեփոխում բյուջե հարկ զեկույց ուսումնասիրություն հարցում թիվ գին աշխատավարձ
կենսաթոշակ շուկա բանկ վարկ արտահանում ներմուծում առևտուր սահման ճանապարհ կամուրջ
դպրոց համալսարան ուսուցիչ ուսանող հիվանդանոց բժիշկ հիվանդ ֆերմեր բերք ջուր գետ
լիճ լեռ գյուղ քաղաք համայնք մարզ երկիր մայրաքաղաք հարևան համաձայնագիր
բանակցություններ երկխոսություն որոշում հարց պատասխան ծրագիր ներդրում ընկերություն
գործարան աշխատող արհմիություն ընտրություններ քվե թեկնածու կուսակցություն
ընդդիմություն բողոք հայտարարություն հարցազրույց լրագրող խմբագիր աղբյուր փաստաթուղթ
արխիվ պատմություն հիշողություն թանգարան թատրոն փառատոն համերգ գրող գիրք լեզու
էներգիա ցանց գազ կայան արև քամի նոր հին մեծ փոքր տեղական ազգային միջազգային
հանրային մասնավոր կարևոր բարդ վերջին առաջին երկրորդ հաջորդ ասաց հայտարարեց
բացատրեց նշեց զգուշացրեց խոստացավ ընդունեց մերժեց քննարկեց հաստատեց հրապարակեց
ստացավ կառուցեց բացեց և բայց քանի որ թեև հետո առաջ ընթացքում միջև մեջ համար հետ
մասին այս այդ նաև շատ է են էր էին
""".split()

# Attributes nh3 adds or keeps, in its order: bodies must be stored already clean.
ENGLISH_LINK = '<a href="https://example.org/documents/{n}" rel="noopener">{words}</a>'
ARMENIAN_LINK = '<a href="https://example.org/hy/documents/{n}" rel="noopener">{words}</a>'

USER_AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36",
]
