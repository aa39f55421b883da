"""Opinion: the longer pieces, signed by the desk's writers."""

from .story import Story

STORIES = [
    Story(
        title="The fare freeze is welcome. Paying for it honestly would be better",
        standfirst="Cheaper trains are good policy. Pretending a levy on a few domestic flights "
        "will cover the cost is not.",
        section="opinion",
        tags=("politics", "economy"),
        authors=("joseph-kettering",),
        hours_ago=3,
        topic="the fare freeze",
        caption="Rail fares have risen faster than wages for most of the past decade.",
        paragraphs=(
            "There is a lot to like in the deal the coalition parties struck before dawn. Rail "
            "fares in Ostmere have risen faster than wages for most of the past decade, and "
            "commuters in the Northern Reach, who travel furthest and earn least, have borne "
            "the brunt. A freeze is simple, visible and fair.",
            "The problem is the arithmetic. The Finance Ministry puts the cost at 410m crowns a "
            "year. The levy on domestic flights that is supposed to pay for it raised less than "
            "a quarter of that last year, and the whole point of raising it is that fewer "
            "people will fly.",
            "Ministers know this. Officials say privately that the gap will be met from “the "
            "normal budget process”, which is a polite way of saying that something else will "
            "be cut, and that we will find out what only when the cuts arrive.",
            "## A better way\n\nIf the coalition believes cheaper trains are worth paying for, "
            "and it should, it ought to say where the money will come from in plain words: a "
            "slower cut in income tax, perhaps, or an end to the discount on company cars. "
            "Both would be defensible. Neither would be popular.",
            "The alternative is a freeze that lasts exactly as long as it is convenient, and a "
            "rail network that pays for it later in cancelled maintenance and late trains. "
            "Passengers in Brannock have seen that film before.",
        ),
        shared=("tradeoffs", "longview"),
    ),
    Story(
        title="Our schools do not need fewer phones. They need more teachers",
        standfirst="The phone guidance is sensible, but it is a small answer to a large "
        "question that the Education Ministry would rather not ask.",
        section="opinion",
        tags=("education",),
        authors=("tobias-wren",),
        hours_ago=85,
        topic="the teacher shortage",
        caption="Class sizes in secondary schools have grown for five years in a row.",
        paragraphs=(
            "Nobody who has spent a morning in a secondary school will object to the Education "
            "Ministry's new guidance on phones. Most heads I have spoken to say they already do "
            "what it recommends, and that it helps, a little.",
            "But the energy that has gone into the phone debate is striking when set beside "
            "the silence about the thing that matters most to how well children learn: whether "
            "there is a qualified teacher at the front of the room.",
            "One in twelve maths classes is now taught by someone without a qualification in "
            "the subject. In physics it is one in seven. In small towns, some posts have been "
            "advertised four or five times without a single applicant.",
            "The reasons are not mysterious. A new maths graduate can earn almost twice as much "
            "in the private sector in Kellhaven, and the gap widens with every year of "
            "experience. Training bursaries help to get graduates into classrooms; they do "
            "little to keep them there.",
            "Phones are an easy thing to be seen to act on. Pay, workload and housing for "
            "teachers outside the capital are hard. They are also the point.",
        ),
        shared=("schools", "tradeoffs", "longview"),
    ),
    Story(
        title="The Strait is not somebody else's problem",
        standfirst="A third of what Ostmere sells to the world passes through a channel we "
        "have no say in running. That should worry us more than it does.",
        section="opinion",
        tags=("world",),
        authors=("amira-sadeq",),
        hours_ago=240,
        place="Saltmouth",
        topic="the Strait",
        caption="Ostmere has an observer seat at the Strait Authority, but no vote.",
        paragraphs=(
            "Ask most Ostmerians where the country's prosperity comes from and you will hear "
            "about machinery, fish, timber and software. You will rarely hear about a strip of "
            "water eleven kilometres wide, several hundred kilometres to the south.",
            "Yet about a third of everything we export, by value, passes through the Strait. "
            "When one of its channels closed for repairs this year, waiting times doubled "
            "within weeks and freight rates rose by a fifth. Exporters in Saltmouth are already "
            "losing orders.",
            "The Strait Authority that manages the channel was created by a treaty signed when "
            "a fraction of today's traffic used it. Ostmere has an observer seat and no vote. "
            "Our influence depends on the goodwill of governments whose interests are not ours.",
            "> Small countries do not get to choose whether geography matters. They only get "
            "to choose whether to prepare for it.",
            "The foreign minister's push for a new treaty is overdue. It will take years, and it "
            "will need allies: Dravonia, whose trade depends on the Strait even more than ours, "
            "and Hallem's new coalition, which has promised a review of port charges. It will "
            "also need Ostmerians to take an interest in something far from home.",
            "That last part may be the hardest. Foreign policy rarely features in Ostmerian "
            "elections, and ministers have little incentive to spend political capital on "
            "negotiations whose rewards will be collected by their successors. But the costs of "
            "neglect are already visible in Saltmouth's order books, and they will not stay "
            "there.",
        ),
        shared=("council", "tradeoffs", "longview"),
    ),
    Story(
        title="Why I still believe in the local library",
        standfirst="Forty libraries have closed in a decade. The ones that survive are doing "
        "something no app can, and it is time we paid for it.",
        section="opinion",
        tags=("culture",),
        authors=("lucia-ferrand",),
        hours_ago=370,
        place="Saltmouth",
        topic="the library service",
        caption="Ostmere had 310 public libraries a decade ago. It now has 270.",
        paragraphs=(
            "The library on Quay Street in Saltmouth, where I learned to read, is open three "
            "days a week now, staffed by one librarian and a rota of volunteers. On a wet "
            "afternoon it is the busiest building on the street.",
            "Forty public libraries have closed in Ostmere in the past decade, and most of the "
            "rest have shorter hours and smaller budgets. Each closure is explained in the same "
            "way: people do not borrow books as they used to, and the money is needed elsewhere.",
            "The first part is true, and beside the point. Libraries are where people without a "
            "computer apply for jobs and benefits, where parents with small children go when "
            "the flat is too small, where teenagers do homework in peace, and where older "
            "people living alone find someone to talk to.",
            "None of that shows up in the lending figures that councils use to decide which "
            "branches to close. It shows up in other budgets, years later, as loneliness and "
            "missed opportunities that cost far more than a librarian's salary.",
            "The libraries that have thrived are the ones that have been allowed to become what "
            "their towns need. That takes staff, not just volunteers, and steady money, not "
            "one-off grants. It is a small price for a public room open to everyone.",
            "## What a library is for\n\nOn the afternoon I visited Quay Street, a man in his "
            "seventies was being shown how to renew his bus pass online; two sisters were "
            "building something elaborate out of cardboard in the children's corner; a young "
            "woman was printing a job application. Nobody was borrowing a book, and the room "
            "was full.",
            "Councils are not villains here. They face rising bills for social care and "
            "children's services that they are legally obliged to meet, while libraries, for "
            "the most part, are a duty with no minimum attached. When the cuts come, the "
            "library is the easiest door to close.",
            "That is why the answer has to come from the National Assembly: a clear statutory "
            "standard for opening hours and staffing, and the money to meet it. It would cost "
            "less than the fare freeze. It would reach more people, and it would last longer "
            "than a parliament.",
        ),
        shared=("arts", "funding", "regions", "tradeoffs", "longview"),
    ),
]
