"""Culture and sport."""

from .story import Story

STORIES = [
    Story(
        title="National Gallery returns fourteen paintings to Cardle monastery",
        standfirst="The altarpieces were removed for safekeeping during the war and never sent "
        "back. They will go on show in the restored chapel next year.",
        section="culture",
        authors=("lucia-ferrand",),
        hours_ago=55,
        place="the Cardle hills",
        body="the National Gallery",
        topic="the return of the paintings",
        caption="The paintings were made for the monastery's chapel in the fifteenth century.",
        paragraphs=(
            "Fourteen painted panels taken from the monastery of St Alder in the Cardle hills "
            "more than eighty years ago will be returned by the National Gallery, ending a "
            "dispute that has outlasted three directors.",
            "The panels, made for the monastery's chapel in the fifteenth century, were removed "
            "for safekeeping during the war and taken to Kellhaven, where they have been on "
            "display ever since. The monastery's community, now eleven monks, first asked for "
            "them back in the 1960s.",
            "> “They were lent to the nation, not given. It has taken a long time for everyone "
            "to read the paperwork the same way,” said the gallery's director, Ruth Calloway.",
            "The chapel has been restored with a climate-controlled case for the panels, paid "
            "for by a public appeal that raised 2.8m crowns.",
        ),
        shared=("arts", "funding"),
    ),
    Story(
        title="Ferrowby Book Festival opens with record ticket sales",
        standfirst="More than 60,000 tickets have been sold for the ten-day festival, which "
        "this year puts translated fiction at the centre of its programme.",
        section="culture",
        authors=("lucia-ferrand",),
        hours_ago=190,
        place="Ferrowby",
        body="the festival's organisers",
        topic="the festival",
        caption="Most events take place in tents on the riverbank in Ferrowby.",
        paragraphs=(
            "The Ferrowby Book Festival opened with its largest audience yet, having sold more "
            "than 60,000 tickets for 420 events over ten days on the banks of the Varre.",
            "This year's programme puts translated fiction at its centre, with writers from "
            "eleven countries and a new prize for the best novel translated into Ostmerian, "
            "worth 50,000 crowns to be shared between author and translator.",
            "The festival's director, Mette Lorne, said the growth had come mostly from younger "
            "readers. “They do not care what a book is supposed to be. They care whether it is "
            "good.”",
        ),
        shared=("arts", "funding", "local"),
    ),
    Story(
        title="‘The Salt Road’ review: the best Ostmerian film in years",
        standfirst="Anja Brekke's debut feature follows a family of salt workers over one "
        "summer on the Fenland coast. It is patient, funny and devastating.",
        section="culture",
        tags=("opinion",),
        authors=("lucia-ferrand",),
        hours_ago=320,
        topic="the film",
        caption="The Salt Road opens in cinemas across the country this week.",
        paragraphs=(
            "There is a scene about halfway through The Salt Road in which nothing happens: a "
            "father and daughter rake salt into a pile as the light goes, and do not speak. It "
            "lasts almost three minutes, and it is the most gripping thing I have seen in a "
            "cinema this year.",
            "Anja Brekke's first feature follows the Halvorsen family, who work the last salt "
            "pans on the Fenland coast, through a summer in which the business, the marriage "
            "and the coastline are all quietly giving way.",
            "Brekke cast local people in all but two roles, and it shows in the best way. Nobody "
            "performs; they simply live in front of the camera. The two professionals, as the "
            "parents, are so good that you forget which is which.",
            "It is not a perfect film. The final twenty minutes reach for a drama the rest of "
            "the story has wisely avoided. But it is the most confident debut from an Ostmerian "
            "director in a decade, and it deserves a large audience.",
        ),
    ),
    Story(
        title="Brannock Athletic win first league title in 22 years",
        standfirst="A 2-1 win at Kellhaven Rovers sealed the Premier Division with two matches "
        "to spare, sparking celebrations across the city.",
        section="sport",
        authors=("callum-ashgrove",),
        hours_ago=16,
        updated_after=2,
        featured=True,
        place="Brannock",
        topic="the title",
        caption="Thousands of supporters gathered in Brannock's harbour square after the match.",
        paragraphs=(
            "Brannock Athletic are champions of Ostmere for the first time in 22 years after a "
            "2-1 win away at Kellhaven Rovers put them out of reach at the top of the Premier "
            "Division with two matches left to play.",
            "Rovers took the lead through Emil Saarin after half an hour, but Athletic "
            "equalised before half-time through their captain, Jonas Fell, and won it with "
            "eight minutes left when the substitute Kofi Danner headed in a corner.",
            "> “This is for everyone who kept coming when we were bottom of the second "
            "division,” said the manager, Ines Caldwell, who took over four years ago.",
            "In Brannock, thousands of supporters gathered in the harbour square, where the "
            "match had been shown on a big screen, and the celebrations went on well into the "
            "night.",
            "## From the second division to the top\n\nFour years ago Athletic were in the "
            "second division, with debts of 40m crowns and a stadium in need of repair. The "
            "club was saved by a supporters' trust, which now owns a third of the shares, and "
            "by a local shipping company that bought the rest on condition the trust kept a "
            "veto over any sale of the ground.",
            "Caldwell, a former youth coach at the club, built the side around players from its "
            "own academy and a handful of bargain signings from Dravonia and Hallem. Fell, who "
            "grew up two streets from the ground, is one of six players in the squad born in "
            "Brannock.",
            "The title is worth around 35m crowns in prize money and a place in next season's "
            "Northern Champions Cup, which the club's chairman said would be spent on the "
            "academy and a new roof for the east stand, “in that order”.",
        ),
        shared=("table", "grassroots"),
    ),
    Story(
        title="Tour of the Reach heads into the Cardle hills for its hardest stage",
        standfirst="The race's fifth stage climbs more than 3,000 metres over 180km, and could "
        "decide the overall winner.",
        section="sport",
        authors=("callum-ashgrove",),
        hours_ago=130,
        topic="the race",
        caption="The Cardle climbs are narrow, steep and often wet.",
        paragraphs=(
            "The Tour of the Reach reaches its decisive stage today, a 180km route from "
            "Marrowgate into the Cardle hills that includes four categorised climbs and finishes "
            "at the top of the Hollin pass.",
            "The race leader, Mikkel Aas, has an advantage of 22 seconds, which few expect to "
            "be enough. The climbers, led by the Dravonian Ana Petrova-Lind, have been saving "
            "their energy for this stage all week.",
            "Forecasters expect rain on the upper slopes, which will make the descent from the "
            "third climb treacherous.",
            "The organisers have shortened the neutralised zone at the start to keep the stage "
            "within the permitted time, and extra marshals will be stationed on the descents. "
            "A crash on the same roads two years ago put three riders in hospital.",
            "> “On the Hollin you cannot hide. If your legs are not there, everybody sees it,” "
            "said Aas, who finished fourth on the same climb last year.",
            "Around 80,000 spectators are expected on the roadside, many of them camping "
            "overnight in the fields below the pass. Local councils have laid on extra buses "
            "from Marrowgate and asked drivers to stay away.",
        ),
        shared=("grassroots",),
    ),
    Story(
        title="Saltmouth crew break national rowing record on the Varre",
        standfirst="The women's eight covered 2,000 metres in five minutes and 58 seconds, the "
        "first Ostmerian crew to go under six minutes.",
        section="sport",
        authors=("callum-ashgrove",),
        hours_ago=500,
        place="Saltmouth",
        topic="the record",
        caption="The regatta course on the Varre is one of the fastest in the north.",
        paragraphs=(
            "Saltmouth Rowing Club's women's eight set a national record at the Varre regatta, "
            "becoming the first Ostmerian crew to cover 2,000 metres in under six minutes.",
            "Their time of 5:58.4 beat the record set by a national team crew eleven years ago "
            "by almost two seconds, in a tailwind that was within the permitted limit.",
            "Six of the eight are students, and the crew's stroke, Lea Andvik, is seventeen. "
            "Several are expected to be selected for the national squad later this year.",
            "The crew trains on the tidal stretch of the Varre below Saltmouth, where the "
            "current and the shipping make for hard, unglamorous work, and shares a boathouse "
            "with the city's police rowing club.",
            "> “We did not come here for a record. We came to beat Kellhaven,” said Andvik. “The "
            "clock was a nice surprise.”",
            "The club's coach, Henrik Salo, has been a volunteer for 26 years. He said the "
            "result showed what could be achieved outside the national training centre, and "
            "appealed for help to replace the club's ageing launch.",
        ),
        shared=("grassroots",),
    ),
    Story(
        title="Inside the plan to sell Kellhaven Rovers' stadium",
        standfirst="The club's owners want to sell the ground to developers and move to a new "
        "stadium on the edge of the city. Supporters are not convinced.",
        section="sport",
        tags=("business",),
        authors=("callum-ashgrove", "joseph-kettering"),
        hours_ago=0,
        status="draft",
        place="Kellhaven",
        body="the club",
        topic="the stadium sale",
        caption="Rovers have played at Kellhaven Park since 1911.",
        paragraphs=(
            "The owners of Kellhaven Rovers are in advanced talks to sell the club's home of "
            "more than a century to a property developer, according to documents seen by the "
            "Ledger.",
            "Under the plan, the club would move to a new 25,000-seat stadium on land beside "
            "the ring road, to be built with part of the proceeds.",
            "The supporters' trust said it had not been consulted, and that the club's "
            "history could not be moved to a business park.",
        ),
        shared=("market", "critics", "local", "grassroots"),
    ),
]
