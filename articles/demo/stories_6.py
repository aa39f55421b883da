"""Science and technology: research, space, data and the digital state."""

from .story import Story

STORIES = [
    Story(
        title="Greyholm Observatory finds comet that may be visible to the naked eye",
        standfirst="If it brightens as predicted, the comet will be visible low in the "
        "north-western sky after sunset for about two weeks.",
        section="science",
        authors=("nadia-corvell",),
        hours_ago=26,
        place="the Northern Reach",
        topic="the comet",
        caption="The comet was first spotted on images taken for a survey of asteroids.",
        paragraphs=(
            "Astronomers at the Greyholm Observatory have discovered a comet that could become "
            "bright enough to see without binoculars when it passes closest to the sun in "
            "about five months' time.",
            "The comet was first spotted by a doctoral student, Ida Mersk, who was checking "
            "images from an automated survey of near-Earth asteroids. Observatories in Hallem "
            "and Dravonia have since confirmed its orbit.",
            "> “Comets are notoriously bad at doing what we predict. But this one is big, and "
            "it is coming close,” said the observatory's director, Paul Aske.",
        ),
        shared=("why", "method"),
    ),
    Story(
        title="AI-generated political adverts will have to carry labels",
        standfirst="Parties and campaign groups will have to disclose when images, video or "
        "audio in their adverts have been created or altered by software.",
        section="technology",
        tags=("politics",),
        authors=("nadia-corvell", "marta-olvensen"),
        hours_ago=70,
        body="the Electoral Commission",
        topic="the labelling rule",
        caption="The rules will apply to printed, broadcast and online adverts.",
        paragraphs=(
            "Political adverts that use images, video or audio generated or altered by "
            "artificial intelligence will have to say so clearly, under rules to be introduced "
            "before the next general election.",
            "The change, an amendment to the elections bill, has the support of all the main "
            "parties. The Electoral Commission will be able to fine campaigners up to 200,000 "
            "crowns for each unlabelled advert.",
            "Researchers at the University of Kellhaven found more than a hundred altered images "
            "circulating during the last local elections, most of them shared by anonymous "
            "accounts rather than by parties.",
        ),
        shared=("assembly", "critics", "parties"),
    ),
    Story(
        title="Meridian Mutual data breach exposed 80,000 customers' records",
        standfirst="Names, addresses and policy details were copied from a supplier's system. "
        "The insurer says no bank details were taken.",
        section="technology",
        tags=("business",),
        authors=("nadia-corvell",),
        hours_ago=210,
        updated_after=20,
        body="Meridian Mutual",
        topic="the breach",
        caption="The data was copied from a system run by an outside supplier.",
        paragraphs=(
            "The personal details of about 80,000 customers of the insurer Meridian Mutual were "
            "copied by criminals who gained access to a system run by one of its suppliers, the "
            "company has confirmed.",
            "The data includes names, addresses, dates of birth and policy numbers. Meridian "
            "said that no bank or card details had been taken, and that it was writing to every "
            "customer affected.",
            "The Data Protection Authority said it had opened an investigation. Security "
            "researchers said the information could be used to make convincing phishing calls, "
            "and advised customers to be wary of anyone asking them to confirm their details.",
            "The supplier, a claims-processing company based in Hallem, said the attackers had "
            "used the login details of one of its employees, and that it had since made "
            "two-factor authentication compulsory for all staff.",
        ),
        shared=("market",),
    ),
    Story(
        title="Saltmouth scientists map the floor of the Strait in new detail",
        standfirst="A three-year survey reveals shipwrecks, old river channels and a ridge that "
        "may explain why currents in the Strait are so hard to predict.",
        section="science",
        tags=("climate",),
        authors=("nadia-corvell", "freya-lindholm"),
        hours_ago=300,
        place="Saltmouth",
        topic="the seabed map",
        caption="The survey used sonar mounted on an uncrewed research boat.",
        paragraphs=(
            "Scientists at the Saltmouth Institute for Marine and Climate Research have "
            "published the most detailed map yet of the floor of the Strait, revealing features "
            "that were invisible on navigation charts.",
            "The survey, carried out over three summers by an uncrewed boat carrying sonar, "
            "found 41 previously unrecorded wrecks, the channels of rivers that flowed when sea "
            "levels were lower, and an underwater ridge almost 20km long.",
            "The ridge may explain why currents in the Strait behave so unpredictably, said the "
            "project's leader, Dr Eli Varnum, which matters both for shipping and for where "
            "pollution ends up.",
        ),
        shared=("research", "method", "why", "warming"),
    ),
    Story(
        title="Half of promised rural broadband connections still not built",
        standfirst="The programme to connect 300,000 rural homes is two years behind schedule, "
        "and the auditor says the cost per home has risen by 40%.",
        section="technology",
        authors=("nadia-corvell",),
        hours_ago=440,
        place="the Cardle hills",
        body="the Digital Ministry",
        topic="the broadband programme",
        caption="Some villages in the Cardle hills still have no mobile signal.",
        paragraphs=(
            "Only half of the 300,000 rural homes promised a fast broadband connection by the "
            "end of last year have been connected, the National Audit Office said in a report "
            "published this week.",
            "The programme was split into regional contracts, and the auditor found that two "
            "contractors had fallen so far behind that their work had to be re-tendered. The "
            "average cost of connecting a home has risen from 4,100 to 5,800 crowns.",
            "In parts of the Cardle hills, some households still have neither a fixed line "
            "capable of video calls nor a reliable mobile signal.",
        ),
        shared=("next", "local", "regions"),
    ),
    Story(
        title="Ostmere's first weather satellite: what it will measure and why",
        standfirst="The satellite, built in Kellhaven, will track sea ice, storms and soil "
        "moisture across the north. Here is what to expect from the mission.",
        section="science",
        tags=("technology", "climate"),
        authors=("nadia-corvell",),
        hours_ago=-44,
        place="the Northern Reach",
        topic="the satellite's data",
        caption="The satellite will orbit the Earth every ninety-seven minutes.",
        paragraphs=(
            "Ostmere's first weather satellite, Skylark-1, is due to be launched from the "
            "spaceport in southern Hallem, carrying instruments designed and built at the "
            "University of Kellhaven.",
            "The satellite will fly in a polar orbit, passing over the country several times a "
            "day. Its main instrument measures microwave radiation, from which forecasters can "
            "work out rainfall, sea ice and the moisture in the soil, even through cloud.",
            "## Why build our own\n\nOstmere currently buys data from larger countries' "
            "satellites. Forecasters say its own will give them more frequent passes over the "
            "northern waters, where storms that hit the coast tend to form.",
        ),
        shared=("why", "method", "warming"),
    ),
]
