"""Climate and environment: floods, energy, farming and rivers."""

from .story import Story

STORIES = [
    Story(
        title="Fenlands flood defences to be rebuilt after record winter",
        standfirst="The government will spend 2.4bn crowns over eight years raising and "
        "strengthening 140km of embankments that protect 200,000 people.",
        section="climate",
        tags=("politics",),
        authors=("freya-lindholm",),
        hours_ago=12,
        updated_after=4,
        place="the Fenlands",
        body="the Flood Defence Agency",
        topic="the rebuilding programme",
        caption="Much of the Fenlands lies below the level of the rivers that drain it.",
        paragraphs=(
            "The embankments that keep the sea and the rivers out of the Fenlands will be "
            "raised and rebuilt over the next eight years at a cost of 2.4bn crowns, the "
            "climate minister, Levi Strand, announced on a visit to Dunmere.",
            "The programme covers 140km of earth banks, many of them more than a century old, "
            "that protect around 200,000 people and some of the country's most productive "
            "farmland. Sections breached during the winter storms will be repaired first.",
            "> “We can no longer plan for the floods of our grandparents' time. We have to plan "
            "for the ones our grandchildren will see,” Strand said.",
            "The Flood Defence Agency had asked for 3bn crowns. Farmers' leaders welcomed the "
            "announcement but said that drainage pumps, many of which failed during the storms, "
            "had been left out.",
        ),
        shared=("warming", "land", "next", "local", "regions"),
    ),
    Story(
        title="Offshore wind farm off Saltmouth begins supplying the grid",
        standfirst="The first twenty turbines of the Westbank array are now generating, with "
        "another sixty due to be connected by the end of next year.",
        section="climate",
        tags=("business", "technology"),
        authors=("freya-lindholm",),
        hours_ago=140,
        place="Saltmouth",
        body="Northlight Energy",
        topic="the wind farm",
        caption="When complete, the array will supply about a sixth of Ostmere's electricity.",
        paragraphs=(
            "Electricity from Ostmere's largest offshore wind farm began flowing into the "
            "national grid this week, as the first twenty of its eighty turbines were "
            "connected, eighteen months later than planned.",
            "The Westbank array, 30km off Saltmouth, is being built by Northlight Energy. When "
            "complete it will be able to supply about a sixth of the country's electricity, "
            "and allow the last of the coal-fired units at Tolland to close.",
            "The delay was caused by a shortage of specialist installation vessels and a dispute "
            "over the route of the export cable through a protected seabed.",
        ),
        shared=("market", "warming", "jobs"),
    ),
    Story(
        title="Farmers and ecologists strike deal over Cardle marshes",
        standfirst="A third of the drained marshland will be allowed to flood again, in return "
        "for payments to farmers that will last twenty years.",
        section="climate",
        authors=("freya-lindholm",),
        hours_ago=280,
        place="the Cardle hills",
        body="the Agriculture Ministry",
        topic="the rewetting scheme",
        caption="The marshes were drained for farming in the nineteenth century.",
        paragraphs=(
            "After six years of argument, farmers and conservation groups have agreed a plan "
            "to let about a third of the drained marshland below the Cardle hills return to "
            "wetland, storing carbon and reducing flooding downstream.",
            "Farmers who take part will receive annual payments for twenty years, funded by the "
            "Agriculture Ministry and by water companies, which expect to save on treatment "
            "costs as the marsh filters run-off.",
            "The deal was brokered by a former judge, Hanne Ridder, who chaired more than forty "
            "meetings in village halls across the valley.",
            "> “The trick was to stop talking about the marsh and start talking about the "
            "farms,” she said.",
        ),
        shared=("land", "critics", "local"),
    ),
    Story(
        title="Ostmere will miss its interim emissions target, watchdog says",
        standfirst="The Climate Council says emissions from transport and buildings are "
        "falling far too slowly, and that the government's plans lack detail.",
        section="climate",
        tags=("politics",),
        authors=("freya-lindholm", "marta-olvensen"),
        hours_ago=330,
        body="the Climate Ministry",
        topic="the emissions target",
        caption="Transport is now the largest source of emissions in Ostmere.",
        correction="An earlier version of this article said emissions had fallen by 19% since "
        "the base year. The correct figure is 29%.",
        paragraphs=(
            "Ostmere is on course to miss its legally binding target of cutting greenhouse gas "
            "emissions by 45% by the end of the decade, the country's independent Climate "
            "Council said in its annual report.",
            "Emissions have fallen by 29% since the base year, mostly because coal has been "
            "pushed out of electricity. But the council said transport and heating, which "
            "together now account for more than half of all emissions, had barely moved.",
            "## What the council wants\n\nThe report calls for a date after which new fossil-"
            "fuelled boilers can no longer be installed, and for the grant scheme for heat pumps "
            "to be doubled. It describes the government's transport plans as “a list of "
            "intentions rather than a plan”.",
            "The climate minister, Levi Strand, said the government would respond in full "
            "within three months.",
        ),
        shared=("warming", "assembly", "parties", "critics"),
    ),
    Story(
        title="Salmon return to the River Varre after forty years",
        standfirst="Fish have been recorded spawning upstream of Ferrowby for the first time "
        "since the river was declared biologically dead.",
        section="climate",
        tags=("science",),
        authors=("freya-lindholm",),
        hours_ago=450,
        place="the Varre valley",
        topic="the salmon's return",
        caption="The Varre was once among the most polluted rivers in the region.",
        paragraphs=(
            "Atlantic salmon have been found spawning in the upper River Varre for the first "
            "time in four decades, a sign that a long clean-up of one of the country's most "
            "polluted rivers is working, scientists say.",
            "Researchers from the University of Kellhaven recorded nests in the gravel beds "
            "upstream of Ferrowby and have since confirmed that young fish hatched there.",
            "The Varre was declared biologically dead in the years when the paper mills and "
            "tanneries along its banks discharged directly into it. Most closed decades ago, "
            "and the last weirs blocking fish passage were removed three years ago.",
        ),
        shared=("research", "method", "why", "land"),
    ),
    Story(
        title="Heat pump grants: who qualifies and how to apply",
        standfirst="The new scheme pays up to 70% of the cost for lower-income households. "
        "Here is what you need to know.",
        section="climate",
        authors=("freya-lindholm",),
        hours_ago=0,
        status="draft",
        body="the Climate Ministry",
        topic="the grant scheme",
        caption="Around 40,000 households are expected to apply in the first year.",
        paragraphs=(
            "A new grant scheme for heat pumps opens for applications next month, paying "
            "between 30% and 70% of the cost of installation depending on household income.",
            "## Who can apply\n\nAny owner-occupier or landlord whose property has an energy "
            "certificate can apply. Households earning less than the national median will "
            "receive the higher rates.",
            "## How to apply\n\nApplications are made online through an accredited installer, "
            "who must carry out a survey first. Grants are paid directly to the installer.",
        ),
        shared=("critics", "households"),
    ),
]
