"""Economy and business: prices, the central bank, companies and jobs."""

from .story import Story

STORIES = [
    Story(
        title="Inflation falls to 3.1% as food prices ease",
        standfirst="Consumer prices rose at their slowest pace for two years, but rents and "
        "energy bills are still climbing faster than wages in much of the country.",
        section="economy",
        authors=("joseph-kettering",),
        hours_ago=52,
        updated_after=5,
        place="the Northern Reach",
        body="the Finance Ministry",
        topic="the fall in inflation",
        caption="Food prices fell for the second month in a row.",
        paragraphs=(
            "Inflation in Ostmere fell to 3.1% last month, from 3.6% the month before, as the "
            "price of food fell for the second month running, the National Statistics Office "
            "said.",
            "The figure was slightly lower than economists had expected and is the smallest "
            "annual rise in consumer prices since the spring two years ago. Dairy products, "
            "bread and fresh vegetables all became cheaper over the month.",
            "Rents, however, rose by 6.4% over the year, and household energy bills by 5.1%, "
            "both faster than average earnings. The gap is widest in the Northern Reach, where "
            "wages have grown more slowly than in the capital.",
            "> “The headline is good news, but it is an average, and very few households are "
            "average,” said Leena Harsk, chief economist at the Kellhaven Institute for Fiscal "
            "Research.",
        ),
        shared=("numbers", "households"),
    ),
    Story(
        title="Bank of Ostmere holds rates but signals a cut within months",
        standfirst="The central bank kept its main rate at 4.25% for a fifth meeting, but two "
        "of its seven policymakers voted for a cut.",
        section="economy",
        tags=("business",),
        authors=("joseph-kettering",),
        hours_ago=150,
        body="the Bank of Ostmere",
        topic="the first rate cut",
        caption="The Bank's monetary committee meets eight times a year.",
        paragraphs=(
            "The Bank of Ostmere left interest rates unchanged at 4.25% but gave its clearest "
            "signal yet that borrowing costs will start to fall within months, as inflation "
            "moves back towards its 2% target.",
            "Five members of the monetary committee voted to hold and two to cut by a quarter "
            "of a point. The governor, Miriam Achterberg, said the committee wanted to see "
            "“another two or three months of evidence” that price rises were slowing.",
            "Markets moved quickly to price in a cut at the committee's next meeting. The "
            "crown fell by half a per cent against the currencies of Ostmere's main trading "
            "partners, and the shares of housebuilders rose.",
            "Mortgage lenders said fixed-rate deals had already begun to fall in anticipation, "
            "although most borrowers coming off cheap deals fixed three years ago still face "
            "much higher payments.",
        ),
        shared=("numbers", "critics", "households"),
    ),
    Story(
        title="Varre Steel to cut 600 jobs at its Brannock works",
        standfirst="The company blames energy costs and cheaper imports. Unions say the "
        "closure of the second furnace puts the future of the whole site in doubt.",
        section="business",
        tags=("economy",),
        authors=("joseph-kettering",),
        hours_ago=98,
        place="Brannock",
        body="Varre Steel",
        topic="the job cuts",
        caption="The Brannock works has made steel on the same site since the 1890s.",
        paragraphs=(
            "Varre Steel will close one of the two blast furnaces at its Brannock works, with "
            "the loss of 600 of the site's 2,100 jobs, the company told staff.",
            "The chief executive, Anders Moll, said the plant had lost money in eleven of the "
            "last twelve quarters, squeezed between some of the highest industrial electricity "
            "prices in the region and cheaper steel arriving through the Strait.",
            "> “We are not leaving Brannock. We are making Brannock something we can keep,” "
            "Moll said in a message to employees.",
            "The Metalworkers' Union said it would fight the cuts and accused the company of "
            "running down the site to make the case for a subsidy. The economy minister said "
            "the government would meet the company and unions within a week.",
        ),
        shared=("market", "local", "jobs", "parties", "history"),
    ),
    Story(
        title="Tessel Foods trials shorter opening hours in forty stores",
        standfirst="The country's largest supermarket chain says late-evening trade no longer "
        "covers the cost of staying open. Staff have been promised no loss of hours.",
        section="business",
        authors=("joseph-kettering",),
        hours_ago=260,
        body="Tessel Foods",
        topic="the trial",
        caption="The trial covers forty of the chain's 380 stores.",
        paragraphs=(
            "Forty Tessel Foods supermarkets will close at 9pm instead of 11pm from next month, "
            "in a trial the company says could be extended to most of its 380 stores.",
            "Tessel said that fewer than one in twenty of its customers shopped after nine, and "
            "that the last two hours of opening cost more in heating, lighting and security "
            "than they brought in.",
            "The shop workers' union said it had been assured that no staff would lose hours, "
            "which would be moved to the morning, when online orders are picked and packed.",
        ),
        shared=("market", "jobs"),
    ),
    Story(
        title="Kellhaven house prices fall for sixth month in a row",
        standfirst="The average price of a home in the capital is now 7% below its peak, "
        "although prices in the rest of the country are still edging up.",
        section="economy",
        authors=("joseph-kettering",),
        hours_ago=420,
        body="the Housing Ministry",
        topic="the fall in prices",
        caption="Prices have fallen furthest for flats in central Kellhaven.",
        paragraphs=(
            "House prices in Kellhaven fell for the sixth consecutive month last month, leaving "
            "the average home in the capital 7% cheaper than at its peak, according to figures "
            "from the Meridian Mutual building society.",
            "The fall has been sharpest for flats in the city centre, where prices are down by "
            "more than a tenth. Outside the capital, prices rose by 0.3% over the month.",
            "Estate agents said buyers were holding back in the hope that interest rates would "
            "fall, while some landlords were selling to avoid tighter rules on energy "
            "efficiency that take effect next year.",
        ),
        shared=("numbers", "local", "households"),
    ),
    Story(
        title="Pension age review: the three options on the ministers' table",
        standfirst="A review commissioned two years ago will recommend raising the state "
        "pension age, but not how fast. The choice is now political.",
        section="economy",
        tags=("politics",),
        authors=("joseph-kettering",),
        hours_ago=0,
        status="review",
        body="the Social Security Ministry",
        topic="the pension age",
        caption="The state pension age is currently 66 for men and women.",
        paragraphs=(
            "The independent review of the state pension age will recommend that it rise from "
            "66 to 68, officials familiar with its conclusions say, but it will leave ministers "
            "to decide how quickly.",
            "The first option would raise it by a year a decade from now and by another year "
            "five years later. The second would link it to life expectancy, so that people "
            "spend roughly a third of adult life in retirement. The third would allow those in "
            "physically demanding jobs to claim earlier.",
            "## Who would be affected\n\nAnyone now under 55 would be affected by the first two "
            "options. The third would be the most expensive to run and the hardest to police.",
        ),
        shared=("history", "critics", "parties", "households", "tradeoffs"),
    ),
    Story(
        title="Economy grew by 0.2% in the first quarter, statistics office says",
        standfirst="Growth returned after two flat quarters, driven by exports and household "
        "spending, but business investment fell again.",
        section="economy",
        authors=("joseph-kettering",),
        hours_ago=-5,
        body="the Finance Ministry",
        topic="the recovery",
        caption="Exports of machinery and processed food rose strongly.",
        paragraphs=(
            "Ostmere's economy grew by 0.2% in the first three months of the year, the National "
            "Statistics Office said, ending two quarters in which output barely moved.",
            "Exports rose by 1.1%, helped by higher sales of machinery and processed food to "
            "Hallem, and household spending rose for the first time in a year as inflation "
            "eased. Business investment fell by 0.8%, its third fall in a row.",
            "The finance minister, Jonah Petrak, said the figures showed the economy was "
            "“turning the corner”. Economists were more cautious, noting that the estimate is "
            "based on two months of data and is often revised.",
        ),
        shared=("numbers", "jobs"),
    ),
]
