"""The demo's live story: its entries file reads as written, every mistake in it names the
file and line, and the loader adds its entries once, with the story running live."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, LiveEntry
from demo import loader
from demo.content import read_newsroom
from demo.frontmatter import FrontMatterError
from demo.tests.sample import write_newsroom
from public.tests.pages import element

LIVE_STORY = """---
title: Storm crosses the coast
standfirst: Follow the storm as it happens.
status: published
published: 10h ago
primary_tag: politics
authors: ada-reporter
photo: politics-2
live_started: 9h 30m ago
---
The storm reached the coast this morning.
"""

ENTRIES = """---
time: 9h ago
authors: ada-reporter
headline: Red warning issued
key_event: yes
---
The weather service warns of gusts of 150 km/h.
+++

---
time: 5h ago
authors: ada-reporter
---
Ferries are cancelled.

> We are staying in port, said a captain.
+++
---
time: 20m ago
authors: ada-reporter
headline: What we know
pinned: yes
---
- The storm has passed.
"""

LIVE_PATH = ("live", "storm-crosses-the-coast.md")


def write_live(folder, *, story=LIVE_STORY, entries=ENTRIES):
    folder = write_newsroom(folder, extra={"storm-crosses-the-coast": story})
    (folder / "live").mkdir(exist_ok=True)
    (folder / "live" / LIVE_PATH[1]).write_text(entries, encoding="utf-8")
    return folder


def test_the_demo_has_a_live_story_of_about_forty_entries_over_a_day():
    live = [story for story in read_newsroom().stories if story.live_started]

    [story] = live
    entries = story.entries
    assert 35 <= len(entries) <= 50
    times = [entry.published for entry in entries]
    assert max(times) - min(times) >= timedelta(hours=20)
    assert times == sorted(times, reverse=True), "the file reads oldest first"
    assert len({slug for entry in entries for slug in entry.authors}) == 3
    assert sum(entry.pinned for entry in entries) == 1
    assert sum(entry.key_event for entry in entries) >= 2
    assert all(entry.headline for entry in entries if entry.key_event)
    assert story.live_ended is None
    assert set(story.authors) == {slug for entry in entries for slug in entry.authors}


def test_a_sample_live_story_reads_as_written(tmp_path):
    stories = read_newsroom(write_live(tmp_path)).stories

    story = next(story for story in stories if story.slug == "storm-crosses-the-coast")
    assert story.live_started == timedelta(hours=9, minutes=30)
    first, second, third = story.entries
    assert (first.published, first.headline, first.key_event) == (
        timedelta(hours=9),
        "Red warning issued",
        True,
    )
    assert second.body == "Ferries are cancelled.\n\n> We are staying in port, said a captain."
    assert (third.pinned, third.published) == (True, timedelta(minutes=20))
    # The other story has no coverage and no entries.
    other = next(story for story in stories if story.slug != "storm-crosses-the-coast")
    assert (other.live_started, other.entries) == (None, ())


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("time: 5h ago", "time: later", 11, "`time` looks like `2d 6h ago`"),
        ("time: 5h ago", "time: 10h ago", 11, "outside the story's live coverage"),
        ("authors: ada-reporter\n---\nFerries", "authors: bob\n---\nFerries", 12, "unknown author"),
        ("headline: Red warning issued\n", "", 4, "a key event needs a `headline`"),
        ("key_event: yes", "key_event: true", 5, "`key_event` must be yes or no"),
        ("key_event: yes", "colour: red", 5, "unknown key `colour`; known: time"),
        ("Ferries are cancelled.", "Ferries are cancelled.\n+++\nNo fence", 16, "must start with"),
        (
            "150 km/h.\n+++\n",
            "150 km/h.\n",
            None,
            "holds a second front matter: is a '+++' line missing",
        ),
    ],
)
def test_a_mistake_in_the_entries_names_the_file_and_line(tmp_path, old, new, line, message):
    assert old in ENTRIES
    folder = write_live(tmp_path, entries=ENTRIES.replace(old, new, 1))

    with pytest.raises(FrontMatterError) as error:
        read_newsroom(folder)

    path = folder.joinpath(*LIVE_PATH)
    where = f"{path}, line {line}: " if line else f"{path}"
    assert str(error.value).startswith(where)
    assert message in str(error.value)


def test_two_pinned_entries_and_a_file_without_a_live_story_are_refused(tmp_path):
    folder = write_live(tmp_path, entries=ENTRIES.replace("key_event: yes", "pinned: yes"))
    with pytest.raises(FrontMatterError, match="pins 2 entries; a story pins one at most"):
        read_newsroom(folder)

    folder = write_live(tmp_path, story=LIVE_STORY.replace("live_started: 9h 30m ago\n", ""))
    with pytest.raises(FrontMatterError, match="names no live story"):
        read_newsroom(folder)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace("9h 30m ago", "9h 30m ago\nlive_ended: 10h ago"), "ends before"),
        (lambda s: s.replace("live_started: 9h 30m ago", "live_ended: 1h ago"), "needs a"),
        (lambda s: s.replace("status: published\npublished: 10h ago", "status: draft"), "only a"),
    ],
)
def test_a_story_whose_coverage_contradicts_itself_is_named(tmp_path, edit, message):
    folder = write_newsroom(tmp_path, extra={"storm-crosses-the-coast": edit(LIVE_STORY)})

    with pytest.raises(FrontMatterError, match=message):
        read_newsroom(folder)


@pytest.mark.django_db
def test_the_loader_adds_the_entries_once_and_the_story_runs_live(tmp_path, client):
    folder = write_live(tmp_path / "demo")
    now = timezone.now().replace(second=0, microsecond=0)

    summary = loader.load(now=now, folder=folder)

    assert (summary.entries, summary.new_entries) == (3, 3)
    assert "3 live entries (3 new)" in str(summary)
    story = Article.objects.get(slug="storm-crosses-the-coast")
    assert story.is_live
    assert story.coverage_started_at == now - timedelta(hours=9, minutes=30)
    entries = list(story.live_entries.order_by("published_at"))
    assert [entry.published_at for entry in entries] == [
        now - timedelta(hours=9),
        now - timedelta(hours=5),
        now - timedelta(minutes=20),
    ]
    assert entries[0].is_key_event
    assert entries[2].is_pinned
    assert "<blockquote>" in entries[1].body_html
    assert all(entry.byline[0].slug == "ada-reporter" for entry in entries)
    assert story.updated_at == now - timedelta(minutes=20)

    page = client.get("/news/storm-crosses-the-coast/").content.decode()
    assert "Red warning issued" in element(page, 'class="key-events"')
    assert "What we know" in element(page, 'class="live-pinned"')

    again = loader.load(now=now + timedelta(hours=1), folder=folder)
    assert again.new_entries == 0
    assert LiveEntry.objects.count() == 3


@pytest.mark.django_db
def test_an_entry_photo_is_drawn_and_described(tmp_path):
    entries = ENTRIES.replace(
        "time: 5h ago\nauthors: ada-reporter\n",
        "time: 5h ago\nauthors: ada-reporter\nphoto: politics-2\ncaption: The port at dawn.\n",
    )
    loader.load(folder=write_live(tmp_path / "demo", entries=entries))

    entry = LiveEntry.objects.get(photo__caption="The port at dawn.")
    story = entry.article
    # The story's own drawing, shared: stored once, with the entry's own words.
    assert entry.photo.image.name == story.lead_photo.image.name
    assert entry.photo.renditions == story.lead_photo.renditions
    assert entry.photo.alt_text.startswith("Abstract illustration")


def test_the_sample_without_a_live_folder_still_reads(tmp_path):
    [story] = read_newsroom(write_newsroom(tmp_path)).stories
    assert story.entries == ()
