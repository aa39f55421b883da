"""Related stories chosen when a story is saved and read with its page: never itself,
never unpublished, never another edition's, best first (public/related.py)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.tests.factories import make_article, make_tag
from authors.tests.factories import make_author
from public import related
from public.models import RelatedStories

pytestmark = pytest.mark.django_db


def ago(hours):
    return timezone.now() - timedelta(hours=hours)


def related_section(client, url="/news/lead/"):
    """The "Related stories" section of the page at `url` ("" when it has none)."""
    html = client.get(url).content.decode()
    if 'class="related"' not in html:
        return ""
    return html.split('class="related"', 1)[1].split("</section>", 1)[0]


def stored(article):
    return RelatedStories.objects.get(article=article).ids


def test_a_story_saved_has_its_list_stored_once_it_commits(
    clock, django_capture_on_commit_callbacks
):
    tag = make_tag("Elections")
    older = make_article(title="Turnout was high", tags=[tag], published_at=ago(3))
    with django_capture_on_commit_callbacks(execute=True):
        story = make_article(slug="lead", title="Ballots counted", tags=[tag])
    assert stored(story) == [older.pk]


def test_a_tag_added_later_changes_the_list(clock, django_capture_on_commit_callbacks):
    tag = make_tag("Weather")
    rain = make_article(title="Rain on Sunday", tags=[tag], published_at=ago(3))
    with django_capture_on_commit_callbacks(execute=True):
        story = make_article(title="Ballots counted")
    assert stored(story) == []
    with django_capture_on_commit_callbacks(execute=True):
        story.tags.add(tag)
    assert stored(story) == [rain.pk]


def test_the_page_reads_the_stored_list_without_choosing_again(client, clock):
    tag = make_tag("Elections")
    story = make_article(slug="lead", title="Ballots counted", tags=[tag])
    other = make_article(title="Turnout was high", tags=[tag], published_at=ago(3))
    related.refresh([story.pk])
    # A story filed later is not in the stored list: the list is the one saved.
    make_article(title="Recount ordered", tags=[tag], published_at=ago(1))
    section = related_section(client)
    assert "Turnout was high" in section
    assert "Recount ordered" not in section
    assert f"article-{other.pk}" in client.get("/news/lead/")["xkey"].split()


def test_a_stored_story_withdrawn_since_is_never_shown_and_the_next_takes_its_place(client, clock):
    tag = make_tag("Elections")
    story = make_article(slug="lead", title="Ballots counted", tags=[tag])
    stories = [
        make_article(title=f"Count number {n}", tags=[tag], published_at=ago(n + 2))
        for n in range(related.KEPT)
    ]
    related.refresh([story.pk])
    withdrawn = stories[0]
    withdrawn.status = withdrawn.Status.DRAFT
    withdrawn.save()
    section = related_section(client)
    assert "Count number 0<" not in section
    shown = [n for n in range(1, related.KEPT) if f"Count number {n}<" in section]
    assert shown == [1, 2, 3, 4]


def test_a_stored_story_of_another_edition_is_never_shown(client, clock):
    tag = make_tag("Elections")
    story = make_article(slug="lead", title="Ballots counted", tags=[tag])
    other = make_article(title="Turnout was high", tags=[tag], published_at=ago(3))
    related.refresh([story.pk])
    assert stored(story) == [other.pk]
    other.language = "uk"
    other.save()
    assert "Turnout was high" not in related_section(client)


def test_a_story_with_no_stored_list_has_it_chosen_as_its_page_is_drawn(client, clock):
    tag = make_tag("Elections")
    make_article(slug="lead", title="Ballots counted", tags=[tag])
    make_article(title="Turnout was high", tags=[tag], published_at=ago(3))
    assert not RelatedStories.objects.exists()
    assert "Turnout was high" in related_section(client)


def cards_by_title(section):
    """Each card's title and the names in its byline, from a "Related stories" section."""
    cards = {}
    for card in section.split('<li class="card">')[1:]:
        title = card.split('class="card__title">', 1)[1].split("</a>", 1)[0].rsplit(">", 1)[1]
        byline = card.split('class="dateline__byline">', 1)[1] if "dateline__byline" in card else ""
        cards[title] = [name for name in ("Ann Lee", "Bo Chen", "Cy Diaz") if name in byline]
    return cards


@pytest.mark.parametrize("stored_list", [True, False])
def test_each_related_card_shows_its_own_byline_never_the_storys(client, clock, stored_list):
    ann, bo, cy = (make_author(name=name) for name in ("Ann Lee", "Bo Chen", "Cy Diaz"))
    tag = make_tag("Elections")
    story = make_article(slug="lead", title="Ballots counted", tags=[tag], authors=[ann])
    make_article(title="Turnout was high", tags=[tag], authors=[bo, cy], published_at=ago(3))
    make_article(title="Polls opened", tags=[tag], published_at=ago(4))
    withdrawn = make_article(title="Count begins", tags=[tag], authors=[ann], published_at=ago(2))
    for n in range(related.SHOWN):
        make_article(title=f"Later {n}", tags=[tag], authors=[cy], published_at=ago(5 + n))
    if stored_list:
        related.refresh([story.pk])
        # One of the first four gone: the fifth takes its place, its byline read apart.
        withdrawn.status = withdrawn.Status.DRAFT
        withdrawn.save()
    cards = cards_by_title(related_section(client))
    assert cards["Turnout was high"] == ["Bo Chen", "Cy Diaz"]
    assert cards["Polls opened"] == []
    assert all(cards[title] == ["Cy Diaz"] for title in cards if title.startswith("Later"))
    assert len(cards) == related.SHOWN
    page = client.get("/news/lead/").content.decode()
    assert 'class="dateline__byline">By <a href="/authors/ann-lee/"' in page


def test_relate_stories_fills_in_the_lists_an_archive_loaded_without_saves_lacks(clock):
    tag = make_tag("Elections")
    story = make_article(title="Ballots counted", tags=[tag])
    other = make_article(title="Turnout was high", tags=[tag], published_at=ago(3))
    RelatedStories.objects.create(article=other, ids=[12345])  # kept by --missing
    call_command("relate_stories", "--missing", stdout=StringIO())
    assert stored(story) == [other.pk]
    assert stored(other) == [12345]
    call_command("relate_stories", stdout=StringIO())
    assert stored(other) == [story.pk]
