"""Shared background paragraphs for news stories: politics, the economy, business, the world.

Filled with a story's {place}, {body} (an institution, {Body} capitalised) and {topic}.
"""

NEWS = {
    "next": "## What happens next\n\n{Body} is expected to publish a fuller timetable within "
    "weeks, and officials say no final decision will be taken before the detail is out. Until "
    "then, much of what is known about {topic} comes from briefings, committee papers and the "
    "people who will have to live with the result. Several of them told the Ledger they would "
    "judge it by what changes in {place}, rather than by the language of the announcement. "
    "Those who have followed such plans before say the first test will be whether money is "
    "set aside in next year's budget, and whether anyone is named as responsible.",
    "history": "It is not the first time {topic} has been at the top of the agenda. A similar "
    "effort a decade ago stalled after a change of government, and the review that followed "
    "found that promises had run well ahead of money and staff. Officials who worked on it say "
    "the lesson was that the difficult part begins after the announcement, when budgets are "
    "fixed and someone has to answer for delivery. Some of them are still in post, and say "
    "privately that the same risks apply now.",
    "numbers": "## The numbers\n\nFigures from the National Statistics Office give a sense of "
    "the scale. The official series are revised often, and estimates for individual areas such "
    "as {place} carry wide margins of error, but the direction over the past three years has "
    "been consistent. Few of the economists the Ledger spoke to expect {topic} to change that "
    "quickly, whatever is decided in the coming months. Several pointed out that the averages "
    "conceal large differences between households, and that the people most affected are "
    "often the least likely to answer official surveys.",
    "critics": "Not everyone is convinced. Critics argue that {topic} deals with symptoms "
    "rather than causes, and that the costs will fall unevenly, with smaller towns and "
    "lower-paid workers carrying more than their share. Supporters reply that waiting for a "
    "perfect plan is what caused years of delay, and that the details can be adjusted once "
    "there is evidence of how the arrangements work in practice.",
    "local": "In {place}, reaction was mixed. A café owner near the main square said she had "
    "heard similar promises before and would wait for results; a retired engineer said the "
    "change was long overdue. Local councillors from several parties said they had not been "
    "consulted in advance and have asked {body} for a briefing before the end of the month.",
    "assembly": "The National Assembly is expected to debate {topic} before the recess. "
    "Opposition deputies have tabled written questions asking for the full cost estimates, and "
    "the chair of the relevant committee said members would want to hear directly from {body}. "
    "Officials say a vote, if one is needed, could come within six weeks.",
    "parties": "The reaction from the other parties followed familiar lines. People's Labour "
    "said the government had been forced to act by events rather than by conviction; Ostmere "
    "First called {topic} an expensive distraction from what voters in towns like {place} "
    "actually want; the Liberal Federation said it would support the measure if the costs "
    "were published in full. With a general election due within two years, none of them has "
    "an interest in letting the coalition claim credit unchallenged.",
    "regions": "The debate over {topic} has also reopened an older argument about how "
    "Ostmere is governed. Almost every ministry is in Kellhaven, and politicians from the "
    "Northern Reach and the Fenlands have long complained that national decisions are made "
    "by people who rarely travel north of the Varre. Regional councils have asked for a "
    "formal role in shaping policies that affect them, so far without success.",
    "households": "## What it means for households\n\nFor most families the effect will be "
    "gradual rather than sudden. Advice services say the households under most pressure are "
    "renters on modest incomes, pensioners who rely on the state pension alone and families "
    "with young children in towns where wages have lagged behind. They say the most useful "
    "thing anyone can do is check whether they are claiming everything they are entitled to: "
    "each year, hundreds of millions of crowns in support goes unclaimed.",
    "world": "Ostmere's Foreign Ministry said it was following developments closely and was in "
    "contact with partners in the Northern Council. Officials in Kellhaven have been careful "
    "not to get ahead of their neighbours in public, but diplomats say {topic} has come up at "
    "every regional meeting this year, and that Ostmere's dependence on trade through the "
    "Strait leaves it more exposed than most.",
    "council": "## The regional picture\n\nThe Northern Council, which brings together "
    "Ostmere and its five neighbours, was set up to settle exactly this kind of question, but "
    "it can act only when all its members agree. Diplomats describe its meetings as "
    "courteous and slow. Smaller members have pushed for majority voting on trade and the "
    "environment; larger ones have resisted. How {topic} is handled will be watched as a "
    "test of whether the council can still deliver when it matters.",
    "travel": "For Ostmerian families and businesses with ties to {place}, the practical "
    "questions come first. The Foreign Ministry's travel advice was unchanged at the time of "
    "writing, and its consular line said it had taken more calls than usual but no requests "
    "for emergency help. Exporters said they were watching shipping times and insurance costs "
    "more closely than the headlines.",
    "market": "Shares in the sector have been volatile on the Kellhaven exchange this year, "
    "and analysts say investors want clearer guidance on costs and demand. {Body} declined to "
    "comment beyond its statement. Trade unions said they would seek meetings with management "
    "to discuss what {topic} means for jobs, particularly at sites outside the capital.",
    "jobs": "## The wider picture\n\nEmployment in Ostmere has held up better than many "
    "forecasters expected, but the jobs being created are not always where the old ones were "
    "lost. Manufacturing now employs fewer than one worker in eight, down from one in five a "
    "generation ago, while health care, logistics and software have grown. For places like "
    "{place}, the question is whether new work arrives before the skills and confidence of "
    "the old workforce have gone.",
}
