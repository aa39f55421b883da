"""What a demo story is, the sections it can belong to, and the shared background paragraphs.

Each story is written for itself (headline, standfirst and its own paragraphs); the shared
background paragraphs (shared_news.py, shared_features.py) only pad bodies to realistic,
varied lengths, filled with the story's own place, institution and topic.
"""

from dataclasses import dataclass

from .shared_features import FEATURES
from .shared_news import NEWS

# (slug, name): every section of the paper is a tag.
TAGS = [
    ("politics", "Politics"),
    ("economy", "Economy"),
    ("world", "World"),
    ("climate", "Climate"),
    ("health", "Health"),
    ("science", "Science"),
    ("technology", "Technology"),
    ("culture", "Culture"),
    ("sport", "Sport"),
    ("education", "Education"),
    ("business", "Business"),
    ("opinion", "Opinion"),
]

SHARED = {**NEWS, **FEATURES}


@dataclass(frozen=True)
class Story:
    title: str
    standfirst: str
    section: str  # the primary tag's slug
    authors: tuple[str, ...]  # author slugs, in byline order
    hours_ago: float  # negative: scheduled for the future
    paragraphs: tuple[str, ...]  # the story's own Markdown paragraphs
    shared: tuple[str, ...] = ()  # keys of SHARED paragraphs appended after its own
    place: str = "Kellhaven"
    body: str = "the government"
    topic: str = "the plan"
    tags: tuple[str, ...] = ()  # further tags besides the section
    caption: str = ""
    status: str = "published"
    updated_after: float | None = None  # hours after publication
    featured: bool = False
    correction: str = ""

    def markdown(self) -> str:
        fill = {
            "place": self.place,
            "body": self.body,
            "Body": self.body[:1].upper() + self.body[1:],
            "topic": self.topic,
        }
        shared = [SHARED[key].format(**fill) for key in self.shared]
        return "\n\n".join([*self.paragraphs, *shared])
