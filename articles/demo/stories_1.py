"""Politics: the coalition, the Assembly and the parties."""

from .story import Story

STORIES = [
    Story(
        title="Opposition demands inquiry into Saltmouth port contract",
        standfirst="People's Labour says a 1.2bn-crown dredging contract was awarded without a "
        "proper tender. The Infrastructure Ministry says every rule was followed.",
        section="politics",
        tags=("business",),
        authors=("marta-olvensen", "joseph-kettering"),
        hours_ago=30,
        place="Saltmouth",
        body="the Infrastructure Ministry",
        topic="the dredging contract",
        caption="The contract covers dredging of the main channel into Saltmouth harbour.",
        correction="An earlier version of this article said the contract was worth 2.1bn "
        "crowns. It is worth 1.2bn crowns.",
        paragraphs=(
            "The opposition has called for an independent inquiry into how a 1.2bn-crown "
            "contract to deepen the channel into Saltmouth harbour was awarded, after documents "
            "seen by the Ledger showed that only one company was invited to bid.",
            "The contract went to Harrow Marine, a firm whose chairman sat on the ministry's "
            "ports advisory panel until last year. Ministry officials say the work was urgent, "
            "because larger container ships had begun to avoid the port, and that emergency "
            "procedures allowed a single bidder.",
            "Tomas Ekwall, leader of People's Labour, said the explanation did not add up. "
            "“Urgent for three years is not urgent,” he said. “If the rules were followed, "
            "the ministry should have nothing to fear from someone checking.”",
            "Harrow Marine said it had declared its chairman's former role and had no part in "
            "drawing up the specification.",
        ),
        shared=("assembly", "history", "parties"),
    ),
    Story(
        title="Helena Marsk survives confidence vote by four votes",
        standfirst="The prime minister won the backing of 88 of the Assembly's 171 deputies "
        "after two rebels from her own party abstained.",
        section="politics",
        authors=("marta-olvensen",),
        hours_ago=75,
        body="the government",
        topic="the coalition's majority",
        caption="Deputies voted after a six-hour debate in the National Assembly.",
        paragraphs=(
            "The prime minister, Helena Marsk, survived a vote of confidence in the National "
            "Assembly by four votes last night, ending a week in which her coalition "
            "appeared to be coming apart over housing policy.",
            "The motion, tabled by People's Labour and supported by Ostmere First, was defeated "
            "by 88 votes to 84. Two Civic Union deputies from the Northern Reach abstained, "
            "saying the government's housing plans ignored towns outside the capital.",
            "In a short speech before the vote, Marsk promised to bring forward a new housing "
            "bill within three months and said she would lead the coalition into the next "
            "election.",
            "> “A government that has to win every vote by four is not a government that can "
            "plan for four years,” Tomas Ekwall told the chamber.",
            "Civic Union officials privately described the result as a relief rather than a "
            "victory. One said the party's whips would spend the summer talking to deputies "
            "one at a time.",
        ),
        shared=("parties", "regions"),
    ),
    Story(
        title="Votes at 16 for local elections win cross-party backing",
        standfirst="A bill to lower the voting age for municipal elections has the support of "
        "four parties and is likely to become law before the next local polls.",
        section="politics",
        tags=("education",),
        authors=("marta-olvensen", "tobias-wren"),
        hours_ago=200,
        place="Eastwater",
        body="the Interior Ministry",
        topic="the lower voting age",
        caption="Around 120,000 young people would be able to vote in local elections.",
        paragraphs=(
            "Sixteen- and seventeen-year-olds will be able to vote in municipal elections for "
            "the first time if a bill published this week becomes law, after the Civic Union "
            "dropped its long-standing opposition to the change.",
            "The bill, drafted by the Interior Ministry, would add about 120,000 voters to the "
            "register. It has the support of both coalition parties, People's Labour and the "
            "Liberal Federation; only Ostmere First has said it will vote against.",
            "Schools would be asked to hold registration sessions in the final year of "
            "compulsory education, and councils would receive a small grant to pay for them.",
            "In Eastwater, where the town council ran a mock election in its secondary schools "
            "last spring, turnout among pupils was 71 per cent, higher than among adults at the "
            "real election a month later.",
        ),
        shared=("critics", "local", "assembly", "schools"),
    ),
    Story(
        title="Interior ministry to publish police complaint figures for every region",
        standfirst="Complaints against officers will be reported force by force each quarter, "
        "ending a practice of publishing a single national total once a year.",
        section="politics",
        authors=("marta-olvensen",),
        hours_ago=340,
        place="Greyholm",
        body="the Interior Ministry",
        topic="the new complaint figures",
        caption="Regional forces will report complaints every quarter from later this year.",
        paragraphs=(
            "Every regional police force in Ostmere will have to publish the number of "
            "complaints made against its officers each quarter, and how they were resolved, "
            "the interior minister, Karin Holm, announced.",
            "Until now the Interior Ministry has published a single national figure once a year, "
            "which campaigners said made it impossible to tell whether problems were "
            "concentrated in particular forces.",
            "The change follows the Greyholm review, which found last year that complaints in "
            "one district had been closed without investigation for almost two years.",
        ),
        shared=("next",),
    ),
    Story(
        title="Budget preview: what the finance minister can and cannot afford",
        standfirst="Jonah Petrak has less room than his colleagues would like, and more than he "
        "admits in public.",
        section="politics",
        tags=("economy",),
        authors=("joseph-kettering", "marta-olvensen"),
        hours_ago=0,
        status="draft",
        topic="the spring budget",
        body="the Finance Ministry",
        caption="The spring budget will be presented to the Assembly next month.",
        paragraphs=(
            "When Jonah Petrak rises in the Assembly next month to present his third budget, "
            "the headline numbers will already be known. The fare freeze, the nurses' pay deal "
            "and higher defence spending have been announced; what remains is how to pay.",
            "Officials say the finance minister has around 2bn crowns of room within his own "
            "borrowing rule, most of it the result of higher-than-expected tax receipts. That "
            "is less than the sum of his colleagues' requests, and more than he concedes.",
            "## Where the money could come from\n\nThe options under discussion include a "
            "higher levy on domestic flights, an end to the discount on company cars and a "
            "delay to promised cuts in income tax.",
        ),
        shared=("numbers", "critics", "households", "tradeoffs"),
    ),
    Story(
        title="Prime minister to set out housing plan in Brannock speech",
        standfirst="Helena Marsk will promise 60,000 homes in the Northern Reach over five "
        "years, with new powers for councils to buy land.",
        section="politics",
        tags=("economy",),
        authors=("marta-olvensen",),
        hours_ago=-20,
        place="Brannock",
        body="the Housing Ministry",
        topic="the housing plan",
        caption="The plan focuses on former industrial land in the Northern Reach.",
        paragraphs=(
            "The prime minister, Helena Marsk, will use a speech in Brannock today to "
            "promise 60,000 new homes in the Northern Reach within five years, the housing bill "
            "she committed to during last week's confidence vote.",
            "The plan would give councils the power to buy disused industrial land at its "
            "current value, rather than the price it might fetch with planning permission, a "
            "change housing campaigners have sought for more than a decade.",
            "Marsk is expected to say that the capital has had too much of the country's "
            "attention, a line aimed at the two deputies from her own party who abstained.",
        ),
        shared=("critics", "local", "regions"),
    ),
]
