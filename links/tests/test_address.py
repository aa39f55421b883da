import pytest
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from links import address

SLUG_NAMES = [
    ("home", {}),
    ("rss", {}),
    ("search", {}),
    ("articles:news_feed", {}),
    ("authors:list", {}),
    ("articles:detail", {"slug": "a-story_2"}),
    ("articles:tag", {"slug": "politics"}),
    ("authors:detail", {"slug": "ann-lee"}),
]


@pytest.mark.parametrize(("name", "slugs"), SLUG_NAMES)
def test_an_address_is_what_reverse_writes(name, slugs):
    assert address(name, **slugs) == reverse(name, kwargs=slugs)


def test_an_address_follows_the_script_prefix():
    set_script_prefix("/paper/")
    try:
        assert address("articles:detail", slug="x") == "/paper/news/x/"
    finally:
        clear_script_prefix()
    assert address("articles:detail", slug="x") == "/news/x/"


def test_a_value_that_is_not_a_slug_is_reversed_the_ordinary_way():
    with pytest.raises(NoReverseMatch):
        address("articles:detail", slug="no spaces")
    assert address("articles:detail", slug="zqslugqz") == "/news/zqslugqz/"
