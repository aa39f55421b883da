"""The eight journalists of the demo newsroom. All fictional, like the country they cover."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    role: str
    short_bio: str
    bio: str
    colour: str  # the avatar's background

    @property
    def initials(self):
        return "".join(part[0] for part in self.name.split()[:2]).upper()


AUTHORS = [
    Person(
        "marta-olvensen",
        "Marta Olvensen",
        "Political editor",
        "Marta Olvensen leads the Ledger's political coverage from the press gallery of the "
        "National Assembly. She has reported on four general elections and three coalition "
        "negotiations.",
        "Marta Olvensen has been the Ledger's political editor since the last general election. "
        "Before that she spent six years as a lobby correspondent, and began her career on the "
        "Brannock Evening Post, covering the city council and the port.\n\n"
        "She writes about how power works in Kellhaven: coalition deals, budget rounds, the "
        "committees where legislation is really shaped, and the people who run the ministries "
        "between elections.\n\n"
        "She grew up in the Varre valley and still spends her summers there, out of signal range.",
        "#2f4b7c",
    ),
    Person(
        "joseph-kettering",
        "Joseph Kettering",
        "Economics editor",
        "Joseph Kettering covers the economy, the Bank of Ostmere and public finances. He "
        "previously worked as an analyst at the National Statistics Office.",
        "Joseph Kettering joined the Ledger from the National Statistics Office, where he spent "
        "five years building the household income survey. He still reads the methodology notes "
        "before the headlines.\n\n"
        "As economics editor he writes about prices, wages, housing and the public accounts, "
        "and about the companies that employ most Ostmerians. His weekly chart explains one "
        "number in plain language.\n\n"
        "He lives in Kellhaven with his partner and an unreasonable number of bicycles.",
        "#1f6f54",
    ),
    Person(
        "amira-sadeq",
        "Amira Sadeq",
        "Diplomatic editor",
        "Amira Sadeq writes about Ostmere's place in the world, from the Northern Council to the "
        "trade routes through the Strait. She has reported from more than thirty countries.",
        "Amira Sadeq has covered foreign affairs for the Ledger for eleven years, including four "
        "as its correspondent in Dravonia, where she reported on the border agreement and the "
        "elections that followed.\n\n"
        "Back in Kellhaven she covers the Foreign Ministry, the Northern Council and the "
        "diplomacy of trade, shipping and energy. She speaks four languages and is learning a "
        "fifth, slowly.\n\n"
        "Her book on the Strait Compact negotiations was shortlisted for the Ferrowby Prize for "
        "non-fiction.",
        "#7a3b69",
    ),
    Person(
        "freya-lindholm",
        "Freya Lindholm",
        "Climate and environment correspondent",
        "Freya Lindholm reports on climate, energy and the natural world. She trained as a "
        "marine biologist before switching to journalism.",
        "Freya Lindholm studied marine biology in Saltmouth and worked on research vessels in "
        "the northern fisheries before joining the Ledger as a trainee reporter.\n\n"
        "She covers the energy transition, flooding and coastal erosion, farming and the "
        "long argument over the Fenlands, always with an eye on what the data says rather than "
        "what the press release claims.\n\n"
        "She is a keen open-water swimmer, in all seasons.",
        "#1d6a72",
    ),
    Person(
        "tobias-wren",
        "Tobias Wren",
        "Social affairs correspondent",
        "Tobias Wren covers health, schools and social care. He previously reported on local "
        "government in the Northern Reach.",
        "Tobias Wren reports on the services people rely on: hospitals and clinics, schools and "
        "universities, care homes and the benefits system. He spent his first years in "
        "journalism on local papers in Greyholm and Eastwater.\n\n"
        "His investigation into waiting lists at regional hospitals led to an independent "
        "review and changes to the way the Ostmere Health Service publishes its figures.\n\n"
        "He volunteers as a reading mentor at a primary school in Kellhaven.",
        "#9a4c2a",
    ),
    Person(
        "nadia-corvell",
        "Nadia Corvell",
        "Science and technology editor",
        "Nadia Corvell writes about science, technology and the people who do research. She "
        "holds a doctorate in physics from the University of Kellhaven.",
        "Nadia Corvell left a postdoctoral post at the Greyholm Observatory to write about "
        "science for a general audience, and has been at the Ledger for nine years.\n\n"
        "She covers research funding, space and physics, artificial intelligence, data "
        "protection and the technology companies of the Varre corridor, and she is wary of "
        "any claim described as a breakthrough.\n\n"
        "She presents the Ledger's monthly science podcast.",
        "#4b3f8f",
    ),
    Person(
        "callum-ashgrove",
        "Callum Ashgrove",
        "Chief sports writer",
        "Callum Ashgrove has covered football, cycling and rowing for the Ledger for fifteen "
        "years. He has not missed a Tour of the Reach since he was twelve.",
        "Callum Ashgrove joined the Ledger's sports desk straight from university and has "
        "reported on three World Cups, two Olympic Games and every Premier Division title race "
        "of the past fifteen years.\n\n"
        "He is as interested in the clubs, volunteers and finances behind sport as in the "
        "results, and has written extensively about the ownership of Ostmerian football "
        "clubs.\n\n"
        "He supports Saltmouth City, and says so before anyone asks.",
        "#a23b3b",
    ),
    Person(
        "lucia-ferrand",
        "Lucia Ferrand",
        "Arts and culture editor",
        "Lucia Ferrand writes about books, film, music and the visual arts. She chairs the "
        "Ledger's annual young critics award.",
        "Lucia Ferrand has been the Ledger's arts and culture editor for six years, after a "
        "decade as its theatre critic. She has reviewed more than two thousand productions, by "
        "her own uncertain count.\n\n"
        "She writes about the institutions and the money behind culture as well as the work "
        "itself, and about the festivals, galleries and small venues outside the capital.\n\n"
        "She was born in Saltmouth and lives in Kellhaven.",
        "#8a6d1f",
    ),
]
