"""The day's lead story, at full length."""

from .story import Story

STORIES = [
    Story(
        title="Coalition agrees rail fare freeze after all-night talks",
        standfirst="Fares on national and regional lines will be held at this year's level until "
        "the next election, at a cost the Finance Ministry puts at 410m crowns a year.",
        section="politics",
        tags=("economy",),
        authors=("marta-olvensen", "joseph-kettering", "freya-lindholm"),
        hours_ago=6,
        updated_after=3,
        featured=True,
        place="Brannock",
        body="the Transport Ministry",
        topic="the fare freeze",
        caption="The freeze covers every national and regional line, but not city trams.",
        paragraphs=(
            "Rail fares across Ostmere will be frozen for the rest of the parliament after the "
            "Civic Union and the Northern Greens settled a dispute that had threatened to delay "
            "the spring budget. The agreement was reached shortly before five in the morning, "
            "after talks at the prime minister's residence that began the previous afternoon.",
            "Under the deal, season tickets and walk-up fares on the national network and the "
            "six regional operators will stay at this year's prices until the next general "
            "election. The Greens had demanded a cut of a tenth; the Civic Union had offered a "
            "freeze for one year only.",
            "> “Nobody got everything they wanted, which is usually the sign of a fair deal,” "
            "the transport minister, Ruth Amsel, told reporters outside the residence.",
            "The Finance Ministry estimates the freeze will cost 410m crowns a year in lost "
            "revenue, to be met from a higher levy on domestic flights. The opposition People's "
            "Labour party welcomed the freeze but called the funding “a guess dressed up as a "
            "plan”.",
            "The freeze will apply from the first of next month. Operators will be compensated "
            "through their existing contracts with the Transport Ministry, which already "
            "subsidise most regional services. City tram and bus networks, run by the "
            "municipalities, are not covered, although Amsel said she would “talk to the "
            "mayors” about following suit.",
            "## How the deal was done\n\nThe talks nearly collapsed twice, according to people "
            "who were present. The first sticking point was the Greens' demand for a cut; the "
            "second, after midnight, was how to pay for anything at all. The flight levy was "
            "proposed by the Greens' finance spokesperson, Jannik Holt, and accepted by the "
            "Civic Union only after officials had modelled its effect on regional airports.",
            "For the Greens' leader, Ilse Varga, the freeze is a badly needed success. Her party "
            "has fallen in the polls since entering government, and activists had begun to ask "
            "openly what two years in coalition had achieved.",
            "> “Every commuter in the north will notice this on their next ticket. That is what "
            "we came into government to do,” Varga said.",
            "At Brannock Central, where the first trains to Kellhaven leave before six, "
            "commuters greeted the news with cautious approval. A season ticket between the two "
            "cities costs more than 6,200 crowns a year, after rises of 5% or more in each of "
            "the past four years.",
        ),
        shared=("next", "critics", "parties", "regions"),
    ),
]
