"""Shared background paragraphs for climate, science, health, education, culture, sport and
opinion. Filled with a story's {place}, {body} ({Body} capitalised) and {topic}.
"""

FEATURES = {
    "warming": "Scientists at the Saltmouth Institute for Marine and Climate Research say the "
    "trend in the national records is unambiguous: temperatures in the Northern Reach have "
    "risen faster than the global average, and heavy rainfall has become more frequent. "
    "Adapting to that is no longer separate from cutting emissions, they argue, but part of "
    "the same plan, and {topic} will test whether such a plan exists.",
    "land": "## Land and water\n\nMuch of Ostmere's low-lying land was won from marsh and sea "
    "over three centuries, and is kept dry only by embankments, ditches and pumps. Engineers "
    "say that system was designed for a climate that no longer exists. Farmers, conservation "
    "groups and water companies agree on little, but most now accept that some land will have "
    "to be given back to the water, and that the argument is about where, and who pays.",
    "research": "The work has not yet been repeated by others, and its authors are careful "
    "about what it does not show. Independent researchers who read the findings for the "
    "Ledger described the methods as sound but the sample as modest, and said larger studies "
    "would be needed before {topic} could inform policy. Funding for that next stage has been "
    "requested from the National Research Council but not yet approved.",
    "why": "## Why it matters\n\nOstmere spends less on research, as a share of national "
    "income, than most of its neighbours, and scientists have long argued that this leaves the "
    "country importing answers to questions it could study at home. Work such as this, they "
    "say, is the case for steadier funding: {topic} matters most to places like {place}, and "
    "it is hard to study from a distance.",
    "method": "## How the work was done\n\nThe team combined measurements gathered over "
    "several years with records kept by local volunteers, some going back decades. Such "
    "records are uneven, the researchers acknowledge, but they are often the only long series "
    "available for places like {place}. All of the data and the code used to analyse it have "
    "been published, so that others can check the conclusions or challenge them.",
    "staff": "Staff say the pressure has been building for some time. Unions representing "
    "nurses, teachers and support workers have warned repeatedly that vacancies are being "
    "covered by overtime and agency staff, and that the arrangement is neither cheap nor "
    "sustainable. {Body} says recruitment is improving and points to the number of trainees "
    "due to qualify next year.",
    "patients": "Patient groups welcomed the news but said the experience of care still "
    "varies widely depending on where people live. In {place}, a support group for people "
    "with long-term conditions said its members often travel more than an hour for "
    "appointments, and that cancelled clinics are rarely rearranged quickly. It has asked "
    "{body} to publish figures for every hospital, not just regional averages.",
    "schools": "## In the classroom\n\nHead teachers say that national announcements often "
    "arrive without the time or money to put them into practice. Schools in {place} have "
    "lost teaching assistants to better-paid jobs elsewhere, and several now share specialist "
    "staff with neighbouring schools. Parents' groups say they want clear information about "
    "what will change for their children, and when.",
    "arts": "The wider picture for the arts in Ostmere is uneven. Attendance at museums and "
    "theatres has recovered since the lean years, but costs have risen faster than ticket "
    "prices, and smaller venues outside Kellhaven say they rely on volunteers to stay open. "
    "For many of them, {topic} is a reminder of what steady support can do, and of how rare "
    "it has become.",
    "funding": "## Who pays\n\nPublic money for culture in Ostmere comes mostly from the Arts "
    "Council and from municipal budgets, and both have shrunk in real terms over the past "
    "decade. Private donors have filled part of the gap, mainly in the capital. Arts leaders "
    "in {place} say they spend more of their time raising money than making work, and that "
    "long-term planning has become almost impossible.",
    "table": "## What it means\n\nThe result leaves plenty to settle in the weeks ahead. "
    "Coaches talk about taking one match at a time, but supporters in {place} have been doing "
    "the arithmetic since the final whistle, and the fixture list offers little respite. Much "
    "will depend on the fitness of key players, and on whether {topic} proves a turning point "
    "or merely a good afternoon.",
    "grassroots": "Behind the headlines, Ostmerian sport rests on its clubs and volunteers. "
    "The national sports federation estimates that more than 200,000 people give their time "
    "every week to coach, drive, referee and run club bars. Many clubs in {place} say they "
    "are struggling to find younger volunteers, and that rising costs for pitches, boats and "
    "travel are pricing some families out.",
    "tradeoffs": "None of this is an argument for doing nothing. It is an argument for honesty "
    "about trade-offs, which politicians of every party find easier to demand of their "
    "opponents than to practise. Voters are more patient with difficult choices than they are "
    "given credit for; what they do not forgive is being told there were no choices at all.",
    "longview": "## The longer view\n\nIt is worth remembering how recently the consensus was "
    "different. Twenty years ago, few people in Kellhaven would have predicted that {topic} "
    "would be argued over in the National Assembly, still less in kitchens and cafés in "
    "{place}. Arguments that once seemed settled have a way of reopening when circumstances "
    "change. The task is to recognise when that has happened, and to say so plainly, before "
    "events decide the matter for us.",
}
