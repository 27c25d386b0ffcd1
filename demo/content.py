"""
The demo newsroom that `manage.py seed_demo` loads: a small, fictional analysis
site covering a fictional valley (the Lower Valley, the city of Arpeni, the
towns of Nor Kanaz, Karaberd and Aragavor), and its readers' first comments.
Every person quoted or commenting is invented.

Plain data, written for this project; demo/seeding.py puts it in the database
and demo/drawing.py paints the pictures. Each entry is keyed by its English
slug; ``"hy"`` holds the Armenian translation and is absent for English-only
articles. An article's ``"when"`` is ``("published", days_ago)``,
``("scheduled", days_ahead)`` or ``("draft",)``. Its ``"picture"`` names a
motif and a palette from the tables below, which demo/drawing.py paints and
which the alt text describes.
"""

IMAGE_CREDIT = {"en": "Newsroom illustration", "hy": "Newsroom-ի նկարազարդում"}

# What each motif looks like, for the alt text: "Abstract illustration: <motif>, in <palette>."
MOTIFS = {
    "waves": {"en": "rows of overlapping waves", "hy": "իրար վրա սահող ալիքների շարքեր"},
    "rails": {"en": "two rails running towards the horizon", "hy": "դեպի հորիզոն ձգվող երկու ռելս"},
    "sun": {"en": "a large sun with rays above a striped ground", "hy": "մեծ արև՝ ճառագայթներով, գծավոր հողի վերևում"},
    "grid": {
        "en": "a grid of small squares, some of them lit",
        "hy": "փոքր քառակուսիների ցանց, որոնցից մի քանիսը լուսավոր են",
    },
    "dots": {
        "en": "clusters of round dots like bunches of grapes",
        "hy": "կլոր կետերի փնջեր, որոնք հիշեցնում են խաղողի ողկույզներ",
    },
    "columns": {
        "en": "columns of stacked blocks like a printed page",
        "hy": "իրար վրա դարսված ուղղանկյունների սյունակներ, ինչպես տպագիր էջում",
    },
    "arcs": {"en": "arcs bridging two distant points", "hy": "երկու հեռավոր կետեր միացնող աղեղներ"},
    "hills": {"en": "layered hills under a low sun", "hy": "շերտ առ շերտ բարձրացող բլուրներ՝ ցածր արևի տակ"},
    "bars": {"en": "bars rising like a chart", "hy": "գծապատկերի պես աճող սյուներ"},
    "canals": {
        "en": "a branching network of thin lines like a canal map",
        "hy": "բարակ գծերի ճյուղավորված ցանց, ինչպես ջրանցքների քարտեզում",
    },
}

# Colours as RGB: a background gradient (top, bottom) and the shapes' colours.
PALETTES = {
    "teal-sand": {
        "en": "teal and sand",
        "hy": "փիրուզագույն և ավազագույն երանգներով",
        "background": ((244, 233, 208), (222, 201, 160)),
        "shapes": ((18, 110, 120), (40, 150, 150), (10, 70, 85), (120, 190, 180)),
    },
    "amber-charcoal": {
        "en": "amber and charcoal",
        "hy": "սաթագույն և մուգ մոխրագույն երանգներով",
        "background": ((52, 54, 60), (28, 29, 34)),
        "shapes": ((245, 170, 40), (230, 120, 30), (250, 210, 120), (190, 90, 40)),
    },
    "blue-gold": {
        "en": "deep blue and gold",
        "hy": "մուգ կապույտ և ոսկեգույն երանգներով",
        "background": ((24, 44, 92), (12, 22, 52)),
        "shapes": ((232, 190, 80), (250, 222, 140), (90, 130, 200), (200, 150, 60)),
    },
    "green-cream": {
        "en": "green and cream",
        "hy": "կանաչ և կաթնագույն երանգներով",
        "background": ((248, 243, 226), (230, 224, 200)),
        "shapes": ((60, 120, 70), (120, 165, 90), (30, 80, 50), (190, 170, 90)),
    },
    "wine-rose": {
        "en": "wine red and rose",
        "hy": "գինեկարմիր և վարդագույն երանգներով",
        "background": ((246, 222, 220), (226, 180, 182)),
        "shapes": ((110, 20, 45), (150, 40, 70), (70, 15, 40), (200, 90, 110)),
    },
    "slate-coral": {
        "en": "slate grey and coral",
        "hy": "կապտամոխրագույն և մարջանագույն երանգներով",
        "background": ((88, 104, 120), (54, 66, 80)),
        "shapes": ((250, 128, 100), (255, 180, 150), (230, 236, 240), (200, 80, 70)),
    },
    "olive-ochre": {
        "en": "olive and ochre",
        "hy": "ձիթապտղագույն և օխրագույն երանգներով",
        "background": ((236, 214, 160), (204, 160, 84)),
        "shapes": ((96, 104, 40), (130, 140, 60), (70, 72, 30), (160, 100, 40)),
    },
}

SECTIONS = [
    {
        "key": "news-explained",
        "position": 1,
        "en": {
            "name": "News Explained",
            "description": "Short guides to the stories behind the headlines: what happened, why it matters and what comes next.",
        },
        "hy": {
            "name": "Լուրերի բացատրություն",
            "slug": "lureri-batsatrutyun",
            "description": "Կարճ ուղեցույցներ վերնագրերի հետևում թաքնված պատմությունների մասին. ինչ է տեղի ունեցել, ինչու է դա կարևոր և ինչ է սպասվում հետո։",
        },
    },
    {
        "key": "economy",
        "position": 2,
        "en": {"name": "Economy", "description": "Prices, work, investment and the money that moves the region."},
        "hy": {
            "name": "Տնտեսություն",
            "slug": "tntesutyun",
            "description": "Գներ, աշխատանք, ներդրումներ և այն փողը, որը շարժում է տարածաշրջանը։",
        },
    },
    {
        "key": "society",
        "position": 3,
        "en": {
            "name": "Society",
            "description": "Towns and villages, public services and the people who keep them running.",
        },
        "hy": {
            "name": "Հասարակություն",
            "slug": "hasarakutyun",
            "description": "Քաղաքներ և գյուղեր, հանրային ծառայություններ և մարդիկ, որոնց շնորհիվ դրանք գործում են։",
        },
    },
    {
        "key": "culture",
        "position": 4,
        "en": {"name": "Culture", "description": "Harvests, archives, festivals and the region’s long memory."},
        "hy": {
            "name": "Մշակույթ",
            "slug": "mshakuyt",
            "description": "Բերքահավաքներ, արխիվներ, փառատոներ և տարածաշրջանի երկար հիշողությունը։",
        },
    },
]

AUTHORS = [
    {
        "key": "mariam-ter-avetisyan",
        "en": {
            "name": "Mariam Ter-Avetisyan",
            "bio": "Economy editor. Writes about energy, prices and public money, and has never met a tariff table she did not want to explain.",
        },
        "hy": {
            "name": "Մարիամ Տեր-Ավետիսյան",
            "slug": "mariam-ter-avetisyan",
            "bio": "Տնտեսական բաժնի խմբագիր։ Գրում է էներգետիկայի, գների և հանրային ֆինանսների մասին և սիրում է պարզաբանել ամենախճճված սակագնային աղյուսակները։",
        },
    },
    {
        "key": "gor-ohanjanyan",
        "en": {
            "name": "Gor Ohanjanyan",
            "bio": "Reports from the towns and villages of the Lower Valley and draws the maps and charts in our explainers.",
        },
        "hy": {
            "name": "Գոռ Օհանջանյան",
            "slug": "gor-ohanjanyan",
            "bio": "Լուսաբանում է Ստորին հովտի քաղաքներն ու գյուղերը և պատրաստում մեր բացատրական հոդվածների քարտեզներն ու գծապատկերները։",
        },
    },
    {
        "key": "hannah-whitcombe",
        "en": {
            "name": "Hannah Whitcombe",
            "bio": "Contributing editor. Writes in English about media, culture and the region’s archives, and edits News Explained.",
        },
        "hy": {
            "name": "Հաննա Ուիթքոմբ",
            "slug": "hanna-uitkomb",
            "bio": "Համագործակցող խմբագիր։ Անգլերենով գրում է մեդիայի, մշակույթի և տարածաշրջանի արխիվների մասին և խմբագրում է «Լուրերի բացատրություն» բաժինը։",
        },
    },
]

TAGS = [
    {"key": "energy", "en": {"name": "Energy"}, "hy": {"name": "Էներգետիկա", "slug": "energetika"}},
    {"key": "water", "en": {"name": "Water"}, "hy": {"name": "Ջուր", "slug": "jur"}},
    {
        "key": "agriculture",
        "en": {"name": "Agriculture"},
        "hy": {"name": "Գյուղատնտեսություն", "slug": "gyughatntesutyun"},
    },
    {"key": "transport", "en": {"name": "Transport"}, "hy": {"name": "Տրանսպորտ", "slug": "transport"}},
    {"key": "media", "en": {"name": "Media"}, "hy": {"name": "Մեդիա", "slug": "media"}},
    {
        "key": "digital-services",
        "en": {"name": "Digital services"},
        "hy": {"name": "Թվային ծառայություններ", "slug": "tvayin-tsarayutyunner"},
    },
    {"key": "diaspora", "en": {"name": "Diaspora"}, "hy": {"name": "Սփյուռք", "slug": "spyurk"}},
    {
        "key": "local-government",
        "en": {"name": "Local government"},
        "hy": {"name": "Տեղական ինքնակառավարում", "slug": "teghakan-inknakaravarum"},
    },
    {"key": "climate", "en": {"name": "Climate"}, "hy": {"name": "Կլիմա", "slug": "klima"}},
    {"key": "prices", "en": {"name": "Prices"}, "hy": {"name": "Գներ", "slug": "gner"}},
]

ARTICLES = [
    {
        "key": "a-new-level-of-dialogue-on-the-valleys-water",
        "section": "news-explained",
        "authors": ["gor-ohanjanyan", "mariam-ter-avetisyan"],
        "tags": ["water", "agriculture", "local-government", "climate"],
        "when": ("published", 2),
        "picture": ("waves", "teal-sand"),
        "en": {
            "title": "A new level of dialogue on the valley’s water",
            "summary": "Farmers, towns and fish farms in the Lower Valley have agreed to share one irrigation schedule this spring. What changes, and what does not.",
            "body": (
                "<p>For the first time in a decade, the farmers’ associations, the town councils and the fish farms of the Lower Valley sat at one table and signed one irrigation schedule. The agreement, reached last week in Arpeni after four months of talks, covers the spring and summer seasons and will be reviewed in October.</p>"
                "<h2>What was agreed</h2>"
                "<ul><li>Water from the main canal is shared out by the hour, and the evening turns rotate between villages every week.</li>"
                "<li>The fish farms commit to recirculating at least a third of the water they draw from their wells.</li>"
                "<li>A public dashboard will show every day how much water each district received.</li></ul>"
                "<p>The regional water council, which brokered the talks, calls the result “a new level of dialogue”. Its chair, Sona Avagyan (Սոնա Ավագյան), told Newsroom:</p>"
                "<blockquote><p>“Nobody got everything they wanted. But for once, everyone knows what their neighbours are getting, and that is where trust starts.”</p></blockquote>"
                "<h2>What does not change</h2>"
                "<p>The agreement does not add a single litre to the valley. Groundwater levels have fallen in most of the past fifteen years, and the schedule only shares out what is there. Hydrologists at Arpeni Polytechnic warn that unless the leaking secondary canals are repaired, up to a third of the water will still be lost before it reaches a field.</p>"
                "<p>Farmers in Nor Kanaz (Նոր Կանազ) say they will judge the deal in July, when the heat arrives. “A schedule on paper is easy,” said Hayk Manukyan (Հայկ Մանուկյան), who grows apricots on eight hectares. “We will see whose turn it is when the river runs low.”</p>"
            ),
            "image_caption": "One canal, many turns: the valley’s water, as our illustrator sees it.",
        },
        "hy": {
            "title": "Երկխոսության նոր մակարդակ՝ հովտի ջրի շուրջ",
            "slug": "erkkhosutyan-nor-makardak-hovti-jri-shurj",
            "summary": "Ստորին հովտի ֆերմերները, համայնքները և ձկնաբուծական տնտեսությունները համաձայնել են այս գարնանը կիսել ոռոգման մեկ ընդհանուր ժամանակացույց։ Ի՞նչն է փոխվում, և ի՞նչը՝ ոչ։",
            "body": (
                "<p>Տասը տարվա մեջ առաջին անգամ Ստորին հովտի ֆերմերային միությունները, համայնքների ավագանիները և ձկնաբուծական տնտեսությունները նստեցին մեկ սեղանի շուրջ և ստորագրեցին ոռոգման մեկ ընդհանուր ժամանակացույց։ Համաձայնությունը, որը ձեռք բերվեց անցյալ շաբաթ Արփենիում՝ չորս ամիս տևած բանակցություններից հետո, ընդգրկում է գարնան և ամռան սեզոնները և կվերանայվի հոկտեմբերին։</p>"
                "<h2>Ինչի շուրջ են համաձայնել</h2>"
                "<ul><li>Մայր ջրանցքի ջուրը բաշխվում է ժամերով, իսկ երեկոյան հերթերը գյուղերի միջև փոխվում են ամեն շաբաթ։</li>"
                "<li>Ձկնաբուծական տնտեսությունները պարտավորվում են վերաշրջանառել հորերից վերցվող ջրի առնվազն մեկ երրորդը։</li>"
                "<li>Հանրային վահանակը ամեն օր ցույց կտա, թե յուրաքանչյուր շրջան որքան ջուր է ստացել։</li></ul>"
                "<p>Տարածաշրջանային ջրային խորհուրդը, որի միջնորդությամբ ընթացան բանակցությունները, արդյունքն անվանում է «երկխոսության նոր մակարդակ»։ Խորհրդի նախագահ Սոնա Ավագյանը (Sona Avagyan) Newsroom-ին ասաց.</p>"
                "<blockquote><p>«Ոչ ոք չստացավ այն ամենը, ինչ ուզում էր։ Բայց գոնե այս անգամ բոլորը գիտեն, թե ինչ են ստանում իրենց հարևանները, և վստահությունը հենց դրանից է սկսվում»։</p></blockquote>"
                "<h2>Ինչը չի փոխվում</h2>"
                "<p>Համաձայնությունը հովտին ոչ մի լիտր ջուր չի ավելացնում։ Վերջին տասնհինգ տարիների մեծ մասում ստորերկրյա ջրերի մակարդակը նվազել է, և ժամանակացույցը միայն բաշխում է եղածը։ Արփենիի պոլիտեխնիկական ինստիտուտի ջրաբանները զգուշացնում են, որ եթե արտահոսող երկրորդական ջրանցքները չնորոգվեն, ջրի մինչև մեկ երրորդը դեռ կկորչի՝ նախքան դաշտ հասնելը։</p>"
                "<p>Նոր Կանազի (Nor Kanaz) ֆերմերներն ասում են, որ համաձայնությունը կգնահատեն հուլիսին, երբ շոգերը գան։ «Թղթի վրա ժամանակացույց կազմելը հեշտ է,— ասաց ութ հեկտարի վրա ծիրան աճեցնող Հայկ Մանուկյանը (Hayk Manukyan)։— Կտեսնենք, թե ում հերթը կլինի, երբ գետը ծանծաղի»։</p>"
            ),
            "image_caption": "Մեկ ջրանցք, շատ հերթեր. հովտի ջուրը՝ մեր նկարազարդողի աչքերով։",
        },
    },
    {
        "key": "why-your-electricity-bill-changed-this-winter",
        "section": "news-explained",
        "authors": ["mariam-ter-avetisyan"],
        "tags": ["energy", "prices"],
        "when": ("published", 5),
        "picture": ("bars", "amber-charcoal"),
        "en": {
            "title": "Why your electricity bill changed this winter",
            "summary": "A tariff with two prices, a cold January and a quieter change in how the standing charge is counted: what lies behind the number on the bill.",
            "body": (
                "<p>Households across the region opened their January bills to find totals 10 to 25 percent higher than a year earlier. Three things happened at once, and only one of them is the weather.</p>"
                "<h2>1. Two prices instead of one</h2>"
                "<p>Since November, the Public Utilities Board has set one price for electricity used during the day and a lower one for the night hours, from 11 p.m. to 7 a.m. Homes that heat water or run heaters in the evening pay more; homes that can move their use into the night may pay less.</p>"
                "<h2>2. A cold January</h2>"
                "<p>January was the coldest in nine years, and in flats without gas, electric heaters did most of the work. The board’s own figures show household consumption up by about a sixth over the month.</p>"
                "<h2>3. The standing charge</h2>"
                "<p>The least noticed change is the fixed monthly charge, which now depends on the capacity of the connection instead of being the same for everyone. Most flats are unaffected, but <strong>houses with old three-phase connections</strong> pay noticeably more, even when they use little.</p>"
                "<h3>What you can do</h3>"
                "<ul><li>Check which tariff your meter is on: the code is printed under the total.</li>"
                "<li>Move washing and water heating into the night hours if your meter allows it.</li>"
                "<li>If your connection is larger than you need, ask the distributor to review it; the review is free.</li></ul>"
            ),
            "image_caption": "Two prices, one bill.",
        },
        "hy": {
            "title": "Ինչո՞ւ է այս ձմեռ փոխվել ձեր էլեկտրաէներգիայի հաշիվը",
            "slug": "inchu-e-ays-dzmer-pokhvel-dzer-hashivy",
            "summary": "Երկու գնով սակագին, ցուրտ հունվար և բաժանորդավճարի հաշվարկման ավելի աննկատ փոփոխություն. ահա թե ինչ է թաքնված հաշվի թվի հետևում։",
            "body": (
                "<p>Հունվարին տարածաշրջանի տնային տնտեսություններն իրենց հաշիվներում տեսան մեկ տարի առաջվա համեմատ 10–25 տոկոսով ավելի մեծ գումարներ։ Միաժամանակ երեք բան է տեղի ունեցել, և դրանցից միայն մեկն է կապված եղանակի հետ։</p>"
                "<h2>1. Մեկ գնի փոխարեն՝ երկու</h2>"
                "<p>Նոյեմբերից Հանրային ծառայությունների խորհուրդը ցերեկը սպառված էլեկտրաէներգիայի համար սահմանել է մեկ գին, իսկ գիշերային ժամերի՝ 23:00-ից 07:00-ն ընկած ժամանակահատվածի համար՝ ավելի ցածր գին։ Այն տները, որտեղ երեկոյան ջուր են տաքացնում կամ ջեռուցիչներ միացնում, ավելի շատ են վճարում, իսկ նրանք, ովքեր կարող են սպառումը տեղափոխել գիշերային ժամեր, կարող են ավելի քիչ վճարել։</p>"
                "<h2>2. Ցուրտ հունվար</h2>"
                "<p>Հունվարը վերջին ինը տարվա ամենացուրտն էր, և առանց գազի բնակարաններում աշխատանքի մեծ մասը կատարեցին էլեկտրական ջեռուցիչները։ Խորհրդի իսկ տվյալներով՝ տնային սպառումն ամսվա ընթացքում աճել է մոտ մեկ վեցերորդով։</p>"
                "<h2>3. Բաժանորդավճարը</h2>"
                "<p>Ամենաքիչ նկատված փոփոխությունն ամսական ֆիքսված վճարն է, որն այժմ բոլորի համար նույնը չէ, այլ կախված է միացման հզորությունից։ Բնակարանների մեծ մասի վրա դա չի ազդում, բայց <strong>հին եռաֆազ միացում ունեցող առանձնատները</strong> զգալիորեն ավելի շատ են վճարում, նույնիսկ երբ քիչ են սպառում։</p>"
                "<h3>Ինչ կարող եք անել</h3>"
                "<ul><li>Ստուգեք, թե որ սակագնով է աշխատում ձեր հաշվիչը. ծածկագիրը տպված է ընդհանուր գումարի տակ։</li>"
                "<li>Լվացքն ու ջրի տաքացումը տեղափոխեք գիշերային ժամեր, եթե ձեր հաշվիչը դա թույլ է տալիս։</li>"
                "<li>Եթե ձեր միացման հզորությունն ավելին է, քան անհրաժեշտ է, դիմեք բաշխող ընկերությանը՝ այն վերանայելու համար. վերանայումն անվճար է։</li></ul>"
            ),
            "image_caption": "Երկու գին, մեկ հաշիվ։",
        },
    },
    {
        "key": "four-questions-about-the-northern-rail-link",
        "section": "news-explained",
        "authors": ["gor-ohanjanyan", "hannah-whitcombe"],
        "tags": ["transport", "local-government", "prices"],
        "when": ("published", 9),
        "picture": ("rails", "slate-coral"),
        "en": {
            "title": "Four questions about the northern rail link",
            "summary": "The line to the border crossing at Karaberd has been promised for years. Where the project stands, who pays, and when a passenger might board.",
            "body": (
                "<p>The northern rail link, 140 kilometres of track from Arpeni to the border crossing at Karaberd, is back in the news since the transport ministry published a new timetable for the works. We have gathered the questions readers send us most often.</p>"
                "<h3>Is the line new?</h3>"
                "<p>Mostly not. About two thirds of the route follows a track laid in the 1970s and closed to passengers in the 1990s. The bridges on that stretch must be rebuilt, and the rails and sleepers will be replaced entirely.</p>"
                "<h3>Who pays?</h3>"
                "<p>A loan from a development bank covers roughly 60 percent of the cost and the state budget the rest. The loan is repaid over 25 years, which means the line only makes sense if it carries freight as well as passengers.</p>"
                "<h3>When can I buy a ticket?</h3>"
                "<p>The ministry’s timetable says 2029 for freight and 2030 for passengers. Earlier timetables slipped by years, and the engineers we spoke to call the new dates “possible, if nothing goes wrong in the tunnels”.</p>"
                "<h3>What happens to the towns along the way?</h3>"
                '<p>Eleven stations are planned. Mayors along the route want more, and the smaller towns fear that trains will pass them at speed. The ministry says the number of stops will be settled after a public consultation this spring, and that <a href="https://example.org/northern-line/consultation">the draft plans are open for comment</a>.</p>'
            ),
            "image_caption": "The long way north.",
        },
        "hy": {
            "title": "Չորս հարց հյուսիսային երկաթուղու մասին",
            "slug": "chors-harts-hyusisayin-erkatughu-masin",
            "summary": "Դեպի Կարաբերդի սահմանային անցակետ տանող գիծը խոստանում են արդեն տարիներ շարունակ։ Որտե՞ղ է այսօր նախագիծը, ո՞վ է վճարում, և ե՞րբ կարող է ուղևորը նստել գնացք։",
            "body": (
                "<p>Հյուսիսային երկաթուղին՝ Արփենիից մինչև Կարաբերդի սահմանային անցակետ ձգվող 140 կիլոմետրանոց գիծը, կրկին լուրերում է այն բանից հետո, երբ տրանսպորտի նախարարությունը հրապարակեց աշխատանքների նոր ժամանակացույցը։ Հավաքել ենք այն հարցերը, որոնք ընթերցողներն ամենից հաճախ են մեզ ուղարկում։</p>"
                "<h3>Գիծը նո՞ր է</h3>"
                "<p>Հիմնականում՝ ոչ։ Երթուղու մոտ երկու երրորդն անցնում է 1970-ականներին կառուցված գծով, որը 1990-ականներին փակվեց ուղևորների համար։ Այդ հատվածի կամուրջները պետք է վերակառուցվեն, իսկ ռելսերն ու փայտակոճերն ամբողջությամբ կփոխարինվեն։</p>"
                "<h3>Ո՞վ է վճարում</h3>"
                "<p>Զարգացման բանկի վարկը ծածկում է ծախսերի մոտ 60 տոկոսը, մնացածը՝ պետական բյուջեն։ Վարկը մարվում է 25 տարում, ինչը նշանակում է, որ գիծն իմաստ կունենա միայն այն դեպքում, եթե ուղևորներից բացի նաև բեռներ տեղափոխի։</p>"
                "<h3>Ե՞րբ կարող եմ տոմս գնել</h3>"
                "<p>Նախարարության ժամանակացույցով բեռնափոխադրումները կսկսվեն 2029-ին, ուղևորափոխադրումները՝ 2030-ին։ Նախորդ ժամանակացույցերը տարիներով հետաձգվել են, և մեր զրուցակից ինժեներները նոր ժամկետներն անվանում են «հնարավոր, եթե թունելներում ոչինչ չխափանվի»։</p>"
                "<h3>Ի՞նչ կլինի ճանապարհին ընկած քաղաքների հետ</h3>"
                '<p>Նախատեսված է տասնմեկ կայարան։ Երթուղու վրա գտնվող համայնքների ղեկավարներն ավելին են ուզում, իսկ փոքր բնակավայրերը մտավախություն ունեն, որ գնացքները մեծ արագությամբ կանցնեն իրենց կողքով։ Նախարարությունը հայտնում է, որ կանգառների թիվը կորոշվի այս գարնանը կայանալիք հանրային քննարկումից հետո, և որ <a href="https://example.org/northern-line/consultation">նախագծերը բաց են առաջարկությունների համար</a>։</p>'
            ),
            "image_caption": "Երկար ճանապարհը դեպի հյուսիս։",
        },
    },
    {
        "key": "what-the-new-digital-id-means-for-you",
        "section": "news-explained",
        "authors": ["hannah-whitcombe"],
        "tags": ["digital-services", "local-government"],
        "when": ("published", 12),
        "picture": ("grid", "blue-gold"),
        "en": {
            "title": "What the new digital ID means for you",
            "summary": "From March, the chip on the identity card can sign documents and open public services online. What it does, what it stores, and what stays optional.",
            "body": (
                "<p>From March, every new identity card issued in the region carries a chip that can do two things: prove who you are to a public website, and sign a document with the same legal weight as a handwritten signature. Cards issued before then keep working and can be upgraded at any service centre.</p>"
                "<h2>What the chip stores</h2>"
                "<p>The chip holds your name, date of birth, card number and two cryptographic keys. It does <em>not</em> hold your address, tax records or medical data; services look those up, with your permission, when you log in. The keys never leave the card, which is why you need a card reader or a phone with NFC.</p>"
                "<h2>What stays optional</h2>"
                "<p>Using the card online is voluntary. Every service that accepts the digital ID must also accept a visit in person, a rule written into the law after privacy groups raised concerns while it was being drafted. The data protection office will publish a yearly count of how often each agency looked up citizens’ records.</p>"
                "<blockquote><p>“The technology is the easy part. The hard part is making sure a grandmother in a village without a service centre is not left behind.”</p></blockquote>"
                "<p>So says Lusine Barseghyan (Լուսինե Բարսեղյան), who teaches digital skills at the public library in Nor Kanaz. Her classes for pensioners have had a waiting list since January.</p>"
            ),
            "image_caption": "Two keys on one small chip.",
        },
        "hy": {
            "title": "Ի՞նչ է փոխում նոր թվային նույնականացման քարտը",
            # Armenian script in the address, as editors may choose.
            "slug": "թվային-նույնականացման-քարտ",
            "summary": "Մարտից նույնականացման քարտի չիպով կարելի է ստորագրել փաստաթղթեր և օգտվել առցանց հանրային ծառայություններից։ Ի՞նչ է այն անում, ի՞նչ է պահում, և ի՞նչն է մնում կամընտրական։",
            "body": (
                "<p>Մարտից սկսած՝ տարածաշրջանում տրվող յուրաքանչյուր նոր նույնականացման քարտ ունի չիպ, որը կարող է երկու բան անել՝ հաստատել ձեր ինքնությունը հանրային կայքում և ստորագրել փաստաթուղթ, որն ունի ձեռագիր ստորագրության նույն իրավական ուժը։ Մինչ այդ տրված քարտերը շարունակում են գործել և կարող են թարմացվել ցանկացած սպասարկման կենտրոնում։</p>"
                "<h2>Ինչ է պահում չիպը</h2>"
                "<p>Չիպում պահվում են ձեր անունը, ծննդյան ամսաթիվը, քարտի համարը և երկու գաղտնագրային բանալի։ Այնտեղ <em>չկան</em> ձեր հասցեն, հարկային տվյալները կամ բժշկական տեղեկությունները. ծառայությունները դրանք ստանում են ձեր թույլտվությամբ, երբ մուտք եք գործում։ Բանալիները երբեք դուրս չեն գալիս քարտից, ուստի ձեզ անհրաժեշտ է քարտ կարդացող սարք կամ NFC-ով հեռախոս։</p>"
                "<h2>Ինչն է մնում կամընտրական</h2>"
                "<p>Քարտի առցանց օգտագործումը կամավոր է։ Թվային նույնականացումն ընդունող յուրաքանչյուր ծառայություն պետք է ընդունի նաև անձնական այցը. այս կանոնն օրենքում ամրագրվեց այն բանից հետո, երբ նախագծի մշակման ընթացքում անձնական կյանքի գաղտնիության պաշտպանությամբ զբաղվող խմբերը մտահոգություն հայտնեցին։ Անձնական տվյալների պաշտպանության գրասենյակը տարին մեկ անգամ կհրապարակի, թե յուրաքանչյուր գերատեսչություն քանի անգամ է դիմել քաղաքացիների տվյալներին։</p>"
                "<blockquote><p>«Տեխնոլոգիան ամենահեշտ մասն է։ Դժվարն այն է, որ սպասարկման կենտրոն չունեցող գյուղում ապրող տատիկը դուրս չմնա»։</p></blockquote>"
                "<p>Այսպես է ասում Լուսինե Բարսեղյանը (Lusine Barseghyan), որը Նոր Կանազի հանրային գրադարանում թվային հմտությունների դասընթացներ է վարում։ Թոշակառուների համար նրա դասերին հունվարից հերթ է գոյացել։</p>"
            ),
            "image_caption": "Երկու բանալի մեկ փոքրիկ չիպի վրա։",
        },
    },
    {
        "key": "before-the-vote-what-is-in-the-regional-budget",
        "section": "news-explained",
        "authors": ["mariam-ter-avetisyan", "gor-ohanjanyan"],
        "tags": ["local-government", "water", "transport", "prices"],
        "when": ("scheduled", 7),
        "picture": ("columns", "olive-ochre"),
        "en": {
            "title": "Before the vote: what is in the regional budget",
            "summary": "The council votes next week on a budget that spends more on water pipes and less on roads. A guide to the main lines.",
            "body": (
                "<p>The regional council votes next week on next year’s budget. The draft, published by the finance department, spends slightly more than this year in total, but moves money between departments in ways that will be felt on the ground.</p>"
                "<ul><li><strong>Water:</strong> spending on pipes and canal repairs rises by almost half, the largest increase in the draft.</li>"
                "<li><strong>Roads:</strong> new road projects are postponed; only repairs already under way continue.</li>"
                "<li><strong>Schools:</strong> heating upgrades for 30 rural schools, paid for partly by a grant.</li></ul>"
                "<p>Opposition councillors say the road cuts fall hardest on mountain villages, where one washed-out road can cut a community off for days. The finance department answers that every leaking pipe repaired now saves money for a decade.</p>"
                "<p>On the day of the vote we will publish a line-by-line comparison with this year’s budget, together with how each councillor voted.</p>"
            ),
            "image_caption": "Where the money goes, column by column.",
        },
        "hy": {
            "title": "Քվեարկությունից առաջ. ինչ կա տարածաշրջանային բյուջեում",
            "slug": "kvearkutyunits-arach-inch-ka-byujeum",
            "summary": "Խորհուրդը հաջորդ շաբաթ կքվեարկի բյուջեի մասին, որն ավելի շատ միջոցներ է հատկացնում ջրատարներին և ավելի քիչ՝ ճանապարհներին։ Ուղեցույց հիմնական կետերի վերաբերյալ։",
            "body": (
                "<p>Տարածաշրջանային խորհուրդը հաջորդ շաբաթ կքվեարկի առաջիկա տարվա բյուջեի մասին։ Ֆինանսական վարչության հրապարակած նախագիծն ընդհանուր առմամբ մի փոքր ավելի շատ ծախս է նախատեսում, քան այս տարի, սակայն գումարները վերաբաշխում է վարչությունների միջև այնպես, որ դա զգալի կլինի տեղերում։</p>"
                "<ul><li><strong>Ջուր.</strong> ջրատարների և ջրանցքների նորոգման ծախսերն աճում են գրեթե կիսով չափ. սա նախագծի ամենամեծ աճն է։</li>"
                "<li><strong>Ճանապարհներ.</strong> նոր ճանապարհային նախագծերը հետաձգվում են, շարունակվում են միայն արդեն սկսված նորոգումները։</li>"
                "<li><strong>Դպրոցներ.</strong> 30 գյուղական դպրոցի ջեռուցման արդիականացում՝ մասամբ դրամաշնորհի հաշվին։</li></ul>"
                "<p>Ընդդիմադիր խորհրդականները պնդում են, որ ճանապարհային կրճատումներն ամենից շատ կազդեն լեռնային գյուղերի վրա, որտեղ ողողված մեկ ճանապարհը կարող է համայնքը օրերով կտրել աշխարհից։ Ֆինանսական վարչությունը պատասխանում է, որ այսօր նորոգված յուրաքանչյուր արտահոսող խողովակ տասը տարի շարունակ գումար է խնայելու։</p>"
                "<p>Քվեարկության օրը կհրապարակենք այս տարվա բյուջեի հետ տող առ տող համեմատությունը՝ նաև այն, թե ինչպես է քվեարկել յուրաքանչյուր խորհրդական։</p>"
            ),
            "image_caption": "Ուր են գնում գումարները՝ սյունակ առ սյունակ։",
        },
    },
    {
        "key": "diaspora-money-is-building-more-than-houses",
        "section": "economy",
        "authors": ["mariam-ter-avetisyan"],
        "tags": ["diaspora", "agriculture", "prices"],
        "when": ("published", 4),
        "picture": ("arcs", "blue-gold"),
        "en": {
            "title": "Diaspora money is building more than houses",
            "summary": "For years, money sent home went into flats. A new generation of investors abroad is putting it into greenhouses, software firms and small hotels.",
            "body": (
                "<p>Money sent home by relatives abroad has long been one of the region’s largest sources of income, and for most of the past two decades it went into bricks: new flats in Arpeni, second floors on village houses. Bank data now suggest that a growing share is going somewhere else.</p>"
                "<p>Loans co-financed by investors living abroad have tripled in the past three years, according to the regional development agency. Most are small: a greenhouse, a bakery, a guest house with six rooms. But a handful of software companies founded by people who came back now employ more than a hundred people each.</p>"
                "<blockquote><p>“My grandfather sent money for a roof. I wanted to send my cousins a reason to stay,” says Nairi Simonian (Նաիրի Սիմոնյան), who moved from Marseille to start a fruit-drying business in Nor Kanaz.</p></blockquote>"
                "<p>Economists caution that the numbers start from a low base, and that investment from abroad still depends on the exchange rate and on trust in local courts. The agency’s next report, due in the autumn, will for the first time count how many of the new businesses survive their third year.</p>"
            ),
            "image_caption": "From far away, for home.",
        },
        "hy": {
            "title": "Սփյուռքի գումարները կառուցում են ավելին, քան տներ",
            "slug": "spyurki-gumarnery-karutsum-en-avelin-kan-tner",
            "summary": "Տարիներ շարունակ հայրենիք ուղարկված գումարները ներդրվում էին բնակարաններում։ Արտերկրում ապրող ներդրողների նոր սերունդը դրանք ուղղում է ջերմոցների, ծրագրային ընկերությունների և փոքր հյուրանոցների։",
            "body": (
                "<p>Արտերկրում ապրող հարազատների ուղարկած գումարները վաղուց տարածաշրջանի եկամտի խոշորագույն աղբյուրներից են, և վերջին երկու տասնամյակի մեծ մասում դրանք ներդրվում էին աղյուսի մեջ՝ նոր բնակարաններ Արփենիում, երկրորդ հարկեր գյուղական տների վրա։ Բանկային տվյալներն այժմ ցույց են տալիս, որ դրանց աճող մասնաբաժինն այլ ուղղությամբ է գնում։</p>"
                "<p>Տարածաշրջանային զարգացման գործակալության տվյալներով՝ արտերկրում բնակվող ներդրողների համաֆինանսավորմամբ վարկերը վերջին երեք տարում եռապատկվել են։ Դրանց մեծ մասը փոքր է՝ ջերմոց, փուռ, վեց սենյականոց հյուրատուն։ Բայց վերադարձածների հիմնած մի քանի ծրագրային ընկերություններից յուրաքանչյուրն այժմ հարյուրից ավելի աշխատող ունի։</p>"
                "<blockquote><p>«Պապս գումար էր ուղարկում տանիքի համար։ Ես ուզում էի զարմիկներիս մնալու պատճառ ուղարկել»,— ասում է Նաիրի Սիմոնյանը (Nairi Simonian), որը Մարսելից տեղափոխվել է Նոր Կանազ՝ մրգերի չորացման բիզնես հիմնելու համար։</p></blockquote>"
                "<p>Տնտեսագետները զգուշացնում են, որ թվերը ցածր մեկնակետից են սկսվում, և որ արտերկրից եկող ներդրումները դեռևս կախված են փոխարժեքից և տեղական դատարանների նկատմամբ վստահությունից։ Գործակալության հաջորդ զեկույցը, որը սպասվում է աշնանը, առաջին անգամ ցույց կտա, թե նոր բիզնեսներից քանիսն են գոյատևում մինչև երրորդ տարին։</p>"
            ),
            "image_caption": "Հեռվից՝ տան համար։",
        },
    },
    {
        "key": "solar-panels-on-the-rooftops-of-arpeni",
        "section": "economy",
        "authors": ["mariam-ter-avetisyan", "gor-ohanjanyan"],
        "tags": ["energy", "climate", "local-government"],
        "when": ("published", 7),
        "picture": ("sun", "amber-charcoal"),
        "en": {
            "title": "Solar panels on the rooftops of Arpeni",
            "summary": "Net metering turned flat roofs into small power stations. Now the grid operator says the afternoon surplus needs new rules.",
            "body": (
                "<p>Walk down any street in Arpeni’s eastern districts and count the roofs: one in five now carries solar panels. Since net metering was introduced six years ago, households and small businesses can sell their daytime surplus to the grid and draw it back at night.</p>"
                "<p>The result is a quiet success and a new problem. On sunny spring afternoons, rooftop panels now produce more than the city uses, and the grid operator has twice had to ask the hydro plants upstream to hold back water.</p>"
                "<h2>The proposed changes</h2>"
                "<p>The operator proposes to pay less for electricity fed into the grid between noon and 4 p.m., and more for power that batteries release in the evening. Installers warn that the change could halve the savings of a typical household; the operator answers that without it, new connections would have to be refused.</p>"
                "<p>A public hearing is set for next month. Whatever it decides, the debate has shown how quickly a small subsidy can change the shape of a city’s energy use.</p>"
            ),
            "image_caption": "Noon over the eastern districts.",
        },
        "hy": {
            "title": "Արևային վահանակներ Արփենիի տանիքներին",
            "slug": "arevayin-vahanakner-arpenii-taniknerin",
            "summary": "Ցանցային հաշվառման շնորհիվ հարթ տանիքները դարձան փոքրիկ էլեկտրակայաններ։ Այժմ ցանցի օպերատորն ասում է, որ կեսօրից հետո առաջացող ավելցուկը նոր կանոններ է պահանջում։",
            "body": (
                "<p>Քայլեք Արփենիի արևելյան թաղամասերի ցանկացած փողոցով և հաշվեք տանիքները. յուրաքանչյուր հինգից մեկի վրա այժմ արևային վահանակներ կան։ Վեց տարի առաջ ցանցային հաշվառման ներդրումից ի վեր տնային տնտեսությունները և փոքր բիզնեսները կարող են ցերեկային ավելցուկը վաճառել ցանցին և գիշերը հետ ստանալ։</p>"
                "<p>Արդյունքը լուռ հաջողություն է և նոր խնդիր։ Գարնան արևոտ օրերին, կեսօրից հետո, տանիքների վահանակներն այժմ ավելի շատ էներգիա են արտադրում, քան քաղաքը սպառում է, և ցանցի օպերատորը երկու անգամ ստիպված է եղել խնդրել գետի վերին հոսանքի հիդրոկայաններին պահել ջուրը։</p>"
                "<h2>Առաջարկվող փոփոխությունները</h2>"
                "<p>Օպերատորն առաջարկում է ավելի քիչ վճարել կեսօրից մինչև ժամը 16:00-ն ցանց մատակարարվող էլեկտրաէներգիայի համար և ավելի շատ՝ երեկոյան մարտկոցներից տրվող էներգիայի համար։ Տեղադրողները զգուշացնում են, որ փոփոխությունը կարող է կիսով չափ կրճատել սովորական տնային տնտեսության խնայողությունները, իսկ օպերատորը պատասխանում է, որ առանց դրա ստիպված կլինի մերժել նոր միացումները։</p>"
                "<p>Հանրային լսումները նախատեսված են հաջորդ ամսին։ Ինչ էլ որոշվի, բանավեճը ցույց է տվել, թե որքան արագ կարող է փոքր սուբսիդիան փոխել քաղաքի էներգասպառման պատկերը։</p>"
            ),
            "image_caption": "Կեսօր արևելյան թաղամասերի վրա։",
        },
    },
    {
        "key": "apricot-exporters-look-beyond-one-market",
        "section": "economy",
        "authors": ["hannah-whitcombe"],
        "tags": ["agriculture", "transport", "prices"],
        "when": ("published", 15),
        "picture": ("dots", "olive-ochre"),
        "en": {
            "title": "Apricot exporters look beyond one market",
            "summary": "Most of the valley’s fresh apricots still leave by truck for a single neighbouring market. A cold-storage cooperative is trying to change that.",
            "body": (
                "<p>Every July, a line of refrigerated trucks forms outside the packing houses of the Lower Valley, and most of them head for the same destination. For exporters, depending on one market has meant good years and very bad ones, decided by a queue at the border or a change in import rules.</p>"
                "<p>A cooperative of 40 growers in Nor Kanaz has spent two years building a cold store large enough to keep fruit for three weeks instead of three days. That is long enough, its members hope, to reach buyers further away by rail and sea.</p>"
                "<p>“Three weeks sounds small,” says the cooperative’s manager, Gayane Petrosyan (Գայանե Պետրոսյան). “For an apricot, it is the difference between one customer and ten.”</p>"
                "<p>The first shipments to new markets were small and the prices modest. The cooperative will publish its accounts for the season in December, and growers outside it are watching closely.</p>"
            ),
            "image_caption": "A season’s fruit, waiting for a buyer.",
        },
    },
    {
        "key": "how-small-lenders-are-reaching-farmers",
        "section": "economy",
        "authors": ["mariam-ter-avetisyan"],
        "tags": ["agriculture", "prices"],
        "when": ("draft",),
        "picture": ("hills", "green-cream"),
        "en": {
            "title": "How small lenders are reaching farmers",
            "summary": "Credit unions and microfinance firms now lend to one farm in four. Interest rates and repayment terms still vary widely.",
            "body": (
                "<p>Credit unions and microfinance companies now lend to roughly one farm in four in the Lower Valley, up from one in ten five years ago. For many growers, they are the only lenders willing to accept a harvest as security.</p>"
                "<p>Rates vary widely. In the loan offers we collected, the yearly cost ranged from 14 to 38 percent once fees were included, and few borrowers could tell us which figure applied to them.</p>"
                "<p>We are preparing this article with the help of readers who have shared their loan documents. If you have borrowed against a harvest, our economy desk would like to hear from you.</p>"
            ),
            "image_caption": "Borrowing against the harvest.",
        },
        "hy": {
            "title": "Ինչպես են փոքր վարկատուները հասնում ֆերմերներին",
            "slug": "inchpes-en-pokr-varkatunery-hasnum-fermernerin",
            "summary": "Վարկային միություններն ու միկրոֆինանսական կազմակերպություններն այժմ վարկավորում են յուրաքանչյուր չորրորդ ֆերմային։ Տոկոսադրույքներն ու մարման պայմանները դեռևս խիստ տարբեր են։",
            "body": (
                "<p>Վարկային միություններն ու միկրոֆինանսական կազմակերպություններն այժմ վարկավորում են Ստորին հովտի մոտավորապես յուրաքանչյուր չորրորդ ֆերմային, մինչդեռ հինգ տարի առաջ՝ յուրաքանչյուր տասներորդին։ Շատ ֆերմերների համար նրանք միակ վարկատուներն են, որոնք պատրաստ են բերքը գրավ ընդունել։</p>"
                "<p>Տոկոսադրույքները խիստ տարբեր են։ Մեր հավաքած վարկային առաջարկներում տարեկան արժեքը՝ վճարները ներառյալ, տատանվում էր 14-ից 38 տոկոսի միջև, և վարկառուներից քչերը կարողացան ասել, թե որ թիվն է վերաբերում իրենց։</p>"
                "<p>Այս հոդվածը պատրաստում ենք այն ընթերցողների օգնությամբ, որոնք կիսվել են իրենց վարկային փաստաթղթերով։ Եթե դուք բերքի դիմաց վարկ եք վերցրել, մեր տնտեսական բաժինը կցանկանար լսել ձեզ։</p>"
            ),
            "image_caption": "Վարկ՝ բերքի դիմաց։",
        },
    },
    {
        "key": "press-freedom-one-local-newsroom-at-a-time",
        "section": "society",
        "authors": ["hannah-whitcombe", "gor-ohanjanyan"],
        "tags": ["media", "local-government", "digital-services"],
        "when": ("published", 3),
        "picture": ("columns", "slate-coral"),
        "en": {
            "title": "Press freedom, one local newsroom at a time",
            "summary": "Three reporters, an office above a pharmacy and a weekly that has not missed an issue in 19 years: what a small paper in Karaberd tells us about local journalism.",
            "body": (
                "<p>The <em>Karaberd Herald</em> has three reporters, an office above a pharmacy and a print run of 1,200 copies. In 19 years it has not missed a weekly issue, through two floods, a fire at the printing house and several advertisers who left after stories they did not like.</p>"
                "<p>Its editor, Anahit Movsisyan (Անահիտ Մովսիսյան), says the heaviest pressure on a small paper is rarely a lawsuit. It is the phone call from a relative, the official who stops answering, the shop owner who quietly cancels an advert.</p>"
                "<blockquote><p>“In a town of eight thousand, everyone you write about is someone you will meet at the market on Saturday. That is not a reason to write less. It is a reason to be more careful.”</p></blockquote>"
                "<p>Media researchers count 14 local outlets left in the region, half as many as a decade ago. The survivors are experimenting: the <em>Herald</em> now puts council minutes online within a day and keeps a fund, paid for by readers, for freedom of information requests.</p>"
                "<p>Press freedom is usually measured nationally, in indexes and rankings. In Karaberd, it is measured every week, by whether the paper comes out on Thursday.</p>"
            ),
            "image_caption": "Every Thursday, columns to fill.",
        },
        "hy": {
            "title": "Մամուլի ազատությունը՝ մեկ տեղական խմբագրության օրինակով",
            "slug": "mamuli-azatutyuny-mek-teghakan-khmbagrutyan-orinakov",
            "summary": "Երեք լրագրող, գրասենյակ դեղատան վերևում և շաբաթաթերթ, որը 19 տարում ոչ մի համար բաց չի թողել. ի՞նչ է պատմում Կարաբերդի փոքրիկ թերթը տեղական լրագրության մասին։",
            "body": (
                "<p><em>«Կարաբերդի լրաբեր»</em> շաբաթաթերթն ունի երեք լրագրող, գրասենյակ դեղատան վերևում և 1200 օրինակ տպաքանակ։ 19 տարվա ընթացքում այն ոչ մի համար բաց չի թողել՝ չնայած երկու ջրհեղեղի, տպարանում բռնկված հրդեհի և մի քանի գովազդատուների, որոնք հեռացան իրենց դուր չեկած հոդվածներից հետո։</p>"
                "<p>Թերթի խմբագիր Անահիտ Մովսիսյանը (Anahit Movsisyan) ասում է, որ փոքր թերթի վրա ամենամեծ ճնշումը հազվադեպ է դատական հայցը լինում։ Դա հարազատի հեռախոսազանգն է, պաշտոնյան, որը դադարում է պատասխանել, խանութի տերը, որը լուռ չեղարկում է գովազդը։</p>"
                "<blockquote><p>«Ութ հազար բնակիչ ունեցող քաղաքում բոլոր նրանք, ում մասին գրում ես, մարդիկ են, ում շաբաթ օրը կհանդիպես շուկայում։ Դա քիչ գրելու պատճառ չէ։ Դա ավելի զգույշ լինելու պատճառ է»։</p></blockquote>"
                "<p>Մեդիահետազոտողները տարածաշրջանում հաշվում են 14 տեղական լրատվամիջոց, կես այնքան, որքան տասը տարի առաջ։ Գոյատևողները փորձարկումներ են անում. <em>«Լրաբերն»</em> այժմ ավագանու նիստերի արձանագրությունները մեկ օրվա ընթացքում հրապարակում է առցանց և ընթերցողների միջոցներով ստեղծված հիմնադրամ ունի տեղեկատվության ազատության հարցումների համար։</p>"
                "<p>Մամուլի ազատությունը սովորաբար չափվում է համազգային մակարդակում՝ ինդեքսներով և վարկանիշներով։ Կարաբերդում այն չափվում է ամեն շաբաթ՝ նրանով, թե արդյոք թերթը լույս կտեսնի հինգշաբթի։</p>"
            ),
            "image_caption": "Ամեն հինգշաբթի՝ լրացնելու սյունակներ։",
        },
    },
    {
        "key": "villages-wait-for-the-evening-water",
        "section": "society",
        "authors": ["gor-ohanjanyan"],
        "tags": ["water", "agriculture", "climate"],
        "when": ("published", 6),
        "picture": ("waves", "blue-gold"),
        "en": {
            "title": "Villages wait for the evening water",
            "summary": "In the lower villages of the valley, the irrigation turn often comes after dark. A night with the people who open the sluices.",
            "body": (
                "<p>At nine in the evening, the canal behind the school in Aragavor is still dry. By ten a thin sheet of water arrives, and a dozen men and women with shovels and torches walk out to guide it, plot by plot, until the turn ends at four in the morning.</p>"
                "<p>The lower villages sit at the end of the valley’s canal network and feel every loss upstream. Under the new schedule agreed in Arpeni, their turn rotates with other villages, but it still falls mostly at night, when the least water evaporates.</p>"
                "<p>“My father did this, and his father before him,” says Vahe Harutyunyan (Վահե Հարությունյան), the village’s water steward. “The difference is that now I can see on my phone when the water leaves the main gate.”</p>"
                "<p>There are fewer young people every year, and the night work falls more and more on people over sixty. The village council has asked for automatic sluice gates; until they come, the torches will keep coming out after dark.</p>"
            ),
            "image_caption": "The turn that comes after dark.",
        },
        "hy": {
            "title": "Գյուղերը սպասում են երեկոյան ջրին",
            "slug": "gyughery-spasum-en-erekoyan-jrin",
            "summary": "Հովտի ստորին գյուղերում ոռոգման հերթը հաճախ գալիս է մթնելուց հետո։ Մի գիշեր այն մարդկանց հետ, ովքեր բացում են ջրի փականները։",
            "body": (
                "<p>Երեկոյան ժամը ինին Արագավորի դպրոցի հետևի ջրանցքը դեռ չոր է։ Ժամը տասին գալիս է ջրի բարակ շերտը, և մի տասնյակ տղամարդիկ ու կանայք՝ բահերով և լապտերներով, դուրս են գալիս դաշտ՝ այն ուղղորդելու հողամաս առ հողամաս, մինչև որ հերթն ավարտվի առավոտյան ժամը չորսին։</p>"
                "<p>Ստորին գյուղերը գտնվում են հովտի ջրանցքային ցանցի վերջում և զգում են վերևում տեղի ունեցող յուրաքանչյուր կորուստ։ Արփենիում համաձայնեցված նոր ժամանակացույցով նրանց հերթը փոխվում է այլ գյուղերի հետ, բայց դեռ հիմնականում ընկնում է գիշերվան, երբ գոլորշիացումն ամենաքիչն է։</p>"
                "<p>«Սա անում էր հայրս, նրանից առաջ՝ պապս,— ասում է գյուղի ջրբաշխ Վահե Հարությունյանը (Vahe Harutyunyan)։— Տարբերությունն այն է, որ հիմա հեռախոսով կարող եմ տեսնել, թե երբ է ջուրը դուրս գալիս գլխավոր փականից»։</p>"
                "<p>Երիտասարդներն ամեն տարի ավելի քիչ են, և գիշերային աշխատանքն ավելի ու ավելի է ընկնում վաթսունն անց մարդկանց ուսերին։ Գյուղի ավագանին ավտոմատ փականներ է խնդրել. մինչ դրանց գալը լապտերները կշարունակեն վառվել մթնելուց հետո։</p>"
            ),
            "image_caption": "Հերթը, որ գալիս է մթնելուց հետո։",
        },
    },
    {
        "key": "how-we-check-numbers",
        "section": "news-explained",
        "authors": ["hannah-whitcombe"],
        "tags": ["media"],
        "when": ("published", 20),
        "picture": ("grid", "teal-sand"),
        "en": {
            "title": "How we check numbers: a note on our methods",
            "summary": "Every figure in a News Explained article has a source you can follow. How we choose, check and correct them.",
            "body": (
                "<p>Readers often ask where the numbers in our explainers come from. The short answer: from documents you can read yourself, wherever we can make that possible.</p>"
                "<h2>Our rules</h2>"
                "<ul><li>Every figure links to its source or names it in the text.</li>"
                "<li>Where two official sources disagree, we say so and show both.</li>"
                "<li>A percentage comes with the number it is a percentage <em>of</em>.</li>"
                "<li>Corrections are made in the article and noted at its end, with the date.</li></ul>"
                "<p>We do not publish figures we cannot trace to a document, an on-the-record interview or our own measurement. When we calculate something ourselves, such as the share of a budget that goes to one village, we publish the calculation.</p>"
                "<p>If you think we got a number wrong, write to the desk. We read every message, and the most useful corrections in our history came from readers.</p>"
            ),
            "image_caption": "Every square accounted for.",
        },
    },
    {
        "key": "a-late-harvest-in-the-vineyards-of-nor-kanaz",
        "section": "culture",
        "authors": ["gor-ohanjanyan", "hannah-whitcombe"],
        "tags": ["agriculture", "climate", "diaspora"],
        "when": ("published", 10),
        "picture": ("dots", "wine-rose"),
        "en": {
            "title": "A late harvest in the vineyards of Nor Kanaz",
            "summary": "A cool August pushed the grape harvest into October. Winemakers say the wait may have given them their best vintage in years.",
            "body": (
                "<p>The pickers in Nor Kanaz usually finish in the last week of September. This year, after the coolest August in a decade, the first crates of red grapes reached the press house only on the second of October.</p>"
                "<p>For the village’s six family wineries, a late harvest is a gamble: every extra week on the vine brings sugar and colour, and every night of frost brings risk. The frost held off, and the grapes came in small, sweet and healthy.</p>"
                "<blockquote><p>“My grandmother kept a notebook of every harvest since 1961,” says the winemaker Shushan Avetisyan (Շուշան Ավետիսյան). “There are only three Octobers in it. Two of them were her favourite wines.”</p></blockquote>"
                "<p>The harvest also brought visitors: a new weekend festival drew more than two thousand people to the village, many from families who left the region generations ago. The wineries will know in the spring whether the vintage lives up to the notebook.</p>"
            ),
            "image_caption": "October on the vine.",
        },
        "hy": {
            "title": "Ուշ բերքահավաք Նոր Կանազի խաղողի այգիներում",
            "slug": "ush-berkahavak-nor-kanazi-khaghoghi-ayginerum",
            "summary": "Զով օգոստոսը խաղողի բերքահավաքը տեղափոխեց հոկտեմբեր։ Գինեգործներն ասում են, որ սպասումը գուցե նրանց պարգևել է վերջին տարիների լավագույն բերքը։",
            "body": (
                "<p>Նոր Կանազում բերքահավաքը սովորաբար ավարտվում է սեպտեմբերի վերջին շաբաթում։ Այս տարի՝ վերջին տասնամյակի ամենազով օգոստոսից հետո, կարմիր խաղողի առաջին արկղերը հնձանատուն հասան միայն հոկտեմբերի երկուսին։</p>"
                "<p>Գյուղի վեց ընտանեկան գինետների համար ուշ բերքահավաքը ռիսկային խաղ է. որթատունկի վրա անցկացրած յուրաքանչյուր լրացուցիչ շաբաթ շաքար և գույն է տալիս, իսկ ցրտահարության յուրաքանչյուր գիշեր՝ վտանգ։ Ցրտահարություն չեղավ, և խաղողը հավաքվեց մանր, քաղցր ու առողջ։</p>"
                "<blockquote><p>«Տատս 1961 թվականից ի վեր յուրաքանչյուր բերքահավաքի մասին գրառումներ էր անում տետրում,— ասում է գինեգործ Շուշան Ավետիսյանը (Shushan Avetisyan)։— Այնտեղ ընդամենը երեք հոկտեմբեր կա։ Դրանցից երկուսի գինիներն էին նրա ամենասիրելիները»։</p></blockquote>"
                "<p>Բերքահավաքը նաև այցելուներ բերեց. շաբաթավերջի նոր փառատոնին գյուղ եկան ավելի քան երկու հազար մարդ, որոնցից շատերը սերունդներ առաջ տարածաշրջանից հեռացած ընտանիքներից էին։ Գինետները գարնանը կիմանան, թե արդյոք այս բերքը կարդարացնի տետրի սպասելիքները։</p>"
            ),
            "image_caption": "Հոկտեմբերը որթատունկի վրա։",
        },
    },
    {
        "key": "reading-the-old-irrigation-maps",
        "section": "culture",
        "authors": ["hannah-whitcombe"],
        "tags": ["water", "climate", "local-government"],
        "when": ("published", 18),
        "picture": ("canals", "green-cream"),
        "en": {
            "title": "Reading the old irrigation maps",
            "summary": "Volunteers are scanning hand-drawn canal maps from the regional archive. They show a valley that managed its water very differently.",
            "body": (
                "<p>In a basement room of the regional archive in Arpeni, three volunteers are photographing maps that have not been unfolded in decades. Drawn by hand between the 1920s and the 1960s, they show every canal, ditch and sluice in the Lower Valley, with the names of the families responsible for each.</p>"
                "<p>The maps reveal a system built on small local canals, kept up by the people who used them, and many of those canals no longer exist. Hydrologists are using the scans to find old channels that could store winter rain underground.</p>"
                "<p>The project plans to publish all 400 sheets online under an open licence by the end of next year. Readers who recognise a family name on a map are invited to add what they know.</p>"
            ),
            "image_caption": "A valley drawn by hand, canal by canal.",
        },
    },
]

# The readers' conversations under two articles (by article key). Each comment
# is written as a reader would post it; "status" is the moderators' decision,
# and "pending" leaves one in their queue. Every name and address is invented.
CONVERSATIONS = {
    "a-new-level-of-dialogue-on-the-valleys-water": [
        {
            "name": "Armen K.",
            "email": "armen.k@example.org",
            "text": "We farm near the end of the canal. The hourly schedule is the first one that reaches us on time.\n\n"
            "The dashboard will tell whether that lasts into July.",
            "status": "approved",
            "replies": [
                {
                    "name": "Lilit S.",
                    "email": "lilit.s@example.org",
                    "text": "Same in our village. The weekly rotation of the evening turns matters more than it looks.",
                    "status": "approved",
                },
            ],
        },
        {
            "name": "Նարեկ Հ.",
            "email": "narek.h@example.org",
            "text": "Լավ է, որ վերջապես բոլորը մեկ սեղանի շուրջ են։ Բայց առանց երկրորդական ջրանցքների "
            "վերանորոգման ջուրը նորից ճանապարհին կկորչի։",
            "status": "approved",
        },
        {
            "name": "Visitor",
            "email": "visitor@example.org",
            "text": "Does the schedule cover the fish farms’ wells too, or only the canal?",
            "status": "pending",
        },
    ],
    "why-your-electricity-bill-changed-this-winter": [
        {
            "name": "Gayane M.",
            "email": "gayane.m@example.org",
            "text": "Thank you for explaining the standing charge. Our bill finally makes sense.",
            "status": "approved",
        },
    ],
}
