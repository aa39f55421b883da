"""Migration 0016 carries today's lead images and entry photos into the photo library.

Run on SQLite and PostgreSQL alike: the database is taken back to the state before, rows
are made with the models of that time, and it is migrated forward again.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("articles", "0015_lead_photo_and_entry_photo")]
AFTER = [("articles", "0017_remove_old_image_columns")]

RENDITIONS = {"jpeg": [{"name": "lead/2026/11/harbour-480.jpg", "width": 480, "height": 270}]}

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()  # the graph as the last migration left it
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before():
    yield migrate(BEFORE)
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def old_image(prefix, name, **words):
    return {
        prefix.rstrip("_"): name,
        f"{prefix}width": 1200,
        f"{prefix}height": 675,
        f"{prefix}renditions": RENDITIONS,
        **{f"{prefix}{key}": value for key, value in words.items()},
    }


def test_lead_images_and_entry_photos_become_library_photos_with_their_words(before):
    Article = before.get_model("articles", "Article")
    LiveEntry = before.get_model("articles", "LiveEntry")
    harbour = "lead/2026/11/harbour.jpg"
    words = {"alt": "Boats at the quay", "caption": "Low tide.", "credit": "Jo Bloggs/AFP"}
    first = Article.objects.create(
        title="First", slug="first", body="Text.", **old_image("lead_image_", harbour, **words)
    )
    # The same stored file on a second story (the generator reuses a few pictures).
    second = Article.objects.create(
        title="Second", slug="second", body="Text.", **old_image("lead_image_", harbour, **words)
    )
    bare = Article.objects.create(title="Bare", slug="bare", body="Text.")
    entry = LiveEntry.objects.create(
        article=first,
        body="Update.",
        **old_image("image_", "live/2026/11/crowd.jpg", alt="A crowd", credit="Staff"),
    )

    after = migrate(AFTER)

    Photo = after.get_model("articles", "Photo")
    Article = after.get_model("articles", "Article")
    LiveEntry = after.get_model("articles", "LiveEntry")
    assert Photo.objects.count() == 2  # one per distinct stored file
    lead = Photo.objects.get(image=harbour)
    assert (lead.alt_text, lead.caption, lead.credit) == (
        "Boats at the quay",
        "Low tide.",
        "Jo Bloggs/AFP",
    )
    # The stored file and its renditions are reused as they are, not made again.
    assert (lead.width, lead.height, lead.renditions) == (1200, 675, RENDITIONS)
    assert Article.objects.get(pk=first.pk).lead_photo_id == lead.pk
    assert Article.objects.get(pk=second.pk).lead_photo_id == lead.pk
    assert Article.objects.get(pk=bare.pk).lead_photo_id is None
    photo = LiveEntry.objects.get(pk=entry.pk).photo
    assert (photo.image.name, photo.alt_text, photo.credit) == (
        "live/2026/11/crowd.jpg",
        "A crowd",
        "Staff",
    )


def test_a_lead_image_already_in_the_library_points_at_that_photo(before):
    Photo = before.get_model("articles", "Photo")
    Article = before.get_model("articles", "Article")
    name = "photos/2026/11/pier.jpg"
    library = Photo.objects.create(
        image=name, width=800, height=600, alt_text="The pier", credit="Library credit"
    )
    story = Article.objects.create(
        title="Pier", slug="pier", body="Text.", **old_image("lead_image_", name, alt="Pier")
    )

    after = migrate(AFTER)

    assert after.get_model("articles", "Photo").objects.count() == 1
    assert (
        after.get_model("articles", "Article").objects.get(pk=story.pk).lead_photo_id == library.pk
    )


def test_migrating_back_puts_the_photos_words_into_the_old_columns(before):
    Article = before.get_model("articles", "Article")
    name = "lead/2026/11/gulls.jpg"
    story = Article.objects.create(
        title="Gulls",
        slug="gulls",
        body="Text.",
        **old_image("lead_image_", name, alt="Gulls", caption="At noon.", credit="Staff"),
    )
    migrate(AFTER)

    back = migrate([("articles", "0014_desk_list_indexes")])

    row = back.get_model("articles", "Article").objects.get(pk=story.pk)
    assert (row.lead_image.name, row.lead_image_alt, row.lead_image_caption) == (
        name,
        "Gulls",
        "At noon.",
    )
    assert (row.lead_image_credit, row.lead_image_renditions) == ("Staff", RENDITIONS)


def test_a_lost_file_with_no_recorded_size_is_carried_over_without_opening_it(before):
    Article = before.get_model("articles", "Article")
    story = Article.objects.create(title="Lost", slug="lost", body="Text.")
    Article.objects.filter(pk=story.pk).update(
        lead_image="lead/2020/01/lost.jpg", lead_image_alt="Gone"
    )

    after = migrate(AFTER)

    # Read as values: loading a model whose image has no recorded size measures it.
    photo = after.get_model("articles", "Photo").objects.values().get()
    assert (
        after.get_model("articles", "Article").objects.get(pk=story.pk).lead_photo_id == photo["id"]
    )
    assert (photo["image"], photo["alt_text"], photo["width"]) == (
        "lead/2020/01/lost.jpg",
        "Gone",
        None,
    )
