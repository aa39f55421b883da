"""World: Ostmere's neighbours, the Northern Council and the Strait."""

from .story import Story

STORIES = [
    Story(
        title="Dravonia and Hallem agree to reopen border crossings",
        standfirst="Three crossings closed for eighteen months will reopen to freight and "
        "passengers, easing a detour that added a day to lorry journeys across the region.",
        section="world",
        authors=("amira-sadeq",),
        hours_ago=20,
        place="Dravonia",
        topic="the border dispute",
        caption="Freight from Ostmere to Hallem has been taking the long route by sea.",
        paragraphs=(
            "Dravonia and Hallem have agreed to reopen three crossings on their shared border, "
            "ending an eighteen-month closure that forced freight between the two countries "
            "onto ferries and a coastal road through the Lusk delta.",
            "The agreement, signed by the two countries' interior ministers at a meeting hosted "
            "by the Northern Council, provides for joint customs checks and a commission to "
            "settle disputes over the demarcation of the river border.",
            "> “This is not the end of every argument between us. It is the end of pretending "
            "that closed gates solve any of them,” Hallem's prime minister, Sefa Orrin, said.",
            "The closures began after a dispute over fishing rights in the upper Lusk and were "
            "extended twice. Road hauliers in both countries had warned of bankruptcies.",
        ),
        shared=("world", "travel", "council"),
    ),
    Story(
        title="Northern Council summit ends without deal on fishing quotas",
        standfirst="Leaders agreed to meet again within two months after talks in Innisford "
        "broke down over how to share a shrinking catch.",
        section="world",
        tags=("climate", "economy"),
        authors=("amira-sadeq", "freya-lindholm", "joseph-kettering"),
        hours_ago=110,
        updated_after=9,
        place="Innisford",
        topic="the quota dispute",
        caption="Cod and herring stocks in the northern waters have fallen for five years.",
        paragraphs=(
            "A two-day summit of the Northern Council ended in Innisford without agreement on "
            "next year's fishing quotas, after Ostmere and Dravonia rejected a proposal to cut "
            "the permitted herring catch by a quarter.",
            "Scientists advising the council had recommended a cut of more than a third, warning "
            "that stocks in the northern waters had fallen for five successive years as the sea "
            "warmed and spawning grounds moved north.",
            "Ostmere's fisheries minister said a cut of that size would close half the fleet "
            "operating out of Saltmouth and Greyholm within a year. Officials will meet again "
            "within two months; if there is no deal, last year's quotas will roll over.",
        ),
        shared=("world", "council", "warming", "land"),
    ),
    Story(
        title="Strait shipping delays push up costs for Ostmere's exporters",
        standfirst="Congestion at the Strait has doubled waiting times for container ships and "
        "lifted freight rates by a fifth in three months.",
        section="world",
        tags=("business",),
        authors=("amira-sadeq", "joseph-kettering"),
        hours_ago=180,
        place="Hallem",
        body="the Ports Authority",
        topic="the congestion in the Strait",
        caption="Ships waiting to pass the Strait now queue for an average of two days.",
        paragraphs=(
            "Container ships are waiting an average of two days to pass through the Strait, "
            "twice as long as a year ago, and the cost of shipping a container from Saltmouth "
            "to the southern ports has risen by a fifth in three months.",
            "The delays follow the closure of one of the Strait's two navigation channels for "
            "repairs, and a rise in traffic as shipping lines avoid longer routes. The Strait "
            "Authority, which is run jointly by Hallem and its neighbours, says the channel "
            "will reopen by the end of the year.",
            "For Ostmerian exporters of machinery and food, almost all of whose goods leave by "
            "sea, the delays are beginning to show up in lost orders.",
        ),
        shared=("travel", "market", "jobs"),
    ),
    Story(
        title="Hallem forms its first coalition government in thirty years",
        standfirst="Sefa Orrin's Progress party will govern with two smaller partners after "
        "losing its majority at this year's election.",
        section="world",
        authors=("amira-sadeq",),
        hours_ago=230,
        place="Hallem",
        topic="the new government's trade policy",
        caption="The new cabinet was sworn in at the parliament in Port Esker.",
        paragraphs=(
            "Hallem's prime minister, Sefa Orrin, was sworn in for a second term at the head of "
            "a three-party coalition, the country's first since the end of military rule three "
            "decades ago.",
            "Orrin's Progress party lost its majority at the election, winning 94 of 210 seats. "
            "After five weeks of talks it reached agreement with the agrarian Country party and "
            "the liberal New Hallem movement, which will hold the finance ministry.",
            "The coalition agreement commits the government to a review of port charges in the "
            "Strait, a long-standing complaint of Ostmere and Dravonia.",
        ),
        shared=("world", "travel"),
    ),
    Story(
        title="Ostmere sends flood engineers to help Dravonia's Lusk delta",
        standfirst="Forty engineers and eight mobile pumping units will help drain farmland "
        "flooded after the wettest month on record.",
        section="world",
        tags=("climate",),
        authors=("amira-sadeq", "freya-lindholm"),
        hours_ago=390,
        place="the Lusk delta",
        topic="the flooding",
        caption="More than 30,000 hectares of farmland in the delta are under water.",
        paragraphs=(
            "A team of forty engineers from Ostmere's Flood Defence Agency will travel to "
            "Dravonia this week with eight mobile pumping units, after the worst flooding in the "
            "Lusk delta for more than half a century.",
            "More than 30,000 hectares of farmland are under water and around 9,000 people have "
            "left their homes. Dravonia's government asked for help through the Northern "
            "Council's civil protection scheme, the first time it has done so.",
            "The Ostmerian team includes engineers who worked on the Fenlands floods two "
            "winters ago. They are expected to stay for at least a month.",
        ),
        shared=("travel", "warming", "land"),
    ),
    Story(
        title="Oskar Talvi: “We cannot be neutral about the Strait”",
        standfirst="In an interview with the Ledger, the foreign minister says Ostmere will "
        "press for the Strait to be run by all the countries that depend on it.",
        section="world",
        tags=("politics",),
        authors=("amira-sadeq",),
        hours_ago=470,
        place="the Strait",
        topic="the future of the Strait",
        caption="Around a third of Ostmere's trade by value passes through the Strait.",
        paragraphs=(
            "Ostmere's foreign minister, Oskar Talvi, has said the country will push for a new "
            "treaty giving every state that depends on the Strait a say in how it is run, "
            "arguing that the current arrangement has left exporters at the mercy of decisions "
            "taken elsewhere.",
            "> “We are a small country with a long coastline and one front door. We cannot be "
            "neutral about who holds the key,” Talvi said.",
            "Speaking in his office at the Foreign Ministry, Talvi said he had raised the "
            "proposal with Hallem's new government and with Dravonia, and that both had "
            "agreed to talks at official level.",
            "## A long argument\n\nThe Strait Authority was set up under the Strait Compact, "
            "signed almost seventy years ago, when a fraction of today's traffic passed through. "
            "Ostmere has an observer seat but no vote.",
            "Asked whether Ostmere would consider withholding its contributions to the "
            "Authority's budget, Talvi said it was “not a conversation for today”.",
            "## Neighbours and partners\n\nTalvi was more guarded about Dravonia, whose "
            "government has at times favoured a bilateral arrangement with Hallem. “Our "
            "interests are not identical, but they overlap far more than they differ,” he said. "
            "He added that he expected the reopening of the Dravonia-Hallem border to make "
            "talks on the Strait easier, not harder.",
            "On the Northern Council, he was blunter. Decisions that require unanimity among "
            "six members, he said, tend to be made at the speed of the slowest. He would "
            "support majority voting on trade, “even on the days when we are the slowest”.",
            "Asked what he would regard as success by the end of the parliament, Talvi said a "
            "negotiating mandate agreed by all three governments. “Treaties take a decade. "
            "Mandates take a year, if people want them.”",
        ),
        shared=("world", "council", "travel", "longview"),
    ),
]
