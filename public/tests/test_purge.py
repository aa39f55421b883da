"""Purges by surrogate key: the exact keys each kind of change sends to a fake edge cache,
only after the transaction commits, and never at the cost of an editor's save."""

import logging
import threading
from contextlib import contextmanager
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from taggit.models import Tag

from articles import body, photos, workflow
from articles.models import Article, Authorship, Correction, LiveEntry
from articles.tests.factories import (
    DRAFT,
    ENTRY_DRAFT,
    NOW,
    bulk_articles,
    make_article,
    make_entry,
    make_live_story,
    make_photo,
    make_tag,
    placed,
)
from authors.tests.factories import make_author
from pagecache.purge import NoPurger, get_purger
from public.models import Section

pytestmark = pytest.mark.django_db


class FakeEdge(ThreadingHTTPServer):
    """A stand-in for Varnish on 127.0.0.1: records each PURGE; answers the next
    `failures` of them with a 503, as a cache that is restarting would."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _PurgeHandler)
        self.purges = []
        self.failures = 0
        self.received = threading.Event()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def purged(self, header="xkey-purge"):
        """Every key purged so far through `header`."""
        return {key for purge in self.purges for key in purge.get(header, "").split()}

    def soft_keys(self):
        return self.purged("xkey-softpurge")


class _PurgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):
        edge = self.server
        failing = edge.failures > 0
        edge.failures -= failing
        if not failing:
            edge.purges.append({name.lower(): value for name, value in self.headers.items()})
        self.send_response(503 if failing else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()
        if not failing:
            edge.received.set()

    def log_message(self, *args):
        pass


@pytest.fixture
def edge():
    server = FakeEdge()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def committed(edge, settings, django_capture_on_commit_callbacks):
    """A block run as a transaction that commits, purging to the fake edge (or `urls`).

    Purging starts with the block, so what a test sets up before it sends nothing, and the
    block's on_commit callbacks run at its end, as at a real commit.
    """

    @contextmanager
    def block(urls=None):
        settings.EDGE_PURGE = "varnish"
        settings.EDGE_CACHE_URLS = urls or [edge.url]
        settings.EDGE_PURGE_RETRY_DELAYS = [0.05, 0.05]
        settings.EDGE_PURGE_TIMEOUT = 2
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return block


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("chief", password="pw")


@pytest.fixture
def newsroom(clock):
    """One story with a byline and two tags, among the newest (so in the sidebar)."""
    ann = make_author(name="Ann Lee")
    politics, health = make_tag("Politics"), make_tag("Health")
    article = make_article(
        slug="lead", status="draft", published_at=None, authors=[ann], tags=[politics, health]
    )
    return article, ann, politics, health


def test_publishing_purges_the_story_and_every_list_it_joins(edge, committed, editor, newsroom):
    article, ann, politics, health = newsroom

    with committed():
        workflow.publish(article=article, user=editor)

    assert edge.purged() == {
        f"article-{article.pk}",
        "home",
        "list-news",
        f"list-tag-{politics.pk}",
        f"list-tag-{health.pk}",
        f"list-author-{ann.pk}",
        "sitemaps",
        "list-search",
        # Its tags' first public story: their Ukrainian pages now name the English ones.
        f"list-tag-{politics.pk}-uk",
        f"list-tag-{health.pk}-uk",
    }
    assert edge.soft_keys() == {"sidebar"}
    assert len(edge.purges) == 1  # one request for the whole change


def test_scheduling_purges_like_publishing_so_cached_pages_expire_by_its_time(
    edge, committed, editor, newsroom
):
    article, *_ = newsroom

    with committed():
        workflow.publish(article=article, user=editor, at=NOW + timedelta(hours=2))

    assert {"home", "list-news", f"article-{article.pk}"} <= edge.purged()
    assert edge.soft_keys() == {"sidebar"}


def test_an_update_purges_the_story_not_the_lists(edge, committed, clock):
    article = make_article(slug="lead")

    with committed():
        article.title = "A sharper headline"
        workflow.mark_updated(article=article)
        article.save()

    assert edge.purged() == {f"article-{article.pk}", "sitemaps", "list-search"}
    assert edge.soft_keys() == {"sidebar"}


def test_an_update_to_an_archive_story_leaves_the_sidebar_alone(edge, committed, clock):
    old = make_article(slug="old", published_at=NOW - timedelta(days=30))
    bulk_articles(10, newest=NOW - timedelta(minutes=5))

    with committed():
        old.standfirst = "Now with a standfirst."
        old.save()

    assert edge.purged() == {f"article-{old.pk}", "sitemaps", "list-search"}
    assert edge.soft_keys() == set()


def test_unpublishing_purges_the_story_and_the_sidebar_at_once(edge, committed, editor, clock):
    article = make_article(slug="lead")

    with committed():
        workflow.unpublish(article=article, user=editor)

    assert edge.purged() == {f"article-{article.pk}", "sitemaps", "list-search", "sidebar"}
    assert edge.soft_keys() == set()


def test_a_correction_purges_only_the_story_and_the_corrections_feed(edge, committed, clock):
    article = make_article(slug="lead")

    with committed():
        Correction.objects.create(article=article, text="The vote was on Tuesday.")

    assert edge.purged() == {f"article-{article.pk}", "list-corrections"}
    assert edge.soft_keys() == set()


def test_a_slug_change_purges_the_story_and_the_sitemaps(edge, committed, editor, clock):
    article = make_article(slug="old-address", authors=[make_author()])
    previous = Article.objects.get(pk=article.pk)

    with committed():
        article.slug = "new-address"
        workflow.save_article(article=article, user=editor, previous=previous)

    assert edge.purged() == {f"article-{article.pk}", "sitemaps", "list-search"}


def test_an_author_bio_change_purges_that_author(edge, committed, clock):
    ann = make_author(name="Ann Lee")
    make_article(authors=[ann])

    with committed():
        ann.short_bio = "Ann now covers the courts."
        ann.save()

    assert edge.purged() == {f"author-{ann.pk}", "list-authors"}


def test_a_tag_rename_purges_that_tag(edge, committed, clock):
    politics = make_tag("Politics")
    make_article(tags=[politics])

    with committed():
        politics.name = "Politics and power"
        politics.save()

    # Its name is in every edition's search form's topics; its address in the sitemaps.
    assert edge.purged() == {f"tag-{politics.pk}", "list-search", "list-search-uk", "sitemaps"}


def test_a_new_byline_purges_the_story_and_that_authors_list(edge, committed, clock):
    article = make_article(slug="lead")
    ben = make_author(name="Ben Okri")

    with committed():
        Authorship.objects.create(article=article, author=ben, position=1)

    assert edge.purged() == {f"article-{article.pk}", f"list-author-{ben.pk}"}


def test_a_tag_filed_on_a_public_story_purges_its_list_search_and_sitemaps(edge, committed, clock):
    """The tag may be public from now on: the search form lists it, the sitemaps too, and
    the tag's page in the other edition names this one (`hreflang`)."""
    article = make_article(slug="lead")
    economy = make_tag("Economy")

    with committed():
        article.tags.add(economy)

    assert edge.purged() == {
        f"article-{article.pk}",
        f"list-tag-{economy.pk}",
        f"list-tag-{economy.pk}-uk",
        "list-search",
        "sitemaps",
    }
    assert edge.soft_keys() == set()


def test_a_section_tags_first_public_story_soft_purges_the_masthead(edge, committed, editor, clock):
    climate = make_tag("Climate")
    Section.objects.create(tag=climate)
    article = make_article(
        slug="lead", status=DRAFT, published_at=None, authors=[make_author()], tags=[climate]
    )

    with committed():
        workflow.publish(article=article, user=editor)

    assert "masthead" in edge.soft_keys()


def test_a_section_tag_with_other_public_stories_leaves_the_masthead_alone(
    edge, committed, editor, clock
):
    climate = make_tag("Climate")
    Section.objects.create(tag=climate)
    make_article(tags=[climate])
    article = make_article(
        slug="lead", status=DRAFT, published_at=None, authors=[make_author()], tags=[climate]
    )

    with committed():
        workflow.publish(article=article, user=editor)
        article.tags.remove(climate)

    assert "masthead" not in edge.purged() | edge.soft_keys()


def test_withdrawing_a_section_tags_last_public_story_purges_the_masthead(
    edge, committed, editor, clock
):
    climate = make_tag("Climate")
    Section.objects.create(tag=climate)
    article = make_article(slug="lead", tags=[climate])

    with committed():
        workflow.unpublish(article=article, user=editor)

    assert "masthead" in edge.purged()


def test_taking_a_section_tag_off_its_last_public_story_purges_the_masthead(edge, committed, clock):
    climate = make_tag("Climate")
    Section.objects.create(tag=climate)
    article = make_article(slug="lead", tags=[climate])

    with committed():
        article.tags.remove(climate)

    assert "masthead" in edge.purged()
    assert {"list-search", "sitemaps"} <= edge.purged()


def test_changes_to_drafts_purge_nothing(edge, committed, clock):
    draft = make_article(status="draft", published_at=None)

    with committed():
        draft.title = "Still a draft"
        draft.save()
        Correction.objects.create(article=draft, text="Not public yet.")
        draft.tags.add("Politics")

    assert edge.purges == []


def test_nothing_is_purged_when_the_transaction_rolls_back(edge, committed, clock):
    article = make_article(slug="lead")

    def failing_save():
        with transaction.atomic():
            article.title = "Never saved"
            article.save()
            raise RuntimeError("the editor's save failed")

    with committed() as callbacks, pytest.raises(RuntimeError):
        failing_save()

    assert callbacks == []
    assert edge.purges == []
    assert Article.objects.get(pk=article.pk).title != "Never saved"


def test_nothing_is_sent_before_the_commit(
    edge, settings, django_capture_on_commit_callbacks, clock
):
    article = make_article(slug="lead")
    settings.EDGE_PURGE, settings.EDGE_CACHE_URLS = "varnish", [edge.url]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.title = "Not yet"
        article.save()
        assert edge.purges == []

    # The purge, and the story's related stories chosen again (public/related.py).
    assert len(callbacks) == 2
    for callback in callbacks:
        callback()
    assert len(edge.purges) == 1
    assert f"article-{article.pk}" in edge.purged()


def test_a_failed_purge_is_logged_retried_and_never_fails_the_save(edge, committed, clock, caplog):
    article = make_article(slug="lead")
    edge.failures = 1  # the cache is restarting: the first attempt is refused

    with caplog.at_level(logging.WARNING, logger="pagecache.purge"), committed():
        article.title = "Saved whatever the cache says"
        article.save()

    assert Article.objects.get(pk=article.pk).title == "Saved whatever the cache says"
    assert "failed (answered 503" in caplog.text
    assert edge.received.wait(timeout=5), "the purge was never retried"
    assert f"article-{article.pk}" in edge.purged()


def test_an_unreachable_cache_is_given_up_on_with_an_error_in_the_log(settings, committed, clock):
    article = make_article(slug="lead")
    gave_up = threading.Event()
    errors = []

    class Watch(logging.Handler):  # the last attempt runs on a timer's thread
        def emit(self, record):
            if record.levelno >= logging.ERROR:
                errors.append(record.getMessage())
                gave_up.set()

    watch = Watch()
    logging.getLogger("pagecache.purge").addHandler(watch)
    try:
        # The discard port: nothing listens there.
        with committed(urls=["http://127.0.0.1:9/"]):
            settings.EDGE_PURGE_RETRY_DELAYS = [0.01]
            article.title = "Saved anyway"
            article.save()
        assert gave_up.wait(timeout=5)
    finally:
        logging.getLogger("pagecache.purge").removeHandler(watch)

    assert Article.objects.get(pk=article.pk).title == "Saved anyway"
    assert "failed 2 times" in errors[0]
    assert "giving up" in errors[0]


def test_without_an_edge_cache_nothing_is_sent(
    edge, settings, django_capture_on_commit_callbacks, clock
):
    settings.EDGE_PURGE, settings.EDGE_CACHE_URLS = "none", [edge.url]
    assert isinstance(get_purger(), NoPurger)

    with django_capture_on_commit_callbacks(execute=True):
        make_article(slug="lead")

    assert edge.purges == []


def test_an_unknown_purger_is_a_clear_error(settings):
    settings.EDGE_PURGE = "fastly"

    with pytest.raises(ValueError, match="EDGE_PURGE must be one of none, varnish"):
        get_purger()


def test_deleting_a_tag_purges_its_pages(edge, committed, clock):
    economy = make_tag("Economy")

    with committed():
        Tag.objects.filter(pk=economy.pk).delete()

    assert edge.purged() == {
        f"tag-{economy.pk}",
        f"list-tag-{economy.pk}",
        f"list-tag-{economy.pk}-uk",
        "list-search",
        "list-search-uk",
        "sitemaps",
    }


def test_a_masthead_section_change_soft_purges_the_masthead(edge, committed, clock):
    section = Section.objects.create(tag=make_tag("Climate"), position=1)

    with committed():
        section.label = "Climate and energy"
        section.save()

    assert edge.purged() == set()
    assert edge.soft_keys() == {"masthead"}


def test_renaming_a_section_tag_purges_the_tag_and_the_masthead(edge, committed, clock):
    climate = make_tag("Climate")
    Section.objects.create(tag=climate, position=1)

    with committed():
        climate.name = "Climate and energy"
        climate.save()

    assert edge.purged() == {f"tag-{climate.pk}", "list-search", "list-search-uk", "sitemaps"}
    assert edge.soft_keys() == {"masthead"}


ENTRY_CHANGES = {
    "posted": lambda story, draft, entry, user: workflow.post_entry(
        entry=LiveEntry(body="The coast road is closed."),
        article=story,
        user=user,
        authors=entry.byline,
        publish=True,
    ),
    "published": lambda story, draft, entry, user: workflow.publish_entry(entry=draft, user=user),
    "changed": lambda story, draft, entry, user: workflow.save_entry(entry=entry, user=user),
    "removed": lambda story, draft, entry, user: workflow.delete_entry(entry=entry, user=user),
}


@pytest.mark.parametrize("change", ENTRY_CHANGES)
def test_a_live_entry_purges_its_story_and_softly_the_sidebar_showing_its_time(
    edge, committed, editor, clock, change
):
    story = make_live_story(slug="storm")  # the newest story: in the "News Feed" column
    ann = make_author()
    draft = make_entry(story, status=ENTRY_DRAFT, published_at=None, authors=[ann])
    entry = make_entry(story, body="The storm reaches the coast at four.", authors=[ann])

    with committed():
        ENTRY_CHANGES[change](story, draft, entry, editor)

    assert edge.purged() == {f"article-{story.pk}"}
    assert edge.soft_keys() == {"sidebar"}


def test_an_entry_on_a_live_story_off_the_sidebar_leaves_the_sidebar_alone(edge, committed, clock):
    story = make_live_story(slug="storm", published_at=NOW - timedelta(days=2))
    bulk_articles(10, newest=NOW - timedelta(minutes=5))

    with committed():
        make_entry(story, body="The storm has passed.")

    assert edge.purged() == {f"article-{story.pk}"}
    assert edge.soft_keys() == set()


def test_an_entry_on_a_story_readers_cannot_see_purges_nothing(edge, committed, clock):
    draft = make_live_story(slug="embargoed", status=DRAFT)

    with committed():
        make_entry(draft, body="Not yet.")

    assert edge.purges == []


# --- The photo library: stories rewritten without a save ---------------------------------


@pytest.fixture
def placed_photo(clock):
    """A library photo placed in a published story and a draft; a third story shows none."""
    photo = make_photo(credit="Old Agency")
    public = make_article(slug="harbour", body=placed(photo), body_format=body.HTML)
    make_article(slug="draft", status=DRAFT, body=placed(photo), body_format=body.HTML)
    make_article(slug="other", body="<p>No photo.</p>", body_format=body.HTML)
    return photo, public


def test_correcting_a_placed_photo_purges_the_stories_showing_it_and_search(
    edge, committed, editor, placed_photo
):
    photo, public = placed_photo

    with committed():
        photo.credit = "Ann Lens/New Agency"
        photos.save_photo(photo=photo, user=editor)

    assert edge.purged() == {f"article-{public.pk}", "list-search"}
    assert len(edge.purges) == 1


def test_removing_a_placed_photo_purges_the_stories_showing_it_and_search(
    edge, committed, placed_photo
):
    photo, public = placed_photo

    with committed():
        photos.delete_photo(photo=photo)

    assert edge.purged() == {f"article-{public.pk}", "list-search"}


# --- Editions: a story's change reaches its own edition's lists -----------------------------


def test_publishing_a_translation_purges_its_edition_lists_and_its_source(
    edge, committed, editor, newsroom
):
    source, ann, *_ = newsroom
    source.status, source.published_at = "published", NOW - timedelta(hours=1)
    source.save()
    translated = make_article(
        title="Головна",
        slug="holovna",
        language="uk",
        translation_of=source,
        status="draft",
        published_at=None,
        authors=[ann],
    )

    with committed():
        workflow.publish(article=translated, user=editor)

    purged = edge.purged()
    assert {"home-uk", "list-news-uk", f"article-{translated.pk}"} <= purged
    assert f"article-{source.pk}" in purged  # its page's hreflang and language switch
    assert not {"home", "list-news", "sidebar"} & purged
    assert edge.soft_keys() == {"sidebar-uk"}


def test_an_english_story_publication_leaves_the_ukrainian_lists_alone(
    edge, committed, editor, newsroom
):
    article, *_ = newsroom
    make_article(title="Свіже", slug="svizhe", language="uk")

    with committed():
        workflow.publish(article=article, user=editor)

    assert not {"home-uk", "list-news-uk", "sidebar-uk"} & (edge.purged() | edge.soft_keys())


def test_a_ukrainian_story_outside_its_sidebar_leaves_it_alone(edge, committed, clock):
    old = make_article(
        title="Давнє", slug="davnie", language="uk", published_at=NOW - timedelta(days=30)
    )
    bulk_articles(10, newest=NOW - timedelta(minutes=5), language="uk")
    # Ten newer English stories would not push it out of its own edition's column.
    with committed():
        old.standfirst = "Тепер зі вступом."
        old.save()

    assert edge.soft_keys() == set()


def test_a_ukrainian_story_purges_its_edition_tag_author_and_search_keys_alone(
    edge, committed, editor, newsroom
):
    _, ann, politics, _ = newsroom
    make_article(title="Раніше", slug="ranishe", language="uk", tags=[politics])
    story = make_article(
        title="Вибори",
        slug="vybory",
        language="uk",
        status="draft",
        published_at=None,
        authors=[ann],
        tags=[politics],
    )

    with committed():
        workflow.publish(article=story, user=editor)

    purged = edge.purged()
    assert {
        f"list-tag-{politics.pk}-uk",
        f"list-author-{ann.pk}-uk",
        "list-search-uk",
        "sitemaps",  # one set for the site: an English page names its translations there
    } <= purged
    english = {f"list-tag-{politics.pk}", f"list-author-{ann.pk}", "list-search"}
    assert not english & purged
