"""The photo library: uploads checked like any photo, credit travelling with the photo."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles import body, photos
from articles.models import Article, Photo
from articles.roles import CONTRIBUTOR, EDITOR
from articles.signals import stories_rerendered
from articles.tests.factories import (
    client_for,
    make_article,
    make_entry,
    make_live_story,
    make_photo,
    make_user,
    placed,
)
from authors.tests.factories import make_author
from imaging.renditions import rendition_names
from imaging.tests.factories import image_bytes

pytestmark = pytest.mark.django_db

PICKER = reverse("admin:articles_photo_picker")


def test_a_changed_credit_reaches_every_story_without_making_open_forms_stale():
    photo = make_photo(credit="Old Agency")
    stories = [make_article(body=placed(photo), body_format=body.HTML) for _ in range(2)]
    other = make_article(body="<p>No photo.</p>", body_format=body.HTML)
    versions = {story.pk: story.edit_version for story in stories}

    photo.credit = "Ann Lens/New Agency"
    photos.save_photo(photo=photo, user=make_user(EDITOR))

    for story in stories:
        story.refresh_from_db()
        assert "(Ann Lens/New Agency)" in story.body_html
        assert "Old Agency" not in story.body_html
        assert story.edit_version == versions[story.pk]
    other.refresh_from_db()
    assert other.body_html == "<p>No photo.</p>"


def test_a_photo_placed_in_a_ukrainian_story_speaks_ukrainian_whoever_saves_it():
    """Bodies are rendered on save, in the admin's language (English): the placed photos'
    alt text and caption are still the story's edition's, and stay so when the library
    corrects them."""
    photo = make_photo(alt_text="Boats at the pier", caption="The old pier")
    photo.alt_text_uk, photo.caption_uk = "Човни біля причалу", "Старий причал"
    photo.save()
    ukrainian = make_article(body=placed(photo), body_format=body.HTML, language="uk")
    english = make_article(body=placed(photo), body_format=body.HTML)

    assert 'alt="Човни біля причалу"' in ukrainian.body_html
    assert "Старий причал" in ukrainian.body_html
    assert "The old pier" not in ukrainian.body_html
    assert "The old pier" in english.body_html

    photo.caption_uk = "Причал після ремонту"
    photos.save_photo(photo=photo, user=make_user(EDITOR))
    ukrainian.refresh_from_db()
    assert "Причал після ремонту" in ukrainian.body_html


def test_render_bodies_brings_stories_saved_before_a_drawing_change_up_to_date(rerendered):
    """A Ukrainian story saved before bodies were drawn in the story's language carries
    the placed photo's English words until `manage.py render_bodies`, which counts no
    edit and rewrites only the bodies that change."""
    photo = make_photo(alt_text="Boats at the pier", caption="The old pier")
    photo.alt_text_uk, photo.caption_uk = "Човни біля причалу", "Старий причал"
    photo.save()
    ukrainian = make_article(body=placed(photo), body_format=body.HTML, language="uk")
    english = make_article(body=placed(photo), body_format=body.HTML)
    # As it was drawn before: in the saving request's language, the admin's English.
    as_before, _ = body.render(
        ukrainian.body, body.HTML, photos=Photo.objects.in_bulk, language="en-gb"
    )
    Article.objects.filter(pk=ukrainian.pk).update(body_html=as_before)
    assert "The old pier" in as_before
    version = ukrainian.edit_version
    out = io.StringIO()

    call_command("render_bodies", stdout=out)

    ukrainian.refresh_from_db()
    assert "Старий причал" in ukrainian.body_html
    assert "The old pier" not in ukrainian.body_html
    assert ukrainian.edit_version == version
    assert rerendered == [{ukrainian.pk}]  # the English story's body was right already
    assert out.getvalue().splitlines()[-2:] == ["2 of 2 stories", "1 of 2 bodies changed."]
    english.refresh_from_db()
    assert "The old pier" in english.body_html

    call_command("render_bodies", "--language", "uk", stdout=out)
    assert out.getvalue().splitlines()[-2:] == ["1 of 1 stories", "0 of 1 bodies changed."]


def test_a_story_saved_while_its_body_is_drawn_again_keeps_its_own_drawing(monkeypatch):
    photo = make_photo()
    story = make_article(body=placed(photo), body_format=body.HTML, language="uk")
    Article.objects.filter(pk=story.pk).update(body_html="<p>Drawn by an old release.</p>")
    draw, saved = body.render, []

    def an_editor_saves_meanwhile(*args, **kwargs):
        if not saved:  # once, as render_bodies draws the body it read
            saved.append(True)
            meanwhile = Article.objects.get(pk=story.pk)
            meanwhile.body = "<p>Rewritten by the editor.</p>"
            meanwhile.save()
        return draw(*args, **kwargs)

    monkeypatch.setattr(body, "render", an_editor_saves_meanwhile)
    assert photos.render_bodies(Article.objects.filter(pk=story.pk)) == []
    story.refresh_from_db()
    assert story.body_html == "<p>Rewritten by the editor.</p>"


def test_a_deleted_photo_leaves_the_stories_it_was_in():
    photo = make_photo()
    story = make_article(body=f"<p>Text.</p>{placed(photo)}", body_format=body.HTML)

    photos.delete_photo(photo=photo)

    story.refresh_from_db()
    assert story.body_html == "<p>Text.</p>"


@pytest.fixture
def rerendered():
    """The story ids each `stories_rerendered` names (the pages the caches let go of)."""
    sent = []

    def receiver(sender, article_ids, **kwargs):
        sent.append(set(article_ids))

    stories_rerendered.connect(receiver, dispatch_uid="test-rerendered")
    yield sent
    stories_rerendered.disconnect(dispatch_uid="test-rerendered")


def test_a_corrected_credit_shows_on_every_story_the_photo_leads_or_illustrates(client, rerendered):
    photo = make_photo(caption="The quay.", credit="Old Agency")
    led = [make_article(lead_photo=photo, authors=[make_author()]) for _ in range(2)]
    live = make_live_story(slug="storm", authors=[make_author()])
    make_entry(live, photo=photo)
    other = make_article(slug="other", lead_photo=make_photo(), authors=[make_author()])
    assert "(Old Agency)" in client.get(led[0].get_absolute_url()).text

    photo.credit = "Ann Lens/New Agency"
    photos.save_photo(photo=photo, user=make_user(EDITOR))

    # One source: the library's photo, read by every page that shows it.
    assert rerendered == [{led[0].pk, led[1].pk, live.pk}]
    for story in [*led, live]:
        page = client.get(story.get_absolute_url()).text
        assert "(Ann Lens/New Agency)" in page
        assert "Old Agency" not in page
    assert other.pk not in rerendered[0]


def test_a_removed_lead_photo_leaves_its_stories_and_their_pages(rerendered):
    photo = make_photo()
    story = make_article(lead_photo=photo, authors=[make_author()])

    photos.delete_photo(photo=photo)

    story.refresh_from_db()
    assert story.lead_photo is None
    assert rerendered == [{story.pk}]


def test_a_file_two_library_photos_share_stays_until_the_last_goes(
    media, django_capture_on_commit_callbacks
):
    # The demo's stories show one drawing with words of their own: a photo each.
    first = make_photo()
    second = make_photo(image=first.image.name, renditions=first.renditions)

    with django_capture_on_commit_callbacks(execute=True):
        photos.delete_photo(photo=first)
    assert all((media / name).exists() for name in stored_files(second))

    with django_capture_on_commit_callbacks(execute=True):
        photos.delete_photo(photo=second)
    assert not any((media / name).exists() for name in stored_files(second))


def stored_files(photo):
    return [photo.image.name, *rendition_names(photo.renditions)]


def test_a_removed_photos_files_leave_storage_once_the_removal_commits(
    media, django_capture_on_commit_callbacks
):
    photo, other = make_photo(), make_photo()
    files = stored_files(photo)
    assert len(files) > 1  # the original and its renditions
    assert all((media / name).exists() for name in files)

    with django_capture_on_commit_callbacks(execute=True):
        photos.delete_photo(photo=photo)
        assert all((media / name).exists() for name in files)  # a rollback would keep them

    assert not any((media / name).exists() for name in files)
    assert all((media / name).exists() for name in stored_files(other))


def test_placeholders_of_other_photos_are_not_confused():
    photo = make_photo()
    longer_id = int(f"{photo.pk}0")  # 10 beside 1: the same digits, another photo
    story = make_article(body=f'<figure data-photo="{longer_id}"></figure>', body_format=body.HTML)

    assert list(photos.stories_showing(photo.pk)) == []
    assert list(photos.stories_showing(longer_id)) == [story]


def test_an_upload_through_the_admin_is_checked_cleaned_and_made_into_renditions():
    editor = make_user(EDITOR)
    client = client_for(editor)
    upload = SimpleUploadedFile("harbour.jpg", image_bytes("JPEG", (1600, 900)), "image/jpeg")
    data = {"image": upload, "alt_text": "The harbour", "caption": "Dawn.", "credit": "Ann Lens"}

    response = client.post(reverse("admin:articles_photo_add"), data)

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.uploaded_by == editor
    assert [r["width"] for r in photo.renditions["jpeg"]] == [320, 640, 960, 1280, 1600]
    not_an_image = SimpleUploadedFile("notes.jpg", b"just text", "image/jpeg")
    refused = client.post(reverse("admin:articles_photo_add"), {**data, "image": not_an_image})
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors["image"]
    assert Photo.objects.count() == 1


def test_the_library_searches_caption_and_credit_newest_first_with_thumbnails():
    make_photo(caption="Harbour at dawn", credit="Ann Lens")
    make_photo(caption="Council meeting", credit="Harbour Press")
    make_photo(caption="Market day", credit="Bo Field")

    page = client_for(make_user(EDITOR)).get(
        reverse("admin:articles_photo_changelist") + "?q=harbour"
    )

    rows = [photo.caption for photo in page.context["cl"].result_list]
    assert rows == ["Council meeting", "Harbour at dawn"]
    assert page.content.decode().count("renditions/photos/") >= 2


def test_the_picker_answers_the_editor_with_newest_photos_as_json():
    older = make_photo(caption="Harbour at dawn", credit="Ann Lens")
    newer = make_photo(caption="Harbour at dusk", credit="Ann Lens", alt_text="Dusk")
    writer = make_user(CONTRIBUTOR)

    found = client_for(writer).get(PICKER, {"q": "harbour"}).json()["photos"]
    one = client_for(writer).get(PICKER, {"id": older.pk}).json()["photos"]

    assert [p["id"] for p in found] == [newer.pk, older.pk]
    assert found[0]["alt"] == "Dusk"
    assert found[0]["credit"] == "Ann Lens"
    assert "renditions/" in found[0]["thumbnail"]
    assert [p["id"] for p in one] == [older.pk]
    assert client_for(writer).get(PICKER, {"id": "x"}).status_code == 400


@pytest.mark.parametrize("photo_id", ["²", "99999999999999999999", "9" * 5000])
def test_the_picker_answers_a_number_no_photo_can_have_with_a_400(photo_id):
    response = client_for(make_user(CONTRIBUTOR)).get(PICKER, {"id": photo_id})

    assert response.status_code == 400
    assert response.json()["error"] == "A photo is named by its number."


def test_the_picker_is_for_staff_with_the_library_only():
    make_photo()
    nobody = make_user()  # staff, but in no role

    assert client_for(nobody).get(PICKER).status_code == 403
    assert Client().get(PICKER).status_code == 302  # to the login page
