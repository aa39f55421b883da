"""Demo content for The Northern Ledger: a fictional newsroom covering a fictional country.

Everything here is invented: the Republic of Ostmere, its cities, parties, ministries,
companies and people, and every word of the stories. `manage.py load_demo` loads it
(articles/demo/loader.py); the drawings are made by articles/demo/images.py.
"""

from . import (
    stories_1,
    stories_2,
    stories_3,
    stories_4,
    stories_5,
    stories_6,
    stories_7,
    stories_8,
    stories_9,
)
from .authors import AUTHORS
from .story import TAGS

STORIES = [
    *stories_9.STORIES,
    *stories_1.STORIES,
    *stories_2.STORIES,
    *stories_3.STORIES,
    *stories_4.STORIES,
    *stories_5.STORIES,
    *stories_6.STORIES,
    *stories_7.STORIES,
    *stories_8.STORIES,
]

__all__ = ["AUTHORS", "STORIES", "TAGS"]
