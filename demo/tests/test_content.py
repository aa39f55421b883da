"""The demo's data files: every one parses, and each kind of mistake names its file and line."""

from collections import Counter
from datetime import timedelta

import pytest

from demo.content import read_newsroom
from demo.frontmatter import FrontMatterError
from demo.tests.sample import AUTHOR, NEWSROOM, STORY, story_path, write_newsroom

# What a reader of the demo should meet: every kind of list runs past its first page.
FEED_PAGE, LIST_PAGE = 20, 12


def test_every_demo_file_parses_into_a_newsroom_worth_reading():
    newsroom = read_newsroom()

    stories = newsroom.stories
    published = [story for story in stories if story.status == "published"]
    assert len(stories) >= 150
    assert max(s.published for s in published) - min(s.published for s in published) >= (
        timedelta(weeks=6)
    )
    statuses = Counter(story.status for story in stories)
    assert statuses["draft"] >= 3
    assert statuses["review"] >= 2
    assert statuses["scheduled"] >= 3
    assert sum(1 for story in published if story.updated) >= 6
    assert sum(len(story.corrections) for story in stories) >= 3
    assert len({story.slug for story in stories}) == len(stories)

    assert len(newsroom.tags) == 12
    assert newsroom.tags["politics"] == "Politics"
    assert newsroom.sections[0] == "politics"
    assert len(newsroom.authors) == 8
    assert all(person.bio and person.short_bio and person.role for person in newsroom.authors)

    # Lists run past a page: the feed, Politics, and (at least) two journalists.
    assert len(published) > FEED_PAGE
    assert sum("politics" in story.tags for story in published) > LIST_PAGE
    bylines = Counter(slug for story in published for slug in story.authors)
    assert sum(count > LIST_PAGE for count in bylines.values()) >= 2
    # Every tag and every journalist has published work to show.
    assert {tag for story in published for tag in story.tags} == set(newsroom.tags)
    assert set(bylines) == {person.slug for person in newsroom.authors}
    # A pool of drawings shared between stories, not one per story.
    assert 12 <= len({story.photo for story in stories}) <= 40
    # Some times have the fraction of a second a time taken from the clock has.
    assert any(story.published.microseconds for story in published)
    assert any(story.updated and story.updated.microseconds for story in published)
    assert any(entry.published.microseconds for story in stories for entry in story.entries)


def test_a_sample_story_reads_as_written(tmp_path):
    newsroom = read_newsroom(write_newsroom(tmp_path))

    [story] = newsroom.stories
    assert story.slug == "deputies-vote-on-the-budget"
    assert story.title == "Deputies vote on the budget"
    assert story.published == timedelta(days=1, hours=2)
    assert story.updated == timedelta(hours=3)
    assert story.tags == ("politics", "economy")
    assert story.authors == ("ada-reporter",)
    assert story.featured is True
    assert story.corrections == ("An earlier version misspelt the minister's name.",)
    assert story.credit == "Illustration: Ledger graphics desk"
    assert story.body.startswith("The National Assembly votes")
    assert newsroom.tags == {"politics": "Politics", "economy": "Economy"}
    assert newsroom.sections == ("politics",)


def test_a_scheduled_story_is_published_in_the_future(tmp_path):
    story = STORY.replace("status: published", "status: scheduled")
    story = story.replace("published: 1d 2h ago\nupdated: 3h later", "published: in 20h 5m")
    story = story.replace("correction: An earlier version misspelt the minister's name.\n", "")

    [read] = read_newsroom(write_newsroom(tmp_path, story=story)).stories

    assert read.published == -timedelta(hours=20, minutes=5)


def test_a_time_may_end_in_seconds_to_the_microsecond(tmp_path):
    story = STORY.replace("published: 1d 2h ago", "published: 1d 2h 5m 41.306172s ago")
    story = story.replace("updated: 3h later", "updated: 9.5s later")

    [read] = read_newsroom(write_newsroom(tmp_path, story=story)).stories

    assert read.published == timedelta(days=1, hours=2, minutes=5, seconds=41.306172)
    assert read.updated == timedelta(seconds=9, milliseconds=500)


LONG_TITLE = "title: " + "x" * 201


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("status: published", "status: live", 4, "`status` must be one of draft, review"),
        ("published: 1d 2h ago", "published: yesterday", 5, "looks like `2d 6h ago`"),
        ("published: 1d 2h ago", "published: in 3h", 5, "looks like `2d 6h ago`"),
        ("published: 1d 2h ago", "published: 1d 2h 0.1234567s ago", 5, "like `2d 6h ago`"),
        ("status: published", "status: scheduled", 5, "looks like `in 20h`"),
        ("updated: 3h later", "updated: 3h", 6, "`updated` looks like `3h later`"),
        ("primary_tag: politics", "primary_tag: Politics", 7, "unknown tag 'Politics'"),
        ("tags: economy", "tags: economy, weather", 8, "unknown tag 'weather'"),
        ("tags: economy", "tags: economy, economy", 8, "names something twice"),
        ("tags: economy", "tags: economy,", 8, "has an empty item"),
        ("authors: ada-reporter", "authors: ada-reporter, bob", 9, "unknown author 'bob'"),
        ("featured: yes", "featured: true", 10, "`featured` must be yes or no"),
        ("photo: politics-1", "photo: sunset", 11, "`photo` must be <palette>-<number>"),
        ("photo: politics-1", "photo: weather-1", 11, "`photo` must be <palette>-<number>"),
        ("caption: The", "captoin: The", 12, "unknown key `captoin`; known: title"),
        ("caption: The", "title: Again\ncaption: The", 12, "`title` is given twice (also line 2)"),
        ("title: Deputies vote on the budget", LONG_TITLE, 2, "is 201 characters; at most 200"),
        ("standfirst: The vote is expected to be close.", "standfirst:", 3, "is empty"),
        ("title: Deputies vote on the budget\n", "", 13, "`title` is missing"),
    ],
)
def test_a_mistake_in_a_story_names_the_file_and_line(tmp_path, old, new, line, message):
    assert old in STORY
    folder = write_newsroom(tmp_path, story=STORY.replace(old, new, 1))

    with pytest.raises(FrontMatterError) as error:
        read_newsroom(folder)

    assert str(error.value).startswith(f"{story_path(folder)}, line {line}: ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda s: s.replace("published: 1d 2h ago\nupdated: 3h later\n", "").replace(
                "status: published", "status: draft"
            ),
            "only a published story can have a correction",
        ),
        (
            lambda s: s.replace("status: published", "status: review"),
            "a review story has no publication time; remove `published`",
        ),
        (lambda s: s.split("---\nThe National")[0] + "---\n", "has no story after the front"),
    ],
)
def test_a_story_that_contradicts_itself_names_the_file(tmp_path, edit, message):
    folder = write_newsroom(tmp_path, story=edit(STORY))

    with pytest.raises(FrontMatterError, match=message) as error:
        read_newsroom(folder)

    assert str(error.value).startswith(str(story_path(folder)))


def test_a_file_name_that_is_not_a_slug_is_refused_with_the_slug_it_would_be(tmp_path):
    folder = write_newsroom(tmp_path, extra={"Budget Vote": STORY})

    with pytest.raises(FrontMatterError) as error:
        read_newsroom(folder)

    assert str(error.value).startswith(str(folder / "stories" / "Budget Vote.md"))
    assert "the file's name is the slug" in str(error.value)
    assert "'budget-vote'" in str(error.value)


def test_mistakes_in_the_author_and_newsroom_files_name_them(tmp_path):
    folder = write_newsroom(tmp_path, author=AUTHOR.replace("#2f4b7c", "navy"))
    with pytest.raises(FrontMatterError, match=r"ada-reporter\.md, line 4: `colour` must look"):
        read_newsroom(folder)

    folder = write_newsroom(tmp_path, author=AUTHOR)
    (folder / "newsroom.md").write_text(NEWSROOM.replace("sections: politics", "sections: sport"))
    with pytest.raises(FrontMatterError, match=r"newsroom\.md, line 3: section 'sport' is not"):
        read_newsroom(folder)


def test_a_folder_without_stories_says_so(tmp_path):
    folder = write_newsroom(tmp_path)
    story_path(folder).unlink()

    with pytest.raises(FrontMatterError, match="holds no story"):
        read_newsroom(folder)
