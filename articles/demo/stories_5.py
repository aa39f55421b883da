"""Health and education: hospitals, care, schools and universities."""

from .story import Story

STORIES = [
    Story(
        title="Hospital waiting lists fall for the first time in four years",
        standfirst="The number of patients waiting for planned treatment dropped by 11,000, "
        "though more than 40,000 have now waited longer than a year.",
        section="health",
        authors=("tobias-wren",),
        hours_ago=40,
        updated_after=6,
        place="Greyholm",
        body="the Ostmere Health Service",
        topic="the waiting list",
        caption="Regional hospitals have added evening and weekend operating lists.",
        paragraphs=(
            "The number of people waiting for planned hospital treatment in Ostmere has fallen "
            "for the first time in four years, according to figures published by the Ostmere "
            "Health Service.",
            "The waiting list stood at 612,000 at the end of last month, 11,000 fewer than the "
            "month before. The fall was largest in orthopaedics and eye surgery, where regional "
            "hospitals have added evening and weekend operating lists.",
            "But the number who have waited more than a year rose again, to 41,300, and "
            "Greyholm and the Northern Reach continue to have the longest waits in the country.",
            "> “One good month is a start, not a trend,” said the health minister, Amara Veyne. "
            "“But it is the first start we have had in a long time.”",
        ),
        shared=("staff", "numbers", "patients", "regions"),
    ),
    Story(
        title="Nurses in the Northern Reach vote to accept pay offer",
        standfirst="Members of the Nurses' Union backed a two-year deal worth 9%, ending a "
        "dispute that led to four days of strikes.",
        section="health",
        authors=("tobias-wren",),
        hours_ago=160,
        place="the Northern Reach",
        body="the Health Ministry",
        topic="the pay deal",
        caption="Turnout in the ballot was 68%, the highest in the union's history.",
        paragraphs=(
            "Nurses in the Northern Reach have voted to accept a two-year pay offer worth 9%, "
            "ending a dispute that led to the first strikes in the region's hospitals for a "
            "generation.",
            "Sixty-three per cent of those voting backed the deal, on a turnout of 68%. The "
            "offer includes a supplement for nurses working in remote clinics, which the union "
            "said was the deciding factor for many members.",
            "Hospital managers said planned operations cancelled during the strikes would be "
            "rescheduled within two months.",
        ),
        shared=("staff", "patients"),
    ),
    Story(
        title="Bowel cancer screening pilot halves late diagnoses",
        standfirst="A home testing kit sent to everyone aged 50 to 74 in two regions picked up "
        "twice as many early-stage cancers as the old system.",
        section="health",
        tags=("science",),
        authors=("tobias-wren", "nadia-corvell"),
        hours_ago=250,
        place="Eastwater",
        body="the Ostmere Health Service",
        topic="the screening programme",
        caption="The kits are posted to patients and returned by mail.",
        paragraphs=(
            "A bowel cancer screening programme tested in two regions halved the proportion of "
            "cancers diagnosed at a late stage, according to results presented to the Ostmere "
            "Health Service's screening committee.",
            "Everyone aged 50 to 74 in Eastwater and the Varre valley was sent a home testing "
            "kit every two years. Over four years, 31% of cancers in the pilot areas were found "
            "at the latest stage, against 58% elsewhere.",
            "The committee will recommend a national roll-out, at a cost of around 90m crowns a "
            "year. Its chair said the programme would pay for itself through cheaper treatment.",
        ),
        shared=("research", "method", "why", "patients"),
    ),
    Story(
        title="Schools told to keep phones out of classrooms",
        standfirst="New national guidance says phones should be switched off and stored during "
        "lessons. Head teachers will decide how.",
        section="education",
        authors=("tobias-wren",),
        hours_ago=90,
        place="Tolland",
        body="the Education Ministry",
        topic="the phone guidance",
        caption="Many schools already collect phones at the start of the day.",
        paragraphs=(
            "Pupils in Ostmere's state schools will have to switch off and put away their phones "
            "during lessons from the start of the next school year, under guidance published by "
            "the Education Ministry.",
            "The education minister, Piet Dorran, said the guidance would not be a legal ban. "
            "Head teachers will decide whether phones are collected at the door, kept in lockers "
            "or left in bags, and whether they can be used at break times.",
            "A survey by the ministry found that about two in five secondary schools already "
            "collect phones at the start of the day. Schools in Tolland that did so reported "
            "fewer incidents of bullying, but the evidence on exam results was mixed.",
        ),
        shared=("critics", "schools", "local"),
    ),
    Story(
        title="University of Kellhaven freezes fees for students from rural areas",
        standfirst="Students from the Northern Reach and the Fenlands will pay the same fees "
        "for the whole of their course, as the university tries to widen its intake.",
        section="education",
        authors=("tobias-wren",),
        hours_ago=360,
        body="the University of Kellhaven",
        topic="the fee freeze",
        caption="Fewer than one in ten of the university's students come from rural areas.",
        paragraphs=(
            "The University of Kellhaven will freeze tuition fees for the whole of a degree for "
            "students from rural areas, in an attempt to attract more applicants from outside "
            "the capital.",
            "Fewer than one in ten of its undergraduates come from the Northern Reach, the "
            "Fenlands or the Cardle hills, although those areas are home to a quarter of the "
            "country's eighteen-year-olds.",
            "The university will also guarantee rooms in halls for the first two years to "
            "students from those areas.",
        ),
        shared=("critics", "regions"),
    ),
    Story(
        title="One in twelve maths classes taught by a non-specialist",
        standfirst="A shortage of maths and physics teachers is worst in small towns, where "
        "some schools have not filled vacancies for two years.",
        section="education",
        authors=("tobias-wren",),
        hours_ago=480,
        place="Marrowgate",
        body="the Education Ministry",
        topic="the teacher shortage",
        caption="Maths and physics have the most unfilled teaching posts.",
        paragraphs=(
            "One in twelve secondary school maths classes in Ostmere is taught by a teacher "
            "without a qualification in the subject, according to the first national survey of "
            "teacher specialisms.",
            "In physics the figure is one in seven. The shortage is worst in towns of fewer than "
            "20,000 people, where the survey found several schools that had not filled a maths "
            "vacancy for two years.",
            "A head teacher in Marrowgate said she had advertised the same post four times. "
            "“Nobody applies. The graduates who might are earning twice as much in Kellhaven.”",
        ),
        shared=("staff", "schools", "numbers", "local", "regions", "history"),
    ),
    Story(
        title="Care homes pay twice the going rate for agency staff, figures show",
        standfirst="Councils spent 380m crowns on agency workers in care homes last year, a "
        "third more than the year before.",
        section="health",
        authors=("tobias-wren",),
        hours_ago=0,
        status="review",
        place="Brannock",
        body="the Social Care Agency",
        topic="agency spending",
        caption="Care homes say agency staff fill gaps they cannot recruit for.",
        paragraphs=(
            "Care homes in Ostmere are paying agency workers up to twice as much per hour as "
            "their own staff, and spending on agency cover has risen by a third in a year, "
            "according to figures obtained by the Ledger.",
            "Councils spent 380m crowns on agency staff in the homes they fund last year. In "
            "Brannock, one home reported that agency workers made up more than half of its "
            "night shifts.",
            "Managers say they have no choice: vacancies for care workers are at a record high, "
            "and the pay on offer is below that of supermarkets.",
        ),
        shared=("staff", "critics", "numbers", "next"),
    ),
]
