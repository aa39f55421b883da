"""Made-up but realistic stories, for filling an archive (`manage.py generate_articles`).

Everything comes from the small word lists below, written for this project. Words are
drawn with a Zipf-like skew, as in real text: a few words are in nearly every story, most
in some, and the invented place names in only a handful, so searches for a common pair of
words and for a rare word both have something to find. Bodies are drawn from a pool of
such sentences, so a million of them are quick to write. Bodies are plain paragraphs, so
their stored HTML is written here directly (`render_markdown` gives the same; a test
checks it) rather than rendered a million times.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils.text import slugify

# Common words of news writing, roughly most frequent first: the skew follows the order.
_WORDS_TEXT = """
the of and to in a that for on said with was is by it at from as has have are be which
will but were not this who they their been had more after year new over its government
people two also first would about than years last other one time police state public
minister could three some local council plans into city country week told under report
money health million work water school families before between during since while where
workers national election party support months many against school children hospital
court members market prices energy rail road housing tax budget trade companies bank
rates inflation jobs wages union strike talks vote parliament leader opposition campaign
policy reform law judge trial evidence inquiry officers arrest charge crime victims
community residents village town region north south east west coast river bridge harbour
port farm farmers land weather storm flood rain snow heat summer winter spring autumn
season team match game players coach club league cup final goal win loss season fans
stadium record history museum library theatre music festival film book author artist
exhibition gallery students teachers university research scientists study data results
doctors nurses patients care waiting services funding costs spending debt deficit growth
economy industry factory business shops owners customers online technology internet
phone network power plant wind solar gas oil fuel carbon climate emissions targets
transport buses trains station airport flights passengers delays services drivers
traffic safety accident fire emergency crews rescue missing search found night morning
evening day today yesterday tomorrow early late later recent former current future
major minor key main large small high low long short full open closed free new old
young older senior junior chief deputy director manager spokesperson official agency
department office ministry committee board panel group council authority service
announced confirmed warned promised rejected approved agreed refused called urged
expected planned proposed delayed cancelled opened closed launched ended began continued
rose fell increased reduced cut raised paid spent saved lost won held met visited
returned moved built repaired replaced damaged destroyed protected supported opposed
questioned answered explained described published released reported recorded measured
"""
WORDS = _WORDS_TEXT.split()

TOPICS = [
    # (name, share of stories it is the main topic of): Politics holds about a third.
    ("Politics", 0.33), ("Economy", 0.12), ("Health", 0.08), ("Education", 0.06),
    ("Environment", 0.06), ("Transport", 0.05), ("Crime", 0.05), ("Sport", 0.05),
    ("Culture", 0.04), ("Science", 0.03), ("Housing", 0.03), ("Business", 0.03),
    ("Weather", 0.02), ("Technology", 0.02), ("Farming", 0.01), ("Courts", 0.01),
    ("Energy", 0.005), ("Rail", 0.005), ("Books", 0.003), ("Theatre", 0.002),
]  # fmt: skip

_FIRST_NAMES_TEXT = """
Ada Alba Anouk Bryn Cai Cora Dara Eben Elin Ewan Fenna Gael Hale Ines Isla Jory Kit Lark
Lio Mabel Mira Nell Noor Odile Orrin Petra Quill Rhea Rowan Saba Sten Tamsin Teo Una Vida
Wren Yara Zeno Bram
"""
_LAST_NAMES_TEXT = """
Ashdown Birchley Calloway Dunmore Ellery Farrant Gosling Hartwell Ingram Jessop Kettering
Lomax Marlow Netherby Oakes Pennick Quarrell Redfern Saltmarsh Thackery Underhill Varley
Whitlock Yeoman Aldred Blackmore Cresswell Dallimore
"""
FIRST_NAMES, LAST_NAMES = _FIRST_NAMES_TEXT.split(), _LAST_NAMES_TEXT.split()

# Invented place names, made of two syllables each: thousands of them, each rare.
_PLACE_TEXT = """
Ash Bel Brack Carn Dun Elm Fal Glen Hol Ing Kel Lan Mor Nor Pen Rath Sel Tor Wen Yar
|bury by combe dale field ford gate ham holm ley mere mouth ness stead thorpe ton wick worth
"""
_PLACE_HEADS, _PLACE_TAILS = (part.split() for part in _PLACE_TEXT.split("|"))
_PLACE_MIDS = ["", "a", "e", "i", "o", "er", "en", "in", "ow", "ar"]
PLACES = [h + m + t for h in _PLACE_HEADS for m in _PLACE_MIDS for t in _PLACE_TAILS]
# Every word a body can hold, in lower case: the words, the places, and the "in" before one.
BODY_WORDS = sorted({*WORDS, *(place.lower() for place in PLACES), "in"})

_TITLE_PATTERNS = [
    "{Noun} {verb} in {place} as {noun} {verb2}",
    "{place} {noun} {verb} after {adjective} {noun}",
    "{Adjective} {noun} {verb} {noun2} for {place}",
    "{Noun} and {noun2} {verb} in {place}",
    "Why {place} {noun} {verb} {noun2}",
    "{place}: {adjective} {noun} {verb}",
]
_NOUNS = [w for w in WORDS[120:] if w.endswith(("s", "ion", "get", "ket", "ing")) or len(w) > 5]
_VERBS = [w for w in WORDS if w.endswith("ed")]
_ADJECTIVES_TEXT = """
major new local national early late former key large small high low long short full
open free young senior
"""
_ADJECTIVES = _ADJECTIVES_TEXT.split()

MIN_WORDS, MAX_WORDS = 300, 1500
POOL_SIZE = 20_000
_POOL = []  # (sentence, words), see StoryWriter._sentence_pool


def _zipf_weights(n, exponent=1.0):
    return [1 / (rank + 1) ** exponent for rank in range(n)]


@dataclass
class Story:
    title: str
    slug: str
    standfirst: str
    body: str
    body_html: str
    word_count: int
    published_at: datetime
    updated_at: datetime | None
    topic_indexes: list[int]  # into TOPICS; the first is the primary tag
    author_count: int
    correction: str | None
    featured: bool = field(default=False)


class StoryWriter:
    """Writes stories one by one from a seeded random generator: the same seed, the same
    archive."""

    def __init__(self, seed=0):
        self.random = random.Random(seed)
        self._word_weights = list(_cumulative(_zipf_weights(len(WORDS), 1.05)))
        self._topic_weights = list(_cumulative([share for _, share in TOPICS]))

    def words(self, n):
        return self.random.choices(WORDS, cum_weights=self._word_weights, k=n)

    def sentence(self, n):
        text = " ".join(self.words(n))
        if n > 12 and self.random.random() < 0.5:  # a comma, as in real sentences
            cut = text.find(" ", len(text) // 2)
            text = text[:cut] + "," + text[cut:]
        return text[0].upper() + text[1:] + "."

    def _sentence_pool(self):
        """Sentences to draw bodies from: writing each word afresh for a million stories
        would take longer than the database takes to store them. Made once per process
        (from its own seed, so always the same), shared by every writer."""
        if not _POOL:
            maker = StoryWriter(seed=-1)
            lengths = [maker.random.randint(8, 24) for _ in range(POOL_SIZE)]
            _POOL.extend((s, s.count(" ") + 1) for s in map(maker.sentence, lengths))
        return _POOL

    def paragraph(self, n_words):
        """Sentences of about `n_words` words in all; one in a few names a place."""
        pool, sentences, left = self._sentence_pool(), [], n_words
        while left > 0:
            sentence, length = self.random.choice(pool)
            if self.random.random() < 0.05:
                sentence = f"In {self.random.choice(PLACES)}, {sentence[0].lower()}{sentence[1:]}"
                length += 2
            sentences.append(sentence)
            left -= length
        return " ".join(sentences), n_words - left

    def title(self):
        pattern = self.random.choice(_TITLE_PATTERNS)
        noun, noun2 = self.random.sample(_NOUNS, 2)
        verb, verb2 = self.random.sample(_VERBS, 2)
        adjective = self.random.choice(_ADJECTIVES)
        text = pattern.format(
            noun=noun, Noun=noun.capitalize(), noun2=noun2, verb=verb, verb2=verb2,
            adjective=adjective, Adjective=adjective.capitalize(),
            place=self.random.choice(PLACES),
        )  # fmt: skip
        return text[0].upper() + text[1:]

    def body_length(self):
        # Most stories are 350–650 words; features run long.
        n = int(self.random.lognormvariate(math.log(450), 0.35))
        return max(MIN_WORDS, min(MAX_WORDS, n))

    def story(self, *, number, published_at):
        paragraphs, n_words, target = [], 0, self.body_length()
        while n_words < target:
            text, length = self.paragraph(min(target - n_words, self.random.randint(40, 90)))
            paragraphs.append(text)
            n_words += length
        title = self.title()
        topics = [_pick(self._topic_weights, self.random.random())]
        for _ in range(self.random.choice((0, 1, 1, 2, 3))):
            extra = self.random.randrange(len(TOPICS))
            if extra not in topics:
                topics.append(extra)
        updated = None
        if self.random.random() < 0.1:
            updated = published_at + timedelta(minutes=self.random.randint(30, 3 * 24 * 60))
        correction = None
        if self.random.random() < 0.02:
            correction = f"An earlier version of this story gave the wrong {self.words(1)[0]}."
        return Story(
            title=title,
            slug=f"{slugify(title)[:150]}-{number:x}",
            standfirst=self.sentence(self.random.randint(14, 30)),
            body="\n\n".join(paragraphs),
            body_html="\n".join(f"<p>{p}</p>" for p in paragraphs),
            word_count=n_words,
            published_at=published_at,
            updated_at=updated,
            topic_indexes=topics,
            author_count=self.random.choice((1, 1, 1, 1, 2, 2, 3)),
            correction=correction,
        )

    def author_names(self, count):
        names = [f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES]
        self.random.shuffle(names)
        return names[:count]


def _cumulative(weights):
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def _pick(cumulative, fraction):
    target = fraction * cumulative[-1]
    for index, bound in enumerate(cumulative):
        if target <= bound:
            return index
    return len(cumulative) - 1
